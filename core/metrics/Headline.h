#pragma once

// The headline figures of a reporting window (SPEC §7): tickets created in
// the window, how many of them were escalated, and the escalation rate.

#include "domain/Instant.h"
#include "metrics/DataCoverage.h"
#include "store/Database.h"

#include <optional>

namespace escdesk::metrics {

struct HeadlineFigures {
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
    // escalated / tickets; empty when there are no tickets (never 0 by default).
    std::optional<double> escalationRate;
    // Whether "escalated" came from the event log or, lacking one, from the
    // tickets' own escalated flag.
    bool fromEventLog = false;
    // Why escalations cannot be measured at all (no ticket has a tier or an
    // escalation); empty when they can. `escalated` and `escalationRate`
    // then mean nothing: the rate is empty and the count is not to be shown.
    QString unavailable;
};

HeadlineFigures headlineFigures(store::Database& db, const Window& window);
// The same with the workspace's coverage read once for many windows.
HeadlineFigures headlineFigures(store::Database& db, const Window& window,
                                const DataCoverage& coverage);

} // namespace escdesk::metrics

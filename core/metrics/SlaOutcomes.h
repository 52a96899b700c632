#pragma once

// Which tickets breached an SLA target (SPEC §7 sla_breach_rate): each ticket
// created in the window is run through the matrix's SLA engine as of a given
// instant, and marked breached when any of its targets is.

#include "matrix/TicketAssessment.h"
#include "metrics/TicketFacts.h"

namespace escdesk::metrics {

struct SlaAssessment {
    const matrix::MatrixEvaluator& evaluator;
    UtcSeconds asOf = 0;
};

void markSlaBreaches(MetricsInput& input, const Window& window, const SlaAssessment& sla);

// One ticket's SLA as of the assessment's instant: breached when any target
// is; settled when no clock is still running or paused, so that the verdict
// holds for any later instant too. Empty when no policy covers the ticket.
struct SlaReading {
    bool breached = false;
    bool settled = false;
    // The last instant a breached target breached at: a clock that ran past
    // its target after the ticket's last instant made the verdict only then.
    std::optional<UtcSeconds> lastBreachAt;
};

// The reading of each ticket, in order (shared out over the cores).
std::vector<std::optional<SlaReading>> readSlas(const std::vector<TicketFacts>& tickets,
                                                const SlaAssessment& sla);

} // namespace escdesk::metrics

#pragma once

// The pairing rule of SPEC §7: every claimed, started, decision, bounced and
// info_requested event belongs to the latest `escalated` event of the same
// ticket at or before it, and only the first event of each kind counts. The
// metrics and the reports' per-escalation lists share this one rule.

#include "metrics/TicketFacts.h"

#include <optional>
#include <vector>

namespace escdesk::metrics {

// One `escalated` event with the first of each kind of event paired to it:
// the events that follow it, up to the ticket's next escalation.
struct Escalation {
    UtcSeconds at = 0;
    std::optional<int> toTier;
    std::optional<UtcSeconds> claimed;
    std::optional<UtcSeconds> started;
    std::optional<UtcSeconds> decision;
    bool bounced = false;
    bool infoRequested = false;
};

// The ticket's escalations in time order (its events must be sorted, as
// TicketFacts keeps them).
std::vector<Escalation> pairEscalations(const TicketFacts& ticket);

} // namespace escdesk::metrics

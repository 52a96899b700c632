#pragma once

// What one ticket's facts say about its escalations (SPEC §7): whether it is
// escalated, when first, how often, how high it went. The metrics engine and
// the drill-downs share these, so a list of tickets behind a figure is
// decided by the same rule as the figure.

#include "metrics/TicketFacts.h"

#include <algorithm>
#include <optional>

namespace escdesk::metrics {

inline bool isEscalationEvent(const FactEvent& e) {
    return e.kind == EventKind::Escalated;
}

// The tier an escalation lands on: its to_tier, else one above its
// from_tier, else Tier 2 (the first escalation from the front line).
inline int landingTier(const FactEvent& e) {
    if (e.toTier) {
        return *e.toTier;
    }
    return e.fromTier ? *e.fromTier + 1 : 2;
}

inline int highestTierReached(const TicketFacts& ticket, bool hasEventLog) {
    if (!hasEventLog) {
        return ticket.tier.value_or(1);
    }
    // A ticket opened at tier 2 has reached tier 2 without rising to it.
    int highest = ticket.startTier;
    for (const FactEvent& e : ticket.events) {
        if (isEscalationEvent(e)) {
            highest = std::max(highest, landingTier(e));
        }
    }
    return highest;
}

inline std::int64_t escalationEventCount(const TicketFacts& ticket) {
    return std::count_if(ticket.events.begin(), ticket.events.end(), isEscalationEvent);
}

inline bool hasEventOfKind(const TicketFacts& ticket, EventKind kind) {
    return std::any_of(ticket.events.begin(), ticket.events.end(),
                       [kind](const FactEvent& e) { return e.kind == kind; });
}

inline std::optional<UtcSeconds> firstEscalationAt(const TicketFacts& ticket, bool hasEventLog) {
    if (!hasEventLog) {
        return ticket.escalatedFlag ? ticket.escalatedAt : std::nullopt;
    }
    for (const FactEvent& e : ticket.events) {
        if (isEscalationEvent(e)) {
            return e.at;
        }
    }
    return std::nullopt;
}

// SPEC §7: escalated means an `escalated` event, or without an event log the
// ticket's own flag.
inline bool isEscalated(const TicketFacts& ticket, bool hasEventLog) {
    if (!hasEventLog) {
        return ticket.escalatedFlag;
    }
    return std::any_of(ticket.events.begin(), ticket.events.end(), isEscalationEvent);
}

} // namespace escdesk::metrics

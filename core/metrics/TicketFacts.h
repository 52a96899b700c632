#pragma once

// The facts about one ticket that the metrics of SPEC §7 need, loaded once
// from the store and then computed on in memory: its timestamps, its
// segmenting fields and its escalation events in time order.

#include "domain/EventKind.h"
#include "domain/Instant.h"
#include "metrics/DataCoverage.h"

#include <QString>

#include <optional>
#include <vector>

namespace escdesk::metrics {

struct FactEvent {
    UtcSeconds at = 0;
    EventKind kind = EventKind::Escalated;
    std::optional<int> fromTier;
    std::optional<int> toTier;
};

struct TicketFacts {
    std::int64_t row = 0;
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> firstResponseAt;
    std::optional<UtcSeconds> resolvedAt;
    std::optional<UtcSeconds> closedAt;
    QString status;
    QString priority;
    std::optional<int> tier;    // the ticket's own tier field
    int startTier = 1;          // the tier it was opened at (history imports)
    bool escalatedFlag = false; // the ticket's own escalated field
    std::optional<UtcSeconds> escalatedAt;
    std::optional<double> handleTimeMin;
    std::optional<double> csat;
    QString rootCause;
    QString productArea;
    QString group;
    QString accountId;
    QString accountTier;
    QString accountSegment;
    std::optional<double> accountArr;
    // Whether any SLA target of the ticket is breached; empty when no SLA
    // evaluation was made.
    std::optional<bool> slaBreached;
    // Sorted by time; at one instant `escalated` comes first, so that events
    // at the same instant pair with it ("at or before", SPEC §7).
    std::vector<FactEvent> events;
};

// How far back an escalation looks for an earlier one with the same root
// cause and product area (SPEC §7 repeat_issue_rate).
inline constexpr UtcSeconds repeatIssueLookbackSeconds = 90 * 24 * 3600;

// An escalated, resolved ticket, for the repeat-issue lookback.
struct ResolvedEscalation {
    UtcSeconds resolvedAt = 0;
    QString rootCause;
    QString productArea;
};

struct MetricsInput {
    // Tickets created in the window, and tickets with an `escalated` event in
    // the window (whose escalations count in E(W)).
    std::vector<TicketFacts> tickets;
    // Escalated tickets resolved in the 90 days before the window up to its end.
    std::vector<ResolvedEscalation> resolvedEscalations;
    // False when the workspace holds no events at all: the tickets' own
    // escalated / escalated_at / tier fields then stand in for the log.
    bool hasEventLog = false;
    // What the workspace can measure at all; everything unless the loader
    // found otherwise.
    DataCoverage coverage;
};

// The ticket's root cause for grouping: "Unspecified" when it has none.
inline QString rootCauseOf(const TicketFacts& ticket) {
    return ticket.rootCause.isEmpty() ? QStringLiteral("Unspecified") : ticket.rootCause;
}

// Calls visit(ticket, instant) for each escalation in the window, E(W): the
// `escalated` events inside it or, without an event log, each escalated
// ticket whose escalated_at (else created_at) falls inside it.
template <typename Visit>
void forEachEscalationIn(const MetricsInput& input, const Window& window, Visit&& visit) {
    for (const TicketFacts& ticket : input.tickets) {
        if (!input.hasEventLog) {
            const UtcSeconds at = ticket.escalatedAt.value_or(ticket.createdAt);
            if (ticket.escalatedFlag && window.contains(at)) {
                visit(ticket, at);
            }
            continue;
        }
        for (const FactEvent& e : ticket.events) {
            if (e.kind == EventKind::Escalated && window.contains(e.at)) {
                visit(ticket, e.at);
            }
        }
    }
}

} // namespace escdesk::metrics

#pragma once

// What one ticket and each of its escalations contribute to the metrics of
// SPEC §7, decided once from its facts and the same for every window: how
// long it took to escalate, how each escalation was claimed, worked and
// decided, its stays at each tier, its resolution time. A window's metrics
// are then sums, shares and percentiles over the outcomes that fall in it:
// tickets by creation time, escalations by their own instant. Deciding and
// summing are separate so that the outcomes can be kept in the store
// (OutcomeStore) and summed for any window without reading events again.

#include "metrics/TicketFacts.h"

#include <QString>

#include <optional>
#include <vector>

namespace escdesk::metrics {

// One `escalated` event with what was paired to it (SPEC §7 pairing).
struct EscalationOutcome {
    std::int64_t ticket = 0;
    UtcSeconds at = 0;
    std::optional<double> claimMin;
    std::optional<double> handoffMin;  // to the first paired `started`
    std::optional<double> decisionMin; // to the first paired `decision`
    bool bounced = false;
    bool infoRequested = false;
    QString priority;  // the ticket's
    QString rootCause; // the ticket's, "Unspecified" when it has none
};

// A time spent at one tier (SPEC §7 time_at_tier_min).
struct TierStay {
    int tier = 1;
    double minutes = 0;
};

struct TicketOutcome {
    std::int64_t ticket = 0;
    UtcSeconds createdAt = 0;
    bool escalated = false;
    std::optional<double> timeToEscalateMin;
    int escalationEvents = 0; // its `escalated` events
    int highestTier = 1;      // the highest tier it reached
    int tier3Escalations = 0; // escalations landing on tier 3 or above
    std::optional<double> resolutionMin;
    bool reopened = false;
    std::optional<double> csat;
    std::optional<double> handleTimeMin;
    QString priority;
    QString rootCause;   // as stored, empty when none: the repeat-issue key
    QString productArea; // as stored
    // Whether an escalated ticket with its (root cause, product area) was
    // resolved in the 90 days before it was created; decided against the
    // lookback of a load (ResolvedEscalationIndex), not by the ticket alone.
    bool repeatIssue = false;
    // Whether any SLA target is breached; empty when none was evaluated.
    std::optional<bool> slaBreached;
    std::vector<TierStay> stays; // only with an event log
};

// Outcomes to sum: tickets and escalations, each counted by the window that
// holds its instant (creation, escalation), so both lists may hold others.
struct OutcomeRefs {
    std::vector<const TicketOutcome*> tickets;
    std::vector<const EscalationOutcome*> escalations;
};

// The ticket's outcome, without its repeat-issue flag. Without an event log
// (hasEventLog false) the ticket's own escalated / escalated_at / tier
// fields stand in for the log, as SPEC §7 says.
TicketOutcome ticketOutcomeOf(const TicketFacts& ticket, bool hasEventLog);

// The ticket's escalations with what was paired to each. Without an event
// log, an escalated ticket's one escalation at its escalated_at (else its
// creation), with nothing paired, as forEachEscalationIn visits it.
std::vector<EscalationOutcome> escalationOutcomesOf(const TicketFacts& ticket, bool hasEventLog);

} // namespace escdesk::metrics

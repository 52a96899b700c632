#include "metrics/MetricOutcomes.h"
#include "metrics/EscalationPairing.h"
#include "metrics/TicketEscalations.h"

#include <algorithm>

namespace escdesk::metrics {

std::vector<Escalation> pairEscalations(const TicketFacts& ticket) {
    std::vector<Escalation> escalations;
    for (const FactEvent& e : ticket.events) {
        if (e.kind == EventKind::Escalated) {
            escalations.push_back(Escalation{e.at, e.toTier, {}, {}, {}, false, false});
            continue;
        }
        if (escalations.empty()) {
            continue; // belongs to no escalation
        }
        Escalation& current = escalations.back();
        switch (e.kind) {
        case EventKind::Claimed:
            current.claimed = current.claimed.value_or(e.at);
            break;
        case EventKind::Started:
            current.started = current.started.value_or(e.at);
            break;
        case EventKind::Decision:
            current.decision = current.decision.value_or(e.at);
            break;
        case EventKind::Bounced:
            current.bounced = true;
            break;
        case EventKind::InfoRequested:
            current.infoRequested = true;
            break;
        default:
            break;
        }
    }
    return escalations;
}

namespace {

double minutesBetween(UtcSeconds from, UtcSeconds to) {
    return static_cast<double>(to - from) / 60.0;
}

std::optional<double> minutesTo(UtcSeconds from, const std::optional<UtcSeconds>& to) {
    if (!to) {
        return std::nullopt;
    }
    return minutesBetween(from, *to);
}

// Each stay at tiers 1–3 that the ticket has left (SPEC §7
// time_at_tier_min): the tier it starts at (tier 1, or the first known
// support level of a history import) from creation, every other tier from
// the escalated/bounced event that entered it, until the next
// escalated/bounced event or else the resolution.
std::vector<TierStay> staysOf(const TicketFacts& ticket) {
    std::vector<TierStay> stays;
    auto record = [&stays](int tier, UtcSeconds from, UtcSeconds to) {
        if (tier >= 1 && tier <= 3 && to >= from) {
            stays.push_back(TierStay{tier, minutesBetween(from, to)});
        }
    };
    int tier = ticket.startTier;
    UtcSeconds enteredAt = ticket.createdAt;
    for (const FactEvent& e : ticket.events) {
        if (e.kind != EventKind::Escalated && e.kind != EventKind::Bounced) {
            continue;
        }
        record(tier, enteredAt, e.at);
        if (e.kind == EventKind::Escalated) {
            tier = landingTier(e);
        } else {
            tier = e.toTier.value_or(e.fromTier ? *e.fromTier - 1 : tier - 1);
        }
        enteredAt = e.at;
    }
    if (ticket.resolvedAt) {
        record(tier, enteredAt, *ticket.resolvedAt);
    }
    return stays;
}

int tier3EscalationsOf(const TicketFacts& ticket, bool hasEventLog, int highestTier) {
    if (!hasEventLog) {
        return highestTier >= 3 ? 1 : 0;
    }
    return static_cast<int>(
        std::count_if(ticket.events.begin(), ticket.events.end(), [](const FactEvent& e) {
            return isEscalationEvent(e) && landingTier(e) >= 3;
        }));
}

} // namespace

TicketOutcome ticketOutcomeOf(const TicketFacts& ticket, bool hasEventLog) {
    TicketOutcome outcome;
    outcome.ticket = ticket.row;
    outcome.createdAt = ticket.createdAt;
    outcome.escalated = isEscalated(ticket, hasEventLog);
    if (outcome.escalated) {
        outcome.timeToEscalateMin =
            minutesTo(ticket.createdAt, firstEscalationAt(ticket, hasEventLog));
    }
    outcome.escalationEvents = static_cast<int>(escalationEventCount(ticket));
    outcome.highestTier = highestTierReached(ticket, hasEventLog);
    outcome.tier3Escalations = tier3EscalationsOf(ticket, hasEventLog, outcome.highestTier);
    outcome.resolutionMin = minutesTo(ticket.createdAt, ticket.resolvedAt);
    outcome.reopened = hasEventOfKind(ticket, EventKind::Reopened);
    outcome.csat = ticket.csat;
    outcome.handleTimeMin = ticket.handleTimeMin;
    outcome.priority = ticket.priority;
    outcome.rootCause = ticket.rootCause;
    outcome.productArea = ticket.productArea;
    outcome.slaBreached = ticket.slaBreached;
    if (hasEventLog) {
        outcome.stays = staysOf(ticket);
    }
    return outcome;
}

std::vector<EscalationOutcome> escalationOutcomesOf(const TicketFacts& ticket, bool hasEventLog) {
    std::vector<EscalationOutcome> outcomes;
    const QString rootCause = rootCauseOf(ticket);
    if (!hasEventLog) {
        if (ticket.escalatedFlag) {
            EscalationOutcome& outcome = outcomes.emplace_back();
            outcome.ticket = ticket.row;
            outcome.at = ticket.escalatedAt.value_or(ticket.createdAt);
            outcome.priority = ticket.priority;
            outcome.rootCause = rootCause;
        }
        return outcomes;
    }
    for (const Escalation& e : pairEscalations(ticket)) {
        EscalationOutcome& outcome = outcomes.emplace_back();
        outcome.ticket = ticket.row;
        outcome.at = e.at;
        outcome.claimMin = minutesTo(e.at, e.claimed);
        outcome.handoffMin = minutesTo(e.at, e.started);
        outcome.decisionMin = minutesTo(e.at, e.decision);
        outcome.bounced = e.bounced;
        outcome.infoRequested = e.infoRequested;
        outcome.priority = ticket.priority;
        outcome.rootCause = rootCause;
    }
    return outcomes;
}

} // namespace escdesk::metrics

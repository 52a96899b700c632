#include "metrics/MetricsEngine.h"
#include "metrics/EscalationPairing.h"
#include "metrics/TicketEscalations.h"

#include <algorithm>
#include <numeric>

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

const QString needsEventLog = QStringLiteral("needs event log");

double minutesBetween(UtcSeconds from, UtcSeconds to) {
    return static_cast<double>(to - from) / 60.0;
}

// Adds each stay at tiers 1–3 that the ticket has left (SPEC §7
// time_at_tier_min): tier 1 from creation, every other tier from the
// escalated/bounced event that entered it, until the next escalated/bounced
// event or else the resolution.
void collectStays(const TicketFacts& ticket, std::array<std::vector<double>, 3>& stays) {
    auto record = [&stays](int tier, UtcSeconds from, UtcSeconds to) {
        if (tier >= 1 && tier <= 3 && to >= from) {
            stays[static_cast<std::size_t>(tier - 1)].push_back(minutesBetween(from, to));
        }
    };
    int tier = 1;
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
}

std::optional<double> meanOf(const std::vector<double>& values) {
    if (values.empty()) {
        return std::nullopt;
    }
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// The escalations of E(W): `escalated` events inside the window.
void computeEscalationMetrics(const TicketRefs& tickets, const Window& window, Metrics& m) {
    std::vector<double> claim, handoff, decision;
    std::int64_t escalations = 0, bounced = 0, infoRequested = 0;
    std::int64_t critical = 0, criticalWithin30m = 0;
    for (const TicketFacts* ticketRef : tickets) {
        const TicketFacts& ticket = *ticketRef;
        const bool isCritical =
            ticket.priority.compare(QLatin1String("Critical"), Qt::CaseInsensitive) == 0;
        for (const Escalation& e : pairEscalations(ticket)) {
            if (!window.contains(e.at)) {
                continue;
            }
            ++escalations;
            if (e.claimed) {
                claim.push_back(minutesBetween(e.at, *e.claimed));
            } else {
                ++m.unclaimed;
            }
            if (e.started) {
                handoff.push_back(minutesBetween(e.at, *e.started));
            }
            if (e.decision) {
                decision.push_back(minutesBetween(e.at, *e.decision));
            }
            bounced += e.bounced ? 1 : 0;
            infoRequested += e.infoRequested ? 1 : 0;
            if (isCritical) {
                ++critical;
                if (e.decision && minutesBetween(e.at, *e.decision) <= 30.0) {
                    ++criticalWithin30m;
                }
            }
        }
    }
    m.claimDelayMin = summarize(std::move(claim));
    m.handoffDelayMin = summarize(std::move(handoff));
    m.decisionLatencyMin = summarize(std::move(decision));
    m.bouncebackRate = ratio(bounced, escalations);
    m.contextLossRate = ratio(infoRequested, escalations);
    m.criticalDecisionsWithin30m = ratio(criticalWithin30m, critical);
}

void markNeedsEventLog(Metrics& m) {
    for (const char* key : {"claim_delay_min", "handoff_delay_min", "decision_latency_min",
                            "critical_decisions_within_30m", "bounceback_rate", "context_loss_rate",
                            "escalations_per_escalated_ticket", "reescalated_share", "reopen_rate",
                            "time_at_tier_min"}) {
        m.unavailable[QString::fromLatin1(key)] = needsEventLog;
    }
}

} // namespace

ResolvedEscalationIndex::ResolvedEscalationIndex(const std::vector<ResolvedEscalation>& resolved) {
    for (const ResolvedEscalation& r : resolved) {
        if (!r.rootCause.isEmpty() && !r.productArea.isEmpty()) {
            m_times[{r.rootCause, r.productArea}].push_back(r.resolvedAt);
        }
    }
    for (auto& [key, times] : m_times) {
        std::sort(times.begin(), times.end());
    }
}

bool ResolvedEscalationIndex::isRepeatIssue(const TicketFacts& ticket) const {
    const auto found = m_times.find({ticket.rootCause, ticket.productArea});
    if (found == m_times.end()) {
        return false;
    }
    const std::vector<UtcSeconds>& times = found->second;
    const auto first =
        std::lower_bound(times.begin(), times.end(), ticket.createdAt - repeatIssueLookbackSeconds);
    return first != times.end() && *first < ticket.createdAt;
}

Metrics computeMetrics(const MetricsInput& input, const Window& window,
                       const CostParameters& costs) {
    TicketRefs tickets;
    tickets.reserve(input.tickets.size());
    for (const TicketFacts& ticket : input.tickets) {
        tickets.push_back(&ticket);
    }
    return computeMetrics(tickets, input.hasEventLog,
                          ResolvedEscalationIndex(input.resolvedEscalations), window, costs);
}

Metrics computeMetrics(const TicketRefs& tickets, bool hasEventLog,
                       const ResolvedEscalationIndex& resolvedEscalations, const Window& window,
                       const CostParameters& costs) {
    Metrics m;
    const bool log = hasEventLog;
    std::vector<double> timeToEscalate;
    std::vector<double> resolutionAll, resolutionEscalated, resolutionNotEscalated;
    std::vector<double> csatAll, csatEscalated, csatNotEscalated;
    std::vector<double> handleTimes;
    std::array<std::vector<double>, 3> stays;
    std::int64_t escalationEvents = 0, reescalated = 0, reachedTier2 = 0, reachedTier3 = 0;
    std::int64_t resolved = 0, reopened = 0, repeats = 0, tier3Escalations = 0;
    std::int64_t slaEvaluated = 0, slaBreached = 0, slaEvaluatedEsc = 0, slaBreachedEsc = 0;

    for (const TicketFacts* ticket : tickets) {
        const TicketFacts& t = *ticket;
        if (!window.contains(t.createdAt)) {
            continue; // only in the input for its escalations in E(W)
        }
        ++m.tickets;
        const bool escalated = isEscalated(t, log);
        if (escalated) {
            ++m.escalated;
            if (const auto first = firstEscalationAt(t, log)) {
                timeToEscalate.push_back(minutesBetween(t.createdAt, *first));
            }
            const std::int64_t count = escalationEventCount(t);
            escalationEvents += count;
            reescalated += count >= 2 ? 1 : 0;
            repeats += resolvedEscalations.isRepeatIssue(t) ? 1 : 0;
            if (t.handleTimeMin) {
                handleTimes.push_back(*t.handleTimeMin);
            }
        }
        const int highest = highestTierReached(t, log);
        reachedTier2 += highest >= 2 ? 1 : 0;
        reachedTier3 += highest >= 3 ? 1 : 0;
        if (log) {
            tier3Escalations +=
                std::count_if(t.events.begin(), t.events.end(), [](const FactEvent& e) {
                    return isEscalationEvent(e) && landingTier(e) >= 3;
                });
            collectStays(t, stays);
        } else {
            tier3Escalations += highest >= 3 ? 1 : 0;
        }
        if (t.resolvedAt) {
            ++resolved;
            reopened += hasEventOfKind(t, EventKind::Reopened) ? 1 : 0;
            const double minutes = minutesBetween(t.createdAt, *t.resolvedAt);
            resolutionAll.push_back(minutes);
            (escalated ? resolutionEscalated : resolutionNotEscalated).push_back(minutes);
            if (t.csat) {
                csatAll.push_back(*t.csat);
                (escalated ? csatEscalated : csatNotEscalated).push_back(*t.csat);
            }
        }
        if (t.slaBreached) {
            ++slaEvaluated;
            slaBreached += *t.slaBreached ? 1 : 0;
            if (escalated) {
                ++slaEvaluatedEsc;
                slaBreachedEsc += *t.slaBreached ? 1 : 0;
            }
        }
    }

    m.escalationRate = ratio(m.escalated, m.tickets);
    m.timeToEscalateMin = summarize(std::move(timeToEscalate));
    m.deflectionRate = ratio(reachedTier2 - reachedTier3, reachedTier2);
    m.resolutionTimeMin = {summarize(std::move(resolutionAll)),
                           summarize(std::move(resolutionEscalated)),
                           summarize(std::move(resolutionNotEscalated))};
    m.csat = {meanOf(csatAll), meanOf(csatEscalated), meanOf(csatNotEscalated)};
    m.repeatIssueRate = ratio(repeats, m.escalated);

    if (const auto meanHandle = meanOf(handleTimes)) {
        m.costEscalationHandling =
            static_cast<double>(m.escalated) * (*meanHandle / 60.0) * costs.agentCostPerHour;
    } else if (m.escalated > 0) {
        m.unavailable[QStringLiteral("cost.escalation_handling")] =
            QStringLiteral("needs handle_time_min on escalated tickets");
    } else {
        m.costEscalationHandling = 0.0;
    }
    m.costEngineeringInterruptions = static_cast<double>(tier3Escalations) *
                                     (costs.interruptionMinutes + costs.recoveryMinutes) / 60.0 *
                                     costs.engineerCostPerHour;

    if (slaEvaluated > 0 || m.tickets == 0) {
        m.slaBreachRateAll = ratio(slaBreached, slaEvaluated);
        m.slaBreachRateEscalated = ratio(slaBreachedEsc, slaEvaluatedEsc);
    } else {
        m.unavailable[QStringLiteral("sla_breach_rate")] =
            QStringLiteral("needs SLA policies in the escalation matrix");
    }

    if (!log) {
        markNeedsEventLog(m);
        return m;
    }
    computeEscalationMetrics(tickets, window, m);
    m.escalationsPerEscalatedTicket = ratio(escalationEvents, m.escalated);
    m.reescalatedShare = ratio(reescalated, m.escalated);
    m.reopenRate = ratio(reopened, resolved);
    for (std::size_t tier = 0; tier < 3; ++tier) {
        m.timeAtTierMin[tier] = summarize(std::move(stays[tier]));
    }
    return m;
}

} // namespace escdesk::metrics

#include "analysis/MetricTickets.h"

#include "metrics/EscalationPairing.h"
#include "metrics/FactsLoader.h"
#include "metrics/MetricInputs.h"
#include "metrics/MetricsEngine.h"
#include "metrics/SlaOutcomes.h"
#include "metrics/TicketEscalations.h"

#include <algorithm>
#include <optional>

namespace escdesk::analysis {

namespace {

using metrics::TicketFacts;

double minutesBetween(UtcSeconds from, UtcSeconds to) {
    return static_cast<double>(to - from) / 60.0;
}

// Tickets in order of creation (ties by row).
std::vector<const TicketFacts*> inCreationOrder(const metrics::MetricsInput& input) {
    std::vector<const TicketFacts*> tickets;
    tickets.reserve(input.tickets.size());
    for (const TicketFacts& ticket : input.tickets) {
        tickets.push_back(&ticket);
    }
    std::stable_sort(tickets.begin(), tickets.end(), [](const auto* a, const auto* b) {
        return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->row < b->row;
    });
    return tickets;
}

// A duration's sample: each ticket with its (longest) measured duration.
class Sample {
public:
    void add(std::int64_t row, double minutes) {
        if (!m_entries.empty() && m_entries.back().row == row) {
            m_entries.back().minutes = std::max(m_entries.back().minutes, minutes);
            return;
        }
        m_entries.push_back({row, minutes});
    }

    // Longest first; equal durations in the order they were added.
    void moveInto(FigureTickets& result) && {
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const Entry& a, const Entry& b) { return a.minutes > b.minutes; });
        result.counted.clear();
        for (const Entry& e : m_entries) {
            result.counted.push_back(e.row);
            result.countedMinutes.push_back(e.minutes);
        }
    }

private:
    struct Entry {
        std::int64_t row;
        double minutes;
    };
    std::vector<Entry> m_entries;
};

bool isCritical(const TicketFacts& ticket) {
    return ticket.priority.compare(QLatin1String("Critical"), Qt::CaseInsensitive) == 0;
}

// The figures over T(W), the tickets created in the window.
FigureTickets createdFigure(const metrics::MetricsInput& input, const Window& window,
                            MetricFigure figure) {
    const bool log = input.hasEventLog;
    const bool needsLog = figure == MetricFigure::EscalationsPerEscalatedTicket ||
                          figure == MetricFigure::ReescalatedShare ||
                          figure == MetricFigure::ReopenRate;
    FigureTickets result;
    if (needsLog && !log) {
        return result;
    }
    const std::optional<metrics::ResolvedEscalationIndex> repeats =
        figure == MetricFigure::RepeatIssueRate ? std::optional<metrics::ResolvedEscalationIndex>(
                                                      std::in_place, input.resolvedEscalations)
                                                : std::nullopt;
    Sample sample;
    const bool isDuration =
        figure == MetricFigure::TimeToEscalate || figure == MetricFigure::ResolutionTime;
    for (const TicketFacts* ticket : inCreationOrder(input)) {
        const TicketFacts& t = *ticket;
        if (!window.contains(t.createdAt)) {
            continue; // only in the input for its escalations in E(W)
        }
        const bool escalated = metrics::isEscalated(t, log);
        bool inPopulation = false;
        bool counted = false;
        switch (figure) {
        case MetricFigure::Tickets:
            inPopulation = counted = true;
            break;
        case MetricFigure::Escalated:
        case MetricFigure::EscalationRate:
            inPopulation = true;
            counted = escalated;
            break;
        case MetricFigure::TimeToEscalate:
            inPopulation = escalated;
            if (escalated) {
                if (const auto first = metrics::firstEscalationAt(t, log)) {
                    sample.add(t.row, minutesBetween(t.createdAt, *first));
                }
            }
            break;
        case MetricFigure::EscalationsPerEscalatedTicket:
            inPopulation = counted = escalated;
            break;
        case MetricFigure::ReescalatedShare:
            inPopulation = escalated;
            counted = escalated && metrics::escalationEventCount(t) >= 2;
            break;
        case MetricFigure::RepeatIssueRate:
            inPopulation = escalated;
            counted = escalated && repeats->isRepeatIssue(t);
            break;
        case MetricFigure::DeflectionRate: {
            const int highest = metrics::highestTierReached(t, log);
            inPopulation = highest >= 2;
            counted = highest == 2;
            break;
        }
        case MetricFigure::ReopenRate:
            inPopulation = t.resolvedAt.has_value();
            counted = inPopulation && metrics::hasEventOfKind(t, EventKind::Reopened);
            break;
        case MetricFigure::ResolutionTime:
            inPopulation = true;
            if (t.resolvedAt) {
                sample.add(t.row, minutesBetween(t.createdAt, *t.resolvedAt));
            }
            break;
        case MetricFigure::SlaBreachRate:
            inPopulation = t.slaBreached.has_value();
            counted = t.slaBreached.value_or(false);
            break;
        default:
            break;
        }
        if (inPopulation) {
            result.population.push_back(t.row);
        }
        if (counted) {
            result.counted.push_back(t.row);
        }
    }
    if (isDuration) {
        std::move(sample).moveInto(result);
    }
    return result;
}

// The figures over E(W), the escalations in the window, with the events
// paired to each.
FigureTickets escalationFigure(const metrics::MetricsInput& input, const Window& window,
                               MetricFigure figure) {
    FigureTickets result;
    if (!input.hasEventLog) {
        return result; // the metrics need the event log too
    }
    Sample sample;
    for (const TicketFacts* ticket : inCreationOrder(input)) {
        const TicketFacts& t = *ticket;
        bool inPopulation = false;
        bool counted = false;
        for (const metrics::Escalation& e : metrics::pairEscalations(t)) {
            if (!window.contains(e.at)) {
                continue;
            }
            std::optional<UtcSeconds> measured;
            switch (figure) {
            case MetricFigure::ClaimDelay:
                measured = e.claimed;
                break;
            case MetricFigure::HandoffDelay:
                measured = e.started;
                break;
            case MetricFigure::DecisionLatency:
                measured = e.decision;
                break;
            case MetricFigure::CriticalDecisionsWithin30m:
                if (!isCritical(t)) {
                    continue;
                }
                counted = counted || (e.decision && minutesBetween(e.at, *e.decision) <= 30.0);
                break;
            case MetricFigure::BouncebackRate:
                counted = counted || e.bounced;
                break;
            case MetricFigure::ContextLossRate:
                counted = counted || e.infoRequested;
                break;
            default:
                break;
            }
            inPopulation = true;
            if (measured) {
                sample.add(t.row, minutesBetween(e.at, *measured));
            }
        }
        if (inPopulation) {
            result.population.push_back(t.row);
        }
        if (counted) {
            result.counted.push_back(t.row);
        }
    }
    if (figure == MetricFigure::ClaimDelay || figure == MetricFigure::HandoffDelay ||
        figure == MetricFigure::DecisionLatency) {
        std::move(sample).moveInto(result);
    }
    return result;
}

} // namespace

FigureTickets figureTickets(const metrics::MetricsInput& input, const Window& window,
                            MetricFigure figure) {
    switch (figure) {
    case MetricFigure::ClaimDelay:
    case MetricFigure::HandoffDelay:
    case MetricFigure::DecisionLatency:
    case MetricFigure::CriticalDecisionsWithin30m:
    case MetricFigure::BouncebackRate:
    case MetricFigure::ContextLossRate:
        return escalationFigure(input, window, figure);
    default:
        return createdFigure(input, window, figure);
    }
}

FigureTickets figureTicketsOf(store::Database& db, const Window& window, MetricFigure figure,
                              UtcSeconds slaAsOf) {
    metrics::MetricsInput input = metrics::loadMetricsInput(db, window);
    if (figure == MetricFigure::SlaBreachRate) {
        const metrics::MetricInputs matrixInputs = metrics::metricInputsOf(db);
        metrics::markSlaBreaches(input, window, matrixInputs.slaAsOf(slaAsOf));
    }
    return figureTickets(input, window, figure);
}

QString figureKey(MetricFigure figure) {
    switch (figure) {
    case MetricFigure::Tickets:
        return QStringLiteral("tickets");
    case MetricFigure::Escalated:
        return QStringLiteral("escalated");
    case MetricFigure::EscalationRate:
        return QStringLiteral("escalation_rate");
    case MetricFigure::TimeToEscalate:
        return QStringLiteral("time_to_escalate_min");
    case MetricFigure::ClaimDelay:
        return QStringLiteral("claim_delay_min");
    case MetricFigure::HandoffDelay:
        return QStringLiteral("handoff_delay_min");
    case MetricFigure::DecisionLatency:
        return QStringLiteral("decision_latency_min");
    case MetricFigure::CriticalDecisionsWithin30m:
        return QStringLiteral("critical_decisions_within_30m");
    case MetricFigure::BouncebackRate:
        return QStringLiteral("bounceback_rate");
    case MetricFigure::ContextLossRate:
        return QStringLiteral("context_loss_rate");
    case MetricFigure::EscalationsPerEscalatedTicket:
        return QStringLiteral("escalations_per_escalated_ticket");
    case MetricFigure::ReescalatedShare:
        return QStringLiteral("reescalated_share");
    case MetricFigure::DeflectionRate:
        return QStringLiteral("deflection_rate");
    case MetricFigure::ReopenRate:
        return QStringLiteral("reopen_rate");
    case MetricFigure::ResolutionTime:
        return QStringLiteral("resolution_time_min");
    case MetricFigure::SlaBreachRate:
        return QStringLiteral("sla_breach_rate");
    case MetricFigure::RepeatIssueRate:
        return QStringLiteral("repeat_issue_rate");
    }
    return {};
}

} // namespace escdesk::analysis

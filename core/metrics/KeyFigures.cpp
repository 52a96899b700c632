#include "metrics/KeyFigures.h"

#include "metrics/OutcomeStore.h"

namespace escdesk::metrics {

namespace {

QString reasonOf(const Metrics& m, const QString& key) {
    const auto found = m.unavailable.find(key);
    return found == m.unavailable.end() ? QString() : found->second;
}

KeyFigureValue figure(KeyFigure which, const QString& key, FigureUnit unit, Better better,
                      const std::optional<double>& value, const std::optional<double>& previous,
                      const Metrics& current) {
    KeyFigureValue f;
    f.figure = which;
    f.key = key;
    f.unit = unit;
    f.better = better;
    f.value = value;
    f.previous = previous;
    if (value && previous) {
        f.change = *value - *previous;
    }
    if (!value) {
        f.unavailable = reasonOf(current, key);
    }
    return f;
}

} // namespace

std::vector<KeyFigureValue> keyFigures(const Metrics& current, const Metrics& previous,
                                       const std::optional<double>& highCriticalHandoffP90,
                                       const std::optional<double>& criticalDecisionP90) {
    const Metrics& c = current;
    const Metrics& p = previous;
    std::vector<KeyFigureValue> figures;
    figures.push_back(figure(KeyFigure::TimeToEscalateP90, QStringLiteral("time_to_escalate_min"),
                             FigureUnit::Minutes, Better::Lower, c.timeToEscalateMin.p90,
                             p.timeToEscalateMin.p90, c));
    figures.back().n = c.timeToEscalateMin.n;

    KeyFigureValue handoff =
        figure(KeyFigure::HandoffDelay, QStringLiteral("handoff_delay_min"), FigureUnit::Minutes,
               Better::Lower, c.handoffDelayMin.p90, p.handoffDelayMin.p90, c);
    handoff.p50 = c.handoffDelayMin.p50;
    handoff.n = c.handoffDelayMin.n;
    handoff.benchmarkValue = highCriticalHandoffP90;
    handoff.band = under30MinutesBand(highCriticalHandoffP90);
    figures.push_back(handoff);

    figures.push_back(figure(KeyFigure::DecisionLatencyP90, QStringLiteral("decision_latency_min"),
                             FigureUnit::Minutes, Better::Lower, c.decisionLatencyMin.p90,
                             p.decisionLatencyMin.p90, c));
    figures.back().n = c.decisionLatencyMin.n;

    KeyFigureValue critical =
        figure(KeyFigure::CriticalDecisionsWithin30m,
               QStringLiteral("critical_decisions_within_30m"), FigureUnit::Fraction,
               Better::Higher, c.criticalDecisionsWithin30m, p.criticalDecisionsWithin30m, c);
    // The band judges the share on the card; the p90 it stands for is kept
    // for the tooltip.
    critical.benchmarkValue = criticalDecisionP90;
    critical.band = criticalWithin30mBand(c.criticalDecisionsWithin30m);
    figures.push_back(critical);

    KeyFigureValue bounce =
        figure(KeyFigure::BouncebackRate, QStringLiteral("bounceback_rate"), FigureUnit::Fraction,
               Better::Lower, c.bouncebackRate, p.bouncebackRate, c);
    bounce.band = bouncebackBand(c.bouncebackRate);
    figures.push_back(bounce);

    KeyFigureValue context =
        figure(KeyFigure::ContextLossRate, QStringLiteral("context_loss_rate"),
               FigureUnit::Fraction, Better::Lower, c.contextLossRate, p.contextLossRate, c);
    context.band = contextLossBand(c.contextLossRate);
    figures.push_back(context);

    figures.push_back(figure(KeyFigure::ReescalatedShare, QStringLiteral("reescalated_share"),
                             FigureUnit::Fraction, Better::Lower, c.reescalatedShare,
                             p.reescalatedShare, c));
    figures.push_back(figure(KeyFigure::SlaBreachRate, QStringLiteral("sla_breach_rate"),
                             FigureUnit::Fraction, Better::Lower, c.slaBreachRateAll,
                             p.slaBreachRateAll, c));
    figures.push_back(figure(KeyFigure::DeflectionRate, QStringLiteral("deflection_rate"),
                             FigureUnit::Fraction, Better::Higher, c.deflectionRate,
                             p.deflectionRate, c));
    return figures;
}

OutcomeRefs withPriorities(const WindowOutcomes& outcomes, const QStringList& priorities) {
    OutcomeRefs subset;
    for (const TicketOutcome& ticket : outcomes.tickets) {
        if (priorities.contains(ticket.priority, Qt::CaseInsensitive)) {
            subset.tickets.push_back(&ticket);
        }
    }
    for (const EscalationOutcome& escalation : outcomes.escalations) {
        if (priorities.contains(escalation.priority, Qt::CaseInsensitive)) {
            subset.escalations.push_back(&escalation);
        }
    }
    return subset;
}

KeyFigureComparison compareKeyFigures(store::Database& db, const Window& current,
                                      const Window& previous, UtcSeconds slaAsOf) {
    KeyFigureComparison comparison;
    const WindowOutcomes now = loadWindowOutcomes(db, current, slaAsOf);
    comparison.current = computeMetrics(now, current);
    comparison.previous = metricsOfWindow(db, previous, slaAsOf);
    const QStringList highCritical{QStringLiteral("High"), QStringLiteral("Critical")};
    comparison.highCriticalHandoffMin =
        computeMetrics(withPriorities(now, highCritical), now.hasEventLog, current, now.costs,
                       now.coverage)
            .handoffDelayMin;
    comparison.criticalDecisionMin =
        computeMetrics(withPriorities(now, {QStringLiteral("Critical")}), now.hasEventLog, current,
                       now.costs, now.coverage)
            .decisionLatencyMin;
    comparison.figures =
        keyFigures(comparison.current, comparison.previous, comparison.highCriticalHandoffMin.p90,
                   comparison.criticalDecisionMin.p90);
    return comparison;
}

} // namespace escdesk::metrics

#include "metrics/MetricsJson.h"

#include <QJsonValue>

namespace escdesk::metrics {

namespace {

QJsonValue number(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue count(std::int64_t value) {
    return QJsonValue(static_cast<qint64>(value));
}

bool isUnavailable(const Metrics& m, const char* key) {
    return m.unavailable.count(QString::fromLatin1(key)) > 0;
}

// The value, or null when the metric (or this part of it, "key.part") was
// marked unavailable: not measurable is null, never a count of 0 or an
// object of empty statistics.
QJsonValue unlessUnavailable(const Metrics& m, const char* key, QJsonValue value) {
    return isUnavailable(m, key) ? QJsonValue(QJsonValue::Null) : value;
}

} // namespace

QJsonObject durationToJson(const DurationStats& stats) {
    return QJsonObject{{QStringLiteral("mean"), number(stats.mean)},
                       {QStringLiteral("p50"), number(stats.p50)},
                       {QStringLiteral("p90"), number(stats.p90)},
                       {QStringLiteral("n"), count(stats.n)}};
}

QJsonObject metricsToJson(const Metrics& m) {
    QJsonObject timeAtTier;
    for (int tier = 1; tier <= 3; ++tier) {
        timeAtTier.insert(QString::number(tier),
                          durationToJson(m.timeAtTierMin[static_cast<std::size_t>(tier - 1)]));
    }

    QJsonObject unavailable;
    for (const auto& [key, reason] : m.unavailable) {
        unavailable.insert(key, reason);
    }

    QJsonObject json{
        {QStringLiteral("tickets"), count(m.tickets)},
        {QStringLiteral("escalated"), unlessUnavailable(m, "escalated", count(m.escalated))},
        {QStringLiteral("escalation_rate"), number(m.escalationRate)},
        {QStringLiteral("time_to_escalate_min"),
         unlessUnavailable(m, "time_to_escalate_min", durationToJson(m.timeToEscalateMin))},
        {QStringLiteral("claim_delay_min"),
         unlessUnavailable(m, "claim_delay_min", durationToJson(m.claimDelayMin))},
        // SPEC §7: escalations without a claim are left out of the claim delay
        // and counted here; not measurable where the claim delay is not.
        {QStringLiteral("unclaimed"), unlessUnavailable(m, "claim_delay_min", count(m.unclaimed))},
        {QStringLiteral("handoff_delay_min"),
         unlessUnavailable(m, "handoff_delay_min", durationToJson(m.handoffDelayMin))},
        {QStringLiteral("decision_latency_min"),
         unlessUnavailable(m, "decision_latency_min", durationToJson(m.decisionLatencyMin))},
        {QStringLiteral("critical_decisions_within_30m"), number(m.criticalDecisionsWithin30m)},
        {QStringLiteral("bounceback_rate"), number(m.bouncebackRate)},
        {QStringLiteral("context_loss_rate"), number(m.contextLossRate)},
        {QStringLiteral("escalations_per_escalated_ticket"),
         number(m.escalationsPerEscalatedTicket)},
        {QStringLiteral("reescalated_share"), number(m.reescalatedShare)},
        {QStringLiteral("deflection_rate"), number(m.deflectionRate)},
        {QStringLiteral("reopen_rate"), number(m.reopenRate)},
        {QStringLiteral("resolution_time_min"),
         QJsonObject{{QStringLiteral("all"), durationToJson(m.resolutionTimeMin.all)},
                     {QStringLiteral("escalated"),
                      unlessUnavailable(m, "resolution_time_min.escalated",
                                        durationToJson(m.resolutionTimeMin.escalated))},
                     {QStringLiteral("not_escalated"),
                      unlessUnavailable(m, "resolution_time_min.not_escalated",
                                        durationToJson(m.resolutionTimeMin.notEscalated))}}},
        {QStringLiteral("sla_breach_rate"),
         QJsonObject{{QStringLiteral("all"), number(m.slaBreachRateAll)},
                     {QStringLiteral("escalated"), number(m.slaBreachRateEscalated)}}},
        {QStringLiteral("time_at_tier_min"), unlessUnavailable(m, "time_at_tier_min", timeAtTier)},
        {QStringLiteral("repeat_issue_rate"), number(m.repeatIssueRate)},
        {QStringLiteral("csat"),
         QJsonObject{{QStringLiteral("all"), number(m.csat.all)},
                     {QStringLiteral("escalated"), number(m.csat.escalated)},
                     {QStringLiteral("not_escalated"), number(m.csat.notEscalated)}}},
        {QStringLiteral("cost"),
         QJsonObject{{QStringLiteral("escalation_handling"), number(m.costEscalationHandling)},
                     {QStringLiteral("engineering_interruptions"),
                      number(m.costEngineeringInterruptions)}}},
    };
    if (!unavailable.isEmpty()) {
        json.insert(QStringLiteral("unavailable"), unavailable);
    }
    return json;
}

} // namespace escdesk::metrics

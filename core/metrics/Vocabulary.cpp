#include "metrics/Vocabulary.h"

#include <QStringList>

namespace escdesk::metrics {

const Term* populationOf(const QString& metricKey) {
    static const QStringList overEscalations{QStringLiteral("claim_delay_min"),
                                             QStringLiteral("unclaimed"),
                                             QStringLiteral("handoff_delay_min"),
                                             QStringLiteral("decision_latency_min"),
                                             QStringLiteral("critical_decisions_within_30m"),
                                             QStringLiteral("bounceback_rate"),
                                             QStringLiteral("context_loss_rate")};
    static const QStringList overEscalatedTickets{
        QStringLiteral("escalated"),
        QStringLiteral("escalation_rate"),
        QStringLiteral("time_to_escalate_min"),
        QStringLiteral("escalations_per_escalated_ticket"),
        QStringLiteral("reescalated_share"),
        QStringLiteral("repeat_issue_rate")};
    if (overEscalations.contains(metricKey)) {
        return &escalationsTerm;
    }
    if (overEscalatedTickets.contains(metricKey)) {
        return &escalatedTicketsTerm;
    }
    return nullptr;
}

} // namespace escdesk::metrics

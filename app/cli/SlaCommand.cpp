// escdesk sla --ticket ID: the ticket's SLA clocks (SPEC §6, §10) — each
// target with its status, elapsed and remaining business minutes, share
// consumed and breach instant.

#include "cli/AsOfOption.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::cli {

namespace {

QJsonValue instantJson(const std::optional<UtcSeconds>& instant) {
    return instant ? QJsonValue(toIsoUtc(*instant)) : QJsonValue(QJsonValue::Null);
}

QJsonObject evaluationJson(const sla::SlaEvaluation& evaluation) {
    QJsonArray targets;
    for (const sla::TargetClock& clock : evaluation.targets) {
        targets.append(QJsonObject{
            {QStringLiteral("name"), sla::slaTargetName(clock.target)},
            {QStringLiteral("target_min"), clock.targetMin},
            {QStringLiteral("status"), sla::clockStatusName(clock.status)},
            {QStringLiteral("elapsed_business_min"), clock.elapsedBusinessMin},
            {QStringLiteral("remaining_business_min"), clock.remainingBusinessMin},
            {QStringLiteral("consumed"), clock.consumed},
            {QStringLiteral("at_risk"), clock.atRisk},
            {QStringLiteral("breach_at"), instantJson(clock.breachAt)},
        });
    }
    return QJsonObject{{QStringLiteral("ticket_id"), evaluation.ticketId},
                       {QStringLiteral("policy"), evaluation.policy},
                       {QStringLiteral("calendar"), evaluation.calendar},
                       {QStringLiteral("targets"), targets}};
}

QString minutesText(double minutes) {
    return QString::number(minutes, 'f', minutes == static_cast<qint64>(minutes) ? 0 : 1);
}

void printEvaluation(const sla::SlaEvaluation& evaluation, UtcSeconds asOf) {
    out() << "Ticket " << evaluation.ticketId << " — policy " << evaluation.policy << ", calendar "
          << evaluation.calendar << ", as of " << toIsoUtc(asOf) << '\n';
    for (const sla::TargetClock& clock : evaluation.targets) {
        out() << "  " << qSetFieldWidth(15) << Qt::left << sla::slaTargetName(clock.target)
              << qSetFieldWidth(11) << sla::clockStatusName(clock.status) << qSetFieldWidth(0)
              << minutesText(clock.elapsedBusinessMin) << " of " << clock.targetMin
              << " business min (" << QString::number(clock.consumed * 100.0, 'f', 0) << "%)";
        if (clock.breachAt) {
            out() << (clock.status == sla::ClockStatus::Breached ? ", breached at "
                                                                 : ", breaches at ")
                  << toIsoUtc(*clock.breachAt);
        }
        if (clock.atRisk) {
            out() << "  AT RISK";
        }
        out() << '\n';
    }
}

} // namespace

int runSla(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show a ticket's SLA clocks: first response, resolution and (for "
                       "escalated tickets) claim, in business minutes of the policy's calendar."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    addAsOfOption(parser);
    parser.addOption({QStringLiteral("ticket"), QStringLiteral("The helpdesk ticket id."),
                      QStringLiteral("ID")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    if (!parser.isSet(QStringLiteral("ticket"))) {
        throw UsageProblem{QStringLiteral("--ticket ID is required.")};
    }

    auto workspace = openWorkspace(parser);
    const UtcSeconds asOf = asOfInstant(parser, workspace->reportingTimeZone());
    const QString ticketId = parser.value(QStringLiteral("ticket"));
    const auto context = matrix::loadTicketContext(workspace->db(), ticketId);
    if (!context) {
        err() << "escdesk sla: no ticket '" << ticketId << "' in " << workspace->path() << ".\n";
        return RefusedInput;
    }
    const matrix::Matrix policy = matrix::loadMatrix(workspace->db());
    const auto evaluation = matrix::assessSla(policy, *context, asOf);
    if (!evaluation) {
        err() << "escdesk sla: the matrix has no SLA policy for "
              << matrix::customerTierOf(*context) << " × " << matrix::priorityOf(policy, *context)
              << " (or its calendar is missing); run 'escdesk matrix validate'.\n";
        return RefusedInput;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(evaluationJson(*evaluation)).toJson(QJsonDocument::Compact) << '\n';
    } else {
        printEvaluation(*evaluation, asOf);
    }
    return Success;
}

} // namespace escdesk::cli

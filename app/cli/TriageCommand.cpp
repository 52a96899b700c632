// escdesk triage [--ticket ID]: the severity rules applied to a ticket (or to
// every unresolved ticket) — priority, target tier, action and the rule that
// fired, with each of its conditions and whether it held.

#include "cli/AsOfOption.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"
#include "risk/Sentiment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::cli {

namespace {

QJsonValue textOrNull(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject triageJson(const QString& ticketId, const matrix::TriageResult& result) {
    QJsonArray conditions;
    for (const matrix::ConditionOutcome& outcome : result.conditions) {
        conditions.append(QJsonObject{
            {QStringLiteral("field"), outcome.condition.field},
            {QStringLiteral("operator"), matrix::operatorName(outcome.condition.op)},
            {QStringLiteral("value"), outcome.condition.value},
            {QStringLiteral("held"), outcome.held},
        });
    }
    return QJsonObject{
        {QStringLiteral("ticket_id"), ticketId},
        {QStringLiteral("priority"), textOrNull(result.priority)},
        {QStringLiteral("target_tier"),
         result.targetTier ? QJsonValue(*result.targetTier) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("action"), textOrNull(result.action)},
        {QStringLiteral("rule"),
         result.ruleIndex ? QJsonValue(result.rule) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("conditions"), conditions},
    };
}

void printTriage(const QString& ticketId, const matrix::TriageResult& result) {
    if (!result.ruleIndex) {
        out() << ticketId << ": no rule matched\n";
        return;
    }
    out() << ticketId << ": " << result.priority << ", Tier " << *result.targetTier << " — "
          << result.action << "\n  rule " << (*result.ruleIndex + 1) << " “" << result.rule << "”";
    if (result.conditions.empty()) {
        out() << " (matches every ticket)";
    }
    out() << '\n';
    for (const matrix::ConditionOutcome& outcome : result.conditions) {
        out() << "    " << (outcome.held ? "✓ " : "✗ ") << outcome.condition.field << ' '
              << matrix::operatorName(outcome.condition.op) << ' ' << outcome.condition.value;
        if (!outcome.shown.trimmed().isEmpty() && !outcome.shown.contains(QLatin1Char('\n'))) {
            out() << " (" << outcome.shown << ')';
        }
        out() << '\n';
    }
}

} // namespace

int runTriage(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Apply the severity rules: priority, target tier and action for a ticket, "
                       "or for every unresolved ticket."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    addAsOfOption(parser);
    parser.addOption({QStringLiteral("ticket"), QStringLiteral("The helpdesk ticket id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("all"),
                      QStringLiteral("Without --ticket: every ticket, not only unresolved ones.")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);

    auto workspace = openWorkspace(parser);
    const UtcSeconds asOf = asOfInstant(parser, workspace->reportingTimeZone());
    matrix::MatrixEvaluator evaluator(matrix::loadMatrix(workspace->db()));
    evaluator.setSentimentSource(risk::ticketSentimentSource(evaluator.matrix()));
    const bool json = parser.isSet(QStringLiteral("json"));

    if (parser.isSet(QStringLiteral("ticket"))) {
        const QString ticketId = parser.value(QStringLiteral("ticket"));
        const auto context = matrix::loadTicketContext(workspace->db(), ticketId);
        if (!context) {
            err() << "escdesk triage: no ticket '" << ticketId << "' in " << workspace->path()
                  << ".\n";
            return RefusedInput;
        }
        const matrix::TriageResult result = evaluator.triage(*context, asOf);
        if (json) {
            out() << QJsonDocument(triageJson(ticketId, result)).toJson(QJsonDocument::Compact)
                  << '\n';
        } else {
            printTriage(ticketId, result);
        }
        return Success;
    }

    QJsonArray tickets;
    QJsonObject byPriority;
    for (const std::int64_t row :
         matrix::ticketRows(workspace->db(), !parser.isSet(QStringLiteral("all")))) {
        const auto context = matrix::loadTicketContext(workspace->db(), row);
        const matrix::TriageResult result = evaluator.triage(*context, asOf);
        const QString key = result.priority.isEmpty() ? QStringLiteral("none") : result.priority;
        byPriority[key] = byPriority.value(key).toInt() + 1;
        if (json) {
            tickets.append(triageJson(context->ticket.ticketId, result));
        } else {
            printTriage(context->ticket.ticketId, result);
        }
    }
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("tickets"), tickets},
                                           {QStringLiteral("by_priority"), byPriority}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else if (tickets.isEmpty() && byPriority.isEmpty()) {
        out() << "No tickets to triage.\n";
    }
    return Success;
}

} // namespace escdesk::cli

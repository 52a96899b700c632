// escdesk engineering: the engineering-time ledger of a period (#21) —
// escalations that reached engineering, the engineer hours and cost they
// took, the avoidable share by reason, and the same annualised.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "analysis/EngineeringLedger.h"
#include "matrix/MatrixStore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace escdesk::cli {

namespace {

QJsonObject figuresJson(const analysis::LedgerFigures& figures) {
    return QJsonObject{{QStringLiteral("escalations"), qint64(figures.escalations)},
                       {QStringLiteral("engineer_hours"), figures.engineerHours}};
}

// SPEC §10: {"period", "escalations_to_engineering", "engineer_hours",
// "cost", "avoidable": {"escalations", "engineer_hours", "share",
// "by_reason"}, "annualised": {"engineer_hours", "cost"}}.
QJsonObject ledgerJson(const analysis::EngineeringLedger& ledger, const QJsonObject& period) {
    QJsonObject byReason;
    for (const auto& [reason, figures] : ledger.byReason) {
        byReason.insert(analysis::avoidableReasonKey(reason), figuresJson(figures));
    }
    return QJsonObject{
        {QStringLiteral("period"), period},
        {QStringLiteral("escalations_to_engineering"), qint64(ledger.escalations)},
        {QStringLiteral("engineer_hours"), ledger.engineerHours},
        {QStringLiteral("cost"), ledger.cost},
        {QStringLiteral("avoidable"),
         QJsonObject{{QStringLiteral("escalations"), qint64(ledger.avoidable.escalations)},
                     {QStringLiteral("engineer_hours"), ledger.avoidable.engineerHours},
                     {QStringLiteral("share"), ledger.avoidableShare
                                                   ? QJsonValue(*ledger.avoidableShare)
                                                   : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("by_reason"), byReason}}},
        {QStringLiteral("annualised"),
         QJsonObject{{QStringLiteral("engineer_hours"), ledger.annualisedEngineerHours},
                     {QStringLiteral("cost"), ledger.annualisedCost}}}};
}

QString hours(double value) {
    return QString::number(value, 'f', 1);
}

void printLedger(const analysis::EngineeringLedger& ledger) {
    if (!ledger.engineeringLevel) {
        out() << analysis::ledgerSentence(ledger) << '\n'
              << "Mark the engineering tier on the Matrix page or in the matrix file "
                 "(tiers[].engineering).\n";
        return;
    }
    out() << "Engineering tier: " << ledger.engineeringTier << " (escalations landing on it or "
          << "above, of tickets created in the period)\n"
          << "Escalations to engineering  " << ledger.escalations << '\n'
          << "Engineer hours              " << hours(ledger.engineerHours) << "   ("
          << hours(ledger.hoursPerEscalation * 60.0) << " min each: interruption + recovery)\n"
          << "Cost                        " << QString::number(ledger.cost, 'f', 2) << ' '
          << ledger.currency << '\n'
          << "Avoidable                   " << ledger.avoidable.escalations << " escalations, "
          << hours(ledger.avoidable.engineerHours) << " engineer hours ("
          << formatPercent(ledger.avoidableShare) << ")\n";
    for (const auto& [reason, figures] : ledger.byReason) {
        out() << "  " << analysis::avoidableReasonLabel(reason).leftJustified(30)
              << QString::number(figures.escalations).rightJustified(6) << "  "
              << hours(figures.engineerHours) << " h\n";
    }
    out() << "  (an escalation with several reasons counts once in the total and under each of "
             "its reasons)\n";
    if (!ledger.avoidableByRootCause.empty()) {
        QStringList causes;
        for (const auto& [cause, count] : ledger.avoidableByRootCause) {
            causes << QStringLiteral("%1 (%2)").arg(cause).arg(count);
        }
        out() << "Avoidable by root cause: " << causes.join(QStringLiteral(", ")) << '\n';
    }
    out() << analysis::annualisedSentence(ledger) << '\n';
}

} // namespace

int runEngineering(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The engineering-time ledger of a period (default: the last 30 days): escalations that "
        "reached the tier the matrix marks as engineering, the engineer hours they took "
        "(interruption + context-switch recovery), their cost, the avoidable share (an "
        "avoidable root cause, a known issue with a workaround, or bounced back), and the same "
        "annualised at the period's rate."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);

    auto workspace = openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const DateRange dates = reportingDates(parser, workspace->db(), zone, 30);
    const Window window = windowOf(dates, zone);
    const analysis::EngineeringLedger ledger = analysis::engineeringLedger(
        workspace->db(), window, dates.from.daysTo(dates.to), matrix::loadMatrix(workspace->db()),
        QDateTime::currentSecsSinceEpoch());
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(ledgerJson(ledger, periodJson(dates, zone)))
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Success;
    }
    notePeriodFollowsData(dates);
    printLedger(ledger);
    return Success;
}

} // namespace escdesk::cli

// escdesk root-causes: the escalations of a period by root cause, ranked,
// with the top three in detail (SPEC §8).

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "analysis/AnalysisJson.h"
#include "analysis/RootCauseCosts.h"
#include "matrix/MatrixStore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace escdesk::cli {

namespace {

QString minutesText(const std::optional<double>& minutes) {
    if (!minutes) {
        return QStringLiteral("—");
    }
    return *minutes >= 120 ? QStringLiteral("%1 h").arg(*minutes / 60.0, 0, 'f', 1)
                           : QStringLiteral("%1 min").arg(*minutes, 0, 'f', 0);
}

QString changeText(const analysis::RootCauseRow& row) {
    const std::int64_t change = row.count - row.previousCount;
    return change > 0 ? QStringLiteral("▲ %1").arg(change)
                      : (change < 0 ? QStringLiteral("▼ %1").arg(-change) : QStringLiteral("="));
}

QString costText(const analysis::RootCauseCosts& costs, const QString& rootCause) {
    return QString::number(costs.costOf(rootCause).value_or(0.0), 'f', 0);
}

void printTable(const analysis::RootCauseAnalysis& result, const analysis::RootCauseCosts& costs) {
    if (!result.unavailable.isEmpty()) {
        out() << "Escalations not measurable: " << result.unavailable << "\n";
        return;
    }
    out() << result.escalations << " escalations (" << result.previousEscalations
          << " in the period before)\n\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5  %6 %7 %8\n")
                 .arg(QStringLiteral("root cause").leftJustified(22))
                 .arg(QStringLiteral("count"), 6)
                 .arg(QStringLiteral("share"), 7)
                 .arg(QStringLiteral("change"), 7)
                 .arg(QStringLiteral("resolution"), 11)
                 .arg(QStringLiteral("top product area").leftJustified(24))
                 .arg(QStringLiteral("known issues"))
                 .arg(QStringLiteral("cost"), 10);
    for (const analysis::RootCauseRow& row : result.rows) {
        out() << QStringLiteral("%1 %2 %3 %4 %5  %6 %7 %8\n")
                     .arg(row.rootCause.leftJustified(22))
                     .arg(row.count, 6)
                     .arg(formatPercent(row.share), 7)
                     .arg(changeText(row), 7)
                     .arg(minutesText(row.meanResolutionMin), 11)
                     .arg(row.topProductArea.leftJustified(24))
                     .arg(row.knownIssueMatches, 12)
                     .arg(costText(costs, row.rootCause), 10);
    }
    out() << '\n'
          << QStringLiteral("Total cost %1 (handling %2 + engineering %3)")
                 .arg(costs.total(), 0, 'f', 0)
                 .arg(costs.handling, 0, 'f', 0)
                 .arg(costs.engineering, 0, 'f', 0)
          << (costs.handlingMeasured ? "" : "; handling not measurable (no handle times)") << ".\n"
          << analysis::rootCauseCostNote() << '\n';
}

void printDetail(const analysis::RootCauseAnalysis& result) {
    const std::size_t shown = std::min<std::size_t>(3, result.rows.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const analysis::RootCauseRow& row = result.rows[i];
        out() << '\n'
              << i + 1 << ". " << row.rootCause << " — " << row.count << " escalations ("
              << formatPercent(row.share) << "), " << changeText(row) << " vs the period before\n";
        QStringList areas;
        for (const analysis::CountedName& area : row.productAreas) {
            if (areas.size() == 3) {
                break;
            }
            areas << QStringLiteral("%1 (%2)").arg(area.name).arg(area.count);
        }
        out() << "   Product areas: " << areas.join(QStringLiteral(", ")) << '\n';
        for (const analysis::CountedName& hit : row.knownIssues) {
            out() << "   Known issue " << hit.name << ": " << hit.count << " escalations match\n";
        }
        if (row.documentationGaps > 0) {
            out() << "   Documentation gap: " << row.documentationGaps
                  << " escalations match a known issue without a knowledge-base article\n";
        }
        out() << "   Accounts affected: " << row.affectedAccounts << ", ARR "
              << QString::number(row.affectedArr, 'f', 0) << "; impact "
              << QString::number(row.impact, 'f', 1) << '\n'
              << "   Recommended action: " << row.recommendedAction << '\n'
              << "   Latest: " << row.exampleTickets.join(QStringLiteral(", ")) << '\n';
    }
    out() << "\nImpact: " << analysis::impactFormula(result.usersAffectedKnown) << '\n';
}

} // namespace

int runRootCauses(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The escalations of a period by root cause, ranked by count, with the top "
                       "three in detail (default period: the last 30 days)."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);

    auto workspace = openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const DateRange dates = reportingDates(parser, workspace->db(), zone, 30);
    const Window window = windowOf(dates, zone);
    const analysis::RootCauseAnalysis result = analysis::analyseRootCauses(
        workspace->db(), window, matrix::loadMatrix(workspace->db()).taxonomy);
    const analysis::RootCauseCosts costs =
        analysis::rootCauseCosts(workspace->db(), window, QDateTime::currentSecsSinceEpoch());
    if (!parser.isSet(QStringLiteral("json"))) {
        notePeriodFollowsData(dates);
        printTable(result, costs);
        printDetail(result);
        return Success;
    }
    QJsonObject json = analysis::rootCausesToJson(result);
    analysis::addCostsToJson(json, costs);
    json.insert(QStringLiteral("period"), periodJson(dates, zone));
    out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    return Success;
}

} // namespace escdesk::cli

// escdesk clusters: escalations grouped by similar text, matched against
// known issues — what one fix would prevent (SPEC §8).

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "analysis/AnalysisJson.h"

#include <QJsonObject>

namespace escdesk::cli {

namespace {

void printClusters(const analysis::ClusterAnalysis& result, const QTimeZone& zone, int limit) {
    if (result.clusters.empty()) {
        out() << "No two of the " << result.escalatedTickets
              << " escalations of the period are alike.\n";
        return;
    }
    int shown = 0;
    for (const analysis::ProblemCluster& cluster : result.clusters) {
        if (shown++ == limit) {
            break;
        }
        out() << analysis::clusterSentence(result, cluster, zone) << '\n'
              << "   " << cluster.rootCause << " / " << cluster.productArea << "; "
              << cluster.affectedAccounts << " accounts, impact "
              << QString::number(cluster.impact, 'f', 1);
        if (cluster.duplicates > 0) {
            out() << "; " << cluster.duplicates << " possible duplicates";
        }
        out() << "\n   e.g. " << cluster.members.front().ticketId << " "
              << cluster.members.front().subject << "\n\n";
    }
}

} // namespace

int runClusters(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Escalations grouped by similar subject and description, each matched against the known "
        "issues (default period: the last 30 days)."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("top"), QStringLiteral("Show the N largest clusters (10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const auto top = positiveIntegerOption(parser, QStringLiteral("top")).value_or(10);

    auto workspace = openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const DateRange dates = reportingDates(parser, workspace->db(), zone, 30);
    const Window window = windowOf(dates, zone);
    const analysis::ClusterAnalysis result = analysis::analyseClusters(workspace->db(), window);
    if (!parser.isSet(QStringLiteral("json"))) {
        notePeriodFollowsData(dates);
        printClusters(result, zone, static_cast<int>(top));
        return Success;
    }
    // Written as text: the document of a long period's clusters costs more
    // than the analysis.
    out() << analysis::clustersJsonText(
                 result, zone, QJsonObject{{QStringLiteral("period"), periodJson(dates, zone)}})
          << '\n';
    return Success;
}

} // namespace escdesk::cli

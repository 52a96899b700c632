// escdesk segments --by FIELD: escalation rate per segment against the
// overall rate, with the deviation and a significance test (SPEC §8).

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "analysis/AnalysisJson.h"
#include "report/output/WorkspaceSettings.h"

#include <QJsonDocument>

namespace escdesk::cli {

namespace {

void printAnalysis(const analysis::SegmentAnalysis& result) {
    const bool measured = result.unavailable.isEmpty();
    if (measured) {
        out() << "Overall: " << result.escalated << " of " << result.tickets
              << " tickets escalated (" << formatPercent(result.overallRate) << ")\n\n";
    } else {
        out() << "Overall: " << result.tickets
              << " tickets; escalation rate not measurable: " << result.unavailable << "\n\n";
    }
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                 .arg(metrics::segmentFieldName(result.field).leftJustified(24))
                 .arg(QStringLiteral("tickets"), 9)
                 .arg(QStringLiteral("escalated"), 10)
                 .arg(QStringLiteral("rate"), 7)
                 .arg(QStringLiteral("vs all"), 9)
                 .arg(QStringLiteral("p"), 8);
    for (const analysis::SegmentRow& row : result.rows) {
        const QString deviation = row.deviationPts
                                      ? QStringLiteral("%1 pts").arg(*row.deviationPts, 0, 'f', 1)
                                      : QStringLiteral("—");
        const QString p = row.pValue ? QString::number(*row.pValue, 'g', 2) : QStringLiteral("—");
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6%7\n")
                     .arg((row.value.isNull() ? QStringLiteral("(none)") : row.value)
                              .leftJustified(24))
                     .arg(row.tickets, 9)
                     .arg(measured ? QString::number(row.escalated) : QStringLiteral("—"), 10)
                     .arg(formatPercent(row.rate), 7)
                     .arg(deviation, 9)
                     .arg(p, 8)
                     .arg(row.significantlyAbove ? QStringLiteral("  significantly above")
                                                 : QString());
    }
}

} // namespace

int runSegments(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Escalation rate per segment against the overall rate, each segment tested against "
        "all other tickets (two-proportion z-test, or Fisher's exact test where an expected "
        "count is below 5; a segment needs at least 10 tickets to be called significantly "
        "above; default period: the last 90 days)."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Segment by %1 (default: segment). arr_band: under 10k, "
                                     "10k–50k, 50k–250k, 250k–1M, 1M and over; renewal_window: "
                                     "whether the account renews within N days after the "
                                     "period (N: setting renewal_window_days, default 90).")
                          .arg(metrics::segmentFieldNames().join(QLatin1String(" | "))),
                      QStringLiteral("FIELD"), QStringLiteral("segment")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const auto field = metrics::parseSegmentField(parser.value(QStringLiteral("by")));
    if (!field) {
        throw UsageProblem{QStringLiteral("--by: '%1' is not one of %2.")
                               .arg(parser.value(QStringLiteral("by")),
                                    metrics::segmentFieldNames().join(QLatin1String(", ")))};
    }

    auto workspace = openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const DateRange dates = reportingDates(parser, workspace->db(), zone, 90);
    const Window window = windowOf(dates, zone);
    const metrics::RenewalWindow renewal{dates.to, report::renewalWindowDays(*workspace)};
    const analysis::SegmentAnalysis result =
        analysis::analyseSegments(workspace->db(), window, *field, renewal);
    if (!parser.isSet(QStringLiteral("json"))) {
        notePeriodFollowsData(dates);
        printAnalysis(result);
        return Success;
    }
    QJsonObject json = analysis::segmentAnalysisToJson(result);
    json.insert(QStringLiteral("period"), periodJson(dates, zone));
    if (*field == metrics::SegmentField::RenewalWindow) {
        json.insert(QStringLiteral("renewal_window_days"), renewal.days);
    }
    out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    return Success;
}

} // namespace escdesk::cli

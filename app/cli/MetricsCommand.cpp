// escdesk metrics: every metric of SPEC §7 for a period, overall or per
// segment, as a readable table or (--json) with the spec's key names.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "matrix/MatrixStore.h"
#include "metrics/FactsLoader.h"
#include "metrics/MetricInputs.h"
#include "metrics/MetricsJson.h"
#include "metrics/OutcomeStore.h"
#include "metrics/Segmentation.h"
#include "metrics/SlaOutcomes.h"
#include "report/output/WorkspaceSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <map>

namespace escdesk::cli {

namespace {

QString minutes(const metrics::DurationStats& stats) {
    if (!stats.mean) {
        return QStringLiteral("—");
    }
    return QStringLiteral("mean %1  p50 %2  p90 %3  (n=%4)")
        .arg(*stats.mean, 0, 'f', 1)
        .arg(*stats.p50, 0, 'f', 1)
        .arg(*stats.p90, 0, 'f', 1)
        .arg(stats.n);
}

QString score(const std::optional<double>& value) {
    return value ? QString::number(*value, 'f', 2) : QStringLiteral("—");
}

// Money as the reports write it: whole units with thousands separators.
QString money(const std::optional<double>& value) {
    return value ? QLocale(QLocale::English).toString(*value, 'f', 0) : QStringLiteral("—");
}

void printRow(const QString& label, const QString& value, const char* benchmark = "") {
    out() << "  " << label.leftJustified(40) << value;
    if (*benchmark) {
        out() << "   [" << benchmark << ']';
    }
    out() << '\n';
}

void printRow(const char* label, const QString& value, const char* benchmark = "") {
    printRow(QString::fromUtf8(label), value, benchmark);
}

void printMetrics(const metrics::Metrics& m, const QString& currency) {
    printRow("tickets", QString::number(m.tickets));
    printRow("escalated", m.unavailable.count(QStringLiteral("escalated")) > 0
                              ? QStringLiteral("—")
                              : QString::number(m.escalated));
    printRow("escalation rate", formatPercent(m.escalationRate), "good < 10%, attention > 15%");
    printRow("time to escalate (min)", minutes(m.timeToEscalateMin));
    printRow("claim delay (min)", minutes(m.claimDelayMin));
    printRow("unclaimed escalations", QString::number(m.unclaimed));
    printRow("handoff delay (min)", minutes(m.handoffDelayMin), "< 30 for High/Critical");
    printRow("decision latency (min)", minutes(m.decisionLatencyMin));
    printRow("critical decisions within 30 min", formatPercent(m.criticalDecisionsWithin30m));
    printRow("bounceback rate", formatPercent(m.bouncebackRate), "healthy 5-10%, bad > 20%");
    printRow("context loss rate", formatPercent(m.contextLossRate), "< 10%");
    printRow("escalations per escalated ticket",
             m.escalationsPerEscalatedTicket
                 ? QString::number(*m.escalationsPerEscalatedTicket, 'f', 2)
                 : QStringLiteral("—"));
    printRow("re-escalated share", formatPercent(m.reescalatedShare));
    printRow("deflection rate", formatPercent(m.deflectionRate));
    printRow("reopen rate", formatPercent(m.reopenRate));
    printRow("resolution time, all (min)", minutes(m.resolutionTimeMin.all));
    printRow("  escalated (min)", minutes(m.resolutionTimeMin.escalated));
    printRow("  not escalated (min)", minutes(m.resolutionTimeMin.notEscalated));
    printRow("SLA breach rate, all", formatPercent(m.slaBreachRateAll));
    printRow("SLA breach rate, escalated", formatPercent(m.slaBreachRateEscalated));
    printRow("time at Tier 1 (min)", minutes(m.timeAtTierMin[0]));
    printRow("time at Tier 2 (min)", minutes(m.timeAtTierMin[1]));
    printRow("time at Tier 3 (min)", minutes(m.timeAtTierMin[2]));
    printRow("repeat issue rate", formatPercent(m.repeatIssueRate));
    printRow("CSAT, all", score(m.csat.all));
    printRow("CSAT, escalated", score(m.csat.escalated));
    printRow("CSAT, not escalated", score(m.csat.notEscalated));
    const QByteArray handling =
        QStringLiteral("cost, escalation handling (%1)").arg(currency).toUtf8();
    const QByteArray interruptions =
        QStringLiteral("cost, engineering interruptions (%1)").arg(currency).toUtf8();
    printRow(handling.constData(), money(m.costEscalationHandling));
    printRow(interruptions.constData(), money(m.costEngineeringInterruptions));
    // One line per reason, naming the figures it holds back.
    std::map<QString, QStringList> keysByReason;
    for (const auto& [key, reason] : m.unavailable) {
        keysByReason[reason].append(key);
    }
    for (const auto& [reason, keys] : keysByReason) {
        out() << "  (" << keys.join(QStringLiteral(", ")) << ": " << reason << ")\n";
    }
}

metrics::SegmentField segmentOption(const QCommandLineParser& parser) {
    const QString name = parser.value(QStringLiteral("segment"));
    const auto field = metrics::parseSegmentField(name);
    if (!field) {
        throw UsageProblem{QStringLiteral("--segment: '%1' is not one of %2.")
                               .arg(name, metrics::segmentFieldNames().join(QLatin1String(", ")))};
    }
    return *field;
}

struct MetricsRequest {
    DateRange dates;
    Window window;
    metrics::RenewalWindow renewal; // for --segment renewal_window
    QTimeZone zone;
    UtcSeconds slaAsOf = 0;
    bool json = false;
};

int reportOverall(store::Database& db, const MetricsRequest& request) {
    const metrics::Metrics result = metrics::metricsOfWindow(db, request.window, request.slaAsOf);
    if (!request.json) {
        notePeriodFollowsData(request.dates);
        printMetrics(result, matrix::loadMatrix(db).cost.currency);
        return Success;
    }
    QJsonObject object = metrics::metricsToJson(result);
    object.insert(QStringLiteral("period"), periodJson(request.dates, request.zone));
    out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    return Success;
}

int reportSegments(store::Database& db, const MetricsRequest& request,
                   metrics::SegmentField field) {
    metrics::MetricsInput input = metrics::loadMetricsInput(db, request.window);
    const metrics::MetricInputs matrixInputs = metrics::metricInputsOf(db);
    metrics::markSlaBreaches(input, request.window, matrixInputs.slaAsOf(request.slaAsOf));
    if (!request.json) {
        notePeriodFollowsData(request.dates);
    }
    const QString currency = matrix::loadMatrix(db).cost.currency;
    QJsonArray segments;
    for (const metrics::SegmentInput& segment :
         metrics::splitBySegment(db, input, field, request.renewal)) {
        const metrics::Metrics result =
            metrics::computeMetrics(segment.input, request.window, matrixInputs.costs);
        if (!request.json) {
            out() << (segment.value.isNull() ? QStringLiteral("(none)") : segment.value) << '\n';
            printMetrics(result, currency);
            out() << '\n';
            continue;
        }
        QJsonObject object = metrics::metricsToJson(result);
        object.insert(QStringLiteral("value"), segment.value.isNull() ? QJsonValue(QJsonValue::Null)
                                                                      : QJsonValue(segment.value));
        segments.append(object);
    }
    if (request.json) {
        const QJsonObject object{
            {QStringLiteral("segments"), segments},
            {QStringLiteral("segment_by"), segmentFieldName(field)},
            {QStringLiteral("period"), periodJson(request.dates, request.zone)}};
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    }
    return Success;
}

} // namespace

int runMetrics(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Compute the escalation metrics of a period (default: the last 30 days)."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("segment"),
                      QStringLiteral("Split by %1.")
                          .arg(metrics::segmentFieldNames().join(QLatin1String(" | "))),
                      QStringLiteral("FIELD")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const bool segmented = parser.isSet(QStringLiteral("segment"));
    const metrics::SegmentField field =
        segmented ? segmentOption(parser) : metrics::SegmentField::AccountTier;

    auto workspace = openWorkspace(parser);
    MetricsRequest request;
    request.zone = reportingZone(parser, *workspace);
    request.dates = reportingDates(parser, workspace->db(), request.zone, 30);
    request.window = windowOf(request.dates, request.zone);
    request.renewal = {request.dates.to, report::renewalWindowDays(*workspace)};
    request.slaAsOf = QDateTime::currentSecsSinceEpoch();
    request.json = parser.isSet(QStringLiteral("json"));
    return segmented ? reportSegments(workspace->db(), request, field)
                     : reportOverall(workspace->db(), request);
}

} // namespace escdesk::cli

// escdesk trend --granularity week|month: every metric per period, with
// changes, moving averages, rising root causes and the p90 regression flag.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "analysis/AnalysisJson.h"
#include "analysis/ClusterSpikes.h"
#include "analysis/TrendCategories.h"

#include <QDateTime>
#include <QJsonDocument>

#include <map>

namespace escdesk::cli {

namespace {

QString formatValue(const QString& key, const std::optional<double>& value) {
    if (!value) {
        return QStringLiteral("—");
    }
    if (key.endsWith(QLatin1String("rate")) || key.endsWith(QLatin1String("share")) ||
        key.endsWith(QLatin1String("30m"))) {
        return QStringLiteral("%1%").arg(*value * 100.0, 0, 'f', 1);
    }
    // The series' durations are percentiles of minutes: said so beside each.
    if (key.endsWith(QLatin1String("_p50")) || key.endsWith(QLatin1String("_p90"))) {
        return QStringLiteral("%1 min").arg(*value, 0, 'f', 1);
    }
    return QString::number(
        *value, 'f', key == QLatin1String("tickets") || key == QLatin1String("escalated") ? 0 : 1);
}

// The spike flag of the latest complete week (weekly trends only).
void printSpikes(const analysis::Trend& trend, store::Database& db, const QTimeZone& zone) {
    if (trend.granularity != analysis::Granularity::Week) {
        return;
    }
    const analysis::SpikeCheck check = analysis::rootCauseSpikes(trend);
    for (const analysis::Spike& spike : check.spikes) {
        out() << "Spike, week of " << check.weekStart.toString(Qt::ISODate) << ": "
              << analysis::spikeText(spike) << '\n';
    }
    const analysis::ClusterSpikeCheck clusters = analysis::clusterSpikes(db, check, zone);
    for (const analysis::ClusterSpike& spike : clusters.spikes) {
        out() << "Cluster spike, week of " << clusters.weekStart.toString(Qt::ISODate) << ": "
              << analysis::clusterSpikeText(spike) << '\n';
    }
}

void printTrend(const analysis::Trend& trend, store::Database& db, const QTimeZone& zone) {
    const auto series = analysis::trendSeries(trend);
    const QStringList shown{QStringLiteral("tickets"),
                            QStringLiteral("escalated"),
                            QStringLiteral("escalation_rate"),
                            QStringLiteral("time_to_escalate_p90"),
                            QStringLiteral("decision_latency_p90"),
                            QStringLiteral("bounceback_rate")};
    out() << QStringLiteral("period").leftJustified(24);
    for (const QString& key : shown) {
        out() << key.rightJustified(22);
    }
    out() << '\n';
    for (std::size_t i = 0; i < trend.points.size(); ++i) {
        const analysis::TrendPeriod& period = trend.points[i].period;
        // A period the range cuts is marked: the first one may start inside
        // its week or month, the last one end inside it.
        out() << (period.firstDay.toString(Qt::ISODate) +
                  (period.startsLate  ? QStringLiteral(" (from here)")
                   : period.endsEarly ? QStringLiteral(" (so far)")
                                      : QString()))
                     .leftJustified(24);
        for (const auto& [key, values] : series) {
            if (shown.contains(key)) {
                out() << formatValue(key, values[i]).rightJustified(22);
            }
        }
        out() << (trend.points[i].p90Regression ? "  p90 regression" : "") << '\n';
    }
    out() << '\n';
    // What the data cannot measure, once: every period shares the workspace's.
    if (!trend.points.empty()) {
        std::map<QString, QStringList> keysByReason;
        for (const auto& [key, reason] : trend.points.front().metrics.unavailable) {
            if (shown.contains(key) || key == QLatin1String("time_to_escalate_min") ||
                key == QLatin1String("decision_latency_min")) {
                keysByReason[reason].append(key);
            }
        }
        for (const auto& [reason, keys] : keysByReason) {
            out() << "Not measurable (" << keys.join(QStringLiteral(", ")) << "): " << reason
                  << '\n';
        }
    }
    for (const analysis::RisingCategory& category : trend.rising) {
        QStringList counts;
        for (std::int64_t count : category.counts) {
            counts << QString::number(count);
        }
        out() << "Rising: " << category.rootCause << " (" << counts.join(QStringLiteral(" → "))
              << " escalations)\n";
    }
    if (trend.p90.latestP90 && trend.p90.trailingMedian) {
        out() << "p90 time to escalate, week of " << trend.p90.weekStart.toString(Qt::ISODate)
              << ": " << QString::number(*trend.p90.latestP90, 'f', 1) << " min vs trailing median "
              << QString::number(*trend.p90.trailingMedian, 'f', 1) << " min"
              << (trend.p90.regressed ? QStringLiteral(" — REGRESSION (> +20%)") : QString())
              << '\n';
    }
    printSpikes(trend, db, zone);
}

} // namespace

int runTrend(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Every metric per week or month (default: the last 13 weeks or 6 months, the current "
        "period so far included)."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("granularity"), QStringLiteral("week or month."),
                      QStringLiteral("UNIT"), QStringLiteral("week")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const auto granularity =
        analysis::parseGranularity(parser.value(QStringLiteral("granularity")));
    if (!granularity) {
        throw UsageProblem{QStringLiteral("--granularity: '%1' is not week or month.")
                               .arg(parser.value(QStringLiteral("granularity")))};
    }

    auto workspace = openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const int defaultDays = *granularity == analysis::Granularity::Week ? 13 * 7 : 6 * 31;
    const DateRange dates = reportingDates(parser, workspace->db(), zone, defaultDays);
    const analysis::Trend trend =
        analysis::analyseTrend(workspace->db(), dates.from, dates.to, *granularity, zone,
                               QDateTime::currentSecsSinceEpoch());
    if (!parser.isSet(QStringLiteral("json"))) {
        notePeriodFollowsData(dates);
        printTrend(trend, workspace->db(), zone);
        return Success;
    }
    QJsonObject json = analysis::trendToJson(trend);
    if (trend.granularity == analysis::Granularity::Week) {
        const analysis::SpikeCheck spikes = analysis::rootCauseSpikes(trend);
        json.insert(QStringLiteral("spikes"), analysis::spikeCheckToJson(spikes));
        json.insert(QStringLiteral("cluster_spikes"),
                    analysis::clusterSpikeCheckToJson(
                        analysis::clusterSpikes(workspace->db(), spikes, zone)));
    }
    json.insert(QStringLiteral("period"), periodJson(dates, zone));
    out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    return Success;
}

} // namespace escdesk::cli

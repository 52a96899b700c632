#include "analysis/AnalysisJson.h"

#include "analysis/DocumentationGaps.h"
#include "metrics/MetricsJson.h"
#include "metrics/Segmentation.h"
#include "text/CompactJsonText.h"
#include "text/FastText.h"

#include <QJsonArray>

#include <algorithm>
#include <functional>
#include <map>

namespace escdesk::analysis {

namespace {

using text::CompactJsonText;

QJsonValue number(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString clusterMethod() {
    return QStringLiteral("TF-IDF over word stems without stop words; a ticket joins the most "
                          "similar cluster at cosine >= %1; duplicates at cosine >= %2")
        .arg(clusterThreshold)
        .arg(duplicateThreshold);
}

QJsonValue text(const QString& value) {
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonArray numbers(const std::vector<std::optional<double>>& values) {
    QJsonArray array;
    for (const auto& value : values) {
        array.append(number(value));
    }
    return array;
}

std::optional<double> asOptional(std::int64_t value) {
    return static_cast<double>(value);
}

using Extract = std::function<std::optional<double>(const metrics::Metrics&)>;

const std::vector<std::pair<QString, Extract>>& seriesExtractors() {
    using M = metrics::Metrics;
    static const std::vector<std::pair<QString, Extract>> extractors{
        {QStringLiteral("tickets"),
         [](const M& m) {
             return asOptional(m.tickets);
         }},
        {QStringLiteral("escalated"),
         [](const M& m) {
             // Not measurable is null, as in the period's own metrics.
             return m.unavailable.count(QStringLiteral("escalated")) > 0 ? std::nullopt
                                                                         : asOptional(m.escalated);
         }},
        {QStringLiteral("escalation_rate"),
         [](const M& m) {
             return m.escalationRate;
         }},
        {QStringLiteral("time_to_escalate_p90"),
         [](const M& m) {
             return m.timeToEscalateMin.p90;
         }},
        {QStringLiteral("claim_delay_p90"),
         [](const M& m) {
             return m.claimDelayMin.p90;
         }},
        {QStringLiteral("handoff_delay_p90"),
         [](const M& m) {
             return m.handoffDelayMin.p90;
         }},
        {QStringLiteral("decision_latency_p90"),
         [](const M& m) {
             return m.decisionLatencyMin.p90;
         }},
        {QStringLiteral("critical_decisions_within_30m"),
         [](const M& m) {
             return m.criticalDecisionsWithin30m;
         }},
        {QStringLiteral("bounceback_rate"),
         [](const M& m) {
             return m.bouncebackRate;
         }},
        {QStringLiteral("context_loss_rate"),
         [](const M& m) {
             return m.contextLossRate;
         }},
        {QStringLiteral("reescalated_share"),
         [](const M& m) {
             return m.reescalatedShare;
         }},
        {QStringLiteral("deflection_rate"),
         [](const M& m) {
             return m.deflectionRate;
         }},
        {QStringLiteral("reopen_rate"),
         [](const M& m) {
             return m.reopenRate;
         }},
        {QStringLiteral("repeat_issue_rate"),
         [](const M& m) {
             return m.repeatIssueRate;
         }},
        {QStringLiteral("resolution_time_p50"),
         [](const M& m) {
             return m.resolutionTimeMin.all.p50;
         }},
        {QStringLiteral("csat"),
         [](const M& m) {
             return m.csat.all;
         }},
    };
    return extractors;
}

// The change from each period to the next; none into or out of a partial
// period: a week cut to one day is not compared with a whole week.
std::vector<std::optional<double>> changes(const std::vector<std::optional<double>>& series,
                                           const std::vector<TrendPoint>& points) {
    std::vector<std::optional<double>> result(series.size());
    for (std::size_t i = 1; i < series.size(); ++i) {
        const bool whole = !points[i].period.partial && !points[i - 1].period.partial;
        if (whole && series[i] && series[i - 1]) {
            result[i] = *series[i] - *series[i - 1];
        }
    }
    return result;
}

QJsonObject periodPointToJson(const TrendPoint& point) {
    QJsonObject json = metrics::metricsToJson(point.metrics);
    json.insert(QStringLiteral("from"), point.period.firstDay.toString(Qt::ISODate));
    json.insert(QStringLiteral("to"), point.period.endDay.toString(Qt::ISODate));
    json.insert(QStringLiteral("partial"), point.period.partial);
    json.insert(QStringLiteral("escalations"), static_cast<qint64>(point.escalations));
    QJsonObject byCause;
    for (const auto& [cause, count] : point.escalationsByRootCause) {
        byCause.insert(cause, static_cast<qint64>(count));
    }
    json.insert(QStringLiteral("escalations_by_root_cause"), byCause);
    json.insert(QStringLiteral("p90_regression"), point.p90Regression);
    json.insert(QStringLiteral("trailing_median_p90"), number(point.trailingMedianP90));
    return json;
}

} // namespace

std::vector<std::pair<QString, std::vector<std::optional<double>>>>
trendSeries(const Trend& trend) {
    std::vector<std::pair<QString, std::vector<std::optional<double>>>> series;
    for (const auto& [key, extract] : seriesExtractors()) {
        std::vector<std::optional<double>> values;
        for (const TrendPoint& point : trend.points) {
            values.push_back(extract(point.metrics));
        }
        series.emplace_back(key, std::move(values));
    }
    return series;
}

namespace {

// "z" or "fisher"; null where the segment could not be tested.
QJsonValue testName(const std::optional<ProportionTestKind>& test) {
    if (!test) {
        return QJsonValue(QJsonValue::Null);
    }
    return *test == ProportionTestKind::FisherExact ? QStringLiteral("fisher")
                                                    : QStringLiteral("z");
}

} // namespace

QJsonObject segmentAnalysisToJson(const SegmentAnalysis& analysis) {
    // Escalations not measurable: null counts, as the metrics say it.
    const bool measured = analysis.unavailable.isEmpty();
    const auto escalated = [measured](std::int64_t count) {
        return measured ? QJsonValue(static_cast<qint64>(count)) : QJsonValue(QJsonValue::Null);
    };
    QJsonArray rows;
    for (const SegmentRow& row : analysis.rows) {
        rows.append(QJsonObject{{QStringLiteral("value"), text(row.value)},
                                {QStringLiteral("tickets"), static_cast<qint64>(row.tickets)},
                                {QStringLiteral("escalated"), escalated(row.escalated)},
                                {QStringLiteral("rate"), number(row.rate)},
                                {QStringLiteral("deviation_pts"), number(row.deviationPts)},
                                {QStringLiteral("p_value"), number(row.pValue)},
                                {QStringLiteral("test"), testName(row.test)},
                                {QStringLiteral("significantly_above"), row.significantlyAbove}});
    }
    QJsonObject json{
        {QStringLiteral("by"), metrics::segmentFieldName(analysis.field)},
        {QStringLiteral("overall"),
         QJsonObject{{QStringLiteral("tickets"), static_cast<qint64>(analysis.tickets)},
                     {QStringLiteral("escalated"), escalated(analysis.escalated)},
                     {QStringLiteral("rate"), number(analysis.overallRate)}}},
        {QStringLiteral("test"),
         QStringLiteral("each segment against all other tickets, two-sided: two-proportion "
                        "z-test, or Fisher's exact test where an expected count is below 5; "
                        "significant at p < 0.05 in segments of at least %1 tickets")
             .arg(smallestSegmentToCall)},
        {QStringLiteral("segments"), rows}};
    if (!measured) {
        json.insert(QStringLiteral("unavailable"),
                    QJsonObject{{QStringLiteral("escalation_rate"), analysis.unavailable}});
    }
    return json;
}

QJsonObject trendToJson(const Trend& trend) {
    QJsonArray periods;
    for (const TrendPoint& point : trend.points) {
        periods.append(periodPointToJson(point));
    }
    QJsonObject series, average, change;
    for (const auto& [key, values] : trendSeries(trend)) {
        series.insert(key, numbers(values));
        average.insert(key, numbers(movingAverage3(values)));
        change.insert(key, numbers(changes(values, trend.points)));
    }
    QJsonArray rising;
    for (const RisingCategory& category : trend.rising) {
        QJsonArray counts, shares;
        for (std::int64_t count : category.counts) {
            counts.append(static_cast<qint64>(count));
        }
        for (double share : category.shares) {
            shares.append(share);
        }
        rising.append(QJsonObject{{QStringLiteral("root_cause"), category.rootCause},
                                  {QStringLiteral("counts"), counts},
                                  {QStringLiteral("shares"), shares}});
    }
    return QJsonObject{
        {QStringLiteral("granularity"), granularityName(trend.granularity)},
        {QStringLiteral("periods"), periods},
        {QStringLiteral("series"), series},
        {QStringLiteral("moving_average_3"), average},
        {QStringLiteral("change"), change},
        {QStringLiteral("rising_root_causes"), rising},
        {QStringLiteral("rising_rule"),
         QStringLiteral("escalation count up in each of the last %1 complete periods, share of "
                        "escalations higher in the latest than in the first, and at least %2 "
                        "escalations in the latest")
             .arg(risingPeriods)
             .arg(risingMinimumCount)},
        {QStringLiteral("p90_regression"),
         QJsonObject{
             {QStringLiteral("week"), trend.p90.weekStart.isValid()
                                          ? QJsonValue(trend.p90.weekStart.toString(Qt::ISODate))
                                          : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("p90"), number(trend.p90.latestP90)},
             {QStringLiteral("trailing_median"), number(trend.p90.trailingMedian)},
             {QStringLiteral("threshold"), regressionThreshold},
             {QStringLiteral("regressed"), trend.p90.regressed}}},
    };
}

namespace {

QJsonArray countedNames(const std::vector<CountedName>& names, const char* key) {
    QJsonArray array;
    for (const CountedName& entry : names) {
        array.append(QJsonObject{{QString::fromLatin1(key), entry.name},
                                 {QStringLiteral("count"), static_cast<qint64>(entry.count)}});
    }
    return array;
}

QJsonObject rootCauseToJson(const RootCauseRow& row, const std::vector<KnownIssue>& issues,
                            bool usersAffectedKnown) {
    QJsonArray knownIssues;
    for (const CountedName& hit : row.knownIssues) {
        const auto issue = std::find_if(issues.begin(), issues.end(),
                                        [&](const KnownIssue& k) { return k.issueId == hit.name; });
        knownIssues.append(QJsonObject{
            {QStringLiteral("id"), hit.name},
            {QStringLiteral("title"), issue == issues.end() ? QString() : issue->title},
            {QStringLiteral("workaround"), issue == issues.end() ? QString() : issue->workaround},
            {QStringLiteral("kb_article"), issue == issues.end() ? QString() : issue->kbArticle},
            {QStringLiteral("matched"), static_cast<qint64>(hit.count)}});
    }
    QJsonArray examples;
    for (const QString& id : row.exampleTickets) {
        examples.append(id);
    }
    QJsonObject json{
        {QStringLiteral("root_cause"), row.rootCause},
        {QStringLiteral("count"), static_cast<qint64>(row.count)},
        {QStringLiteral("share"), row.share},
        {QStringLiteral("previous_count"), static_cast<qint64>(row.previousCount)},
        {QStringLiteral("change"), static_cast<qint64>(row.count - row.previousCount)},
        {QStringLiteral("mean_resolution_min"), number(row.meanResolutionMin)},
        {QStringLiteral("top_product_area"), text(row.topProductArea)},
        {QStringLiteral("product_areas"), countedNames(row.productAreas, "product_area")},
        {QStringLiteral("known_issue_matches"), static_cast<qint64>(row.knownIssueMatches)},
        {QStringLiteral("known_issues"), knownIssues},
        {QStringLiteral("documentation_gaps"), static_cast<qint64>(row.documentationGaps)},
        {QStringLiteral("recommended_action"), row.recommendedAction},
        {QStringLiteral("affected_accounts"), static_cast<qint64>(row.affectedAccounts)},
        {QStringLiteral("affected_arr"), row.affectedArr},
        {QStringLiteral("impact"), row.impact},
        {QStringLiteral("examples"), examples}};
    // Only where the data records users affected: elsewhere the shape is as before.
    if (usersAffectedKnown) {
        json.insert(QStringLiteral("users_affected"), row.usersAffected);
    }
    return json;
}

} // namespace

QJsonObject rootCausesToJson(const RootCauseAnalysis& analysis) {
    QJsonArray rows, top;
    for (const RootCauseRow& row : analysis.rows) {
        rows.append(rootCauseToJson(row, analysis.knownIssues, analysis.usersAffectedKnown));
        if (top.size() < 3) {
            top.append(row.rootCause);
        }
    }
    const bool measured = analysis.unavailable.isEmpty();
    const auto escalations = [measured](std::int64_t count) {
        return measured ? QJsonValue(static_cast<qint64>(count)) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject json{
        {QStringLiteral("escalations"), escalations(analysis.escalations)},
        {QStringLiteral("previous_escalations"), escalations(analysis.previousEscalations)},
        {QStringLiteral("impact_formula"), impactFormula(analysis.usersAffectedKnown)},
        {QStringLiteral("root_causes"), rows},
        {QStringLiteral("top"), top}};
    if (!measured) {
        json.insert(QStringLiteral("unavailable"),
                    QJsonObject{{QStringLiteral("escalations"), analysis.unavailable}});
    }
    return json;
}

QJsonObject clustersToJson(const ClusterAnalysis& analysis, const QTimeZone& zone) {
    QJsonArray clusters;
    for (const ProblemCluster& cluster : analysis.clusters) {
        QJsonArray members;
        for (const ClusterMember& member : cluster.members) {
            members.append(
                QJsonObject{{QStringLiteral("ticket_id"), member.ticketId},
                            {QStringLiteral("subject"), member.subject},
                            {QStringLiteral("escalated_at"), toIsoUtc(member.escalatedAt)},
                            {QStringLiteral("similarity"), member.similarity},
                            {QStringLiteral("duplicate_of"),
                             text(member.duplicateOf.isEmpty() ? QString() : member.duplicateOf)}});
        }
        QJsonValue issue(QJsonValue::Null);
        if (cluster.knownIssue) {
            issue = QJsonObject{
                {QStringLiteral("id"), cluster.knownIssue->issueId},
                {QStringLiteral("title"), cluster.knownIssue->title},
                {QStringLiteral("workaround"), cluster.knownIssue->workaround},
                {QStringLiteral("matched"), static_cast<qint64>(cluster.knownIssueMatches)}};
        }
        clusters.append(QJsonObject{
            {QStringLiteral("size"), static_cast<qint64>(cluster.members.size())},
            {QStringLiteral("sentence"), clusterSentence(analysis, cluster, zone)},
            {QStringLiteral("top_terms"), QJsonArray::fromStringList(cluster.topTerms)},
            {QStringLiteral("product_area"), cluster.productArea},
            {QStringLiteral("root_cause"), cluster.rootCause},
            {QStringLiteral("known_issue"), issue},
            {QStringLiteral("documentation_gap"),
             isDocumentationGap(cluster.knownIssue ? &*cluster.knownIssue : nullptr)},
            {QStringLiteral("duplicates"), static_cast<qint64>(cluster.duplicates)},
            {QStringLiteral("affected_accounts"), static_cast<qint64>(cluster.affectedAccounts)},
            {QStringLiteral("affected_arr"), cluster.affectedArr},
            {QStringLiteral("impact"), cluster.impact},
            {QStringLiteral("tickets"), members}});
        if (analysis.usersAffectedKnown) {
            QJsonObject shown = clusters.last().toObject();
            shown.insert(QStringLiteral("users_affected"), cluster.usersAffected);
            clusters.replace(clusters.size() - 1, shown);
        }
    }
    return QJsonObject{
        {QStringLiteral("escalated_tickets"), static_cast<qint64>(analysis.escalatedTickets)},
        {QStringLiteral("method"), clusterMethod()},
        {QStringLiteral("impact_formula"), impactFormula(analysis.usersAffectedKnown)},
        {QStringLiteral("clusters"), clusters}};
}

namespace {

// One cluster as clustersToJson gives it, keys in QJsonObject's order.
void writeCluster(CompactJsonText& json, const ClusterAnalysis& analysis,
                  const ProblemCluster& cluster, const QTimeZone& zone) {
    json.beginObject();
    json.key(QLatin1String("affected_accounts")).integer(cluster.affectedAccounts);
    json.key(QLatin1String("affected_arr")).number(cluster.affectedArr);
    json.key(QLatin1String("documentation_gap"))
        .boolean(isDocumentationGap(cluster.knownIssue ? &*cluster.knownIssue : nullptr));
    json.key(QLatin1String("duplicates")).integer(cluster.duplicates);
    json.key(QLatin1String("impact")).number(cluster.impact);
    json.key(QLatin1String("known_issue"));
    if (cluster.knownIssue) {
        json.beginObject();
        json.key(QLatin1String("id")).string(cluster.knownIssue->issueId);
        json.key(QLatin1String("matched")).integer(cluster.knownIssueMatches);
        json.key(QLatin1String("title")).string(cluster.knownIssue->title);
        json.key(QLatin1String("workaround")).string(cluster.knownIssue->workaround);
        json.endObject();
    } else {
        json.null();
    }
    json.key(QLatin1String("product_area")).string(cluster.productArea);
    json.key(QLatin1String("root_cause")).string(cluster.rootCause);
    json.key(QLatin1String("sentence")).string(clusterSentence(analysis, cluster, zone));
    json.key(QLatin1String("size")).integer(static_cast<qint64>(cluster.members.size()));
    json.key(QLatin1String("tickets")).beginArray();
    for (const ClusterMember& member : cluster.members) {
        json.beginObject();
        json.key(QLatin1String("duplicate_of"));
        member.duplicateOf.isEmpty() ? json.null() : json.string(member.duplicateOf);
        json.key(QLatin1String("escalated_at")).string(text::isoUtc(member.escalatedAt));
        json.key(QLatin1String("similarity")).number(member.similarity);
        json.key(QLatin1String("subject")).string(member.subject);
        json.key(QLatin1String("ticket_id")).string(member.ticketId);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1String("top_terms")).beginArray();
    for (const QString& term : cluster.topTerms) {
        json.string(term);
    }
    json.endArray();
    if (analysis.usersAffectedKnown) {
        json.key(QLatin1String("users_affected")).number(cluster.usersAffected);
    }
    json.endObject();
}

} // namespace

QString clustersJsonText(const ClusterAnalysis& analysis, const QTimeZone& zone,
                         const QJsonObject& extra) {
    // The keys of clustersToJson and `extra`, in QJsonObject's order.
    std::map<QString, std::function<void(CompactJsonText&)>> values;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const QJsonValue value = it.value();
        values[it.key()] = [value](CompactJsonText& json) {
            json.raw(
                QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                    .mid(1)
                    .chopped(1));
        };
    }
    values[QStringLiteral("clusters")] = [&](CompactJsonText& json) {
        json.beginArray();
        for (const ProblemCluster& cluster : analysis.clusters) {
            writeCluster(json, analysis, cluster, zone);
        }
        json.endArray();
    };
    values[QStringLiteral("escalated_tickets")] = [&](CompactJsonText& json) {
        json.integer(analysis.escalatedTickets);
    };
    values[QStringLiteral("impact_formula")] = [&](CompactJsonText& json) {
        json.string(impactFormula(analysis.usersAffectedKnown));
    };
    values[QStringLiteral("method")] = [](CompactJsonText& json) {
        json.string(clusterMethod());
    };
    CompactJsonText json;
    json.beginObject();
    for (const auto& [key, write] : values) {
        json.key(key);
        write(json);
    }
    json.endObject();
    return std::move(json.text());
}

} // namespace escdesk::analysis

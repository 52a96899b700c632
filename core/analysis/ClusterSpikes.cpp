#include "analysis/ClusterSpikes.h"

#include <QJsonArray>

#include <algorithm>

namespace escdesk::analysis {

namespace {

constexpr int namingTerms = 3;
constexpr int weeksClustered = spikeTrailingWeeks + 1;

UtcSeconds startOfDay(const QDate& day, const QTimeZone& zone) {
    return QDateTime(day, QTime(0, 0), zone).toSecsSinceEpoch();
}

} // namespace

QString clusterSpikeRuleText() {
    return QStringLiteral("A problem cluster spikes by the root causes' rule: its escalated "
                          "tickets in the latest complete week are at least %1 and exceed "
                          "m + %2 × max(1.4826 × MAD, 1) over the %3 complete weeks before. "
                          "The %4 weeks are clustered once, as one window, and each cluster's "
                          "tickets are counted in the week of their first escalation in it.")
        .arg(spikeMinimumCount)
        .arg(spikeK, 0, 'f', 0)
        .arg(spikeTrailingWeeks)
        .arg(weeksClustered);
}

std::vector<ClusterSpike> clusterSpikesOf(const ClusterAnalysis& clusters,
                                          const std::vector<UtcSeconds>& weekStarts) {
    std::vector<ClusterSpike> spikes;
    if (weekStarts.size() != static_cast<std::size_t>(weeksClustered) + 1) {
        return spikes;
    }
    for (const ProblemCluster& cluster : clusters.clusters) {
        std::vector<std::int64_t> weeks(weeksClustered, 0);
        for (const ClusterMember& member : cluster.members) {
            // The week whose start is the last one at or before the member's.
            const auto next =
                std::upper_bound(weekStarts.begin(), weekStarts.end(), member.escalatedAt);
            if (next == weekStarts.begin() || next == weekStarts.end()) {
                continue; // outside the 9 weeks
            }
            ++weeks[static_cast<std::size_t>(next - weekStarts.begin() - 1)];
        }
        ClusterSpike spike;
        spike.count = weeks.back();
        spike.trailing.assign(weeks.begin(), weeks.end() - 1);
        spike.threshold = spikeThreshold(spike.trailing);
        if (!isSpike(spike.count, spike.threshold)) {
            continue;
        }
        spike.topTerms = cluster.topTerms;
        spike.rootCause = cluster.rootCause;
        spike.size = static_cast<std::int64_t>(cluster.members.size());
        spikes.push_back(std::move(spike));
    }
    // Largest clusters came first: a stable sort keeps them first among ties.
    std::stable_sort(spikes.begin(), spikes.end(),
                     [](const ClusterSpike& a, const ClusterSpike& b) {
                         return static_cast<double>(a.count) - a.threshold.threshold >
                                static_cast<double>(b.count) - b.threshold.threshold;
                     });
    return spikes;
}

ClusterSpikeCheck clusterSpikes(store::Database& db, const SpikeCheck& rootCauses,
                                const QTimeZone& zone) {
    ClusterSpikeCheck check;
    check.weekStart = rootCauses.weekStart;
    check.enoughWeeks = rootCauses.enoughWeeks;
    // A cluster spikes with at least 5 tickets first escalated in the week,
    // each an escalation of the week: with fewer escalations in all, none
    // can, and the 9 weeks need not be clustered.
    if (!check.enoughWeeks || rootCauses.escalations < spikeMinimumCount) {
        return check;
    }
    std::vector<UtcSeconds> weekStarts;
    for (int week = -spikeTrailingWeeks; week <= 1; ++week) {
        weekStarts.push_back(startOfDay(check.weekStart.addDays(7 * week), zone));
    }
    const ClusterAnalysis clusters =
        analyseClusters(db, Window{weekStarts.front(), weekStarts.back()}, ClusterDetail::Spikes);
    check.spikes = clusterSpikesOf(clusters, weekStarts);
    return check;
}

QJsonObject clusterSpikeCheckToJson(const ClusterSpikeCheck& check) {
    QJsonArray spikes;
    for (const ClusterSpike& spike : check.spikes) {
        QJsonObject entry{{QStringLiteral("cluster"), clusterSpikeName(spike)},
                          {QStringLiteral("top_terms"), QJsonArray::fromStringList(spike.topTerms)},
                          {QStringLiteral("root_cause"), spike.rootCause},
                          {QStringLiteral("size"), static_cast<qint64>(spike.size)}};
        addSpikeFigures(entry, spike.count, spike.trailing, spike.threshold);
        spikes.append(entry);
    }
    return QJsonObject{
        {QStringLiteral("week"), check.weekStart.isValid()
                                     ? QJsonValue(check.weekStart.toString(Qt::ISODate))
                                     : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rule"), clusterSpikeRuleText()},
        {QStringLiteral("enough_weeks"), check.enoughWeeks},
        {QStringLiteral("flagged"), spikes}};
}

QString clusterSpikeName(const ClusterSpike& spike) {
    return spike.topTerms.mid(0, namingTerms).join(QStringLiteral(", "));
}

QString clusterSpikeText(const ClusterSpike& spike) {
    return spikeText(clusterSpikeName(spike), spike.count, spike.threshold);
}

} // namespace escdesk::analysis

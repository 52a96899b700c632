#include "analysis/TrendCategories.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace escdesk::analysis {

StackedCategories stackedRootCauses(const Trend& trend, int maxNames) {
    std::map<QString, std::int64_t> totals;
    for (const TrendPoint& point : trend.points) {
        for (const auto& [name, count] : point.escalationsByRootCause) {
            totals[name] += count;
        }
    }
    std::vector<std::pair<QString, std::int64_t>> ranked(totals.begin(), totals.end());
    // The map is ordered by name: a stable sort by count keeps ties by name.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    const std::size_t leading =
        std::min<std::size_t>(ranked.size(), std::size_t(std::max(0, maxNames)));

    StackedCategories stacked;
    for (std::size_t i = 0; i < leading; ++i) {
        stacked.names << ranked[i].first;
    }
    const bool other = ranked.size() > leading;
    if (other) {
        stacked.names << QStringLiteral("All other");
    }
    stacked.counts.assign(std::size_t(stacked.names.size()),
                          std::vector<std::int64_t>(trend.points.size(), 0));
    for (std::size_t p = 0; p < trend.points.size(); ++p) {
        for (const auto& [name, count] : trend.points[p].escalationsByRootCause) {
            const qsizetype index = stacked.names.indexOf(name);
            const bool isLeading = index >= 0 && std::size_t(index) < leading;
            const std::size_t slot = isLeading ? std::size_t(index) : leading;
            stacked.counts[slot][p] += count;
        }
    }
    return stacked;
}

} // namespace escdesk::analysis

namespace escdesk::analysis {

namespace {

double medianOfCounts(std::vector<double> values) {
    return values.empty() ? 0.0 : medianOf(std::move(values));
}

// The latest complete week and the spikeTrailingWeeks points before it;
// null when there is no complete week.
const TrendPoint* latestCompleteWeek(const Trend& weekly, std::size_t* index) {
    for (std::size_t i = weekly.points.size(); i-- > 0;) {
        if (!weekly.points[i].period.partial) {
            *index = i;
            return &weekly.points[i];
        }
    }
    return nullptr;
}

} // namespace

QString spikeRuleText() {
    return QStringLiteral("A root cause spikes when its escalations in the latest complete week "
                          "are at least %1 and exceed m + %2 × max(1.4826 × MAD, 1), where m is "
                          "the median of its weekly counts over the %3 complete weeks before "
                          "and MAD the median absolute deviation from m.")
        .arg(spikeMinimumCount)
        .arg(spikeK, 0, 'f', 0)
        .arg(spikeTrailingWeeks);
}

SpikeThreshold spikeThreshold(const std::vector<std::int64_t>& trailing) {
    std::vector<double> counts(trailing.begin(), trailing.end());
    SpikeThreshold result;
    result.median = medianOfCounts(counts);
    std::vector<double> deviations;
    deviations.reserve(counts.size());
    for (double count : counts) {
        deviations.push_back(std::abs(count - result.median));
    }
    result.mad = medianOfCounts(std::move(deviations));
    result.spread = std::max(madToStandardDeviation * result.mad, spikeSmallestSpread);
    result.threshold = result.median + spikeK * result.spread;
    return result;
}

bool isSpike(std::int64_t count, const SpikeThreshold& threshold) {
    return count >= spikeMinimumCount && static_cast<double>(count) > threshold.threshold;
}

SpikeCheck rootCauseSpikes(const Trend& weekly) {
    SpikeCheck check;
    std::size_t latestIndex = 0;
    const TrendPoint* latest = weekly.granularity == Granularity::Week
                                   ? latestCompleteWeek(weekly, &latestIndex)
                                   : nullptr;
    if (!latest) {
        return check;
    }
    check.weekStart = latest->period.firstDay;
    if (latestIndex < static_cast<std::size_t>(spikeTrailingWeeks)) {
        return check;
    }
    const std::size_t firstTrailing = latestIndex - spikeTrailingWeeks;
    for (std::size_t i = firstTrailing; i < latestIndex; ++i) {
        if (weekly.points[i].period.partial) {
            return check;
        }
    }
    check.enoughWeeks = true;
    for (const auto& [rootCause, count] : latest->escalationsByRootCause) {
        check.escalations += count;
        Spike spike{rootCause, count, {}, {}};
        for (std::size_t i = firstTrailing; i < latestIndex; ++i) {
            const auto& counts = weekly.points[i].escalationsByRootCause;
            const auto found = counts.find(rootCause);
            spike.trailing.push_back(found == counts.end() ? 0 : found->second);
        }
        spike.threshold = spikeThreshold(spike.trailing);
        if (isSpike(count, spike.threshold)) {
            check.spikes.push_back(std::move(spike));
        }
    }
    // The map was ordered by name: a stable sort keeps ties by name.
    std::stable_sort(check.spikes.begin(), check.spikes.end(), [](const Spike& a, const Spike& b) {
        return static_cast<double>(a.count) - a.threshold.threshold >
               static_cast<double>(b.count) - b.threshold.threshold;
    });
    return check;
}

QJsonObject spikeCheckToJson(const SpikeCheck& check) {
    QJsonArray spikes;
    for (const Spike& spike : check.spikes) {
        QJsonObject entry{{QStringLiteral("root_cause"), spike.rootCause}};
        addSpikeFigures(entry, spike.count, spike.trailing, spike.threshold);
        spikes.append(entry);
    }
    return QJsonObject{
        {QStringLiteral("week"), check.weekStart.isValid()
                                     ? QJsonValue(check.weekStart.toString(Qt::ISODate))
                                     : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rule"), spikeRuleText()},
        {QStringLiteral("enough_weeks"), check.enoughWeeks},
        {QStringLiteral("flagged"), spikes}};
}

QString spikeText(const Spike& spike) {
    return spikeText(spike.rootCause, spike.count, spike.threshold);
}

QString spikeText(const QString& name, std::int64_t count, const SpikeThreshold& threshold) {
    return QStringLiteral("%1 (%2 vs a usual %3, threshold %4)")
        .arg(name)
        .arg(count)
        .arg(threshold.median, 0, 'f', threshold.median == std::floor(threshold.median) ? 0 : 1)
        .arg(threshold.threshold, 0, 'f', 1);
}

void addSpikeFigures(QJsonObject& entry, std::int64_t count,
                     const std::vector<std::int64_t>& trailing, const SpikeThreshold& threshold) {
    QJsonArray counts;
    for (std::int64_t weekCount : trailing) {
        counts.append(static_cast<qint64>(weekCount));
    }
    entry.insert(QStringLiteral("count"), static_cast<qint64>(count));
    entry.insert(QStringLiteral("trailing"), counts);
    entry.insert(QStringLiteral("median"), threshold.median);
    entry.insert(QStringLiteral("mad"), threshold.mad);
    entry.insert(QStringLiteral("threshold"), threshold.threshold);
}

} // namespace escdesk::analysis

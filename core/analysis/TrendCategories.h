#pragma once

// The root causes a stacked trend chart shows: the few with the most
// escalations over the whole trend, the rest together as "All other", so a chart
// stays readable however many root causes a taxonomy has.

#include "analysis/Trend.h"

#include <QJsonObject>
#include <QStringList>

namespace escdesk::analysis {

struct StackedCategories {
    // The leading root causes by escalations over all periods (ties by
    // name), then "All other" when any remain.
    QStringList names;
    // counts[name][period]: escalations of that root cause in that period.
    std::vector<std::vector<std::int64_t>> counts;
};

StackedCategories stackedRootCauses(const Trend& trend, int maxNames);

// The spike flag (issue #21): a root cause whose escalations in the latest
// complete week exceed what its own recent weeks make ordinary. With the
// counts x1…x8 of the 8 complete weeks before it (0 where it had none),
//
//   m = median(x),  MAD = median(|xi − m|),  s = max(1.4826 × MAD, 1)
//   spike when  count ≥ 5  and  count > m + 3 × s
//
// The median and MAD, unlike a mean and standard deviation, are not moved by
// an earlier spike among the 8 weeks. 1.4826 scales the MAD to the standard
// deviation of normally distributed counts, so 3 means "three standard
// deviations"; the floor of 1 keeps a cause that was perfectly steady (MAD 0)
// from being flagged for one escalation more than usual, and the minimum of
// 5 keeps a jump from 0 to 2 off the list.
inline constexpr int spikeTrailingWeeks = 8;
inline constexpr double spikeK = 3.0;
inline constexpr double madToStandardDeviation = 1.4826;
inline constexpr double spikeSmallestSpread = 1.0;
inline constexpr std::int64_t spikeMinimumCount = 5;

// The rule in words, for the pages, the report and --json.
QString spikeRuleText();

// The threshold of a series of trailing counts, with the figures behind it.
struct SpikeThreshold {
    double median = 0.0;
    double mad = 0.0;    // unscaled
    double spread = 0.0; // max(1.4826 × MAD, 1)
    double threshold = 0.0;
};
SpikeThreshold spikeThreshold(const std::vector<std::int64_t>& trailing);
bool isSpike(std::int64_t count, const SpikeThreshold& threshold);

struct Spike {
    QString rootCause;
    std::int64_t count = 0;             // in the latest complete week
    std::vector<std::int64_t> trailing; // the 8 weeks before, oldest first
    SpikeThreshold threshold;
};

struct SpikeCheck {
    QDate weekStart; // the latest complete week; invalid when there is none
    // Whether the 8 weeks before it are in the trend and complete: without
    // them nothing is flagged.
    bool enoughWeeks = false;
    std::vector<Spike> spikes; // furthest above its threshold first; ties by name
    // Escalations of all root causes in that week: under the minimum of 5 no
    // cluster of it can spike either (ClusterSpikes.h).
    std::int64_t escalations = 0;
};

// The check on a weekly trend (no week checked on a monthly one).
SpikeCheck rootCauseSpikes(const Trend& weekly);

// {"week", "rule", "enough_weeks", "flagged": [{"root_cause", "count",
// "trailing", "median", "mad", "threshold"}]}: the "spikes" key of
// `trend --json --granularity week`.
QJsonObject spikeCheckToJson(const SpikeCheck& check);

// "Billing (12 vs a usual 4, threshold 7.0)" per spike, for sentences.
QString spikeText(const Spike& spike);

// What root-cause and cluster spikes share: the latest count against its
// threshold in words ("NAME (12 vs a usual 4, threshold 7.0)"), and in JSON
// the keys "count", "trailing", "median", "mad" and "threshold" added to
// one flagged entry.
QString spikeText(const QString& name, std::int64_t count, const SpikeThreshold& threshold);
void addSpikeFigures(QJsonObject& entry, std::int64_t count,
                     const std::vector<std::int64_t>& trailing, const SpikeThreshold& threshold);

} // namespace escdesk::analysis

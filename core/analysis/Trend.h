#pragma once

// Trends (SPEC §8): every metric per week or month, the change from one
// period to the next, a 3-period moving average, root causes on the rise,
// and the p90 time-to-escalate regression flag.

#include "analysis/TrendPeriods.h"
#include "metrics/MetricsEngine.h"
#include "store/Database.h"

#include <map>
#include <optional>
#include <vector>

namespace escdesk::analysis {

// A root cause is rising when, over the last `risingPeriods` complete
// periods, its escalation count went up from each period to the next, its
// share of all escalations is higher in the latest period than in the first
// (so growth of the whole queue alone does not count, while a one-off spike
// of another cause in between does not hide it), and it had at least
// `risingMinimumCount` escalations in the latest period.
inline constexpr int risingPeriods = 3;
inline constexpr std::int64_t risingMinimumCount = 5;

// The p90 regression rule: the week's p90 time-to-escalate exceeds the
// median of the 4 weeks before it by more than 20%.
inline constexpr int regressionTrailingWeeks = 4;
inline constexpr double regressionThreshold = 1.2;

struct TrendPoint {
    TrendPeriod period;
    metrics::Metrics metrics;
    std::int64_t escalations = 0; // |E(W)|
    std::map<QString, std::int64_t> escalationsByRootCause;
    // For weekly points with 4 complete weeks before them.
    std::optional<double> trailingMedianP90;
    bool p90Regression = false;
};

struct RisingCategory {
    QString rootCause;
    std::vector<std::int64_t> counts; // the last `risingPeriods` periods
    std::vector<double> shares;
};

struct P90RegressionCheck {
    QDate weekStart; // the latest complete week
    std::optional<double> latestP90;
    std::optional<double> trailingMedian;
    bool regressed = false;
};

struct Trend {
    Granularity granularity = Granularity::Week;
    std::vector<TrendPoint> points;
    std::vector<RisingCategory> rising;
    P90RegressionCheck p90;
};

// The trend from fromDay up to toDay (exclusive), with the tickets' SLA as
// of slaAsOf.
Trend analyseTrend(store::Database& db, const QDate& fromDay, const QDate& toDay,
                   Granularity granularity, const QTimeZone& zone, UtcSeconds slaAsOf);

// The weekly trend of the last `weeks` weeks of the weekly trend `weekly`,
// as analyseTrend over those weeks alone gives it: a week's figures do not
// depend on the range asked, its p90 check and the rising causes are of
// those weeks alone. Two weekly ranges ending on the same day are then one
// read of their outcomes (the weekly report's trend and its spike check).
Trend lastWeeksOf(const Trend& weekly, std::size_t weeks);

// The 3-period moving average of a series: empty where fewer than three
// consecutive values exist.
std::vector<std::optional<double>> movingAverage3(const std::vector<std::optional<double>>& series);

// Escalations (escalated events in the window) per ticket root cause; tickets
// without one count under "Unspecified".
std::map<QString, std::int64_t> escalationsByRootCause(const metrics::MetricsInput& input,
                                                       const Window& window);

// The median of the values (which must not be empty).
double medianOf(std::vector<double> values);

} // namespace escdesk::analysis

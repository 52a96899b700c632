#include "metrics/Statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace escdesk::metrics {

std::optional<double> percentileOfSorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) {
        return std::nullopt;
    }
    const double rank = q * static_cast<double>(sorted.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(rank));
    const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
    const double fraction = rank - static_cast<double>(lower);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

DurationStats summarize(std::vector<double> values) {
    DurationStats stats;
    stats.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        return stats;
    }
    std::sort(values.begin(), values.end());
    stats.mean =
        std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    stats.p50 = percentileOfSorted(values, 0.5);
    stats.p90 = percentileOfSorted(values, 0.9);
    return stats;
}

std::optional<double> ratio(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        return std::nullopt;
    }
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

} // namespace escdesk::metrics

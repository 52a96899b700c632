#include "analysis/TrendCategories.h"

#include <algorithm>

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

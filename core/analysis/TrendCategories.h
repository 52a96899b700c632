#pragma once

// The root causes a stacked trend chart shows: the few with the most
// escalations over the whole trend, the rest together as "All other", so a chart
// stays readable however many root causes a taxonomy has.

#include "analysis/Trend.h"

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

} // namespace escdesk::analysis

#pragma once

// Summary statistics as SPEC §7 defines them: percentiles by linear
// interpolation between closest ranks (numpy.percentile's default, Excel's
// PERCENTILE.INC), and nothing — not zero — for an empty sample.

#include <cstdint>
#include <optional>
#include <vector>

namespace escdesk::metrics {

struct DurationStats {
    std::optional<double> mean;
    std::optional<double> p50;
    std::optional<double> p90;
    std::int64_t n = 0;
};

// The q-th quantile (0 ≤ q ≤ 1) of an ascending sample; empty for no values.
std::optional<double> percentileOfSorted(const std::vector<double>& sorted, double q);

// Sorts a sample ascending, as std::sort would (equal values are the same
// bits, but for -0 and +0, which sort -0 first): a radix sort on the bits of
// each value for large samples, linear in their number, so the window's
// percentiles and its mean (summed in ascending order, so that the figure
// does not depend on the order the outcomes come in) need no n log n
// comparison sort. No NaN is expected.
void sortAscending(std::vector<double>& values);

// Mean, p50, p90 and n of a sample (in any order; it is sorted here).
DurationStats summarize(std::vector<double> values);

// The same of a sample given partly as minutes and partly as whole seconds
// (each standing for the minutes seconds / 60.0, as kept summaries hold
// them, HourSummaries.h): bit for bit summarize() of all of it as minutes.
DurationStats summarize(std::vector<double> minutes, std::vector<std::int32_t> seconds);

// The mean alone, summed in ascending order as summarize() does; empty for
// no values.
std::optional<double> meanOf(std::vector<double> minutes, std::vector<std::int32_t> seconds = {});

// A sample summarized, with its values kept sorted for a union with another
// (summarizeUnion): as whole seconds when every value is, else as minutes.
struct SortedSample {
    DurationStats stats;
    bool asSeconds = false;
    std::vector<std::int32_t> seconds; // ascending, when asSeconds
    std::vector<double> minutes;       // ascending, otherwise
};

SortedSample summarizeSorted(std::vector<double> minutes, std::vector<std::int32_t> seconds);

// summarize() of the union of two samples (e.g. escalated and not escalated
// tickets' resolutions for all tickets'), bit for bit: two sorted runs of
// whole seconds are merged, not sorted again.
DurationStats summarizeUnion(const SortedSample& a, const SortedSample& b);

// The whole number of seconds a duration in minutes is exactly (minutes ==
// seconds / 60.0, bit for bit, so never -0), or nothing.
std::optional<std::int64_t> wholeSecondsOf(double minutes);

// numerator / denominator, or nothing for an empty denominator.
std::optional<double> ratio(std::int64_t numerator, std::int64_t denominator);

} // namespace escdesk::metrics

#include "metrics/Statistics.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <utility>

namespace escdesk::metrics {

std::optional<std::int64_t> wholeSecondsOf(double minutes) {
    constexpr double limit = 1e15; // far inside the doubles' exact integers
    const double seconds = minutes * 60.0;
    if (!(std::fabs(seconds) < limit)) { // also NaN
        return std::nullopt;
    }
    // Rounded to the nearest by hand, not by a call to nearbyint: a value
    // rounded wrongly would only fail the check below.
    const auto whole = static_cast<std::int64_t>(seconds + (seconds < 0.0 ? -0.5 : 0.5));
    if (std::bit_cast<std::uint64_t>(static_cast<double>(whole) / 60.0) !=
        std::bit_cast<std::uint64_t>(minutes)) {
        return std::nullopt;
    }
    return whole;
}

namespace {

// Below this many values a comparison sort is as fast.
constexpr std::size_t radixSortFrom = 2048;

// The double's bits as an unsigned key that orders as the doubles do:
// negatives have every bit flipped (larger magnitude, smaller key), others
// only the sign bit.
std::uint64_t orderedKey(double value) {
    const auto bits = std::bit_cast<std::uint64_t>(value);
    return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

double valueOfKey(std::uint64_t key) {
    const std::uint64_t bits = (key >> 63) != 0 ? key & ~(std::uint64_t{1} << 63) : ~key;
    return std::bit_cast<double>(bits);
}

// Least-significant-digit radix sort of the keys, a byte at a time; a byte
// every key shares (most high bytes of durations) costs no pass.
void radixSort(std::vector<std::uint64_t>& keys) {
    constexpr int bytes = 8;
    std::array<std::array<std::size_t, 256>, bytes> counts{};
    for (const std::uint64_t key : keys) {
        for (int b = 0; b < bytes; ++b) {
            ++counts[static_cast<std::size_t>(b)][(key >> (8 * b)) & 0xff];
        }
    }
    std::vector<std::uint64_t> buffer(keys.size());
    for (int b = 0; b < bytes; ++b) {
        auto& count = counts[static_cast<std::size_t>(b)];
        const std::size_t shared = (keys.front() >> (8 * b)) & 0xff;
        if (count[shared] == keys.size()) {
            continue;
        }
        std::size_t offset = 0;
        for (std::size_t& c : count) {
            offset += std::exchange(c, offset);
        }
        for (const std::uint64_t key : keys) {
            buffer[count[(key >> (8 * b)) & 0xff]++] = key;
        }
        keys.swap(buffer);
    }
}

// Durations are kept as whole seconds in minutes (seconds / 60.0). When every
// value is, sorting the seconds sorts the values: s -> s / 60.0 is strictly
// increasing and gives back each value's own bits. The seconds, less the
// least, span three bytes or so, where a value's bits span seven: a radix
// sort of 32-bit offsets makes a pass per byte they span. False, with the
// values untouched, when some value is not whole seconds or they span more
// than 32 bits.
bool sortAsWholeSeconds(std::vector<double>& values) {
    const std::size_t n = values.size();
    const auto first = wholeSecondsOf(values.front());
    if (!first) {
        return false;
    }
    // Offsets from the first value's seconds, modulo 2^32: once the least is
    // known, shifting them by its offset gives each one's offset from it.
    const auto keys = std::make_unique_for_overwrite<std::uint32_t[]>(n);
    std::int64_t least = *first;
    std::int64_t most = *first;
    for (std::size_t i = 0; i < n; ++i) {
        const auto seconds = wholeSecondsOf(values[i]);
        if (!seconds) {
            return false;
        }
        keys[i] = static_cast<std::uint32_t>(static_cast<std::uint64_t>(*seconds - *first));
        least = std::min(least, *seconds);
        most = std::max(most, *seconds);
    }
    const auto span = static_cast<std::uint64_t>(most - least);
    if (span > std::numeric_limits<std::uint32_t>::max()) {
        return false;
    }
    const auto shift = static_cast<std::uint32_t>(static_cast<std::uint64_t>(least - *first));
    const int bytes = (std::bit_width(span) + 7) / 8;
    std::array<std::array<std::size_t, 256>, 4> counts{};
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] -= shift;
        for (int b = 0; b < bytes; ++b) {
            ++counts[static_cast<std::size_t>(b)][(keys[i] >> (8 * b)) & 0xff];
        }
    }
    const auto buffer = std::make_unique_for_overwrite<std::uint32_t[]>(n);
    std::uint32_t* from = keys.get();
    std::uint32_t* to = buffer.get();
    for (int b = 0; b < bytes; ++b) {
        auto& count = counts[static_cast<std::size_t>(b)];
        std::size_t offset = 0;
        for (std::size_t& c : count) {
            offset += std::exchange(c, offset);
        }
        for (std::size_t i = 0; i < n; ++i) {
            to[count[(from[i] >> (8 * b)) & 0xff]++] = from[i];
        }
        std::swap(from, to);
    }
    // Equal seconds are equal values: each is divided out once.
    std::uint32_t lastKey = from[0];
    double lastValue = static_cast<double>(static_cast<std::int64_t>(lastKey) + least) / 60.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (from[i] != lastKey) {
            lastKey = from[i];
            lastValue = static_cast<double>(static_cast<std::int64_t>(lastKey) + least) / 60.0;
        }
        values[i] = lastValue;
    }
    return true;
}

// Sorts whole seconds ascending: a radix sort of their 32-bit offsets from
// the least, 12 bits a pass (two passes for offsets under 2^24 seconds,
// 194 days), for large samples.
void sortSeconds(std::vector<std::int32_t>& seconds) {
    const std::size_t n = seconds.size();
    if (n < radixSortFrom) {
        std::sort(seconds.begin(), seconds.end());
        return;
    }
    constexpr int digitBits = 12;
    constexpr std::uint32_t digitMask = (1u << digitBits) - 1;
    const auto [least, most] = std::minmax_element(seconds.begin(), seconds.end());
    const std::int64_t base = *least;
    const auto span = static_cast<std::uint64_t>(std::int64_t{*most} - base);
    const int digits =
        std::max(1, static_cast<int>((std::bit_width(span) + digitBits - 1) / digitBits));
    // The offsets in place of the seconds, then back.
    auto* keys = reinterpret_cast<std::uint32_t*>(seconds.data());
    std::vector<std::array<std::size_t, digitMask + 1>> counts(static_cast<std::size_t>(digits));
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] = static_cast<std::uint32_t>(std::int64_t{seconds[i]} - base);
        for (int d = 0; d < digits; ++d) {
            ++counts[static_cast<std::size_t>(d)][(keys[i] >> (digitBits * d)) & digitMask];
        }
    }
    const auto buffer = std::make_unique_for_overwrite<std::uint32_t[]>(n);
    std::uint32_t* from = keys;
    std::uint32_t* to = buffer.get();
    for (int d = 0; d < digits; ++d) {
        auto& count = counts[static_cast<std::size_t>(d)];
        std::size_t offset = 0;
        for (std::size_t& c : count) {
            offset += std::exchange(c, offset);
        }
        for (std::size_t i = 0; i < n; ++i) {
            to[count[(from[i] >> (digitBits * d)) & digitMask]++] = from[i];
        }
        std::swap(from, to);
    }
    for (std::size_t i = 0; i < n; ++i) {
        seconds[i] = static_cast<std::int32_t>(std::int64_t{from[i]} + base);
    }
}

double minutesOf(std::int32_t seconds) {
    return static_cast<double>(seconds) / 60.0;
}

// Moves the minutes into the seconds when every one is whole seconds (and
// returns true), else the seconds into the minutes as seconds / 60.0.
bool joinAsSeconds(std::vector<double>& minutes, std::vector<std::int32_t>& seconds) {
    if (seconds.empty()) {
        return false;
    }
    const std::size_t had = seconds.size();
    seconds.reserve(had + minutes.size());
    for (const double value : minutes) {
        const auto whole = wholeSecondsOf(value);
        if (!whole || *whole < std::numeric_limits<std::int32_t>::min() ||
            *whole > std::numeric_limits<std::int32_t>::max()) {
            seconds.resize(had);
            minutes.reserve(minutes.size() + had);
            std::transform(seconds.begin(), seconds.end(), std::back_inserter(minutes), minutesOf);
            seconds.clear();
            return false;
        }
        seconds.push_back(static_cast<std::int32_t>(*whole));
    }
    minutes.clear();
    return true;
}

// The sum, in ascending order, of sorted seconds as minutes: the same
// additions as summing the sorted minutes. Equal seconds are divided once.
double ascendingSumOfSeconds(const std::vector<std::int32_t>& sorted) {
    double sum = 0.0;
    std::int32_t last = sorted.front();
    double value = minutesOf(last);
    for (const std::int32_t s : sorted) {
        if (s != last) {
            last = s;
            value = minutesOf(s);
        }
        sum += value;
    }
    return sum;
}

// percentileOfSorted over sorted seconds as minutes.
double percentileOfSortedSeconds(const std::vector<std::int32_t>& sorted, double q) {
    const double rank = q * static_cast<double>(sorted.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(rank));
    const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
    const double fraction = rank - static_cast<double>(lower);
    return minutesOf(sorted[lower]) +
           (minutesOf(sorted[upper]) - minutesOf(sorted[lower])) * fraction;
}

} // namespace

void sortAscending(std::vector<double>& values) {
    if (values.size() < radixSortFrom) {
        std::sort(values.begin(), values.end());
        return;
    }
    if (sortAsWholeSeconds(values)) {
        return;
    }
    std::vector<std::uint64_t> keys(values.size());
    std::transform(values.begin(), values.end(), keys.begin(), orderedKey);
    radixSort(keys);
    std::transform(keys.begin(), keys.end(), values.begin(), valueOfKey);
}

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
    sortAscending(values);
    stats.mean =
        std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    stats.p50 = percentileOfSorted(values, 0.5);
    stats.p90 = percentileOfSorted(values, 0.9);
    return stats;
}

DurationStats summarize(std::vector<double> minutes, std::vector<std::int32_t> seconds) {
    if (!joinAsSeconds(minutes, seconds)) {
        return summarize(std::move(minutes));
    }
    sortSeconds(seconds);
    DurationStats stats;
    stats.n = static_cast<std::int64_t>(seconds.size());
    stats.mean = ascendingSumOfSeconds(seconds) / static_cast<double>(seconds.size());
    stats.p50 = percentileOfSortedSeconds(seconds, 0.5);
    stats.p90 = percentileOfSortedSeconds(seconds, 0.9);
    return stats;
}

namespace {

DurationStats statsOfSortedSeconds(const std::vector<std::int32_t>& sorted) {
    DurationStats stats;
    stats.n = static_cast<std::int64_t>(sorted.size());
    if (sorted.empty()) {
        return stats;
    }
    stats.mean = ascendingSumOfSeconds(sorted) / static_cast<double>(sorted.size());
    stats.p50 = percentileOfSortedSeconds(sorted, 0.5);
    stats.p90 = percentileOfSortedSeconds(sorted, 0.9);
    return stats;
}

DurationStats statsOfSortedMinutes(const std::vector<double>& sorted) {
    DurationStats stats;
    stats.n = static_cast<std::int64_t>(sorted.size());
    if (sorted.empty()) {
        return stats;
    }
    stats.mean =
        std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(sorted.size());
    stats.p50 = percentileOfSorted(sorted, 0.5);
    stats.p90 = percentileOfSorted(sorted, 0.9);
    return stats;
}

} // namespace

SortedSample summarizeSorted(std::vector<double> minutes, std::vector<std::int32_t> seconds) {
    SortedSample sample;
    if (joinAsSeconds(minutes, seconds)) {
        sortSeconds(seconds);
        sample.asSeconds = true;
        sample.seconds = std::move(seconds);
        sample.stats = statsOfSortedSeconds(sample.seconds);
    } else {
        sortAscending(minutes);
        sample.minutes = std::move(minutes);
        sample.stats = statsOfSortedMinutes(sample.minutes);
    }
    return sample;
}

DurationStats summarizeUnion(const SortedSample& a, const SortedSample& b) {
    // An empty sample is empty either way.
    const bool aSeconds = a.asSeconds || a.stats.n == 0;
    const bool bSeconds = b.asSeconds || b.stats.n == 0;
    if (aSeconds && bSeconds) {
        std::vector<std::int32_t> both(a.seconds.size() + b.seconds.size());
        std::merge(a.seconds.begin(), a.seconds.end(), b.seconds.begin(), b.seconds.end(),
                   both.begin());
        return statsOfSortedSeconds(both);
    }
    // Not all whole seconds: the minutes of both, sorted again as summarize() sorts.
    std::vector<double> both = a.minutes;
    both.insert(both.end(), b.minutes.begin(), b.minutes.end());
    std::transform(a.seconds.begin(), a.seconds.end(), std::back_inserter(both), minutesOf);
    std::transform(b.seconds.begin(), b.seconds.end(), std::back_inserter(both), minutesOf);
    return summarize(std::move(both));
}

std::optional<double> meanOf(std::vector<double> minutes, std::vector<std::int32_t> seconds) {
    if (joinAsSeconds(minutes, seconds)) {
        sortSeconds(seconds);
        return ascendingSumOfSeconds(seconds) / static_cast<double>(seconds.size());
    }
    if (minutes.empty()) {
        return std::nullopt;
    }
    sortAscending(minutes);
    return std::accumulate(minutes.begin(), minutes.end(), 0.0) /
           static_cast<double>(minutes.size());
}

std::optional<double> ratio(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        return std::nullopt;
    }
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

} // namespace escdesk::metrics

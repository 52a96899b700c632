#include "metrics/Statistics.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <utility>

namespace escdesk::metrics {

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

// The whole number of seconds a duration in minutes is exactly (value ==
// seconds / 60.0, bit for bit, so never -0), or nothing.
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

std::optional<double> ratio(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        return std::nullopt;
    }
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

} // namespace escdesk::metrics

#include "metrics/Statistics.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
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

} // namespace

void sortAscending(std::vector<double>& values) {
    if (values.size() < radixSortFrom) {
        std::sort(values.begin(), values.end());
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

#pragma once

// The domain benchmarks of SPEC §7 that the dashboard shows beside a metric.

#include <optional>

namespace escdesk::metrics {

enum class BenchmarkBand {
    Good,           // within the healthy range
    Watch,          // between the healthy range and the alarm threshold
    NeedsAttention, // past the alarm threshold
};

// Escalation rate: below 10% is good, above 15% needs attention, 10–15%
// (both ends included) is to watch. A null rate has no band.
std::optional<BenchmarkBand> escalationRateBand(const std::optional<double>& rate);

} // namespace escdesk::metrics

#include "metrics/Benchmarks.h"

namespace escdesk::metrics {

std::optional<BenchmarkBand> escalationRateBand(const std::optional<double>& rate) {
    if (!rate) {
        return std::nullopt;
    }
    if (*rate < 0.10) {
        return BenchmarkBand::Good;
    }
    if (*rate > 0.15) {
        return BenchmarkBand::NeedsAttention;
    }
    return BenchmarkBand::Watch;
}

} // namespace escdesk::metrics

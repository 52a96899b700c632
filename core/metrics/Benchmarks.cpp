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

std::optional<BenchmarkBand> bouncebackBand(const std::optional<double>& rate) {
    if (!rate) {
        return std::nullopt;
    }
    if (*rate <= 0.10) {
        return BenchmarkBand::Good;
    }
    if (*rate > 0.20) {
        return BenchmarkBand::NeedsAttention;
    }
    return BenchmarkBand::Watch;
}

std::optional<BenchmarkBand> contextLossBand(const std::optional<double>& rate) {
    if (!rate) {
        return std::nullopt;
    }
    return *rate < 0.10 ? BenchmarkBand::Good : BenchmarkBand::NeedsAttention;
}

std::optional<BenchmarkBand> under30MinutesBand(const std::optional<double>& p90Minutes) {
    if (!p90Minutes) {
        return std::nullopt;
    }
    return *p90Minutes < durationBenchmarkMin ? BenchmarkBand::Good : BenchmarkBand::NeedsAttention;
}

std::optional<BenchmarkBand> criticalWithin30mBand(const std::optional<double>& share) {
    if (!share) {
        return std::nullopt;
    }
    return *share >= criticalWithin30mTarget ? BenchmarkBand::Good : BenchmarkBand::NeedsAttention;
}

} // namespace escdesk::metrics

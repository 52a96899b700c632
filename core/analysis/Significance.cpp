#include "analysis/Significance.h"

#include <boost/math/distributions/hypergeometric.hpp>

#include <algorithm>
#include <cmath>

namespace escdesk::analysis {

std::optional<ProportionTest> twoProportionZTest(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                                 std::int64_t n2) {
    if (n1 <= 0 || n2 <= 0) {
        return std::nullopt;
    }
    const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
    const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
    const double pooled = static_cast<double>(x1 + x2) / static_cast<double>(n1 + n2);
    const double variance =
        pooled * (1.0 - pooled) * (1.0 / static_cast<double>(n1) + 1.0 / static_cast<double>(n2));
    if (variance <= 0.0) {
        return std::nullopt;
    }
    ProportionTest test;
    test.z = (p1 - p2) / std::sqrt(variance);
    // Two-sided: P(|Z| ≥ |z|) = erfc(|z| / √2).
    test.pValue = std::erfc(std::fabs(test.z) / std::sqrt(2.0));
    return test;
}

std::optional<double> fisherExactPValue(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                        std::int64_t n2) {
    if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
        return std::nullopt;
    }
    // X, the escalations in group 1, drawn n1 at a time from n1 + n2 tickets
    // of which x1 + x2 escalated.
    const auto successes = static_cast<unsigned>(x1 + x2);
    const auto drawn = static_cast<unsigned>(n1);
    const auto total = static_cast<unsigned>(n1 + n2);
    const boost::math::hypergeometric_distribution<double> distribution(successes, drawn, total);
    const double seen = boost::math::pdf(distribution, static_cast<unsigned>(x1));
    // Tables as likely as the one seen, up to rounding, count as "no more
    // likely" (R uses the same relative tolerance).
    const double bound = seen * (1.0 + 1e-7);
    const std::int64_t lowest = std::max<std::int64_t>(0, n1 - (n1 + n2 - (x1 + x2)));
    const std::int64_t highest = std::min<std::int64_t>(n1, x1 + x2);
    double p = 0.0;
    for (std::int64_t k = lowest; k <= highest; ++k) {
        const double probability = boost::math::pdf(distribution, static_cast<unsigned>(k));
        if (probability <= bound) {
            p += probability;
        }
    }
    return std::min(1.0, p);
}

std::optional<ProportionTest> compareProportions(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                                 std::int64_t n2) {
    const auto z = twoProportionZTest(x1, n1, x2, n2);
    if (!z) {
        return std::nullopt;
    }
    const double total = static_cast<double>(n1 + n2);
    const double escalated = static_cast<double>(x1 + x2);
    const double expectedSmallest = std::min({static_cast<double>(n1), static_cast<double>(n2)}) *
                                    std::min(escalated, total - escalated) / total;
    if (expectedSmallest >= smallestExpectedCountForZ) {
        return z;
    }
    ProportionTest exact;
    exact.kind = ProportionTestKind::FisherExact;
    exact.pValue = *fisherExactPValue(x1, n1, x2, n2);
    return exact;
}

} // namespace escdesk::analysis

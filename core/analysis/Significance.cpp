#include "analysis/Significance.h"

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

} // namespace escdesk::analysis

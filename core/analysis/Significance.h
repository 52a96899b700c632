#pragma once

// The tests used to call a segment's escalation rate "significantly above"
// the rest (SPEC §8): the two-proportion z-test where the groups are large
// enough for its normal approximation, Fisher's exact test where they are
// not (an expected count below 5), so a one-ticket segment is not
// "significant" by an approximation that does not hold for it.

#include <cstdint>
#include <optional>

namespace escdesk::analysis {

enum class ProportionTestKind { ZTest, FisherExact };

struct ProportionTest {
    ProportionTestKind kind = ProportionTestKind::ZTest;
    double z = 0.0;      // the z-test's statistic; 0 for Fisher's test
    double pValue = 1.0; // two-sided
};

// Compares x1/n1 with x2/n2 using the pooled proportion. Empty when either
// group is empty or the pooled proportion is 0 or 1 (no variance to test).
std::optional<ProportionTest> twoProportionZTest(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                                 std::int64_t n2);

// Fisher's exact test of the 2×2 table (x1, n1 − x1; x2, n2 − x2): the
// two-sided p is the probability, under the hypergeometric distribution
// with the margins fixed, of every table no more likely than the one seen
// (R's fisher.test). Empty when either group is empty.
std::optional<double> fisherExactPValue(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                        std::int64_t n2);

// Below this expected count in any cell the z-test's approximation does not
// hold (Cochran's rule) and Fisher's exact test is used.
inline constexpr double smallestExpectedCountForZ = 5.0;

// The z-test where every expected count is at least 5, else Fisher's exact
// test. Empty when either group is empty or nobody (or everybody) escalated.
std::optional<ProportionTest> compareProportions(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                                 std::int64_t n2);

} // namespace escdesk::analysis

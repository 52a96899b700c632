#pragma once

// The two-proportion z-test used to call a segment's escalation rate
// "significantly above" the rest (SPEC §8).

#include <cstdint>
#include <optional>

namespace escdesk::analysis {

struct ProportionTest {
    double z = 0.0;
    double pValue = 1.0; // two-sided
};

// Compares x1/n1 with x2/n2 using the pooled proportion. Empty when either
// group is empty or the pooled proportion is 0 or 1 (no variance to test).
std::optional<ProportionTest> twoProportionZTest(std::int64_t x1, std::int64_t n1, std::int64_t x2,
                                                 std::int64_t n2);

} // namespace escdesk::analysis

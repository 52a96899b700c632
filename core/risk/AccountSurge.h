#pragma once

// Unusual customer behaviour (issue #7): an account filing far more tickets
// than it usually does. The last week, [asOf − 7 days, asOf), is compared with
// the account's trailing baseline, the eight 7-day weeks before it; the
// account is flagged when the last week holds more than `surgeFactor` times
// the baseline's median week and at least `minimumSurgeTickets` tickets (so
// that one ticket from a usually silent account is not a surge). The median
// of eight weeks is the mean of the fourth and fifth smallest counts, weeks
// without tickets counting as zeros.

#include "domain/Instant.h"

#include <array>
#include <vector>

namespace escdesk::risk {

inline constexpr int baselineWeeks = 8;
inline constexpr double surgeFactor = 3.0;
inline constexpr int minimumSurgeTickets = 3;
inline constexpr UtcSeconds weekSeconds = 7 * 24 * 3600;

struct AccountSurge {
    int lastWeek = 0;                       // tickets in [asOf − 7 d, asOf)
    std::array<int, baselineWeeks> weeks{}; // weeks[0] the week before the last, …
    double baselineMedian = 0.0;
    bool flagged = false;
};

double medianOfWeeks(std::array<int, baselineWeeks> weeks);

// Whether `lastWeek` tickets is a surge over a baseline median week.
bool isSurge(int lastWeek, double baselineMedian);

// The account's counts from its tickets' creation instants (any order).
AccountSurge accountSurge(const std::vector<UtcSeconds>& createdAt, UtcSeconds asOf);

} // namespace escdesk::risk

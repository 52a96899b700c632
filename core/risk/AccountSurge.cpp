#include "risk/AccountSurge.h"

#include <algorithm>

namespace escdesk::risk {

double medianOfWeeks(std::array<int, baselineWeeks> weeks) {
    std::sort(weeks.begin(), weeks.end());
    return (weeks[baselineWeeks / 2 - 1] + weeks[baselineWeeks / 2]) / 2.0;
}

bool isSurge(int lastWeek, double baselineMedian) {
    return lastWeek >= minimumSurgeTickets && lastWeek > surgeFactor * baselineMedian;
}

AccountSurge accountSurge(const std::vector<UtcSeconds>& createdAt, UtcSeconds asOf) {
    AccountSurge surge;
    for (const UtcSeconds at : createdAt) {
        if (at >= asOf) {
            continue;
        }
        const UtcSeconds weeksBack = (asOf - 1 - at) / weekSeconds; // 0 = the last week
        if (weeksBack == 0) {
            ++surge.lastWeek;
        } else if (weeksBack <= baselineWeeks) {
            ++surge.weeks[static_cast<std::size_t>(weeksBack - 1)];
        }
    }
    surge.baselineMedian = medianOfWeeks(surge.weeks);
    surge.flagged = isSurge(surge.lastWeek, surge.baselineMedian);
    return surge;
}

} // namespace escdesk::risk

#pragma once

// The headline figures of a period beside those of the period before it, with
// the changes the dashboard's trend arrows show.

#include "metrics/Headline.h"
#include "metrics/Period.h"

namespace escdesk::metrics {

struct CountChange {
    std::int64_t difference = 0;
    // difference / previous; empty when the previous count is 0.
    std::optional<double> relative;
};

struct HeadlineComparison {
    DateRange currentDates;
    DateRange previousDates;
    HeadlineFigures current;
    HeadlineFigures previous;
    CountChange tickets;
    CountChange escalated;
    // Change of the escalation rate in percentage points (0.02 = +2 points);
    // empty when either rate is null.
    std::optional<double> rateChange;
};

CountChange countChange(std::int64_t current, std::int64_t previous);

// Compares `currentDates` (what `preset` picked, or a custom range) with the
// previous period of that preset, both cut in `zone`.
HeadlineComparison compareHeadline(store::Database& db, PeriodPreset preset,
                                   const DateRange& currentDates, const QTimeZone& zone);

} // namespace escdesk::metrics

#pragma once

// Headline figures for a run of periods (e.g. the last twelve weeks), for
// trend charts.

#include "metrics/Headline.h"
#include "metrics/Period.h"

#include <vector>

namespace escdesk::metrics {

struct PeriodFigures {
    DateRange dates;
    HeadlineFigures figures;
    // Only part of its week (the week so far): drawn marked, never compared
    // as a whole week.
    bool partial = false;
    std::int64_t notEscalated() const { return figures.tickets - figures.escalated; }
};

std::vector<PeriodFigures>
headlineSeries(store::Database& db, const std::vector<DateRange>& periods, const QTimeZone& zone);

// The last `count` weeks (Monday to Sunday) up to and including `lastDay`,
// the last one cut at lastDay and partial unless lastDay is a Sunday.
std::vector<PeriodFigures> recentWeekFigures(store::Database& db, const QDate& lastDay, int count,
                                             const QTimeZone& zone);

} // namespace escdesk::metrics

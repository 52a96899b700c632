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
    std::int64_t notEscalated() const { return figures.tickets - figures.escalated; }
};

std::vector<PeriodFigures>
headlineSeries(store::Database& db, const std::vector<DateRange>& periods, const QTimeZone& zone);

} // namespace escdesk::metrics

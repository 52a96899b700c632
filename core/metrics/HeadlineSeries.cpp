#include "metrics/HeadlineSeries.h"

namespace escdesk::metrics {

std::vector<PeriodFigures>
headlineSeries(store::Database& db, const std::vector<DateRange>& periods, const QTimeZone& zone) {
    std::vector<PeriodFigures> series;
    series.reserve(periods.size());
    const DataCoverage coverage = workspaceCoverage(db);
    for (const DateRange& dates : periods) {
        series.push_back({dates, headlineFigures(db, windowOf(dates, zone), coverage)});
    }
    return series;
}

} // namespace escdesk::metrics

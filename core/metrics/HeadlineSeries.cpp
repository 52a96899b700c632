#include "metrics/HeadlineSeries.h"

#include "analysis/TrendPeriods.h"

namespace escdesk::metrics {

std::vector<PeriodFigures>
headlineSeries(store::Database& db, const std::vector<DateRange>& periods, const QTimeZone& zone) {
    std::vector<PeriodFigures> series;
    series.reserve(periods.size());
    const DataCoverage coverage = workspaceCoverage(db);
    for (const DateRange& dates : periods) {
        series.push_back({dates, headlineFigures(db, windowOf(dates, zone), coverage), false});
    }
    return series;
}

std::vector<PeriodFigures> recentWeekFigures(store::Database& db, const QDate& lastDay, int count,
                                             const QTimeZone& zone) {
    if (count <= 0 || !lastDay.isValid()) {
        return {};
    }
    using analysis::Granularity;
    const QDate firstMonday =
        analysis::periodStart(lastDay.addDays(-7 * (count - 1)), Granularity::Week);
    std::vector<PeriodFigures> series;
    const DataCoverage coverage = workspaceCoverage(db);
    for (const analysis::TrendPeriod& week :
         analysis::trendPeriods(firstMonday, lastDay.addDays(1), Granularity::Week, zone)) {
        series.push_back({{week.firstDay, week.endDay.addDays(-1)},
                          headlineFigures(db, week.window, coverage),
                          week.partial});
    }
    return series;
}

} // namespace escdesk::metrics

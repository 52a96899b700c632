#include "analysis/TrendPeriods.h"

namespace escdesk::analysis {

std::optional<Granularity> parseGranularity(const QString& name) {
    if (name == QLatin1String("week")) {
        return Granularity::Week;
    }
    if (name == QLatin1String("month")) {
        return Granularity::Month;
    }
    return std::nullopt;
}

QString granularityName(Granularity granularity) {
    return granularity == Granularity::Week ? QStringLiteral("week") : QStringLiteral("month");
}

QDate periodStart(const QDate& day, Granularity granularity) {
    if (granularity == Granularity::Week) {
        return day.addDays(1 - day.dayOfWeek()); // Qt: Monday = 1
    }
    return QDate(day.year(), day.month(), 1);
}

namespace {

QDate nextPeriodStart(const QDate& start, Granularity granularity) {
    return granularity == Granularity::Week ? start.addDays(7) : start.addMonths(1);
}

} // namespace

std::vector<TrendPeriod> trendPeriods(const QDate& fromDay, const QDate& toDay,
                                      Granularity granularity, const QTimeZone& zone) {
    std::vector<TrendPeriod> periods;
    for (QDate start = periodStart(fromDay, granularity); start < toDay;
         start = nextPeriodStart(start, granularity)) {
        TrendPeriod period;
        period.firstDay = std::max(start, fromDay);
        period.endDay = std::min(nextPeriodStart(start, granularity), toDay);
        period.startsLate = period.firstDay > start;
        period.endsEarly = period.endDay < nextPeriodStart(start, granularity);
        period.partial = period.startsLate || period.endsEarly;
        period.window = windowOfLocalDates(period.firstDay, period.endDay, zone);
        periods.push_back(period);
    }
    return periods;
}

} // namespace escdesk::analysis

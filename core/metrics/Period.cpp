#include "metrics/Period.h"

#include <algorithm>

namespace escdesk::metrics {

namespace {

DateRange lastDays(const QDate& today, int days) {
    return {today.addDays(1 - days), today};
}

QDate firstDayOfMonth(const QDate& date) {
    return QDate(date.year(), date.month(), 1);
}

// `days` days from `start`, but never past `cap`.
DateRange sameSpanFrom(const QDate& start, qint64 days, const QDate& cap) {
    return {start, std::min(start.addDays(days - 1), cap)};
}

} // namespace

QDate firstDayOfQuarter(const QDate& date) {
    const int firstMonth = (date.month() - 1) / 3 * 3 + 1;
    return QDate(date.year(), firstMonth, 1);
}

DateRange periodDates(PeriodPreset preset, const QDate& today) {
    switch (preset) {
    case PeriodPreset::Last7Days:
        return lastDays(today, 7);
    case PeriodPreset::Last30Days:
        return lastDays(today, 30);
    case PeriodPreset::Last90Days:
        return lastDays(today, 90);
    case PeriodPreset::ThisMonth:
        return {firstDayOfMonth(today), today};
    case PeriodPreset::LastMonth: {
        const QDate first = firstDayOfMonth(today).addMonths(-1);
        return {first, firstDayOfMonth(today).addDays(-1)};
    }
    case PeriodPreset::ThisQuarter:
        return {firstDayOfQuarter(today), today};
    case PeriodPreset::Last12Weeks:
        return {today.addDays(1 - today.dayOfWeek()).addDays(-7 * 11), today};
    case PeriodPreset::Last12Months:
        return {firstDayOfMonth(today).addMonths(-11), today};
    case PeriodPreset::Custom:
        break;
    }
    return {};
}

DateRange previousPeriod(PeriodPreset preset, const DateRange& current) {
    if (!current.isValid()) {
        return {};
    }
    switch (preset) {
    case PeriodPreset::LastMonth: {
        const QDate first = current.first.addMonths(-1);
        return {first, current.first.addDays(-1)};
    }
    case PeriodPreset::ThisMonth: {
        const QDate first = firstDayOfMonth(current.first).addMonths(-1);
        return sameSpanFrom(first, current.days(), firstDayOfMonth(current.first).addDays(-1));
    }
    case PeriodPreset::ThisQuarter: {
        const QDate quarter = firstDayOfQuarter(current.first);
        return sameSpanFrom(quarter.addMonths(-3), current.days(), quarter.addDays(-1));
    }
    case PeriodPreset::Last7Days:
    case PeriodPreset::Last30Days:
    case PeriodPreset::Last90Days:
    case PeriodPreset::Last12Weeks:
    case PeriodPreset::Last12Months:
    case PeriodPreset::Custom:
        break;
    }
    return {current.first.addDays(-current.days()), current.first.addDays(-1)};
}

std::vector<DateRange> recentWeeks(const QDate& today, int count) {
    std::vector<DateRange> weeks;
    if (count <= 0 || !today.isValid()) {
        return weeks;
    }
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek()); // Qt: Monday is 1
    for (int back = count - 1; back >= 0; --back) {
        const QDate monday = thisMonday.addDays(-7 * back);
        weeks.push_back({monday, std::min(monday.addDays(6), today)});
    }
    return weeks;
}

Window windowOf(const DateRange& range, const QTimeZone& zone) {
    return windowOfLocalDates(range.first, range.last.addDays(1), zone);
}

} // namespace escdesk::metrics

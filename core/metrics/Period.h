#pragma once

// Reporting periods as a support lead picks them ("Last 30 days", "Last
// month", ...): which local dates a preset means on a given day, and which
// period it is compared against. Dates are local dates in the reporting time
// zone; windowOf() turns them into the half-open UTC window of SPEC §7.

#include "domain/Instant.h"

#include <QDate>
#include <QTimeZone>

#include <vector>

namespace escdesk::metrics {

enum class PeriodPreset {
    Last7Days,
    Last30Days,
    Last90Days,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    Custom,
    // Whole weeks and months for trend series (after Custom: settings keep
    // the presets' numbers).
    Last12Weeks,
    Last12Months,
};

// An inclusive range of local dates, first..last.
struct DateRange {
    QDate first;
    QDate last;

    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
    qint64 days() const { return isValid() ? first.daysTo(last) + 1 : 0; }
    bool operator==(const DateRange&) const = default;
};

// The dates `preset` means when the local date is `today`. Rolling presets
// end with today ("Last 7 days" on the 26th is the 20th..26th); "This month"
// and "This quarter" run from their first day to today; "Last 12 weeks"
// and "Last 12 months" from the Monday or the 1st eleven weeks or months
// before the one holding today. Custom has no dates of its own and gives an
// invalid range.
DateRange periodDates(PeriodPreset preset, const QDate& today);

// The period `current` is compared against:
// - Last month: the calendar month before;
// - This month / This quarter (to date): the previous month / quarter from
//   its first day for as many days, cut at its last day;
// - rolling and custom ranges: as many days immediately before.
DateRange previousPeriod(PeriodPreset preset, const DateRange& current);

// The half-open UTC window [first 00:00, day after last 00:00) in `zone`.
Window windowOf(const DateRange& range, const QTimeZone& zone);

// The first day of the calendar quarter holding `date`.
QDate firstDayOfQuarter(const QDate& date);

// The last `count` weeks (Monday to Sunday), oldest first; the last one is
// the week holding `today`, cut at today.
std::vector<DateRange> recentWeeks(const QDate& today, int count);

} // namespace escdesk::metrics

#pragma once

// Timestamps as helpdesks export them. The form is detected per column from
// its first values and then applied to every value of the column; naive
// local times are read in the import's source time zone.
//
// The forms cover what a helpdesk's date-time setting can produce — Jira's
// "Complete Date/Time Format", for one, is any Java date pattern an
// administrator types: numeric dates in either order with '/', '-' or '.',
// year first, English month names (short or full) before or after the day,
// an optional weekday, 12- or 24-hour times with or without seconds.

#include "domain/Instant.h"

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace escdesk::import {

enum class TimestampForm {
    Iso8601,         // 2026-11-22T15:04:05Z, 2026-11-22 15:04, +01:00, fractions
    SlashMonthFirst, // US 11/22/2026 3:04 PM
    SlashDayFirst,   // European 22/11/2026 15:04
    Dotted,          // 22.11.2026 15:04 (always day first)
    Jira,            // 22/Nov/26 3:04 PM
    EpochSeconds,    // 1795446245
    EpochMillis,     // 1795446245000
    // Added later; the numbers of the forms above are kept (the source hash
    // of an imported row includes them).
    DashMonthFirst, // 11-22-2026 3:04 PM
    DashDayFirst,   // 22-11-2026 15:04
    YearFirst,      // 2026/11/22 15:04, 2026.11.22 15:04
    DayMonthName,   // 22 Nov 2026 15:04, 22-Nov-26, 22/November/2026 3:04 PM, Sun, 22 Nov 2026
    MonthNameFirst, // Nov 22, 2026 3:04 PM, Nov/22/26 3:04 PM, November 22 2026
};

QString timestampFormName(TimestampForm form);

// A time later than a year after now is kept as written (a test system's
// clock, a typo in the year) but with a warning: the user decides, but is
// told. The limit, and the warning for `text`.
UtcSeconds farFutureFromNow();
QString farFutureReason(std::string_view text);

enum class DateOrder { Unknown, DayFirst, MonthFirst };

// A value read in its form: either an instant (the value carried an offset,
// or is epoch time) or a naive local time still to be placed in a zone.
struct ParsedTimestamp {
    std::int64_t seconds = 0; // UTC seconds, or local seconds as if UTC when naive
    bool naive = true;
};

enum class TimestampProblem { None, NotInForm, OutOfRange };

// Reads `value` in `form`; nullopt with `problem` set when it does not fit
// the form or names a date or time that does not exist (31 April, 25:00).
std::optional<ParsedTimestamp> parseTimestamp(std::string_view value, TimestampForm form,
                                              TimestampProblem& problem);

// Learns a column's form from its values.
class TimestampFormDetector {
public:
    // Considers one non-empty value.
    void add(std::string_view value);
    // The column's form: the one most values fit. nullopt when no form fits,
    // or when the values are slash or dash dates whose day/month order
    // cannot be told from them and `told` is Unknown (then `ambiguous` is
    // true).
    std::optional<TimestampForm> form(DateOrder told, bool& ambiguous) const;
    // True when the values seen so far are slash or dash dates of unknown
    // order.
    bool needsDateOrder() const;
    int valuesSeen() const { return m_values; }

private:
    // Numeric day/month dates with one separator: how many, and whether a
    // value showed which part is the day.
    struct NumericDates {
        int values = 0;
        bool firstAbove12 = false;  // a value whose first part must be a day
        bool secondAbove12 = false; // ... whose second part must be a day
        // Counts `value` when it is such a date; false when it is not.
        bool add(std::string_view value, TimestampForm monthFirst, TimestampForm dayFirst);
    };
    enum class Family {
        None,
        Iso,
        Epoch,
        DayMonthName,
        Dotted,
        Slash,
        Dash,
        YearFirst,
        MonthNameFirst
    };
    Family winner() const;

    int m_values = 0;
    int m_iso = 0;
    int m_dotted = 0;
    int m_jira = 0;         // values in Jira's own form (a subset of m_dayMonthName)
    int m_dayMonthName = 0; // 22 Nov 2026 and the like, Jira's form included
    int m_monthNameFirst = 0;
    int m_yearFirst = 0;
    int m_epoch = 0;
    bool m_epochMillis = false;
    NumericDates m_slash;
    NumericDates m_dash;
};

// Converts naive local times in a source zone to UTC, DST-correct: a time in
// a spring-forward gap moves forward by the gap (02:30 → 03:30), a time that
// occurs twice takes the first occurrence (the earlier instant).
class SourceTimeZone {
public:
    explicit SourceTimeZone(const QTimeZone& zone);

    UtcSeconds toUtc(std::int64_t localSeconds);
    const QTimeZone& zone() const { return m_zone; }

private:
    struct Resolution {
        UtcSeconds utc = 0;
        bool clean = false; // a single, valid occurrence
    };
    Resolution resolve(std::int64_t localSeconds) const;
    int offsetAt(UtcSeconds instant) const;

    QTimeZone m_zone;
    bool m_isUtc = false;
    // Offsets of local hours without a transition, by local hour.
    std::unordered_map<std::int64_t, int> m_hourOffsets;
};

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t daysFromCivil(int year, int month, int day);

} // namespace escdesk::import

#pragma once

// A business calendar: the hours an SLA clock runs. Either round the clock
// (24×7) or weekly opening hours — several intervals a day allowed — in an
// IANA time zone, minus holidays. The arithmetic follows SPEC §6 exactly:
//
// - a business interval includes its opening instant and excludes its closing
//   instant; weekdays and holidays are local days in the calendar's zone and a
//   holiday is a whole local day off;
// - adding business time from an instant outside business hours starts at the
//   next opening, and a target whose last second ends at a closing time is due
//   at that closing instant;
// - a local opening or closing time that does not exist (spring forward) moves
//   forward by the gap (02:30 becomes 03:30); an ambiguous one (fall back) is
//   its first occurrence; an interval whose opening and closing both fall in
//   the gap, or that the gap empties, counts zero;
// - elapsed business time is never negative; a reversed range gives 0.

#include "domain/Instant.h"

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <array>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace escdesk::sla {

// A half-open span [from, to) of UTC instants. `to` may be openEnded.
struct Span {
    UtcSeconds from = 0;
    UtcSeconds to = 0;
    friend bool operator==(const Span&, const Span&) = default;
};
inline constexpr UtcSeconds openEnded = std::numeric_limits<UtcSeconds>::max();

// Opening hours within one local day, as seconds since local midnight;
// closeSecond may be 86400 (24:00, the next midnight).
struct OpeningHours {
    int openSecond = 0;
    int closeSecond = 0;
    friend bool operator==(const OpeningHours&, const OpeningHours&) = default;
};

// A day off: a single date, a date every year, or the nth (or last) weekday
// of a month every year ("fourth Thursday of November", "last Monday of May").
struct Holiday {
    enum class Kind { Date, Yearly, NthWeekday, LastWeekday };
    Kind kind = Kind::Date;
    QString name;
    QDate date;      // Kind::Date
    int month = 1;   // Yearly, NthWeekday, LastWeekday: 1..12
    int day = 1;     // Yearly: 1..31
    int weekday = 1; // NthWeekday, LastWeekday: 1 = Monday … 7 = Sunday
    int nth = 1;     // NthWeekday: 1..5
    friend bool operator==(const Holiday&, const Holiday&) = default;

    // Whether this holiday falls on `date` (a local date of the calendar).
    bool fallsOn(const QDate& date) const;
    // The date it falls on in `year`, if any (a fifth weekday may not exist,
    // 29 February only in leap years).
    std::optional<QDate> dateIn(int year) const;
    // "fourth Thursday of November", "every 25 December", "2026-12-31".
    QString describe() const;
};

struct BusinessCalendar {
    QString name;
    QString timeZone;           // IANA id, e.g. Europe/Berlin
    bool roundTheClock = false; // 24×7: every instant counts, no holidays
    // Index 0 = Monday … 6 = Sunday; intervals in opening order.
    std::array<std::vector<OpeningHours>, 7> week;
    std::vector<Holiday> holidays;
    friend bool operator==(const BusinessCalendar&, const BusinessCalendar&) = default;

    bool isHoliday(const QDate& date) const;
};

// The computing side of a calendar: resolves local opening hours to UTC spans
// in its zone and answers the two questions of the SLA engine. Time-zone
// lookups are slow, so the spans of each local date are remembered; a clock
// may be shared between threads.
class CalendarClock {
public:
    explicit CalendarClock(BusinessCalendar calendar);

    const BusinessCalendar& calendar() const { return m_calendar; }
    const QTimeZone& zone() const { return m_zone; }

    // Business seconds in [from, to) outside the given pauses (any order, may
    // overlap, may be open-ended). 0 when to <= from.
    std::int64_t elapsedBusinessSeconds(UtcSeconds from, UtcSeconds to,
                                        const std::vector<Span>& pauses = {}) const;

    // The instant at which `amount` business seconds counted from `start`
    // (outside pauses) are used up: the due instant. None when the calendar
    // never opens again or an open-ended pause stops the clock for good.
    std::optional<UtcSeconds> addBusinessSeconds(UtcSeconds start, std::int64_t amount,
                                                 const std::vector<Span>& pauses = {}) const;

    // The business spans of one local date, in UTC (empty on holidays and
    // closed days).
    std::vector<Span> businessSpansOf(const QDate& localDate) const;

    // The UTC instant of a local wall-clock time in the calendar's zone, by
    // the rules above (gap: forward by the gap; overlap: first occurrence).
    UtcSeconds resolveLocal(const QDate& date, int secondOfDay) const;
    bool existsLocally(const QDate& date, int secondOfDay) const;

    QDate localDateOf(UtcSeconds instant) const;

private:
    std::vector<Span> computeSpansOf(const QDate& localDate) const;

    BusinessCalendar m_calendar;
    QTimeZone m_zone;
    struct Cache {
        std::mutex mutex;
        std::unordered_map<qint64, std::vector<Span>> spansByJulianDay;
        // UTC day → the zone's offset all through it; none on a day the
        // offset changes.
        std::unordered_map<std::int64_t, std::optional<int>> offsetByUtcDay;
    };
    std::shared_ptr<Cache> m_cache = std::make_shared<Cache>();
};

// Sorted, merged copy of `spans` with empty ones dropped.
std::vector<Span> normalizedSpans(std::vector<Span> spans);

} // namespace escdesk::sla

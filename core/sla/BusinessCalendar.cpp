#include "sla/BusinessCalendar.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QLocale>

#include <algorithm>

namespace escdesk::sla {

namespace {

constexpr std::int64_t secondsPerDay = 86400;
constexpr qint64 unixEpochJulianDay = 2440588; // 1970-01-01

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}
// A calendar with hours but every day a holiday would loop forever; no SLA
// target spans more than this.
constexpr int maxDaysSearched = 366 * 5;

int boostWeekday(int isoWeekday) {
    return isoWeekday % 7;
} // Boost: 0 = Sunday

QDate toQDate(const boost::gregorian::date& date) {
    return QDate(date.year(), date.month(), date.day());
}

const char* ordinalName(int nth) {
    static const char* const names[] = {"first", "second", "third", "fourth", "fifth"};
    return nth >= 1 && nth <= 5 ? names[nth - 1] : "nth";
}

// The parts of `span` not covered by the sorted, merged `pauses`.
std::vector<Span> subtractPauses(const Span& span, const std::vector<Span>& pauses) {
    std::vector<Span> pieces;
    UtcSeconds cursor = span.from;
    for (const Span& pause : pauses) {
        if (pause.to <= cursor) {
            continue;
        }
        if (pause.from >= span.to) {
            break;
        }
        if (pause.from > cursor) {
            pieces.push_back({cursor, pause.from});
        }
        cursor = std::max(cursor, pause.to);
        if (cursor >= span.to) {
            return pieces;
        }
    }
    if (cursor < span.to) {
        pieces.push_back({cursor, span.to});
    }
    return pieces;
}

} // namespace

std::optional<QDate> Holiday::dateIn(int year) const {
    using namespace boost::gregorian;
    if (year < 1400 || year > 9999) {
        return std::nullopt; // outside Boost's Gregorian range; no real ticket lives there
    }
    switch (kind) {
    case Kind::Date:
        return date.isValid() && date.year() == year ? std::optional(date) : std::nullopt;
    case Kind::Yearly: {
        const QDate candidate(year, month, day);
        return candidate.isValid() ? std::optional(candidate) : std::nullopt;
    }
    case Kind::NthWeekday: {
        if (nth < 1 || nth > 5 || month < 1 || month > 12 || weekday < 1 || weekday > 7) {
            return std::nullopt;
        }
        const nth_day_of_the_week_in_month rule(
            static_cast<nth_day_of_the_week_in_month::week_num>(nth),
            greg_weekday(static_cast<unsigned short>(boostWeekday(weekday))),
            greg_month(static_cast<unsigned short>(month)));
        const QDate found = toQDate(rule.get_date(static_cast<unsigned short>(year)));
        // Boost answers the last occurrence for a fifth one that does not exist.
        return (found.day() - 1) / 7 + 1 == nth ? std::optional(found) : std::nullopt;
    }
    case Kind::LastWeekday: {
        if (month < 1 || month > 12 || weekday < 1 || weekday > 7) {
            return std::nullopt;
        }
        const last_day_of_the_week_in_month rule(
            greg_weekday(static_cast<unsigned short>(boostWeekday(weekday))),
            greg_month(static_cast<unsigned short>(month)));
        return toQDate(rule.get_date(static_cast<unsigned short>(year)));
    }
    }
    return std::nullopt;
}

bool Holiday::fallsOn(const QDate& localDate) const {
    return localDate.isValid() && dateIn(localDate.year()) == localDate;
}

QString Holiday::describe() const {
    const QString monthName = QLocale::c().monthName(std::clamp(month, 1, 12));
    const QString dayName = QLocale::c().dayName(std::clamp(weekday, 1, 7));
    switch (kind) {
    case Kind::Date:
        return date.toString(Qt::ISODate);
    case Kind::Yearly:
        return QStringLiteral("every %1 %2").arg(day).arg(monthName);
    case Kind::NthWeekday:
        return QStringLiteral("%1 %2 of %3")
            .arg(QLatin1String(ordinalName(nth)), dayName, monthName);
    case Kind::LastWeekday:
        return QStringLiteral("last %1 of %2").arg(dayName, monthName);
    }
    return {};
}

bool BusinessCalendar::isHoliday(const QDate& date) const {
    return std::any_of(holidays.begin(), holidays.end(),
                       [&](const Holiday& holiday) { return holiday.fallsOn(date); });
}

std::vector<Span> normalizedSpans(std::vector<Span> spans) {
    std::erase_if(spans, [](const Span& span) { return span.to <= span.from; });
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> merged;
    for (const Span& span : spans) {
        if (!merged.empty() && span.from <= merged.back().to) {
            merged.back().to = std::max(merged.back().to, span.to);
        } else {
            merged.push_back(span);
        }
    }
    return merged;
}

CalendarClock::CalendarClock(BusinessCalendar calendar)
    : m_calendar(std::move(calendar))
    , m_zone(QTimeZone(m_calendar.timeZone.toUtf8())) {
    if (!m_zone.isValid()) {
        m_zone = QTimeZone::utc(); // validation reports the unknown zone
    }
}

namespace {

int offsetAt(const QTimeZone& zone, UtcSeconds instant) {
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(instant, QTimeZone::utc()));
}

// The candidate instants of a local wall-clock time: read with the offset in
// force a day before and a day after. A candidate is real when the zone's
// offset at it is the one it was read with.
struct LocalCandidates {
    UtcSeconds early = 0; // read with the earlier offset
    UtcSeconds late = 0;  // read with the later offset
    bool earlyReal = false;
    bool lateReal = false;
};

LocalCandidates candidatesOf(const QTimeZone& zone, const QDate& date, int secondOfDay) {
    const std::int64_t wallClock =
        QDate(1970, 1, 1).daysTo(date) * secondsPerDay + std::int64_t{secondOfDay};
    const int offsetBefore = offsetAt(zone, wallClock - secondsPerDay);
    const int offsetAfter = offsetAt(zone, wallClock + secondsPerDay);
    LocalCandidates candidates;
    candidates.early = wallClock - offsetBefore;
    candidates.late = wallClock - offsetAfter;
    candidates.earlyReal = offsetAt(zone, candidates.early) == offsetBefore;
    candidates.lateReal = offsetAt(zone, candidates.late) == offsetAfter;
    return candidates;
}

} // namespace

QDate CalendarClock::localDateOf(UtcSeconds instant) const {
    // Time-zone lookups are slow and SLA clocks ask this for every ticket:
    // the zone's offset is looked up once per UTC day and reused for every
    // instant of a day that it does not change within (all days but the few
    // of a transition, which take the exact path). Zones change offset at
    // most a few times a year, never twice within one day and back.
    constexpr UtcSeconds sane = std::int64_t{1} << 40; // far beyond any date
    if (instant <= -sane || instant >= sane) {
        return QDateTime::fromSecsSinceEpoch(instant, m_zone).date();
    }
    const std::int64_t utcDay = floorDiv(instant, secondsPerDay);
    std::optional<int> steadyOffset;
    bool known = false;
    {
        const std::lock_guard lock(m_cache->mutex);
        const auto found = m_cache->offsetByUtcDay.find(utcDay);
        if (found != m_cache->offsetByUtcDay.end()) {
            steadyOffset = found->second;
            known = true;
        }
    }
    if (!known) {
        const int atStart = offsetAt(m_zone, utcDay * secondsPerDay);
        const int atEnd = offsetAt(m_zone, utcDay * secondsPerDay + secondsPerDay - 1);
        if (atStart == atEnd) {
            steadyOffset = atStart;
        }
        const std::lock_guard lock(m_cache->mutex);
        m_cache->offsetByUtcDay.emplace(utcDay, steadyOffset);
    }
    if (!steadyOffset) {
        return QDateTime::fromSecsSinceEpoch(instant, m_zone).date();
    }
    return QDate::fromJulianDay(unixEpochJulianDay +
                                floorDiv(instant + *steadyOffset, secondsPerDay));
}

bool CalendarClock::existsLocally(const QDate& date, int secondOfDay) const {
    const LocalCandidates candidates = candidatesOf(m_zone, date, secondOfDay);
    return candidates.earlyReal || candidates.lateReal;
}

UtcSeconds CalendarClock::resolveLocal(const QDate& date, int secondOfDay) const {
    const LocalCandidates candidates = candidatesOf(m_zone, date, secondOfDay);
    if (candidates.earlyReal && candidates.lateReal) {
        return std::min(candidates.early, candidates.late); // ambiguous: first occurrence
    }
    if (candidates.lateReal) {
        return candidates.late;
    }
    // Either only the earlier reading is real, or the time falls in a gap:
    // read with the offset before the gap, it lands the gap's length later
    // on the wall clock (02:30 becomes 03:30).
    return candidates.early;
}

std::vector<Span> CalendarClock::businessSpansOf(const QDate& localDate) const {
    {
        const std::lock_guard lock(m_cache->mutex);
        const auto found = m_cache->spansByJulianDay.find(localDate.toJulianDay());
        if (found != m_cache->spansByJulianDay.end()) {
            return found->second;
        }
    }
    std::vector<Span> spans = computeSpansOf(localDate);
    const std::lock_guard lock(m_cache->mutex);
    m_cache->spansByJulianDay.emplace(localDate.toJulianDay(), spans);
    return spans;
}

std::vector<Span> CalendarClock::computeSpansOf(const QDate& localDate) const {
    if (m_calendar.roundTheClock) {
        return {{resolveLocal(localDate, 0), resolveLocal(localDate.addDays(1), 0)}};
    }
    if (m_calendar.isHoliday(localDate)) {
        return {};
    }
    std::vector<Span> spans;
    for (const OpeningHours& hours : m_calendar.week[localDate.dayOfWeek() - 1]) {
        const QDate closeDate =
            hours.closeSecond >= secondsPerDay ? localDate.addDays(1) : localDate;
        const int closeSecond = hours.closeSecond >= secondsPerDay ? 0 : hours.closeSecond;
        if (!existsLocally(localDate, hours.openSecond) && !existsLocally(closeDate, closeSecond)) {
            continue; // the whole interval lies in a spring-forward gap
        }
        const Span span{resolveLocal(localDate, hours.openSecond),
                        resolveLocal(closeDate, closeSecond)};
        if (span.to > span.from) {
            spans.push_back(span);
        }
    }
    return normalizedSpans(std::move(spans));
}

std::int64_t CalendarClock::elapsedBusinessSeconds(UtcSeconds from, UtcSeconds to,
                                                   const std::vector<Span>& pauses) const {
    if (to <= from) {
        return 0;
    }
    std::vector<Span> business;
    if (m_calendar.roundTheClock) {
        business.push_back({from, to});
    } else {
        // A day's hours may spill past its local midnight (24:00 closings), so
        // look one local day either side.
        const QDate last = localDateOf(to).addDays(1);
        for (QDate day = localDateOf(from).addDays(-1); day <= last; day = day.addDays(1)) {
            for (const Span& span : businessSpansOf(day)) {
                const Span clipped{std::max(span.from, from), std::min(span.to, to)};
                if (clipped.to > clipped.from) {
                    business.push_back(clipped);
                }
            }
        }
        business = normalizedSpans(std::move(business));
    }
    const std::vector<Span> merged = normalizedSpans(pauses);
    std::int64_t total = 0;
    for (const Span& span : business) {
        for (const Span& piece : subtractPauses(span, merged)) {
            total += piece.to - piece.from;
        }
    }
    return total;
}

std::optional<UtcSeconds> CalendarClock::addBusinessSeconds(UtcSeconds start, std::int64_t amount,
                                                            const std::vector<Span>& pauses) const {
    if (amount < 0) {
        return start;
    }
    // Zero too goes through the spans: from outside business hours (or
    // inside a pause) it ends at the next instant the clock runs (SPEC §6).
    const std::vector<Span> merged = normalizedSpans(pauses);
    std::int64_t remaining = amount;
    // Uses up the free part of one business span; the due instant when the
    // amount runs out inside it (at its closing instant at the latest).
    auto consume = [&](const Span& span) -> std::optional<UtcSeconds> {
        for (const Span& piece : subtractPauses(span, merged)) {
            const std::int64_t length = piece.to - piece.from;
            if (remaining <= length) {
                return piece.from + remaining;
            }
            remaining -= length;
        }
        return std::nullopt;
    };
    if (m_calendar.roundTheClock) {
        return consume({start, openEnded});
    }
    const bool hasHours = std::any_of(m_calendar.week.begin(), m_calendar.week.end(),
                                      [](const auto& day) { return !day.empty(); });
    if (!hasHours) {
        return std::nullopt;
    }
    const QDate first = localDateOf(start).addDays(-1);
    for (int offset = 0; offset < maxDaysSearched; ++offset) {
        for (const Span& span : businessSpansOf(first.addDays(offset))) {
            if (span.to <= start) {
                continue;
            }
            if (const auto due = consume({std::max(span.from, start), span.to})) {
                return due;
            }
        }
        if (!merged.empty() && merged.back().to == openEnded &&
            merged.back().from <= resolveLocal(first.addDays(offset), 0)) {
            return std::nullopt; // paused for good: the clock never runs again
        }
    }
    return std::nullopt;
}

} // namespace escdesk::sla

#pragma once

// Instants are stored and passed around as UTC seconds since the Unix epoch.
// Conversion to local time happens only at the edges (import, display,
// reporting windows), always through an explicit time zone.

#include <QDateTime>
#include <QTimeZone>

#include <cstdint>
#include <optional>

namespace escdesk {

using UtcSeconds = std::int64_t;

inline QDateTime toDateTime(UtcSeconds instant, const QTimeZone& zone) {
    return QDateTime::fromSecsSinceEpoch(instant, zone);
}

inline UtcSeconds toUtcSeconds(const QDateTime& dateTime) {
    return dateTime.toSecsSinceEpoch();
}

// ISO 8601 in UTC with a trailing Z, e.g. 2026-11-26T09:30:00Z.
inline QString toIsoUtc(UtcSeconds instant) {
    // Qt::ISODate writes "+00:00" for a QTimeZone-based UTC date-time; spell
    // the Z out.
    return QDateTime::fromSecsSinceEpoch(instant, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

// The instant of local midnight starting `date` in `zone`. A midnight that
// does not exist (a DST gap at 00:00) moves forward to the first valid time.
UtcSeconds startOfLocalDay(const QDate& date, const QTimeZone& zone);

// A half-open reporting window [from, to) of UTC instants, built from local
// dates in the reporting time zone.
struct Window {
    UtcSeconds from = 0;
    UtcSeconds to = 0;
    bool contains(UtcSeconds instant) const { return instant >= from && instant < to; }
};

Window windowOfLocalDates(const QDate& fromDate, const QDate& toDateExclusive,
                          const QTimeZone& zone);

} // namespace escdesk

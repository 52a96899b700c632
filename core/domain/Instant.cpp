#include "domain/Instant.h"

namespace escdesk {

UtcSeconds startOfLocalDay(const QDate& date, const QTimeZone& zone) {
    return QDateTime(date, QTime(0, 0), zone).toSecsSinceEpoch();
}

Window windowOfLocalDates(const QDate& fromDate, const QDate& toDateExclusive,
                          const QTimeZone& zone) {
    return Window{startOfLocalDay(fromDate, zone), startOfLocalDay(toDateExclusive, zone)};
}

} // namespace escdesk

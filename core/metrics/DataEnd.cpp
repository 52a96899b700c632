#include "metrics/DataEnd.h"

#include "store/Database.h"

namespace escdesk::metrics {

std::optional<QDate> lastDataDay(store::Database& db, const QTimeZone& zone) {
    store::Statement query = db.prepare("SELECT max(created_at) FROM tickets");
    if (!query.step()) {
        return std::nullopt;
    }
    const std::optional<std::int64_t> newest = query.optionalInt64(0);
    if (!newest) {
        return std::nullopt;
    }
    return toDateTime(*newest, zone).date();
}

std::optional<UtcSeconds> lastDataInstant(store::Database& db) {
    // The newest event is the newest of each kind's: a seek at the end of
    // each kind in the index by kind and instant, where max(occurred_at) over
    // the whole log would read all of that index (0.14 s for a million
    // events, paid by every command that picks a period). The kinds are
    // those the table's CHECK admits (store/Schema.cpp).
    store::Statement query = db.prepare(R"sql(
SELECT max((SELECT max(created_at) FROM tickets), ifnull((
    SELECT max(newest) FROM (
        SELECT (SELECT max(occurred_at) FROM ticket_events WHERE event = kind) AS newest
        FROM (SELECT 'escalated' AS kind UNION ALL SELECT 'claimed' UNION ALL SELECT 'started'
              UNION ALL SELECT 'decision' UNION ALL SELECT 'bounced'
              UNION ALL SELECT 'info_requested' UNION ALL SELECT 'paused'
              UNION ALL SELECT 'resumed' UNION ALL SELECT 'resolved'
              UNION ALL SELECT 'reopened' UNION ALL SELECT 'reassigned'))), 0))
)sql");
    if (!query.step()) {
        return std::nullopt;
    }
    return query.optionalInt64(0);
}

ChosenInstant asOfFollowingData(store::Database& db, UtcSeconds now) {
    const std::optional<UtcSeconds> newest = lastDataInstant(db);
    if (!newest || *newest >= now - std::int64_t{staleDataDays} * 24 * 3600) {
        return {now, false};
    }
    return {*newest, true};
}

namespace {

// The day a period ending "today" is measured from when it follows the data.
QDate anchorDay(PeriodPreset preset, const QDate& lastDay) {
    // "Last month" on any day of the next month is the month holding lastDay.
    return preset == PeriodPreset::LastMonth ? lastDay.addMonths(1) : lastDay;
}

} // namespace

ChosenPeriod periodFollowingData(PeriodPreset preset, const QDate& today,
                                 const std::optional<QDate>& lastDay) {
    const DateRange fromToday = periodDates(preset, today);
    if (!fromToday.isValid() || !lastDay || *lastDay >= fromToday.first) {
        return {fromToday, false, {}};
    }
    return {periodDates(preset, anchorDay(preset, *lastDay)), true, *lastDay};
}

ChosenPeriod lastDaysFollowingData(int days, const QDate& today,
                                   const std::optional<QDate>& lastDay) {
    const QDate first = today.addDays(1 - days);
    if (!lastDay || *lastDay >= first) {
        return {{first, today}, false, {}};
    }
    return {{lastDay->addDays(1 - days), *lastDay}, true, *lastDay};
}

ChosenPeriod choosePeriod(store::Database& db, PeriodPreset preset, const DateRange& customRange,
                          const QDate& today, const QTimeZone& zone) {
    if (preset == PeriodPreset::Custom) {
        return {customRange, false, {}};
    }
    return periodFollowingData(preset, today, lastDataDay(db, zone));
}

} // namespace escdesk::metrics

#pragma once

// Where a workspace's data ends, so that default periods follow the data
// (issue #17): a workspace of last year's exports opens on its latest period
// that has data, not on an empty one ending today. Every page's period
// picker and every CLI default window goes through here.

#include "domain/Instant.h"
#include "metrics/Period.h"

#include <QDate>
#include <QTimeZone>

#include <optional>

namespace escdesk::store {
class Database;
}

namespace escdesk::metrics {

// The local date in `zone` of the newest ticket's creation: the last day
// with tickets (the periods of SPEC §7 are cut on creation). Empty for a
// workspace without tickets. One indexed lookup.
std::optional<QDate> lastDataDay(store::Database& db, const QTimeZone& zone);

struct ChosenPeriod {
    DateRange dates;
    // The period ends where the data ends rather than today, because the
    // data ends before the period ending today would start.
    bool followsData = false;
    QDate dataEnd; // the last day with data, when followsData
};

// The dates of `preset` for data that ends on `lastDay`: those ending today,
// unless the data ends before they start — then the latest such period that
// has data: ending on the data's last day ("Last month": the month holding
// it). Custom gives an invalid range: its dates are the user's.
ChosenPeriod periodFollowingData(PeriodPreset preset, const QDate& today,
                                 const std::optional<QDate>& lastDay);

// The same for a rolling window of `days` days (the CLI's default windows).
ChosenPeriod lastDaysFollowingData(int days, const QDate& today,
                                   const std::optional<QDate>& lastDay);

// What a period picker's choice means for the workspace: the custom range as
// picked, any preset following the workspace's data (lastDataDay in `zone`).
ChosenPeriod choosePeriod(store::Database& db, PeriodPreset preset, const DateRange& customRange,
                          const QDate& today, const QTimeZone& zone);

// The newest instant the workspace records: its latest ticket creation or
// event. Empty for a workspace without tickets.
std::optional<UtcSeconds> lastDataInstant(store::Database& db);

// How old the data may be before a view "as of now" is taken where the data
// ends instead: the default window of the analysis pages.
inline constexpr int staleDataDays = 30;

struct ChosenInstant {
    UtcSeconds asOf = 0;
    bool followsData = false; // where the data ends, not now
};

// The instant a view of open tickets is taken at by default: `now`, unless
// the workspace's newest data is more than staleDataDays older — then the
// newest data's instant (everything still open in last year's export is
// not "open now").
ChosenInstant asOfFollowingData(store::Database& db, UtcSeconds now);

} // namespace escdesk::metrics

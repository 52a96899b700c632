#pragma once

// The kept outcome rows (OutcomeStore.h) of each UTC hour packed into one
// value (table outcome_packs, schema version 12), so that a window's
// outcomes are read as a few hundred blobs decoded in memory instead of a
// million rows decoded column by column by SQLite — most of a large
// window's read. A pack holds exactly what the hour's rows hold, in their
// order: the outcomes visited, and so every figure, are the same whether an
// hour is read from its pack or from its rows.
//
// Packs follow the rows: a trigger forgets the packs of a ticket's hours
// when its outcome row goes (so whatever forgets outcomes forgets packs),
// and whoever inserts outcome rows forgets the packs of their hours
// (forgetPacksOf). An hour without a pack is read from its rows;
// keepMissingPacks packs the hours of a window that lack one. A window
// that starts or ends inside an hour reads that part from the rows.

#include "domain/Instant.h"
#include "metrics/HourSummaries.h"
#include "metrics/MetricOutcomes.h"
#include "store/Database.h"

#include <cstdint>
#include <functional>
#include <set>

namespace escdesk::metrics {

// A ticket's kept outcome as stored: its SLA verdict not yet read as of an
// instant, its repeat-issue flag not set (both depend on more than the row).
struct KeptTicket {
    TicketOutcome outcome;
    bool hasSla = false;           // `sla` is not NULL
    std::int64_t sla = 0;          // 0 met, 1 breached, 2 running
    std::int64_t slaSettledAt = 0; // from when the verdict holds
};

// Calls `visit` for each kept ticket outcome created in the window, in
// creation order (then by ticket), from packs where kept, else from rows.
// The outcome passed is valid only during the call; the visitor may
// complete it in place.
void forEachKeptTicket(store::Database& db, const Window& window,
                       const std::function<void(KeptTicket&)>& visit);

// forEachKeptTicket, but each whole hour of the window with a kept summary
// (HourSummaries.h) that `takesHour` accepts is passed to `summed` instead
// of its tickets, unless `summed` declines it (returns false): its tickets
// are then visited. The summary's repeat issues are left 0 for the caller.
// Returns whether every whole hour of the window was read from its pack
// (false when packsMissing would be true for them).
bool forEachKeptTicketOrHour(store::Database& db, const Window& window,
                             const std::function<bool(std::int64_t hour)>& takesHour,
                             const std::function<bool(TicketHourSummary&)>& summed,
                             const std::function<void(KeptTicket&)>& visit);

// The same for escalations.
bool forEachKeptEscalationOrHour(store::Database& db, const Window& window,
                                 const std::function<bool(std::int64_t hour)>& takesHour,
                                 const std::function<void(const EscalationHourSummary&)>& summed,
                                 const std::function<void(const EscalationOutcome&)>& visit);

// Calls `visit` for each kept escalation outcome inside the window, in time
// order (then by ticket and ordinal).
void forEachKeptEscalation(store::Database& db, const Window& window,
                           const std::function<void(const EscalationOutcome&)>& visit);

// The UTC hours (instant / 3600) outcome rows were written for: tickets by
// their creation, escalations by their instant.
struct TouchedHours {
    std::set<std::int64_t> tickets;
    std::set<std::int64_t> escalations;
};

// Forgets the packs of the hours whose outcome rows were inserted.
void forgetPacksOf(store::Database& db, const TouchedHours& hours);

// Forgets every pack (with every outcome row).
void forgetAllPacks(store::Database& db);

// Packs the whole hours of the window that hold kept outcomes but no pack
// yet, in one write transaction on `db` (which must be writable).
void keepMissingPacks(store::Database& db, const Window& window);

// Whether some whole hour of the window that holds kept outcomes lacks its
// pack (a read-only question, a count of two small ranges).
bool packsMissing(store::Database& db, const Window& window);

} // namespace escdesk::metrics

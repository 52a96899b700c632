#pragma once

// Tickets and escalated tickets per segment value, kept per hour of creation
// (tables segment_hours and segment_counts, schema version 12), so that the
// segment analysis of a window is a sum over its hours instead of a visit to
// every ticket in it and a look-up of each one's escalation.
//
// An hour's counts are UTC hours (created_at / 3600), whatever the reporting
// zone: a window that starts or ends inside an hour (a zone with a half-hour
// offset) has that part counted from the tickets themselves. Counts are
// integers, so the sum over hours is exactly the count over the window.
//
// The counts of an hour are made by the first window that needs them and
// kept until what they were counted from changes: the triggers made with the
// first counts forget the hour of a ticket that is inserted, updated or
// deleted, or whose events or account change; all hours are forgotten when
// the workspace gains or loses its event log (a ticket is escalated by its
// events when there is a log, by its own flag otherwise).

#include "domain/Instant.h"
#include "metrics/Segmentation.h"
#include "store/Database.h"

#include <QString>

#include <functional>
#include <string>

namespace escdesk::metrics {

// Receives (value, tickets, escalated) per value, possibly several times for
// one value (summing them is the caller's part); a null or empty value is a
// ticket without one.
using SegmentCountSink = std::function<void(const QString&, std::int64_t, std::int64_t)>;

// The SQL expression of a segmenting field over tickets t and accounts a,
// and whether it needs the accounts joined.
const char* segmentFieldColumn(SegmentField field);
bool segmentFieldNeedsAccounts(SegmentField field);

// SQL over tickets t: whether a ticket escalated as the facts decide it (an
// `escalated` event, or without any event log the ticket's own flag read as
// an integer), and the FROM clause a segmenting field needs (the tickets,
// with their accounts when the field is an account's).
std::string segmentEscalatedSql(bool hasEventLog);
std::string segmentTicketsFrom(SegmentField field);

// Counts the tickets created in `window` per value of `field`, with how
// many of them escalated, straight from the tickets and their events.
void countSegmentsDirectly(store::Database& db, const Window& window, SegmentField field,
                           bool hasEventLog, const SegmentCountSink& sink);

// The same counts, summed over the kept hours; the hours missing are
// counted and kept first (through a connection of its own when `db` is
// read-only). Falls back to countSegmentsDirectly when the workspace cannot
// be written.
void countSegments(store::Database& db, const Window& window, SegmentField field, bool hasEventLog,
                   const SegmentCountSink& sink);

} // namespace escdesk::metrics

#pragma once

// The tickets behind the figures of the analyses, as ticket rows
// (tickets.id), so every table and chart can list what a number counts.

#include "analysis/ProblemClusters.h"
#include "metrics/Segmentation.h"
#include "store/Database.h"

#include <map>
#include <vector>

namespace escdesk::analysis {

// Per root cause (as RootCauses names it, "Unspecified" for none): the
// distinct tickets with an escalation in E(W), in order of their first
// escalation in the window — the tickets RootCauseRow::count counts (a
// ticket escalated twice counts twice there and is listed once here).
std::map<QString, std::vector<std::int64_t>>
ticketRowsByRootCause(const metrics::MetricsInput& input, const Window& window);

struct SegmentTickets {
    std::vector<std::int64_t> all;       // tickets in T(W) with the value
    std::vector<std::int64_t> escalated; // those of them escalated (SPEC §7)
};

// Per value of the field (a null QString for tickets without one): the
// tickets created in the window, in order of creation — what SegmentRow's
// tickets and escalated count.
std::map<QString, SegmentTickets> ticketRowsBySegment(const metrics::MetricsInput& input,
                                                      const Window& window,
                                                      metrics::SegmentField field);

// The tickets of one segment: those created in the window whose value of the
// field is `value` (a null or empty QString: the tickets without one), in
// order of creation, and those of them escalated (SPEC §7) — what
// ticketRowsBySegment lists for that value, read by the store from the
// tickets of the segment alone instead of every ticket's facts of the window.
// `renewal`: what the renewal-window field is measured from.
SegmentTickets segmentTicketRows(store::Database& db, const Window& window,
                                 metrics::SegmentField field, const QString& value,
                                 const metrics::RenewalWindow& renewal = {});

// The tickets created in the window (T(W)) and those of them escalated, in
// order of creation — what the dashboard's tickets and escalated count.
SegmentTickets ticketRowsOfWindow(const metrics::MetricsInput& input, const Window& window);

// The members of a cluster as ticket rows, in member order; ids no longer in
// the store are skipped.
std::vector<std::int64_t> clusterTicketRows(store::Database& db, const ProblemCluster& cluster);

} // namespace escdesk::analysis

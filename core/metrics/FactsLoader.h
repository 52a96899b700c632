#pragma once

// Reads the facts for a reporting window from the store in two ordered
// passes (tickets, then their events), so the metrics run on memory.

#include "metrics/TicketFacts.h"
#include "store/Database.h"

namespace escdesk::metrics {

// Which ticket fields to read: all of them, or only those the metrics
// themselves read — not the SLA clocks' (first response, closed, status) nor
// the segmenting fields (group, account), for analyses that need neither.
enum class FactFields { All, MetricsOnly };

MetricsInput loadMetricsInput(store::Database& db, const Window& window,
                              FactFields fields = FactFields::All);

// Only the tickets with an escalation in the window, E(W), with all their
// events: what forEachEscalationIn visits, in the same order, for analyses
// that look at escalations alone (root causes, problem clusters). Its
// resolvedEscalations are left empty.
MetricsInput loadEscalationsInput(store::Database& db, const Window& window);

// Whether the workspace holds any events: without, the tickets' own fields
// stand in for the log (SPEC §7).
bool workspaceHasEventLog(store::Database& db);

// The facts of the tickets of the given rows, with every field and all
// their events, ordered by row; rows that hold no ticket are left out.
std::vector<TicketFacts> loadTicketFacts(store::Database& db,
                                         const std::vector<std::int64_t>& rows);

// The escalated tickets resolved from 90 days before the window to its end,
// for the repeat-issue lookback (MetricsInput::resolvedEscalations).
std::vector<ResolvedEscalation> loadResolvedEscalations(store::Database& db, const Window& window,
                                                        bool hasEventLog);

} // namespace escdesk::metrics

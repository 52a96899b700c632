#pragma once

// Reads the facts for a reporting window from the store in two ordered
// passes (tickets, then their events), so the metrics run on memory.

#include "metrics/TicketFacts.h"
#include "store/Database.h"

namespace escdesk::metrics {

MetricsInput loadMetricsInput(store::Database& db, const Window& window);

// Only the tickets with an escalation in the window, E(W), with all their
// events: what forEachEscalationIn visits, in the same order, for analyses
// that look at escalations alone (root causes, problem clusters). Its
// resolvedEscalations are left empty.
MetricsInput loadEscalationsInput(store::Database& db, const Window& window);

} // namespace escdesk::metrics

#pragma once

// Reads the facts for a reporting window from the store in two ordered
// passes (tickets, then their events), so the metrics run on memory.

#include "metrics/TicketFacts.h"
#include "store/Database.h"

namespace escdesk::metrics {

MetricsInput loadMetricsInput(store::Database& db, const Window& window);

} // namespace escdesk::metrics

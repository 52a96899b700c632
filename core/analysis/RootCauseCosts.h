#pragma once

// The cost of SPEC §7 split by root cause (#21): the same cost model over
// the same tickets — the escalated tickets created in the window — so the
// causes' costs add up to the window's `cost` (escalation handling +
// engineering interruptions):
// - handling: the cause's escalated tickets' handle time (h) × agent cost
//   per hour, a ticket without a handle time priced at the window's mean
//   handle time, as the metric prices it (escalated × mean);
// - engineering: the cause's escalations reaching Tier 3 or above ×
//   (interruption + recovery minutes) / 60 × engineer cost per hour.
// Root causes (SPEC §8) count escalations inside the window; these costs
// belong to the tickets created in it, as the metric's do.

#include "domain/Instant.h"
#include "metrics/MetricOutcomes.h"
#include "metrics/MetricsEngine.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace escdesk::analysis {

struct RootCauseCost {
    QString rootCause; // "Unspecified" for tickets without one
    std::int64_t escalatedTickets = 0;
    double handling = 0.0;
    double engineering = 0.0;
    double total() const { return handling + engineering; }
};

struct RootCauseCosts {
    std::vector<RootCauseCost> causes; // by total cost, highest first, ties by name
    double handling = 0.0;
    double engineering = 0.0;
    // False when escalated tickets carry no handle time at all (the metric's
    // handling cost is then not measurable): handling counts as 0.
    bool handlingMeasured = true;
    double total() const { return handling + engineering; }
    // The cost of a root cause; empty when none of its tickets cost anything.
    std::optional<double> costOf(const QString& rootCause) const;
};

// From the ticket outcomes of a window (those created outside it are
// ignored), priced at `costs`.
RootCauseCosts rootCauseCosts(const std::vector<const metrics::TicketOutcome*>& tickets,
                              const Window& window, const metrics::CostParameters& costs);
RootCauseCosts rootCauseCosts(const std::vector<metrics::TicketOutcome>& tickets,
                              const Window& window, const metrics::CostParameters& costs);

// The window's, from its kept outcomes visited once (not collected: a large
// window is read in two halves, as the metrics read it), priced at the
// workspace matrix's rates.
RootCauseCosts rootCauseCosts(store::Database& db, const Window& window, UtcSeconds slaAsOf);

// Adds the costs to the JSON of the root causes (rootCausesToJson): "cost"
// on each entry of "root_causes" (0 when its tickets cost nothing), and
// "cost": {"total", "escalation_handling", "engineering_interruptions",
// "handling_measured", "basis", "by_root_cause": [{"root_cause",
// "escalated_tickets", "escalation_handling", "engineering_interruptions",
// "total"}]} — every cause, also one with no escalation inside the window.
void addCostsToJson(QJsonObject& rootCausesJson, const RootCauseCosts& costs);

// The line under a root-cause table saying what the cost column holds.
QString rootCauseCostNote();

} // namespace escdesk::analysis

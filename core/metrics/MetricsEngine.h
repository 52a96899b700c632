#pragma once

// Every metric of SPEC §7, by its exact definition, over a reporting window.
// Loading (FactsLoader) and computing are separate so the arithmetic can be
// checked on hand-built inputs.

#include "metrics/Statistics.h"
#include "metrics/TicketFacts.h"

#include <QString>

#include <array>
#include <map>
#include <optional>

namespace escdesk::metrics {

// The cost parameters of SPEC §5 with their defaults.
struct CostParameters {
    double agentCostPerHour = 45.0;
    double engineerCostPerHour = 95.0;
    double interruptionMinutes = 15.0;
    double recoveryMinutes = 23.0; // context-switch recovery
};

struct SplitStats {
    DurationStats all;
    DurationStats escalated;
    DurationStats notEscalated;
};

struct SplitMeans {
    std::optional<double> all;
    std::optional<double> escalated;
    std::optional<double> notEscalated;
};

struct Metrics {
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
    std::optional<double> escalationRate;
    DurationStats timeToEscalateMin;
    DurationStats claimDelayMin;
    std::int64_t unclaimed = 0;
    DurationStats handoffDelayMin;
    DurationStats decisionLatencyMin;
    std::optional<double> criticalDecisionsWithin30m;
    std::optional<double> bouncebackRate;
    std::optional<double> contextLossRate;
    std::optional<double> escalationsPerEscalatedTicket;
    std::optional<double> reescalatedShare;
    std::optional<double> deflectionRate;
    std::optional<double> reopenRate;
    SplitStats resolutionTimeMin;
    std::optional<double> slaBreachRateAll;
    std::optional<double> slaBreachRateEscalated;
    std::array<DurationStats, 3> timeAtTierMin; // tiers 1, 2, 3
    std::optional<double> repeatIssueRate;
    SplitMeans csat;
    std::optional<double> costEscalationHandling;
    std::optional<double> costEngineeringInterruptions;
    // Metric key → why it has no value (e.g. "needs event log").
    std::map<QString, QString> unavailable;
};

Metrics computeMetrics(const MetricsInput& input, const Window& window,
                       const CostParameters& costs = {});

} // namespace escdesk::metrics

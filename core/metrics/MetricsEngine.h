#pragma once

// Every metric of SPEC §7, by its exact definition, over a reporting window.
// Loading (FactsLoader) and computing are separate so the arithmetic can be
// checked on hand-built inputs.

#include "metrics/DataCoverage.h"
#include "metrics/HourSummaries.h"
#include "metrics/MetricOutcomes.h"
#include "metrics/Statistics.h"
#include "metrics/TicketFacts.h"

#include <QHashFunctions>
#include <QString>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace escdesk::metrics {

// The cost parameters of SPEC §5. The defaults serve hand-built inputs
// (tests) only: every surface prices at the workspace matrix's rates, built
// by metricInputsOf (MetricInputs.h).
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
    // Metric key → why it has no value (e.g. "needs event log"); a part of
    // an object as "key.part" ("resolution_time_min.escalated"). A figure
    // listed here is not measurable: its value is empty, never 0.
    std::map<QString, QString> unavailable;
};

Metrics computeMetrics(const MetricsInput& input, const Window& window,
                       const CostParameters& costs = {});

// Resolution instants of escalated tickets per (root cause, product area),
// ascending, so a repeat-issue lookup is a binary search. Built once per
// loaded input, however many windows are computed on it.
class ResolvedEscalationIndex {
public:
    explicit ResolvedEscalationIndex(const std::vector<ResolvedEscalation>& resolved);

    // Whether an escalated ticket resolved in the 90 days before `ticket` was
    // created shares its (root cause, product area) (SPEC §7 repeat_issue_rate).
    bool isRepeatIssue(const TicketFacts& ticket) const;
    bool isRepeatIssue(const QString& rootCause, const QString& productArea,
                       UtcSeconds createdAt) const;

    // Sets each outcome's repeat-issue flag (escalated tickets only).
    void markRepeatIssues(std::vector<TicketOutcome>& outcomes) const;

private:
    // Hashed: a large window looks up every escalated ticket's pair.
    struct PairHash {
        std::size_t operator()(const std::pair<QString, QString>& key) const {
            return qHashMulti(0, key.first, key.second);
        }
    };
    std::unordered_map<std::pair<QString, QString>, std::vector<UtcSeconds>, PairHash> m_times;
};

// The tickets of an input that a window needs (those created in it or with
// an escalation in it), in the input's order.
using TicketRefs = std::vector<const TicketFacts*>;

// The same metrics over part of a loaded input — e.g. one period of a trend
// loaded with its whole range. `tickets` must hold every ticket of the input
// created in `window` or escalated in it, in input order; others are ignored
// as computeMetrics(input, …) ignores them. `resolved` must cover the 90
// days before the window. `coverage`: what the workspace can measure
// (DataCoverage.h); by default everything.
Metrics computeMetrics(const TicketRefs& tickets, bool hasEventLog,
                       const ResolvedEscalationIndex& resolved, const Window& window,
                       const CostParameters& costs = {}, const DataCoverage& coverage = {});

// Sums outcomes into the metrics of one window as they come, one at a time
// (SPEC §7): tickets created in the window and escalations inside it; others
// are ignored. A ticket's repeat-issue flag must be set. What `coverage`
// says the workspace cannot measure is marked so when finished.
class MetricsAccumulator {
public:
    MetricsAccumulator(const Window& window, bool hasEventLog, const CostParameters& costs = {},
                       const DataCoverage& coverage = {});
    ~MetricsAccumulator();
    MetricsAccumulator(MetricsAccumulator&&) noexcept;
    MetricsAccumulator& operator=(MetricsAccumulator&&) noexcept;

    void add(const TicketOutcome& ticket);
    void add(const EscalationOutcome& escalation);
    // Whether the whole UTC hour lies in the window: only then may its
    // outcomes be added summed, as one of these (HourSummaries.h) — with
    // its repeat issues and running SLA verdicts completed.
    bool holdsHour(std::int64_t hour) const;
    void add(const TicketHourSummary& hour);
    void add(const EscalationHourSummary& hour);
    // Adds what another accumulator of the same window summed, as if its
    // outcomes had been added here (the figures do not depend on the order).
    void merge(MetricsAccumulator&& other);
    // The metrics of everything added; call once.
    Metrics finish();

private:
    struct Totals;
    Window m_window;
    bool m_hasEventLog = false;
    CostParameters m_costs;
    DataCoverage m_coverage;
    Metrics m_metrics;
    std::unique_ptr<Totals> m_totals;
};

// The metrics of a window summed over outcomes (MetricOutcomes.h): the
// tickets created in it and the escalations inside it; others are ignored.
// Repeat-issue flags must be set (ResolvedEscalationIndex::markRepeatIssues).
// The same as computeMetrics on the facts the outcomes were decided from.
Metrics computeMetrics(const OutcomeRefs& outcomes, bool hasEventLog, const Window& window,
                       const CostParameters& costs = {}, const DataCoverage& coverage = {});

OutcomeRefs refsTo(const std::vector<TicketOutcome>& tickets,
                   const std::vector<EscalationOutcome>& escalations);

} // namespace escdesk::metrics

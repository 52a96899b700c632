#pragma once

// The dashboard's key figures beyond the headline (SPEC §7): for a period and
// the period before, each figure's value, previous value, change and, where
// the spec gives one, its benchmark band (Benchmarks.h).

#include "metrics/Benchmarks.h"
#include "metrics/MetricsEngine.h"
#include "metrics/OutcomeStore.h"
#include "store/Database.h"

#include <QStringList>

#include <optional>

#include <vector>

namespace escdesk::metrics {

enum class KeyFigure {
    TimeToEscalateP90,
    HandoffDelay, // p90, with the p50 beside it
    DecisionLatencyP90,
    CriticalDecisionsWithin30m,
    BouncebackRate,
    ContextLossRate,
    ReescalatedShare,
    SlaBreachRate, // all tickets
    DeflectionRate,
};

enum class FigureUnit { Fraction, Minutes };
// Which way a change is good news.
enum class Better { Lower, Higher };

struct KeyFigureValue {
    KeyFigure figure = KeyFigure::TimeToEscalateP90;
    QString key; // the SPEC §7 key the figure comes from
    FigureUnit unit = FigureUnit::Fraction;
    Better better = Better::Lower;
    std::optional<double> value;
    std::optional<double> p50; // HandoffDelay only (value is the p90)
    std::optional<double> previous;
    // value − previous; for fractions a difference of fractions (0.02 reads
    // "+2 points"). Empty when either is empty.
    std::optional<double> change;
    std::int64_t n = 0; // the sample of a duration
    // The p90 a duration benchmark is about when it is not `value` itself:
    // the handoff delay of High/Critical escalations (which the band
    // judges), the decision latency of Critical ones (which the band on the
    // share decided within 30 minutes stands for).
    std::optional<double> benchmarkValue;
    std::optional<BenchmarkBand> band;
    // Why there is no value (e.g. "needs event log"); empty otherwise.
    QString unavailable;
};

// The figures of `current` against `previous`. `highCriticalHandoffP90` and
// `criticalDecisionP90` are the p90s the handoff and Critical-decision
// benchmarks judge (see metricsOfPriorities).
std::vector<KeyFigureValue> keyFigures(const Metrics& current, const Metrics& previous,
                                       const std::optional<double>& highCriticalHandoffP90,
                                       const std::optional<double>& criticalDecisionP90);

// The outcomes of tickets of the given priorities (case-insensitive).
OutcomeRefs withPriorities(const WindowOutcomes& outcomes, const QStringList& priorities);

struct KeyFigureComparison {
    Metrics current;
    Metrics previous;
    DurationStats highCriticalHandoffMin; // current period
    DurationStats criticalDecisionMin;    // current period
    std::vector<KeyFigureValue> figures;
};

// The metrics of both windows from the kept outcomes (OutcomeStore.h), with
// SLA breaches as of slaAsOf, compared.
KeyFigureComparison compareKeyFigures(store::Database& db, const Window& current,
                                      const Window& previous, UtcSeconds slaAsOf);

} // namespace escdesk::metrics

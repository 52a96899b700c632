#pragma once

// The tickets behind each figure of SPEC §7, so every KPI card, chart point
// and table row can list what its number counts: the tickets of a rate's
// numerator and of its denominator, the sample of a duration. Decided by the
// same rules as the metrics engine (TicketEscalations.h, EscalationPairing.h).

#include "metrics/TicketFacts.h"
#include "store/Database.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace escdesk::analysis {

enum class MetricFigure {
    Tickets,
    Escalated,
    EscalationRate,
    TimeToEscalate,
    ClaimDelay,
    HandoffDelay,
    DecisionLatency,
    CriticalDecisionsWithin30m,
    BouncebackRate,
    ContextLossRate,
    EscalationsPerEscalatedTicket,
    ReescalatedShare,
    DeflectionRate,
    ReopenRate,
    ResolutionTime,
    SlaBreachRate,
    RepeatIssueRate,
};

struct FigureTickets {
    // What the figure counts: a rate's numerator, a duration's sample (the
    // tickets with a measured duration, longest first).
    std::vector<std::int64_t> counted;
    // For a duration, each counted ticket's duration in minutes (its longest
    // when several of its escalations count), beside `counted`; else empty.
    std::vector<double> countedMinutes;
    // What it is taken over: a rate's denominator, in order of creation.
    std::vector<std::int64_t> population;
};

// The tickets (as ticket rows) behind `figure` in the window, from the same
// input the metrics are computed on (with SLA breaches marked for
// SlaBreachRate). Figures over escalations in the window, E(W), list each
// ticket once however many of its escalations count. Without an event log
// the figures that need one list nothing, as the metrics give no value.
FigureTickets figureTickets(const metrics::MetricsInput& input, const Window& window,
                            MetricFigure figure);

// Loads the window's facts and lists the tickets behind the figure; SLA
// breaches are judged as of `slaAsOf` (the instant the figure was computed
// for), by the workspace's matrix.
FigureTickets figureTicketsOf(store::Database& db, const Window& window, MetricFigure figure,
                              UtcSeconds slaAsOf);

// The SPEC §7 key of the figure ("escalation_rate", …).
QString figureKey(MetricFigure figure);

} // namespace escdesk::analysis

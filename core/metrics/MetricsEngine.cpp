#include "metrics/MetricsEngine.h"

#include "metrics/HourSpan.h"

#include <algorithm>
#include <memory>
#include <numeric>

namespace escdesk::metrics {

namespace {

const QString needsEventLog = QStringLiteral("needs event log");

// Joins two samples. Either may take the other's values, as samples are
// sorted before use: the smaller is copied into the larger.
void append(std::vector<double>& to, std::vector<double>&& from) {
    if (from.size() > to.size()) {
        to.swap(from);
    }
    to.insert(to.end(), from.begin(), from.end());
}

// Appends an hour's values. The first values come with room for the rest
// of the window's hours at their rate (`hours`): address space only, where
// growing by doubling would copy, and touch fresh pages, again and again.
void append(SecondsSample& to, const SecondsSample& from, std::size_t hours) {
    if (from.empty()) {
        return;
    }
    if (to.capacity() == 0) {
        constexpr std::size_t most = std::size_t{1} << 26;
        to.reserve(std::min(most, std::max<std::size_t>(from.size(), 16) * hours));
    }
    to.insert(to.end(), from.begin(), from.end());
}

template <std::size_t N>
void appendAll(std::array<SecondsSample, N>& to, std::array<SecondsSample, N>&& from) {
    for (std::size_t i = 0; i < N; ++i) {
        if (from[i].size() > to[i].size()) {
            to[i].swap(from[i]);
        }
        to[i].insert(to[i].end(), from[i].begin(), from[i].end());
    }
}

// The samples and counts of the escalations inside a window, E(W).
struct EscalationTotals {
    std::vector<double> claim, handoff, decision;
    std::array<SecondsSample, escalationSampleCount> seconds; // from hour summaries
    // The window's hours, a hint of how many values the samples will hold.
    std::size_t hours = 1;
    std::int64_t counted = 0, unclaimed = 0, bounced = 0, infoRequested = 0;
    std::int64_t critical = 0, criticalWithin30m = 0;

    void add(const EscalationHourSummary& hour) {
        counted += hour.counted;
        unclaimed += hour.unclaimed;
        bounced += hour.bounced;
        infoRequested += hour.infoRequested;
        critical += hour.critical;
        criticalWithin30m += hour.criticalWithin30m;
        for (std::size_t i = 0; i < escalationSampleCount; ++i) {
            append(seconds[i], hour.samples[i], hours);
        }
    }

    void add(const EscalationOutcome& e) {
        ++counted;
        if (e.claimMin) {
            claim.push_back(*e.claimMin);
        } else {
            ++unclaimed;
        }
        if (e.handoffMin) {
            handoff.push_back(*e.handoffMin);
        }
        if (e.decisionMin) {
            decision.push_back(*e.decisionMin);
        }
        bounced += e.bounced ? 1 : 0;
        infoRequested += e.infoRequested ? 1 : 0;
        if (e.priority.compare(QLatin1String("Critical"), Qt::CaseInsensitive) == 0) {
            ++critical;
            criticalWithin30m += e.decisionMin && *e.decisionMin <= 30.0 ? 1 : 0;
        }
    }

    void merge(EscalationTotals&& other) {
        append(claim, std::move(other.claim));
        append(handoff, std::move(other.handoff));
        append(decision, std::move(other.decision));
        appendAll(seconds, std::move(other.seconds));
        counted += other.counted;
        unclaimed += other.unclaimed;
        bounced += other.bounced;
        infoRequested += other.infoRequested;
        critical += other.critical;
        criticalWithin30m += other.criticalWithin30m;
    }

    void finish(Metrics& m) {
        m.unclaimed = unclaimed;
        m.claimDelayMin = summarize(std::move(claim), std::move(seconds[Claim]));
        m.handoffDelayMin = summarize(std::move(handoff), std::move(seconds[Handoff]));
        m.decisionLatencyMin = summarize(std::move(decision), std::move(seconds[Decision]));
        m.bouncebackRate = ratio(bounced, counted);
        m.contextLossRate = ratio(infoRequested, counted);
        m.criticalDecisionsWithin30m = ratio(criticalWithin30m, critical);
    }
};

void markNeedsEventLog(Metrics& m) {
    for (const char* key : {"claim_delay_min", "handoff_delay_min", "decision_latency_min",
                            "critical_decisions_within_30m", "bounceback_rate", "context_loss_rate",
                            "escalations_per_escalated_ticket", "reescalated_share", "reopen_rate",
                            "time_at_tier_min"}) {
        m.unavailable[QString::fromLatin1(key)] = needsEventLog;
    }
}

} // namespace

ResolvedEscalationIndex::ResolvedEscalationIndex(const std::vector<ResolvedEscalation>& resolved) {
    for (const ResolvedEscalation& r : resolved) {
        if (!r.rootCause.isEmpty() && !r.productArea.isEmpty()) {
            m_times[{r.rootCause, r.productArea}].push_back(r.resolvedAt);
        }
    }
    for (auto& [key, times] : m_times) {
        std::sort(times.begin(), times.end());
    }
}

bool ResolvedEscalationIndex::isRepeatIssue(const TicketFacts& ticket) const {
    return isRepeatIssue(ticket.rootCause, ticket.productArea, ticket.createdAt);
}

bool ResolvedEscalationIndex::isRepeatIssue(const QString& rootCause, const QString& productArea,
                                            UtcSeconds createdAt) const {
    const auto found = m_times.find({rootCause, productArea});
    if (found == m_times.end()) {
        return false;
    }
    const std::vector<UtcSeconds>& times = found->second;
    const auto first =
        std::lower_bound(times.begin(), times.end(), createdAt - repeatIssueLookbackSeconds);
    return first != times.end() && *first < createdAt;
}

void ResolvedEscalationIndex::markRepeatIssues(std::vector<TicketOutcome>& outcomes) const {
    for (TicketOutcome& outcome : outcomes) {
        outcome.repeatIssue =
            outcome.escalated &&
            isRepeatIssue(outcome.rootCause, outcome.productArea, outcome.createdAt);
    }
}

Metrics computeMetrics(const MetricsInput& input, const Window& window,
                       const CostParameters& costs) {
    TicketRefs tickets;
    tickets.reserve(input.tickets.size());
    for (const TicketFacts& ticket : input.tickets) {
        tickets.push_back(&ticket);
    }
    return computeMetrics(tickets, input.hasEventLog,
                          ResolvedEscalationIndex(input.resolvedEscalations), window, costs,
                          input.coverage);
}

Metrics computeMetrics(const TicketRefs& tickets, bool hasEventLog,
                       const ResolvedEscalationIndex& resolvedEscalations, const Window& window,
                       const CostParameters& costs, const DataCoverage& coverage) {
    std::vector<TicketOutcome> ticketOutcomes;
    std::vector<EscalationOutcome> escalationOutcomes;
    for (const TicketFacts* ticket : tickets) {
        if (window.contains(ticket->createdAt)) {
            ticketOutcomes.push_back(ticketOutcomeOf(*ticket, hasEventLog));
        }
        for (EscalationOutcome& e : escalationOutcomesOf(*ticket, hasEventLog)) {
            if (window.contains(e.at)) {
                escalationOutcomes.push_back(std::move(e));
            }
        }
    }
    resolvedEscalations.markRepeatIssues(ticketOutcomes);
    return computeMetrics(refsTo(ticketOutcomes, escalationOutcomes), hasEventLog, window, costs,
                          coverage);
}

OutcomeRefs refsTo(const std::vector<TicketOutcome>& tickets,
                   const std::vector<EscalationOutcome>& escalations) {
    OutcomeRefs refs;
    refs.tickets.reserve(tickets.size());
    for (const TicketOutcome& ticket : tickets) {
        refs.tickets.push_back(&ticket);
    }
    refs.escalations.reserve(escalations.size());
    for (const EscalationOutcome& escalation : escalations) {
        refs.escalations.push_back(&escalation);
    }
    return refs;
}

namespace {

// The samples and counts of the tickets created in a window, T(W).
struct TicketTotals {
    std::vector<double> timeToEscalate;
    // "All" is the union of the two: summed from them (summarizeUnion).
    std::vector<double> resolutionEscalated, resolutionNotEscalated;
    std::vector<double> csatEscalated, csatNotEscalated;
    std::vector<double> handleTimes;
    std::array<std::vector<double>, 3> stays;
    std::array<SecondsSample, ticketSampleCount> seconds; // from hour summaries
    // The window's hours, a hint of how many values the samples will hold.
    std::size_t hours = 1;
    std::int64_t escalationEvents = 0, reescalated = 0, reachedTier2 = 0, reachedTier3 = 0;
    std::int64_t resolved = 0, reopened = 0, repeats = 0, tier3Escalations = 0;
    std::int64_t slaEvaluated = 0, slaBreached = 0, slaEvaluatedEsc = 0, slaBreachedEsc = 0;

    void merge(TicketTotals&& other) {
        append(timeToEscalate, std::move(other.timeToEscalate));
        append(resolutionEscalated, std::move(other.resolutionEscalated));
        append(resolutionNotEscalated, std::move(other.resolutionNotEscalated));
        append(csatEscalated, std::move(other.csatEscalated));
        append(csatNotEscalated, std::move(other.csatNotEscalated));
        append(handleTimes, std::move(other.handleTimes));
        for (std::size_t tier = 0; tier < stays.size(); ++tier) {
            append(stays[tier], std::move(other.stays[tier]));
        }
        appendAll(seconds, std::move(other.seconds));
        for (auto [into, from] : {std::pair{&escalationEvents, other.escalationEvents},
                                  {&reescalated, other.reescalated},
                                  {&reachedTier2, other.reachedTier2},
                                  {&reachedTier3, other.reachedTier3},
                                  {&resolved, other.resolved},
                                  {&reopened, other.reopened},
                                  {&repeats, other.repeats},
                                  {&tier3Escalations, other.tier3Escalations},
                                  {&slaEvaluated, other.slaEvaluated},
                                  {&slaBreached, other.slaBreached},
                                  {&slaEvaluatedEsc, other.slaEvaluatedEsc},
                                  {&slaBreachedEsc, other.slaBreachedEsc}}) {
            *into += from;
        }
    }

    void add(const TicketHourSummary& hour, Metrics& m) {
        m.tickets += hour.tickets;
        m.escalated += hour.escalated;
        for (auto [into, from] : {std::pair{&escalationEvents, hour.escalationEvents},
                                  {&reescalated, hour.reescalated},
                                  {&reachedTier2, hour.reachedTier2},
                                  {&reachedTier3, hour.reachedTier3},
                                  {&resolved, hour.resolved},
                                  {&reopened, hour.reopened},
                                  {&repeats, hour.repeats},
                                  {&tier3Escalations, hour.tier3Escalations},
                                  {&slaEvaluated, hour.slaEvaluated},
                                  {&slaBreached, hour.slaBreached},
                                  {&slaEvaluatedEsc, hour.slaEvaluatedEsc},
                                  {&slaBreachedEsc, hour.slaBreachedEsc}}) {
            *into += from;
        }
        for (std::size_t i = 0; i < ticketSampleCount; ++i) {
            append(seconds[i], hour.samples[i], hours);
        }
    }

    void add(const TicketOutcome& t, Metrics& m) {
        ++m.tickets;
        if (t.escalated) {
            ++m.escalated;
            if (t.timeToEscalateMin) {
                timeToEscalate.push_back(*t.timeToEscalateMin);
            }
            escalationEvents += t.escalationEvents;
            reescalated += t.escalationEvents >= 2 ? 1 : 0;
            repeats += t.repeatIssue ? 1 : 0;
            if (t.handleTimeMin) {
                handleTimes.push_back(*t.handleTimeMin);
            }
        }
        reachedTier2 += t.highestTier >= 2 ? 1 : 0;
        reachedTier3 += t.highestTier >= 3 ? 1 : 0;
        tier3Escalations += t.tier3Escalations;
        for (const TierStay& stay : t.stays) {
            stays[static_cast<std::size_t>(stay.tier - 1)].push_back(stay.minutes);
        }
        if (t.resolutionMin) {
            ++resolved;
            reopened += t.reopened ? 1 : 0;
            (t.escalated ? resolutionEscalated : resolutionNotEscalated)
                .push_back(*t.resolutionMin);
            if (t.csat) {
                (t.escalated ? csatEscalated : csatNotEscalated).push_back(*t.csat);
            }
        }
        if (t.slaBreached) {
            ++slaEvaluated;
            slaBreached += *t.slaBreached ? 1 : 0;
            if (t.escalated) {
                ++slaEvaluatedEsc;
                slaBreachedEsc += *t.slaBreached ? 1 : 0;
            }
        }
    }
};

void computeCosts(const TicketTotals& totals, const CostParameters& costs, Metrics& m) {
    if (const auto meanHandle = meanOf(totals.handleTimes, totals.seconds[HandleTime])) {
        m.costEscalationHandling =
            static_cast<double>(m.escalated) * (*meanHandle / 60.0) * costs.agentCostPerHour;
    } else if (m.escalated > 0) {
        m.unavailable[QStringLiteral("cost.escalation_handling")] =
            QStringLiteral("needs handle_time_min on escalated tickets");
    } else {
        m.costEscalationHandling = 0.0;
    }
    m.costEngineeringInterruptions = static_cast<double>(totals.tier3Escalations) *
                                     (costs.interruptionMinutes + costs.recoveryMinutes) / 60.0 *
                                     costs.engineerCostPerHour;
}

} // namespace

struct MetricsAccumulator::Totals {
    TicketTotals tickets;
    EscalationTotals escalations;
};

MetricsAccumulator::MetricsAccumulator(const Window& window, bool hasEventLog,
                                       const CostParameters& costs, const DataCoverage& coverage)
    : m_window(window)
    , m_hasEventLog(hasEventLog)
    , m_costs(costs)
    , m_coverage(coverage)
    , m_totals(std::make_unique<Totals>()) {
    const std::int64_t hours =
        std::clamp<std::int64_t>((window.to - window.from) / secondsPerHour, 1, 24 * 366);
    m_totals->tickets.hours = static_cast<std::size_t>(hours);
    m_totals->escalations.hours = static_cast<std::size_t>(hours);
}

MetricsAccumulator::~MetricsAccumulator() = default;
MetricsAccumulator::MetricsAccumulator(MetricsAccumulator&&) noexcept = default;
MetricsAccumulator& MetricsAccumulator::operator=(MetricsAccumulator&&) noexcept = default;

void MetricsAccumulator::add(const TicketOutcome& ticket) {
    if (m_window.contains(ticket.createdAt)) {
        m_totals->tickets.add(ticket, m_metrics);
    }
}

void MetricsAccumulator::add(const EscalationOutcome& escalation) {
    if (m_hasEventLog && m_window.contains(escalation.at)) {
        m_totals->escalations.add(escalation);
    }
}

bool MetricsAccumulator::holdsHour(std::int64_t hour) const {
    return m_window.from <= hour * secondsPerHour && (hour + 1) * secondsPerHour <= m_window.to;
}

void MetricsAccumulator::add(const TicketHourSummary& hour) {
    m_totals->tickets.add(hour, m_metrics);
}

void MetricsAccumulator::add(const EscalationHourSummary& hour) {
    if (m_hasEventLog) {
        m_totals->escalations.add(hour);
    }
}

void MetricsAccumulator::merge(MetricsAccumulator&& other) {
    m_metrics.tickets += other.m_metrics.tickets;
    m_metrics.escalated += other.m_metrics.escalated;
    m_totals->tickets.merge(std::move(other.m_totals->tickets));
    m_totals->escalations.merge(std::move(other.m_totals->escalations));
}

Metrics MetricsAccumulator::finish() {
    Metrics m = std::move(m_metrics);
    TicketTotals& totals = m_totals->tickets;
    m.escalationRate = ratio(m.escalated, m.tickets);
    auto& seconds = totals.seconds;
    m.timeToEscalateMin =
        summarize(std::move(totals.timeToEscalate), std::move(seconds[TimeToEscalate]));
    m.deflectionRate = ratio(totals.reachedTier2 - totals.reachedTier3, totals.reachedTier2);
    // All tickets' figures from the escalated and the others' sorted values,
    // merged: the largest samples are sorted once.
    const SortedSample resolvedEscalated = summarizeSorted(std::move(totals.resolutionEscalated),
                                                           std::move(seconds[ResolutionEscalated]));
    const SortedSample resolvedOthers = summarizeSorted(std::move(totals.resolutionNotEscalated),
                                                        std::move(seconds[ResolutionNotEscalated]));
    m.resolutionTimeMin = {summarizeUnion(resolvedEscalated, resolvedOthers),
                           resolvedEscalated.stats, resolvedOthers.stats};
    const SortedSample csatEscalated =
        summarizeSorted(std::move(totals.csatEscalated), std::move(seconds[CsatEscalated]));
    const SortedSample csatOthers =
        summarizeSorted(std::move(totals.csatNotEscalated), std::move(seconds[CsatNotEscalated]));
    m.csat = {summarizeUnion(csatEscalated, csatOthers).mean, csatEscalated.stats.mean,
              csatOthers.stats.mean};
    m.repeatIssueRate = ratio(totals.repeats, m.escalated);
    computeCosts(totals, m_costs, m);

    if (totals.slaEvaluated > 0 || m.tickets == 0) {
        m.slaBreachRateAll = ratio(totals.slaBreached, totals.slaEvaluated);
        m.slaBreachRateEscalated = ratio(totals.slaBreachedEsc, totals.slaEvaluatedEsc);
    } else {
        m.unavailable[QStringLiteral("sla_breach_rate")] =
            QStringLiteral("needs SLA policies in the escalation matrix");
    }

    if (!m_hasEventLog) {
        markNeedsEventLog(m);
    } else {
        m_totals->escalations.finish(m);
        m.escalationsPerEscalatedTicket = ratio(totals.escalationEvents, m.escalated);
        m.reescalatedShare = ratio(totals.reescalated, m.escalated);
        m.reopenRate = ratio(totals.reopened, totals.resolved);
        for (std::size_t tier = 0; tier < 3; ++tier) {
            m.timeAtTierMin[tier] =
                summarize(std::move(totals.stays[tier]), std::move(seconds[StayTier1 + tier]));
        }
    }
    // The one place where what the data cannot measure is said, for every
    // surface that shows these metrics.
    markUnmeasurable(m, m_coverage, m_hasEventLog);
    if (!m_hasEventLog && m.escalated > 0 && m.timeToEscalateMin.n == 0) {
        // Escalated tickets without a time of escalation: the figure is not
        // zero and not merely empty, it needs data the workspace lacks.
        m.unavailable.emplace(QStringLiteral("time_to_escalate_min"),
                              QStringLiteral("needs escalated_at on escalated tickets, or an event "
                                             "log"));
    }
    return m;
}

Metrics computeMetrics(const OutcomeRefs& outcomes, bool hasEventLog, const Window& window,
                       const CostParameters& costs, const DataCoverage& coverage) {
    MetricsAccumulator accumulator(window, hasEventLog, costs, coverage);
    for (const TicketOutcome* ticket : outcomes.tickets) {
        accumulator.add(*ticket);
    }
    for (const EscalationOutcome* escalation : outcomes.escalations) {
        accumulator.add(*escalation);
    }
    return accumulator.finish();
}

} // namespace escdesk::metrics

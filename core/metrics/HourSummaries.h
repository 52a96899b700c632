#pragma once

// The kept outcomes of one UTC hour summed (kept beside the hour's pack,
// OutcomePacks.h): what a window's metrics add up from the hour, so that a
// large window sums a few thousand hours instead of visiting millions of
// outcomes. Counts are plain sums; each duration sample is the hour's values
// as whole seconds, ascending, so the window's percentiles and its mean
// (summed in ascending order) come out bit for bit as from the outcomes
// (a duration d minutes is kept only when it is exactly seconds / 60.0).
// What depends on more than the hour's rows is completed at read time:
// the repeat-issue flags (from the tickets listed as candidates) and SLA
// verdicts still running (listed by ticket).

#include "domain/Instant.h"

#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace escdesk::metrics {

// The duration samples of tickets created in the hour. All tickets'
// resolutions and CSAT are the union of the escalated and the others'.
enum TicketSample : std::size_t {
    TimeToEscalate,
    ResolutionEscalated,
    ResolutionNotEscalated,
    CsatEscalated,
    CsatNotEscalated,
    HandleTime,
    StayTier1,
    StayTier2,
    StayTier3,
    ticketSampleCount
};

// Whole seconds, ascending.
using SecondsSample = std::vector<std::int32_t>;

struct TicketHourSummary {
    std::int64_t hour = 0; // UTC hours from the epoch
    std::int64_t tickets = 0, escalated = 0, escalationEvents = 0, reescalated = 0;
    std::int64_t reachedTier2 = 0, reachedTier3 = 0, tier3Escalations = 0;
    std::int64_t resolved = 0, reopened = 0;
    // Settled SLA verdicts; they hold as of any instant from settledBy on.
    std::int64_t slaEvaluated = 0, slaBreached = 0, slaEvaluatedEsc = 0, slaBreachedEsc = 0;
    UtcSeconds settledBy = 0;
    std::array<SecondsSample, ticketSampleCount> samples;

    // Completed at read time.
    std::int64_t repeats = 0;

    // What completes it: escalated tickets with a root cause and a product
    // area (the only ones that can be repeat issues), and tickets whose SLA
    // verdict was still running when kept.
    struct RepeatCandidate {
        UtcSeconds createdAt = 0;
        QString rootCause;
        QString productArea;
    };
    struct RunningSla {
        std::int64_t ticket = 0;
        bool escalated = false;
    };
    std::vector<RepeatCandidate> repeatCandidates;
    std::vector<RunningSla> runningSlas;
};

// The duration samples of escalations inside the hour.
enum EscalationSample : std::size_t { Claim, Handoff, Decision, escalationSampleCount };

struct EscalationHourSummary {
    std::int64_t hour = 0;
    std::int64_t counted = 0, unclaimed = 0, bounced = 0, infoRequested = 0;
    std::int64_t critical = 0, criticalWithin30m = 0;
    std::array<SecondsSample, escalationSampleCount> samples;
    // Escalations per root cause ("Unspecified" for none, as kept).
    std::vector<std::pair<QString, std::int64_t>> byRootCause;
};

} // namespace escdesk::metrics

#pragma once

// The demo support team's profile: every rate, mix and typical duration the
// generator draws from, and the strength of the planted patterns
// (docs/demo-workspace.md describes them in words). Durations are minutes.

#include "demo/DemoText.h"

#include <array>
#include <string_view>

namespace escdesk::demo {

inline constexpr std::array<std::string_view, 3> accountTiers{"Enterprise", "Mid-Market", "SMB"};
inline constexpr std::array<double, 3> accountTierWeights{10, 30, 60};
inline constexpr std::array<double, 3> accountTierTicketWeight{7.0, 2.5, 1.0};
inline constexpr std::array<double, 3> arrLow{250'000, 50'000, 6'000};
inline constexpr std::array<double, 3> arrHigh{3'000'000, 250'000, 50'000};

inline constexpr std::array<std::string_view, 6> segments{
    "Technology", "Retail", "Financial Services", "Healthcare", "Education", "Manufacturing"};
inline constexpr std::array<double, 6> segmentWeights{24, 15, 16, 15, 14, 16};
// Planted pattern 2: Healthcare escalates about twice as often as the others
// (strict HIPAA access rules and integrations with clinical systems make
// frontline fixes rarer); the others vary by a few percent only.
inline constexpr std::array<double, 6> segmentEscalationFactor{0.95, 1.0, 1.08, 2.1, 0.92, 1.0};

struct Region {
    std::string_view name;
    double weight;
    std::array<std::string_view, 5> zones;
};
inline constexpr std::array regions{
    Region{"North America",
           55,
           {"America/New_York", "America/Chicago", "America/Los_Angeles", "America/Denver",
            "America/Toronto"}},
    Region{"EMEA",
           25,
           {"Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Amsterdam", "Europe/Madrid"}},
    Region{"APAC",
           12,
           {"Asia/Singapore", "Australia/Sydney", "Asia/Tokyo", "Asia/Kolkata", "Asia/Singapore"}},
    Region{"LATAM",
           8,
           {"America/Sao_Paulo", "America/Mexico_City", "America/Bogota", "America/Sao_Paulo",
            "America/Santiago"}},
};

enum Priority { Critical, High, Medium, Low };
inline constexpr std::array<std::string_view, 4> priorities{"Critical", "High", "Medium", "Low"};
inline constexpr std::array<std::array<double, 4>, 3> priorityWeightsByTier{{
    {6, 20, 50, 24},
    {3.5, 15, 51, 30.5},
    {2, 12, 50, 36},
}};
inline constexpr std::array<double, 4> incidentPriorityWeights{15, 45, 35, 5};
inline constexpr std::array<double, 4> priorityEscalationFactor{3.0, 1.7, 0.85, 0.45};
// Chosen so that about 14% of tickets escalate overall (see the docs).
inline constexpr double baseEscalationProbability = 0.125;
inline constexpr double incidentEscalationProbability = 0.6;

inline constexpr std::array<std::string_view, 4> channels{"email", "web", "chat", "phone"};
inline constexpr std::array<std::array<double, 4>, 4> channelWeightsByPriority{{
    {15, 15, 25, 45},
    {30, 25, 30, 15},
    {40, 32, 20, 8},
    {42, 36, 18, 4},
}};

// Median minutes by priority (Critical, High, Medium, Low).
inline constexpr std::array<double, 4> firstResponseMedian{8, 30, 120, 240};
inline constexpr std::array<double, 4> timeToEscalateMedian{12, 40, 150, 320};
inline constexpr std::array<double, 4> claimDelayMedian{5, 15, 40, 75};
inline constexpr std::array<double, 4> decisionDelayMedian{20, 90, 300, 600};
inline constexpr std::array<double, 4> resolutionMedian{180, 480, 1200, 2200};
inline constexpr double incidentTimeToEscalateMedian = 45;
// Planted pattern 3: from the regression start Tier 1 holds tickets longer
// before escalating (a wave of new hires), stretching time-to-escalate.
inline constexpr double regressionFactor = 2.1;

// Root-cause mixes of escalated and of other tickets, in the order of
// RootCause. Escalated tickets lean to bugs, integrations and infrastructure;
// the rest to user error, configuration and training.
inline constexpr std::array<double, rootCauseCount> escalatedCauseWeights{24, 7, 15, 11, 6, 7,
                                                                          5,  3, 4,  7,  11};
inline constexpr std::array<double, rootCauseCount> otherCauseWeights{9, 7,  7, 16, 24, 5,
                                                                      9, 10, 3, 4,  2};
// Planted pattern 4: the Access/Permissions weight per month, before and
// through the three latest complete months and after them (a permissions
// model migration rolled out to customers; KI-1071).
inline constexpr std::array<double, 5> accessRamp{1.0, 1.8, 3.0, 5.0, 5.5};
// The incident week adds escalations of its own to its month, which would
// dilute that month's Access/Permissions share; the month's weight is raised
// so that the share of all escalations still follows the ramp (with a
// margin for the incident's extra escalation events).
inline constexpr double incidentDilutionMargin = 1.2;
// Roughly the share of everyday tickets that escalate.
inline constexpr double expectedEscalationRate = 0.14;

// Tier 2 → Tier 3 likelihood by root cause.
inline constexpr std::array<double, rootCauseCount> tier3Probability{
    0.40, 0.25, 0.30, 0.06, 0.03, 0.10, 0.04, 0.03, 0.10, 0.15, 0.45};
inline constexpr double incidentTier3Probability = 0.35;

enum DecisionKind {
    FixDecision,
    WorkaroundDecision,
    KnownIssueDecision,
    NotABugDecision,
    ProductDecision
};
inline constexpr std::array<std::string_view, 5> decisionTypes{
    "fix", "workaround", "known issue", "not a bug", "needs product decision"};
inline constexpr std::array<std::string_view, 5> decisionResolution{
    "Fixed", "Workaround provided", "Known issue - workaround", "Answered",
    "Feature request logged"};
inline constexpr std::array<double, 5> decisionResolveMedian{480, 180, 120, 60, 240};

inline std::array<double, 5> decisionWeights(RootCause cause, bool hasKnownIssue) {
    const double known = hasKnownIssue ? 0.35 : 0.0;
    switch (cause) {
    case RootCause::ProductBug:
        return {0.45, 0.30, known, 0.05, 0};
    case RootCause::Infrastructure:
        return {0.60, 0.25, known, 0, 0};
    case RootCause::IntegrationIssue:
        return {0.30, 0.45, known, 0.05, 0};
    case RootCause::FeatureGap:
        return {0, 0.35, 0, 0, 0.65};
    case RootCause::PolicyGap:
        return {0, 0.30, 0, 0.20, 0.50};
    case RootCause::AccessPermissions:
        return {0.30, 0.40, known, 0.10, 0};
    case RootCause::ProcessFailure:
        return {0.50, 0.50, 0, 0, 0};
    default:
        return {0, 0.45, known, 0.55, 0};
    }
}
inline constexpr std::array<double, 5> incidentDecisionWeights{0.15, 0.25, 0.60, 0, 0};

inline constexpr double infoRequestProbability = 0.10;
inline constexpr double bounceProbability = 0.08;
inline constexpr double reescalateAfterBounce = 0.45;
inline constexpr double reassignProbability = 0.06;
// Pre-escalation checklists: some escalations leave no checklist at all;
// those that bounce back were far more often sent with required items
// missing (the story the checklist-versus-bounceback table tells).
inline constexpr double checklistSkippedProbability = 0.10;
inline constexpr double checklistCompleteProbability = 0.80;
inline constexpr double checklistCompleteWhenBouncedProbability = 0.30;
inline constexpr double checklistItemTickedWhenIncomplete = 0.55;
inline constexpr double pauseProbability = 0.08;
inline constexpr double escalatedReopenProbability = 0.05;
inline constexpr double otherReopenProbability = 0.03;
inline constexpr double csatResponseRate = 0.32;
inline constexpr std::array<double, 5> csatWeightsEscalated{0.15, 0.12, 0.18, 0.25, 0.30}; // 1..5
inline constexpr std::array<double, 5> csatWeightsOther{0.04, 0.05, 0.10, 0.26, 0.55};

inline constexpr std::array<double, 7> weekdayFactor{1.15, 1.10, 1.05, 1.0, 0.9, 0.3, 0.25};
inline constexpr std::array<double, 24> hourFactor{0.15, 0.12, 0.1,  0.1, 0.12, 0.18, 0.3,  0.5,
                                                   0.85, 1.25, 1.35, 1.3, 1.1,  1.2,  1.25, 1.2,
                                                   1.05, 0.8,  0.55, 0.4, 0.35, 0.3,  0.25, 0.2};
// Extra tickets from the webhook incident per weekday of the spike week, as a
// share of normal volume: the API v2.3 rollout lands on Monday morning and a
// hotfix ships on Thursday.
inline constexpr std::array<double, 7> incidentExtra{0.4, 0.65, 0.6, 0.4, 0.25, 0.2, 0.1};
inline constexpr int incidentStartHour = 10;

} // namespace escdesk::demo

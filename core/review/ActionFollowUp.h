#pragma once

// Action follow-up (issue #21, SPEC §9 and §10): did the problem a long-term
// action targets get smaller after the action started?
//
// - Start: the action's creation instant (actions have no separate start
//   date), taken as the local day it falls on in the reporting time zone.
// - Windows: "after" runs from that start day for the whole weeks (7 local
//   days) elapsed by the instant asked about, at most
//   `followUpLongestWeeks`; "before" is the same number of weeks immediately
//   before the start day. Equal lengths, so the counts compare directly.
// - Escalations of the target: the `escalated` events in a window (SPEC §7,
//   E(W)) of tickets with the action's root cause — the count the Root causes
//   analysis gives for that window — or, for a cluster-targeted action, of
//   tickets in the cluster: tickets matching the known issue the subject
//   names (a known-issue id, "KI-1042", as a cluster shows the issue it
//   matches), or else tickets whose text terms contain every word of the
//   subject (a documentation-gap cluster named by its top terms,
//   "webhook, signature").
// - Rate: those escalations per ticket created in the window, over ALL
//   tickets (T(W)), so a busier or quieter period does not pass for a change.
// - Test: with equal windows and no change, each of the n = before + after
//   escalations falls in the after window with probability 1/2; the p-value
//   is the exact two-sided binomial test of `after` given n (H0 p = 0.5).
//   The rates are shown beside the counts, not tested: with equal windows
//   the counts carry the question, and the rates show whether a change in
//   ticket volume could explain it.
// - Verdict: "fell from 41 to 18 a week since 3 Nov, p < 0.01" when p < 0.05
//   ("rose …" the other way), "no change yet: …" otherwise, and "too early to
//   judge …" with fewer than `followUpShortestWeeks` whole weeks since the
//   start (the figures are still given). A fall or rise that one week of the
//   larger window carries more than half of (an incident week before the
//   start, say) is said with it: "…, p < 0.001; the week of 21 Sep alone had
//   265 of the 370 before" — the test compares totals, and a one-week burst
//   ending is not the action working. A target with no escalation in either
//   window says so ("no escalations of it in the 4 weeks before 2 Nov or
//   since"): a cluster name that matches nothing should not read as a result.

#include "domain/Instant.h"
#include "review/ReviewRecord.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <vector>

namespace escdesk::review {

inline constexpr int followUpLongestWeeks = 8;  // the after window's cap
inline constexpr int followUpShortestWeeks = 2; // fewer: too early to judge
inline constexpr double followUpSignificance = 0.05;

enum class FollowUpOutcome {
    NoTarget,   // the action targets no root cause or cluster
    NotStarted, // asked about an instant before the action's start
    TooEarly,   // fewer than followUpShortestWeeks whole weeks since the start
    NoData,     // no tickets at all in the before window to compare with
    Fell,       // significantly fewer escalations after
    Rose,       // significantly more escalations after
    NoChange    // not significant
};

struct FollowUpWindow {
    QDate firstDay; // local days firstDay .. lastDay inclusive
    QDate lastDay;
    Window window;                // the same as UTC instants [from, to)
    std::int64_t escalations = 0; // of the target
    std::int64_t tickets = 0;     // all tickets created in the window
    // The target's escalations in each week of the window, oldest first.
    std::vector<std::int64_t> weekly;
    // Escalations per week over the window's weeks.
    double perWeek(int weeks) const {
        return weeks > 0 ? static_cast<double>(escalations) / weeks : 0.0;
    }
    // Escalations of the target per ticket created; empty with no tickets.
    std::optional<double> rate() const;
};

struct ActionFollowUp {
    std::int64_t actionId = 0;
    ActionSubject targetKind = ActionSubject::Other;
    QString target; // the root cause, known-issue id or cluster terms
    QDate startDay; // the local day the action started
    int weeks = 0;  // whole weeks in each window (0: none yet)
    FollowUpWindow before;
    FollowUpWindow after;
    std::optional<double> pValue; // the exact binomial test; none when too early or no data
    FollowUpOutcome outcome = FollowUpOutcome::NoTarget;
    QString verdict; // in words, e.g. "fell from 41 to 18 a week since 3 Nov, p < 0.01"
};

// The follow-up of one action as of `asOf` (UTC), with windows in `zone`.
ActionFollowUp followUpAction(store::Database& db, const Action& action, UtcSeconds asOf,
                              const QTimeZone& zone);

// The follow-ups of several actions (one read of the known issues).
std::vector<ActionFollowUp> followUpActions(store::Database& db, const std::vector<Action>& actions,
                                            UtcSeconds asOf, const QTimeZone& zone);

// SPEC §10, `review action list --json`'s "follow_up": {"before", "after",
// "p_value", "verdict"}. before and after are objects {"from", "to" (local
// dates, `to` exclusive), "weeks", "escalations", "per_week", "tickets",
// "rate"}, null when there is no window (no target, not started, or not a
// whole week since the start); p_value is null when no test was made;
// verdict is always text.
QJsonObject followUpToJson(const ActionFollowUp& followUp);

// The exact two-sided binomial test of k successes in n trials with
// H0 p = 0.5: the probability of every outcome no more likely than k
// (R's binom.test), i.e. min(1, 2 · P(X ≤ min(k, n − k))). 1 for n = 0.
double exactBinomialTwoSidedHalf(std::int64_t k, std::int64_t n);

// "p < 0.001", "p < 0.01", else "p = 0.03" (two significant digits).
QString pValueText(double p);

} // namespace escdesk::review

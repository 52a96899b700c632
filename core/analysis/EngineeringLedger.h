#pragma once

// The engineering-time ledger (#21, seed 002: protect engineers' time): per
// period, the escalations that reached engineering, the engineer hours they
// took and what they cost, and the share that was avoidable.
//
// - Escalations to engineering: the `escalated` events, of the tickets
//   created in the period, that land on the tier the matrix marks as
//   engineering or above (without an event log: a ticket whose tier is at
//   least that one counts once). The population and the rule are those of
//   SPEC §7 `cost.engineering_interruptions` ("escalations reaching tier
//   ≥ 3"), so with Tier 3 marked, cost = that metric for the same window.
// - Engineer hours: each such escalation × (interruption + context-switch
//   recovery minutes) / 60, from the matrix's cost parameters; cost: engineer
//   hours × engineer cost per hour.
// - Avoidable: an escalation to engineering whose ticket's root cause is
//   marked avoidable in the taxonomy, OR whose ticket matches a known issue
//   with a workaround (KnownIssueMatcher; known issues carry no dates, so the
//   match is the one made now), OR that was bounced back (a `bounced` event
//   paired to it, SPEC §7). Each escalation counts once in the avoidable
//   total however many reasons it has; `byReason` counts it under each of its
//   reasons, so the reasons can add up to more than the total.
// - Annualised at the current rate: the period's figures × 365 / the
//   period's days.

#include "analysis/KnownIssueMatcher.h"
#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "metrics/OutcomeStore.h"
#include "metrics/TicketFacts.h"
#include "store/Database.h"

#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace escdesk::analysis {

enum class AvoidableReason { RootCause, KnownIssueWorkaround, BouncedBack };

// "avoidable_root_cause", "known_issue_with_workaround", "bounced_back".
QString avoidableReasonKey(AvoidableReason reason);
// "Avoidable root cause", "Known issue with a workaround", "Bounced back".
QString avoidableReasonLabel(AvoidableReason reason);
inline constexpr AvoidableReason allAvoidableReasons[] = {AvoidableReason::RootCause,
                                                          AvoidableReason::KnownIssueWorkaround,
                                                          AvoidableReason::BouncedBack};

struct LedgerFigures {
    std::int64_t escalations = 0;
    double engineerHours = 0.0;
};

struct EngineeringLedger {
    Window window;
    qint64 days = 0; // the period's days, for annualising
    // The lowest tier marked as engineering; empty when none is (then
    // nothing counts).
    std::optional<int> engineeringLevel;
    QString engineeringTier; // its name
    QString currency;
    double hoursPerEscalation = 0.0; // (interruption + recovery) / 60
    double engineerCostPerHour = 0.0;

    std::int64_t escalations = 0; // escalations to engineering
    double engineerHours = 0.0;
    double cost = 0.0;

    LedgerFigures avoidable;                           // each escalation once
    std::optional<double> avoidableShare;              // of escalations; null when none
    std::map<AvoidableReason, LedgerFigures> byReason; // each reason it has
    // Avoidable escalations to engineering by root cause ("Unspecified" for
    // none), most first, ties by name.
    std::vector<std::pair<QString, std::int64_t>> avoidableByRootCause;

    double annualisedEngineerHours = 0.0;
    double annualisedCost = 0.0;
    double avoidableAnnualisedEngineerHours = 0.0;
    double avoidableAnnualisedCost = 0.0;
};

// The known issue a ticket (by row) matches, if any.
using KnownIssueOf = std::function<const KnownIssue*(std::int64_t ticket)>;

// The ledger of `tickets` — the facts, with all their events, of at least
// every ticket created in the window that reached the engineering tier;
// others are ignored — by the matrix's marks and cost parameters.
EngineeringLedger computeEngineeringLedger(const std::vector<metrics::TicketFacts>& tickets,
                                           bool hasEventLog, const Window& window, qint64 days,
                                           const matrix::Matrix& matrix,
                                           const KnownIssueOf& knownIssueOf);

// The ledger of a period from the workspace: the tickets created in it that
// reached the engineering tier (found by their kept outcomes), their facts and
// their known-issue matches.
EngineeringLedger engineeringLedger(store::Database& db, const Window& window, qint64 days,
                                    const matrix::Matrix& matrix, UtcSeconds slaAsOf);
// The same from the window's outcomes read already (a report's period).
EngineeringLedger engineeringLedger(store::Database& db, const metrics::WindowOutcomes& outcomes,
                                    const Window& window, qint64 days,
                                    const matrix::Matrix& matrix);

// "12.7 engineer hours, 1,080 USD; 46% avoidable" style sentences for a
// card, a report or the command line.
QString ledgerSentence(const EngineeringLedger& ledger);
QString annualisedSentence(const EngineeringLedger& ledger);

} // namespace escdesk::analysis

#pragma once

// Draft severity rules suggested from the workspace's history (issue #22):
// conditions on what a ticket says when it is created — the helpdesk's
// priority, the account's customer tier and segment, the product area, the
// channel and words of the subject — alone and in pairs, that preceded
// escalation.
//
// The history is split by month in the reporting zone: the latest
// `holdoutMonths` months that hold tickets are held out, the months before
// are the training months. A candidate is fitted on the training months —
// it must match at least `minSupport` of their tickets, escalate more often
// than they do overall, and a pair more often than either of its
// conditions alone — and ranked by its F1 score there (ties by name); its
// precision (escalated among matched) and recall (matched among escalated)
// are then measured on the held-out months, which took no part in choosing
// it. Tickets still open and not escalated have no outcome yet and are left
// out of both.
//
// Each suggestion is a matrix::SeverityRule whose conditions the rules
// engine evaluates exactly as counted here (equals is case-insensitive;
// contains_word matches word stems, text/Words.h). Its target tier is the
// tier the matched escalated training tickets most often reached, its
// priority their most common priority. A candidate the published rules
// already cover — on `maxOverlap` or more of its held-out tickets a
// published rule fires with that tier or a higher one — is dropped and
// counted; the overlap of the others is reported.

#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <vector>

namespace escdesk::analysis {

struct SuggestionOptions {
    int holdoutMonths = 2;
    int limit = 10;
    int minSupport = 20;     // training tickets a candidate must match
    double maxOverlap = 0.8; // published coverage from which a candidate is dropped
    // Held-out tickets per candidate the published rules are run on to
    // measure the overlap (evenly spread over its matched tickets).
    int overlapSample = 500;
};

// How a rule does on one part of the history.
struct RuleFigures {
    std::int64_t matched = 0;   // tickets the rule matches (its support)
    std::int64_t hits = 0;      // of them, escalated
    std::int64_t escalated = 0; // escalated tickets of the part
    double precision() const;   // hits / matched; 0 without matches
    double recall() const;      // hits / escalated; 0 without escalations
    double f1() const;          // harmonic mean of the two; 0 when both are 0
};

struct SuggestedRule {
    matrix::SeverityRule rule; // its name says its conditions in words
    RuleFigures training;
    RuleFigures heldOut;
    double overlap = 0.0; // share of the checked held-out tickets already covered
    std::int64_t overlapChecked = 0;
    std::vector<std::int64_t> heldOutRows; // ticket rows the rule matches in the held-out months
};

struct RuleSuggestions {
    int holdoutMonths = 2;
    int minSupport = 0;
    QString heldOutFrom; // first held-out month, "2026-11"
    UtcSeconds heldOutStart = 0;
    std::int64_t trainingTickets = 0;
    std::int64_t trainingEscalated = 0;
    std::int64_t heldOutTickets = 0;
    std::int64_t heldOutEscalated = 0;
    std::int64_t candidates = 0;               // candidates that passed the training fit
    std::vector<SuggestedRule> droppedCovered; // ranked candidates the published rules cover
    std::vector<SuggestedRule> rules;          // best first
    // Why nothing could be suggested (no outcomes, no training months); empty otherwise.
    QString problem;

    // The share of held-out tickets that escalated: what a rule's precision
    // is read against. 0 without held-out tickets.
    double heldOutRate() const;
};

// The suggestions from every ticket of the workspace; `published` is the
// matrix the overlap is measured against.
RuleSuggestions suggestRules(store::Database& db, const matrix::Matrix& published,
                             const QTimeZone& zone, const SuggestionOptions& options = {});

// Adds `rule` to `rules` where it can fire: before the first rule without
// conditions (which matches every ticket), else last; a name already taken
// gets " (2)", " (3)"… Returns the index it was put at.
int insertSuggestedRule(std::vector<matrix::SeverityRule>& rules, matrix::SeverityRule rule);

// `matrix suggest --json`.
QJsonObject ruleSuggestionsToJson(const RuleSuggestions& suggestions);

} // namespace escdesk::analysis

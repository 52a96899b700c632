#pragma once

// The severity rules engine: the first rule, in order, whose conditions all
// hold gives the ticket's priority, target tier and action. The evaluation
// explains itself — the rule that fired and each of its conditions with the
// value it was tested against.
//
// Text operators match whole words, case-insensitively, with simple plural
// and stem tolerance: "outages" matches "outage", "failing" matches "failed".
// A keyword of several words matches those words in sequence.

#include "domain/Account.h"
#include "domain/Ticket.h"
#include "matrix/Matrix.h"
#include "text/Words.h"

#include <optional>
#include <vector>

namespace escdesk::matrix {

// What the rules look at: a ticket, its account (if known) and what the
// caller measured of it at the evaluation instant (MatrixEvaluator fills it
// all in): unknown values leave their conditions not holding.
struct TriageInput {
    const Ticket* ticket = nullptr;
    const Account* account = nullptr;
    // The share of the most used running SLA target.
    std::optional<double> slaConsumed;
    // Business minutes since the ticket's last progress (RuleTiming.h).
    std::optional<double> minutesWithoutProgress;
    // The sentiment score of the ticket's text, 0 (very negative) to 100.
    std::optional<double> sentiment;
    // The evaluation instant's local date: renewal_days counts from it.
    QDate evaluationDate;
};

struct ConditionOutcome {
    Condition condition;
    bool held = false;
    QString actual; // the field's value as tested
    QString shown;  // the same for a reader: "47 business min without progress"
};

struct TriageResult {
    std::optional<int> ruleIndex; // none: no rule matched
    QString rule;
    QString priority;
    std::optional<int> targetTier;
    QString action;
    std::vector<ConditionOutcome> conditions; // of the rule that fired
};

// The value of a rule field for the input (empty when unknown).
QString fieldValue(const QString& field, const TriageInput& input);

bool conditionHolds(const Condition& condition, const QString& actual);

// The value of `field` as a reader sees it: "47 business min without
// progress", "sentiment 23.5 of 100", "renews in 12 days", "250 users
// affected"; "unknown" for an unknown measured value; other fields as they are.
QString shownValue(const QString& field, const QString& actual);

// One condition tested on the input.
ConditionOutcome evaluateCondition(const Condition& condition, const TriageInput& input);

// Whether some condition of the rules tests `field`.
bool rulesTest(const std::vector<SeverityRule>& rules, QLatin1String field);

TriageResult triage(const std::vector<SeverityRule>& rules, const TriageInput& input);
// The same verdict without the fired rule's conditions explained (their
// values made readable), for evaluating many tickets where only the verdict
// counts: the first rule whose conditions hold, tested until one fails.
TriageResult triageVerdict(const std::vector<SeverityRule>& rules, const TriageInput& input);

// The word matching of the rules lives in text/Words.h.
using text::containsKeyword;
using text::wordStems;

} // namespace escdesk::matrix

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

// What the rules look at: a ticket, its account (if known) and the share of
// its most used running SLA target (if computed).
struct TriageInput {
    const Ticket* ticket = nullptr;
    const Account* account = nullptr;
    std::optional<double> slaConsumed;
};

struct ConditionOutcome {
    Condition condition;
    bool held = false;
    QString actual; // the field's value as tested
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

TriageResult triage(const std::vector<SeverityRule>& rules, const TriageInput& input);

// The word matching of the rules lives in text/Words.h.
using text::containsKeyword;
using text::wordStems;

} // namespace escdesk::matrix

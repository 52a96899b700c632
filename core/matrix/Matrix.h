#pragma once

// The escalation matrix (SPEC §5): the team's escalation policy — tiers,
// severity rules, SLA policies, business calendars, pre-escalation checklists,
// the root-cause taxonomy and cost parameters. Plain values; stored by
// MatrixStore, exchanged by MatrixFile, checked by MatrixValidation.

#include "sla/BusinessCalendar.h"
#include "sla/SlaPolicy.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace escdesk::matrix {

inline const QStringList customerTiers{QStringLiteral("Enterprise"), QStringLiteral("Mid-Market"),
                                       QStringLiteral("SMB")};
inline const QStringList priorities{QStringLiteral("Critical"), QStringLiteral("High"),
                                    QStringLiteral("Medium"), QStringLiteral("Low")};

struct TierDefinition {
    enum class Escalation { Functional, Hierarchical };
    int level = 1; // 1, 2, 3; 4 = Management
    QString name;
    QString responsibility;
    QString owner;
    QString backup;
    QString channel;
    QStringList keyTriggers;
    Escalation escalation = Escalation::Functional;
    bool optional = false;
    // Whether this tier is engineering: escalations landing on it or above
    // take engineers' time (the engineering-time ledger). Default: Tier 3.
    bool engineering = false;
    friend bool operator==(const TierDefinition&, const TierDefinition&) = default;
};

enum class ConditionOperator {
    Equals,            // the field equals the value (case-insensitive)
    OneOf,             // the field equals one of the comma-separated values
    ContainsWord,      // the field contains the word or phrase
    MatchesAnyKeyword, // the field contains any of the comma-separated keywords
    AtLeast,           // the field, a number, is ≥ the value
    AtMost,            // the field, a number, is ≤ the value
    Within,            // the field, a number, is from 0 up to the value
    IsEmpty,           // the field is blank (value ignored)
};

struct Condition {
    QString field; // see ruleFields()
    ConditionOperator op = ConditionOperator::Equals;
    QString value;
    friend bool operator==(const Condition&, const Condition&) = default;
};

// Conditions all must hold; the first rule in order whose conditions hold
// decides priority, target tier and action.
struct SeverityRule {
    QString name;
    std::vector<Condition> conditions;
    QString priority;
    int targetTier = 1;
    QString action;
    friend bool operator==(const SeverityRule&, const SeverityRule&) = default;
};

struct ChecklistItem {
    QString id; // stable key for checklist runs
    QString text;
    bool required = true;
    friend bool operator==(const ChecklistItem&, const ChecklistItem&) = default;
};

struct Checklist {
    int fromTier = 1;
    int toTier = 2;
    std::vector<ChecklistItem> items;
    friend bool operator==(const Checklist&, const Checklist&) = default;
    // "Tier 1 → Tier 2".
    QString name() const;
};

struct RootCauseCategory {
    QString name;
    QString recommendedAction;
    // Whether escalations of this cause could have been kept from
    // engineering (configuration, user error, …): the ledger's avoidable share.
    bool avoidable = false;
    friend bool operator==(const RootCauseCategory&, const RootCauseCategory&) = default;
};

struct CostParameters {
    QString currency = QStringLiteral("USD");
    double agentCostPerHour = 0;
    double engineerCostPerHour = 0;
    double interruptionMinutes = 0;
    double recoveryMinutes = 23; // context-switch recovery after an interruption
    friend bool operator==(const CostParameters&, const CostParameters&) = default;
};

struct Matrix {
    std::vector<TierDefinition> tiers;
    std::vector<SeverityRule> rules;
    std::vector<sla::SlaPolicy> policies;
    std::vector<sla::BusinessCalendar> calendars;
    std::vector<Checklist> checklists;
    std::vector<RootCauseCategory> taxonomy;
    CostParameters cost;
    friend bool operator==(const Matrix&, const Matrix&) = default;

    const sla::SlaPolicy* policyFor(const QString& customerTier, const QString& priority) const;
    const sla::BusinessCalendar* calendarNamed(const QString& name) const;
    const TierDefinition* tier(int level) const;
    const Checklist* checklistFor(int fromTier, int toTier) const;
    // The lowest level marked as engineering (escalations landing on it or
    // above reach engineering); empty when no tier is marked.
    std::optional<int> engineeringLevel() const;
    // Whether the taxonomy marks `rootCause` avoidable (case-insensitive).
    bool isAvoidableRootCause(const QString& rootCause) const;
};

// The defaults of SPEC §5. Business-hours calendars are set in `timeZone`.
Matrix defaultMatrix(const QString& timeZone);

// The default marks, for a matrix written before tiers and categories carried
// them: Tier 3 is engineering; of the default taxonomy, the causes support can
// keep from engineering (#21: configuration, user error, feature request →
// Feature Gap, documentation gap) are avoidable. A known bug with a
// workaround has no category of its own: the ledger counts it by its
// known-issue match instead.
bool defaultEngineeringMark(int level);
bool defaultAvoidableMark(const QString& category);

// The fields a severity rule can test, with a line of help each.
struct RuleField {
    QString name;
    QString description;
    bool numeric = false;
};
const std::vector<RuleField>& ruleFields();

QString operatorName(ConditionOperator op); // equals, one_of, contains_word, …
std::optional<ConditionOperator> parseOperator(const QString& name);
// Splits a list value "outage, down ,payment failure" into trimmed items.
QStringList listItems(const QString& value);

// Normalizes a customer tier or priority written loosely ("enterprise",
// "mid market", "P1") to its canonical name; the input when unknown.
QString canonicalCustomerTier(const QString& tier);
QString canonicalPriority(const QString& priority);

} // namespace escdesk::matrix

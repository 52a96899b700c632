#include "matrix/MatrixValidation.h"

#include "matrix/SeverityRules.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace escdesk::matrix {

namespace {

using Severity = ValidationIssue::Severity;

constexpr int minimumCategories = 8;
constexpr int maximumCategories = 12;

class Collector {
public:
    void error(QString place, QString path, QString message) {
        m_issues.push_back(
            {Severity::Error, std::move(place), std::move(path), std::move(message)});
    }
    void warning(QString place, QString path, QString message) {
        m_issues.push_back(
            {Severity::Warning, std::move(place), std::move(path), std::move(message)});
    }
    std::vector<ValidationIssue> take() { return std::move(m_issues); }

private:
    std::vector<ValidationIssue> m_issues;
};

QString indexed(const char* section, std::size_t index) {
    return QStringLiteral("%1[%2]").arg(QLatin1String(section)).arg(index);
}

QString quoted(const QString& text) {
    return QStringLiteral("“%1”").arg(text);
}

QString ruleLabel(std::size_t index, const SeverityRule& rule) {
    return QStringLiteral("rule %1 %2").arg(index + 1).arg(quoted(rule.name));
}

QString hhmm(int seconds) {
    return QStringLiteral("%1:%2")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

void checkTiers(const Matrix& matrix, Collector& issues) {
    for (int level = 1; level <= 3; ++level) {
        if (!matrix.tier(level)) {
            issues.error(QStringLiteral("Tiers"), QStringLiteral("tiers"),
                         QStringLiteral("Tier %1 is missing; the matrix needs Tiers 1, 2 and 3 "
                                        "(Management is optional).")
                             .arg(level));
        }
    }
    QSet<int> seen;
    for (std::size_t i = 0; i < matrix.tiers.size(); ++i) {
        const TierDefinition& tier = matrix.tiers[i];
        const QString place = QStringLiteral("Tiers › %1").arg(tier.name);
        const QString path = indexed("tiers", i);
        if (tier.level < 1 || tier.level > 4) {
            issues.error(place, path + QStringLiteral(".level"),
                         QStringLiteral("%1 has level %2; levels are 1, 2, 3 and 4 (Management).")
                             .arg(tier.name)
                             .arg(tier.level));
        } else if (seen.contains(tier.level)) {
            issues.error(place, path + QStringLiteral(".level"),
                         QStringLiteral("Two tiers have level %1; give each tier its own level.")
                             .arg(tier.level));
        }
        seen.insert(tier.level);
        if (tier.owner.trimmed().isEmpty()) {
            issues.error(place, path + QStringLiteral(".owner"),
                         QStringLiteral("%1 has no owner; name the person or role accountable "
                                        "for escalations to it.")
                             .arg(tier.name));
        }
        if (tier.backup.trimmed().isEmpty()) {
            issues.error(place, path + QStringLiteral(".backup"),
                         QStringLiteral("%1 has no backup contact; name who takes over when the "
                                        "owner is away.")
                             .arg(tier.name));
        } else if (tier.backup.trimmed().compare(tier.owner.trimmed(), Qt::CaseInsensitive) == 0) {
            issues.warning(place, path + QStringLiteral(".backup"),
                           QStringLiteral("%1 has the same owner and backup (%2); a backup should "
                                          "be someone else.")
                               .arg(tier.name, tier.owner));
        }
    }
}

// One tier is engineering: the engineering-time ledger counts escalations
// landing on it or above. Two marks would leave "reached engineering" open.
void checkEngineeringMark(const Matrix& matrix, Collector& issues) {
    std::vector<std::size_t> marked;
    for (std::size_t i = 0; i < matrix.tiers.size(); ++i) {
        if (matrix.tiers[i].engineering) {
            marked.push_back(i);
        }
    }
    if (marked.empty()) {
        issues.warning(QStringLiteral("Tiers"), QStringLiteral("tiers"),
                       QStringLiteral("No tier is marked as engineering, so the engineering-time "
                                      "ledger counts no escalations; mark the tier engineers work "
                                      "at (usually Tier 3)."));
    } else if (marked.size() > 1) {
        const TierDefinition& second = matrix.tiers[marked[1]];
        issues.error(QStringLiteral("Tiers › %1").arg(second.name),
                     indexed("tiers", marked[1]) + QStringLiteral(".engineering"),
                     QStringLiteral("%1 and %2 are both marked as engineering; mark one tier (the "
                                    "ledger counts escalations reaching it or above).")
                         .arg(matrix.tiers[marked[0]].name, second.name));
    }
}

void checkPolicies(const Matrix& matrix, Collector& issues) {
    for (const QString& customerTier : customerTiers) {
        for (const QString& priority : priorities) {
            if (!matrix.policyFor(customerTier, priority)) {
                issues.error(QStringLiteral("SLA policies"), QStringLiteral("sla_policies"),
                             QStringLiteral("No SLA policy for %1 customers at %2 priority; add "
                                            "one so their tickets get SLA clocks.")
                                 .arg(customerTier, priority));
            }
        }
    }
    QSet<QString> seen;
    for (std::size_t i = 0; i < matrix.policies.size(); ++i) {
        const sla::SlaPolicy& policy = matrix.policies[i];
        const QString place = QStringLiteral("SLA policies › %1").arg(policy.name());
        const QString path = indexed("sla_policies", i);
        if (!customerTiers.contains(policy.customerTier)) {
            issues.error(
                place, path + QStringLiteral(".customer_tier"),
                QStringLiteral("Unknown customer tier %1; use %2.")
                    .arg(quoted(policy.customerTier), customerTiers.join(QLatin1String(", "))));
        }
        if (!priorities.contains(policy.priority)) {
            issues.error(place, path + QStringLiteral(".priority"),
                         QStringLiteral("Unknown priority %1; use %2.")
                             .arg(quoted(policy.priority), priorities.join(QLatin1String(", "))));
        }
        const QString key =
            policy.customerTier.toLower() + QLatin1Char('|') + policy.priority.toLower();
        if (seen.contains(key)) {
            issues.error(
                place, path,
                QStringLiteral("There are two SLA policies for %1; keep one.").arg(policy.name()));
        }
        seen.insert(key);
        const struct {
            int minutes;
            const char* field;
            const char* label;
        } targets[] = {{policy.firstResponseMin, "first_response_min", "first-response"},
                       {policy.resolutionMin, "resolution_min", "resolution"},
                       {policy.claimMin, "claim_min", "claim (handoff)"}};
        for (const auto& target : targets) {
            if (target.minutes <= 0) {
                issues.error(place, path + QLatin1Char('.') + QLatin1String(target.field),
                             QStringLiteral("The %1 target of %2 is %3 minutes; it must be a "
                                            "positive number of minutes.")
                                 .arg(QLatin1String(target.label), policy.name())
                                 .arg(target.minutes));
            }
        }
        if (policy.firstResponseMin > 0 && policy.resolutionMin > 0 &&
            policy.firstResponseMin > policy.resolutionMin) {
            issues.error(place, path + QStringLiteral(".first_response_min"),
                         QStringLiteral("The first-response target of %1 (%2 min) is longer than "
                                        "its resolution target (%3 min); first response must come "
                                        "no later than resolution.")
                             .arg(policy.name())
                             .arg(policy.firstResponseMin)
                             .arg(policy.resolutionMin));
        }
        if (!matrix.calendarNamed(policy.calendar)) {
            issues.error(place, path + QStringLiteral(".calendar"),
                         QStringLiteral("%1 runs on the calendar %2, which does not exist; choose "
                                        "one of the calendars.")
                             .arg(policy.name(), quoted(policy.calendar)));
        }
    }
}

void checkCalendars(const Matrix& matrix, Collector& issues) {
    static const char* const dayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    QSet<QString> seen;
    for (std::size_t i = 0; i < matrix.calendars.size(); ++i) {
        const sla::BusinessCalendar& calendar = matrix.calendars[i];
        const QString place = QStringLiteral("Calendars › %1").arg(calendar.name);
        const QString path = indexed("calendars", i);
        if (calendar.name.trimmed().isEmpty()) {
            issues.error(QStringLiteral("Calendars"), path + QStringLiteral(".name"),
                         QStringLiteral("Calendar %1 has no name; SLA policies refer to calendars "
                                        "by name.")
                             .arg(i + 1));
        } else if (seen.contains(calendar.name)) {
            issues.error(place, path + QStringLiteral(".name"),
                         QStringLiteral("Two calendars are called %1; rename one.")
                             .arg(quoted(calendar.name)));
        }
        seen.insert(calendar.name);
        if (calendar.timeZone.trimmed().isEmpty() ||
            !QTimeZone(calendar.timeZone.toUtf8()).isValid()) {
            issues.error(place, path + QStringLiteral(".time_zone"),
                         QStringLiteral("%1 is not a known time zone; use an IANA name such as "
                                        "Europe/Berlin or America/New_York.")
                             .arg(quoted(calendar.timeZone)));
        }
        if (calendar.roundTheClock) {
            continue;
        }
        bool anyHours = false;
        for (int day = 0; day < 7; ++day) {
            const auto& hours = calendar.week[day];
            anyHours = anyHours || !hours.empty();
            for (std::size_t k = 0; k < hours.size(); ++k) {
                const sla::OpeningHours& opening = hours[k];
                const QString where = path + QStringLiteral(".hours[%1].open[%2]").arg(day).arg(k);
                if (opening.openSecond < 0 || opening.closeSecond > 86400 ||
                    opening.openSecond >= opening.closeSecond) {
                    issues.error(place, where,
                                 QStringLiteral("Calendar %1: %2–%3 on %4 is not a valid "
                                                "interval; the opening must come before the "
                                                "closing, within 00:00–24:00.")
                                     .arg(quoted(calendar.name), hhmm(opening.openSecond),
                                          hhmm(opening.closeSecond), QLatin1String(dayNames[day])));
                } else if (k > 0 && opening.openSecond < hours[k - 1].closeSecond) {
                    issues.error(place, where,
                                 QStringLiteral("Calendar %1: the hours on %2 overlap (%3 opens "
                                                "before %4 closes); list them in order without "
                                                "overlap.")
                                     .arg(quoted(calendar.name), QLatin1String(dayNames[day]),
                                          hhmm(opening.openSecond),
                                          hhmm(hours[k - 1].closeSecond)));
                }
            }
        }
        if (!anyHours) {
            issues.error(place, path + QStringLiteral(".hours"),
                         QStringLiteral("Calendar %1 has no business hours on any day, so its "
                                        "SLA clocks would never run; add hours or make it 24×7.")
                             .arg(quoted(calendar.name)));
        }
        for (std::size_t h = 0; h < calendar.holidays.size(); ++h) {
            const sla::Holiday& holiday = calendar.holidays[h];
            const bool valid = holiday.kind == sla::Holiday::Kind::Date
                                   ? holiday.date.isValid()
                                   : holiday.month >= 1 && holiday.month <= 12 &&
                                         (holiday.kind != sla::Holiday::Kind::Yearly ||
                                          QDate(2024, holiday.month, holiday.day).isValid()) &&
                                         (holiday.kind == sla::Holiday::Kind::Yearly ||
                                          (holiday.weekday >= 1 && holiday.weekday <= 7)) &&
                                         (holiday.kind != sla::Holiday::Kind::NthWeekday ||
                                          (holiday.nth >= 1 && holiday.nth <= 5));
            if (!valid) {
                issues.error(place, path + QStringLiteral(".holidays[%1]").arg(h),
                             QStringLiteral("Holiday %1 of %2 is not a valid date or rule.")
                                 .arg(quoted(holiday.name), calendar.name));
            }
        }
    }
}

std::optional<double> number(const QString& text) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

QSet<QString> loweredItems(const QString& value) {
    QSet<QString> set;
    for (const QString& item : listItems(value)) {
        set.insert(item.toLower());
    }
    return set;
}

// The fields the evaluator measures (business minutes, a score, days):
// numbers with no text to compare.
bool isMeasuredField(const QString& field) {
    const QString name = field.trimmed().toLower();
    return name == noProgressField || name == sentimentField || name == renewalField;
}

// Whether `general` holds whenever `specific` holds.
bool implies(const Condition& specific, const Condition& general) {
    using Op = ConditionOperator;
    if (specific.field.trimmed().compare(general.field.trimmed(), Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (specific.op == general.op &&
        specific.value.trimmed().compare(general.value.trimmed(), Qt::CaseInsensitive) == 0) {
        return true;
    }
    switch (general.op) {
    case Op::OneOf:
        if (specific.op == Op::Equals) {
            return loweredItems(general.value).contains(specific.value.trimmed().toLower());
        }
        return specific.op == Op::OneOf &&
               loweredItems(general.value).contains(loweredItems(specific.value));
    case Op::MatchesAnyKeyword:
        if (specific.op == Op::ContainsWord) {
            return loweredItems(general.value).contains(specific.value.trimmed().toLower());
        }
        return specific.op == Op::MatchesAnyKeyword &&
               loweredItems(general.value).contains(loweredItems(specific.value));
    case Op::ContainsWord:
        return specific.op == Op::MatchesAnyKeyword && listItems(specific.value).size() == 1 &&
               listItems(specific.value)
                       .first()
                       .compare(general.value.trimmed(), Qt::CaseInsensitive) == 0;
    case Op::AtLeast:
    case Op::AtMost:
    case Op::Within: {
        const auto bound = number(general.value);
        const auto value = number(specific.value);
        if (!bound || !value) {
            return false;
        }
        if (general.op == Op::AtLeast) {
            return (specific.op == Op::AtLeast || specific.op == Op::Equals) && *value >= *bound;
        }
        // "within V" is "at least 0 and at most V"; "at most V" holds below
        // 0 too, so it implies no "within".
        const bool fromZero = specific.op == Op::Within || specific.op == Op::Equals;
        if (general.op == Op::AtMost) {
            return (specific.op == Op::AtMost || fromZero) && *value <= *bound;
        }
        return fromZero && *value >= 0 && *value <= *bound;
    }
    case Op::Equals:
    case Op::IsEmpty:
        return false;
    }
    return false;
}

// Conditions no ticket can meet together: a ≥ bound above a ≤ bound, or a
// "within" a negative bound (from 0 up to below 0).
bool contradictory(const SeverityRule& rule) {
    for (const Condition& a : rule.conditions) {
        if (a.op == ConditionOperator::Within && number(a.value) && *number(a.value) < 0) {
            return true;
        }
        for (const Condition& b : rule.conditions) {
            const bool upperBound =
                b.op == ConditionOperator::AtMost || b.op == ConditionOperator::Within;
            if (a.op == ConditionOperator::AtLeast && upperBound &&
                a.field.trimmed().compare(b.field.trimmed(), Qt::CaseInsensitive) == 0) {
                const auto low = number(a.value);
                const auto high = number(b.value);
                if (low && high && *low > *high) {
                    return true;
                }
            }
        }
    }
    return false;
}

void checkRules(const Matrix& matrix, Collector& issues) {
    if (matrix.rules.empty()) {
        issues.error(QStringLiteral("Severity rules"), QStringLiteral("severity_rules"),
                     QStringLiteral("There are no severity rules; add at least one, ending with "
                                    "a catch-all rule."));
        return;
    }
    QStringList fieldNames;
    for (const RuleField& field : ruleFields()) {
        fieldNames.append(field.name);
    }
    for (std::size_t i = 0; i < matrix.rules.size(); ++i) {
        const SeverityRule& rule = matrix.rules[i];
        const QString place = QStringLiteral("Severity rules › %1").arg(ruleLabel(i, rule));
        const QString path = indexed("severity_rules", i);
        if (rule.name.trimmed().isEmpty()) {
            issues.error(
                place, path + QStringLiteral(".name"),
                QStringLiteral("Rule %1 has no name; a name is what triage reports.").arg(i + 1));
        }
        if (!priorities.contains(rule.priority)) {
            issues.error(place, path + QStringLiteral(".priority"),
                         QStringLiteral("%1 gives the priority %2; use %3.")
                             .arg(ruleLabel(i, rule), quoted(rule.priority),
                                  priorities.join(QLatin1String(", "))));
        }
        if (!matrix.tier(rule.targetTier)) {
            issues.error(place, path + QStringLiteral(".target_tier"),
                         QStringLiteral("%1 sends tickets to tier %2, which the matrix does not "
                                        "define.")
                             .arg(ruleLabel(i, rule))
                             .arg(rule.targetTier));
        }
        if (rule.action.trimmed().isEmpty()) {
            issues.warning(place, path + QStringLiteral(".action"),
                           QStringLiteral("%1 has no action; say what the agent should do.")
                               .arg(ruleLabel(i, rule)));
        }
        for (std::size_t c = 0; c < rule.conditions.size(); ++c) {
            const Condition& condition = rule.conditions[c];
            const QString where = path + QStringLiteral(".conditions[%1]").arg(c);
            const bool numeric = condition.op == ConditionOperator::AtLeast ||
                                 condition.op == ConditionOperator::AtMost ||
                                 condition.op == ConditionOperator::Within;
            if (!numeric && isMeasuredField(condition.field)) {
                issues.error(
                    place, where + QStringLiteral(".operator"),
                    QStringLiteral("%1 tests %2 with %3; it is a measured number: use "
                                   "at_least, at_most or within.")
                        .arg(ruleLabel(i, rule), condition.field, operatorName(condition.op)));
            }
            if (!fieldNames.contains(condition.field.trimmed().toLower()) &&
                !condition.field.trimmed().startsWith(QLatin1String("attr:"))) {
                issues.warning(place, where + QStringLiteral(".field"),
                               QStringLiteral("%1 tests the field %2, which is not a standard "
                                              "field; it is read from the ticket's extra columns.")
                                   .arg(ruleLabel(i, rule), quoted(condition.field)));
            }
            if (numeric && !number(condition.value)) {
                issues.error(
                    place, where + QStringLiteral(".value"),
                    QStringLiteral("%1 compares %2 with %3, which is not a number.")
                        .arg(ruleLabel(i, rule), condition.field, quoted(condition.value)));
            } else if (condition.op != ConditionOperator::IsEmpty &&
                       condition.value.trimmed().isEmpty()) {
                issues.error(place, where + QStringLiteral(".value"),
                             QStringLiteral("%1 has a condition on %2 without a value.")
                                 .arg(ruleLabel(i, rule), condition.field));
            }
        }
        if (contradictory(rule)) {
            issues.error(place, path + QStringLiteral(".conditions"),
                         QStringLiteral("%1 can never fire: its conditions contradict each "
                                        "other.")
                             .arg(ruleLabel(i, rule)));
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (ruleShadows(matrix.rules[j], rule)) {
                issues.error(place, path,
                             QStringLiteral("%1 can never fire: %2 comes first and matches "
                                            "every ticket it matches. Move it up or narrow %3.")
                                 .arg(ruleLabel(i, rule), ruleLabel(j, matrix.rules[j]),
                                      QStringLiteral("rule %1").arg(j + 1)));
                break;
            }
        }
    }
    if (!matrix.rules.back().conditions.empty()) {
        issues.warning(QStringLiteral("Severity rules"), QStringLiteral("severity_rules"),
                       QStringLiteral("The last rule has conditions, so some tickets match no "
                                      "rule and get no priority; end with a catch-all rule."));
    }
}

void checkChecklists(const Matrix& matrix, Collector& issues) {
    for (const auto& [from, to] : {std::pair{1, 2}, std::pair{2, 3}}) {
        if (!matrix.checklistFor(from, to)) {
            issues.error(QStringLiteral("Checklists"), QStringLiteral("checklists"),
                         QStringLiteral("There is no checklist for Tier %1 → Tier %2; add the "
                                        "checks an agent must make before that escalation.")
                             .arg(from)
                             .arg(to));
        }
    }
    for (std::size_t i = 0; i < matrix.checklists.size(); ++i) {
        const Checklist& checklist = matrix.checklists[i];
        const QString place = QStringLiteral("Checklists › %1").arg(checklist.name());
        const QString path = indexed("checklists", i);
        if (checklist.items.empty()) {
            issues.error(place, path + QStringLiteral(".items"),
                         QStringLiteral("The %1 checklist is empty; add the checks an agent must "
                                        "make before escalating.")
                             .arg(checklist.name()));
            continue;
        }
        QSet<QString> ids;
        for (std::size_t k = 0; k < checklist.items.size(); ++k) {
            const ChecklistItem& item = checklist.items[k];
            const QString where = path + QStringLiteral(".items[%1]").arg(k);
            if (item.text.trimmed().isEmpty()) {
                issues.error(place, where + QStringLiteral(".text"),
                             QStringLiteral("Item %1 of the %2 checklist has no text.")
                                 .arg(k + 1)
                                 .arg(checklist.name()));
            }
            if (item.id.trimmed().isEmpty() || ids.contains(item.id)) {
                issues.error(place, where + QStringLiteral(".id"),
                             QStringLiteral("Item %1 of the %2 checklist needs its own id (it is "
                                            "how ticked items are remembered).")
                                 .arg(k + 1)
                                 .arg(checklist.name()));
            }
            ids.insert(item.id);
        }
        if (std::none_of(checklist.items.begin(), checklist.items.end(),
                         [](const ChecklistItem& item) { return item.required; })) {
            issues.warning(place, path + QStringLiteral(".items"),
                           QStringLiteral("The %1 checklist has no required item, so every ticket "
                                          "counts as ready.")
                               .arg(checklist.name()));
        }
    }
}

void checkTaxonomy(const Matrix& matrix, Collector& issues) {
    const int count = static_cast<int>(matrix.taxonomy.size());
    if (count < minimumCategories || count > maximumCategories) {
        issues.error(QStringLiteral("Root-cause taxonomy"), QStringLiteral("taxonomy"),
                     QStringLiteral("The root-cause taxonomy has %1 categories; keep between %2 "
                                    "and %3 so patterns stay visible in the review.")
                         .arg(count)
                         .arg(minimumCategories)
                         .arg(maximumCategories));
    }
    QSet<QString> seen;
    for (std::size_t i = 0; i < matrix.taxonomy.size(); ++i) {
        const RootCauseCategory& category = matrix.taxonomy[i];
        const QString place = QStringLiteral("Root-cause taxonomy › %1").arg(category.name);
        const QString path = indexed("taxonomy", i);
        if (category.name.trimmed().isEmpty()) {
            issues.error(QStringLiteral("Root-cause taxonomy"), path + QStringLiteral(".name"),
                         QStringLiteral("Category %1 has no name.").arg(i + 1));
        } else if (seen.contains(category.name.toLower())) {
            issues.error(
                place, path + QStringLiteral(".name"),
                QStringLiteral("The category %1 is listed twice.").arg(quoted(category.name)));
        }
        seen.insert(category.name.toLower());
        if (category.recommendedAction.trimmed().isEmpty()) {
            issues.warning(place, path + QStringLiteral(".recommended_action"),
                           QStringLiteral("The category %1 has no recommended action.")
                               .arg(quoted(category.name)));
        }
    }
}

void checkCost(const Matrix& matrix, Collector& issues) {
    const CostParameters& cost = matrix.cost;
    const struct {
        double value;
        const char* field;
        const char* label;
    } values[] = {{cost.agentCostPerHour, "agent_cost_per_hour", "Agent cost per hour"},
                  {cost.engineerCostPerHour, "engineer_cost_per_hour", "Engineer cost per hour"},
                  {cost.interruptionMinutes, "interruption_minutes", "Minutes per interruption"},
                  {cost.recoveryMinutes, "recovery_minutes", "Context-switch recovery minutes"}};
    for (const auto& entry : values) {
        if (entry.value < 0) {
            issues.error(QStringLiteral("Cost parameters"),
                         QStringLiteral("cost.") + QLatin1String(entry.field),
                         QStringLiteral("%1 is %2; it cannot be negative.")
                             .arg(QLatin1String(entry.label))
                             .arg(entry.value));
        }
    }
}

} // namespace

bool ruleShadows(const SeverityRule& earlier, const SeverityRule& later) {
    // Every condition of the earlier rule must follow from some condition of
    // the later one; a rule without conditions shadows everything after it.
    return std::all_of(earlier.conditions.begin(), earlier.conditions.end(),
                       [&](const Condition& general) {
                           return std::any_of(later.conditions.begin(), later.conditions.end(),
                                              [&](const Condition& specific) {
                                                  return implies(specific, general);
                                              });
                       });
}

std::vector<ValidationIssue> validateMatrix(const Matrix& matrix) {
    Collector issues;
    checkTiers(matrix, issues);
    checkEngineeringMark(matrix, issues);
    checkRules(matrix, issues);
    checkPolicies(matrix, issues);
    checkCalendars(matrix, issues);
    checkChecklists(matrix, issues);
    checkTaxonomy(matrix, issues);
    checkCost(matrix, issues);
    return issues.take();
}

bool hasErrors(const std::vector<ValidationIssue>& issues) {
    return std::any_of(issues.begin(), issues.end(), [](const ValidationIssue& issue) {
        return issue.severity == ValidationIssue::Severity::Error;
    });
}

} // namespace escdesk::matrix

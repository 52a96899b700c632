#include "matrix/SeverityRules.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace escdesk::matrix {

namespace {

std::optional<double> number(const QString& text) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

bool sameText(const QString& a, const QString& b) {
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

QString attribute(const Ticket& ticket, QStringList keys) {
    if (ticket.attributes.isEmpty()) {
        return {};
    }
    const QJsonObject object = QJsonDocument::fromJson(ticket.attributes.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        for (const QString& key : keys) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0) {
                const QJsonValue value = it.value();
                if (value.isDouble()) {
                    return QString::number(value.toDouble());
                }
                if (value.isBool()) {
                    return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
                }
                return value.toString();
            }
        }
    }
    return {};
}

// "true", "1", "y" → yes; "false", "0", "n" → no; otherwise as written.
QString yesNo(const QString& value) {
    const QString key = value.trimmed().toLower();
    if (key == QLatin1String("true") || key == QLatin1String("1") || key == QLatin1String("y") ||
        key == QLatin1String("yes")) {
        return QStringLiteral("yes");
    }
    if (key == QLatin1String("false") || key == QLatin1String("0") || key == QLatin1String("n") ||
        key == QLatin1String("no")) {
        return QStringLiteral("no");
    }
    return value.trimmed();
}

QString optionalNumber(std::optional<double> value) {
    return value ? QString::number(*value) : QString();
}

// Whole days from the evaluation date to the account's renewal (negative
// once past); empty when either date is unknown.
QString daysToRenewal(const TriageInput& input) {
    if (!input.account || !input.account->renewalDate.isValid() ||
        !input.evaluationDate.isValid()) {
        return {};
    }
    return QString::number(input.evaluationDate.daysTo(input.account->renewalDate));
}

// A number for reading: at most one decimal, none when whole.
QString readable(double value) {
    const double rounded = std::round(value * 10.0) / 10.0;
    return QString::number(rounded, 'f', rounded == std::floor(rounded) ? 0 : 1);
}

QString renewalText(qint64 days) {
    if (days == 0) {
        return QStringLiteral("renews today");
    }
    if (days > 0) {
        return days == 1 ? QStringLiteral("renews in 1 day")
                         : QStringLiteral("renews in %1 days").arg(days);
    }
    return days == -1 ? QStringLiteral("renewed 1 day ago")
                      : QStringLiteral("renewed %1 days ago").arg(-days);
}

} // namespace

QString fieldValue(const QString& field, const TriageInput& input) {
    const Ticket& ticket = *input.ticket;
    const QString name = field.trimmed().toLower();
    if (name == QLatin1String("account_tier")) {
        return input.account ? canonicalCustomerTier(input.account->tier) : QString();
    }
    if (name == QLatin1String("account_segment")) {
        return input.account ? input.account->segment : QString();
    }
    if (name == QLatin1String("account_arr")) {
        return input.account && input.account->arr ? QString::number(*input.account->arr)
                                                   : QString();
    }
    if (name == usersAffectedField) {
        return attribute(ticket, {QStringLiteral("users_affected"),
                                  QStringLiteral("affected_users"), QStringLiteral("users")});
    }
    if (name == QLatin1String("workaround_available")) {
        return yesNo(attribute(
            ticket, {QStringLiteral("workaround_available"), QStringLiteral("workaround")}));
    }
    if (name == QLatin1String("product_area")) {
        return ticket.productArea;
    }
    if (name == QLatin1String("text")) {
        return ticket.subject + QLatin1Char('\n') + ticket.description;
    }
    if (name == QLatin1String("subject")) {
        return ticket.subject;
    }
    if (name == QLatin1String("description")) {
        return ticket.description;
    }
    if (name == QLatin1String("tags")) {
        return ticket.tags;
    }
    if (name == QLatin1String("channel")) {
        return ticket.channel;
    }
    if (name == QLatin1String("priority")) {
        return ticket.priority;
    }
    if (name == QLatin1String("status")) {
        return ticket.status;
    }
    if (name == QLatin1String("group")) {
        return ticket.group;
    }
    if (name == QLatin1String("tier")) {
        return ticket.tier ? QString::number(*ticket.tier) : QString();
    }
    if (name == slaConsumedField) {
        return optionalNumber(input.slaConsumed);
    }
    if (name == noProgressField) {
        return optionalNumber(input.minutesWithoutProgress);
    }
    if (name == sentimentField) {
        return optionalNumber(input.sentiment);
    }
    if (name == renewalField) {
        return daysToRenewal(input);
    }
    return attribute(ticket, {attributeOfField(field)}); // any extra source column
}

bool conditionHolds(const Condition& condition, const QString& actual) {
    switch (condition.op) {
    case ConditionOperator::Equals:
        return sameText(actual, condition.value);
    case ConditionOperator::OneOf: {
        const QStringList options = listItems(condition.value);
        return std::any_of(options.begin(), options.end(),
                           [&](const QString& option) { return sameText(actual, option); });
    }
    case ConditionOperator::ContainsWord:
        return containsKeyword(actual, condition.value);
    case ConditionOperator::MatchesAnyKeyword:
        return text::containsAnyKeyword(actual, listItems(condition.value));
    case ConditionOperator::AtLeast:
    case ConditionOperator::AtMost:
    case ConditionOperator::Within: {
        const auto value = number(actual);
        const auto bound = number(condition.value);
        if (!value || !bound) {
            return false; // an unknown number satisfies no bound
        }
        if (condition.op == ConditionOperator::AtLeast) {
            return *value >= *bound;
        }
        const bool belowBound = *value <= *bound;
        return condition.op == ConditionOperator::AtMost ? belowBound : belowBound && *value >= 0;
    }
    case ConditionOperator::IsEmpty:
        return actual.trimmed().isEmpty();
    }
    return false;
}

QString shownValue(const QString& field, const QString& actual) {
    const QString name = field.trimmed().toLower();
    const bool measured = name == noProgressField || name == sentimentField ||
                          name == renewalField || name == usersAffectedField;
    if (!measured) {
        return actual;
    }
    const auto value = number(actual);
    if (!value) {
        return actual.trimmed().isEmpty() ? QStringLiteral("unknown") : actual;
    }
    if (name == noProgressField) {
        return QStringLiteral("%1 business min without progress").arg(readable(*value));
    }
    if (name == sentimentField) {
        return QStringLiteral("sentiment %1 of 100").arg(readable(*value));
    }
    if (name == renewalField) {
        return renewalText(static_cast<qint64>(*value));
    }
    return *value == 1 ? QStringLiteral("1 user affected")
                       : QStringLiteral("%1 users affected").arg(readable(*value));
}

ConditionOutcome evaluateCondition(const Condition& condition, const TriageInput& input) {
    ConditionOutcome outcome{condition, false, fieldValue(condition.field, input), {}};
    outcome.held = conditionHolds(condition, outcome.actual);
    outcome.shown = shownValue(condition.field, outcome.actual);
    return outcome;
}

bool rulesTest(const std::vector<SeverityRule>& rules, QLatin1String field) {
    return std::any_of(rules.begin(), rules.end(), [&](const SeverityRule& rule) {
        return std::any_of(
            rule.conditions.begin(), rule.conditions.end(), [&](const Condition& condition) {
                return condition.field.trimmed().compare(field, Qt::CaseInsensitive) == 0;
            });
    });
}

TriageResult triageVerdict(const std::vector<SeverityRule>& rules, const TriageInput& input) {
    TriageResult result;
    const auto fired = std::find_if(rules.begin(), rules.end(), [&](const SeverityRule& rule) {
        return std::all_of(rule.conditions.begin(), rule.conditions.end(),
                           [&](const Condition& condition) {
                               return conditionHolds(condition, fieldValue(condition.field, input));
                           });
    });
    if (fired != rules.end()) {
        result.ruleIndex = static_cast<int>(fired - rules.begin());
        result.rule = fired->name;
        result.priority = fired->priority;
        result.targetTier = fired->targetTier;
        result.action = fired->action;
    }
    return result;
}

TriageResult triage(const std::vector<SeverityRule>& rules, const TriageInput& input) {
    TriageResult result = triageVerdict(rules, input);
    if (result.ruleIndex) {
        for (const Condition& condition : rules[std::size_t(*result.ruleIndex)].conditions) {
            result.conditions.push_back(evaluateCondition(condition, input));
        }
    }
    return result;
}

} // namespace escdesk::matrix

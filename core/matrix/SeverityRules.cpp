#include "matrix/SeverityRules.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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
    if (name == QLatin1String("users_affected")) {
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
    if (name == QLatin1String("sla_consumed")) {
        return input.slaConsumed ? QString::number(*input.slaConsumed) : QString();
    }
    return attribute(ticket, {field.trimmed()}); // any extra source column
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
    case ConditionOperator::AtMost: {
        const auto value = number(actual);
        const auto bound = number(condition.value);
        if (!value || !bound) {
            return false; // an unknown number satisfies no bound
        }
        return condition.op == ConditionOperator::AtLeast ? *value >= *bound : *value <= *bound;
    }
    case ConditionOperator::IsEmpty:
        return actual.trimmed().isEmpty();
    }
    return false;
}

TriageResult triage(const std::vector<SeverityRule>& rules, const TriageInput& input) {
    TriageResult result;
    for (std::size_t index = 0; index < rules.size(); ++index) {
        const SeverityRule& rule = rules[index];
        std::vector<ConditionOutcome> outcomes;
        bool all = true;
        for (const Condition& condition : rule.conditions) {
            ConditionOutcome outcome{condition, false, fieldValue(condition.field, input)};
            outcome.held = conditionHolds(condition, outcome.actual);
            all = all && outcome.held;
            outcomes.push_back(std::move(outcome));
        }
        if (all) {
            result.ruleIndex = static_cast<int>(index);
            result.rule = rule.name;
            result.priority = rule.priority;
            result.targetTier = rule.targetTier;
            result.action = rule.action;
            result.conditions = std::move(outcomes);
            return result;
        }
    }
    return result;
}

} // namespace escdesk::matrix

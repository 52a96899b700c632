#include "matrix/MatrixDiff.h"

#include <QJsonObject>
#include <QLocale>
#include <QTime>

#include <algorithm>
#include <map>

namespace escdesk::matrix {

namespace {

// An item described as labelled values ("owner" → "Dana"). A label given more
// than once ("holiday") holds a set: its values are compared as a set, each
// one added or removed; a label given once is compared as one value.
using Fields = std::vector<std::pair<QString, QString>>;

QString quoted(const QString& name) {
    return QStringLiteral("“%1”").arg(name);
}

QString yesNo(bool value) {
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString minutes(int value) {
    return QStringLiteral("%1 min").arg(value);
}

QString number(double value) {
    return QString::number(value, 'g', 12);
}

QString conditionText(const Condition& condition) {
    QString text = condition.field + QLatin1Char(' ') + operatorName(condition.op);
    if (condition.op != ConditionOperator::IsEmpty) {
        text += QLatin1Char(' ') + quoted(condition.value);
    }
    return text;
}

Fields tierFields(const TierDefinition& tier) {
    return {
        {QStringLiteral("name"), tier.name},
        {QStringLiteral("responsibility"), tier.responsibility},
        {QStringLiteral("owner"), tier.owner},
        {QStringLiteral("backup"), tier.backup},
        {QStringLiteral("channel"), tier.channel},
        {QStringLiteral("key triggers"), tier.keyTriggers.join(QStringLiteral(", "))},
        {QStringLiteral("escalation"), tier.escalation == TierDefinition::Escalation::Functional
                                           ? QStringLiteral("functional")
                                           : QStringLiteral("hierarchical")},
        {QStringLiteral("optional"), yesNo(tier.optional)},
        {QStringLiteral("engineering"), yesNo(tier.engineering)},
    };
}

Fields ruleDescription(const SeverityRule& rule, std::size_t position) {
    Fields fields{
        {QStringLiteral("position"), QString::number(position + 1)},
        {QStringLiteral("priority"), rule.priority},
        {QStringLiteral("target tier"), QString::number(rule.targetTier)},
        {QStringLiteral("action"), rule.action},
    };
    for (std::size_t i = 0; i < rule.conditions.size(); ++i) {
        fields.emplace_back(QStringLiteral("condition %1").arg(i + 1),
                            conditionText(rule.conditions[i]));
    }
    return fields;
}

Fields policyFields(const sla::SlaPolicy& policy) {
    return {
        {QStringLiteral("first response"), minutes(policy.firstResponseMin)},
        {QStringLiteral("resolution"), minutes(policy.resolutionMin)},
        {QStringLiteral("claim"), minutes(policy.claimMin)},
        {QStringLiteral("calendar"), policy.calendar},
        {QStringLiteral("pausing statuses"), policy.pausingStatuses.join(QStringLiteral(", "))},
    };
}

QString hoursText(const std::vector<sla::OpeningHours>& day) {
    if (day.empty()) {
        return QStringLiteral("closed");
    }
    QStringList spans;
    for (const sla::OpeningHours& hours : day) {
        auto clock = [](int second) {
            return QStringLiteral("%1:%2")
                .arg(second / 3600, 2, 10, QLatin1Char('0'))
                .arg(second / 60 % 60, 2, 10, QLatin1Char('0'));
        };
        spans << clock(hours.openSecond) + QStringLiteral("–") + clock(hours.closeSecond);
    }
    return spans.join(QStringLiteral(", "));
}

QString holidayText(const sla::Holiday& holiday) {
    return holiday.name.isEmpty() ? holiday.describe()
                                  : QStringLiteral("%1 (%2)").arg(holiday.name, holiday.describe());
}

Fields calendarFields(const sla::BusinessCalendar& calendar) {
    Fields fields{
        {QStringLiteral("time zone"), calendar.timeZone},
        {QStringLiteral("24×7"), yesNo(calendar.roundTheClock)},
    };
    if (!calendar.roundTheClock) {
        for (int day = 0; day < 7; ++day) {
            fields.emplace_back(QLocale::c().dayName(day + 1),
                                hoursText(calendar.week[static_cast<std::size_t>(day)]));
        }
        for (const sla::Holiday& holiday : calendar.holidays) {
            fields.emplace_back(QStringLiteral("holiday"), holidayText(holiday));
        }
    }
    return fields;
}

Fields checklistFields(const Checklist& checklist) {
    Fields fields;
    for (const ChecklistItem& item : checklist.items) {
        fields.emplace_back(QStringLiteral("item %1").arg(item.id),
                            item.text + (item.required ? QStringLiteral(" (required)")
                                                       : QStringLiteral(" (optional)")));
    }
    return fields;
}

Fields categoryFields(const RootCauseCategory& category) {
    return {
        {QStringLiteral("recommended action"), category.recommendedAction},
        {QStringLiteral("avoidable"), yesNo(category.avoidable)},
    };
}

Fields costFields(const CostParameters& cost) {
    return {
        {QStringLiteral("currency"), cost.currency},
        {QStringLiteral("agent cost per hour"), number(cost.agentCostPerHour)},
        {QStringLiteral("engineer cost per hour"), number(cost.engineerCostPerHour)},
        {QStringLiteral("minutes per interruption"), number(cost.interruptionMinutes)},
        {QStringLiteral("recovery minutes"), number(cost.recoveryMinutes)},
    };
}

// A whole item in one line, for one that was added or removed.
QString fieldsText(const Fields& fields) {
    QStringList parts;
    for (const auto& [label, value] : fields) {
        if (!value.isEmpty()) {
            parts << label + QStringLiteral(": ") + value;
        }
    }
    return parts.join(QStringLiteral("; "));
}

// An item of a section, described, under the key that matches it across the
// two matrices.
struct Described {
    QString key;
    QString item;
    Fields fields;
};

class DiffBuilder {
public:
    explicit DiffBuilder(std::vector<MatrixDifference>& out)
        : m_out(out) {}

    // Matches the items by key; reports removed items, then the changes and
    // additions in the order of `after`.
    void compareItems(MatrixSection section, const std::vector<Described>& before,
                      const std::vector<Described>& after) {
        auto find = [](const std::vector<Described>& items, const QString& key) {
            return std::find_if(items.begin(), items.end(),
                                [&](const Described& d) { return d.key == key; });
        };
        for (const Described& old : before) {
            if (find(after, old.key) == after.end()) {
                add(section, MatrixDifference::Kind::Removed, old.item, {}, fieldsText(old.fields),
                    {});
            }
        }
        for (const Described& now : after) {
            const auto old = find(before, now.key);
            if (old == before.end()) {
                add(section, MatrixDifference::Kind::Added, now.item, {}, {},
                    fieldsText(now.fields));
            } else {
                compareFields(section, now.item, old->fields, now.fields);
            }
        }
    }

    void compareFields(MatrixSection section, const QString& item, const Fields& before,
                       const Fields& after) {
        std::vector<QString> labels; // in order of appearance, after's first
        for (const Fields* fields : {&after, &before}) {
            for (const auto& field : *fields) {
                if (std::find(labels.begin(), labels.end(), field.first) == labels.end()) {
                    labels.push_back(field.first);
                }
            }
        }
        for (const QString& label : labels) {
            const QStringList old = valuesOf(before, label);
            const QStringList now = valuesOf(after, label);
            if (old.size() <= 1 && now.size() <= 1) {
                compareOne(section, item, label, old, now);
            } else {
                compareSet(section, item, label, old, now);
            }
        }
    }

private:
    static QStringList valuesOf(const Fields& fields, const QString& label) {
        QStringList values;
        for (const auto& [name, value] : fields) {
            if (name == label) {
                values << value;
            }
        }
        return values;
    }

    void compareOne(MatrixSection section, const QString& item, const QString& label,
                    const QStringList& old, const QStringList& now) {
        if (old == now) {
            return;
        }
        if (old.isEmpty()) {
            add(section, MatrixDifference::Kind::Added, item, label, {}, now.front());
        } else if (now.isEmpty()) {
            add(section, MatrixDifference::Kind::Removed, item, label, old.front(), {});
        } else {
            add(section, MatrixDifference::Kind::Changed, item, label, old.front(), now.front());
        }
    }

    void compareSet(MatrixSection section, const QString& item, const QString& label,
                    const QStringList& old, const QStringList& now) {
        for (const QString& value : old) {
            if (!now.contains(value)) {
                add(section, MatrixDifference::Kind::Removed, item, label, value, {});
            }
        }
        for (const QString& value : now) {
            if (!old.contains(value)) {
                add(section, MatrixDifference::Kind::Added, item, label, {}, value);
            }
        }
    }

    void add(MatrixSection section, MatrixDifference::Kind kind, const QString& item,
             const QString& what, const QString& before, const QString& after) {
        m_out.push_back({section, kind, item, what, before, after});
    }

    std::vector<MatrixDifference>& m_out;
};

std::vector<Described> describeTiers(const Matrix& matrix) {
    std::vector<Described> items;
    for (const TierDefinition& tier : matrix.tiers) {
        items.push_back({QString::number(tier.level),
                         tier.level == 4 ? QStringLiteral("Tier Management")
                                         : QStringLiteral("Tier %1").arg(tier.level),
                         tierFields(tier)});
    }
    return items;
}

std::vector<Described> describeRules(const Matrix& matrix) {
    std::vector<Described> items;
    for (std::size_t i = 0; i < matrix.rules.size(); ++i) {
        const SeverityRule& rule = matrix.rules[i];
        items.push_back({rule.name, QStringLiteral("Rule %1").arg(quoted(rule.name)),
                         ruleDescription(rule, i)});
    }
    return items;
}

std::vector<Described> describePolicies(const Matrix& matrix) {
    std::vector<Described> items;
    for (const sla::SlaPolicy& policy : matrix.policies) {
        items.push_back({policy.name(), QStringLiteral("SLA policy %1").arg(policy.name()),
                         policyFields(policy)});
    }
    return items;
}

std::vector<Described> describeCalendars(const Matrix& matrix) {
    std::vector<Described> items;
    for (const sla::BusinessCalendar& calendar : matrix.calendars) {
        items.push_back({calendar.name, QStringLiteral("Calendar %1").arg(quoted(calendar.name)),
                         calendarFields(calendar)});
    }
    return items;
}

std::vector<Described> describeChecklists(const Matrix& matrix) {
    std::vector<Described> items;
    for (const Checklist& checklist : matrix.checklists) {
        items.push_back({checklist.name(), QStringLiteral("Checklist %1").arg(checklist.name()),
                         checklistFields(checklist)});
    }
    return items;
}

std::vector<Described> describeTaxonomy(const Matrix& matrix) {
    std::vector<Described> items;
    for (const RootCauseCategory& category : matrix.taxonomy) {
        items.push_back({category.name, QStringLiteral("Root cause %1").arg(quoted(category.name)),
                         categoryFields(category)});
    }
    return items;
}

QString kindKey(MatrixDifference::Kind kind) {
    switch (kind) {
    case MatrixDifference::Kind::Added:
        return QStringLiteral("added");
    case MatrixDifference::Kind::Removed:
        return QStringLiteral("removed");
    case MatrixDifference::Kind::Changed:
        break;
    }
    return QStringLiteral("changed");
}

} // namespace

std::vector<MatrixDifference> diffMatrices(const Matrix& before, const Matrix& after) {
    std::vector<MatrixDifference> differences;
    DiffBuilder builder(differences);
    builder.compareItems(MatrixSection::Tiers, describeTiers(before), describeTiers(after));
    builder.compareItems(MatrixSection::SeverityRules, describeRules(before), describeRules(after));
    builder.compareItems(MatrixSection::SlaPolicies, describePolicies(before),
                         describePolicies(after));
    builder.compareItems(MatrixSection::Calendars, describeCalendars(before),
                         describeCalendars(after));
    builder.compareItems(MatrixSection::Checklists, describeChecklists(before),
                         describeChecklists(after));
    builder.compareItems(MatrixSection::Taxonomy, describeTaxonomy(before),
                         describeTaxonomy(after));
    builder.compareFields(MatrixSection::Cost, QStringLiteral("Cost parameters"),
                          costFields(before.cost), costFields(after.cost));
    return differences;
}

QString differenceText(const MatrixDifference& d) {
    using Kind = MatrixDifference::Kind;
    if (d.what.isEmpty()) {
        return d.kind == Kind::Added ? QStringLiteral("%1 added: %2").arg(d.item, d.after)
                                     : QStringLiteral("%1 removed (was: %2)").arg(d.item, d.before);
    }
    switch (d.kind) {
    case Kind::Added:
        return QStringLiteral("%1: %2 added: %3").arg(d.item, d.what, d.after);
    case Kind::Removed:
        return QStringLiteral("%1: %2 removed: %3").arg(d.item, d.what, d.before);
    case Kind::Changed:
        break;
    }
    auto shown = [](const QString& value) {
        return value.isEmpty() ? QStringLiteral("(none)") : value;
    };
    return QStringLiteral("%1: %2 %3 → %4").arg(d.item, d.what, shown(d.before), shown(d.after));
}

QString diffText(const std::vector<MatrixDifference>& differences) {
    if (differences.empty()) {
        return QStringLiteral("No differences.\n");
    }
    QString text;
    std::optional<MatrixSection> section;
    for (const MatrixDifference& difference : differences) {
        if (difference.section != section) {
            section = difference.section;
            if (!text.isEmpty()) {
                text += QLatin1Char('\n');
            }
            text += sectionTitle(difference.section);
            text += QLatin1Char('\n');
        }
        text += QStringLiteral("  ");
        text += differenceText(difference);
        text += QLatin1Char('\n');
    }
    return text;
}

QJsonArray diffJson(const std::vector<MatrixDifference>& differences) {
    QJsonArray array;
    for (const MatrixDifference& d : differences) {
        array.append(QJsonObject{
            {QStringLiteral("section"), sectionKey(d.section)},
            {QStringLiteral("kind"), kindKey(d.kind)},
            {QStringLiteral("item"), d.item},
            {QStringLiteral("what"), d.what},
            {QStringLiteral("before"), d.before},
            {QStringLiteral("after"), d.after},
            {QStringLiteral("text"), differenceText(d)},
        });
    }
    return array;
}

} // namespace escdesk::matrix

#include "matrix/MatrixJson.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace escdesk::matrix {

namespace {

const char* const dayKeys[] = {"monday", "tuesday",  "wednesday", "thursday",
                               "friday", "saturday", "sunday"};

QString clockText(int seconds) {
    const QString text = QStringLiteral("%1:%2")
                             .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                             .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
    return seconds % 60 == 0
               ? text
               : text + QStringLiteral(":%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

std::optional<int> parseClock(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{1,2}):(\d{2})(?::(\d{2}))?$)"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    const int seconds = match.captured(3).isEmpty() ? 0 : match.captured(3).toInt();
    if (minutes > 59 || seconds > 59 || hours > 24 || (hours == 24 && minutes + seconds > 0)) {
        return std::nullopt;
    }
    return hours * 3600 + minutes * 60 + seconds;
}

QString weekdayKey(int weekday) {
    return weekday >= 1 && weekday <= 7 ? QLatin1String(dayKeys[weekday - 1]) : QString();
}

std::optional<int> weekdayOfKey(const QString& key) {
    for (int day = 0; day < 7; ++day) {
        if (key.trimmed().compare(QLatin1String(dayKeys[day]), Qt::CaseInsensitive) == 0) {
            return day + 1;
        }
    }
    return std::nullopt;
}

QJsonArray stringArray(const QStringList& list) {
    QJsonArray array;
    for (const QString& item : list) {
        array.append(item);
    }
    return array;
}

// Reads typed members of JSON objects, recording what is missing or of the
// wrong type under its path.
class Reader {
public:
    explicit Reader(std::vector<JsonProblem>& problems)
        : m_problems(problems) {}

    void problem(const QString& path, const QString& message) {
        m_problems.push_back({path, message});
    }

    QJsonArray array(const QJsonValue& value, const QString& path) {
        if (!value.isArray()) {
            problem(path, QStringLiteral("expected a list [ … ]"));
            return {};
        }
        return value.toArray();
    }

    QJsonObject object(const QJsonValue& value, const QString& path) {
        if (!value.isObject()) {
            problem(path, QStringLiteral("expected an object { … }"));
            return {};
        }
        return value.toObject();
    }

    QString text(const QJsonObject& object, const char* key, const QString& path,
                 bool required = true) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                problem(member(path, key),
                        QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
            }
            return {};
        }
        if (!value.isString()) {
            problem(member(path, key),
                    QStringLiteral("\"%1\" must be text in quotes").arg(QLatin1String(key)));
            return {};
        }
        return value.toString();
    }

    double number(const QJsonObject& object, const char* key, const QString& path) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isDouble()) {
            problem(member(path, key),
                    value.isUndefined()
                        ? QStringLiteral("missing \"%1\"").arg(QLatin1String(key))
                        : QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
            return 0;
        }
        return value.toDouble();
    }

    int integer(const QJsonObject& object, const char* key, const QString& path) {
        const double value = number(object, key, path);
        // Checked before the cast: a number beyond int's range has no int
        // value at all (converting it is undefined behaviour).
        constexpr double lowest = std::numeric_limits<int>::min();
        constexpr double highest = std::numeric_limits<int>::max();
        if (!(value >= lowest && value <= highest)) {
            problem(member(path, key), QStringLiteral("\"%1\" is out of range (%2 to %3)")
                                           .arg(QLatin1String(key))
                                           .arg(std::numeric_limits<int>::min())
                                           .arg(std::numeric_limits<int>::max()));
            return 0;
        }
        if (value != std::trunc(value)) {
            problem(member(path, key),
                    QStringLiteral("\"%1\" must be a whole number").arg(QLatin1String(key)));
        }
        return static_cast<int>(value);
    }

    bool boolean(const QJsonObject& object, const char* key, const QString& path) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isBool()) {
            problem(member(path, key),
                    value.isUndefined()
                        ? QStringLiteral("missing \"%1\"").arg(QLatin1String(key))
                        : QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(key)));
            return false;
        }
        return value.toBool();
    }

    QStringList texts(const QJsonObject& object, const char* key, const QString& path) {
        QStringList list;
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined()) {
            return list;
        }
        const QJsonArray items = array(value, member(path, key));
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items[i].isString()) {
                problem(QStringLiteral("%1[%2]").arg(member(path, key)).arg(i),
                        QStringLiteral("expected text in quotes"));
            }
            list.append(items[i].toString());
        }
        return list;
    }

    static QString member(const QString& path, const char* key) {
        return path + QLatin1Char('.') + QLatin1String(key);
    }
    static QString element(const QString& path, qsizetype index) {
        return QStringLiteral("%1[%2]").arg(path).arg(index);
    }

private:
    std::vector<JsonProblem>& m_problems;
};

// --- writing ---------------------------------------------------------------

QJsonValue tiersJson(const Matrix& matrix) {
    QJsonArray array;
    for (const TierDefinition& tier : matrix.tiers) {
        array.append(QJsonObject{
            {QStringLiteral("level"), tier.level},
            {QStringLiteral("name"), tier.name},
            {QStringLiteral("responsibility"), tier.responsibility},
            {QStringLiteral("owner"), tier.owner},
            {QStringLiteral("backup"), tier.backup},
            {QStringLiteral("channel"), tier.channel},
            {QStringLiteral("key_triggers"), stringArray(tier.keyTriggers)},
            {QStringLiteral("escalation"), tier.escalation == TierDefinition::Escalation::Functional
                                               ? QStringLiteral("functional")
                                               : QStringLiteral("hierarchical")},
            {QStringLiteral("optional"), tier.optional},
            {QStringLiteral("engineering"), tier.engineering},
        });
    }
    return array;
}

QJsonValue rulesJson(const Matrix& matrix) {
    QJsonArray array;
    for (const SeverityRule& rule : matrix.rules) {
        QJsonArray conditions;
        for (const Condition& condition : rule.conditions) {
            conditions.append(QJsonObject{{QStringLiteral("field"), condition.field},
                                          {QStringLiteral("operator"), operatorName(condition.op)},
                                          {QStringLiteral("value"), condition.value}});
        }
        array.append(QJsonObject{{QStringLiteral("name"), rule.name},
                                 {QStringLiteral("conditions"), conditions},
                                 {QStringLiteral("priority"), rule.priority},
                                 {QStringLiteral("target_tier"), rule.targetTier},
                                 {QStringLiteral("action"), rule.action}});
    }
    return array;
}

QJsonValue policiesJson(const Matrix& matrix) {
    QJsonArray array;
    for (const sla::SlaPolicy& policy : matrix.policies) {
        array.append(
            QJsonObject{{QStringLiteral("customer_tier"), policy.customerTier},
                        {QStringLiteral("priority"), policy.priority},
                        {QStringLiteral("first_response_min"), policy.firstResponseMin},
                        {QStringLiteral("resolution_min"), policy.resolutionMin},
                        {QStringLiteral("claim_min"), policy.claimMin},
                        {QStringLiteral("calendar"), policy.calendar},
                        {QStringLiteral("pausing_statuses"), stringArray(policy.pausingStatuses)}});
    }
    return array;
}

QJsonObject holidayJson(const sla::Holiday& holiday) {
    QJsonObject object{{QStringLiteral("name"), holiday.name}};
    switch (holiday.kind) {
    case sla::Holiday::Kind::Date:
        object.insert(QStringLiteral("kind"), QStringLiteral("date"));
        object.insert(QStringLiteral("date"), holiday.date.toString(Qt::ISODate));
        break;
    case sla::Holiday::Kind::Yearly:
        object.insert(QStringLiteral("kind"), QStringLiteral("yearly"));
        object.insert(QStringLiteral("month"), holiday.month);
        object.insert(QStringLiteral("day"), holiday.day);
        break;
    case sla::Holiday::Kind::NthWeekday:
        object.insert(QStringLiteral("kind"), QStringLiteral("nth_weekday"));
        object.insert(QStringLiteral("nth"), holiday.nth);
        object.insert(QStringLiteral("weekday"), weekdayKey(holiday.weekday));
        object.insert(QStringLiteral("month"), holiday.month);
        break;
    case sla::Holiday::Kind::LastWeekday:
        object.insert(QStringLiteral("kind"), QStringLiteral("last_weekday"));
        object.insert(QStringLiteral("weekday"), weekdayKey(holiday.weekday));
        object.insert(QStringLiteral("month"), holiday.month);
        break;
    }
    object.insert(QStringLiteral("rule"), holiday.describe()); // for readers; ignored on import
    return object;
}

QJsonValue calendarsJson(const Matrix& matrix) {
    QJsonArray array;
    for (const sla::BusinessCalendar& calendar : matrix.calendars) {
        // A list, Monday first, so the week reads in order (object keys would
        // be sorted alphabetically).
        QJsonArray hours;
        for (int day = 0; day < 7; ++day) {
            QJsonArray spans;
            for (const sla::OpeningHours& opening : calendar.week[day]) {
                spans.append(clockText(opening.openSecond) + QLatin1Char('-') +
                             clockText(opening.closeSecond));
            }
            hours.append(QJsonObject{{QStringLiteral("day"), QLatin1String(dayKeys[day])},
                                     {QStringLiteral("open"), spans}});
        }
        QJsonArray holidays;
        for (const sla::Holiday& holiday : calendar.holidays) {
            holidays.append(holidayJson(holiday));
        }
        array.append(QJsonObject{{QStringLiteral("name"), calendar.name},
                                 {QStringLiteral("time_zone"), calendar.timeZone},
                                 {QStringLiteral("round_the_clock"), calendar.roundTheClock},
                                 {QStringLiteral("hours"), hours},
                                 {QStringLiteral("holidays"), holidays}});
    }
    return array;
}

QJsonValue checklistsJson(const Matrix& matrix) {
    QJsonArray array;
    for (const Checklist& checklist : matrix.checklists) {
        QJsonArray items;
        for (const ChecklistItem& item : checklist.items) {
            items.append(QJsonObject{{QStringLiteral("id"), item.id},
                                     {QStringLiteral("text"), item.text},
                                     {QStringLiteral("required"), item.required}});
        }
        array.append(QJsonObject{{QStringLiteral("from_tier"), checklist.fromTier},
                                 {QStringLiteral("to_tier"), checklist.toTier},
                                 {QStringLiteral("items"), items}});
    }
    return array;
}

QJsonValue taxonomyJson(const Matrix& matrix) {
    QJsonArray array;
    for (const RootCauseCategory& category : matrix.taxonomy) {
        array.append(QJsonObject{{QStringLiteral("name"), category.name},
                                 {QStringLiteral("recommended_action"), category.recommendedAction},
                                 {QStringLiteral("avoidable"), category.avoidable}});
    }
    return array;
}

QJsonValue costJson(const Matrix& matrix) {
    const CostParameters& cost = matrix.cost;
    return QJsonObject{{QStringLiteral("currency"), cost.currency},
                       {QStringLiteral("agent_cost_per_hour"), cost.agentCostPerHour},
                       {QStringLiteral("engineer_cost_per_hour"), cost.engineerCostPerHour},
                       {QStringLiteral("interruption_minutes"), cost.interruptionMinutes},
                       {QStringLiteral("recovery_minutes"), cost.recoveryMinutes}};
}

// --- reading ---------------------------------------------------------------

void readTiers(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString root = QStringLiteral("tiers");
    const QJsonArray array = reader.array(json, root);
    matrix.tiers.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = Reader::element(root, i);
        const QJsonObject object = reader.object(array[i], path);
        TierDefinition tier;
        tier.level = reader.integer(object, "level", path);
        tier.name = reader.text(object, "name", path);
        tier.responsibility = reader.text(object, "responsibility", path, false);
        tier.owner = reader.text(object, "owner", path, false);
        tier.backup = reader.text(object, "backup", path, false);
        tier.channel = reader.text(object, "channel", path, false);
        tier.keyTriggers = reader.texts(object, "key_triggers", path);
        const QString escalation = reader.text(object, "escalation", path);
        if (escalation == QLatin1String("functional")) {
            tier.escalation = TierDefinition::Escalation::Functional;
        } else if (escalation == QLatin1String("hierarchical")) {
            tier.escalation = TierDefinition::Escalation::Hierarchical;
        } else if (!escalation.isEmpty()) {
            reader.problem(Reader::member(path, "escalation"),
                           QStringLiteral("\"escalation\" must be \"functional\" or "
                                          "\"hierarchical\""));
        }
        tier.optional =
            object.contains(QLatin1String("optional")) && reader.boolean(object, "optional", path);
        // Absent in files and stored sections written before the mark
        // (matrix file version 1): the default, Tier 3.
        tier.engineering = object.contains(QLatin1String("engineering"))
                               ? reader.boolean(object, "engineering", path)
                               : defaultEngineeringMark(tier.level);
        matrix.tiers.push_back(tier);
    }
}

void readRules(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString root = QStringLiteral("severity_rules");
    const QJsonArray array = reader.array(json, root);
    matrix.rules.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = Reader::element(root, i);
        const QJsonObject object = reader.object(array[i], path);
        SeverityRule rule;
        rule.name = reader.text(object, "name", path);
        rule.priority = reader.text(object, "priority", path);
        rule.targetTier = reader.integer(object, "target_tier", path);
        rule.action = reader.text(object, "action", path, false);
        const QString conditionsPath = Reader::member(path, "conditions");
        const QJsonArray conditions =
            reader.array(object.value(QLatin1String("conditions")), conditionsPath);
        for (qsizetype c = 0; c < conditions.size(); ++c) {
            const QString where = Reader::element(conditionsPath, c);
            const QJsonObject item = reader.object(conditions[c], where);
            Condition condition;
            condition.field = reader.text(item, "field", where);
            const QString op = reader.text(item, "operator", where);
            if (const auto parsed = parseOperator(op)) {
                condition.op = *parsed;
            } else if (!op.isEmpty()) {
                reader.problem(Reader::member(where, "operator"),
                               QStringLiteral("unknown operator \"%1\"; use equals, one_of, "
                                              "contains_word, matches_any_keyword, at_least, "
                                              "at_most, within or is_empty")
                                   .arg(op));
            }
            condition.value = reader.text(item, "value", where, false);
            rule.conditions.push_back(condition);
        }
        matrix.rules.push_back(rule);
    }
}

void readPolicies(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString root = QStringLiteral("sla_policies");
    const QJsonArray array = reader.array(json, root);
    matrix.policies.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = Reader::element(root, i);
        const QJsonObject object = reader.object(array[i], path);
        sla::SlaPolicy policy;
        policy.customerTier = reader.text(object, "customer_tier", path);
        policy.priority = reader.text(object, "priority", path);
        policy.firstResponseMin = reader.integer(object, "first_response_min", path);
        policy.resolutionMin = reader.integer(object, "resolution_min", path);
        policy.claimMin = reader.integer(object, "claim_min", path);
        policy.calendar = reader.text(object, "calendar", path);
        policy.pausingStatuses = reader.texts(object, "pausing_statuses", path);
        matrix.policies.push_back(policy);
    }
}

sla::Holiday readHoliday(const QJsonObject& object, const QString& path, Reader& reader) {
    sla::Holiday holiday;
    holiday.name = reader.text(object, "name", path, false);
    const QString kind = reader.text(object, "kind", path);
    auto weekday = [&] {
        const QString key = reader.text(object, "weekday", path);
        const auto day = weekdayOfKey(key);
        if (!day && !key.isEmpty()) {
            reader.problem(Reader::member(path, "weekday"),
                           QStringLiteral("\"%1\" is not a weekday; use monday … sunday").arg(key));
        }
        return day.value_or(1);
    };
    if (kind == QLatin1String("date")) {
        holiday.kind = sla::Holiday::Kind::Date;
        const QString text = reader.text(object, "date", path);
        holiday.date = QDate::fromString(text, Qt::ISODate);
        if (!holiday.date.isValid() && !text.isEmpty()) {
            reader.problem(Reader::member(path, "date"),
                           QStringLiteral("\"%1\" is not a date in the form YYYY-MM-DD").arg(text));
        }
    } else if (kind == QLatin1String("yearly")) {
        holiday.kind = sla::Holiday::Kind::Yearly;
        holiday.month = reader.integer(object, "month", path);
        holiday.day = reader.integer(object, "day", path);
    } else if (kind == QLatin1String("nth_weekday")) {
        holiday.kind = sla::Holiday::Kind::NthWeekday;
        holiday.nth = reader.integer(object, "nth", path);
        holiday.weekday = weekday();
        holiday.month = reader.integer(object, "month", path);
    } else if (kind == QLatin1String("last_weekday")) {
        holiday.kind = sla::Holiday::Kind::LastWeekday;
        holiday.weekday = weekday();
        holiday.month = reader.integer(object, "month", path);
    } else if (!kind.isEmpty()) {
        reader.problem(Reader::member(path, "kind"),
                       QStringLiteral("unknown holiday kind \"%1\"; use date, yearly, nth_weekday "
                                      "or last_weekday")
                           .arg(kind));
    }
    return holiday;
}

void readCalendars(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString root = QStringLiteral("calendars");
    const QJsonArray array = reader.array(json, root);
    matrix.calendars.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = Reader::element(root, i);
        const QJsonObject object = reader.object(array[i], path);
        sla::BusinessCalendar calendar;
        calendar.name = reader.text(object, "name", path);
        calendar.timeZone = reader.text(object, "time_zone", path);
        calendar.roundTheClock = reader.boolean(object, "round_the_clock", path);
        const QString hoursPath = Reader::member(path, "hours");
        const QJsonArray hours = object.contains(QLatin1String("hours"))
                                     ? reader.array(object.value(QLatin1String("hours")), hoursPath)
                                     : QJsonArray();
        std::array<bool, 7> seenDays{};
        for (qsizetype d = 0; d < hours.size(); ++d) {
            const QString dayPath = Reader::element(hoursPath, d);
            const QJsonObject entry = reader.object(hours[d], dayPath);
            const QString dayName = reader.text(entry, "day", dayPath);
            const auto weekday = weekdayOfKey(dayName);
            if (!weekday) {
                if (!dayName.isEmpty()) {
                    reader.problem(Reader::member(dayPath, "day"),
                                   QStringLiteral("\"%1\" is not a weekday; use monday … sunday")
                                       .arg(dayName));
                }
                continue;
            }
            if (seenDays[*weekday - 1]) {
                reader.problem(Reader::member(dayPath, "day"),
                               QStringLiteral("%1 is listed twice; give all its hours in one "
                                              "entry")
                                   .arg(dayName));
                continue;
            }
            seenDays[*weekday - 1] = true;
            const QString openPath = Reader::member(dayPath, "open");
            const QStringList spans = reader.texts(entry, "open", dayPath);
            for (qsizetype k = 0; k < spans.size(); ++k) {
                const QStringList ends = spans[k].split(QLatin1Char('-'));
                const auto open = ends.size() == 2 ? parseClock(ends[0]) : std::nullopt;
                const auto close = ends.size() == 2 ? parseClock(ends[1]) : std::nullopt;
                if (!open || !close) {
                    reader.problem(Reader::element(openPath, k),
                                   QStringLiteral("\"%1\" is not opening hours in the form "
                                                  "HH:MM-HH:MM")
                                       .arg(spans[k]));
                    continue;
                }
                calendar.week[*weekday - 1].push_back({*open, *close});
            }
        }
        const QString holidaysPath = Reader::member(path, "holidays");
        const QJsonArray holidays =
            object.contains(QLatin1String("holidays"))
                ? reader.array(object.value(QLatin1String("holidays")), holidaysPath)
                : QJsonArray();
        for (qsizetype h = 0; h < holidays.size(); ++h) {
            const QString where = Reader::element(holidaysPath, h);
            calendar.holidays.push_back(
                readHoliday(reader.object(holidays[h], where), where, reader));
        }
        matrix.calendars.push_back(calendar);
    }
}

void readChecklists(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString root = QStringLiteral("checklists");
    const QJsonArray array = reader.array(json, root);
    matrix.checklists.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = Reader::element(root, i);
        const QJsonObject object = reader.object(array[i], path);
        Checklist checklist;
        checklist.fromTier = reader.integer(object, "from_tier", path);
        checklist.toTier = reader.integer(object, "to_tier", path);
        const QString itemsPath = Reader::member(path, "items");
        const QJsonArray items = reader.array(object.value(QLatin1String("items")), itemsPath);
        for (qsizetype k = 0; k < items.size(); ++k) {
            const QString where = Reader::element(itemsPath, k);
            const QJsonObject item = reader.object(items[k], where);
            checklist.items.push_back({reader.text(item, "id", where),
                                       reader.text(item, "text", where),
                                       reader.boolean(item, "required", where)});
        }
        matrix.checklists.push_back(checklist);
    }
}

void readTaxonomy(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString root = QStringLiteral("taxonomy");
    const QJsonArray array = reader.array(json, root);
    matrix.taxonomy.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = Reader::element(root, i);
        const QJsonObject object = reader.object(array[i], path);
        RootCauseCategory category{reader.text(object, "name", path),
                                   reader.text(object, "recommended_action", path, false)};
        // Absent before the mark (matrix file version 1): the default set.
        category.avoidable = object.contains(QLatin1String("avoidable"))
                                 ? reader.boolean(object, "avoidable", path)
                                 : defaultAvoidableMark(category.name);
        matrix.taxonomy.push_back(category);
    }
}

void readCost(const QJsonValue& json, Matrix& matrix, Reader& reader) {
    const QString path = QStringLiteral("cost");
    const QJsonObject object = reader.object(json, path);
    CostParameters& cost = matrix.cost;
    cost.currency = reader.text(object, "currency", path, false);
    cost.agentCostPerHour = reader.number(object, "agent_cost_per_hour", path);
    cost.engineerCostPerHour = reader.number(object, "engineer_cost_per_hour", path);
    cost.interruptionMinutes = reader.number(object, "interruption_minutes", path);
    cost.recoveryMinutes = reader.number(object, "recovery_minutes", path);
}

} // namespace

QString sectionKey(MatrixSection section) {
    switch (section) {
    case MatrixSection::Tiers:
        return QStringLiteral("tiers");
    case MatrixSection::SeverityRules:
        return QStringLiteral("severity_rules");
    case MatrixSection::SlaPolicies:
        return QStringLiteral("sla_policies");
    case MatrixSection::Calendars:
        return QStringLiteral("calendars");
    case MatrixSection::Checklists:
        return QStringLiteral("checklists");
    case MatrixSection::Taxonomy:
        return QStringLiteral("taxonomy");
    case MatrixSection::Cost:
        return QStringLiteral("cost");
    }
    return {};
}

QString sectionTitle(MatrixSection section) {
    switch (section) {
    case MatrixSection::Tiers:
        return QStringLiteral("Tiers");
    case MatrixSection::SeverityRules:
        return QStringLiteral("Severity rules");
    case MatrixSection::SlaPolicies:
        return QStringLiteral("SLA policies");
    case MatrixSection::Calendars:
        return QStringLiteral("Calendars");
    case MatrixSection::Checklists:
        return QStringLiteral("Checklists");
    case MatrixSection::Taxonomy:
        return QStringLiteral("Root-cause taxonomy");
    case MatrixSection::Cost:
        return QStringLiteral("Cost parameters");
    }
    return {};
}

std::optional<MatrixSection> sectionOfKey(const QString& key) {
    for (const MatrixSection section : allSections) {
        if (sectionKey(section) == key) {
            return section;
        }
    }
    return std::nullopt;
}

QJsonValue sectionToJson(const Matrix& matrix, MatrixSection section) {
    switch (section) {
    case MatrixSection::Tiers:
        return tiersJson(matrix);
    case MatrixSection::SeverityRules:
        return rulesJson(matrix);
    case MatrixSection::SlaPolicies:
        return policiesJson(matrix);
    case MatrixSection::Calendars:
        return calendarsJson(matrix);
    case MatrixSection::Checklists:
        return checklistsJson(matrix);
    case MatrixSection::Taxonomy:
        return taxonomyJson(matrix);
    case MatrixSection::Cost:
        return costJson(matrix);
    }
    return {};
}

void sectionFromJson(const QJsonValue& json, MatrixSection section, Matrix& matrix,
                     std::vector<JsonProblem>& problems) {
    Reader reader(problems);
    switch (section) {
    case MatrixSection::Tiers:
        return readTiers(json, matrix, reader);
    case MatrixSection::SeverityRules:
        return readRules(json, matrix, reader);
    case MatrixSection::SlaPolicies:
        return readPolicies(json, matrix, reader);
    case MatrixSection::Calendars:
        return readCalendars(json, matrix, reader);
    case MatrixSection::Checklists:
        return readChecklists(json, matrix, reader);
    case MatrixSection::Taxonomy:
        return readTaxonomy(json, matrix, reader);
    case MatrixSection::Cost:
        return readCost(json, matrix, reader);
    }
}

} // namespace escdesk::matrix

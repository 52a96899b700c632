#include "import/ColumnMapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::import {

namespace {

using Values = std::map<std::string, std::string>;

FieldSource source(const char* field, QStringList columns,
                   std::optional<TimestampForm> form = std::nullopt, Values values = {}) {
    return {QString::fromLatin1(field), std::move(columns), form, std::move(values)};
}

// Zendesk Support's CSV ticket export (Admin Center > Reports > Export).
// "First reply time in minutes" and the other durations stay attributes.
ColumnMapping zendesk() {
    return {
        QStringLiteral("zendesk"),
        ImportKind::Tickets,
        DateOrder::Unknown,
        {
            source("ticket_id", {QStringLiteral("Id")}),
            source("created_at", {QStringLiteral("Created at")}),
            source("resolved_at", {QStringLiteral("Solved at")}),
            source("status", {QStringLiteral("Status")}),
            source(
                "priority", {QStringLiteral("Priority")}, std::nullopt,
                {{"urgent", "Critical"}, {"high", "High"}, {"normal", "Medium"}, {"low", "Low"}}),
            source("channel", {QStringLiteral("Via")}),
            source("account_id", {QStringLiteral("Organization")}),
            source("subject", {QStringLiteral("Subject")}),
            source("assignee", {QStringLiteral("Assignee")}),
            source("group", {QStringLiteral("Group")}),
            source("reason_code", {QStringLiteral("Ticket type")}),
            source("tags", {QStringLiteral("Tags")}),
        }};
}

// Jira Service Management's "Export Excel CSV (all fields)": repeated Labels
// and Component/s columns, dates like 22/Nov/26 3:04 PM.
ColumnMapping jira() {
    const auto form = TimestampForm::Jira;
    return {QStringLiteral("jira"),
            ImportKind::Tickets,
            DateOrder::Unknown,
            {
                source("ticket_id", {QStringLiteral("Issue key")}),
                source("created_at", {QStringLiteral("Created")}, form),
                source("resolved_at", {QStringLiteral("Resolved")}, form),
                source("status", {QStringLiteral("Status")}),
                source("priority", {QStringLiteral("Priority")}, std::nullopt,
                       {{"highest", "Critical"},
                        {"high", "High"},
                        {"medium", "Medium"},
                        {"low", "Low"},
                        {"lowest", "Low"}}),
                source("account_id", {QStringLiteral("Custom field (Organizations)")}),
                source("product_area", {QStringLiteral("Component/s")}),
                source("subject", {QStringLiteral("Summary")}),
                source("description", {QStringLiteral("Description")}),
                source("assignee", {QStringLiteral("Assignee")}),
                source("reason_code", {QStringLiteral("Custom field (Request Type)")}),
                source("resolution_type", {QStringLiteral("Resolution")}),
                source("tags", {QStringLiteral("Labels")}),
            }};
}

// Freshdesk's ticket export (Tickets > Export, CSV).
ColumnMapping freshdesk() {
    return {
        QStringLiteral("freshdesk"),
        ImportKind::Tickets,
        DateOrder::Unknown,
        {
            source("ticket_id", {QStringLiteral("Ticket ID")}),
            source("created_at", {QStringLiteral("Created time")}),
            source("first_response_at", {QStringLiteral("Initial response time")}),
            source("resolved_at", {QStringLiteral("Resolved time")}),
            source("closed_at", {QStringLiteral("Closed time")}),
            source("status", {QStringLiteral("Status")}),
            source(
                "priority", {QStringLiteral("Priority")}, std::nullopt,
                {{"urgent", "Critical"}, {"high", "High"}, {"medium", "Medium"}, {"low", "Low"}}),
            source("channel", {QStringLiteral("Source")}),
            source("account_id", {QStringLiteral("Company Name")}),
            source("product_area", {QStringLiteral("Product")}),
            source("reason_code", {QStringLiteral("Type")}),
            source("subject", {QStringLiteral("Subject")}),
            source("description", {QStringLiteral("Description")}),
            source("assignee", {QStringLiteral("Agent")}),
            source("group", {QStringLiteral("Group")}),
            source("tags", {QStringLiteral("Tags")}),
        }};
}

// ServiceNow's incident list export (List > Export > CSV): field names as
// headers (number, opened_at, ...) or, from some instances, their labels;
// naive times in the exporting user's zone (give it with --source-tz).
ColumnMapping serviceNow() {
    return {QStringLiteral("servicenow"),
            ImportKind::Tickets,
            DateOrder::Unknown,
            {
                source("ticket_id", {QStringLiteral("number")}),
                source("created_at", {QStringLiteral("opened_at"), QStringLiteral("Opened")}),
                source("resolved_at", {QStringLiteral("resolved_at"), QStringLiteral("Resolved")}),
                source("closed_at", {QStringLiteral("closed_at"), QStringLiteral("Closed")}),
                source("status", {QStringLiteral("state")}),
                source("priority", {QStringLiteral("priority")}, std::nullopt,
                       {{"1 - critical", "Critical"},
                        {"2 - high", "High"},
                        {"3 - moderate", "Medium"},
                        {"4 - low", "Low"},
                        {"5 - planning", "Low"}}),
                source("channel", {QStringLiteral("contact_type"), QStringLiteral("Channel")}),
                source("account_id", {QStringLiteral("company")}),
                source("product_area", {QStringLiteral("category")}),
                source("reason_code", {QStringLiteral("subcategory")}),
                source("subject", {QStringLiteral("short_description")}),
                source("description", {QStringLiteral("description")}),
                source("assignee", {QStringLiteral("assigned_to")}),
                source("group", {QStringLiteral("assignment_group")}),
                source("resolution_type",
                       {QStringLiteral("close_code"), QStringLiteral("Resolution code")}),
                source("resolution_notes",
                       {QStringLiteral("close_notes"), QStringLiteral("Resolution notes")}),
            }};
}

std::optional<TimestampForm> formNamed(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("iso")) {
        return TimestampForm::Iso8601;
    }
    if (n == QLatin1String("mdy")) {
        return TimestampForm::SlashMonthFirst;
    }
    if (n == QLatin1String("dmy")) {
        return TimestampForm::SlashDayFirst;
    }
    if (n == QLatin1String("dotted")) {
        return TimestampForm::Dotted;
    }
    if (n == QLatin1String("jira")) {
        return TimestampForm::Jira;
    }
    if (n == QLatin1String("epoch")) {
        return TimestampForm::EpochSeconds;
    }
    if (n == QLatin1String("epoch_ms")) {
        return TimestampForm::EpochMillis;
    }
    return std::nullopt;
}

QStringList stringsOf(const QJsonValue& value) {
    QStringList strings;
    if (value.isString()) {
        strings << value.toString();
    }
    for (const QJsonValue& item : value.toArray()) {
        strings << item.toString();
    }
    strings.removeAll(QString());
    return strings;
}

} // namespace

FieldSource readFieldSource(const QString& field, const QJsonValue& spec, const QString& path) {
    FieldSource source;
    source.field = field.trimmed().toLower();
    if (spec.isObject()) {
        const QJsonObject object = spec.toObject();
        source.columns = stringsOf(object.value(QStringLiteral("column")));
        source.columns += stringsOf(object.value(QStringLiteral("columns")));
        if (object.contains(QStringLiteral("format"))) {
            const QString format = object.value(QStringLiteral("format")).toString();
            source.form = formNamed(format);
            if (!source.form) {
                throw MappingError(
                    QStringLiteral("The mapping file %1: field %2 has format \"%3\"; use "
                                   "iso, mdy, dmy, dotted, jira, epoch or epoch_ms.")
                        .arg(path, source.field, format));
            }
        }
        const QJsonObject values = object.value(QStringLiteral("values")).toObject();
        for (auto v = values.begin(); v != values.end(); ++v) {
            source.values.emplace(v.key().trimmed().toLower().toStdString(),
                                  v.value().toString().toStdString());
        }
    } else {
        source.columns = stringsOf(spec);
    }
    if (source.columns.isEmpty()) {
        throw MappingError(QStringLiteral("The mapping file %1: field %2 names no source "
                                          "column.")
                               .arg(path, source.field));
    }
    return source;
}

const FieldSource* ColumnMapping::sourceOf(const QString& field) const {
    for (const FieldSource& source : fields) {
        if (source.field == field) {
            return &source;
        }
    }
    return nullptr;
}

QStringList presetNames() {
    return {QStringLiteral("zendesk"), QStringLiteral("jira"), QStringLiteral("freshdesk"),
            QStringLiteral("servicenow")};
}

std::optional<ColumnMapping> presetMapping(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("zendesk")) {
        return zendesk();
    }
    if (n == QLatin1String("jira") || n == QLatin1String("jira-service-management")) {
        return jira();
    }
    if (n == QLatin1String("freshdesk")) {
        return freshdesk();
    }
    if (n == QLatin1String("servicenow")) {
        return serviceNow();
    }
    return std::nullopt;
}

ColumnMapping readMappingFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw MappingError(
            QStringLiteral("Cannot read the mapping file %1: %2").arg(path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (document.isNull() || !document.isObject()) {
        throw MappingError(QStringLiteral("The mapping file %1 is not a JSON object: %2 (at byte "
                                          "%3)")
                               .arg(path, parseError.errorString())
                               .arg(parseError.offset));
    }
    const QJsonObject root = document.object();
    ColumnMapping mapping;
    mapping.name = root.value(QStringLiteral("name")).toString();
    if (mapping.name.isEmpty()) {
        mapping.name = path.section(QLatin1Char('/'), -1);
    }
    const auto kind = parseImportKind(root.value(QStringLiteral("kind")).toString());
    if (!kind) {
        throw MappingError(QStringLiteral("The mapping file %1 needs \"kind\": tickets, events, "
                                          "accounts or known-issues.")
                               .arg(path));
    }
    mapping.kind = *kind;
    const QString order = root.value(QStringLiteral("date_order")).toString().toLower();
    if (order == QLatin1String("dmy")) {
        mapping.dateOrder = DateOrder::DayFirst;
    } else if (order == QLatin1String("mdy")) {
        mapping.dateOrder = DateOrder::MonthFirst;
    } else if (!order.isEmpty()) {
        throw MappingError(QStringLiteral("The mapping file %1: \"date_order\" is \"%2\"; use "
                                          "\"dmy\" or \"mdy\".")
                               .arg(path, order));
    }
    const QJsonObject fields = root.value(QStringLiteral("fields")).toObject();
    if (fields.isEmpty()) {
        throw MappingError(
            QStringLiteral("The mapping file %1 has no \"fields\" object.").arg(path));
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        mapping.fields.push_back(readFieldSource(it.key(), it.value(), path));
    }
    return mapping;
}

} // namespace escdesk::import

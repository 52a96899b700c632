#include "import/ColumnMapping.h"

#include "import/FieldValue.h"

#include <algorithm>
#include <cctype>

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

// Jira Service Management's issue-navigator CSV export ("Export Excel CSV
// (all fields)"), Cloud and Server / Data Center: repeated Labels and
// Component/s (Cloud: Components) columns are joined. Dates are written in
// the instance's "Complete Date/Time Format" (22/Nov/26 3:04 PM unless an
// administrator set another pattern), so each column's form is detected.
//
// Priorities: Jira's five default priorities are five levels (ids 1 to 5),
// named Highest, High, Medium, Low, Lowest in Cloud and Blocker, Critical,
// Major, Minor, Trivial in Server / Data Center; the default priority of a
// new issue is the middle one, Medium or Major. Each name maps by its level,
// so a ticket lands on the same canonical priority whichever names its
// instance uses: levels 1–3 are Critical, High, Medium, levels 4 and 5 both
// Low. A Jira "Critical" is level 2, below Blocker, and so High here; --map
// can say otherwise.
ColumnMapping jira() {
    return {
        QStringLiteral("jira"),
        ImportKind::Tickets,
        DateOrder::Unknown,
        {
            source("ticket_id", {QStringLiteral("Issue key")}),
            source("created_at", {QStringLiteral("Created")}),
            source("resolved_at", {QStringLiteral("Resolved")}),
            source("status", {QStringLiteral("Status")}),
            source("priority", {QStringLiteral("Priority")}, std::nullopt,
                   {{"highest", "Critical"},
                    {"blocker", "Critical"},
                    {"high", "High"},
                    {"critical", "High"},
                    {"medium", "Medium"},
                    {"major", "Medium"},
                    {"low", "Low"},
                    {"minor", "Low"},
                    {"lowest", "Low"},
                    {"trivial", "Low"}}),
            source("account_id", {QStringLiteral("Custom field (Organizations)")}),
            source("product_area", {QStringLiteral("Component/s"), QStringLiteral("Components")}),
            source("subject", {QStringLiteral("Summary")}),
            source("description", {QStringLiteral("Description")}),
            source("assignee", {QStringLiteral("Assignee")}),
            source("reason_code", {QStringLiteral("Custom field (Request Type)"),
                                   QStringLiteral("Custom field (Customer Request Type)")}),
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
// headers (number, opened_at, ...) or, from some instances, their labels.
// ServiceNow's documentation says a CSV export writes date-times as stored
// (UTC); an Excel export, or a CSV made from one, has the exporting user's
// zone and date format (give the zone with --source-tz). The public incident
// event log (UCI) calls the close code closed_code.
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
                       {QStringLiteral("close_code"), QStringLiteral("Resolution code"),
                        QStringLiteral("closed_code")}),
                source("resolution_notes",
                       {QStringLiteral("close_notes"), QStringLiteral("Resolution notes")}),
            }};
}

} // namespace

const FieldSource* ColumnMapping::sourceOf(const QString& field) const {
    for (const FieldSource& source : fields) {
        if (source.field == field) {
            return &source;
        }
    }
    return nullptr;
}

NullTokens::NullTokens(const QStringList& tokens) {
    for (const QString& token : tokens) {
        m_lower.push_back(token.trimmed().toLower().toStdString());
    }
    std::sort(m_lower.begin(), m_lower.end());
    m_lower.erase(std::unique(m_lower.begin(), m_lower.end()), m_lower.end());
}

bool NullTokens::matches(std::string_view value) const {
    if (m_lower.empty()) {
        return false;
    }
    value = trimBlanks(value);
    const bool ascii = std::all_of(value.begin(), value.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
        const std::string lower =
            QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()))
                .toLower()
                .toStdString();
        return std::binary_search(m_lower.begin(), m_lower.end(), lower);
    }
    return std::any_of(m_lower.begin(), m_lower.end(), [value](const std::string& token) {
        return token.size() == value.size() &&
               std::equal(token.begin(), token.end(), value.begin(), [](char t, char v) {
                   return t == static_cast<char>(std::tolower(static_cast<unsigned char>(v)));
               });
    });
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

} // namespace escdesk::import

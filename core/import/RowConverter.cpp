#include "import/RowConverter.h"

#include "import/FieldValue.h"
#include "import/TextEncoding.h"

#include <QDateTime>

#include <algorithm>

namespace escdesk::import {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// 2026-11-22T15:04:05Z
QString isoUtc(UtcSeconds instant) {
    return QDateTime::fromSecsSinceEpoch(instant, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

bool isBlank(std::string_view field) {
    return trimBlanks(field).empty();
}

} // namespace

bool mapsEscalationColumns(ImportKind kind, const HeaderMapping& header) {
    return kind == ImportKind::Tickets &&
           (header.fieldOf(columnIndex(ImportKind::Tickets, "escalated")) >= 0 ||
            header.fieldOf(columnIndex(ImportKind::Tickets, "escalated_at")) >= 0);
}

QString supersededEscalationSource(ImportKind kind, bool mapsEscalation,
                                   const EscalationFacts& facts) {
    if (kind == ImportKind::Tickets && mapsEscalation && facts.hasEventLog) {
        return QStringLiteral("the workspace has an event log, so escalation figures come from "
                              "it: this file's escalated and escalated_at are stored but not "
                              "used");
    }
    if (kind == ImportKind::Events && !facts.hasEventLog && facts.ticketsHoldEscalation) {
        return QStringLiteral("the tickets hold escalated and escalated_at from a tickets file; "
                              "from this import on, escalation figures come from the event "
                              "log instead");
    }
    return {};
}

RowConverter::RowConverter(const HeaderMapping& header, ConversionContext context)
    : m_header(header)
    , m_layout(header.layout())
    , m_context(std::move(context))
    , m_zone(m_context.sourceZone)
    , m_joined(m_layout.columns.size()) {}

// ---- Before conversion ----------------------------------------------------------

bool RowConverter::checkStructure(const CsvRecord& record) {
    m_problems.clear();
    if (findRaggedRow(record)) {
        return false;
    }
    if (m_context.damagedUtf8 && findDamagedText(record)) {
        return false;
    }
    return !findNulByte(record);
}

bool RowConverter::findRaggedRow(const CsvRecord& record) {
    const auto& fields = record.fields;
    const std::size_t expected = m_header.headerFields();
    // Trailing empty cells beyond the header are harmless (spreadsheets add them).
    const bool extraAreEmpty =
        std::all_of(fields.begin() + static_cast<std::ptrdiff_t>(std::min(fields.size(), expected)),
                    fields.end(), isBlank);
    if (fields.size() >= expected && extraAreEmpty) {
        return false;
    }
    m_problems.push_back({{},
                          {},
                          QStringLiteral("the row has %1 fields; the header row has %2")
                              .arg(fields.size())
                              .arg(expected)});
    return true;
}

QString RowConverter::sourceColumnName(std::size_t field) const {
    const QStringList& names = m_header.sourceHeader();
    return field < static_cast<std::size_t>(names.size()) ? names[static_cast<qsizetype>(field)]
                                                          : QString();
}

// A NUL byte in a text file (past the sample that would have called the
// file binary): the first field holding one. Stored, it would cut the value
// short wherever it is read as C text.
bool RowConverter::findNulByte(const CsvRecord& record) {
    for (std::size_t field = 0; field < record.fields.size(); ++field) {
        const std::string_view text = record.fields[field];
        const std::size_t nul = text.find('\0');
        if (nul == std::string_view::npos) {
            continue;
        }
        m_problems.push_back({sourceColumnName(field), text.substr(0, nul),
                              QStringLiteral("the value holds a NUL byte after '%1': a text export "
                                             "never does, so the file is damaged here")
                                  .arg(qs(text.substr(0, nul)))});
        return true;
    }
    return false;
}

// In a UTF-8 file with damaged bytes: the first field holding some.
bool RowConverter::findDamagedText(const CsvRecord& record) {
    for (std::size_t field = 0; field < record.fields.size(); ++field) {
        const std::string_view text = record.fields[field];
        const std::size_t valid = validUtf8Prefix(text);
        if (valid == text.size()) {
            continue;
        }
        m_damagedText = qs(text).toStdString(); // stored with U+FFFD for the bad bytes
        m_problems.push_back(
            {sourceColumnName(field), m_damagedText, damagedUtf8Reason(text, valid)});
        return true;
    }
    return false;
}

// ---- Conversion -----------------------------------------------------------------

bool RowConverter::convert(const CsvRecord& record) {
    m_problems.clear();
    const auto& columns = m_layout.columns;
    m_values.assign(columns.size(), Value{});
    for (std::size_t column = 0; column < columns.size(); ++column) {
        if (columns[column].type == FieldType::Attributes) {
            buildAttributes(record);
            if (!m_attributes.empty()) {
                m_values[column] = Value::ofText(m_attributes);
            }
            continue;
        }
        if (m_header.fieldOf(column) < 0) {
            continue;
        }
        m_values[column] = convertField(column, mappedText(column, record));
    }
    if (m_context.kind == ImportKind::Tickets) {
        checkTicketTimes();
    } else if (m_context.kind == ImportKind::Events) {
        checkEventTiers();
    }
    if (!rejectsRow(m_problems)) {
        noteSupersededEscalationSource();
    }
    return !rejectsRow(m_problems);
}

// The field's text after joining repeated source columns, reading null
// tokens as empty and replacing values by the mapping's value map.
std::string_view RowConverter::mappedText(std::size_t column, const CsvRecord& record) {
    std::string_view text = record.fields[static_cast<std::size_t>(m_header.fieldOf(column))];
    const NullTokens& nulls = m_header.nulls(column);
    if (const auto& joinedFields = m_header.joinedFields(column); !joinedFields.empty()) {
        std::string& joined = m_joined[column];
        joined.clear();
        for (const int field : joinedFields) {
            const std::string_view part =
                trimBlanks(record.fields[static_cast<std::size_t>(field)]);
            if (!part.empty() && !nulls.matches(part)) {
                joined += joined.empty() ? "" : ", ";
                joined += part;
            }
        }
        text = joined;
    } else if (nulls.matches(text)) {
        return {};
    }
    if (const auto* values = m_header.valueMap(column); values && !trimBlanks(text).empty()) {
        const std::string key = qs(trimBlanks(text)).toLower().toStdString();
        if (const auto found = values->find(key); found != values->end()) {
            text = found->second;
        }
    }
    return text;
}

// The extra source columns as one JSON object, keys in name order; a name
// that appears several times has its values joined.
void RowConverter::buildAttributes(const CsvRecord& record) {
    const std::vector<ExtraColumn>& extras = m_header.extras();
    m_attributes.clear();
    m_attributeValue.clear();
    for (std::size_t i = 0; i < extras.size(); ++i) {
        const ExtraColumn& extra = extras[i];
        const std::string_view text = record.fields[static_cast<std::size_t>(extra.field)];
        if (!text.empty()) {
            m_attributeValue += m_attributeValue.empty() ? "" : ", ";
            m_attributeValue += text;
        }
        const bool sameAsNext = i + 1 < extras.size() && extras[i + 1].jsonKey == extra.jsonKey;
        if (sameAsNext || m_attributeValue.empty()) {
            continue;
        }
        m_attributes += m_attributes.empty() ? '{' : ',';
        m_attributes += extra.jsonKey;
        m_attributes += ':';
        appendJsonString(m_attributes, m_attributeValue);
        m_attributeValue.clear();
    }
    if (!m_attributes.empty()) {
        m_attributes += '}';
    }
}

// A value that identifies the row (a required column) rejects it; any other
// is stored as empty with a warning, so one unreadable optional value loses
// nothing else.
Value RowConverter::unreadable(std::size_t column, std::string_view text, const QString& reason) {
    const ColumnSpec& spec = m_layout.columns[column];
    m_problems.push_back({qs(spec.header), text, reason, !spec.required});
    return {};
}

Value RowConverter::convertField(std::size_t column, std::string_view text) {
    const ColumnSpec& spec = m_layout.columns[column];
    if (isBlank(text)) {
        if (spec.required) {
            const QString header = qs(spec.header);
            m_problems.push_back({header, text, QStringLiteral("%1 is empty").arg(header)});
        }
        return {};
    }
    switch (spec.type) {
    case FieldType::Text:
    case FieldType::Attributes:
        return Value::ofText(text);
    case FieldType::Timestamp:
        return convertTimestamp(column, text);
    case FieldType::Tier:
        if (const auto tier = parseTier(text)) {
            return Value::ofInteger(*tier);
        }
        return unreadable(
            column, text,
            QStringLiteral("'%1' is not a tier (1 to 4, or T1, L2, Tier 3)").arg(qs(text)));
    case FieldType::Boolean:
        if (const auto flag = parseBoolean(text)) {
            return Value::ofInteger(*flag ? 1 : 0);
        }
        return unreadable(column, text,
                          QStringLiteral("'%1' is not true/false, yes/no or 1/0").arg(qs(text)));
    case FieldType::Number:
        if (const auto number = parseNumber(text)) {
            return Value::ofReal(*number);
        }
        return unreadable(column, text, QStringLiteral("'%1' is not a number").arg(qs(text)));
    case FieldType::Priority:
        if (const auto priority = parsePriority(text)) {
            return Value::ofText(*priority);
        }
        return unreadable(
            column, text,
            QStringLiteral("'%1' is not a priority (Critical, High, Medium, Low)").arg(qs(text)));
    case FieldType::EventName:
        if (const auto name = parseEventName(text)) {
            return Value::ofText(*name);
        }
        return unreadable(
            column, text,
            QStringLiteral("'%1' is not an event kind (escalated, claimed, started, decision, "
                           "bounced, info_requested, paused, resumed, resolved, reopened, "
                           "reassigned)")
                .arg(qs(text)));
    case FieldType::Date:
        if (isIsoDate(text)) {
            return Value::ofText(trimBlanks(text));
        }
        return unreadable(column, text,
                          QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(qs(text)));
    case FieldType::TimeZoneName:
        return convertTimeZoneName(column, text);
    case FieldType::TicketRef: {
        const std::string_view id = trimBlanks(text);
        if (const auto row = m_context.ticketRowOf ? m_context.ticketRowOf(id) : std::nullopt) {
            return Value::ofInteger(*row);
        }
        return unreadable(
            column, text,
            QStringLiteral("no ticket %1 in the workspace: import its ticket first").arg(qs(id)));
    }
    }
    return {};
}

Value RowConverter::convertTimestamp(std::size_t column, std::string_view text) {
    const auto& form = m_header.form(column);
    if (!form) {
        return unreadable(
            column, text,
            QStringLiteral("'%1' is not a date and time in a form Escalation Desk reads")
                .arg(qs(text)));
    }
    TimestampProblem problem;
    const auto parsed = parseTimestamp(text, *form, problem);
    if (!parsed) {
        return unreadable(column, text,
                          problem == TimestampProblem::OutOfRange
                              ? QStringLiteral("'%1' is not a valid date and time").arg(qs(text))
                              : QStringLiteral("'%1' is not in the column's form %2")
                                    .arg(qs(text), timestampFormName(*form)));
    }
    const UtcSeconds utc = parsed->naive ? m_zone.toUtc(parsed->seconds) : parsed->seconds;
    if (utc < 0) {
        return unreadable(column, text, QStringLiteral("'%1' is before 1970").arg(qs(text)));
    }
    if (utc > m_context.farFuture) {
        m_problems.push_back(
            {qs(m_layout.columns[column].header), text, farFutureReason(text), true});
    }
    return Value::ofInteger(utc);
}

Value RowConverter::convertTimeZoneName(std::size_t column, std::string_view text) {
    const std::string_view name = trimBlanks(text);
    // Asking Qt is slow; the names of a file are few.
    if (m_knownZones.count(name) == 0) {
        if (!QTimeZone::isTimeZoneIdAvailable(
                QByteArray(name.data(), static_cast<qsizetype>(name.size())))) {
            return unreadable(
                column, text,
                QStringLiteral("'%1' is not an IANA time zone (such as Europe/Berlin)")
                    .arg(qs(text)));
        }
        m_knownZones.emplace(name);
    }
    return Value::ofText(name);
}

// ---- Row checks -----------------------------------------------------------------

void RowConverter::checkTicketTimes() {
    static const std::size_t created = columnIndex(ImportKind::Tickets, "created_at");
    static const std::size_t later[] = {columnIndex(ImportKind::Tickets, "first_response_at"),
                                        columnIndex(ImportKind::Tickets, "resolved_at"),
                                        columnIndex(ImportKind::Tickets, "closed_at"),
                                        columnIndex(ImportKind::Tickets, "escalated_at")};
    const Value& createdAt = m_values[created];
    if (createdAt.kind != Value::Kind::Integer) {
        return;
    }
    for (const std::size_t column : later) {
        const Value& value = m_values[column];
        if (value.kind == Value::Kind::Integer && value.integer < createdAt.integer) {
            const QString header = qs(m_layout.columns[column].header);
            m_problems.push_back(
                {header,
                 {},
                 QStringLiteral("%1 (%2) is before created_at (%3); stored as empty")
                     .arg(header, isoUtc(value.integer), isoUtc(createdAt.integer)),
                 true});
            m_values[column] = {};
        }
    }
}

// An escalation rises a tier and a bounce falls one: an event that says
// otherwise (escalated 2→2, a "bounce" upward) contradicts itself, and no
// figure can be told from it.
void RowConverter::checkEventTiers() {
    static const std::size_t event = columnIndex(ImportKind::Events, "event");
    static const std::size_t fromTier = columnIndex(ImportKind::Events, "from_tier");
    static const std::size_t toTier = columnIndex(ImportKind::Events, "to_tier");
    const Value& from = m_values[fromTier];
    const Value& to = m_values[toTier];
    if (from.kind != Value::Kind::Integer || to.kind != Value::Kind::Integer ||
        m_values[event].kind != Value::Kind::Text) {
        return;
    }
    const std::string_view kind = m_values[event].text;
    const bool rises = to.integer > from.integer;
    const bool falls = to.integer < from.integer;
    if ((kind == "escalated" && !rises) || (kind == "bounced" && !falls)) {
        m_problems.push_back(
            {qs(m_layout.columns[toTier].header),
             {},
             QStringLiteral("%1 from tier %2 to tier %3: an escalation goes up a tier and a "
                            "bounce goes down one")
                 .arg(qs(kind))
                 .arg(from.integer)
                 .arg(to.integer)});
    }
}

// The warning of supersededEscalationSource() on the first row it
// concerns, once per file rather than on every row.
void RowConverter::noteSupersededEscalationSource() {
    if (m_context.supersededSource.isEmpty() || m_supersededSourceNoted) {
        return;
    }
    QString column;
    if (m_context.kind == ImportKind::Tickets) {
        for (const std::string_view name : {"escalated", "escalated_at"}) {
            if (m_values[columnIndex(ImportKind::Tickets, name)].kind != Value::Kind::Null) {
                column = qs(name);
                break;
            }
        }
        if (column.isEmpty()) {
            return; // this row says nothing about escalation
        }
    }
    m_problems.push_back({column, {}, m_context.supersededSource, true});
    m_supersededSourceNoted = true;
}

} // namespace escdesk::import

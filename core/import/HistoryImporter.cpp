#include "import/HistoryImporter.h"

#include "import/CsvReader.h"
#include "import/FieldValue.h"
#include "import/HeaderMapping.h"
#include "import/HistoryCases.h"
#include "import/MappingFile.h"
#include "import/RejectedRows.h"
#include "import/TableWriter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace escdesk::import {

namespace history {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool sameSnapshot(const Change& a, const Change& b) {
    return a.time == b.time && a.status == b.status && a.tier == b.tier && a.group == b.group &&
           a.priority == b.priority;
}

class StatusSet {
public:
    explicit StatusSet(const QStringList& names) {
        for (const QString& name : names) {
            m_names.push_back(name.trimmed().toLower().toStdString());
        }
    }
    bool contains(const std::string& status) const {
        const std::string lower = qs(status).trimmed().toLower().toStdString();
        return std::find(m_names.begin(), m_names.end(), lower) != m_names.end();
    }

private:
    std::vector<std::string> m_names;
};

// Reads a history export's change rows (HistoryCases.h).
class ChangeReader {
public:
    ChangeReader(const QString& path, const HistoryMapping& mapping, const ImportOptions& options,
                 bool afterNotUtf8)
        : m_path(path)
        , m_mapping(mapping)
        , m_options(options)
        , m_zone(options.sourceZone)
        , m_afterNotUtf8(afterNotUtf8) {
        const auto addNulls = [this](const FieldSource& source) {
            m_nulls.emplace(&source, NullTokens(nullsOf(&source, m_mapping.nulls)));
        };
        addNulls(mapping.caseId);
        addNulls(mapping.time);
        for (const auto* source :
             {&mapping.status, &mapping.tier, &mapping.group, &mapping.priority}) {
            if (*source) {
                addNulls(**source);
            }
        }
        for (const FieldSource& source : mapping.ticketFields) {
            addNulls(source);
        }
        for (const FieldSource& source : mapping.attributes) {
            addNulls(source);
        }
    }

    HistoryChanges read();

private:
    [[noreturn]] void refuse(std::int64_t line, const QString& column, const QString& reason) {
        throw ImportRefused(m_path, line, column, reason);
    }
    int findColumn(const std::vector<std::string>& header, const FieldSource& source,
                   bool required);
    void readHeader();
    void detectTimeForm();
    void readChanges();
    std::optional<Change> readChange(const CsvRecord& record);
    std::string_view mapped(const FieldSource& source, std::string_view text) const;
    bool isNull(const FieldSource& source, std::string_view text) const {
        return m_nulls.at(&source).matches(text);
    }

    QString m_path;
    const HistoryMapping& m_mapping;
    const ImportOptions& m_options;
    SourceTimeZone m_zone;
    bool m_afterNotUtf8; // a first read found bytes past the sample that are not UTF-8

    CsvDialect m_dialect;
    std::int64_t m_headerLine = 0;
    std::size_t m_headerFields = 0;
    QStringList m_headerNames;
    int m_caseField = -1;
    int m_timeField = -1;
    int m_statusField = -1;
    int m_tierField = -1;
    int m_groupField = -1;
    int m_priorityField = -1;
    std::vector<int> m_ticketFieldColumns;            // of mapping.ticketFields, in the file
    std::vector<int> m_attributeColumns;              // of mapping.attributes, in the file
    std::vector<std::string> m_attributeNames;        // their trimmed header names
    std::map<const FieldSource*, NullTokens> m_nulls; // of each column entry
    std::optional<TimestampForm> m_timeForm;

    std::vector<Rejection> m_rejections;
    // Later than this, a change time is kept with a warning.
    const UtcSeconds m_farFuture = farFutureFromNow();
    std::map<std::string, std::vector<Change>> m_cases;
    std::int64_t m_rows = 0;
    QByteArray m_sha256Hex;
};

int ChangeReader::findColumn(const std::vector<std::string>& header, const FieldSource& source,
                             bool required) {
    for (const QString& name : source.columns) {
        const std::string wanted = normalizedHeader(name.toStdString());
        for (std::size_t field = 0; field < header.size(); ++field) {
            if (normalizedHeader(header[field]) == wanted) {
                return static_cast<int>(field);
            }
        }
    }
    if (required && !m_mapping.path.isEmpty()) {
        // The mapping file is what names it: the refusal points there.
        throw ImportRefused(
            m_mapping.path, source.at.line, QString::number(source.at.column),
            missingColumnReason(source, QFileInfo(m_path).fileName(), m_headerLine, m_headerNames));
    }
    if (required) {
        refuse(
            m_headerLine, source.columns.first(),
            QStringLiteral("the %1 column '%2' named by the mapping %3 is missing from the "
                           "header row")
                .arg(source.field, source.columns.join(QStringLiteral("' or '")), m_mapping.name));
    }
    return -1;
}

void ChangeReader::readHeader() {
    if (!m_options.sourceZone.isValid()) {
        refuse(0, {}, invalidSourceZoneReason());
    }
    const CsvSniff sniff = sniffImportFile(m_path);
    if (sniff.records.empty()) {
        refuse(0, {}, QStringLiteral("the file is empty"));
    }
    m_dialect = readingDialect(sniff, m_afterNotUtf8);
    // The header is the first row naming the case column.
    const std::string caseName = normalizedHeader(m_mapping.caseId.columns.first().toStdString());
    std::size_t index = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(sniff.records.size(), 10); ++i) {
        const auto& record = sniff.records[i];
        if (std::any_of(record.begin(), record.end(), [&caseName](const std::string& cell) {
                return normalizedHeader(cell) == caseName;
            })) {
            index = i;
            break;
        }
    }
    const auto& header = sniff.records[index];
    m_headerLine = sniff.recordLines[index];
    m_headerFields = header.size();
    for (const std::string& cell : header) {
        m_headerNames << qs(trimBlanks(cell));
    }
    m_caseField = findColumn(header, m_mapping.caseId, true);
    m_timeField = findColumn(header, m_mapping.time, true);
    const auto optionalColumn = [&](const std::optional<FieldSource>& source) {
        return source ? findColumn(header, *source, true) : -1;
    };
    m_statusField = optionalColumn(m_mapping.status);
    m_tierField = optionalColumn(m_mapping.tier);
    m_groupField = optionalColumn(m_mapping.group);
    m_priorityField = optionalColumn(m_mapping.priority);
    for (const FieldSource& source : m_mapping.ticketFields) {
        m_ticketFieldColumns.push_back(findColumn(header, source, true));
    }
    for (const FieldSource& source : m_mapping.attributes) {
        const int field = findColumn(header, source, true);
        m_attributeColumns.push_back(field);
        m_attributeNames.emplace_back(trimBlanks(header[static_cast<std::size_t>(field)]));
    }
}

void ChangeReader::detectTimeForm() {
    if (m_mapping.time.form) {
        m_timeForm = m_mapping.time.form;
        return;
    }
    // The whole column: history exports are read into memory anyway, and
    // day/month order may show only late in the file.
    TimestampFormDetector detector;
    CsvReader reader(m_path, m_dialect);
    reader.setCancelFlag(m_options.cancel);
    reader.read([&](const CsvRecord& record) {
        const auto field = static_cast<std::size_t>(m_timeField);
        if (record.line > m_headerLine && field < record.fields.size() &&
            !isNull(m_mapping.time, record.fields[field])) {
            detector.add(record.fields[field]);
        }
        return true;
    });
    const DateOrder order =
        m_options.dateOrder != DateOrder::Unknown ? m_options.dateOrder : m_mapping.dateOrder;
    bool ambiguous = false;
    m_timeForm = detector.form(order, ambiguous);
    if (ambiguous) {
        refuse(0, m_mapping.time.columns.first(),
               QStringLiteral("the change times could be day/month or month/day (no day is "
                              "above 12); give the order with --date-order dmy or mdy"));
    }
}

std::string_view ChangeReader::mapped(const FieldSource& source, std::string_view text) const {
    if (isNull(source, text)) {
        return {};
    }
    const std::string_view trimmed = trimBlanks(text);
    if (!source.values.empty() && !trimmed.empty()) {
        const std::string key = qs(trimmed).toLower().toStdString();
        if (const auto found = source.values.find(key); found != source.values.end()) {
            return found->second;
        }
    }
    if (!source.patterns.empty() && !trimmed.empty()) {
        const QString value = qs(trimmed);
        for (const ValuePattern& pattern : source.patterns) {
            if (pattern.compiled.match(value).hasMatch()) {
                return pattern.value;
            }
        }
    }
    return trimmed;
}

std::optional<Change> ChangeReader::readChange(const CsvRecord& record) {
    const auto fieldText = [&record](int field) -> std::string_view {
        return field >= 0 ? record.fields[static_cast<std::size_t>(field)] : std::string_view{};
    };
    const auto reject = [&](const FieldSource& source, std::string_view value,
                            const QString& reason) {
        m_rejections.push_back({record.line, source.field, qs(value), reason});
        return std::nullopt;
    };
    // What does not identify the change only loses its own value: the rest
    // of the row's change is kept.
    const auto warn = [&](const FieldSource& source, std::string_view value,
                          const QString& reason) {
        m_rejections.push_back({record.line, source.field, qs(value), reason, true});
    };
    if (record.fields.size() < m_headerFields) {
        m_rejections.push_back({record.line,
                                {},
                                {},
                                QStringLiteral("the row has %1 fields; the header row has %2")
                                    .arg(record.fields.size())
                                    .arg(m_headerFields)});
        return std::nullopt;
    }
    if (m_dialect.damagedUtf8) {
        for (std::size_t field = 0; field < record.fields.size(); ++field) {
            const std::string_view text = record.fields[field];
            const std::size_t valid = validUtf8Prefix(text);
            if (valid < text.size()) {
                m_rejections.push_back({record.line,
                                        field < static_cast<std::size_t>(m_headerNames.size())
                                            ? m_headerNames[static_cast<qsizetype>(field)]
                                            : QString(),
                                        qs(text), damagedUtf8Reason(text, valid)});
                return std::nullopt;
            }
        }
    }
    Change change;
    change.line = record.line;
    if (trimBlanks(fieldText(m_caseField)).empty() ||
        isNull(m_mapping.caseId, fieldText(m_caseField))) {
        return reject(m_mapping.caseId, trimBlanks(fieldText(m_caseField)),
                      QStringLiteral("the case id is empty"));
    }
    const std::string_view timeText = fieldText(m_timeField);
    if (isNull(m_mapping.time, timeText)) {
        return reject(m_mapping.time, timeText,
                      QStringLiteral("'%1' is a null token, not a change time")
                          .arg(qs(trimBlanks(timeText))));
    }
    TimestampProblem problem = TimestampProblem::NotInForm;
    const auto parsed = m_timeForm ? parseTimestamp(timeText, *m_timeForm, problem) : std::nullopt;
    if (!parsed) {
        return reject(
            m_mapping.time, timeText,
            QStringLiteral("'%1' is not a change time%2")
                .arg(qs(timeText),
                     m_timeForm
                         ? QStringLiteral(" in the form %1").arg(timestampFormName(*m_timeForm))
                         : QString()));
    }
    change.time = parsed->naive ? m_zone.toUtc(parsed->seconds) : parsed->seconds;
    if (change.time < 0) {
        return reject(m_mapping.time, timeText,
                      QStringLiteral("'%1' is before 1970").arg(qs(timeText)));
    }
    if (change.time > m_farFuture) {
        warn(m_mapping.time, timeText, farFutureReason(timeText));
    }
    if (m_statusField >= 0) {
        change.status = mapped(*m_mapping.status, fieldText(m_statusField));
    }
    if (m_groupField >= 0) {
        change.group = mapped(*m_mapping.group, fieldText(m_groupField));
    }
    if (m_tierField >= 0) {
        const std::string_view tier = mapped(*m_mapping.tier, fieldText(m_tierField));
        if (!tier.empty()) {
            change.tier = parseTier(tier);
            if (!change.tier) {
                warn(*m_mapping.tier, fieldText(m_tierField),
                     QStringLiteral("'%1' is not a tier or support level (1 to 4; map other "
                                    "names in the mapping's \"values\"); the row's other "
                                    "changes are kept")
                         .arg(qs(fieldText(m_tierField))));
            }
        }
    }
    if (m_priorityField >= 0) {
        const std::string_view priority = mapped(*m_mapping.priority, fieldText(m_priorityField));
        if (!priority.empty()) {
            if (const auto canonical = parsePriority(priority)) {
                change.priority = *canonical;
            } else {
                warn(*m_mapping.priority, fieldText(m_priorityField),
                     QStringLiteral("'%1' is not a priority (Critical, High, Medium, Low; map "
                                    "other names in the mapping's \"values\"); the row's other "
                                    "changes are kept")
                         .arg(qs(fieldText(m_priorityField))));
            }
        }
    }
    for (std::size_t i = 0; i < m_ticketFieldColumns.size(); ++i) {
        change.fields.emplace_back(
            mapped(m_mapping.ticketFields[i], fieldText(m_ticketFieldColumns[i])));
    }
    for (std::size_t i = 0; i < m_attributeColumns.size(); ++i) {
        change.attributes.emplace_back(
            mapped(m_mapping.attributes[i], fieldText(m_attributeColumns[i])));
    }
    return change;
}

void ChangeReader::readChanges() {
    CsvReader reader(m_path, m_dialect);
    reader.setCancelFlag(m_options.cancel);
    reader.setComputeSha256(true);
    if (m_options.progress) {
        reader.setProgressHandler(m_options.progress);
    }
    reader.read([this](const CsvRecord& record) {
        if (record.line <= m_headerLine ||
            std::all_of(record.fields.begin(), record.fields.end(),
                        [](std::string_view f) { return trimBlanks(f).empty(); })) {
            return true;
        }
        ++m_rows;
        if (auto change = readChange(record)) {
            const std::string caseId(
                trimBlanks(record.fields[static_cast<std::size_t>(m_caseField)]));
            m_cases[caseId].push_back(std::move(*change));
        }
        return true;
    });
    m_sha256Hex = reader.sha256Hex();
}

HistoryChanges ChangeReader::read() {
    readHeader();
    try {
        detectTimeForm();
        readChanges();
    } catch (const CsvError& error) {
        refuse(error.line(), {}, error.message());
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
    if (m_rows == 0) {
        refuse(m_headerLine, {},
               QStringLiteral("the file has a header row but no data rows; nothing to import"));
    }
    HistoryChanges changes;
    changes.dialect = m_dialect;
    changes.headerLine = m_headerLine;
    changes.headerNames = m_headerNames;
    changes.timeForm = m_timeForm;
    changes.attributeNames = std::move(m_attributeNames);
    changes.rows = m_rows;
    changes.sha256Hex = m_sha256Hex;
    changes.cases = std::move(m_cases);
    changes.rejections = std::move(m_rejections);
    return changes;
}

// Of each of the mapping's other ticket fields, the value of the latest
// change (in time order, then line) that has one.
std::vector<std::string> latestFields(const std::vector<Change>& changes, std::size_t fieldCount) {
    std::vector<std::string> latest(fieldCount);
    for (const Change& change : changes) {
        for (std::size_t i = 0; i < change.fields.size(); ++i) {
            if (!change.fields[i].empty()) {
                latest[i] = change.fields[i];
            }
        }
    }
    return latest;
}

} // namespace

// The store keeps one event per (ticket, time, event, tiers). Changes of a
// case at the same instant (two group changes stamped 10:00) derive events
// of the same identity: one event each, their notes joined, so that the
// second does not overwrite the first — and a re-import of the same file
// does not update them back and forth.
std::vector<DerivedEvent> mergedByIdentity(const std::vector<DerivedEvent>& events) {
    std::vector<DerivedEvent> merged;
    std::map<std::tuple<UtcSeconds, std::string_view, int, int>, std::size_t> byIdentity;
    for (const DerivedEvent& e : events) {
        const auto identity =
            std::make_tuple(e.time, e.kind, e.fromTier.value_or(-1), e.toTier.value_or(-1));
        const auto [found, added] = byIdentity.emplace(identity, merged.size());
        if (added) {
            merged.push_back(e);
            continue;
        }
        std::string& note = merged[found->second].note;
        if (!e.note.empty() && note.find(e.note) == std::string::npos) {
            note += note.empty() ? "" : "; ";
            note += e.note;
        }
    }
    return merged;
}

struct CaseDeriver::Statuses {
    StatusSet waiting;
    StatusSet resolved; // closed statuses included
    StatusSet closed;
};

CaseDeriver::CaseDeriver(const HistoryMapping& mapping)
    : m_mapping(mapping)
    , m_statuses(std::make_unique<const Statuses>(
          Statuses{StatusSet(mapping.waitingStatuses),
                   StatusSet(mapping.resolvedStatuses + mapping.closedStatuses),
                   StatusSet(mapping.closedStatuses)})) {}

CaseDeriver::~CaseDeriver() = default;

Derived CaseDeriver::derive(std::vector<Change>& changes) const {
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.time < b.time; });
    Derived d;
    d.created = changes.front().time;
    bool waiting = false;
    bool resolved = false;
    const Change* previous = nullptr;
    for (const Change& change : changes) {
        if (previous && sameSnapshot(*previous, change)) {
            continue; // a repeated row
        }
        const UtcSeconds t = change.time;
        if (change.tier) {
            if (d.tier && *change.tier > *d.tier) {
                d.events.push_back({t, "escalated", d.tier, change.tier, {}});
                d.escalated = true;
                d.escalatedAt = d.escalatedAt.value_or(t);
            } else if (d.tier && *change.tier < *d.tier) {
                d.events.push_back({t, "bounced", d.tier, change.tier, {}});
            }
            d.tier = change.tier;
            d.startTier = d.startTier.value_or(*change.tier);
        }
        if (!change.group.empty()) {
            if (d.firstGroup.empty()) {
                d.firstGroup = change.group;
            }
            if (!d.group.empty() && change.group != d.group) {
                d.events.push_back({t, "reassigned", std::nullopt, std::nullopt, change.group});
            }
            d.group = change.group;
        }
        if (!change.status.empty()) {
            const bool nowWaiting = m_statuses->waiting.contains(change.status);
            const bool nowResolved = m_statuses->resolved.contains(change.status);
            if (nowWaiting && !waiting) {
                d.events.push_back({t, "paused", std::nullopt, std::nullopt, change.status});
            } else if (!nowWaiting && waiting) {
                d.events.push_back({t, "resumed", std::nullopt, std::nullopt, change.status});
            }
            if (nowResolved && !resolved) {
                d.events.push_back({t, "resolved", std::nullopt, std::nullopt, change.status});
                d.resolvedAt = t;
            } else if (!nowResolved && resolved) {
                d.events.push_back({t, "reopened", std::nullopt, std::nullopt, change.status});
                d.resolvedAt.reset();
                d.closedAt.reset();
            }
            if (m_statuses->closed.contains(change.status) && !d.closedAt) {
                d.closedAt = t;
            }
            waiting = nowWaiting;
            resolved = nowResolved;
            d.status = change.status;
        }
        if (!change.priority.empty()) {
            d.priority = change.priority;
        }
        previous = &change;
    }
    d.fields = latestFields(changes, m_mapping.ticketFields.size());
    // At creation: the first row in time order, blanks included.
    d.attributes = changes.front().attributes;
    return d;
}

std::string attributesJson(const std::vector<std::string>& attributeNames, const Derived& d) {
    std::vector<std::pair<std::string_view, std::string>> kept;
    for (std::size_t i = 0; i < attributeNames.size() && i < d.attributes.size(); ++i) {
        if (!d.attributes[i].empty()) {
            kept.emplace_back(attributeNames[i], d.attributes[i]);
        }
    }
    if (!d.firstGroup.empty()) {
        kept.emplace_back("first_group", d.firstGroup);
    }
    if (d.startTier) {
        kept.emplace_back("first_tier", std::to_string(*d.startTier));
    }
    // In name order, as a tickets import writes its extra columns
    // (RowConverter.cpp); a name given twice keeps its first value.
    std::stable_sort(kept.begin(), kept.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string json;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (i > 0 && kept[i].first == kept[i - 1].first) {
            continue;
        }
        json += json.empty() ? '{' : ',';
        appendJsonString(json, kept[i].first);
        json += ':';
        appendJsonString(json, kept[i].second);
    }
    if (!json.empty()) {
        json += '}';
    }
    return json;
}

HistoryChanges readHistoryChanges(const QString& path, const HistoryMapping& mapping,
                                  const ImportOptions& options) {
    try {
        return ChangeReader(path, mapping, options, false).read();
    } catch (const NotUtf8&) {
        // Past the sample, bytes that are not UTF-8: read the file again.
    }
    return ChangeReader(path, mapping, options, true).read();
}

} // namespace history

namespace {

using history::Derived;
using history::DerivedEvent;
using history::Rejection;

// Writes the tickets and events derived from a history export, with its
// rejected rows, as one transaction and one batch.
class HistoryImport {
public:
    HistoryImport(store::Database& db, const QString& path, const HistoryMapping& mapping,
                  const ImportOptions& options)
        : m_db(db)
        , m_path(path)
        , m_mapping(mapping)
        , m_options(options) {}

    ImportResult run();

private:
    void write(const std::string& caseId, const Derived& derived);
    void count(TableWriter::Outcome outcome);

    store::Database& m_db;
    QString m_path;
    const HistoryMapping& m_mapping;
    const ImportOptions& m_options;
    CsvDialect m_dialect;
    std::vector<Rejection> m_rejections;
    std::vector<std::string> m_attributeNames; // of the mapping's attribute columns, in the file
    std::optional<TableWriter> m_tickets;
    std::optional<TableWriter> m_events;
    ImportResult m_result;
};

void HistoryImport::count(TableWriter::Outcome outcome) {
    switch (outcome) {
    case TableWriter::Outcome::Inserted:
        ++m_result.inserted;
        break;
    case TableWriter::Outcome::Updated:
        ++m_result.updated;
        break;
    case TableWriter::Outcome::Unchanged:
        ++m_result.unchanged;
        break;
    case TableWriter::Outcome::Repeated:
        break; // its writers write each key once
    }
}

void HistoryImport::write(const std::string& caseId, const Derived& d) {
    // Values in the tickets layout's column order (TableWriter.cpp).
    const auto text = [](const std::string& s) {
        return s.empty() ? Value{} : Value::ofText(s);
    };
    const auto instant = [](const std::optional<UtcSeconds>& t) {
        return t ? Value::ofInteger(*t) : Value{};
    };
    std::vector<Value> ticket(layoutOf(ImportKind::Tickets).columns.size());
    ticket[0] = Value::ofText(caseId);
    ticket[1] = Value::ofInteger(d.created);
    ticket[3] = instant(d.resolvedAt);
    ticket[4] = instant(d.closedAt);
    ticket[5] = text(d.status);
    ticket[6] = text(d.priority);
    ticket[15] = text(d.group);
    ticket[16] = d.tier ? Value::ofInteger(*d.tier) : Value{};
    if (m_mapping.tier) {
        ticket[17] = Value::ofInteger(d.escalated ? 1 : 0);
        ticket[18] = instant(d.escalatedAt);
        // Tier 1 is every ticket's start unless said otherwise: stored only
        // when the case starts higher, as a tickets file would leave it.
        static const std::size_t startTier = columnIndex(ImportKind::Tickets, "start_tier");
        ticket[startTier] = d.startTier.value_or(1) > 1 ? Value::ofInteger(*d.startTier) : Value{};
    }
    for (std::size_t i = 0; i < d.fields.size(); ++i) {
        const std::string column = m_mapping.ticketFields[i].field.toStdString();
        ticket[columnIndex(ImportKind::Tickets, column)] = text(d.fields[i]);
    }
    // Kept alive until the row is written: a text value refers to it.
    const std::string attributes = history::attributesJson(m_attributeNames, d);
    static const std::size_t attributesColumn = columnIndex(ImportKind::Tickets, "attributes");
    ticket[attributesColumn] = text(attributes);
    count(m_tickets->write(ticket, m_result.batch));
    const std::int64_t ticketRow = m_tickets->lastRowId();
    std::vector<Value> event(layoutOf(ImportKind::Events).columns.size());
    for (const DerivedEvent& e : mergedByIdentity(d.events)) {
        std::fill(event.begin(), event.end(), Value{});
        event[0] = Value::ofInteger(ticketRow);
        event[1] = Value::ofInteger(e.time);
        event[2] = Value::ofText(e.kind);
        event[3] = e.fromTier ? Value::ofInteger(*e.fromTier) : Value{};
        event[4] = e.toTier ? Value::ofInteger(*e.toTier) : Value{};
        event[7] = e.note.empty() ? Value{} : Value::ofText(e.note);
        count(m_events->write(event, m_result.batch));
    }
}

ImportResult HistoryImport::run() {
    QElapsedTimer timer;
    timer.start();
    m_result.kind = ImportKind::History;
    m_result.file = m_path;
    history::HistoryChanges changes = history::readHistoryChanges(m_path, m_mapping, m_options);
    m_result.rows = changes.rows;
    m_result.sha256Hex = changes.sha256Hex;
    m_dialect = changes.dialect;
    m_rejections = std::move(changes.rejections);
    m_attributeNames = std::move(changes.attributeNames);
    store::Transaction transaction(m_db);
    m_db.prepare("INSERT INTO import_batches(kind, file_name, preset, source_tz, started_at) "
                 "VALUES (?, ?, ?, ?, ?)")
        .bindAll(importKindName(ImportKind::History), QFileInfo(m_path).fileName(), m_mapping.name,
                 QString::fromUtf8(m_options.sourceZone.id()),
                 std::int64_t{QDateTime::currentSecsSinceEpoch()})
        .run();
    m_result.batch = m_db.lastInsertRowId();
    m_tickets.emplace(m_db, layoutOf(ImportKind::Tickets));
    m_events.emplace(m_db, layoutOf(ImportKind::Events));
    const history::CaseDeriver deriver(m_mapping);
    for (auto& [caseId, caseChanges] : changes.cases) {
        if (m_options.cancel && m_options.cancel->load()) {
            throw ImportCancelled{};
        }
        write(caseId, deriver.derive(caseChanges));
    }
    RejectedRowRecorder problems(m_db);
    for (const Rejection& r : m_rejections) {
        const QByteArray value = r.value.toUtf8();
        problems.record(m_result.batch, r.line, r.column,
                        std::string_view(value.constData(), std::size_t(value.size())), r.reason,
                        r.warning);
        ++(r.warning ? m_result.warnings : m_result.rejected);
    }
    m_result.dialect = m_dialect;
    m_result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    recordBatchTotals(m_db, m_result);
    transaction.commit();
    return m_result;
}

} // namespace

ImportResult importHistoryCsv(store::Database& db, const QString& path,
                              const HistoryMapping& mapping, const ImportOptions& options) {
    HistoryImport import(db, path, mapping, options);
    return import.run();
}

} // namespace escdesk::import

#include "import/Importer.h"

#include "domain/Instant.h"
#include "import/ColumnMapping.h"
#include "import/FieldValue.h"
#include "import/ImportPreview.h"
#include "import/MappingFile.h"
#include "import/RecordHash.h"
#include "import/RowPipeline.h"
#include "import/TableWriter.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace escdesk::import {

namespace {

using store::Statement;

// 2026-11-22T15:04:05Z
QString isoUtc(UtcSeconds instant) {
    return QDateTime::fromSecsSinceEpoch(instant, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Keys seen in a file, with the line of their first row: an open-addressing
// table over one byte arena, because a node per key (a std::unordered_map)
// costs an allocation and a cache miss each. It grows with the rows it
// holds (8-byte slots, and each key's line, length and bytes in the arena),
// so an import keeps keys out of it: its writer tells repeats by the
// store's unique indexes (TableWriter::RepeatedKeys). It serves a preview,
// which writes nothing: a few hundred ids or event identities.
class SeenIds {
public:
    static std::uint64_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }

    // Starts loading the slot of `hash` into the cache: the table is far
    // larger than the cache, and the row's conversion hides the wait.
    void prefetch(std::uint64_t hash) const {
        if (!m_slots.empty()) {
            __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)]);
        }
    }

    // The line of an earlier row with `id`, or records this one.
    std::optional<std::int64_t> firstLineOf(std::string_view id, std::uint64_t hash,
                                            std::int64_t line) {
        if ((m_used + 1) * 2 > m_slots.size()) {
            grow();
        }
        const std::size_t mask = m_slots.size() - 1;
        const std::uint64_t tag = hash >> offsetBits;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0) {
                m_slots[i] = (tag << offsetBits) | (m_arena.size() + 1);
                appendEntry(id, line);
                ++m_used;
                return std::nullopt;
            }
            if ((slot >> offsetBits) == tag && idAt(slot) == id) {
                return lineAt(slot);
            }
        }
    }

    // The line of an earlier row with `id`, without recording anything.
    std::optional<std::int64_t> find(std::string_view id, std::uint64_t hash) const {
        if (m_slots.empty()) {
            return std::nullopt;
        }
        const std::size_t mask = m_slots.size() - 1;
        const std::uint64_t tag = hash >> offsetBits;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0) {
                return std::nullopt;
            }
            if ((slot >> offsetBits) == tag && idAt(slot) == id) {
                return lineAt(slot);
            }
        }
    }

private:
    // Arena offsets (plus one, so that 0 marks an empty slot) up to 1 TiB.
    static constexpr int offsetBits = 40;
    static constexpr std::uint64_t offsetMask = (std::uint64_t{1} << offsetBits) - 1;
    struct EntryHead {
        std::int64_t line;
        std::uint32_t length;
    };

    void appendEntry(std::string_view id, std::int64_t line) {
        const EntryHead head{line, static_cast<std::uint32_t>(id.size())};
        m_arena.append(reinterpret_cast<const char*>(&head.line), sizeof head.line);
        m_arena.append(reinterpret_cast<const char*>(&head.length), sizeof head.length);
        m_arena.append(id);
    }
    std::size_t entryOffset(std::uint64_t slot) const { return (slot & offsetMask) - 1; }
    std::int64_t lineAt(std::uint64_t slot) const {
        std::int64_t line = 0;
        std::memcpy(&line, m_arena.data() + entryOffset(slot), sizeof line);
        return line;
    }
    std::string_view idAt(std::uint64_t slot) const {
        const std::size_t offset = entryOffset(slot) + sizeof(std::int64_t);
        std::uint32_t length = 0;
        std::memcpy(&length, m_arena.data() + offset, sizeof length);
        return {m_arena.data() + offset + sizeof length, length};
    }

    void grow() { rehash(std::max<std::size_t>(m_slots.size() * 2, 1024)); }

    // Every slot's place depends on the table size: re-place them all.
    void rehash(std::size_t size) {
        std::vector<std::uint64_t> old(size);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const std::uint64_t slot : old) {
            if (slot == 0) {
                continue;
            }
            std::size_t i = hashOf(idAt(slot)) & mask;
            while (m_slots[i] != 0) {
                i = (i + 1) & mask;
            }
            m_slots[i] = slot;
        }
    }

    std::vector<std::uint64_t> m_slots;
    std::size_t m_used = 0;
    std::string m_arena;
};

// A value as bytes for a set key: its kind, then its content.
void appendValueBytes(std::string& out, const Value& value) {
    out += static_cast<char>(value.kind);
    switch (value.kind) {
    case Value::Kind::Null:
        break;
    case Value::Kind::Integer:
        out.append(reinterpret_cast<const char*>(&value.integer), sizeof value.integer);
        break;
    case Value::Kind::Real:
        out.append(reinterpret_cast<const char*>(&value.real), sizeof value.real);
        break;
    case Value::Kind::Text: {
        const auto length = static_cast<std::uint32_t>(value.text.size());
        out.append(reinterpret_cast<const char*>(&length), sizeof length);
        out += value.text;
        break;
    }
    }
}

struct Problem {
    QString column;
    std::string_view value;
    QString reason;
};

// A load into an empty table writes every page once through a rollback
// journal (which has nothing to save for new pages) instead of twice through
// the WAL (into the log, then into the file at the checkpoint). Leaving WAL
// needs the workspace to itself: with another connection open (the desktop
// app's), the import stays in WAL. Either way it is one transaction, and a
// killed import is rolled back from the journal when the file is next
// opened. The workspace returns to WAL afterwards.
class RollbackJournalForBulkLoad {
public:
    RollbackJournalForBulkLoad(store::Database& db, bool wanted)
        : m_db(db) {
        if (!wanted) {
            return;
        }
        try {
            // Not waiting for other connections: then it is not to be.
            db.exec("PRAGMA busy_timeout = 0");
            Statement mode = db.prepare("PRAGMA journal_mode = DELETE");
            m_switched = mode.step() &&
                         mode.text(0).compare(QLatin1String("delete"), Qt::CaseInsensitive) == 0;
        } catch (const store::StoreError&) {
            m_switched = false;
        }
        restoreBusyTimeout();
        if (m_switched) {
            // Rollback journals need full syncs to be safe from power cuts.
            db.exec("PRAGMA synchronous = FULL");
        }
    }
    ~RollbackJournalForBulkLoad() {
        if (!m_switched) {
            return;
        }
        try {
            m_db.exec("PRAGMA journal_mode = WAL");
            m_db.exec("PRAGMA synchronous = NORMAL");
        } catch (const store::StoreError&) {
            // The next opening of the workspace sets WAL again.
        }
    }
    RollbackJournalForBulkLoad(const RollbackJournalForBulkLoad&) = delete;
    RollbackJournalForBulkLoad& operator=(const RollbackJournalForBulkLoad&) = delete;

private:
    void restoreBusyTimeout() {
        m_db.exec(QStringLiteral("PRAGMA busy_timeout = %1")
                      .arg(store::Workspace::busyTimeoutMs)
                      .toStdString());
    }

    store::Database& m_db;
    bool m_switched = false;
};

// ---- One file -----------------------------------------------------------------

class FileImport {
public:
    FileImport(store::Database& db, const QString& path, const ImportOptions& options,
               bool afterNotUtf8)
        : m_db(db)
        , m_path(path)
        , m_options(options)
        , m_layout(layoutOf(options.kind))
        , m_zone(options.sourceZone)
        , m_afterNotUtf8(afterNotUtf8) {}

    ImportResult run();
    // Collects up to maxRows rows into `preview` instead of importing.
    void runPreview(ImportPreview& preview, int maxRows, const QTimeZone& displayZone);

private:
    DateOrder dateOrder() const {
        if (m_options.dateOrder == DateOrder::Unknown && m_options.mapping) {
            return m_options.mapping->dateOrder;
        }
        return m_options.dateOrder;
    }
    [[noreturn]] void refuse(std::int64_t line, const QString& column, const QString& reason) {
        throw ImportRefused(m_path, line, column, reason);
    }
    void sniff();
    void mapHeader(const std::vector<std::string>& header);
    const FieldSource* sourceOf(std::size_t column) const;
    bool mappingFromFile() const { return m_options.mapping && !m_options.mapping->path.isEmpty(); }
    [[noreturn]] void refuseMissingMappedColumn(const FieldSource& source, std::int64_t headerLine,
                                                const std::vector<std::string>& header);
    std::vector<std::string> sourceNames(std::size_t column) const;
    QString describedColumn(std::size_t column) const;
    std::string_view mappedText(std::size_t column, const CsvRecord& record);
    void buildAttributes(const CsvRecord& record);
    void surveyTimestamps();
    void prepareStatements();
    std::uint64_t readingSalt() const;
    void loadStoredHashes();
    bool streamStoredHashes(const std::string& sql);
    void closeHashReader();
    std::uint64_t recordHash(const CsvRecord& record);
    bool skipUnchanged(const CsvRecord& record, std::uint64_t hash);
    bool rejectDuplicate(const CsvRecord& record, std::string_view id, std::uint64_t idHash);
    QString duplicateReason(std::string_view id, std::int64_t firstLine) const;
    void rejectRepeated(std::string_view id, std::int64_t line);
    bool handleRecord(const CsvRecord& record);
    bool findDamagedText(const CsvRecord& record);
    bool findNulByte(const CsvRecord& record);
    bool findConflictingEvent(std::int64_t line);
    Problem conflictingEvent(std::int64_t firstLine) const;
    bool convert(const CsvRecord& record);
    Value convertField(std::size_t column, std::string_view text);
    void checkTicketTimes();
    void checkEventTiers();
    void upsert(std::int64_t line, std::optional<std::uint64_t> sourceHash);
    void storeProblems(std::int64_t line);
    void storeProblem(std::int64_t line, const QString& column, std::string_view value,
                      const QString& reason);
    void count(TableWriter::Outcome outcome);
    void startPipeline();
    void writeStaged(const StagedBatch& batch);
    void reject(const CsvRecord& record, bool converted);
    void addPreviewRow(const CsvRecord& record, bool converted);
    QString previewCell(std::size_t column, const CsvRecord& record) const;
    std::optional<std::int64_t> ticketRowOf(std::string_view ticketId);

    store::Database& m_db;
    QString m_path;
    const ImportOptions& m_options;
    const Layout& m_layout;
    SourceTimeZone m_zone;
    bool m_afterNotUtf8; // a first read found bytes past the sample that are not UTF-8

    CsvDialect m_dialect;
    std::int64_t m_headerLine = 0;
    std::size_t m_headerFields = 0;
    QStringList m_sourceHeader;
    std::vector<int> m_fieldOf; // layout column → record field, -1 when absent
    struct Extra {
        int field;
        std::string jsonKey;
    };
    std::vector<Extra> m_extras; // by header name
    std::vector<std::optional<TimestampForm>> m_forms;
    std::vector<std::vector<int>> m_joinedFields; // several source columns, joined
    std::vector<std::string> m_joined;
    std::vector<const std::map<std::string, std::string>*> m_valueMaps;
    std::vector<NullTokens> m_nulls; // by layout column
    std::string m_attributeValue;

    std::optional<TableWriter> m_writer;
    std::optional<Statement> m_ticketLookup;
    std::optional<Statement> m_reject;

    std::vector<Value> m_values;
    std::vector<Problem> m_problems;
    std::string m_attributes;
    std::string m_damagedText;
    std::set<std::string, std::less<>> m_knownZones;
    std::string m_lastTicketId;
    std::optional<std::int64_t> m_lastTicketRow;
    SeenIds m_seenIds;
    SeenIds m_seenEvents; // event identities
    SeenIds m_seenRows;   // the kept events' identities with their details
    std::string m_identity;
    std::string m_details;
    ImportResult m_result;

    // Re-import: the source hashes of the stored rows (RecordHash.h). A
    // record whose hash is among them is the one a row was written from,
    // read the same way: it is counted unchanged without further work.
    bool m_hashing = false;
    std::optional<RecordHash> m_recordHash; // seeded with how the file is read
    StoredHashes m_storedHashes;
    std::optional<store::Database> m_hashReader; // streams them (WAL mode)
    std::optional<Statement> m_hashStream;
    std::optional<Statement> m_hashRescan;
    std::int64_t m_skippedUnchanged = 0; // counted on the reading thread

    // Set while the rows are written on a second thread (RowPipeline.h).
    std::unique_ptr<RowPipeline> m_pipeline;
    std::vector<Value> m_stagedValues; // the writing thread's

    ImportPreview* m_preview = nullptr;
    int m_previewLimit = 0;
    QTimeZone m_displayZone;
    std::vector<std::size_t> m_previewColumns;
};

void FileImport::sniff() {
    if (!m_options.sourceZone.isValid()) {
        refuse(0, {}, invalidSourceZoneReason());
    }
    const CsvSniff sniff = sniffImportFile(m_path);
    m_dialect = sniff.dialect;
    if (m_afterNotUtf8) {
        // A UTF-8 file (a BOM, or multi-byte sequences in the sample) is
        // damaged there; one without any is a legacy Windows-1252 export.
        if (m_dialect.bomLength > 0 || sniff.multibyteUtf8) {
            m_dialect.damagedUtf8 = true;
        } else {
            m_dialect.encoding = TextEncoding::Windows1252;
        }
    }
    // The header is the first row naming the key column; exports sometimes
    // put a title or a blank line above it.
    const std::vector<std::string> keyNames = sourceNames(0);
    const QString key = qs(m_layout.columns.front().header);
    std::size_t headerIndex = sniff.records.size();
    for (std::size_t i = 0; i < std::min<std::size_t>(sniff.records.size(), 10); ++i) {
        const auto& record = sniff.records[i];
        if (std::any_of(record.begin(), record.end(), [&keyNames](const std::string& cell) {
                const std::string name = normalizedHeader(cell);
                return std::find(keyNames.begin(), keyNames.end(), name) != keyNames.end();
            })) {
            headerIndex = i;
            break;
        }
    }
    if (headerIndex == sniff.records.size() && !sniff.records.empty() && mappingFromFile() &&
        sourceOf(0) && !sniff.singleColumn) {
        // The first row stands for the header that no row is.
        refuseMissingMappedColumn(*sourceOf(0), sniff.recordLines[0], sniff.records[0]);
    }
    if (headerIndex == sniff.records.size()) {
        if (sniff.singleColumn) {
            refuse(0, {},
                   QStringLiteral("this does not look like a CSV file: no comma, semicolon, tab "
                                  "or pipe separates its first lines into columns, and no header "
                                  "row names the required column %1")
                       .arg(describedColumn(0)));
        }
        const auto& first = sniff.records.empty() ? std::vector<std::string>{} : sniff.records[0];
        QStringList names;
        for (const auto& cell : first) {
            names << QString::fromStdString(cell);
        }
        refuse(sniff.recordLines.empty() ? 0 : sniff.recordLines[0], key,
               QStringLiteral("the required column %1 is missing (the first row has: %2)")
                   .arg(describedColumn(0), names.join(QStringLiteral(", "))));
    }
    m_headerLine = sniff.recordLines[headerIndex];
    mapHeader(sniff.records[headerIndex]);
}

std::vector<std::string> FileImport::sourceNames(std::size_t column) const {
    const ColumnSpec& spec = m_layout.columns[column];
    std::vector<std::string> names;
    if (const FieldSource* source = sourceOf(column)) {
        for (const QString& name : source->columns) {
            names.push_back(normalizedHeader(name.toStdString()));
        }
    }
    // The canonical name works too, unless a mapping file names the column:
    // then that column must be there (a typo would otherwise go unseen).
    if (names.empty() || !mappingFromFile()) {
        names.emplace_back(spec.header);
    }
    return names;
}

void FileImport::refuseMissingMappedColumn(const FieldSource& source, std::int64_t headerLine,
                                           const std::vector<std::string>& header) {
    QStringList names;
    for (const std::string& cell : header) {
        names << qs(trimBlanks(cell));
    }
    throw ImportRefused(
        m_options.mapping->path, source.at.line, QString::number(source.at.column),
        missingColumnReason(source, QFileInfo(m_path).fileName(), headerLine, names));
}

const FieldSource* FileImport::sourceOf(std::size_t column) const {
    const ColumnSpec& spec = m_layout.columns[column];
    if (!m_options.mapping || spec.header.empty()) {
        return nullptr;
    }
    return m_options.mapping->sourceOf(qs(spec.header));
}

QString FileImport::describedColumn(std::size_t column) const {
    const QString canonical = qs(m_layout.columns[column].header);
    if (const FieldSource* source = sourceOf(column)) {
        return QStringLiteral("%1 ('%2' in %3)")
            .arg(canonical, source->columns.join(QStringLiteral("' or '")),
                 m_options.mapping->name);
    }
    return canonical;
}

void FileImport::mapHeader(const std::vector<std::string>& header) {
    m_headerFields = header.size();
    m_sourceHeader.clear();
    for (const std::string& cell : header) {
        m_sourceHeader << qs(trimBlanks(cell));
    }
    const auto columns = m_layout.columns.size();
    m_fieldOf.assign(columns, -1);
    m_joinedFields.assign(columns, {});
    m_joined.assign(columns, {});
    m_valueMaps.assign(columns, nullptr);
    m_nulls.assign(columns, NullTokens{});
    std::vector<std::string> names;
    for (const std::string& cell : header) {
        names.push_back(normalizedHeader(cell));
    }
    std::vector<bool> used(header.size(), false);
    for (std::size_t column = 0; column < columns; ++column) {
        const ColumnSpec& spec = m_layout.columns[column];
        if (spec.type == FieldType::Attributes) {
            continue;
        }
        const FieldSource* source = sourceOf(column);
        if (source && !source->values.empty()) {
            m_valueMaps[column] = &source->values;
        }
        if (m_options.mapping) {
            m_nulls[column] = NullTokens(nullsOf(source, m_options.mapping->nulls));
        }
        // The first source name present wins; all its columns are used.
        for (const std::string& name : sourceNames(column)) {
            std::vector<int> matches;
            for (std::size_t field = 0; field < names.size(); ++field) {
                if (names[field] == name && !used[field]) {
                    matches.push_back(static_cast<int>(field));
                }
            }
            if (matches.empty()) {
                continue;
            }
            if (matches.size() > 1 && (!source || spec.type != FieldType::Text)) {
                refuse(m_headerLine, qs(spec.header),
                       QStringLiteral("the column %1 appears twice in the header row (columns "
                                      "%2 and %3)")
                           .arg(qs(spec.header))
                           .arg(matches[0] + 1)
                           .arg(matches[1] + 1));
            }
            for (const int field : matches) {
                used[static_cast<std::size_t>(field)] = true;
            }
            m_fieldOf[column] = matches.front();
            if (matches.size() > 1) {
                m_joinedFields[column] = matches; // e.g. Jira's repeated Labels
            }
            break;
        }
        if (source && mappingFromFile() && m_fieldOf[column] < 0) {
            refuseMissingMappedColumn(*source, m_headerLine, header);
        }
        if (spec.required && m_fieldOf[column] < 0) {
            refuse(m_headerLine, qs(spec.header),
                   QStringLiteral("the required column %1 is missing from the header row")
                       .arg(describedColumn(column)));
        }
    }
    std::vector<std::pair<std::string, int>> extras;
    for (std::size_t field = 0; field < header.size(); ++field) {
        if (!used[field] && !trimBlanks(header[field]).empty()) {
            extras.emplace_back(std::string(trimBlanks(header[field])), static_cast<int>(field));
        }
    }
    std::stable_sort(extras.begin(), extras.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [name, field] : extras) {
        std::string key;
        appendJsonString(key, name);
        m_extras.push_back({field, std::move(key)});
    }
}

void FileImport::surveyTimestamps() {
    m_forms.assign(m_layout.columns.size(), std::nullopt);
    std::vector<std::size_t> columns;
    for (std::size_t column = 0; column < m_layout.columns.size(); ++column) {
        if (m_layout.columns[column].type != FieldType::Timestamp || m_fieldOf[column] < 0) {
            continue;
        }
        const FieldSource* source = sourceOf(column);
        if (source && source->form) {
            m_forms[column] = source->form; // the mapping says
        } else {
            columns.push_back(column);
        }
    }
    if (columns.empty()) {
        return;
    }
    std::vector<TimestampFormDetector> detectors(m_layout.columns.size());
    // The form comes from the first values; slash dates whose day/month order
    // those do not show are read to the end (unless --date-order says).
    constexpr int sampleRows = 1000;
    std::vector<bool> wanted(m_layout.columns.size(), true);
    auto survey = [&](bool wholeFile) {
        int rows = 0;
        CsvReader reader(m_path, m_dialect);
        reader.setCancelFlag(m_options.cancel);
        reader.read([&](const CsvRecord& record) {
            if (record.line <= m_headerLine) {
                return true;
            }
            for (const std::size_t column : columns) {
                const auto field = static_cast<std::size_t>(m_fieldOf[column]);
                if (field < record.fields.size() && wanted[column] &&
                    !m_nulls[column].matches(record.fields[field])) {
                    detectors[column].add(record.fields[field]);
                }
            }
            return wholeFile || ++rows < sampleRows;
        });
    };
    survey(false);
    const bool undecided = dateOrder() == DateOrder::Unknown &&
                           std::any_of(columns.begin(), columns.end(), [&detectors](std::size_t c) {
                               return detectors[c].needsDateOrder();
                           });
    if (undecided) {
        for (const std::size_t column : columns) {
            wanted[column] = detectors[column].needsDateOrder();
        }
        detectors.assign(detectors.size(), TimestampFormDetector{});
        survey(true);
    }
    for (const std::size_t column : columns) {
        bool ambiguous = false;
        m_forms[column] = detectors[column].form(dateOrder(), ambiguous);
        if (ambiguous) {
            refuse(0, qs(m_layout.columns[column].header),
                   QStringLiteral("the dates in column %1 could be day/month or month/day (no "
                                  "day is above 12); give the order with --date-order dmy or "
                                  "--date-order mdy")
                       .arg(qs(m_layout.columns[column].header)));
        }
    }
}

void FileImport::prepareStatements() {
    // Repeated ids are told by the store's unique index, not a set in memory.
    m_writer.emplace(m_db, m_layout, TableWriter::BulkLoad::Allowed,
                     TableWriter::RepeatedKeys::Rejected);
    if (m_options.kind == ImportKind::Events) {
        m_ticketLookup = m_db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
    }
    m_reject = m_db.prepare("INSERT INTO rejected_rows(batch, line, column_name, value, reason) "
                            "VALUES (?, ?, ?, ?, ?)");
}

// Everything besides the record itself that decides what a row becomes: the
// columns used and where, the mapping's value maps, the timestamp forms and
// the source zone. A record read another way hashes differently.
std::uint64_t FileImport::readingSalt() const {
    // The version of the reading rules: change it when a conversion changes.
    SeedHash hash;
    hash.add(0x6573636465736b01ULL);
    hash.add(static_cast<std::uint64_t>(m_options.kind));
    hash.add(std::uint64_t{m_headerFields});
    for (std::size_t column = 0; column < m_layout.columns.size(); ++column) {
        hash.add(static_cast<std::uint64_t>(m_fieldOf[column] + 1));
        for (const int field : m_joinedFields[column]) {
            hash.add(static_cast<std::uint64_t>(field));
        }
        hash.add(m_forms[column] ? static_cast<std::uint64_t>(*m_forms[column]) + 1 : 0);
        if (const auto* values = m_valueMaps[column]) {
            for (const auto& [from, to] : *values) {
                hash.add(from).add(to);
            }
        }
        if (!m_nulls[column].empty()) {
            // Null tokens change what a record reads as (none: as before).
            hash.add(std::uint64_t{0x6e756c6c73}); // "nulls"
            for (const std::string& token : m_nulls[column].lowered()) {
                hash.add(std::uint64_t{token.size()}).add(token);
            }
        }
    }
    for (const Extra& extra : m_extras) {
        hash.add(static_cast<std::uint64_t>(extra.field)).add(extra.jsonKey);
    }
    const QByteArray zone = m_options.sourceZone.id();
    hash.add(std::string_view(zone.constData(), static_cast<std::size_t>(zone.size())));
    return hash.value();
}

// The hashes of the rows stored from source records (tickets only: their
// rows are keyed by the id in the record itself).
void FileImport::loadStoredHashes() {
    m_hashing = m_layout.sourceHashColumn && m_fieldOf[0] >= 0 && m_joinedFields[0].empty() &&
                m_valueMaps[0] == nullptr; // the id is the key field as written
    if (!m_hashing) {
        return;
    }
    m_recordHash.emplace(readingSalt());
    const std::string sql = "SELECT source_hash, rowid FROM " + std::string(m_layout.table) +
                            " WHERE source_hash IS NOT NULL ORDER BY rowid";
    if (!streamStoredHashes(sql)) {
        Statement stored = m_db.prepare(sql);
        while (stored.step()) {
            m_storedHashes.add(static_cast<std::uint64_t>(stored.int64(0)));
        }
    }
    if (!m_storedHashes.empty()) {
        // Most rows will not reach the writer: its scan in storage order
        // would only fall behind.
        m_writer->preferKeyLookups();
    }
}

// In WAL mode, a second, read-only connection sees the workspace as it was
// before this import's transaction while the import writes through the
// first: the stored hashes are streamed from it as the file comes to them,
// instead of all held in memory (8 bytes a stored row). Used by the
// reading thread only, and closed when the file is read.
bool FileImport::streamStoredHashes(const std::string& sql) {
    Statement mode = m_db.prepare("PRAGMA journal_mode");
    if (!mode.step() || mode.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return false;
    }
    const std::string table(m_layout.table);
    if (m_db.queryInt64("SELECT EXISTS (SELECT 1 FROM " + table +
                        " WHERE source_hash IS NOT NULL)") == 0) {
        return true; // none to stream
    }
    try {
        m_hashReader.emplace(m_db.path(), store::Database::Access::ReadOnly);
        // Not mapped: a map of the pages read would count as the import's memory.
        m_hashReader->exec(QStringLiteral("PRAGMA mmap_size = 0; PRAGMA busy_timeout = %1")
                               .arg(store::Workspace::busyTimeoutMs)
                               .toStdString());
        m_hashStream = m_hashReader->prepare(sql);
    } catch (const store::StoreError&) {
        closeHashReader();
        return false;
    }
    const auto read = [](Statement& statement, std::vector<std::uint64_t>& hashes,
                         std::vector<std::int64_t>& rowids, std::size_t max) {
        std::size_t count = 0;
        while (count < max && statement.step()) {
            hashes.push_back(static_cast<std::uint64_t>(statement.int64(0)));
            rowids.push_back(statement.int64(1));
            ++count;
        }
        return count;
    };
    m_storedHashes.streamFrom(
        [this, read](std::vector<std::uint64_t>& hashes, std::vector<std::int64_t>& rowids,
                     std::size_t max) { return read(*m_hashStream, hashes, rowids, max); },
        [this, read, sql](std::vector<std::uint64_t>& hashes, std::vector<std::int64_t>& rowids,
                          std::size_t max) {
            if (!m_hashRescan) {
                m_hashRescan = m_hashReader->prepare(sql);
            }
            return read(*m_hashRescan, hashes, rowids, max);
        },
        // About as many as rows (for when to build the table of them all).
        static_cast<std::size_t>(m_db.queryInt64("SELECT ifnull(max(rowid), 0) FROM " + table)));
    return true;
}

void FileImport::closeHashReader() {
    m_hashRescan.reset();
    m_hashStream.reset();
    m_hashReader.reset();
}

std::uint64_t FileImport::recordHash(const CsvRecord& record) {
    return m_recordHash->of(record.fields, m_headerFields);
}

// A record some stored row was written from, read the same way, converts to
// that row's values (its checks passed then and pass now): it is unchanged.
// Its id still counts for duplicates within the file.
bool FileImport::skipUnchanged(const CsvRecord& record, std::uint64_t hash) {
    if (!m_storedHashes.contains(hash)) {
        return false;
    }
    const std::string_view id = record.fields[static_cast<std::size_t>(m_fieldOf[0])];
    // The row the hash was stored on, when streamed with it: its key (in
    // the record the hash covers) need not be looked up.
    const std::int64_t rowid = m_storedHashes.foundRowId();
    if (m_pipeline) {
        // The duplicate check is the writing thread's, in file order.
        m_pipeline->current().addUnchanged(record.line, id, rowid);
        m_pipeline->handOverIfFull();
    } else if (m_writer->keep(id, record.line, rowid) == TableWriter::Outcome::Repeated) {
        rejectRepeated(id, record.line);
    } else {
        ++m_skippedUnchanged;
    }
    return true;
}

// Why a row with `id` is refused when an earlier row of the file, on
// `firstLine`, has the same id (the first wins).
QString FileImport::duplicateReason(std::string_view id, std::int64_t firstLine) const {
    return QStringLiteral("duplicate %1 %2: the same id is on line %3, which is kept")
        .arg(qs(m_layout.columns[0].header), qs(id))
        .arg(firstLine);
}

// The preview writes nothing, so it tells repeated ids by a set of the ids
// it has shown (a few hundred rows at most).
bool FileImport::rejectDuplicate(const CsvRecord& record, std::string_view id,
                                 std::uint64_t idHash) {
    const auto first = m_seenIds.firstLineOf(id, idHash, record.line);
    if (!first) {
        return false;
    }
    m_problems.push_back({qs(m_layout.columns[0].header), id, duplicateReason(id, *first)});
    reject(record, true);
    return true;
}

// Stores the rejection of a row the writer found Repeated.
void FileImport::rejectRepeated(std::string_view id, std::int64_t line) {
    ++m_result.rejected;
    storeProblem(line, qs(m_layout.columns[0].header), id,
                 duplicateReason(id, m_writer->repeatedLine()));
}

std::optional<std::int64_t> FileImport::ticketRowOf(std::string_view ticketId) {
    // Event logs list a ticket's events together: remember the last one.
    if (m_lastTicketRow && ticketId == m_lastTicketId) {
        return m_lastTicketRow;
    }
    m_ticketLookup->bind(1, ticketId);
    std::optional<std::int64_t> row;
    if (m_ticketLookup->step()) {
        row = m_ticketLookup->int64(0);
    }
    m_ticketLookup->reset();
    if (row) {
        m_lastTicketId.assign(ticketId);
        m_lastTicketRow = row;
    }
    return row;
}

Value FileImport::convertField(std::size_t column, std::string_view text) {
    const ColumnSpec& spec = m_layout.columns[column];
    // Only a problem needs the name as a QString.
    const auto header = [&spec] {
        return qs(spec.header);
    };
    if (trimBlanks(text).empty()) {
        if (spec.required) {
            m_problems.push_back({header(), text, QStringLiteral("%1 is empty").arg(header())});
        }
        return {};
    }
    switch (spec.type) {
    case FieldType::Text:
    case FieldType::Attributes:
        return Value::ofText(text);
    case FieldType::Timestamp: {
        const auto& form = m_forms[column];
        if (!form) {
            m_problems.push_back({header(), text,
                                  QStringLiteral("'%1' is not a date and time in a form Escalation "
                                                 "Desk reads")
                                      .arg(qs(text))});
            return {};
        }
        TimestampProblem problem;
        const auto parsed = parseTimestamp(text, *form, problem);
        if (!parsed) {
            m_problems.push_back(
                {header(), text,
                 problem == TimestampProblem::OutOfRange
                     ? QStringLiteral("'%1' is not a valid date and time").arg(qs(text))
                     : QStringLiteral("'%1' is not in the column's form %2")
                           .arg(qs(text), timestampFormName(*form))});
            return {};
        }
        const UtcSeconds utc = parsed->naive ? m_zone.toUtc(parsed->seconds) : parsed->seconds;
        if (utc < 0) {
            m_problems.push_back(
                {header(), text, QStringLiteral("'%1' is before 1970").arg(qs(text))});
            return {};
        }
        return Value::ofInteger(utc);
    }
    case FieldType::Tier:
        if (const auto tier = parseTier(text)) {
            return Value::ofInteger(*tier);
        }
        m_problems.push_back(
            {header(), text,
             QStringLiteral("'%1' is not a tier (1 to 4, or T1, L2, Tier 3)").arg(qs(text))});
        return {};
    case FieldType::Boolean:
        if (const auto flag = parseBoolean(text)) {
            return Value::ofInteger(*flag ? 1 : 0);
        }
        m_problems.push_back(
            {header(), text,
             QStringLiteral("'%1' is not true/false, yes/no or 1/0").arg(qs(text))});
        return {};
    case FieldType::Number:
        if (const auto number = parseNumber(text)) {
            return Value::ofReal(*number);
        }
        m_problems.push_back(
            {header(), text, QStringLiteral("'%1' is not a number").arg(qs(text))});
        return {};
    case FieldType::Priority:
        if (const auto priority = parsePriority(text)) {
            return Value::ofText(*priority);
        }
        m_problems.push_back(
            {header(), text,
             QStringLiteral("'%1' is not a priority (Critical, High, Medium, Low)").arg(qs(text))});
        return {};
    case FieldType::EventName:
        if (const auto name = parseEventName(text)) {
            return Value::ofText(*name);
        }
        m_problems.push_back(
            {header(), text,
             QStringLiteral("'%1' is not an event kind (escalated, claimed, started, decision, "
                            "bounced, info_requested, paused, resumed, resolved, reopened, "
                            "reassigned)")
                 .arg(qs(text))});
        return {};
    case FieldType::Date:
        if (isIsoDate(text)) {
            return Value::ofText(trimBlanks(text));
        }
        m_problems.push_back(
            {header(), text, QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(qs(text))});
        return {};
    case FieldType::TimeZoneName: {
        const std::string_view name = trimBlanks(text);
        if (m_knownZones.count(name) == 0) {
            if (!QTimeZone::isTimeZoneIdAvailable(
                    QByteArray(name.data(), static_cast<qsizetype>(name.size())))) {
                m_problems.push_back(
                    {header(), text,
                     QStringLiteral("'%1' is not an IANA time zone (such as Europe/Berlin)")
                         .arg(qs(text))});
                return {};
            }
            m_knownZones.emplace(name);
        }
        return Value::ofText(name);
    }
    case FieldType::TicketRef: {
        const std::string_view id = trimBlanks(text);
        if (const auto row = ticketRowOf(id)) {
            return Value::ofInteger(*row);
        }
        m_problems.push_back(
            {header(), text,
             QStringLiteral("no ticket %1 in the workspace: import its ticket first").arg(qs(id))});
        return {};
    }
    }
    return {};
}

void FileImport::checkTicketTimes() {
    // Indexes into the tickets layout.
    constexpr std::size_t created = 1;
    const Value& createdAt = m_values[created];
    if (createdAt.kind != Value::Kind::Integer) {
        return;
    }
    for (const std::size_t column : {2U, 3U, 4U, 18U}) {
        const Value& value = m_values[column];
        if (value.kind == Value::Kind::Integer && value.integer < createdAt.integer) {
            const QString header = qs(m_layout.columns[column].header);
            m_problems.push_back(
                {header,
                 {},
                 QStringLiteral("%1 (%2) is before created_at (%3)")
                     .arg(header, isoUtc(value.integer), isoUtc(createdAt.integer))});
        }
    }
}

// An escalation rises a tier and a bounce falls one: an event that says
// otherwise (escalated 2→2, a "bounce" upward) contradicts itself, and no
// figure can be told from it.
void FileImport::checkEventTiers() {
    // Indexes into the events layout.
    constexpr std::size_t event = 2;
    constexpr std::size_t fromTier = 3;
    constexpr std::size_t toTier = 4;
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

// The field's text after joining repeated source columns and replacing
// values by the mapping's value map.
std::string_view FileImport::mappedText(std::size_t column, const CsvRecord& record) {
    std::string_view text = record.fields[static_cast<std::size_t>(m_fieldOf[column])];
    const NullTokens& nulls = m_nulls[column];
    if (!m_joinedFields[column].empty()) {
        std::string& joined = m_joined[column];
        joined.clear();
        for (const int field : m_joinedFields[column]) {
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
    if (const auto* values = m_valueMaps[column]; values && !trimBlanks(text).empty()) {
        const std::string key = qs(trimBlanks(text)).toLower().toStdString();
        if (const auto found = values->find(key); found != values->end()) {
            text = found->second;
        }
    }
    return text;
}

// The extra source columns as one JSON object, keys in name order; a name
// that appears several times has its values joined.
void FileImport::buildAttributes(const CsvRecord& record) {
    m_attributes.clear();
    m_attributeValue.clear();
    for (std::size_t i = 0; i < m_extras.size(); ++i) {
        const Extra& extra = m_extras[i];
        const std::string_view text = record.fields[static_cast<std::size_t>(extra.field)];
        if (!text.empty()) {
            m_attributeValue += m_attributeValue.empty() ? "" : ", ";
            m_attributeValue += text;
        }
        const bool sameAsNext = i + 1 < m_extras.size() && m_extras[i + 1].jsonKey == extra.jsonKey;
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

bool FileImport::convert(const CsvRecord& record) {
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
        if (m_fieldOf[column] < 0) {
            continue;
        }
        m_values[column] = convertField(column, mappedText(column, record));
    }
    if (m_options.kind == ImportKind::Tickets) {
        checkTicketTimes();
    } else if (m_options.kind == ImportKind::Events) {
        checkEventTiers();
    }
    return m_problems.empty();
}

void FileImport::storeProblem(std::int64_t line, const QString& column, std::string_view value,
                              const QString& reason) {
    m_reject->bind(1, m_result.batch).bind(2, line).bind(3, column);
    if (value.empty()) {
        m_reject->bindNull(4);
    } else {
        m_reject->bind(4, value);
    }
    m_reject->bind(5, reason).run();
}

void FileImport::storeProblems(std::int64_t line) {
    if (m_pipeline) {
        bool first = true;
        for (const Problem& problem : m_problems) {
            m_pipeline->current().addRejected(line, problem.column, problem.value, problem.reason,
                                              std::exchange(first, false));
        }
        m_pipeline->handOverIfFull();
        return;
    }
    ++m_result.rejected;
    for (const Problem& problem : m_problems) {
        storeProblem(line, problem.column, problem.value, problem.reason);
    }
}

void FileImport::count(TableWriter::Outcome outcome) {
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
        break; // rejected by the caller
    }
}

void FileImport::upsert(std::int64_t line, std::optional<std::uint64_t> sourceHash) {
    if (m_pipeline) {
        m_pipeline->current().addRow(line, m_values, sourceHash);
        m_pipeline->handOverIfFull();
        return;
    }
    const auto outcome = m_writer->write(m_values, m_result.batch, sourceHash, line);
    if (outcome != TableWriter::Outcome::Repeated) {
        count(outcome);
    } else if (m_layout.keyCount > 1) {
        m_problems.push_back(conflictingEvent(m_writer->repeatedLine()));
        storeProblems(line);
    } else {
        rejectRepeated(m_values[0].text, line);
    }
}

// Ticket rows convert without reading the store, so the store is free for
// a writing thread (events look their tickets up while they convert).
void FileImport::startPipeline() {
    if (m_options.kind == ImportKind::Tickets) {
        m_pipeline =
            std::make_unique<RowPipeline>([this](const StagedBatch& batch) { writeStaged(batch); });
    }
}

// On the writing thread: the staged rows in file order. Ids are checked
// for duplicates here (by the writer, in the store), so the reading thread
// has less to do.
void FileImport::writeStaged(const StagedBatch& batch) {
    for (const StagedBatch::Entry& entry : batch.entries()) {
        switch (entry.kind) {
        case StagedBatch::Kind::Rejected:
            ++m_result.rejected;
            for (std::size_t i = entry.first; i < entry.first + entry.count; ++i) {
                const StagedBatch::Problem& problem = batch.problem(i);
                storeProblem(entry.line, problem.column,
                             batch.text(problem.valueOffset, problem.valueLength), problem.reason);
            }
            break;
        case StagedBatch::Kind::Unchanged: {
            const std::string_view id = batch.text(entry.first, entry.count);
            if (m_writer->keep(id, entry.line, entry.rowid) == TableWriter::Outcome::Repeated) {
                rejectRepeated(id, entry.line);
            } else {
                ++m_result.unchanged;
            }
            break;
        }
        case StagedBatch::Kind::Row: {
            batch.valuesOf(entry, m_stagedValues);
            const auto outcome =
                m_writer->write(m_stagedValues, m_result.batch, entry.sourceHash, entry.line);
            if (outcome == TableWriter::Outcome::Repeated) {
                rejectRepeated(m_stagedValues[0].text, entry.line);
            } else {
                count(outcome);
            }
            break;
        }
        }
    }
}

bool FileImport::handleRecord(const CsvRecord& record) {
    if (record.line <= m_headerLine) {
        return true; // the header and anything above it
    }
    const auto& fields = record.fields;
    if (std::all_of(fields.begin(), fields.end(),
                    [](std::string_view f) { return trimBlanks(f).empty(); })) {
        return true; // a row of empty cells carries nothing
    }
    ++m_result.rows;
    m_problems.clear();
    // Trailing empty cells beyond the header are harmless (spreadsheets add them).
    const bool extraAreEmpty = std::all_of(
        fields.begin() + static_cast<std::ptrdiff_t>(std::min(fields.size(), m_headerFields)),
        fields.end(), [](std::string_view f) { return trimBlanks(f).empty(); });
    if (fields.size() < m_headerFields || !extraAreEmpty) {
        m_problems.push_back({{},
                              {},
                              QStringLiteral("the row has %1 fields; the header row has %2")
                                  .arg(fields.size())
                                  .arg(m_headerFields)});
        reject(record, false);
        return !m_preview || m_result.rows < m_previewLimit;
    }
    if (m_dialect.damagedUtf8 && findDamagedText(record)) {
        reject(record, false);
        return !m_preview || m_result.rows < m_previewLimit;
    }
    if (findNulByte(record)) {
        reject(record, false);
        return !m_preview || m_result.rows < m_previewLimit;
    }
    std::optional<std::uint64_t> sourceHash;
    if (m_hashing) {
        sourceHash = recordHash(record);
        if (skipUnchanged(record, *sourceHash)) {
            return true;
        }
    }
    // Single keys are checked for duplicates here in a preview; an import's
    // writer checks them in the store (TableWriter::RepeatedKeys).
    const bool checkKey = m_layout.keyCount == 1 && m_preview;
    if (checkKey) {
        m_seenIds.prefetch(SeenIds::hashOf(fields[static_cast<std::size_t>(m_fieldOf[0])]));
    }
    if (!convert(record)) {
        reject(record, true);
        return !m_preview || m_result.rows < m_previewLimit;
    }
    if (checkKey) {
        // The id as stored (a mapping may turn different source ids into
        // one): the set places ids by the hash of what it holds. The hash of
        // the source field only told the prefetch where to look.
        const std::string_view id = m_values[0].text;
        if (rejectDuplicate(record, id, SeenIds::hashOf(id))) {
            return !m_preview || m_result.rows < m_previewLimit;
        }
    } else if (m_layout.keyCount > 1 && m_preview && findConflictingEvent(record.line)) {
        reject(record, true);
        return !m_preview || m_result.rows < m_previewLimit;
    }
    if (m_preview) {
        addPreviewRow(record, true);
    } else {
        upsert(record.line, sourceHash);
    }
    return !m_preview || m_result.rows < m_previewLimit;
}

// Events: a row with the identity (ticket, time, event, tiers) of an earlier
// row of this file but other details. Identical repeats are harmless (they
// find their twin unchanged); a different one would overwrite the first
// row, and importing the file again would update it back and forth. So the
// first wins, as with duplicate ids. An import's writer finds them in the
// store (TableWriter::RepeatedKeys); a preview, which writes nothing, here.
bool FileImport::findConflictingEvent(std::int64_t line) {
    const auto keys = static_cast<std::size_t>(m_layout.keyCount);
    m_identity.clear();
    for (std::size_t c = 0; c < keys; ++c) {
        appendValueBytes(m_identity, m_values[c]);
    }
    m_details = m_identity;
    for (std::size_t c = keys; c < m_values.size(); ++c) {
        appendValueBytes(m_details, m_values[c]);
    }
    const auto first = m_seenEvents.firstLineOf(m_identity, SeenIds::hashOf(m_identity), line);
    if (!first) {
        m_seenRows.firstLineOf(m_details, SeenIds::hashOf(m_details), line);
        return false;
    }
    // Only the kept row's details are recorded: a repeat of a rejected
    // row must not pass as a repeat of the kept one.
    if (m_seenRows.find(m_details, SeenIds::hashOf(m_details))) {
        return false; // the kept row again
    }
    m_problems.push_back(conflictingEvent(*first));
    return true;
}

// The problem of an event whose identity is that of the kept row on `firstLine`.
Problem FileImport::conflictingEvent(std::int64_t firstLine) const {
    return {qs(m_layout.columns[2].header), m_values[2].text,
            QStringLiteral("duplicate event: line %1 has the same ticket, time, event and tiers "
                           "with other details, and is kept")
                .arg(firstLine)};
}

// A NUL byte in a text file (past the sample that would have called the
// file binary): the first field holding one. Stored, it would cut the value
// short wherever it is read as C text.
bool FileImport::findNulByte(const CsvRecord& record) {
    for (std::size_t field = 0; field < record.fields.size(); ++field) {
        const std::string_view text = record.fields[field];
        const std::size_t nul = text.find('\0');
        if (nul == std::string_view::npos) {
            continue;
        }
        m_problems.push_back({field < static_cast<std::size_t>(m_sourceHeader.size())
                                  ? m_sourceHeader[static_cast<qsizetype>(field)]
                                  : QString(),
                              text.substr(0, nul),
                              QStringLiteral("the value holds a NUL byte after '%1': a text export "
                                             "never does, so the file is damaged here")
                                  .arg(qs(text.substr(0, nul)))});
        return true;
    }
    return false;
}

// In a UTF-8 file with damaged bytes: the first field holding some.
bool FileImport::findDamagedText(const CsvRecord& record) {
    for (std::size_t field = 0; field < record.fields.size(); ++field) {
        const std::string_view text = record.fields[field];
        const std::size_t valid = validUtf8Prefix(text);
        if (valid == text.size()) {
            continue;
        }
        m_damagedText = qs(text).toStdString(); // stored with U+FFFD for the bad bytes
        m_problems.push_back({field < static_cast<std::size_t>(m_sourceHeader.size())
                                  ? m_sourceHeader[static_cast<qsizetype>(field)]
                                  : QString(),
                              m_damagedText, damagedUtf8Reason(text, valid)});
        return true;
    }
    return false;
}

void FileImport::reject(const CsvRecord& record, bool converted) {
    if (m_preview) {
        addPreviewRow(record, converted);
    } else {
        storeProblems(record.line);
    }
}

// A cell as it will be stored; times in the display zone, ticket
// references by their helpdesk id, unreadable values as in the source.
QString FileImport::previewCell(std::size_t column, const CsvRecord& record) const {
    const ColumnSpec& spec = m_layout.columns[column];
    const Value& value = m_values[column];
    const auto field = m_fieldOf[column];
    const auto source = [&]() -> QString {
        if (field < 0 || static_cast<std::size_t>(field) >= record.fields.size() ||
            m_nulls[column].matches(record.fields[static_cast<std::size_t>(field)])) {
            return {};
        }
        return qs(trimBlanks(record.fields[static_cast<std::size_t>(field)]));
    };
    switch (value.kind) {
    case Value::Kind::Null:
        return spec.type == FieldType::Attributes ? QString() : source();
    case Value::Kind::Real:
        return QString::number(value.real, 'g', 15);
    case Value::Kind::Text:
        return qs(value.text);
    case Value::Kind::Integer:
        break;
    }
    switch (spec.type) {
    case FieldType::Timestamp:
        return QDateTime::fromSecsSinceEpoch(value.integer, m_displayZone)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case FieldType::Boolean:
        return value.integer != 0 ? QStringLiteral("yes") : QStringLiteral("no");
    case FieldType::TicketRef:
        return source();
    default:
        return QString::number(value.integer);
    }
}

void FileImport::addPreviewRow(const CsvRecord& record, bool converted) {
    PreviewRow row;
    row.line = record.line;
    for (const std::size_t column : m_previewColumns) {
        if (converted) {
            row.cells << previewCell(column, record);
        } else {
            const int field = m_fieldOf[column];
            row.cells << (field >= 0 && static_cast<std::size_t>(field) < record.fields.size()
                              ? qs(record.fields[static_cast<std::size_t>(field)])
                              : QString());
        }
    }
    for (const Problem& problem : m_problems) {
        row.problems.push_back({problem.column, qs(problem.value), problem.reason});
    }
    m_preview->rows.push_back(std::move(row));
}

void FileImport::runPreview(ImportPreview& preview, int maxRows, const QTimeZone& displayZone) {
    m_preview = &preview;
    m_previewLimit = std::max(1, maxRows);
    m_displayZone = displayZone;
    preview = ImportPreview{};
    preview.file = m_path;
    sniff();
    try {
        surveyTimestamps();
    } catch (const CsvError& error) {
        refuse(error.line(), {}, error.message());
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
    preview.dialect = m_dialect;
    preview.headerLine = m_headerLine;
    for (std::size_t column = 0; column < m_layout.columns.size(); ++column) {
        const ColumnSpec& spec = m_layout.columns[column];
        const bool attributes = spec.type == FieldType::Attributes && !m_extras.empty();
        if (m_fieldOf[column] < 0 && !attributes) {
            continue;
        }
        m_previewColumns.push_back(column);
        preview.columns << (attributes ? QStringLiteral("attributes") : qs(spec.header));
        QStringList sources;
        if (attributes) {
            sources << (m_extras.size() == 1
                            ? QStringLiteral("1 other column")
                            : QStringLiteral("%1 other columns").arg(m_extras.size()));
        } else {
            sources << m_sourceHeader[static_cast<std::size_t>(m_fieldOf[column])];
        }
        preview.sourceColumns << sources.join(QStringLiteral(", "));
        preview.timestampForms << (m_forms[column] ? timestampFormName(*m_forms[column])
                                                   : QString());
    }
    if (m_options.kind == ImportKind::Events) {
        m_ticketLookup = m_db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
    }
    CsvReader reader(m_path, m_dialect);
    reader.setCancelFlag(m_options.cancel);
    try {
        reader.read([this](const CsvRecord& record) { return handleRecord(record); });
    } catch (const CsvError& error) {
        // A problem past the rows shown is the import's to report.
        if (preview.rows.empty()) {
            refuse(error.line(), {}, error.message());
        }
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
    if (m_result.rows == 0) {
        refuse(m_headerLine, {},
               QStringLiteral("the file has a header row but no data rows; nothing to import"));
    }
}

ImportResult FileImport::run() {
    QElapsedTimer timer;
    timer.start();
    m_result.kind = m_options.kind;
    m_result.file = m_path;
    sniff();
    try {
        surveyTimestamps();
    } catch (const CsvError& error) {
        refuse(error.line(), {}, error.message());
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }

    // No memory map of the file for an import: it writes through the page
    // cache anyway, and a map of a large workspace would count against the
    // import's memory bound (300 MB for a million tickets) for no gain.
    m_db.exec("PRAGMA mmap_size = 0");
    const bool emptyTable = m_db.queryInt64("SELECT NOT EXISTS (SELECT 1 FROM " +
                                            std::string(m_layout.table) + ")") != 0;
    const RollbackJournalForBulkLoad journal(m_db, emptyTable);
    store::Transaction transaction(m_db);
    // A 64 MiB page cache for the import: index pages stay cached, and a
    // million-ticket import peaks near 220 MB of memory.
    m_db.exec("PRAGMA cache_size = -65536");
    prepareStatements();
    loadStoredHashes();
    {
        Statement batch = m_db.prepare(
            "INSERT INTO import_batches(kind, file_name, preset, source_tz, started_at) "
            "VALUES (?, ?, ?, ?, ?)");
        batch
            .bindAll(importKindName(m_options.kind), QFileInfo(m_path).fileName(),
                     m_options.mapping ? m_options.mapping->name : QString(),
                     QString::fromUtf8(m_options.sourceZone.id()),
                     std::int64_t{QDateTime::currentSecsSinceEpoch()})
            .run();
        m_result.batch = m_db.lastInsertRowId();
    }
    CsvReader reader(m_path, m_dialect);
    reader.setComputeSha256(true);
    reader.setCancelFlag(m_options.cancel);
    if (m_options.progress) {
        reader.setProgressHandler(m_options.progress);
    }
    {
        // However the read ends, the writing thread stops before the
        // transaction commits or rolls back.
        struct StopPipeline {
            std::unique_ptr<RowPipeline>& pipeline;
            ~StopPipeline() { pipeline.reset(); }
        } stopPipeline{m_pipeline};
        startPipeline();
        try {
            reader.read([this](const CsvRecord& record) { return handleRecord(record); });
        } catch (const CsvError& error) {
            refuse(error.line(), {}, error.message());
        } catch (const ReadCancelled&) {
            throw ImportCancelled{};
        }
        if (m_pipeline) {
            m_pipeline->finish();
        }
    }
    closeHashReader();
    m_result.unchanged += m_skippedUnchanged;
    if (m_result.rows == 0) {
        refuse(m_headerLine, {},
               QStringLiteral("the file has a header row but no data rows; nothing to import"));
    }
    m_writer->finish();
    m_result.sha256Hex = reader.sha256Hex();
    m_result.dialect = m_dialect;
    m_result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    m_db.prepare("UPDATE import_batches SET sha256 = ?, seconds = ?, rows_read = ?, inserted = ?, "
                 "updated = ?, unchanged = ?, rejected = ? WHERE id = ?")
        .bindAll(std::string_view(m_result.sha256Hex.constData(),
                                  static_cast<std::size_t>(m_result.sha256Hex.size())),
                 m_result.seconds, m_result.rows, m_result.inserted, m_result.updated,
                 m_result.unchanged, m_result.rejected, m_result.batch)
        .run();
    transaction.commit();
    return m_result;
}

QString refusalText(const QString& file, std::int64_t line, const QString& column,
                    const QString& reason) {
    // FILE: line L, column C: reason
    QStringList where;
    if (line > 0) {
        where << QStringLiteral("line %1").arg(line);
    }
    if (!column.isEmpty()) {
        where << QStringLiteral("column %1").arg(column);
    }
    QString text = file + QStringLiteral(": ");
    if (!where.isEmpty()) {
        text += where.join(QStringLiteral(", ")) + QStringLiteral(": ");
    }
    return text + reason;
}

} // namespace

std::int64_t ImportPreview::rejectedRows() const {
    return std::count_if(rows.begin(), rows.end(),
                         [](const PreviewRow& row) { return row.rejected(); });
}

ImportPreview previewCsv(store::Database& db, const QString& path, const ImportOptions& options,
                         int maxRows, const QTimeZone& displayZone) {
    if (options.kind == ImportKind::History) {
        throw ImportRefused(path, 0, {},
                            QStringLiteral("a history export has no row-by-row preview: its "
                                           "tickets and events are derived from all its rows"));
    }
    ImportPreview preview;
    try {
        FileImport import(db, path, options, false);
        import.runPreview(preview, maxRows, displayZone);
        return preview;
    } catch (const NotUtf8&) {
        // Not UTF-8 past the sample: read it as Windows-1252, as the import does.
    }
    FileImport import(db, path, options, true);
    import.runPreview(preview, maxRows, displayZone);
    return preview;
}

ImportRefused::ImportRefused(const QString& file, std::int64_t line, const QString& column,
                             const QString& reason)
    : std::runtime_error(refusalText(file, line, column, reason).toStdString())
    , m_file(file)
    , m_line(line)
    , m_column(column)
    , m_reason(reason) {}

CsvSniff sniffImportFile(const QString& path) {
    CsvSniff sniff;
    try {
        sniff = sniffCsv(path);
    } catch (const CsvError& error) {
        throw ImportRefused(path, 0, {}, error.message());
    }
    if (sniff.binary) {
        throw ImportRefused(
            path, 0, {},
            QStringLiteral("the file is binary (it contains NUL bytes), not a CSV text file"));
    }
    if (sniff.empty) {
        throw ImportRefused(path, 0, {}, QStringLiteral("the file is empty"));
    }
    return sniff;
}

QString invalidSourceZoneReason() {
    return QStringLiteral("the source time zone is not a known IANA time zone (such as "
                          "Europe/Berlin or America/New_York), so naive times cannot be read");
}

ImportResult importCsv(store::Database& db, const QString& path, const ImportOptions& options) {
    try {
        FileImport import(db, path, options, false);
        return import.run();
    } catch (const NotUtf8&) {
        // Valid UTF-8 at the start but not further on: the transaction has
        // rolled back; read the whole file again as Windows-1252.
    }
    FileImport import(db, path, options, true);
    return import.run();
}

} // namespace escdesk::import

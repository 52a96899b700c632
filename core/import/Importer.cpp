#include "import/Importer.h"

#include "import/FieldValue.h"
#include "import/HeaderMapping.h"
#include "import/ImportPreview.h"
#include "import/PreviewSink.h"
#include "import/RowConverter.h"
#include "import/StoreSink.h"
#include "import/TicketRows.h"
#include "import/UnchangedRecords.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace escdesk::import {

namespace {

using store::Statement;

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

// What the converter has checked of each event the store would check again
// on every insert, off for the events import's transaction and on again
// after:
// - its ticket: the converter found the row in this transaction
//   (RowConverter: TicketRef), and the foreign-key check would look it up
//   once more, by the tickets table's rowid — a random read of a table far
//   larger than the page cache when the file is not in ticket order (SQLite
//   switches the checks only outside a transaction);
// - its kind: the converter writes only the names of SPEC §4's list
//   (parseEventName), and the table's CHECK (event IN (...)) builds a
//   temporary table of the list on every single-row insert, about a sixth
//   of the whole import.
class EventChecksDoneByConverter {
public:
    EventChecksDoneByConverter(store::Database& db, bool eventsImport)
        : m_db(db)
        , m_foreignKeys(eventsImport && db.queryInt64("PRAGMA foreign_keys") != 0)
        , m_checks(eventsImport && db.queryInt64("PRAGMA ignore_check_constraints") == 0) {
        if (m_foreignKeys) {
            db.exec("PRAGMA foreign_keys = OFF");
        }
        if (m_checks) {
            db.exec("PRAGMA ignore_check_constraints = ON");
        }
    }
    ~EventChecksDoneByConverter() {
        try {
            if (m_foreignKeys) {
                m_db.exec("PRAGMA foreign_keys = ON");
            }
            if (m_checks) {
                m_db.exec("PRAGMA ignore_check_constraints = OFF");
            }
        } catch (const store::StoreError&) {
            // The next opening of the workspace sets them again.
        }
    }
    EventChecksDoneByConverter(const EventChecksDoneByConverter&) = delete;
    EventChecksDoneByConverter& operator=(const EventChecksDoneByConverter&) = delete;

private:
    store::Database& m_db;
    bool m_foreignKeys;
    bool m_checks;
};

// ---- One file -----------------------------------------------------------------

// Reads one file through the importer's stages: the dialect and header
// (HeaderMapping), each record's structure checks and conversion
// (RowConverter), the source hash of a re-import (UnchangedRecords), and
// then one of two outputs (RowSink): the store, or a preview.
class FileImport {
public:
    FileImport(store::Database& db, const QString& path, const ImportOptions& options,
               bool afterNotUtf8)
        : m_db(db)
        , m_path(path)
        , m_options(options)
        , m_layout(layoutOf(options.kind))
        , m_header(m_layout, options.mapping, path)
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
    [[noreturn]] void refuseEmpty() {
        refuse(m_header.headerLine(), {},
               QStringLiteral("the file has a header row but no data rows; nothing to import"));
    }
    void readHeader();
    void sniff();
    EscalationFacts escalationFacts();
    void prepareConverter();
    std::optional<std::int64_t> ticketRowOf(std::string_view ticketId);
    std::int64_t recordBatch();
    void readRows(RowSink& sink, UnchangedRecords* unchanged, CsvReader& reader);
    bool handleRecord(const CsvRecord& record);

    store::Database& m_db;
    QString m_path;
    const ImportOptions& m_options;
    const Layout& m_layout;
    HeaderMapping m_header;
    bool m_afterNotUtf8; // a first read found bytes past the sample that are not UTF-8
    CsvDialect m_dialect;

    std::optional<RowConverter> m_converter;
    RowSink* m_sink = nullptr;
    UnchangedRecords* m_unchanged = nullptr; // re-import: null when not hashing
    std::int64_t m_rows = 0;                 // data rows read

    // Events: their tickets' rows, the last one remembered; all of them in
    // memory for a large file (TicketRows.h).
    std::optional<TicketRows> m_ticketRows;
    std::optional<Statement> m_ticketLookup;
    std::string m_lastTicketId;
    std::optional<std::int64_t> m_lastTicketRow;
};

void FileImport::sniff() {
    if (!m_options.sourceZone.isValid()) {
        refuse(0, {}, invalidSourceZoneReason());
    }
    const CsvSniff sniff = sniffImportFile(m_path);
    m_dialect = readingDialect(sniff, m_afterNotUtf8);
    m_header.locate(sniff);
}

// The reading stage up to the rows: dialect, header, timestamp forms.
void FileImport::readHeader() {
    sniff();
    try {
        m_header.detectTimestampForms(m_dialect, dateOrder(), m_options.cancel);
    } catch (const CsvError& error) {
        refuse(error.line(), {}, error.message());
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
}

// Read before any row: a tickets import's reading thread must not use the
// store.
EscalationFacts FileImport::escalationFacts() {
    EscalationFacts facts;
    const ImportKind kind = m_options.kind;
    if ((kind == ImportKind::Tickets && mapsEscalationColumns(kind, m_header)) ||
        kind == ImportKind::Events) {
        facts.hasEventLog = m_db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
    }
    if (kind == ImportKind::Events && !facts.hasEventLog) {
        facts.ticketsHoldEscalation =
            m_db.queryInt64("SELECT EXISTS (SELECT 1 FROM tickets WHERE escalated IS NOT NULL "
                            "OR escalated_at IS NOT NULL)") != 0;
    }
    return facts;
}

void FileImport::prepareConverter() {
    ConversionContext context;
    context.kind = m_options.kind;
    context.sourceZone = m_options.sourceZone;
    context.farFuture = farFutureFromNow();
    context.damagedUtf8 = m_dialect.damagedUtf8;
    if (m_options.kind == ImportKind::Events) {
        m_ticketLookup = m_db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
        context.ticketRowOf = [this](std::string_view id) {
            return ticketRowOf(id);
        };
    }
    context.supersededSource = supersededEscalationSource(
        m_options.kind, mapsEscalationColumns(m_options.kind, m_header), escalationFacts());
    m_converter.emplace(m_header, std::move(context));
}

std::optional<std::int64_t> FileImport::ticketRowOf(std::string_view ticketId) {
    // Event logs list a ticket's events together: remember the last one.
    if (m_lastTicketRow && ticketId == m_lastTicketId) {
        return m_lastTicketRow;
    }
    if (m_ticketRows) {
        return m_ticketRows->rowOf(ticketId);
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

void FileImport::readRows(RowSink& sink, UnchangedRecords* unchanged, CsvReader& reader) {
    m_sink = &sink;
    m_unchanged = unchanged && unchanged->active() ? unchanged : nullptr;
    reader.setCancelFlag(m_options.cancel);
    reader.read([this](const CsvRecord& record) { return handleRecord(record); });
}

bool FileImport::handleRecord(const CsvRecord& record) {
    if (record.line <= m_header.headerLine()) {
        return true; // the header and anything above it
    }
    const auto& fields = record.fields;
    if (std::all_of(fields.begin(), fields.end(),
                    [](std::string_view f) { return trimBlanks(f).empty(); })) {
        return true; // a row of empty cells carries nothing
    }
    ++m_rows;
    RowConverter& converter = *m_converter;
    if (!converter.checkStructure(record)) {
        m_sink->reject(record, nullptr, converter.problems());
        return m_sink->wantsMore(m_rows);
    }
    std::optional<std::uint64_t> sourceHash;
    if (m_unchanged) {
        sourceHash = m_unchanged->hashOf(record);
        // A record some stored row was written from, read the same way,
        // converts to that row's values: it is unchanged.
        if (m_unchanged->isStored(*sourceHash)) {
            m_sink->keepUnchanged(record.line,
                                  fields[static_cast<std::size_t>(m_header.fieldOf(0))],
                                  m_unchanged->foundRowId());
            return true;
        }
    }
    if (!converter.convert(record)) {
        m_sink->reject(record, &converter.values(), converter.problems());
    } else {
        m_sink->keep(record, converter.values(), converter.problems(), sourceHash);
    }
    return m_sink->wantsMore(m_rows);
}

void FileImport::runPreview(ImportPreview& preview, int maxRows, const QTimeZone& displayZone) {
    preview = ImportPreview{};
    preview.file = m_path;
    readHeader();
    preview.dialect = m_dialect;
    preview.headerLine = m_header.headerLine();
    PreviewSink sink(preview, m_header, maxRows, displayZone);
    prepareConverter();
    CsvReader reader(m_path, m_dialect);
    try {
        readRows(sink, nullptr, reader);
    } catch (const CsvError& error) {
        // A problem past the rows shown is the import's to report.
        if (preview.rows.empty()) {
            refuse(error.line(), {}, error.message());
        }
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
    if (m_rows == 0) {
        refuseEmpty();
    }
}

std::int64_t FileImport::recordBatch() {
    m_db.prepare("INSERT INTO import_batches(kind, file_name, preset, source_tz, started_at) "
                 "VALUES (?, ?, ?, ?, ?)")
        .bindAll(importKindName(m_options.kind), QFileInfo(m_path).fileName(),
                 m_options.mapping ? m_options.mapping->name : QString(),
                 QString::fromUtf8(m_options.sourceZone.id()),
                 std::int64_t{QDateTime::currentSecsSinceEpoch()})
        .run();
    return m_db.lastInsertRowId();
}

ImportResult FileImport::run() {
    QElapsedTimer timer;
    timer.start();
    readHeader();

    // No memory map of the file for an import: it writes through the page
    // cache anyway, and a map of a large workspace would count against the
    // import's memory bound (300 MB for a million tickets) for no gain.
    m_db.exec("PRAGMA mmap_size = 0");
    const bool emptyTable = m_db.queryInt64("SELECT NOT EXISTS (SELECT 1 FROM " +
                                            std::string(m_layout.table) + ")") != 0;
    const RollbackJournalForBulkLoad journal(m_db, emptyTable);
    const EventChecksDoneByConverter checks(m_db, m_options.kind == ImportKind::Events);
    store::Transaction transaction(m_db);
    // A 64 MiB page cache for the import: index pages stay cached, and a
    // million-ticket import peaks near 220 MB of memory.
    m_db.exec("PRAGMA cache_size = -65536");
    StoreSink sink(m_db, m_layout);
    if (m_options.kind == ImportKind::Events &&
        TicketRows::worthLoading(m_db, QFileInfo(m_path).size())) {
        m_ticketRows.emplace(m_db);
        if (!m_ticketRows->complete()) {
            m_ticketRows.reset();
        }
    }
    prepareConverter();
    UnchangedRecords unchanged(m_db, m_header,
                               m_header.readingSalt(m_options.kind, m_options.sourceZone));
    if (unchanged.anyStored()) {
        sink.expectMostUnchanged();
    }
    ImportResult result;
    result.kind = m_options.kind;
    result.file = m_path;
    result.batch = recordBatch();
    sink.setBatch(result.batch);
    CsvReader reader(m_path, m_dialect);
    reader.setComputeSha256(true);
    if (m_options.progress) {
        reader.setProgressHandler(m_options.progress);
    }
    {
        // However the read ends, the writing thread stops before the
        // transaction commits or rolls back.
        struct StopWritingThread {
            StoreSink& sink;
            ~StopWritingThread() { sink.stopWritingThread(); }
        } stopWritingThread{sink};
        // Rows that convert without the store (tickets; events whose
        // tickets are in memory) are written on a second thread.
        if (m_options.kind == ImportKind::Tickets || m_ticketRows) {
            sink.startWritingThread();
        }
        try {
            readRows(sink, &unchanged, reader);
        } catch (const CsvError& error) {
            refuse(error.line(), {}, error.message());
        } catch (const ReadCancelled&) {
            throw ImportCancelled{};
        }
        sink.finishWritingThread();
    }
    unchanged.close();
    if (m_rows == 0) {
        refuseEmpty();
    }
    sink.finish();
    const StoredCounts& counts = sink.counts();
    result.rows = m_rows;
    recordCounts(result, counts);
    result.sha256Hex = reader.sha256Hex();
    result.dialect = m_dialect;
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    recordBatchTotals(m_db, result);
    transaction.commit();
    return result;
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

CsvDialect readingDialect(const CsvSniff& sniff, bool afterNotUtf8) {
    CsvDialect dialect = sniff.dialect;
    if (afterNotUtf8) {
        if (dialect.bomLength > 0 || sniff.multibyteUtf8) {
            dialect.damagedUtf8 = true;
        } else {
            dialect.encoding = TextEncoding::Windows1252;
        }
    }
    return dialect;
}

void recordCounts(ImportResult& result, const StoredCounts& counts) {
    result.inserted = counts.inserted;
    result.updated = counts.updated;
    result.unchanged = counts.unchanged;
    result.rejected = counts.rejected;
    result.warnings = counts.warnings;
}

void recordBatchTotals(store::Database& db, const ImportResult& result) {
    db.prepare("UPDATE import_batches SET sha256 = ?, seconds = ?, rows_read = ?, inserted = ?, "
               "updated = ?, unchanged = ?, rejected = ?, warnings = ? WHERE id = ?")
        .bindAll(std::string_view(result.sha256Hex.constData(),
                                  static_cast<std::size_t>(result.sha256Hex.size())),
                 result.seconds, result.rows, result.inserted, result.updated, result.unchanged,
                 result.rejected, result.warnings, result.batch)
        .run();
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

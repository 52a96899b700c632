#include "FuzzEntries.h"

#include "import/ColumnMapping.h"
#include "import/CsvReader.h"
#include "import/HistoryImporter.h"
#include "import/ImportPreview.h"
#include "import/Importer.h"
#include "import/Timestamp.h"
#include "matrix/MatrixFile.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string_view>

namespace escdesk::fuzz {

namespace {

using import::ImportKind;
using import::ImportOptions;
using import::ImportRefused;
using import::ImportResult;

// A broken invariant is a defect like a crash: report it and abort, so that
// libFuzzer saves the input (and the regression suite fails).
void fuzzCheck(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

// The file the importer reads: one per process, rewritten for each input
// (the importer and the reader take a path, as a user's import does).
class InputFile {
public:
    explicit InputFile(const char* suffix)
        : m_path(QDir::temp().filePath(QStringLiteral("escdesk-fuzz-%1-%2.%3")
                                           .arg(QCoreApplication::applicationPid())
                                           .arg(reinterpret_cast<quintptr>(this), 0, 16)
                                           .arg(QLatin1String(suffix)))) {}
    ~InputFile() { QFile::remove(m_path); }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    const QString& write(const std::uint8_t* data, std::size_t size) {
        QFile file(m_path);
        fuzzCheck(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write input file");
        fuzzCheck(file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) ==
                      static_cast<qint64>(size),
                  "short write of input file");
        return m_path;
    }
    const QString& path() const { return m_path; }

private:
    QString m_path;
};

// A file of the source tree (tests/data/..., fuzz/...).
QString sourceFile(const char* relative) {
    return QStringLiteral(ESCDESK_SOURCE_DIR "/") + QLatin1String(relative);
}

// An in-memory workspace, emptied of imported data after each input so that
// every input starts from the same store.
class ScratchWorkspace {
public:
    ScratchWorkspace()
        : m_workspace(QStringLiteral(":memory:")) {}

    store::Database& db() { return m_workspace.db(); }

    // The rows an import may write, children first (foreign keys).
    void clear(bool keepTickets) {
        db().exec("DELETE FROM rejected_rows; DELETE FROM ticket_events;"
                  "DELETE FROM accounts; DELETE FROM known_issues;");
        if (!keepTickets) {
            db().exec("DELETE FROM tickets");
        }
        // Kept tickets still name the batch that wrote them.
        db().exec("DELETE FROM import_batches WHERE id NOT IN (SELECT batch FROM tickets WHERE "
                  "batch IS NOT NULL)");
    }
    std::int64_t count(const char* table) {
        return db().queryInt64(std::string("SELECT count(*) FROM ") + table);
    }

private:
    store::Workspace m_workspace;
};

// Imports the bytes twice: the counts must add up, and the second import of
// the same file must report every stored row unchanged and change nothing.
template <typename Import>
void importTwice(ScratchWorkspace& workspace, const char* table, const Import& run) {
    const std::int64_t batches = workspace.count("import_batches");
    std::optional<ImportResult> first;
    try {
        first = run();
    } catch (const ImportRefused&) {
        fuzzCheck(workspace.count(table) == 0, "a refused import wrote rows");
        fuzzCheck(workspace.count("import_batches") == batches,
                  "a refused import recorded a batch");
        return;
    }
    fuzzCheck(first->rows >= 0 && first->rejected >= 0, "negative counts");
    const std::int64_t stored = workspace.count(table);
    fuzzCheck(workspace.count("import_batches") == batches + 1, "one import, one batch");
    const ImportResult second = run(); // the same bytes: cannot be refused now
    fuzzCheck(second.inserted == 0, "re-import inserted rows");
    fuzzCheck(second.updated == 0, "re-import updated rows");
    fuzzCheck(second.rejected == first->rejected, "re-import rejected a different number of rows");
    fuzzCheck(second.rows == first->rows, "re-import read a different number of rows");
    fuzzCheck(workspace.count(table) == stored, "re-import changed the number of rows");
}

void importCanonical(ImportKind kind, const char* table, const QString& path) {
    static std::map<ImportKind, ScratchWorkspace> workspaces;
    ScratchWorkspace& workspace = workspaces[kind];
    const bool events = kind == ImportKind::Events;
    if (events && workspace.count("tickets") == 0) {
        // Events need tickets to belong to: those of the event seeds.
        ImportOptions options;
        options.kind = ImportKind::Tickets;
        import::importCsv(workspace.db(), sourceFile("fuzz/event-tickets.csv"), options);
    }
    workspace.clear(events);
    const std::int64_t ticketsBefore = workspace.count("tickets");
    ImportOptions options;
    options.kind = kind;
    // Naive times are read in a zone with DST gaps and folds.
    options.sourceZone = QTimeZone("Europe/Berlin");
    // The import wizard's preview first: it writes nothing, and each row
    // has a cell per column.
    const std::int64_t batches = workspace.count("import_batches");
    try {
        const import::ImportPreview preview =
            import::previewCsv(workspace.db(), path, options, 20, QTimeZone("America/New_York"));
        fuzzCheck(preview.rows.size() <= 20, "more preview rows than asked for");
        for (const import::PreviewRow& row : preview.rows) {
            fuzzCheck(row.cells.size() == preview.columns.size(),
                      "a preview row without its cells");
        }
    } catch (const ImportRefused&) {
    }
    fuzzCheck(workspace.count("import_batches") == batches && workspace.count(table) == 0,
              "the preview wrote to the store");
    importTwice(workspace, table, [&] { return import::importCsv(workspace.db(), path, options); });
    if (events) {
        fuzzCheck(workspace.count("tickets") == ticketsBefore, "an events import changed tickets");
    }
    workspace.clear(events);
}

void importHistory(const QString& path) {
    static ScratchWorkspace workspace;
    static const import::HistoryMapping mapping = import::readHistoryMappingFile(
        sourceFile("tests/data/import/history/servicenow-incident-log.json"));
    workspace.clear(false);
    ImportOptions options;
    options.sourceZone = QTimeZone("Europe/Berlin");
    options.dateOrder = import::DateOrder::DayFirst;
    importTwice(workspace, "tickets",
                [&] { return import::importHistoryCsv(workspace.db(), path, mapping, options); });
    workspace.clear(false);
}

} // namespace

void fuzzCsvReader(const std::uint8_t* data, std::size_t size) {
    static InputFile input("csv");
    const QString& path = input.write(data, size);
    const import::CsvSniff sniff = import::sniffCsv(path);
    if (sniff.binary || sniff.empty) {
        return;
    }
    auto readAll = [&path](import::CsvDialect dialect) {
        import::CsvReader reader(path, dialect);
        reader.setComputeSha256(true);
        std::int64_t lastLine = 0;
        reader.read([&lastLine](const import::CsvRecord& record) {
            fuzzCheck(record.line > lastLine, "record lines must increase");
            fuzzCheck(!record.fields.empty(), "a record without fields");
            lastLine = record.line;
            return true;
        });
        fuzzCheck(reader.sha256Hex().size() == 64, "no SHA-256 after a complete read");
    };
    try {
        try {
            readAll(sniff.dialect);
        } catch (const import::NotUtf8&) {
            fuzzCheck(sniff.dialect.encoding == import::TextEncoding::Utf8,
                      "NotUtf8 from a non-UTF-8 read");
            import::CsvDialect dialect = sniff.dialect;
            dialect.encoding = import::TextEncoding::Windows1252;
            readAll(dialect);
        }
    } catch (const import::CsvError&) {
        // An unterminated quote: the import refuses the file.
    }
}

void fuzzImport(const std::uint8_t* data, std::size_t size) {
    static InputFile input("csv");
    const QString& path = input.write(data, size);
    // Each kind has its own required columns: an input that is no file of
    // a kind is refused at its header, cheaply, before the next kind.
    importCanonical(ImportKind::Tickets, "tickets", path);
    importCanonical(ImportKind::Events, "ticket_events", path);
    importCanonical(ImportKind::Accounts, "accounts", path);
    importCanonical(ImportKind::KnownIssues, "known_issues", path);
    importHistory(path);
}

void fuzzTimestamp(const std::uint8_t* data, std::size_t size) {
    const std::string_view value(reinterpret_cast<const char*>(data), size);
    static import::SourceTimeZone berlin(QTimeZone("Europe/Berlin"));
    static import::SourceTimeZone utc(QTimeZone::utc());
    using import::TimestampForm;
    for (const TimestampForm form :
         {TimestampForm::Iso8601, TimestampForm::SlashMonthFirst, TimestampForm::SlashDayFirst,
          TimestampForm::Dotted, TimestampForm::Jira, TimestampForm::EpochSeconds,
          TimestampForm::EpochMillis, TimestampForm::DashMonthFirst, TimestampForm::DashDayFirst,
          TimestampForm::YearFirst, TimestampForm::DayMonthName, TimestampForm::MonthNameFirst}) {
        import::TimestampProblem problem = import::TimestampProblem::None;
        const auto parsed = import::parseTimestamp(value, form, problem);
        fuzzCheck(parsed.has_value() == (problem == import::TimestampProblem::None),
                  "a result and a problem at once");
        if (parsed && parsed->naive) {
            const UtcSeconds inBerlin = berlin.toUtc(parsed->seconds);
            const UtcSeconds inUtc = utc.toUtc(parsed->seconds);
            fuzzCheck(inUtc == parsed->seconds, "UTC local time is not the instant");
            // Berlin is UTC+1 or +2; a gap moves the time forward by at most an hour.
            fuzzCheck(inBerlin >= parsed->seconds - 2 * 3600 && inBerlin <= parsed->seconds,
                      "Europe/Berlin offset out of range");
        }
    }
    // Form detection over the value's lines, as a column's first values.
    import::TimestampFormDetector detector;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find('\n', start), value.size());
        const std::string_view line = value.substr(start, end - start);
        if (!line.empty()) {
            detector.add(line);
        }
        start = end + 1;
    }
    for (const auto order :
         {import::DateOrder::Unknown, import::DateOrder::DayFirst, import::DateOrder::MonthFirst}) {
        bool ambiguous = false;
        const auto form = detector.form(order, ambiguous);
        fuzzCheck(!(form && ambiguous), "a form and ambiguous at once");
    }
}

void fuzzMatrixFile(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const matrix::MatrixFileReading reading = matrix::readMatrixFile(bytes);
    for (const matrix::FileProblem& problem : reading.problems) {
        fuzzCheck(problem.line >= 0 && problem.column >= 0, "negative problem position");
        fuzzCheck(!problem.message.isEmpty(), "a problem without a message");
    }
    if (reading.ok()) {
        // What reads must write and read back to the same matrix.
        const matrix::MatrixFileReading again =
            matrix::readMatrixFile(matrix::writeMatrixFile(*reading.matrix));
        fuzzCheck(again.ok(), "a written matrix file does not read");
        fuzzCheck(*again.matrix == *reading.matrix, "a matrix changed by write and read");
    }
}

void fuzzColumnMapping(const std::uint8_t* data, std::size_t size) {
    static InputFile input("json");
    static ScratchWorkspace workspace;
    const QString& path = input.write(data, size);
    try {
        const import::ColumnMapping mapping = import::readMappingFile(path);
        if (mapping.kind == ImportKind::Tickets) {
            ImportOptions options;
            options.mapping = &mapping;
            workspace.clear(false);
            try {
                import::importCsv(workspace.db(),
                                  sourceFile("tests/data/import/presets/custom-export.csv"),
                                  options);
            } catch (const ImportRefused&) {
                // A mapping whose columns are not in the file.
            }
            workspace.clear(false);
        }
    } catch (const import::MappingError&) {
    }
    try {
        const import::HistoryMapping mapping = import::readHistoryMappingFile(path);
        workspace.clear(false);
        try {
            import::importHistoryCsv(
                workspace.db(), sourceFile("tests/data/import/history/servicenow-incident-log.csv"),
                mapping, ImportOptions{});
        } catch (const ImportRefused&) {
        }
        workspace.clear(false);
    } catch (const import::MappingError&) {
    }
}

const std::vector<NamedEntry>& fuzzEntries() {
    static const std::vector<NamedEntry> entries{
        {"fuzz_csv_reader", fuzzCsvReader},         {"fuzz_import", fuzzImport},
        {"fuzz_timestamp", fuzzTimestamp},          {"fuzz_matrix_file", fuzzMatrixFile},
        {"fuzz_column_mapping", fuzzColumnMapping},
    };
    return entries;
}

} // namespace escdesk::fuzz

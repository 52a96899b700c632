// escdesk import: imports CSV files of one kind into the workspace, each as
// one transaction and one batch (SPEC §4, §10); escdesk import-rejects
// exports the rows a batch could not store.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "import/HistoryImporter.h"
#include "import/ImportBatches.h"
#include "import/Importer.h"
#include "import/RejectedRows.h"
#include "import/ReviewImporter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::cli {

namespace {

using import::ChecklistColumns;
using import::ImportKind;
using import::ImportResult;

// Files above this size report their progress on stderr.
constexpr qint64 progressThresholdBytes = 4 * 1024 * 1024;

// --item-column ITEM=COLUMN (repeated) and --items-column COLUMN: where a
// helpdesk's checklist custom fields are (checklist-runs only). (The return
// type is not spelled import::…: clang-format reads a line starting with
// "import" as a C++20 module import.)
ChecklistColumns checklistColumnsOption(const QCommandLineParser& parser, ImportKind kind) {
    ChecklistColumns columns;
    const QStringList itemColumns = parser.values(QStringLiteral("item-column"));
    const bool listColumn = parser.isSet(QStringLiteral("items-column"));
    if ((!itemColumns.isEmpty() || listColumn) && kind != ImportKind::ChecklistRuns) {
        throw UsageProblem{
            QStringLiteral("--item-column and --items-column go with --kind checklist-runs.")};
    }
    for (const QString& value : itemColumns) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == value.size() - 1) {
            throw UsageProblem{QStringLiteral("--item-column: '%1' is not ITEM=COLUMN (the "
                                              "checklist item's id or text, the column's "
                                              "header).")
                                   .arg(value)};
        }
        columns.itemColumns.push_back(
            {value.left(equals).trimmed(), value.mid(equals + 1).trimmed()});
    }
    if (listColumn) {
        columns.listColumn = parser.value(QStringLiteral("items-column")).trimmed();
    }
    return columns;
}

ImportKind kindOption(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("kind"))) {
        throw UsageProblem{
            QStringLiteral("--kind is required: tickets, events, accounts, known-issues, "
                           "history, decisions, actions or checklist-runs.")};
    }
    const auto kind = import::parseImportKind(parser.value(QStringLiteral("kind")));
    if (!kind) {
        throw UsageProblem{QStringLiteral("--kind: '%1' is not one of tickets, events, accounts, "
                                          "known-issues, history, decisions, actions, "
                                          "checklist-runs.")
                               .arg(parser.value(QStringLiteral("kind")))};
    }
    return *kind;
}

QTimeZone sourceZoneOption(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("source-tz"))) {
        return QTimeZone::utc();
    }
    const QByteArray name = parser.value(QStringLiteral("source-tz")).toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(name)) {
        throw UsageProblem{QStringLiteral("--source-tz: '%1' is not a known IANA time zone (for "
                                          "example Europe/Berlin or America/New_York).")
                               .arg(QString::fromUtf8(name))};
    }
    return QTimeZone(name);
}

import::DateOrder dateOrderOption(const QCommandLineParser& parser){
    if (!parser.isSet(QStringLiteral("date-order"))){return import::DateOrder::Unknown;
} // namespace
const QString value = parser.value(QStringLiteral("date-order")).toLower();
if (value == QLatin1String("dmy")) {
    return import::DateOrder::DayFirst;
}
if (value == QLatin1String("mdy")) {
    return import::DateOrder::MonthFirst;
}
throw UsageProblem{
    QStringLiteral("--date-order: '%1' is not dmy or mdy.").arg(parser.value("date-order"))};
} // namespace escdesk::cli

// --preset NAME or --map FILE; a mapping must be for the --kind imported.
std::optional<import::ColumnMapping> mappingOption(const QCommandLineParser& parser,
                                                   ImportKind kind) {
    const bool preset = parser.isSet(QStringLiteral("preset"));
    const bool map = parser.isSet(QStringLiteral("map"));
    if (preset && map) {
        throw UsageProblem{QStringLiteral("Give either --preset or --map, not both.")};
    }
    std::optional<import::ColumnMapping> mapping;
    if (preset) {
        mapping = import::presetMapping(parser.value(QStringLiteral("preset")));
        if (!mapping) {
            throw UsageProblem{QStringLiteral("--preset: '%1' is not one of %2.")
                                   .arg(parser.value(QStringLiteral("preset")),
                                        import::presetNames().join(QStringLiteral(", ")))};
        }
    } else if (map) {
        try {
            mapping = import::readMappingFile(parser.value(QStringLiteral("map")));
        } catch (const import::MappingError& error) {
            throw UsageProblem{error.message()};
        }
    }
    if (mapping && mapping->kind != kind) {
        throw UsageProblem{QStringLiteral("The mapping %1 is for %2, not %3.")
                               .arg(mapping->name, import::importKindName(mapping->kind),
                                    import::importKindName(kind))};
    }
    return mapping;
}

// --kind history needs --map FILE naming the case, time and change columns.
import::HistoryMapping historyMappingOption(const QCommandLineParser& parser){
    if (!parser.isSet(QStringLiteral("map")) || parser.isSet(QStringLiteral("preset"))){
        throw UsageProblem{QStringLiteral("--kind history needs --map FILE: a history mapping "
                                          "naming the case, time and change columns.")};
}
try {
    return import::readHistoryMappingFile(parser.value(QStringLiteral("map")));
} catch (const import::MappingError& error) {
    throw UsageProblem{error.message()};
}
}

QJsonObject resultJson(const ImportResult& r) {
    return QJsonObject{
        {QStringLiteral("batch"), qint64(r.batch)},
        {QStringLiteral("kind"), import::importKindName(r.kind)},
        {QStringLiteral("file"), r.file},
        {QStringLiteral("rows"), qint64(r.rows)},
        {QStringLiteral("inserted"), qint64(r.inserted)},
        {QStringLiteral("updated"), qint64(r.updated)},
        {QStringLiteral("unchanged"), qint64(r.unchanged)},
        {QStringLiteral("rejected"), qint64(r.rejected)},
        {QStringLiteral("warnings"), qint64(r.warnings)},
        {QStringLiteral("seconds"), r.seconds},
    };
}

void printSummary(const ImportResult& r) {
    out() << r.file << ": " << r.rows << " rows: " << r.inserted << " inserted, " << r.updated
          << " updated, " << r.unchanged << " unchanged, " << r.rejected << " rejected";
    if (r.warnings > 0) {
        out() << ", " << r.warnings << (r.warnings == 1 ? " warning" : " warnings");
    }
    out() << " (batch " << r.batch << ", " << QString::number(r.seconds, 'f', 2) << " s, "
          << import::textEncodingName(r.dialect.encoding) << ", "
          << import::delimiterName(r.dialect.delimiter) << "-separated)\n";
}

// True when the file had rows and none of them could be stored: they are all
// in the batch as rejected rows, and the command fails as for a refused file.
bool noRowRead(const ImportResult& r) {
    return r.rows > 0 && r.rejected == r.rows;
}

// The first few of a batch's rejections or warnings, one line each.
void printFirstProblems(const ImportResult& r, const std::vector<import::RejectedRow>& rows,
                        bool warnings) {
    constexpr std::int64_t shown = 5;
    std::int64_t printed = 0;
    std::int64_t total = 0;
    for (const auto& row : rows) {
        if (row.warning != warnings) {
            continue;
        }
        if (++total > shown) {
            continue;
        }
        ++printed;
        err() << r.file << ": line " << row.line;
        if (!row.column.isEmpty()) {
            err() << ", column " << row.column;
        }
        err() << (warnings ? ": warning: " : ": ") << row.reason << '\n';
    }
    if (total > printed) {
        err() << "  ... and " << total - printed << " more\n";
    }
}

// The first rejected rows and warnings, so that a user sees what went wrong
// at once.
void printRejections(store::Database& db, const ImportResult& r) {
    if (r.rejected == 0 && r.warnings == 0) {
        return;
    }
    if (noRowRead(r)) {
        err() << "escdesk import: " << r.file << ": no row could be read: all " << r.rows
              << (r.rows == 1 ? " row was" : " rows were") << " rejected (batch " << r.batch
              << "). The first reasons:\n";
    }
    const auto rows = import::rejectedRowsOf(db, r.batch);
    printFirstProblems(r, rows, false);
    if (r.warnings > 0) {
        err() << r.file << ": " << r.warnings << (r.warnings == 1 ? " warning" : " warnings")
              << " (the rows are stored; a value that could not be read is stored as "
                 "empty):\n";
        printFirstProblems(r, rows, true);
    }
    err() << "  All rejected rows and warnings: escdesk import-rejects --batch " << r.batch
          << " --out rejected.csv\n";
    err().flush();
}

std::function<void(std::int64_t, std::int64_t)> progressPrinter(const QString& file) {
    auto lastPercent = std::make_shared<int>(-1);
    return [file, lastPercent](std::int64_t read, std::int64_t total) {
        if (total < progressThresholdBytes) {
            return;
        }
        const int percent = static_cast<int>(read * 100 / total);
        if (percent / 5 != *lastPercent / 5) {
            *lastPercent = percent;
            err() << "importing " << file << ": " << percent << "%\n";
            err().flush();
        }
    };
}

} // namespace

int runImport(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import CSV files of one kind into the workspace. Each file is one transaction and one "
        "batch: rows are matched by id, unchanged rows are left alone, changed rows are updated, "
        "new rows are added. Only what identifies a row (its id and creation time; for events "
        "the ticket, time and kind) can reject it: rows that cannot be stored are kept as "
        "rejected rows, and any other value that cannot be read is stored as empty with a "
        "warning (see escdesk import-rejects). With --json, one file prints one object {batch, "
        "kind, file, rows, inserted, updated, unchanged, rejected, warnings, seconds}; several "
        "files print "
        "{\"files\": [those objects]}, a refused file as {file, kind, refused}. Exit status: 0 "
        "imported, 1 a file was refused (stderr names file, line, column and reason) or none of "
        "its rows could be read (all are kept as rejected rows; stderr shows the first reasons), "
        "2 usage."));
    addDatabaseOption(parser);
    parser.addOption({QStringLiteral("kind"),
                      QStringLiteral("What the files hold: tickets, events, accounts, "
                                     "known-issues, history (one row per change of a ticket; "
                                     "needs --map), or the weekly review's decisions, actions "
                                     "and checklist-runs."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("item-column"),
                      QStringLiteral("checklist-runs from a helpdesk export: the checkbox column "
                                     "that says whether the checklist item ITEM (its id or "
                                     "text) was done; repeat for each item."),
                      QStringLiteral("ITEM=COLUMN")});
    parser.addOption({QStringLiteral("items-column"),
                      QStringLiteral("checklist-runs from a helpdesk export: the multi-select "
                                     "column listing the items done (a repeated column is "
                                     "joined)."),
                      QStringLiteral("COLUMN")});
    parser.addOption({QStringLiteral("preset"),
                      QStringLiteral("The layout of a helpdesk's ticket export: %1.")
                          .arg(import::presetNames().join(QStringLiteral(", "))),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("map"),
                      QStringLiteral("A saved custom column mapping (JSON: name, kind, "
                                     "date_order, fields)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("source-tz"),
                      QStringLiteral("IANA time zone of timestamps without an offset (default "
                                     "UTC)."),
                      QStringLiteral("ZONE")});
    parser.addOption({QStringLiteral("date-order"),
                      QStringLiteral("dmy or mdy: how to read slash dates whose values do not "
                                     "tell day from month."),
                      QStringLiteral("ORDER")});
    addJsonOption(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("CSV files to import."),
                                 QStringLiteral("FILE..."));
    parseOrThrow(parser, arguments);

    import::ImportOptions options;
    options.kind = kindOption(parser);
    options.sourceZone = sourceZoneOption(parser);
    options.dateOrder = dateOrderOption(parser);
    std::optional<import::ColumnMapping> mapping;
    std::optional<import::HistoryMapping> history;
    if (options.kind == ImportKind::History) {
        history = historyMappingOption(parser);
    } else {
        mapping = mappingOption(parser, options.kind);
    }
    options.mapping = mapping ? &*mapping : nullptr;
    const ChecklistColumns checklistColumns = checklistColumnsOption(parser, options.kind);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        throw UsageProblem{QStringLiteral("Name at least one CSV file to import.")};
    }
    const bool json = parser.isSet(QStringLiteral("json"));

    auto workspace = openWorkspaceToWrite(parser);
    QJsonArray results;
    int status = Success;
    for (const QString& file : files) {
        options.progress = progressPrinter(file);
        try {
            const ImportResult result =
                history ? import::importHistoryCsv(workspace->db(), file, *history, options)
                : import::isReviewKind(options.kind)
                    ? import::importReviewCsv(workspace->db(), file, options, checklistColumns)
                    : import::importCsv(workspace->db(), file, options);
            if (json) {
                results.append(resultJson(result));
            } else {
                printSummary(result);
            }
            printRejections(workspace->db(), result);
            if (noRowRead(result)) {
                status = RefusedInput;
            }
        } catch (const import::ImportRefused& refused) {
            err() << "escdesk import: " << refused.message() << '\n';
            err().flush();
            status = RefusedInput;
            if (json && files.size() > 1) {
                results.append(
                    QJsonObject{{QStringLiteral("file"), file},
                                {QStringLiteral("kind"), import::importKindName(options.kind)},
                                {QStringLiteral("refused"), refused.message()}});
            }
        }
    }
    if (json) {
        if (files.size() == 1) {
            if (!results.isEmpty()) {
                out() << QJsonDocument(results.first().toObject()).toJson(QJsonDocument::Compact)
                      << '\n';
            }
        } else {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("files"), results}})
                         .toJson(QJsonDocument::Compact)
                  << '\n';
        }
    }
    return status;
}

int runImportRejects(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export the rejected rows and warnings of an import batch as CSV: line, outcome "
        "(rejected: the row was not stored; warning: the row was stored with this value "
        "empty), column, value, reason."));
    addDatabaseOption(parser);
    parser.addOption(
        {QStringLiteral("batch"), QStringLiteral("The import batch number."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("The CSV file to write (default: standard output)."),
                      QStringLiteral("FILE")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const auto batch = positiveIntegerOption(parser, QStringLiteral("batch"));
    if (!batch) {
        throw UsageProblem{QStringLiteral("--batch N is required.")};
    }
    auto workspace = openWorkspace(parser);
    QFile file;
    if (parser.isSet(QStringLiteral("out"))) {
        file.setFileName(parser.value(QStringLiteral("out")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err() << "escdesk import-rejects: cannot write " << file.fileName() << ": "
                  << file.errorString() << '\n';
            return RefusedInput;
        }
    } else {
        out().flush();
        if (!file.open(stdout, QIODevice::WriteOnly)) {
            return RefusedInput;
        }
    }
    const std::int64_t rows = import::writeRejectedRowsCsv(workspace->db(), *batch, file);
    file.close();
    if (parser.isSet(QStringLiteral("out"))) {
        err() << rows << " rejected rows and warnings of batch " << *batch << " written to "
              << file.fileName() << '\n';
    }
    return Success;
}

int runImportBatches(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the import batches of the workspace, newest first: kind, file, preset, source "
        "zone, when, and rows read / inserted / updated / unchanged / rejected, and warnings. "
        "With --json, {\"batches\": [{batch, kind, file, sha256, preset, source_tz, started_at, "
        "seconds, rows, inserted, updated, unchanged, rejected, warnings}]}."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    auto workspace = openWorkspace(parser);
    QJsonArray list;
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto textOrNull = [](const QString& text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    for (const import::ImportBatch& batch : import::importBatches(workspace->db())) {
        const QString startedAt = toIsoUtc(batch.startedAt);
        if (json) {
            list.append(QJsonObject{
                {QStringLiteral("batch"), qint64(batch.id)},
                {QStringLiteral("kind"), batch.kind},
                {QStringLiteral("file"), batch.file},
                {QStringLiteral("sha256"), textOrNull(batch.sha256)},
                {QStringLiteral("preset"), textOrNull(batch.preset)},
                {QStringLiteral("source_tz"), textOrNull(batch.sourceZone)},
                {QStringLiteral("started_at"), startedAt},
                {QStringLiteral("seconds"), batch.seconds},
                {QStringLiteral("rows"), qint64(batch.rows)},
                {QStringLiteral("inserted"), qint64(batch.inserted)},
                {QStringLiteral("updated"), qint64(batch.updated)},
                {QStringLiteral("unchanged"), qint64(batch.unchanged)},
                {QStringLiteral("rejected"), qint64(batch.rejected)},
                {QStringLiteral("warnings"), qint64(batch.warnings)},
            });
            continue;
        }
        out() << "batch " << batch.id << "  " << startedAt << "  " << batch.kind << "  "
              << batch.file;
        if (!batch.preset.isEmpty()) {
            out() << " (" << batch.preset << ")";
        }
        out() << "\n    " << batch.rows << " rows: " << batch.inserted << " inserted, "
              << batch.updated << " updated, " << batch.unchanged << " unchanged, "
              << batch.rejected << " rejected";
        if (batch.warnings > 0) {
            out() << ", " << batch.warnings << (batch.warnings == 1 ? " warning" : " warnings");
        }
        out() << '\n';
    }
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("batches"), list}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    }
    return Success;
}

} // namespace escdesk::cli

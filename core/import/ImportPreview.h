#pragma once

// The first rows of a file as an import would store them, computed by the
// importer's own detection and conversion but without writing anything: the
// mapped canonical columns, timestamps converted to UTC (shown in a display
// zone), and the rows that would be rejected with their reasons. The import
// wizard shows it before the user commits to an import.

#include "import/CsvReader.h"
#include "import/Importer.h"
#include "store/Database.h"

#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <cstdint>
#include <vector>

namespace escdesk::import {

struct PreviewProblem {
    QString column; // canonical column; empty for the whole row
    QString value;
    QString reason;
    // A warning: the row is stored, this value as empty (or kept, for a
    // time far in the future). Otherwise the problem rejects the row.
    bool warning = false;
};

struct PreviewRow {
    std::int64_t line = 0; // the file line on which the record starts
    QStringList cells;     // one per ImportPreview::columns, as stored
    std::vector<PreviewProblem> problems;
    bool rejected() const; // a problem that is not a warning
};

struct ImportPreview {
    QString file;
    CsvDialect dialect;
    std::int64_t headerLine = 0;
    QStringList columns;        // the canonical columns the file fills, store order
    QStringList sourceColumns;  // the source header each one is read from
    QStringList timestampForms; // per column: the detected form, empty if not a time
    std::vector<PreviewRow> rows;
    std::int64_t rejectedRows() const;
    std::int64_t warnings() const; // of the rows that would be stored
};

// Reads up to maxRows data rows of `path` as importCsv() would with
// `options` (kinds tickets, events, accounts and known issues; events look
// their tickets up in `db`, read-only). Timestamps are formatted
// "yyyy-MM-dd HH:mm" in displayZone. Throws ImportRefused for a file the
// import would refuse, ImportCancelled when options.cancel is raised.
ImportPreview previewCsv(store::Database& db, const QString& path, const ImportOptions& options,
                         int maxRows, const QTimeZone& displayZone);

} // namespace escdesk::import

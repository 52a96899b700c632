#pragma once

// Imports one CSV file of a canonical layout (SPEC §4) into a workspace as
// one transaction and one recorded batch, with sync semantics: rows are
// upserted by id and compared before writing, so re-importing a file changes
// nothing and a newer export updates only the rows that changed. Rows that
// cannot be stored are kept in rejected_rows with line, column and reason.

#include "import/ColumnMapping.h"
#include "import/CsvReader.h"
#include "import/ImportKind.h"
#include "import/Timestamp.h"
#include "store/Database.h"

#include <QString>
#include <QTimeZone>

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>

namespace escdesk::import {

struct ImportOptions {
    ImportKind kind = ImportKind::Tickets;
    // The zone naive timestamps are read in.
    QTimeZone sourceZone = QTimeZone::utc();
    // Day/month order of slash dates when the values cannot tell.
    DateOrder dateOrder = DateOrder::Unknown;
    // A preset or custom mapping of the source's columns (recorded with the
    // batch by name); null for the canonical layout.
    const ColumnMapping* mapping = nullptr;
    std::function<void(std::int64_t bytesRead, std::int64_t totalBytes)> progress;
    const std::atomic<bool>* cancel = nullptr; // raised: the import rolls back
};

// What an import did with the rows it read, as it counts them.
struct StoredCounts {
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::int64_t warnings = 0; // of rows that were stored
};

struct ImportResult {
    std::int64_t batch = 0;
    ImportKind kind = ImportKind::Tickets;
    QString file;
    std::int64_t rows = 0; // data rows read
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    // Values stored as empty (or kept) with a warning, in rows that were stored.
    std::int64_t warnings = 0;
    double seconds = 0;
    CsvDialect dialect;
    QByteArray sha256Hex;
};

// The file was refused before anything was written (the store is as it was).
class ImportRefused : public std::runtime_error {
public:
    ImportRefused(const QString& file, std::int64_t line, const QString& column,
                  const QString& reason);
    const QString& file() const { return m_file; }
    std::int64_t line() const { return m_line; } // 0: the whole file
    const QString& column() const { return m_column; }
    const QString& reason() const { return m_reason; }
    // "FILE: line L, column C: reason"
    QString message() const { return QString::fromUtf8(what()); }

private:
    QString m_file;
    std::int64_t m_line;
    QString m_column;
    QString m_reason;
};

// The import was cancelled through ImportOptions::cancel and rolled back.
struct ImportCancelled {};

// Sniffs a file about to be imported: its dialect and first records. Refuses
// (ImportRefused, line 0) a file that cannot be read, is binary or is empty.
CsvSniff sniffImportFile(const QString& path);

// The dialect to read a sniffed file in. `afterNotUtf8` is the second
// reading after the first found bytes that are not UTF-8: a UTF-8 file (a
// BOM, or multi-byte sequences in the sample) is damaged there, one without
// any is a legacy Windows-1252 export. Every importer decides it alike.
CsvDialect readingDialect(const CsvSniff& sniff, bool afterNotUtf8);

// Copies the counts into the result, as every importer reports them.
void recordCounts(ImportResult& result, const StoredCounts& counts);

// Writes an import's totals (hash, seconds, rows read and the counts) into
// its batch's row, as the last step of its transaction.
void recordBatchTotals(store::Database& db, const ImportResult& result);

// Why a file is refused when ImportOptions::sourceZone is not a valid zone.
QString invalidSourceZoneReason();

// Throws ImportRefused, ImportCancelled or store::StoreError.
ImportResult importCsv(store::Database& db, const QString& path, const ImportOptions& options);

} // namespace escdesk::import

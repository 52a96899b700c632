#pragma once

// The rows an import could not store, and the values it stored as empty
// (warnings), kept per batch so that nothing is lost without a word, and
// their export as CSV for fixing at the source.

#include "store/Database.h"

#include <QIODevice>
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace escdesk::import {

struct RejectedRow {
    std::int64_t line = 0;
    QString column;
    QString value;
    QString reason;
    // The row was stored, this value as empty (or kept, for a time far in
    // the future); otherwise the row was rejected.
    bool warning = false;
};

// Writes rejected rows and warnings into rejected_rows, for every kind of
// import: the one place their outcome is spelled ("rejected", "warning").
class RejectedRowRecorder {
public:
    explicit RejectedRowRecorder(store::Database& db);
    // An empty value is stored as NULL.
    void record(std::int64_t batch, std::int64_t line, const QString& column,
                std::string_view value, const QString& reason, bool warning);

private:
    store::Statement m_insert;
};

// The rejected rows and warnings of a batch in line order; throws
// StoreError when the batch does not exist.
std::vector<RejectedRow> rejectedRowsOf(store::Database& db, std::int64_t batch);

// Writes them as CSV with the header line,outcome,column,value,reason
// (outcome "rejected" or "warning"; RFC 4180, UTF-8, CRLF line ends);
// returns the number of rows written.
std::int64_t writeRejectedRowsCsv(store::Database& db, std::int64_t batch, QIODevice& out);

} // namespace escdesk::import

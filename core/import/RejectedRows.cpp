#include "import/RejectedRows.h"

#include "text/SpreadsheetCell.h"

#include <csv.h>

#include <string>

namespace escdesk::import {

namespace {

// libcsv's writer quotes every field and doubles embedded quotes; quoting
// does not stop a spreadsheet from evaluating a formula, so a rejected value
// such as =cmd|' /C calc'!A0 is neutralised first.
void appendField(std::string& line, const QString& text) {
    const QByteArray utf8 = text::spreadsheetSafeCell(text).toUtf8();
    std::string quoted(static_cast<std::size_t>(utf8.size()) * 2 + 2, '\0');
    const std::size_t length = csv_write(quoted.data(), quoted.size(), utf8.constData(),
                                         static_cast<std::size_t>(utf8.size()));
    quoted.resize(length);
    if (!line.empty()) {
        line += ',';
    }
    line += quoted;
}

} // namespace

RejectedRowRecorder::RejectedRowRecorder(store::Database& db)
    : m_insert(db.prepare("INSERT INTO rejected_rows(batch, line, column_name, value, reason, "
                          "outcome) VALUES (?, ?, ?, ?, ?, ?)")) {}

void RejectedRowRecorder::record(std::int64_t batch, std::int64_t line, const QString& column,
                                 std::string_view value, const QString& reason, bool warning) {
    m_insert.bind(1, batch).bind(2, line).bind(3, column);
    if (value.empty()) {
        m_insert.bindNull(4);
    } else {
        m_insert.bind(4, value);
    }
    m_insert.bind(5, reason)
        .bind(6, warning ? std::string_view("warning") : std::string_view("rejected"))
        .run();
}

std::vector<RejectedRow> rejectedRowsOf(store::Database& db, std::int64_t batch) {
    store::Statement exists = db.prepare("SELECT 1 FROM import_batches WHERE id = ?");
    exists.bind(1, batch);
    if (!exists.step()) {
        throw store::StoreError(
            QStringLiteral("There is no import batch %1 in the workspace.").arg(batch));
    }
    store::Statement rows =
        db.prepare("SELECT line, column_name, value, reason, outcome = 'warning' FROM "
                   "rejected_rows WHERE batch = ? ORDER BY line, id");
    rows.bind(1, batch);
    std::vector<RejectedRow> result;
    while (rows.step()) {
        result.push_back(
            {rows.int64(0), rows.text(1), rows.text(2), rows.text(3), rows.int64(4) != 0});
    }
    return result;
}

std::int64_t writeRejectedRowsCsv(store::Database& db, std::int64_t batch, QIODevice& out) {
    const std::vector<RejectedRow> rows = rejectedRowsOf(db, batch);
    out.write("line,outcome,column,value,reason\r\n");
    for (const RejectedRow& row : rows) {
        std::string line = std::to_string(row.line);
        appendField(line, row.warning ? QStringLiteral("warning") : QStringLiteral("rejected"));
        appendField(line, row.column);
        appendField(line, row.value);
        appendField(line, row.reason);
        line += "\r\n";
        out.write(line.data(), static_cast<qint64>(line.size()));
    }
    return static_cast<std::int64_t>(rows.size());
}

} // namespace escdesk::import

#include "import/TableWriter.h"

#include "import/DuplicateRows.h"
#include "import/RecordHash.h"
#include "import/ReviewLayouts.h"

#include <algorithm>
#include <regex>
#include <string>

namespace escdesk::import {

namespace {

using store::Statement;

std::string joined(const std::vector<ColumnSpec>& columns, std::size_t from, std::size_t to,
                   std::string_view suffix) {
    std::string text;
    for (std::size_t i = from; i < to; ++i) {
        if (!text.empty()) {
            text += ", ";
        }
        text += columns[i].column;
        text += suffix;
    }
    return text;
}

std::string placeholders(std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        text += i == 0 ? "?" : ", ?";
    }
    return text;
}

void bindHash(Statement& statement, int index, std::optional<std::uint64_t> hash) {
    if (hash) {
        statement.bind(index, static_cast<std::int64_t>(*hash)); // the bits, as SQLite stores them
    } else {
        statement.bindNull(index);
    }
}

void bindValue(Statement& statement, int index, const Value& value) {
    switch (value.kind) {
    case Value::Kind::Null:
        statement.bindNull(index);
        break;
    case Value::Kind::Integer:
        statement.bind(index, value.integer);
        break;
    case Value::Kind::Real:
        statement.bind(index, value.real);
        break;
    case Value::Kind::Text:
        // The record's bytes outlive the statement's run.
        statement.bindNoCopy(index, value.text);
        break;
    }
}

bool sameValue(const Statement& row, int column, const Value& value) {
    if (value.kind == Value::Kind::Null || row.isNull(column)) {
        return value.kind == Value::Kind::Null && row.isNull(column);
    }
    switch (value.kind) {
    case Value::Kind::Integer:
        return row.int64(column) == value.integer;
    case Value::Kind::Real:
        return row.real(column) == value.real;
    case Value::Kind::Text:
        return row.textView(column) == value.text;
    case Value::Kind::Null:
        break;
    }
    return false;
}

std::string selectSql(const Layout& layout) {
    const auto& columns = layout.columns;
    const auto keys = static_cast<std::size_t>(layout.keyCount);
    std::string where;
    if (layout.keyCount == 1) {
        where = std::string(columns[0].column) + " = ?1";
    } else {
        // The event identity, as its unique index spells it.
        where = "ticket = ?1 AND occurred_at = ?2 AND event = ?3 AND ifnull(from_tier, -1) = ?4 "
                "AND ifnull(to_tier, -1) = ?5";
    }
    return "SELECT rowid, " + joined(columns, keys, columns.size(), "") +
           (layout.sourceHashColumn ? ", source_hash" : "") + " FROM " + std::string(layout.table) +
           " WHERE " + where;
}

// The stored rows in storage order, from a given rowid on: rowid, key, the
// other columns.
std::string scanSql(const Layout& layout) {
    const auto& columns = layout.columns;
    return "SELECT rowid, " + joined(columns, 0, columns.size(), "") +
           (layout.sourceHashColumn ? ", source_hash" : "") + " FROM " + std::string(layout.table) +
           " WHERE rowid > ?1 ORDER BY rowid";
}

// One row by rowid: rowid, the columns after the key, then the key.
std::string rowByIdSql(const Layout& layout) {
    const auto& columns = layout.columns;
    const auto keys = static_cast<std::size_t>(layout.keyCount);
    return "SELECT rowid, " + joined(columns, keys, columns.size(), "") + ", " +
           joined(columns, 0, keys, "") + " FROM " + std::string(layout.table) +
           " WHERE rowid = ?1";
}

// The value a key column of the event identity compares by: NULL tiers as
// -1, as the unique index spells them (ifnull(tier, -1)).
Value identityValue(const std::vector<Value>& values, std::size_t column) {
    const Value& value = values[column];
    return column >= 3 && value.kind == Value::Kind::Null ? Value::ofInteger(-1) : value;
}

// With `keyConflictSkipped`, a row whose key is stored is not inserted
// (no change), instead of failing the statement.
std::string insertSql(const Layout& layout, bool keyConflictSkipped) {
    const auto& columns = layout.columns;
    const std::string batch = layout.batchColumn ? ", batch" : "";
    const std::string hash = layout.sourceHashColumn ? ", source_hash" : "";
    return "INSERT INTO " + std::string(layout.table) + "(" +
           joined(columns, 0, columns.size(), "") + batch + hash + ") VALUES (" +
           placeholders(columns.size() + (layout.batchColumn ? 1 : 0) +
                        (layout.sourceHashColumn ? 1 : 0)) +
           ")" +
           (keyConflictSkipped ? " ON CONFLICT(" + std::string(columns[0].column) + ") DO NOTHING"
                               : std::string());
}

std::string updateSql(const Layout& layout) {
    const auto& columns = layout.columns;
    const auto keys = static_cast<std::size_t>(layout.keyCount);
    return "UPDATE " + std::string(layout.table) + " SET " +
           joined(columns, keys, columns.size(), " = ?") +
           (layout.batchColumn ? ", batch = ?" : "") +
           (layout.sourceHashColumn ? ", source_hash = ?" : "") + " WHERE rowid = ?";
}

} // namespace

const Layout& layoutOf(ImportKind kind) {
    using T = FieldType;
    static const Layout tickets{"tickets",
                                {
                                    {"ticket_id", "ticket_id", T::Text, true},
                                    {"created_at", "created_at", T::Timestamp, true},
                                    {"first_response_at", "first_response_at", T::Timestamp, false},
                                    {"resolved_at", "resolved_at", T::Timestamp, false},
                                    {"closed_at", "closed_at", T::Timestamp, false},
                                    {"status", "status", T::Text, false},
                                    {"priority", "priority", T::Priority, false},
                                    {"channel", "channel", T::Text, false},
                                    {"account_id", "account_id", T::Text, false},
                                    {"product_area", "product_area", T::Text, false},
                                    {"root_cause", "root_cause", T::Text, false},
                                    {"reason_code", "reason_code", T::Text, false},
                                    {"subject", "subject", T::Text, false},
                                    {"description", "description", T::Text, false},
                                    {"assignee", "assignee", T::Text, false},
                                    {"group", "group_name", T::Text, false},
                                    {"tier", "tier", T::Tier, false},
                                    {"escalated", "escalated", T::Boolean, false},
                                    {"escalated_at", "escalated_at", T::Timestamp, false},
                                    {"resolution_type", "resolution_type", T::Text, false},
                                    {"resolution_notes", "resolution_notes", T::Text, false},
                                    {"handle_time_min", "handle_time_min", T::Number, false},
                                    {"csat", "csat", T::Number, false},
                                    {"tags", "tags", T::Text, false},
                                    {"start_tier", "start_tier", T::Tier, false},
                                    {"", "attributes", T::Attributes, false},
                                },
                                1,
                                true,
                                true};
    static const Layout events{"ticket_events",
                               {
                                   {"ticket_id", "ticket", T::TicketRef, true},
                                   {"occurred_at", "occurred_at", T::Timestamp, true},
                                   {"event", "event", T::EventName, true},
                                   {"from_tier", "from_tier", T::Tier, false},
                                   {"to_tier", "to_tier", T::Tier, false},
                                   {"actor", "actor", T::Text, false},
                                   {"decision_type", "decision_type", T::Text, false},
                                   {"note", "note", T::Text, false},
                                   {"", "attributes", T::Attributes, false},
                               },
                               5,
                               false};
    static const Layout accounts{"accounts",
                                 {
                                     {"account_id", "account_id", T::Text, true},
                                     {"name", "name", T::Text, false},
                                     {"tier", "tier", T::Text, false},
                                     {"segment", "segment", T::Text, false},
                                     {"region", "region", T::Text, false},
                                     {"arr", "arr", T::Number, false},
                                     {"timezone", "timezone", T::TimeZoneName, false},
                                     {"renewal_date", "renewal_date", T::Date, false},
                                     {"", "attributes", T::Attributes, false},
                                 },
                                 1,
                                 false};
    static const Layout knownIssues{"known_issues",
                                    {
                                        {"issue_id", "issue_id", T::Text, true},
                                        {"title", "title", T::Text, true},
                                        {"product_area", "product_area", T::Text, false},
                                        {"status", "status", T::Text, false},
                                        {"keywords", "keywords", T::Text, false},
                                        {"workaround", "workaround", T::Text, false},
                                        {"fix_version", "fix_version", T::Text, false},
                                        {"kb_article", "kb_article", T::Text, false},
                                        {"", "attributes", T::Attributes, false},
                                    },
                                    1,
                                    false};
    switch (kind) {
    case ImportKind::Tickets:
    case ImportKind::History: // derives tickets (and events)
        return tickets;
    case ImportKind::Events:
        return events;
    case ImportKind::Accounts:
        return accounts;
    case ImportKind::KnownIssues:
        return knownIssues;
    case ImportKind::Decisions:
    case ImportKind::Actions:
    case ImportKind::ChecklistRuns:
        return reviewLayoutOf(kind);
    }
    return tickets;
}

std::size_t columnIndex(ImportKind kind, std::string_view column) {
    const auto& columns = layoutOf(kind).columns;
    const auto found =
        std::find_if(columns.begin(), columns.end(),
                     [column](const ColumnSpec& spec) { return spec.column == column; });
    Q_ASSERT(found != columns.end());
    return static_cast<std::size_t>(found - columns.begin());
}

namespace {

// The CREATE statements of a table's own indexes (not those of UNIQUE and
// PRIMARY KEY constraints, which have no SQL and cannot be dropped).
std::vector<std::pair<std::string, std::string>> secondaryIndexes(store::Database& db,
                                                                  std::string_view table) {
    Statement query = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                 "tbl_name = ? AND sql IS NOT NULL");
    query.bind(1, table);
    std::vector<std::pair<std::string, std::string>> indexes;
    while (query.step()) {
        indexes.emplace_back(query.textView(0), query.textView(1));
    }
    return indexes;
}

bool tableIsEmpty(store::Database& db, const Layout& layout) {
    return db.queryInt64("SELECT NOT EXISTS (SELECT 1 FROM " + std::string(layout.table) + ")") !=
           0;
}

void dropIndex(store::Database& db, const std::string& name) {
    db.exec("DROP INDEX \"" + name + "\"");
}

// The layout column an index starts with; nullopt when it starts with
// anything else (an expression, a column the layout does not write).
std::optional<std::size_t> leadingColumn(store::Database& db, const Layout& layout,
                                         const std::string& index) {
    Statement query = db.prepare("SELECT name FROM pragma_index_info(?) WHERE seqno = 0");
    query.bind(1, std::string_view(index));
    if (!query.step() || query.isNull(0)) {
        return std::nullopt;
    }
    const std::string_view column = query.textView(0);
    const auto& columns = layout.columns;
    const auto found = std::find_if(columns.begin(), columns.end(), [column](const ColumnSpec& c) {
        return c.column == column && c.type != FieldType::Attributes;
    });
    if (found == columns.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(found - columns.begin());
}

// SQLite's order of values of different types: NULL, numbers, text.
int typeRank(Value::Kind kind) {
    switch (kind) {
    case Value::Kind::Null:
        return 0;
    case Value::Kind::Integer:
    case Value::Kind::Real:
        return 1;
    case Value::Kind::Text:
        return 2;
    }
    return 0;
}

double numberOf(const Value& value) {
    return value.kind == Value::Kind::Integer ? static_cast<double>(value.integer) : value.real;
}

} // namespace

bool AppendedIndex::belowHighest(const Value& value) const {
    const int rank = typeRank(value.kind);
    const int highestRank = typeRank(m_highest.kind);
    if (rank != highestRank) {
        return rank < highestRank;
    }
    switch (value.kind) {
    case Value::Kind::Null:
        return false;
    case Value::Kind::Integer:
        if (m_highest.kind == Value::Kind::Integer) {
            return value.integer < m_highest.integer;
        }
        return numberOf(value) < numberOf(m_highest);
    case Value::Kind::Real:
        return numberOf(value) < numberOf(m_highest);
    case Value::Kind::Text:
        return value.text < m_highest.text; // BINARY collation: bytes
    }
    return false;
}

void AppendedIndex::raiseHighest(const Value& value) {
    m_highest = value;
    if (value.kind == Value::Kind::Text) {
        m_highestText.assign(value.text);
        m_highest.text = m_highestText;
    }
}

bool AppendedIndex::stillInOrder(const std::vector<Value>& values) {
    const Value& value = values[m_column];
    if (m_anyRow && belowHighest(value)) {
        ++m_windowBelow;
    } else {
        raiseHighest(value);
        m_anyRow = true;
    }
    if (++m_windowRows < windowRows) {
        return true;
    }
    const bool inOrder = m_windowBelow <= tolerated;
    m_windowRows = 0;
    m_windowBelow = 0;
    return inOrder;
}

namespace {

struct InsertTrigger {
    std::string name;
    std::string created; // its CREATE statement
    std::string rest;    // what follows "AFTER INSERT ON table": FOR EACH ROW, WHEN, body
};

// The triggers that run after each insert into the table. One spelled in a
// way this does not read (a quoted name with blanks) is not deferred.
std::vector<InsertTrigger> afterInsertTriggers(store::Database& db, std::string_view table) {
    Statement query = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND "
                                 "tbl_name = ? AND sql IS NOT NULL");
    query.bind(1, table);
    std::string pattern = R"(^\s*CREATE\s+TRIGGER\s+(IF\s+NOT\s+EXISTS\s+)?\S+\s+AFTER\s+)";
    pattern += R"(INSERT\s+ON\s+("?main"?\s*\.\s*)?"?)";
    pattern += table;
    pattern += R"("?\s)";
    const std::regex afterInsert(pattern, std::regex::icase);
    std::vector<InsertTrigger> triggers;
    while (query.step()) {
        InsertTrigger trigger{std::string(query.textView(0)), std::string(query.textView(1)), {}};
        std::smatch match;
        if (std::regex_search(trigger.created, match, afterInsert)) {
            trigger.rest = match.suffix().str();
            triggers.push_back(std::move(trigger));
        }
    }
    return triggers;
}

} // namespace

// Drops the table's AFTER INSERT triggers for the load; finish() runs them
// over the rows inserted. Deferred, a trigger sees the whole load rather
// than the rows before its own; the workspace's triggers each act on their
// row's ticket, hour or setting, never on the other rows being loaded.
void TableWriter::deferInsertTriggers() {
    for (InsertTrigger& trigger : afterInsertTriggers(m_db, m_layout.table)) {
        m_db.exec("DROP TRIGGER \"" + trigger.name + "\"");
        m_deferredTriggers.emplace_back(std::move(trigger.created), std::move(trigger.rest));
    }
}

// Each deferred trigger, as an INSTEAD OF trigger of a view of the table,
// fires once for every row of the table (all inserted by this load) in one
// INSERT; then the triggers are made again as they were.
void TableWriter::runDeferredTriggers() {
    if (m_deferredTriggers.empty()) {
        return;
    }
    const std::string table = "main.\"" + std::string(m_layout.table) + "\"";
    m_db.exec("CREATE TEMP VIEW escdesk_loaded_rows AS SELECT * FROM " + table);
    for (std::size_t i = 0; i < m_deferredTriggers.size(); ++i) {
        m_db.exec("CREATE TEMP TRIGGER escdesk_deferred_" + std::to_string(i) +
                  " INSTEAD OF INSERT ON escdesk_loaded_rows " + m_deferredTriggers[i].second);
    }
    m_db.exec("INSERT INTO escdesk_loaded_rows SELECT * FROM " + table);
    m_db.exec("DROP VIEW escdesk_loaded_rows"); // and its triggers
    for (const auto& [created, rest] : m_deferredTriggers) {
        m_db.exec(created);
    }
    m_deferredTriggers.clear();
}

// Drops the secondary indexes of the empty table, keeping their SQL for
// finish(); a single-key table keeps those that start with a column it
// writes for as long as the rows come in that column's order.
void TableWriter::prepareIndexesForBulkLoad() {
    for (const auto& [name, sql] : secondaryIndexes(m_db, m_layout.table)) {
        const std::optional<std::size_t> column =
            m_layout.keyCount == 1 ? leadingColumn(m_db, m_layout, name) : std::nullopt;
        if (column) {
            m_appendedIndexes.emplace_back(name, sql, *column);
        } else {
            dropIndex(m_db, name);
            m_droppedIndexes.push_back(sql);
        }
    }
}

// An index whose rows stopped coming in its order is dropped now, before
// inserts at random places outgrow the cache, and built by finish().
void TableWriter::dropIndexesOutOfOrder(const std::vector<Value>& values) {
    for (auto index = m_appendedIndexes.begin(); index != m_appendedIndexes.end();) {
        if (index->stillInOrder(values)) {
            ++index;
            continue;
        }
        dropIndex(m_db, index->name());
        m_droppedIndexes.push_back(index->sql());
        index = m_appendedIndexes.erase(index);
    }
}

// Whether rows go into the table without looking their key up: into an
// empty table, where a single key's unique index refuses a repeat (ON
// CONFLICT DO NOTHING) and an identity of several columns is told in memory.
bool TableWriter::skipsLookups(store::Database& db, const Layout& layout, RepeatedKeys repeated) {
    return (layout.keyCount == 1 || repeated == RepeatedKeys::Rejected) && tableIsEmpty(db, layout);
}

TableWriter::TableWriter(store::Database& db, const Layout& layout, BulkLoad bulk,
                         RepeatedKeys repeated)
    : m_db(db)
    , m_layout(layout)
    , m_select(db.prepare(selectSql(layout)))
    , m_insert(
          db.prepare(insertSql(layout, repeated == RepeatedKeys::Rejected && layout.keyCount == 1)))
    , m_update(db.prepare(updateSql(layout))) {
    m_skipLookup = skipsLookups(db, layout, repeated);
    if (bulk == BulkLoad::Allowed && m_skipLookup) {
        prepareIndexesForBulkLoad();
        deferInsertTriggers();
    }
    if (repeated == RepeatedKeys::Rejected) {
        m_lines.emplace();
        if (layout.keyCount == 1) {
            m_rowIdOfKey = db.prepare("SELECT rowid FROM " + std::string(layout.table) + " WHERE " +
                                      std::string(layout.columns[0].column) + " = ?");
        } else if (m_skipLookup) {
            m_identities.emplace();
            m_rowById = db.prepare(rowByIdSql(layout));
        }
    }
    if (layout.sourceHashColumn) {
        m_updateHash = db.prepare("UPDATE " + std::string(layout.table) +
                                  " SET source_hash = ? WHERE rowid = ?");
    }
    if (layout.keyCount == 1 && !m_skipLookup) {
        m_scan = db.prepare(scanSql(layout));
        restartScanAfter(0);
    }
}

void TableWriter::finish() {
    if (m_lines) {
        m_lines->clear(); // its memory is the index builds' to use
    }
    if (m_identities) {
        m_identities->clear();
    }
    if (!m_droppedIndexes.empty()) {
        // An index build sorts its keys in runs as large as the page cache,
        // merged as linked lists: runs of the import's 64 MiB miss the CPU
        // caches at nearly every step and took twice as long as runs of
        // SQLite's default 2 MB (1.4 s against 2.8 s of CPU for the identity
        // index of the events of a million tickets). The sorts share the
        // work with a second thread.
        const std::int64_t cacheSize = m_db.queryInt64("PRAGMA cache_size");
        const std::int64_t threads = m_db.queryInt64("PRAGMA threads");
        m_db.exec("PRAGMA cache_size = -2048; PRAGMA threads = 2");
        for (const std::string& sql : m_droppedIndexes) {
            m_db.exec(sql);
        }
        m_db.exec("PRAGMA cache_size = " + std::to_string(cacheSize) +
                  "; PRAGMA threads = " + std::to_string(threads));
    }
    m_droppedIndexes.clear();
    m_appendedIndexes.clear();
    runDeferredTriggers();
}

void TableWriter::restartScanAfter(std::int64_t rowid) {
    m_scan->reset();
    m_scan->bind(1, rowid);
    m_scanOnRow = m_scan->step();
}

bool TableWriter::sameAsStored(const store::Statement& row, int firstColumn,
                               const std::vector<Value>& values) const {
    const int keys = m_layout.keyCount;
    const auto count = static_cast<int>(m_layout.columns.size());
    for (int c = keys; c < count; ++c) {
        if (!sameValue(row, c - keys + firstColumn, values[static_cast<std::size_t>(c)])) {
            return false;
        }
    }
    return true;
}

TableWriter::Outcome TableWriter::update(const std::vector<Value>& values, std::int64_t batch) {
    const int keys = m_layout.keyCount;
    const auto count = static_cast<int>(m_layout.columns.size());
    int index = 0;
    for (int c = keys; c < count; ++c) {
        bindValue(m_update, ++index, values[static_cast<std::size_t>(c)]);
    }
    if (m_layout.batchColumn) {
        m_update.bind(++index, batch);
    }
    if (m_layout.sourceHashColumn) {
        bindHash(m_update, ++index, m_sourceHash);
    }
    m_update.bind(++index, m_lastRowId).run();
    return Outcome::Updated;
}

// The row's values are as stored; its source hash is brought up to date (a
// row stored without one, or from a record spelled differently). Written
// without a source record, the row keeps its hash: its values, which the
// hash stands for, did not change.
TableWriter::Outcome TableWriter::unchanged(const store::Statement& row, int hashColumn) {
    if (m_updateHash && m_sourceHash &&
        (row.isNull(hashColumn) ||
         static_cast<std::uint64_t>(row.int64(hashColumn)) != *m_sourceHash)) {
        bindHash(*m_updateHash, 1, m_sourceHash);
        m_updateHash->bind(2, m_lastRowId).run();
    }
    return Outcome::Unchanged;
}

std::optional<TableWriter::Outcome> TableWriter::writeAtScan(const std::vector<Value>& values,
                                                             std::int64_t batch) {
    const Value& key = values[0];
    if (!m_scanOnRow || key.kind != Value::Kind::Text || m_scan->isNull(1) ||
        m_scan->textView(1) != key.text) {
        return std::nullopt;
    }
    m_lastRowId = m_scan->int64(0);
    if (isRepeat(m_lastRowId)) {
        return Outcome::Repeated;
    }
    const bool same = sameAsStored(*m_scan, 2, values);
    const auto hashColumn = static_cast<int>(m_layout.columns.size()) + 1;
    const Outcome outcome = same ? unchanged(*m_scan, hashColumn) : update(values, batch);
    m_scanOnRow = m_scan->step();
    m_scanMisses = 0;
    return outcome;
}

bool TableWriter::isRepeat(std::int64_t rowid) {
    if (!m_lines) {
        return false;
    }
    if (const auto first = m_lines->lineOf(rowid)) {
        m_repeatedLine = *first;
        return true;
    }
    return false;
}

std::uint64_t TableWriter::identityHash(const std::vector<Value>& values) {
    m_identityBytes.clear();
    for (std::size_t k = 0; k < static_cast<std::size_t>(m_layout.keyCount); ++k) {
        const Value value = identityValue(values, k);
        m_identityBytes += static_cast<char>(value.kind);
        switch (value.kind) {
        case Value::Kind::Null:
            break;
        case Value::Kind::Integer:
            m_identityBytes.append(reinterpret_cast<const char*>(&value.integer),
                                   sizeof value.integer);
            break;
        case Value::Kind::Real:
            m_identityBytes.append(reinterpret_cast<const char*>(&value.real), sizeof value.real);
            break;
        case Value::Kind::Text: {
            const auto length = static_cast<std::uint32_t>(value.text.size());
            m_identityBytes.append(reinterpret_cast<const char*>(&length), sizeof length);
            m_identityBytes += value.text;
            break;
        }
        }
    }
    return Xxh64::of(m_identityBytes, 0);
}

// The stored row's key, from `firstColumn` on, is the identity of `values`.
bool TableWriter::sameIdentity(const store::Statement& row, int firstColumn,
                               const std::vector<Value>& values) const {
    for (int k = 0; k < m_layout.keyCount; ++k) {
        const auto column = static_cast<std::size_t>(k);
        const int stored = firstColumn + k;
        const Value key = identityValue(values, column);
        if (column >= 3 && row.isNull(stored)) {
            if (key.kind != Value::Kind::Integer || key.integer != -1) {
                return false;
            }
        } else if (!sameValue(row, stored, key)) {
            return false;
        }
    }
    return true;
}

// A row with the identity of one this writer wrote before: the same row
// again (Unchanged), or Repeated (DuplicateRows.h); nullopt when the
// identity is new.
std::optional<TableWriter::Outcome>
TableWriter::writeRepeatedIdentity(const std::vector<Value>& values, std::uint64_t hash) {
    const int keyColumn = static_cast<int>(m_layout.columns.size()) - m_layout.keyCount + 1;
    bool sameOtherValues = false;
    const std::int64_t rowid = m_identities->find(hash, [&](std::int64_t candidate) {
        m_rowById->bind(1, candidate);
        const bool found = m_rowById->step() && sameIdentity(*m_rowById, keyColumn, values);
        if (found) {
            sameOtherValues = sameAsStored(*m_rowById, 1, values);
        }
        m_rowById->reset();
        return found;
    });
    if (rowid == 0) {
        return std::nullopt;
    }
    m_lastRowId = rowid;
    isRepeat(rowid); // the line of the kept row
    return isHarmlessRepeat(m_layout, sameOtherValues) ? Outcome::Unchanged : Outcome::Repeated;
}

TableWriter::Outcome TableWriter::written(Outcome outcome, std::int64_t line) {
    if (m_lines && outcome != Outcome::Repeated) {
        m_lines->record(m_lastRowId, line);
    }
    return outcome;
}

TableWriter::Outcome TableWriter::keep(std::string_view key, std::int64_t line,
                                       std::int64_t rowid) {
    if (rowid == 0) {
        m_rowIdOfKey->bind(1, key);
        rowid = m_rowIdOfKey->step() ? m_rowIdOfKey->int64(0) : 0;
        m_rowIdOfKey->reset();
        if (rowid == 0) {
            return Outcome::Unchanged; // not so: a kept record's row is stored
        }
    }
    m_lastRowId = rowid;
    if (isRepeat(rowid)) {
        return Outcome::Repeated;
    }
    return written(Outcome::Unchanged, line);
}

TableWriter::Outcome TableWriter::write(const std::vector<Value>& values, std::int64_t batch,
                                        std::optional<std::uint64_t> sourceHash,
                                        std::int64_t line) {
    const int keys = m_layout.keyCount;
    const auto count = static_cast<int>(m_layout.columns.size());
    m_sourceHash = sourceHash;
    if (m_identities) {
        const std::uint64_t hash = identityHash(values);
        if (const auto outcome = writeRepeatedIdentity(values, hash)) {
            return *outcome;
        }
        const Outcome outcome = insert(values, batch);
        m_identities->add(hash, m_lastRowId);
        return written(outcome, line);
    }
    if (!m_skipLookup) {
        // A newer export lists most rows in the order they were stored:
        // compare with the next stored row before looking the key up.
        if (m_scan) {
            if (const auto outcome = writeAtScan(values, batch)) {
                return written(*outcome, line);
            }
        }
        for (int k = 0; k < keys; ++k) {
            const Value& key = values[static_cast<std::size_t>(k)];
            // Tiers in the event identity compare with NULL as -1.
            if (keys > 1 && k >= 3 && key.kind == Value::Kind::Null) {
                m_select.bind(k + 1, std::int64_t{-1});
            } else {
                bindValue(m_select, k + 1, key);
            }
        }
        if (m_select.step()) {
            m_lastRowId = m_select.int64(0);
            if (isRepeat(m_lastRowId)) {
                // The same row again is harmless (DuplicateRows.h).
                const bool twin = isHarmlessRepeat(m_layout, sameAsStored(m_select, 1, values));
                m_select.reset();
                return twin ? Outcome::Unchanged : Outcome::Repeated;
            }
            const bool same = sameAsStored(m_select, 1, values);
            if (same) {
                unchanged(m_select, count - keys + 1);
            }
            m_select.reset();
            const Outcome outcome = same ? Outcome::Unchanged : update(values, batch);
            // Rows were skipped (deleted at the source): continue the scan
            // after this one, unless the file's order looks unrelated to the
            // store's (then only re-try now and then).
            if (m_scan && (++m_scanMisses < 16 || m_scanMisses % 1024 == 0)) {
                restartScanAfter(m_lastRowId);
            }
            return written(outcome, line);
        }
        m_select.reset();
    }
    return written(insert(values, batch), line);
}

TableWriter::Outcome TableWriter::insert(const std::vector<Value>& values, std::int64_t batch) {
    const auto count = static_cast<int>(m_layout.columns.size());
    for (int c = 0; c < count; ++c) {
        bindValue(m_insert, c + 1, values[static_cast<std::size_t>(c)]);
    }
    int index = count;
    if (m_layout.batchColumn) {
        m_insert.bind(++index, batch);
    }
    if (m_layout.sourceHashColumn) {
        bindHash(m_insert, ++index, m_sourceHash);
    }
    m_insert.run();
    if (m_lines && m_db.changes() == 0) {
        // The key is stored although the lookup was skipped (the table was
        // empty): an earlier row of this writer has it.
        m_rowIdOfKey->bind(1, values[0].text);
        m_lastRowId = m_rowIdOfKey->step() ? m_rowIdOfKey->int64(0) : 0;
        m_rowIdOfKey->reset();
        m_repeatedLine = m_lines->lineOf(m_lastRowId).value_or(0);
        return Outcome::Repeated;
    }
    m_lastRowId = m_db.lastInsertRowId();
    if (!m_appendedIndexes.empty()) {
        dropIndexesOutOfOrder(values);
    }
    return Outcome::Inserted;
}

} // namespace escdesk::import

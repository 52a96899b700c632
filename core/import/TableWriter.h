#pragma once

// The canonical layouts of SPEC §4 as store tables, and writing one row of a
// layout with sync semantics: look the row up by its key, compare every
// value, and write only when something differs (insert when new).

#include "import/ImportKind.h"
#include "import/RowIdentities.h"
#include "import/SourceLines.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace escdesk::import {

enum class FieldType {
    Text,
    Timestamp,
    Tier,
    Boolean,
    Number,
    Priority,
    EventName,
    Date,
    TimeZoneName,
    TicketRef,  // events: the helpdesk ticket id, stored as the ticket's row
    Attributes, // the extra source columns as a JSON object
};

struct ColumnSpec {
    std::string_view header; // canonical CSV header
    std::string_view column; // store column
    FieldType type;
    bool required;
};

struct Layout {
    std::string_view table;
    std::vector<ColumnSpec> columns;
    int keyCount;     // the first keyCount columns identify a row
    bool batchColumn; // the table records the batch that last wrote a row
    // The table records the hash of the source record a row was last
    // written from (source_hash; RecordHash.h); a row written without one
    // has none.
    bool sourceHashColumn = false;
};

// The layout of a kind; its columns are in store order, keys first.
const Layout& layoutOf(ImportKind kind);

// The position of the store column `column` in the layout of `kind`.
std::size_t columnIndex(ImportKind kind, std::string_view column);

// One value to store; text is borrowed and must outlive the write.
struct Value {
    enum class Kind { Null, Integer, Real, Text };
    Kind kind = Kind::Null;
    std::int64_t integer = 0;
    double real = 0;
    std::string_view text;

    static Value ofInteger(std::int64_t v) { return {Kind::Integer, v, 0, {}}; }
    static Value ofReal(double v) { return {Kind::Real, 0, v, {}}; }
    static Value ofText(std::string_view v) { return {Kind::Text, 0, 0, v}; }
};

// A secondary index that a bulk load keeps up to date row by row because
// the rows arrive in the order of its leading column (a tickets export in
// order of creation, for the index by creation time): each entry is then
// appended at the right edge of the B-tree, in pages the cache holds, which
// costs less than sorting the whole index after the load and happens on the
// writing thread while the file is still being read. Rows in no such order
// would insert at random places of an index larger than the cache, so once
// more than one row in 16 of a window of 4096 falls below the highest value
// so far, the index is to be dropped and built after the load like the
// others.
class AppendedIndex {
public:
    AppendedIndex(std::string name, std::string sql, std::size_t column)
        : m_name(std::move(name))
        , m_sql(std::move(sql))
        , m_column(column) {}

    // Notes the row just inserted; false once rows no longer come in order.
    bool stillInOrder(const std::vector<Value>& values);
    const std::string& name() const { return m_name; }
    const std::string& sql() const { return m_sql; }

    static constexpr int windowRows = 4096;
    static constexpr int tolerated = windowRows / 16; // rows out of order per window

private:
    bool belowHighest(const Value& value) const;
    void raiseHighest(const Value& value);

    std::string m_name;
    std::string m_sql;
    std::size_t m_column; // the layout column the index starts with
    bool m_anyRow = false;
    Value m_highest;           // its text in m_highestText
    std::string m_highestText; // owned: the row's text does not outlive the write
    int m_windowRows = 0;
    int m_windowBelow = 0;
};

class TableWriter {
public:
    // Repeated: the key is that of a row this writer already wrote or kept
    // from an earlier line (RepeatedKeys::Rejected); nothing was written.
    enum class Outcome { Inserted, Updated, Unchanged, Repeated };

    // Prepares the statements; the caller owns the transaction. When the
    // table is empty at this point and rows have a single key, lookups are
    // skipped (the caller guarantees each key is written once, or rejects
    // repeats). Keys of several columns (events) into an empty table with
    // RepeatedKeys::Rejected are told apart in memory (RowIdentities.h), so
    // the table needs no index during the load either.
    // With BulkLoad::Allowed and an empty table, the table's secondary
    // indexes are dropped for the load and built again by finish(), which
    // is much cheaper than maintaining them row by row (a rollback restores
    // them too). Single-key tables keep an index as long as their rows come
    // in its order (AppendedIndex). The table's AFTER INSERT triggers (the
    // kept analyses' invalidations) are dropped too and run by finish() for
    // every row inserted, in one statement: firing them row by row made
    // each insert a statement that may abort, with a statement journal of
    // every page it touched (a million tickets: 88 s instead of 19 s).
    enum class BulkLoad { Allowed, Off };
    // With RepeatedKeys::Rejected (one source file's rows, each key once),
    // the writer records the source line each row came from; a later row
    // with the key of a row written or kept before is not written and comes
    // back Repeated, with repeatedLine() the line of the first. Keys of
    // several columns (an event's identity) may come again with the same
    // other values, harmlessly: Unchanged. The store's unique index on the
    // key tells the repeat, so memory does not hold the keys
    // (SourceLines.h). The rule, shared with the preview: DuplicateRows.h.
    enum class RepeatedKeys { Written, Rejected };
    TableWriter(store::Database& db, const Layout& layout, BulkLoad bulk = BulkLoad::Off,
                RepeatedKeys repeated = RepeatedKeys::Written);

    // Rebuilds the indexes a bulk load dropped; call before committing.
    void finish();

    // `values` has one entry per layout column. `batch` is recorded on
    // written rows of tables with a batch column, `sourceHash` on rows of
    // tables with a source hash column (also on a row found unchanged).
    // `line` is the source line (RepeatedKeys::Rejected).
    Outcome write(const std::vector<Value>& values, std::int64_t batch,
                  std::optional<std::uint64_t> sourceHash = std::nullopt, std::int64_t line = 0);
    // RepeatedKeys::Rejected, single-key layouts: a row the caller found
    // unchanged without writing it (its source record is the one stored):
    // Unchanged, or Repeated when an earlier line had its key. `rowid`,
    // when known (not 0), is the row's: then it is not looked up by key.
    Outcome keep(std::string_view key, std::int64_t line, std::int64_t rowid = 0);
    // The line of the first row with the key of the last Repeated outcome.
    std::int64_t repeatedLine() const { return m_repeatedLine; }
    // Looks rows up by key only, without the scan in storage order: for
    // when most rows are skipped before they reach the writer.
    void preferKeyLookups() { m_scan.reset(); }
    // The rowid of the row last written or found unchanged.
    std::int64_t lastRowId() const { return m_lastRowId; }

private:
    static bool skipsLookups(store::Database& db, const Layout& layout, RepeatedKeys repeated);
    void restartScanAfter(std::int64_t rowid);
    std::optional<Outcome> writeAtScan(const std::vector<Value>& values, std::int64_t batch);
    bool sameAsStored(const store::Statement& row, int firstColumn,
                      const std::vector<Value>& values) const;
    Outcome update(const std::vector<Value>& values, std::int64_t batch);
    Outcome unchanged(const store::Statement& row, int hashColumn);
    bool isRepeat(std::int64_t rowid);
    std::uint64_t identityHash(const std::vector<Value>& values);
    bool sameIdentity(const store::Statement& row, int firstColumn,
                      const std::vector<Value>& values) const;
    std::optional<Outcome> writeRepeatedIdentity(const std::vector<Value>& values,
                                                 std::uint64_t hash);
    Outcome insert(const std::vector<Value>& values, std::int64_t batch);
    void prepareIndexesForBulkLoad();
    void deferInsertTriggers();
    void runDeferredTriggers();
    void dropIndexesOutOfOrder(const std::vector<Value>& values);
    Outcome written(Outcome outcome, std::int64_t line);

    store::Database& m_db;
    const Layout& m_layout;
    std::vector<std::string> m_droppedIndexes; // their CREATE statements
    std::vector<AppendedIndex> m_appendedIndexes;
    // AFTER INSERT triggers dropped for a bulk load: the CREATE statement
    // and the part from the trigger's timing on (FOR EACH ROW, WHEN, body).
    std::vector<std::pair<std::string, std::string>> m_deferredTriggers;
    store::Statement m_select;
    store::Statement m_insert;
    store::Statement m_update;
    std::optional<store::Statement> m_updateHash;
    std::optional<std::uint64_t> m_sourceHash; // of the row being written
    // Single-key tables: a scan in storage order, compared with each row
    // before the key lookup (a sequential read instead of a B-tree search).
    std::optional<store::Statement> m_scan;
    bool m_scanOnRow = false;
    int m_scanMisses = 0;
    bool m_skipLookup = false;
    std::int64_t m_lastRowId = 0;
    // RepeatedKeys::Rejected: the rowid of a key, and each row's line.
    std::optional<store::Statement> m_rowIdOfKey;
    std::optional<SourceLines> m_lines;
    std::int64_t m_repeatedLine = 0;
    // Keys of several columns into a table empty at the start: the rows
    // written, by identity, and a row read by rowid (its other columns,
    // then its key).
    std::optional<RowIdentities> m_identities;
    std::optional<store::Statement> m_rowById;
    std::string m_identityBytes;
};

} // namespace escdesk::import

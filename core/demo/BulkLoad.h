#pragma once

// Writing a large generated workspace fast: connection settings for the load
// and secondary indexes built after the rows. Both put things back: the
// settings when the scope ends, the indexes before the commit (or, on
// failure, through the enclosing transaction's rollback).

#include "store/Database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace escdesk::demo {

// For writing a large demo into an empty file: a 64 MiB page cache, helper
// threads for the sorts that build indexes, no per-row foreign key checks
// (every event refers to the ticket written just before it), and a rollback
// journal instead of the WAL, which would hold a second copy of every page
// until the checkpoint. Construct it before the
// transaction: these pragmas have no effect inside one. When another
// connection has the file open the journal mode cannot change and the WAL
// stays; the write is one transaction either way.
class BulkLoad {
public:
    explicit BulkLoad(store::Database& db);
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;

private:
    store::Database& m_db;
    std::int64_t m_cacheSize = 0;
    std::int64_t m_sorterThreads = 0;
    bool m_foreignKeys = true;
    bool m_wal = false;
};

// The secondary indexes of the tickets and events tables, dropped while the
// rows go in and created again from their own stored definitions by
// rebuild(): building an index from all rows at once is much faster than
// growing it row by row. Use inside the transaction that writes the rows.
class DeferredIndexes {
public:
    explicit DeferredIndexes(store::Database& db);
    void rebuild();

private:
    store::Database& m_db;
    std::vector<std::string> m_definitions;
};

} // namespace escdesk::demo

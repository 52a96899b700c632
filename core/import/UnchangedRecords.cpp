#include "import/UnchangedRecords.h"

#include "store/Workspace.h"

#include <vector>

namespace escdesk::import {

namespace {

// Only a record whose id field is the key as stored (not joined, not
// mapped) names its row by itself.
bool keyedByRecord(const HeaderMapping& header) {
    return header.layout().sourceHashColumn && header.fieldOf(0) >= 0 &&
           header.joinedFields(0).empty() && header.valueMap(0) == nullptr;
}

std::size_t readBlock(store::Statement& statement, std::vector<std::uint64_t>& hashes,
                      std::vector<std::int64_t>& rowids, std::size_t max) {
    std::size_t count = 0;
    while (count < max && statement.step()) {
        hashes.push_back(static_cast<std::uint64_t>(statement.int64(0)));
        rowids.push_back(statement.int64(1));
        ++count;
    }
    return count;
}

} // namespace

UnchangedRecords::UnchangedRecords(store::Database& db, const HeaderMapping& header,
                                   std::uint64_t readingSalt)
    : m_headerFields(header.headerFields()) {
    if (!keyedByRecord(header)) {
        return;
    }
    m_recordHash.emplace(readingSalt);
    const std::string table(header.layout().table);
    const std::string sql =
        "SELECT source_hash, rowid FROM " + table + " WHERE source_hash IS NOT NULL ORDER BY rowid";
    if (!stream(db, table, sql)) {
        store::Statement stored = db.prepare(sql);
        while (stored.step()) {
            m_stored.add(static_cast<std::uint64_t>(stored.int64(0)));
        }
    }
}

UnchangedRecords::~UnchangedRecords() {
    close();
}

// In WAL mode, a second, read-only connection sees the workspace as it was
// before this import's transaction while the import writes through the
// first: the stored hashes are streamed from it as the file comes to them.
bool UnchangedRecords::stream(store::Database& db, const std::string& table,
                              const std::string& sql) {
    store::Statement mode = db.prepare("PRAGMA journal_mode");
    if (!mode.step() || mode.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (db.queryInt64("SELECT EXISTS (SELECT 1 FROM " + table +
                      " WHERE source_hash IS NOT NULL)") == 0) {
        return true; // none to stream
    }
    try {
        m_reader.emplace(db.path(), store::Database::Access::ReadOnly);
        // Not mapped: a map of the pages read would count as the import's memory.
        m_reader->exec(QStringLiteral("PRAGMA mmap_size = 0; PRAGMA busy_timeout = %1")
                           .arg(store::Workspace::busyTimeoutMs)
                           .toStdString());
        m_stream = m_reader->prepare(sql);
    } catch (const store::StoreError&) {
        close();
        return false;
    }
    m_stored.streamFrom(
        [this](std::vector<std::uint64_t>& hashes, std::vector<std::int64_t>& rowids,
               std::size_t max) { return readBlock(*m_stream, hashes, rowids, max); },
        [this, sql](std::vector<std::uint64_t>& hashes, std::vector<std::int64_t>& rowids,
                    std::size_t max) {
            if (!m_rescan) {
                m_rescan = m_reader->prepare(sql);
            }
            return readBlock(*m_rescan, hashes, rowids, max);
        },
        // About as many as rows (for when to build the table of them all).
        static_cast<std::size_t>(db.queryInt64("SELECT ifnull(max(rowid), 0) FROM " + table)));
    return true;
}

void UnchangedRecords::close() {
    m_rescan.reset();
    m_stream.reset();
    m_reader.reset();
}

} // namespace escdesk::import

#include "demo/BulkLoad.h"

#include <sqlite3.h>

namespace escdesk::demo {

namespace {

std::string journalMode(store::Database& db) {
    store::Statement mode = db.prepare("PRAGMA journal_mode");
    return mode.step() ? mode.text(0).toLower().toStdString() : std::string();
}

} // namespace

BulkLoad::BulkLoad(store::Database& db)
    : m_db(db)
    , m_cacheSize(db.queryInt64("PRAGMA cache_size"))
    , m_sorterThreads(db.queryInt64("PRAGMA threads"))
    , m_foreignKeys(db.queryInt64("PRAGMA foreign_keys") != 0)
    , m_wal(journalMode(db) == "wal") {
    m_db.exec("PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF; PRAGMA threads = 2");
    if (m_wal) {
        // Fails (and changes nothing) while another connection has the file.
        sqlite3_exec(m_db.handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    }
}

BulkLoad::~BulkLoad() {
    // Never throw from a destructor; a failure here leaves a setting that
    // only lasts as long as this connection (the journal mode stays DELETE,
    // which is still safe).
    if (m_wal) {
        sqlite3_exec(m_db.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    }
    const std::string restore = "PRAGMA cache_size = " + std::to_string(m_cacheSize) +
                                "; PRAGMA threads = " + std::to_string(m_sorterThreads) +
                                "; PRAGMA foreign_keys = " + (m_foreignKeys ? "ON" : "OFF");
    sqlite3_exec(m_db.handle(), restore.c_str(), nullptr, nullptr, nullptr);
}

DeferredIndexes::DeferredIndexes(store::Database& db)
    : m_db(db) {
    store::Statement query =
        db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                   "AND tbl_name IN ('tickets', 'ticket_events') ORDER BY name");
    std::vector<std::string> names;
    while (query.step()) {
        names.push_back(query.text(0).toStdString());
        m_definitions.push_back(query.text(1).toStdString());
    }
    for (const std::string& name : names) {
        m_db.exec("DROP INDEX \"" + name + "\"");
    }
}

void DeferredIndexes::rebuild() {
    for (const std::string& sql : m_definitions) {
        m_db.exec(sql);
    }
}

} // namespace escdesk::demo

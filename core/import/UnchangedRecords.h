#pragma once

// Re-import (SPEC §4 sync): the source hashes of the stored rows
// (RecordHash.h). A record whose hash is among them is the one a row was
// written from, read the same way (HeaderMapping::readingSalt()): it is
// counted unchanged without being converted, compared or written.
//
// In WAL mode the hashes are streamed in storage order from a second,
// read-only connection, which sees the workspace as it was before the
// import's transaction, instead of being held in memory (8 bytes a stored
// row); otherwise they are loaded up front. Used by the reading thread only.

#include "import/CsvReader.h"
#include "import/HeaderMapping.h"
#include "import/RecordHash.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>

namespace escdesk::import {

class UnchangedRecords {
public:
    // Reads the stored hashes of `header`'s table when its rows are keyed by
    // the record's own id field as written (tickets); otherwise inactive.
    UnchangedRecords(store::Database& db, const HeaderMapping& header, std::uint64_t readingSalt);
    ~UnchangedRecords();
    UnchangedRecords(const UnchangedRecords&) = delete;
    UnchangedRecords& operator=(const UnchangedRecords&) = delete;

    // Whether records of this file are hashed at all.
    bool active() const { return m_recordHash.has_value(); }
    // Whether any stored row has a hash (most rows may then be skipped).
    bool anyStored() const { return !m_stored.empty(); }
    std::uint64_t hashOf(const CsvRecord& record) {
        return m_recordHash->of(record.fields, m_headerFields);
    }
    // Whether a stored row was written from a record with `hash`.
    bool isStored(std::uint64_t hash) { return m_stored.contains(hash); }
    // The rowid of the row isStored() last found, when streamed (0: unknown).
    std::int64_t foundRowId() const { return m_stored.foundRowId(); }
    // Closes the second connection once the file is read.
    void close();

private:
    bool stream(store::Database& db, const std::string& table, const std::string& sql);

    std::size_t m_headerFields;
    std::optional<RecordHash> m_recordHash; // seeded with how the file is read
    StoredHashes m_stored;
    std::optional<store::Database> m_reader;
    std::optional<store::Statement> m_stream;
    std::optional<store::Statement> m_rescan;
};

} // namespace escdesk::import

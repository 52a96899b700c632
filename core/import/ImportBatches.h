#pragma once

// The import history of a workspace: one entry per import_batches row.

#include "domain/Instant.h"
#include "store/Database.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace escdesk::import {

struct ImportBatch {
    std::int64_t id = 0;
    QString kind;
    QString file;
    QString sha256; // hex; empty for a batch that did not finish
    QString preset; // the mapping's name; empty for the canonical layout
    QString sourceZone;
    UtcSeconds startedAt = 0;
    double seconds = 0;
    std::int64_t rows = 0;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::int64_t warnings = 0; // values stored as empty (or kept) with a warning
};

// Every batch, newest first.
std::vector<ImportBatch> importBatches(store::Database& db);

} // namespace escdesk::import

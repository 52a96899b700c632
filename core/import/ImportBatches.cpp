#include "import/ImportBatches.h"

namespace escdesk::import {

std::vector<ImportBatch> importBatches(store::Database& db) {
    store::Statement query = db.prepare(
        "SELECT id, kind, file_name, sha256, preset, source_tz, started_at, seconds, rows_read, "
        "inserted, updated, unchanged, rejected, warnings FROM import_batches ORDER BY id DESC");
    std::vector<ImportBatch> batches;
    while (query.step()) {
        ImportBatch batch;
        batch.id = query.int64(0);
        batch.kind = query.text(1);
        batch.file = query.text(2);
        batch.sha256 = query.isNull(3) ? QString() : query.text(3);
        batch.preset = query.isNull(4) ? QString() : query.text(4);
        batch.sourceZone = query.isNull(5) ? QString() : query.text(5);
        batch.startedAt = query.int64(6);
        batch.seconds = query.isNull(7) ? 0.0 : query.real(7);
        batch.rows = query.int64(8);
        batch.inserted = query.int64(9);
        batch.updated = query.int64(10);
        batch.unchanged = query.int64(11);
        batch.rejected = query.int64(12);
        batch.warnings = query.int64(13);
        batches.push_back(std::move(batch));
    }
    return batches;
}

} // namespace escdesk::import

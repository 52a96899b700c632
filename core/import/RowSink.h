#pragma once

// Where the importer's rows go once read and converted: an import stores
// them (StoreSink.h), a preview collects them (PreviewSink.h). The reading
// and converting before are the same for both; each output applies the
// duplicate rule (DuplicateRows.h) its own way.

#include "import/CsvReader.h"
#include "import/RowProblem.h"
#include "import/TableWriter.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace escdesk::import {

class RowSink {
public:
    virtual ~RowSink() = default;

    // A row that is not stored, with every problem it has (warnings too).
    // `values`: its converted values, or null when it was rejected before
    // conversion.
    virtual void reject(const CsvRecord& record, const std::vector<Value>* values,
                        const std::vector<RowProblem>& problems) = 0;
    // A converted row, stored with `warnings` unless it repeats an earlier
    // row. `sourceHash`: the hash of its record (RecordHash.h), if hashed.
    virtual void keep(const CsvRecord& record, const std::vector<Value>& values,
                      std::vector<RowProblem>& warnings,
                      std::optional<std::uint64_t> sourceHash) = 0;
    // A record a stored row was written from (a re-import): not converted,
    // but its id `key` still counts for duplicates. `rowid`: its row, when
    // known (0: look it up).
    virtual void keepUnchanged(std::int64_t line, std::string_view key, std::int64_t rowid) = 0;
    // Whether to read on after `rows` data rows.
    virtual bool wantsMore(std::int64_t rows) const = 0;
};

} // namespace escdesk::import

#pragma once

// The importer's one duplicate rule (SPEC §4): a source file lists each row
// once. A later row with the key of an earlier one (a ticket's id; an
// event's identity: ticket, time, event and tiers) is rejected and the first
// is kept, naming its line — except a repeat of an event whose other values
// are those of the kept row too: the same row again, harmless. An import
// applies the rule in the store (TableWriter::RepeatedKeys::Rejected, by the
// table's unique index, so memory does not hold the keys); a preview, which
// writes nothing, in memory (RepeatedRowsInMemory). Both give the same
// reasons, from repeatProblem().

#include "import/RowProblem.h"
#include "import/TableWriter.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace escdesk::import {

// Whether a row with the key of an earlier kept row is the same row again
// (nothing to reject): only for keys of several columns whose other values
// are the same too.
inline bool isHarmlessRepeat(const Layout& layout, bool sameOtherValues) {
    return layout.keyCount > 1 && sameOtherValues;
}

// Why a row with the single key `key` is rejected when the row on
// `firstLine` had it: "duplicate ticket_id T-1: the same id is on line 2,
// which is kept".
RowProblem repeatedKeyProblem(const Layout& layout, std::string_view key, std::int64_t firstLine);

// Why the row of `values` is rejected when the row on `firstLine` had its
// key: repeatedKeyProblem() for single keys, and for an event's identity
// "duplicate event: line N has the same ticket, time, event and tiers with
// other details, and is kept". The problem's value refers to `values`.
RowProblem repeatProblem(const Layout& layout, const std::vector<Value>& values,
                         std::int64_t firstLine);

// The rule in memory, for the few hundred rows of a preview (an import
// keeps the keys out of memory: the store tells repeats).
class RepeatedRowsInMemory {
public:
    explicit RepeatedRowsInMemory(const Layout& layout)
        : m_layout(layout) {}

    // The line of the kept row whose key the row of `values` repeats, when
    // the rule rejects it; records the row's key and values when it is the
    // first with its key.
    std::optional<std::int64_t> repeatOf(const std::vector<Value>& values, std::int64_t line);

private:
    const Layout& m_layout;
    std::unordered_map<std::string, std::int64_t> m_firstLineOfKey;
    // The kept rows' keys with their other values: only these make a
    // repeat harmless (a repeat of a rejected row must not pass as one of
    // the kept row).
    std::unordered_set<std::string> m_keptRows;
};

} // namespace escdesk::import

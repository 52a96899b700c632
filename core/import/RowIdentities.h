#pragma once

// The identities of the rows one import wrote into a table that was empty
// when it began (events: ticket, time, event and tiers), so that a repeat is
// told without a unique index to ask. The table's indexes are then dropped
// for the load and built once at the end, sorted, instead of being updated
// row by row in the file's order: in shuffled order that is a random B-tree
// insert per row and index, which outgrows the page cache and grows faster
// than the rows (TableWriter.h).
//
// Each row takes 8 bytes: 32 bits of its identity's 64-bit hash and its
// rowid, counted from the first (an open-addressing table at most 70 %
// full, so 12–23 bytes a row). The hash only narrows the search: the caller
// compares the rows it finds with the identity itself, so a shared hash
// never merges two rows; it costs a look at a row that turns out different
// (about one lookup in a thousand).

#include "import/ZeroedTable.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace escdesk::import {

class RowIdentities {
public:
    // Calls `sameIdentity(rowid)` for each row added with a hash like
    // `hash` until it returns true; returns that rowid, or 0 when none did.
    template <typename SameIdentity>
    std::int64_t find(std::uint64_t hash, SameIdentity&& sameIdentity) const {
        const std::uint32_t check = checkOf(hash);
        if (!m_slots.empty()) {
            for (std::size_t i = check & m_mask; m_slots[i].offset != 0; i = (i + 1) & m_mask) {
                if (m_slots[i].check == check && sameIdentity(m_base + m_slots[i].offset)) {
                    return m_base + m_slots[i].offset;
                }
            }
        }
        const auto [first, last] = m_farRows.equal_range(check);
        for (auto it = first; it != last; ++it) {
            if (sameIdentity(it->second)) {
                return it->second;
            }
        }
        return 0;
    }

    // Records that row `rowid` (> 0) has an identity with `hash`.
    void add(std::uint64_t hash, std::int64_t rowid) {
        if (m_base < 0) {
            m_base = rowid - 1;
        }
        const std::int64_t offset = rowid - m_base;
        const std::uint32_t check = checkOf(hash);
        const bool full = (m_count + 1) * 10 > m_slots.size() * 7 && !grow();
        if (full || offset <= 0 || offset > std::int64_t{UINT32_MAX}) {
            m_farRows.emplace(check, rowid); // beyond what the table holds: kept aside
            return;
        }
        place({check, static_cast<std::uint32_t>(offset)});
        ++m_count;
    }

    void clear() {
        m_slots = ZeroedTable<Slot>();
        m_farRows.clear();
        m_count = 0;
        m_mask = 0;
    }

private:
    struct Slot {
        std::uint32_t check = 0;
        std::uint32_t offset = 0; // 0: empty
    };

    // The bits kept; the slot is told by the low bits of the same 32, so the
    // table can grow without the full hash.
    static std::uint32_t checkOf(std::uint64_t hash) {
        return static_cast<std::uint32_t>(hash >> 32);
    }

    void place(Slot slot) {
        std::size_t i = slot.check & m_mask;
        while (m_slots[i].offset != 0) {
            i = (i + 1) & m_mask;
        }
        m_slots[i] = slot;
    }

    // Doubles the table, up to 2^32 slots (the 32 bits kept tell the slot).
    bool grow() {
        if (m_slots.size() >= (std::size_t{1} << 32)) {
            return false;
        }
        ZeroedTable<Slot> old = std::move(m_slots);
        m_slots = ZeroedTable<Slot>(old.empty() ? std::size_t{1} << 16 : old.size() * 2);
        m_mask = m_slots.size() - 1;
        for (std::size_t i = 0; i < old.size(); ++i) {
            if (old[i].offset != 0) {
                place(old[i]);
            }
        }
        return true;
    }

    ZeroedTable<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
    std::int64_t m_base = -1;
    std::unordered_multimap<std::uint32_t, std::int64_t> m_farRows;
};

} // namespace escdesk::import

#pragma once

// A 64-bit hash of a source record, for telling on a re-import whether a row
// is exactly the record it was last written from (SPEC §4 sync: an
// unchanged row is skipped without being converted, compared or written).
// XXH64: several GB/s and well mixed, so that two different records share a
// hash with odds near 2^-64. Stored in workspaces: the function must stay
// the same from release to release (tests/core/tst_record_hash.cpp pins it).

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace escdesk::import {

// XXH64 (Yann Collet's xxHash, 64-bit variant) of a span of bytes.
class Xxh64 {
public:
    static std::uint64_t of(std::string_view bytes, std::uint64_t seed) {
        const char* p = bytes.data();
        const char* const end = p + bytes.size();
        std::uint64_t h = 0;
        if (bytes.size() >= 32) {
            std::uint64_t v1 = seed + prime1 + prime2;
            std::uint64_t v2 = seed + prime2;
            std::uint64_t v3 = seed;
            std::uint64_t v4 = seed - prime1;
            const char* const limit = end - 32;
            do {
                v1 = round(v1, read64(p));
                v2 = round(v2, read64(p + 8));
                v3 = round(v3, read64(p + 16));
                v4 = round(v4, read64(p + 24));
                p += 32;
            } while (p <= limit);
            h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + prime5;
        }
        h += bytes.size();
        for (; p + 8 <= end; p += 8) {
            h ^= round(0, read64(p));
            h = rotl(h, 27) * prime1 + prime4;
        }
        if (p + 4 <= end) {
            h ^= std::uint64_t{read32(p)} * prime1;
            h = rotl(h, 23) * prime2 + prime3;
            p += 4;
        }
        for (; p < end; ++p) {
            h ^= std::uint64_t{static_cast<unsigned char>(*p)} * prime5;
            h = rotl(h, 11) * prime1;
        }
        h ^= h >> 33;
        h *= prime2;
        h ^= h >> 29;
        h *= prime3;
        h ^= h >> 32;
        return h;
    }

private:
    static constexpr std::uint64_t prime1 = 0x9E3779B185EBCA87ULL;
    static constexpr std::uint64_t prime2 = 0xC2B2AE3D27D4EB4FULL;
    static constexpr std::uint64_t prime3 = 0x165667B19E3779F9ULL;
    static constexpr std::uint64_t prime4 = 0x85EBCA77C2B2AE63ULL;
    static constexpr std::uint64_t prime5 = 0x27D4EB2F165667C5ULL;

    static std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
    static std::uint64_t read64(const char* p) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v; // little-endian hosts only (x86-64, arm64)
    }
    static std::uint32_t read32(const char* p) {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    }
    static std::uint64_t round(std::uint64_t acc, std::uint64_t input) {
        return rotl(acc + input * prime2, 31) * prime1;
    }
    static std::uint64_t merge(std::uint64_t acc, std::uint64_t value) {
        return (acc ^ round(0, value)) * prime1 + prime4;
    }
};

// The hash of a record: its fields' bytes and their lengths (so ("ab", "c")
// and ("a", "bc") differ), under a seed that stands for how the record is
// read. Fields that lie back to back in memory, as the CSV reader leaves
// them, are hashed as one span.
class RecordHash {
public:
    explicit RecordHash(std::uint64_t seed)
        : m_seed(seed) {}

    template <typename Fields> std::uint64_t of(const Fields& fields, std::size_t count) {
        m_lengths.clear();
        bool contiguous = true;
        for (std::size_t i = 0; i < count; ++i) {
            m_lengths.push_back(static_cast<std::uint32_t>(fields[i].size()));
            contiguous = contiguous && (i == 0 || fields[i].data() ==
                                                      fields[i - 1].data() + fields[i - 1].size());
        }
        std::uint64_t h = Xxh64::of(
            std::string_view(reinterpret_cast<const char*>(m_lengths.data()), m_lengths.size() * 4),
            m_seed);
        if (count > 0 && contiguous) {
            return Xxh64::of(std::string_view(fields[0].data(),
                                              static_cast<std::size_t>(fields[count - 1].data() +
                                                                       fields[count - 1].size() -
                                                                       fields[0].data())),
                             h);
        }
        // The same bytes, gathered.
        m_bytes.clear();
        for (std::size_t i = 0; i < count; ++i) {
            m_bytes.append(fields[i].data(), fields[i].size());
        }
        return Xxh64::of(m_bytes, h);
    }

private:
    std::uint64_t m_seed;
    std::vector<std::uint32_t> m_lengths;
    std::string m_bytes;
};

// The hash of a few values (e.g. how a file is read), for seeding RecordHash.
class SeedHash {
public:
    SeedHash& add(std::string_view bytes) {
        m_state = Xxh64::of(bytes, m_state);
        return *this;
    }
    SeedHash& add(std::uint64_t value) {
        char bytes[8];
        std::memcpy(bytes, &value, 8);
        return add(std::string_view(bytes, 8));
    }
    std::uint64_t value() const { return m_state; }

private:
    std::uint64_t m_state = 0;
};

// A set of 64-bit hashes (open addressing, one flat array): a million
// stored rows take 16 MB and a lookup is one cache miss.
class HashSet {
public:
    void reserve(std::size_t count) {
        std::size_t size = 1024;
        while (size < count * 2) {
            size *= 2;
        }
        if (size > m_slots.size()) {
            rehash(size);
        }
    }
    void insert(std::uint64_t hash) {
        hash |= 1; // 0 marks an empty slot
        if ((m_used + 1) * 2 > m_slots.size()) {
            rehash(std::max<std::size_t>(m_slots.size() * 2, 1024));
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slotOf(hash, mask);; i = (i + 1) & mask) {
            if (m_slots[i] == hash) {
                return;
            }
            if (m_slots[i] == 0) {
                m_slots[i] = hash;
                ++m_used;
                return;
            }
        }
    }
    bool contains(std::uint64_t hash) const {
        if (m_used == 0) {
            return false;
        }
        hash |= 1;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slotOf(hash, mask);; i = (i + 1) & mask) {
            if (m_slots[i] == hash) {
                return true;
            }
            if (m_slots[i] == 0) {
                return false;
            }
        }
    }
    void prefetch(std::uint64_t hash) const {
        if (!m_slots.empty()) {
            __builtin_prefetch(&m_slots[slotOf(hash | 1, m_slots.size() - 1)]);
        }
    }
    bool empty() const { return m_used == 0; }
    std::size_t size() const { return m_used; }

private:
    // The high bits: the low bit is forced on.
    static std::size_t slotOf(std::uint64_t hash, std::size_t mask) {
        return static_cast<std::size_t>(hash >> 20) & mask;
    }
    void rehash(std::size_t size) {
        std::vector<std::uint64_t> old(size, 0);
        old.swap(m_slots);
        m_used = 0;
        for (const std::uint64_t hash : old) {
            if (hash != 0) {
                insert(hash);
            }
        }
    }

    std::vector<std::uint64_t> m_slots;
    std::size_t m_used = 0;
};

// The source hashes of the stored rows, in storage order. A re-import
// mostly lists rows in that order, so a record is first looked for just
// ahead of the last one found — a sequential read, where a hash table
// costs a cache miss per row. Rows deleted at the source are stepped over;
// a record not found there is changed, new, or out of order. Only when
// many are not found (a file in another order) is a hash table of all
// stored hashes built and asked as well.
//
// The hashes are either all added up front, or streamed from the store a
// block at a time as the cursor comes to them (streamFrom), so that memory
// does not grow with the number of stored rows (only the table of a file
// in another order does).
class StoredHashes {
public:
    // Appends up to `max` more hashes in storage order to `hashes`, and
    // their rows' rowids to `rowids`; returns how many (fewer than `max`:
    // the end; not to be called again).
    using Source = std::function<std::size_t(std::vector<std::uint64_t>& hashes,
                                             std::vector<std::int64_t>& rowids, std::size_t max)>;

    void add(std::uint64_t hash) {
        m_ordered.push_back(hash);
        ++m_count;
    }
    // Streams the hashes from `next` instead; `all` reads them all from the
    // start, for the hash table. `count` is about how many there are.
    void streamFrom(Source next, Source all, std::size_t count) {
        m_next = std::move(next);
        m_all = std::move(all);
        m_count = count;
    }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

    bool contains(std::uint64_t hash) {
        if (m_next && m_cursor + lookAhead > m_ordered.size()) {
            refill();
        }
        const std::size_t end = std::min(m_ordered.size(), m_cursor + lookAhead);
        for (std::size_t i = m_cursor; i < end; ++i) {
            if (m_ordered[i] == hash) {
                m_cursor = i + 1;
                m_foundRowId = m_rowids.empty() ? 0 : m_rowids[i];
                return true;
            }
        }
        m_foundRowId = 0;
        if (!m_indexed && ++m_misses > std::max<std::size_t>(1000, m_count / 50)) {
            buildTable();
        }
        return m_indexed && m_table.contains(hash);
    }

    // The rowid of the row whose hash contains() last found, when streamed
    // with it (0: unknown, look the row up by its key).
    std::int64_t foundRowId() const { return m_foundRowId; }

    // Whether the hash table was needed (for tests).
    bool indexed() const { return m_indexed; }

private:
    static constexpr std::size_t lookAhead = 8;
    static constexpr std::size_t block = 16384;

    // Drops the hashes behind the cursor and reads the next block.
    void refill() {
        const auto behind = static_cast<std::ptrdiff_t>(m_cursor);
        m_ordered.erase(m_ordered.begin(), m_ordered.begin() + behind);
        m_rowids.erase(m_rowids.begin(), m_rowids.begin() + behind);
        m_cursor = 0;
        if (m_next(m_ordered, m_rowids, block) < block) {
            m_next = nullptr; // the end
        }
    }

    void buildTable() {
        m_table.reserve(m_count);
        if (m_all) {
            std::vector<std::uint64_t> some;
            std::vector<std::int64_t> rowids;
            for (bool more = true; more;) {
                more = m_all(some, rowids, block) == block;
                for (const std::uint64_t stored : some) {
                    m_table.insert(stored);
                }
                some.clear();
                rowids.clear();
            }
        } else {
            for (const std::uint64_t stored : m_ordered) {
                m_table.insert(stored);
            }
        }
        m_indexed = true;
    }

    std::vector<std::uint64_t> m_ordered; // all, or the streamed block
    std::vector<std::int64_t> m_rowids;   // streamed: each one's rowid
    std::int64_t m_foundRowId = 0;
    std::size_t m_count = 0;
    Source m_next;
    Source m_all;
    std::size_t m_cursor = 0;
    std::size_t m_misses = 0;
    bool m_indexed = false;
    HashSet m_table;
};

} // namespace escdesk::import

#pragma once

// A 64-bit hash of a source record, for telling on a re-import whether a row
// is exactly the record it was last written from (SPEC §4 sync: an
// unchanged row is skipped without being converted, compared or written).
// The rounds are XXH64's: fast on long records and well mixed, so that two
// different records share a hash with odds near 2^-64. Stored in workspaces:
// the function must stay the same from release to release.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace escdesk::import {

class RecordHash {
public:
    explicit RecordHash(std::uint64_t seed = 0)
        : m_state(seed + prime5) {}

    // Adds one field; its length is mixed in, so ("ab", "c") and ("a", "bc")
    // differ.
    RecordHash& add(std::string_view bytes) {
        const char* at = bytes.data();
        std::size_t left = bytes.size();
        while (left >= 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, at, 8);
            m_state = rotl(m_state ^ round(word), 27) * prime1 + prime4;
            at += 8;
            left -= 8;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, at, left);
        m_state =
            rotl(m_state ^ round(tail ^ (std::uint64_t{bytes.size()} << 56)), 27) * prime1 + prime4;
        return *this;
    }
    RecordHash& add(std::uint64_t value) {
        m_state = rotl(m_state ^ round(value), 27) * prime1 + prime4;
        return *this;
    }

    std::uint64_t value() const {
        std::uint64_t h = m_state;
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
    static std::uint64_t round(std::uint64_t input) { return rotl(input * prime2, 31) * prime1; }

    std::uint64_t m_state;
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

} // namespace escdesk::import

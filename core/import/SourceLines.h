#pragma once

// The source line each stored row of one import came from, by rowid: what
// tells a repeated id within a file (TableWriter::RepeatedKeys::Rejected)
// and names the line of the row that is kept. The ids themselves stay in
// the store, whose unique index on the key finds a row's rowid; here are
// only 4 bytes per row, in blocks allocated as rowids come, so a 6,000,000
// row import holds 24 MB where a set of the ids held over 300 MB.

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

namespace escdesk::import {

class SourceLines {
public:
    // The line recorded for `rowid`, if any.
    std::optional<std::int64_t> lineOf(std::int64_t rowid) {
        const std::uint32_t* slot = find(rowid);
        if (!slot || *slot == 0) {
            return std::nullopt;
        }
        if (*slot == longLine) {
            return m_longLines.at(rowid);
        }
        return *slot;
    }

    // Records that `rowid` came from `line` (> 0).
    void record(std::int64_t rowid, std::int64_t line) {
        std::uint32_t& slot = blockOf(rowid)[rowid & blockMask];
        if (line < longLine) {
            slot = static_cast<std::uint32_t>(line);
        } else {
            slot = longLine; // past 4 billion lines: kept aside
            m_longLines[rowid] = line;
        }
    }

    void clear() {
        m_blocks.clear();
        m_longLines.clear();
        m_lastIndex = noBlock;
        m_last = nullptr;
    }

private:
    static constexpr int blockBits = 16; // 256 KiB blocks
    static constexpr std::int64_t blockMask = (std::int64_t{1} << blockBits) - 1;
    static constexpr std::uint32_t longLine = 0xFFFFFFFFU;
    static constexpr std::int64_t noBlock = std::numeric_limits<std::int64_t>::min();
    using Block = std::unique_ptr<std::uint32_t[]>;

    const std::uint32_t* find(std::int64_t rowid) {
        const std::int64_t index = rowid >> blockBits;
        if (index == m_lastIndex) {
            return m_last + (rowid & blockMask);
        }
        const auto found = m_blocks.find(index);
        if (found == m_blocks.end()) {
            return nullptr;
        }
        m_lastIndex = index;
        m_last = found->second.get();
        return m_last + (rowid & blockMask);
    }

    std::uint32_t* blockOf(std::int64_t rowid) {
        const std::int64_t index = rowid >> blockBits;
        if (index != m_lastIndex) {
            Block& block = m_blocks[index];
            if (!block) {
                block = std::make_unique<std::uint32_t[]>(std::size_t{1} << blockBits); // zeroed
            }
            m_lastIndex = index;
            m_last = block.get();
        }
        return m_last;
    }

    // Rowids are dense from 1, but a block per used range keeps a stray
    // large rowid cheap.
    std::unordered_map<std::int64_t, Block> m_blocks;
    std::unordered_map<std::int64_t, std::int64_t> m_longLines;
    std::int64_t m_lastIndex = noBlock;
    std::uint32_t* m_last = nullptr;
};

} // namespace escdesk::import

#pragma once

// A zero-filled array for a hash table of tens of megabytes that is read at
// random, once per imported row (RowIdentities.h, TicketRows.h). On Linux
// it asks for 2 MiB pages: with 4 KiB pages nearly every lookup also misses
// the TLB, and the page walk cost as much as the lookup itself. The memory
// comes from calloc, untouched, so the first writes fault in large pages.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace escdesk::import {

template <typename T> class ZeroedTable {
    static_assert(std::is_trivially_copyable_v<T>, "zero bytes must be a valid T");

public:
    ZeroedTable() = default;
    explicit ZeroedTable(std::size_t size)
        : m_data(static_cast<T*>(std::calloc(size, sizeof(T))))
        , m_size(size) {
        if (!m_data) {
            throw std::bad_alloc();
        }
        adviseLargePages(size * sizeof(T));
    }

    T& operator[](std::size_t i) { return m_data.get()[i]; }
    const T& operator[](std::size_t i) const { return m_data.get()[i]; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    struct Free {
        void operator()(T* data) const { std::free(data); }
    };

    void adviseLargePages([[maybe_unused]] std::size_t bytes) {
#ifdef __linux__
        constexpr std::uintptr_t large = std::uintptr_t{2} << 20;
        const auto begin = reinterpret_cast<std::uintptr_t>(m_data.get());
        const std::uintptr_t first = (begin + large - 1) & ~(large - 1);
        const std::uintptr_t last = (begin + bytes) & ~(large - 1);
        if (last > first) {
            // Only advice: without large pages the table works the same.
            madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
        }
#endif
    }

    std::unique_ptr<T, Free> m_data;
    std::size_t m_size = 0;
};

} // namespace escdesk::import

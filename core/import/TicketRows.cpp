#include "import/TicketRows.h"

#include "import/RecordHash.h"

#include <limits>

namespace escdesk::import {

TicketRows::TicketRows(store::Database& db) {
    const auto count = static_cast<std::size_t>(db.queryInt64("SELECT count(*) FROM tickets"));
    std::size_t capacity = 16;
    while (capacity < 2 * count) {
        capacity *= 2;
    }
    m_slots = ZeroedTable<Ticket>(capacity);
    m_mask = capacity - 1;
    std::size_t stored = 0;
    store::Statement tickets = db.prepare("SELECT id, ticket_id FROM tickets");
    while (tickets.step()) {
        const std::string_view id = tickets.textView(1);
        if (id.empty() || ++stored > count ||
            m_ids.size() + id.size() > std::numeric_limits<std::uint32_t>::max()) {
            *this = TicketRows{}; // beyond 32-bit positions: the store is asked instead
            return;
        }
        Ticket& slot = m_slots[slotOf(id)];
        slot = {tickets.int64(0), static_cast<std::uint32_t>(m_ids.size()),
                static_cast<std::uint32_t>(id.size())};
        m_ids += id;
    }
    m_complete = true;
}

// The slot holding `id`, or the empty slot where it would go.
std::size_t TicketRows::slotOf(std::string_view id) const {
    std::size_t slot = Xxh64::of(id, 0) & m_mask;
    while (m_slots[slot].length != 0 && idOf(m_slots[slot]) != id) {
        slot = (slot + 1) & m_mask;
    }
    return slot;
}

std::optional<std::int64_t> TicketRows::rowOf(std::string_view ticketId) const {
    const Ticket& slot = m_slots[slotOf(ticketId)];
    if (slot.length == 0) {
        return std::nullopt;
    }
    return slot.row;
}

bool TicketRows::worthLoading(store::Database& db, std::int64_t fileBytes) {
    const std::int64_t tickets = db.queryInt64("SELECT ifnull(max(id), 0) FROM tickets");
    return fileBytes / 40 >= tickets / 4;
}

} // namespace escdesk::import

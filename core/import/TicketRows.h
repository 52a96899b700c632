#pragma once

// The rows of a workspace's tickets by their helpdesk id, in memory, for an
// events file that names many of them: each event's ticket is then found
// without the store, so the events convert on the reading thread while a
// second thread writes them (RowPipeline.h), and a file in no particular
// order does not send each lookup to a random place of the tickets' id
// index. About 42 bytes a ticket (42 MB for a million): the ids back to
// back, and an open-addressing table at most half full of 16-byte slots that
// hold the row and where the id is, so that a lookup reads two places.

#include "import/ZeroedTable.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace escdesk::import {

class TicketRows {
public:
    // Reads every ticket's id and row.
    explicit TicketRows(store::Database& db);

    // Whether every ticket is held (not so past 4 GB of ids or 4 billion
    // tickets: then ask the store).
    bool complete() const { return m_complete; }

    // The row of the ticket with exactly this id (as the store compares
    // text: byte for byte).
    std::optional<std::int64_t> rowOf(std::string_view ticketId) const;

    // Whether reading the ids is worth it for an events file of `fileBytes`:
    // when it holds about one event for every four tickets or more (an event
    // takes at least some 40 bytes), not for a few events into a large
    // workspace.
    static bool worthLoading(store::Database& db, std::int64_t fileBytes);

private:
    TicketRows() = default;

    struct Ticket {
        std::int64_t row = 0;
        std::uint32_t offset = 0; // of its id in m_ids
        std::uint32_t length = 0; // 0: an empty slot (ids are never empty)
    };

    std::string_view idOf(const Ticket& ticket) const {
        return std::string_view(m_ids).substr(ticket.offset, ticket.length);
    }
    std::size_t slotOf(std::string_view id) const;

    std::string m_ids;
    ZeroedTable<Ticket> m_slots;
    std::size_t m_mask = 0;
    bool m_complete = false;
};

} // namespace escdesk::import

#pragma once

// Reading single tickets and their event logs back as domain values.

#include "domain/KnownIssue.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "store/Database.h"

#include <optional>
#include <unordered_map>
#include <vector>

namespace escdesk::store {

// The number of rows in each of the workspace's data tables.
struct WorkspaceCounts {
    std::int64_t tickets = 0;
    std::int64_t events = 0;
    std::int64_t accounts = 0;
    std::int64_t knownIssues = 0;
};

WorkspaceCounts countRecords(Database& db);

std::optional<Ticket> ticketByRow(Database& db, std::int64_t ticketRow);
std::optional<std::int64_t> ticketRowOf(Database& db, const QString& ticketId);
// The ticket's events in time order (ties in insertion order).
std::vector<TicketEvent> eventsOfTicket(Database& db, std::int64_t ticketRow);

// Reads tickets and their events by row with statements prepared once, for
// a caller that reads many (the at-risk queue reads thousands).
class TicketRowReader {
public:
    explicit TicketRowReader(Database& db);
    std::optional<Ticket> ticket(std::int64_t ticketRow);
    // The ticket's events in time order (ties in insertion order).
    std::vector<TicketEvent> events(std::int64_t ticketRow);

private:
    Statement m_ticket;
    Statement m_events;
};

// Every known issue, ordered by id.
std::vector<KnownIssue> allKnownIssues(Database& db);

// The helpdesk id, subject and description of tickets, by ticket row.
struct TicketText {
    QString ticketId;
    QString subject;
    QString description;
};
std::unordered_map<std::int64_t, TicketText> ticketTexts(Database& db,
                                                         const std::vector<std::int64_t>& rows);

} // namespace escdesk::store

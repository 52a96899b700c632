#pragma once

// Plain inserts of domain records through prepared statements that are
// reused for every row: the fast path for generated workspaces. The caller
// owns the transaction.

#include "domain/Account.h"
#include "domain/KnownIssue.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "store/Database.h"

namespace escdesk::store {

class DataWriter {
public:
    explicit DataWriter(Database& db);

    // Returns the ticket's row id, which events refer to.
    std::int64_t insertTicket(const Ticket& ticket);
    // Inserts the event unless an identical one (ticket, time, event, tiers)
    // exists; returns whether it was new.
    bool insertEvent(std::int64_t ticketRow, const TicketEvent& event);
    void insertAccount(const Account& account);
    void insertKnownIssue(const KnownIssue& issue);

private:
    Database& m_db;
    Statement m_ticket;
    Statement m_event;
    Statement m_account;
    Statement m_knownIssue;
};

} // namespace escdesk::store

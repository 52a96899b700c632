#pragma once

// Applying the matrix to one stored ticket: which SLA policy governs it, its
// SLA clocks, and which severity rule fires. Shared by `escdesk sla`,
// `escdesk triage` and the application's ticket detail.
//
// The policy is chosen by the account's customer tier (SMB, the standard
// contract, when the ticket has no known account) and the ticket's priority
// (when the helpdesk gave none, the priority the severity rules give).

#include "domain/Account.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "matrix/Matrix.h"
#include "matrix/SeverityRules.h"
#include "sla/SlaEngine.h"
#include "store/Database.h"
#include "store/TicketReader.h"

#include <map>
#include <optional>
#include <vector>

namespace escdesk::matrix {

struct TicketContext {
    std::int64_t row = 0;
    Ticket ticket;
    std::vector<TicketEvent> events;
    std::optional<Account> account;
};

std::optional<Account> accountById(store::Database& db, const QString& accountId);
// The stored ticket with this helpdesk id, its events and account.
std::optional<TicketContext> loadTicketContext(store::Database& db, const QString& ticketId);
// Rows of unresolved tickets (or every ticket), oldest first.
std::vector<std::int64_t> ticketRows(store::Database& db, bool unresolvedOnly);
std::optional<TicketContext> loadTicketContext(store::Database& db, std::int64_t row);

// loadTicketContext for many rows, with statements prepared once and each
// account read once (the reader is meant for one read of the workspace:
// accounts changed meanwhile are not read again).
class TicketContextReader {
public:
    explicit TicketContextReader(store::Database& db);
    std::optional<TicketContext> load(std::int64_t row);

private:
    store::TicketRowReader m_rows;
    store::Statement m_account;
    std::map<QString, std::optional<Account>> m_accounts;
};

QString customerTierOf(const TicketContext& context);
QString priorityOf(const Matrix& matrix, const TicketContext& context);

// Applies one matrix to many tickets, keeping one calendar clock (and its
// remembered business spans) per calendar across them.
class MatrixEvaluator {
public:
    explicit MatrixEvaluator(Matrix matrix);

    const Matrix& matrix() const { return m_matrix; }

    // None when the matrix has no policy (or calendar) for the ticket.
    std::optional<sla::SlaEvaluation> sla(const TicketContext& context, UtcSeconds asOf) const;

    // The severity rules applied with the SLA share consumed at `asOf` (the
    // most used target that is not met).
    TriageResult triage(const TicketContext& context, UtcSeconds asOf) const;

private:
    Matrix m_matrix;
    std::vector<std::pair<QString, sla::CalendarClock>> m_clocks;
};

// One-off forms of MatrixEvaluator::sla and ::triage.
std::optional<sla::SlaEvaluation> assessSla(const Matrix& matrix, const TicketContext& context,
                                            UtcSeconds asOf);
TriageResult assessTriage(const Matrix& matrix, const TicketContext& context, UtcSeconds asOf);

} // namespace escdesk::matrix

#include "matrix/TicketAssessment.h"

#include "store/TicketReader.h"

#include <algorithm>

namespace escdesk::matrix {

namespace {

constexpr const char* accountSql =
    "SELECT account_id, name, tier, segment, region, arr, timezone, renewal_date, "
    "attributes FROM accounts WHERE account_id = ?";

std::optional<Account> readAccount(store::Statement& query, const QString& accountId) {
    if (accountId.trimmed().isEmpty()) {
        return std::nullopt;
    }
    query.reset();
    query.bind(1, accountId);
    if (!query.step()) {
        return std::nullopt;
    }
    Account account;
    account.accountId = query.text(0);
    account.name = query.text(1);
    account.tier = query.text(2);
    account.segment = query.text(3);
    account.region = query.text(4);
    account.arr = query.optionalReal(5);
    account.timezone = query.text(6);
    account.renewalDate = QDate::fromString(query.text(7), Qt::ISODate);
    account.attributes = query.text(8);
    query.reset();
    return account;
}

} // namespace

std::optional<Account> accountById(store::Database& db, const QString& accountId) {
    store::Statement query = db.prepare(accountSql);
    return readAccount(query, accountId);
}

TicketContextReader::TicketContextReader(store::Database& db)
    : m_rows(db)
    , m_account(db.prepare(accountSql)) {}

std::optional<TicketContext> TicketContextReader::load(std::int64_t row) {
    auto ticket = m_rows.ticket(row);
    if (!ticket) {
        return std::nullopt;
    }
    TicketContext context;
    context.row = row;
    context.ticket = std::move(*ticket);
    context.events = m_rows.events(row);
    auto known = m_accounts.find(context.ticket.accountId);
    if (known == m_accounts.end()) {
        known =
            m_accounts
                .emplace(context.ticket.accountId, readAccount(m_account, context.ticket.accountId))
                .first;
    }
    context.account = known->second;
    return context;
}

std::optional<TicketContext> loadTicketContext(store::Database& db, std::int64_t row) {
    return TicketContextReader(db).load(row);
}

std::optional<TicketContext> loadTicketContext(store::Database& db, const QString& ticketId) {
    const auto row = store::ticketRowOf(db, ticketId);
    return row ? loadTicketContext(db, *row) : std::nullopt;
}

std::vector<std::int64_t> ticketRows(store::Database& db, bool unresolvedOnly) {
    store::Statement query = db.prepare(
        unresolvedOnly ? "SELECT id FROM tickets WHERE resolved_at IS NULL AND closed_at IS NULL "
                         "ORDER BY created_at, id"
                       : "SELECT id FROM tickets ORDER BY created_at, id");
    std::vector<std::int64_t> rows;
    while (query.step()) {
        rows.push_back(query.int64(0));
    }
    return rows;
}

QString customerTierOf(const TicketContext& context) {
    const QString tier = context.account ? canonicalCustomerTier(context.account->tier) : QString();
    return customerTiers.contains(tier) ? tier : QStringLiteral("SMB");
}

QString priorityOf(const Matrix& matrix, const TicketContext& context) {
    const QString given = canonicalPriority(context.ticket.priority);
    if (priorities.contains(given)) {
        return given;
    }
    const Account* account = context.account ? &*context.account : nullptr;
    const TriageResult triaged =
        triage(matrix.rules, TriageInput{&context.ticket, account, std::nullopt});
    return priorities.contains(triaged.priority) ? triaged.priority : QStringLiteral("Medium");
}

MatrixEvaluator::MatrixEvaluator(Matrix matrix)
    : m_matrix(std::move(matrix)) {
    for (const sla::BusinessCalendar& calendar : m_matrix.calendars) {
        m_clocks.emplace_back(calendar.name, sla::CalendarClock(calendar));
    }
}

std::optional<sla::SlaEvaluation> MatrixEvaluator::sla(const TicketContext& context,
                                                       UtcSeconds asOf) const {
    const sla::SlaPolicy* policy =
        m_matrix.policyFor(customerTierOf(context), priorityOf(m_matrix, context));
    if (!policy) {
        return std::nullopt;
    }
    const auto clock = std::find_if(m_clocks.begin(), m_clocks.end(), [&](const auto& entry) {
        return entry.first == policy->calendar;
    });
    if (clock == m_clocks.end()) {
        return std::nullopt;
    }
    return sla::evaluateSla(context.ticket, context.events, *policy, clock->second, asOf);
}

TriageResult MatrixEvaluator::triage(const TicketContext& context, UtcSeconds asOf) const {
    std::optional<double> consumed;
    if (const auto evaluation = sla(context, asOf)) {
        for (const sla::TargetClock& clock : evaluation->targets) {
            if (clock.status != sla::ClockStatus::Met) {
                consumed = std::max(consumed.value_or(0.0), clock.consumed);
            }
        }
    }
    const Account* account = context.account ? &*context.account : nullptr;
    return matrix::triage(m_matrix.rules, TriageInput{&context.ticket, account, consumed});
}

std::optional<sla::SlaEvaluation> assessSla(const Matrix& matrix, const TicketContext& context,
                                            UtcSeconds asOf) {
    return MatrixEvaluator(matrix).sla(context, asOf);
}

TriageResult assessTriage(const Matrix& matrix, const TicketContext& context, UtcSeconds asOf) {
    return MatrixEvaluator(matrix).triage(context, asOf);
}

} // namespace escdesk::matrix

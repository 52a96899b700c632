#pragma once

// Applying the matrix to one stored ticket: which SLA policy governs it, its
// SLA clocks, and which severity rule fires. Shared by `escdesk sla`,
// `escdesk triage` and the application's ticket detail.
//
// The policy is chosen by the account's customer tier (SMB, the standard
// contract, when the ticket has no known account) and the ticket's priority
// (when the helpdesk gave none, the priority the severity rules give on what
// the ticket holds — the measured fields need the policy, so they are
// unknown there).

#include "domain/Account.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "matrix/Matrix.h"
#include "matrix/RuleTiming.h"
#include "matrix/SeverityRules.h"
#include "sla/SlaEngine.h"
#include "store/Database.h"
#include "store/TicketReader.h"

#include <functional>
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

// The sentiment score (0–100) of a ticket's text, for the rule field
// `sentiment`. The matrix does not depend on the risk model that scores it:
// the caller hands one in (risk::ticketSentimentSource).
using SentimentSource = std::function<std::optional<double>(const Ticket&)>;

// Applies one matrix to many tickets, keeping one calendar clock (and its
// remembered business spans) per calendar across them.
class MatrixEvaluator {
public:
    explicit MatrixEvaluator(Matrix matrix);

    const Matrix& matrix() const { return m_matrix; }

    // Without a source the field `sentiment` is unknown (its conditions do
    // not hold). Scored only when a rule tests it.
    void setSentimentSource(SentimentSource source);

    // None when the matrix has no policy (or calendar) for the ticket.
    std::optional<sla::SlaEvaluation> sla(const TicketContext& context, UtcSeconds asOf) const;

    // What the rules see of the ticket at `asOf`: the SLA share consumed
    // (the most used target that is not met), the business minutes without
    // progress, the sentiment and the date renewals count from (asOf's
    // local date on the governing calendar, else in UTC). Points into
    // `context`.
    TriageInput triageInput(const TicketContext& context, UtcSeconds asOf) const;

    // The severity rules applied to triageInput(context, asOf).
    TriageResult triage(const TicketContext& context, UtcSeconds asOf) const;
    // triage() for many tickets: the verdict alone (triageVerdict), with the
    // SLA evaluation at `asOf` the caller already holds (sla(context, asOf))
    // instead of a second one.
    TriageResult verdict(const TicketContext& context, UtcSeconds asOf,
                         const std::optional<sla::SlaEvaluation>& evaluation) const;

    // The earliest instant in [creation, until] at which the first-matching
    // rule gives a target tier above 1, and that rule; none when the rules
    // never do by `until`. Candidates are the instants where a condition can
    // change: creation, first response, each event, the resolution, where a
    // minutes_without_progress bound is reached or passed (a progress + N
    // business minutes; "at most N" stops one second after), where an
    // sla_consumed bound is for each target, and each local midnight a
    // renewal_days bound is crossed. Only the rules that can still match —
    // those before the first rule that holds without a timed condition — are
    // tried at each. Fields the ticket holds only as last exported (status,
    // tier, tags) are taken as they are.
    std::optional<RuleFiring> firstFlagged(const TicketContext& context, UtcSeconds until) const;

private:
    struct Governing {
        const sla::SlaPolicy* policy = nullptr;
        const sla::CalendarClock* clock = nullptr;
    };
    Governing governing(const TicketContext& context) const;
    // What to measure: the SLA share and the minutes without progress cost
    // a walk over the calendar each.
    struct Measures {
        bool sla = true;
        bool progress = true;
    };
    TriageInput inputAt(const TicketContext& context, const Governing& governing, UtcSeconds asOf,
                        std::optional<double> sentiment, Measures measures) const;
    std::optional<double> sentimentOf(const Ticket& ticket) const;
    std::vector<UtcSeconds> candidateInstants(const TicketContext& context,
                                              const Governing& governing,
                                              const std::vector<const Condition*>& timed,
                                              UtcSeconds until) const;

    Matrix m_matrix;
    std::vector<std::pair<QString, sla::CalendarClock>> m_clocks;
    SentimentSource m_sentiment;
    bool m_rulesUseSentiment = false;
    bool m_rulesUseProgress = false;
};

// One-off forms of MatrixEvaluator::sla and ::triage.
std::optional<sla::SlaEvaluation> assessSla(const Matrix& matrix, const TicketContext& context,
                                            UtcSeconds asOf);
TriageResult assessTriage(const Matrix& matrix, const TicketContext& context, UtcSeconds asOf);

} // namespace escdesk::matrix

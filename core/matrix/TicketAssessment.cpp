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
    // What the ticket itself holds: the measured fields are unknown here, as
    // they need the policy this priority chooses.
    TriageInput input;
    input.ticket = &context.ticket;
    input.account = context.account ? &*context.account : nullptr;
    const TriageResult triaged = triage(matrix.rules, input);
    return priorities.contains(triaged.priority) ? triaged.priority : QStringLiteral("Medium");
}

MatrixEvaluator::MatrixEvaluator(Matrix matrix)
    : m_matrix(std::move(matrix))
    , m_rulesUseSentiment(rulesTest(m_matrix.rules, sentimentField))
    , m_rulesUseProgress(rulesTest(m_matrix.rules, noProgressField)) {
    for (const sla::BusinessCalendar& calendar : m_matrix.calendars) {
        m_clocks.emplace_back(calendar.name, sla::CalendarClock(calendar));
    }
}

void MatrixEvaluator::setSentimentSource(SentimentSource source) {
    m_sentiment = std::move(source);
}

MatrixEvaluator::Governing MatrixEvaluator::governing(const TicketContext& context) const {
    const sla::SlaPolicy* policy =
        m_matrix.policyFor(customerTierOf(context), priorityOf(m_matrix, context));
    if (!policy) {
        return {};
    }
    const auto clock = std::find_if(m_clocks.begin(), m_clocks.end(), [&](const auto& entry) {
        return entry.first == policy->calendar;
    });
    return clock == m_clocks.end() ? Governing{} : Governing{policy, &clock->second};
}

std::optional<sla::SlaEvaluation> MatrixEvaluator::sla(const TicketContext& context,
                                                       UtcSeconds asOf) const {
    const Governing governing = this->governing(context);
    if (!governing.clock) {
        return std::nullopt;
    }
    return sla::evaluateSla(context.ticket, context.events, *governing.policy, *governing.clock,
                            asOf);
}

std::optional<double> MatrixEvaluator::sentimentOf(const Ticket& ticket) const {
    return m_rulesUseSentiment && m_sentiment ? m_sentiment(ticket) : std::nullopt;
}

namespace {

// RuleTiming.h: unknown before the ticket exists, once it is resolved and
// without a calendar.
std::optional<double> minutesWithoutProgress(const TicketContext& context,
                                             const sla::SlaPolicy& policy,
                                             const sla::CalendarClock& clock, UtcSeconds asOf) {
    const Ticket& ticket = context.ticket;
    if (asOf < ticket.createdAt) {
        return std::nullopt;
    }
    const auto resolution = sla::resolutionOf(ticket, context.events, asOf);
    if (resolution && *resolution <= asOf) {
        return std::nullopt;
    }
    const std::vector<sla::Span> pauses =
        sla::pausedSpans(ticket, context.events, policy.pausingStatuses, asOf);
    const std::int64_t seconds =
        clock.elapsedBusinessSeconds(lastProgressAt(ticket, context.events, asOf), asOf, pauses);
    return static_cast<double>(seconds) / 60.0;
}

// The share the rules test as sla_consumed: that of the most used target
// not yet met.
std::optional<double> slaConsumedOf(const sla::SlaEvaluation& evaluation) {
    std::optional<double> consumed;
    for (const sla::TargetClock& clock : evaluation.targets) {
        if (clock.status != sla::ClockStatus::Met) {
            consumed = std::max(consumed.value_or(0.0), clock.consumed);
        }
    }
    return consumed;
}

} // namespace

TriageInput MatrixEvaluator::inputAt(const TicketContext& context, const Governing& governing,
                                     UtcSeconds asOf, std::optional<double> sentiment,
                                     Measures measures) const {
    TriageInput input;
    input.ticket = &context.ticket;
    input.account = context.account ? &*context.account : nullptr;
    input.sentiment = sentiment;
    input.evaluationDate = governing.clock ? governing.clock->localDateOf(asOf)
                                           : toDateTime(asOf, QTimeZone::utc()).date();
    if (!governing.clock) {
        return input;
    }
    if (measures.sla) {
        input.slaConsumed = slaConsumedOf(sla::evaluateSla(
            context.ticket, context.events, *governing.policy, *governing.clock, asOf));
    }
    if (measures.progress) {
        input.minutesWithoutProgress =
            minutesWithoutProgress(context, *governing.policy, *governing.clock, asOf);
    }
    return input;
}

TriageInput MatrixEvaluator::triageInput(const TicketContext& context, UtcSeconds asOf) const {
    return inputAt(context, governing(context), asOf, sentimentOf(context.ticket),
                   Measures{true, m_rulesUseProgress});
}

TriageResult MatrixEvaluator::verdict(const TicketContext& context, UtcSeconds asOf,
                                      const std::optional<sla::SlaEvaluation>& evaluation) const {
    // sla() evaluates exactly when inputAt would (a governing clock), so the
    // input is the one triageInput() builds.
    TriageInput input = inputAt(context, governing(context), asOf, sentimentOf(context.ticket),
                                Measures{false, m_rulesUseProgress});
    if (evaluation) {
        input.slaConsumed = slaConsumedOf(*evaluation);
    }
    return matrix::triageVerdict(m_matrix.rules, input);
}

TriageResult MatrixEvaluator::triage(const TicketContext& context, UtcSeconds asOf) const {
    return matrix::triage(m_matrix.rules, triageInput(context, asOf));
}

std::optional<sla::SlaEvaluation> assessSla(const Matrix& matrix, const TicketContext& context,
                                            UtcSeconds asOf) {
    return MatrixEvaluator(matrix).sla(context, asOf);
}

TriageResult assessTriage(const Matrix& matrix, const TicketContext& context, UtcSeconds asOf) {
    return MatrixEvaluator(matrix).triage(context, asOf);
}

} // namespace escdesk::matrix

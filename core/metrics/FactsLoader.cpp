#include "metrics/FactsLoader.h"

#include <QHash>

#include <algorithm>
#include <unordered_map>

namespace escdesk::metrics {

namespace {

// Shares one QString among the many rows that carry the same short value
// (priorities, product areas, segments): a million tickets hold a few dozen
// distinct strings.
class StringPool {
public:
    QString get(const store::Statement& row, int column) {
        if (row.isNull(column)) {
            return {};
        }
        const QString text = row.text(column);
        auto found = m_pool.constFind(text);
        if (found != m_pool.constEnd()) {
            return *found;
        }
        m_pool.insert(text, text);
        return text;
    }

private:
    QHash<QString, QString> m_pool;
};

std::optional<int> optionalInt(const store::Statement& row, int column) {
    if (row.isNull(column)) {
        return std::nullopt;
    }
    return static_cast<int>(row.int64(column));
}

// Tickets created in the window or escalated in it.
constexpr const char* ticketsOfWindowSql = R"sql(
SELECT t.id, t.created_at, t.resolved_at, t.priority, t.tier, t.escalated, t.escalated_at,
       t.handle_time_min, t.csat, t.root_cause, t.product_area, t.group_name, a.tier, a.segment,
       t.first_response_at, t.closed_at, t.status, t.account_id, a.arr
FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id
WHERE (t.created_at >= ?1 AND t.created_at < ?2)
   OR t.id IN (SELECT ticket FROM ticket_events
               WHERE event = 'escalated' AND occurred_at >= ?1 AND occurred_at < ?2)
ORDER BY t.id
)sql";

constexpr const char* eventsOfWindowSql = R"sql(
SELECT ticket, occurred_at, event, from_tier, to_tier FROM ticket_events
WHERE ticket IN (SELECT id FROM tickets WHERE created_at >= ?1 AND created_at < ?2)
   OR ticket IN (SELECT ticket FROM ticket_events
                 WHERE event = 'escalated' AND occurred_at >= ?1 AND occurred_at < ?2)
ORDER BY ticket, occurred_at, id
)sql";

constexpr const char* resolvedEscalationsSql = R"sql(
SELECT t.resolved_at, t.root_cause, t.product_area FROM tickets t
WHERE t.resolved_at >= ?1 AND t.resolved_at < ?2
  AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'escalated')
)sql";

constexpr const char* resolvedFlaggedSql = R"sql(
SELECT t.resolved_at, t.root_cause, t.product_area FROM tickets t
WHERE t.resolved_at >= ?1 AND t.resolved_at < ?2 AND coalesce(t.escalated, 0) != 0
)sql";

std::vector<TicketFacts> loadTickets(store::Database& db, const Window& window, StringPool& pool) {
    std::vector<TicketFacts> tickets;
    store::Statement row = db.prepare(ticketsOfWindowSql);
    row.bindAll(window.from, window.to);
    while (row.step()) {
        TicketFacts t;
        t.row = row.int64(0);
        t.createdAt = row.int64(1);
        t.resolvedAt = row.optionalInt64(2);
        t.priority = pool.get(row, 3);
        t.tier = optionalInt(row, 4);
        t.escalatedFlag = !row.isNull(5) && row.int64(5) != 0;
        t.escalatedAt = row.optionalInt64(6);
        t.handleTimeMin = row.optionalReal(7);
        t.csat = row.optionalReal(8);
        t.rootCause = pool.get(row, 9);
        t.productArea = pool.get(row, 10);
        t.group = pool.get(row, 11);
        t.accountTier = pool.get(row, 12);
        t.accountSegment = pool.get(row, 13);
        t.firstResponseAt = row.optionalInt64(14);
        t.closedAt = row.optionalInt64(15);
        t.status = pool.get(row, 16);
        t.accountId = pool.get(row, 17);
        t.accountArr = row.optionalReal(18);
        tickets.push_back(std::move(t));
    }
    return tickets;
}

bool comesFirst(const FactEvent& a, const FactEvent& b) {
    if (a.at != b.at) {
        return a.at < b.at;
    }
    return a.kind == EventKind::Escalated && b.kind != EventKind::Escalated;
}

void attachEvents(store::Database& db, const Window& window, std::vector<TicketFacts>& tickets) {
    std::unordered_map<std::int64_t, std::size_t> indexOfRow;
    indexOfRow.reserve(tickets.size());
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        indexOfRow.emplace(tickets[i].row, i);
    }
    store::Statement row = db.prepare(eventsOfWindowSql);
    row.bindAll(window.from, window.to);
    while (row.step()) {
        const auto found = indexOfRow.find(row.int64(0));
        const auto kind = parseEventKind(row.text(2));
        if (found == indexOfRow.end() || !kind) {
            continue;
        }
        tickets[found->second].events.push_back(
            FactEvent{row.int64(1), *kind, optionalInt(row, 3), optionalInt(row, 4)});
    }
    for (TicketFacts& ticket : tickets) {
        // Stable: events at one instant keep their insertion order.
        std::stable_sort(ticket.events.begin(), ticket.events.end(), comesFirst);
    }
}

std::vector<ResolvedEscalation> loadResolvedEscalations(store::Database& db, const Window& window,
                                                        bool hasEventLog, StringPool& pool) {
    std::vector<ResolvedEscalation> resolved;
    store::Statement row = db.prepare(hasEventLog ? resolvedEscalationsSql : resolvedFlaggedSql);
    row.bindAll(window.from - repeatIssueLookbackSeconds, window.to);
    while (row.step()) {
        resolved.push_back(ResolvedEscalation{row.int64(0), pool.get(row, 1), pool.get(row, 2)});
    }
    return resolved;
}

} // namespace

MetricsInput loadMetricsInput(store::Database& db, const Window& window) {
    MetricsInput input;
    StringPool pool;
    input.hasEventLog = db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
    input.tickets = loadTickets(db, window, pool);
    if (input.hasEventLog) {
        attachEvents(db, window, input.tickets);
    }
    input.resolvedEscalations = loadResolvedEscalations(db, window, input.hasEventLog, pool);
    return input;
}

} // namespace escdesk::metrics

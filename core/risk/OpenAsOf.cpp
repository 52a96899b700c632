#include "risk/OpenAsOf.h"

#include "risk/RiskFeatureStore.h"

#include <QString>

#include <algorithm>
#include <string>

namespace escdesk::risk {

bool isClosedStatus(const QString& status) {
    const QString s = status.trimmed().toLower();
    return s == QLatin1String("solved") || s == QLatin1String("closed") ||
           s == QLatin1String("resolved");
}

namespace {

// The latest of the instants at or before `asOf`.
std::optional<UtcSeconds> latestBy(std::initializer_list<std::optional<UtcSeconds>> instants,
                                   UtcSeconds asOf) {
    std::optional<UtcSeconds> latest;
    for (const std::optional<UtcSeconds>& instant : instants) {
        if (instant && *instant <= asOf && (!latest || *instant > *latest)) {
            latest = instant;
        }
    }
    return latest;
}

// The earliest of the instants given (one at least is).
UtcSeconds earliestOf(std::initializer_list<std::optional<UtcSeconds>> instants) {
    UtcSeconds earliest = stillWatched;
    for (const std::optional<UtcSeconds>& instant : instants) {
        if (instant) {
            earliest = std::min(earliest, *instant);
        }
    }
    return earliest;
}

} // namespace

bool openAt(const TicketLifecycle& ticket, UtcSeconds asOf) {
    if (ticket.createdAt > asOf) {
        return false;
    }
    const std::optional<UtcSeconds> closing =
        latestBy({ticket.resolvedAt, ticket.closedAt, ticket.lastResolvedEvent}, asOf);
    if (closing) {
        return ticket.lastReopenedEvent && *ticket.lastReopenedEvent >= *closing;
    }
    const bool datedClosing = ticket.resolvedAt || ticket.closedAt || ticket.anyResolvedEvent;
    return datedClosing || !ticket.closedStatus;
}

bool escalatedBy(const TicketLifecycle& ticket, UtcSeconds asOf) {
    if (ticket.firstEscalatedEvent || ticket.escalatedAt) {
        return latestBy({ticket.firstEscalatedEvent, ticket.escalatedAt}, asOf).has_value();
    }
    return ticket.escalatedFlag;
}

UtcSeconds watchedUntil(const TicketLifecycle& ticket) {
    UtcSeconds until = stillWatched;
    if (ticket.firstEscalatedEvent || ticket.escalatedAt) {
        until = std::min(ticket.firstEscalatedEvent.value_or(stillWatched),
                         ticket.escalatedAt.value_or(stillWatched));
    } else if (ticket.escalatedFlag) {
        return ticket.createdAt; // escalated at an unknown time: always
    }
    const std::optional<UtcSeconds> closing =
        latestBy({ticket.resolvedAt, ticket.closedAt, ticket.lastResolvedEvent}, stillWatched);
    if (closing && !ticket.lastReopenedEvent) {
        // Never reopened: closed for good from its first closing on (a ticket
        // resolved and closed days later is watched until it was resolved).
        until = std::min(until, earliestOf({ticket.resolvedAt, ticket.closedAt,
                                            ticket.firstResolvedEvent ? ticket.firstResolvedEvent
                                                                      : ticket.lastResolvedEvent}));
    } else if (closing) {
        const bool reopenedLast = *ticket.lastReopenedEvent >= *closing;
        if (!reopenedLast) {
            until = std::min(until, *closing);
        }
    } else if (ticket.closedStatus) {
        return ticket.createdAt; // closed at an unknown time: never open
    }
    return std::max(until, ticket.createdAt);
}

std::unordered_set<std::int64_t> openUnescalatedTicketsAmong(store::Database& db, UtcSeconds asOf,
                                                             std::string_view candidates) {
    // Each event lookup is a range of the (ticket, occurred_at, event) index.
    std::string sql =
        "SELECT t.id, t.created_at, t.resolved_at, t.closed_at, t.status, t.escalated, "
        "t.escalated_at, "
        "(SELECT max(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
        " AND e.event = 'resolved' AND e.occurred_at <= ?1), "
        "(SELECT max(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
        " AND e.event = 'reopened' AND e.occurred_at <= ?1), "
        "EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'resolved'), "
        "(SELECT min(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
        " AND e.event = 'escalated') "
        "FROM tickets t WHERE ";
    if (candidates.empty()) {
        sql += "t.created_at <= ?1";
    } else {
        // The candidates by row, not every ticket created before the instant.
        sql += "+t.created_at <= ?1 AND t.id IN (";
        sql += candidates;
        sql += ')';
    }
    store::Statement query = db.prepare(sql);
    query.bind(1, std::int64_t{asOf});
    std::unordered_set<std::int64_t> open;
    while (query.step()) {
        TicketLifecycle ticket;
        ticket.createdAt = query.int64(1);
        ticket.resolvedAt = query.optionalInt64(2);
        ticket.closedAt = query.optionalInt64(3);
        ticket.closedStatus = isClosedStatus(query.text(4));
        ticket.escalatedFlag = query.optionalInt64(5).value_or(0) != 0;
        ticket.escalatedAt = query.optionalInt64(6);
        ticket.lastResolvedEvent = query.optionalInt64(7);
        ticket.lastReopenedEvent = query.optionalInt64(8);
        ticket.anyResolvedEvent = query.int64(9) != 0;
        ticket.firstEscalatedEvent = query.optionalInt64(10);
        if (openAt(ticket, asOf) && !escalatedBy(ticket, asOf)) {
            open.insert(query.int64(0));
        }
    }
    return open;
}

std::unordered_set<std::int64_t> openUnescalatedTicketsAt(store::Database& db, UtcSeconds asOf) {
    return openUnescalatedTicketsAmong(db, asOf, watchedTicketsSql(db, asOf));
}

namespace {

// Event kinds by name: a handful of names, each parsed once rather than
// once per event.
class EventKindNames {
public:
    EventKind kindOf(std::string_view name) {
        const auto [it, added] = m_kinds.try_emplace(std::string(name), EventKind::Escalated);
        if (added) {
            it->second =
                parseEventKind(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())))
                    .value_or(EventKind::Escalated);
        }
        return it->second;
    }

private:
    std::unordered_map<std::string, EventKind> m_kinds;
};

void readContextTickets(store::Database& db, UtcSeconds asOf, std::string_view candidates,
                        TicketContexts& contexts) {
    std::string sql = "SELECT t.id, t.ticket_id, t.created_at, t.first_response_at, t.resolved_at, "
                      "t.closed_at, t.status, t.priority, t.subject, t.account_id, t.escalated, "
                      "t.escalated_at, a.account_id, a.name, a.tier "
                      "FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id "
                      "WHERE +t.created_at <= ?1 AND t.id IN (";
    sql += candidates;
    sql += ')';
    store::Statement query = db.prepare(sql);
    query.bind(1, std::int64_t{asOf});
    while (query.step()) {
        matrix::TicketContext& context = contexts[query.int64(0)];
        context.row = query.int64(0);
        Ticket& ticket = context.ticket;
        ticket.ticketId = query.text(1);
        ticket.createdAt = query.int64(2);
        ticket.firstResponseAt = query.optionalInt64(3);
        ticket.resolvedAt = query.optionalInt64(4);
        ticket.closedAt = query.optionalInt64(5);
        ticket.status = query.text(6);
        ticket.priority = query.text(7);
        ticket.subject = query.text(8);
        ticket.accountId = query.text(9);
        if (!query.isNull(10)) {
            ticket.escalated = query.int64(10) != 0;
        }
        ticket.escalatedAt = query.optionalInt64(11);
        // As TicketContextReader: a blank account id has no account.
        if (!query.isNull(12) && !ticket.accountId.trimmed().isEmpty()) {
            Account account;
            account.accountId = query.text(12);
            account.name = query.text(13);
            account.tier = query.text(14);
            context.account = std::move(account);
        }
    }
}

// The events of the tickets of `contexts`, in the order
// TicketRowReader::events gives them.
void readContextEvents(store::Database& db, TicketContexts& contexts) {
    std::string rows = "[";
    for (const auto& [row, context] : contexts) {
        rows += std::to_string(row);
        rows += ',';
    }
    if (!contexts.empty()) {
        rows.pop_back();
    }
    rows += ']';
    store::Statement query =
        db.prepare("SELECT e.ticket, e.occurred_at, e.event, e.from_tier, e.to_tier "
                   "FROM ticket_events e WHERE e.ticket IN (SELECT value FROM json_each(?1)) "
                   "ORDER BY e.ticket, e.occurred_at, e.id");
    query.bind(1, std::string_view(rows));
    EventKindNames kinds;
    const auto optionalInt = [&](int column) -> std::optional<int> {
        if (query.isNull(column)) {
            return std::nullopt;
        }
        return static_cast<int>(query.int64(column));
    };
    auto context = contexts.end();
    while (query.step()) {
        const std::int64_t row = query.int64(0);
        if (context == contexts.end() || context->first != row) {
            context = contexts.find(row);
            if (context == contexts.end()) {
                continue;
            }
        }
        TicketEvent event;
        event.ticketId = context->second.ticket.ticketId;
        event.occurredAt = query.int64(1);
        event.kind = kinds.kindOf(query.textView(2));
        event.fromTier = optionalInt(3);
        event.toTier = optionalInt(4);
        context->second.events.push_back(std::move(event));
    }
    for (auto& [row, c] : contexts) {
        std::stable_sort(c.events.begin(), c.events.end(), comesBefore);
    }
}

// The ticket's lifecycle, as openUnescalatedTicketsAmong reads it, from a
// context holding all its events.
TicketLifecycle lifecycleOf(const matrix::TicketContext& context, UtcSeconds asOf) {
    const Ticket& t = context.ticket;
    TicketLifecycle life;
    life.createdAt = t.createdAt;
    life.resolvedAt = t.resolvedAt;
    life.closedAt = t.closedAt;
    life.closedStatus = isClosedStatus(t.status);
    life.escalatedFlag = t.escalated.value_or(false);
    life.escalatedAt = t.escalatedAt;
    const auto later = [](std::optional<UtcSeconds>& latest, UtcSeconds instant) {
        latest = std::max(latest.value_or(instant), instant);
    };
    for (const TicketEvent& e : context.events) {
        if (e.kind == EventKind::Resolved) {
            life.anyResolvedEvent = true;
            if (e.occurredAt <= asOf) {
                later(life.lastResolvedEvent, e.occurredAt);
            }
        } else if (e.kind == EventKind::Reopened && e.occurredAt <= asOf) {
            later(life.lastReopenedEvent, e.occurredAt);
        } else if (e.kind == EventKind::Escalated) {
            life.firstEscalatedEvent =
                std::min(life.firstEscalatedEvent.value_or(e.occurredAt), e.occurredAt);
        }
    }
    return life;
}

} // namespace

TicketContexts slaContextsAmong(store::Database& db, UtcSeconds asOf, std::string_view candidates) {
    TicketContexts contexts;
    readContextTickets(db, asOf, candidates, contexts);
    readContextEvents(db, contexts);
    return contexts;
}

TicketContexts openUnescalatedContextsAmong(store::Database& db, UtcSeconds asOf,
                                            std::string_view candidates) {
    TicketContexts contexts = slaContextsAmong(db, asOf, candidates);
    for (auto it = contexts.begin(); it != contexts.end();) {
        const TicketLifecycle life = lifecycleOf(it->second, asOf);
        if (openAt(life, asOf) && !escalatedBy(life, asOf)) {
            ++it;
        } else {
            it = contexts.erase(it);
        }
    }
    return contexts;
}

std::string ticketRowsSql(const std::vector<std::int64_t>& rows) {
    std::string sql = "SELECT value FROM json_each('[";
    for (const std::int64_t row : rows) {
        sql += std::to_string(row);
        sql += ',';
    }
    if (!rows.empty()) {
        sql.pop_back();
    }
    sql += "]')";
    return sql;
}

} // namespace escdesk::risk

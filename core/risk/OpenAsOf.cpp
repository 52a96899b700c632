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
    if (closing) {
        const bool reopenedLast = ticket.lastReopenedEvent && *ticket.lastReopenedEvent >= *closing;
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

} // namespace escdesk::risk

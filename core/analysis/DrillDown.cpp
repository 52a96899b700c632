#include "analysis/DrillDown.h"

#include "metrics/FactsLoader.h"
#include "metrics/SegmentRollup.h"
#include "store/TicketReader.h"

#include <algorithm>
#include <set>
#include <string>

namespace escdesk::analysis {

namespace {

// SPEC §7: escalated means an `escalated` event, or without an event log the
// ticket's own flag.
bool isEscalated(const metrics::TicketFacts& ticket, bool hasEventLog) {
    if (!hasEventLog) {
        return ticket.escalatedFlag;
    }
    return std::any_of(ticket.events.begin(), ticket.events.end(),
                       [](const metrics::FactEvent& e) { return e.kind == EventKind::Escalated; });
}

// T(W) in order of creation (ties by row).
std::vector<const metrics::TicketFacts*> createdIn(const metrics::MetricsInput& input,
                                                   const Window& window) {
    std::vector<const metrics::TicketFacts*> created;
    for (const metrics::TicketFacts& ticket : input.tickets) {
        if (window.contains(ticket.createdAt)) {
            created.push_back(&ticket);
        }
    }
    std::stable_sort(created.begin(), created.end(), [](const auto* a, const auto* b) {
        return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->row < b->row;
    });
    return created;
}

} // namespace

std::map<QString, std::vector<std::int64_t>>
ticketRowsByRootCause(const metrics::MetricsInput& input, const Window& window) {
    struct Escalation {
        UtcSeconds at;
        std::int64_t row;
        QString rootCause;
    };
    std::vector<Escalation> escalations;
    metrics::forEachEscalationIn(
        input, window, [&](const metrics::TicketFacts& ticket, UtcSeconds at) {
            escalations.push_back({at, ticket.row, metrics::rootCauseOf(ticket)});
        });
    std::stable_sort(escalations.begin(), escalations.end(),
                     [](const Escalation& a, const Escalation& b) {
                         return a.at != b.at ? a.at < b.at : a.row < b.row;
                     });
    std::map<QString, std::vector<std::int64_t>> rows;
    std::set<std::int64_t> listed;
    for (const Escalation& e : escalations) {
        if (listed.insert(e.row).second) {
            rows[e.rootCause].push_back(e.row);
        }
    }
    return rows;
}

std::map<QString, SegmentTickets> ticketRowsBySegment(const metrics::MetricsInput& input,
                                                      const Window& window,
                                                      metrics::SegmentField field) {
    std::map<QString, SegmentTickets> rows;
    for (const metrics::TicketFacts* ticket : createdIn(input, window)) {
        SegmentTickets& segment = rows[metrics::segmentValue(*ticket, field)];
        segment.all.push_back(ticket->row);
        if (isEscalated(*ticket, input.hasEventLog)) {
            segment.escalated.push_back(ticket->row);
        }
    }
    return rows;
}

SegmentTickets ticketRowsOfWindow(const metrics::MetricsInput& input, const Window& window) {
    SegmentTickets rows;
    for (const metrics::TicketFacts* ticket : createdIn(input, window)) {
        rows.all.push_back(ticket->row);
        if (isEscalated(*ticket, input.hasEventLog)) {
            rows.escalated.push_back(ticket->row);
        }
    }
    return rows;
}

SegmentTickets segmentTicketRows(store::Database& db, const Window& window,
                                 metrics::SegmentField field, const QString& value,
                                 const metrics::RenewalWindow& renewal) {
    SegmentTickets rows;
    if (window.from >= window.to) {
        return rows;
    }
    const std::string column = metrics::segmentFieldSql(field, renewal);
    std::string sql = "SELECT t.id, ";
    sql += metrics::segmentEscalatedSql(metrics::workspaceHasEventLog(db));
    sql += ' ';
    sql += metrics::segmentTicketsFrom(field);
    sql += "WHERE t.created_at >= ?1 AND t.created_at < ?2 AND ";
    // The facts read a null and an empty value alike: no value.
    if (value.isEmpty()) {
        sql += "coalesce(";
        sql += column;
        sql += ", '') = ''";
    } else {
        sql += column;
        sql += " = ?3";
    }
    sql += " ORDER BY t.created_at, t.id";
    store::Statement row = db.prepare(sql);
    row.bindAll(window.from, window.to);
    if (!value.isEmpty()) {
        row.bind(3, value);
    }
    while (row.step()) {
        rows.all.push_back(row.int64(0));
        if (row.int64(1) != 0) {
            rows.escalated.push_back(row.int64(0));
        }
    }
    return rows;
}

std::vector<std::int64_t> clusterTicketRows(store::Database& db, const ProblemCluster& cluster) {
    std::vector<std::int64_t> rows;
    for (const ClusterMember& member : cluster.members) {
        if (const auto row = store::ticketRowOf(db, member.ticketId)) {
            rows.push_back(*row);
        }
    }
    return rows;
}

} // namespace escdesk::analysis

#include "store/TicketReader.h"

#include <algorithm>

namespace escdesk::store {

namespace {

std::optional<int> optionalInt(const Statement& row, int column) {
    if (row.isNull(column)) {
        return std::nullopt;
    }
    return static_cast<int>(row.int64(column));
}

} // namespace

WorkspaceCounts countRecords(Database& db) {
    WorkspaceCounts counts;
    counts.tickets = db.queryInt64("SELECT count(*) FROM tickets");
    counts.events = db.queryInt64("SELECT count(*) FROM ticket_events");
    counts.accounts = db.queryInt64("SELECT count(*) FROM accounts");
    counts.knownIssues = db.queryInt64("SELECT count(*) FROM known_issues");
    return counts;
}

TicketRowReader::TicketRowReader(Database& db)
    : m_ticket(db.prepare(
          "SELECT ticket_id, created_at, first_response_at, resolved_at, closed_at, status, "
          "priority, channel, account_id, product_area, root_cause, reason_code, subject, "
          "description, assignee, group_name, tier, escalated, escalated_at, resolution_type, "
          "resolution_notes, handle_time_min, csat, tags, attributes FROM tickets WHERE id = ?"))
    , m_events(db.prepare(
          "SELECT t.ticket_id, e.occurred_at, e.event, e.from_tier, e.to_tier, e.actor, "
          "e.decision_type, e.note FROM ticket_events e JOIN tickets t ON t.id = e.ticket "
          "WHERE e.ticket = ? ORDER BY e.occurred_at, e.id")) {}

std::optional<Ticket> TicketRowReader::ticket(std::int64_t ticketRow) {
    Statement& row = m_ticket;
    row.reset();
    row.bind(1, ticketRow);
    if (!row.step()) {
        return std::nullopt;
    }
    Ticket t;
    t.ticketId = row.text(0);
    t.createdAt = row.int64(1);
    t.firstResponseAt = row.optionalInt64(2);
    t.resolvedAt = row.optionalInt64(3);
    t.closedAt = row.optionalInt64(4);
    t.status = row.text(5);
    t.priority = row.text(6);
    t.channel = row.text(7);
    t.accountId = row.text(8);
    t.productArea = row.text(9);
    t.rootCause = row.text(10);
    t.reasonCode = row.text(11);
    t.subject = row.text(12);
    t.description = row.text(13);
    t.assignee = row.text(14);
    t.group = row.text(15);
    t.tier = optionalInt(row, 16);
    if (!row.isNull(17)) {
        t.escalated = row.int64(17) != 0;
    }
    t.escalatedAt = row.optionalInt64(18);
    t.resolutionType = row.text(19);
    t.resolutionNotes = row.text(20);
    t.handleTimeMin = row.optionalReal(21);
    t.csat = row.optionalReal(22);
    t.tags = row.text(23);
    t.attributes = row.text(24);
    row.reset();
    return t;
}

std::optional<Ticket> ticketByRow(Database& db, std::int64_t ticketRow) {
    return TicketRowReader(db).ticket(ticketRow);
}

std::optional<std::int64_t> ticketRowOf(Database& db, const QString& ticketId) {
    Statement row = db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
    row.bind(1, ticketId);
    if (!row.step()) {
        return std::nullopt;
    }
    return row.int64(0);
}

std::vector<TicketEvent> TicketRowReader::events(std::int64_t ticketRow) {
    Statement& rows = m_events;
    rows.reset();
    rows.bind(1, ticketRow);
    std::vector<TicketEvent> events;
    while (rows.step()) {
        TicketEvent e;
        e.ticketId = rows.text(0);
        e.occurredAt = rows.int64(1);
        e.kind = parseEventKind(rows.text(2)).value_or(EventKind::Escalated);
        e.fromTier = optionalInt(rows, 3);
        e.toTier = optionalInt(rows, 4);
        e.actor = rows.text(5);
        e.decisionType = rows.text(6);
        e.note = rows.text(7);
        events.push_back(std::move(e));
    }
    // The canonical order, not the file's: a claim stamped with its
    // escalation's instant follows it whichever came first in the export.
    std::stable_sort(events.begin(), events.end(), comesBefore);
    rows.reset();
    return events;
}

std::vector<TicketEvent> eventsOfTicket(Database& db, std::int64_t ticketRow) {
    return TicketRowReader(db).events(ticketRow);
}

std::vector<KnownIssue> allKnownIssues(Database& db) {
    Statement rows = db.prepare("SELECT issue_id, title, product_area, status, keywords, "
                                "workaround, fix_version, kb_article, attributes "
                                "FROM known_issues ORDER BY issue_id");
    std::vector<KnownIssue> issues;
    while (rows.step()) {
        issues.push_back(KnownIssue{rows.text(0), rows.text(1), rows.text(2), rows.text(3),
                                    rows.text(4), rows.text(5), rows.text(6), rows.text(7),
                                    rows.text(8)});
    }
    return issues;
}

std::unordered_map<std::int64_t, TicketText> ticketTexts(Database& db,
                                                         const std::vector<std::int64_t>& rows) {
    // Bound in chunks: SQLite limits the number of parameters of a statement.
    constexpr std::size_t chunk = 500;
    std::unordered_map<std::int64_t, TicketText> texts;
    texts.reserve(rows.size());
    for (std::size_t begin = 0; begin < rows.size(); begin += chunk) {
        const std::size_t count = std::min(chunk, rows.size() - begin);
        QString sql = QStringLiteral("SELECT id, ticket_id, subject, description FROM tickets "
                                     "WHERE id IN (");
        for (std::size_t i = 0; i < count; ++i) {
            sql += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
        }
        sql += QLatin1Char(')');
        Statement query = db.prepare(sql.toStdString());
        for (std::size_t i = 0; i < count; ++i) {
            query.bind(static_cast<int>(i + 1), rows[begin + i]);
        }
        while (query.step()) {
            texts.emplace(query.int64(0), TicketText{query.text(1), query.text(2), query.text(3)});
        }
    }
    return texts;
}

} // namespace escdesk::store

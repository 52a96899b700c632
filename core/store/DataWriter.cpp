#include "store/DataWriter.h"

namespace escdesk::store {

namespace {

std::optional<std::int64_t> asInt(const std::optional<bool>& flag) {
    if (!flag) {
        return std::nullopt;
    }
    return *flag ? 1 : 0;
}

std::optional<std::int64_t> asInt(const std::optional<int>& value) {
    if (!value) {
        return std::nullopt;
    }
    return *value;
}

QString isoDateOrNull(const QDate& date) {
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

DataWriter::DataWriter(Database& db)
    : m_db(db)
    , m_ticket(db.prepare(
          "INSERT INTO tickets(ticket_id, created_at, first_response_at, resolved_at, closed_at, "
          "status, priority, channel, account_id, product_area, root_cause, reason_code, subject, "
          "description, assignee, group_name, tier, escalated, escalated_at, resolution_type, "
          "resolution_notes, handle_time_min, csat, tags, attributes) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_event(db.prepare("INSERT OR IGNORE INTO ticket_events(ticket, occurred_at, event, "
                         "from_tier, to_tier, actor, decision_type, note) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_account(
          db.prepare("INSERT INTO accounts(account_id, name, tier, segment, region, arr, "
                     "timezone, renewal_date, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_knownIssue(db.prepare("INSERT INTO known_issues(issue_id, title, product_area, status, "
                              "keywords, workaround, fix_version, kb_article, attributes) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

std::int64_t DataWriter::insertTicket(const Ticket& t) {
    m_ticket
        .bindAll(t.ticketId, t.createdAt, t.firstResponseAt, t.resolvedAt, t.closedAt, t.status,
                 t.priority, t.channel, t.accountId, t.productArea, t.rootCause, t.reasonCode,
                 t.subject, t.description, t.assignee, t.group, asInt(t.tier), asInt(t.escalated),
                 t.escalatedAt, t.resolutionType, t.resolutionNotes, t.handleTimeMin, t.csat,
                 t.tags, t.attributes)
        .run();
    return m_db.lastInsertRowId();
}

bool DataWriter::insertEvent(std::int64_t ticketRow, const TicketEvent& e) {
    m_event
        .bindAll(ticketRow, e.occurredAt, eventKindName(e.kind), asInt(e.fromTier), asInt(e.toTier),
                 e.actor, e.decisionType, e.note)
        .run();
    return m_db.changes() > 0;
}

void DataWriter::insertAccount(const Account& a) {
    m_account
        .bindAll(a.accountId, a.name, a.tier, a.segment, a.region, a.arr, a.timezone,
                 isoDateOrNull(a.renewalDate), a.attributes)
        .run();
}

void DataWriter::insertKnownIssue(const KnownIssue& k) {
    m_knownIssue
        .bindAll(k.issueId, k.title, k.productArea, k.status, k.keywords, k.workaround,
                 k.fixVersion, k.kbArticle, k.attributes)
        .run();
}

} // namespace escdesk::store

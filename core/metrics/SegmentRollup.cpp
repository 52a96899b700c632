#include "metrics/SegmentRollup.h"

#include "metrics/HourSpan.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace escdesk::metrics {

namespace {

constexpr const char* basisKey = "segment_counts_basis";

// Bumped whenever what a kept count means changes: kept counts of another
// format are counted again.
constexpr int countsFormat = 1;

// Forget the hours whose counts a change touches, whichever program writes:
// the ticket's own hour (old and new), the hour of a ticket whose events
// change (whether it escalated), the hours of an account's tickets (their
// tier and segment). Made with the first counts, so a workspace whose
// segments were never counted imports without them.
constexpr const char* forgetTriggers = R"sql(
CREATE TRIGGER IF NOT EXISTS segment_hours_after_ticket_insert AFTER INSERT ON tickets BEGIN
    DELETE FROM segment_hours WHERE hour = NEW.created_at / 3600;
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_ticket_update AFTER UPDATE ON tickets BEGIN
    DELETE FROM segment_hours WHERE hour IN (OLD.created_at / 3600, NEW.created_at / 3600);
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_ticket_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM segment_hours WHERE hour = OLD.created_at / 3600;
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_event_insert AFTER INSERT ON ticket_events BEGIN
    DELETE FROM segment_hours
    WHERE hour IN (SELECT created_at / 3600 FROM tickets WHERE id = NEW.ticket);
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_event_update AFTER UPDATE ON ticket_events BEGIN
    DELETE FROM segment_hours
    WHERE hour IN (SELECT created_at / 3600 FROM tickets WHERE id IN (OLD.ticket, NEW.ticket));
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_event_delete AFTER DELETE ON ticket_events BEGIN
    DELETE FROM segment_hours
    WHERE hour IN (SELECT created_at / 3600 FROM tickets WHERE id = OLD.ticket);
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_account_insert AFTER INSERT ON accounts BEGIN
    DELETE FROM segment_hours WHERE hour IN
        (SELECT created_at / 3600 FROM tickets WHERE account_id = NEW.account_id);
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_account_update AFTER UPDATE ON accounts BEGIN
    DELETE FROM segment_hours WHERE hour IN
        (SELECT created_at / 3600 FROM tickets
         WHERE account_id IN (OLD.account_id, NEW.account_id));
END;
CREATE TRIGGER IF NOT EXISTS segment_hours_after_account_delete AFTER DELETE ON accounts BEGIN
    DELETE FROM segment_hours WHERE hour IN
        (SELECT created_at / 3600 FROM tickets WHERE account_id = OLD.account_id);
END;
)sql";

std::string basisText(bool hasEventLog) {
    std::string basis = std::to_string(countsFormat);
    basis += hasEventLog ? ";log=1" : ";log=0";
    return basis;
}

bool basisHolds(store::Database& db, bool hasEventLog) {
    store::Statement basis = db.prepare("SELECT value FROM settings WHERE key = ?1");
    basis.bind(1, std::string_view(basisKey));
    return basis.step() && basis.textView(0) == basisText(hasEventLog);
}

// The hours of the span that can hold tickets (from the workspace's first
// ticket to its last): hours outside hold none, so need no counts. Empty
// when none can.
HourSpan withTickets(store::Database& db, HourSpan span) {
    store::Statement bounds = db.prepare( // apart, so each is a seek at one end of the index
        "SELECT (SELECT min(created_at) FROM tickets), (SELECT max(created_at) FROM tickets)");
    if (!bounds.step() || bounds.isNull(0)) {
        return HourSpan{};
    }
    const std::int64_t firstTicketHour =
        std::max<std::int64_t>(bounds.int64(0), 0) / secondsPerHour;
    const std::int64_t lastTicketHour = std::max<std::int64_t>(bounds.int64(1), 0) / secondsPerHour;
    span.first = std::max(span.first, firstTicketHour);
    span.end = std::min(span.end, lastTicketHour + 1);
    return span;
}

// Whether every hour of the span has its kept counts for the field.
bool allHoursKept(store::Database& db, SegmentField field, const HourSpan& span) {
    store::Statement kept = db.prepare(
        "SELECT count(*) FROM segment_hours WHERE hour >= ?1 AND hour < ?2 AND field = ?3");
    kept.bindAll(span.first, span.end, static_cast<int>(field));
    kept.step();
    return kept.int64(0) == span.end - span.first;
}

// The runs of consecutive hours of the span that lack kept counts.
std::vector<HourSpan> missingRuns(store::Database& db, SegmentField field, const HourSpan& span) {
    store::Statement kept = db.prepare("SELECT hour FROM segment_hours "
                                       "WHERE hour >= ?1 AND hour < ?2 AND field = ?3 ORDER BY 1");
    kept.bindAll(span.first, span.end, static_cast<int>(field));
    return missingHourRuns(span, kept);
}

// Counts and keeps the hours of one run: its old counts go, the new ones
// (a row per hour and value with tickets) come, and every hour of it is
// marked kept, those without tickets too.
void keepRun(store::Database& db, SegmentField field, bool hasEventLog, const HourSpan& run) {
    const int fieldCode = static_cast<int>(field);
    store::Statement forget =
        db.prepare("DELETE FROM segment_counts WHERE field = ?1 AND hour >= ?2 AND hour < ?3");
    forget.bindAll(fieldCode, run.first, run.end);
    forget.run();

    std::string sql = "INSERT INTO segment_counts (field, hour, value, tickets, escalated) "
                      "SELECT ?1, t.created_at / 3600, ";
    sql += segmentFieldColumn(field);
    sql += ", count(*), sum(";
    sql += segmentEscalatedSql(hasEventLog);
    sql += ") ";
    sql += segmentTicketsFrom(field);
    sql += "WHERE t.created_at >= ?2 AND t.created_at < ?3 GROUP BY 2, 3";
    store::Statement count = db.prepare(sql);
    count.bindAll(fieldCode, run.from(), run.to());
    count.run();

    store::Statement mark =
        db.prepare("INSERT OR REPLACE INTO segment_hours (hour, field) VALUES (?1, ?2)");
    for (std::int64_t hour = run.first; hour < run.end; ++hour) {
        mark.bindAll(hour, fieldCode);
        mark.run();
    }
}

// Counts and keeps the missing hours of the span, in one transaction.
void keepMissingHours(store::Database& db, SegmentField field, bool hasEventLog,
                      const HourSpan& span) {
    store::Transaction write(db, store::Transaction::Kind::Immediate);
    if (!basisHolds(db, hasEventLog)) {
        db.exec("DELETE FROM segment_hours; DELETE FROM segment_counts");
        store::Statement set =
            db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
        set.bind(1, std::string_view(basisKey)).bind(2, std::string_view(basisText(hasEventLog)));
        set.run();
    }
    db.exec(forgetTriggers);
    for (const HourSpan& run : missingRuns(db, field, span)) {
        keepRun(db, field, hasEventLog, run);
    }
    write.commit();
}

// Sums the kept counts of the span; false, having summed none, when some
// hour lacks them.
bool sumKeptHours(store::Database& db, SegmentField field, bool hasEventLog, const HourSpan& span,
                  const SegmentCountSink& sink) {
    if (!basisHolds(db, hasEventLog) || !allHoursKept(db, field, span)) {
        return false;
    }
    store::Statement row =
        db.prepare("SELECT value, sum(tickets), sum(escalated) FROM segment_counts "
                   "WHERE field = ?1 AND hour >= ?2 AND hour < ?3 GROUP BY value");
    row.bindAll(static_cast<int>(field), span.first, span.end);
    while (row.step()) {
        sink(row.text(0), row.int64(1), row.int64(2));
    }
    return true;
}

bool isReadOnly(store::Database& db) {
    return sqlite3_db_readonly(db.handle(), "main") != 0;
}

// Keeps the span's missing hours through `db` or, when it is read-only, a
// connection of our own; false when the workspace cannot be written now.
bool tryKeepMissingHours(store::Database& db, SegmentField field, bool hasEventLog,
                         const HourSpan& span) {
    std::unique_ptr<store::Database> own;
    store::Database* writer = &db;
    if (isReadOnly(db)) {
        own = db.openAgain(store::Database::Access::ReadWrite);
        if (!own) {
            return false;
        }
        own->exec("PRAGMA busy_timeout = 250");
        writer = own.get();
    }
    try {
        keepMissingHours(*writer, field, hasEventLog, span);
    } catch (const store::StoreError& error) {
        if (error.kind() != store::StoreError::Kind::Busy &&
            error.kind() != store::StoreError::Kind::ReadOnly) {
            throw;
        }
        return false;
    }
    return true;
}

bool sumHours(store::Database& db, SegmentField field, bool hasEventLog, const HourSpan& span,
              const SegmentCountSink& sink) {
    store::Transaction snapshot(db, store::Transaction::Kind::Deferred);
    const bool summed = sumKeptHours(db, field, hasEventLog, span, sink);
    snapshot.commit();
    return summed;
}

} // namespace

const char* segmentFieldColumn(SegmentField field) {
    switch (field) {
    case SegmentField::AccountTier:
        return "a.tier";
    case SegmentField::AccountSegment:
        return "a.segment";
    case SegmentField::Priority:
        return "t.priority";
    case SegmentField::ProductArea:
        return "t.product_area";
    case SegmentField::RootCause:
        return "t.root_cause";
    case SegmentField::Group:
        return "t.group_name";
    case SegmentField::Assignee:
    case SegmentField::Channel:
    case SegmentField::Region:
    case SegmentField::ArrBand:
    case SegmentField::RenewalWindow:
        return addedSegmentFieldColumn(field); // issue #21's fields (Segmentation.h)
    }
    return "t.group_name";
}

bool segmentFieldNeedsAccounts(SegmentField field) {
    return field == SegmentField::AccountTier || field == SegmentField::AccountSegment ||
           field == SegmentField::Region || field == SegmentField::ArrBand ||
           field == SegmentField::RenewalWindow;
}

void countSegmentsDirectly(store::Database& db, const Window& window, SegmentField field,
                           bool hasEventLog, const SegmentCountSink& sink) {
    if (window.from >= window.to) {
        return;
    }
    std::string sql = "SELECT ";
    sql += segmentFieldColumn(field);
    sql += ", count(*), sum(";
    sql += segmentEscalatedSql(hasEventLog);
    sql += ") ";
    sql += segmentTicketsFrom(field);
    sql += "WHERE t.created_at >= ?1 AND t.created_at < ?2 GROUP BY 1";
    store::Statement row = db.prepare(sql);
    row.bindAll(window.from, window.to);
    while (row.step()) {
        sink(row.text(0), row.int64(1), row.int64(2));
    }
}

void countSegments(store::Database& db, const Window& window, SegmentField field, bool hasEventLog,
                   const SegmentCountSink& sink) {
    const HourSpan span = withTickets(db, wholeHoursOf(window));
    if (span.empty()) {
        countSegmentsDirectly(db, window, field, hasEventLog, sink);
        return;
    }
    // The whole hours from the kept counts, collected apart so that a failed
    // attempt leaves nothing half summed.
    std::vector<std::tuple<QString, std::int64_t, std::int64_t>> hours;
    const SegmentCountSink collect = [&](const QString& value, std::int64_t tickets,
                                         std::int64_t escalated) {
        hours.emplace_back(value, tickets, escalated);
    };
    bool summed = sumHours(db, field, hasEventLog, span, collect);
    if (!summed && tryKeepMissingHours(db, field, hasEventLog, span)) {
        hours.clear();
        summed = sumHours(db, field, hasEventLog, span, collect);
    }
    if (!summed) {
        countSegmentsDirectly(db, window, field, hasEventLog, sink);
        return;
    }
    for (const auto& [value, tickets, escalated] : hours) {
        sink(value, tickets, escalated);
    }
    // The parts of the window outside its kept whole hours.
    countSegmentsDirectly(db, Window{window.from, span.from()}, field, hasEventLog, sink);
    countSegmentsDirectly(db, Window{span.to(), window.to}, field, hasEventLog, sink);
}

std::string segmentEscalatedSql(bool hasEventLog) {
    return hasEventLog ? "EXISTS (SELECT 1 FROM ticket_events e "
                         "WHERE e.ticket = t.id AND e.event = 'escalated')"
                       : "coalesce(CAST(t.escalated AS INTEGER), 0) != 0";
}

std::string segmentTicketsFrom(SegmentField field) {
    std::string from = "FROM tickets t ";
    if (segmentFieldNeedsAccounts(field)) {
        from += "LEFT JOIN accounts a ON a.account_id = t.account_id ";
    }
    return from;
}

} // namespace escdesk::metrics

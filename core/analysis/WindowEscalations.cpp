#include "analysis/WindowEscalations.h"

#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"

#include <QHash>

#include <algorithm>
#include <string>
#include <utility>

namespace escdesk::analysis {

// The window's escalations in time order, each with its ticket's kept text
// row, if any. From the kept escalation outcomes when they are complete: a
// range of their time-ordered key, not a lookup of each event's row.
std::string windowEscalationsSql(bool fromOutcomes, bool keptTexts, TextColumns columns) {
    std::string sql = fromOutcomes ? "SELECT o.ticket, o.at" : "SELECT e.ticket, e.occurred_at";
    if (keptTexts) {
        sql += ", ";
        sql += keptTextFeatureColumns("f", columns == TextColumns::All);
    }
    sql += fromOutcomes ? " FROM escalation_outcomes o" : " FROM ticket_events e";
    if (keptTexts) {
        sql += fromOutcomes ? " LEFT JOIN ticket_text_features f ON f.ticket = o.ticket"
                            : " LEFT JOIN ticket_text_features f ON f.ticket = e.ticket";
    }
    sql += fromOutcomes ? " WHERE o.at >= ?1 AND o.at < ?2"
                        : " WHERE e.event = 'escalated' AND e.occurred_at >= ?1 "
                          "AND e.occurred_at < ?2";
    return sql;
}

namespace {

// A few thousand accounts: one read into memory costs less than a lookup
// per escalation.
QHash<QString, std::optional<double>> loadAccountArrs(store::Database& db) {
    QHash<QString, std::optional<double>> arrs;
    store::Statement row = db.prepare("SELECT account_id, arr FROM accounts");
    while (row.step()) {
        arrs.insert(row.text(0), row.optionalReal(1));
    }
    return arrs;
}

// The records of the window's (ticket, time) pairs from their tickets'
// fields; a pair whose ticket has none (no such ticket) is left out, as a
// join with the tickets would.
std::vector<EscalationRecord>
recordsOf(store::Database& db, std::vector<std::pair<std::int64_t, UtcSeconds>>& pairs,
          const std::unordered_map<std::int64_t, TicketTextFeatures>& texts) {
    // By ticket, each ticket's in time order: equal pairs (one ticket
    // escalated twice at one instant) are alike, so any order of them is
    // forEachEscalationIn's. A ticket's later escalations copy its first.
    std::sort(pairs.begin(), pairs.end());
    const QHash<QString, std::optional<double>> arrs = loadAccountArrs(db);
    const QString unspecified = QStringLiteral("Unspecified");
    std::vector<EscalationRecord> records;
    records.reserve(pairs.size());
    for (const auto& [ticket, at] : pairs) {
        if (!records.empty() && records.back().ticket == ticket) {
            EscalationRecord again = records.back();
            again.at = at;
            records.push_back(std::move(again));
            continue;
        }
        const auto text = texts.find(ticket);
        if (text == texts.end()) {
            continue;
        }
        const EscalatedTicketFields& fields = text->second.fields;
        EscalationRecord& record = records.emplace_back();
        record.ticket = ticket;
        record.at = at;
        record.createdAt = fields.createdAt;
        record.resolvedAt = fields.resolvedAt;
        record.rootCause = fields.rootCause.isEmpty() ? unspecified : fields.rootCause;
        record.productArea = fields.productArea;
        if (fields.accountId) {
            // As the metrics' facts: an exact match of the account id.
            const auto account = arrs.constFind(*fields.accountId);
            if (account != arrs.constEnd()) {
                record.accountArr = *account;
            }
            record.accountId = *fields.accountId;
        }
        record.text = &text->second;
    }
    return records;
}

void loadFromEventLog(store::Database& db, const Window& window, const KnownIssueMatcher& matcher,
                      TextColumns columns, WindowEscalations& result) {
    const bool keptTexts = hasKeptTextFeatures(db);
    KeptTextFeatureReader kept(matcher);
    std::vector<std::pair<std::int64_t, UtcSeconds>> pairs;
    std::vector<std::int64_t> missing;
    {
        store::Statement row = db.prepare(
            windowEscalationsSql(metrics::escalationOutcomesComplete(db), keptTexts, columns));
        row.bindAll(window.from, window.to);
        while (row.step()) {
            const std::int64_t ticket = row.int64(0);
            pairs.emplace_back(ticket, row.int64(1));
            auto [slot, first] = result.texts.try_emplace(ticket);
            if (!first) {
                continue; // a ticket escalated again in the window
            }
            auto text = keptTexts
                            ? kept.read(row, windowKeptTextColumn, columns == TextColumns::All)
                            : std::nullopt;
            if (text) {
                slot->second = std::move(*text);
            } else {
                result.texts.erase(slot);
                missing.push_back(ticket);
            }
        }
    }
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    if (!missing.empty()) {
        result.texts.merge(ticketTextFeatures(db, missing, matcher));
    }
    result.escalations = recordsOf(db, pairs, result.texts);
}

// Without an event log the tickets' own fields stand in for it (SPEC §7):
// the metrics' loader decides which tickets count.
void loadFromTicketFields(store::Database& db, const Window& window,
                          const KnownIssueMatcher& matcher, WindowEscalations& result) {
    const metrics::MetricsInput input = metrics::loadEscalationsInput(db, window);
    std::vector<std::int64_t> rows;
    metrics::forEachEscalationIn(
        input, window, [&](const metrics::TicketFacts& ticket, UtcSeconds at) {
            result.escalations.push_back(EscalationRecord{
                ticket.row, at, ticket.createdAt, ticket.resolvedAt, metrics::rootCauseOf(ticket),
                ticket.productArea, ticket.accountId, ticket.accountArr});
            rows.push_back(ticket.row);
        });
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    result.texts = ticketTextFeatures(db, rows, matcher);
    for (EscalationRecord& record : result.escalations) {
        const auto text = result.texts.find(record.ticket);
        record.text = text == result.texts.end() ? nullptr : &text->second;
    }
}

} // namespace

WindowEscalations loadWindowEscalations(store::Database& db, const Window& window,
                                        const KnownIssueMatcher& matcher, TextColumns columns) {
    WindowEscalations result;
    result.hasEventLog = metrics::workspaceHasEventLog(db);
    result.coverage = metrics::workspaceCoverage(db);
    if (result.hasEventLog) {
        loadFromEventLog(db, window, matcher, columns, result);
    } else {
        loadFromTicketFields(db, window, matcher, result);
    }
    return result;
}

} // namespace escdesk::analysis

#include "browse/TicketQuery.h"

#include <QStringBuilder>

#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace escdesk::browse {

namespace {

// Priorities rank by severity, not by name; unknown values sort after them.
constexpr std::string_view priorityRank =
    "CASE lower(t.priority) WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 "
    "WHEN 'low' THEN 3 ELSE 4 END";

QString escalatedExpression(bool eventLog) {
    return eventLog ? QStringLiteral("EXISTS (SELECT 1 FROM ticket_events e "
                                     "WHERE e.ticket = t.id AND e.event = 'escalated')")
                    : QStringLiteral("(coalesce(t.escalated, 0) != 0)");
}

// The ORDER BY terms of a sort. Text columns sort case-insensitively with
// empty values last in ascending order, as a spreadsheet user expects.
QString orderTerms(const TicketSort& sort, bool eventLog) {
    const QString direction = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const auto text = [&](const char* column) {
        const QString name = QString::fromLatin1(column);
        return QStringLiteral("(%1 IS NULL OR %1 = '')%2, %1 COLLATE NOCASE%2")
            .arg(name, direction);
    };
    QString key;
    switch (sort.column) {
    case TicketColumn::TicketId:
        key = QStringLiteral("t.ticket_id") + direction; // the UNIQUE index
        break;
    case TicketColumn::Created:
        key = QStringLiteral("t.created_at") + direction; // tickets_by_created_at
        break;
    case TicketColumn::Priority:
        key = QString::fromLatin1(priorityRank.data(), qsizetype(priorityRank.size())) + direction;
        break;
    case TicketColumn::Status:
        key = text("t.status");
        break;
    case TicketColumn::Tier:
        key = QStringLiteral("t.tier IS NULL") + direction + QStringLiteral(", t.tier") + direction;
        break;
    case TicketColumn::Escalated:
        key = escalatedExpression(eventLog) + direction;
        break;
    case TicketColumn::Account:
        key = text("t.account_id");
        break;
    case TicketColumn::ProductArea:
        key = text("t.product_area");
        break;
    case TicketColumn::RootCause:
        key = text("t.root_cause");
        break;
    case TicketColumn::Assignee:
        key = text("t.assignee");
        break;
    case TicketColumn::Subject:
        key = text("t.subject");
        break;
    }
    return key % QStringLiteral(", t.id") % direction;
}

QString likePattern(const QString& text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Builds the WHERE clause and binds its parameters in the same order.
struct WhereClause {
    QString sql;
    std::vector<QString> texts;
    std::vector<std::int64_t> numbers;
    std::vector<bool> isText; // parameter order
};

WhereClause whereClause(const TicketFilter& filter, bool eventLog) {
    WhereClause where;
    QStringList terms;
    const auto addText = [&](const QString& value) {
        where.texts.push_back(value);
        where.isText.push_back(true);
    };
    const auto addNumber = [&](std::int64_t value) {
        where.numbers.push_back(value);
        where.isText.push_back(false);
    };
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        terms << QStringLiteral("(t.ticket_id LIKE ? ESCAPE '\\' OR t.subject LIKE ? ESCAPE '\\')");
        addText(likePattern(text));
        addText(likePattern(text));
    }
    if (!filter.priority.isEmpty()) {
        terms << QStringLiteral("t.priority = ? COLLATE NOCASE");
        addText(filter.priority);
    }
    if (!filter.status.isEmpty()) {
        terms << QStringLiteral("t.status = ? COLLATE NOCASE");
        addText(filter.status);
    }
    if (filter.tier) {
        terms << QStringLiteral("t.tier = ?");
        addNumber(*filter.tier);
    }
    if (filter.escalatedOnly) {
        // With an event log, walk the escalated events through their index
        // rather than probing every ticket.
        terms << (eventLog ? QStringLiteral("t.id IN (SELECT ticket FROM ticket_events "
                                            "WHERE event = 'escalated')")
                           : QStringLiteral("coalesce(t.escalated, 0) != 0"));
    }
    if (filter.createdFrom) {
        terms << QStringLiteral("t.created_at >= ?");
        addNumber(*filter.createdFrom);
    }
    if (filter.createdBefore) {
        terms << QStringLiteral("t.created_at < ?");
        addNumber(*filter.createdBefore);
    }
    if (!terms.isEmpty()) {
        where.sql = QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    }
    return where;
}

void bindWhere(store::Statement& statement, const WhereClause& where) {
    std::size_t text = 0;
    std::size_t number = 0;
    for (std::size_t i = 0; i < where.isText.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (where.isText[i]) {
            statement.bind(index, where.texts[text++]);
        } else {
            statement.bind(index, where.numbers[number++]);
        }
    }
}

std::optional<int> optionalInt(const store::Statement& row, int column) {
    if (row.isNull(column)) {
        return std::nullopt;
    }
    return static_cast<int>(row.int64(column));
}

QString idArrayJson(std::span<const std::int64_t> rows) {
    QString json;
    json.reserve(qsizetype(rows.size() * 8 + 2));
    json += QLatin1Char('[');
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) {
            json += QLatin1Char(',');
        }
        json += QString::number(rows[i]);
    }
    json += QLatin1Char(']');
    return json;
}

// Lets SQLite check a cancel flag while it works; removed again on exit.
class CancelHandler {
public:
    CancelHandler(store::Database& db, const std::atomic<bool>* cancelled)
        : m_db(db.handle()) {
        if (cancelled) {
            // Every few thousand virtual-machine steps: well under a millisecond.
            sqlite3_progress_handler(m_db, 4096, &CancelHandler::check,
                                     const_cast<std::atomic<bool>*>(cancelled));
        }
    }
    ~CancelHandler() { sqlite3_progress_handler(m_db, 0, nullptr, nullptr); }
    CancelHandler(const CancelHandler&) = delete;
    CancelHandler& operator=(const CancelHandler&) = delete;

private:
    static int check(void* flag) {
        return static_cast<const std::atomic<bool>*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
    }
    sqlite3* m_db;
};

bool isCancelled(const std::atomic<bool>* cancelled) {
    return cancelled && cancelled->load(std::memory_order_relaxed);
}

} // namespace

bool hasEventLog(store::Database& db) {
    return db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
}

std::vector<std::int64_t> ticketRowIds(store::Database& db, const TicketFilter& filter,
                                       const TicketSort& sort, const std::atomic<bool>* cancelled) {
    const bool eventLog = hasEventLog(db);
    const WhereClause where = whereClause(filter, eventLog);
    const QString sql = QStringLiteral("SELECT t.id FROM tickets t") % where.sql %
                        QStringLiteral(" ORDER BY ") % orderTerms(sort, eventLog);
    store::Statement query = db.prepare(sql.toStdString());
    bindWhere(query, where);
    std::vector<std::int64_t> rows;
    const CancelHandler handler(db, cancelled);
    try {
        while (query.step()) {
            if (isCancelled(cancelled)) {
                return {};
            }
            rows.push_back(query.int64(0));
        }
    } catch (const store::StoreError&) {
        // An interrupted statement fails; that is the answer asked for.
        if (isCancelled(cancelled)) {
            return {};
        }
        throw;
    }
    return rows;
}

std::vector<TicketListRow> ticketListRows(store::Database& db, std::span<const std::int64_t> rows) {
    if (rows.empty()) {
        return {};
    }
    const QString sql =
        QStringLiteral("SELECT t.id, t.ticket_id, t.created_at, t.priority, t.status, t.tier, ") %
        escalatedExpression(hasEventLog(db)) %
        QStringLiteral(", t.account_id, a.name, t.product_area, t.root_cause, t.assignee, "
                       "t.subject FROM tickets t LEFT JOIN accounts a ON a.account_id = "
                       "t.account_id WHERE t.id IN (SELECT value FROM json_each(?))");
    store::Statement query = db.prepare(sql.toStdString());
    query.bind(1, idArrayJson(rows));
    std::unordered_map<std::int64_t, TicketListRow> byRow;
    byRow.reserve(rows.size());
    while (query.step()) {
        TicketListRow row;
        row.row = query.int64(0);
        row.ticketId = query.text(1);
        row.createdAt = query.int64(2);
        row.priority = query.text(3);
        row.status = query.text(4);
        row.tier = optionalInt(query, 5);
        row.escalated = query.int64(6) != 0;
        row.accountId = query.text(7);
        row.accountName = query.text(8);
        row.productArea = query.text(9);
        row.rootCause = query.text(10);
        row.assignee = query.text(11);
        row.subject = query.text(12);
        byRow.emplace(row.row, std::move(row));
    }
    std::vector<TicketListRow> ordered;
    ordered.reserve(rows.size());
    for (const std::int64_t id : rows) {
        auto found = byRow.find(id);
        if (found != byRow.end()) {
            ordered.push_back(std::move(found->second));
        }
    }
    return ordered;
}

TicketFilterChoices ticketFilterChoices(store::Database& db) {
    TicketFilterChoices choices;
    choices.priorities = {QStringLiteral("Critical"), QStringLiteral("High"),
                          QStringLiteral("Medium"), QStringLiteral("Low")};
    // One pass over the tickets: the distinct combinations are few.
    store::Statement values = db.prepare("SELECT DISTINCT priority, status, tier FROM tickets");
    QStringList otherPriorities;
    std::set<int> tiers;
    const auto addOnce = [](QStringList& list, const QString& value) {
        if (!value.trimmed().isEmpty() && !list.contains(value, Qt::CaseInsensitive)) {
            list << value;
        }
    };
    while (values.step()) {
        const QString priority = values.text(0);
        if (!choices.priorities.contains(priority, Qt::CaseInsensitive)) {
            addOnce(otherPriorities, priority);
        }
        addOnce(choices.statuses, values.text(1));
        if (!values.isNull(2)) {
            tiers.insert(static_cast<int>(values.int64(2)));
        }
    }
    const auto byName = [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    };
    std::sort(otherPriorities.begin(), otherPriorities.end(), byName);
    std::sort(choices.statuses.begin(), choices.statuses.end(), byName);
    choices.priorities << otherPriorities;
    choices.tiers.assign(tiers.begin(), tiers.end());
    return choices;
}

} // namespace escdesk::browse

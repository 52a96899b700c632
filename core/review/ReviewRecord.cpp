#include "review/ReviewRecord.h"

#include <array>
#include <utility>

namespace escdesk::review {

namespace {

constexpr std::array statusNames{
    std::pair{ActionStatus::Open, "open"},
    std::pair{ActionStatus::InProgress, "in_progress"},
    std::pair{ActionStatus::Done, "done"},
    std::pair{ActionStatus::Dropped, "dropped"},
};

constexpr std::array subjectNames{
    std::pair{ActionSubject::RootCause, "root_cause"},
    std::pair{ActionSubject::Cluster, "cluster"},
    std::pair{ActionSubject::Other, "other"},
};

// Empty text is stored as NULL so that "no ticket" and "no note" read alike.
QString orNull(const QString& text) {
    return text.trimmed().isEmpty() ? QString() : text.trimmed();
}

void require(bool present, const char* what) {
    if (!present) {
        throw store::StoreError(
            QStringLiteral("The %1 is missing; give one before saving.").arg(QLatin1String(what)));
    }
}

void validate(const Action& action) {
    require(!action.title.trimmed().isEmpty(), "action's title");
    require(!action.owner.trimmed().isEmpty(), "action's owner");
    require(action.deadline.isValid(), "action's deadline");
}

constexpr const char* actionColumns = "id, title, subject_kind, subject, owner, deadline, status, "
                                      "created_at, closed_at, note, source_id, batch";

Action actionFrom(const store::Statement& row) {
    Action action;
    action.id = row.int64(0);
    action.title = row.text(1);
    action.subjectKind = parseActionSubject(row.text(2)).value_or(ActionSubject::Other);
    action.subject = row.text(3);
    action.owner = row.text(4);
    action.deadline = QDate::fromString(row.text(5), Qt::ISODate);
    action.status = parseActionStatus(row.text(6)).value_or(ActionStatus::Open);
    action.createdAt = row.int64(7);
    action.closedAt = row.optionalInt64(8);
    action.note = row.text(9);
    action.sourceId = row.text(10);
    action.batch = row.optionalInt64(11);
    return action;
}

std::vector<Action> queryActions(store::Database& db, const std::string& where,
                                 const std::string& order,
                                 const std::optional<Window>& window = {}) {
    store::Statement query = db.prepare("SELECT " + std::string(actionColumns) +
                                        " FROM review_actions " + where + " ORDER BY " + order);
    if (window) {
        query.bindAll(window->from, window->to);
    }
    std::vector<Action> actions;
    while (query.step()) {
        actions.push_back(actionFrom(query));
    }
    return actions;
}

} // namespace

QString actionStatusName(ActionStatus status) {
    for (const auto& [value, name] : statusNames) {
        if (value == status) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<ActionStatus> parseActionStatus(const QString& name) {
    for (const auto& [value, text] : statusNames) {
        if (name == QLatin1String(text)) {
            return value;
        }
    }
    return std::nullopt;
}

QString actionStatusLabel(ActionStatus status) {
    switch (status) {
    case ActionStatus::Open:
        return QStringLiteral("Open");
    case ActionStatus::InProgress:
        return QStringLiteral("In progress");
    case ActionStatus::Done:
        return QStringLiteral("Done");
    case ActionStatus::Dropped:
        return QStringLiteral("Dropped");
    }
    return {};
}

QString actionSubjectName(ActionSubject subject) {
    for (const auto& [value, name] : subjectNames) {
        if (value == subject) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<ActionSubject> parseActionSubject(const QString& name) {
    for (const auto& [value, text] : subjectNames) {
        if (name == QLatin1String(text)) {
            return value;
        }
    }
    return std::nullopt;
}

QStringList suggestedDecisionTypes() {
    return {QStringLiteral("Policy change"), QStringLiteral("Process change"),
            QStringLiteral("Deep dive"),     QStringLiteral("Training"),
            QStringLiteral("Fix requested"), QStringLiteral("Known issue / KB article"),
            QStringLiteral("Accepted as is")};
}

std::int64_t addAction(store::Database& db, const Action& action) {
    validate(action);
    db.prepare("INSERT INTO review_actions(title, subject_kind, subject, owner, deadline, status, "
               "created_at, closed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(action.title.trimmed(), actionSubjectName(action.subjectKind),
                 orNull(action.subject), action.owner.trimmed(),
                 action.deadline.toString(Qt::ISODate), actionStatusName(action.status),
                 action.createdAt, action.closedAt, orNull(action.note))
        .run();
    return db.lastInsertRowId();
}

void updateAction(store::Database& db, const Action& action) {
    validate(action);
    // Closed actions keep (or get) their closing instant; open ones have none.
    const UtcSeconds closedAt = action.closedAt.value_or(QDateTime::currentSecsSinceEpoch());
    store::Statement update = db.prepare(
        "UPDATE review_actions SET title = ?, subject_kind = ?, subject = ?, owner = ?, "
        "deadline = ?, status = ?, closed_at = CAST(? AS INTEGER), note = ? WHERE id = ?");
    update
        .bindAll(action.title.trimmed(), actionSubjectName(action.subjectKind),
                 orNull(action.subject), action.owner.trimmed(),
                 action.deadline.toString(Qt::ISODate), actionStatusName(action.status),
                 action.isClosed() ? QString::number(closedAt) : QString(), orNull(action.note),
                 action.id)
        .run();
    if (db.queryInt64("SELECT changes()") == 0) {
        throw store::StoreError(
            QStringLiteral("Action %1 no longer exists; reload the list.").arg(action.id));
    }
}

std::int64_t addDecision(store::Database& db, const Decision& decision) {
    require(decision.decidedOn.isValid(), "decision's date");
    require(!decision.decisionType.trimmed().isEmpty(), "decision's type");
    require(!decision.owner.trimmed().isEmpty(), "decision's owner");
    db.prepare("INSERT INTO review_decisions(decided_on, decision_type, owner, note, ticket_id, "
               "root_cause, action, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(decision.decidedOn.toString(Qt::ISODate), decision.decisionType.trimmed(),
                 decision.owner.trimmed(), orNull(decision.note), orNull(decision.ticketId),
                 orNull(decision.rootCause), decision.actionId, decision.createdAt)
        .run();
    return db.lastInsertRowId();
}

void deleteDecision(store::Database& db, std::int64_t id) {
    db.prepare("DELETE FROM review_decisions WHERE id = ?").bindAll(id).run();
}

std::optional<Action> actionById(store::Database& db, std::int64_t id) {
    store::Statement query =
        db.prepare("SELECT " + std::string(actionColumns) + " FROM review_actions WHERE id = ?");
    query.bindAll(id);
    if (!query.step()) {
        return std::nullopt;
    }
    return actionFrom(query);
}

std::vector<Action> allActions(store::Database& db) {
    return queryActions(db, "", "status IN ('done', 'dropped'), deadline, id");
}

std::vector<Action> openActions(store::Database& db) {
    return queryActions(db, "WHERE status IN ('open', 'in_progress')", "deadline, id");
}

std::vector<Action> actionsCreatedIn(store::Database& db, const Window& window) {
    return queryActions(db, "WHERE created_at >= ? AND created_at < ?", "created_at, id", window);
}

namespace {

constexpr const char* decisionColumns = "id, decided_on, decision_type, owner, note, ticket_id, "
                                        "root_cause, action, created_at, source_id, batch";

std::vector<Decision> queryDecisions(store::Statement& query) {
    std::vector<Decision> decisions;
    while (query.step()) {
        Decision decision;
        decision.id = query.int64(0);
        decision.decidedOn = QDate::fromString(query.text(1), Qt::ISODate);
        decision.decisionType = query.text(2);
        decision.owner = query.text(3);
        decision.note = query.text(4);
        decision.ticketId = query.text(5);
        decision.rootCause = query.text(6);
        decision.actionId = query.optionalInt64(7);
        decision.createdAt = query.int64(8);
        decision.sourceId = query.text(9);
        decision.batch = query.optionalInt64(10);
        decisions.push_back(decision);
    }
    return decisions;
}

} // namespace

std::vector<Decision> decisionsBetween(store::Database& db, const QDate& first, const QDate& last) {
    store::Statement query = db.prepare("SELECT " + std::string(decisionColumns) +
                                        " FROM review_decisions WHERE decided_on BETWEEN ? AND ? "
                                        "ORDER BY decided_on, id");
    query.bindAll(first.toString(Qt::ISODate), last.toString(Qt::ISODate));
    return queryDecisions(query);
}

std::vector<Decision> allDecisions(store::Database& db) {
    store::Statement query = db.prepare("SELECT " + std::string(decisionColumns) +
                                        " FROM review_decisions ORDER BY decided_on, id");
    return queryDecisions(query);
}

std::vector<Action> actionsById(store::Database& db) {
    return queryActions(db, "", "id");
}

std::optional<ActionStatus> readActionStatus(const QString& text) {
    QString name = text.trimmed().toLower();
    name.replace(QLatin1Char(' '), QLatin1Char('_'));
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return parseActionStatus(name);
}

} // namespace escdesk::review

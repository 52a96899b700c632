#pragma once

// The weekly review's record: long-term actions with owner, deadline and
// status, and the decisions taken in reviews. Stored in review_actions and
// review_decisions (schema version 5); dates are the team's local calendar
// days, instants UTC seconds.

#include "domain/Instant.h"
#include "store/Database.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace escdesk::review {

enum class ActionStatus { Open, InProgress, Done, Dropped };
enum class ActionSubject { RootCause, Cluster, Other };

QString actionStatusName(ActionStatus status); // "open", "in_progress", ...
std::optional<ActionStatus> parseActionStatus(const QString& name);
QString actionStatusLabel(ActionStatus status); // "Open", "In progress", ...
QString actionSubjectName(ActionSubject subject);
std::optional<ActionSubject> parseActionSubject(const QString& name);

struct Action {
    std::int64_t id = 0; // 0 until stored
    QString title;
    ActionSubject subjectKind = ActionSubject::Other;
    QString subject; // the root cause or cluster it addresses
    QString owner;
    QDate deadline;
    ActionStatus status = ActionStatus::Open;
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> closedAt;
    QString note;
    // Imported records: the id the file gave, when it is not this
    // workspace's own number (ReviewImporter.h), and the import batch that
    // last wrote the record. Typed records have neither.
    QString sourceId;
    std::optional<std::int64_t> batch;

    // The id a CSV export writes: the file's id, else the workspace's number.
    QString exportId() const { return sourceId.isEmpty() ? QString::number(id) : sourceId; }

    bool isClosed() const {
        return status == ActionStatus::Done || status == ActionStatus::Dropped;
    }
    // Still open after its deadline day.
    bool isOverdueOn(const QDate& today) const { return !isClosed() && deadline < today; }
};

// The decision types a review offers; any other non-empty text is allowed.
QStringList suggestedDecisionTypes();

struct Decision {
    std::int64_t id = 0;
    QDate decidedOn;
    QString decisionType;
    QString owner;
    QString note;
    QString ticketId;  // the helpdesk id it concerns, if any
    QString rootCause; // the root cause it concerns, if any
    std::optional<std::int64_t> actionId;
    UtcSeconds createdAt = 0;
    QString sourceId; // as Action::sourceId
    std::optional<std::int64_t> batch;

    QString exportId() const { return sourceId.isEmpty() ? QString::number(id) : sourceId; }
};

// Stores a new action or decision and returns its id. Throws store::StoreError
// with a message naming the missing field (title, owner, deadline, type).
std::int64_t addAction(store::Database& db, const Action& action);
std::int64_t addDecision(store::Database& db, const Decision& decision);

// Rewrites a stored action (by id). Closing it (done/dropped) records
// `closedAt` when the caller gives none; reopening clears it.
void updateAction(store::Database& db, const Action& action);
void deleteDecision(store::Database& db, std::int64_t id);

std::optional<Action> actionById(store::Database& db, std::int64_t id);

// Every action, open ones first, then by deadline, then id.
std::vector<Action> allActions(store::Database& db);
// Actions not done or dropped, by deadline then id.
std::vector<Action> openActions(store::Database& db);
// Actions created in [from, to) (UTC) — "last week's actions".
std::vector<Action> actionsCreatedIn(store::Database& db, const Window& window);

// Decisions taken on the days first..last (inclusive), by date then id.
std::vector<Decision> decisionsBetween(store::Database& db, const QDate& first, const QDate& last);
// Every decision, by date then id.
std::vector<Decision> allDecisions(store::Database& db);
// Every action by id (the order of an export).
std::vector<Action> actionsById(store::Database& db);

// "open", "In progress", "in-progress", "Done", "dropped", any case: the
// spellings a spreadsheet or a helpdesk uses for an action's status.
std::optional<ActionStatus> readActionStatus(const QString& text);

} // namespace escdesk::review

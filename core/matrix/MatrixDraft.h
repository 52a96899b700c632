#pragma once

// A draft of the escalation matrix beside the published one: a manager edits
// it freely, compares it with the published matrix (MatrixDiff), replays past
// tickets through it (analysis/MatrixReplay) and then publishes it as one
// entry of the change log, or discards it. A workspace holds at most one
// draft. The draft remembers the change-log head it was based on, so
// publishing over changes made to the published matrix meanwhile is refused
// unless forced.

#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "matrix/MatrixValidation.h"
#include "store/Database.h"

#include <QString>

#include <optional>
#include <vector>

namespace escdesk::matrix {

struct MatrixDraft {
    Matrix matrix;
    QString startedBy;
    UtcSeconds startedAt = 0;
    QString savedBy; // who saved it last
    UtcSeconds savedAt = 0;
    // The hash of the newest change-log entry when the draft was started
    // (genesisHash for an empty log): the published matrix it is based on.
    QString baseHash;
};

// The hash of the newest change-log entry; genesisHash when the log is empty.
QString changeLogHead(store::Database& db);

// The workspace's draft; empty when there is none.
std::optional<MatrixDraft> loadDraft(store::Database& db);

// Stores `matrix` as the workspace's draft and returns the stored draft. A new
// draft is started by `author` at `when` and based on the change-log head now;
// an existing one keeps its start and base and records `author` and `when` as
// its last save.
MatrixDraft saveDraft(store::Database& db, const Matrix& matrix, const QString& author,
                      UtcSeconds when);

// The draft, or a new one copied from the published matrix (stored, started
// by `author` at `when`) when there is none.
MatrixDraft loadOrStartDraft(store::Database& db, const QString& author, UtcSeconds when);

// Deletes the draft; the published matrix is untouched. Returns whether there
// was one.
bool discardDraft(store::Database& db);

// Whether the published matrix changed since `draft` was based on it.
bool draftIsStale(store::Database& db, const MatrixDraft& draft);

struct PublishResult {
    enum class Status {
        Published, // the draft is the published matrix now, and is gone
        NoDraft,   // there is no draft to publish
        Unchanged, // the draft equals the published matrix; draft discarded, log untouched
        Invalid,   // the draft has validation errors: nothing written
        Stale,     // the published matrix changed since the draft's base: nothing written
    };
    Status status = Status::NoDraft;
    QString message;                      // a sentence for the user, for every status
    std::vector<ValidationIssue> issues;  // Invalid: the errors (and warnings)
    std::optional<std::int64_t> changeId; // Published: the change-log entry written
};

// Publishes the draft: the published matrix becomes the draft's, recorded as
// ONE change-log entry (section "matrix", by `author` at `when`, with
// `summary`, or "Draft published" when empty) whose before and after hold the
// changed sections; the draft is then removed. All in one transaction.
// Refused when the draft has validation errors, or — unless `force` — when
// the published matrix changed since the draft was based on it.
PublishResult publishDraft(store::Database& db, const QString& author, const QString& summary,
                           UtcSeconds when, bool force = false);

} // namespace escdesk::matrix

#include "matrix/MatrixDraft.h"

#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixFile.h"
#include "matrix/MatrixStore.h"

namespace escdesk::matrix {

namespace {

// The draft row as stored, before its document is read.
std::optional<MatrixDraft> readDraftRow(store::Database& db, QByteArray& document) {
    store::Statement query = db.prepare("SELECT document, started_at, started_by, saved_at, "
                                        "saved_by, base_hash FROM matrix_drafts WHERE draft = 1");
    if (!query.step()) {
        return std::nullopt;
    }
    document = query.text(0).toUtf8();
    MatrixDraft draft;
    draft.startedAt = query.int64(1);
    draft.startedBy = query.text(2);
    draft.savedAt = query.int64(3);
    draft.savedBy = query.text(4);
    draft.baseHash = query.text(5);
    return draft;
}

// The draft document holds the exchange file, which reads a matrix whatever
// its validation says; only a broken structure makes it unreadable.
Matrix draftMatrixOf(store::Database& db, const QByteArray& document) {
    MatrixFileReading reading = readMatrixFile(document);
    if (!reading.matrix) {
        const FileProblem& problem = reading.problems.front();
        throw store::StoreError(
            QStringLiteral("The draft of the escalation matrix in %1 cannot be read (line %2: "
                           "%3); discard it to start again.")
                .arg(db.path())
                .arg(problem.line)
                .arg(problem.message));
    }
    return std::move(*reading.matrix);
}

QString publishedMessage(const MatrixChange& change) {
    return QStringLiteral("The draft is the published escalation matrix now (change #%1).")
        .arg(change.id);
}

} // namespace

QString changeLogHead(store::Database& db) {
    store::Statement last = db.prepare("SELECT hash FROM matrix_changes ORDER BY id DESC LIMIT 1");
    return last.step() ? last.text(0) : genesisHash;
}

std::optional<MatrixDraft> loadDraft(store::Database& db) {
    QByteArray document;
    std::optional<MatrixDraft> draft = readDraftRow(db, document);
    if (draft) {
        draft->matrix = draftMatrixOf(db, document);
    }
    return draft;
}

MatrixDraft saveDraft(store::Database& db, const Matrix& matrix, const QString& author,
                      UtcSeconds when) {
    store::Transaction transaction(db);
    QByteArray ignored;
    MatrixDraft draft = readDraftRow(db, ignored).value_or(MatrixDraft{});
    if (draft.baseHash.isEmpty()) { // a new draft
        draft.startedAt = when;
        draft.startedBy = author;
        draft.baseHash = changeLogHead(db);
    }
    draft.matrix = matrix;
    draft.savedAt = when;
    draft.savedBy = author;
    db.prepare("INSERT INTO matrix_drafts(draft, document, started_at, started_by, saved_at, "
               "saved_by, base_hash) VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(draft) DO UPDATE "
               "SET document = excluded.document, saved_at = excluded.saved_at, "
               "saved_by = excluded.saved_by")
        .bindAll(QString::fromUtf8(writeMatrixFile(matrix)), draft.startedAt, draft.startedBy,
                 draft.savedAt, draft.savedBy, draft.baseHash)
        .run();
    transaction.commit();
    return draft;
}

MatrixDraft loadOrStartDraft(store::Database& db, const QString& author, UtcSeconds when) {
    if (std::optional<MatrixDraft> draft = loadDraft(db)) {
        return std::move(*draft);
    }
    return saveDraft(db, loadMatrix(db), author, when);
}

bool discardDraft(store::Database& db) {
    db.prepare("DELETE FROM matrix_drafts").run();
    return db.changes() > 0;
}

bool draftIsStale(store::Database& db, const MatrixDraft& draft) {
    return draft.baseHash != changeLogHead(db);
}

PublishResult publishDraft(store::Database& db, const QString& author, const QString& summary,
                           UtcSeconds when, bool force) {
    PublishResult result;
    // One transaction from the checks to the write: nobody can publish or
    // edit the matrix between the staleness check and this publication.
    store::Transaction transaction(db);
    const std::optional<MatrixDraft> draft = loadDraft(db);
    if (!draft) {
        result.status = PublishResult::Status::NoDraft;
        result.message = QStringLiteral("There is no draft of the escalation matrix to publish.");
        return result;
    }
    result.issues = validateMatrix(draft->matrix);
    if (hasErrors(result.issues)) {
        result.status = PublishResult::Status::Invalid;
        const auto errors = std::count_if(
            result.issues.begin(), result.issues.end(), [](const ValidationIssue& issue) {
                return issue.severity == ValidationIssue::Severity::Error;
            });
        result.message = QStringLiteral("The draft was not published: it has %1 validation "
                                        "error(s); fix them first.")
                             .arg(errors);
        return result;
    }
    if (!force && draftIsStale(db, *draft)) {
        result.status = PublishResult::Status::Stale;
        result.message =
            QStringLiteral("The draft was not published: the published escalation matrix "
                           "changed since the draft was started (%1). Compare them again, or "
                           "publish with force to replace those changes.")
                .arg(toIsoUtc(draft->startedAt));
        return result;
    }
    const QString entrySummary =
        summary.trimmed().isEmpty() ? QStringLiteral("Draft published") : summary.trimmed();
    const std::optional<MatrixChange> change =
        saveMatrixAsOneChange(db, draft->matrix, author, entrySummary, when);
    discardDraft(db);
    transaction.commit();
    if (!change) {
        result.status = PublishResult::Status::Unchanged;
        result.message = QStringLiteral("The draft equals the published escalation matrix; "
                                        "nothing to publish (the draft is discarded).");
        return result;
    }
    result.status = PublishResult::Status::Published;
    result.changeId = change->id;
    result.message = publishedMessage(*change);
    return result;
}

} // namespace escdesk::matrix

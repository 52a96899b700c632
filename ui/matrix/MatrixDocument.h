#pragma once

// The escalation matrix being edited: the in-memory Matrix of the open
// workspace, its undo stack and its validation. Every edit goes through
// edit() (the command facade, as Subsurface's Command::edit…): it becomes one
// undoable command that applies the new matrix and saves it through
// MatrixStore, so the change log records each edit, undo and redo. Editors
// never touch the undo stack, the store or SQL.
//
// While the workspace holds a draft (matrix/MatrixDraft.h) the document is
// the draft: every edit, undo and redo is saved to the draft instead, and the
// published matrix and its change log stay as they are until the draft is
// published (one change-log entry) or discarded.

#include "matrix/Matrix.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixValidation.h"

#include <QObject>

#include <functional>
#include <optional>
#include <vector>

class QUndoStack;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class MatrixDocument : public QObject {
    Q_OBJECT
public:
    explicit MatrixDocument(QObject* parent = nullptr);

    // Loads the workspace's matrix (its draft, when it holds one; or clears,
    // for null) and empties the undo history.
    void setWorkspace(store::Workspace* workspace);
    store::Workspace* workspace() const { return m_workspace; }
    // Why the matrix cannot be edited ("The workspace is read-only: …");
    // empty when it can be, or no workspace is open.
    QString readOnlyExplanation() const;

    // The matrix edited: the draft while there is one, else the published.
    const matrix::Matrix& matrix() const { return m_matrix; }
    // The published matrix, as last read from the workspace.
    const matrix::Matrix& publishedMatrix() const { return m_published; }
    QUndoStack* undoStack() const { return m_undo; }
    const std::vector<matrix::ValidationIssue>& issues() const { return m_issues; }
    int errorCount() const;
    int warningCount() const;

    // One user action: `change` is applied to a copy of the matrix; if that
    // changes anything it is pushed as a command named `text`. Consecutive
    // edits with the same non-empty `mergeKey` (typing or stepping in one
    // field) merge into one undo step. Returns whether anything changed:
    // never on a read-only workspace.
    bool edit(const QString& text, const std::function<void(matrix::Matrix&)>& change,
              const QString& mergeKey = {});

    // Used by the commands: makes `matrix` current and saves it with
    // `summary` in the change log (or, while editing a draft, to the draft).
    void apply(const matrix::Matrix& matrix, const QString& summary);

    // The draft being edited (its start, last save and base); empty when
    // the published matrix is edited.
    const std::optional<matrix::MatrixDraft>& draft() const { return m_draft; }
    bool isEditingDraft() const { return m_draft.has_value(); }
    // Whether the published matrix changed since the draft was started.
    bool draftIsStale() const;
    // Starts a draft as a copy of the published matrix (or takes up the one
    // stored) and edits it from now on; the undo history starts afresh.
    // Returns the store's message on failure, empty on success; refused on a
    // read-only workspace (with readOnlyExplanation()).
    QString startDraft();
    // Publishes the draft with `summary` as one change-log entry (`force`:
    // even when the published matrix changed since the draft was started).
    // Once it is published, or equal to the published matrix, the published
    // matrix is edited again with a fresh undo history.
    matrix::PublishResult publishDraft(const QString& summary, bool force);
    // Deletes the draft and edits the published matrix again; returns the
    // store's message on failure, empty on success.
    QString discardDraft();

    // When each save happens (tests pin it); by default the clock.
    void setClock(std::function<UtcSeconds()> clock) { m_clock = std::move(clock); }

signals:
    // The matrix changed (an edit, undo, redo or a new workspace).
    void matrixChanged();
    // A draft was started, published or discarded (matrixChanged follows).
    void draftModeChanged();
    // A save failed: the store's message. The matrix shown is the stored one.
    void saveFailed(const QString& message);

private:
    void revalidate();
    // Rereads the published matrix and the draft, empties the undo history
    // and tells the views.
    void reload();
    void save(const QString& summary);

    store::Workspace* m_workspace = nullptr;
    matrix::Matrix m_matrix;
    matrix::Matrix m_published;
    std::optional<matrix::MatrixDraft> m_draft;
    std::vector<matrix::ValidationIssue> m_issues;
    QUndoStack* m_undo;
    std::function<UtcSeconds()> m_clock;
};

} // namespace escdesk::ui

#pragma once

// The escalation matrix being edited: the in-memory Matrix of the open
// workspace, its undo stack and its validation. Every edit goes through
// edit() (the command facade, as Subsurface's Command::edit…): it becomes one
// undoable command that applies the new matrix and saves it through
// MatrixStore, so the change log records each edit, undo and redo. Editors
// never touch the undo stack, the store or SQL.

#include "matrix/Matrix.h"
#include "matrix/MatrixValidation.h"

#include <QObject>

#include <functional>
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

    // Loads the workspace's matrix (or clears, for null) and empties the
    // undo history.
    void setWorkspace(store::Workspace* workspace);
    store::Workspace* workspace() const { return m_workspace; }
    // Why the matrix cannot be edited ("The workspace is read-only: …");
    // empty when it can be, or no workspace is open.
    QString readOnlyExplanation() const;

    const matrix::Matrix& matrix() const { return m_matrix; }
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
    // `summary` in the change log.
    void apply(const matrix::Matrix& matrix, const QString& summary);

    // When each save happens (tests pin it); by default the clock.
    void setClock(std::function<UtcSeconds()> clock) { m_clock = std::move(clock); }

signals:
    // The matrix changed (an edit, undo, redo or a new workspace).
    void matrixChanged();
    // A save failed: the store's message. The matrix shown is the stored one.
    void saveFailed(const QString& message);

private:
    void revalidate();

    store::Workspace* m_workspace = nullptr;
    matrix::Matrix m_matrix;
    std::vector<matrix::ValidationIssue> m_issues;
    QUndoStack* m_undo;
    std::function<UtcSeconds()> m_clock;
};

} // namespace escdesk::ui

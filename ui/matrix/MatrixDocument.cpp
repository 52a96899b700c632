#include "matrix/MatrixDocument.h"

#include "EditPermission.h"
#include "matrix/MatrixEdit.h"
#include "matrix/MatrixStore.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>

namespace escdesk::ui {

MatrixDocument::MatrixDocument(QObject* parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); }) {}

void MatrixDocument::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_undo->clear();
    m_matrix = matrix::Matrix();
    if (m_workspace) {
        try {
            m_matrix = matrix::loadMatrix(m_workspace->db());
        } catch (const store::StoreError& error) {
            emit saveFailed(error.message());
        }
    }
    revalidate();
    emit matrixChanged();
}

QString MatrixDocument::readOnlyExplanation() const {
    return ui::readOnlyExplanation(m_workspace);
}

int MatrixDocument::errorCount() const {
    return int(std::count_if(m_issues.begin(), m_issues.end(), [](const auto& issue) {
        return issue.severity == matrix::ValidationIssue::Severity::Error;
    }));
}

int MatrixDocument::warningCount() const {
    return int(m_issues.size()) - errorCount();
}

bool MatrixDocument::edit(const QString& text, const std::function<void(matrix::Matrix&)>& change,
                          const QString& mergeKey) {
    // Editors disable their controls on a read-only workspace; this keeps
    // whatever still reaches here (a Delete key, a drop) from being undoable
    // without having been saved.
    if (!m_workspace || m_workspace->isReadOnly()) {
        return false;
    }
    matrix::Matrix after = m_matrix;
    change(after);
    if (after == m_matrix) {
        return false;
    }
    m_undo->push(new MatrixEdit(this, m_matrix, std::move(after), text, mergeKey));
    return true;
}

void MatrixDocument::apply(const matrix::Matrix& matrix, const QString& summary) {
    m_matrix = matrix;
    if (m_workspace) {
        try {
            matrix::saveMatrix(m_workspace->db(), m_matrix, matrix::changeAuthor(*m_workspace),
                               summary, m_clock());
        } catch (const store::StoreError& error) {
            // Show what is stored, so the screen never claims an unsaved edit;
            // the history no longer matches it (cleared once this command is
            // done running).
            QTimer::singleShot(0, m_undo, &QUndoStack::clear);
            try {
                m_matrix = matrix::loadMatrix(m_workspace->db());
            } catch (const store::StoreError&) {
                // Keep the last matrix shown; the message below says why.
            }
            revalidate();
            emit matrixChanged();
            emit saveFailed(error.message());
            return;
        }
    }
    revalidate();
    emit matrixChanged();
}

void MatrixDocument::revalidate() {
    m_issues =
        m_workspace ? matrix::validateMatrix(m_matrix) : std::vector<matrix::ValidationIssue>{};
}

} // namespace escdesk::ui

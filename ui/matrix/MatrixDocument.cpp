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
    reload();
}

void MatrixDocument::reload() {
    m_undo->clear();
    m_published = matrix::Matrix();
    m_draft.reset();
    if (m_workspace) {
        try {
            m_published = matrix::loadMatrix(m_workspace->db());
            m_draft = matrix::loadDraft(m_workspace->db());
        } catch (const store::StoreError& error) {
            emit saveFailed(error.message());
        }
    }
    m_matrix = m_draft ? m_draft->matrix : m_published;
    revalidate();
    emit draftModeChanged();
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
            save(summary);
        } catch (const store::StoreError& error) {
            // Show what is stored, so the screen never claims an unsaved edit;
            // the history no longer matches it (cleared once this command is
            // done running).
            QTimer::singleShot(0, m_undo, &QUndoStack::clear);
            try {
                const auto stored = m_draft ? matrix::loadDraft(m_workspace->db())
                                            : std::optional<matrix::MatrixDraft>();
                m_matrix = stored ? stored->matrix : matrix::loadMatrix(m_workspace->db());
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

void MatrixDocument::save(const QString& summary) {
    const QString author = matrix::changeAuthor(*m_workspace);
    if (m_draft) {
        // A draft's saves are not the policy's history: the change log gets
        // one entry when it is published.
        m_draft = matrix::saveDraft(m_workspace->db(), m_matrix, author, m_clock());
        return;
    }
    matrix::saveMatrix(m_workspace->db(), m_matrix, author, summary, m_clock());
    m_published = m_matrix;
}

bool MatrixDocument::draftIsStale() const {
    if (!m_workspace || !m_draft) {
        return false;
    }
    try {
        return matrix::draftIsStale(m_workspace->db(), *m_draft);
    } catch (const store::StoreError&) {
        return false; // publishing checks again, and says why it cannot
    }
}

QString MatrixDocument::startDraft() {
    if (!m_workspace) {
        return {};
    }
    if (const QString readOnly = readOnlyExplanation(); !readOnly.isEmpty()) {
        return readOnly;
    }
    try {
        m_draft = matrix::loadOrStartDraft(m_workspace->db(), matrix::changeAuthor(*m_workspace),
                                           m_clock());
        m_published = matrix::loadMatrix(m_workspace->db());
    } catch (const store::StoreError& error) {
        return error.message();
    }
    // Undoing an edit of the published matrix from inside the draft would
    // change the policy unseen.
    m_undo->clear();
    m_matrix = m_draft->matrix;
    revalidate();
    emit draftModeChanged();
    emit matrixChanged();
    return {};
}

matrix::PublishResult MatrixDocument::publishDraft(const QString& summary, bool force) {
    matrix::PublishResult result;
    if (!m_workspace || !m_draft) {
        result.message = tr("There is no draft to publish.");
        return result;
    }
    if (const QString readOnly = readOnlyExplanation(); !readOnly.isEmpty()) {
        result.message = readOnly;
        return result;
    }
    try {
        result = matrix::publishDraft(m_workspace->db(), matrix::changeAuthor(*m_workspace),
                                      summary, m_clock(), force);
    } catch (const store::StoreError& error) {
        result = {};
        result.message = error.message();
        return result;
    }
    using Status = matrix::PublishResult::Status;
    if (result.status == Status::Published || result.status == Status::Unchanged) {
        reload();
    }
    return result;
}

QString MatrixDocument::discardDraft() {
    if (!m_workspace || !m_draft) {
        return {};
    }
    if (const QString readOnly = readOnlyExplanation(); !readOnly.isEmpty()) {
        return readOnly;
    }
    try {
        matrix::discardDraft(m_workspace->db());
    } catch (const store::StoreError& error) {
        return error.message();
    }
    reload();
    return {};
}

void MatrixDocument::revalidate() {
    m_issues =
        m_workspace ? matrix::validateMatrix(m_matrix) : std::vector<matrix::ValidationIssue>{};
}

} // namespace escdesk::ui

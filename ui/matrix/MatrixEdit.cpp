#include "matrix/MatrixEdit.h"

#include "matrix/MatrixDocument.h"

#include <QCoreApplication>

namespace escdesk::ui {

namespace {

// The one id of mergeable matrix edits; mergeWith compares the merge keys.
constexpr int mergeableEditId = 0x4d58; // "MX"

QString tr(const char* text) {
    return QCoreApplication::translate("escdesk::ui::MatrixEdit", text);
}

} // namespace

MatrixEdit::MatrixEdit(MatrixDocument* document, matrix::Matrix before, matrix::Matrix after,
                       const QString& text, QString mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(std::move(mergeKey)) {}

void MatrixEdit::redo() {
    m_document->apply(m_after, m_done ? tr("Redo: %1").arg(text()) : text());
    m_done = true;
}

void MatrixEdit::undo() {
    m_document->apply(m_before, tr("Undo: %1").arg(text()));
}

int MatrixEdit::id() const {
    return m_mergeKey.isEmpty() ? -1 : mergeableEditId;
}

bool MatrixEdit::mergeWith(const QUndoCommand* other) {
    const auto* edit = static_cast<const MatrixEdit*>(other);
    if (edit->m_mergeKey != m_mergeKey) {
        return false;
    }
    m_after = edit->m_after;
    // Typing back to where the field started leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace escdesk::ui

#pragma once

// One undoable change of the escalation matrix (as Tiled's commands, one per
// user action): the matrix before and after. Redo and undo both save through
// the document, so the change log records the edit and its undo alike.
// Consecutive edits of one field (same merge key) merge into one step.

#include "matrix/Matrix.h"

#include <QUndoCommand>

namespace escdesk::ui {

class MatrixDocument;

class MatrixEdit : public QUndoCommand {
public:
    MatrixEdit(MatrixDocument* document, matrix::Matrix before, matrix::Matrix after,
               const QString& text, QString mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const QString& mergeKey() const { return m_mergeKey; }

private:
    MatrixDocument* m_document;
    matrix::Matrix m_before;
    matrix::Matrix m_after;
    QString m_mergeKey;
    bool m_done = false; // redone at least once: later redos are "Redo: …"
};

} // namespace escdesk::ui

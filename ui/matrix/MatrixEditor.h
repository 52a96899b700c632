#pragma once

// The common shape of the Matrix page's editors: each shows one part of the
// document's matrix, rebuilds itself when the matrix changes, marks the
// validation issues of its part beside their fields, and can reveal the place
// an issue names. Editors change the matrix only through MatrixDocument::edit.
// On a read-only workspace they show the matrix with every control that
// would change it disabled, saying why.

#include "ShownText.h"
#include "matrix/IssueMarks.h"

#include <QWidget>
#include <functional>
#include <initializer_list>

class QTableWidget;
class QTableWidgetItem;
class QLabel;
class QToolButton;

namespace escdesk::ui {

class MatrixDocument;

class MatrixEditor : public QWidget {
    Q_OBJECT
public:
    explicit MatrixEditor(MatrixDocument* document, QWidget* parent = nullptr);

    // The sections of the exchange file this editor shows ("tiers", …).
    virtual QStringList sections() const = 0;
    // Selects and focuses the place `path` names; false if it cannot.
    virtual bool reveal(const QString& path) = 0;

protected:
    // Shows the document's matrix and its issues.
    virtual void refresh() = 0;

    MatrixDocument* document() const { return m_document; }
    // Whether the matrix can be changed: a workspace is open and writable.
    bool canEdit() const;
    // Enables a control that changes the matrix when `enabled` and the
    // matrix can be changed; on a read-only workspace its tooltip says why
    // it is disabled (EditPermission.h). Editors call it where they refresh.
    void enableEditing(QWidget* control, bool enabled = true) const;
    void enableEditing(std::initializer_list<QWidget*> controls, bool enabled = true) const;

    // Building blocks the editors share.
    static QLabel* hint(const QString& text, QWidget* parent);
    static QToolButton* toolButton(const QString& text, const QString& toolTip, QWidget* parent);
    static void setupTable(QTableWidget* table);
    static QTableWidgetItem* cell(const QString& text, bool editable = true);
    static QTableWidgetItem* checkCell(bool checked);
    // Sets a cell's text (or check state), reusing its item: a table may be
    // refreshed from inside its own itemChanged signal. A cell can be edited
    // (or ticked) only while the matrix can be changed.
    QTableWidgetItem* putCell(QTableWidget* table, int row, int column, const QString& text,
                              bool editable = true) const;
    QTableWidgetItem* putCheck(QTableWidget* table, int row, int column, bool checked) const;
    // The Delete key on `view` (outside a cell being edited) runs `remove`.
    void removeOnDelete(QWidget* view, const std::function<void()>& remove);

private:
    MatrixDocument* m_document;
};

// A table-cell editor that offers a fixed list of choices.
class ChoiceDelegate : public shown::ItemDelegate {
    Q_OBJECT
public:
    ChoiceDelegate(QStringList choices, QObject* parent, bool editable = false);
    void setChoices(QStringList choices) { m_choices = std::move(choices); }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    QStringList m_choices;
    bool m_editable;
};

} // namespace escdesk::ui

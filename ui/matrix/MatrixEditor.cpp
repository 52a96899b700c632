#include "matrix/MatrixEditor.h"

#include "EditPermission.h"
#include "ShownText.h"
#include "matrix/MatrixDocument.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>

namespace escdesk::ui {

MatrixEditor::MatrixEditor(MatrixDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    connect(document, &MatrixDocument::matrixChanged, this, [this] { refresh(); });
}

bool MatrixEditor::canEdit() const {
    return m_document->workspace() && m_document->readOnlyExplanation().isEmpty();
}

void MatrixEditor::enableEditing(QWidget* control, bool enabled) const {
    enableEdit(control, enabled && m_document->workspace(), m_document->readOnlyExplanation());
}

void MatrixEditor::enableEditing(std::initializer_list<QWidget*> controls, bool enabled) const {
    for (QWidget* control : controls) {
        enableEditing(control, enabled);
    }
}

QLabel* MatrixEditor::hint(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("subtitle"));
    label->setWordWrap(true);
    return label;
}

QToolButton* MatrixEditor::toolButton(const QString& text, const QString& toolTip,
                                      QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    button->setMinimumHeight(26);
    return button;
}

void MatrixEditor::setupTable(QTableWidget* table) {
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setSelectionBehavior(QAbstractItemView::SelectItems);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 14);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    // Cells hold names from matrix files: painted inert, edited as stored.
    table->setItemDelegate(new shown::ItemDelegate(table));
}

QTableWidgetItem* MatrixEditor::cell(const QString& text, bool editable) {
    auto* item = new QTableWidgetItem(text);
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (editable) {
        flags |= Qt::ItemIsEditable;
    }
    item->setFlags(flags);
    return item;
}

QTableWidgetItem* MatrixEditor::checkCell(bool checked) {
    auto* item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

QTableWidgetItem* MatrixEditor::putCell(QTableWidget* table, int row, int column,
                                        const QString& text, bool editable) const {
    editable = editable && canEdit();
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = cell(text, editable);
        table->setItem(row, column, item);
        return item;
    }
    if (item->text() != text) {
        item->setText(text);
    }
    item->setFlags(editable ? item->flags() | Qt::ItemIsEditable
                            : item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidgetItem* MatrixEditor::putCheck(QTableWidget* table, int row, int column,
                                         bool checked) const {
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = checkCell(checked);
        table->setItem(row, column, item);
    }
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    // Shown either way; ticked by a click only where it can be saved.
    item->setFlags(canEdit() ? item->flags() | Qt::ItemIsUserCheckable
                             : item->flags() & ~Qt::ItemIsUserCheckable);
    return item;
}

void MatrixEditor::removeOnDelete(QWidget* view, const std::function<void()>& remove) {
    auto* action = new QAction(view);
    action->setShortcut(QKeySequence::Delete);
    action->setShortcutContext(Qt::WidgetShortcut);
    connect(action, &QAction::triggered, this, remove);
    view->addAction(action);
}

ChoiceDelegate::ChoiceDelegate(QStringList choices, QObject* parent, bool editable)
    : shown::ItemDelegate(parent)
    , m_choices(std::move(choices))
    , m_editable(editable) {}

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                      const QModelIndex&) const {
    auto* combo = new QComboBox(parent);
    combo->addItems(m_choices);
    combo->setEditable(m_editable);
    // One choice commits at once, as a user expects from a drop-down.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        emit const_cast<ChoiceDelegate*>(this)->commitData(combo);
        emit const_cast<ChoiceDelegate*>(this)->closeEditor(combo);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    const QString current = index.data(Qt::EditRole).toString();
    const int found = combo->findText(current);
    if (found >= 0) {
        combo->setCurrentIndex(found);
    } else if (m_editable) {
        combo->setEditText(current);
    }
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    model->setData(index, static_cast<QComboBox*>(editor)->currentText(), Qt::EditRole);
}

} // namespace escdesk::ui

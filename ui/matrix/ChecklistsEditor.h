#pragma once

// Pre-escalation checklists, one per transition (Tier 1 → 2, Tier 2 → 3):
// the items an agent ticks before escalating, each required or optional.

#include "matrix/MatrixEditor.h"

class QComboBox;
class QTableWidget;
class QToolButton;

namespace escdesk::ui {

class ChecklistsEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit ChecklistsEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("checklists")}; }
    bool reveal(const QString& path) override;

    QComboBox* transition() const { return m_transition; }
    QTableWidget* itemTable() const { return m_items; }
    void addItem(const QString& text, bool required);

    enum Column { TextColumn, RequiredColumn, IdColumn, ColumnCount };

protected:
    void refresh() override;

private:
    int selectedChecklist() const;
    void showSelected();
    void itemEdited(int row, int column);
    void removeItem();
    void moveItem(int delta);
    void addChecklist();

    QComboBox* m_transition;
    IssueBadge* m_badge;
    QTableWidget* m_items;
    QLabel* m_summary;
    QToolButton* m_addChecklist;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_up;
    QToolButton* m_down;
};

} // namespace escdesk::ui

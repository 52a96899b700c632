#pragma once

// The root-cause taxonomy: 8–12 categories, each with the action that
// prevents it recurring and whether its escalations are avoidable (the
// engineering-time ledger's avoidable share).

#include "matrix/MatrixEditor.h"

class QTableWidget;
class QToolButton;

namespace escdesk::ui {

class TaxonomyEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit TaxonomyEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("taxonomy")}; }
    bool reveal(const QString& path) override;
    QTableWidget* table() const { return m_table; }

    enum Column { NameColumn, ActionColumn, AvoidableColumn, ColumnCount };

protected:
    void refresh() override;

private:
    void cellEdited(int row, int column);
    void addCategory();
    void removeCategory();

    QTableWidget* m_table;
    IssueBadge* m_badge;
    QLabel* m_count;
    QToolButton* m_add;
    QToolButton* m_remove;
};

} // namespace escdesk::ui

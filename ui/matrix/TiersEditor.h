#pragma once

// The tiers of the matrix: who handles what at each tier — responsibility,
// owner, backup contact, channel, key triggers, and whether escalating to it
// is functional or hierarchical.

#include "matrix/MatrixEditor.h"

class QLineEdit;
class QTableWidget;
class QToolButton;

namespace escdesk::ui {

class TiersEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit TiersEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("tiers")}; }
    bool reveal(const QString& path) override;
    QTableWidget* table() const { return m_table; }
    QLineEdit* responsibility() const { return m_responsibility; }

    enum Column {
        LevelColumn,
        NameColumn,
        OwnerColumn,
        BackupColumn,
        ChannelColumn,
        EscalationColumn,
        OptionalColumn,
        EngineeringColumn,
        ColumnCount
    };

protected:
    void refresh() override;

private:
    void cellEdited(int row, int column);
    void showSelected();
    void showPath();
    void commitDetail(QLineEdit* edit);
    void addTier();
    void removeTier();
    int selectedTier() const;

    QWidget* m_path;
    QTableWidget* m_table;
    QLineEdit* m_responsibility;
    QLineEdit* m_triggers;
    QToolButton* m_add;
    QToolButton* m_remove;
    IssueBadge* m_badge;
};

} // namespace escdesk::ui

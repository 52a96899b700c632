#pragma once

// The severity rules: an ordered list (drag to reorder — the first rule whose
// conditions all hold decides) and the selected rule's name, priority, target
// tier, action and its conditions in a table (field, operator, value).

#include "matrix/MatrixEditor.h"

class QComboBox;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QToolButton;

namespace escdesk::ui {

class RulesEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit RulesEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("severity_rules")}; }
    bool reveal(const QString& path) override;

    QListWidget* ruleList() const { return m_rules; }
    QTableWidget* conditionTable() const { return m_conditions; }
    // Moves rule `from` to position `to` (0-based) as one undoable action.
    void moveRule(int from, int to);
    void selectRule(int index);

    enum ConditionColumn { FieldColumn, OperatorColumn, ValueColumn, ConditionColumnCount };

    // "is at least" for at_least, …
    static QString operatorLabel(matrix::ConditionOperator op);

protected:
    void refresh() override;

private:
    int selectedRule() const;
    void showSelected();
    void listReordered();
    void commitName();
    void commitAction();
    void commitPriority();
    void commitTier();
    void conditionEdited(int row, int column);
    void addRule();
    void duplicateRule();
    void removeRule();
    void addCondition();
    void removeCondition();
    void showFieldHelp();
    void offerOperatorsFor(int row);

    QListWidget* m_rules;
    IssueBadge* m_listBadge;
    QLineEdit* m_name;
    IssueBadge* m_nameBadge;
    QComboBox* m_priority;
    IssueBadge* m_priorityBadge;
    QComboBox* m_tier;
    IssueBadge* m_tierBadge;
    QLineEdit* m_action;
    QTableWidget* m_conditions;
    IssueBadge* m_conditionsBadge;
    QLabel* m_fieldHelp;
    ChoiceDelegate* m_operatorChoices;
    QToolButton* m_up;
    QToolButton* m_down;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_duplicate;
    QToolButton* m_addCondition;
    QToolButton* m_removeCondition;
    QWidget* m_detail;
};

} // namespace escdesk::ui

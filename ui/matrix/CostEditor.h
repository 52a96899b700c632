#pragma once

// Cost parameters: what an hour of agent and engineer time costs, how long an
// interruption takes and the context-switch recovery after it — the inputs
// of the cost estimates.

#include "matrix/MatrixEditor.h"

class QDoubleSpinBox;
class QLineEdit;

namespace escdesk::ui {

class CostEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit CostEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("cost")}; }
    bool reveal(const QString& path) override;

    QDoubleSpinBox* agentCost() const { return m_agent; }
    QDoubleSpinBox* recovery() const { return m_recovery; }

protected:
    void refresh() override;

private:
    void commit(QDoubleSpinBox* box);

    QLineEdit* m_currency;
    QDoubleSpinBox* m_agent;
    QDoubleSpinBox* m_engineer;
    QDoubleSpinBox* m_interruption;
    QDoubleSpinBox* m_recovery;
    QLabel* m_example;
};

} // namespace escdesk::ui

#include "matrix/CostEditor.h"

#include "matrix/MatrixDocument.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace escdesk::ui {

CostEditor::CostEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_currency(new QLineEdit(this))
    , m_agent(new QDoubleSpinBox(this))
    , m_engineer(new QDoubleSpinBox(this))
    , m_interruption(new QDoubleSpinBox(this))
    , m_recovery(new QDoubleSpinBox(this))
    , m_example(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto* title = new QLabel(tr("Cost parameters"), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    layout->addWidget(title);
    auto* form = new QFormLayout;
    form->setHorizontalSpacing(12);
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->setMaxLength(8);
    m_currency->setMaximumWidth(80);
    form->addRow(tr("Currency"), m_currency);
    const struct {
        QDoubleSpinBox* box;
        QString label;
        QString suffix;
        double maximum;
    } fields[] = {{m_agent, tr("Agent cost per hour"), QString(), 100000},
                  {m_engineer, tr("Engineer cost per hour"), QString(), 100000},
                  {m_interruption, tr("Minutes per interruption"), tr(" min"), 1440},
                  {m_recovery, tr("Context-switch recovery"), tr(" min"), 1440}};
    for (const auto& field : fields) {
        field.box->setRange(0, field.maximum);
        field.box->setDecimals(field.suffix.isEmpty() ? 2 : 0);
        field.box->setSuffix(field.suffix);
        field.box->setKeyboardTracking(false);
        field.box->setMinimumWidth(130);
        field.box->setAccessibleName(field.label);
        form->addRow(field.label, field.box);
        connect(field.box, &QDoubleSpinBox::valueChanged, this,
                [this, box = field.box] { commit(box); });
    }
    layout->addLayout(form);
    m_example->setObjectName(QStringLiteral("footnote"));
    m_example->setWordWrap(true);
    layout->addWidget(m_example);
    layout->addStretch();
    connect(m_currency, &QLineEdit::editingFinished, this, [this] {
        const QString currency = m_currency->text().trimmed().toUpper();
        this->document()->edit(tr("Set the currency to %1").arg(currency),
                               [&](matrix::Matrix& m) { m.cost.currency = currency; });
    });
    refresh();
}

void CostEditor::refresh() {
    const matrix::CostParameters& cost = document()->matrix().cost;
    if (m_currency->text() != cost.currency) {
        m_currency->setText(cost.currency);
    }
    for (const auto& [box, value] : {std::pair{m_agent, cost.agentCostPerHour},
                                     std::pair{m_engineer, cost.engineerCostPerHour},
                                     std::pair{m_interruption, cost.interruptionMinutes},
                                     std::pair{m_recovery, cost.recoveryMinutes}}) {
        const QSignalBlocker block(box);
        box->setValue(value);
        box->setPrefix(box == m_agent || box == m_engineer ? cost.currency + QLatin1Char(' ')
                                                           : QString());
    }
    m_example->setText(
        tr("An engineering interruption costs its minutes plus %1 minutes of recovery at the "
           "engineer's rate.")
            .arg(cost.recoveryMinutes));
    enableEditing({m_currency, m_agent, m_engineer, m_interruption, m_recovery});
}

void CostEditor::commit(QDoubleSpinBox* box) {
    const double value = box->value();
    const char* key = box == m_agent          ? "agent_cost_per_hour"
                      : box == m_engineer     ? "engineer_cost_per_hour"
                      : box == m_interruption ? "interruption_minutes"
                                              : "recovery_minutes";
    const QString label = box->accessibleName();
    document()->edit(
        tr("Set %1 to %2").arg(label.toLower()).arg(value),
        [&](matrix::Matrix& m) {
            (box == m_agent          ? m.cost.agentCostPerHour
             : box == m_engineer     ? m.cost.engineerCostPerHour
             : box == m_interruption ? m.cost.interruptionMinutes
                                     : m.cost.recoveryMinutes) = value;
        },
        QStringLiteral("cost.") + QLatin1String(key));
}

bool CostEditor::reveal(const QString& path) {
    if (!path.startsWith(QLatin1String("cost"))) {
        return false;
    }
    QDoubleSpinBox* box = path.endsWith(QLatin1String("engineer_cost_per_hour")) ? m_engineer
                          : path.endsWith(QLatin1String("interruption_minutes")) ? m_interruption
                          : path.endsWith(QLatin1String("recovery_minutes"))     ? m_recovery
                                                                                 : m_agent;
    box->setFocus(Qt::OtherFocusReason);
    box->selectAll();
    return true;
}

} // namespace escdesk::ui

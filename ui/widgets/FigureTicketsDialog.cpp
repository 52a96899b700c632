#include "widgets/FigureTicketsDialog.h"

#include "models/DisplayText.h"
#include "widgets/TicketListPane.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

TicketListPane* listPane(store::Workspace* workspace, TicketListSpec spec, QWidget* parent) {
    auto* pane = new TicketListPane(parent);
    pane->setEscalatedColumnVisible(spec.showEscalatedColumn);
    pane->showTickets(workspace, spec.heading, std::move(spec.rows));
    if (!spec.values.isEmpty()) {
        pane->showValues(spec.valueTitle, std::move(spec.values));
    }
    return pane;
}

QString tabText(const TicketListSpec& spec) {
    return QStringLiteral("%1 (%2)").arg(spec.tabTitle,
                                         display::count(std::int64_t(spec.rows.size())));
}

} // namespace

FigureTicketsDialog::FigureTicketsDialog(store::Workspace* workspace, const QString& title,
                                         TicketListSpec counted, TicketListSpec population,
                                         QWidget* parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title);
    resize(820, 520);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 14);
    m_tabs->setDocumentMode(true);
    const QString countedTab = tabText(counted);
    m_counted = listPane(workspace, std::move(counted), m_tabs);
    m_tabs->addTab(m_counted, countedTab);
    if (!population.tabTitle.isEmpty()) {
        const QString populationTab = tabText(population);
        m_population = listPane(workspace, std::move(population), m_tabs);
        m_tabs->addTab(m_population, populationTab);
    }
    m_tabs->setTabBarAutoHide(true); // one list needs no tabs
    layout->addWidget(m_tabs);
}

} // namespace escdesk::ui

#include "pages/EscalationsPage.h"

#include "models/DisplayText.h"
#include "models/TicketTableModel.h"
#include "store/Workspace.h"
#include "widgets/TicketDetailPane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

// Keystrokes closer together than this are one search.
constexpr int searchDelayMs = 250;

void resetChoices(QComboBox* combo, const QString& any) {
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(any, QVariant());
}

} // namespace

EscalationsPage::EscalationsPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_model(new TicketTableModel(this))
    , m_search(new QLineEdit(this))
    , m_priority(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_tier(new QComboBox(this))
    , m_escalatedOnly(new QCheckBox(tr("&Escalated only"), this))
    , m_matches(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(this))
    , m_detail(new TicketDetailPane(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 16);
    layout->setSpacing(12);

    auto* title = new QLabel(tr("Escalations"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    m_search->setPlaceholderText(tr("Search ticket id or subject…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search tickets"));
    m_search->setMinimumWidth(260);
    filters->addWidget(m_search, 2);
    resetChoices(m_priority, tr("All priorities"));
    resetChoices(m_status, tr("All statuses"));
    resetChoices(m_tier, tr("All tiers"));
    m_priority->setAccessibleName(tr("Priority filter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_tier->setAccessibleName(tr("Tier filter"));
    m_escalatedOnly->setAccessibleName(tr("Escalated tickets only"));
    for (QComboBox* combo : {m_priority, m_status, m_tier}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(130);
        filters->addWidget(combo);
    }
    filters->addWidget(m_escalatedOnly);
    filters->addStretch(1);
    m_matches->setObjectName(QStringLiteral("matchCount"));
    m_matches->setAccessibleName(tr("Matching tickets"));
    filters->addWidget(m_matches);
    layout->addLayout(filters);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Tickets"));
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(TicketTableModel::CreatedColumn,
                                                  Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QList<std::pair<int, int>> widths{
        {TicketTableModel::TicketIdColumn, 110},  {TicketTableModel::CreatedColumn, 140},
        {TicketTableModel::PriorityColumn, 86},   {TicketTableModel::StatusColumn, 96},
        {TicketTableModel::TierColumn, 70},       {TicketTableModel::EscalatedColumn, 86},
        {TicketTableModel::AccountColumn, 150},   {TicketTableModel::ProductAreaColumn, 120},
        {TicketTableModel::RootCauseColumn, 140}, {TicketTableModel::AssigneeColumn, 120},
    };
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &EscalationsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &EscalationsPage::applyFilter);
    for (QComboBox* combo : {m_priority, m_status, m_tier}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &EscalationsPage::applyFilter);
    }
    connect(m_escalatedOnly, &QCheckBox::toggled, this, &EscalationsPage::applyFilter);
    connect(m_model, &TicketTableModel::reloaded, this, &EscalationsPage::updateMatchCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EscalationsPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EscalationsPage::selectionChanged);
}

void EscalationsPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_choicesLoaded = false;
    m_stale = true;
    resetChoices(m_priority, tr("All priorities"));
    resetChoices(m_status, tr("All statuses"));
    resetChoices(m_tier, tr("All tiers"));
    if (isVisible()) {
        ensureLoaded();
    }
}

void EscalationsPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    ensureLoaded();
}

void EscalationsPage::ensureLoaded() {
    if (!m_stale) {
        return;
    }
    m_stale = false;
    m_model->setWorkspace(m_workspace);
    // The filter's choices need a pass over all tickets: fetch them once the
    // first rows are on screen.
    QTimer::singleShot(0, this, &EscalationsPage::loadFilterChoices);
}

void EscalationsPage::loadFilterChoices() {
    if (m_choicesLoaded || !m_workspace) {
        return;
    }
    m_choicesLoaded = true;
    const browse::TicketFilterChoices choices = browse::ticketFilterChoices(m_workspace->db());
    const QSignalBlocker blockPriority(m_priority);
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockTier(m_tier);
    for (const QString& priority : choices.priorities) {
        m_priority->addItem(priority, priority);
    }
    for (const QString& status : choices.statuses) {
        m_status->addItem(status, status);
    }
    for (const int tier : choices.tiers) {
        m_tier->addItem(display::tier(tier), tier);
    }
}

void EscalationsPage::applyFilter() {
    m_searchDelay.stop();
    browse::TicketFilter filter;
    filter.text = m_search->text();
    filter.priority = m_priority->currentData().toString();
    filter.status = m_status->currentData().toString();
    if (m_tier->currentData().isValid()) {
        filter.tier = m_tier->currentData().toInt();
    }
    filter.escalatedOnly = m_escalatedOnly->isChecked();
    const std::int64_t selected = m_detail->ticketRow();
    m_model->setFilter(filter);
    // Keep the selected ticket selected when the filter still shows it.
    const int row = selected >= 0 ? m_model->rowOfTicket(selected) : -1;
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    }
}

void EscalationsPage::selectionChanged() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const std::int64_t ticketRow = current.isValid() ? m_model->ticketRowAt(current.row()) : -1;
    if (ticketRow != m_detail->ticketRow()) {
        m_detail->showTicket(m_workspace, ticketRow);
    }
}

void EscalationsPage::updateMatchCount() {
    const int count = m_model->rowCount();
    m_matches->setText(
        tr("%n ticket(s)", nullptr, count).replace(QString::number(count), display::count(count)));
    emit statusMessage(m_matches->text());
}

bool EscalationsPage::selectFirstEscalated(int searchRows) {
    ensureLoaded();
    const int rows = std::min(searchRows, m_model->rowCount());
    for (int row = 0; row < rows; ++row) {
        if (m_model->isEscalatedAt(row)) {
            m_table->selectRow(row);
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
            return true;
        }
    }
    return false;
}

void EscalationsPage::prepareScreenshot() {
    if (!selectFirstEscalated() && m_model->rowCount() > 0) {
        m_table->selectRow(0);
    }
}

void EscalationsPage::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("escalations/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("escalations/columns"),
                      m_table->horizontalHeader()->saveState());
}

void EscalationsPage::restoreSettings(QSettings& settings) {
    m_splitter->restoreState(settings.value(QStringLiteral("escalations/splitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("escalations/columns")).toByteArray());
}

} // namespace escdesk::ui

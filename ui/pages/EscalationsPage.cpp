#include "pages/EscalationsPage.h"

#include "FreedMemory.h"
#include "ShownText.h"
#include "WorkspaceReading.h"
#include "metrics/Period.h"
#include "models/DisplayText.h"
#include "models/TicketTableModel.h"
#include "store/Workspace.h"
#include "widgets/TicketDetailPane.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

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
    , m_created(new QComboBox(this))
    , m_escalatedOnly(new QCheckBox(tr("&Escalated only"), this))
    , m_matches(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(this))
    , m_detail(new TicketDetailPane(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(12);

    auto* title = new QLabel(tr("Escalations"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    m_search->setPlaceholderText(tr("Search ticket id or subject…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search tickets"));
    m_search->setMinimumWidth(220);
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
    filters->addWidget(m_search, 2);
    resetChoices(m_priority, tr("All priorities"));
    resetChoices(m_status, tr("All statuses"));
    resetChoices(m_tier, tr("All tiers"));
    m_priority->setAccessibleName(tr("Priority filter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_tier->setAccessibleName(tr("Tier filter"));
    m_escalatedOnly->setAccessibleName(tr("Escalated tickets only"));
    // Created: the dashboard's periods, cut by core in the reporting zone.
    m_created->setAccessibleName(tr("Created filter"));
    m_created->addItem(tr("Any time"), QVariant());
    m_created->addItem(tr("Last 7 days"), int(metrics::PeriodPreset::Last7Days));
    m_created->addItem(tr("Last 30 days"), int(metrics::PeriodPreset::Last30Days));
    m_created->addItem(tr("Last 90 days"), int(metrics::PeriodPreset::Last90Days));
    m_created->addItem(tr("This month"), int(metrics::PeriodPreset::ThisMonth));
    m_created->addItem(tr("Last month"), int(metrics::PeriodPreset::LastMonth));
    m_created->addItem(tr("This quarter"), int(metrics::PeriodPreset::ThisQuarter));
    for (QComboBox* combo : {m_created, m_priority, m_status, m_tier}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(120);
        filters->addWidget(combo);
    }
    filters->addWidget(m_escalatedOnly);
    filters->addStretch(1);
    m_matches->setObjectName(QStringLiteral("matchCount"));
    m_matches->setAccessibleName(tr("Matching tickets"));
    m_matches->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_matches->setMinimumWidth(
        m_matches->fontMetrics().horizontalAdvance(tr("%1 tickets").arg(display::count(10000000))) +
        8);
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
    // Widths that fit the usual content at the default window size; the
    // last visible column takes the rest.
    const QList<std::pair<int, int>> widths{
        {TicketTableModel::TicketIdColumn, 104},    {TicketTableModel::SubjectColumn, 200},
        {TicketTableModel::CreatedColumn, 128},     {TicketTableModel::PriorityColumn, 74},
        {TicketTableModel::StatusColumn, 74},       {TicketTableModel::TierColumn, 58},
        {TicketTableModel::EscalatedColumn, 92},    {TicketTableModel::AccountColumn, 136},
        {TicketTableModel::ProductAreaColumn, 116}, {TicketTableModel::RootCauseColumn, 136},
        {TicketTableModel::AssigneeColumn, 120},
    };
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    header->setMinimumSectionSize(48);
    m_table->setColumnHidden(TicketTableModel::AssigneeColumn, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &EscalationsPage::showColumnMenu);

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
    for (QComboBox* combo : {m_created, m_priority, m_status, m_tier}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &EscalationsPage::applyFilter);
    }
    connect(m_escalatedOnly, &QCheckBox::toggled, this, &EscalationsPage::applyFilter);
    connect(m_model, &TicketTableModel::reloaded, this, &EscalationsPage::listReloaded);
    connect(m_model, &TicketTableModel::loadingStarted, this,
            [this] { m_matches->setText(tr("Searching…")); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EscalationsPage::selectionChanged);
}

EscalationsPage::~EscalationsPage() {
    if (m_choicesWatcher) {
        m_choicesWatcher->disconnect(this);
        m_choicesWatcher->waitForFinished();
    }
}

void EscalationsPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    // The ticket shown belongs to the previous workspace.
    m_detail->showTicket(nullptr, -1);
    m_choicesLoaded = false;
    ++m_choicesGeneration;
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
}

void EscalationsPage::loadFilterChoices() {
    if (m_choicesLoaded || !m_workspace) {
        return;
    }
    m_choicesLoaded = true;
    // A pass over every ticket: on a worker thread with its own connection.
    auto* watcher = new QFutureWatcher<browse::TicketFilterChoices>(this);
    const quint64 generation = m_choicesGeneration;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        releaseFreedMemory(); // what the worker freed
        if (generation == m_choicesGeneration) {
            showFilterChoices(watcher->result());
        }
    });
    m_choicesWatcher = watcher;
    watcher->setFuture(QtConcurrent::run([path = m_workspace->path()] {
        try {
            store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
            readWithoutFileMap(workspace.db());
            return browse::ticketFilterChoices(workspace.db());
        } catch (const store::StoreError&) {
            return browse::TicketFilterChoices{}; // the filters keep their "All" entries
        }
    }));
}

void EscalationsPage::showFilterChoices(const browse::TicketFilterChoices& choices) {
    const QSignalBlocker blockPriority(m_priority);
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockTier(m_tier);
    for (const QString& priority : choices.priorities) {
        m_priority->addItem(shown::text(priority), priority);
    }
    for (const QString& status : choices.statuses) {
        m_status->addItem(shown::text(status), status);
    }
    for (const int tier : choices.tiers) {
        m_tier->addItem(display::tier(tier), tier);
    }
}

void EscalationsPage::openTicket(std::int64_t ticketRow, const QString& ticketId) {
    ensureLoaded();
    // The detail first: the reloaded list then keeps it selected.
    m_detail->showTicket(m_workspace, ticketRow);
    for (QComboBox* choice : {m_priority, m_status, m_tier, m_created}) {
        const QSignalBlocker blocker(choice);
        choice->setCurrentIndex(0);
    }
    {
        const QSignalBlocker blocker(m_escalatedOnly);
        m_escalatedOnly->setChecked(false);
    }
    {
        const QSignalBlocker blocker(m_search);
        m_search->setText(ticketId);
    }
    applyFilter();
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
    if (m_created->currentData().isValid() && m_workspace) {
        const QTimeZone zone = m_workspace->reportingTimeZone();
        const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
        const auto preset = static_cast<metrics::PeriodPreset>(m_created->currentData().toInt());
        const Window window = metrics::windowOf(metrics::periodDates(preset, today), zone);
        filter.createdFrom = window.from;
        filter.createdBefore = window.to;
    }
    m_model->setFilter(filter);
}

void EscalationsPage::listReloaded() {
    // Keep the shown ticket selected when the new list still has it.
    const std::int64_t shown = m_detail->ticketRow();
    const int row = shown >= 0 ? m_model->rowOfTicket(shown) : -1;
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
    } else {
        m_detail->showTicket(m_workspace, -1);
    }
    if (!m_workspace) {
        m_detail->setEmptyText(tr("No workspace is open. Use File › Open Workspace."));
    } else if (m_model->rowCount() > 0) {
        m_detail->setEmptyText(tr("Select a ticket to see its details and event timeline."));
    } else if (m_model->filter() == browse::TicketFilter{}) {
        m_detail->setEmptyText(tr("This workspace has no tickets yet."));
    } else {
        m_detail->setEmptyText(tr("No tickets match these filters."));
    }
    updateMatchCount();
    // The filter's choices need a pass over all tickets: fetch them once the
    // first list is in, so they do not slow it down.
    loadFilterChoices();
}

void EscalationsPage::showColumnMenu(const QPoint& position) {
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    QHeaderView* header = m_table->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction* action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The ticket id always stays: without it a row means nothing.
        action->setEnabled(column != TicketTableModel::TicketIdColumn);
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { m_table->setColumnHidden(column, !shown); });
    }
    menu.exec(header->mapToGlobal(position));
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
    if (!m_model->lastError().isEmpty()) {
        m_matches->setText(tr("Could not read the tickets"));
        m_matches->setToolTip(shown::toolTip(m_model->lastError()));
    } else {
        m_matches->setText(count == 1 ? tr("1 ticket")
                                      : tr("%1 tickets").arg(display::count(count)));
        m_matches->setToolTip(QString());
    }
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

bool EscalationsPage::isBusy() const {
    return m_model->isLoading() || (m_choicesWatcher && !m_choicesWatcher->isFinished());
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
    settings.setValue(QStringLiteral("escalations/columnCount"), m_model->columnCount());
}

void EscalationsPage::restoreSettings(QSettings& settings) {
    m_splitter->restoreState(settings.value(QStringLiteral("escalations/splitter")).toByteArray());
    // A layout saved by a version with other columns would scramble these.
    if (settings.value(QStringLiteral("escalations/columnCount")).toInt() ==
        m_model->columnCount()) {
        m_table->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("escalations/columns")).toByteArray());
    }
}

} // namespace escdesk::ui

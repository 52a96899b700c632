#include "models/TicketTableModel.h"

#include "FreedMemory.h"
#include "ShownText.h"
#include "WorkspaceReading.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <algorithm>

namespace escdesk::ui {

namespace {

struct IdQueryResult {
    std::vector<std::int64_t> ids;
    QString error;
};

// Runs on a worker thread: SQLite connections are not shared across
// threads, so the worker opens its own, read-only.
IdQueryResult queryIds(const QString& path, const browse::TicketFilter& filter,
                       const browse::TicketSort& sort,
                       const std::shared_ptr<std::atomic<bool>>& cancelled) {
    try {
        store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
        readWithoutFileMap(workspace.db());
        return {browse::ticketRowIds(workspace.db(), filter, sort, cancelled.get()), {}};
    } catch (const store::StoreError& error) {
        return {{}, error.message()};
    }
}

} // namespace

TicketTableModel::TicketTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

TicketTableModel::~TicketTableModel() {
    if (m_cancel) {
        m_cancel->store(true);
    }
    // A running query must not report to a model that is gone.
    for (auto* watcher : findChildren<QFutureWatcher<IdQueryResult>*>()) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

void TicketTableModel::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_zone = workspace ? workspace->reportingTimeZone() : QTimeZone::systemTimeZone();
    // Drop the rows of the previous workspace at once.
    ++m_generation;
    applyIds({}, {});
    reload();
}

void TicketTableModel::setFilter(const browse::TicketFilter& filter) {
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload();
}

void TicketTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    const browse::TicketSort sort{coreColumn(column), order == Qt::DescendingOrder};
    if (sort == m_sort) {
        return;
    }
    m_sort = sort;
    reload();
}

browse::TicketColumn TicketTableModel::coreColumn(int column) {
    using browse::TicketColumn;
    switch (column) {
    case TicketIdColumn:
        return TicketColumn::TicketId;
    case CreatedColumn:
        return TicketColumn::Created;
    case PriorityColumn:
        return TicketColumn::Priority;
    case StatusColumn:
        return TicketColumn::Status;
    case TierColumn:
        return TicketColumn::Tier;
    case EscalatedColumn:
        return TicketColumn::Escalated;
    case AccountColumn:
        return TicketColumn::Account;
    case ProductAreaColumn:
        return TicketColumn::ProductArea;
    case RootCauseColumn:
        return TicketColumn::RootCause;
    case AssigneeColumn:
        return TicketColumn::Assignee;
    default:
        return TicketColumn::Subject;
    }
}

void TicketTableModel::reload() {
    const quint64 generation = ++m_generation;
    // A query still running for an older filter or sort is of no use now.
    if (m_cancel) {
        m_cancel->store(true);
        m_cancel.reset();
    }
    if (!m_workspace) {
        applyIds({}, {});
        return;
    }
    if (!m_asynchronous) {
        try {
            applyIds(browse::ticketRowIds(m_workspace->db(), m_filter, m_sort), {});
        } catch (const store::StoreError& error) {
            applyIds({}, error.message());
        }
        return;
    }
    m_loading = true;
    emit loadingStarted();
    auto* watcher = new QFutureWatcher<IdQueryResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        releaseFreedMemory(); // what the worker freed
        // Only the latest query counts: the user may have typed on.
        if (generation == m_generation) {
            IdQueryResult result = watcher->result();
            applyIds(std::move(result.ids), result.error);
        }
    });
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    watcher->setFuture(
        QtConcurrent::run(queryIds, m_workspace->path(), m_filter, m_sort, m_cancel));
}

void TicketTableModel::applyIds(std::vector<std::int64_t> ids, const QString& error) {
    // Rows are removed and inserted rather than the model reset: a reset
    // makes the header forget its column widths, hidden columns and order.
    m_pages.clear();
    if (!m_ids.empty()) {
        beginRemoveRows({}, 0, rowCount() - 1);
        m_ids.clear();
        endRemoveRows();
    }
    if (!ids.empty()) {
        beginInsertRows({}, 0, static_cast<int>(ids.size()) - 1);
        m_ids = std::move(ids);
        endInsertRows();
    }
    m_lastError = error;
    m_loading = false;
    emit reloaded();
}

int TicketTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int TicketTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

std::int64_t TicketTableModel::ticketRowAt(int row) const {
    if (row < 0 || row >= rowCount()) {
        return -1;
    }
    return m_ids[static_cast<std::size_t>(row)];
}

int TicketTableModel::rowOfTicket(std::int64_t ticketRow) const {
    const auto found = std::find(m_ids.begin(), m_ids.end(), ticketRow);
    return found == m_ids.end() ? -1 : static_cast<int>(found - m_ids.begin());
}

bool TicketTableModel::isEscalatedAt(int row) const {
    const browse::TicketListRow* ticket = rowAt(row);
    return ticket && ticket->escalated;
}

const TicketTableModel::Page& TicketTableModel::page(int index) const {
    ++m_clock;
    for (Page& cached : m_pages) {
        if (cached.index == index) {
            cached.lastUse = m_clock;
            return cached;
        }
    }
    if (m_pages.size() >= cachedPages) {
        const auto oldest =
            std::min_element(m_pages.begin(), m_pages.end(),
                             [](const Page& a, const Page& b) { return a.lastUse < b.lastUse; });
        m_pages.erase(oldest);
    }
    const std::size_t first = static_cast<std::size_t>(index) * pageSize;
    const std::size_t count = std::min<std::size_t>(pageSize, m_ids.size() - first);
    Page loaded;
    loaded.index = index;
    loaded.lastUse = m_clock;
    loaded.rows = browse::ticketListRows(m_workspace->db(),
                                         std::span<const std::int64_t>(&m_ids[first], count));
    m_pages.push_back(std::move(loaded));
    return m_pages.back();
}

const browse::TicketListRow* TicketTableModel::rowAt(int row) const {
    if (!m_workspace || row < 0 || row >= rowCount()) {
        return nullptr;
    }
    const Page& cached = page(row / pageSize);
    const std::size_t offset = static_cast<std::size_t>(row % pageSize);
    // A ticket deleted since the id list was read leaves its page short.
    if (offset >= cached.rows.size() ||
        cached.rows[offset].row != m_ids[static_cast<std::size_t>(row)]) {
        return nullptr;
    }
    return &cached.rows[offset];
}

QVariant TicketTableModel::displayText(const browse::TicketListRow& row, int column) const {
    switch (column) {
    case TicketIdColumn:
        return shown::text(row.ticketId);
    case CreatedColumn:
        return display::dateTime(row.createdAt, m_zone);
    case PriorityColumn:
        return shown::text(row.priority);
    case StatusColumn:
        return shown::text(row.status);
    case TierColumn:
        return display::tier(row.tier);
    case EscalatedColumn:
        return row.escalated ? tr("Yes") : QString();
    case AccountColumn:
        return shown::text(row.accountName.isEmpty() ? row.accountId : row.accountName);
    case ProductAreaColumn:
        return shown::text(row.productArea);
    case RootCauseColumn:
        return shown::text(row.rootCause);
    case AssigneeColumn:
        return shown::text(row.assignee);
    case SubjectColumn:
        return shown::text(row.subject);
    default:
        return {};
    }
}

QVariant TicketTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    if (role == TicketRowRole) {
        return QVariant::fromValue(ticketRowAt(index.row()));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != Qt::FontRole && role != Qt::TextAlignmentRole) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        const bool centred = index.column() == TierColumn || index.column() == EscalatedColumn;
        return QVariant::fromValue(Qt::AlignVCenter | (centred ? Qt::AlignHCenter : Qt::AlignLeft));
    }
    const browse::TicketListRow* row = rowAt(index.row());
    if (!row) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*row, index.column());
    case Qt::ToolTipRole:
        return index.column() == SubjectColumn ? QVariant(shown::toolTip(row->subject))
                                               : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == PriorityColumn) {
            const QColor colour = display::priorityColour(row->priority);
            return colour.isValid() ? QVariant(QBrush(colour)) : QVariant();
        }
        if (index.column() == EscalatedColumn && row->escalated) {
            return QBrush(display::escalatedColour());
        }
        return {};
    case Qt::FontRole:
        if (index.column() == TicketIdColumn ||
            (index.column() == EscalatedColumn && row->escalated)) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant TicketTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        const bool centred = section == TierColumn || section == EscalatedColumn;
        return QVariant::fromValue(Qt::AlignVCenter | (centred ? Qt::AlignHCenter : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TicketIdColumn:
        return tr("Ticket");
    case CreatedColumn:
        return tr("Created");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case TierColumn:
        return tr("Tier");
    case EscalatedColumn:
        return tr("Escalated");
    case AccountColumn:
        return tr("Account");
    case ProductAreaColumn:
        return tr("Product area");
    case RootCauseColumn:
        return tr("Root cause");
    case AssigneeColumn:
        return tr("Assignee");
    case SubjectColumn:
        return tr("Subject");
    default:
        return {};
    }
}

} // namespace escdesk::ui

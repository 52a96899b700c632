#include "models/TicketListModel.h"

#include "ShownText.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

namespace escdesk::ui {

namespace {

// Pages kept in memory; the list is read from the top, so older pages go.
constexpr std::size_t cachedPages = 16;

} // namespace

TicketListModel::TicketListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void TicketListModel::setTickets(store::Workspace* workspace,
                                 std::vector<std::int64_t> ticketRows) {
    beginResetModel();
    m_workspace = workspace;
    m_zone = workspace ? workspace->reportingTimeZone() : QTimeZone::utc();
    m_rows = workspace ? std::move(ticketRows) : std::vector<std::int64_t>{};
    m_pages.clear();
    m_valueTitle.clear();
    m_values.clear();
    endResetModel();
}

int TicketListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TicketListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const browse::TicketListRow* TicketListModel::rowAt(int row) const {
    if (!m_workspace || row < 0 || row >= rowCount()) {
        return nullptr;
    }
    const int page = row / pageSize;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        if (m_pages.size() >= cachedPages) {
            m_pages.erase(m_pages.begin());
        }
        const std::size_t first = static_cast<std::size_t>(page) * pageSize;
        const std::size_t count = std::min<std::size_t>(pageSize, m_rows.size() - first);
        std::vector<browse::TicketListRow> rows =
            browse::ticketListRows(m_workspace->db(), std::span(m_rows).subspan(first, count));
        // Keep positions aligned even if a ticket vanished meanwhile.
        std::vector<browse::TicketListRow> aligned(count);
        std::size_t next = 0;
        for (std::size_t i = 0; i < count && next < rows.size(); ++i) {
            if (rows[next].row == m_rows[first + i]) {
                aligned[i] = std::move(rows[next++]);
            } else {
                aligned[i].row = m_rows[first + i];
            }
        }
        found = m_pages.emplace(page, std::move(aligned)).first;
    }
    return &found->second[static_cast<std::size_t>(row % pageSize)];
}

void TicketListModel::setValues(const QString& title, QStringList values) {
    m_valueTitle = title;
    m_values = std::move(values);
    emit headerDataChanged(Qt::Horizontal, ValueColumn, ValueColumn);
    if (!m_rows.empty()) {
        emit dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
    }
}

QString TicketListModel::ticketIdAt(int row) const {
    const browse::TicketListRow* r = rowAt(row);
    return r ? r->ticketId : QString();
}

QVariant TicketListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    if (role == TicketRowRole) {
        return QVariant::fromValue(m_rows[static_cast<std::size_t>(index.row())]);
    }
    if (role == Qt::TextAlignmentRole) {
        const bool centred = index.column() == TierColumn || index.column() == EscalatedColumn;
        const Qt::Alignment horizontal = index.column() == ValueColumn ? Qt::AlignRight
                                         : centred                     ? Qt::AlignHCenter
                                                                       : Qt::AlignLeft;
        return QVariant::fromValue(Qt::AlignVCenter | horizontal);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != Qt::FontRole) {
        return {};
    }
    const browse::TicketListRow* row = rowAt(index.row());
    if (!row) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        return index.column() == SubjectColumn ? QVariant(shown::toolTip(row->subject))
                                               : QVariant();
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == PriorityColumn) {
            const QColor colour = display::priorityColour(row->priority);
            return colour.isValid() ? QVariant(QBrush(colour)) : QVariant();
        }
        if (index.column() == EscalatedColumn && row->escalated) {
            return QBrush(display::escalatedColour());
        }
        return {};
    }
    if (role == Qt::FontRole) {
        if (index.column() == TicketIdColumn) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    }
    switch (index.column()) {
    case TicketIdColumn:
        return shown::text(row->ticketId);
    case CreatedColumn:
        return display::dateTime(row->createdAt, m_zone);
    case PriorityColumn:
        return shown::text(row->priority);
    case TierColumn:
        return display::tier(row->tier);
    case EscalatedColumn:
        return row->escalated ? tr("Yes") : QString();
    case AccountColumn:
        return shown::text(row->accountName.isEmpty() ? row->accountId : row->accountName);
    case ValueColumn:
        return index.row() < m_values.size() ? m_values[index.row()] : QString();
    case SubjectColumn:
        return shown::text(row->subject);
    default:
        return {};
    }
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TicketIdColumn:
        return tr("Ticket");
    case CreatedColumn:
        return tr("Created");
    case PriorityColumn:
        return tr("Priority");
    case TierColumn:
        return tr("Tier");
    case EscalatedColumn:
        return tr("Escalated");
    case AccountColumn:
        return tr("Account");
    case ValueColumn:
        return m_valueTitle;
    case SubjectColumn:
        return tr("Subject");
    default:
        return {};
    }
}

} // namespace escdesk::ui

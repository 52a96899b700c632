#pragma once

// The tickets behind a figure (a root cause, a cluster, a segment): a fixed
// list of ticket rows that core's drill-down gave, shown a page at a time —
// rows are fetched from the store by primary key as the view asks for them,
// so a segment of a hundred thousand tickets lists at once.

#include "browse/TicketQuery.h"

#include <QAbstractTableModel>
#include <QTimeZone>

#include <map>
#include <vector>

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class TicketListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TicketIdColumn,
        CreatedColumn,
        PriorityColumn,
        TierColumn,
        EscalatedColumn,
        AccountColumn,
        ValueColumn, // the figure's value per ticket, when given (setValues)
        SubjectColumn,
        ColumnCount
    };
    enum Role { TicketRowRole = Qt::UserRole + 1 };
    static constexpr int pageSize = 200;

    explicit TicketListModel(QObject* parent = nullptr);

    // Lists `ticketRows` of `workspace` in that order (none for a null
    // workspace).
    void setTickets(store::Workspace* workspace, std::vector<std::int64_t> ticketRows);
    const std::vector<std::int64_t>& ticketRows() const { return m_rows; }
    // Texts of the value column, one per listed ticket in list order, under
    // `title` (e.g. each ticket's time to escalate); kept until the next
    // setTickets().
    void setValues(const QString& title, QStringList values);
    bool hasValues() const { return !m_values.isEmpty(); }
    // The helpdesk ticket id at `row` (loads its page if needed).
    QString ticketIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const browse::TicketListRow* rowAt(int row) const;

    store::Workspace* m_workspace = nullptr;
    QTimeZone m_zone;
    std::vector<std::int64_t> m_rows;
    QString m_valueTitle;
    QStringList m_values;
    mutable std::map<int, std::vector<browse::TicketListRow>> m_pages;
};

} // namespace escdesk::ui

#pragma once

// The Escalations table over every ticket of a workspace. Core gives the
// ordered id list of the current filter and sort; the rows themselves are
// fetched from core in pages of `pageSize` as the view asks for them and kept
// in a small least-recently-used cache, so a million-ticket workspace opens
// at once and only the rows on screen are ever in memory.

#include "browse/TicketQuery.h"

#include <QAbstractTableModel>
#include <QTimeZone>

#include <vector>

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class TicketTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TicketIdColumn,
        CreatedColumn,
        PriorityColumn,
        StatusColumn,
        TierColumn,
        EscalatedColumn,
        AccountColumn,
        ProductAreaColumn,
        RootCauseColumn,
        AssigneeColumn,
        SubjectColumn,
        ColumnCount
    };
    enum Role { TicketRowRole = Qt::UserRole + 1 };

    static constexpr int pageSize = 256;
    static constexpr int cachedPages = 12;

    explicit TicketTableModel(QObject* parent = nullptr);

    // Shows the tickets of `workspace` (none when null); times are shown in
    // its reporting time zone.
    void setWorkspace(store::Workspace* workspace);
    void setFilter(const browse::TicketFilter& filter);
    const browse::TicketFilter& filter() const { return m_filter; }
    browse::TicketSort sortOrder() const { return m_sort; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The ticket row id (tickets.id) shown at `row`, or -1.
    std::int64_t ticketRowAt(int row) const;
    // The table row showing the ticket, or -1 when the filter hides it.
    int rowOfTicket(std::int64_t ticketRow) const;
    // Whether the ticket at `row` is escalated (loads its page if needed).
    bool isEscalatedAt(int row) const;
    // How many pages are in memory now (never more than cachedPages).
    int loadedPageCount() const { return static_cast<int>(m_pages.size()); }

    static browse::TicketColumn coreColumn(int column);

signals:
    // The id list was queried again (new workspace, filter or sort).
    void reloaded();

private:
    struct Page {
        int index = 0;
        std::vector<browse::TicketListRow> rows;
        quint64 lastUse = 0;
    };

    void reload();
    const browse::TicketListRow* rowAt(int row) const;
    const Page& page(int index) const;
    QVariant displayText(const browse::TicketListRow& row, int column) const;

    store::Workspace* m_workspace = nullptr;
    QTimeZone m_zone;
    browse::TicketFilter m_filter;
    browse::TicketSort m_sort;
    std::vector<std::int64_t> m_ids;
    mutable std::vector<Page> m_pages;
    mutable quint64 m_clock = 0;
};

} // namespace escdesk::ui

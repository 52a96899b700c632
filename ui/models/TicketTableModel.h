#pragma once

// The Escalations table over every ticket of a workspace. Core gives the
// ordered id list of the current filter and sort — queried on a worker
// thread with its own connection, so sorting a million tickets by subject
// never freezes the window; the rows themselves are fetched from core in
// pages of `pageSize` as the view asks for them (a primary-key lookup, well
// under a millisecond) and kept in a small least-recently-used cache, so a
// million-ticket workspace opens at once and only the rows on screen are
// ever in memory.

#include "browse/TicketQuery.h"

#include <QAbstractTableModel>
#include <QTimeZone>

#include <atomic>
#include <memory>
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
        SubjectColumn,
        CreatedColumn,
        PriorityColumn,
        StatusColumn,
        TierColumn,
        EscalatedColumn,
        AccountColumn,
        ProductAreaColumn,
        RootCauseColumn,
        AssigneeColumn,
        ColumnCount
    };
    enum Role { TicketRowRole = Qt::UserRole + 1 };

    static constexpr int pageSize = 256;
    static constexpr int cachedPages = 12;

    explicit TicketTableModel(QObject* parent = nullptr);
    ~TicketTableModel() override;

    // Whether id lists are queried on a worker thread (the default). Tests
    // may switch it off to get results at once.
    void setAsynchronous(bool asynchronous) { m_asynchronous = asynchronous; }
    // Whether an id list query is running; reloaded() follows when it ends.
    bool isLoading() const { return m_loading; }
    // The message of the last failed query, empty when it succeeded.
    const QString& lastError() const { return m_lastError; }

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
    // An id list query started (the old rows stay until it ends).
    void loadingStarted();
    // The id list was queried again (new workspace, filter or sort).
    void reloaded();

private:
    struct Page {
        int index = 0;
        std::vector<browse::TicketListRow> rows;
        quint64 lastUse = 0;
    };

    void reload();
    void applyIds(std::vector<std::int64_t> ids, const QString& error);
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
    bool m_asynchronous = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_lastError;
    std::shared_ptr<std::atomic<bool>> m_cancel; // of the running query
};

} // namespace escdesk::ui

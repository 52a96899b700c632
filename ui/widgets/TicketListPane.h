#pragma once

// The drill-down beside an analysis: "Tickets behind <figure>" with the list
// core's drill-down gave. Double-clicking a ticket (or Enter) opens its
// details and event timeline.

#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QTableView;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class TicketListModel;

class TicketListPane : public QWidget {
    Q_OBJECT
public:
    explicit TicketListPane(QWidget* parent = nullptr);

    // Lists the tickets under a heading; `heading` empty shows `emptyText`.
    void showTickets(store::Workspace* workspace, const QString& heading,
                     std::vector<std::int64_t> ticketRows);
    void clear(const QString& emptyText);
    // A widget placed at the right of the heading (e.g. a filter).
    void addHeaderWidget(QWidget* widget);
    // Whether the Escalated column shows (hidden by default: most lists
    // hold escalated tickets only).
    void setEscalatedColumnVisible(bool visible);
    // Shows a column of the listed tickets' values (one text per ticket, in
    // list order) under `title`, until the next showTickets().
    void showValues(const QString& title, QStringList values);

    TicketListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString headingText() const;

private:
    void openTicket(const QModelIndex& index);

    store::Workspace* m_workspace = nullptr;
    QLabel* m_heading;
    QLabel* m_count;
    TicketListModel* m_model;
    QTableView* m_table;
    QLabel* m_empty;
};

} // namespace escdesk::ui

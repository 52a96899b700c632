#pragma once

// The selected ticket: its fields and its escalation event timeline, times
// in the workspace's reporting zone.

#include <QWidget>

#include <cstdint>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class TicketDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit TicketDetailPane(QWidget* parent = nullptr);

    // Shows the ticket with row id `ticketRow` of `workspace`; a null
    // workspace or a negative row shows the empty state.
    void showTicket(store::Workspace* workspace, std::int64_t ticketRow);

    std::int64_t ticketRow() const { return m_ticketRow; }
    // What the pane says when no ticket is shown.
    void setEmptyText(const QString& text);
    int timelineEventCount() const;

private:
    QLabel* addField(const QString& label, int row, int column);

    std::int64_t m_ticketRow = -1;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QLabel* m_heading;
    QLabel* m_subject;
    QLabel* m_created;
    QLabel* m_status;
    QLabel* m_priority;
    QLabel* m_tier;
    QLabel* m_escalated;
    QLabel* m_account;
    QLabel* m_productArea;
    QLabel* m_rootCause;
    QLabel* m_channel;
    QLabel* m_assignee;
    QLabel* m_firstResponse;
    QLabel* m_resolved;
    QTreeWidget* m_timeline;
    QLabel* m_noEvents;
    QWidget* m_fields;
};

} // namespace escdesk::ui

#pragma once

// The selected ticket: its fields, its escalation event timeline, and for an
// escalated ticket the pre-escalation checklist of its latest transition —
// items ticked with who and when, and whether the ticket is ready for the
// next tier ("not ready for engineering" while required items are open).
// Times in the workspace's reporting zone. An "Early warning" tab shows the
// ticket's escalation risk, sentiment and similar resolved cases.

#include <QWidget>

#include "domain/TicketEvent.h"

#include <cstdint>
#include <vector>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class TicketRiskPanel;

class TicketDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit TicketDetailPane(QWidget* parent = nullptr);

    // Shows the ticket with row id `ticketRow` of `workspace`; a null
    // workspace or a negative row shows the empty state.
    void showTicket(store::Workspace* workspace, std::int64_t ticketRow);

    std::int64_t ticketRow() const { return m_ticketRow; }
    // Shows the same ticket again (e.g. after the matrix changed).
    void refresh();
    // What the pane says when no ticket is shown.
    void setEmptyText(const QString& text);
    int timelineEventCount() const;

    // The checklist of the shown ticket's transition (hidden when the
    // ticket is not escalated or the matrix has no checklist for it).
    bool checklistShown() const;
    void showChecklistTab();
    QTreeWidget* checklist() const { return m_checklist; }
    QLabel* readiness() const { return m_readiness; }
    TicketRiskPanel* riskPanel() const { return m_riskPanel; }
    void showRiskTab();

private:
    QLabel* addField(const QString& label, int row, int column);
    void showChecklist(const std::vector<TicketEvent>& events);
    void hideChecklist();
    void checklistItemChanged(QTreeWidgetItem* item, int column);

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
    store::Workspace* m_workspace = nullptr;
    QWidget* m_checklistBox;
    QLabel* m_checklistTitle;
    QLabel* m_readiness;
    QTreeWidget* m_checklist;
    QTabWidget* m_tabs;
    TicketRiskPanel* m_riskPanel;
    QLabel* m_readinessName = nullptr;
    int m_fromTier = 0;
    int m_toTier = 0;
};

} // namespace escdesk::ui

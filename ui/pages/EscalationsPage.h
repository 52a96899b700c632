#pragma once

// Escalations: every ticket of the workspace in a sortable, filterable table
// with the selected ticket's details and event timeline below it.

#include "pages/WorkspacePage.h"

#include "browse/TicketQuery.h"

#include <QFutureWatcherBase>
#include <QPointer>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;

namespace escdesk::ui {

class TicketDetailPane;
class TicketTableModel;

class EscalationsPage : public WorkspacePage {
    Q_OBJECT
public:
    explicit EscalationsPage(QWidget* parent = nullptr);
    ~EscalationsPage() override;

    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("escalations"); }
    void prepareScreenshot() override;
    bool isBusy() const override;
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    TicketTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    TicketDetailPane* detail() const { return m_detail; }
    // Loads the ticket list now if the page has not done so yet.
    void ensureLoaded();
    // Selects the first escalated ticket among the first rows; false if none.
    bool selectFirstEscalated(int searchRows = 5000);
    // Shows the ticket (row id, helpdesk id): the filters are cleared and
    // the search set to its id, so the table lists it and the detail shows it.
    void openTicket(std::int64_t ticketRow, const QString& ticketId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void applyFilter();
    void loadFilterChoices();
    void showFilterChoices(const browse::TicketFilterChoices& choices);
    void listReloaded();
    void showColumnMenu(const QPoint& position);
    void selectionChanged();
    void updateMatchCount();

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    bool m_choicesLoaded = false;
    quint64 m_choicesGeneration = 0;
    TicketTableModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_priority;
    QComboBox* m_status;
    QComboBox* m_tier;
    QComboBox* m_created;
    QCheckBox* m_escalatedOnly;
    QLabel* m_matches;
    QSplitter* m_splitter;
    QTableView* m_table;
    TicketDetailPane* m_detail;
    QTimer m_searchDelay;
    QPointer<QFutureWatcherBase> m_choicesWatcher;
};

} // namespace escdesk::ui

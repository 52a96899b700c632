#pragma once

// The "Early warning" tab of the ticket detail: the ticket's escalation risk
// with the features behind it, the sentiment of its text with the words that
// drove it, and what to check before a Tier 3 escalation — the matching
// known issue with its workaround and the most similar resolved escalations
// with their resolution notes. Computed by core on a worker thread.

#include "pages/BackgroundJob.h"
#include "risk/TicketRisk.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTreeWidget;

namespace escdesk::ui {

struct TicketRiskResult {
    std::optional<risk::TicketRisk> risk;
    QString error;
};

class TicketRiskPanel : public QWidget {
    Q_OBJECT
public:
    explicit TicketRiskPanel(QWidget* parent = nullptr);
    ~TicketRiskPanel() override;

    void setAsynchronous(bool asynchronous) { m_job.setAsynchronous(asynchronous); }
    // Assesses the ticket of `workspace` with this helpdesk id (empty: clear).
    void showTicket(store::Workspace* workspace, const QString& ticketId);
    bool isBusy() const { return m_job.isRunning(); }

    QLabel* headline() const { return m_headline; }
    QLabel* sentiment() const { return m_sentiment; }
    QTreeWidget* contributions() const { return m_contributions; }
    QTreeWidget* similarCases() const { return m_similar; }

signals:
    // The risk score is known (for the tab's title), or −1 when cleared.
    void scoreShown(int score);

private:
    void showResult(TicketRiskResult result);

    BackgroundJob m_job;
    QLabel* m_headline;
    QLabel* m_band;
    QTreeWidget* m_contributions;
    QLabel* m_sentiment;
    QLabel* m_drivers;
    QLabel* m_knownIssue;
    QTreeWidget* m_similar;
    QLabel* m_noSimilar;
};

} // namespace escdesk::ui

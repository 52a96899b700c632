#pragma once

// At risk: the early-warning queue (issue #7) — open tickets not yet
// escalated, ranked by their chance of escalating, with the reasons each
// needs attention (the risk model, SLA clocks at 90% or more, an account
// filing far above its baseline), how well the model did on the latest
// months it did not learn from, and the selected ticket's detail with its
// early-warning tab.

#include "pages/BackgroundJob.h"
#include "pages/WorkspacePage.h"
#include "risk/AtRiskQueue.h"

#include <optional>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace escdesk::ui {

class KpiCard;
class TicketDetailPane;

struct AtRiskFigures {
    risk::AtRiskQueue queue;
    // The queue is taken where the workspace's data ends, not now: its data
    // is older than metrics::staleDataDays.
    bool asOfFollowsData = false;
    std::optional<double> heldOutAuc;
    std::optional<double> heldOutBaseRate;
    QString heldOutMonths;   // "Oct–Nov 2026"
    QString heldOutInterval; // " (95 % CI 0.71–0.77)", or empty
    QString error;
};

class AtRiskPage : public WorkspacePage {
    Q_OBJECT
public:
    enum Column {
        RiskColumn,
        TicketColumn,
        PriorityColumn,
        AccountColumn,
        SubjectColumn,
        SlaColumn,
        ReasonsColumn,
        ColumnCount
    };

    explicit AtRiskPage(QWidget* parent = nullptr);
    ~AtRiskPage() override;

    void setAsynchronous(bool asynchronous) { m_job.setAsynchronous(asynchronous); }
    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("at-risk"); }
    void prepareScreenshot() override;
    // Busy while the queue or the selected ticket's early-warning tab loads.
    bool isBusy() const override;
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    const AtRiskFigures& figures() const { return m_figures; }
    QTableWidget* table() const { return m_table; }
    TicketDetailPane* detail() const { return m_detail; }
    QCheckBox* everyOpenTicket() const { return m_everyOpen; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void showFigures(AtRiskFigures figures);
    void showSelectedTicket();

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    BackgroundJob m_job;
    AtRiskFigures m_figures;
    QLabel* m_subtitle;
    QCheckBox* m_everyOpen;
    QWidget* m_content;
    KpiCard* m_flagged;
    KpiCard* m_review;
    KpiCard* m_sla;
    KpiCard* m_surges;
    QTableWidget* m_table;
    TicketDetailPane* m_detail;
    QLabel* m_footnote;
};

} // namespace escdesk::ui

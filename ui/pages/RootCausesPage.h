#pragma once

// Root causes: the escalations of a period ranked by root cause (SPEC §8)
// with a bar chart, the problem clusters found in their text, and the
// tickets behind a selected root cause or cluster.

#include "analysis/EngineeringLedger.h"
#include "analysis/ProblemClusters.h"
#include "analysis/RootCauseCosts.h"
#include "analysis/RootCauses.h"
#include "metrics/DataEnd.h"
#include "metrics/Period.h"
#include "pages/BackgroundJob.h"
#include "pages/WorkspacePage.h"

#include <map>

class QLabel;
class QTableWidget;

namespace escdesk::ui {

class AnalysisChart;
class PeriodPicker;
class TicketListPane;

struct RootCauseFigures {
    metrics::DateRange dates;
    metrics::ChosenPeriod period; // how the dates were chosen (following the data?)
    analysis::RootCauseAnalysis rootCauses;
    analysis::ClusterAnalysis clusters;
    QStringList clusterSentences; // one per cluster
    std::map<QString, std::vector<std::int64_t>> rootCauseTickets;
    std::vector<std::vector<std::int64_t>> clusterTickets; // one per cluster
    // The period's engineering-time ledger and the cost per root cause (#21).
    analysis::EngineeringLedger ledger;
    analysis::RootCauseCosts costs;
    QString error;
};

class RootCausesPage : public WorkspacePage {
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        RootCauseColumn,
        CountColumn,
        ShareColumn,
        ChangeColumn,
        ResolutionColumn,
        ProductAreaColumn,
        KnownIssuesColumn,
        ImpactColumn,
        ColumnCount
    };
    enum ClusterColumn {
        ClusterSizeColumn,
        ClusterTermsColumn,
        ClusterIssueColumn,
        ClusterDuplicatesColumn,
        ClusterAccountsColumn,
        ClusterImpactColumn,
        ClusterColumnCount
    };

    explicit RootCausesPage(QWidget* parent = nullptr);
    ~RootCausesPage() override;

    void setAsynchronous(bool asynchronous) { m_job.setAsynchronous(asynchronous); }
    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("root-causes"); }
    void prepareScreenshot() override;
    bool isBusy() const override { return m_job.isRunning(); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    PeriodPicker* periodPicker() const { return m_period; }
    const RootCauseFigures& figures() const { return m_figures; }
    QTableWidget* table() const { return m_table; }
    QTableWidget* clusterTable() const { return m_clusters; }
    AnalysisChart* chart() const { return m_chart; }
    TicketListPane* tickets() const { return m_tickets; }
    QString selectedDetailText() const;
    QString clusterSentenceText() const;
    // The engineering-time section's text.
    QString engineeringText() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void showFigures(RootCauseFigures figures);
    void showTable();
    void showChart();
    void showClusters();
    void showEngineering();
    void showDetail(int index);
    void rootCauseSelected();
    void clusterSelected();

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    BackgroundJob m_job;
    RootCauseFigures m_figures;
    PeriodPicker* m_period;
    QLabel* m_subtitle;
    QWidget* m_content;
    QTableWidget* m_table;
    QLabel* m_detail;
    QLabel* m_engineering = nullptr; // the engineering-time section
    QLabel* m_footnote = nullptr;    // the impact formula and the clusters' method
    AnalysisChart* m_chart;
    QTableWidget* m_clusters;
    QLabel* m_sentence;
    TicketListPane* m_tickets;
};

} // namespace escdesk::ui

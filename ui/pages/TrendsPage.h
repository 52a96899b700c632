#pragma once

// Trends: the escalation rate per week or month with its 3-period moving
// average, escalations by root cause per period, the p90 time to escalate
// with the regression weeks marked, and the root causes on the rise
// (SPEC §8, analysis::Trend).

#include "analysis/ClusterSpikes.h"
#include "analysis/Trend.h"
#include "analysis/TrendCategories.h"
#include "metrics/DataEnd.h"
#include "pages/BackgroundJob.h"
#include "pages/WorkspacePage.h"

class QButtonGroup;
class QLabel;
class QTableWidget;

namespace escdesk::ui {

class AnalysisChart;
class PeriodPicker;

struct TrendFigures {
    // The range shown: the picked preset's, following the data when the
    // workspace's data ends before it (metrics::choosePeriod).
    metrics::ChosenPeriod period;
    analysis::Trend trend;
    analysis::StackedCategories rootCauses;
    analysis::SpikeCheck spikes;               // of the latest complete week (weekly view)
    analysis::ClusterSpikeCheck clusterSpikes; // of the same week
    std::vector<std::optional<double>> rate;
    std::vector<std::optional<double>> rateAverage;
    QDate firstDay;
    QDate lastDay;
    QString error;
};

class TrendsPage : public WorkspacePage {
    Q_OBJECT
public:
    // How far back the page looks by default: "Last 12 weeks" weekly,
    // "Last 12 months" monthly.
    static constexpr int weeksShown = 12; // as on the dashboard
    static constexpr int monthsShown = 12;
    // Root causes stacked by name; the rest as "All other".
    static constexpr int stackedRootCauses = 6;

    explicit TrendsPage(QWidget* parent = nullptr);
    ~TrendsPage() override;

    void setAsynchronous(bool asynchronous) {
        m_job.setAsynchronous(asynchronous);
        m_drillJob.setAsynchronous(asynchronous);
    }
    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("trends"); }
    bool isBusy() const override { return m_job.isRunning(); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    void setGranularity(analysis::Granularity granularity);
    analysis::Granularity granularity() const;
    // Shows the periods up to and including `today` (default: the real today).
    void setToday(const QDate& today);
    PeriodPicker* periodPicker() const { return m_period; }
    QString subtitleText() const;
    const TrendFigures& figures() const { return m_figures; }
    AnalysisChart* rateChart() const { return m_rateChart; }
    AnalysisChart* rootCauseChart() const { return m_rootCauseChart; }
    AnalysisChart* p90Chart() const { return m_p90Chart; }
    QTableWidget* risingTable() const { return m_rising; }
    QString p90CheckText() const;
    QString spikeCheckText() const;
    // Lists the escalated tickets behind one stacked bar: root cause
    // `category` (of figures().rootCauses.names) in period `period`.
    void showBarTickets(int period, int category);
    // Lists the tickets behind a point of the escalation-rate line: the
    // period's escalated tickets, and on a second tab all its tickets.
    void showRateTickets(int period);
    // Lists the tickets behind a point of the p90 line: the period's
    // escalated tickets, longest time to escalate first.
    void showP90Tickets(int period);
    // Lists the escalations behind a row of the rising root causes over the
    // periods the row compares.
    void showRisingTickets(int row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QDate today() const;
    void refresh();
    void showFigures(TrendFigures figures);
    QStringList periodLabels() const;
    QString periodName(std::size_t index) const;
    // Why the periods' escalations cannot be measured; empty when they can.
    QString notMeasurableReason() const;
    QString periodAxisTitle() const;
    void showRate(const QStringList& labels);
    void showRootCauses(const QStringList& labels);
    void showP90(const QStringList& labels);
    void showRising();
    QString spikeText() const;
    QString clusterSpikeText() const;

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    QDate m_today;
    BackgroundJob m_job;
    BackgroundJob m_drillJob;
    TrendFigures m_figures;
    QButtonGroup* m_granularity;
    PeriodPicker* m_period;
    QLabel* m_subtitle;
    QWidget* m_content;
    AnalysisChart* m_rateChart;
    AnalysisChart* m_p90Chart;
    AnalysisChart* m_rootCauseChart;
    QTableWidget* m_rising;
    QLabel* m_risingEmpty;
    QLabel* m_p90Check;
    QLabel* m_spikeCheck;
};

} // namespace escdesk::ui

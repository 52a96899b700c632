#pragma once

// The dashboard: a period picker and the KPI cards of SPEC §7 (tickets,
// escalated, escalation rate, time to escalate, handoff delay, decision
// latency, Critical decisions within 30 minutes, bounceback, context loss,
// re-escalation, SLA breaches, deflection) against the previous period,
// each judged by its benchmark where the spec gives one.

#include "metrics/DataEnd.h"
#include "metrics/HeadlineComparison.h"
#include "metrics/HeadlineSeries.h"
#include "metrics/KeyFigures.h"
#include "pages/BackgroundJob.h"
#include "pages/WorkspacePage.h"

#include <QFutureWatcherBase>
#include <QPointer>

class QLabel;

namespace escdesk::ui {

class PeriodPicker;

class KpiCard;
class WeeklyTrendChart;

// Everything the dashboard shows, computed by core in one go.
struct DashboardFigures {
    // The period shown: the picked preset's, following the data when the
    // workspace's data ends before it (metrics::choosePeriod).
    metrics::ChosenPeriod period;
    metrics::HeadlineComparison comparison;
    std::vector<metrics::PeriodFigures> weeks;
    metrics::KeyFigureComparison keyFigures;
    // The instant the SLA breaches were judged at, for the drill-down.
    UtcSeconds slaAsOf = 0;
    QString error;
};

class DashboardPage : public WorkspacePage {
    Q_OBJECT
public:
    // Weeks in the trend charts.
    static constexpr int trendWeeks = 12;

    explicit DashboardPage(QWidget* parent = nullptr);
    ~DashboardPage() override;

    // Whether figures are computed on a worker thread (the default).
    void setAsynchronous(bool asynchronous) {
        m_asynchronous = asynchronous;
        m_drillJob.setAsynchronous(asynchronous);
    }
    bool isBusy() const override { return m_loading; }

    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("dashboard"); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    void setPreset(metrics::PeriodPreset preset);
    void setCustomRange(const QDate& first, const QDate& last);
    const metrics::HeadlineComparison& comparison() const { return m_figures.comparison; }
    const std::vector<metrics::PeriodFigures>& weeks() const { return m_figures.weeks; }
    KpiCard* rateCard() const { return m_rateCard; }
    const metrics::ChosenPeriod& period() const { return m_figures.period; }
    QString periodText() const;
    PeriodPicker* periodPicker() const { return m_period; }
    WeeklyTrendChart* rateChart() const { return m_rateChart; }
    WeeklyTrendChart* volumeChart() const { return m_volumeChart; }
    KpiCard* figureCard(metrics::KeyFigure figure) const;
    const metrics::KeyFigureComparison& keyFigures() const { return m_figures.keyFigures; }
    // Lists the period's tickets (the Tickets card) or its escalated tickets
    // (the Escalated and Escalation rate cards) in a window of their own.
    void showPeriodTickets(bool escalatedOnly);
    // Lists the tickets behind a key figure's card: what it counts (a
    // duration's sample, a rate's numerator) and what it is taken over.
    void showFigureTickets(metrics::KeyFigure figure);
    // Lists the tickets of one week of the trend charts, the escalated ones
    // first (`escalatedOnly`) or all of them.
    void showWeekTickets(int week, bool escalatedOnly);

protected:
    void showEvent(QShowEvent* event) override;

private:
    metrics::PeriodPreset currentPreset() const;
    QDate today() const;
    void refresh();
    void showFigures();
    void showCards();
    void showKeyFigures(bool valid);

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    bool m_asynchronous = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    QPointer<QFutureWatcherBase> m_watcher;
    BackgroundJob m_drillJob;
    DashboardFigures m_figures;
    PeriodPicker* m_period;
    QLabel* m_periodText;
    QLabel* m_sourceText;
    KpiCard* m_ticketsCard;
    KpiCard* m_escalatedCard;
    KpiCard* m_rateCard;
    std::vector<KpiCard*> m_figureCards; // in the order of metrics::KeyFigure
    WeeklyTrendChart* m_rateChart;
    WeeklyTrendChart* m_volumeChart;
};

} // namespace escdesk::ui

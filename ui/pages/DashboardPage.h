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

#include <QFuture>
#include <QFutureWatcherBase>
#include <QPointer>

#include <atomic>

class QLabel;
class QProgressBar;

namespace escdesk::ui {

class PeriodPicker;

class EngineeringCard;
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

// What one refresh asks for, handed to the worker threads.
struct DashboardRequest {
    quint64 generation = 0;
    QString path;
    metrics::PeriodPreset preset = metrics::PeriodPreset::Last30Days;
    metrics::DateRange dates;
    QDate today;
    QTimeZone zone;
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
        setEngineeringCardAsynchronous(asynchronous);
    }
    bool isBusy() const override { return m_loading || engineeringCardBusy(); }
    EngineeringCard* engineeringCard() const { return m_engineeringCard; }
    // Whether the key figures are still being computed: on the first open
    // after an import the headline shows first, the key figures' cards read
    // "…" and a bar counts the tickets whose outcomes are decided so far.
    bool keyFiguresPending() const { return m_keyFiguresPending; }
    QProgressBar* outcomeProgressBar() const { return m_progress; }

    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("dashboard"); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    void setPreset(metrics::PeriodPreset preset);
    void setCustomRange(const QDate& first, const QDate& last);
    const metrics::HeadlineComparison& comparison() const { return m_figures.comparison; }
    const std::vector<metrics::PeriodFigures>& weeks() const { return m_figures.weeks; }
    KpiCard* ticketsCard() const { return m_ticketsCard; }
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

signals:
    // The period, the headline cards and the weekly charts are shown (their
    // key figures may still be pending).
    void headlineShown();
    // Every figure of the latest request is shown.
    void figuresShown();
    // The bar shows that `decided` of the `lacking` tickets whose outcomes
    // were not kept are decided.
    void outcomeProgress(qint64 decided, qint64 lacking);

protected:
    void showEvent(QShowEvent* event) override;

private:
    metrics::PeriodPreset currentPreset() const;
    QDate today() const;
    void refresh();
    void showFigures();
    // On worker threads: every figure, the headline on a thread of its own
    // and shown as soon as counted, the outcomes missing since an import
    // decided first with progress; stopped early once a later request came.
    DashboardFigures loadFigures(const DashboardRequest& request);
    DashboardFigures loadHeadline(const DashboardRequest& request,
                                  const metrics::ChosenPeriod& period);
    void decideMissingOutcomes(store::Database& db, const DashboardRequest& request);
    bool isSuperseded(const DashboardRequest& request) const;
    void showHeadline(quint64 generation, const DashboardFigures& headline);
    void showOutcomeProgress(std::int64_t decided, std::int64_t lacking);
    void showCards();
    void showKeyFigures(bool valid);

    void setEngineeringCardAsynchronous(bool asynchronous);
    bool engineeringCardBusy() const;

    EngineeringCard* m_engineeringCard = nullptr;
    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    bool m_asynchronous = true;
    bool m_loading = false;
    bool m_keyFiguresPending = false;
    quint64 m_generation = 0;
    // m_generation for the worker thread, which stops work that a later
    // request made useless.
    std::atomic<quint64> m_latestRequest = 0;
    QPointer<QFutureWatcherBase> m_watcher;
    QFuture<DashboardFigures> m_future; // the latest request's, which the next waits for
    BackgroundJob m_drillJob;
    DashboardFigures m_figures;
    PeriodPicker* m_period;
    QLabel* m_periodText;
    QLabel* m_sourceText;
    QProgressBar* m_progress;
    KpiCard* m_ticketsCard;
    KpiCard* m_escalatedCard;
    KpiCard* m_rateCard;
    std::vector<KpiCard*> m_figureCards; // in the order of metrics::KeyFigure
    WeeklyTrendChart* m_rateChart;
    WeeklyTrendChart* m_volumeChart;
};

} // namespace escdesk::ui

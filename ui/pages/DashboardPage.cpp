#include "pages/DashboardPage.h"

#include "FreedMemory.h"
#include "ShownText.h"
#include "WorkspaceReading.h"
#include "analysis/DrillDown.h"
#include "analysis/MetricTickets.h"
#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"
#include "metrics/Benchmarks.h"
#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"
#include "store/Workspace.h"
#include "widgets/EngineeringCard.h"
#include "widgets/FigureTicketsDialog.h"
#include "widgets/KpiCard.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"
#include "widgets/WeeklyTrendChart.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace escdesk::ui {

using metrics::PeriodPreset;

namespace {

// Signs as the other cards write them: "+12", "−152" (a true minus sign).
QString signedCount(std::int64_t value) {
    const QString sign = value > 0   ? QStringLiteral("+")
                         : value < 0 ? QStringLiteral("−")
                                     : QString();
    return sign + display::count(value < 0 ? -value : value);
}

QString signedPercent(double fraction) {
    const QString shown = QLocale().toString(std::abs(fraction) * 100.0, 'f', 1);
    const bool zero = shown == QLocale().toString(0.0, 'f', 1);
    const QString sign = zero           ? QString()
                         : fraction > 0 ? QStringLiteral("+")
                                        : QStringLiteral("−");
    return sign + shown + QLatin1Char('%');
}

// What each key figure's card is called and says in its tooltip: the exact
// SPEC §7 definition and, where the spec gives one, the benchmark.
struct FigureText {
    const char* title;
    const char* definition;
    const char* benchmark;
};

FigureText figureText(metrics::KeyFigure figure) {
    using metrics::KeyFigure;
    switch (figure) {
    case KeyFigure::TimeToEscalateP90:
        return {
            QT_TRANSLATE_NOOP("DashboardPage", "Time to escalate p90"),
            QT_TRANSLATE_NOOP("DashboardPage",
                              "time_to_escalate_min, p90: over the escalated tickets created in "
                              "the period, the first “escalated” event minus created_at; the "
                              "90th percentile (linear interpolation)."),
            ""};
    case KeyFigure::HandoffDelay:
        return {
            QT_TRANSLATE_NOOP("DashboardPage", "Handoff delay p90"),
            QT_TRANSLATE_NOOP("DashboardPage",
                              "handoff_delay_min: over the escalations in the period, the first "
                              "paired “started” event minus the escalation; median and 90th "
                              "percentile."),
            QT_TRANSLATE_NOOP("DashboardPage",
                              "Benchmark: under 30 min for High and Critical tickets, judged "
                              "on their p90.")};
    case KeyFigure::DecisionLatencyP90:
        return {QT_TRANSLATE_NOOP("DashboardPage", "Decision latency p90"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "decision_latency_min, p90: over the escalations in the period, "
                                  "the first paired “decision” event minus the escalation."),
                ""};
    case KeyFigure::CriticalDecisionsWithin30m:
        return {QT_TRANSLATE_NOOP("DashboardPage", "Critical ≤ 30 min"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "critical_decisions_within_30m: the share of the period’s "
                                  "escalations of Critical tickets with a decision latency of at "
                                  "most 30 minutes."),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "Benchmark: Critical decision latency under 30 min, so at "
                                  "least 90% decided within 30 min (a p90 under 30 min).")};
    case KeyFigure::BouncebackRate:
        return {
            QT_TRANSLATE_NOOP("DashboardPage", "Bounceback"),
            QT_TRANSLATE_NOOP("DashboardPage",
                              "bounceback_rate: the share of the period’s escalations with a "
                              "paired “bounced” event (sent back down a tier)."),
            QT_TRANSLATE_NOOP("DashboardPage", "Benchmark: 5–10% is healthy, above 20% is bad.")};
    case KeyFigure::ContextLossRate:
        return {QT_TRANSLATE_NOOP("DashboardPage", "Context loss"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "context_loss_rate: the share of the period’s escalations with a "
                                  "paired “info_requested” event (the next tier had to ask)."),
                QT_TRANSLATE_NOOP("DashboardPage", "Benchmark: below 10%.")};
    case KeyFigure::ReescalatedShare:
        return {QT_TRANSLATE_NOOP("DashboardPage", "Re-escalated"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "reescalated_share: the share of escalated tickets created in "
                                  "the period with two or more “escalated” events."),
                ""};
    case KeyFigure::SlaBreachRate:
        return {QT_TRANSLATE_NOOP("DashboardPage", "SLA breach rate"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "sla_breach_rate (all): the share of tickets created in the "
                                  "period with a breached SLA target, by the matrix’s SLA policies "
                                  "as of now."),
                ""};
    case KeyFigure::DeflectionRate:
        return {QT_TRANSLATE_NOOP("DashboardPage", "Deflection"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "deflection_rate: of the tickets created in the period that "
                                  "reached tier 2 or higher, the share that never reached tier 3."),
                ""};
    }
    return {"", "", ""};
}

QString trText(const char* text) {
    return QCoreApplication::translate("DashboardPage", text);
}

QString figureValueText(const std::optional<double>& value, metrics::FigureUnit unit) {
    return unit == metrics::FigureUnit::Minutes ? display::minutes(value) : display::percent(value);
}

QString figureChangeText(double change, metrics::FigureUnit unit) {
    return unit == metrics::FigureUnit::Minutes ? display::signedMinutes(change)
                                                : display::signedPoints(change);
}

// The change as the card shows it (minutes to 0.1, fractions to 0.1 points),
// so a change that reads 0 gets no arrow.
double shownChange(double change, metrics::FigureUnit unit) {
    const double shown = unit == metrics::FigureUnit::Minutes ? change : change * 100.0;
    return std::round(shown * 10.0) / 10.0;
}

} // namespace

DashboardPage::DashboardPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_period(new PeriodPicker(this))
    , m_periodText(new QLabel(this))
    , m_sourceText(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_ticketsCard(new KpiCard(tr("Tickets"), this))
    , m_escalatedCard(new KpiCard(display::termName(metrics::escalatedTicketsTerm), this))
    , m_rateCard(new KpiCard(tr("Escalation rate"), this))
    , m_rateChart(new WeeklyTrendChart(WeeklyTrendChart::Kind::EscalationRate,
                                       tr("Escalation rate by week"), this))
    , m_volumeChart(
          new WeeklyTrendChart(WeeklyTrendChart::Kind::Volume, tr("Tickets by week"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(16);

    auto* title = new QLabel(tr("Dashboard"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    m_period->setTodayProvider([this] { return today(); });
    header->addWidget(m_period);
    layout->addLayout(header);

    m_periodText->setObjectName(QStringLiteral("subtitle"));
    layout->addWidget(m_periodText);
    m_progress->setTextVisible(true);
    m_progress->hide();
    layout->addWidget(m_progress);

    // Two rows of six: the headline, then the handling and quality figures.
    auto* cards = new QGridLayout;
    cards->setHorizontalSpacing(12);
    cards->setVerticalSpacing(12);
    std::vector<KpiCard*> all{m_ticketsCard, m_escalatedCard, m_rateCard};
    m_ticketsCard->setToolTip(tr("tickets: the tickets created in the period. Click to list "
                                 "them."));
    // The two counts of escalation are told apart by their one definition.
    m_escalatedCard->setToolTip(tr("escalated: %1\nClick to list them.")
                                    .arg(display::termDefinition(metrics::escalatedTicketsTerm)));
    m_rateCard->setToolTip(
        tr("escalation_rate = escalated / tickets: %1\nBenchmark: below 10% is good, above 15% "
           "needs attention.\nClick to list the escalated tickets.")
            .arg(display::termDefinition(metrics::escalationRateTerm)));
    // The figures' SPEC §7 keys, in card order, say what each counts over.
    const std::vector<metrics::KeyFigureValue> keys =
        metrics::keyFigures({}, {}, std::nullopt, std::nullopt);
    for (int i = 0; i <= int(metrics::KeyFigure::DeflectionRate); ++i) {
        const FigureText text = figureText(static_cast<metrics::KeyFigure>(i));
        auto* card = new KpiCard(trText(text.title), this);
        const QString benchmark = trText(text.benchmark);
        const QString population = display::populationDefinition(keys[std::size_t(i)].key);
        card->setToolTip(trText(text.definition) +
                         (population.isEmpty() ? QString() : QStringLiteral("\n") + population) +
                         (benchmark.isEmpty() ? QString() : QStringLiteral("\n") + benchmark));
        m_figureCards.push_back(card);
        all.push_back(card);
    }
    for (int i = 0; i < int(all.size()); ++i) {
        all[std::size_t(i)]->setCompact(true);
        cards->addWidget(all[std::size_t(i)], i / 6, i % 6);
    }
    for (int column = 0; column < 6; ++column) {
        cards->setColumnStretch(column, 1);
    }
    layout->addLayout(cards);

    auto* charts = new QHBoxLayout;
    charts->setSpacing(16);
    charts->addWidget(m_rateChart, 1);
    charts->addWidget(m_volumeChart, 1);
    // The engineering-time ledger beside the charts (#21): a card of its own.
    m_engineeringCard = new EngineeringCard(this);
    auto* engineering = new QVBoxLayout;
    engineering->setSpacing(8);
    engineering->addWidget(m_engineeringCard);
    engineering->addWidget(m_engineeringCard->annualisedLabel());
    engineering->addStretch(1);
    m_engineeringCard->setFixedWidth(180);
    m_engineeringCard->annualisedLabel()->setFixedWidth(180);
    charts->addLayout(engineering);
    layout->addLayout(charts, 1);

    auto* benchmark = new QLabel(
        tr("Benchmarks: escalation rate below 10% good, above 15% needs attention; handoff under "
           "30 min (High/Critical p90); Critical decisions within 30 min for at least 90%; "
           "bounceback 5–10% healthy, above 20% bad; context loss below 10%. Hover a card for its "
           "definition."),
        this);
    benchmark->setObjectName(QStringLiteral("footnote"));
    benchmark->setWordWrap(true);
    layout->addWidget(benchmark);
    m_sourceText->setObjectName(QStringLiteral("footnote"));
    m_sourceText->setWordWrap(true);
    layout->addWidget(m_sourceText);

    // The headline counts drill down to their tickets.
    m_ticketsCard->setClickable(true);
    m_escalatedCard->setClickable(true);
    m_rateCard->setClickable(true);
    connect(m_ticketsCard, &KpiCard::clicked, this, [this] { showPeriodTickets(false); });
    connect(m_escalatedCard, &KpiCard::clicked, this, [this] { showPeriodTickets(true); });
    connect(m_rateCard, &KpiCard::clicked, this, [this] { showPeriodTickets(true); });
    // So does every key figure, and every week of the charts.
    for (std::size_t i = 0; i < m_figureCards.size(); ++i) {
        m_figureCards[i]->setClickable(true);
        m_figureCards[i]->setToolTip(m_figureCards[i]->toolTip() +
                                     tr("\nClick to list the tickets behind it."));
        connect(m_figureCards[i], &KpiCard::clicked, this,
                [this, i] { showFigureTickets(static_cast<metrics::KeyFigure>(i)); });
    }
    connect(m_rateChart, &WeeklyTrendChart::weekActivated, this, &DashboardPage::showWeekTickets);
    connect(m_volumeChart, &WeeklyTrendChart::weekActivated, this, &DashboardPage::showWeekTickets);
    connect(m_period, &PeriodPicker::changed, this, &DashboardPage::refresh);
}

void DashboardPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

void DashboardPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (!m_stale) {
        return;
    }
    if (!m_asynchronous) {
        refresh();
        return;
    }
    // After the paint the showing posted: the window appears before its
    // workers take the processor (the first open after an import keeps
    // both busy for a while). Busy from now on: the figures are on their way.
    m_loading = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_stale) {
                refresh();
            }
        },
        Qt::QueuedConnection);
}

void DashboardPage::saveSettings(QSettings& settings) const {
    m_period->saveSettings(settings, QStringLiteral("dashboard"));
}

void DashboardPage::restoreSettings(QSettings& settings) {
    m_period->restoreSettings(settings, QStringLiteral("dashboard"));
}

void DashboardPage::setPreset(PeriodPreset preset) {
    m_period->setPreset(preset);
}

void DashboardPage::setCustomRange(const QDate& first, const QDate& last) {
    m_period->setCustomRange(first, last);
}

PeriodPreset DashboardPage::currentPreset() const {
    return m_period->preset();
}

QDate DashboardPage::today() const {
    const QTimeZone zone =
        m_workspace ? m_workspace->reportingTimeZone() : QTimeZone::systemTimeZone();
    return QDateTime::currentDateTime().toTimeZone(zone).date();
}

namespace {

// The last day of the weekly charts: where the cards' period ends when it
// is a custom one or follows the data (the charts show the weeks up to the
// cards' period, not others), else today — or the data's end when the 12
// weeks ending today would hold none of it.
QDate lastChartDay(PeriodPreset preset, const metrics::ChosenPeriod& period,
                   const std::optional<QDate>& dataEnd, const QDate& today) {
    if (preset == PeriodPreset::Custom && period.dates.isValid()) {
        return period.dates.last;
    }
    if (period.followsData) {
        return period.dataEnd;
    }
    return metrics::periodFollowingData(PeriodPreset::Last12Weeks, today, dataEnd).dates.last;
}

// The headline counts and the weekly charts of the chosen period: plain
// counts of tickets, shown first — they need no metric outcomes.
DashboardFigures computeHeadline(store::Database& db, PeriodPreset preset,
                                 const metrics::ChosenPeriod& period, const QDate& today,
                                 const QTimeZone& zone) {
    DashboardFigures figures;
    figures.period = period;
    const std::optional<QDate> dataEnd = metrics::lastDataDay(db, zone);
    const metrics::DateRange dates = period.dates;
    if (dates.isValid()) {
        figures.comparison = metrics::compareHeadline(db, preset, dates, zone);
    } else {
        figures.comparison.currentDates = dates;
    }
    figures.weeks = metrics::recentWeekFigures(db, lastChartDay(preset, period, dataEnd, today),
                                               DashboardPage::trendWeeks, zone);
    return figures;
}

// The key figures of the period and the one before (as compareHeadline
// compares with), from the metric outcomes.
void addKeyFigures(store::Database& db, PeriodPreset preset, DashboardFigures& figures,
                   const QTimeZone& zone) {
    const metrics::DateRange dates = figures.period.dates;
    if (!dates.isValid()) {
        return;
    }
    figures.slaAsOf = QDateTime::currentSecsSinceEpoch();
    figures.keyFigures = metrics::compareKeyFigures(
        db, metrics::windowOf(dates, zone),
        metrics::windowOf(metrics::previousPeriod(preset, dates), zone), figures.slaAsOf);
}

DashboardFigures computeFigures(store::Database& db, PeriodPreset preset,
                                const metrics::DateRange& picked, const QDate& today,
                                const QTimeZone& zone) {
    DashboardFigures figures = computeHeadline(
        db, preset, metrics::choosePeriod(db, preset, picked, today, zone), today, zone);
    addKeyFigures(db, preset, figures, zone);
    return figures;
}

} // namespace

namespace {

struct PeriodTickets {
    analysis::SegmentTickets rows;
    QString error;
};

} // namespace

void DashboardPage::showPeriodTickets(bool escalatedOnly) {
    const metrics::DateRange dates = m_figures.comparison.currentDates;
    if (!m_workspace || !dates.isValid() || !m_figures.error.isEmpty()) {
        return;
    }
    const Window window = metrics::windowOf(dates, m_workspace->reportingTimeZone());
    const QString heading =
        (escalatedOnly ? tr("Escalated tickets created %1") : tr("Tickets created %1"))
            .arg(display::dateRange(dates.first, dates.last));
    m_drillJob.run<PeriodTickets>(
        this, m_workspace->path(),
        [window](store::Workspace& workspace) {
            PeriodTickets tickets;
            tickets.rows = analysis::ticketRowsOfWindow(
                metrics::loadMetricsInput(workspace.db(), window), window);
            return tickets;
        },
        [this, heading, escalatedOnly](PeriodTickets tickets) {
            auto* dialog = new QDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(escalatedOnly ? tr("Escalated tickets") : tr("Tickets"));
            dialog->resize(760, 480);
            auto* layout = new QVBoxLayout(dialog);
            auto* pane = new TicketListPane(dialog);
            pane->setEscalatedColumnVisible(!escalatedOnly);
            pane->showTickets(m_workspace, heading,
                              escalatedOnly ? std::move(tickets.rows.escalated)
                                            : std::move(tickets.rows.all));
            layout->addWidget(pane);
            dialog->show();
        });
}

namespace {

struct FigureDrill {
    analysis::FigureTickets tickets;
    QString error;
};

// What a key figure's drill-down calls its two lists.
struct FigureListText {
    analysis::MetricFigure figure;
    const char* countedTab;
    const char* countedHeading;
    const char* populationTab; // empty: the counted list alone
};

FigureListText figureListText(metrics::KeyFigure figure) {
    using analysis::MetricFigure;
    using metrics::KeyFigure;
    switch (figure) {
    case KeyFigure::TimeToEscalateP90:
        return {MetricFigure::TimeToEscalate, QT_TRANSLATE_NOOP("DashboardPage", "Escalated"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "Escalated tickets created %1, longest time to escalate first"),
                ""};
    case KeyFigure::HandoffDelay:
        return {MetricFigure::HandoffDelay, QT_TRANSLATE_NOOP("DashboardPage", "Handed off"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "Escalations %1 with a handoff, longest delay first"),
                QT_TRANSLATE_NOOP("DashboardPage", "All escalations")};
    case KeyFigure::DecisionLatencyP90:
        return {MetricFigure::DecisionLatency, QT_TRANSLATE_NOOP("DashboardPage", "Decided"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "Escalations %1 with a decision, longest latency first"),
                QT_TRANSLATE_NOOP("DashboardPage", "All escalations")};
    case KeyFigure::CriticalDecisionsWithin30m:
        return {
            MetricFigure::CriticalDecisionsWithin30m,
            QT_TRANSLATE_NOOP("DashboardPage", "Decided within 30 min"),
            QT_TRANSLATE_NOOP("DashboardPage", "Critical escalations %1 decided within 30 minutes"),
            QT_TRANSLATE_NOOP("DashboardPage", "All Critical escalations")};
    case KeyFigure::BouncebackRate:
        return {MetricFigure::BouncebackRate, QT_TRANSLATE_NOOP("DashboardPage", "Bounced back"),
                QT_TRANSLATE_NOOP("DashboardPage", "Escalations %1 bounced back down a tier"),
                QT_TRANSLATE_NOOP("DashboardPage", "All escalations")};
    case KeyFigure::ContextLossRate:
        return {MetricFigure::ContextLossRate, QT_TRANSLATE_NOOP("DashboardPage", "Info requested"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "Escalations %1 where the next tier asked for information"),
                QT_TRANSLATE_NOOP("DashboardPage", "All escalations")};
    case KeyFigure::ReescalatedShare:
        return {
            MetricFigure::ReescalatedShare, QT_TRANSLATE_NOOP("DashboardPage", "Re-escalated"),
            QT_TRANSLATE_NOOP("DashboardPage", "Tickets created %1 escalated two or more times"),
            QT_TRANSLATE_NOOP("DashboardPage", "All escalated tickets")};
    case KeyFigure::SlaBreachRate:
        return {MetricFigure::SlaBreachRate, QT_TRANSLATE_NOOP("DashboardPage", "Breached"),
                QT_TRANSLATE_NOOP("DashboardPage", "Tickets created %1 with a breached SLA target"),
                QT_TRANSLATE_NOOP("DashboardPage", "All tickets with an SLA")};
    case KeyFigure::DeflectionRate:
        return {MetricFigure::DeflectionRate, QT_TRANSLATE_NOOP("DashboardPage", "Deflected"),
                QT_TRANSLATE_NOOP("DashboardPage",
                                  "Tickets created %1 that reached tier 2 but never tier 3"),
                QT_TRANSLATE_NOOP("DashboardPage", "All that reached tier 2")};
    }
    return {MetricFigure::Tickets, "", "", ""};
}

} // namespace

void DashboardPage::showFigureTickets(metrics::KeyFigure figure) {
    const metrics::DateRange dates = m_figures.comparison.currentDates;
    if (!m_workspace || !dates.isValid() || !m_figures.error.isEmpty() || m_keyFiguresPending) {
        return;
    }
    const Window window = metrics::windowOf(dates, m_workspace->reportingTimeZone());
    const FigureListText text = figureListText(figure);
    const QString period = display::dateRange(dates.first, dates.last);
    const QString title = m_figureCards[std::size_t(figure)]->titleText();
    m_drillJob.run<FigureDrill>(
        this, m_workspace->path(),
        [window, which = text.figure, asOf = m_figures.slaAsOf](store::Workspace& workspace) {
            return FigureDrill{analysis::figureTicketsOf(workspace.db(), window, which, asOf), {}};
        },
        [this, text, period, title](FigureDrill drill) {
            TicketListSpec counted{trText(text.countedTab),
                                   trText(text.countedHeading).arg(period),
                                   std::move(drill.tickets.counted),
                                   false,
                                   {},
                                   {}};
            if (!drill.tickets.countedMinutes.empty()) {
                // A duration's sample: each ticket's own duration beside it.
                counted.valueTitle = QString(title).remove(QStringLiteral(" p90"));
                for (double minutes : drill.tickets.countedMinutes) {
                    counted.values << display::minutes(minutes);
                }
            }
            TicketListSpec population;
            if (*text.populationTab) {
                population = {trText(text.populationTab),
                              trText(text.populationTab) + QStringLiteral(" · ") + period,
                              std::move(drill.tickets.population),
                              false,
                              {},
                              {}};
            }
            auto* dialog = new FigureTicketsDialog(m_workspace, title, std::move(counted),
                                                   std::move(population), this);
            dialog->show();
        });
}

void DashboardPage::showWeekTickets(int week, bool escalatedOnly) {
    if (!m_workspace || week < 0 || week >= int(m_figures.weeks.size())) {
        return;
    }
    const metrics::DateRange dates = m_figures.weeks[std::size_t(week)].dates;
    const Window window = metrics::windowOf(dates, m_workspace->reportingTimeZone());
    const QString period = display::dateRange(dates.first, dates.last);
    m_drillJob.run<FigureDrill>(
        this, m_workspace->path(),
        [window](store::Workspace& workspace) {
            return FigureDrill{analysis::figureTicketsOf(workspace.db(), window,
                                                         analysis::MetricFigure::EscalationRate, 0),
                               {}};
        },
        [this, period, escalatedOnly](FigureDrill drill) {
            auto* dialog = new FigureTicketsDialog(m_workspace, tr("Week of %1").arg(period),
                                                   {tr("Escalated"),
                                                    tr("Escalated tickets created %1").arg(period),
                                                    std::move(drill.tickets.counted),
                                                    false,
                                                    {},
                                                    {}},
                                                   {tr("All tickets"),
                                                    tr("Tickets created %1").arg(period),
                                                    std::move(drill.tickets.population),
                                                    true,
                                                    {},
                                                    {}},
                                                   this);
            if (!escalatedOnly) {
                dialog->tabs()->setCurrentIndex(1);
            }
            dialog->show();
        });
}

DashboardPage::~DashboardPage() {
    m_drillJob.finish();
    m_latestRequest.store(0); // a request deciding outcomes stops after its round
    if (m_watcher) {
        m_watcher->disconnect(this);
    }
    m_future.waitForFinished(); // it waits for any earlier one first
}

void DashboardPage::refresh() {
    if (!isVisible()) {
        m_stale = true;
        m_loading = m_future.isRunning(); // no longer waiting to be shown
        return;
    }
    m_stale = false;
    m_keyFiguresPending = false;
    const quint64 generation = ++m_generation;
    m_latestRequest.store(generation); // stops the work of an earlier one
    const PeriodPreset preset = currentPreset();
    const QDate today = this->today();
    const metrics::DateRange dates = m_period->dates(today);
    if (!m_workspace) {
        m_loading = false;
        m_figures = {};
        m_figures.comparison.currentDates = dates;
        showFigures();
        return;
    }
    const QTimeZone zone = m_workspace->reportingTimeZone();
    if (!m_asynchronous) {
        m_figures = computeFigures(m_workspace->db(), preset, dates, today, zone);
        showFigures();
        emit figuresShown();
        return;
    }
    m_loading = true;
    m_keyFiguresPending = true;
    m_periodText->setText(tr("Calculating…"));
    showOutcomeProgress(0, 0);
    auto* watcher = new QFutureWatcher<DashboardFigures>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        releaseFreedMemory(); // what the worker freed
        // Only the latest request counts: the user may have picked again.
        if (generation == m_generation) {
            m_loading = false;
            m_keyFiguresPending = false;
            m_figures = watcher->result();
            showOutcomeProgress(0, 0);
            showFigures();
            emit figuresShown();
        }
    });
    // An earlier request still deciding outcomes stops after its round and
    // this one waits for it: two would contend for the workspace's one writer.
    QFuture<DashboardFigures> earlier = m_future;
    m_watcher = watcher;
    // Passes over a period's tickets: on a worker thread with its own
    // read-only connection, so a million-ticket workspace never blocks. The
    // headline is shown as soon as it is counted; the key figures follow,
    // after the outcomes missing since an import are decided, with progress.
    const DashboardRequest request{generation, m_workspace->path(), preset, dates, today, zone};
    m_future = QtConcurrent::run([this, earlier, request]() mutable {
        earlier.waitForFinished();
        return loadFigures(request);
    });
    watcher->setFuture(m_future);
}

bool DashboardPage::isSuperseded(const DashboardRequest& request) const {
    return m_latestRequest.load() != request.generation;
}

DashboardFigures DashboardPage::loadFigures(const DashboardRequest& request) {
    DashboardFigures figures;
    figures.comparison.currentDates = request.dates;
    QFuture<DashboardFigures> headline;
    try {
        store::Workspace workspace(request.path, store::Workspace::Access::ReadOnly);
        readWithoutFileMap(workspace.db());
        figures.period = metrics::choosePeriod(workspace.db(), request.preset, request.dates,
                                               request.today, request.zone);
        // The headline on another thread and connection: its counts and the
        // key figures' outcomes are separate reads.
        headline = QtConcurrent::run(
            [this, request, period = figures.period] { return loadHeadline(request, period); });
        if (figures.period.dates.isValid() && !isSuperseded(request)) {
            decideMissingOutcomes(workspace.db(), request);
        }
        DashboardFigures keys;
        keys.period = figures.period;
        if (!isSuperseded(request)) {
            addKeyFigures(workspace.db(), request.preset, keys, request.zone);
        }
        figures = headline.result();
        if (figures.error.isEmpty()) {
            figures.slaAsOf = keys.slaAsOf;
            figures.keyFigures = std::move(keys.keyFigures);
        }
    } catch (const store::StoreError& error) {
        headline.waitForFinished(); // it posts to this page: done before the page may go
        figures.error = error.message();
    }
    return figures;
}

DashboardFigures DashboardPage::loadHeadline(const DashboardRequest& request,
                                             const metrics::ChosenPeriod& period) {
    DashboardFigures figures;
    try {
        store::Workspace workspace(request.path, store::Workspace::Access::ReadOnly);
        readWithoutFileMap(workspace.db());
        figures =
            computeHeadline(workspace.db(), request.preset, period, request.today, request.zone);
        QMetaObject::invokeMethod(
            this, [this, request, figures] { showHeadline(request.generation, figures); },
            Qt::QueuedConnection);
    } catch (const store::StoreError& error) {
        figures.comparison.currentDates = request.dates;
        figures.error = error.message();
    }
    return figures;
}

void DashboardPage::decideMissingOutcomes(store::Database& db, const DashboardRequest& request) {
    const auto progress = [this, request](std::int64_t decided, std::int64_t lacking) {
        QMetaObject::invokeMethod(
            this,
            [this, generation = request.generation, decided, lacking] {
                if (generation == m_generation) {
                    showOutcomeProgress(decided, lacking);
                }
            },
            Qt::QueuedConnection);
        return !isSuperseded(request); // a later request stops this one
    };
    metrics::keepMissingOutcomes(db, QDateTime::currentSecsSinceEpoch(), progress);
}

void DashboardPage::showHeadline(quint64 generation, const DashboardFigures& headline) {
    if (generation != m_generation || !m_loading) {
        return;
    }
    m_figures = headline;
    showFigures();
    emit headlineShown();
}

void DashboardPage::showOutcomeProgress(std::int64_t decided, std::int64_t lacking) {
    const bool deciding = m_keyFiguresPending && lacking > 0;
    m_progress->setVisible(deciding);
    if (!deciding) {
        return;
    }
    // In thousandths: the counts themselves may not fit the bar's int.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(decided * 1000 / lacking));
    m_progress->setFormat(tr("Deciding the key figures’ outcomes after the import: %1 of %2 "
                             "tickets (%p%)")
                              .arg(display::count(decided), display::count(lacking)));
    emit outcomeProgress(decided, lacking);
}

void DashboardPage::setEngineeringCardAsynchronous(bool asynchronous) {
    m_engineeringCard->setAsynchronous(asynchronous);
}

bool DashboardPage::engineeringCardBusy() const {
    return m_engineeringCard->isBusy();
}

KpiCard* DashboardPage::figureCard(metrics::KeyFigure figure) const {
    return m_figureCards[std::size_t(figure)];
}

QString DashboardPage::periodText() const {
    return m_periodText->text();
}

void DashboardPage::showFigures() {
    m_period->showDataEnd(m_figures.period.followsData ? m_figures.period.dataEnd : QDate());
    showCards();
    m_rateChart->setSeries(m_figures.weeks);
    m_volumeChart->setSeries(m_figures.weeks);
}

void DashboardPage::showCards() {
    const metrics::HeadlineComparison& c = m_figures.comparison;
    if (!m_figures.error.isEmpty()) {
        shown::setPlainText(m_periodText, m_figures.error);
    } else if (!m_workspace) {
        m_periodText->setText(tr("No workspace is open."));
    } else if (!c.currentDates.isValid()) {
        m_periodText->setText(tr("The first day must not be after the last day."));
    } else {
        const QString followsData =
            parts::followsDataText(m_figures.period, m_period->presetText());
        m_periodText->setText(
            (followsData.isEmpty() ? QString() : followsData + QStringLiteral(" · ")) +
            tr("%1 (%2 days), compared with the previous period %3 · times in %4")
                .arg(display::dateRange(c.currentDates.first, c.currentDates.last))
                .arg(c.currentDates.days())
                .arg(display::dateRange(c.previousDates.first, c.previousDates.last))
                .arg(QString::fromUtf8(m_workspace->reportingTimeZone().id())));
    }
    const bool valid = m_workspace && c.currentDates.isValid() && m_figures.error.isEmpty();
    const auto showCount = [&](KpiCard* card, std::int64_t now, std::int64_t before,
                               const metrics::CountChange& change, KpiCard::Trend trend) {
        card->setValue(valid ? display::count(now) : QStringLiteral("—"));
        const QString previous = tr("Previous: %1").arg(display::count(before));
        if (!valid) {
            card->clearChange(QString());
            return;
        }
        const QString relative = change.relative
                                     ? QStringLiteral(" (%1)").arg(signedPercent(*change.relative))
                                     : QString();
        card->setChange(double(change.difference), signedCount(change.difference) + relative,
                        previous, trend);
    };
    showCount(m_ticketsCard, c.current.tickets, c.previous.tickets, c.tickets,
              KpiCard::Trend::Neutral);
    showCount(m_escalatedCard, c.current.escalated, c.previous.escalated, c.escalated,
              KpiCard::Trend::UpIsBad);

    m_rateCard->setValue(valid ? display::percent(c.current.escalationRate) : QStringLiteral("—"));
    const QString previousRate =
        tr("Previous: %1").arg(display::percent(c.previous.escalationRate));
    if (valid && c.rateChange) {
        // The arrow follows the change as shown (to 0.1 points), so a change
        // that reads 0.0 gets no arrow.
        const double shownPoints = std::round(*c.rateChange * 1000.0) / 10.0;
        m_rateCard->setChange(shownPoints, display::signedPoints(*c.rateChange), previousRate,
                              KpiCard::Trend::UpIsBad);
    } else {
        m_rateCard->clearChange(valid ? previousRate : QString());
    }
    const std::optional<metrics::BenchmarkBand> band =
        metrics::escalationRateBand(valid ? c.current.escalationRate : std::nullopt);
    if (!band) {
        m_rateCard->setBand(KpiCard::Tone::Neutral,
                            valid ? tr("No tickets in this period") : QString());
    } else if (*band == metrics::BenchmarkBand::Good) {
        m_rateCard->setBand(KpiCard::Tone::Good, tr("Good · < 10%"));
    } else if (*band == metrics::BenchmarkBand::Watch) {
        m_rateCard->setBand(KpiCard::Tone::Watch, tr("Watch · 10–15%"));
    } else {
        m_rateCard->setBand(KpiCard::Tone::Bad, tr("Attention · > 15%"));
    }
    // Escalations the data cannot measure read "—", never 0, with the reason.
    const QString notMeasurable = valid ? c.current.unavailable : QString();
    if (!notMeasurable.isEmpty()) {
        for (KpiCard* card : {m_escalatedCard, m_rateCard}) {
            card->setValue(QStringLiteral("—"));
            card->clearChange(QString());
            card->setBand(KpiCard::Tone::Neutral, tr("Not measurable"), notMeasurable);
        }
    }
    showKeyFigures(valid);
    // After the key figures: their outcomes, decided first, are what it reads.
    if (valid && m_keyFiguresPending) {
        m_engineeringCard->showWaiting();
    } else {
        m_engineeringCard->showPeriod(valid ? m_workspace : nullptr, c.currentDates,
                                      c.previousDates);
    }
    m_sourceText->setText(
        !valid ? QString()
        : !notMeasurable.isEmpty()
            ? tr("Escalations cannot be measured from this data: %1.").arg(notMeasurable)
        : c.current.fromEventLog
            ? display::termDefinition(metrics::escalatedTicketsTerm) + QLatin1Char(' ') +
                  display::termDefinition(metrics::escalationsTerm)
            : tr("This workspace has no event log: escalated tickets come from "
                 "the tickets’ own escalated flag."));
}

namespace {

KpiCard::Tone toneOf(metrics::BenchmarkBand band) {
    switch (band) {
    case metrics::BenchmarkBand::Good:
        return KpiCard::Tone::Good;
    case metrics::BenchmarkBand::Watch:
        return KpiCard::Tone::Watch;
    case metrics::BenchmarkBand::NeedsAttention:
        break;
    }
    return KpiCard::Tone::Bad;
}

// The band's words: short enough for a card in a row of six.
QString bandText(const metrics::KeyFigureValue& f) {
    using metrics::BenchmarkBand;
    using metrics::KeyFigure;
    const BenchmarkBand band = *f.band;
    switch (f.figure) {
    case KeyFigure::BouncebackRate:
        return band == BenchmarkBand::Good    ? DashboardPage::tr("Healthy · ≤ 10%")
               : band == BenchmarkBand::Watch ? DashboardPage::tr("Watch · 10–20%")
                                              : DashboardPage::tr("Bad · > 20%");
    case KeyFigure::ContextLossRate:
        return band == BenchmarkBand::Good ? DashboardPage::tr("Good · < 10%")
                                           : DashboardPage::tr("Attention · ≥ 10%");
    // The handoff band judges High and Critical escalations, not every one
    // in the p90 on the card: the badge names them.
    case KeyFigure::HandoffDelay:
        return band == BenchmarkBand::Good ? DashboardPage::tr("High/Crit. < 30 min")
                                           : DashboardPage::tr("High/Crit. ≥ 30 min");
    // The card is a share: its badge speaks of the share.
    case KeyFigure::CriticalDecisionsWithin30m:
        return band == BenchmarkBand::Good ? DashboardPage::tr("Good · ≥ 90%")
                                           : DashboardPage::tr("Attention · < 90%");
    default:
        return {};
    }
}

// What the band judged, when it is not the value on the card.
QString bandToolTip(const metrics::KeyFigureValue& f) {
    switch (f.figure) {
    case metrics::KeyFigure::HandoffDelay:
        return DashboardPage::tr("p90 handoff delay of High and Critical escalations: %1 "
                                 "(benchmark: under 30 min)")
            .arg(display::minutes(f.benchmarkValue));
    case metrics::KeyFigure::CriticalDecisionsWithin30m:
        return DashboardPage::tr("Benchmark: Critical decisions in under 30 min, so at least 90% "
                                 "of Critical escalations decided within 30 min (their p90 now: "
                                 "%1)")
            .arg(display::minutes(f.benchmarkValue));
    default:
        return {};
    }
}

} // namespace

void DashboardPage::showKeyFigures(bool valid) {
    const auto& figures = m_figures.keyFigures.figures;
    for (std::size_t i = 0; i < m_figureCards.size(); ++i) {
        KpiCard* card = m_figureCards[i];
        if (valid && m_keyFiguresPending) {
            card->setValue(QStringLiteral("…"));
            card->clearChange(tr("Calculating…"));
            card->setBand(KpiCard::Tone::Neutral, QString());
            continue;
        }
        if (!valid || i >= figures.size()) {
            card->setValue(QStringLiteral("—"));
            card->clearChange(QString());
            card->setBand(KpiCard::Tone::Neutral, QString());
            continue;
        }
        const metrics::KeyFigureValue& f = figures[i];
        QString value = figureValueText(f.value, f.unit);
        if (f.figure == metrics::KeyFigure::HandoffDelay && f.value) {
            // The median beside the p90, smaller: both fit a narrow card.
            value = QStringLiteral("%1<span style='font-size:10pt; font-weight:400; "
                                   "color:#7b8794;'>&nbsp; p50 %2</span>")
                        .arg(value, display::minutes(f.p50));
        }
        card->setValue(value);
        const QString previous =
            tr("Previous: %1").arg(f.previous ? figureValueText(f.previous, f.unit) : tr("none"));
        const KpiCard::Trend trend =
            f.better == metrics::Better::Lower ? KpiCard::Trend::UpIsBad : KpiCard::Trend::UpIsGood;
        if (f.change) {
            card->setChange(shownChange(*f.change, f.unit), figureChangeText(*f.change, f.unit),
                            previous, trend);
        } else {
            // A figure that cannot be measured says why in its band's
            // tooltip and the footnote: the reason does not fit a card.
            card->clearChange(f.value                   ? previous
                              : f.unavailable.isEmpty() ? tr("No data")
                                                        : QString());
        }
        if (f.band) {
            card->setBand(toneOf(*f.band), bandText(f), bandToolTip(f));
        } else if (!f.value && !f.unavailable.isEmpty()) {
            card->setBand(KpiCard::Tone::Neutral, tr("Not measurable"), f.unavailable);
        } else {
            card->setBand(KpiCard::Tone::Neutral, QString());
        }
    }
}

} // namespace escdesk::ui

#include "pages/DashboardPage.h"

#include "metrics/Benchmarks.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"
#include "widgets/KpiCard.h"
#include "widgets/WeeklyTrendChart.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace escdesk::ui {

using metrics::PeriodPreset;

namespace {

QString signedCount(std::int64_t value) {
    return (value > 0 ? QStringLiteral("+") : QString()) + display::count(value);
}

QString signedPercent(double fraction) {
    return (fraction > 0 ? QStringLiteral("+") : QString()) +
           QLocale().toString(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

DashboardPage::DashboardPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_customRange(new QWidget(this))
    , m_periodText(new QLabel(this))
    , m_sourceText(new QLabel(this))
    , m_ticketsCard(new KpiCard(tr("Tickets"), this))
    , m_escalatedCard(new KpiCard(tr("Escalated"), this))
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
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    header->addWidget(periodLabel);
    m_period->setAccessibleName(tr("Reporting period"));
    m_period->addItem(tr("Last 7 days"), int(PeriodPreset::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(PeriodPreset::Last30Days));
    m_period->addItem(tr("Last 90 days"), int(PeriodPreset::Last90Days));
    m_period->addItem(tr("This month"), int(PeriodPreset::ThisMonth));
    m_period->addItem(tr("Last month"), int(PeriodPreset::LastMonth));
    m_period->addItem(tr("This quarter"), int(PeriodPreset::ThisQuarter));
    m_period->addItem(tr("Custom…"), int(PeriodPreset::Custom));
    m_period->setCurrentIndex(1);
    header->addWidget(m_period);

    auto* custom = new QHBoxLayout(m_customRange);
    custom->setContentsMargins(8, 0, 0, 0);
    custom->setSpacing(6);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    auto* fromLabel = new QLabel(tr("&From"), m_customRange);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&to"), m_customRange);
    toLabel->setBuddy(m_to);
    custom->addWidget(fromLabel);
    custom->addWidget(m_from);
    custom->addWidget(toLabel);
    custom->addWidget(m_to);
    m_customRange->setVisible(false);
    header->addWidget(m_customRange);
    layout->addLayout(header);

    m_periodText->setObjectName(QStringLiteral("subtitle"));
    layout->addWidget(m_periodText);

    auto* cards = new QHBoxLayout;
    cards->setSpacing(16);
    cards->addWidget(m_ticketsCard);
    cards->addWidget(m_escalatedCard);
    cards->addWidget(m_rateCard);
    layout->addLayout(cards);

    auto* charts = new QHBoxLayout;
    charts->setSpacing(16);
    charts->addWidget(m_rateChart, 1);
    charts->addWidget(m_volumeChart, 1);
    layout->addLayout(charts, 1);

    auto* benchmark = new QLabel(
        tr("Escalation rate benchmark: below 10% is good, 10–15% is worth watching, above 15% "
           "needs attention."),
        this);
    benchmark->setObjectName(QStringLiteral("footnote"));
    benchmark->setWordWrap(true);
    layout->addWidget(benchmark);
    m_sourceText->setObjectName(QStringLiteral("footnote"));
    m_sourceText->setWordWrap(true);
    layout->addWidget(m_sourceText);

    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::periodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &DashboardPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &DashboardPage::refresh);
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
    if (m_stale) {
        refresh();
    }
}

void DashboardPage::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("dashboard/period"), int(currentPreset()));
    settings.setValue(QStringLiteral("dashboard/from"), m_from->date());
    settings.setValue(QStringLiteral("dashboard/to"), m_to->date());
}

void DashboardPage::restoreSettings(QSettings& settings) {
    const QDate from = settings.value(QStringLiteral("dashboard/from")).toDate();
    const QDate to = settings.value(QStringLiteral("dashboard/to")).toDate();
    if (from.isValid() && to.isValid()) {
        setCustomRange(from, to);
    }
    const int preset =
        settings.value(QStringLiteral("dashboard/period"), int(PeriodPreset::Last30Days)).toInt();
    const int index = m_period->findData(preset);
    if (index >= 0) {
        m_period->setCurrentIndex(index);
    }
}

void DashboardPage::setPreset(PeriodPreset preset) {
    m_period->setCurrentIndex(m_period->findData(int(preset)));
}

void DashboardPage::setCustomRange(const QDate& first, const QDate& last) {
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(first);
    m_to->setDate(last);
    if (currentPreset() == PeriodPreset::Custom) {
        refresh();
    }
}

PeriodPreset DashboardPage::currentPreset() const {
    return static_cast<PeriodPreset>(m_period->currentData().toInt());
}

QDate DashboardPage::today() const {
    const QTimeZone zone =
        m_workspace ? m_workspace->reportingTimeZone() : QTimeZone::systemTimeZone();
    return QDateTime::currentDateTime().toTimeZone(zone).date();
}

void DashboardPage::periodChanged() {
    const bool custom = currentPreset() == PeriodPreset::Custom;
    if (custom && m_from->date() == QDate(2000, 1, 1)) {
        // First use of Custom: start from the last 30 days.
        const metrics::DateRange start = metrics::periodDates(PeriodPreset::Last30Days, today());
        setCustomRange(start.first, start.last);
    }
    m_customRange->setVisible(custom);
    refresh();
}

namespace {

DashboardFigures computeFigures(store::Database& db, PeriodPreset preset,
                                const metrics::DateRange& dates, const QDate& today,
                                const QTimeZone& zone) {
    DashboardFigures figures;
    if (dates.isValid()) {
        figures.comparison = metrics::compareHeadline(db, preset, dates, zone);
    } else {
        figures.comparison.currentDates = dates;
    }
    figures.weeks =
        metrics::headlineSeries(db, metrics::recentWeeks(today, DashboardPage::trendWeeks), zone);
    return figures;
}

} // namespace

DashboardPage::~DashboardPage() {
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->waitForFinished();
    }
}

void DashboardPage::refresh() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const quint64 generation = ++m_generation;
    const PeriodPreset preset = currentPreset();
    const QDate today = this->today();
    const metrics::DateRange dates = preset == PeriodPreset::Custom
                                         ? metrics::DateRange{m_from->date(), m_to->date()}
                                         : metrics::periodDates(preset, today);
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
        return;
    }
    m_loading = true;
    m_periodText->setText(tr("Calculating…"));
    auto* watcher = new QFutureWatcher<DashboardFigures>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // Only the latest request counts: the user may have picked again.
        if (generation == m_generation) {
            m_loading = false;
            m_figures = watcher->result();
            showFigures();
        }
    });
    m_watcher = watcher;
    // A pass over a period's tickets: on a worker thread with its own
    // read-only connection, so a million-ticket workspace never blocks.
    watcher->setFuture(QtConcurrent::run([path = m_workspace->path(), preset, dates, today, zone] {
        try {
            store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
            return computeFigures(workspace.db(), preset, dates, today, zone);
        } catch (const store::StoreError& error) {
            DashboardFigures failed;
            failed.comparison.currentDates = dates;
            failed.error = error.message();
            return failed;
        }
    }));
}

void DashboardPage::showFigures() {
    showCards();
    m_rateChart->setSeries(m_figures.weeks);
    m_volumeChart->setSeries(m_figures.weeks);
}

void DashboardPage::showCards() {
    const metrics::HeadlineComparison& c = m_figures.comparison;
    if (!m_figures.error.isEmpty()) {
        m_periodText->setText(m_figures.error);
    } else if (!m_workspace) {
        m_periodText->setText(tr("No workspace is open."));
    } else if (!c.currentDates.isValid()) {
        m_periodText->setText(tr("The first day must not be after the last day."));
    } else {
        m_periodText->setText(
            tr("%1 (%2 days), compared with %3 · times in %4")
                .arg(display::dateRange(c.currentDates.first, c.currentDates.last))
                .arg(c.currentDates.days())
                .arg(display::dateRange(c.previousDates.first, c.previousDates.last))
                .arg(QString::fromUtf8(m_workspace->reportingTimeZone().id())));
    }
    const bool valid = m_workspace && c.currentDates.isValid() && m_figures.error.isEmpty();
    const auto showCount = [&](KpiCard* card, std::int64_t now, std::int64_t before,
                               const metrics::CountChange& change, KpiCard::Trend trend) {
        card->setValue(valid ? display::count(now) : QStringLiteral("—"));
        const QString previous = tr("Previous period: %1").arg(display::count(before));
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
        tr("Previous period: %1").arg(display::percent(c.previous.escalationRate));
    if (valid && c.rateChange) {
        // The arrow follows the change as shown (to 0.1 points), so a change
        // that reads 0.0 gets no arrow.
        const double shownPoints = std::round(*c.rateChange * 1000.0) / 10.0;
        m_rateCard->setChange(shownPoints,
                              tr("%1 pts").arg((shownPoints > 0 ? QStringLiteral("+") : QString()) +
                                               QLocale().toString(shownPoints, 'f', 1)),
                              previousRate, KpiCard::Trend::UpIsBad);
    } else {
        m_rateCard->clearChange(valid ? previousRate : QString());
    }
    const std::optional<metrics::BenchmarkBand> band =
        metrics::escalationRateBand(valid ? c.current.escalationRate : std::nullopt);
    if (!band) {
        m_rateCard->setBand(KpiCard::Tone::Neutral,
                            valid ? tr("No tickets in this period") : QString());
    } else if (*band == metrics::BenchmarkBand::Good) {
        m_rateCard->setBand(KpiCard::Tone::Good, tr("Good · below 10%"));
    } else if (*band == metrics::BenchmarkBand::Watch) {
        m_rateCard->setBand(KpiCard::Tone::Watch, tr("Watch · 10–15%"));
    } else {
        m_rateCard->setBand(KpiCard::Tone::Bad, tr("Needs attention · above 15%"));
    }
    m_sourceText->setText(!valid ? QString()
                          : c.current.fromEventLog
                              ? tr("Escalated tickets are those with an “escalated” event in the "
                                   "event log.")
                              : tr("This workspace has no event log: escalated tickets come from "
                                   "the tickets’ own escalated flag."));
}

} // namespace escdesk::ui

#include "pages/TrendsPage.h"

#include "ShownText.h"
#include "analysis/DrillDown.h"
#include "analysis/MetricTickets.h"
#include "metrics/FactsLoader.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"
#include "widgets/AnalysisChart.h"
#include "widgets/FigureTicketsDialog.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"

#include <QBarSet>
#include <QButtonGroup>
#include <QDateTime>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace escdesk::ui {

using analysis::Granularity;

namespace {

TrendFigures computeTrend(store::Workspace& workspace, Granularity granularity,
                          metrics::PeriodPreset preset, const metrics::DateRange& picked,
                          const QDate& today) {
    TrendFigures figures;
    const QTimeZone zone = workspace.reportingTimeZone();
    figures.period = metrics::choosePeriod(workspace.db(), preset, picked, today, zone);
    figures.trend.granularity = granularity;
    if (!figures.period.dates.isValid()) {
        return figures;
    }
    // Periods cut by the range (a first week starting mid-week, the week so
    // far) come back partial and are marked.
    figures.firstDay = figures.period.dates.first;
    figures.lastDay = figures.period.dates.last;
    figures.trend =
        analysis::analyseTrend(workspace.db(), figures.firstDay, figures.lastDay.addDays(1),
                               granularity, zone, QDateTime::currentSecsSinceEpoch());
    figures.rootCauses = analysis::stackedRootCauses(figures.trend, TrendsPage::stackedRootCauses);
    figures.spikes = analysis::rootCauseSpikes(figures.trend);
    figures.clusterSpikes = analysis::clusterSpikes(workspace.db(), figures.spikes, zone);
    for (const analysis::TrendPoint& point : figures.trend.points) {
        figures.rate.push_back(point.metrics.escalationRate);
    }
    figures.rateAverage = analysis::movingAverage3(figures.rate);
    return figures;
}

// The escalated tickets of one period by root cause, for a bar's drill-down.
struct PeriodTickets {
    std::map<QString, std::vector<std::int64_t>> byRootCause;
    QString error;
};

// The tickets behind a figure of one period, for a point's drill-down.
struct FigureDrill {
    analysis::FigureTickets tickets;
    QString error;
};

QLineSeries* guideLine(const QString& name, double value, int points, const QColor& colour) {
    auto* line = new QLineSeries;
    line->setName(name);
    // Across the whole category axis: categories sit at 0..points-1.
    line->append(-0.5, value);
    line->append(points - 0.5, value);
    line->setPen(QPen(colour, 1.1, Qt::DashLine));
    return line;
}

} // namespace

TrendsPage::TrendsPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_granularity(new QButtonGroup(this))
    , m_period(new PeriodPicker(this))
    , m_subtitle(parts::subtitle(this))
    , m_content(new QWidget(this))
    , m_rateChart(new AnalysisChart(tr("Escalation rate"), QStringLiteral("escalation-rate-trend"),
                                    m_content))
    , m_p90Chart(new AnalysisChart(tr("Time to escalate, p90"),
                                   QStringLiteral("time-to-escalate-p90"), m_content))
    , m_rootCauseChart(new AnalysisChart(tr("Escalations by root cause"),
                                         QStringLiteral("escalations-by-root-cause"), m_content))
    , m_rising(new QTableWidget(m_content))
    , m_risingEmpty(new QLabel(m_content))
    , m_p90Check(new QLabel(m_content))
    , m_spikeCheck(new QLabel(m_content)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(10);
    auto* header = new QHBoxLayout;
    header->setSpacing(0);
    header->addWidget(parts::pageTitle(tr("Trends"), this));
    header->addStretch();
    const auto addToggle = [&](const QString& text, Granularity granularity) {
        auto* button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setMinimumWidth(84);
        button->setObjectName(QStringLiteral("segmentButton"));
        m_granularity->addButton(button, int(granularity));
        header->addWidget(button);
        return button;
    };
    m_period->offerTrendPresets();
    m_period->setPreset(metrics::PeriodPreset::Last12Weeks);
    m_period->setTodayProvider([this] { return today(); });
    header->addWidget(m_period);
    header->addSpacing(16);
    addToggle(tr("&Weekly"), Granularity::Week)->setChecked(true);
    addToggle(tr("&Monthly"), Granularity::Month);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 4, 0, 0);
    content->setSpacing(14);
    auto* upper = new QHBoxLayout;
    upper->setSpacing(14);
    upper->addWidget(m_rateChart, 1);
    upper->addWidget(m_p90Chart, 1);
    content->addLayout(upper, 1);
    auto* lower = new QHBoxLayout;
    lower->setSpacing(14);
    lower->addWidget(m_rootCauseChart, 2);
    auto* risingBox = new QFrame(m_content);
    risingBox->setObjectName(QStringLiteral("panel"));
    auto* rising = new QVBoxLayout(risingBox);
    rising->setContentsMargins(14, 12, 14, 12);
    rising->setSpacing(6);
    rising->addWidget(parts::sectionTitle(tr("Rising root causes"), risingBox));
    rising->addWidget(parts::footnote(
        tr("Rising: escalations went up from each of the last %1 complete periods to the next, "
           "the share of all escalations is higher in the latest than in the first, and at "
           "least %2 escalations in the latest.")
            .arg(analysis::risingPeriods)
            .arg(analysis::risingMinimumCount),
        risingBox));
    m_rising->setParent(risingBox);
    rising->addWidget(m_rising, 1);
    m_risingEmpty->setObjectName(QStringLiteral("emptyState"));
    m_risingEmpty->setAlignment(Qt::AlignCenter);
    m_risingEmpty->setWordWrap(true);
    rising->addWidget(m_risingEmpty, 1);
    m_p90Check->setWordWrap(true);
    m_p90Check->setTextFormat(Qt::RichText);
    rising->addWidget(m_p90Check);
    m_spikeCheck->setWordWrap(true);
    m_spikeCheck->setTextFormat(Qt::RichText);
    m_spikeCheck->setToolTip(analysis::spikeRuleText() + QLatin1Char('\n') +
                             analysis::clusterSpikeRuleText());
    rising->addWidget(m_spikeCheck);
    lower->addWidget(risingBox, 1);
    content->addLayout(lower, 1);
    layout->addWidget(m_content, 1);

    setStyleSheet(
        QStringLiteral("QFrame#panel { background: palette(base); border: 1px solid palette(mid); "
                       "border-radius: 8px; }"
                       "QToolButton#segmentButton { padding: 4px 12px; border: 1px solid #c5ccd6; "
                       "background: palette(base); color: palette(text); }"
                       "QToolButton#segmentButton:checked { background: #2f6fdd; color: white; "
                       "border-color: #2f6fdd; font-weight: 600; }"));

    parts::styleTable(m_rising);
    m_rising->setColumnCount(3);
    m_rising->setHorizontalHeaderLabels({tr("Root cause"), tr("Escalations"), tr("Share")});
    m_rising->setAccessibleName(tr("Rising root causes"));
    m_rising->horizontalHeaderItem(1)->setToolTip(
        display::termDefinition(metrics::escalationsTerm));
    // A narrow panel: the counts and shares keep their width, the name
    // gives way (its full text is in the tooltip).
    QHeaderView* risingHeader = m_rising->horizontalHeader();
    risingHeader->setSectionResizeMode(0, QHeaderView::Stretch);
    risingHeader->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    risingHeader->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_rising->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    connect(m_granularity, &QButtonGroup::idClicked, this,
            [this](int id) { setGranularity(static_cast<Granularity>(id)); });
    connect(m_period, &PeriodPicker::changed, this, &TrendsPage::refresh);
    connect(m_rising, &QTableWidget::cellActivated, this,
            [this](int row, int) { showRisingTickets(row); });
    connect(m_rising, &QTableWidget::cellClicked, this,
            [this](int row, int) { showRisingTickets(row); });
}

TrendsPage::~TrendsPage() {
    m_drillJob.finish();
    m_job.finish();
}

void TrendsPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_stale = true;
    m_job.cancel();
    if (isVisible()) {
        refresh();
    }
}

void TrendsPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void TrendsPage::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("trends/granularity"),
                      analysis::granularityName(granularity()));
    m_period->saveSettings(settings, QStringLiteral("trends"));
}

void TrendsPage::restoreSettings(QSettings& settings) {
    if (const auto g = analysis::parseGranularity(
            settings.value(QStringLiteral("trends/granularity")).toString())) {
        m_granularity->button(int(*g))->setChecked(true);
    }
    if (settings.contains(QStringLiteral("trends/period"))) {
        m_period->restoreSettings(settings, QStringLiteral("trends"));
    } else if (granularity() == Granularity::Month) {
        m_period->setPreset(metrics::PeriodPreset::Last12Months);
    }
}

void TrendsPage::setGranularity(Granularity granularity) {
    m_granularity->button(int(granularity))->setChecked(true);
    // The default twelve periods follow the granularity: twelve weeks are
    // three months, twelve months fifty-two weeks.
    const metrics::PeriodPreset preset = m_period->preset();
    const QSignalBlocker block(m_period);
    if (granularity == Granularity::Month && preset == metrics::PeriodPreset::Last12Weeks) {
        m_period->setPreset(metrics::PeriodPreset::Last12Months);
    } else if (granularity == Granularity::Week && preset == metrics::PeriodPreset::Last12Months) {
        m_period->setPreset(metrics::PeriodPreset::Last12Weeks);
    }
    refresh();
}

QDate TrendsPage::today() const {
    return m_today.isValid() ? m_today : parts::today(m_workspace);
}

QString TrendsPage::subtitleText() const {
    return m_subtitle->text();
}

Granularity TrendsPage::granularity() const {
    return static_cast<Granularity>(m_granularity->checkedId());
}

void TrendsPage::setToday(const QDate& today) {
    m_today = today;
    refresh();
}

void TrendsPage::refresh() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_workspace) {
        m_job.cancel();
        showFigures({});
        return;
    }
    const QDate today = this->today();
    const Granularity g = granularity();
    const metrics::PeriodPreset preset = m_period->preset();
    const metrics::DateRange picked = m_period->dates(today);
    m_subtitle->setText(tr("Calculating…"));
    m_content->setEnabled(false);
    m_job.run<TrendFigures>(
        this, m_workspace->path(),
        [g, preset, picked, today](store::Workspace& workspace) {
            return computeTrend(workspace, g, preset, picked, today);
        },
        [this](TrendFigures figures) { showFigures(std::move(figures)); });
}

void TrendsPage::showFigures(TrendFigures figures) {
    m_figures = std::move(figures);
    m_content->setEnabled(true);
    if (!m_figures.error.isEmpty()) {
        shown::setPlainText(m_subtitle, m_figures.error);
    } else if (!m_workspace) {
        m_subtitle->setText(tr("No workspace is open."));
    } else if (!m_figures.period.dates.isValid()) {
        m_subtitle->setText(tr("The first day must not be after the last day."));
    } else {
        const bool weekly = m_figures.trend.granularity == Granularity::Week;
        const bool partial =
            std::any_of(m_figures.trend.points.begin(), m_figures.trend.points.end(),
                        [](const analysis::TrendPoint& p) { return p.period.partial; });
        const QString followsData =
            parts::followsDataText(m_figures.period, m_period->presetText());
        m_subtitle->setText(
            (followsData.isEmpty() ? QString() : followsData + QStringLiteral(" · ")) +
            tr("%1 %2, %3%4 · times in %5")
                .arg(m_figures.trend.points.size())
                .arg(weekly && followsData.isEmpty() ? tr("weeks (Monday to Sunday)")
                     : weekly                        ? tr("weeks")
                                                     : tr("months"))
                .arg(display::dateRange(m_figures.firstDay, m_figures.lastDay))
                .arg(partial ? (weekly ? tr(" · * partial week") : tr(" · * partial month"))
                             : QString())
                .arg(QString::fromUtf8(m_workspace->reportingTimeZone().id())));
        m_subtitle->setToolTip(
            partial ? tr("A period marked * is only part of its week or month: the range starts "
                         "or ends inside it. It is drawn, but never compared as a whole one.")
                    : QString());
    }
    m_period->showDataEnd(m_figures.period.followsData ? m_figures.period.dataEnd : QDate());
    const QStringList labels = periodLabels();
    showRate(labels);
    showP90(labels);
    showRootCauses(labels);
    showRising();
}

QStringList TrendsPage::periodLabels() const {
    QStringList labels;
    const QLocale locale;
    const bool weekly = m_figures.trend.granularity == Granularity::Week;
    for (const analysis::TrendPoint& point : m_figures.trend.points) {
        // Two lines: twelve weeks fit a half-width chart.
        QString label =
            locale.toString(point.period.firstDay, weekly ? QStringLiteral("d'<br>'MMM")
                                                          : QStringLiteral("MMM'<br>'yyyy"));
        if (point.period.partial) {
            // On the first line, which is the shorter one.
            label.replace(QStringLiteral("<br>"), QStringLiteral("*<br>"));
        }
        labels << label;
    }
    return labels;
}

QString TrendsPage::periodAxisTitle() const {
    return m_figures.trend.granularity == Granularity::Week ? tr("Week starting") : tr("Month");
}

QString TrendsPage::periodName(std::size_t index) const {
    const analysis::TrendPoint& point = m_figures.trend.points[index];
    const QLocale locale;
    // The whole week or month, named by its first day even where the range
    // starts inside it.
    const QDate start = analysis::periodStart(point.period.firstDay, m_figures.trend.granularity);
    const QString name =
        m_figures.trend.granularity == Granularity::Week
            ? tr("Week of %1").arg(locale.toString(start, QStringLiteral("d MMM yyyy")))
            : locale.toString(start, QStringLiteral("MMMM yyyy"));
    if (point.period.startsLate) {
        return tr("%1 (from %2)")
            .arg(name, locale.toString(point.period.firstDay, QStringLiteral("d MMM")));
    }
    return point.period.endsEarly ? tr("%1 (so far)").arg(name) : name;
}

QString TrendsPage::notMeasurableReason() const {
    // Every period shares the workspace's coverage: the first one says it.
    if (m_figures.trend.points.empty()) {
        return {};
    }
    const auto& unavailable = m_figures.trend.points.front().metrics.unavailable;
    const auto found = unavailable.find(QStringLiteral("escalation_rate"));
    return found == unavailable.end() ? QString() : found->second;
}

void TrendsPage::showRate(const QStringList& labels) {
    const int count = int(m_figures.trend.points.size());
    // Escalations the data cannot measure: said, not drawn as a flat 0.
    const QString notMeasurable = notMeasurableReason();
    m_rateChart->clear(count == 0 && m_workspace ? tr("No periods to show.")
                       : notMeasurable.isEmpty()
                           ? QString()
                           : tr("Escalation rate not measurable: %1.").arg(notMeasurable));
    if (count == 0 || !notMeasurable.isEmpty()) {
        return;
    }
    auto* rate = new QLineSeries;
    rate->setName(tr("Escalation rate"));
    rate->setPen(QPen(AnalysisChart::accentColour(), 2.2));
    rate->setPointsVisible(true);
    auto* average = new QLineSeries;
    average->setName(tr("3-period moving average"));
    average->setPen(QPen(QColor(0xf0, 0x9a, 0x2e), 2.0, Qt::DashLine));
    double highest = 15.0;
    for (int i = 0; i < count; ++i) {
        // A period without tickets has no rate: a gap, not a zero.
        if (const auto& value = m_figures.rate[std::size_t(i)]) {
            rate->append(i, *value * 100.0);
            highest = std::max(highest, *value * 100.0);
        }
        if (const auto& value = m_figures.rateAverage[std::size_t(i)]) {
            average->append(i, *value * 100.0);
        }
    }
    m_rateChart->addPeriodAxis(labels, periodAxisTitle());
    m_rateChart->addRoundValueAxis(highest, 20.0, QStringLiteral("%g%%"),
                                   tr("Escalation rate (%)"));
    m_rateChart->addSeries(guideLine(tr("10% good"), 10.0, count, AnalysisChart::goodColour()));
    m_rateChart->addSeries(guideLine(tr("15% attention"), 15.0, count, AnalysisChart::badColour()));
    m_rateChart->addSeries(average);
    m_rateChart->addSeries(rate);
    const auto tip = [this](const QPointF& point, bool state) {
        const int index = int(std::lround(point.x()));
        if (!state || index < 0 || index >= int(m_figures.trend.points.size())) {
            m_rateChart->showToolTip({});
            return;
        }
        const analysis::TrendPoint& p = m_figures.trend.points[std::size_t(index)];
        m_rateChart->showToolTip(
            tr("<b>%1</b><br>Escalation rate %2 (%3 of %4 tickets)<br>3-period average "
               "%5<br><i>Click to list the tickets</i>")
                .arg(periodName(std::size_t(index)), display::percent(p.metrics.escalationRate),
                     display::count(p.metrics.escalated), display::count(p.metrics.tickets),
                     display::percent(m_figures.rateAverage[std::size_t(index)])));
    };
    connect(rate, &QLineSeries::hovered, m_rateChart, tip);
    connect(average, &QLineSeries::hovered, m_rateChart, tip);
    const auto activate = [this](const QPointF& point) {
        showRateTickets(int(std::lround(point.x())));
    };
    connect(rate, &QLineSeries::clicked, this, activate);
    connect(average, &QLineSeries::clicked, this, activate);
}

void TrendsPage::showP90(const QStringList& labels) {
    const auto& points = m_figures.trend.points;
    const int count = int(points.size());
    const QString notMeasurable = count == 0 ? QString() : notMeasurableReason();
    m_p90Chart->clear(count == 0 && m_workspace ? tr("No periods to show.")
                      : notMeasurable.isEmpty()
                          ? QString()
                          : tr("Time to escalate not measurable: %1.").arg(notMeasurable));
    if (count == 0 || !notMeasurable.isEmpty()) {
        return;
    }
    double highest = 0.0;
    for (const analysis::TrendPoint& p : points) {
        highest = std::max({highest, p.metrics.timeToEscalateMin.p90.value_or(0.0),
                            p.trailingMedianP90.value_or(0.0)});
    }
    // Hours read better than thousands of minutes.
    const bool hours = highest >= 180.0;
    const double unit = hours ? 60.0 : 1.0;
    auto* p90 = new QLineSeries;
    p90->setName(tr("p90 time to escalate"));
    p90->setPen(QPen(AnalysisChart::accentColour(), 2.2));
    p90->setPointsVisible(true);
    auto* median = new QLineSeries;
    median->setName(tr("4-week median before"));
    median->setPen(QPen(AnalysisChart::mutedColour(), 1.6, Qt::DashLine));
    auto* regressions = new QScatterSeries;
    regressions->setName(tr("Regression (> +20%)"));
    regressions->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    regressions->setMarkerSize(11);
    regressions->setColor(AnalysisChart::badColour());
    regressions->setBorderColor(Qt::white);
    for (int i = 0; i < count; ++i) {
        const analysis::TrendPoint& p = points[std::size_t(i)];
        if (const auto& value = p.metrics.timeToEscalateMin.p90) {
            p90->append(i, *value / unit);
            if (p.p90Regression) {
                regressions->append(i, *value / unit);
            }
        }
        if (p.trailingMedianP90) {
            median->append(i, *p.trailingMedianP90 / unit);
        }
    }
    m_p90Chart->addPeriodAxis(labels, periodAxisTitle());
    m_p90Chart->addRoundValueAxis(highest / unit, hours ? 4.0 : 30.0, QStringLiteral("%g"),
                                  hours ? tr("p90 (hours)") : tr("p90 (min)"));
    m_p90Chart->addSeries(median);
    m_p90Chart->addSeries(p90);
    m_p90Chart->addSeries(regressions);
    if (median->count() == 0) {
        m_p90Chart->hideFromLegend(median);
    }
    const auto tip = [this](const QPointF& point, bool state) {
        const int index = int(std::lround(point.x()));
        if (!state || index < 0 || index >= int(m_figures.trend.points.size())) {
            m_p90Chart->showToolTip({});
            return;
        }
        const analysis::TrendPoint& p = m_figures.trend.points[std::size_t(index)];
        QString text = tr("<b>%1</b><br>p90 time to escalate %2 (%3 escalated tickets)")
                           .arg(periodName(std::size_t(index)),
                                display::minutes(p.metrics.timeToEscalateMin.p90),
                                display::count(p.metrics.timeToEscalateMin.n));
        if (p.trailingMedianP90) {
            text += tr("<br>Median of the 4 weeks before: %1")
                        .arg(display::minutes(p.trailingMedianP90));
        }
        if (p.p90Regression) {
            text += tr("<br><b style='color:#b42318'>Regression: more than 20% above</b>");
        }
        m_p90Chart->showToolTip(text + tr("<br><i>Click to list the tickets</i>"));
    };
    connect(p90, &QLineSeries::hovered, m_p90Chart, tip);
    connect(regressions, &QScatterSeries::hovered, m_p90Chart, tip);
    const auto activate = [this](const QPointF& point) {
        showP90Tickets(int(std::lround(point.x())));
    };
    connect(p90, &QLineSeries::clicked, this, activate);
    connect(regressions, &QScatterSeries::clicked, this, activate);
    connect(median, &QLineSeries::clicked, this, activate);
}

void TrendsPage::showRootCauses(const QStringList& labels) {
    const analysis::StackedCategories& stacked = m_figures.rootCauses;
    const int count = int(m_figures.trend.points.size());
    const QString notMeasurable = count == 0 ? QString() : notMeasurableReason();
    m_rootCauseChart->clear(!notMeasurable.isEmpty() && m_workspace
                                ? tr("Escalations not measurable: %1.").arg(notMeasurable)
                            : stacked.names.isEmpty() && m_workspace
                                ? tr("No escalations in these periods.")
                                : QString());
    if (stacked.names.isEmpty() || count == 0) {
        return;
    }
    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(0.66);
    std::int64_t highest = 0;
    for (const analysis::TrendPoint& p : m_figures.trend.points) {
        highest = std::max(highest, p.escalations);
    }
    for (int n = 0; n < stacked.names.size(); ++n) {
        auto* set = new QBarSet(stacked.names[n]);
        const bool other =
            n == stacked.names.size() - 1 && stacked.names.size() > TrendsPage::stackedRootCauses;
        const QColor colour =
            other ? AnalysisChart::otherColour() : AnalysisChart::categoryColour(n);
        set->setColor(colour);
        set->setBorderColor(colour);
        for (std::int64_t value : stacked.counts[std::size_t(n)]) {
            set->append(double(value));
        }
        connect(set, &QBarSet::hovered, m_rootCauseChart, [this, n](bool status, int index) {
            if (!status || index < 0 || index >= int(m_figures.trend.points.size())) {
                m_rootCauseChart->showToolTip({});
                return;
            }
            const analysis::TrendPoint& p = m_figures.trend.points[std::size_t(index)];
            m_rootCauseChart->showToolTip(
                tr("<b>%1</b><br>%2: %3 of %4 escalations<br><i>Click to list the tickets</i>")
                    .arg(periodName(std::size_t(index)), shown::html(m_figures.rootCauses.names[n]),
                         display::count(
                             m_figures.rootCauses.counts[std::size_t(n)][std::size_t(index)]),
                         display::count(p.escalations)));
        });
        connect(set, &QBarSet::clicked, this, [this, n](int index) { showBarTickets(index, n); });
        bars->append(set);
    }
    m_rootCauseChart->addPeriodAxis(labels, periodAxisTitle());
    m_rootCauseChart->addRoundValueAxis(double(highest), 10.0, QStringLiteral("%.0f"),
                                        tr("Escalations"));
    m_rootCauseChart->addSeries(bars);
    // Beside the bars: a legend below would take two rows.
    m_rootCauseChart->chart()->legend()->setAlignment(Qt::AlignRight);
}

QString TrendsPage::spikeText() const {
    if (!m_workspace) {
        return {};
    }
    const analysis::SpikeCheck& check = m_figures.spikes;
    if (m_figures.trend.granularity != Granularity::Week) {
        return tr("Spike check: in the weekly view.");
    }
    if (!check.enoughWeeks) {
        return tr("Spike check: needs %1 complete weeks before the latest one.")
            .arg(analysis::spikeTrailingWeeks);
    }
    const QString week = QLocale().toString(check.weekStart, QStringLiteral("d MMM"));
    const QString clusters = clusterSpikeText();
    if (check.spikes.empty()) {
        return tr("Spikes, week of %1: <span style='color:#1e7f4f'>none</span> — no root "
                  "cause above its robust threshold over the %2 weeks before<br>%3")
            .arg(week)
            .arg(analysis::spikeTrailingWeeks)
            .arg(clusters);
    }
    QStringList spikes;
    for (const analysis::Spike& spike : check.spikes) {
        spikes << tr("<b style='color:#b42318'>%1</b> %2 (median %3, threshold %4)")
                      .arg(shown::html(spike.rootCause), display::count(spike.count),
                           QLocale().toString(spike.threshold.median, 'g', 4),
                           QLocale().toString(spike.threshold.threshold, 'f', 1));
    }
    return tr("Spikes, week of %1: %2<br>%3")
        .arg(week, spikes.join(QStringLiteral(", ")), clusters);
}

// The problem clusters of the same week (analysis/ClusterSpikes.h).
QString TrendsPage::clusterSpikeText() const {
    const analysis::ClusterSpikeCheck& check = m_figures.clusterSpikes;
    if (check.spikes.empty()) {
        return tr("Cluster spikes: <span style='color:#1e7f4f'>none</span> — no problem "
                  "cluster of the %1 weeks above its robust threshold")
            .arg(analysis::spikeTrailingWeeks + 1);
    }
    QStringList spikes;
    for (const analysis::ClusterSpike& spike : check.spikes) {
        spikes << tr("<b style='color:#b42318'>%1</b> %2 (median %3, threshold %4)")
                      .arg(shown::html(analysis::clusterSpikeName(spike)),
                           display::count(spike.count),
                           QLocale().toString(spike.threshold.median, 'g', 4),
                           QLocale().toString(spike.threshold.threshold, 'f', 1));
    }
    return tr("Cluster spikes: %1").arg(spikes.join(QStringLiteral(", ")));
}

void TrendsPage::showRising() {
    m_spikeCheck->setText(spikeText());
    const auto& rising = m_figures.trend.rising;
    m_rising->clearContents();
    m_rising->setRowCount(int(rising.size()));
    const QString arrow = QStringLiteral(" → ");
    for (int i = 0; i < int(rising.size()); ++i) {
        const analysis::RisingCategory& r = rising[std::size_t(i)];
        QStringList counts;
        for (std::int64_t c : r.counts) {
            counts << display::count(c);
        }
        QString shares;
        if (!r.shares.empty()) {
            shares = display::percent(r.shares.front()) + arrow + display::percent(r.shares.back());
        }
        auto* name = parts::textItem(r.rootCause);
        name->setToolTip(shown::toolTip(r.rootCause));
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        m_rising->setItem(i, 0, name);
        m_rising->setItem(i, 1, parts::textItem(counts.join(arrow)));
        auto* share = parts::textItem(shares);
        share->setForeground(AnalysisChart::badColour());
        m_rising->setItem(i, 2, share);
    }
    m_rising->setVisible(!rising.empty());
    m_risingEmpty->setVisible(rising.empty());
    m_risingEmpty->setText(m_workspace ? tr("No root cause is on the rise.") : QString());

    const analysis::P90RegressionCheck& check = m_figures.trend.p90;
    if (!m_workspace || !check.latestP90 || !check.trailingMedian) {
        m_p90Check->setText(m_workspace ? tr("p90 regression check: not enough complete weeks.")
                                        : QString());
        return;
    }
    m_p90Check->setText(
        tr("p90 time to escalate, week of %1: <b>%2</b> against a median of %3 over the 4 weeks "
           "before — %4")
            .arg(QLocale().toString(check.weekStart, QStringLiteral("d MMM")),
                 display::minutes(check.latestP90), display::minutes(check.trailingMedian),
                 check.regressed
                     ? tr("<b style='color:#b42318'>regression (more than 20% above)</b>")
                     : tr("<span style='color:#1e7f4f'>no regression</span>")));
}

void TrendsPage::showBarTickets(int period, int category) {
    const analysis::StackedCategories& stacked = m_figures.rootCauses;
    const auto& points = m_figures.trend.points;
    if (!m_workspace || period < 0 || period >= int(points.size()) || category < 0 ||
        category >= stacked.names.size()) {
        return;
    }
    const analysis::TrendPoint& point = points[std::size_t(period)];
    // "All other" stands for every root cause the chart does not name.
    const bool other = category == stacked.names.size() - 1 &&
                       stacked.names.size() > TrendsPage::stackedRootCauses;
    QStringList causes;
    if (other) {
        for (const auto& [name, count] : point.escalationsByRootCause) {
            if (!stacked.names.mid(0, TrendsPage::stackedRootCauses).contains(name)) {
                causes << name;
            }
        }
    } else {
        causes << stacked.names[category];
    }
    const QString heading = tr("%1 — %2").arg(
        other ? tr("Other root causes") : stacked.names[category], periodName(std::size_t(period)));
    const Window window = point.period.window;
    m_drillJob.run<PeriodTickets>(
        this, m_workspace->path(),
        [window](store::Workspace& workspace) {
            PeriodTickets tickets;
            tickets.byRootCause = analysis::ticketRowsByRootCause(
                metrics::loadMetricsInput(workspace.db(), window), window);
            return tickets;
        },
        [this, causes, heading](PeriodTickets tickets) {
            std::vector<std::int64_t> rows;
            for (const QString& cause : causes) {
                const auto found = tickets.byRootCause.find(cause);
                if (found != tickets.byRootCause.end()) {
                    rows.insert(rows.end(), found->second.begin(), found->second.end());
                }
            }
            auto* dialog = new QDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(tr("Escalated tickets"));
            dialog->resize(760, 480);
            auto* layout = new QVBoxLayout(dialog);
            auto* pane = new TicketListPane(dialog);
            pane->showTickets(m_workspace, heading, std::move(rows));
            layout->addWidget(pane);
            dialog->show();
        });
}

void TrendsPage::showRateTickets(int period) {
    const auto& points = m_figures.trend.points;
    if (!m_workspace || period < 0 || period >= int(points.size())) {
        return;
    }
    const Window window = points[std::size_t(period)].period.window;
    const QString name = periodName(std::size_t(period));
    m_drillJob.run<FigureDrill>(
        this, m_workspace->path(),
        [window](store::Workspace& workspace) {
            return FigureDrill{analysis::figureTicketsOf(workspace.db(), window,
                                                         analysis::MetricFigure::EscalationRate, 0),
                               {}};
        },
        [this, name](FigureDrill drill) {
            auto* dialog =
                new FigureTicketsDialog(m_workspace, tr("Escalation rate — %1").arg(name),
                                        {tr("Escalated"),
                                         tr("Escalated tickets created — %1").arg(name),
                                         std::move(drill.tickets.counted),
                                         false,
                                         {},
                                         {}},
                                        {tr("All tickets"),
                                         tr("Tickets created — %1").arg(name),
                                         std::move(drill.tickets.population),
                                         true,
                                         {},
                                         {}},
                                        this);
            dialog->show();
        });
}

void TrendsPage::showP90Tickets(int period) {
    const auto& points = m_figures.trend.points;
    if (!m_workspace || period < 0 || period >= int(points.size())) {
        return;
    }
    const Window window = points[std::size_t(period)].period.window;
    const QString name = periodName(std::size_t(period));
    m_drillJob.run<FigureDrill>(
        this, m_workspace->path(),
        [window](store::Workspace& workspace) {
            return FigureDrill{analysis::figureTicketsOf(workspace.db(), window,
                                                         analysis::MetricFigure::TimeToEscalate, 0),
                               {}};
        },
        [this, name](FigureDrill drill) {
            TicketListSpec counted{
                tr("Escalated"),
                tr("Escalated tickets created — %1 — longest time to escalate first").arg(name),
                std::move(drill.tickets.counted),
                false,
                tr("Time to escalate"),
                {}};
            for (double minutes : drill.tickets.countedMinutes) {
                counted.values << display::minutes(minutes);
            }
            auto* dialog = new FigureTicketsDialog(
                m_workspace, tr("Time to escalate — %1").arg(name), std::move(counted), {}, this);
            dialog->show();
        });
}

void TrendsPage::showRisingTickets(int row) {
    const auto& rising = m_figures.trend.rising;
    std::vector<const analysis::TrendPoint*> complete;
    for (const analysis::TrendPoint& point : m_figures.trend.points) {
        if (!point.period.partial) {
            complete.push_back(&point);
        }
    }
    if (!m_workspace || row < 0 || row >= int(rising.size()) ||
        complete.size() < std::size_t(analysis::risingPeriods)) {
        return;
    }
    // The periods the row's counts come from: the last complete ones.
    const Window window{complete[complete.size() - analysis::risingPeriods]->period.window.from,
                        complete.back()->period.window.to};
    const QString cause = rising[std::size_t(row)].rootCause;
    m_drillJob.run<PeriodTickets>(
        this, m_workspace->path(),
        [window](store::Workspace& workspace) {
            PeriodTickets tickets;
            tickets.byRootCause = analysis::ticketRowsByRootCause(
                metrics::loadMetricsInput(workspace.db(), window), window);
            return tickets;
        },
        [this, cause](PeriodTickets tickets) {
            const auto found = tickets.byRootCause.find(cause);
            auto* dialog = new FigureTicketsDialog(
                m_workspace, tr("Rising: %1").arg(cause),
                {tr("Escalated"),
                 tr("%1 — escalated over the last %2 complete periods")
                     .arg(cause)
                     .arg(analysis::risingPeriods),
                 found == tickets.byRootCause.end() ? std::vector<std::int64_t>{}
                                                    : std::move(found->second),
                 false,
                 {},
                 {}},
                {}, this);
            dialog->show();
        });
}

QString TrendsPage::p90CheckText() const {
    return m_p90Check->text();
}

QString TrendsPage::spikeCheckText() const {
    return m_spikeCheck->text();
}

} // namespace escdesk::ui

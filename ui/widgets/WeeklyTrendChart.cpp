#include "widgets/WeeklyTrendChart.h"

#include "Appearance.h"
#include "models/DisplayText.h"
#include "widgets/ChartExport.h"
#include "widgets/ChartTheme.h"
#include <QEvent>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <QCursor>

#include <algorithm>
#include <cmath>
#include <optional>

namespace escdesk::ui {

namespace {

QColor textColour() {
    return themeColours().mutedText;
}
QColor gridColour() {
    return themeColours().grid;
}
QColor rateColour() {
    return themeColours().accent;
}
const QColor goodColour(0x1e, 0x7f, 0x4f);
const QColor badColour(0xb4, 0x23, 0x18);
const QColor escalatedColour(0xf0, 0x9a, 0x2e);
QColor otherColour() {
    return themeColours().dark ? QColor(0x3d, 0x5f, 0x96) : QColor(0xb5, 0xcd, 0xfb);
}

void styleAxis(QAbstractAxis* axis, const QString& title = {}) {
    QFont font = axis->labelsFont();
    font.setPointSizeF(8);
    axis->setLabelsFont(font);
    axis->setTitleText(title);
    QFont titleFont = font;
    titleFont.setPointSizeF(8.5);
    axis->setTitleFont(titleFont);
    axis->setTitleBrush(textColour());
    axis->setLabelsColor(textColour());
    axis->setGridLineColor(gridColour());
    axis->setLinePenColor(gridColour());
}

QLineSeries* guideLine(const QString& name, double percent, int points, const QColor& colour) {
    auto* line = new QLineSeries;
    line->setName(name);
    // Across the whole category axis: categories sit at 0..points-1.
    line->append(-0.5, percent);
    line->append(points - 0.5, percent);
    QPen pen(colour, 1.2, Qt::DashLine);
    line->setPen(pen);
    return line;
}

} // namespace

WeeklyTrendChart::WeeklyTrendChart(Kind kind, const QString& title, QWidget* parent)
    // The chart is handed to the base constructor: setChart() later would
    // orphan the default chart QChartView(parent) creates.
    : QChartView(new QChart, parent)
    , m_kind(kind) {
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(title);
    setMinimumHeight(260);
    QChart* chart = this->chart();
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(10);
    titleFont.setWeight(QFont::DemiBold);
    chart->setTitleFont(titleFont);
    chart->setBackgroundRoundness(8);
    chart->setMargins(QMargins(8, 4, 12, 4));
    // The chart's rounded box fills the view, aligned with the KPI cards.
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::NoBrush);
    setStyleSheet(QStringLiteral("background: transparent;"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    charttheme::apply(chart);
    chartexport::installContextMenu(this, kind == Kind::EscalationRate
                                              ? QStringLiteral("escalation-rate-by-week")
                                              : QStringLiteral("tickets-by-week"));
}

QString WeeklyTrendChart::weekName(std::size_t index) const {
    if (index >= m_weeks.size()) {
        return {};
    }
    const metrics::PeriodFigures& week = m_weeks[index];
    const QString first = QLocale().toString(week.dates.first, QStringLiteral("d MMM yyyy"));
    if (week.partial) {
        return tr("Week of %1 — so far: %2 of 7 days, not a whole week")
            .arg(first)
            .arg(week.dates.days());
    }
    return tr("Week of %1").arg(first);
}

QStringList WeeklyTrendChart::weekLabels() const {
    QStringList labels;
    const QLocale locale;
    for (const metrics::PeriodFigures& week : m_weeks) {
        // Day over month on two lines: twelve weeks fit a half-width chart;
        // a partial week's "*" on the first, shorter line.
        labels << locale.toString(week.dates.first, week.partial ? QStringLiteral("d'*<br>'MMM")
                                                                 : QStringLiteral("d'<br>'MMM"));
    }
    return labels;
}

QList<QAbstractSeries*> WeeklyTrendChart::partialSeries() const {
    QList<QAbstractSeries*> partial;
    for (QAbstractSeries* series : chart()->series()) {
        if (series->property("partialWeek").toBool()) {
            partial << series;
        }
    }
    return partial;
}

namespace {

bool anyPartial(const std::vector<metrics::PeriodFigures>& weeks) {
    return std::any_of(weeks.begin(), weeks.end(),
                       [](const metrics::PeriodFigures& week) { return week.partial; });
}

QString weekAxisTitle(const std::vector<metrics::PeriodFigures>& weeks) {
    return anyPartial(weeks) ? WeeklyTrendChart::tr("Week starting (* so far, not a whole week)")
                             : WeeklyTrendChart::tr("Week starting");
}

} // namespace

void WeeklyTrendChart::setSeries(const std::vector<metrics::PeriodFigures>& weeks) {
    QChart* chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    m_points = 0;
    m_weeks = weeks;
    const QStringList labels = weekLabels();
    // Escalations the data cannot measure: no rate is drawn, and why is said.
    const QString notMeasurable = weeks.empty() ? QString() : weeks.front().figures.unavailable;
    setToolTip(notMeasurable.isEmpty()
                   ? QString()
                   : tr("Escalations cannot be measured from this data: %1.").arg(notMeasurable));
    if (m_kind == Kind::EscalationRate) {
        showRate(weeks, labels);
    } else {
        showVolume(weeks, labels);
    }
}

void WeeklyTrendChart::showRate(const std::vector<metrics::PeriodFigures>& weeks,
                                const QStringList& labels) {
    QChart* chart = this->chart();
    auto* rate = new QLineSeries;
    rate->setName(tr("Escalation rate"));
    rate->setPen(QPen(rateColour(), 2.2));
    auto* dots = new QScatterSeries;
    dots->setMarkerSize(7);
    dots->setColor(rateColour());
    dots->setBorderColor(themeColours().card);
    // A partial week hangs off the line on a dashed stretch, its point
    // hollow: a one-day week's rate is not a whole week's.
    auto* partialLine = new QLineSeries;
    partialLine->setPen(QPen(rateColour(), 1.6, Qt::DashLine));
    partialLine->setProperty("partialWeek", true);
    auto* partialDots = new QScatterSeries;
    partialDots->setName(tr("Week so far (partial)"));
    partialDots->setMarkerSize(9);
    partialDots->setColor(themeColours().card);
    partialDots->setPen(QPen(rateColour(), 2.0));
    partialDots->setProperty("partialWeek", true);
    double highest = 0;
    std::optional<QPointF> previous;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        // A week without tickets has no rate: it leaves a gap, not a zero.
        const auto& value = weeks[i].figures.escalationRate;
        if (!value) {
            previous.reset();
            continue;
        }
        const QPointF point(double(i), *value * 100.0);
        if (weeks[i].partial) {
            if (previous) {
                partialLine->append(*previous);
            }
            partialLine->append(point);
            partialDots->append(point);
        } else {
            rate->append(point);
            dots->append(point);
        }
        previous = point;
        highest = std::max(highest, point.y());
        ++m_points;
    }
    const int count = static_cast<int>(weeks.size());
    chart->addSeries(guideLine(tr("10% good"), 10.0, count, goodColour));
    chart->addSeries(guideLine(tr("15% needs attention"), 15.0, count, badColour));
    chart->addSeries(rate);
    chart->addSeries(dots);
    const bool partialDrawn = partialDots->count() > 0;
    if (partialDrawn) {
        chart->addSeries(partialLine);
        chart->addSeries(partialDots);
    } else {
        delete partialLine;
        delete partialDots;
        partialLine = nullptr;
        partialDots = nullptr;
    }

    auto* x = new QBarCategoryAxis;
    x->append(labels);
    auto* y = new QValueAxis;
    // Round ticks: 0–20% by 5, above that by 10 (0, 10, 20, 30%).
    const double top = std::max(20.0, std::ceil((highest + 2.0) / 10.0) * 10.0);
    y->setRange(0, top);
    y->setLabelFormat(QStringLiteral("%.0f%%"));
    y->setTickCount(int(top / (top <= 20.0 ? 5.0 : 10.0)) + 1);
    styleAxis(x, weekAxisTitle(weeks));
    styleAxis(y, tr("Escalation rate (%)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const auto tip = [this](const QPointF& point, bool state) {
        const auto index = static_cast<std::size_t>(std::max(0L, std::lround(point.x())));
        if (!state || index >= m_weeks.size()) {
            QToolTip::hideText();
            return;
        }
        const metrics::HeadlineFigures& f = m_weeks[index].figures;
        QToolTip::showText(
            QCursor::pos(),
            tr("<b>%1</b><br>Escalation rate %2 (%3 of %4 tickets)<br><i>Click to list "
               "the tickets</i>")
                .arg(weekName(index), display::percent(f.escalationRate),
                     display::count(f.escalated), display::count(f.tickets)),
            this);
    };
    connect(rate, &QLineSeries::hovered, this, tip);
    connect(dots, &QScatterSeries::hovered, this, tip);
    if (partialDrawn) {
        connect(partialDots, &QScatterSeries::hovered, this, tip);
        connect(partialDots, &QScatterSeries::clicked, this, [this](const QPointF& point) {
            const long index = std::lround(point.x());
            if (index >= 0 && index < long(m_weeks.size())) {
                emit weekActivated(int(index), true);
            }
        });
    }
    const auto activate = [this](const QPointF& point) {
        const long index = std::lround(point.x());
        if (index >= 0 && index < long(m_weeks.size())) {
            emit weekActivated(int(index), true);
        }
    };
    connect(rate, &QLineSeries::clicked, this, activate);
    connect(dots, &QScatterSeries::clicked, this, activate);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    // The dots repeat the line, the dashed stretch the hollow point: keep
    // them out of the legend. So is the hollow point itself: the axis title
    // explains the starred week, and three entries fit a chart that shares
    // the Dashboard's width with the volume chart and the engineering card.
    for (QAbstractSeries* repeated :
         {static_cast<QAbstractSeries*>(dots), static_cast<QAbstractSeries*>(partialLine),
          static_cast<QAbstractSeries*>(partialDots)}) {
        if (repeated) {
            for (QLegendMarker* marker : chart->legend()->markers(repeated)) {
                marker->setVisible(false);
            }
        }
    }
}

void WeeklyTrendChart::showVolume(const std::vector<metrics::PeriodFigures>& weeks,
                                  const QStringList& labels) {
    QChart* chart = this->chart();
    const bool measured = weeks.empty() || weeks.front().figures.unavailable.isEmpty();
    auto* escalated = new QBarSet(tr("Escalated"));
    auto* other =
        new QBarSet(measured ? tr("Not escalated") : tr("Tickets (escalations not measurable)"));
    escalated->setColor(escalatedColour);
    escalated->setBorderColor(escalatedColour);
    other->setColor(otherColour());
    other->setBorderColor(otherColour());
    // A partial week's bar is hatched (its own two sets, zero elsewhere):
    // a short week's volume is not a drop.
    auto* escalatedSoFar = new QBarSet(tr("Escalated, week so far"));
    auto* otherSoFar = new QBarSet(tr("Week so far (partial)"));
    escalatedSoFar->setBrush(QBrush(escalatedColour, Qt::BDiagPattern));
    escalatedSoFar->setBorderColor(escalatedColour);
    otherSoFar->setBrush(QBrush(rateColour(), Qt::BDiagPattern));
    otherSoFar->setBorderColor(rateColour());
    std::int64_t highest = 0;
    for (const metrics::PeriodFigures& week : weeks) {
        const double escalatedCount = double(week.figures.escalated);
        const double otherCount = double(week.notEscalated());
        escalated->append(week.partial ? 0.0 : escalatedCount);
        other->append(week.partial ? 0.0 : otherCount);
        escalatedSoFar->append(week.partial ? escalatedCount : 0.0);
        otherSoFar->append(week.partial ? otherCount : 0.0);
        highest = std::max(highest, week.figures.tickets);
        ++m_points;
    }
    auto* bars = new QStackedBarSeries;
    bars->append(escalated);
    bars->append(other);
    const bool partialDrawn = anyPartial(weeks);
    if (partialDrawn) {
        bars->append(escalatedSoFar);
        bars->append(otherSoFar);
    } else {
        delete escalatedSoFar;
        delete otherSoFar;
        escalatedSoFar = nullptr;
    }
    bars->setBarWidth(0.6);
    chart->addSeries(bars);
    if (partialDrawn) {
        // One legend entry for the hatching is enough.
        bars->setProperty("partialWeek", true);
        chart->legend()->markers(bars).at(2)->setVisible(false);
    }

    auto* x = new QBarCategoryAxis;
    x->append(labels);
    auto* y = new QValueAxis;
    y->setRange(0, std::max<double>(10.0, double(highest) * 1.1));
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTickCount(5);
    y->applyNiceNumbers();
    styleAxis(x, weekAxisTitle(weeks));
    styleAxis(y, tr("Tickets"));
    const auto tip = [this](bool status, int index, QBarSet*) {
        const auto week = static_cast<std::size_t>(std::max(0, index));
        if (!status || week >= m_weeks.size()) {
            QToolTip::hideText();
            return;
        }
        const metrics::PeriodFigures& w = m_weeks[week];
        if (!w.figures.unavailable.isEmpty()) {
            QToolTip::showText(
                QCursor::pos(),
                tr("<b>%1</b><br>%2 tickets; escalations not measurable: %3")
                    .arg(weekName(week), display::count(w.figures.tickets), w.figures.unavailable),
                this);
            return;
        }
        QToolTip::showText(
            QCursor::pos(),
            tr("<b>%1</b><br>%2 tickets: %3 escalated, %4 not escalated<br><i>Click to "
               "list the tickets</i>")
                .arg(weekName(week), display::count(w.figures.tickets),
                     display::count(w.figures.escalated), display::count(w.notEscalated())),
            this);
    };
    connect(bars, &QStackedBarSeries::hovered, this, tip);
    connect(bars, &QStackedBarSeries::clicked, this,
            [this, escalated, escalatedSoFar](int index, QBarSet* set) {
                if (index >= 0 && index < int(m_weeks.size())) {
                    emit weekActivated(index, set == escalated || set == escalatedSoFar);
                }
            });
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
}

void WeeklyTrendChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_restyling) {
        // The series take their colours from the theme when built: build
        // them again, then colour the chart and its new axes.
        m_restyling = true;
        if (!m_weeks.empty()) {
            const std::vector<metrics::PeriodFigures> weeks = m_weeks;
            setSeries(weeks);
        }
        charttheme::apply(chart());
        m_restyling = false;
    }
}

} // namespace escdesk::ui

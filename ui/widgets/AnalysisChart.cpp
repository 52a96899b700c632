#include "widgets/AnalysisChart.h"

#include "Appearance.h"
#include "ShownText.h"
#include "widgets/ChartExport.h"
#include "widgets/ChartTheme.h"
#include <QEvent>

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace escdesk::ui {

namespace {

QColor textColour() {
    return themeColours().mutedText;
}
QColor gridColour() {
    return themeColours().grid;
}

} // namespace

AnalysisChart::AnalysisChart(const QString& title, const QString& fileStem, QWidget* parent)
    // The chart is handed to the base constructor: setChart() later would
    // orphan the default chart QChartView(parent) creates.
    : QChartView(new QChart, parent)
    , m_empty(new QLabel(this)) {
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(title);
    setMinimumHeight(220);
    QChart* chart = this->chart();
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(10);
    titleFont.setWeight(QFont::DemiBold);
    chart->setTitleFont(titleFont);
    chart->setBackgroundRoundness(8);
    chart->setMargins(QMargins(8, 4, 12, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(8.5);
    chart->legend()->setFont(legendFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    charttheme::apply(chart);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::NoBrush);
    setStyleSheet(QStringLiteral("background: transparent;"));
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->hide();
    chartexport::installContextMenu(this, fileStem);
}

void AnalysisChart::clear(const QString& emptyText) {
    QChart* chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    shown::setPlainText(m_empty, emptyText);
    m_empty->setVisible(!emptyText.isEmpty());
}

void AnalysisChart::styleAxis(QAbstractAxis* axis, const QString& title) {
    QFont font = axis->labelsFont();
    font.setPointSizeF(8);
    axis->setLabelsFont(font);
    axis->setLabelsColor(textColour());
    axis->setGridLineColor(gridColour());
    axis->setLinePenColor(gridColour());
    axis->setTitleText(title);
    QFont titleFont = font;
    titleFont.setPointSizeF(8.5);
    axis->setTitleFont(titleFont);
    axis->setTitleBrush(textColour());
}

QBarCategoryAxis* AnalysisChart::addCategoryAxis(const QStringList& labels, const QString& title,
                                                 Qt::Alignment alignment) {
    auto* axis = new QBarCategoryAxis;
    axis->append(shown::chartCategories(labels));
    styleAxis(axis, title);
    axis->setGridLineVisible(false);
    chart()->addAxis(axis, alignment);
    return axis;
}

QBarCategoryAxis* AnalysisChart::addPeriodAxis(const QStringList& markupLabels,
                                               const QString& title) {
    auto* axis = new QBarCategoryAxis;
    axis->append(markupLabels);
    styleAxis(axis, title);
    axis->setGridLineVisible(false);
    chart()->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis* AnalysisChart::addValueAxis(double minimum, double maximum, const QString& labelFormat,
                                        const QString& title, Qt::Alignment alignment) {
    auto* axis = new QValueAxis;
    axis->setRange(minimum, maximum);
    axis->setLabelFormat(labelFormat);
    axis->setTickCount(5);
    styleAxis(axis, title);
    chart()->addAxis(axis, alignment);
    return axis;
}

QValueAxis* AnalysisChart::addRoundValueAxis(double highest, double minimumTop,
                                             const QString& labelFormat, const QString& title,
                                             Qt::Alignment alignment) {
    // Some headroom above the highest value, then the smallest step of
    // 1, 2, 2.5 or 5 × 10^k that covers it in at most five steps.
    const double target = std::max(minimumTop, highest * 1.06);
    double step = 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(target, 1e-9) / 5.0)));
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = factor * magnitude;
        if (target / step <= 5.0 + 1e-9) {
            break;
        }
    }
    const int steps = std::max(1, int(std::ceil(target / step - 1e-9)));
    QValueAxis* axis = addValueAxis(0, steps * step, labelFormat, title, alignment);
    axis->setTickCount(steps + 1);
    return axis;
}

void AnalysisChart::addSeries(QAbstractSeries* series) {
    // Qt Charts lays out names and labels as HTML: escaped here, once.
    if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
        for (QBarSet* set : bars->barSets()) {
            set->setLabel(shown::chartLabel(set->label()));
        }
    } else {
        series->setName(shown::chartLabel(series->name()));
    }
    chart()->addSeries(series);
    for (QAbstractAxis* axis : chart()->axes()) {
        series->attachAxis(axis);
    }
    m_empty->hide();
}

void AnalysisChart::hideFromLegend(QAbstractSeries* series) {
    for (QLegendMarker* marker : chart()->legend()->markers(series)) {
        marker->setVisible(false);
    }
}

QColor AnalysisChart::categoryColour(int index) {
    static const QColor colours[] = {
        QColor(0x2f, 0x6f, 0xdd), QColor(0xf0, 0x9a, 0x2e), QColor(0x1e, 0x9e, 0x8f),
        QColor(0x8e, 0x5c, 0xd9), QColor(0xd9, 0x4f, 0x70), QColor(0x6b, 0x8e, 0x23),
        QColor(0xc9, 0xa2, 0x27), QColor(0x5b, 0x70, 0x83),
    };
    return colours[index % int(std::size(colours))];
}

QColor AnalysisChart::otherColour() {
    return QColor(0xc3, 0xcc, 0xd6);
}
QColor AnalysisChart::accentColour() {
    return QColor(0x2f, 0x6f, 0xdd);
}
QColor AnalysisChart::goodColour() {
    return QColor(0x1e, 0x7f, 0x4f);
}
QColor AnalysisChart::watchColour() {
    return QColor(0xa8, 0x62, 0x00);
}
QColor AnalysisChart::badColour() {
    return QColor(0xb4, 0x23, 0x18);
}
QColor AnalysisChart::mutedColour() {
    return QColor(0x9a, 0xa5, 0xb1);
}

void AnalysisChart::showToolTip(const QString& text) {
    if (text.isEmpty()) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(QCursor::pos(), text, this);
    }
}

void AnalysisChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    m_empty->setGeometry(rect().adjusted(24, 40, -24, -24));
}

void AnalysisChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        charttheme::apply(chart());
    }
}

} // namespace escdesk::ui

#pragma once

// The dashboard's weekly trend: escalation rate per week against the
// benchmark lines (10% and 15%), or tickets per week split into escalated
// and not escalated. It draws what core computed; no arithmetic here. A
// week the series cuts short (the week so far) is drawn apart — a hollow
// point on a dashed stretch of the line, a hatched bar, "*" on its label —
// so it never reads as a whole week.

#include "metrics/HeadlineSeries.h"

#include <QChartView>

namespace escdesk::ui {

class WeeklyTrendChart : public QChartView {
    Q_OBJECT
public:
    enum class Kind { EscalationRate, Volume };

    WeeklyTrendChart(Kind kind, const QString& title, QWidget* parent = nullptr);

    void setSeries(const std::vector<metrics::PeriodFigures>& weeks);
    int pointCount() const { return m_points; }
    // The labels of the week axis ("7*<br>Dec" for a partial week).
    QStringList weekLabels() const;
    // The series drawn for partial weeks (the dashed line, the hollow point,
    // the hatched bars): empty when every week is whole.
    QList<QAbstractSeries*> partialSeries() const;

signals:
    // A week's point or bar was clicked: list its tickets (`escalatedOnly`
    // for the rate and the escalated part of a bar).
    void weekActivated(int week, bool escalatedOnly);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showRate(const std::vector<metrics::PeriodFigures>& weeks, const QStringList& labels);
    void showVolume(const std::vector<metrics::PeriodFigures>& weeks, const QStringList& labels);

    QString weekName(std::size_t index) const;

    Kind m_kind;
    std::vector<metrics::PeriodFigures> m_weeks;
    bool m_restyling = false;
    int m_points = 0;
};

} // namespace escdesk::ui

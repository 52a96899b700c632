#pragma once

// A chart of the analysis pages with the application's look (the dashboard's
// trend charts are the model): a titled, rounded box, small grey axis
// labels with axis titles, tooltips, an empty state, and the copy / save
// context menu (ChartExport). Pages fill it with series computed by core.

#include <QChartView>

class QAbstractAxis;
class QBarCategoryAxis;
class QLabel;
class QValueAxis;

namespace escdesk::ui {

class AnalysisChart : public QChartView {
    Q_OBJECT
public:
    // `fileStem` names the file the Save menu suggests.
    AnalysisChart(const QString& title, const QString& fileStem, QWidget* parent = nullptr);

    // Removes every series and axis; shows `emptyText` until series come.
    void clear(const QString& emptyText = {});
    // `labels` as they are (imported values): made chart labels here
    // (shown::chartCategories: inert, escaped, short and distinct).
    QBarCategoryAxis* addCategoryAxis(const QStringList& labels, const QString& title,
                                      Qt::Alignment alignment = Qt::AlignBottom);
    // Labels the application wrote itself as rich text (period names with
    // "<br>" between day and month, "*" for a partial period): kept as
    // they are, so the line break is not escaped into the label's text.
    QBarCategoryAxis* addPeriodAxis(const QStringList& markupLabels, const QString& title);
    QValueAxis* addValueAxis(double minimum, double maximum, const QString& labelFormat,
                             const QString& title, Qt::Alignment alignment = Qt::AlignLeft);
    // A value axis from 0 to a round number above `highest` (at least
    // `minimumTop`), with ticks at round steps: 0, 5, 10, 15, 20.
    QValueAxis* addRoundValueAxis(double highest, double minimumTop, const QString& labelFormat,
                                  const QString& title, Qt::Alignment alignment = Qt::AlignLeft);
    // Adds the series and attaches it to every axis of the chart. Its name,
    // or its bar sets' labels, are given as they are and escaped here
    // (shown::chartLabel): Qt Charts would read them as HTML.
    void addSeries(QAbstractSeries* series);
    // Hides the series' legend entry (e.g. markers that repeat a line).
    void hideFromLegend(QAbstractSeries* series);

    static QColor categoryColour(int index);
    static QColor otherColour();
    static QColor accentColour();
    static QColor goodColour();
    static QColor watchColour();
    static QColor badColour();
    static QColor mutedColour();

    // Shows `text` as the tooltip at the mouse, or hides it for empty text.
    void showToolTip(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void styleAxis(QAbstractAxis* axis, const QString& title);
    QLabel* m_empty;
};

} // namespace escdesk::ui

#include "widgets/ChartTheme.h"

#include "Appearance.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPen>

namespace escdesk::ui::charttheme {

void apply(QChart* chart) {
    const ThemeColours& colours = themeColours();
    chart->setBackgroundBrush(colours.card);
    chart->setBackgroundPen(QPen(colours.border));
    chart->setTitleBrush(colours.strongText);
    chart->legend()->setLabelColor(colours.mutedText);
    for (QAbstractAxis* axis : chart->axes()) {
        applyToAxis(axis);
    }
}

void applyToAxis(QAbstractAxis* axis) {
    const ThemeColours& colours = themeColours();
    axis->setLabelsColor(colours.mutedText);
    axis->setTitleBrush(colours.mutedText);
    axis->setGridLineColor(colours.grid);
    axis->setLinePenColor(colours.grid);
}

} // namespace escdesk::ui::charttheme

#pragma once

// Charts follow the application's theme: one function gives a chart the
// active theme's card background, outline, title, legend and axis colours,
// called when a chart is built and again when the palette changes.

class QChart;
class QAbstractAxis;

namespace escdesk::ui::charttheme {

// Colours the chart and every axis it has now.
void apply(QChart* chart);
// Colours one axis (labels, title, grid and line).
void applyToAxis(QAbstractAxis* axis);

} // namespace escdesk::ui::charttheme

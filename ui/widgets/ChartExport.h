#pragma once

// Copying and saving a chart: a PNG at twice the on-screen resolution, an
// SVG, or an image on the clipboard — and the context menu that offers them
// on every chart of the application.

#include <QImage>
#include <QString>

class QChartView;
class QWidget;

namespace escdesk::ui::chartexport {

// The chart on a white background at `scale` times its on-screen size.
QImage render(QChartView* view, qreal scale = 2.0);
bool savePng(QChartView* view, const QString& path);
bool saveSvg(QChartView* view, const QString& path);
void copyToClipboard(QChartView* view);

// Gives the view a context menu with Copy Chart, Save as PNG… and Save as
// SVG… (the file name suggested from `fileStem`).
void installContextMenu(QChartView* view, const QString& fileStem);

} // namespace escdesk::ui::chartexport

#include "widgets/ChartExport.h"

#include "ShownText.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

namespace escdesk::ui::chartexport {

QImage render(QChartView* view, qreal scale) {
    const QSize size = view->viewport()->size();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    // Exports sit on a page or a slide: white, not the window's grey.
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    view->render(&painter, QRectF(QPointF(0, 0), size), view->viewport()->rect());
    return image;
}

bool savePng(QChartView* view, const QString& path) {
    return render(view).save(path, "PNG");
}

bool saveSvg(QChartView* view, const QString& path) {
    const QSize size = view->viewport()->size();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(view->chart() ? view->chart()->title() : QString());
    generator.setDescription(QStringLiteral("Escalation Desk chart"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        return false;
    }
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    view->render(&painter, QRectF(QPointF(0, 0), size), view->viewport()->rect());
    return painter.end();
}

void copyToClipboard(QChartView* view) {
    QApplication::clipboard()->setImage(render(view));
}

namespace {

void saveAs(QChartView* view, const QString& fileStem, bool svg) {
    const QString suffix = svg ? QStringLiteral("svg") : QStringLiteral("png");
    const QString path = QFileDialog::getSaveFileName(
        view, svg ? QObject::tr("Save Chart as SVG") : QObject::tr("Save Chart as PNG"),
        QDir::home().filePath(fileStem + QLatin1Char('.') + suffix),
        svg ? QObject::tr("SVG images (*.svg)") : QObject::tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    if (!(svg ? saveSvg(view, path) : savePng(view, path))) {
        shown::warning(view, QObject::tr("Cannot save chart"),
                       QObject::tr("%1 could not be written. Check that the folder exists "
                                   "and that you may write to it.")
                           .arg(QDir::toNativeSeparators(path)));
    }
}

} // namespace

void installContextMenu(QChartView* view, const QString& fileStem) {
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        view, &QWidget::customContextMenuRequested, view, [view, fileStem](const QPoint& position) {
            QMenu menu(view);
            menu.addAction(QObject::tr("&Copy Chart"), view, [view] { copyToClipboard(view); });
            menu.addSeparator();
            menu.addAction(QObject::tr("Save as &PNG…"), view,
                           [view, fileStem] { saveAs(view, fileStem, false); });
            menu.addAction(QObject::tr("Save as &SVG…"), view,
                           [view, fileStem] { saveAs(view, fileStem, true); });
            menu.exec(view->viewport()->mapToGlobal(position));
        });
}

} // namespace escdesk::ui::chartexport

#pragma once

// Draws a report chart (line or bar, with an optional dashed target line and
// a legend) on a QImage with QPainter, for embedding as PNG. Needs a
// QGuiApplication (the offscreen platform will do) for fonts.

#include "report/Report.h"

#include <QByteArray>
#include <QImage>
#include <QSize>

namespace escdesk::report {

// `size` in logical pixels; the image has `scale` times as many for print.
QImage paintChart(const Chart& chart, QSize size = {720, 260}, qreal scale = 2.0);

QByteArray chartPng(const Chart& chart, QSize size = {720, 260}, qreal scale = 2.0);

} // namespace escdesk::report

#include "report/output/ChartPainter.h"

#include "report/ReportRenderers.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace escdesk::report {

namespace {

const QColor ink(0x1f, 0x23, 0x28);
const QColor muted(0x59, 0x63, 0x6e);
const QColor grid(0xe1, 0xe5, 0xe9);
const QColor targetColor(0x1a, 0x7f, 0x37);

QString axisText(double value, ValueFormat format) {
    switch (format) {
    case ValueFormat::Percent:
        return QStringLiteral("%1%").arg(value * 100.0, 0, 'f', value * 100.0 < 10 ? 1 : 0);
    case ValueFormat::Minutes:
        return formatMinutes(value);
    case ValueFormat::Count:
    case ValueFormat::Money:
        break;
    }
    return std::abs(value) < 10 && std::abs(value - std::round(value)) > 1e-9
               ? QString::number(value, 'f', 1)
               : QLocale(QLocale::English).toString(value, 'f', 0);
}

// A "nice" step (1, 2, 2.5 or 5 × 10^k) giving about `ticks` intervals.
double niceStep(double range, int ticks) {
    const double raw = range / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= raw) {
            return factor * magnitude;
        }
    }
    return 10.0 * magnitude;
}

QFont chartFont(qreal pixelSize, bool bold = false) {
    QFont font;
    font.setFamilies({QStringLiteral("Segoe UI"), QStringLiteral("Helvetica"),
                      QStringLiteral("Arial"), QStringLiteral("DejaVu Sans")});
    font.setPixelSize(static_cast<int>(pixelSize));
    font.setBold(bold);
    return font;
}

} // namespace

QImage paintChart(const Chart& chart, QSize size, qreal scale) {
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    double maxValue = chart.target.value_or(0.0);
    for (const Series& series : chart.series) {
        for (const auto& value : series.values) {
            maxValue = std::max(maxValue, value.value_or(0.0));
        }
    }
    if (maxValue <= 0) {
        maxValue = chart.format == ValueFormat::Percent ? 0.1 : 1.0;
    }
    const double step = niceStep(maxValue, 4);
    const double top = std::ceil(maxValue * 1.08 / step) * step;

    const QFont small = chartFont(11);
    painter.setFont(small);
    const QFontMetricsF metrics(small);
    double labelWidth = 0;
    for (double v = 0; v <= top + step / 2; v += step) {
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(axisText(v, chart.format)));
    }
    const double legendHeight = 22;
    const QRectF plot(labelWidth + 14, legendHeight + 8, size.width() - labelWidth - 24,
                      size.height() - legendHeight - 8 - 26);

    // Legend.
    double x = plot.left();
    for (const Series& series : chart.series) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(series.color));
        painter.drawRoundedRect(QRectF(x, 6, 12, 12), 2, 2);
        painter.setPen(ink);
        painter.drawText(QPointF(x + 17, 16), series.name);
        x += 17 + metrics.horizontalAdvance(series.name) + 18;
    }
    if (chart.target) {
        painter.setPen(QPen(targetColor, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, 12), QPointF(x + 16, 12));
        painter.setPen(ink);
        painter.drawText(QPointF(x + 21, 16), chart.targetLabel);
    }

    auto yOf = [&](double value) {
        return plot.bottom() - value / top * plot.height();
    };

    // Grid and y labels.
    for (double v = 0; v <= top + step / 2; v += step) {
        const double y = yOf(v);
        painter.setPen(QPen(v == 0 ? muted : grid, 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(muted);
        painter.drawText(QRectF(0, y - 8, labelWidth + 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                         axisText(v, chart.format));
    }

    const int count = static_cast<int>(chart.labels.size());
    if (count == 0) {
        painter.setPen(muted);
        painter.drawText(plot, Qt::AlignCenter, QStringLiteral("No data in this period"));
        return image;
    }
    const double slot = plot.width() / count;
    auto xOf = [&](int i) {
        return plot.left() + slot * (i + 0.5);
    };

    // X labels, thinned out so they never overlap.
    double widest = 0;
    for (const QString& label : chart.labels) {
        widest = std::max(widest, metrics.horizontalAdvance(label));
    }
    const int every = std::max(1, static_cast<int>(std::ceil((widest + 8) / slot)));
    painter.setPen(muted);
    for (int i = 0; i < count; i += every) {
        painter.drawText(QRectF(xOf(i) - slot * every / 2, plot.bottom() + 4, slot * every, 18),
                         Qt::AlignHCenter | Qt::AlignTop, chart.labels[i]);
    }

    if (chart.kind == ChartKind::Bar) {
        const int seriesCount = std::max<int>(1, static_cast<int>(chart.series.size()));
        const double barWidth = std::min(36.0, slot * 0.7 / seriesCount);
        for (int s = 0; s < seriesCount && s < static_cast<int>(chart.series.size()); ++s) {
            const Series& series = chart.series[s];
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(series.color));
            for (int i = 0; i < count && i < static_cast<int>(series.values.size()); ++i) {
                if (!series.values[i]) {
                    continue;
                }
                const double left = xOf(i) - barWidth * seriesCount / 2 + barWidth * s;
                const double y = yOf(*series.values[i]);
                painter.drawRect(QRectF(left + 1, y, barWidth - 2, plot.bottom() - y));
            }
        }
    } else {
        for (const Series& series : chart.series) {
            QPainterPath path;
            bool drawing = false;
            for (int i = 0; i < count && i < static_cast<int>(series.values.size()); ++i) {
                if (!series.values[i]) {
                    drawing = false;
                    continue;
                }
                const QPointF point(xOf(i), yOf(*series.values[i]));
                drawing ? path.lineTo(point) : path.moveTo(point);
                drawing = true;
            }
            painter.setBrush(Qt::NoBrush);
            painter.setPen(
                QPen(QColor(series.color), 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPath(path);
            painter.setBrush(QColor(series.color));
            painter.setPen(QPen(Qt::white, 1.2));
            for (int i = 0; i < count && i < static_cast<int>(series.values.size()); ++i) {
                if (series.values[i]) {
                    painter.drawEllipse(QPointF(xOf(i), yOf(*series.values[i])), 3.6, 3.6);
                }
            }
        }
        // The latest value of the first series, labelled.
        if (!chart.series.empty()) {
            const Series& first = chart.series.front();
            for (int i = std::min<int>(count, static_cast<int>(first.values.size())) - 1; i >= 0;
                 --i) {
                if (first.values[i]) {
                    painter.setFont(chartFont(11, true));
                    painter.setPen(QColor(first.color));
                    const QString text = axisText(*first.values[i], chart.format);
                    painter.drawText(QRectF(xOf(i) - 60, yOf(*first.values[i]) - 22, 120, 16),
                                     Qt::AlignCenter, text);
                    painter.setFont(small);
                    break;
                }
            }
        }
    }

    if (chart.target) {
        painter.setPen(QPen(targetColor, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(plot.left(), yOf(*chart.target)),
                         QPointF(plot.right(), yOf(*chart.target)));
    }
    return image;
}

QByteArray chartPng(const Chart& chart, QSize size, qreal scale) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    paintChart(chart, size, scale).save(&buffer, "PNG");
    return png;
}

} // namespace escdesk::report

#include "models/DisplayText.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace escdesk::ui::display {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("escdesk::ui::display", text);
}

} // namespace

QString dateTime(UtcSeconds instant, const QTimeZone& zone) {
    return toDateTime(instant, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString dateTime(const std::optional<UtcSeconds>& instant, const QTimeZone& zone) {
    return instant ? dateTime(*instant, zone) : QString();
}

QString tier(const std::optional<int>& tier) {
    if (!tier) {
        return {};
    }
    if (*tier == 4) {
        return tr("Management");
    }
    return tr("Tier %1").arg(*tier);
}

QString eventName(EventKind kind) {
    switch (kind) {
    case EventKind::Escalated:
        return tr("Escalated");
    case EventKind::Claimed:
        return tr("Claimed");
    case EventKind::Started:
        return tr("Started");
    case EventKind::Decision:
        return tr("Decision");
    case EventKind::Bounced:
        return tr("Bounced");
    case EventKind::InfoRequested:
        return tr("Info requested");
    case EventKind::Paused:
        return tr("Paused");
    case EventKind::Resumed:
        return tr("Resumed");
    case EventKind::Resolved:
        return tr("Resolved");
    case EventKind::Reopened:
        return tr("Reopened");
    case EventKind::Reassigned:
        return tr("Reassigned");
    }
    return eventKindName(kind);
}

QString count(std::int64_t value) {
    return QLocale().toString(qlonglong(value));
}

QString percent(const std::optional<double>& fraction, int decimals) {
    if (!fraction) {
        return QStringLiteral("—");
    }
    return QLocale().toString(*fraction * 100.0, 'f', decimals) + QLatin1Char('%');
}

QString hours(double hours) {
    return tr("%1 h").arg(QLocale().toString(hours, 'f', 1));
}

QString minutes(const std::optional<double>& minutes) {
    if (!minutes) {
        return QStringLiteral("—");
    }
    const QLocale locale;
    const double value = std::abs(*minutes);
    const QString sign = *minutes < 0 ? QStringLiteral("−") : QString();
    if (value < 90.0) {
        return sign + locale.toString(value, 'f', value < 10.0 ? 1 : 0) + QStringLiteral(" min");
    }
    if (value < 48.0 * 60.0) {
        return sign + locale.toString(value / 60.0, 'f', 1) + QStringLiteral(" h");
    }
    return sign + locale.toString(value / 1440.0, 'f', 1) + QStringLiteral(" d");
}

QString signedMinutes(double minutes) {
    return (minutes > 0 ? QStringLiteral("+") : QString()) + display::minutes(minutes);
}

QString signedPoints(double fractionDifference, int decimals) {
    return signedPointValue(fractionDifference * 100.0, decimals);
}

QString signedPointValue(double points, int decimals) {
    // The sign follows the figure as shown: a change that reads 0.0 has none.
    const double scale = std::pow(10.0, decimals);
    const double shown = std::round(points * scale) / scale;
    const QString sign = shown > 0   ? QStringLiteral("+")
                         : shown < 0 ? QStringLiteral("−")
                                     : QString();
    return sign + QLocale().toString(std::abs(shown), 'f', decimals) + QStringLiteral(" pts");
}

QString pValue(const std::optional<double>& p) {
    if (!p) {
        return QStringLiteral("—");
    }
    if (*p < 0.001) {
        return QStringLiteral("< 0.001");
    }
    return QLocale().toString(*p, 'f', 3);
}

QString termName(const metrics::Term& term) {
    return QCoreApplication::translate("Vocabulary", term.name);
}

QString termDefinition(const metrics::Term& term) {
    return QCoreApplication::translate("Vocabulary", term.definition);
}

QString populationDefinition(const QString& metricKey) {
    const metrics::Term* term = metrics::populationOf(metricKey);
    return term ? termDefinition(*term) : QString();
}

QString amount(double value) {
    return QLocale().toString(value, 'f', 0);
}

QString dateRange(const QDate& first, const QDate& last) {
    const QLocale locale;
    if (!first.isValid() || !last.isValid()) {
        return {};
    }
    const QString lastText = locale.toString(last, QStringLiteral("d MMM yyyy"));
    if (first == last) {
        return lastText;
    }
    const QString firstFormat =
        first.year() == last.year() ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy");
    return locale.toString(first, firstFormat) + QStringLiteral(" – ") + lastText;
}

QColor priorityColour(const QString& priority) {
    if (priority.compare(QLatin1String("Critical"), Qt::CaseInsensitive) == 0) {
        return QColor(0xb4, 0x23, 0x18);
    }
    if (priority.compare(QLatin1String("High"), Qt::CaseInsensitive) == 0) {
        return QColor(0xc2, 0x5e, 0x00);
    }
    return {};
}

QColor escalatedColour() {
    return QColor(0x1d, 0x4a, 0xa8);
}

} // namespace escdesk::ui::display

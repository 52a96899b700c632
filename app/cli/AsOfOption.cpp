#include "cli/AsOfOption.h"

#include "cli/CliSupport.h"

#include <QRegularExpression>

namespace escdesk::cli {

void addAsOfOption(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("as-of"),
                      QStringLiteral("Evaluate running clocks at this instant (ISO 8601, e.g. "
                                     "2026-11-26T15:00:00Z; without an offset, in the reporting "
                                     "zone). Default: now."),
                      QStringLiteral("INSTANT")});
}

UtcSeconds asOfInstant(const QCommandLineParser& parser, const QTimeZone& zone) {
    if (!parser.isSet(QStringLiteral("as-of"))) {
        return QDateTime::currentSecsSinceEpoch();
    }
    const QString text = parser.value(QStringLiteral("as-of")).trimmed();
    static const QRegularExpression epoch(QStringLiteral("^\\d{9,11}$"));
    if (epoch.match(text).hasMatch()) {
        return text.toLongLong();
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        parsed = QDateTime::fromString(text, Qt::ISODate);
    }
    if (!parsed.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid()) {
            parsed = QDateTime(date, QTime(0, 0));
        }
    }
    if (!parsed.isValid()) {
        throw UsageProblem{QStringLiteral("--as-of: '%1' is not an instant; write it as ISO 8601, "
                                          "e.g. 2026-11-26T15:00:00Z.")
                               .arg(text)};
    }
    if (parsed.timeSpec() == Qt::LocalTime) {
        parsed = QDateTime(parsed.date(), parsed.time(), zone);
    }
    return parsed.toSecsSinceEpoch();
}

} // namespace escdesk::cli

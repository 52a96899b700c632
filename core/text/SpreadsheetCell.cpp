#include "text/SpreadsheetCell.h"

#include <QRegularExpression>

namespace escdesk::text {

QString spreadsheetSafeCell(const QString& text, bool numericColumn) {
    if (text.isEmpty()) {
        return text;
    }
    const QChar first = text.front();
    const bool risky = first == QLatin1Char('=') || first == QLatin1Char('+') ||
                       first == QLatin1Char('-') || first == QLatin1Char('@') ||
                       first == QLatin1Char('\t') || first == QLatin1Char('\r');
    if (!risky) {
        return text;
    }
    static const QRegularExpression plainNumber(QStringLiteral("^[+-]?[0-9]+(\\.[0-9]+)?$"));
    if (numericColumn && plainNumber.match(text).hasMatch()) {
        return text;
    }
    return QLatin1Char('\'') + text;
}

} // namespace escdesk::text

#include "text/SpreadsheetCell.h"

#include "text/InertText.h"

#include <QRegularExpression>

namespace escdesk::text {

QString spreadsheetSafeCell(const QString& raw, bool numericColumn) {
    const QString text = inert(raw);
    if (text.isEmpty()) {
        return text;
    }
    // A leading carriage return, the sixth prefix OWASP lists, is already
    // the visible mark here.
    const QChar first = text.front();
    const bool risky = first == QLatin1Char('=') || first == QLatin1Char('+') ||
                       first == QLatin1Char('-') || first == QLatin1Char('@') ||
                       first == QLatin1Char('\t');
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

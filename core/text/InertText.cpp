#include "text/InertText.h"

#include <algorithm>

namespace escdesk::text {

bool isBidiControl(QChar c) {
    const char16_t u = c.unicode();
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

bool isNeutralisedControl(QChar c) {
    const char16_t u = c.unicode();
    if (u < 0x20) {
        return u != u'\t' && u != u'\n';
    }
    return (u >= 0x7F && u <= 0x9F) || isBidiControl(c);
}

QString inert(const QString& text) {
    if (std::none_of(text.begin(), text.end(), isNeutralisedControl)) {
        return text; // the common case: no copy
    }
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue; // CR LF: the LF that follows is the line break
        }
        result += isNeutralisedControl(c) ? QChar(controlMark) : c;
    }
    return result;
}

QString jsonEscapedControls(const QString& json) {
    if (std::none_of(json.begin(), json.end(), isNeutralisedControl)) {
        return json;
    }
    QString result;
    result.reserve(json.size() + 16);
    for (const QChar c : json) {
        if (isNeutralisedControl(c)) {
            // As QJsonDocument writes the C0 controls: \u001b.
            result += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        } else {
            result += c;
        }
    }
    return result;
}

} // namespace escdesk::text

#include "text/BidiControls.h"

#include <algorithm>

namespace escdesk::text {

bool isBidiControl(QChar c) {
    const char16_t u = c.unicode();
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

QString withoutBidiControls(const QString& text) {
    if (std::none_of(text.begin(), text.end(), isBidiControl)) {
        return text; // the common case: no copy
    }
    QString result = text;
    std::replace_if(result.begin(), result.end(), isBidiControl,
                    QChar(QChar::ReplacementCharacter));
    return result;
}

} // namespace escdesk::text

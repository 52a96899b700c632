#pragma once

// Imported text may carry explicit bidirectional formatting characters
// (U+202A–U+202E, U+2066–U+2069). Shown as they are, a right-to-left
// override reorders what follows it ("invoice<U+202E>fdp.exe" reads as
// "invoiceexe.pdf") and can make a report or a window show something other
// than what the data holds. Everything that displays imported text replaces
// them with a visible U+FFFD; the store keeps the text as imported.

#include <QString>

namespace escdesk::text {

bool isBidiControl(QChar c);

// `text` with every explicit bidi embedding, override and isolate character
// replaced by U+FFFD (the implicit marks LRM/RLM, which reorder nothing on
// their own, are kept).
QString withoutBidiControls(const QString& text);

} // namespace escdesk::text

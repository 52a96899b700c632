#pragma once

// Imported text is data, never code: this is the one place that decides
// which characters of it would act on a reader instead of being read.
//
// - Explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//   U+2066–U+2069) reorder what follows them: "invoice<U+202E>fdp.exe" reads
//   as "invoiceexe.pdf".
// - C0 controls (U+0000–U+001F) other than tab and line feed, DEL (U+007F)
//   and the C1 controls (U+0080–U+009F) drive terminals and printers: ESC
//   starts ANSI sequences (ESC[2J clears the screen, ESC]0;…BEL sets a
//   window title), U+009B is a one-character CSI, a lone carriage return
//   overwrites the line, NUL ends C strings.
//
// Every output that shows imported text — the window, the command line's
// text and its messages on stderr, Markdown, CSV, HTML, PDF and e-mail —
// replaces each such character with the visible mark U+FFFD (�, the
// REPLACEMENT CHARACTER), so the reader sees that something was there and
// nothing acts. A CR LF pair is a line break and becomes a line feed. JSON
// keeps the text exact and escapes these characters as \uXXXX instead
// (jsonEscapedControls). The store keeps the text as imported.
//
// Kept as they are: tab, line feed, the implicit direction marks LRM, RLM
// and ALM (they reorder nothing on their own), zero-width joiners and
// combining marks (the ordinary spelling of many scripts and emoji).

#include <QString>

namespace escdesk::text {

// The mark shown in place of a neutralised character.
inline constexpr char16_t controlMark = 0xFFFD;

// U+202A–U+202E and U+2066–U+2069.
bool isBidiControl(QChar c);

// A bidi control, or a C0/C1 control or DEL other than tab and line feed.
bool isNeutralisedControl(QChar c);

// `text` with every neutralised control replaced by controlMark (a CR LF
// pair becomes LF). Returns `text` itself (no copy) when there is none.
QString inert(const QString& text);

// JSON text (as QJsonDocument writes it: C0 controls already escaped) with
// the remaining neutralised controls — DEL, C1 and bidi controls, which
// JSON allows raw — escaped as \uXXXX: the same JSON value, inert on a
// terminal. Only valid for JSON text, where such characters can only occur
// inside strings.
QString jsonEscapedControls(const QString& json);

} // namespace escdesk::text

#pragma once

// CSV files written for people open in spreadsheets, which evaluate a cell
// starting with = + - @ (and, in some, a tab or carriage return) as a
// formula: imported text like =cmd|' /C calc'!A0 or =HYPERLINK(...) would run
// or leak data on the reader's machine ("CSV injection"). As OWASP
// recommends, such a cell is prefixed with a single quote, which spreadsheets
// take as "this is text" and do not show. Control characters are made
// visible first (text/InertText.h), so a cell carries no ESC, NUL or bidi
// override into the program that opens the file.

#include <QString>

namespace escdesk::text {

// `text` safe for a spreadsheet cell: inert(text), quoted when it would start
// a formula. In a `numericColumn` (figures the
// program computed) a plain number such as "-1.5" is left as it is; anywhere
// else "-1" or "+1" is text and is quoted like any other cell starting with
// a sign.
QString spreadsheetSafeCell(const QString& text, bool numericColumn = false);

} // namespace escdesk::text

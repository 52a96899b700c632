#pragma once

// The text renderers of a Report: HTML (self-contained, inline styles, the
// subset of HTML that mail clients and Qt's rich text both lay out), Markdown
// and CSV. Everything that comes from imported data is escaped here: HTML
// special characters become entities, Markdown cannot open raw HTML or break
// a table, and a CSV cell cannot start a spreadsheet formula.

#include "report/Report.h"

#include <functional>

namespace escdesk::report {

struct HtmlOptions {
    // The src of a chart's <img>: a data: URI, a cid: reference or a resource
    // name. Without it, a chart is shown as a small table of its values.
    std::function<QString(const Chart&)> imageSource;
    int imageWidth = 720; // CSS pixels
    int pagePadding = 16; // around the body; 0 on paper, where the margins do it
};

QString renderHtml(const Report& report, const HtmlOptions& options = {});

QString renderMarkdown(const Report& report);

// The plain-text version (the e-mail's text/plain part): headlines, section
// titles, paragraphs and tables as aligned text.
QString renderPlainText(const Report& report);

// One CSV document (RFC 4180, CRLF line ends, UTF-8) per table.
QByteArray renderCsv(const Table& table);

// A cell safe to open in a spreadsheet: text starting with = + - @, a tab or
// a carriage return is prefixed with a single quote so it stays text (plain
// numbers such as "-1.5" are left as they are).
QString neutralizeCsvCell(const QString& text);

// Text with Markdown's special characters escaped and < > as entities.
QString escapeMarkdown(const QString& text);

// Formatting shared by the builders.
QString formatValue(std::optional<double> value, ValueFormat format, int decimals = 1);
QString formatMinutes(std::optional<double> minutes);

} // namespace escdesk::report

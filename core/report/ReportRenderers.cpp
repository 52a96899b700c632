#include "report/ReportRenderers.h"

#include "text/InertText.h"
#include "text/SpreadsheetCell.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace escdesk::report {

namespace {

const QString fontStack = QStringLiteral("'Segoe UI',Helvetica,Arial,'DejaVu Sans',sans-serif");
const QString inkColor = QStringLiteral("#1f2328");
const QString mutedColor = QStringLiteral("#59636e");
const QString ruleColor = QStringLiteral("#d0d7de");
const QString headerFill = QStringLiteral("#f0f3f6");
const QString accentColor = QStringLiteral("#0b5cad");

QString toneColor(Tone tone) {
    switch (tone) {
    case Tone::Good:
        return QStringLiteral("#1a7f37");
    case Tone::Watch:
        return QStringLiteral("#9a6700");
    case Tone::Bad:
        return QStringLiteral("#cf222e");
    case Tone::Neutral:
        break;
    }
    return inkColor;
}

// Imported text in HTML: markup escaped, controls and bidi overrides made
// visible (text::inert).
QString esc(const QString& text) {
    return text::inert(text).toHtmlEscaped();
}

Align alignOf(const Table& table, int column) {
    return column < static_cast<int>(table.align.size()) ? table.align[column] : Align::Left;
}

QString htmlCell(const Table& table, int column, const Cell& cell, bool lastRow) {
    const bool right = alignOf(table, column) == Align::Right;
    QString style = QStringLiteral("padding:5px 8px;border-bottom:1px solid %1;color:%2;")
                        .arg(lastRow ? QStringLiteral("#ffffff") : ruleColor, toneColor(cell.tone));
    if (cell.strong || cell.tone == Tone::Bad) {
        style += QStringLiteral("font-weight:bold;");
    }
    return QStringLiteral("<td align=\"%1\" valign=\"top\" style=\"%2\">%3</td>")
        .arg(right ? QStringLiteral("right") : QStringLiteral("left"), style,
             cell.text.isEmpty() ? QStringLiteral("&nbsp;") : esc(cell.text));
}

QString htmlTable(const Table& table) {
    QString html;
    if (!table.title.isEmpty()) {
        html +=
            QStringLiteral("<h3 style=\"font-size:14px;color:%1;margin:16px 0 6px 0;\">%2</h3>\n")
                .arg(inkColor, esc(table.title));
    }
    if (table.rows.empty() && table.blankRows == 0) {
        html +=
            QStringLiteral("<p style=\"color:%1;font-style:italic;margin:4px 0 12px 0;\">%2</p>\n")
                .arg(mutedColor,
                     esc(table.emptyText.isEmpty() ? QStringLiteral("None.") : table.emptyText));
        return html;
    }
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" "
                           "style=\"border-collapse:collapse;font-size:12px;margin:0 0 6px 0;\">\n"
                           "<thead><tr>");
    for (int c = 0; c < table.headers.size(); ++c) {
        const QString width = c < static_cast<int>(table.widths.size())
                                  ? QStringLiteral(" width=\"%1%\"").arg(table.widths[c])
                                  : QString();
        html += QStringLiteral("<th%6 align=\"%1\" bgcolor=\"%2\" style=\"padding:5px 8px;"
                               "background-color:%2;color:%3;font-weight:bold;"
                               "border-bottom:1px solid %4;\">%5</th>")
                    .arg(alignOf(table, c) == Align::Right ? QStringLiteral("right")
                                                           : QStringLiteral("left"),
                         headerFill, mutedColor, ruleColor, esc(table.headers[c]), width);
    }
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    const int total = static_cast<int>(table.rows.size()) + table.blankRows;
    for (int r = 0; r < total; ++r) {
        const bool last = r == total - 1;
        html += QStringLiteral("<tr>");
        for (int c = 0; c < table.headers.size(); ++c) {
            const Cell cell = r < static_cast<int>(table.rows.size()) &&
                                      c < static_cast<int>(table.rows[r].size())
                                  ? table.rows[r][c]
                                  : Cell{};
            html += htmlCell(table, c, cell, last);
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</tbody></table>\n");
    if (!table.note.isEmpty()) {
        html += QStringLiteral("<p style=\"color:%1;font-size:11px;margin:2px 0 12px 0;\">%2</p>\n")
                    .arg(mutedColor, esc(table.note));
    }
    return html;
}

// A chart without an image: its values as a table.
Table chartAsTable(const Chart& chart) {
    Table table;
    table.id = chart.id;
    table.title = chart.title;
    table.headers << QStringLiteral("Period");
    table.align.push_back(Align::Left);
    for (const Series& series : chart.series) {
        table.headers << series.name;
        table.align.push_back(Align::Right);
    }
    for (int i = 0; i < chart.labels.size(); ++i) {
        std::vector<Cell> row{Cell{chart.labels[i]}};
        for (const Series& series : chart.series) {
            const std::optional<double> value =
                i < static_cast<int>(series.values.size()) ? series.values[i] : std::nullopt;
            row.push_back(Cell{formatValue(value, chart.format)});
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

QString htmlChart(const Chart& chart, const HtmlOptions& options) {
    if (!options.imageSource) {
        return htmlTable(chartAsTable(chart));
    }
    // One cell holds title, image and caption so that a page break never
    // separates them.
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" "
                          "style=\"border-collapse:collapse;margin:10px 0 6px 0;\"><tr><td>"
                          "<h3 style=\"font-size:14px;color:%1;margin:6px 0 6px 0;\">%2</h3>"
                          "<p style=\"margin:0;\"><img src=\"%3\" width=\"%4\" alt=\"%5\" "
                          "style=\"display:block;max-width:100%;\"></p>"
                          "<p style=\"color:%6;font-size:11px;margin:4px 0 6px 0;\">%5</p>"
                          "</td></tr></table>\n")
        .arg(inkColor, esc(chart.title), esc(options.imageSource(chart)))
        .arg(options.imageWidth)
        .arg(esc(chart.caption), mutedColor);
}

QString htmlHeadlines(const Report& report) {
    if (report.headlines.empty()) {
        return {};
    }
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" "
                                  "border=\"0\" style=\"border-collapse:collapse;margin:8px 0 "
                                  "10px 0;\"><tr>\n");
    const int width = 100 / static_cast<int>(report.headlines.size());
    for (const Headline& headline : report.headlines) {
        html +=
            QStringLiteral(
                "<td width=\"%1%\" valign=\"top\" bgcolor=\"%2\" style=\"padding:10px 12px;"
                "background-color:%2;border-left:3px solid %3;\">"
                "<span style=\"font-size:11px;color:%4;\">%5</span><br>"
                "<span style=\"font-size:22px;font-weight:bold;color:%6;\">%7</span><br>"
                "<span style=\"font-size:11px;color:%8;\">%9</span></td>\n")
                .arg(width)
                .arg(headerFill, accentColor, mutedColor, esc(headline.label), inkColor,
                     esc(headline.value), toneColor(headline.tone),
                     headline.change.isEmpty() ? QStringLiteral("&nbsp;") : esc(headline.change));
    }
    html += QStringLiteral("</tr></table>\n");
    return html;
}

int columnWidth(const Table& table, int column) {
    int width = column < table.headers.size() ? static_cast<int>(table.headers[column].size()) : 0;
    for (const auto& row : table.rows) {
        if (column < static_cast<int>(row.size())) {
            width = std::max(width, static_cast<int>(row[column].text.size()));
        }
    }
    return std::min(width, 60);
}

QString plainTable(const Table& table) {
    QString text;
    if (!table.title.isEmpty()) {
        text += table.title + QLatin1Char('\n');
    }
    if (table.rows.empty()) {
        return text + QStringLiteral("  ") +
               (table.emptyText.isEmpty() ? QStringLiteral("None.") : table.emptyText) +
               QStringLiteral("\n\n");
    }
    auto line = [&](const QStringList& cells) {
        QString out = QStringLiteral(" ");
        for (int c = 0; c < cells.size(); ++c) {
            const int width = columnWidth(table, c);
            const QString cell = cells[c].left(60);
            out += QStringLiteral(" ") + (alignOf(table, c) == Align::Right
                                              ? cell.rightJustified(width)
                                              : cell.leftJustified(width));
        }
        return out.trimmed().isEmpty() ? QString() : QStringLiteral("  ") + out.trimmed() + '\n';
    };
    text += line(table.headers);
    for (const auto& row : table.rows) {
        QStringList cells;
        for (const Cell& cell : row) {
            cells << cell.text;
        }
        text += line(cells);
    }
    if (!table.note.isEmpty()) {
        text += QStringLiteral("  ") + table.note + '\n';
    }
    return text + '\n';
}

QString markdownTable(const Table& table) {
    QString md;
    if (!table.title.isEmpty()) {
        md += QStringLiteral("### ") + escapeMarkdown(table.title) + QStringLiteral("\n\n");
    }
    if (table.rows.empty()) {
        return md + QStringLiteral("_") +
               escapeMarkdown(table.emptyText.isEmpty() ? QStringLiteral("None.")
                                                        : table.emptyText) +
               QStringLiteral("_\n\n");
    }
    QStringList headers, rule;
    for (int c = 0; c < table.headers.size(); ++c) {
        headers << escapeMarkdown(table.headers[c]);
        rule << (alignOf(table, c) == Align::Right ? QStringLiteral("---:")
                                                   : QStringLiteral("---"));
    }
    md += QStringLiteral("| ") + headers.join(QStringLiteral(" | ")) + QStringLiteral(" |\n| ") +
          rule.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    for (const auto& row : table.rows) {
        QStringList cells;
        for (const Cell& cell : row) {
            const QString text = escapeMarkdown(cell.text);
            cells << (cell.tone == Tone::Bad || cell.strong ? QStringLiteral("**%1**").arg(text)
                                                            : text);
        }
        md += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    if (!table.note.isEmpty()) {
        md += QStringLiteral("\n_") + escapeMarkdown(table.note) + QStringLiteral("_\n");
    }
    return md + '\n';
}

QString csvField(const QString& raw, bool numericColumn) {
    const QString text = neutralizeCsvCell(raw, numericColumn);
    static const QRegularExpression needsQuotes(QStringLiteral("[\",\\r\\n]"));
    if (!text.contains(needsQuotes) && !text.startsWith(QLatin1Char(' ')) &&
        !text.endsWith(QLatin1Char(' '))) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString neutralizeCsvCell(const QString& text, bool numericColumn) {
    return text::spreadsheetSafeCell(text, numericColumn);
}

QString escapeMarkdown(const QString& raw) {
    const QString text = text::inert(raw);
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '\n':
        case '\r':
            out += QLatin1Char(' ');
            break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '#':
        case '!':
            out += QLatin1Char('\\');
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString formatMinutes(std::optional<double> minutes) {
    if (!minutes) {
        return QStringLiteral("—");
    }
    const double m = *minutes;
    if (m < 90.0) {
        return QStringLiteral("%1 min").arg(m, 0, 'f', 0);
    }
    if (m < 48.0 * 60.0) {
        return QStringLiteral("%1 h").arg(m / 60.0, 0, 'f', 1);
    }
    return QStringLiteral("%1 d").arg(m / 1440.0, 0, 'f', 1);
}

QString formatValue(std::optional<double> value, ValueFormat format, int decimals) {
    if (!value) {
        return QStringLiteral("—");
    }
    switch (format) {
    case ValueFormat::Percent:
        return QStringLiteral("%1%").arg(*value * 100.0, 0, 'f', decimals);
    case ValueFormat::Minutes:
        return formatMinutes(value);
    case ValueFormat::Money:
        return QLocale(QLocale::English).toString(*value, 'f', 0);
    case ValueFormat::Count:
        break;
    }
    return QLocale(QLocale::English).toString(*value, 'f', 0);
}

QString renderHtml(const Report& report, const HtmlOptions& options) {
    QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width\">"
                       "<title>%1</title></head>\n"
                       "<body style=\"margin:0;padding:%4px;background-color:#ffffff;color:%2;"
                       "font-family:%3;font-size:13px;line-height:1.4;\">\n"
                       "%5")
            .arg(esc(report.title), inkColor, fontStack)
            .arg(options.pagePadding)
            .arg(options.pagePadding > 0
                     ? QStringLiteral("<div style=\"max-width:820px;margin:0 auto;\">\n")
                     : QString());
    html += QStringLiteral("<p style=\"font-size:11px;letter-spacing:1px;color:%1;margin:0;\">"
                           "ESCALATION DESK%2</p>\n"
                           "<h1 style=\"font-size:24px;color:%3;margin:2px 0 2px 0;\">%4</h1>\n"
                           "<p style=\"color:%1;margin:0 0 8px 0;\">%5</p>\n")
                .arg(mutedColor,
                     report.workspaceName.isEmpty()
                         ? QString()
                         : QStringLiteral(" · ") + esc(report.workspaceName.toUpper()),
                     inkColor, esc(report.title), esc(report.periodText));
    html += htmlHeadlines(report);
    for (const Section& section : report.sections) {
        html += QStringLiteral("<h2 style=\"font-size:17px;color:%1;margin:22px 0 6px 0;"
                               "padding-bottom:3px;border-bottom:2px solid %1;\">%2</h2>\n")
                    .arg(accentColor, esc(section.title));
        for (const Block& block : section.blocks) {
            if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
                html += QStringLiteral("<p style=\"margin:4px 0 8px 0;color:%1;\">%2</p>\n")
                            .arg(toneColor(paragraph->tone), esc(paragraph->text));
            } else if (const auto* table = std::get_if<Table>(&block)) {
                html += htmlTable(*table);
            } else if (const auto* chart = std::get_if<Chart>(&block)) {
                html += htmlChart(*chart, options);
            }
        }
    }
    if (options.generatedLine) {
        html += QStringLiteral("<p style=\"color:%1;font-size:11px;margin:24px 0 0 0;"
                               "border-top:1px solid %2;padding-top:6px;\">%3</p>\n")
                    .arg(mutedColor, ruleColor, esc(report.generatedText));
    }
    html += options.pagePadding > 0 ? QStringLiteral("</div>\n</body></html>\n")
                                    : QStringLiteral("</body></html>\n");
    return html;
}

QString renderMarkdown(const Report& report) {
    QString md = QStringLiteral("# ") + escapeMarkdown(report.title) + QStringLiteral("\n\n") +
                 escapeMarkdown(report.periodText) + QStringLiteral("\n\n");
    for (const Headline& headline : report.headlines) {
        md += QStringLiteral("- **") + escapeMarkdown(headline.label) + QStringLiteral(":** ") +
              escapeMarkdown(headline.value) +
              (headline.change.isEmpty()
                   ? QString()
                   : QStringLiteral(" (") + escapeMarkdown(headline.change) + QLatin1Char(')')) +
              QLatin1Char('\n');
    }
    if (!report.headlines.empty()) {
        md += QLatin1Char('\n');
    }
    for (const Section& section : report.sections) {
        md += QStringLiteral("## ") + escapeMarkdown(section.title) + QStringLiteral("\n\n");
        for (const Block& block : section.blocks) {
            if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
                md += escapeMarkdown(paragraph->text) + QStringLiteral("\n\n");
            } else if (const auto* table = std::get_if<Table>(&block)) {
                md += markdownTable(*table);
            } else if (const auto* chart = std::get_if<Chart>(&block)) {
                md += markdownTable(chartAsTable(*chart));
            }
        }
    }
    md += QStringLiteral("---\n\n_") + escapeMarkdown(report.generatedText) + QStringLiteral("_\n");
    return md;
}

QString renderPlainText(const Report& report) {
    QString text = report.title + '\n' + report.periodText + QStringLiteral("\n\n");
    for (const Headline& headline : report.headlines) {
        text += QStringLiteral("  %1: %2%3\n")
                    .arg(headline.label, headline.value,
                         headline.change.isEmpty() ? QString()
                                                   : QStringLiteral(" (") + headline.change + ')');
    }
    text += '\n';
    for (const Section& section : report.sections) {
        text += section.title.toUpper() + QStringLiteral("\n\n");
        for (const Block& block : section.blocks) {
            if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
                text += paragraph->text + QStringLiteral("\n\n");
            } else if (const auto* table = std::get_if<Table>(&block)) {
                text += plainTable(*table);
            } else if (const auto* chart = std::get_if<Chart>(&block)) {
                text += plainTable(chartAsTable(*chart));
            }
        }
    }
    return text::inert(text + report.generatedText + '\n');
}

QByteArray renderCsv(const Table& table) {
    QString csv;
    auto line = [&](const QStringList& fields, bool figures) {
        QStringList quoted;
        for (int c = 0; c < fields.size(); ++c) {
            quoted << csvField(fields[c], figures && alignOf(table, c) == Align::Right);
        }
        csv += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(table.headers, false);
    for (const auto& row : table.rows) {
        QStringList fields;
        for (const Cell& cell : row) {
            fields << cell.text;
        }
        line(fields, true);
    }
    return csv.toUtf8();
}

std::vector<const Table*> Report::tables() const {
    std::vector<const Table*> found;
    for (const Section& section : sections) {
        for (const Block& block : section.blocks) {
            if (const auto* table = std::get_if<Table>(&block)) {
                found.push_back(table);
            }
        }
    }
    return found;
}

std::vector<const Chart*> Report::charts() const {
    std::vector<const Chart*> found;
    for (const Section& section : sections) {
        for (const Block& block : section.blocks) {
            if (const auto* chart = std::get_if<Chart>(&block)) {
                found.push_back(chart);
            }
        }
    }
    return found;
}

QString reportKindName(ReportKind kind) {
    switch (kind) {
    case ReportKind::Weekly:
        return QStringLiteral("weekly");
    case ReportKind::Monthly:
        return QStringLiteral("monthly");
    case ReportKind::Quarterly:
        return QStringLiteral("quarterly");
    }
    return {};
}

std::optional<ReportKind> parseReportKind(const QString& name) {
    for (ReportKind kind : {ReportKind::Weekly, ReportKind::Monthly, ReportKind::Quarterly}) {
        if (name == reportKindName(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

} // namespace escdesk::report

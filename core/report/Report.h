#pragma once

// One data model for every report (weekly review, monthly leadership,
// quarterly efficiency): a title, the period, and sections of paragraphs,
// KPI tables, tables and charts. The builders fill it from the analyses; the
// renderers (HTML, Markdown, CSV here; PDF, PNG charts and e-mail in
// escdesk_report) only lay it out, so every format shows the same figures.

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

namespace escdesk::report {

enum class ReportKind { Weekly, Monthly, Quarterly };

QString reportKindName(ReportKind kind); // "weekly", ...
std::optional<ReportKind> parseReportKind(const QString& name);

// How a value reads against its target or trend: drives colour only; the
// text always says it too (arrows, "overdue"), so nothing relies on colour.
enum class Tone { Neutral, Good, Watch, Bad };

struct Cell {
    QString text;
    Tone tone = Tone::Neutral;
    bool strong = false;
};

enum class Align { Left, Right };

struct Table {
    QString id;    // file-name stem of its CSV, e.g. "kpis"
    QString title; // shown above it; may be empty
    QStringList headers;
    std::vector<Align> align; // per column; missing columns are left-aligned
    std::vector<int> widths;  // per column, percent of the page; empty: automatic
    std::vector<std::vector<Cell>> rows;
    QString emptyText; // shown instead of an empty table
    QString note;      // a small line under it
    int blankRows = 0; // ruled empty rows to write in on paper
};

struct Series {
    QString name;
    std::vector<std::optional<double>> values; // one per label
    QString color;                             // "#rrggbb"
};

enum class ChartKind { Line, Bar };
enum class ValueFormat { Percent, Minutes, Count, Money };

struct Chart {
    QString id; // file-name stem, e.g. "escalation-rate"
    QString title;
    ChartKind kind = ChartKind::Line;
    ValueFormat format = ValueFormat::Count;
    QStringList labels;
    std::vector<Series> series;
    std::optional<double> target; // a dashed reference line
    QString targetLabel;
    QString caption; // alternative text and caption
};

// A highlighted figure at the top of a report.
struct Headline {
    QString label;
    QString value;
    QString change; // e.g. "▲ 1.3 pts vs September"
    Tone tone = Tone::Neutral;
};

struct Paragraph {
    QString text;
    Tone tone = Tone::Neutral;
};

using Block = std::variant<Paragraph, Table, Chart>;

struct Section {
    QString title;
    std::vector<Block> blocks;
};

struct Report {
    ReportKind kind = ReportKind::Weekly;
    QString title;
    QString periodText; // "Week of 16–22 November 2026 (Europe/Berlin)"
    QDate first;        // the period's days, inclusive
    QDate last;
    QString timeZone;
    QString generatedText; // the closing line: when, where from, by which definitions
    QString generatedOn;   // "26 Nov 2026 09:12" for page footers
    QString workspaceName;
    std::vector<Headline> headlines;
    std::vector<Section> sections;
    // For the e-mail: its subject and the plain-text summary line.
    QString subject;

    // Every table and chart, in report order.
    std::vector<const Table*> tables() const;
    std::vector<const Chart*> charts() const;
};

} // namespace escdesk::report

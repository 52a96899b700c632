#pragma once

// Writes a built Report in every format of SPEC §9: HTML (one self-contained
// file, charts as PNG data URIs), PDF (paged, charts, page numbers), Markdown,
// an e-mail (.eml) and CSV (one file per table in a directory). The HTML and
// PDF come from the same renderHtml() document.

#include "report/Report.h"

#include <QPageSize>
#include <QTextDocument>

#include <memory>
#include <optional>

class QLocale;
class QPagedPaintDevice;

namespace escdesk::report {

enum class OutputFormat { Html, Pdf, Markdown, Eml, Csv };

std::optional<OutputFormat> parseOutputFormat(const QString& name);
QStringList outputFormatNames();

// Letter where it is the usual paper size (the Americas' Letter countries and
// the Philippines), A4 everywhere else.
QPageSize::PageSizeId pageSizeForLocale(const QLocale& locale);

// Self-contained HTML: every chart an embedded PNG data URI.
QString renderStandaloneHtml(const Report& report);

// The report as a paged rich-text document for `device` (charts as image
// resources, images sized to the page width). For PDF, print and preview.
std::unique_ptr<QTextDocument> reportDocument(const Report& report, qreal pageWidth);

// Lays out and paints the report on a paged device (a QPdfWriter or a
// QPrinter): content pages with a footer "title · period — Page n of N".
// Returns the number of pages.
int paintReport(const Report& report, QPagedPaintDevice& device);

struct WriteOptions {
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QStringList recipients; // e-mail To
    QString sender;         // e-mail From; empty: a no-reply address
};

// Writes `report` to `path` (for CSV, a directory created if needed, one
// <table-id>.csv per table). Returns the files written. Throws
// std::runtime_error with the path and reason when a file cannot be written.
QStringList writeReport(const Report& report, OutputFormat format, const QString& path,
                        const WriteOptions& options = {});

} // namespace escdesk::report

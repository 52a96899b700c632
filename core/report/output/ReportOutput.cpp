#include "report/output/ReportOutput.h"

#include "report/ReportRenderers.h"
#include "report/output/ChartPainter.h"
#include "report/output/EmailMessage.h"
#include "text/InertText.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <stdexcept>

namespace escdesk::report {

namespace {

// The PDF is laid out at 96 dots per inch so that the HTML's pixel sizes
// read as they do on screen; text and lines stay vector, images keep their
// full resolution.
constexpr int pdfResolution = 96;
constexpr qreal footerHeight = 28;
constexpr int linesKeptTogether = 2;

QString chartResourceName(const Chart& chart) {
    return QStringLiteral("chart:%1").arg(chart.id);
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        throw std::runtime_error(
            QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()).toStdString());
    }
}

// A place where a page may end. A break between two rows of a table carries
// the table's header row, which the next page repeats.
struct PageBreak {
    qreal y = 0;
    qreal headerTop = 0;
    qreal headerBottom = 0; // 0: no header to repeat
    bool operator<(const PageBreak& other) const { return y < other.y; }
};

// Where a page may end: before a paragraph line or a table row, but never
// right after a heading (a title stays with what it introduces) and never
// inside a row (Qt's own pagination splits tall rows across pages).
std::vector<PageBreak> safeBreaks(QTextDocument& document) {
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    std::vector<PageBreak> breaks;
    bool afterHeading = false; // no break before the next block
    bool headingAbove = false; // the last block with text was a heading
    qreal headerTop = 0;
    qreal headerBottom = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRectF rect = layout->blockBoundingRect(block);
        const QTextCursor cursor(block);
        if (QTextTable* table = cursor.currentTable()) {
            const QTextTableCell cell = table->cellAt(cursor);
            if (cell.column() == 0 && cell.firstCursorPosition().block() == block) {
                const qreal y = rect.top() - table->format().cellPadding() - 4;
                if (cell.row() == 0) {
                    headerTop = y;
                    headerBottom = 0;
                } else if (cell.row() == 1) {
                    headerBottom = y;
                }
                if (!afterHeading) {
                    breaks.push_back(cell.row() >= 2 ? PageBreak{y, headerTop, headerBottom}
                                                     : PageBreak{y});
                }
                // A header row stays with the first row under it.
                afterHeading = cell.row() < std::max(1, table->format().headerRowCount());
                headingAbove = false;
            }
            continue;
        }
        if (!afterHeading) {
            breaks.push_back(PageBreak{rect.top()});
        }
        // An empty block (a spacer, or the one Qt puts after a table) holds
        // nothing a heading could be kept with: a heading above it still
        // holds what comes next.
        if (block.text().trimmed().isEmpty()) {
            afterHeading = headingAbove;
            continue;
        }
        // Inside a paragraph, only where two lines stay on either side: a
        // short paragraph moves whole, and no page ends on a lone line.
        const bool heading = block.blockFormat().headingLevel() > 0;
        if (QTextLayout* lines = block.layout(); lines && !heading) {
            for (int i = linesKeptTogether; i <= lines->lineCount() - linesKeptTogether; ++i) {
                breaks.push_back(PageBreak{rect.top() + lines->lineAt(i).y()});
            }
        }
        afterHeading = heading;
        headingAbove = heading;
    }
    std::sort(breaks.begin(), breaks.end());
    return breaks;
}

// The bottom of the last block with something in it (text or an image):
// what follows is only trailing margin, not worth a page.
qreal contentBottom(QTextDocument& document) {
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    qreal bottom = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        // Empty table cells (the ruled rows to write decisions in) may fall
        // off the last page rather than start a new one.
        if (!block.text().trimmed().isEmpty()) {
            bottom = std::max(bottom, layout->blockBoundingRect(block).bottom());
        }
    }
    return bottom + 8; // the last table's bottom padding and rule
}

// One page: the document's [top, bottom), under a repeated table header
// [headerTop, headerBottom) when it continues a table.
struct PageCut {
    qreal top = 0;
    qreal bottom = 0;
    qreal headerTop = 0;
    qreal headerBottom = 0;
    qreal headerHeight() const { return headerBottom - headerTop; }
};

// Cuts the continuous document into pages of at most `pageHeight` at safe
// breaks.
std::vector<PageCut> cutPages(QTextDocument& document, qreal pageHeight) {
    const std::vector<PageBreak> breaks = safeBreaks(document);
    const qreal height = contentBottom(document);
    std::vector<PageCut> pages;
    PageCut page;
    while (page.top < height - 0.5) {
        const qreal room = pageHeight - page.headerHeight();
        page.bottom = page.top + room;
        PageBreak next{page.bottom};
        if (page.bottom < height) {
            // The last safe break that fills at least a third of the page.
            const auto after = std::upper_bound(breaks.begin(), breaks.end(), next);
            if (after != breaks.begin() && (after - 1)->y > page.top + room / 3) {
                next = *(after - 1);
                page.bottom = next.y;
            }
        }
        page.bottom = std::min(page.bottom, height);
        pages.push_back(page);
        page = PageCut{next.y, 0, next.headerTop, next.headerBottom};
    }
    return pages;
}

} // namespace

std::optional<OutputFormat> parseOutputFormat(const QString& name) {
    const QString lower = name.toLower();
    if (lower == QLatin1String("html")) {
        return OutputFormat::Html;
    }
    if (lower == QLatin1String("pdf")) {
        return OutputFormat::Pdf;
    }
    if (lower == QLatin1String("md") || lower == QLatin1String("markdown")) {
        return OutputFormat::Markdown;
    }
    if (lower == QLatin1String("eml")) {
        return OutputFormat::Eml;
    }
    if (lower == QLatin1String("csv")) {
        return OutputFormat::Csv;
    }
    return std::nullopt;
}

QStringList outputFormatNames() {
    return {QStringLiteral("html"), QStringLiteral("pdf"), QStringLiteral("md"),
            QStringLiteral("eml"), QStringLiteral("csv")};
}

QPageSize::PageSizeId pageSizeForLocale(const QLocale& locale) {
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::Guatemala:
    case QLocale::CostaRica:
    case QLocale::Panama:
    case QLocale::PuertoRico:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

QString renderStandaloneHtml(const Report& report) {
    HtmlOptions options;
    options.imageSource = [](const Chart& chart) {
        return QStringLiteral("data:image/png;base64,") +
               QString::fromLatin1(chartPng(chart).toBase64());
    };
    return renderHtml(report, options);
}

std::unique_ptr<QTextDocument> reportDocument(const Report& report, qreal pageWidth) {
    auto document = std::make_unique<QTextDocument>();
    document->setDocumentMargin(0);
    QFont font;
    font.setFamilies({QStringLiteral("Segoe UI"), QStringLiteral("Helvetica"),
                      QStringLiteral("Arial"), QStringLiteral("DejaVu Sans")});
    font.setPixelSize(12);
    document->setDefaultFont(font);
    // Lines wrap at spaces only: a narrow column widens to its longest word
    // rather than breaking it ("Chang e").
    QTextOption wrapAtSpaces = document->defaultTextOption();
    wrapAtSpaces.setWrapMode(QTextOption::WordWrap);
    document->setDefaultTextOption(wrapAtSpaces);
    const int imageWidth = static_cast<int>(std::min<qreal>(pageWidth, 720));
    for (const Chart* chart : report.charts()) {
        document->addResource(QTextDocument::ImageResource, QUrl(chartResourceName(*chart)),
                              paintChart(*chart, QSize(imageWidth, imageWidth * 260 / 720), 3.0));
    }
    HtmlOptions options;
    options.imageSource = [](const Chart& chart) {
        return chartResourceName(chart);
    };
    options.imageWidth = imageWidth;
    options.pagePadding = 0;
    options.generatedLine = false; // the page footer carries it
    document->setHtml(renderHtml(report, options));
    document->setDocumentMargin(0); // the page margins do it

    return document;
}

int paintReport(const Report& report, QPagedPaintDevice& device) {
    const QPageLayout layout = device.pageLayout();
    const QRectF body = layout.paintRectPixels(device.logicalDpiX());
    const QSizeF pageSize(body.width(), body.height() - footerHeight);
    std::unique_ptr<QTextDocument> document = reportDocument(report, pageSize.width());
    document->documentLayout()->setPaintDevice(&device);
    // Laid out as one long page, then cut where no row or heading is split.
    document->setTextWidth(pageSize.width());
    const std::vector<PageCut> cuts = cutPages(*document, pageSize.height());
    const int pages = static_cast<int>(cuts.size());

    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    // Title, period and when it was made, on every page.
    const QString footerText =
        text::inert(QStringLiteral("%1 · %2 · %3")
                        .arg(report.title, report.periodText.section(QStringLiteral(" · "), 0, 0),
                             QStringLiteral("generated ") + report.generatedOn));
    QFont footerFont = document->defaultFont();
    footerFont.setPixelSize(9);
    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            device.newPage();
        }
        const PageCut& cut = cuts[page];
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
        auto paintSlice = [&](qreal from, qreal to, qreal at) {
            painter.save();
            painter.translate(0, at - from);
            painter.setClipRect(QRectF(0, from, pageSize.width(), to - from));
            // Only blocks inside the slice are drawn: one that merely touches
            // its edge would be clipped from sight but its text still written
            // to the PDF, where search and copy would find it twice.
            context.clip = QRectF(0, from + 1, pageSize.width(), std::max<qreal>(to - from - 2, 0));
            document->documentLayout()->draw(&painter, context);
            painter.restore();
        };
        if (cut.headerHeight() > 0) {
            paintSlice(cut.headerTop, cut.headerBottom, 0); // the continued table's header
        }
        paintSlice(cut.top, cut.bottom, cut.headerHeight());

        const QRectF footer(0, body.height() - footerHeight + 8, body.width(), footerHeight - 8);
        painter.setPen(QColor(0xd0, 0xd7, 0xde));
        painter.drawLine(footer.topLeft(), footer.topRight());
        painter.setPen(QColor(0x59, 0x63, 0x6e));
        painter.setFont(footerFont);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, footerText);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));
    }
    return pages;
}

QStringList writeReport(const Report& report, OutputFormat format, const QString& path,
                        const WriteOptions& options) {
    switch (format) {
    case OutputFormat::Html:
        writeFile(path, renderStandaloneHtml(report).toUtf8());
        return {path};
    case OutputFormat::Markdown:
        writeFile(path, renderMarkdown(report).toUtf8());
        return {path};
    case OutputFormat::Eml:
        writeFile(path, emailMessage(report, options.recipients, options.sender));
        return {path};
    case OutputFormat::Pdf: {
        // Written to memory first so a failure leaves no half-written file.
        QByteArray pdf;
        {
            QBuffer buffer(&pdf);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            writer.setResolution(pdfResolution);
            writer.setTitle(text::inert(report.title));
            writer.setCreator(QStringLiteral("Escalation Desk"));
            writer.setPageLayout(QPageLayout(QPageSize(options.pageSize), QPageLayout::Portrait,
                                             QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter));
            paintReport(report, writer);
        }
        writeFile(path, pdf);
        return {path};
    }
    case OutputFormat::Csv: {
        if (!QDir().mkpath(path)) {
            throw std::runtime_error(
                QStringLiteral("Cannot create the directory %1").arg(path).toStdString());
        }
        QStringList written;
        for (const Table* table : report.tables()) {
            const QString file = QDir(path).filePath(table->id + QStringLiteral(".csv"));
            // A UTF-8 byte-order mark so spreadsheet programs read the arrows.
            writeFile(file, QByteArray("\xEF\xBB\xBF") + renderCsv(*table));
            written << file;
        }
        return written;
    }
    }
    return {};
}

} // namespace escdesk::report

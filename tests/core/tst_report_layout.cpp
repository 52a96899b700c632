// PDF layout of the reports (issue #17 item 10), read back as a reader
// would with pdftotext -layout (poppler-utils): a table header wraps only
// at spaces, so every header word is found whole; and no page ends with a
// section heading or a table title, which belong with what follows them.
// Rendered from a demo workspace, whose reports run over several pages, on
// A4 and Letter.

#include "demo/DemoGenerator.h"
#include "report/ReportBuilder.h"
#include "report/output/ReportOutput.h"
#include "store/Workspace.h"

#include <QPageSize>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace escdesk;
using namespace escdesk::report;

namespace {

// Words as runs of letters: "Re-escalated" is "Re" and "escalated".
std::map<QString, int> wordCounts(const QString& text) {
    static const QRegularExpression word(QStringLiteral("\\p{L}+"));
    std::map<QString, int> counts;
    auto matches = word.globalMatch(text);
    while (matches.hasNext()) {
        ++counts[matches.next().captured()];
    }
    return counts;
}

// The text the PDF shows of the report, besides charts (images) and page
// footers: every word in it is set whole on the page at least once.
QString shownText(const Report& report) {
    QStringList parts{report.title, report.periodText};
    for (const Headline& headline : report.headlines) {
        parts << headline.label << headline.value << headline.change;
    }
    for (const Section& section : report.sections) {
        parts << section.title;
        for (const Block& block : section.blocks) {
            if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
                parts << paragraph->text;
            } else if (const auto* table = std::get_if<Table>(&block)) {
                parts << table->title << table->note;
                if (table->rows.empty() && table->blankRows == 0) {
                    parts << table->emptyText;
                    continue;
                }
                parts << table->headers;
                for (const auto& row : table->rows) {
                    for (const Cell& cell : row) {
                        parts << cell.text;
                    }
                }
            }
        }
    }
    return parts.join(QLatin1Char('\n'));
}

// The headings a page must not end with: section titles and the titles of
// tables with rows under them.
QStringList headingsOf(const Report& report) {
    QStringList headings;
    for (const Section& section : report.sections) {
        headings << section.title;
        for (const Block& block : section.blocks) {
            if (const auto* table = std::get_if<Table>(&block); table && !table->title.isEmpty()) {
                headings << table->title;
            }
        }
    }
    return headings;
}

// The pages of a PDF as pdftotext -layout reads them, without their footer
// line ("… · Page 2 of 5").
QStringList pdfPages(const QString& pdf) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        return {};
    }
    static const QRegularExpression footer(QStringLiteral("Page \\d+ of \\d+\\s*$"));
    QStringList pages;
    // Compatibility forms undone: the PDF's "ﬀ" ligature reads "ff".
    const QString text = QString::fromUtf8(process.readAllStandardOutput())
                             .normalized(QString::NormalizationForm_KC);
    for (const QString& page : text.split('\f')) {
        QStringList lines;
        for (const QString& line : page.split('\n')) {
            if (!footer.match(line).hasMatch()) {
                lines << line;
            }
        }
        if (!lines.join(QString()).trimmed().isEmpty()) {
            pages << lines.join(QLatin1Char('\n'));
        }
    }
    return pages;
}

QString lastLine(const QString& page) {
    const QStringList lines = page.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
        if (!line->trimmed().isEmpty()) {
            return line->simplified();
        }
    }
    return {};
}

} // namespace

class TestReportLayout : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

    Report build(ReportKind kind, const QDate& first, const QDate& last) {
        ReportRequest request;
        request.kind = kind;
        request.first = first;
        request.last = last;
        request.zone = m_workspace->reportingTimeZone();
        request.asOf = QDateTime(QDate(2026, 12, 2), QTime(9, 0), request.zone).toSecsSinceEpoch();
        return buildReport(*m_workspace, request);
    }

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("d.db")));
        demo::DemoOptions options;
        options.tickets = 6000;
        options.endDate = QDate(2026, 12, 1);
        demo::generateDemo(*m_workspace, options);
    }

    void pdfPagesReadWhole_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<int>("pageSize");
        for (const auto& [name, size] :
             {std::pair{"A4", QPageSize::A4}, std::pair{"Letter", QPageSize::Letter}}) {
            QTest::addRow("weekly %s", name) << int(ReportKind::Weekly) << QDate(2026, 11, 23)
                                             << QDate(2026, 11, 29) << int(size);
            QTest::addRow("monthly %s", name) << int(ReportKind::Monthly) << QDate(2026, 11, 1)
                                              << QDate(2026, 11, 30) << int(size);
            QTest::addRow("quarterly %s", name) << int(ReportKind::Quarterly) << QDate(2026, 7, 1)
                                                << QDate(2026, 9, 30) << int(size);
        }
    }

    void pdfPagesReadWhole() {
        QFETCH(int, kind);
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(int, pageSize);
        const Report report = build(ReportKind(kind), first, last);
        const QString pdf = m_dir.filePath(QStringLiteral("%1-%2.pdf").arg(kind).arg(pageSize));
        WriteOptions options;
        options.pageSize = QPageSize::PageSizeId(pageSize);
        writeReport(report, OutputFormat::Pdf, pdf, options);
        const QStringList pages = pdfPages(pdf);
        QVERIFY2(pages.size() >= 2, "the report should run over pages");

        // Every header word is as often whole on the pages as the report
        // has it: a word broken inside ("Chang e") is missing once.
        const std::map<QString, int> onPages = wordCounts(pages.join(QLatin1Char('\n')));
        const std::map<QString, int> inReport = wordCounts(shownText(report));
        for (const Table* table : report.tables()) {
            for (const QString& header : table->headers) {
                for (const auto& [word, count] : wordCounts(header)) {
                    const auto found = onPages.find(word);
                    const int whole = found == onPages.end() ? 0 : found->second;
                    const auto shown = inReport.find(word);
                    const int expected = shown == inReport.end() ? 0 : shown->second;
                    QVERIFY2(whole >= expected,
                             qPrintable(QStringLiteral("“%1” of header “%2” (table %3) is whole "
                                                       "%4 times in the PDF, %5 in the report")
                                            .arg(word, header, table->id)
                                            .arg(whole)
                                            .arg(expected)));
                }
            }
        }

        // No page but the last ends with a heading.
        const QStringList headings = headingsOf(report);
        for (int page = 0; page + 1 < pages.size(); ++page) {
            const QString line = lastLine(pages[page]);
            QVERIFY2(
                !headings.contains(line),
                qPrintable(
                    QStringLiteral("page %1 ends with the heading “%2”").arg(page + 1).arg(line)));
        }
    }
};

QTEST_MAIN(TestReportLayout)
#include "tst_report_layout.moc"

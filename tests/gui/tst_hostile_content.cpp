// Imported text is data, never code (issue #18, docs/data-safety.md): one
// hostile corpus (tests/support/HostileCorpus.h) — markup, script and
// images, spreadsheet formulas, bidi overrides, ANSI and OSC escape
// sequences, NUL, CR LF, C1 controls, zero-width joiners, combining marks,
// a 100 KB string — imported into one workspace (ticket ids, subjects,
// descriptions, root causes, product areas, groups, assignees, channels,
// account names and segments, event actors, decisions and notes, known
// issues, review actions, a file name, rejected values) and run through
// every output:
//
// - the text and the JSON of every escdesk command, and the import's
//   messages on stderr;
// - each report format: HTML, PDF (pdftotext), Markdown, CSV, e-mail
//   (its headers parsed by Python's email package, default policy);
// - every page of the window: labels, tooltips, item views, text views,
//   message boxes, the command palette and the charts (the strings Qt Charts
//   receives, which it reads as HTML, and the text items it draws).
//
// Each output must show every control character and bidi override as the
// visible mark U+FFFD, never interpret markup (each entry reads as typed),
// keep text that is not a control as it is, and JSON must keep the text
// exact. The expected forms are worked out here from the issue
// (testsupport::visibleForm), not taken from the program.
//
// Built without the GUI (the sanitizer build), the window's part is left
// out and the rest runs under ASan and UBSan.

#include "../support/HostileCorpus.h"

#include "review/ReviewRecord.h"
#include "store/Workspace.h"
#include "text/InertText.h"
#include "text/SpreadsheetCell.h"

#ifdef ESCDESK_HOSTILE_GUI
#include "CommandPalette.h"
#include "MainWindow.h"
#include "ShownText.h"
#include "import/ImportSourcePage.h"
#include "import/ImportWizard.h"
#include "matrix/TestTicketPanel.h"
#include "metrics/Segmentation.h"
#include "models/TicketTableModel.h"
#include "pages/EscalationsPage.h"
#include "pages/ImportHistoryPage.h"
#include "pages/MatrixPage.h"
#include "pages/RootCausesPage.h"
#include "pages/SegmentsPage.h"
#include "pages/TrendsPage.h"
#include "pages/WorkspacePage.h"
#include "widgets/AnalysisChart.h"
#include "widgets/TicketDetailPane.h"
#include "widgets/TicketRiskPanel.h"

#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextTable>
#include <QTimer>
#endif

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace escdesk;
using testsupport::controlsIn;
using testsupport::hostileCorpus;
using testsupport::HostileText;
using testsupport::visibleForm;

namespace {

constexpr int corpusSize = 29;
constexpr QChar mark(0xFFFD);

const HostileText& entry(const char* tag) {
    for (const HostileText& e : hostileCorpus()) {
        if (e.tag == QString::fromUtf8(tag)) {
            return e;
        }
    }
    qFatal("no corpus entry %s", tag);
}

// The corpus entry for row `k`, cycling.
// The entries an export can carry in its values: all but the one with NUL,
// whose row the importer refuses (a NUL byte in a text export means the
// file is damaged); that one reaches the outputs as a rejected row and
// through the review actions.
const std::vector<HostileText>& values() {
    static const std::vector<HostileText> carried = [] {
        std::vector<HostileText> kept;
        for (const HostileText& e : hostileCorpus()) {
            if (!e.text.contains(QChar(0))) {
                kept.push_back(e);
            }
        }
        return kept;
    }();
    return carried;
}
constexpr int valueCount = corpusSize - 1;

// The value for row `k`, cycling.
const QString& corpusText(int k) {
    return values()[std::size_t(k % valueCount)].text;
}

QString field(const QString& text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvLine(const QStringList& fields) {
    QStringList quoted;
    for (const QString& f : fields) {
        quoted << field(f);
    }
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString renderedHtml(const QString& html) {
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

QString renderedMarkdown(const QString& markdown) {
    QTextDocument document;
    document.setMarkdown(markdown);
    return document.toPlainText();
}

// How an entry is compared where the output may re-flow text: runs of
// white space as one space, or, for PDF text (lines broken anywhere), none.
enum class Spacing { Flat, None };

QString normalised(const QString& text, Spacing spacing) {
    if (spacing == Spacing::Flat) {
        return text.simplified();
    }
    QString packed;
    for (const QChar c : text) {
        if (!c.isSpace()) {
            packed += c;
        }
    }
    return packed;
}

// Some characters of `text` around `at`, controls shown as \uXXXX.
QString excerpt(const QString& text, qsizetype at = 0) {
    const QString part = text.mid(std::max<qsizetype>(0, at - 30), 120);
    QString readable;
    for (const QChar c : part) {
        readable += testsupport::mustBeNeutralised(c)
                        ? QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'))
                        : QString(c);
    }
    return readable;
}

struct Check {
    Spacing spacing = Spacing::Flat;
    QStringList skipped; // tags whose form this output cannot carry exactly
    // Compatibility forms compared (NFKC): PDF text comes back with the
    // font's ligatures ("ﬁ" for "fi").
    bool compatibility = false;
    // Only controls checked: the text is JSON (its quotes escaped).
    bool controlsOnly = false;
};

// Where a refused row's value is quoted, the NUL entry is quoted up to its
// NUL: its form is not compared (its controls still are).
Check nulQuoted() {
    Check check;
    check.skipped = {QStringLiteral("§20")};
    return check;
}

Check controlsOnly() {
    Check check;
    check.controlsOnly = true;
    return check;
}

// What is wrong with `shown`, the text of an output as its reader sees it:
// a character that should show as the mark, or an entry whose tag shows
// without the entry's visible form (the first 40 characters) around it: its
// markup was read, a control obeyed, or text was lost. Tags seen are added
// to `seen`.
QStringList problemsIn(const QString& where, const QString& shown, QSet<QString>* seen = nullptr,
                       const Check& check = {}) {
    QStringList problems;
    const QStringList controls = controlsIn(shown);
    if (!controls.isEmpty()) {
        qsizetype at = 0;
        while (at < shown.size() && !testsupport::mustBeNeutralised(shown[at])) {
            ++at;
        }
        problems << QStringLiteral("%1: %2 passed through: …%3…")
                        .arg(where, controls.join(QStringLiteral(", ")), excerpt(shown, at));
    }
    if (check.controlsOnly) {
        return problems;
    }
    const auto form = [&check](const QString& text) {
        const QString spaced = normalised(text, check.spacing);
        return check.compatibility ? spaced.normalized(QString::NormalizationForm_KC) : spaced;
    };
    const QString flat = form(shown);
    for (const HostileText& e : hostileCorpus()) {
        if (!shown.contains(e.tag)) {
            continue;
        }
        if (seen) {
            seen->insert(e.tag);
        }
        if (check.skipped.contains(e.tag)) {
            continue;
        }
        // Where the program trims a value (a leading CR is white space),
        // the form without it is as inert.
        const QString expected = form(visibleForm(e.text)).left(40);
        const QString trimmed = form(visibleForm(e.text.trimmed())).left(40);
        if (!flat.contains(expected) && !flat.contains(trimmed)) {
            problems << QStringLiteral("%1: %2 does not read “%3”: …%4…")
                            .arg(where, e.tag, excerpt(expected),
                                 excerpt(flat, flat.indexOf(e.tag)));
        }
    }
    return problems;
}

// Every string of a JSON value.
void collectStrings(const QJsonValue& value, QStringList& strings) {
    if (value.isString()) {
        strings << value.toString();
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            collectStrings(item, strings);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            strings << it.key();
            collectStrings(it.value(), strings);
        }
    }
}

// The cells of an RFC 4180 document (CRLF line ends, quoted fields may hold
// line feeds).
QList<QStringList> csvRows(const QString& csv, QStringList* problems) {
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv[i];
        if (quoted) {
            if (c == u'"' && i + 1 < csv.size() && csv[i + 1] == u'"') {
                cell += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < csv.size() && csv[i + 1] == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else if (c == u'\r' || c == u'\n') {
            problems->append(QStringLiteral("a line end that is not CR LF outside quotes"));
            cell += c;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows << row;
    }
    return rows;
}

// A cell that a spreadsheet would evaluate (OWASP: = + - @ tab CR first),
// unless it is a plain number the program computed.
bool startsFormula(const QString& cell) {
    static const QRegularExpression figure(QStringLiteral("^[+-]?[0-9][0-9.,]*%?( [a-z]+)?$"));
    return !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()) &&
           !figure.match(cell).hasMatch();
}

} // namespace

class TestHostileContent : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_ticketsFile; // its name is hostile too
    QDate m_today;
    QStringList m_period; // --from … --to …
    std::int64_t m_ticketsBatch = 0;
    struct Run {
        int exitCode = -1;
        QByteArray output;
        QByteArray errors;
    };
    Run m_refusedImport;
    Run m_rejectingImport;

    Run escdesk(const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(ESCDESK_BIN), arguments);
        process.waitForFinished(600000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s: %s", qPrintable(path), qPrintable(file.errorString()));
        }
        file.write(content);
        return path;
    }

    // UTF-16 with a byte-order mark: the one encoding in which a CSV file
    // may carry U+0000 (a NUL byte in UTF-8 marks a file as binary).
    QString writeUtf16(const QString& name, const QString& text) {
        QByteArray bytes("\xFF\xFE", 2);
        for (const QChar c : text) {
            bytes += char(c.unicode() & 0xFF);
            bytes += char(c.unicode() >> 8);
        }
        return writeFile(name, bytes);
    }

    QString day(int daysAgo, const QString& time) const {
        return m_today.addDays(-daysAgo).toString(Qt::ISODate) + QLatin1Char(' ') + time;
    }

    QString ticketId(int k) const {
        // Two tickets carry hostile ids: a bidi override and SQL.
        if (k == 2 * valueCount) {
            return entry("§16").text;
        }
        if (k == 2 * valueCount + 1) {
            return entry("§28").text;
        }
        return QStringLiteral("HC-%1").arg(k, 2, 10, QLatin1Char('0'));
    }

    QString report(const QString& kind, const QString& format, const QString& out) {
        const Run run =
            escdesk(QStringList{QStringLiteral("report"), kind, QStringLiteral("--db"), m_db,
                                QStringLiteral("--format"), format, QStringLiteral("--out"), out} +
                    m_period);
        if (run.exitCode != 0) {
            qWarning() << run.errors;
            return {};
        }
        const QStringList problems =
            problemsIn(QStringLiteral("report stdout"), QString::fromUtf8(run.output)) +
            problemsIn(QStringLiteral("report stderr"), QString::fromUtf8(run.errors));
        if (!problems.isEmpty()) {
            qWarning() << problems;
            return {};
        }
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCOMPARE(int(hostileCorpus().size()), corpusSize);
        QCOMPARE(int(values().size()), valueCount);
        QVERIFY(hostileCorpus().back().text.size() > 100 * 1024);
        m_db = m_dir.filePath(QStringLiteral("hostile.escdesk"));
        m_today = QDate::currentDate();
        m_period = {QStringLiteral("--from"), m_today.addDays(-20).toString(Qt::ISODate),
                    QStringLiteral("--to"), m_today.addDays(1).toString(Qt::ISODate)};
        {
            store::Workspace workspace(m_db);
            workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
            // Display names a strict e-mail parser must keep apart from
            // their addresses; a hostile one among them.
            workspace.setSetting(QStringLiteral("report_sender"),
                                 QStringLiteral("Zoë Ünal <zoe.unal@example.com>"));
            workspace.setSetting(
                QStringLiteral("report_recipients"),
                QStringLiteral("\"Ünal, Zoë\" <zoe.unal@example.com>, Ola Nordmann "
                               "<ola@example.no>, lead@example.com, \"<b>Boss</b> "
                               "\u202Eevil\u001b[2J\" <boss@example.com>, \"Quote \\\"Q\\\" "
                               "Back\\\\slash\" <q@example.com>"));
            // Review actions (their titles reach the weekly report and the
            // Review page).
            for (int k = 0; k < 3; ++k) {
                review::Action action;
                // The first carries NUL: not from a file, so it is stored.
                action.title = k == 0 ? entry("§20").text : corpusText(k * 7);
                action.owner = corpusText(k * 7 + 1);
                action.subjectKind = review::ActionSubject::RootCause;
                action.subject = corpusText(k * 7 + 2);
                action.deadline = m_today.addDays(7);
                action.createdAt = QDateTime(m_today.addDays(-3), QTime(9, 0), QTimeZone::utc())
                                       .toSecsSinceEpoch();
                review::addAction(workspace.db(), action);
            }
        }

        // Accounts: hostile names and segments.
        QString accounts = csvLine({QStringLiteral("account_id"), QStringLiteral("name"),
                                    QStringLiteral("segment"), QStringLiteral("tier"),
                                    QStringLiteral("region"), QStringLiteral("arr")});
        for (int k = 0; k < valueCount; ++k) {
            accounts +=
                csvLine({QStringLiteral("ACC-%1").arg(k), corpusText(k + 4), corpusText(k + 2),
                         k % 2 ? QStringLiteral("Enterprise") : QStringLiteral("Standard"),
                         QStringLiteral("EMEA"), QString::number(10000 + k * 1000)});
        }
        // Known issues: hostile titles and workarounds, matching by area.
        QString issues = csvLine({QStringLiteral("issue_id"), QStringLiteral("title"),
                                  QStringLiteral("product_area"), QStringLiteral("status"),
                                  QStringLiteral("keywords"), QStringLiteral("workaround")});
        for (int k = 0; k < valueCount; ++k) {
            issues += csvLine({QStringLiteral("KI-%1").arg(k), corpusText(k), corpusText(k + 3),
                               QStringLiteral("open"), hostileCorpus()[std::size_t(k)].tag,
                               corpusText(k + 10)});
        }
        // Tickets: each corpus entry as a subject, a description, a root
        // cause, a product area, a group, an assignee and a channel; the
        // first half escalated; even ones resolved, odd ones open.
        QString tickets = csvLine({QStringLiteral("ticket_id"), QStringLiteral("created_at"),
                                   QStringLiteral("resolved_at"), QStringLiteral("status"),
                                   QStringLiteral("priority"), QStringLiteral("channel"),
                                   QStringLiteral("account_id"), QStringLiteral("product_area"),
                                   QStringLiteral("root_cause"), QStringLiteral("subject"),
                                   QStringLiteral("description"), QStringLiteral("assignee"),
                                   QStringLiteral("group"), QStringLiteral("escalated"),
                                   QStringLiteral("tier"), QStringLiteral("handle_time_min")});
        static const char* priorities[] = {"Critical", "High", "Medium", "Low"};
        QString events = csvLine({QStringLiteral("ticket_id"), QStringLiteral("occurred_at"),
                                  QStringLiteral("event"), QStringLiteral("from_tier"),
                                  QStringLiteral("to_tier"), QStringLiteral("actor"),
                                  QStringLiteral("decision_type"), QStringLiteral("note")});
        for (int k = 0; k < 2 * valueCount + 2; ++k) {
            const int daysAgo = 1 + k % 12;
            const QString created =
                day(daysAgo, QStringLiteral("09:%1").arg(k % 60, 2, 10, QLatin1Char('0')));
            const bool escalated = k < valueCount || k >= 2 * valueCount;
            const bool resolved = k % 2 == 0;
            tickets += csvLine(
                {ticketId(k), created,
                 resolved ? day(daysAgo - 1, QStringLiteral("17:00")) : QString(),
                 resolved ? QStringLiteral("Solved") : QStringLiteral("Open"),
                 QString::fromLatin1(priorities[k % 4]), corpusText(k + 9),
                 QStringLiteral("ACC-%1").arg(k % valueCount), corpusText(k + 3), corpusText(k),
                 corpusText(k), corpusText(k + 1), corpusText(k + 6), corpusText(k + 5),
                 escalated ? QStringLiteral("yes") : QStringLiteral("no"),
                 escalated ? QStringLiteral("2") : QStringLiteral("1"), QString::number(20 + k)});
            if (escalated) {
                const QString at =
                    day(daysAgo, QStringLiteral("10:%1").arg(k % 60, 2, 10, QLatin1Char('0')));
                events +=
                    csvLine({ticketId(k), at, QStringLiteral("escalated"), QStringLiteral("1"),
                             QStringLiteral("2"), corpusText(k + 7), QString(), corpusText(k + 8)});
                events += csvLine({ticketId(k), day(daysAgo, QStringLiteral("11:00")),
                                   QStringLiteral("decision"), QString(), QString(),
                                   corpusText(k + 11), corpusText(k + 12), corpusText(k + 13)});
            }
        }
        // The NUL entry in a subject: refused (or, by an importer that
        // takes it, stored); either way inert wherever it shows.
        tickets +=
            csvLine({QStringLiteral("HC-nul"), day(1, QStringLiteral("08:00")), QString(),
                     QStringLiteral("Open"), QStringLiteral("Low"), QString(),
                     QStringLiteral("ACC-0"), QString(), QString(), entry("§20").text, QString(),
                     QString(), QString(), QStringLiteral("no"), QStringLiteral("1"), QString()});
        // One row rejected: its time is hostile text, which the reason quotes.
        tickets += csvLine({QStringLiteral("HC-rejected"), entry("§19").text, QString(), QString(),
                            QString(), QString(), QString(), QString(), QString(),
                            QStringLiteral("rejected"), QString(), QString(), QString(),
                            QStringLiteral("no"), QStringLiteral("1"), QString()});
        m_ticketsFile =
            writeUtf16(QStringLiteral("tickets c07 <b>x<b> \u202Ecod.\u001b[31m.csv"), tickets);

        const auto import = [&](const QString& kind, const QString& file) {
            return escdesk({QStringLiteral("import"), QStringLiteral("--db"), m_db,
                            QStringLiteral("--kind"), kind, file});
        };
        Run run = import(QStringLiteral("accounts"),
                         writeUtf16(QStringLiteral("accounts.csv"), accounts));
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        run = import(QStringLiteral("known-issues"),
                     writeUtf16(QStringLiteral("issues.csv"), issues));
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        m_rejectingImport = import(QStringLiteral("tickets"), m_ticketsFile);
        QVERIFY2(m_rejectingImport.exitCode == 0, m_rejectingImport.errors.constData());
        m_ticketsBatch = 3;
        run = import(QStringLiteral("events"), writeUtf16(QStringLiteral("events.csv"), events));
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        // A file refused whole: its header names hostile columns and lacks
        // a required one; the refusal names them on stderr.
        m_refusedImport = import(
            QStringLiteral("tickets"),
            writeFile(QStringLiteral("refused.csv"),
                      csvLine({QStringLiteral("subject"), entry("§18").text, entry("§01").text})
                              .toUtf8() +
                          csvLine({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")})
                              .toUtf8()));
        QCOMPARE(m_refusedImport.exitCode, 1);
    }

    // The core's functions on hand-worked values.
    void inertTextShowsControlsAsTheMark() {
        QCOMPARE(text::inert(QStringLiteral("a\u001b[2Jb")), QStringLiteral("a\uFFFD[2Jb"));
        QCOMPARE(text::inert(QStringLiteral("invoice\u202Efdp.exe")),
                 QStringLiteral("invoice\uFFFDfdp.exe"));
        QCOMPARE(text::inert(QString::fromUtf16(u"x\u0000y\u007fz\u0085\u009b", 7)),
                 QStringLiteral("x\uFFFDy\uFFFDz\uFFFD\uFFFD"));
        // Tab and line feed stay; CR LF is a line break; a lone CR is not.
        QCOMPARE(text::inert(QStringLiteral("a\tb\r\nc\rd\n")), QStringLiteral("a\tb\nc\uFFFDd\n"));
        // The implicit marks, joiners and combining marks are text.
        const QString kept = QStringLiteral("e\u0301 \u200D\u200B\u200E\u200F");
        QCOMPARE(text::inert(kept), kept);
        // JSON keeps the value: the characters escaped.
        QCOMPARE(text::jsonEscapedControls(QString::fromUtf16(u"{\"v\":\"a\u202Eb\u0085\"}")),
                 QStringLiteral("{\"v\":\"a\\u202eb\\u0085\"}"));
        QCOMPARE(text::spreadsheetSafeCell(QStringLiteral("=1+1\u001b")),
                 QStringLiteral("'=1+1\uFFFD"));
        QCOMPARE(text::spreadsheetSafeCell(QStringLiteral("\r=1+1")), QStringLiteral("\uFFFD=1+1"));
        QCOMPARE(text::spreadsheetSafeCell(QStringLiteral("\t=1+1")), QStringLiteral("'\t=1+1"));
    }

    void textIsStoredAsImported() {
        store::Workspace workspace(m_db);
        const std::int64_t tickets = workspace.db().queryInt64("SELECT count(*) FROM tickets");
        QVERIFY2(tickets == 2 * valueCount + 2 || tickets == 2 * valueCount + 3, // HC-nul
                 qPrintable(QString::number(tickets)));
        store::Statement query =
            workspace.db().prepare("SELECT subject, root_cause FROM tickets WHERE ticket_id = ?");
        for (int k : {0, 15, 17, 19, 20, 28}) {
            query.reset();
            query.bind(1, ticketId(k));
            QVERIFY2(query.step(), qPrintable(ticketId(k)));
            QCOMPARE(query.text(0), corpusText(k));
            QCOMPARE(query.text(1), corpusText(k));
        }
        // The SQL in an id was data: the ticket is there, the table too.
        query.reset();
        query.bind(1, entry("§28").text);
        QVERIFY(query.step());
    }

    void importMessagesOnStderrAreInert() {
        for (const Run* run : {&m_rejectingImport, &m_refusedImport}) {
            const QString errors = QString::fromUtf8(run->errors);
            const QStringList problems =
                problemsIn(QStringLiteral("import stderr"), errors, nullptr, nulQuoted()) +
                problemsIn(QStringLiteral("import stdout"), QString::fromUtf8(run->output));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        // The rejected value is quoted with its controls as the mark; the
        // file's name the same.
        const QString rejected = QString::fromUtf8(m_rejectingImport.errors);
        QVERIFY2(rejected.contains(visibleForm(entry("§19").text)), qPrintable(rejected));
        QVERIFY2(rejected.contains(visibleForm(QFileInfo(m_ticketsFile).fileName())),
                 qPrintable(rejected));
        const QString refused = QString::fromUtf8(m_refusedImport.errors);
        QVERIFY2(refused.contains(QLatin1String("refused.csv")), qPrintable(refused));
    }

    void everyCommandsTextIsInert_data() {
        QTest::addColumn<QStringList>("arguments");
        // Whether its output lists every value of the corpus.
        QTest::addColumn<bool>("listsEveryValue");
        const auto row = [](const char* name, const QStringList& arguments, bool every) {
            QTest::newRow(name) << arguments << every;
        };
        row("summary", {QStringLiteral("summary")}, false);
        row("metrics", {QStringLiteral("metrics")}, false);
        for (const char* f : {"root_cause", "segment", "product_area", "group"}) {
            row(qPrintable(QStringLiteral("metrics --segment %1").arg(QLatin1String(f))),
                {QStringLiteral("metrics"), QStringLiteral("--segment"), QLatin1String(f)}, true);
        }
        for (const char* f : {"root_cause", "segment", "product_area", "group"}) {
            row(qPrintable(QStringLiteral("segments --by %1").arg(QLatin1String(f))),
                {QStringLiteral("segments"), QStringLiteral("--by"), QLatin1String(f)}, true);
        }
        row("segments --by priority",
            {QStringLiteral("segments"), QStringLiteral("--by"), QStringLiteral("priority")},
            false);
        row("trend week",
            {QStringLiteral("trend"), QStringLiteral("--granularity"), QStringLiteral("week")},
            false);
        row("trend month",
            {QStringLiteral("trend"), QStringLiteral("--granularity"), QStringLiteral("month")},
            false);
        row("root-causes", {QStringLiteral("root-causes")}, false);
        row("clusters", {QStringLiteral("clusters")}, false);
    }

    void everyCommandsTextIsInert() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, listsEveryValue);
        const Run run = escdesk(arguments + QStringList{QStringLiteral("--db"), m_db} + m_period);
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        QSet<QString> seen;
        const QString output = QString::fromUtf8(run.output);
        const QStringList problems =
            problemsIn(QStringLiteral("stdout"), output, &seen) +
            problemsIn(QStringLiteral("stderr"), QString::fromUtf8(run.errors));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(!output.isEmpty(), "no output");
        if (listsEveryValue) {
            QVERIFY2(seen.size() == valueCount,
                     qPrintable(
                         QStringLiteral("%1 of %2 values shown").arg(seen.size()).arg(valueCount)));
        }
    }

    void commandsWithoutAPeriodAreInert_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("hasJson");
        QTest::newRow("at-risk --all")
            << QStringList{QStringLiteral("at-risk"), QStringLiteral("--all")} << true;
        for (int k : {0, 1, 2 * valueCount, 2 * valueCount + 1}) {
            QTest::newRow(qPrintable(QStringLiteral("sla ticket %1").arg(k)))
                << QStringList{QStringLiteral("sla"), QStringLiteral("--ticket"), ticketId(k)}
                << true;
            QTest::newRow(qPrintable(QStringLiteral("triage ticket %1").arg(k)))
                << QStringList{QStringLiteral("triage"), QStringLiteral("--ticket"), ticketId(k)}
                << true;
        }
        QTest::newRow("triage --all")
            << QStringList{QStringLiteral("triage"), QStringLiteral("--all")} << true;
        QTest::newRow("risk --ticket")
            << QStringList{QStringLiteral("risk"), QStringLiteral("--ticket"), ticketId(3)} << true;
        QTest::newRow("import-batches") << QStringList{QStringLiteral("import-batches")} << true;
        QTest::newRow("import-rejects")
            << QStringList{QStringLiteral("import-rejects"), QStringLiteral("--batch"),
                           QString::number(m_ticketsBatch)}
            << false;
    }

    void commandsWithoutAPeriodAreInert() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, hasJson);
        Q_UNUSED(hasJson);
        const Run run = escdesk(arguments + QStringList{QStringLiteral("--db"), m_db});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        QStringList problems = problemsIn(QStringLiteral("stderr"), QString::fromUtf8(run.errors));
        if (arguments.first() == QLatin1String("import-rejects")) {
            // CSV on stdout: CR LF ends its lines; its cells hold the text.
            for (const QStringList& row : csvRows(QString::fromUtf8(run.output), &problems)) {
                for (const QString& cell : row) {
                    problems << problemsIn(QStringLiteral("stdout cell"), cell, nullptr,
                                           nulQuoted());
                }
            }
        } else {
            problems << problemsIn(QStringLiteral("stdout"), QString::fromUtf8(run.output));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(!run.output.isEmpty());
    }

    void everyCommandsJsonKeepsTheTextExact_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("exactValues"); // "every": all corpus texts appear exactly
        const QStringList period = m_period;
        for (const char* f : {"root_cause", "segment", "product_area", "group"}) {
            QTest::newRow(qPrintable(QStringLiteral("segments %1").arg(QLatin1String(f))))
                << (QStringList{QStringLiteral("segments"), QStringLiteral("--by"),
                                QLatin1String(f)} +
                    period)
                << QStringLiteral("every");
            QTest::newRow(qPrintable(QStringLiteral("metrics %1").arg(QLatin1String(f))))
                << (QStringList{QStringLiteral("metrics"), QStringLiteral("--segment"),
                                QLatin1String(f)} +
                    period)
                << QStringLiteral("every");
        }
        QTest::newRow("summary") << (QStringList{QStringLiteral("summary")} + period) << QString();
        QTest::newRow("metrics") << (QStringList{QStringLiteral("metrics")} + period) << QString();
        QTest::newRow("trend") << (QStringList{QStringLiteral("trend")} + period) << QString();
        QTest::newRow("root-causes")
            << (QStringList{QStringLiteral("root-causes")} + period) << QString();
        QTest::newRow("clusters") << (QStringList{QStringLiteral("clusters")} + period)
                                  << QString();
        QTest::newRow("at-risk") << QStringList{QStringLiteral("at-risk"), QStringLiteral("--all")}
                                 << QString();
        QTest::newRow("sla") << QStringList{QStringLiteral("sla"), QStringLiteral("--ticket"),
                                            ticketId(2 * valueCount)}
                             << QString();
        QTest::newRow("triage") << QStringList{QStringLiteral("triage"), QStringLiteral("--all")}
                                << QString();
        QTest::newRow("risk") << QStringList{QStringLiteral("risk"), QStringLiteral("--ticket"),
                                             ticketId(3)}
                              << QString();
        QTest::newRow("import-batches")
            << QStringList{QStringLiteral("import-batches")} << QStringLiteral("file");
    }

    void everyCommandsJsonKeepsTheTextExact() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, exactValues);
        const Run run = escdesk(
            arguments + QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        // No raw control or bidi override in the bytes (JSON escapes them)…
        const QStringList raw = controlsIn(QString::fromUtf8(run.output));
        QVERIFY2(raw.isEmpty(), qPrintable(raw.join(QStringLiteral(", "))));
        const QStringList problems =
            problemsIn(QStringLiteral("stderr"), QString::fromUtf8(run.errors));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // …and the values are exact: the JSON is data for other programs.
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.output, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QStringList strings;
        collectStrings(document.object(), strings);
        if (exactValues == QLatin1String("every")) {
            for (const HostileText& e : values()) {
                QVERIFY2(strings.contains(e.text), qPrintable(e.tag));
            }
        } else if (exactValues == QLatin1String("file")) {
            QVERIFY(strings.contains(m_ticketsFile) ||
                    strings.contains(QFileInfo(m_ticketsFile).fileName()));
        }
        // Wherever the corpus shows in the JSON, it is never the mark.
        for (const QString& s : strings) {
            QVERIFY2(!s.contains(mark), qPrintable(excerpt(s)));
        }
    }

    void htmlReportIsEscapedAndInert() {
        const QString path = report(QStringLiteral("weekly"), QStringLiteral("html"),
                                    m_dir.filePath(QStringLiteral("weekly.html")));
        QVERIFY(!path.isEmpty());
        const QString html = QString::fromUtf8(readAll(path));
        for (const HostileText& e : hostileCorpus()) {
            if (e.markup) {
                // The markup never reaches the file as markup…
                QVERIFY2(!html.contains(e.text.mid(4)), qPrintable(e.tag));
            }
        }
        QSet<QString> seen;
        // …and a browser (here: Qt's HTML reader) shows it as typed.
        const QStringList problems =
            problemsIn(QStringLiteral("html file"), html, nullptr, controlsOnly()) +
            problemsIn(QStringLiteral("html as shown"), renderedHtml(html), &seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(seen.size() >= 12, qPrintable(QString::number(seen.size())));
    }

    void markdownReportIsEscapedAndInert() {
        const QString path = report(QStringLiteral("weekly"), QStringLiteral("md"),
                                    m_dir.filePath(QStringLiteral("weekly.md")));
        QVERIFY(!path.isEmpty());
        const QString md = QString::fromUtf8(readAll(path));
        QVERIFY(!md.contains(QLatin1String("<script")) && !md.contains(QLatin1String("<img")));
        QSet<QString> seen;
        // The file itself: no control; as a Markdown reader shows it (Qt's,
        // md4c), every entry as typed.
        QStringList problems = controlsIn(md);
        problems << problemsIn(QStringLiteral("markdown as shown"), renderedMarkdown(md), &seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(seen.size() >= 12, qPrintable(QString::number(seen.size())));
    }

    void csvReportIsInertAndStartsNoFormula() {
        const QString dir = m_dir.filePath(QStringLiteral("csv"));
        QVERIFY(!report(QStringLiteral("weekly"), QStringLiteral("csv"), dir).isEmpty());
        QSet<QString> seen;
        QStringList problems;
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.csv")});
        QVERIFY(files.size() >= 3);
        for (const QString& name : files) {
            QString csv = QString::fromUtf8(readAll(QDir(dir).filePath(name)));
            csv.remove(QChar(0xFEFF));
            for (const QStringList& row : csvRows(csv, &problems)) {
                for (const QString& cell : row) {
                    problems << problemsIn(name, cell.startsWith(u'\'') ? cell.mid(1) : cell,
                                           &seen);
                    if (startsFormula(cell)) {
                        problems << QStringLiteral("%1: a formula: %2").arg(name, excerpt(cell));
                    }
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(seen.size() >= 12, qPrintable(QString::number(seen.size())));
    }

    void rejectedRowsExportIsInert() {
        const QString out = m_dir.filePath(QStringLiteral("rejected.csv"));
        const Run run = escdesk({QStringLiteral("import-rejects"), QStringLiteral("--db"), m_db,
                                 QStringLiteral("--batch"), QString::number(m_ticketsBatch),
                                 QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        QStringList problems;
        const QList<QStringList> rows = csvRows(QString::fromUtf8(readAll(out)), &problems);
        QVERIFY(rows.size() >= 2); // the header and the rejected rows
        bool timeRejected = false;
        for (const QStringList& row : rows.mid(1)) {
            if (row.value(2) == QLatin1String("created_at")) { // line,outcome,column,value,…
                timeRejected = true;
                QCOMPARE(row.value(3), visibleForm(entry("§19").text));
            }
            for (const QString& cell : row) {
                problems << problemsIn(QStringLiteral("rejected.csv"), cell, nullptr, nulQuoted());
            }
        }
        QVERIFY(timeRejected);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void pdfReportIsInert() {
        const QString path = report(QStringLiteral("weekly"), QStringLiteral("pdf"),
                                    m_dir.filePath(QStringLiteral("weekly.pdf")));
        QVERIFY(!path.isEmpty());
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"),
                        {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                         path, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(120000));
        QCOMPARE(pdftotext.exitCode(), 0);
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(u'\f');
        QSet<QString> seen;
        // Glyphs, not characters: joiners and combining marks are not
        // extracted as they were written, so those two are not compared.
        const QStringList problems =
            problemsIn(QStringLiteral("pdf text"), text, &seen,
                       Check{Spacing::None, {QStringLiteral("§24"), QStringLiteral("§25")}, true});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(seen.size() >= 12, qPrintable(QString::number(seen.size())));
    }

    void emailReportHeadersAndPartsAreInert() {
        const QString path = report(QStringLiteral("weekly"), QStringLiteral("eml"),
                                    m_dir.filePath(QStringLiteral("weekly.eml")));
        QVERIFY(!path.isEmpty());
        // Python's email package, default (strict, RFC 5322) policy: every
        // address with its display name, the subject, the parts, defects.
        static const char* script = R"PY(
import email, email.policy, json, sys
with open(sys.argv[1], 'rb') as f:
    message = email.message_from_bytes(f.read(), policy=email.policy.default)
def mailboxes(name):
    header = message[name]
    if header is None:
        return None
    return [[a.display_name, a.username, a.domain] for a in header.addresses]
defects = [repr(d) for d in message.defects]
for name in ('From', 'To', 'Cc', 'Subject'):
    if message[name] is not None:
        defects += ['%s: %r' % (name, d) for d in message[name].defects]
body = message.get_body(preferencelist=('plain',))
html = message.get_body(preferencelist=('html',))
json.dump({'from': mailboxes('From'), 'to': mailboxes('To'), 'cc': mailboxes('Cc'),
           'subject': str(message['Subject']), 'defects': defects,
           'text': body.get_content(), 'html': html.get_content()}, sys.stdout)
)PY";
        QProcess python;
        // Debian's python3 (scripts/install-deps.sh), not whatever is first
        // on PATH.
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), QString::fromLatin1(script), path});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject parsed = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QVERIFY(!parsed.isEmpty());
        QCOMPARE(parsed.value(QStringLiteral("defects")).toArray(), QJsonArray());
        const auto mailbox = [](const QString& name, const QString& user, const QString& domain) {
            return QJsonArray{name, user, domain};
        };
        // A list of one mailbox, built by append: QJsonArray{array} copies
        // the array with some compilers (clang) instead of nesting it.
        QJsonArray sender;
        sender.append(mailbox(QStringLiteral("Zoë Ünal"), QStringLiteral("zoe.unal"),
                              QStringLiteral("example.com")));
        QCOMPARE(parsed.value(QStringLiteral("from")).toArray(), sender);
        QCOMPARE(
            parsed.value(QStringLiteral("to")).toArray(),
            (QJsonArray{mailbox(QStringLiteral("Ünal, Zoë"), QStringLiteral("zoe.unal"),
                                QStringLiteral("example.com")),
                        mailbox(QStringLiteral("Ola Nordmann"), QStringLiteral("ola"),
                                QStringLiteral("example.no")),
                        mailbox(QString(), QStringLiteral("lead"), QStringLiteral("example.com")),
                        // Its controls the mark, its markup text.
                        mailbox(QStringLiteral("<b>Boss</b> \uFFFDevil\uFFFD[2J"),
                                QStringLiteral("boss"), QStringLiteral("example.com")),
                        mailbox(QStringLiteral("Quote \"Q\" Back\\slash"), QStringLiteral("q"),
                                QStringLiteral("example.com"))}));
        QVERIFY(parsed.value(QStringLiteral("cc")).isNull()); // the report has no Cc
        // "Weekly escalation review, " and the period's first and last day,
        // an en dash between them (worked out from the dates).
        const QDate first = QDate::fromString(m_period[1], Qt::ISODate);
        const QDate last = QDate::fromString(m_period[3], Qt::ISODate).addDays(-1);
        const QLocale english(QLocale::English);
        const QString range =
            first.month() == last.month() && first.year() == last.year()
                ? QStringLiteral("%1–%2")
                      .arg(first.day())
                      .arg(english.toString(last, QStringLiteral("d MMMM yyyy")))
            : first.year() == last.year()
                ? english.toString(first, QStringLiteral("d MMMM")) + QStringLiteral(" – ") +
                      english.toString(last, QStringLiteral("d MMMM yyyy"))
                : english.toString(first, QStringLiteral("d MMMM yyyy")) + QStringLiteral(" – ") +
                      english.toString(last, QStringLiteral("d MMMM yyyy"));
        QCOMPARE(parsed.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Weekly escalation review, ") + range);
        // The raw headers are ASCII; every address stands outside any
        // encoded-word.
        const QByteArray message = readAll(path);
        const QByteArray headers = message.left(message.indexOf("\r\n\r\n"));
        for (const char byte : headers) {
            QVERIFY(static_cast<unsigned char>(byte) < 0x80);
        }
        QVERIFY2(headers.contains("?= <zoe.unal@example.com>"), headers.constData());
        QVERIFY(!headers.contains("\r\nBcc:"));

        QSet<QString> seen;
        // The text part's own line ends are CR LF (MIME); any other CR is
        // the data's.
        const QString text = parsed.value(QStringLiteral("text"))
                                 .toString()
                                 .replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        const QString html = parsed.value(QStringLiteral("html")).toString();
        for (const HostileText& e : hostileCorpus()) {
            if (e.markup) {
                QVERIFY2(!html.contains(e.text.mid(4)), qPrintable(e.tag));
            }
        }
        const QStringList problems =
            problemsIn(QStringLiteral("e-mail text part"), text, &seen) +
            problemsIn(QStringLiteral("e-mail html part"), html, nullptr, controlsOnly()) +
            problemsIn(QStringLiteral("e-mail html as shown"), renderedHtml(html), &seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(seen.size() >= 12, qPrintable(QString::number(seen.size())));
    }

    void emailAddressWithoutADomainIsRefused() {
        {
            store::Workspace workspace(m_db);
            workspace.setSetting(QStringLiteral("report_recipients"),
                                 QStringLiteral("Zoë Ünal <zoe.unal>"));
        }
        const Run run = escdesk(QStringList{QStringLiteral("report"), QStringLiteral("weekly"),
                                            QStringLiteral("--db"), m_db, QStringLiteral("--out"),
                                            m_dir.filePath(QStringLiteral("refused.eml"))} +
                                m_period);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errors.contains("zoe.unal"), run.errors.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused.eml"))));
        store::Workspace workspace(m_db);
        workspace.setSetting(QStringLiteral("report_recipients"),
                             QStringLiteral("lead@example.com"));
    }

    // New code cannot forget the window's helper for message boxes: Qt's
    // static QMessageBox functions guess the text format from the text.
    void windowCodeShowsMessagesThroughTheHelper() {
        QStringList found;
        const QString ui = QStringLiteral(ESCDESK_SOURCE_DIR "/ui");
        static const QRegularExpression guessing(
            QStringLiteral("QMessageBox::(warning|information|question|critical)\\s*\\("));
        QDirIterator files(ui, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                           QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            const QStringList lines = QString::fromUtf8(readAll(path)).split(u'\n');
            ++read;
            for (int i = 0; i < lines.size(); ++i) {
                if (guessing.match(lines[i]).hasMatch()) {
                    found
                        << QStringLiteral("%1:%2: %3").arg(path).arg(i + 1).arg(lines[i].trimmed());
                }
            }
        }
        QVERIFY(read > 50);
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("use shown::warning/information/"
                                                            "question (ui/ShownText.h):\n") +
                                             found.join(QLatin1Char('\n'))));
    }

#ifdef ESCDESK_HOSTILE_GUI
    void everyPageShowsImportedTextLiterally();
    void segmentsChartLabelsAreEscapedText();
    void dialogsAndThePaletteShowTextLiterally();
    void importPreviewShowsTextLiterally();
#endif
};

#ifdef ESCDESK_HOSTILE_GUI

using namespace escdesk::ui;

namespace {

QString shownAs(const QString& text, Qt::TextFormat format) {
    const bool rich =
        format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    return rich ? renderedHtml(text) : text;
}

// Every text of a model (its first 200 rows, tree children included): cells
// as item views paint them (plain), tooltips as QToolTip shows them.
void modelTexts(const QAbstractItemModel* model, const QModelIndex& parent, int depth,
                const QString& where, QStringList& problems, QSet<QString>* seen,
                const Check& check = {}) {
    const int rows = std::min(model->rowCount(parent), 200);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex index = model->index(r, c, parent);
            const QString place = QStringLiteral("%1 [%2,%3]").arg(where).arg(r).arg(c);
            const QString cell = model->data(index, Qt::DisplayRole).toString();
            // A cell that shows JSON (the import preview's extra columns,
            // kept as attributes) escapes quotes: its controls are checked.
            const bool json = cell.startsWith(u'{') && cell.contains(QLatin1String("\":\""));
            problems << problemsIn(place, cell, seen, json ? controlsOnly() : check);
            problems << problemsIn(
                place + QStringLiteral(" tooltip"),
                shownAs(model->data(index, Qt::ToolTipRole).toString(), Qt::AutoText), seen, check);
            if (depth < 3 && c == 0 && model->hasChildren(index)) {
                modelTexts(model, index, depth + 1, where, problems, seen, check);
            }
        }
    }
}

// Qt Charts lays out every string it is given as HTML: the strings, read
// so; and the text items it draws, checked for anything markup would make
// (an image, a table, a link, a large font). The items may be shortened by
// Qt Charts ("..."); what is left must begin the label as it should read.
QStringList chartProblems(QChartView* view, const QString& where, QSet<QString>* seen) {
    QStringList problems;
    QChart* chart = view->chart();
    QStringList strings{chart->title()};
    for (QAbstractAxis* axis : chart->axes()) {
        strings << axis->titleText();
        if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis)) {
            strings << categories->categories();
        } else if (auto* ranges = qobject_cast<QCategoryAxis*>(axis)) {
            strings << ranges->categoriesLabels();
        }
    }
    for (QAbstractSeries* series : chart->series()) {
        strings << series->name();
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            for (QBarSet* set : bars->barSets()) {
                strings << set->label();
            }
        }
    }
    for (QLegendMarker* marker : chart->legend()->markers()) {
        strings << marker->label();
    }
    for (const QString& s : strings) {
        problems << problemsIn(where + QStringLiteral(" chart string"), renderedHtml(s), seen);
        // Short: Qt Charts tries every length of a label that does not fit.
        if (s.size() > 400) {
            problems
                << QStringLiteral("%1: a chart string of %2 characters").arg(where).arg(s.size());
        }
    }
    if (!chart->scene()) {
        return problems;
    }
    for (QGraphicsItem* item : chart->scene()->items()) {
        auto* textItem = dynamic_cast<QGraphicsTextItem*>(item);
        if (!textItem) {
            continue;
        }
        const QString drawn = textItem->toPlainText();
        const QString place =
            where + QStringLiteral(" chart text “") + excerpt(drawn) + QStringLiteral("”");
        if (!controlsIn(drawn).isEmpty()) {
            problems << place + QStringLiteral(": a control character");
        }
        for (QTextBlock block = textItem->document()->begin(); block.isValid();
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.isImageFormat()) {
                    problems << place + QStringLiteral(": an image");
                }
                if (format.isAnchor()) {
                    problems << place + QStringLiteral(": a link");
                }
                if ((format.hasProperty(QTextFormat::FontPointSize) &&
                     format.fontPointSize() > 16) ||
                    (format.hasProperty(QTextFormat::FontPixelSize) &&
                     format.intProperty(QTextFormat::FontPixelSize) > 22) ||
                    format.hasProperty(QTextFormat::FontSizeAdjustment)) {
                    problems << place + QStringLiteral(": a font size from the text");
                }
            }
        }
        for (QTextFrame* frame : textItem->document()->rootFrame()->childFrames()) {
            if (qobject_cast<QTextTable*>(frame)) {
                problems << place + QStringLiteral(": a table");
            }
        }
        for (const HostileText& e : hostileCorpus()) {
            const qsizetype at = drawn.indexOf(e.tag);
            if (at < 0 || e.text.indexOf(e.tag) != 0) {
                continue;
            }
            seen->insert(e.tag);
            QString shown = drawn.mid(at).simplified();
            if (shown.endsWith(QLatin1String("..."))) {
                shown.chop(3);
            }
            const QString expected = visibleForm(e.text).simplified();
            if (!expected.startsWith(shown.trimmed()) &&
                !(expected.size() > 60 && shown.startsWith(expected.left(40)))) {
                problems << QStringLiteral("%1: reads “%2”, not the start of “%3”")
                                .arg(place, excerpt(shown), excerpt(expected));
            }
        }
    }
    return problems;
}

// Every text a user can see under `root`.
QStringList widgetProblems(QWidget* root, const QString& where, QSet<QString>* seen,
                           const Check& check = {}) {
    QStringList problems;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        const QString name =
            where + QStringLiteral(" ") + QString::fromLatin1(widget->metaObject()->className()) +
            (widget->objectName().isEmpty() ? QString()
                                            : QStringLiteral(" ") + widget->objectName());
        if (!widget->toolTip().isEmpty()) {
            problems << problemsIn(name + QStringLiteral(" tooltip"),
                                   shownAs(widget->toolTip(), Qt::AutoText), seen);
        }
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            problems << problemsIn(name, shownAs(label->text(), label->textFormat()), seen);
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            problems << problemsIn(name, button->text(), seen);
        } else if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                problems << problemsIn(name + QStringLiteral(" tab"), tabs->tabText(i), seen);
                problems << problemsIn(name + QStringLiteral(" tab tooltip"),
                                       shownAs(tabs->tabToolTip(i), Qt::AutoText), seen);
            }
        } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            for (int i = 0; i < combo->count(); ++i) {
                problems << problemsIn(name + QStringLiteral(" item"), combo->itemText(i), seen);
            }
        } else if (auto* edit = qobject_cast<QTextEdit*>(widget)) {
            problems << problemsIn(name, edit->document()->toPlainText(), seen);
        } else if (auto* chart = qobject_cast<QChartView*>(widget)) {
            problems << chartProblems(chart, name, seen);
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model()) {
            const QAbstractItemModel* model = view->model();
            for (int c = 0; c < model->columnCount(); ++c) {
                problems << problemsIn(name + QStringLiteral(" header"),
                                       model->headerData(c, Qt::Horizontal).toString(), seen);
                problems << problemsIn(
                    name + QStringLiteral(" header tooltip"),
                    shownAs(model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString(),
                            Qt::AutoText),
                    seen);
            }
            modelTexts(model, view->rootIndex(), 0, name, problems, seen, check);
        }
    }
    problems.removeDuplicates();
    return problems;
}

bool waitIdle(WorkspacePage* page) {
    QDeadlineTimer deadline(60000);
    while (page->isBusy() && !deadline.hasExpired()) {
        QTest::qWait(20);
    }
    QTest::qWait(150); // results post layout and chart updates
    return !page->isBusy();
}

template <typename Page> Page* pageOf(MainWindow& window, int* index = nullptr) {
    for (int i = 0; i < window.pageCount(); ++i) {
        if (auto* page = qobject_cast<Page*>(window.page(i))) {
            if (index) {
                *index = i;
            }
            return page;
        }
    }
    return nullptr;
}

} // namespace

void TestHostileContent::everyPageShowsImportedTextLiterally() {
    MainWindow window(false);
    QCOMPARE(window.openWorkspace(m_db, true), QString());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSet<QString> seen;
    QStringList problems;
    for (int index = 0; index < window.pageCount(); ++index) {
        window.setCurrentPage(index);
        WorkspacePage* page = window.page(index);
        QVERIFY(waitIdle(page));
        const QString name = QStringLiteral("page ") + page->screenshotName();
        problems << widgetProblems(page, name, &seen);

        if (auto* escalations = qobject_cast<EscalationsPage*>(page)) {
            // Each ticket's detail, its risk panel included.
            const int rows = escalations->model()->rowCount();
            QVERIFY2(rows == 2 * valueCount + 2 || rows == 2 * valueCount + 3, // HC-nul
                     qPrintable(QString::number(rows)));
            auto* detail = page->findChild<TicketDetailPane*>();
            QVERIFY(detail);
            for (int row = 0; row < rows; ++row) {
                QElapsedTimer shown;
                shown.start();
                escalations->table()->selectRow(row);
                QCoreApplication::processEvents();
                // Even the ticket whose subject is the 100 KB string shows
                // at once (the label shows its first 2,000 characters).
                if (shown.elapsed() > 1000) {
                    problems << QStringLiteral("row %1 took %2 ms to show")
                                    .arg(row)
                                    .arg(shown.elapsed());
                }
                QTRY_VERIFY_WITH_TIMEOUT(!detail->riskPanel()->isBusy(), 20000);
                QCoreApplication::processEvents();
                problems << widgetProblems(detail, name + QStringLiteral(" detail"), &seen);
            }
        } else if (auto* rootCauses = qobject_cast<RootCausesPage*>(page)) {
            for (int row = 0; row < rootCauses->clusterTable()->rowCount(); ++row) {
                rootCauses->clusterTable()->selectRow(row);
                QCoreApplication::processEvents();
                problems << widgetProblems(page, name + QStringLiteral(" cluster"), &seen);
            }
            for (int row = 0; row < std::min(rootCauses->table()->rowCount(), 8); ++row) {
                rootCauses->table()->selectRow(row);
                QCoreApplication::processEvents();
                problems << widgetProblems(page, name + QStringLiteral(" root cause"), &seen);
            }
        } else if (auto* trends = qobject_cast<TrendsPage*>(page)) {
            trends->setGranularity(analysis::Granularity::Month);
            QVERIFY(waitIdle(page));
            problems << widgetProblems(page, name + QStringLiteral(" monthly"), &seen);
            trends->setGranularity(analysis::Granularity::Week);
            QVERIFY(waitIdle(page));
        } else if (auto* matrix = qobject_cast<MatrixPage*>(page)) {
            matrix->tabs()->setCurrentWidget(matrix->testPanel());
            for (int k : {0, 1, 5, 2 * valueCount, 2 * valueCount + 1}) {
                matrix->testPanel()->testTicket(ticketId(k));
                QCoreApplication::processEvents();
                problems << widgetProblems(matrix->testPanel(),
                                           name + QStringLiteral(" test ") + excerpt(ticketId(k)),
                                           &seen);
            }
        } else if (auto* history = qobject_cast<ImportHistoryPage*>(page)) {
            for (int row = 0; row < history->batchesTable()->rowCount(); ++row) {
                history->batchesTable()->setCurrentCell(row, 0);
                QCoreApplication::processEvents();
                // Its rejected rows quote the NUL entry up to its NUL.
                problems << widgetProblems(page, name + QStringLiteral(" batch"), &seen,
                                           nulQuoted());
            }
        }
    }
    problems << problemsIn(QStringLiteral("window title"), window.windowTitle(), &seen);
    problems << problemsIn(QStringLiteral("status bar"), window.statusBar()->currentMessage(),
                           &seen);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
    // Not vacuous: every entry of the corpus was on screen somewhere.
    QVERIFY2(seen.size() == corpusSize,
             qPrintable(QStringLiteral("seen %1 of %2").arg(seen.size()).arg(corpusSize)));
}

void TestHostileContent::segmentsChartLabelsAreEscapedText() {
    MainWindow window(false);
    QCOMPARE(window.openWorkspace(m_db, true), QString());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int index = -1;
    SegmentsPage* page = pageOf<SegmentsPage>(window, &index);
    QVERIFY(page);
    window.setCurrentPage(index);
    QStringList problems;
    for (auto segmentField :
         {metrics::SegmentField::RootCause, metrics::SegmentField::AccountSegment,
          metrics::SegmentField::ProductArea, metrics::SegmentField::Group}) {
        page->setField(segmentField);
        QTest::qWait(50);
        QVERIFY(waitIdle(page));
        const auto& rows = page->figures().analysis.rows;
        QCOMPARE(int(rows.size()), valueCount);
        // The table: each value as it was imported, its controls the mark
        // (and the 100 KB one cut at 2,000 characters with "…").
        QSet<QString> inTable;
        for (int r = 0; r < page->table()->rowCount(); ++r) {
            const QString value = rows[std::size_t(r)].value;
            const QString expected = value.size() > 2000
                                         ? visibleForm(value.left(2000)) + QChar(0x2026)
                                         : visibleForm(value);
            QCOMPARE(page->table()->item(r, 0)->text(), expected);
            problems << problemsIn(QStringLiteral("segments table"),
                                   page->table()->item(r, 0)->text(), &inTable);
        }
        QCOMPARE(inTable.size(), valueCount);
        // The chart's categories: HTML for Qt Charts, escaped so that it
        // reads as the value (cut at 60 characters with "…"), highest rate
        // at the top (a horizontal bar chart's first category is at the
        // bottom).
        QBarCategoryAxis* axis = nullptr;
        for (QAbstractAxis* candidate : page->chart()->chart()->axes(Qt::Vertical)) {
            axis = axis ? axis : qobject_cast<QBarCategoryAxis*>(candidate);
        }
        QVERIFY(axis);
        const QStringList categories = axis->categories();
        const int shown = std::min(10, valueCount); // the chart's bars
        QCOMPARE(categories.size(), shown);
        for (int i = 0; i < shown; ++i) {
            const QString value = rows[std::size_t(shown - 1 - i)].value;
            const QString expected = value.size() > 60 ? visibleForm(value.left(60)) + QChar(0x2026)
                                                       : visibleForm(value);
            QCOMPARE(renderedHtml(categories[i]).simplified(), expected.simplified());
            QVERIFY2(categories[i].size() < 400, qPrintable(QString::number(categories[i].size())));
            // Escaped where it holds markup: Qt Charts shows it as text.
            if (value.contains(u'<')) {
                QVERIFY2(!categories[i].contains(u'<') &&
                             categories[i].contains(QLatin1String("&lt;")),
                         qPrintable(categories[i]));
            }
        }
        QSet<QString> inChart;
        problems << chartProblems(page->chart(), QStringLiteral("segments chart"), &inChart);
        QVERIFY2(inChart.size() >= 10, qPrintable(QString::number(inChart.size())));
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
}

void TestHostileContent::dialogsAndThePaletteShowTextLiterally() {
    MainWindow window(false);
    QCOMPARE(window.openWorkspace(m_db, true), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList problems;

    // A message box naming a path of hostile text: plain text, inert.
    const QString missing = m_dir.filePath(
        QStringLiteral("c03 <img src=x onerror=alert(3)> \u202Egnp.\u001b[2J.escdesk"));
    bool boxShown = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            return;
        }
        boxShown = true;
        for (QLabel* label : box->findChildren<QLabel*>()) {
            if (label->text().isEmpty()) {
                continue;
            }
            if (label->textFormat() != Qt::PlainText) {
                problems << QStringLiteral("message box label %1 is not plain text")
                                .arg(label->objectName());
            }
            problems << problemsIn(QStringLiteral("message box"),
                                   shownAs(label->text(), label->textFormat()));
        }
        if (!box->text().contains(visibleForm(QFileInfo(missing).fileName()))) {
            problems << QStringLiteral("the message box does not name the file: ") +
                            excerpt(box->text());
        }
        box->done(0);
    });
    poll.start(20);
    window.openWorkspace(missing, false);
    poll.stop();
    QVERIFY(boxShown);
    problems << problemsIn(QStringLiteral("window title"), window.windowTitle());

    // The helper's own boxes, with informative text.
    QTimer again;
    bool helperShown = false;
    connect(&again, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            return;
        }
        helperShown = true;
        for (QLabel* label : box->findChildren<QLabel*>()) {
            if (!label->text().isEmpty()) {
                problems << problemsIn(QStringLiteral("warning"),
                                       shownAs(label->text(), label->textFormat()));
                if (label->textFormat() != Qt::PlainText) {
                    problems << QStringLiteral("warning label is not plain text");
                }
            }
        }
        box->done(0);
    });
    again.start(20);
    ui::shown::warning(&window, entry("§02").text, entry("§07").text + entry("§18").text);
    again.stop();
    QVERIFY(helperShown);

    // The command palette finds tickets by subject: each shown literally.
    CommandPalette* palette = window.showCommandPalette();
    QVERIFY(palette);
    QSet<QString> seen;
    for (const char* tag : {"§0", "§1", "§2"}) {
        palette->searchBox()->setText(QString::fromUtf8(tag));
        QTRY_VERIFY_WITH_TIMEOUT(!palette->isSearching(), 20000);
        QTest::qWait(50);
        problems << widgetProblems(palette, QStringLiteral("palette"), &seen);
    }
    palette->close();
    QVERIFY2(seen.size() >= 20, qPrintable(QString::number(seen.size())));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestHostileContent::importPreviewShowsTextLiterally() {
    MainWindow window(false);
    QCOMPARE(window.openWorkspace(m_db, true), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A file whose header and values are the corpus, one value rejected
    // (its reason quotes it).
    QString csv = csvLine({QStringLiteral("ticket_id"), QStringLiteral("created_at"),
                           QStringLiteral("subject"), entry("§01").text, entry("§16").text});
    for (int k = 0; k < valueCount; ++k) {
        csv += csvLine({QStringLiteral("P-%1").arg(k),
                        k == 18 ? entry("§18").text : day(1, QStringLiteral("09:00")),
                        corpusText(k), corpusText(k + 1), corpusText(k + 2)});
    }
    const QString file = writeUtf16(QStringLiteral("preview <b>c07<b> \u202E.csv"), csv);
    ImportWizard* wizard = window.openImportWizard({file}, false);
    QVERIFY(wizard);
    wizard->show();
    wizard->sourcePage()->setKind(QStringLiteral("tickets"));
    QSet<QString> seen;
    QStringList problems = widgetProblems(wizard, QStringLiteral("import source"), &seen);
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::PreviewPageId), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard->currentPage()->isComplete() ||
            !wizard->currentPage()->findChild<QWidget*>(QStringLiteral("previewBusy"))->isVisible(),
        20000);
    QTest::qWait(100);
    problems << widgetProblems(wizard, QStringLiteral("import preview"), &seen);
    window.finishImport(wizard);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
    QVERIFY2(seen.size() >= 20, qPrintable(QString::number(seen.size())));
}

#endif

// A QApplication with the window's part, else a QGuiApplication: Qt's HTML
// and Markdown readers lay text out with fonts.
QTEST_MAIN(TestHostileContent)
#include "tst_hostile_content.moc"

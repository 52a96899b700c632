// Imported text never executes and never changes what is shown: tickets and
// an account whose fields hold script tags, event-handler images, spreadsheet
// formulas, leading signs, a right-to-left override, a 1 MB line and an SQL
// injection attempt are imported with the real escdesk import, stored as
// they are (bound parameters: the tickets table is still there), and come out
// of the HTML, Markdown, e-mail and CSV reports and the rejected-rows export
// escaped or neutralised.

#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::store;

namespace {

const QString script = QStringLiteral("<script>alert(1)</script>");
const QString image = QStringLiteral("<img src=x onerror=alert(1)>");
const QString formula = QStringLiteral("=cmd|' /C calc'!A0");
const QString sum = QStringLiteral("@SUM(1+1)");
const QString sqlInjection = QStringLiteral("'); DROP TABLE tickets;--");
const QString rightToLeft = QStringLiteral("invoice\u202Efdp.exe");

// A CSV field: quoted, quotes doubled.
QString field(const QString& text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The decoded body of the MIME part of `message` with `contentType`.
QByteArray mimePart(const QByteArray& message, const QByteArray& contentType) {
    const qsizetype header = message.indexOf("Content-Type: " + contentType);
    if (header < 0) {
        return {};
    }
    const qsizetype body = message.indexOf("\r\n\r\n", header) + 4;
    const qsizetype end = message.indexOf("\r\n--", body);
    return QByteArray::fromBase64(message.mid(body, end - body));
}

// Splits one RFC 4180 line (no embedded line breaks in these files).
QStringList csvFields(const QString& line) {
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current;
    return fields;
}

} // namespace

class TestHostileContent : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_longLine;

    struct Run {
        int exitCode = -1;
        QByteArray output;
        QByteArray errors;
    };

    Run escdesk(const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(ESCDESK_BIN), arguments);
        process.waitForFinished(300000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString writeFile(const QString& name, const QString& content) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.write(content.toUtf8());
        return path;
    }

    QString report(const QString& format, const QString& out) {
        const Run run =
            escdesk({QStringLiteral("report"), QStringLiteral("weekly"), QStringLiteral("--db"),
                     m_db, QStringLiteral("--from"), QStringLiteral("2026-11-02"),
                     QStringLiteral("--to"), QStringLiteral("2026-11-09"),
                     QStringLiteral("--format"), format, QStringLiteral("--out"), out});
        if (run.exitCode != 0) {
            qWarning() << run.errors;
        }
        return run.exitCode == 0 ? out : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("hostile.escdesk"));
        m_longLine = QString(1024 * 1024, QLatin1Char('A')); // one 1 MB line
        const QString accounts =
            writeFile(QStringLiteral("accounts.csv"),
                      QStringLiteral("account_id,name,segment\nA-1,%1,%2\nA-2,%3,%4\n")
                          .arg(field(script), field(formula), field(image), field(sum)));
        // Escalated tickets in the week of 2026-11-02, so that their root
        // causes and product areas reach the reports' root-cause tables.
        QString tickets = QStringLiteral(
            "ticket_id,created_at,subject,description,account_id,root_cause,product_area,"
            "escalated,tier\n");
        const QStringList rows{
            QStringLiteral("H-1,2026-11-03 09:00,%1,%2,A-1,%3,%4,yes,2")
                .arg(field(script), field(image), field(image), field(formula)),
            QStringLiteral("H-2,2026-11-03 10:00,%1,%2,A-2,%3,%4,yes,2")
                .arg(field(image), field(script), field(script), field(sum)),
            QStringLiteral("H-3,2026-11-03 11:00,%1,x,A-1,%2,%3,yes,2")
                .arg(field(formula), field(QStringLiteral("+1")), field(QStringLiteral("-1"))),
            QStringLiteral("H-4,2026-11-03 12:00,%1,%2,A-2,%3,%4,yes,2")
                .arg(field(rightToLeft), field(m_longLine), field(sum), field(rightToLeft)),
            QStringLiteral("%1,2026-11-03 13:00,%1,%1,A-1,%2,%3,yes,2")
                .arg(field(sqlInjection), field(formula), field(formula)),
            // Rejected (its time is a formula): for the rejected-rows export.
            QStringLiteral("H-6,%1,rejected,x,A-1,x,x,no,1").arg(field(formula)),
        };
        tickets += rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
        const QString ticketFile = writeFile(QStringLiteral("tickets.csv"), tickets);

        Run run = escdesk({QStringLiteral("import"), QStringLiteral("--db"), m_db,
                           QStringLiteral("--kind"), QStringLiteral("accounts"), accounts});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        run = escdesk({QStringLiteral("import"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--kind"), QStringLiteral("tickets"), ticketFile});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
    }

    void textIsStoredAsImportedAndTheTableSurvives() {
        Workspace workspace(m_db);
        // Five stored, one rejected; the SQL in an id and a subject was data.
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM tickets"), 5);
        Statement query =
            workspace.db().prepare("SELECT subject, description FROM tickets WHERE ticket_id = ?");
        query.bind(1, sqlInjection);
        QVERIFY(query.step());
        QCOMPARE(query.text(0), sqlInjection);
        query.reset();
        query.bind(1, QStringLiteral("H-1"));
        QVERIFY(query.step());
        QCOMPARE(query.text(0), script);
        QCOMPARE(query.text(1), image);
        query.reset();
        query.bind(1, QStringLiteral("H-4"));
        QVERIFY(query.step());
        QCOMPARE(query.text(0), rightToLeft);
        QCOMPARE(query.text(1).size(), m_longLine.size());
        Statement name =
            workspace.db().prepare("SELECT name FROM accounts WHERE account_id = 'A-2'");
        QVERIFY(name.step());
        QCOMPARE(name.text(0), image);
    }

    void htmlReportEscapesEverything() {
        const QString path =
            report(QStringLiteral("html"), m_dir.filePath(QStringLiteral("w.html")));
        QVERIFY(!path.isEmpty());
        const QString html = QString::fromUtf8(readAll(path));
        QVERIFY(!html.contains(QLatin1String("<script>")));
        QVERIFY(!html.contains(QLatin1String("<img src=x")));
        QVERIFY(!html.contains(QLatin1String("onerror=alert(1)>")));
        // The root causes are there, escaped: <img …> and <script> as text.
        QVERIFY2(html.contains(QLatin1String("&lt;img src=x onerror=alert(1)&gt;")),
                 qPrintable(html.left(3000)));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        // The right-to-left override is shown as U+FFFD, not obeyed.
        QVERIFY(!html.contains(QChar(0x202E)));
        QVERIFY(html.contains(QStringLiteral("invoice\uFFFDfdp.exe")));
    }

    void markdownReportEscapesEverything() {
        const QString path = report(QStringLiteral("md"), m_dir.filePath(QStringLiteral("w.md")));
        QVERIFY(!path.isEmpty());
        const QString md = QString::fromUtf8(readAll(path));
        QVERIFY(!md.contains(QLatin1String("<script>")));
        QVERIFY(!md.contains(QLatin1String("<img")));
        QVERIFY(md.contains(QLatin1String("&lt;script&gt;")));
        QVERIFY(!md.contains(QChar(0x202E)));
    }

    void emailReportEscapesEverything() {
        const QString path = report(QStringLiteral("eml"), m_dir.filePath(QStringLiteral("w.eml")));
        QVERIFY(!path.isEmpty());
        const QByteArray message = readAll(path);
        const QString html = QString::fromUtf8(mimePart(message, "text/html"));
        const QString text = QString::fromUtf8(mimePart(message, "text/plain"));
        QVERIFY(!html.isEmpty() && !text.isEmpty());
        QVERIFY(!html.contains(QLatin1String("<script>")));
        QVERIFY(!html.contains(QLatin1String("<img src=x")));
        QVERIFY(html.contains(QLatin1String("&lt;img src=x onerror=alert(1)&gt;")));
        // The plain-text part shows the text as it is (it is not markup)...
        QVERIFY(text.contains(image));
        // ...but without the override.
        QVERIFY(!text.contains(QChar(0x202E)) && !html.contains(QChar(0x202E)));
    }

    void csvReportNeutralisesFormulas() {
        const QString dir = m_dir.filePath(QStringLiteral("csv"));
        QVERIFY(!report(QStringLiteral("csv"), dir).isEmpty());
        const QString csv =
            QString::fromUtf8(readAll(QDir(dir).filePath(QStringLiteral("root-causes.csv"))));
        QVERIFY2(!csv.isEmpty(), qPrintable(QDir(dir).entryList().join(QLatin1Char(' '))));
        QStringList cells;
        for (const QString& line : csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
            cells << csvFields(line);
        }
        // Every imported root cause and product area, quoted so that no
        // spreadsheet evaluates it (worked out by hand: ' + the text).
        for (const QString& expected : {QStringLiteral("'") + formula, QStringLiteral("'") + sum,
                                        QStringLiteral("'+1"), QStringLiteral("'-1")}) {
            QVERIFY2(cells.contains(expected),
                     qPrintable(expected + QStringLiteral(" in\n") + csv));
        }
        for (const QString& cell : cells) {
            // Figures the report computed ("-1.5", "12.0%") may start with a
            // sign; nothing else may.
            static const QRegularExpression figure(QStringLiteral("^[+-]?[0-9.]+%?$"));
            const bool risky = !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell[0]);
            QVERIFY2(!risky || figure.match(cell).hasMatch(), qPrintable(cell));
        }
    }

    void rejectedRowsExportNeutralisesFormulas() {
        const QString out = m_dir.filePath(QStringLiteral("rejected.csv"));
        // Batch 2 is the tickets file (batch 1 the accounts).
        const Run run =
            escdesk({QStringLiteral("import-rejects"), QStringLiteral("--db"), m_db,
                     QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        const QString csv = QString::fromUtf8(readAll(out));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // header + the one rejected row
        const QStringList rejected = csvFields(lines[1]);
        QCOMPARE(rejected.value(1), QStringLiteral("created_at"));
        QCOMPARE(rejected.value(2), QStringLiteral("'") + formula);
    }
};

QTEST_GUILESS_MAIN(TestHostileContent)
#include "tst_hostile_content.moc"

// `escdesk demo` as a user runs it: options, the JSON summary, exit statuses
// (SPEC §10: 0 success, 1 refused input, 2 usage error) and progress output.

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run escdesk(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    if (!process.waitForFinished(120000)) {
        qFatal("escdesk did not finish");
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestCliDemo : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void writesTheDemoAndSummarisesItAsJson() {
        const QString db = m_dir.filePath(QStringLiteral("demo.db"));
        const Run run =
            escdesk({QStringLiteral("demo"), QStringLiteral("--db"), db,
                     QStringLiteral("--tickets"), QStringLiteral("600"), QStringLiteral("--end"),
                     QStringLiteral("2026-11-15"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        // No progress for small demos; only that the workspace is new.
        QCOMPARE(run.err, QByteArray("Created workspace " + db.toUtf8() + "\n"));
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(QStringLiteral("tickets")).toInteger(), 600);
        // 600 / 30 = 20 accounts; the fixed list of 25 known issues.
        QCOMPARE(json.value(QStringLiteral("accounts")).toInteger(), 20);
        QCOMPARE(json.value(QStringLiteral("known_issues")).toInteger(), 25);
        QCOMPARE(json.value(QStringLiteral("tz")).toString(), QStringLiteral("America/New_York"));
        // 182 days ending on Sunday 2026-11-15 start on Monday 2026-05-18.
        QCOMPARE(json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-05-18"));
        QCOMPARE(json.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-15"));
        // Last Monday 2026-11-09; seven weeks earlier 2026-09-21. The
        // regression starts on the Monday of the week of 2026-11-02 (end − 13
        // days), and the three complete months before November.
        QCOMPARE(json.value(QStringLiteral("spike_week")).toString(), QStringLiteral("2026-09-21"));
        QCOMPARE(json.value(QStringLiteral("regression_from")).toString(),
                 QStringLiteral("2026-11-02"));
        QCOMPARE(json.value(QStringLiteral("access_ramp_months")).toString(),
                 QStringLiteral("2026-08,2026-09,2026-10"));
        QCOMPARE(json.value(QStringLiteral("seed")).toString(), QStringLiteral("1"));
    }

    void refusesAWorkspaceThatHoldsData() {
        const QString db = m_dir.filePath(QStringLiteral("twice.db"));
        const QStringList arguments{
            QStringLiteral("demo"),      QStringLiteral("--db"), db,
            QStringLiteral("--tickets"), QStringLiteral("100"),  QStringLiteral("--end"),
            QStringLiteral("2026-11-15")};
        QCOMPARE(escdesk(arguments).exitCode, 0);
        const Run again = escdesk(arguments);
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.out.isEmpty());
        QVERIFY2(again.err.contains("already holds data"), again.err.constData());
        QVERIFY2(again.err.contains(db.toUtf8()), again.err.constData());
    }

    void rejectsBadOptionsAsUsageErrors_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("zero tickets")
            << QStringList{QStringLiteral("--tickets"), QStringLiteral("0")}
            << QByteArray("--tickets");
        QTest::newRow("too many tickets")
            << QStringList{QStringLiteral("--tickets"), QStringLiteral("5000001")}
            << QByteArray("--tickets");
        QTest::newRow("seed not a number")
            << QStringList{QStringLiteral("--seed"), QStringLiteral("abc")} << QByteArray("--seed");
        QTest::newRow("no such date")
            << QStringList{QStringLiteral("--end"), QStringLiteral("2026-02-30")}
            << QByteArray("--end");
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("extra")} << QByteArray("extra");
    }

    void rejectsBadOptionsAsUsageErrors() {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, named);
        const QString db = m_dir.filePath(QStringLiteral("untouched.db"));
        const Run run =
            escdesk(QStringList{QStringLiteral("demo"), QStringLiteral("--db"), db} + options);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(named), run.err.constData());
        QVERIFY(!QFile::exists(db)); // refused before the workspace is opened
    }

    void endsTodayInNewYorkByDefault() {
        const QTimeZone newYork("America/New_York");
        const QString before =
            QDateTime::currentDateTime().toTimeZone(newYork).date().toString(Qt::ISODate);
        const Run run =
            escdesk({QStringLiteral("demo"), QStringLiteral("--db"),
                     m_dir.filePath(QStringLiteral("today.db")), QStringLiteral("--tickets"),
                     QStringLiteral("50"), QStringLiteral("--json")});
        const QString after =
            QDateTime::currentDateTime().toTimeZone(newYork).date().toString(Qt::ISODate);
        QCOMPARE(run.exitCode, 0);
        const QString to =
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("to")).toString();
        QVERIFY2(to == before || to == after, qPrintable(to));
    }

    void reportsProgressOnStderrForLargeDemos() {
        const Run run = escdesk({QStringLiteral("demo"), QStringLiteral("--db"),
                                 m_dir.filePath(QStringLiteral("large.db")),
                                 QStringLiteral("--tickets"), QStringLiteral("100000"),
                                 QStringLiteral("--end"), QStringLiteral("2026-11-15")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("100% (100000 of 100000)"), run.err.constData());
        QVERIFY(run.out.contains("100000 tickets"));
    }
};

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"

// escdesk import and import-rejects as other tools see them (SPEC §10): the
// --json shape, exit status 0 / 1 (refused, stderr names file, line, column
// and reason; or not one row could be read) / 2 (usage), several files, and
// the rejected-rows CSV.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString dataFile(const char* name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/") + QLatin1String(name);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run escdesk(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_BIN), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestImportCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_workspaces = 0;

    QString freshDb() {
        return m_dir.filePath(QStringLiteral("cli-%1.escdesk").arg(++m_workspaces));
    }

private slots:
    void printsOneJsonObjectPerFile() {
        const QString db = freshDb();
        const Run run =
            escdesk({"import", "--db", db, "--kind", "tickets", "--json", dataFile("ragged.csv")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.keys(), (QStringList{"batch", "file", "inserted", "kind", "rejected", "rows",
                                           "seconds", "unchanged", "updated", "warnings"}));
        QCOMPARE(json.value("batch").toInt(), 1);
        QCOMPARE(json.value("kind").toString(), QStringLiteral("tickets"));
        QCOMPARE(json.value("file").toString(), dataFile("ragged.csv"));
        QCOMPARE(json.value("rows").toInt(), 3);
        QCOMPARE(json.value("inserted").toInt(), 2);
        QCOMPARE(json.value("rejected").toInt(), 1);
        QVERIFY(json.value("seconds").isDouble());
        // The rejected row is shown on stderr with its line.
        QVERIFY2(run.err.contains("ragged.csv: line 3"), run.err.constData());
    }

    void severalFilesGiveAFilesArray() {
        const QString db = freshDb();
        const Run run = escdesk({"import", "--db", db, "--kind", "tickets", "--json",
                                 dataFile("delimiter-comma.csv"), dataFile("delimiter-pipe.csv")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray files = QJsonDocument::fromJson(run.out).object().value("files").toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toObject().value("inserted").toInt(), 3);
        // The pipe file holds the same three tickets: all unchanged.
        QCOMPARE(files[1].toObject().value("unchanged").toInt(), 3);
        QCOMPARE(files[1].toObject().value("batch").toInt(), 2);
    }

    void aRefusedFileExitsWithOneAndSaysWhere() {
        const QString db = freshDb();
        const Run run =
            escdesk({"import", "--db", db, "--kind", "tickets", dataFile("missing-column.csv")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        // The workspace is new: that is said first, then why the file was refused.
        QCOMPARE(QString::fromUtf8(run.err).trimmed(),
                 QStringLiteral("Created workspace %1\nescdesk import: %2: line 1, column "
                                "created_at: the required column created_at is missing from the "
                                "header row")
                     .arg(db, dataFile("missing-column.csv")));
    }

    void usageErrorsExitWithTwo() {
        const QString db = freshDb();
        QCOMPARE(
            escdesk({"import", "--db", db, "--kind", "tickts", dataFile("ragged.csv")}).exitCode,
            2);
        QCOMPARE(escdesk({"import", "--db", db, dataFile("ragged.csv")}).exitCode, 2);
        QCOMPARE(escdesk({"import", "--db", db, "--kind", "tickets"}).exitCode, 2);
        QCOMPARE(escdesk({"import", "--db", db, "--kind", "tickets", "--source-tz", "Mars/Base",
                          dataFile("ragged.csv")})
                     .exitCode,
                 2);
        QCOMPARE(escdesk({"import", "--db", db, "--kind", "tickets", "--preset", "salesforce",
                          dataFile("ragged.csv")})
                     .exitCode,
                 2);
        QCOMPARE(escdesk({"import", "--db", db, "--kind", "events", "--preset", "zendesk",
                          dataFile("ragged.csv")})
                     .exitCode,
                 2);
        QCOMPARE(escdesk({"import-rejects", "--db", db}).exitCode, 2);
    }

    void exportsTheRejectedRows() {
        const QString db = freshDb();
        QCOMPARE(escdesk({"import", "--db", db, "--kind", "tickets", dataFile("duplicate-id.csv")})
                     .exitCode,
                 0);
        const QString out = m_dir.filePath(QStringLiteral("rejected.csv"));
        const Run run = escdesk({"import-rejects", "--db", db, "--batch", "1", "--out", out});
        QCOMPARE(run.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray("line,outcome,column,value,reason\r\n"
                            "4,\"rejected\",\"ticket_id\",\"T-1\",\"duplicate ticket_id T-1: the "
                            "same id is on line 2, which is kept\"\r\n"));
        // An unknown batch is a refused request, not a crash.
        QCOMPARE(escdesk({"import-rejects", "--db", db, "--batch", "9"}).exitCode, 1);
    }

    // A value that cannot be read costs that value only: the row is stored, and
    // every surface of the command line says so beside the rejections.
    void warningsAreShownBesideTheRejections() {
        const QString db = freshDb();
        const QString csv = m_dir.filePath(QStringLiteral("jira-dc-priorities.csv"));
        QFile source(csv);
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write("ticket_id,created_at,priority,csat\n"
                     "T-1,2026-03-02 09:00,High,5\n"
                     "T-2,2026-03-02 09:30,Whenever,five\n"
                     ",2026-03-02 10:00,Low,4\n");
        source.close();
        const Run run = escdesk({"import", "--db", db, "--kind", "tickets", csv});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(run.out).section(QLatin1Char('('), 0, 0),
                 QStringLiteral("%1: 3 rows: 2 inserted, 0 updated, 0 unchanged, 1 rejected, 2 "
                                "warnings ")
                     .arg(csv));
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(
                     QStringLiteral("%1: line 4, column ticket_id: ticket_id is empty\n").arg(csv)),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("%1: 2 warnings (the rows are stored").arg(csv)),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("%1: line 3, column priority: warning: 'Whenever' is "
                                             "not a priority")
                                  .arg(csv)),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("%1: line 3, column csat: warning: 'five' is not a "
                                             "number\n")
                                  .arg(csv)),
                 qPrintable(err));

        const QString out = m_dir.filePath(QStringLiteral("problems.csv"));
        QCOMPARE(escdesk({"import-rejects", "--db", db, "--batch", "1", "--out", out}).exitCode, 0);
        QFile problems(out);
        QVERIFY(problems.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = problems.readAll().split('\n');
        QCOMPARE(lines.value(0), QByteArray("line,outcome,column,value,reason\r"));
        QVERIFY2(lines.value(1).startsWith("3,\"warning\",\"priority\",\"Whenever\","),
                 lines.value(1).constData());
        QVERIFY2(lines.value(2).startsWith("3,\"warning\",\"csat\",\"five\","),
                 lines.value(2).constData());
        QVERIFY2(lines.value(3).startsWith("4,\"rejected\",\"ticket_id\","),
                 lines.value(3).constData());

        const Run batches = escdesk({"import-batches", "--db", db, "--json"});
        const QJsonObject batch =
            QJsonDocument::fromJson(batches.out).object().value("batches").toArray()[0].toObject();
        QCOMPARE(batch.value("rejected").toInt(), 1);
        QCOMPARE(batch.value("warnings").toInt(), 2);
    }

    void listsTheBatches() {
        const QString db = freshDb();
        escdesk({"import", "--db", db, "--kind", "tickets", dataFile("ragged.csv")});
        escdesk({"import", "--db", db, "--kind", "tickets", "--preset", "zendesk",
                 dataFile("presets/zendesk-tickets.csv")});
        const Run run = escdesk({"import-batches", "--db", db, "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray batches =
            QJsonDocument::fromJson(run.out).object().value("batches").toArray();
        QCOMPARE(batches.size(), 2);
        // Newest first.
        QCOMPARE(batches[0].toObject().value("batch").toInt(), 2);
        QCOMPARE(batches[0].toObject().value("preset").toString(), QStringLiteral("zendesk"));
        QCOMPARE(batches[0].toObject().value("inserted").toInt(), 4);
        QCOMPARE(batches[1].toObject().value("file").toString(), QStringLiteral("ragged.csv"));
        QCOMPARE(batches[1].toObject().value("rejected").toInt(), 1);
        QVERIFY(batches[1].toObject().value("preset").isNull());
        QVERIFY(batches[1].toObject().value("started_at").toString().endsWith(QLatin1Char('Z')));
    }

    void importsAHistoryExportWithItsMapping() {
        const QString db = freshDb();
        const Run run = escdesk({"import", "--db", db, "--kind", "history", "--map",
                                 dataFile("history/servicenow-incident-log.json"), "--json",
                                 dataFile("history/servicenow-incident-log.csv")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value("kind").toString(), QStringLiteral("history"));
        QCOMPARE(json.value("rows").toInt(), 14);
        QCOMPARE(json.value("inserted").toInt(), 14);
        // Without a mapping there is nothing to derive from: a usage error.
        QCOMPARE(escdesk({"import", "--db", db, "--kind", "history",
                          dataFile("history/servicenow-incident-log.csv")})
                     .exitCode,
                 2);
    }

    // Every row rejected is not a success: the rows are kept in the batch as
    // rejected rows, stderr says that none could be read and shows the first
    // reasons, and the exit status is 1 (SPEC §10: refused input).
    void anImportOfWhichNoRowCouldBeReadExitsWithOne() {
        const QString db = freshDb();
        const QString csv = m_dir.filePath(QStringLiteral("unreadable-dates.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ticket_id,created_at\nT-1,soon\nT-2,later\n");
        file.close();
        const Run run = escdesk({"import", "--db", db, "--kind", "tickets", "--json", csv});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value("rows").toInt(), 2);
        QCOMPARE(json.value("inserted").toInt(), 0);
        QCOMPARE(json.value("rejected").toInt(), 2);
        QCOMPARE(QString::fromUtf8(run.err).trimmed(),
                 QStringLiteral(
                     "Created workspace %1\n"
                     "escdesk import: %2: no row could be read: all 2 rows were rejected (batch "
                     "1). The first reasons:\n"
                     "%2: line 2, column created_at: 'soon' is not a date and time in a form "
                     "Escalation Desk reads\n"
                     "%2: line 3, column created_at: 'later' is not a date and time in a form "
                     "Escalation Desk reads\n"
                     "  All rejected rows and warnings: escdesk import-rejects --batch 1 --out "
                     "rejected.csv")
                     .arg(db, csv));
        // The batch and its rejected rows are kept.
        const Run batches = escdesk({"import-batches", "--db", db, "--json"});
        const QJsonObject batch = QJsonDocument::fromJson(batches.out)
                                      .object()
                                      .value("batches")
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(batch.value("rejected").toInt(), 2);
        QCOMPARE(batch.value("inserted").toInt(), 0);
        // Among several files, one that no row could be read from makes the
        // status 1, as a refused one does; the other files are imported.
        const Run both = escdesk(
            {"import", "--db", db, "--kind", "tickets", csv, dataFile("delimiter-comma.csv")});
        QCOMPARE(both.exitCode, 1);
        QCOMPARE(
            escdesk({"import", "--db", db, "--kind", "tickets", dataFile("delimiter-comma.csv")})
                .exitCode,
            0);
    }

    // A Jira instance set to another date format (here yyyy-MM-dd HH:mm):
    // every row was rejected with exit status 0; the form is now detected.
    void importsAJiraExportInAnyDateFormat() {
        const QString db = freshDb();
        const Run run = escdesk({"import", "--db", db, "--kind", "tickets", "--preset", "jira",
                                 "--json", dataFile("presets/jira-iso-dates.csv")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value("inserted").toInt(), 5);
        QCOMPARE(json.value("rejected").toInt(), 0);
        QVERIFY2(run.err.trimmed() == QByteArray("Created workspace ") + db.toUtf8(),
                 run.err.constData());
    }

    void importsWithAPresetAndASourceZone() {
        const QString db = freshDb();
        const Run run = escdesk({"import", "--db", db, "--kind", "tickets", "--preset",
                                 "servicenow", "--source-tz", "Europe/Berlin", "--json",
                                 dataFile("presets/servicenow-incidents.csv")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value("inserted").toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import_cli.moc"

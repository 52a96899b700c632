// An escdesk import killed with SIGKILL in the middle of a large file leaves
// the workspace exactly as it was: intact (integrity_check ok), the same
// tickets and batches, no partial batch.

#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::store;

class TestImportKill : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeTickets(const QString& name, int rows) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.write("ticket_id,created_at,subject,description\n");
        const QByteArray filler(120, 'x');
        for (int i = 0; i < rows; ++i) {
            file.write("K-" + QByteArray::number(i) + ",2026-03-02 09:15:00,\"Subject " +
                       QByteArray::number(i) + "\",\"" + filler + "\"\n");
        }
        return path;
    }

    int runImport(const QString& db, const QString& file) {
        QProcess import;
        import.start(QStringLiteral(ESCDESK_BIN),
                     {QStringLiteral("import"), QStringLiteral("--db"), db,
                      QStringLiteral("--kind"), QStringLiteral("tickets"), file});
        import.waitForFinished(120000);
        return import.exitCode();
    }

    // Starts an import of `file` and kills it (SIGKILL) once a fifth of the
    // file has been read, while rows are being written.
    void killImportHalfway(const QString& db, const QString& file) {
        QProcess import;
        import.setProcessChannelMode(QProcess::SeparateChannels);
        import.start(QStringLiteral(ESCDESK_BIN),
                     {QStringLiteral("import"), QStringLiteral("--db"), db,
                      QStringLiteral("--kind"), QStringLiteral("tickets"), file});
        QVERIFY(import.waitForStarted());
        import.setReadChannel(QProcess::StandardError); // what waitForReadyRead waits for
        // Progress lines ("importing FILE: 21%") come on stderr while rows
        // are being written; kill once a fifth of the file is in.
        QByteArray progress;
        const QRegularExpression percent(QStringLiteral("(\\d+)%"));
        int reached = 0;
        while (reached < 20 && import.state() == QProcess::Running) {
            import.waitForReadyRead(20000);
            progress += import.readAllStandardError();
            auto matches = percent.globalMatch(QString::fromUtf8(progress));
            while (matches.hasNext()) {
                reached = std::max(reached, matches.next().captured(1).toInt());
            }
        }
        QVERIFY2(reached >= 20, progress.constData());
        QCOMPARE(import.state(), QProcess::Running);
        import.kill(); // SIGKILL
        QVERIFY(import.waitForFinished(10000));
        QCOMPARE(import.exitStatus(), QProcess::CrashExit);
    }

private slots:
    void killedImportLeavesTheStoreAsItWas() {
        const QString db = m_dir.filePath(QStringLiteral("kill.escdesk"));
        QCOMPARE(runImport(db, writeTickets(QStringLiteral("small.csv"), 3)), 0);
        std::int64_t ticketsBefore = 0;
        std::int64_t batchesBefore = 0;
        {
            Workspace workspace(db);
            ticketsBefore = countRecords(workspace.db()).tickets;
            batchesBefore = workspace.db().queryInt64("SELECT count(*) FROM import_batches");
        }
        QCOMPARE(ticketsBefore, 3);

        // About 50 MB: long enough to be killed half-way.
        const QString big = writeTickets(QStringLiteral("big.csv"), 350000);
        killImportHalfway(db, big);
        if (QTest::currentTestFailed()) {
            return;
        }

        Workspace workspace(db);
        Statement check = workspace.db().prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        QCOMPARE(countRecords(workspace.db()).tickets, ticketsBefore);
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM import_batches"), batchesBefore);
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM rejected_rows"), 0);
    }

    void killedBulkLoadKeepsTheIndexes() {
        // Into an empty tickets table the import drops the secondary indexes
        // for its bulk load; killed half-way, they must still be there.
        const QString db = m_dir.filePath(QStringLiteral("bulk.escdesk"));
        { Workspace workspace(db); }
        killImportHalfway(db, writeTickets(QStringLiteral("bulk.csv"), 350000));
        if (QTest::currentTestFailed()) {
            return;
        }
        Workspace workspace(db);
        Statement check = workspace.db().prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        QCOMPARE(countRecords(workspace.db()).tickets, 0);
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM import_batches"), 0);
        // tickets_by_created_at, tickets_by_account and (schema 19)
        // tickets_with_users_affected
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM sqlite_schema WHERE type = "
                                           "'index' AND tbl_name = 'tickets' AND sql IS NOT NULL"),
                 3);
    }
};

QTEST_GUILESS_MAIN(TestImportKill)
#include "tst_import_kill.moc"

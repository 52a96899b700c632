// Crash and power-loss safety of the workspace file.
//
// A process killed with SIGKILL in the middle of a matrix edit or of a schema
// upgrade (at points early, half-way and late in its write transaction), or
// of a restore from a backup, leaves a file that passes PRAGMA
// integrity_check and holds exactly the previous content. A power cut is simulated on the file
// level: with WAL and synchronous=NORMAL (docs/data-safety.md) what reaches the disk is the main
// file plus some prefix of the write-ahead log; for every prefix the file
// opens, passes the integrity check and holds one of the committed states,
// never a mixture, and a transaction still open at the cut is absent.

#include "../support/StoreFingerprint.h"

#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixStore.h"
#include "store/Backup.h"
#include "store/Schema.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace escdesk;
using namespace escdesk::store;
using escdesk::testsupport::integrityCheck;
using escdesk::testsupport::RawConnection;
using escdesk::testsupport::storeFingerprint;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

// Runs the child to the end; returns the number of steps of its first write
// transaction (0 on failure).
long stepsOfWrite(const QString& mode, const QString& path) {
    QProcess child;
    child.start(QStringLiteral(CRASH_CHILD), {mode, path, QStringLiteral("0")});
    if (!child.waitForFinished(120000) || child.exitCode() != 0) {
        qWarning() << child.readAllStandardError();
        return 0;
    }
    const QByteArray output = child.readAllStandardOutput().trimmed();
    return output.startsWith("steps ") ? output.mid(6).toLong() : 0;
}

// Starts the child, waits until it is frozen after `stop` steps inside its
// write transaction, and kills it with SIGKILL.
void killMidWrite(const QString& mode, const QString& path, long stop) {
    QProcess child;
    child.start(QStringLiteral(CRASH_CHILD), {mode, path, QString::number(stop)});
    QVERIFY(child.waitForStarted());
    QVERIFY2(child.waitForReadyRead(120000), qPrintable(child.readAllStandardError()));
    QCOMPARE(child.readLine().trimmed(), QByteArray("frozen"));
    child.kill();
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
}

// Adds tickets T-first … in one transaction of `db`.
void addTickets(sqlite3* db, int first, int count) {
    const QString sql =
        QStringLiteral("BEGIN; INSERT INTO tickets(ticket_id, created_at, subject, "
                       "description) WITH RECURSIVE n(i) AS (SELECT %1 UNION ALL SELECT i + "
                       "1 FROM n WHERE i < %2) SELECT 'T-' || i, 1764000000 + i, 'Subject ' "
                       "|| i, hex(randomblob(300)) FROM n; COMMIT;")
            .arg(first)
            .arg(first + count - 1);
    QCOMPARE(sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, nullptr), SQLITE_OK);
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Kills the child at points early, half-way and late in its write and
    // checks each time that the file is sound and as it was.
    void killAtSeveralPoints(const QString& mode, const QString& original,
                             const std::function<void(const QString&)>& checkReopened) {
        QVERIFY(!QFile::exists(original + QStringLiteral("-wal")));
        const QByteArray before = storeFingerprint(original);

        const QString complete = path(mode + QStringLiteral("-complete.escdesk"));
        QVERIFY(QFile::copy(original, complete));
        const long steps = stepsOfWrite(mode, complete);
        QVERIFY2(steps > 100, qPrintable(QString::number(steps)));
        // Run to the end, the write does change the file.
        QVERIFY(storeFingerprint(complete) != before);

        for (const long stop : {1L, steps / 10, steps / 2, steps * 9 / 10, steps - 1}) {
            const QString victim = path(QStringLiteral("%1-killed-%2.escdesk").arg(mode).arg(stop));
            QVERIFY(QFile::copy(original, victim));
            killMidWrite(mode, victim, stop);
            if (QTest::currentTestFailed()) {
                return;
            }
            QCOMPARE(integrityCheck(victim), QStringLiteral("ok"));
            QVERIFY2(
                storeFingerprint(victim) == before,
                qPrintable(QStringLiteral("killed after %1 of %2 steps").arg(stop).arg(steps)));
            checkReopened(victim);
        }
    }

private slots:
    void killedMatrixEditLeavesThePreviousMatrix() {
        const QString original = path(QStringLiteral("matrix.escdesk"));
        matrix::Matrix previous;
        {
            Workspace workspace(original); // seeded with the default matrix
            previous = matrix::loadMatrix(workspace.db());
        }
        killAtSeveralPoints(QStringLiteral("matrix"), original, [&](const QString& victim) {
            Workspace reopened(victim);
            QVERIFY(matrix::loadMatrix(reopened.db()) == previous);
            const matrix::ChainVerification chain = matrix::verifyChangeChain(reopened.db());
            QVERIFY2(chain.intact, qPrintable(chain.message));
        });
    }

    void killedSchemaUpgradeLeavesTheOldFile() {
        QFile sql(QStringLiteral(ESCDESK_TEST_DATA "/workspace-v1.sql"));
        QVERIFY(sql.open(QIODevice::ReadOnly));
        const QString original = path(QStringLiteral("upgrade.escdesk"));
        std::int64_t tickets = 0;
        {
            Database old(original, Database::Access::ReadWrite);
            old.exec(sql.readAll().toStdString());
            tickets = old.queryInt64("SELECT count(*) FROM tickets");
        }
        killAtSeveralPoints(QStringLiteral("upgrade"), original, [&](const QString& victim) {
            QCOMPARE(RawConnection(victim).value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
            // The next start upgrades it after all.
            Workspace reopened(victim);
            QCOMPARE(schemaVersionOf(reopened.db()), currentSchemaVersion);
            QCOMPARE(reopened.db().queryInt64("SELECT count(*) FROM tickets"), tickets);
        });
    }

    void killedRestoreLeavesThePreviousContent() {
        const QString source = path(QStringLiteral("restore-source.escdesk"));
        {
            Workspace workspace(source);
            RawConnection raw(source);
            addTickets(raw.handle(), 1, 20000); // some 12 MB: many backup steps
        }
        const QString backup = path(QStringLiteral("restore-source.backup"));
        backupWorkspace(source, backup);
        const QString victim = path(QStringLiteral("restore-victim.escdesk"));
        {
            Workspace workspace(victim);
            RawConnection raw(victim);
            addTickets(raw.handle(), 50000, 30);
        }
        const QByteArray before = storeFingerprint(victim);

        QProcess child;
        child.start(QStringLiteral(CRASH_CHILD), {QStringLiteral("restore"), victim, backup});
        QVERIFY(child.waitForStarted());
        QVERIFY2(child.waitForReadyRead(120000), qPrintable(child.readAllStandardError()));
        QCOMPARE(child.readLine().trimmed(), QByteArray("frozen"));
        child.kill();
        QVERIFY(child.waitForFinished(10000));

        QCOMPARE(integrityCheck(victim), QStringLiteral("ok"));
        QCOMPARE(storeFingerprint(victim), before);
        QCOMPARE(RawConnection(victim).value(QStringLiteral("SELECT count(*) FROM tickets")),
                 QStringLiteral("30"));
        // Run again to the end, the restore brings the backup's content.
        restoreWorkspace(victim, backup);
        QCOMPARE(storeFingerprint(victim), storeFingerprint(backup));
    }

    void workspaceRunsWalWithSynchronousNormal() {
        // The durability the documentation promises rests on these two.
        Workspace workspace(path(QStringLiteral("pragmas.escdesk")));
        Statement mode = workspace.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        QCOMPARE(workspace.db().queryInt64("PRAGMA synchronous"), 1); // NORMAL
    }

    void powerCutAtAnyPointOfTheLogGivesACommittedState() {
        const QString live = path(QStringLiteral("power.escdesk"));
        { Workspace workspace(live); } // closed: everything checkpointed into the main file
        QVERIFY(!QFile::exists(live + QStringLiteral("-wal")));
        const QByteArray stateA = storeFingerprint(live);

        RawConnection writer(live);
        // No checkpoint: the main file keeps state A, the log holds B and C.
        QCOMPARE(sqlite3_exec(writer.handle(), "PRAGMA wal_autocheckpoint = 0", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        addTickets(writer.handle(), 1, 400); // B
        if (QTest::currentTestFailed()) {
            return;
        }
        const QByteArray stateB = storeFingerprint(live);
        addTickets(writer.handle(), 1000, 400); // C
        const QByteArray stateC = storeFingerprint(live);
        QCOMPARE(sqlite3_exec(writer.handle(),
                              "BEGIN; UPDATE tickets SET subject = 'changed' WHERE id % 2 = 0; "
                              "DELETE FROM tickets WHERE id % 7 = 0; COMMIT",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK); // D
        const QByteArray stateD = storeFingerprint(live);

        // What a power cut may leave: the main file as written, the log cut
        // at any byte.
        const QByteArray mainFile = readAll(live);
        const QByteArray log = readAll(live + QStringLiteral("-wal"));
        QVERIFY(log.size() > 100 * 4096);
        const QList<QByteArray> states{stateA, stateB, stateC, stateD};
        QList<qsizetype> cuts{0,         1, 31, 32, 33, 32 + 24, 32 + 24 + 4096, log.size() - 1,
                              log.size()};
        for (qsizetype cut = 7; cut < log.size(); cut += 65537) { // arbitrary, unaligned
            cuts << cut;
        }
        std::sort(cuts.begin(), cuts.end());
        int previousIndex = 0;
        QSet<int> seen;
        for (const qsizetype cut : cuts) {
            const QString copy = path(QStringLiteral("cut-%1.escdesk").arg(cut));
            QVERIFY(writeAll(copy, mainFile));
            QVERIFY(writeAll(copy + QStringLiteral("-wal"), log.left(cut)));
            QCOMPARE(integrityCheck(copy), QStringLiteral("ok"));
            const int index = states.indexOf(storeFingerprint(copy));
            QVERIFY2(index >= 0, qPrintable(QStringLiteral("a log cut at byte %1 of %2 gives a "
                                                           "state that was never committed")
                                                .arg(cut)
                                                .arg(log.size())));
            // A longer log never gives an earlier state.
            QVERIFY(index >= previousIndex);
            previousIndex = index;
            seen << index;
        }
        QCOMPARE(states.indexOf(storeFingerprint(path(QStringLiteral("cut-0.escdesk")))), 0);
        QCOMPARE(previousIndex, 3); // the whole log: the last commit
        // Cuts in between gave the states in between.
        QVERIFY(seen.contains(1) && seen.contains(2));
    }

    void powerCutInsideATransactionGivesThePreviousState() {
        const QString live = path(QStringLiteral("open-transaction.escdesk"));
        { Workspace workspace(live); }
        RawConnection setup(live);
        addTickets(setup.handle(), 1, 100);
        const QByteArray committed = storeFingerprint(live);

        RawConnection writer(live);
        // A tiny page cache makes SQLite spill the open transaction's pages
        // into the log before the commit, as a large import does.
        QCOMPARE(sqlite3_exec(writer.handle(),
                              "PRAGMA cache_size = 10; BEGIN IMMEDIATE; "
                              "INSERT INTO tickets(ticket_id, created_at, description) "
                              "WITH RECURSIVE n(i) AS (SELECT 5000 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < 9000) SELECT 'T-' || i, 0, hex(randomblob(300)) FROM n",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        const QByteArray mainFile = readAll(live);
        const QByteArray log = readAll(live + QStringLiteral("-wal"));
        sqlite3_exec(writer.handle(), "ROLLBACK", nullptr, nullptr, nullptr);

        const QString copy = path(QStringLiteral("open-transaction-copy.escdesk"));
        QVERIFY(writeAll(copy, mainFile));
        QVERIFY(writeAll(copy + QStringLiteral("-wal"), log));
        QCOMPARE(integrityCheck(copy), QStringLiteral("ok"));
        QCOMPARE(storeFingerprint(copy), committed);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"

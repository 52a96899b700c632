// Backups with SQLite's online backup API: a backup taken while another
// connection writes is the snapshot of one moment and a sound file; a
// restore brings back exactly what was backed up (upgrading an older
// schema), and refuses files that are not workspaces and workspaces that
// another process is writing — leaving everything as it was.

#include "../support/StoreFingerprint.h"

#include "store/Backup.h"
#include "store/Schema.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::store;
using escdesk::testsupport::integrityCheck;
using escdesk::testsupport::RawConnection;
using escdesk::testsupport::storeFingerprint;

namespace {

// Adds `count` tickets T-first … with 400-character descriptions in one
// transaction.
void addTickets(Database& db, int first, int count) {
    Transaction transaction(db);
    db.exec(QStringLiteral("INSERT INTO tickets(ticket_id, created_at, subject, description) "
                           "WITH RECURSIVE n(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < %2) SELECT 'T-' || i, 1764000000 + i, 'Subject ' || i, "
                           "hex(randomblob(200)) FROM n")
                .arg(first)
                .arg(first + count - 1)
                .toStdString());
    transaction.commit();
}

std::int64_t ticketCount(const QString& path) {
    RawConnection connection(path);
    return connection.value(QStringLiteral("SELECT count(*) FROM tickets")).toLongLong();
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void startLockHolder(QProcess& holder, const QString& path) {
    holder.start(QStringLiteral(LOCK_HOLDER), {path});
    QVERIFY(holder.waitForStarted());
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
}

} // namespace

class TestBackup : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void backupWhileAnotherConnectionWritesIsASnapshot() {
        const QString workspacePath = path("live.escdesk");
        Workspace workspace(workspacePath);
        // 30,000 tickets of ~0.5 kB: some 4,000 pages, several backup steps
        // of 1,024 pages, so the write below lands between two of them.
        addTickets(workspace.db(), 1, 30000);

        Workspace writer(workspacePath); // another connection
        int steps = 0;
        bool wroteMidway = false;
        const BackupProgress writeDuringBackup = [&](int copied, int total) {
            if (++steps == 1) {
                wroteMidway = copied < total; // really between two steps
                addTickets(writer.db(), 100001, 500);
            }
            return true;
        };
        const QString backupPath = path("snapshot.escdesk");
        backupWorkspace(workspacePath, backupPath, false, writeDuringBackup);
        QVERIFY(steps > 1);
        QVERIFY(wroteMidway);

        // The writer committed: the workspace has 30,500 tickets; the backup
        // is the moment the backup began: 30,000, and a sound file.
        QCOMPARE(ticketCount(workspacePath), 30500);
        QCOMPARE(integrityCheck(backupPath), QStringLiteral("ok"));
        QCOMPARE(ticketCount(backupPath), 30000);
        // One self-contained file: no write-ahead log beside it.
        QVERIFY(!QFile::exists(backupPath + QStringLiteral("-wal")));
        QCOMPARE(RawConnection(backupPath).value(QStringLiteral("PRAGMA journal_mode")),
                 QStringLiteral("delete"));
    }

    void backupWhileAnotherProcessHoldsTheWriteLock() {
        const QString workspacePath = path("locked.escdesk");
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 1, 10);
        }
        QProcess holder; // inserts UNCOMMITTED and keeps its transaction open
        startLockHolder(holder, workspacePath);
        const QString backupPath = path("locked-backup.escdesk");
        backupWorkspace(workspacePath, backupPath);
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(ticketCount(backupPath), 10);
        QCOMPARE(RawConnection(backupPath)
                     .value(QStringLiteral("SELECT count(*) FROM tickets WHERE ticket_id = "
                                           "'UNCOMMITTED'")),
                 QStringLiteral("0"));
    }

    void backupRefusesToOverwriteUnlessAsked() {
        const QString workspacePath = path("overwrite.escdesk");
        { Workspace workspace(workspacePath); }
        const QString existing = path("existing.txt");
        writeFile(existing, "keep me");
        QVERIFY_THROWS_EXCEPTION(StoreError, backupWorkspace(workspacePath, existing));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
        file.close();
        backupWorkspace(workspacePath, existing, true);
        QCOMPARE(integrityCheck(existing), QStringLiteral("ok"));
    }

    void backupRefusesANonWorkspace() {
        const QString text = path("notes.txt");
        writeFile(text, "these are notes, not a workspace\n");
        try {
            backupWorkspace(text, path("notes-backup.escdesk"));
            QFAIL("a text file is not a workspace");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind(), StoreError::Kind::NotAWorkspace);
        }
        QVERIFY(!QFile::exists(path("notes-backup.escdesk")));
    }

    void restoreRoundTripBringsBackTheSameContent() {
        const QString workspacePath = path("roundtrip.escdesk");
        const QString backupPath = path("roundtrip-backup.escdesk");
        QByteArray backedUp;
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 1, 2000);
            workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("Europe/Berlin"));
        }
        backedUp = storeFingerprint(workspacePath);
        backupWorkspace(workspacePath, backupPath);
        QCOMPARE(storeFingerprint(backupPath), backedUp);

        // Work goes on: tickets deleted and added, a setting changed.
        {
            Workspace workspace(workspacePath);
            workspace.db().exec("DELETE FROM tickets WHERE id % 3 = 0");
            addTickets(workspace.db(), 5000, 700);
            workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("Asia/Tokyo"));
        }
        QVERIFY(storeFingerprint(workspacePath) != backedUp);

        const BackupResult result = restoreWorkspace(workspacePath, backupPath);
        QCOMPARE(result.schemaVersion, currentSchemaVersion);
        QCOMPARE(integrityCheck(workspacePath), QStringLiteral("ok"));
        QCOMPARE(storeFingerprint(workspacePath), backedUp);
        QCOMPARE(ticketCount(workspacePath), 2000);
        // The restored file is a workspace in WAL mode again.
        Workspace reopened(workspacePath);
        QCOMPARE(reopened.setting(QStringLiteral("reporting_tz")), QStringLiteral("Europe/Berlin"));
        Statement mode = reopened.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
    }

    void restoreIntoAReaderSeesTheNewContent() {
        // A connection open on the workspace (the GUI) reads the restored
        // content afterwards, without reopening.
        const QString workspacePath = path("reader.escdesk");
        const QString backupPath = path("reader-backup.escdesk");
        Workspace reader(workspacePath);
        addTickets(reader.db(), 1, 5);
        backupWorkspace(workspacePath, backupPath);
        addTickets(reader.db(), 10, 3);
        QCOMPARE(reader.db().queryInt64("SELECT count(*) FROM tickets"), 8);
        restoreWorkspace(workspacePath, backupPath);
        QCOMPARE(reader.db().queryInt64("SELECT count(*) FROM tickets"), 5);
    }

    void restoreIntoANewFile() {
        // Restoring onto another machine: the workspace file does not exist.
        const QString workspacePath = path("original.escdesk");
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 1, 40);
        }
        const QString backupPath = path("original-backup.escdesk");
        backupWorkspace(workspacePath, backupPath);
        const QString fresh = path("new-machine.escdesk");
        restoreWorkspace(fresh, backupPath);
        QCOMPARE(integrityCheck(fresh), QStringLiteral("ok"));
        QCOMPARE(storeFingerprint(fresh), storeFingerprint(workspacePath));
        // A refused restore into a new file leaves no file behind.
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 restoreWorkspace(path("never.escdesk"), path("missing.escdesk")));
        QVERIFY(!QFile::exists(path("never.escdesk")));
    }

    void restoreRefusesANonWorkspaceSource() {
        const QString workspacePath = path("keep.escdesk");
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 1, 50);
        }
        const QByteArray before = storeFingerprint(workspacePath);

        const QString text = path("not-a-backup.txt");
        writeFile(text, "ticket_id,created_at\nT-1,2026-01-01\n");
        const QString foreign = path("foreign.sqlite");
        {
            Database other(foreign, Database::Access::ReadWrite);
            other.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
        }
        for (const QString& source : {text, foreign}) {
            try {
                restoreWorkspace(workspacePath, source);
                QFAIL(qPrintable(source + QStringLiteral(" is not a workspace")));
            } catch (const StoreError& error) {
                QCOMPARE(error.kind(), StoreError::Kind::NotAWorkspace);
                QVERIFY2(error.message().contains(source), qPrintable(error.message()));
            }
            QCOMPARE(storeFingerprint(workspacePath), before);
            QCOMPARE(integrityCheck(workspacePath), QStringLiteral("ok"));
        }
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 restoreWorkspace(workspacePath, path("missing.escdesk")));
        QCOMPARE(storeFingerprint(workspacePath), before);
        // No staging files are left behind.
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.part*")}, QDir::Files),
                 QStringList());
    }

    void restoreRefusesToOverwriteANonWorkspace() {
        const QString workspacePath = path("source.escdesk");
        { Workspace workspace(workspacePath); }
        const QString backupPath = path("source-backup.escdesk");
        backupWorkspace(workspacePath, backupPath);
        const QString foreign = path("photos.sqlite");
        {
            Database other(foreign, Database::Access::ReadWrite);
            other.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT);"
                       "INSERT INTO photos(name) VALUES ('holiday')");
        }
        const QByteArray before = storeFingerprint(foreign);
        QVERIFY_THROWS_EXCEPTION(StoreError, restoreWorkspace(foreign, backupPath));
        QCOMPARE(storeFingerprint(foreign), before);
    }

    void restoreUpgradesAnOlderBackup() {
        QFile sql(QStringLiteral(ESCDESK_TEST_DATA "/workspace-v1.sql"));
        QVERIFY(sql.open(QIODevice::ReadOnly));
        const QString oldBackup = path("v1-backup.escdesk");
        std::int64_t oldTickets = 0;
        {
            Database old(oldBackup, Database::Access::ReadWrite);
            old.exec(sql.readAll().toStdString());
            oldTickets = old.queryInt64("SELECT count(*) FROM tickets");
        }
        QVERIFY(oldTickets > 0);
        const QString workspacePath = path("upgraded.escdesk");
        { Workspace workspace(workspacePath); }

        const BackupResult result = restoreWorkspace(workspacePath, oldBackup);
        QCOMPARE(result.schemaVersion, 1);
        RawConnection restored(workspacePath);
        QCOMPARE(restored.value(QStringLiteral("PRAGMA user_version")).toInt(),
                 currentSchemaVersion);
        QCOMPARE(restored.value(QStringLiteral("SELECT count(*) FROM tickets")).toLongLong(),
                 oldTickets);
        QCOMPARE(integrityCheck(workspacePath), QStringLiteral("ok"));
        // The backup itself is left as it was.
        QCOMPARE(RawConnection(oldBackup).value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    void restoreRefusesAWorkspaceAnotherProcessWrites() {
        const QString workspacePath = path("busy.escdesk");
        const QString backupPath = path("busy-backup.escdesk");
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 1, 3);
        }
        backupWorkspace(workspacePath, backupPath);
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 10, 4);
        }
        QProcess holder;
        startLockHolder(holder, workspacePath);
        try {
            restoreWorkspace(workspacePath, backupPath);
            QFAIL("restoring while another process writes must be refused");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind(), StoreError::Kind::Busy);
            QVERIFY2(error.message().contains(QLatin1String("busy")), qPrintable(error.message()));
        }
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        // The holder rolled back; the workspace still has its own 7 tickets.
        QCOMPARE(ticketCount(workspacePath), 7);
        QCOMPARE(integrityCheck(workspacePath), QStringLiteral("ok"));
    }

    void commandLineBackupAndRestore() {
        const QString workspacePath = path("cli.escdesk");
        {
            Workspace workspace(workspacePath);
            addTickets(workspace.db(), 1, 12);
        }
        const QString backupPath = path("cli-backup.escdesk");
        QProcess backup;
        backup.start(QStringLiteral(ESCDESK_BIN),
                     {QStringLiteral("backup"), QStringLiteral("--db"), workspacePath,
                      QStringLiteral("--out"), backupPath});
        QVERIFY(backup.waitForFinished(60000));
        QCOMPARE(backup.exitCode(), 0);
        QVERIFY(backup.readAllStandardOutput().contains("Backed up"));
        // A second backup onto the same file needs --force.
        backup.start(QStringLiteral(ESCDESK_BIN),
                     {QStringLiteral("backup"), QStringLiteral("--db"), workspacePath,
                      QStringLiteral("--out"), backupPath});
        QVERIFY(backup.waitForFinished(60000));
        QCOMPARE(backup.exitCode(), 1);
        QVERIFY(backup.readAllStandardError().contains("exists already"));

        {
            Workspace workspace(workspacePath);
            workspace.db().exec("DELETE FROM tickets");
        }
        QProcess restore;
        restore.start(QStringLiteral(ESCDESK_BIN),
                      {QStringLiteral("restore"), QStringLiteral("--db"), workspacePath,
                       QStringLiteral("--from"), backupPath});
        QVERIFY(restore.waitForFinished(60000));
        QCOMPARE(restore.exitCode(), 0);
        QCOMPARE(ticketCount(workspacePath), 12);

        const QString text = path("cli-not-a-backup.csv");
        writeFile(text, "ticket_id,created_at\n");
        restore.start(QStringLiteral(ESCDESK_BIN),
                      {QStringLiteral("restore"), QStringLiteral("--db"), workspacePath,
                       QStringLiteral("--from"), text});
        QVERIFY(restore.waitForFinished(60000));
        QCOMPARE(restore.exitCode(), 1);
        QVERIFY(restore.readAllStandardError().contains("not an Escalation Desk"));
        QCOMPARE(ticketCount(workspacePath), 12);

        restore.start(QStringLiteral(ESCDESK_BIN),
                      {QStringLiteral("restore"), QStringLiteral("--db"), workspacePath});
        QVERIFY(restore.waitForFinished(60000));
        QCOMPARE(restore.exitCode(), 2); // --from is required
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"

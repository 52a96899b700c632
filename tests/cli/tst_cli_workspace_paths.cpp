// The first contact with escdesk's --db: a mistyped path, a new workspace, a
// read-only folder or file, a damaged file and a full disk, each answered
// with the exact words a user reads, and nothing created, lost or left half
// written.
//
// Runs under tests/support/private_mounts.sh: read-only places and the full
// disk are mounts of the suite's own (ReadOnlyPlace.h).

#include "support/ReadOnlyPlace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using escdesk::testsupport::ReadOnlyBy;
using escdesk::testsupport::readOnlyMethod;
using escdesk::testsupport::ReadOnlyPlace;
using escdesk::testsupport::SmallDisk;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runEscdesk(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    if (!process.waitForFinished(120000)) {
        qFatal("escdesk did not finish");
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QByteArray fileHash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QStringList entriesOf(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

QString noWorkspaceMessage(const QString& command, const QString& path) {
    return QStringLiteral("escdesk %1: No workspace at %2. Create one with 'escdesk import --db %2 "
                          "FILE...' (your exports) or 'escdesk demo --db %2' (the demo data).\n")
        .arg(command, path);
}

// A small demo workspace, written once; the cases copy it.
const QString& demoWorkspace() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("demo.escdesk"));
        const Run run =
            runEscdesk({"demo", "--db", file, "--tickets", "1500", "--end", "2026-11-15"});
        if (run.exitCode != 0) {
            qFatal("escdesk demo failed: %s", qPrintable(run.err));
        }
        return file;
    }();
    return path;
}

// What a command that reads prints for the demo workspace at `path`.
const QStringList metricsArguments{"metrics",    "--from", "2026-08-01",       "--to",
                                   "2026-11-16", "--tz",   "America/New_York", "--json"};

} // namespace

class TestCliWorkspacePaths : public QObject {
    Q_OBJECT

private:
    void requireReadOnlyPlaces() {
        if (readOnlyMethod() == ReadOnlyBy::Unavailable) {
            QSKIP("As root, only a read-only mount is read-only; run the suite through ctest "
                  "(tests/support/private_mounts.sh) for a mount namespace of its own.");
        }
    }

private slots:
    void readingCommandsCreateNothing_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("summary") << QStringList{"summary"};
        QTest::newRow("metrics") << QStringList{"metrics"};
        QTest::newRow("metrics --segment") << QStringList{"metrics", "--segment", "tier"};
        QTest::newRow("trend") << QStringList{"trend"};
        QTest::newRow("report") << QStringList{"report", "weekly", "--out", "REPORT"};
        QTest::newRow("at-risk") << QStringList{"at-risk"};
        QTest::newRow("root-causes") << QStringList{"root-causes"};
        QTest::newRow("segments") << QStringList{"segments"};
        QTest::newRow("clusters") << QStringList{"clusters"};
        QTest::newRow("sla") << QStringList{"sla", "--ticket", "T-1"};
        QTest::newRow("triage") << QStringList{"triage", "--ticket", "T-1"};
        QTest::newRow("risk") << QStringList{"risk"};
        QTest::newRow("import-batches") << QStringList{"import-batches"};
        QTest::newRow("import-rejects") << QStringList{"import-rejects", "--batch", "1"};
        QTest::newRow("matrix export") << QStringList{"matrix", "export", "-"};
        QTest::newRow("matrix history") << QStringList{"matrix", "history"};
        QTest::newRow("backup") << QStringList{"backup", "--out", "REPORT"};
    }

    void readingCommandsCreateNothing() {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        // A mistyped folder as well as a mistyped name: neither is made.
        const QString path = dir.filePath(QStringLiteral("typo/workspace.escdesk"));
        arguments.replaceInStrings(QStringLiteral("REPORT"), dir.filePath("out.md"));
        const Run run = runEscdesk(arguments + QStringList{"--db", path});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, noWorkspaceMessage(arguments.first(), path));
        QCOMPARE(run.out, QString());
        QCOMPARE(entriesOf(dir.path()), QStringList());
    }

    void aFolderIsNoWorkspace() {
        QTemporaryDir dir;
        const Run run = runEscdesk({"summary", "--db", dir.path()});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, noWorkspaceMessage(QStringLiteral("summary"), dir.path()));
    }

    void writingCommandsSayTheyCreatedTheWorkspace() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/team.escdesk"));
        const Run created = runEscdesk({"demo", "--db", path, "--tickets", "300"});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.err, QStringLiteral("Created workspace %1\n").arg(path));
        QVERIFY(QFileInfo(path).isFile());

        // The second writer finds it there and says nothing of creating.
        const QString matrix = dir.filePath(QStringLiteral("matrix.json"));
        QCOMPARE(runEscdesk({"matrix", "export", matrix, "--db", path}).exitCode, 0);
        const Run again = runEscdesk({"matrix", "import", matrix, "--db", path});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.err, QString());

        const QString imported = dir.filePath(QStringLiteral("imported.escdesk"));
        const Run import = runEscdesk({"import", "--db", imported, "--kind", "tickets",
                                       QStringLiteral(ESCDESK_TEST_DATA "/import/ragged.csv")});
        QCOMPARE(import.exitCode, 0);
        QVERIFY(import.err.startsWith(QStringLiteral("Created workspace %1\n").arg(imported)));
    }

    void aReadOnlyFolderIsReadWithTheSameFigures() {
        requireReadOnlyPlaces();
        QTemporaryDir writable;
        QTemporaryDir shared;
        const QString copy = writable.filePath(QStringLiteral("team.escdesk"));
        const QString readOnlyCopy = shared.filePath(QStringLiteral("team.escdesk"));
        QVERIFY(QFile::copy(demoWorkspace(), copy));
        QVERIFY(QFile::copy(demoWorkspace(), readOnlyCopy));
        const ReadOnlyPlace readOnly(shared.path());
        QVERIFY(readOnly.isReadOnly());
        const QByteArray before = fileHash(readOnlyCopy);

        const Run expected = runEscdesk(metricsArguments + QStringList{"--db", copy});
        const Run metrics = runEscdesk(metricsArguments + QStringList{"--db", readOnlyCopy});
        QCOMPARE(metrics.exitCode, 0);
        QCOMPARE(metrics.err, QString());
        QVERIFY(!QJsonDocument::fromJson(metrics.out.toUtf8()).object().isEmpty());
        // One number, one value: the figures decided in memory are the kept ones.
        QCOMPARE(metrics.out, expected.out);

        for (const QStringList& reading :
             {QStringList{"summary"}, QStringList{"trend"}, QStringList{"at-risk"},
              QStringList{"root-causes"}, QStringList{"risk"}, QStringList{"matrix", "history"}}) {
            const Run run = runEscdesk(reading + QStringList{"--db", readOnlyCopy});
            QVERIFY2(run.exitCode == 0, qPrintable(reading.join(' ') + ": " + run.err));
        }

        const QString reason =
            readOnlyMethod() == ReadOnlyBy::Mount
                ? QStringLiteral("its folder %1 is on a read-only file system").arg(shared.path())
                : QStringLiteral("its folder %1 is read-only").arg(shared.path());
        const Run import = runEscdesk({"import", "--db", readOnlyCopy, "--kind", "tickets",
                                       QStringLiteral(ESCDESK_TEST_DATA "/import/ragged.csv")});
        QCOMPARE(import.exitCode, 1);
        QCOMPARE(import.err, QStringLiteral("escdesk import: The workspace %1 cannot be written: "
                                            "%2.\n")
                                 .arg(readOnlyCopy, reason));
        QCOMPARE(fileHash(readOnlyCopy), before);
        QCOMPARE(entriesOf(shared.path()), QStringList{"team.escdesk"});
    }

    void aReadOnlyFileIsRead() {
        requireReadOnlyPlaces();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("team.escdesk"));
        QVERIFY(QFile::copy(demoWorkspace(), path));
        const ReadOnlyPlace readOnly(path);
        QVERIFY(readOnly.isReadOnly());
        const QByteArray before = fileHash(path);

        const Run summary = runEscdesk({"summary", "--db", path});
        QCOMPARE(summary.exitCode, 0);
        QVERIFY(summary.out.contains(QStringLiteral("1500 tickets")));

        const QString reason = readOnlyMethod() == ReadOnlyBy::Mount
                                   ? QStringLiteral("the file is on a read-only file system")
                                   : QStringLiteral("the file is read-only");
        const QString matrix = dir.filePath(QStringLiteral("matrix.json"));
        QCOMPARE(runEscdesk({"matrix", "export", matrix, "--db", path}).exitCode, 0);
        const Run import = runEscdesk({"matrix", "import", matrix, "--db", path});
        QCOMPARE(import.exitCode, 1);
        QCOMPARE(import.err,
                 QStringLiteral("escdesk matrix: The workspace %1 cannot be written: %2.\n")
                     .arg(path, reason));
        QCOMPARE(fileHash(path), before);
    }

    void aTruncatedWorkspaceIsNamedDamagedAndRestored() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("team.escdesk"));
        const QString backup = dir.filePath(QStringLiteral("backup.escdesk"));
        QVERIFY(QFile::copy(demoWorkspace(), path));
        QCOMPARE(runEscdesk({"backup", "--db", path, "--out", backup}).exitCode, 0);
        QFile file(path);
        QVERIFY(file.resize(file.size() / 3));

        const QString damaged =
            QStringLiteral("The workspace %1 is damaged: its file is truncated or corrupted, so "
                           "part of it cannot be read. Restore it from a backup: escdesk restore "
                           "--db %1 --from BACKUP-FILE (in the application: File › Restore…).\n")
                .arg(path);
        for (const QString command : {"summary", "metrics", "trend"}) {
            const Run run = runEscdesk({command, "--db", path, "--from", "2026-05-01"});
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err, QStringLiteral("escdesk %1: ").arg(command) + damaged);
        }

        // The remedy the message gives works on the damaged file.
        const Run restore = runEscdesk({"restore", "--db", path, "--from", backup});
        QCOMPARE(restore.exitCode, 0);
        const Run summary = runEscdesk({"summary", "--db", path});
        QCOMPARE(summary.exitCode, 0);
        QVERIFY(summary.out.contains(QStringLiteral("1500 tickets")));
    }

    void aCorruptedHeaderIsNamedAndNothingIsOverwritten() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("team.escdesk"));
        QVERIFY(QFile::copy(demoWorkspace(), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.write(QByteArray(100, 'x')); // SQLite's header gone
        file.close();
        const QByteArray before = fileHash(path);

        const Run run = runEscdesk({"summary", "--db", path});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err,
                 QStringLiteral("escdesk summary: %1 is not an Escalation Desk workspace: it does "
                                "not hold an SQLite database, or its first page is damaged. If it "
                                "is a damaged workspace, move it aside and restore a backup in its "
                                "place: escdesk restore --db %1 --from BACKUP-FILE (in the "
                                "application: File › Restore…).\n")
                     .arg(path));
        QVERIFY(!run.err.contains(QStringLiteral("PRAGMA")));
        QVERIFY(!run.err.contains(QStringLiteral("SELECT")));
        QCOMPARE(fileHash(path), before);
    }

    void aBackupOntoAFullDiskLeavesNoPartialFile() {
        if (readOnlyMethod() != ReadOnlyBy::Mount) {
            QSKIP("A full disk is a small file system mounted in the suite's own namespace: run "
                  "the suite through ctest (tests/support/private_mounts.sh).");
        }
        QTemporaryDir dir;
        const QString disk = dir.filePath(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(disk));
        // 64 KiB: room for the staging file, not for a 1,500-ticket workspace.
        const SmallDisk small(disk, "64k");
        QVERIFY(small.isMounted());
        const QString backup = disk + QStringLiteral("/backup.escdesk");

        const Run run = runEscdesk({"backup", "--db", demoWorkspace(), "--out", backup});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, QStringLiteral("escdesk backup: No space left on device: the backup %1 "
                                         "could not be written, and no partial file was left. "
                                         "Free some space or choose another disk, and try "
                                         "again.\n")
                              .arg(backup));
        QCOMPARE(entriesOf(disk), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliWorkspacePaths)
#include "tst_cli_workspace_paths.moc"

// Two escdesk imports into the same workspace at the same time: they
// serialise (the second waits for the first's write lock) or the second
// stops with a clear "workspace busy" message and changes nothing. Either
// way the file is sound and holds exactly the imports that succeeded.

#include "../support/StoreFingerprint.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using escdesk::testsupport::integrityCheck;
using escdesk::testsupport::RawConnection;

class TestConcurrentImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // `rows` tickets PREFIX-0 … with 120-character descriptions.
    QString writeTickets(const QString& name, const QByteArray& prefix, int rows) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.write("ticket_id,created_at,subject,description\n");
        const QByteArray filler(120, 'x');
        for (int i = 0; i < rows; ++i) {
            file.write(prefix + QByteArray::number(i) + ",2026-03-02 09:15:00,Subject " +
                       QByteArray::number(i) + "," + filler + "\n");
        }
        return path;
    }

    void startImport(QProcess& process, const QString& db, const QString& file) {
        process.start(QStringLiteral(ESCDESK_BIN),
                      {QStringLiteral("import"), QStringLiteral("--db"), db,
                       QStringLiteral("--kind"), QStringLiteral("tickets"), file});
        QVERIFY(process.waitForStarted());
    }

    // Waits until the import reports `percent` of its file read (progress
    // lines on stderr, "…: 21%"), i.e. it holds the write lock and writes.
    QByteArray waitForProgress(QProcess& process, int percent) {
        QByteArray progress;
        const QRegularExpression number(QStringLiteral("(\\d+)%"));
        int reached = 0;
        process.setReadChannel(QProcess::StandardError);
        while (reached < percent && process.state() == QProcess::Running) {
            process.waitForReadyRead(20000);
            progress += process.readAllStandardError();
            auto matches = number.globalMatch(QString::fromUtf8(progress));
            while (matches.hasNext()) {
                reached = std::max(reached, matches.next().captured(1).toInt());
            }
        }
        return progress;
    }

    // Checks the outcome of concurrent imports of `rows[i]` tickets each:
    // each one either imported its file or stopped with the busy message;
    // `mustImport` of them (the first) had to succeed. The store holds
    // exactly the files that were imported.
    void checkOutcome(const QString& db, const std::vector<QProcess*>& imports,
                      const std::vector<int>& rows, bool firstMustImport) {
        int expectedTickets = 0;
        int expectedBatches = 0;
        for (std::size_t i = 0; i < imports.size(); ++i) {
            QProcess& process = *imports[i];
            QVERIFY(process.waitForFinished(300000));
            const QByteArray errors = process.readAllStandardError();
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            if (process.exitCode() == 0) {
                expectedTickets += rows[i];
                ++expectedBatches;
                qInfo("import %zu: imported", i + 1);
                continue;
            }
            QVERIFY2(!(i == 0 && firstMustImport), errors.constData());
            // Refused: exit 1 with the busy message naming the file.
            QCOMPARE(process.exitCode(), 1);
            QVERIFY2(errors.contains("is busy"), errors.constData());
            QVERIFY2(errors.contains(db.toUtf8()), errors.constData());
            qInfo("import %zu: refused as busy", i + 1);
        }
        QVERIFY(expectedBatches >= 1);
        QCOMPARE(integrityCheck(db), QStringLiteral("ok"));
        RawConnection store(db);
        QCOMPARE(store.value(QStringLiteral("SELECT count(*) FROM tickets")).toInt(),
                 expectedTickets);
        QCOMPARE(store.value(QStringLiteral("SELECT count(*) FROM import_batches")).toInt(),
                 expectedBatches);
    }

private slots:
    void secondImportDuringALongOneWaitsOrIsRefused() {
        const QString db = m_dir.filePath(QStringLiteral("long.escdesk"));
        const QString big = writeTickets(QStringLiteral("big.csv"), "B-", 300000);
        const QString small = writeTickets(QStringLiteral("small.csv"), "S-", 500);
        QProcess first;
        startImport(first, db, big);
        const QByteArray progress = waitForProgress(first, 10);
        QVERIFY2(first.state() == QProcess::Running, progress.constData());
        QProcess second;
        startImport(second, db, small);
        checkOutcome(db, {&first, &second}, {300000, 500}, true);
    }

    void twoImportsStartedTogether() {
        const QString db = m_dir.filePath(QStringLiteral("together.escdesk"));
        const QString a = writeTickets(QStringLiteral("a.csv"), "A-", 20000);
        const QString b = writeTickets(QStringLiteral("b.csv"), "B-", 20000);
        QProcess first;
        QProcess second;
        startImport(first, db, a);
        startImport(second, db, b);
        // Both start on a file that does not exist yet: creating it races too.
        checkOutcome(db, {&first, &second}, {20000, 20000}, false);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentImport)
#include "tst_concurrent_import.moc"

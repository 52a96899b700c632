// The matrix in the workspace: defaults in a new workspace, saving only what
// changed, the append-only, hash-chained change log and its tamper checks.

#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixStore.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;
using namespace escdesk::store;

class TestMatrixStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("w%1.db").arg(++m_files)); }

private slots:
    void newWorkspaceHoldsTheDefaults() {
        Workspace workspace(newPath());
        const QString zone = QString::fromUtf8(workspace.reportingTimeZone().id());
        QCOMPARE(loadMatrix(workspace.db()), defaultMatrix(zone));
        // Sections stay queryable from SQL: the 11 default root causes.
        QCOMPARE(workspace.db().queryInt64(
                     "SELECT count(*) FROM matrix_sections, json_each(matrix_sections.document) "
                     "WHERE section = 'taxonomy'"),
                 11);
        // Seeding is itself logged: one entry per section (7), chain intact.
        const ChainVerification chain = verifyChangeChain(workspace.db());
        QVERIFY(chain.intact);
        QCOMPARE(chain.entries, 7);
        QCOMPARE(readMatrixChanges(workspace.db()).front().previousHash, genesisHash);
    }

    void savingRecordsOnlyChangedSections() {
        Workspace workspace(newPath());
        Matrix matrix = loadMatrix(workspace.db());
        matrix.cost.engineerCostPerHour = 120;
        QCOMPARE(saveMatrix(workspace.db(), matrix, QStringLiteral("dana"),
                            QStringLiteral("Engineer cost updated"), 1'800'000'000),
                 1);
        QCOMPARE(loadMatrix(workspace.db()).cost.engineerCostPerHour, 120.0);
        const auto changes = readMatrixChanges(workspace.db());
        QCOMPARE(changes.size(), size_t(8));
        const MatrixChange& last = changes.back();
        QCOMPARE(last.author, QStringLiteral("dana"));
        QCOMPARE(last.section, QStringLiteral("cost"));
        QCOMPARE(last.changedAt, 1'800'000'000);
        QVERIFY(last.before.contains(QLatin1String("\"engineer_cost_per_hour\":85")));
        QVERIFY(last.after.contains(QLatin1String("\"engineer_cost_per_hour\":120")));
        QCOMPARE(last.previousHash, changes[6].hash);
        // Saving the same matrix again changes nothing and logs nothing.
        QCOMPARE(saveMatrix(workspace.db(), matrix, QStringLiteral("dana"), QString(), 1), 0);
        QCOMPARE(readMatrixChanges(workspace.db()).size(), size_t(8));
        QVERIFY(verifyChangeChain(workspace.db()).intact);
    }

    void changeLogRefusesEditsAndDeletes() {
        Workspace workspace(newPath());
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 workspace.db().exec("UPDATE matrix_changes SET author = 'x'"));
        QVERIFY_THROWS_EXCEPTION(StoreError, workspace.db().exec("DELETE FROM matrix_changes"));
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM matrix_changes"), 7);
    }

    void tamperedRowBreaksTheChain() {
        Workspace workspace(newPath());
        // Someone with a raw SQLite tool removes the guard and rewrites
        // history: entry 3 now claims another author.
        workspace.db().exec("DROP TRIGGER matrix_changes_no_update");
        workspace.db().exec("UPDATE matrix_changes SET author = 'mallory' WHERE id = 3");
        const ChainVerification chain = verifyChangeChain(workspace.db());
        QVERIFY(!chain.intact);
        QCOMPARE(chain.brokenAt, 3);
        QVERIFY2(chain.message.startsWith(QLatin1String("The matrix change log is broken: entry "
                                                        "#3 (")),
                 qPrintable(chain.message));
        QVERIFY(chain.message.contains(QLatin1String("was altered after it was written")));
    }

    void recomputedHashStillBreaksTheLink() {
        Workspace workspace(newPath());
        // A careful forger also recomputes entry 2's own hash; entry 3 still
        // points at the old one.
        workspace.db().exec("DROP TRIGGER matrix_changes_no_update");
        auto changes = readMatrixChanges(workspace.db());
        MatrixChange forged = changes[1];
        forged.summary = QStringLiteral("nothing to see");
        forged.hash = changeHash(forged);
        workspace.db()
            .prepare("UPDATE matrix_changes SET summary = ?, hash = ? WHERE id = 2")
            .bindAll(forged.summary, forged.hash)
            .run();
        const ChainVerification chain = verifyChangeChain(workspace.db());
        QVERIFY(!chain.intact);
        QCOMPARE(chain.brokenAt, 3);
    }

    void deletedRowBreaksTheChain() {
        Workspace workspace(newPath());
        workspace.db().exec("DROP TRIGGER matrix_changes_no_delete");
        workspace.db().exec("DELETE FROM matrix_changes WHERE id = 4");
        const ChainVerification chain = verifyChangeChain(workspace.db());
        QVERIFY(!chain.intact);
        QCOMPARE(chain.brokenAt, 5);
        QCOMPARE(chain.message,
                 QStringLiteral("The matrix change log is broken: entries before #5 are missing."));
    }

    void authorIsThePreferenceOrTheSystemUser() {
        Workspace workspace(newPath());
        qputenv("USER", "osuser");
        QCOMPARE(changeAuthor(workspace), QStringLiteral("osuser"));
        workspace.setSetting(QStringLiteral("user_name"), QStringLiteral("Dana Lee"));
        QCOMPARE(changeAuthor(workspace), QStringLiteral("Dana Lee"));
    }
};

QTEST_GUILESS_MAIN(TestMatrixStore)
#include "tst_matrix_store.moc"

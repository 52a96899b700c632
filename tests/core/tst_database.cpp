// The RAII layer: statements bind parameters (never splice them into SQL),
// transactions roll back unless committed, errors carry readable messages.

#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk::store;

class TestDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString freshPath(const char* name) { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void boundTextIsStoredVerbatim() {
        Database db(freshPath("bound.db"), Database::Access::ReadWrite);
        db.exec("CREATE TABLE t (v TEXT)");
        const QString hostile = QStringLiteral("'); DROP TABLE t;-- \u00e9\u4e2d");
        db.prepare("INSERT INTO t VALUES (?)").bindAll(hostile).run();
        Statement query = db.prepare("SELECT v FROM t");
        QVERIFY(query.step());
        QCOMPARE(query.text(0), hostile);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM t"), 1);
    }

    void nullQStringAndEmptyOptionalBindNull() {
        Database db(freshPath("nulls.db"), Database::Access::ReadWrite);
        db.exec("CREATE TABLE t (a TEXT, b INTEGER, c REAL)");
        db.prepare("INSERT INTO t VALUES (?, ?, ?)")
            .bindAll(QString(), std::optional<std::int64_t>(), std::optional<double>(2.5))
            .run();
        Statement query = db.prepare("SELECT a, b, c FROM t");
        QVERIFY(query.step());
        QVERIFY(query.isNull(0));
        QVERIFY(!query.optionalInt64(1).has_value());
        QCOMPARE(query.optionalReal(2).value(), 2.5);
    }

    void statementIsReusableAfterRun() {
        Database db(freshPath("reuse.db"), Database::Access::ReadWrite);
        db.exec("CREATE TABLE t (n INTEGER)");
        Statement insert = db.prepare("INSERT INTO t VALUES (?)");
        for (int n = 1; n <= 4; ++n) {
            insert.bindAll(n).run();
        }
        QCOMPARE(db.queryInt64("SELECT sum(n) FROM t"), 10);
    }

    void transactionRollsBackWhenNotCommitted() {
        Database db(freshPath("rollback.db"), Database::Access::ReadWrite);
        db.exec("CREATE TABLE t (n INTEGER)");
        {
            Transaction transaction(db);
            db.exec("INSERT INTO t VALUES (1)");
        }
        QCOMPARE(db.queryInt64("SELECT count(*) FROM t"), 0);
        {
            Transaction transaction(db);
            db.exec("INSERT INTO t VALUES (2)");
            transaction.commit();
        }
        QCOMPARE(db.queryInt64("SELECT count(*) FROM t"), 1);
    }

    void transactionRollsBackWhenAnExceptionLeavesTheScope() {
        Database db(freshPath("throw.db"), Database::Access::ReadWrite);
        db.exec("CREATE TABLE t (n INTEGER NOT NULL)");
        try {
            Transaction transaction(db);
            db.exec("INSERT INTO t VALUES (1)");
            db.exec("INSERT INTO t VALUES (NULL)"); // violates NOT NULL
            transaction.commit();
            QFAIL("the constraint violation should have thrown");
        } catch (const StoreError& error) {
            QVERIFY2(error.message().contains(QLatin1String("NOT NULL")),
                     qPrintable(error.message()));
        }
        QCOMPARE(db.queryInt64("SELECT count(*) FROM t"), 0);
    }

    void syntaxErrorSaysWhatIsWrongButNotTheStatement() {
        const QString path = freshPath("syntax.db");
        Database db(path, Database::Access::ReadWrite);
        try {
            db.prepare("SELEC 1 FROM sqlite_schema");
            QFAIL("a syntax error should throw");
        } catch (const StoreError& error) {
            QCOMPARE(error.message(),
                     QStringLiteral("The workspace %1 could not be used: near \"SELEC\": syntax "
                                    "error.")
                         .arg(path));
        }
    }

    void garbageFileIsNotAWorkspace() {
        const QString path = freshPath("garbage.db");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        Database db(path, Database::Access::ReadWrite);
        try {
            db.queryInt64("SELECT count(*) FROM sqlite_schema");
            QFAIL("reading a non-database should throw");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind(), StoreError::Kind::NotAWorkspace);
            QVERIFY(error.message().contains(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"

// The schema's upgrade path, exercised on a frozen version-1 file, and the
// refusals: a newer schema, an SQLite file of another program.

#include "store/Schema.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk::store;

namespace {

// Builds a file from a SQL script, the way an older release left it.
void writeDatabaseFromScript(const QString& path, const QString& scriptPath) {
    QFile script(scriptPath);
    QVERIFY2(script.open(QIODevice::ReadOnly), qPrintable(scriptPath));
    Database db(path, Database::Access::ReadWrite);
    db.exec(script.readAll().toStdString());
}

bool hasColumn(Database& db, const char* table, const char* column) {
    Statement info = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1')")
                                    .arg(QLatin1String(table))
                                    .toStdString());
    while (info.step()) {
        if (info.text(0) == QLatin1String(column)) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestSchema : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void newWorkspaceHasCurrentSchema() {
        Workspace workspace(m_dir.filePath(QStringLiteral("new.db")));
        QCOMPARE(schemaVersionOf(workspace.db()), currentSchemaVersion);
        QCOMPARE(workspace.db().queryInt64("PRAGMA application_id"), workspaceApplicationId);
        Statement mode = workspace.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        QCOMPARE(workspace.db().queryInt64("PRAGMA foreign_keys"), 1);
    }

    void versionOneFileUpgradesKeepingItsData() {
        const QString path = m_dir.filePath(QStringLiteral("v1.db"));
        writeDatabaseFromScript(path, QStringLiteral(ESCDESK_TEST_DATA "/workspace-v1.sql"));
        {
            Database before(path, Database::Access::ReadWrite);
            QCOMPARE(schemaVersionOf(before), 1);
        }

        Workspace workspace(path);
        Database& db = workspace.db();
        QCOMPARE(schemaVersionOf(db), currentSchemaVersion);
        // Version 2 added import bookkeeping and the batch column on tickets.
        QVERIFY(hasColumn(db, "import_batches", "sha256"));
        QVERIFY(hasColumn(db, "rejected_rows", "reason"));
        QVERIFY(hasColumn(db, "tickets", "batch"));
        // The version-1 rows are all still there, as they were.
        const WorkspaceCounts counts = countRecords(db);
        QCOMPARE(counts.tickets, 2);
        QCOMPARE(counts.events, 2);
        QCOMPARE(counts.accounts, 1);
        QCOMPARE(counts.knownIssues, 1);
        const auto ticket = ticketByRow(db, *ticketRowOf(db, QStringLiteral("T-1")));
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->subject, QStringLiteral("Checkout fails with 502"));
        QCOMPARE(ticket->createdAt, 1761980400);
        QCOMPARE(workspace.setting(QStringLiteral("reporting_tz")),
                 QStringLiteral("Europe/Berlin"));
        Statement integrity = db.prepare("PRAGMA integrity_check");
        QVERIFY(integrity.step());
        QCOMPARE(integrity.text(0), QStringLiteral("ok"));
    }

    void versionTwoFileUpgradesToTheMatrix() {
        // A file as version 2 left it: built by the v1 and v2 steps only, with
        // a ticket in it.
        const QString path = m_dir.filePath(QStringLiteral("v2.db"));
        {
            Database db(path, Database::Access::ReadWrite);
            upgradeSchema(db, 2);
            db.exec("INSERT INTO tickets(ticket_id, created_at, subject) "
                    "VALUES ('T-7', 1780000000, 'Export stuck')");
            QCOMPARE(schemaVersionOf(db), 2);
            QCOMPARE(db.queryInt64("SELECT count(*) FROM sqlite_schema WHERE name = "
                                   "'matrix_sections'"),
                     0);
        }
        Workspace workspace(path);
        Database& db = workspace.db();
        QCOMPARE(schemaVersionOf(db), currentSchemaVersion);
        // Version 3 added the matrix, checklist runs and the change log, and
        // the upgraded workspace holds the default matrix (7 sections, each
        // logged once).
        QVERIFY(hasColumn(db, "matrix_sections", "document"));
        QVERIFY(hasColumn(db, "checklist_runs", "done_by"));
        QVERIFY(hasColumn(db, "matrix_changes", "previous_hash"));
        QCOMPARE(db.queryInt64("SELECT count(*) FROM matrix_sections"), 7);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM matrix_changes"), 7);
        const auto ticket = ticketByRow(db, *ticketRowOf(db, QStringLiteral("T-7")));
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->subject, QStringLiteral("Export stuck"));
    }

    void versionThreeFileUpgradesToCoveringIndexes() {
        // A file as version 3 left it, with a ticket and its escalation.
        const QString path = m_dir.filePath(QStringLiteral("v3.db"));
        {
            Database db(path, Database::Access::ReadWrite);
            upgradeSchema(db, 3);
            db.exec("INSERT INTO tickets(id, ticket_id, created_at, subject, priority) "
                    "VALUES (7, 'T-7', 1780000000, 'Export stuck', 'High');"
                    "INSERT INTO ticket_events(ticket, occurred_at, event, to_tier) "
                    "VALUES (7, 1780000600, 'escalated', 2)");
            QCOMPARE(schemaVersionOf(db), 3);
        }
        Workspace workspace(path);
        Database& db = workspace.db();
        QCOMPARE(schemaVersionOf(db), currentSchemaVersion); // through version 4
        auto indexExists = [&](const char* name) {
            return db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = "
                                                "'index' AND name = '%1'")
                                     .arg(QLatin1String(name))
                                     .toStdString()) == 1;
        };
        // Version 4 added the covering indexes and dropped the index they
        // supersede.
        QVERIFY(indexExists("tickets_facts_by_created_at"));
        QVERIFY(indexExists("ticket_events_facts_by_ticket"));
        QVERIFY(!indexExists("tickets_by_created_at"));
        QVERIFY(indexExists("ticket_events_by_kind"));
        // A window's ticket facts are read from the index alone.
        Statement plan = db.prepare(
            "EXPLAIN QUERY PLAN SELECT id, created_at, resolved_at, priority, root_cause, "
            "account_id, status FROM tickets WHERE created_at >= 1 AND created_at < 2");
        QVERIFY(plan.step());
        QVERIFY2(plan.text(3).contains(QLatin1String("COVERING INDEX tickets_facts_by_created_at")),
                 qPrintable(plan.text(3)));
        // Whether a ticket escalated is answered from its own events.
        Statement exists = db.prepare(
            "EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = 7 "
            "AND e.event = 'escalated')");
        QString steps;
        while (exists.step()) {
            steps += exists.text(3) + QLatin1Char('\n');
        }
        QVERIFY2(steps.contains(QLatin1String("COVERING INDEX ticket_events_facts_by_ticket")),
                 qPrintable(steps));
        // The data is as it was.
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_events WHERE ticket = 7"), 1);
        const auto ticket = ticketByRow(db, *ticketRowOf(db, QStringLiteral("T-7")));
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->priority, QStringLiteral("High"));
        Statement integrity = db.prepare("PRAGMA integrity_check");
        QVERIFY(integrity.step());
        QCOMPARE(integrity.text(0), QStringLiteral("ok"));
    }

    void versionFiveFileUpgradesToSourceHashesAndEventAttributes() {
        // A file as version 5 left it, with a ticket and its escalation.
        const QString path = m_dir.filePath(QStringLiteral("v5.db"));
        {
            Database db(path, Database::Access::ReadWrite);
            upgradeSchema(db, 5);
            db.exec("INSERT INTO tickets(id, ticket_id, created_at, subject) "
                    "VALUES (7, 'T-7', 1780000000, 'Export stuck');"
                    "INSERT INTO ticket_events(ticket, occurred_at, event, to_tier) "
                    "VALUES (7, 1780000600, 'escalated', 2)");
            QCOMPARE(schemaVersionOf(db), 5);
            QVERIFY(!hasColumn(db, "tickets", "source_hash"));
            QVERIFY(!hasColumn(db, "ticket_events", "attributes"));
        }
        Workspace workspace(path);
        Database& db = workspace.db();
        QCOMPARE(schemaVersionOf(db), currentSchemaVersion);
        // Version 6 added the source record hash of tickets and the extra
        // columns of events; rows stored before have neither.
        QVERIFY(hasColumn(db, "tickets", "source_hash"));
        QVERIFY(hasColumn(db, "ticket_events", "attributes"));
        QCOMPARE(db.queryInt64("SELECT count(*) FROM tickets WHERE source_hash IS NULL"), 1);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_events WHERE attributes IS NULL"), 1);
        // The data is as it was, and the new columns take values.
        const auto ticket = ticketByRow(db, *ticketRowOf(db, QStringLiteral("T-7")));
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->subject, QStringLiteral("Export stuck"));
        db.exec("UPDATE ticket_events SET attributes = '{\"site\":\"Lyon\"}'");
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_events WHERE "
                               "json_extract(attributes, '$.site') = 'Lyon' AND ticket = 7"),
                 1);
        Statement integrity = db.prepare("PRAGMA integrity_check");
        QVERIFY(integrity.step());
        QCOMPARE(integrity.text(0), QStringLiteral("ok"));
    }

    void versionSixFileUpgradesToTheAccountTimeIndex() {
        const QString path = m_dir.filePath(QStringLiteral("v6.db"));
        {
            Database db(path, Database::Access::ReadWrite);
            upgradeSchema(db, 6);
            db.exec("INSERT INTO accounts(account_id, name) VALUES ('A-1', 'Acme');"
                    "INSERT INTO tickets(id, ticket_id, created_at, subject, account_id) "
                    "VALUES (7, 'T-7', 1780000000, 'Export stuck', 'A-1')");
        }
        Workspace workspace(path);
        Database& db = workspace.db();
        QCOMPARE(schemaVersionOf(db), currentSchemaVersion);
        // Version 7 replaced the account index by one that also orders by
        // creation, so counting an account's tickets of a week is a range
        // search on the index alone.
        Statement plan =
            db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM tickets WHERE account_id = 'A-1' "
                       "AND created_at >= 1779990000 AND created_at < 1780010000");
        QVERIFY(plan.step());
        QVERIFY2(plan.text(3).contains(QLatin1String(
                     "COVERING INDEX tickets_by_account_created_at (account_id=? AND created_at>? "
                     "AND created_at<?)")),
                 qPrintable(plan.text(3)));
        QCOMPARE(db.queryInt64("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name "
                               "= 'tickets_by_account'"),
                 0);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM tickets WHERE account_id = 'A-1' AND "
                               "created_at >= 1779990000 AND created_at < 1780010000"),
                 1);
    }

    void versionNineteenFileUpgradesToMatrixDrafts() {
        const QString path = m_dir.filePath(QStringLiteral("v19.db"));
        {
            Database db(path, Database::Access::ReadWrite);
            upgradeSchema(db, 19);
            QCOMPARE(db.queryInt64("SELECT count(*) FROM sqlite_schema WHERE name = "
                                   "'matrix_drafts'"),
                     0);
        }
        Workspace workspace(path);
        Database& db = workspace.db();
        QCOMPARE(schemaVersionOf(db), 20);
        QVERIFY(hasColumn(db, "matrix_drafts", "base_hash"));
        QVERIFY(hasColumn(db, "matrix_drafts", "started_by"));
        QVERIFY(hasColumn(db, "matrix_drafts", "saved_at"));
        // At most one draft: its key is pinned to 1.
        db.exec("INSERT INTO matrix_drafts VALUES (1, '{}', 1, 'a', 1, 'a', 'h')");
        QVERIFY_THROWS_EXCEPTION(
            StoreError, db.exec("INSERT INTO matrix_drafts VALUES (2, '{}', 1, 'a', 1, 'a', 'h')"));
    }

    void upgradeIsIdempotent() {
        const QString path = m_dir.filePath(QStringLiteral("twice.db"));
        writeDatabaseFromScript(path, QStringLiteral(ESCDESK_TEST_DATA "/workspace-v1.sql"));
        { Workspace first(path); }
        Workspace second(path);
        QCOMPARE(schemaVersionOf(second.db()), currentSchemaVersion);
        QCOMPARE(countRecords(second.db()).tickets, 2);
    }

    void newerSchemaIsRefusedAndLeftAlone() {
        const QString path = m_dir.filePath(QStringLiteral("future.db"));
        {
            Workspace workspace(path);
            workspace.db().exec("PRAGMA user_version = 99");
        }
        try {
            Workspace workspace(path);
            QFAIL("a newer schema must be refused");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind(), StoreError::Kind::NewerSchema);
            QVERIFY2(error.message().contains(QLatin1String("newer version")),
                     qPrintable(error.message()));
        }
        Database db(path, Database::Access::ReadWrite);
        QCOMPARE(schemaVersionOf(db), 99);
    }

    void foreignSqliteFileIsRefused() {
        const QString path = m_dir.filePath(QStringLiteral("other.db"));
        {
            Database other(path, Database::Access::ReadWrite);
            other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)");
        }
        try {
            Workspace workspace(path);
            QFAIL("another program's database must be refused");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind(), StoreError::Kind::NotAWorkspace);
            QVERIFY2(error.message().contains(QLatin1String("not an Escalation Desk workspace")),
                     qPrintable(error.message()));
        }
        Database db(path, Database::Access::ReadWrite);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM sqlite_schema"), 1);
    }

    void settingsRoundTrip() {
        Workspace workspace(m_dir.filePath(QStringLiteral("settings.db")));
        QCOMPARE(workspace.setting(QStringLiteral("missing"), QStringLiteral("fallback")),
                 QStringLiteral("fallback"));
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("America/Chicago"));
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("Asia/Tokyo"));
        QCOMPARE(workspace.reportingTimeZone().id(), QByteArray("Asia/Tokyo"));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"

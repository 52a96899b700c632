// The importer: canonical layouts of the four kinds, refused files (store
// unchanged), rejected rows (kept with line, column and reason, exportable
// as CSV), sync semantics (same file → all unchanged, newer export → only
// changed rows updated) and the recorded batch.

#include "import/HistoryImporter.h"
#include "import/Importer.h"
#include "import/RejectedRows.h"
#include "import/SourceLines.h"
#include "import/TableWriter.h"
#include "store/Schema.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sqlite3.h>

using namespace escdesk;
using namespace escdesk::import;
using escdesk::store::Statement;
using escdesk::store::Workspace;

namespace {

QString dataFile(const QString& name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/") + name;
}

// Every row of a table as text, to compare whole contents before and after.
QStringList dump(Workspace& workspace, const char* table) {
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(workspace.db().handle(), sql.c_str(), -1, &statement, nullptr) !=
        SQLITE_OK) {
        qFatal("cannot read %s", table);
    }
    QStringList lines;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        QStringList cells;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            cells << (text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
        }
        lines << cells.join(QLatin1Char('|'));
    }
    sqlite3_finalize(statement);
    return lines;
}

} // namespace

class TestImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<Workspace> freshWorkspace() {
        return std::make_unique<Workspace>(
            m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_files)));
    }

    QString writeFile(const QByteArray& content) {
        const QString path = m_dir.filePath(QStringLiteral("in-%1.csv").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.write(content);
        return path;
    }

    static ImportResult run(Workspace& workspace, const QString& path,
                            ImportKind kind = ImportKind::Tickets, const ImportOptions& base = {}) {
        ImportOptions options = base;
        options.kind = kind;
        return importCsv(workspace.db(), path, options);
    }

    static std::int64_t count(Workspace& workspace, const char* sql) {
        return workspace.db().queryInt64(sql);
    }

    static QString textOf(Workspace& workspace, const char* sql) {
        Statement query = workspace.db().prepare(sql);
        return query.step() ? query.text(0) : QStringLiteral("<no row>");
    }

    struct Snapshot {
        QStringList tickets, events, batches, rejected;
        bool operator==(const Snapshot&) const = default;
    };

    Snapshot snapshot(Workspace& workspace) {
        return {dump(workspace, "tickets"), dump(workspace, "ticket_events"),
                dump(workspace, "import_batches"), dump(workspace, "rejected_rows")};
    }

    // Imports `path`, expects a refusal whose message has every part of
    // `expected`, and checks that the store did not change.
    void expectRefused(const QString& path, const QStringList& expected,
                       ImportKind kind = ImportKind::Tickets, const ImportOptions& options = {}) {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        const Snapshot before = snapshot(*workspace);
        try {
            run(*workspace, path, kind, options);
            QFAIL(qPrintable(QStringLiteral("%1 should have been refused").arg(path)));
        } catch (const ImportRefused& refused) {
            QVERIFY2(refused.message().startsWith(path + QStringLiteral(": ")),
                     qPrintable(refused.message()));
            for (const QString& part : expected) {
                QVERIFY2(refused.message().contains(part), qPrintable(refused.message()));
            }
        }
        QVERIFY(snapshot(*workspace) == before);
    }

private slots:
    void importsTicketsOfEachDelimiter_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("comma") << QStringLiteral("delimiter-comma.csv");
        QTest::newRow("semicolon") << QStringLiteral("delimiter-semicolon.csv");
        QTest::newRow("tab") << QStringLiteral("delimiter-tab.tsv");
        QTest::newRow("pipe") << QStringLiteral("delimiter-pipe.csv");
    }

    void importsTicketsOfEachDelimiter() {
        QFETCH(QString, file);
        auto workspace = freshWorkspace();
        const ImportResult result = run(*workspace, dataFile(file));
        QCOMPARE(result.rows, 3);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // 2026-03-02 09:15 read in UTC (the default source zone) = 1772442900
        QCOMPARE(count(*workspace, "SELECT created_at FROM tickets WHERE ticket_id = 'T-1'"),
                 1772442900);
        QCOMPARE(textOf(*workspace, "SELECT subject FROM tickets WHERE ticket_id = 'T-2'"),
                 QStringLiteral("Invoice wrong"));
    }

    void storesTextOfEachEncodingAsUtf8_data() {
        QTest::addColumn<QString>("file");
        for (const char* name : {"encoding-utf8.csv", "encoding-utf8-bom.csv",
                                 "encoding-utf16le-bom.csv", "encoding-utf16be-bom.csv",
                                 "encoding-utf16le-nobom.csv", "encoding-windows1252.csv"}) {
            QTest::newRow(name) << QString::fromLatin1(name);
        }
    }

    void storesTextOfEachEncodingAsUtf8() {
        QFETCH(QString, file);
        auto workspace = freshWorkspace();
        QCOMPARE(run(*workspace, dataFile(file)).inserted, 1);
        QCOMPARE(textOf(*workspace, "SELECT assignee FROM tickets"),
                 QStringLiteral("J\u00fcrgen M\u00fcller"));
        QCOMPARE(textOf(*workspace, "SELECT subject FROM tickets"),
                 QStringLiteral("Zo\u00eb\u2019s caf\u00e9 \u20ac bill"));
    }

    void aBulkLoadLeavesTheIndexesAsTheyWere() {
        // Into an empty table the secondary indexes are dropped and rebuilt;
        // the indexes afterwards must be the same.
        const char* indexes = "SELECT group_concat(entry, ';') FROM (SELECT name || ':' || sql "
                              "AS entry FROM sqlite_schema WHERE type = 'index' AND sql IS NOT "
                              "NULL ORDER BY name)";
        auto workspace = freshWorkspace();
        const QString before = textOf(*workspace, indexes);
        QVERIFY(before.contains(QLatin1String("tickets_by_account")));
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        QCOMPARE(textOf(*workspace, indexes), before);
        QCOMPARE(textOf(*workspace, "PRAGMA integrity_check"), QStringLiteral("ok"));
        // A refused bulk load (a quote never closed) restores them too.
        auto refused = freshWorkspace();
        QVERIFY_THROWS_EXCEPTION(ImportRefused,
                                 run(*refused, dataFile(QStringLiteral("unterminated.csv"))));
        QCOMPARE(textOf(*refused, indexes), before);
    }

    void anIndexStaysWhileRowsComeInItsOrder() {
        // Rows arrive in the order of the index's leading column, or at
        // most one in 16 of each window of 4096 falls below the highest
        // value so far; one more and the index is to be dropped.
        AppendedIndex index("i", "CREATE INDEX i ON t(c)", 0);
        std::vector<Value> row{Value::ofInteger(0)};
        for (int i = 0; i < AppendedIndex::windowRows; ++i) {
            // 0, 1, ... with every 16th value a step back by 1000: 256 rows
            // below the highest in the first window (the first row is
            // number 0 and is not a step back).
            const bool stepBack = i % 16 == 15;
            row[0] = Value::ofInteger(stepBack ? i - 1000 : i);
            QVERIFY(index.stillInOrder(row));
        }
        // The second window: 257 steps back, verdict at its last row.
        for (int i = 0; i < AppendedIndex::windowRows; ++i) {
            const bool stepBack = i % 16 == 15 || i == 0;
            row[0] = Value::ofInteger(stepBack ? -1 : 10000 + i);
            const bool last = i == AppendedIndex::windowRows - 1;
            QCOMPARE(index.stillInOrder(row), !last);
        }
        // Text compares by bytes, and numbers sort before text (SQLite's
        // order); an equal value is not out of order.
        AppendedIndex text("j", "CREATE INDEX j ON t(c)", 0);
        int verdicts = 0;
        const std::vector<std::string_view> values{"ACC-1", "ACC-2", "ACC-2", "B"};
        for (int i = 0; i < AppendedIndex::windowRows; ++i) {
            row[0] = Value::ofText(values[static_cast<std::size_t>(std::min(i, 3))]);
            verdicts += text.stillInOrder(row) ? 1 : 0;
        }
        QCOMPARE(verdicts, AppendedIndex::windowRows);
        row[0] = Value::ofInteger(5); // below any text
        for (int i = 0; i < AppendedIndex::windowRows - 1; ++i) {
            QVERIFY(text.stillInOrder(row));
        }
        QVERIFY(!text.stillInOrder(row));
    }

    void aBulkLoadKeepsAnIndexOnlyForRowsInItsOrder_data() {
        QTest::addColumn<bool>("shuffled");
        QTest::newRow("in order of creation") << false;
        QTest::newRow("shuffled") << true;
    }

    void aBulkLoadKeepsAnIndexOnlyForRowsInItsOrder() {
        // 10,000 tickets, one a minute, each on one of 7 accounts in turn:
        // in file order the creation index can be kept during the load, the
        // account index cannot (its leading values go 1..7 over and over);
        // shuffled, neither. Either way the workspace ends with the same
        // rows and indexes, and every index holds every row.
        QFETCH(bool, shuffled);
        QByteArray csv = "ticket_id,created_at,account_id\n";
        std::vector<int> order(10000);
        for (int i = 0; i < 10000; ++i) {
            order[static_cast<std::size_t>(i)] = i;
        }
        if (shuffled) {
            // A fixed permutation: i * 7919 mod 10000 (7919 is prime to it).
            for (int i = 0; i < 10000; ++i) {
                order[static_cast<std::size_t>(i)] = (i * 7919) % 10000;
            }
        }
        const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (const int i : order) {
            csv += QStringLiteral("T-%1,%2,ACC-%3\n")
                       .arg(i)
                       .arg(start.addSecs(60LL * i).toString(Qt::ISODate))
                       .arg(i % 7 + 1)
                       .toUtf8();
        }
        auto workspace = freshWorkspace();
        const char* rootOf = "SELECT rootpage FROM sqlite_schema WHERE name = "
                             "'tickets_facts_by_created_at'";
        const std::int64_t rootBefore = count(*workspace, rootOf);
        const char* indexes = "SELECT group_concat(entry, ';') FROM (SELECT name || ':' || sql "
                              "AS entry FROM sqlite_schema WHERE type = 'index' AND sql IS NOT "
                              "NULL ORDER BY name)";
        const QString indexesBefore = textOf(*workspace, indexes);
        QCOMPARE(run(*workspace, writeFile(csv)).inserted, 10000);
        QCOMPARE(textOf(*workspace, indexes), indexesBefore);
        QCOMPARE(textOf(*workspace, "PRAGMA integrity_check"), QStringLiteral("ok"));
        // A kept index still has the root page the schema gave it; one
        // dropped and built again after the load has another.
        QCOMPARE(count(*workspace, rootOf) == rootBefore, !shuffled);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets INDEXED BY "
                                   "tickets_facts_by_created_at WHERE created_at >= 0"),
                 10000);
        // Ticket T-4321 was created 4321 minutes after the start.
        QCOMPARE(count(*workspace, "SELECT created_at FROM tickets WHERE ticket_id = 'T-4321'"),
                 start.addSecs(60LL * 4321).toSecsSinceEpoch());
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets INDEXED BY "
                                   "tickets_by_account_created_at WHERE account_id = 'ACC-3'"),
                 1429); // i % 7 == 2 for i = 2, 9, ..., 9998: (9998 - 2) / 7 + 1
    }

    void aBulkLoadRunsTheInsertTriggersForEveryRow() {
        // The AFTER INSERT triggers of an empty table (the kept analyses'
        // invalidations) run after the load, once for every row inserted,
        // WHEN clause included; the triggers are there afterwards as they
        // were, and a BEFORE INSERT trigger still runs row by row.
        auto workspace = freshWorkspace();
        store::Database& db = workspace->db();
        db.exec("CREATE TABLE after_log(ticket INTEGER, created INTEGER);"
                "CREATE TABLE before_log(ticket_id TEXT);"
                "CREATE TABLE late_log(ticket INTEGER);"
                "CREATE TABLE seen_log(tickets INTEGER);"
                "CREATE TRIGGER log_seen AFTER INSERT ON tickets BEGIN "
                "INSERT INTO seen_log VALUES ((SELECT count(*) FROM tickets)); END;"
                "CREATE TRIGGER log_after AFTER INSERT ON tickets BEGIN "
                "INSERT INTO after_log VALUES (NEW.id, NEW.created_at); END;"
                "CREATE TRIGGER log_late AFTER INSERT ON tickets FOR EACH ROW "
                "WHEN NEW.created_at >= 1772445600 BEGIN INSERT INTO late_log VALUES (NEW.id); END;"
                "CREATE TRIGGER log_before BEFORE INSERT ON tickets BEGIN "
                "INSERT INTO before_log VALUES (NEW.ticket_id); END;");
        const char* triggers =
            "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql "
            "FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)";
        const QString triggersBefore = textOf(*workspace, triggers);
        // delimiter-comma.csv: T-1 2026-03-02 09:15, T-2 10:30, T-3 03-03 08:00 (UTC).
        QCOMPARE(run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv"))).inserted, 3);
        QCOMPARE(textOf(*workspace, "SELECT group_concat(ticket || '@' || created, ' ') FROM "
                                    "(SELECT * FROM after_log ORDER BY ticket)"),
                 QStringLiteral("1@1772442900 2@1772447400 3@1772524800"));
        // 1772445600 is 2026-03-02 10:00 UTC: T-2 and T-3 are that late.
        QCOMPARE(textOf(*workspace, "SELECT group_concat(ticket, ' ') FROM late_log"),
                 QStringLiteral("2 3"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM before_log"), 3);
        // Deferred, they ran after the load: each saw all three tickets (row
        // by row they would have seen 1, 2, 3).
        QCOMPARE(textOf(*workspace, "SELECT group_concat(tickets, ' ') FROM seen_log"),
                 QStringLiteral("3 3 3"));
        QCOMPARE(textOf(*workspace, triggers), triggersBefore);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM sqlite_temp_schema"), 0);
        // The triggers fire again on the next import's new rows.
        const QString more = writeFile("ticket_id,created_at\nT-4,2026-03-01 08:00\n");
        QCOMPARE(run(*workspace, more).inserted, 1);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM after_log"), 4);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM late_log"), 2); // 03-01 is earlier
        // A refused load leaves the triggers as they were.
        auto refused = freshWorkspace();
        refused->db().exec("CREATE TABLE after_log(ticket INTEGER, created INTEGER);"
                           "CREATE TRIGGER log_after AFTER INSERT ON tickets BEGIN "
                           "INSERT INTO after_log VALUES (NEW.id, NEW.created_at); END;");
        QVERIFY_THROWS_EXCEPTION(ImportRefused,
                                 run(*refused, dataFile(QStringLiteral("unterminated.csv"))));
        QCOMPARE(count(*refused, "SELECT count(*) FROM sqlite_schema WHERE name = 'log_after'"), 1);
        QCOMPARE(count(*refused, "SELECT count(*) FROM after_log"), 0);
    }

    void aLoadIntoAnEmptyTableLeavesTheWorkspaceInWalMode() {
        // The load itself may go through a rollback journal; afterwards the
        // desktop app and an import must again be able to work at once.
        auto workspace = freshWorkspace();
        QCOMPARE(run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv"))).inserted, 3);
        QCOMPARE(textOf(*workspace, "PRAGMA journal_mode"), QStringLiteral("wal"));
        // With another connection open (the desktop app's), the load
        // happens in WAL mode and the other connection sees it.
        auto second = freshWorkspace();
        Workspace reader(second->path(), Workspace::Access::ReadOnly);
        QCOMPARE(reader.db().queryInt64("SELECT count(*) FROM tickets"), 0);
        QCOMPARE(run(*second, dataFile(QStringLiteral("delimiter-comma.csv"))).inserted, 3);
        QCOMPARE(textOf(*second, "PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(reader.db().queryInt64("SELECT count(*) FROM tickets"), 3);
        Statement check = second->db().prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
    }

    void readsWindows1252FoundPastTheSampleOnASecondPass() {
        QByteArray content = "ticket_id,created_at,subject\n";
        for (int i = 0; i < 12000; ++i) {
            content += "T-" + QByteArray::number(i) + ",2026-03-02 09:15,plain ascii subject\n";
        }
        content += "T-last,2026-03-02 09:15,caf\xE9\n";
        auto workspace = freshWorkspace();
        const ImportResult result = run(*workspace, writeFile(content));
        QCOMPARE(result.inserted, 12001);
        QCOMPARE(result.dialect.encoding, TextEncoding::Windows1252);
        QCOMPARE(textOf(*workspace, "SELECT subject FROM tickets WHERE ticket_id = 'T-last'"),
                 QStringLiteral("caf\u00e9"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM import_batches"), 1);
    }

    void readsNaiveTimesInTheSourceZone() {
        auto workspace = freshWorkspace();
        ImportOptions options;
        options.sourceZone = QTimeZone("Europe/Berlin");
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")), ImportKind::Tickets,
            options);
        // 2026-03-02 09:15 CET (+01:00) = 08:15Z = 1772442900 - 3600
        QCOMPARE(count(*workspace, "SELECT created_at FROM tickets WHERE ticket_id = 'T-1'"),
                 1772442900 - 3600);
        QCOMPARE(textOf(*workspace, "SELECT source_tz FROM import_batches"),
                 QStringLiteral("Europe/Berlin"));
    }

    void findsTheHeaderBelowATitleLine() {
        auto workspace = freshWorkspace();
        const ImportResult result = run(*workspace, dataFile(QStringLiteral("preamble.csv")));
        QCOMPARE(result.rows, 1);
        QCOMPARE(result.inserted, 1);
    }

    void readsTypedColumnsLeniently() {
        auto workspace = freshWorkspace();
        const QString path = writeFile(
            "Ticket ID,Created_At,priority,escalated,tier,handle_time_min,csat,group,Region\n"
            "A,2026-03-02 09:15,urgent,yes,T2,12.5,4,Tier 2,EMEA\n"
            "B,2026-03-02 09:15,P3,No,L1,0,5,,\n"
            "C,2026-03-02 09:15,High,1,Tier 3,7,,Ops,\"APAC, \"\"east\"\"\"\n"
            "D,2026-03-02 09:15,low,FALSE,4,,,,\n");
        const ImportResult result = run(*workspace, path);
        QCOMPARE(result.inserted, 4);
        QCOMPARE(textOf(*workspace, "SELECT group_concat(priority, ',') FROM (SELECT priority FROM "
                                    "tickets ORDER BY id)"),
                 QStringLiteral("Critical,Medium,High,Low"));
        QCOMPARE(textOf(*workspace, "SELECT group_concat(escalated, ',') FROM (SELECT escalated "
                                    "FROM tickets ORDER BY id)"),
                 QStringLiteral("1,0,1,0"));
        QCOMPARE(
            textOf(*workspace,
                   "SELECT group_concat(tier, ',') FROM (SELECT tier FROM tickets ORDER BY id)"),
            QStringLiteral("2,1,3,4"));
        QCOMPARE(textOf(*workspace, "SELECT handle_time_min FROM tickets WHERE ticket_id = 'A'"),
                 QStringLiteral("12.5"));
        QCOMPARE(textOf(*workspace, "SELECT group_name FROM tickets WHERE ticket_id = 'C'"),
                 QStringLiteral("Ops"));
        // Extra columns are kept as a JSON object; empty cells are left out.
        QCOMPARE(textOf(*workspace, "SELECT attributes FROM tickets WHERE ticket_id = 'A'"),
                 QStringLiteral("{\"Region\":\"EMEA\"}"));
        QCOMPARE(textOf(*workspace, "SELECT attributes FROM tickets WHERE ticket_id = 'C'"),
                 QStringLiteral("{\"Region\":\"APAC, \\\"east\\\"\"}"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets WHERE ticket_id = 'B' AND "
                                   "attributes IS NULL AND group_name IS NULL"),
                 1);
    }

    void refusesBadFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QStringLiteral("empty.csv")
                               << QStringList{QStringLiteral("the file is empty")};
        QTest::newRow("header only")
            << QStringLiteral("header-only.csv")
            << QStringList{QStringLiteral("line 1"), QStringLiteral("no data rows")};
        QTest::newRow("binary") << QStringLiteral("binary.csv")
                                << QStringList{QStringLiteral("binary"),
                                               QStringLiteral("NUL bytes")};
        QTest::newRow("not csv") << QStringLiteral("not-csv.txt")
                                 << QStringList{QStringLiteral("does not look like a CSV file")};
        QTest::newRow("missing column")
            << QStringLiteral("missing-column.csv")
            << QStringList{QStringLiteral("line 1, column created_at: "),
                           QStringLiteral("the required column created_at is missing")};
        QTest::newRow("unterminated quote")
            << QStringLiteral("unterminated.csv")
            << QStringList{QStringLiteral("line 3: "), QStringLiteral("never closed")};
    }

    void refusesBadFiles() {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        expectRefused(dataFile(file), expected);
    }

    void refusesSlashDatesOfUnknownOrder() {
        const QString path = writeFile("ticket_id,created_at\nA,03/04/2026 10:00\n"
                                       "B,05/06/2026 11:00\n");
        expectRefused(path, {QStringLiteral("column created_at"), QStringLiteral("--date-order")});
        // Told day first: 3 April 2026 10:00 UTC = 1775210400
        auto workspace = freshWorkspace();
        ImportOptions options;
        options.dateOrder = DateOrder::DayFirst;
        run(*workspace, path, ImportKind::Tickets, options);
        QCOMPARE(count(*workspace, "SELECT created_at FROM tickets WHERE ticket_id = 'A'"),
                 1775210400);
    }

    void rejectsRowsWithAReason_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ragged row") << QStringLiteral("ragged.csv") << 2 << qint64(3) << QString()
                                    << QStringLiteral("the row has 2 fields; the header row has 3");
        QTest::newRow("duplicate id")
            << QStringLiteral("duplicate-id.csv") << 2 << qint64(4) << QStringLiteral("ticket_id")
            << QStringLiteral("duplicate ticket_id T-1: the same id is on line 2, which is kept");
    }

    void rejectsRowsWithAReason() {
        QFETCH(QString, file);
        QFETCH(int, inserted);
        QFETCH(qint64, line);
        QFETCH(QString, column);
        QFETCH(QString, reason);
        auto workspace = freshWorkspace();
        const ImportResult result = run(*workspace, dataFile(file));
        QCOMPARE(result.inserted, inserted);
        QCOMPARE(result.rejected, 1);
        QCOMPARE(result.rows, inserted + 1);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, line);
        QCOMPARE(rows[0].column, column);
        QCOMPARE(rows[0].reason, reason);
    }

    void theFirstOfTwoDuplicateRowsIsKept() {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("duplicate-id.csv")));
        QCOMPARE(textOf(*workspace, "SELECT subject FROM tickets WHERE ticket_id = 'T-1'"),
                 QStringLiteral("first"));
    }

    // Only the id and the creation time can reject a ticket; any other value
    // that cannot be read is stored as empty with a warning.
    void rejectsOnlyWhatIdentifiesARow() {
        auto workspace = freshWorkspace();
        const QString path = writeFile("ticket_id,created_at,priority,escalated\n"
                                       "A,1969-12-31 23:00,High,yes\n"
                                       "B,2026-03-02 09:15,Whenever,yes\n"
                                       "C,2026-03-02 09:15,High,perhaps\n"
                                       "D,2026-02-30 09:15,High,no\n"
                                       "E,2026-03-02 09:15,High,no\n");
        const ImportResult result = run(*workspace, path);
        QCOMPARE(result.inserted, 3); // B, C, E
        QCOMPARE(result.rejected, 2); // A, D: their creation time
        QCOMPARE(result.warnings, 2); // B's priority, C's escalated
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[0].line, 2);
        QVERIFY(!rows[0].warning);
        QCOMPARE(rows[0].reason, QStringLiteral("'1969-12-31 23:00' is before 1970"));
        QCOMPARE(rows[1].line, 3);
        QVERIFY(rows[1].warning);
        QCOMPARE(rows[1].column, QStringLiteral("priority"));
        QCOMPARE(rows[1].value, QStringLiteral("Whenever"));
        QCOMPARE(rows[2].line, 4);
        QVERIFY(rows[2].warning);
        QCOMPARE(rows[2].column, QStringLiteral("escalated"));
        QCOMPARE(rows[3].line, 5);
        QVERIFY(!rows[3].warning);
        QCOMPARE(rows[3].reason, QStringLiteral("'2026-02-30 09:15' is not a valid date and time"));
        // The rest of a warned row is stored; the unreadable value is empty.
        QCOMPARE(textOf(*workspace, "SELECT coalesce(priority, 'null') || '/' || escalated FROM "
                                    "tickets WHERE ticket_id = 'B'"),
                 QStringLiteral("null/1"));
        QCOMPARE(textOf(*workspace, "SELECT priority || '/' || coalesce(escalated, 'null') FROM "
                                    "tickets WHERE ticket_id = 'C'"),
                 QStringLiteral("High/null"));
        QCOMPARE(count(*workspace, "SELECT warnings FROM import_batches"), 2);
        QCOMPARE(count(*workspace, "SELECT rejected FROM import_batches"), 2);
    }

    void aResolutionBeforeCreationIsDroppedWithAWarning() {
        auto workspace = freshWorkspace();
        const ImportResult result =
            run(*workspace, dataFile(QStringLiteral("resolved-before-created.csv")));
        QCOMPARE(result.inserted, 2);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.warnings, 1);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, 3);
        QCOMPARE(rows[0].column, QStringLiteral("resolved_at"));
        QCOMPARE(rows[0].reason, QStringLiteral("resolved_at (2026-03-04T10:00:00Z) is before "
                                                "created_at (2026-03-05T10:00:00Z); stored as "
                                                "empty"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets WHERE ticket_id = 'T-2' AND "
                                   "resolved_at IS NULL"),
                 1);
    }

    void aTimeMoreThanAYearAheadIsKeptWithAWarning() {
        auto workspace = freshWorkspace();
        // 2099-01-01 00:00 UTC = 4070908800, surely more than a year after
        // any run of this test; next week's date is not.
        const QString nextWeek =
            QDateTime::currentDateTimeUtc().addDays(7).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const QString path = writeFile("ticket_id,created_at,resolved_at\n"
                                       "A,2099-01-01 00:00,\n"
                                       "B," +
                                       nextWeek.toUtf8() + ",\n");
        const ImportResult result = run(*workspace, path);
        QCOMPARE(result.inserted, 2);
        QCOMPARE(result.warnings, 1);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, 2);
        QVERIFY(rows[0].warning);
        QCOMPARE(rows[0].column, QStringLiteral("created_at"));
        QCOMPARE(rows[0].reason, QStringLiteral("'2099-01-01 00:00' is more than a year after the "
                                                "import; kept as it is"));
        QCOMPARE(count(*workspace, "SELECT created_at FROM tickets WHERE ticket_id = 'A'"),
                 4070908800);
    }

    // SPEC §4: escalated / escalated_at stand in for an event log only where
    // there is none; when both exist the event log wins, and the import says so
    // once per file.
    void escalationColumnsBesideAnEventLogAreNamedOnce() {
        auto workspace = freshWorkspace();
        const QString tickets = writeFile("ticket_id,created_at,escalated,escalated_at\n"
                                          "T-1,2026-03-02 09:00,no,\n"
                                          "T-2,2026-03-02 09:00,yes,2026-03-02 10:00\n"
                                          "T-3,2026-03-02 09:00,yes,2026-03-02 11:00\n");
        ImportResult first = run(*workspace, tickets);
        QCOMPARE(first.warnings, 0); // no event log yet: the columns are the source
        const QString events = writeFile("ticket_id,occurred_at,event,from_tier,to_tier\n"
                                         "T-2,2026-03-02 10:05,escalated,1,2\n"
                                         "T-3,2026-03-02 11:05,escalated,1,2\n");
        const ImportResult log = run(*workspace, events, ImportKind::Events);
        QCOMPARE(log.inserted, 2);
        QCOMPARE(log.warnings, 1);
        auto rows = rejectedRowsOf(workspace->db(), log.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, 2);
        QVERIFY(rows[0].reason.contains(QLatin1String("from this import on, escalation figures "
                                                      "come from the event log")));
        // A second events file: the log already wins, nothing to say.
        QCOMPARE(run(*workspace,
                     writeFile("ticket_id,occurred_at,event\n"
                               "T-1,2026-03-02 12:00,claimed\n"),
                     ImportKind::Events)
                     .warnings,
                 0);
        // The tickets again, changed: one warning, on the first row with a value
        // in either column (line 2 has escalated = no).
        const QString newer = writeFile("ticket_id,created_at,escalated,escalated_at,subject\n"
                                        "T-1,2026-03-02 09:00,no,,x\n"
                                        "T-2,2026-03-02 09:00,yes,2026-03-02 10:00,y\n");
        const ImportResult again = run(*workspace, newer);
        QCOMPARE(again.updated, 2);
        QCOMPARE(again.warnings, 1);
        rows = rejectedRowsOf(workspace->db(), again.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, 2);
        QCOMPARE(rows[0].column, QStringLiteral("escalated"));
        QVERIFY(rows[0].reason.startsWith(QLatin1String("the workspace has an event log, so "
                                                        "escalation figures come from it")));
        // The values are stored as the file has them.
        QCOMPARE(count(*workspace, "SELECT escalated FROM tickets WHERE ticket_id = 'T-2'"), 1);
    }

    void eventsNeedTheirTicketAndACanonicalKind() {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        const ImportResult result = run(
            *workspace, dataFile(QStringLiteral("events-unknown-ticket.csv")), ImportKind::Events);
        QCOMPARE(result.rows, 3);
        QCOMPARE(result.inserted, 1);
        QCOMPARE(result.rejected, 2);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].line, 3);
        QCOMPARE(rows[0].column, QStringLiteral("ticket_id"));
        QCOMPARE(rows[0].value, QStringLiteral("T-404"));
        QVERIFY2(rows[0].reason.contains(QLatin1String("no ticket T-404")),
                 qPrintable(rows[0].reason));
        QCOMPARE(rows[1].line, 4);
        QCOMPARE(rows[1].column, QStringLiteral("event"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM ticket_events"), 1);
    }

    void reimportingTheSameFileChangesNothing() {
        auto workspace = freshWorkspace();
        const QString tickets = dataFile(QStringLiteral("quoting-crlf.csv"));
        const QString events = writeFile("ticket_id,occurred_at,event,from_tier,to_tier,note\n"
                                         "T-1,2026-03-02 10:00,escalated,1,2,why\n"
                                         "T-1,2026-03-02 11:00,claimed,,,\n"
                                         "T-2,2026-03-02 12:00,escalated,1,2,\n");
        QCOMPARE(run(*workspace, tickets).inserted, 3);
        QCOMPARE(run(*workspace, events, ImportKind::Events).inserted, 3);
        const QStringList ticketsBefore = dump(*workspace, "tickets");
        const QStringList eventsBefore = dump(*workspace, "ticket_events");

        const ImportResult again = run(*workspace, tickets);
        QCOMPARE(again.rows, 3);
        QCOMPARE(again.unchanged, 3);
        QCOMPARE(again.inserted + again.updated + again.rejected, 0);
        const ImportResult eventsAgain = run(*workspace, events, ImportKind::Events);
        QCOMPARE(eventsAgain.unchanged, 3);
        QCOMPARE(eventsAgain.inserted + eventsAgain.updated, 0);
        QCOMPARE(dump(*workspace, "tickets"), ticketsBefore);
        QCOMPARE(dump(*workspace, "ticket_events"), eventsBefore);
        // Each import is still recorded as its own batch.
        QCOMPARE(count(*workspace, "SELECT count(*) FROM import_batches"), 4);
    }

    void aNewerExportUpdatesOnlyTheChangedRows() {
        auto workspace = freshWorkspace();
        const QByteArray header = "ticket_id,created_at,status,priority,resolved_at\n";
        const QString first = writeFile(header + "A,2026-03-02 09:00,Open,High,\n"
                                                 "B,2026-03-02 10:00,Open,Low,\n"
                                                 "C,2026-03-02 11:00,Open,Low,\n"
                                                 "D,2026-03-02 12:00,Open,Medium,\n");
        // B is solved, D changes priority, E is new; A and C are as before
        // (in another order, with the priority spelled differently).
        const QString second = writeFile(header + "C,2026-03-02 11:00,Open,low,\n"
                                                  "A,2026-03-02 09:00,Open,HIGH,\n"
                                                  "B,2026-03-02 10:00,Solved,Low,2026-03-03 10:00\n"
                                                  "D,2026-03-02 12:00,Open,High,\n"
                                                  "E,2026-03-04 08:00,Open,Low,\n");
        const ImportResult one = run(*workspace, first);
        QCOMPARE(one.inserted, 4);
        const ImportResult two = run(*workspace, second);
        QCOMPARE(two.rows, 5);
        QCOMPARE(two.inserted, 1);
        QCOMPARE(two.updated, 2);
        QCOMPARE(two.unchanged, 2);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets"), 5);
        // Rows written by the second import carry its batch; the others keep the first.
        QCOMPARE(textOf(*workspace, "SELECT group_concat(ticket_id || ':' || batch, ',') FROM "
                                    "(SELECT ticket_id, batch FROM tickets ORDER BY ticket_id)"),
                 QStringLiteral("A:%1,B:%2,C:%1,D:%2,E:%2").arg(one.batch).arg(two.batch));
        // 2026-03-03 10:00 UTC = 1772532000
        QCOMPARE(count(*workspace, "SELECT resolved_at FROM tickets WHERE ticket_id = 'B'"),
                 1772532000);
    }

    void syncingToANewerExportGivesTheSameTicketsAsImportingItFresh() {
        // v1: 400 tickets. v2: the same export later — every 7th ticket gone
        // (deleted at the source), every 5th changed, new tickets between old
        // ones, and a stretch in reverse order. Synced v1 → v2 must hold
        // exactly what a fresh import of v2 holds, plus the deleted tickets.
        const auto row = [](int i, const char* status) {
            return "S-" + QByteArray::number(i) +
                   ",2026-03-02 09:" + QByteArray::number(10 + i % 50) + "," + status +
                   ",subject " + QByteArray::number(i) + "\n";
        };
        QByteArray v1 = "ticket_id,created_at,status,subject\n";
        QByteArray v2 = v1;
        QList<QByteArray> v2Rows;
        int changed = 0;
        int kept = 0;
        for (int i = 0; i < 400; ++i) {
            v1 += row(i, "Open");
            if (i % 7 == 0) {
                continue;
            }
            const bool change = i % 5 == 0;
            changed += change ? 1 : 0;
            kept += change ? 0 : 1;
            v2Rows << row(i, change ? "Solved" : "Open");
            if (i % 50 == 25) {
                v2Rows << row(1000 + i, "New");
            }
        }
        std::reverse(v2Rows.begin() + 100, v2Rows.begin() + 140);
        for (const QByteArray& r : v2Rows) {
            v2 += r;
        }
        auto synced = freshWorkspace();
        QCOMPARE(run(*synced, writeFile(v1)).inserted, 400);
        const ImportResult sync = run(*synced, writeFile(v2));
        // 400 - 58 deleted (multiples of 7 below 400) = 342 kept rows, of which
        // multiples of 5 but not of 7 changed: 80 - 12 = 68; new rows after 25, 75, ...,
        // 375 except 175 (a multiple of 7, deleted): 7.
        QCOMPARE(changed, 68);
        QCOMPARE(sync.updated, 68);
        QCOMPARE(sync.unchanged, kept);
        QCOMPARE(sync.unchanged, 342 - 68);
        QCOMPARE(sync.inserted, 7);
        auto fresh = freshWorkspace();
        run(*fresh, writeFile(v2));
        Statement freshRows = fresh->db().prepare(
            "SELECT ticket_id, created_at, status, subject FROM tickets ORDER BY ticket_id");
        QStringList expected;
        while (freshRows.step()) {
            expected << QStringLiteral("%1|%2|%3|%4")
                            .arg(freshRows.text(0), freshRows.text(1), freshRows.text(2),
                                 freshRows.text(3));
        }
        Statement syncedRows = synced->db().prepare(
            "SELECT ticket_id, created_at, status, subject FROM tickets WHERE batch = 2 OR "
            "CAST(substr(ticket_id, 3) AS INTEGER) % 7 <> 0 ORDER BY ticket_id");
        QStringList actual;
        while (syncedRows.step()) {
            actual << QStringLiteral("%1|%2|%3|%4")
                          .arg(syncedRows.text(0), syncedRows.text(1), syncedRows.text(2),
                               syncedRows.text(3));
        }
        QCOMPARE(actual, expected);
        QCOMPARE(count(*synced, "SELECT count(*) FROM tickets"), 400 + 7);
    }

    void eventsAreDeduplicatedOnTheirIdentity() {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        // The same escalation twice in one file, and a note changed later.
        const QString first = writeFile("ticket_id,occurred_at,event,from_tier,to_tier,note\n"
                                        "T-1,2026-03-02 10:00,escalated,1,2,\n"
                                        "T-1,2026-03-02 10:00,escalated,1,2,\n"
                                        "T-1,2026-03-02 10:00,escalated,2,3,\n");
        const ImportResult one = run(*workspace, first, ImportKind::Events);
        QCOMPARE(one.inserted, 2);
        QCOMPARE(one.unchanged, 1);
        const QString second = writeFile("ticket_id,occurred_at,event,from_tier,to_tier,note\n"
                                         "T-1,2026-03-02 10:00,escalated,1,2,with a note\n");
        const ImportResult two = run(*workspace, second, ImportKind::Events);
        QCOMPARE(two.updated, 1);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM ticket_events"), 2);
        QCOMPARE(textOf(*workspace, "SELECT note FROM ticket_events WHERE to_tier = 2"),
                 QStringLiteral("with a note"));
    }

    void aConflictingEventIsRejectedWhenItsFirstIsUnchanged() {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        const QByteArray stored = "ticket_id,occurred_at,event,from_tier,to_tier,note\n"
                                  "T-1,2026-03-02 10:00,escalated,1,2,a\n"
                                  "T-1,2026-03-02 11:00,claimed,,,x\n";
        run(*workspace, writeFile(stored), ImportKind::Events);
        // Lines 2 and 3 are as stored; line 4 gives the escalation of line 2
        // another note, line 5 the claim (no tiers) of line 3; line 6
        // repeats line 2 exactly, which is harmless.
        const ImportResult again = run(*workspace,
                                       writeFile(stored + "T-1,2026-03-02 10:00,escalated,1,2,b\n"
                                                          "T-1,2026-03-02 11:00,claimed,,,y\n"
                                                          "T-1,2026-03-02 10:00,escalated,1,2,a\n"),
                                       ImportKind::Events);
        QCOMPARE(again.unchanged, 3);
        QCOMPARE(again.rejected, 2);
        QCOMPARE(again.inserted + again.updated, 0);
        const auto rows = rejectedRowsOf(workspace->db(), again.batch);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].line, 4);
        QCOMPARE(rows[0].column, QStringLiteral("event"));
        QCOMPARE(rows[0].reason, QStringLiteral("duplicate event: line 2 has the same ticket, "
                                                "time, event and tiers with other details, and "
                                                "is kept"));
        QCOMPARE(rows[1].line, 5);
        QCOMPARE(rows[1].reason, QStringLiteral("duplicate event: line 3 has the same ticket, "
                                                "time, event and tiers with other details, and "
                                                "is kept"));
        QCOMPARE(textOf(*workspace, "SELECT group_concat(note, '') FROM (SELECT note FROM "
                                    "ticket_events ORDER BY occurred_at)"),
                 QStringLiteral("ax"));
    }

    // Rows a store connection changed (INSERT, UPDATE, DELETE) so far.
    static std::int64_t changesOf(Workspace& workspace) {
        return sqlite3_total_changes64(workspace.db().handle());
    }

    void reimportingTheSameFileWritesOnlyItsBatch() {
        auto workspace = freshWorkspace();
        const QString tickets = dataFile(QStringLiteral("quoting-crlf.csv"));
        QCOMPARE(run(*workspace, tickets).inserted, 3);
        // Every imported ticket records the hash of its source record.
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets WHERE source_hash IS NULL"), 0);
        const Snapshot before = snapshot(*workspace);
        const std::int64_t changesBefore = changesOf(*workspace);
        const ImportResult again = run(*workspace, tickets);
        QCOMPARE(again.unchanged, 3);
        QCOMPARE(again.inserted + again.updated + again.rejected, 0);
        // The only rows written: the batch's INSERT and the UPDATE of its
        // figures at the end.
        QCOMPARE(changesOf(*workspace) - changesBefore, 2);
        const Snapshot after = snapshot(*workspace);
        QCOMPARE(after.tickets, before.tickets);
        QCOMPARE(after.events, before.events);
        QCOMPARE(after.rejected, before.rejected);
    }

    void oneChangedFieldUpdatesExactlyThatRow() {
        auto workspace = freshWorkspace();
        const QByteArray header = "ticket_id,created_at,status,subject\n";
        QByteArray first = header;
        for (int i = 1; i <= 50; ++i) {
            first += "K-" + QByteArray::number(i) +
                     ",2026-03-02 09:" + QByteArray::number(10 + i % 40) + ",Open,subject " +
                     QByteArray::number(i) + "\n";
        }
        QByteArray second = first;
        second.replace("K-17,2026-03-02 09:27,Open,", "K-17,2026-03-02 09:27,Solved,");
        QVERIFY(second != first);
        const ImportResult one = run(*workspace, writeFile(first));
        QCOMPARE(one.inserted, 50);
        const QStringList before = dump(*workspace, "tickets");
        const std::int64_t changesBefore = changesOf(*workspace);
        const ImportResult two = run(*workspace, writeFile(second));
        QCOMPARE(two.updated, 1);
        QCOMPARE(two.unchanged, 49);
        QCOMPARE(two.inserted + two.rejected, 0);
        // Batch INSERT, the one ticket's UPDATE, the batch figures' UPDATE.
        QCOMPARE(changesOf(*workspace) - changesBefore, 3);
        QCOMPARE(textOf(*workspace, "SELECT status || ':' || batch FROM tickets WHERE ticket_id = "
                                    "'K-17'"),
                 QStringLiteral("Solved:%1").arg(two.batch));
        // Every other row is exactly as it was.
        const QStringList after = dump(*workspace, "tickets");
        QCOMPARE(after.size(), before.size());
        int differing = 0;
        for (int i = 0; i < after.size(); ++i) {
            differing += after[i] == before[i] ? 0 : 1;
        }
        QCOMPARE(differing, 1);
    }

    void aChangedExtraColumnUpdatesTheRow() {
        auto workspace = freshWorkspace();
        const QString first = writeFile("ticket_id,created_at,region\n"
                                        "A,2026-03-02 09:00,EMEA\n"
                                        "B,2026-03-02 10:00,AMER\n");
        const QString second = writeFile("ticket_id,created_at,region\n"
                                         "A,2026-03-02 09:00,EMEA\n"
                                         "B,2026-03-02 10:00,APAC\n");
        run(*workspace, first);
        const ImportResult two = run(*workspace, second);
        QCOMPARE(two.updated, 1);
        QCOMPARE(two.unchanged, 1);
        QCOMPARE(textOf(*workspace, "SELECT attributes FROM tickets WHERE ticket_id = 'B'"),
                 QStringLiteral("{\"region\":\"APAC\"}"));
    }

    void theSameFileReadInAnotherZoneIsReadAgain() {
        // Naive times: the same records mean other instants in another
        // source zone, so no row may be skipped as unchanged.
        auto workspace = freshWorkspace();
        const QString path = writeFile("ticket_id,created_at\n"
                                       "A,2026-03-02 09:00\n"
                                       "B,2026-03-02 10:00\n");
        run(*workspace, path);
        ImportOptions berlin;
        berlin.sourceZone = QTimeZone("Europe/Berlin");
        const ImportResult two = run(*workspace, path, ImportKind::Tickets, berlin);
        QCOMPARE(two.updated, 2);
        // 2026-03-02 09:00 in Berlin (CET, UTC+1) = 08:00 UTC = 1772438400.
        QCOMPARE(count(*workspace, "SELECT created_at FROM tickets WHERE ticket_id = 'A'"),
                 1772438400);
        QCOMPARE(run(*workspace, path, ImportKind::Tickets, berlin).unchanged, 2);
    }

    void aDuplicateOfASkippedRowIsStillRejected() {
        auto workspace = freshWorkspace();
        const QByteArray rows = "ticket_id,created_at,status\n"
                                "A,2026-03-02 09:00,Open\n"
                                "B,2026-03-02 10:00,Open\n";
        run(*workspace, writeFile(rows));
        // Line 2 is the stored record (skipped); line 4 repeats its id.
        const ImportResult two = run(*workspace, writeFile(rows + "A,2026-03-02 09:00,Solved\n"));
        QCOMPARE(two.unchanged, 2);
        QCOMPARE(two.rejected, 1);
        QCOMPARE(two.updated, 0);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'A'"),
                 QStringLiteral("Open"));
        QCOMPARE(textOf(*workspace, "SELECT reason FROM rejected_rows"),
                 QStringLiteral("duplicate ticket_id A: the same id is on line 2, which is kept"));
    }

    void aDuplicateFarFromItsFirstRowIsRejected() {
        // 70,000 distinct ids T-1 .. T-70000 on lines 2 .. 70001 (line = id
        // number + 1), then T-3 and T-66000 again on lines 70002 and 70003:
        // tens of thousands of rows after their first, one of them past the
        // first 65,536 rows stored.
        QByteArray content = "ticket_id,created_at,subject\n";
        for (int i = 1; i <= 70000; ++i) {
            content += "T-" + QByteArray::number(i) + ",2026-03-02 09:15,first\n";
        }
        content += "T-3,2026-03-02 09:15,second\n"
                   "T-66000,2026-03-02 09:15,second\n";
        const QString path = writeFile(content);
        const QStringList reasons{
            QStringLiteral("duplicate ticket_id T-3: the same id is on line 4, which is kept"),
            QStringLiteral(
                "duplicate ticket_id T-66000: the same id is on line 66001, which is kept")};
        const auto expectRejected = [&](Workspace& workspace, std::int64_t batch) {
            const auto rows = rejectedRowsOf(workspace.db(), batch);
            QCOMPARE(rows.size(), std::size_t(2));
            QCOMPARE(rows[0].line, 70002);
            QCOMPARE(rows[0].value, QStringLiteral("T-3"));
            QCOMPARE(rows[0].reason, reasons[0]);
            QCOMPARE(rows[1].line, 70003);
            QCOMPARE(rows[1].reason, reasons[1]);
        };
        auto workspace = freshWorkspace();
        const ImportResult fresh = run(*workspace, path);
        QCOMPARE(fresh.inserted, 70000);
        QCOMPARE(fresh.rejected, 2);
        expectRejected(*workspace, fresh.batch);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets WHERE subject = 'second'"), 0);
        // Again: the first rows are skipped as unchanged, their repeats are
        // still rejected with the same reasons.
        const ImportResult again = run(*workspace, path);
        QCOMPARE(again.unchanged, 70000);
        QCOMPARE(again.rejected, 2);
        QCOMPARE(again.updated + again.inserted, 0);
        expectRejected(*workspace, again.batch);
    }

    void aReimportOutsideWalModeSkipsAndRejectsAlike() {
        // Without WAL no second connection can read the stored hashes
        // alongside the import: they are loaded up front, and skipped rows
        // are looked up by id for the duplicate check.
        auto workspace = freshWorkspace();
        const QByteArray rows = "ticket_id,created_at,status\n"
                                "A,2026-03-02 09:00,Open\n"
                                "B,2026-03-02 10:00,Open\n";
        run(*workspace, writeFile(rows));
        workspace->db().exec("PRAGMA journal_mode = DELETE");
        QCOMPARE(textOf(*workspace, "PRAGMA journal_mode"), QStringLiteral("delete"));
        const ImportResult two = run(*workspace, writeFile(rows + "B,2026-03-02 10:00,Open\n"));
        QCOMPARE(two.unchanged, 2);
        QCOMPARE(two.rejected, 1);
        QCOMPARE(textOf(*workspace, "SELECT reason FROM rejected_rows"),
                 QStringLiteral("duplicate ticket_id B: the same id is on line 3, which is kept"));
    }

    void aDuplicateOfAnUpdatedRowIsRejected() {
        auto workspace = freshWorkspace();
        run(*workspace, writeFile("ticket_id,created_at,status\n"
                                  "A,2026-03-02 09:00,Open\n"
                                  "B,2026-03-02 10:00,Open\n"));
        // Line 2 updates A; line 4 repeats A with yet another status.
        const ImportResult two = run(*workspace, writeFile("ticket_id,created_at,status\n"
                                                           "A,2026-03-02 09:00,Pending\n"
                                                           "B,2026-03-02 10:00,Open\n"
                                                           "A,2026-03-02 09:00,Solved\n"));
        QCOMPARE(two.updated, 1);
        QCOMPARE(two.unchanged, 1);
        QCOMPARE(two.rejected, 1);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'A'"),
                 QStringLiteral("Pending"));
        const auto rows = rejectedRowsOf(workspace->db(), two.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, 4);
        QCOMPARE(rows[0].reason,
                 QStringLiteral("duplicate ticket_id A: the same id is on line 2, which is kept"));
    }

    void aDuplicateOfARowNewInASyncIsRejected() {
        auto workspace = freshWorkspace();
        run(*workspace, writeFile("ticket_id,created_at,status\n"
                                  "A,2026-03-02 09:00,Open\n"));
        // A is skipped as unchanged, C (line 3) is new, line 4 repeats C.
        const ImportResult two = run(*workspace, writeFile("ticket_id,created_at,status\n"
                                                           "A,2026-03-02 09:00,Open\n"
                                                           "C,2026-03-02 11:00,Open\n"
                                                           "C,2026-03-02 11:00,Solved\n"));
        QCOMPARE(two.unchanged, 1);
        QCOMPARE(two.inserted, 1);
        QCOMPARE(two.rejected, 1);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'C'"),
                 QStringLiteral("Open"));
        QCOMPARE(textOf(*workspace, "SELECT reason FROM rejected_rows"),
                 QStringLiteral("duplicate ticket_id C: the same id is on line 3, which is kept"));
    }

    void aDuplicateOfARowComparedUnchangedIsRejected() {
        // Stored without a source hash, A is compared value by value (not
        // skipped) and found unchanged; its repeat on line 3 is rejected.
        auto workspace = freshWorkspace();
        const QByteArray rows = "ticket_id,created_at,status\n"
                                "A,2026-03-02 09:00,Open\n";
        run(*workspace, writeFile(rows));
        workspace->db().exec("UPDATE tickets SET source_hash = NULL");
        const ImportResult two = run(*workspace, writeFile(rows + "A,2026-03-02 09:00,Solved\n"));
        QCOMPARE(two.unchanged, 1);
        QCOMPARE(two.rejected, 1);
        QCOMPARE(two.updated, 0);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'A'"),
                 QStringLiteral("Open"));
        QCOMPARE(textOf(*workspace, "SELECT reason FROM rejected_rows"),
                 QStringLiteral("duplicate ticket_id A: the same id is on line 2, which is kept"));
    }

    void aRowRejectedForItsValuesDoesNotHoldItsId() {
        // Line 2 cannot be stored (no such date), so line 3 is the first
        // row of A and is kept; line 4 repeats it.
        auto workspace = freshWorkspace();
        const ImportResult result = run(*workspace, writeFile("ticket_id,created_at,status\n"
                                                              "A,2026-02-30 09:00,New\n"
                                                              "A,2026-03-02 09:00,Open\n"
                                                              "A,2026-03-02 09:00,Solved\n"));
        QCOMPARE(result.inserted, 1);
        QCOMPARE(result.rejected, 2);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'A'"),
                 QStringLiteral("Open"));
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].line, 2);
        QCOMPARE(rows[0].column, QStringLiteral("created_at"));
        QCOMPARE(rows[1].line, 4);
        QCOMPARE(rows[1].reason,
                 QStringLiteral("duplicate ticket_id A: the same id is on line 3, which is kept"));
    }

    void sourceLinesKeepAnyLineOfAnyRow() {
        SourceLines lines;
        QVERIFY(!lines.lineOf(1));
        lines.record(1, 2);
        lines.record(65536, 70000); // the first rowid of the second block
        lines.record(std::int64_t{1} << 40, 9);
        // Lines past 2^32 - 1 = 4,294,967,295 do not fit the 4-byte slot.
        lines.record(7, std::int64_t{5000000000});
        QCOMPARE(lines.lineOf(1), std::optional<std::int64_t>(2));
        QCOMPARE(lines.lineOf(65536), std::optional<std::int64_t>(70000));
        QCOMPARE(lines.lineOf(std::int64_t{1} << 40), std::optional<std::int64_t>(9));
        QCOMPARE(lines.lineOf(7), std::optional<std::int64_t>(5000000000));
        QVERIFY(!lines.lineOf(2));
        QVERIFY(!lines.lineOf(65535));
        QVERIFY(!lines.lineOf(-1));
        lines.clear();
        QVERIFY(!lines.lineOf(1));
    }

    void duplicateAccountsAndKnownIssuesKeepTheFirst() {
        auto workspace = freshWorkspace();
        const QString accounts = writeFile("account_id,name\n"
                                           "ACC-1,Acme\n"
                                           "ACC-2,Beta\n"
                                           "ACC-1,Acme Corp\n");
        // Into an empty table, then again (rows compared with the stored ones).
        for (const bool again : {false, true}) {
            const ImportResult result = run(*workspace, accounts, ImportKind::Accounts);
            QCOMPARE(result.inserted, again ? 0 : 2);
            QCOMPARE(result.unchanged, again ? 2 : 0);
            QCOMPARE(result.rejected, 1);
            const auto rows = rejectedRowsOf(workspace->db(), result.batch);
            QCOMPARE(rows.size(), std::size_t(1));
            QCOMPARE(rows[0].line, 4);
            QCOMPARE(rows[0].reason, QStringLiteral("duplicate account_id ACC-1: the same id is "
                                                    "on line 2, which is kept"));
            QCOMPARE(textOf(*workspace, "SELECT name FROM accounts WHERE account_id = 'ACC-1'"),
                     QStringLiteral("Acme"));
        }
        const ImportResult issues =
            run(*workspace, writeFile("issue_id,title\nKI-1,Sync stalls\nKI-1,Sync stalls again\n"),
                ImportKind::KnownIssues);
        QCOMPARE(issues.inserted, 1);
        QCOMPARE(
            rejectedRowsOf(workspace->db(), issues.batch)[0].reason,
            QStringLiteral("duplicate issue_id KI-1: the same id is on line 2, which is kept"));
    }

    void rowsWrittenOtherwiseAreComparedAgain() {
        // A ticket stored without a source hash (an older workspace, or a
        // history import that rewrote it) is compared value by value; equal
        // values count as unchanged and the hash is recorded for next time.
        auto workspace = freshWorkspace();
        const QString path = writeFile("ticket_id,created_at,status\n"
                                       "A,2026-03-02 09:00,Open\n"
                                       "B,2026-03-02 10:00,Open\n");
        run(*workspace, path);
        workspace->db().exec("UPDATE tickets SET source_hash = NULL");
        workspace->db().exec("UPDATE tickets SET status = 'Closed' WHERE ticket_id = 'B'");
        const ImportResult two = run(*workspace, path);
        QCOMPARE(two.unchanged, 1);
        QCOMPARE(two.updated, 1);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'B'"),
                 QStringLiteral("Open"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets WHERE source_hash IS NULL"), 0);
    }

    void aHistoryImportClearsTheSourceHashOfWhatItWrites() {
        auto workspace = freshWorkspace();
        const QString tickets = writeFile("ticket_id,created_at,status\n"
                                          "INC1,2026-03-02 09:00,New\n"
                                          "INC2,2026-03-02 10:00,New\n");
        run(*workspace, tickets);
        const QString mapPath = m_dir.filePath(QStringLiteral("history-map.json"));
        {
            QFile map(mapPath);
            QVERIFY(map.open(QIODevice::WriteOnly));
            map.write(R"({"kind": "history", "case": "number", "time": "updated",
                          "status": "state", "resolved_statuses": ["Resolved"]})");
        }
        const QString history = writeFile("number,updated,state\n"
                                          "INC1,2026-03-02 09:00,New\n"
                                          "INC1,2026-03-03 09:00,Resolved\n");
        importHistoryCsv(workspace->db(), history, readHistoryMappingFile(mapPath), {});
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'INC1'"),
                 QStringLiteral("Resolved"));
        // The tickets file again: INC1 no longer holds what its record says.
        const ImportResult again = run(*workspace, tickets);
        QCOMPARE(again.updated, 1);
        QCOMPARE(again.unchanged, 1);
        QCOMPARE(textOf(*workspace, "SELECT status FROM tickets WHERE ticket_id = 'INC1'"),
                 QStringLiteral("New"));
    }

    void eventsKeepTheirExtraColumnsAsAttributes() {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        const QByteArray header = "ticket_id,occurred_at,event,to_tier,Queue,sla_minutes\n";
        const QString first = writeFile(header + "T-1,2026-03-02 10:00,escalated,2,Billing,30\n"
                                                 "T-2,2026-03-02 11:00,escalated,2,,\n");
        const ImportResult one = run(*workspace, first, ImportKind::Events);
        QCOMPARE(one.inserted, 2);
        // Keys in name order, as for tickets; empty cells are left out.
        QCOMPARE(textOf(*workspace, "SELECT e.attributes FROM ticket_events e JOIN tickets t ON "
                                    "t.id = e.ticket WHERE t.ticket_id = 'T-1'"),
                 QStringLiteral("{\"Queue\":\"Billing\",\"sla_minutes\":\"30\"}"));
        QCOMPARE(count(*workspace, "SELECT count(*) FROM ticket_events e JOIN tickets t ON "
                                   "t.id = e.ticket WHERE t.ticket_id = 'T-2' AND "
                                   "e.attributes IS NULL"),
                 1);
        QCOMPARE(run(*workspace, first, ImportKind::Events).unchanged, 2);
        const QString second = writeFile(header + "T-1,2026-03-02 10:00,escalated,2,Billing,45\n"
                                                  "T-2,2026-03-02 11:00,escalated,2,,\n");
        const ImportResult two = run(*workspace, second, ImportKind::Events);
        QCOMPARE(two.updated, 1);
        QCOMPARE(two.unchanged, 1);
        QCOMPARE(textOf(*workspace, "SELECT json_extract(e.attributes, '$.sla_minutes') FROM "
                                    "ticket_events e JOIN tickets t ON t.id = e.ticket WHERE "
                                    "t.ticket_id = 'T-1'"),
                 QStringLiteral("45"));
    }

    void importsAccountsAndKnownIssues() {
        auto workspace = freshWorkspace();
        const QString accounts =
            writeFile("account_id,name,tier,segment,region,arr,timezone,renewal_date,owner\n"
                      "ACC-1,Acme,Enterprise,Retail,EMEA,120000,Europe/Berlin,2027-01-31,Kim\n"
                      "ACC-2,Beta,SMB,Health,AMER,9000.50,Mars/Olympus,2027-02-30,\n");
        const ImportResult result = run(*workspace, accounts, ImportKind::Accounts);
        QCOMPARE(result.inserted, 2);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.warnings, 2);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(2)); // both problems of line 3, stored as empty
        QCOMPARE(rows[0].column, QStringLiteral("timezone"));
        QCOMPARE(rows[1].column, QStringLiteral("renewal_date"));
        QCOMPARE(textOf(*workspace, "SELECT name || '/' || coalesce(timezone, 'null') || '/' || "
                                    "coalesce(renewal_date, 'null') FROM accounts WHERE "
                                    "account_id = 'ACC-2'"),
                 QStringLiteral("Beta/null/null"));
        QCOMPARE(textOf(*workspace, "SELECT attributes FROM accounts WHERE account_id = 'ACC-1'"),
                 QStringLiteral("{\"owner\":\"Kim\"}"));
        QCOMPARE(run(*workspace, accounts, ImportKind::Accounts).unchanged, 2);

        const QString issues = writeFile("issue_id,title,status,kb_article\n"
                                         "KI-1,Sync stalls on large files,Open,KB-12\n"
                                         "KI-2,,Open,\n");
        const ImportResult known = run(*workspace, issues, ImportKind::KnownIssues);
        QCOMPARE(known.inserted, 1);
        QCOMPARE(known.rejected, 1);
        QCOMPARE(rejectedRowsOf(workspace->db(), known.batch)[0].reason,
                 QStringLiteral("title is empty"));
        expectRefused(writeFile("issue_id,status\nKI-1,Open\n"),
                      {QStringLiteral("the required column title is missing")},
                      ImportKind::KnownIssues);
    }

    void recordsTheBatch() {
        auto workspace = freshWorkspace();
        const ImportResult result = run(*workspace, dataFile(QStringLiteral("ragged.csv")));
        Statement batch = workspace->db().prepare(
            "SELECT kind, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, "
            "seconds FROM import_batches WHERE id = ?");
        batch.bind(1, result.batch);
        QVERIFY(batch.step());
        QCOMPARE(batch.text(0), QStringLiteral("tickets"));
        QCOMPARE(batch.text(1), QStringLiteral("ragged.csv"));
        // The SHA-256 of the file's bytes, as QCryptographicHash computes it
        // from the file independently of the reader.
        QFile file(dataFile(QStringLiteral("ragged.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(batch.text(2).toLatin1(),
                 QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        QCOMPARE(batch.int64(3), 3);
        QCOMPARE(batch.int64(4), 2);
        QCOMPARE(batch.int64(5), 0);
        QCOMPARE(batch.int64(6), 0);
        QCOMPARE(batch.int64(7), 1);
        QVERIFY(batch.real(8) >= 0);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM tickets WHERE batch IS NULL"), 0);
    }

    void exportsRejectedRowsAsCsv() {
        auto workspace = freshWorkspace();
        const QString path = writeFile("ticket_id,created_at,subject\n"
                                       "A,2026-03-02 09:15,ok\n"
                                       "A,2026-03-02 09:15,\"again, \"\"twice\"\"\"\n"
                                       "B,not a date,x\n");
        const ImportResult result = run(*workspace, path);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(writeRejectedRowsCsv(workspace->db(), result.batch, buffer), 2);
        // Every field quoted, quotes doubled, CRLF line ends. The date column's
        // form comes from its only readable value (ISO 8601).
        QCOMPARE(QString::fromUtf8(buffer.data()),
                 QStringLiteral(
                     "line,outcome,column,value,reason\r\n"
                     "3,\"rejected\",\"ticket_id\",\"A\",\"duplicate ticket_id A: the same id "
                     "is on line 2, which is kept\"\r\n"
                     "4,\"rejected\",\"created_at\",\"not a date\",\"'not a date' is not in the "
                     "column's form ISO 8601 (YYYY-MM-DD HH:MM:SS)\"\r\n"));
        QVERIFY_THROWS_EXCEPTION(store::StoreError, rejectedRowsOf(workspace->db(), 999));
    }

    void cancellingRollsBack() {
        auto workspace = freshWorkspace();
        run(*workspace, dataFile(QStringLiteral("delimiter-comma.csv")));
        const Snapshot before = snapshot(*workspace);
        std::atomic<bool> cancel{false};
        ImportOptions options;
        options.cancel = &cancel;
        // Raised once the first block is read: the import has begun writing.
        options.progress = [&cancel](std::int64_t, std::int64_t) {
            cancel = true;
        };
        QByteArray content = "ticket_id,created_at\n";
        for (int i = 0; i < 60000; ++i) {
            content += "N-" + QByteArray::number(i) + ",2026-03-02 09:15\n";
        }
        QVERIFY_THROWS_EXCEPTION(ImportCancelled,
                                 run(*workspace, writeFile(content), ImportKind::Tickets, options));
        QVERIFY(snapshot(*workspace) == before);
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"

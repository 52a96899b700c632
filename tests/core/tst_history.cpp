// History exports: tickets and escalation events derived from one row per
// change, in two real-world shapes — a ServiceNow incident log (day-first
// dates, rows out of order, a repeated row) and a support-level event log
// (semicolons, ISO times with offsets, "Wait - User" as a waiting status).
// Expected instants were worked out with Python's datetime.

#include "import/HistoryImporter.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::import;
using escdesk::store::Statement;
using escdesk::store::Workspace;

namespace {

QString historyFile(const char* name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/history/") + QLatin1String(name);
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_workspaces = 0;

    std::unique_ptr<Workspace> freshWorkspace() {
        return std::make_unique<Workspace>(
            m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_workspaces)));
    }

    static ImportResult importLog(Workspace& workspace, const char* csv, const char* map) {
        const HistoryMapping mapping = readHistoryMappingFile(historyFile(map));
        return importHistoryCsv(workspace.db(), historyFile(csv), mapping, ImportOptions{});
    }

    static QString ticket(Workspace& workspace, const char* id) {
        Statement row = workspace.db().prepare(
            "SELECT created_at, ifnull(resolved_at, 'NULL'), ifnull(closed_at, 'NULL'), status, "
            "priority, group_name, tier, escalated, ifnull(escalated_at, 'NULL') FROM tickets "
            "WHERE ticket_id = ?");
        row.bind(1, QString::fromLatin1(id));
        if (!row.step()) {
            return QStringLiteral("<no ticket>");
        }
        QStringList cells;
        for (int c = 0; c < 9; ++c) {
            cells << row.text(c);
        }
        return cells.join(QLatin1Char('|'));
    }

    // "event@time from>to note" for each event of a ticket in time order.
    static QStringList events(Workspace& workspace, const char* id) {
        Statement rows = workspace.db().prepare(
            "SELECT e.event, e.occurred_at, ifnull(e.from_tier, '-'), ifnull(e.to_tier, '-'), "
            "ifnull(e.note, '') FROM ticket_events e JOIN tickets t ON t.id = e.ticket "
            "WHERE t.ticket_id = ? ORDER BY e.occurred_at, e.id");
        rows.bind(1, QString::fromLatin1(id));
        QStringList list;
        while (rows.step()) {
            list << QStringLiteral("%1@%2 %3>%4 %5")
                        .arg(rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4))
                        .trimmed();
        }
        return list;
    }

private slots:
    void derivesTicketsAndEventsFromAServiceNowIncidentLog() {
        auto workspace = freshWorkspace();
        const ImportResult result =
            importLog(*workspace, "servicenow-incident-log.csv", "servicenow-incident-log.json");
        QCOMPARE(result.rows, 14);
        QCOMPARE(result.rejected, 0);
        // 2 tickets + 5 events of INC0000045 + 7 of INC0000046
        QCOMPARE(result.inserted, 14);
        // INC0000045: first row 2/3/2026 09:00 = 1772442000; resolved 3/3 09:00 = 1772528400
        // (Closed keeps it resolved); closed 13/3 09:00 = 1773392400; last values: Closed,
        // 2 - High → High, Network, L2 → 2; escalated at 2/3 10:00 = 1772445600.
        QCOMPARE(ticket(*workspace, "INC0000045"),
                 QStringLiteral("1772442000|1772528400|1773392400|Closed|High|Network|2|1|"
                                "1772445600"));
        QCOMPARE(
            events(*workspace, "INC0000045"),
            (QStringList{"escalated@1772445600 1>2", "reassigned@1772445600 ->- Network",
                         "paused@1772449200 ->- Awaiting User Info",
                         "resumed@1772524800 ->- Active", "resolved@1772528400 ->- Resolved"}));
        // INC0000046: up to L2 and Database at 15:00, back to L1 and the Service Desk at
        // 16:00, resolved 5/3 10:00, reopened 6/3 10:00, resolved again 7/3 10:00 =
        // 1772877600, which is its resolved_at.
        QCOMPARE(ticket(*workspace, "INC0000046"),
                 QStringLiteral("1772632800|1772877600|NULL|Resolved|Low|Service Desk|1|1|"
                                "1772636400"));
        QCOMPARE(events(*workspace, "INC0000046"),
                 (QStringList{"escalated@1772636400 1>2", "reassigned@1772636400 ->- Database",
                              "bounced@1772640000 2>1", "reassigned@1772640000 ->- Service Desk",
                              "resolved@1772704800 ->- Resolved", "reopened@1772791200 ->- Active",
                              "resolved@1772877600 ->- Resolved"}));
        QCOMPARE(workspace->db().queryInt64(
                     "SELECT count(*) FROM import_batches WHERE kind = 'history' AND preset = "
                     "'ServiceNow incident log'"),
                 1);
    }

    void derivesFromASupportLevelEventLog() {
        auto workspace = freshWorkspace();
        const ImportResult result =
            importLog(*workspace, "support-level-event-log.csv", "support-level-event-log.json");
        QCOMPARE(result.rows, 9);
        QCOMPARE(result.rejected, 1);
        QCOMPARE(result.inserted, 2 + 5);
        // 09:00+01:00 = 08:00Z = 1772438400; resolved 03-03 09:00+01:00 = 1772524800;
        // closed 18:00+01:00 = 1772557200; 1st → 3rd level at 13:00+01:00 = 1772452800.
        QCOMPARE(ticket(*workspace, "1-364285768"),
                 QStringLiteral("1772438400|1772524800|1772557200|Closed|Medium|V5 3rd|3|1|"
                                "1772452800"));
        QCOMPARE(
            events(*workspace, "1-364285768"),
            (QStringList{"paused@1772443800 ->- Wait - User", "resumed@1772449200 ->- In Progress",
                         "escalated@1772452800 1>3", "reassigned@1772452800 ->- V5 3rd",
                         "resolved@1772524800 ->- Resolved"}));
        // Two identical rows make one ticket without events; 08:15+01:00 = 1772608500.
        QCOMPARE(ticket(*workspace, "1-109135791"),
                 QStringLiteral("1772608500|NULL|NULL|In Progress|High|G230 2nd|2|0|NULL"));
        QVERIFY(events(*workspace, "1-109135791").isEmpty());
        Statement rejected = workspace->db().prepare(
            "SELECT line, column_name, value FROM rejected_rows WHERE batch = ?");
        rejected.bind(1, result.batch);
        QVERIFY(rejected.step());
        QCOMPARE(rejected.int64(0), 10);
        QCOMPARE(rejected.text(1), QStringLiteral("time"));
        QCOMPARE(rejected.text(2), QStringLiteral("not a time"));
    }

    void reimportingAHistoryChangesNothing() {
        auto workspace = freshWorkspace();
        importLog(*workspace, "servicenow-incident-log.csv", "servicenow-incident-log.json");
        const QStringList before = events(*workspace, "INC0000046");
        const QString ticketBefore = ticket(*workspace, "INC0000046");
        const ImportResult again =
            importLog(*workspace, "servicenow-incident-log.csv", "servicenow-incident-log.json");
        QCOMPARE(again.unchanged, 14);
        QCOMPARE(again.inserted + again.updated, 0);
        QCOMPARE(events(*workspace, "INC0000046"), before);
        QCOMPARE(ticket(*workspace, "INC0000046"), ticketBefore);
    }

    void aMappingMustNameCaseAndTime() {
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"kind": "history", "case": "number", "status": "state"})");
        file.close();
        try {
            readHistoryMappingFile(path);
            QFAIL("a history mapping without a time column must be refused");
        } catch (const MappingError& error) {
            QVERIFY2(error.message().contains(QLatin1String("\"case\" and \"time\"")),
                     qPrintable(error.message()));
        }
    }

    void aMissingMappedColumnRefusesTheFile() {
        auto workspace = freshWorkspace();
        try {
            importLog(*workspace, "support-level-event-log.csv", "servicenow-incident-log.json");
            QFAIL("the support-level log has no 'number' column");
        } catch (const ImportRefused& refused) {
            QVERIFY2(refused.message().contains(QLatin1String("'number'")),
                     qPrintable(refused.message()));
        }
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM import_batches"), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"

// History exports: tickets and escalation events derived from one row per
// change, in two real-world shapes — a ServiceNow incident log (day-first
// dates, rows out of order, a repeated row) and a support-level event log
// (semicolons, ISO times with offsets, "Wait - User" as a waiting status) —
// and, with null tokens and the other ticket fields mapped, a ServiceNow
// incident audit log in the 36 columns of the public ServiceNow event log
// ("?" for every empty value) and a process-mining style log with support
// levels. Expected instants were worked out with Python's datetime.

#include "import/HistoryImporter.h"
#include "import/RejectedRows.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

    // root_cause|product_area|reason_code|channel|assignee of a ticket.
    static QString otherFields(Workspace& workspace, const char* id) {
        Statement row = workspace.db().prepare(
            "SELECT ifnull(root_cause, 'NULL'), ifnull(product_area, 'NULL'), "
            "ifnull(reason_code, 'NULL'), ifnull(channel, 'NULL'), ifnull(assignee, 'NULL') "
            "FROM tickets WHERE ticket_id = ?");
        row.bind(1, QString::fromLatin1(id));
        if (!row.step()) {
            return QStringLiteral("<no ticket>");
        }
        QStringList cells;
        for (int c = 0; c < 5; ++c) {
            cells << row.text(c);
        }
        return cells.join(QLatin1Char('|'));
    }

    static std::int64_t eventCount(Workspace& workspace, const char* kind) {
        Statement count =
            workspace.db().prepare("SELECT count(*) FROM ticket_events WHERE event = ?");
        count.bind(1, QString::fromLatin1(kind));
        count.step();
        return count.int64(0);
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

    // An unreadable support level or priority costs that value only: the
    // row's other changes (here a waiting status) are kept, with a warning.
    void anUnreadableLevelOrPriorityIsAWarningNotALostChange() {
        const QString csv = m_dir.filePath(QStringLiteral("levels.csv"));
        const QString map = m_dir.filePath(QStringLiteral("levels.json"));
        QFile data(csv);
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write("case,time,level,priority,status\n"
                   "C-1,2026-03-02 09:00,L1,Major,Active\n"
                   "C-1,2026-03-02 10:00,L2,High,Active\n"
                   "C-1,2026-03-02 11:00,Tier X,High,Awaiting Customer\n"
                   "C-1,2026-03-02 12:00,L2,High,Active\n"
                   "C-1,2026-03-02 13:00,L2,High,Resolved\n");
        data.close();
        QFile mapping(map);
        QVERIFY(mapping.open(QIODevice::WriteOnly));
        mapping.write(R"({"name": "levels", "kind": "history", "case": "case", "time": "time",
                          "status": "status", "priority": "priority",
                          "tier": {"column": "level", "values": {"L1": "1", "L2": "2"}},
                          "waiting_statuses": ["Awaiting Customer"],
                          "resolved_statuses": ["Resolved"]})");
        mapping.close();
        auto workspace = freshWorkspace();
        const ImportResult result =
            importHistoryCsv(workspace->db(), csv, readHistoryMappingFile(map), ImportOptions{});
        QCOMPARE(result.rows, 5);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.warnings, 2);
        // 2026-03-02 00:00 UTC = 1772409600: 09:00 = 1772442000, 10:00 = 1772445600,
        // 11:00 = 1772449200, 12:00 = 1772452800, 13:00 = 1772456400. The 11:00 row
        // says nothing about the level, so the ticket stays at tier 2 (no bounce);
        // its waiting status still pauses the ticket until 12:00.
        QCOMPARE(
            events(*workspace, "C-1"),
            (QStringList{"escalated@1772445600 1>2", "paused@1772449200 ->- Awaiting Customer",
                         "resumed@1772452800 ->- Active", "resolved@1772456400 ->- Resolved"}));
        QCOMPARE(ticket(*workspace, "C-1"),
                 QStringLiteral("1772442000|1772456400|NULL|Resolved|High||2|1|1772445600"));
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].line, 2);
        QVERIFY(rows[0].warning);
        QCOMPARE(rows[0].column, QStringLiteral("priority"));
        QCOMPARE(rows[0].value, QStringLiteral("Major"));
        QCOMPARE(rows[1].line, 4);
        QVERIFY(rows[1].warning);
        QCOMPARE(rows[1].column, QStringLiteral("tier"));
        QCOMPARE(rows[1].value, QStringLiteral("Tier X"));
        QCOMPARE(workspace->db().queryInt64("SELECT warnings FROM import_batches WHERE id = 1"), 2);
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
            // The mapping's line 4 is `  "case": "number",`: its value in column 11.
            QCOMPARE(refused.message(),
                     historyFile("servicenow-incident-log.json") +
                         QStringLiteral(": line 4, column 11: the column \"number\" (case) is "
                                        "not in the header row of support-level-event-log.csv "
                                        "(line 1); did you mean \"SR Number\"?"));
        }
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM import_batches"), 0);
    }

    void nullTokensEndFalseReassignmentsInAServiceNowAuditLog() {
        // Reassignments counted apart from the program, with awk over the CSV
        // (rows sorted by case, time and line; a change of assignment_group
        // between one row's value and the previous one's): with "?" read as
        // no value, 4 (INC0000101: 1, INC0000102: 1, INC0000104: 2); with "?"
        // read as a group, 10 (3, 3, 0 and 4).
        auto workspace = freshWorkspace();
        const ImportResult result = importLog(*workspace, "servicenow-incident-audit.csv",
                                              "servicenow-incident-audit.json");
        QCOMPARE(result.rows, 24);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.inserted, 4 + 4 + 4 + 1 + 3); // tickets, then each one's events
        QCOMPARE(eventCount(*workspace, "reassigned"), 4);
        // INC0000101: no group at 08:00, Group 70 at 08:05, none at 09:10, Group 24
        // at 09:40 (1/3 09:40 = 1772358000): one reassignment. The last closed_code,
        // "code 6", maps to "User error"; the category, subcategory and channel
        // are the same on every row; assigned_to last "Resolver 31".
        QCOMPARE(ticket(*workspace, "INC0000101"),
                 QStringLiteral("1772352000|1772551800|1772985600|Closed|Medium|Group 24|||NULL"));
        QCOMPARE(
            events(*workspace, "INC0000101"),
            (QStringList{"reassigned@1772358000 ->- Group 24",
                         "paused@1772445600 ->- Awaiting User Info",
                         "resumed@1772535600 ->- Active", "resolved@1772551800 ->- Resolved"}));
        QCOMPARE(otherFields(*workspace, "INC0000101"),
                 QStringLiteral("User error|Category 26|Subcategory 174|Phone|Resolver 31"));
        // INC0000102: reopened on 5/3 10:00 without a group, Group 56 at 11:00; of
        // its two close codes the later, "code 7", maps to "Configuration".
        QCOMPARE(ticket(*workspace, "INC0000102"),
                 QStringLiteral("1772456400|1772798400|NULL|Resolved|High|Group 56|||NULL"));
        QCOMPARE(events(*workspace, "INC0000102"),
                 (QStringList{"resolved@1772614800 ->- Resolved", "reopened@1772704800 ->- Active",
                              "reassigned@1772708400 ->- Group 56",
                              "resolved@1772798400 ->- Resolved"}));
        QCOMPARE(otherFields(*workspace, "INC0000102"),
                 QStringLiteral("Configuration|Category 9|Subcategory 97|Email|Resolver 40"));
        // INC0000103 never had a group or an assignee; "code 5" is not in the map.
        QCOMPARE(ticket(*workspace, "INC0000103"),
                 QStringLiteral("1772783100|1772785800|1773217800|Closed|Low||||NULL"));
        QCOMPARE(otherFields(*workspace, "INC0000103"),
                 QStringLiteral("code 5|Category 53|Subcategory 3|Self service|NULL"));
        // INC0000104 (its 10:30 and 11:00 rows in the wrong order in the file):
        // Group 70 at 10:30, Group 56 at 11:00, none on 10/3 09:00, Group 56 again
        // at 09:30 — two reassignments. Its category is "?" after the first row:
        // the latest value is Category 40.
        QCOMPARE(
            events(*workspace, "INC0000104"),
            (QStringList{"reassigned@1773052200 ->- Group 70", "reassigned@1773054000 ->- Group 56",
                         "resolved@1773410400 ->- Resolved"}));
        QCOMPARE(otherFields(*workspace, "INC0000104"),
                 QStringLiteral("Software defect|Category 40|Subcategory 215|Email|Resolver 40"));

        // The same mapping without "nulls": "?" is a group, a category, an assignee.
        QFile file(historyFile("servicenow-incident-audit.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(json.contains(QStringLiteral("nulls")));
        json.remove(QStringLiteral("nulls"));
        const QString withoutNulls = m_dir.filePath(QStringLiteral("without-nulls.json"));
        QFile out(withoutNulls);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
        out.close();
        auto other = freshWorkspace();
        importHistoryCsv(other->db(), historyFile("servicenow-incident-audit.csv"),
                         readHistoryMappingFile(withoutNulls), ImportOptions{});
        QCOMPARE(eventCount(*other, "reassigned"), 10);
        QCOMPARE(ticket(*other, "INC0000103"),
                 QStringLiteral("1772783100|1772785800|1773217800|Closed|Low|?|||NULL"));
        QCOMPARE(otherFields(*other, "INC0000104"),
                 QStringLiteral("Software defect|?|Subcategory 215|Email|Resolver 40"));
    }

    void derivesFromAProcessMiningLogWithSupportLevels() {
        // Per-field nulls replace the mapping's: "-" is no support level, "(none)"
        // no product, "N/A" (the mapping's) no resource and no impact.
        auto workspace = freshWorkspace();
        const ImportResult result = importLog(*workspace, "process-mining-support-levels.csv",
                                              "process-mining-support-levels.json");
        QCOMPARE(result.rows, 12);
        QCOMPARE(result.rejected, 0); // "-" would not be a support level
        QCOMPARE(result.inserted, 2 + 5 + 5);
        // 1-500: 09:00+01:00 = 1772438400; waits 11:00-13:00 (+01:00); the 13:00 row
        // has no level ("-"), so 1st line holds until G230 2nd at 14:00+01:00 =
        // 1772456400; resolved 3/3 10:00+01:00 = 1772528400, closed 18:00+01:00 =
        // 1772557200. The last rows' "(none)" and "N/A" leave PROD582 and Anne Claire.
        QCOMPARE(ticket(*workspace, "1-500"),
                 QStringLiteral("1772438400|1772528400|1772557200|Closed|Medium|G230 2nd|2|1|"
                                "1772456400"));
        QCOMPARE(
            events(*workspace, "1-500"),
            (QStringList{"paused@1772445600 ->- Wait - User", "resumed@1772452800 ->- In Progress",
                         "escalated@1772456400 1>2", "reassigned@1772456400 ->- G230 2nd",
                         "resolved@1772528400 ->- Resolved"}));
        QCOMPARE(otherFields(*workspace, "1-500"),
                 QStringLiteral("NULL|PROD582|NULL|NULL|Anne Claire"));
        // 1-501: 1st line at 08:00+01:00 = 1772607600, 3rd at 08:45 = 1772610300,
        // back to 2nd at 16:00 = 1772636400, resolved 5/3 09:00 = 1772697600; its
        // impact is N/A on the last two rows: High stays.
        QCOMPARE(ticket(*workspace, "1-501"),
                 QStringLiteral("1772607600|1772697600|NULL|Resolved|High|G230 2nd|2|1|"
                                "1772610300"));
        QCOMPARE(events(*workspace, "1-501"),
                 (QStringList{"escalated@1772610300 1>3", "reassigned@1772610300 ->- V5 3rd",
                              "bounced@1772636400 3>2", "reassigned@1772636400 ->- G230 2nd",
                              "resolved@1772697600 ->- Resolved"}));
        QCOMPARE(otherFields(*workspace, "1-501"),
                 QStringLiteral("NULL|PROD97|NULL|NULL|Anne Claire"));
        // Re-imported, nothing changes.
        const ImportResult again = importLog(*workspace, "process-mining-support-levels.csv",
                                             "process-mining-support-levels.json");
        QCOMPARE(again.unchanged, 12);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"

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

// The mapping files of real public logs the project ships (examples/mappings).
QString exampleMapping(const char* name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/../../examples/mappings/") + QLatin1String(name);
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

    // The `columns` (an SQL select list of `count`) of a ticket, joined by '|'.
    static QString joinedColumns(Workspace& workspace, const char* id, const char* columns,
                                 int count) {
        std::string sql = "SELECT ";
        sql += columns;
        sql += " FROM tickets WHERE ticket_id = ?";
        Statement row = workspace.db().prepare(sql);
        row.bind(1, QString::fromLatin1(id));
        if (!row.step()) {
            return QStringLiteral("<no ticket>");
        }
        QStringList cells;
        for (int c = 0; c < count; ++c) {
            cells << row.text(c);
        }
        return cells.join(QLatin1Char('|'));
    }

    static QString ticket(Workspace& workspace, const char* id) {
        return joinedColumns(workspace, id,
                             "created_at, ifnull(resolved_at, 'NULL'), ifnull(closed_at, 'NULL'), "
                             "status, priority, group_name, tier, escalated, "
                             "ifnull(escalated_at, 'NULL')",
                             9);
    }

    // root_cause|product_area|reason_code|channel|assignee of a ticket.
    static QString otherFields(Workspace& workspace, const char* id) {
        return joinedColumns(workspace, id,
                             "ifnull(root_cause, 'NULL'), ifnull(product_area, 'NULL'), "
                             "ifnull(reason_code, 'NULL'), ifnull(channel, 'NULL'), "
                             "ifnull(assignee, 'NULL')",
                             5);
    }

    static QString attributes(Workspace& workspace, const char* id) {
        return field(workspace, id, "attributes");
    }

    // created_at|tier|escalated|escalated_at|start_tier of a ticket.
    static QString levels(Workspace& workspace, const char* id) {
        return joinedColumns(workspace, id,
                             "created_at, ifnull(tier, 'NULL'), ifnull(escalated, 'NULL'), "
                             "ifnull(escalated_at, 'NULL'), ifnull(start_tier, 'NULL')",
                             5);
    }

    static QString field(Workspace& workspace, const char* id, const char* column) {
        Statement row = workspace.db().prepare(std::string("SELECT ifnull(") + column +
                                               ", 'NULL') FROM tickets WHERE ticket_id = ?");
        row.bind(1, QString::fromLatin1(id));
        return row.step() ? row.text(0) : QStringLiteral("<no ticket>");
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

    // 41 rows of 5 cases of the BPI Challenge 2013 incident log (Volvo IT),
    // in the layout of its release (README.md beside the data), read with
    // the mapping shipped in examples/mappings. Every value below was read
    // off the CSV by hand; instants with Python's datetime.
    void readsSupportLevelsFromTeamNamesAndKeepsWhatWasKnownAtCreation() {
        auto workspace = freshWorkspace();
        const HistoryMapping mapping =
            readHistoryMappingFile(exampleMapping("bpic2013-incidents.json"));
        const ImportResult result =
            importHistoryCsv(workspace->db(), historyFile("bpic2013-incidents-excerpt.csv"),
                             mapping, ImportOptions{});
        QCOMPARE(result.rows, 41);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.warnings, 0); // every team name reads as a level: "." catches the rest
        // The level is the suffix of "Involved ST": "G356 2nd" 2, "L64 3rd" 3, "T19" 1.
        // 1-605313141: T19 at 13:45:04+01:00, G356 2nd at 13:49:29 (escalated); the
        // Function Div is blank on its first row, "Other" its first Org line 3 (later
        // Org line A2), Sweden its first owner country (later Brazil, Sweden, 0).
        QCOMPARE(levels(*workspace, "1-605313141"),
                 QStringLiteral("1321015504|2|1|1321015769|NULL"));
        QCOMPARE(attributes(*workspace, "1-605313141"),
                 QStringLiteral(R"({"Country":"se","Involved Org line 3":"Other","Owner Country":)"
                                R"("Sweden","Product":"PROD562","SR Latest Impact":"Medium",)"
                                R"("first_group":"T19","first_tier":"1"})"));
        // 1-601328051 opens at the 2nd line (M1 2nd), moves to M5 2nd: no escalation.
        QCOMPARE(levels(*workspace, "1-601328051"), QStringLiteral("1320306755|2|0|NULL|2"));
        QCOMPARE(attributes(*workspace, "1-601328051"),
                 QStringLiteral(R"({"Country":"se","Involved Org line 3":"Org line G4",)"
                                R"("Owner Country":"Sweden","Product":"PROD345",)"
                                R"("SR Latest Impact":"Medium","first_group":"M1 2nd",)"
                                R"("first_tier":"2"})"));
        QCOMPARE(field(*workspace, "1-601328051", "group_name"), QStringLiteral("M5 2nd"));
        // 1-702586831: P1, up to L64 3rd at 15:56:55+01:00, back to P1 on 11 April.
        QCOMPARE(levels(*workspace, "1-702586831"),
                 QStringLiteral("1332773350|1|1|1332773815|NULL"));
        QCOMPARE(
            attributes(*workspace, "1-702586831"),
            QStringLiteral(R"({"Country":"fr","Involved Org line 3":"Org line V10",)"
                           R"("Owner Country":"France","Product":"PROD612",)"
                           R"("SR Latest Impact":"Low","first_group":"P1","first_tier":"1"})"));
        // 1-715677131 opens at the 3rd line (G120 3rd), goes down to G121 2nd, up again
        // on 30 April 09:39:13+01:00 (its escalation), down again on 14 May.
        QCOMPARE(levels(*workspace, "1-715677131"), QStringLiteral("1334058869|2|1|1335775153|3"));
        QCOMPARE(attributes(*workspace, "1-715677131"),
                 QStringLiteral(R"({"Country":"us","Involved Org line 3":"Org line C",)"
                                R"("Involved ST Function Div":"C_5","Owner Country":"Belgium",)"
                                R"("Product":"PROD618","SR Latest Impact":"Medium",)"
                                R"("first_group":"G120 3rd","first_tier":"3"})"));
        // 1-737310408 stays at the 1st line; its first owner country is "0", a null
        // token of that entry only.
        QCOMPARE(levels(*workspace, "1-737310408"), QStringLiteral("1335849484|1|0|NULL|NULL"));
        QCOMPARE(attributes(*workspace, "1-737310408"),
                 QStringLiteral(R"({"Country":"se","Involved Org line 3":"Other",)"
                                R"("Product":"PROD383","SR Latest Impact":"Medium",)"
                                R"("first_group":"S56","first_tier":"1"})"));
        QCOMPARE(eventCount(*workspace, "escalated"), 3);
        QCOMPARE(eventCount(*workspace, "bounced"), 3);

        // Re-imported, nothing changes; with other attributes, every ticket is
        // updated and keeps only what the new mapping names.
        QCOMPARE(importHistoryCsv(workspace->db(), historyFile("bpic2013-incidents-excerpt.csv"),
                                  mapping, ImportOptions{})
                     .updated,
                 0);
        HistoryMapping fewer = mapping;
        fewer.attributes.resize(1); // SR Latest Impact
        const ImportResult again = importHistoryCsv(
            workspace->db(), historyFile("bpic2013-incidents-excerpt.csv"), fewer, ImportOptions{});
        QCOMPARE(again.updated, 5);
        QCOMPARE(attributes(*workspace, "1-715677131"),
                 QStringLiteral(R"({"SR Latest Impact":"Medium","first_group":"G120 3rd",)"
                                R"("first_tier":"3"})"));
    }

    // 21 rows of 3 incidents of the ServiceNow incident event log (UCI), as
    // the public log writes them, read with the mapping in examples/mappings.
    void keepsAServiceNowIncidentsValuesAtCreation() {
        auto workspace = freshWorkspace();
        const HistoryMapping mapping =
            readHistoryMappingFile(exampleMapping("servicenow-incident-event-log.json"));
        const ImportResult result = importHistoryCsv(
            workspace->db(), historyFile("servicenow-incident-event-log-excerpt.csv"), mapping,
            ImportOptions{});
        QCOMPARE(result.rows, 21);
        QCOMPARE(result.rejected, 0);
        // INC0000062 opens with impact 2 - Medium in Group 70; on its second row the
        // impact is 1 - High (priority 2 - High), on its third the group Group 23.
        QCOMPARE(attributes(*workspace, "INC0000062"),
                 QStringLiteral(R"({"category":"Category 53","contact_type":"Phone",)"
                                R"("first_group":"Group 70","impact":"2 - Medium",)"
                                R"("location":"Location 93","subcategory":"Subcategory 168",)"
                                R"("u_symptom":"Symptom 232","urgency":"2 - Medium"})"));
        QCOMPARE(field(*workspace, "INC0000062", "priority"), QStringLiteral("High"));
        QCOMPARE(field(*workspace, "INC0000062", "group_name"), QStringLiteral("Group 23"));
        // INC0000047 opens in Group 70 and moves to Group 24; no support levels: no
        // first_tier.
        QCOMPARE(attributes(*workspace, "INC0000047"),
                 QStringLiteral(R"({"category":"Category 40","contact_type":"Phone",)"
                                R"("first_group":"Group 70","impact":"2 - Medium",)"
                                R"("location":"Location 165","subcategory":"Subcategory 215",)"
                                R"("u_symptom":"Symptom 471","urgency":"2 - Medium"})"));
        QCOMPARE(attributes(*workspace, "INC0000045"),
                 QStringLiteral(R"({"category":"Category 55","contact_type":"Phone",)"
                                R"("first_group":"Group 56","impact":"2 - Medium",)"
                                R"("location":"Location 143","subcategory":"Subcategory 170",)"
                                R"("u_symptom":"Symptom 72","urgency":"2 - Medium"})"));
    }

    void anAttributeColumnTheExportLacksRefusesTheFile() {
        const QString map = m_dir.filePath(QStringLiteral("attributes.json"));
        QFile file(map);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n"
                   "  \"kind\": \"history\",\n"
                   "  \"case\": \"SR Number\",\n"
                   "  \"time\": \"Change Date+Time\",\n"
                   "  \"status\": \"Sub Status\",\n"
                   "  \"attributes\": [\"Product\", { \"column\": \"Owner Contry\" }]\n"
                   "}\n");
        file.close();
        auto workspace = freshWorkspace();
        try {
            importHistoryCsv(workspace->db(), historyFile("bpic2013-incidents-excerpt.csv"),
                             readHistoryMappingFile(map), ImportOptions{});
            QFAIL("imported without its attribute column");
        } catch (const ImportRefused& refused) {
            QCOMPARE(refused.message().replace(map, QStringLiteral("MAP")),
                     QStringLiteral("MAP: line 6, column 41: the column \"Owner Contry\" "
                                    "(attributes) is not in the header row of "
                                    "bpic2013-incidents-excerpt.csv (line 1); did you mean "
                                    "\"Owner Country\"?"));
        }
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM tickets"), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"

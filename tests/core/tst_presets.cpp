// Helpdesk presets and custom mappings: each vendor's export layout (real
// header names and date forms) lands in the canonical ticket columns, with
// value maps applied and unmapped columns kept as attributes. The files named
// *-export.csv and jira-*-dates.csv carry the exact header of a real export
// (tests/data/import/presets/README.md says where each comes from). Expected
// instants were worked out with Python's datetime and zoneinfo.

#include "import/ColumnMapping.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::import;
using escdesk::store::Statement;
using escdesk::store::Workspace;

namespace {

QString presetFile(const char* name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/presets/") + QLatin1String(name);
}

} // namespace

class TestPresets : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_workspaces = 0;

    std::unique_ptr<Workspace> freshWorkspace() {
        return std::make_unique<Workspace>(
            m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_workspaces)));
    }

    static ImportResult importWith(Workspace& workspace, const QString& file,
                                   const ColumnMapping& mapping,
                                   const QTimeZone& zone = QTimeZone::utc()) {
        ImportOptions options;
        options.kind = mapping.kind;
        options.mapping = &mapping;
        options.sourceZone = zone;
        return importCsv(workspace.db(), file, options);
    }

    // One column of one ticket as text ("NULL" when null).
    static QString field(Workspace& workspace, const QString& ticketId, const char* column) {
        Statement query = workspace.db().prepare(std::string("SELECT ifnull(") + column +
                                                 ", 'NULL') FROM tickets WHERE ticket_id = ?");
        query.bind(1, ticketId);
        return query.step() ? query.text(0) : QStringLiteral("<no ticket>");
    }

private slots:
    void zendesk() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("Zendesk"));
        const ImportResult result =
            importWith(*workspace, presetFile("zendesk-tickets.csv"), mapping);
        QCOMPARE(result.inserted, 4);
        QCOMPARE(result.rejected, 0);
        // Zendesk's Urgent/High/Normal/Low become Critical/High/Medium/Low.
        QCOMPARE(field(*workspace, "1001", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "1002", "priority"), QStringLiteral("Medium"));
        QCOMPARE(field(*workspace, "1003", "priority"), QStringLiteral("Low"));
        QCOMPARE(field(*workspace, "1004", "priority"), QStringLiteral("High"));
        // Created at 2026-11-02 09:15:07 = 1793610907; Solved at 13:40 = 1793626800
        QCOMPARE(field(*workspace, "1001", "created_at"), QStringLiteral("1793610907"));
        QCOMPARE(field(*workspace, "1001", "resolved_at"), QStringLiteral("1793626800"));
        QCOMPARE(field(*workspace, "1002", "resolved_at"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "1001", "channel"), QStringLiteral("Email"));
        QCOMPARE(field(*workspace, "1001", "account_id"), QStringLiteral("Acme GmbH"));
        QCOMPARE(field(*workspace, "1001", "group_name"), QStringLiteral("Tier 2"));
        QCOMPARE(field(*workspace, "1001", "tags"), QStringLiteral("billing refund vip"));
        QCOMPARE(field(*workspace, "1004", "subject"), QStringLiteral("Sync stalls\nafter update"));
        // Columns without a canonical field are kept, e.g. the reply time.
        QVERIFY(field(*workspace, "1001", "attributes")
                    .contains(QLatin1String("\"First reply time in minutes\":\"12\"")));
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM import_batches WHERE preset = "
                                            "'zendesk'"),
                 1);
    }

    void jiraServiceManagement() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("jira"));
        const ImportResult result =
            importWith(*workspace, presetFile("jira-service-management.csv"), mapping);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // 22/Nov/26 3:04 PM = 2026-11-22 15:04 = 1795359840; resolved 23/Nov/26 9:30 AM
        // = 1795426200; 1/Dec/26 11:59 PM = 1796169540; 3/Dec/26 12:05 AM = 00:05 = 1796256300
        QCOMPARE(field(*workspace, "HELP-101", "created_at"), QStringLiteral("1795359840"));
        QCOMPARE(field(*workspace, "HELP-101", "resolved_at"), QStringLiteral("1795426200"));
        QCOMPARE(field(*workspace, "HELP-102", "created_at"), QStringLiteral("1796169540"));
        QCOMPARE(field(*workspace, "HELP-103", "created_at"), QStringLiteral("1796256300"));
        QCOMPARE(field(*workspace, "HELP-101", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "HELP-102", "priority"), QStringLiteral("Low"));
        // Repeated Labels and Component/s columns are joined.
        QCOMPARE(field(*workspace, "HELP-101", "tags"), QStringLiteral("outage, vip"));
        QCOMPARE(field(*workspace, "HELP-101", "product_area"), QStringLiteral("Billing, API"));
        QCOMPARE(field(*workspace, "HELP-102", "product_area"), QStringLiteral("Accounts"));
        QCOMPARE(field(*workspace, "HELP-101", "subject"),
                 QStringLiteral("Payments down for EU customers"));
        QCOMPARE(field(*workspace, "HELP-101", "account_id"), QStringLiteral("Acme GmbH"));
        QCOMPARE(field(*workspace, "HELP-101", "resolution_type"), QStringLiteral("Done"));
    }

    void freshdesk() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("freshdesk"));
        const ImportResult result =
            importWith(*workspace, presetFile("freshdesk-tickets.csv"), mapping);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // 2026-11-02 09:15:07 = 1793610907, 09:45 = 1793612700, 12:00 = 1793620800,
        // closed 2026-11-03 12:00 = 1793707200
        QCOMPARE(field(*workspace, "5001", "created_at"), QStringLiteral("1793610907"));
        QCOMPARE(field(*workspace, "5001", "first_response_at"), QStringLiteral("1793612700"));
        QCOMPARE(field(*workspace, "5001", "resolved_at"), QStringLiteral("1793620800"));
        QCOMPARE(field(*workspace, "5001", "closed_at"), QStringLiteral("1793707200"));
        QCOMPARE(field(*workspace, "5001", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "5003", "priority"), QStringLiteral("Medium"));
        QCOMPARE(field(*workspace, "5002", "channel"), QStringLiteral("Portal"));
        QCOMPARE(field(*workspace, "5001", "assignee"), QStringLiteral("Mia Chen"));
        QCOMPARE(field(*workspace, "5001", "product_area"), QStringLiteral("Web App"));
        QCOMPARE(field(*workspace, "5001", "tags"), QStringLiteral("login,sso"));
    }

    void serviceNowInTheExportersZone() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("servicenow"));
        const ImportResult result = importWith(*workspace, presetFile("servicenow-incidents.csv"),
                                               mapping, QTimeZone("Europe/Berlin"));
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // Opened 2026-03-29 02:30 Berlin does not exist (clocks jump 02:00 → 03:00):
        // moved forward to 03:30 CEST = 01:30Z = 1774747800. Resolved 05:00 CEST = 03:00Z
        // = 1774753200.
        QCOMPARE(field(*workspace, "INC0010001", "created_at"), QStringLiteral("1774747800"));
        QCOMPARE(field(*workspace, "INC0010001", "resolved_at"), QStringLiteral("1774753200"));
        // 2026-10-25 02:30 Berlin happens twice; the first (CEST) = 00:30Z = 1792888200.
        QCOMPARE(field(*workspace, "INC0010002", "created_at"), QStringLiteral("1792888200"));
        // 2026-07-01 10:00 CEST = 08:00Z = 1782892800
        QCOMPARE(field(*workspace, "INC0010003", "created_at"), QStringLiteral("1782892800"));
        QCOMPARE(field(*workspace, "INC0010001", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "INC0010002", "priority"), QStringLiteral("Medium"));
        QCOMPARE(field(*workspace, "INC0010003", "priority"), QStringLiteral("Low"));
        QCOMPARE(field(*workspace, "INC0010001", "group_name"), QStringLiteral("Service Desk"));
        QCOMPARE(field(*workspace, "INC0010001", "resolution_type"),
                 QStringLiteral("Solved (Permanently)"));
        QCOMPARE(field(*workspace, "INC0010001", "channel"), QStringLiteral("Phone"));
        QVERIFY(field(*workspace, "INC0010001", "attributes")
                    .contains(QLatin1String("\"reassignment_count\":\"2\"")));
    }

    // Zendesk's CSV export (Admin Center > Account > Tools > Reports), with the
    // "Summation column" it starts with; times are in the account's zone.
    void zendeskSupportExport() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("zendesk"));
        const ImportResult result = importWith(*workspace, presetFile("zendesk-support-export.csv"),
                                               mapping, QTimeZone("America/New_York"));
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // 2026-03-07 22:30 EST (-05:00) = 03:30Z on 8 March = 1772940600. Solved
        // 2026-03-08 03:30 EDT (-04:00: clocks went from 02:00 to 03:00 that
        // night) = 07:30Z = 1772955000, four hours later, not five.
        QCOMPARE(field(*workspace, "2101", "created_at"), QStringLiteral("1772940600"));
        QCOMPARE(field(*workspace, "2101", "resolved_at"), QStringLiteral("1772955000"));
        // 2026-03-09 09:05:12 EDT = 13:05:12Z = 1773061512
        QCOMPARE(field(*workspace, "2102", "created_at"), QStringLiteral("1773061512"));
        // 2026-11-01 01:30 happens twice in New York; the first, EDT, = 05:30Z = 1793511000
        QCOMPARE(field(*workspace, "2103", "created_at"), QStringLiteral("1793511000"));
        QCOMPARE(field(*workspace, "2101", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "2102", "priority"), QStringLiteral("Medium"));
        // A ticket without a priority has none.
        QCOMPARE(field(*workspace, "2103", "priority"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "2103", "channel"), QStringLiteral("Web Widget"));
        QCOMPARE(field(*workspace, "2101", "group_name"), QStringLiteral("Tier 2"));
        QCOMPARE(field(*workspace, "2101", "reason_code"), QStringLiteral("Incident"));
        QCOMPARE(field(*workspace, "2102", "account_id"), QStringLiteral("Contoso"));
        QVERIFY(field(*workspace, "2101", "attributes")
                    .contains(QLatin1String("\"Summation column\":\"1\"")));
    }

    // Jira Cloud's export header; dates in Jira's default dd/MMM/yy h:mm a,
    // Cloud's priorities Highest..Lowest.
    void jiraCloudExport() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("jira"));
        const ImportResult result =
            importWith(*workspace, presetFile("jira-cloud-export.csv"), mapping);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // 09/Oct/25 1:42 PM = 2025-10-09 13:42Z = 1760017320; resolved 10/Oct/25
        // 9:05 AM = 1760087100; 24/Jun/26 5:39 PM = 1782322740; 05/Jun/26 11:20 PM
        // = 1780701600
        QCOMPARE(field(*workspace, "SUP-41", "created_at"), QStringLiteral("1760017320"));
        QCOMPARE(field(*workspace, "SUP-41", "resolved_at"), QStringLiteral("1760087100"));
        QCOMPARE(field(*workspace, "SUP-42", "created_at"), QStringLiteral("1782322740"));
        QCOMPARE(field(*workspace, "SUP-43", "created_at"), QStringLiteral("1780701600"));
        QCOMPARE(field(*workspace, "SUP-42", "resolved_at"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "SUP-41", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "SUP-42", "priority"), QStringLiteral("Medium"));
        QCOMPARE(field(*workspace, "SUP-43", "priority"), QStringLiteral("Low"));
        QCOMPARE(field(*workspace, "SUP-41", "status"), QStringLiteral("Resolved"));
        QCOMPARE(field(*workspace, "SUP-41", "subject"),
                 QStringLiteral("Checkout returns 502 for EU cards"));
        QVERIFY(field(*workspace, "SUP-41", "attributes")
                    .contains(QLatin1String("\"Status Category\":\"Done\"")));
    }

    // Jira Server / Data Center: its export header, dates as
    // jira.atlassian.com writes them (dd/MMM/yyyy h:mm a), and the five
    // default priorities Blocker..Trivial, mapped by level as Cloud's
    // Highest..Lowest are.
    void jiraDataCenterExport() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("jira"));
        const ImportResult result =
            importWith(*workspace, presetFile("jira-datacenter-export.csv"), mapping);
        QCOMPARE(result.inserted, 5);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(field(*workspace, "OPS-1", "priority"), QStringLiteral("Critical")); // Blocker
        QCOMPARE(field(*workspace, "OPS-2", "priority"), QStringLiteral("High"));     // Critical
        QCOMPARE(field(*workspace, "OPS-3", "priority"), QStringLiteral("Medium"));   // Major
        QCOMPARE(field(*workspace, "OPS-4", "priority"), QStringLiteral("Low"));      // Minor
        QCOMPARE(field(*workspace, "OPS-5", "priority"), QStringLiteral("Low"));      // Trivial
        // 07/Aug/2026 12:54 PM = 1786107240, resolved 09/Aug/2026 8:15 AM = 1786263300;
        // 19/Jan/2025 12:00 AM is midnight = 1737244800; 25/Mar/2025 10:03 AM = 1742896980;
        // 02/Mar/2026 9:00 AM = 1772442000
        QCOMPARE(field(*workspace, "OPS-1", "created_at"), QStringLiteral("1786107240"));
        QCOMPARE(field(*workspace, "OPS-1", "resolved_at"), QStringLiteral("1786263300"));
        QCOMPARE(field(*workspace, "OPS-2", "created_at"), QStringLiteral("1737244800"));
        QCOMPARE(field(*workspace, "OPS-2", "resolved_at"), QStringLiteral("1742896980"));
        QCOMPARE(field(*workspace, "OPS-3", "created_at"), QStringLiteral("1772442000"));
        QCOMPARE(field(*workspace, "OPS-1", "product_area"), QStringLiteral("Database"));
        QCOMPARE(field(*workspace, "OPS-1", "tags"), QStringLiteral("outage"));
        QCOMPARE(field(*workspace, "OPS-1", "resolution_type"), QStringLiteral("Fixed"));
        QCOMPARE(field(*workspace, "OPS-1", "assignee"), QStringLiteral("Priya Natarajan"));
    }

    // A Jira instance set to yyyy-MM-dd HH:mm: every row used to be rejected.
    void jiraInstanceSetToIsoDates() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("jira"));
        const ImportResult result =
            importWith(*workspace, presetFile("jira-iso-dates.csv"), mapping);
        QCOMPARE(result.inserted, 5);
        QCOMPARE(result.rejected, 0);
        // 2025-10-09 13:42 = 1760017320, the instant Jira's default form writes as
        // 09/Oct/25 1:42 PM; resolved 2025-10-10 08:05 = 1760083500
        QCOMPARE(field(*workspace, "OPS-1", "created_at"), QStringLiteral("1760017320"));
        QCOMPARE(field(*workspace, "OPS-1", "resolved_at"), QStringLiteral("1760083500"));
        // 2025-10-11 23:59 = 1760227140, resolved two minutes later, after midnight
        QCOMPARE(field(*workspace, "OPS-2", "created_at"), QStringLiteral("1760227140"));
        QCOMPARE(field(*workspace, "OPS-2", "resolved_at"), QStringLiteral("1760227260"));
        // 2025-11-04 11:15 = 1762254900
        QCOMPARE(field(*workspace, "OPS-5", "created_at"), QStringLiteral("1762254900"));
        QCOMPARE(field(*workspace, "OPS-3", "priority"), QStringLiteral("Medium"));
    }

    // A Jira instance set to dd-MM-yyyy HH:mm: dash dates, their order told by
    // the values as for slash dates (14-03 in Created; 13-03 and 25-03 in
    // Resolved), each column on its own.
    void jiraInstanceSetToDashDates() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("jira"));
        const ImportResult result =
            importWith(*workspace, presetFile("jira-dash-dates.csv"), mapping);
        QCOMPARE(result.inserted, 5);
        QCOMPARE(result.rejected, 0);
        // 05-03-2024 14:22 is 5 March 2024 = 1709648520; resolved 13 March 09:00 = 1710320400
        QCOMPARE(field(*workspace, "OPS-1", "created_at"), QStringLiteral("1709648520"));
        QCOMPARE(field(*workspace, "OPS-1", "resolved_at"), QStringLiteral("1710320400"));
        // 12-12-2024 14:42 = 1734014520; resolved 25-03-2025 10:03 = 1742896980
        QCOMPARE(field(*workspace, "OPS-2", "created_at"), QStringLiteral("1734014520"));
        QCOMPARE(field(*workspace, "OPS-2", "resolved_at"), QStringLiteral("1742896980"));
        // 02-03-2026 09:00 is 2 March (1772442000), not 3 February
        QCOMPARE(field(*workspace, "OPS-3", "created_at"), QStringLiteral("1772442000"));
        QCOMPARE(field(*workspace, "OPS-5", "created_at"), QStringLiteral("1773486900"));
    }

    // Dash dates that never show a day above 12 are refused, as slash dates
    // are, until the order is given.
    void dashDatesThatCannotTellNeedAnOrder() {
        const QString path = m_dir.filePath(QStringLiteral("dash-ambiguous.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ticket_id,created_at\nA-1,05-03-2024 14:22\nA-2,06-04-2024 09:00\n");
        file.close();
        ImportOptions options;
        options.kind = ImportKind::Tickets;
        auto refusing = freshWorkspace();
        try {
            importCsv(refusing->db(), path, options);
            QFAIL("05-03-2024 could be 5 March or 3 May");
        } catch (const ImportRefused& refused) {
            QVERIFY2(refused.message().contains(QLatin1String("could be day/month or month/day")),
                     qPrintable(refused.message()));
        }
        auto dayFirst = freshWorkspace();
        options.dateOrder = DateOrder::DayFirst;
        QCOMPARE(importCsv(dayFirst->db(), path, options).inserted, 2);
        // 5 March 2024 14:22 = 1709648520
        QCOMPARE(field(*dayFirst, "A-1", "created_at"), QStringLiteral("1709648520"));
        auto monthFirst = freshWorkspace();
        options.dateOrder = DateOrder::MonthFirst;
        QCOMPARE(importCsv(monthFirst->db(), path, options).inserted, 2);
        // 3 May 2024 14:22 = 1714746120
        QCOMPARE(field(*monthFirst, "A-1", "created_at"), QStringLiteral("1714746120"));
    }

    // ServiceNow's incident fields as headers (the public incident event
    // log's header), dates d/m/yyyy H:MM as that export has them.
    void serviceNowIncidentExport() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("servicenow"));
        const ImportResult result =
            importWith(*workspace, presetFile("servicenow-incident-export.csv"), mapping);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0);
        // Day first (29, 15, 14 and 19 can only be days): 29/2/2016 01:16 = 1456708560,
        // resolved 14/3/2016 16:45 = 1457973900, closed 19/3/2016 17:00 = 1458406800
        QCOMPARE(field(*workspace, "INC0010101", "created_at"), QStringLiteral("1456708560"));
        QCOMPARE(field(*workspace, "INC0010101", "resolved_at"), QStringLiteral("1457973900"));
        QCOMPARE(field(*workspace, "INC0010101", "closed_at"), QStringLiteral("1458406800"));
        // 1/3/2016 08:00 is 1 March (1456819200), not 3 January
        QCOMPARE(field(*workspace, "INC0010102", "created_at"), QStringLiteral("1456819200"));
        QCOMPARE(field(*workspace, "INC0010102", "resolved_at"), QStringLiteral("1456828200"));
        QCOMPARE(field(*workspace, "INC0010103", "created_at"), QStringLiteral("1458085200"));
        QCOMPARE(field(*workspace, "INC0010101", "priority"), QStringLiteral("Medium"));
        QCOMPARE(field(*workspace, "INC0010102", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "INC0010103", "priority"), QStringLiteral("Low"));
        QCOMPARE(field(*workspace, "INC0010101", "resolution_type"), QStringLiteral("code 5"));
        QCOMPARE(field(*workspace, "INC0010101", "group_name"), QStringLiteral("Network"));
        QCOMPARE(field(*workspace, "INC0010101", "product_area"), QStringLiteral("Network"));
        QCOMPARE(field(*workspace, "INC0010101", "reason_code"), QStringLiteral("VPN"));
        QCOMPARE(field(*workspace, "INC0010103", "channel"), QStringLiteral("Self service"));
    }

    void aCustomMappingFile() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = readMappingFile(presetFile("custom-mapping.json"));
        QCOMPARE(mapping.name, QStringLiteral("Helpdesk DE"));
        const ImportResult result =
            importWith(*workspace, presetFile("custom-export.csv"), mapping);
        QCOMPARE(result.dialect.delimiter, ';');
        QCOMPARE(result.dialect.encoding, TextEncoding::Windows1252);
        QCOMPARE(result.inserted, 2);
        // 02.11.2026 09:15 (day first, dotted) = 1793610900
        QCOMPARE(field(*workspace, "DE-1", "created_at"), QStringLiteral("1793610900"));
        QCOMPARE(field(*workspace, "DE-1", "priority"), QStringLiteral("Critical"));
        QCOMPARE(field(*workspace, "DE-2", "priority"), QStringLiteral("Low"));
        QCOMPARE(field(*workspace, "DE-1", "account_id"), QStringLiteral("M\u00fcller AG"));
        // Status has no mapping entry but matches the canonical name.
        QCOMPARE(field(*workspace, "DE-1", "status"), QStringLiteral("Gel\u00f6st"));
        // Re-importing with the same mapping changes nothing.
        QCOMPARE(importWith(*workspace, presetFile("custom-export.csv"), mapping).unchanged, 2);
    }

    void anExportOfAnotherVendorIsRefused() {
        auto workspace = freshWorkspace();
        const ColumnMapping mapping = *presetMapping(QStringLiteral("zendesk"));
        try {
            importWith(*workspace, presetFile("freshdesk-tickets.csv"), mapping);
            QFAIL("a Freshdesk export has no Zendesk 'Created at' column");
        } catch (const ImportRefused& refused) {
            // Freshdesk's "Ticket ID" reads as the canonical ticket_id, but
            // nothing gives created_at.
            QVERIFY2(refused.message().contains(QLatin1String(
                         "column created_at: the required column created_at ('Created at' in "
                         "zendesk) is missing")),
                     qPrintable(refused.message()));
        }
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM import_batches"), 0);
    }

    void badMappingFilesSayWhatIsWrong() {
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"kind": "tickets", "fields": {"created_at": {"column": "Opened", "format": "yyyy"}}})");
        file.close();
        try {
            readMappingFile(path);
            QFAIL("an unknown format must be refused");
        } catch (const MappingError& error) {
            // The value "yyyy" starts in column 77 of the one line.
            QCOMPARE(error.message(),
                     path + QStringLiteral(": line 1, column 77: \"format\" is \"yyyy\"; use iso, "
                                           "mdy, dmy, dotted, jira, epoch or epoch_ms"));
        }
        QVERIFY_THROWS_EXCEPTION(MappingError, readMappingFile(m_dir.filePath("missing.json")));
        QVERIFY(!presetMapping(QStringLiteral("salesforce")));
    }
};

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"

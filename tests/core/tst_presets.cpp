// Helpdesk presets and custom mappings: each vendor's export layout (real
// header names and date forms) lands in the canonical ticket columns, with
// value maps applied and unmapped columns kept as attributes. Expected
// instants were worked out with Python's datetime.

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
            QVERIFY2(error.message().contains(QLatin1String("format \"yyyy\"")),
                     qPrintable(error.message()));
        }
        QVERIFY_THROWS_EXCEPTION(MappingError, readMappingFile(m_dir.filePath("missing.json")));
        QVERIFY(!presetMapping(QStringLiteral("salesforce")));
    }
};

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"

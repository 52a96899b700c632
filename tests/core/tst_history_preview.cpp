// The preview of a history import (HistoryPreview.h): the tickets and
// events it derives from wizard-history.csv, worked out by hand from the
// rules in HistoryImporter.h, the same as the import then stores; a preview
// writes nothing; a history mapping file written and read back is the same
// mapping; the sample and the first guess at a mapping the editor starts
// from.

#include "import/HistoryImporter.h"
#include "import/HistoryPreview.h"
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

FieldSource entry(const char* field, const char* column) {
    FieldSource source;
    source.field = QLatin1String(field);
    source.columns << QLatin1String(column);
    return source;
}

// wizard-history.csv as the mapping editor would map it.
HistoryMapping wizardMapping() {
    HistoryMapping mapping;
    mapping.name = QStringLiteral("Wizard history");
    mapping.nulls = {QStringLiteral("?")};
    mapping.caseId = entry("case", "Case");
    mapping.time = entry("time", "Changed");
    mapping.status = entry("status", "State");
    mapping.tier = entry("tier", "Level");
    mapping.tier->values = {{"1st", "1"}, {"2nd", "2"}};
    mapping.group = entry("group", "Team");
    mapping.priority = entry("priority", "Urgency");
    mapping.ticketFields.push_back(entry("product_area", "Category"));
    mapping.waitingStatuses = {QStringLiteral("Waiting for customer")};
    mapping.resolvedStatuses = {QStringLiteral("Resolved")};
    mapping.closedStatuses = {QStringLiteral("Closed")};
    return mapping;
}

QString tier(const std::optional<int>& t) {
    return t ? QString::number(*t) : QStringLiteral("-");
}

// "time kind from→to note"
QString eventText(const HistoryPreviewEvent& e) {
    return QStringLiteral("%1 %2 %3→%4 %5")
        .arg(e.time, e.kind, tier(e.fromTier), tier(e.toTier), e.note)
        .trimmed();
}

QStringList eventTexts(const HistoryPreviewTicket& ticket) {
    QStringList texts;
    for (const HistoryPreviewEvent& e : ticket.events) {
        texts << eventText(e);
    }
    return texts;
}

// created|resolved|closed|start|tier|status|priority|group
QString ticketText(const HistoryPreviewTicket& t) {
    return QStringList{t.createdAt,  t.resolvedAt, t.closedAt, tier(t.startTier),
                       tier(t.tier), t.status,     t.priority, t.group}
        .join(QLatin1Char('|'));
}

// What the store holds, to see that a preview leaves it as it was.
QString storeContents(Workspace& workspace) {
    Statement row = workspace.db().prepare(
        "SELECT (SELECT count(*) FROM tickets) || '/' || (SELECT count(*) FROM ticket_events) || "
        "'/' || (SELECT count(*) FROM import_batches) || '/' || (SELECT count(*) FROM "
        "rejected_rows) || '/' || ifnull((SELECT group_concat(ticket_id || ':' || "
        "ifnull(status, '') || ':' || ifnull(tier, ''), ',') FROM tickets), '')");
    row.step();
    return row.text(0);
}

// The events the store holds for a ticket, as eventText() writes them (UTC).
QStringList storedEvents(Workspace& workspace, const char* ticketId) {
    Statement rows = workspace.db().prepare(
        "SELECT strftime('%Y-%m-%d %H:%M', e.occurred_at, 'unixepoch'), e.event, "
        "ifnull(e.from_tier, '-'), ifnull(e.to_tier, '-'), ifnull(e.note, '') FROM ticket_events e "
        "JOIN tickets t ON t.id = e.ticket WHERE t.ticket_id = ? ORDER BY e.occurred_at, e.id");
    rows.bind(1, QString::fromLatin1(ticketId));
    QStringList events;
    while (rows.step()) {
        events << QStringLiteral("%1 %2 %3→%4 %5")
                      .arg(rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4))
                      .trimmed();
    }
    return events;
}

void compareSources(const FieldSource& read, const FieldSource& written) {
    QCOMPARE(read.field, written.field);
    QCOMPARE(read.columns, written.columns);
    QCOMPARE(read.form, written.form);
    QCOMPARE(read.values, written.values);
    QCOMPARE(read.nulls, written.nulls);
    QCOMPARE(read.patterns.size(), written.patterns.size());
    for (std::size_t i = 0; i < read.patterns.size(); ++i) {
        QCOMPARE(read.patterns[i].match, written.patterns[i].match);
        QCOMPARE(read.patterns[i].value, written.patterns[i].value);
    }
}

void compareOptionalSources(const std::optional<FieldSource>& read,
                            const std::optional<FieldSource>& written) {
    QCOMPARE(read.has_value(), written.has_value());
    if (read) {
        compareSources(*read, *written);
    }
}

void compareMappings(const HistoryMapping& read, const HistoryMapping& written) {
    QCOMPARE(read.name, written.name);
    QCOMPARE(read.nulls, written.nulls);
    QCOMPARE(read.dateOrder, written.dateOrder);
    compareSources(read.caseId, written.caseId);
    compareSources(read.time, written.time);
    compareOptionalSources(read.status, written.status);
    compareOptionalSources(read.tier, written.tier);
    compareOptionalSources(read.group, written.group);
    compareOptionalSources(read.priority, written.priority);
    QCOMPARE(read.ticketFields.size(), written.ticketFields.size());
    for (std::size_t i = 0; i < read.ticketFields.size(); ++i) {
        compareSources(read.ticketFields[i], written.ticketFields[i]);
    }
    QCOMPARE(read.attributes.size(), written.attributes.size());
    for (std::size_t i = 0; i < read.attributes.size(); ++i) {
        compareSources(read.attributes[i], written.attributes[i]);
    }
    QCOMPARE(read.waitingStatuses, written.waitingStatuses);
    QCOMPARE(read.resolvedStatuses, written.resolvedStatuses);
    QCOMPARE(read.closedStatuses, written.closedStatuses);
}

} // namespace

class TestHistoryPreview : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_workspaces = 0;

    std::unique_ptr<Workspace> freshWorkspace() {
        return std::make_unique<Workspace>(
            m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_workspaces)));
    }

    static HistoryPreview preview(Workspace& workspace, const HistoryMapping& mapping,
                                  int maxCases = 50) {
        return previewHistoryCsv(workspace.db(), historyFile("wizard-history.csv"), mapping,
                                 ImportOptions{}, maxCases, QTimeZone::utc());
    }

private slots:
    void derivesTicketsAndEventsByHand() {
        auto workspace = freshWorkspace();
        const HistoryPreview p = preview(*workspace, wizardMapping());
        QCOMPARE(p.columns,
                 QStringList({"Case", "Changed", "State", "Level", "Team", "Urgency", "Category"}));
        QCOMPARE(p.headerLine, std::int64_t{1});
        QCOMPARE(p.rows, std::int64_t{10});
        QCOMPARE(p.cases, std::int64_t{3});
        QCOMPARE(p.tickets.size(), std::size_t{3});

        // C-1: 1st → 2nd (escalated, to Network) → waiting (paused) → 1st
        // (bounced, back to Service Desk, resumed) → Resolved. P2 is High;
        // the category's latest value is Invoices.
        const HistoryPreviewTicket& c1 = p.tickets[0];
        QCOMPARE(c1.ticketId, QStringLiteral("C-1"));
        QCOMPARE(ticketText(c1), QStringLiteral("2026-03-02 09:00|2026-03-03 09:00||1|1|Resolved|"
                                                "High|Service Desk"));
        QCOMPARE(eventTexts(c1), QStringList({"2026-03-02 10:00 escalated 1→2",
                                              "2026-03-02 10:00 reassigned -→- Network",
                                              "2026-03-02 12:00 paused -→- Waiting for customer",
                                              "2026-03-02 15:00 bounced 2→1",
                                              "2026-03-02 15:00 reassigned -→- Service Desk",
                                              "2026-03-02 15:00 resumed -→- In Progress",
                                              "2026-03-03 09:00 resolved -→- Resolved"}));
        QCOMPARE(c1.fields.size(), std::size_t{1});
        QCOMPARE(c1.fields[0].first, QStringLiteral("product_area"));
        QCOMPARE(c1.fields[0].second, QStringLiteral("Invoices"));
        QCOMPARE(c1.changes, std::int64_t{5});
        QVERIFY(!c1.inStore);

        // C-2 starts at the 2nd line and closes there: closed counts as
        // resolved, at the same time. P1 is Critical.
        const HistoryPreviewTicket& c2 = p.tickets[1];
        QCOMPARE(c2.ticketId, QStringLiteral("C-2"));
        QCOMPARE(ticketText(c2), QStringLiteral("2026-03-04 08:00|2026-03-04 11:30|2026-03-04 "
                                                "11:30|2|2|Closed|Critical|Network"));
        QCOMPARE(eventTexts(c2), QStringList({"2026-03-04 11:30 resolved -→- Closed"}));
        QVERIFY(c2.fields.empty());

        // C-3: "?" is a null token (no tier), "Level X" is no tier (a
        // warning, the change kept), line 11's time is unreadable (rejected).
        const HistoryPreviewTicket& c3 = p.tickets[2];
        QCOMPARE(ticketText(c3),
                 QStringLiteral("2026-03-05 10:00|||-|-|In Progress|Low|Service Desk"));
        QVERIFY(c3.events.empty());
        QCOMPARE(c3.changes, std::int64_t{2});

        QCOMPARE(p.problems.size(), std::size_t{2});
        QCOMPARE(p.problems[0].line, std::int64_t{10});
        QCOMPARE(p.problems[0].column, QStringLiteral("tier"));
        QCOMPARE(p.problems[0].value, QStringLiteral("Level X"));
        QVERIFY(p.problems[0].warning);
        QCOMPARE(p.problems[1].line, std::int64_t{11});
        QCOMPARE(p.problems[1].column, QStringLiteral("time"));
        QCOMPARE(p.problems[1].value, QStringLiteral("not a time"));
        QVERIFY(p.problems[1].reason.contains(QStringLiteral("is not a change time")));
        QVERIFY(!p.problems[1].warning);
        QCOMPARE(p.rejectedRows(), std::int64_t{1});
        QCOMPARE(p.warnings(), std::int64_t{1});
    }

    // What was known at creation (HistoryImporter.h): the attribute columns'
    // values on each case's first row, the first group and the first tier.
    void showsTheAttributesKeptAtCreation() {
        auto workspace = freshWorkspace();
        const auto attributesOf = [](const HistoryPreviewTicket& ticket) {
            QStringList pairs;
            for (const auto& [key, value] : ticket.attributes) {
                pairs << key + QLatin1Char('=') + value;
            }
            return pairs;
        };
        // Without "attributes": the first group and tier only. C-3's first
        // level is "?" (a null token), its second "Level X" (no tier): none.
        HistoryPreview p = preview(*workspace, wizardMapping());
        QCOMPARE(attributesOf(p.tickets[0]),
                 QStringList({"first_group=Service Desk", "first_tier=1"}));
        QCOMPARE(attributesOf(p.tickets[1]), QStringList({"first_group=Network", "first_tier=2"}));
        QCOMPARE(attributesOf(p.tickets[2]), QStringList({"first_group=Service Desk"}));
        // With Urgency and Category: the first row's values (C-1 is P3 and
        // Billing there, P2 and Invoices later); C-2's first Category is blank.
        HistoryMapping mapping = wizardMapping();
        mapping.attributes.push_back(entry("attributes", "Urgency"));
        mapping.attributes.push_back(entry("attributes", "Category"));
        p = preview(*workspace, mapping);
        QCOMPARE(attributesOf(p.tickets[0]),
                 QStringList({"Category=Billing", "Urgency=P3", "first_group=Service Desk",
                              "first_tier=1"}));
        QCOMPARE(attributesOf(p.tickets[1]),
                 QStringList({"Urgency=P1", "first_group=Network", "first_tier=2"}));
        QCOMPARE(attributesOf(p.tickets[2]),
                 QStringList({"Category=Access", "Urgency=P4", "first_group=Service Desk"}));
        // The latest values still make the ticket: C-1 is High (P2).
        QCOMPARE(p.tickets[0].priority, QStringLiteral("High"));
    }

    // "patterns" read what "values" does not name, first match first; a value
    // "values" names never reaches them.
    void patternsReadTheValuesLeftOver() {
        auto workspace = freshWorkspace();
        HistoryMapping mapping = wizardMapping();
        mapping.tier->patterns = {
            {QStringLiteral("^level x$"), "3",
             QRegularExpression(QStringLiteral("^level x$"),
                                QRegularExpression::CaseInsensitiveOption)},
            {QStringLiteral("."), "4", QRegularExpression(QStringLiteral("."))}};
        const HistoryPreview p = preview(*workspace, mapping);
        // C-1 and C-2 read 1st and 2nd by "values" (else "." would make them 4).
        QCOMPARE(p.tickets[0].startTier, std::optional<int>(1));
        QCOMPARE(p.tickets[1].startTier, std::optional<int>(2));
        // C-3: "?" is still no level (a null token comes first); "Level X" is 3,
        // no longer a warning; line 11 is still rejected.
        QCOMPARE(p.tickets[2].startTier, std::optional<int>(3));
        QCOMPARE(p.tickets[2].tier, std::optional<int>(3));
        QCOMPARE(p.warnings(), std::int64_t{0});
        QCOMPARE(p.rejectedRows(), std::int64_t{1});
    }

    void mappingChangesChangeThePreview() {
        auto workspace = freshWorkspace();
        HistoryMapping mapping = wizardMapping();
        // Without the value map "1st" and "2nd" are no tiers: warnings, and
        // no escalation or bounce.
        mapping.tier->values.clear();
        HistoryPreview p = preview(*workspace, mapping);
        QCOMPARE(tier(p.tickets[0].tier), QStringLiteral("-"));
        QCOMPARE(eventTexts(p.tickets[0]).filter(QStringLiteral("escalated")).size(), 0);
        // Every level but "?" (line 9) and that of line 11, rejected for its time.
        QCOMPARE(p.warnings(), std::int64_t{8});
        // Only the first cases are derived.
        p = preview(*workspace, wizardMapping(), 2);
        QCOMPARE(p.tickets.size(), std::size_t{2});
        QCOMPARE(p.cases, std::int64_t{3});
    }

    void previewWritesNothingAndImportStoresTheSame() {
        auto workspace = freshWorkspace();
        const QString empty = storeContents(*workspace);
        QCOMPARE(empty, QStringLiteral("0/0/0/0/"));
        preview(*workspace, wizardMapping());
        QCOMPARE(storeContents(*workspace), empty);

        const ImportResult result = importHistoryCsv(
            workspace->db(), historyFile("wizard-history.csv"), wizardMapping(), ImportOptions{});
        QCOMPARE(result.rows, std::int64_t{10});
        // 3 tickets and 8 events inserted; line 11 rejected.
        QCOMPARE(result.inserted, std::int64_t{11});
        QCOMPARE(result.rejected, std::int64_t{1});
        const QString imported = storeContents(*workspace);
        QCOMPARE(imported, QStringLiteral("3/8/1/2/C-1:Resolved:1,C-2:Closed:2,C-3:In Progress:"));
        // The events stored are the events previewed.
        const HistoryPreview after = preview(*workspace, wizardMapping());
        QCOMPARE(storedEvents(*workspace, "C-1"), eventTexts(after.tickets[0]));
        QCOMPARE(storedEvents(*workspace, "C-2"), eventTexts(after.tickets[1]));
        QVERIFY(after.tickets[0].inStore);
        QCOMPARE(storeContents(*workspace), imported);
    }

    void refusesWhatTheImportRefuses() {
        auto workspace = freshWorkspace();
        HistoryMapping mapping = wizardMapping();
        mapping.group = entry("group", "Squad");
        try {
            preview(*workspace, mapping);
            QFAIL("a column the file lacks was previewed");
        } catch (const ImportRefused& refused) {
            QVERIFY2(refused.reason().contains(QStringLiteral("'Squad'")),
                     qPrintable(refused.message()));
        }
        QCOMPARE(storeContents(*workspace), QStringLiteral("0/0/0/0/"));
    }

    void mappingFileRoundTrip() {
        HistoryMapping mapping = wizardMapping();
        mapping.dateOrder = DateOrder::DayFirst;
        mapping.nulls = {QStringLiteral("?"), QStringLiteral("N/A")};
        mapping.time.form = TimestampForm::SlashDayFirst;
        mapping.group->columns << QStringLiteral("Squad"); // the first present
        mapping.priority->values = {{"urgent!", "Critical"}};
        mapping.priority->nulls = QStringList{QStringLiteral("-"), QStringLiteral("(none)")};
        mapping.ticketFields.push_back(entry("subject", "Title"));
        mapping.ticketFields.back().nulls = QStringList{}; // no null tokens at all
        mapping.tier->patterns = {{QStringLiteral(" 3rd$"), "3", {}},
                                  {QStringLiteral("."), "1", {}}};
        mapping.attributes.push_back(entry("attributes", "Title"));
        mapping.attributes.push_back(entry("attributes", "Team"));
        mapping.attributes.back().nulls = QStringList{QStringLiteral("-")};
        const QString path = m_dir.filePath(QStringLiteral("round-trip.json"));
        writeHistoryMappingFile(mapping, path);
        compareMappings(readHistoryMappingFile(path), mapping);
        // One key a line, as a person would write it.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.value(1), QByteArray("  \"name\": \"Wizard history\","));
        QCOMPARE(lines.value(2), QByteArray("  \"kind\": \"history\","));
        QVERIFY2(lines.contains("  \"time\": {\"column\":\"Changed\",\"format\":\"dmy\"},"),
                 file.fileName().toUtf8());
        QVERIFY2(lines.contains(
                     "  \"attributes\": [\"Title\",{\"column\":\"Team\",\"nulls\":[\"-\"]}],"),
                 file.fileName().toUtf8());
    }

    void mappingFilesOfTheTestsRoundTrip_data() {
        QTest::addColumn<QString>("file");
        for (const char* name : {"servicenow-incident-log.json", "support-level-event-log.json",
                                 "servicenow-incident-audit.json",
                                 "process-mining-support-levels.json", "start-tier-log.json"}) {
            QTest::newRow(name) << historyFile(name);
        }
        // The example mappings of real public logs (examples/mappings/README.md).
        for (const char* name : {"bpic2013-incidents.json", "servicenow-incident-event-log.json"}) {
            QTest::newRow(name) << QStringLiteral(ESCDESK_TEST_DATA "/../../examples/mappings/") +
                                       QLatin1String(name);
        }
    }

    void mappingFilesOfTheTestsRoundTrip() {
        QFETCH(QString, file);
        const HistoryMapping mapping = readHistoryMappingFile(file);
        const QString copy = m_dir.filePath(QFileInfo(file).fileName());
        writeHistoryMappingFile(mapping, copy);
        compareMappings(readHistoryMappingFile(copy), mapping);
    }

    void writingWhereItCannotSays() {
        try {
            writeHistoryMappingFile(wizardMapping(),
                                    m_dir.filePath(QStringLiteral("no-such-dir/m.json")));
            QFAIL("written into a missing folder");
        } catch (const MappingError& error) {
            QVERIFY(error.message().startsWith(QStringLiteral("Cannot write the mapping file")));
        }
    }

    void sampleAndFirstGuess() {
        const HistorySample sample = sampleHistoryCsv(historyFile("wizard-history.csv"));
        QCOMPARE(sample.columns.size(), 7);
        QCOMPARE(sample.rows, std::int64_t{10});
        QCOMPARE(sample.values[3], QStringList({"1st", "2nd", "?", "Level X"}));
        QCOMPARE(sample.values[2],
                 QStringList({"New", "In Progress", "Waiting for customer", "Resolved", "Closed"}));
        QCOMPARE(sample.distinctCounts[0], std::int64_t{3});
        QVERIFY(looksLikeChangeLog(sample));

        const HistoryMapping guess = suggestHistoryMapping(sample);
        QCOMPARE(guess.caseId.columns, QStringList{"Case"});
        QCOMPARE(guess.time.columns, QStringList{"Changed"});
        QCOMPARE(guess.status->columns, QStringList{"State"});
        QCOMPARE(guess.tier->columns, QStringList{"Level"});
        // "1st" and "2nd" hold their tier; "Level X" holds none.
        QCOMPARE(guess.tier->values,
                 (std::map<std::string, std::string>{{"1st", "1"}, {"2nd", "2"}}));
        QCOMPARE(guess.group->columns, QStringList{"Team"});
        QCOMPARE(guess.priority->columns, QStringList{"Urgency"});
        QVERIFY(guess.ticketFields.empty());
        QCOMPARE(guess.waitingStatuses, QStringList{"Waiting for customer"});
        QCOMPARE(guess.resolvedStatuses, QStringList{"Resolved"});
        QCOMPARE(guess.closedStatuses, QStringList{"Closed"});

        // The ServiceNow log: "sys_updated_at", not "sys_updated_by".
        const HistoryMapping serviceNow =
            suggestHistoryMapping(sampleHistoryCsv(historyFile("servicenow-incident-log.csv")));
        QCOMPARE(serviceNow.caseId.columns, QStringList{"number"});
        QCOMPARE(serviceNow.time.columns, QStringList{"sys_updated_at"});
        QCOMPARE(serviceNow.status->columns, QStringList{"incident_state"});
        QCOMPARE(serviceNow.tier->columns, QStringList{"u_support_level"});

        // A tickets export, one row a ticket, is no change log.
        QVERIFY(!looksLikeChangeLog(
            sampleHistoryCsv(QStringLiteral(ESCDESK_TEST_DATA "/import/wizard-tickets.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestHistoryPreview)
#include "tst_history_preview.moc"

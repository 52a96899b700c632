// Decisions, actions and checklist runs in and out (issue #21): an export
// imported into an empty workspace gives the same records, a re-import
// changes nothing, a newer file updates only what changed, a bad row is
// rejected with line, column and reason while the others are stored, and
// checklist runs come in from helpdesk custom fields (Zendesk checkbox
// flags, Jira's repeated checkbox columns; tests/data/import/review/README.md
// says where their headers come from). Every expected value is worked out
// from the files by hand.

#include "import/ColumnMapping.h"
#include "import/ReviewImporter.h"
#include "matrix/ChecklistRuns.h"
#include "matrix/MatrixStore.h"
#include "review/ReviewCsv.h"
#include "review/ReviewRecord.h"
#include "store/Workspace.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;

namespace {

QString dataFile(const char* name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/review/") + QLatin1String(name);
}

QByteArray exported(store::Database& db, import::ImportKind kind) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (kind == import::ImportKind::Decisions) {
        review::writeDecisionsCsv(db, buffer);
    } else if (kind == import::ImportKind::Actions) {
        review::writeActionsCsv(db, buffer);
    } else {
        review::writeChecklistRunsCsv(db, buffer);
    }
    return buffer.data();
}

using import::ImportResult; // a line starting with "import" reads as a module import

ImportResult importFile(store::Database& db, const QString& path, import::ImportKind kind,
                        const import::ColumnMapping* mapping = nullptr,
                        const import::ChecklistColumns& columns = {}) {
    import::ImportOptions options;
    options.kind = kind;
    options.mapping = mapping;
    return import::importReviewCsv(db, path, options, columns);
}

struct Rejection {
    std::int64_t line;
    QString column;
    QString reason;
    QString outcome;
};

std::vector<Rejection> problemsOf(store::Database& db, std::int64_t batch) {
    store::Statement query = db.prepare("SELECT line, column_name, reason, outcome FROM "
                                        "rejected_rows WHERE batch = ? ORDER BY line, id");
    query.bindAll(batch);
    std::vector<Rejection> rows;
    while (query.step()) {
        rows.push_back({query.int64(0), query.text(1), query.text(2), query.text(3)});
    }
    return rows;
}

// Tickets with an escalation each: id → (from tier, to tier); none: not escalated.
void addTickets(store::Database& db, const std::vector<std::pair<QString, int>>& tickets) {
    UtcSeconds created = 1795000000;
    for (const auto& [id, toTier] : tickets) {
        db.prepare("INSERT INTO tickets(ticket_id, created_at, subject) VALUES (?, ?, 'x')")
            .bindAll(id, created)
            .run();
        if (toTier > 1) {
            db.prepare("INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier) "
                       "VALUES (?, ?, 'escalated', ?, ?)")
                .bindAll(db.lastInsertRowId(), created + 600, toTier - 1, toTier)
                .run();
        }
        created += 3600;
    }
}

std::int64_t ticketRow(store::Database& db, const QString& id) {
    store::Statement query = db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
    query.bindAll(id);
    return query.step() ? query.int64(0) : -1;
}

// item id → done, for one ticket's stored ticks.
std::map<QString, bool> ticksOf(store::Database& db, const QString& ticketId) {
    std::map<QString, bool> ticks;
    for (const matrix::ChecklistTick& tick : matrix::checklistTicks(db, ticketRow(db, ticketId))) {
        ticks[tick.itemId] = tick.done;
    }
    return ticks;
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& text) {
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

} // namespace

class TestReviewImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Workspace A: typed actions and decisions, and one action imported
    // with a spreadsheet id.
    void fillReviewRecords(store::Database& db) {
        review::Action sso;
        sso.title = QStringLiteral("KB article for SSO loops");
        sso.subjectKind = review::ActionSubject::RootCause;
        sso.subject = QStringLiteral("Configuration");
        sso.owner = QStringLiteral("Priya");
        sso.deadline = QDate(2026, 12, 18);
        sso.createdAt = 1795400000;
        const auto ssoId = review::addAction(db, sso);
        review::Action webhook;
        webhook.title = QStringLiteral("Retry cap for webhooks, \"v2\"");
        webhook.subjectKind = review::ActionSubject::Cluster;
        webhook.subject = QStringLiteral("KI-1042");
        webhook.owner = QStringLiteral("Sam");
        webhook.deadline = QDate(2026, 12, 1);
        webhook.createdAt = 1795300000;
        webhook.note = QStringLiteral("-1 retries means forever");
        webhook.id = review::addAction(db, webhook);
        webhook.status = review::ActionStatus::Done;
        webhook.closedAt = 1795900000;
        review::updateAction(db, webhook);
        const QString sheet =
            writeFile(m_dir, "sheet-actions.csv",
                      "id,title,owner,deadline,status,root_cause,created_at\n"
                      "ACT-12,Train L1 on exports,Ana,2026-12-24,In progress,User error,"
                      "2026-11-30T08:00:00Z\n");
        QCOMPARE(importFile(db, sheet, import::ImportKind::Actions).inserted, 1);

        review::Decision deepDive;
        deepDive.decidedOn = QDate(2026, 11, 30);
        deepDive.decisionType = QStringLiteral("Deep dive");
        deepDive.owner = QStringLiteral("Sam");
        deepDive.ticketId = QStringLiteral("SUP-7");
        deepDive.note = QStringLiteral("=look at the logs, line 1\nand line 2");
        deepDive.actionId = ssoId;
        deepDive.createdAt = 1795450000;
        review::addDecision(db, deepDive);
        review::Decision policy;
        policy.decidedOn = QDate(2026, 11, 23);
        policy.decisionType = QStringLiteral("Policy change");
        policy.owner = QStringLiteral("Priya");
        policy.rootCause = QStringLiteral("Configuration");
        policy.createdAt = 1794800000;
        review::addDecision(db, policy);
    }

private slots:
    void exportImportsIntoAnEmptyWorkspaceAsTheSameRecords() {
        store::Workspace a(m_dir.filePath(QStringLiteral("a.escdesk")));
        fillReviewRecords(a.db());
        const QByteArray actions = exported(a.db(), import::ImportKind::Actions);
        const QByteArray decisions = exported(a.db(), import::ImportKind::Decisions);
        // Typed records by number, the spreadsheet's by its id; a note that
        // would start a formula is quoted for spreadsheets.
        QVERIFY(actions.startsWith("\"id\",\"title\",\"owner\",\"deadline\",\"status\","
                                   "\"root_cause\",\"cluster\",\"created_at\",\"closed_at\","
                                   "\"note\"\r\n\"1\",\"KB article for SSO loops\""));
        QVERIFY(actions.contains("\"2\",\"Retry cap for webhooks, \"\"v2\"\"\",\"Sam\","
                                 "\"2026-12-01\",\"done\",\"\",\"KI-1042\","
                                 "\"2026-11-21T22:26:40Z\",\"2026-11-28T21:06:40Z\","
                                 "\"'-1 retries means forever\""));
        QVERIFY(actions.contains("\"ACT-12\",\"Train L1 on exports\",\"Ana\",\"2026-12-24\","
                                 "\"in_progress\",\"User error\",\"\",\"2026-11-30T08:00:00Z\""));
        // By date: the policy change of 23 Nov first; the deep dive names action 1.
        QVERIFY(decisions.contains("\r\n\"2\",\"2026-11-23\",\"Policy change\""));
        QVERIFY(decisions.contains("\"1\",\"2026-11-30\",\"Deep dive\",\"Sam\",\"'=look at the "
                                   "logs, line 1\nand line 2\",\"SUP-7\",\"\",\"1\","));
        QVERIFY(decisions.indexOf("\"Policy change\"") < decisions.indexOf("\"Deep dive\""));

        const QString actionsFile = writeFile(m_dir, "actions.csv", actions);
        const QString decisionsFile = writeFile(m_dir, "decisions.csv", decisions);
        store::Workspace b(m_dir.filePath(QStringLiteral("b.escdesk")));
        const import::ImportResult inActions =
            importFile(b.db(), actionsFile, import::ImportKind::Actions);
        QCOMPARE(inActions.inserted, 3);
        QCOMPARE(inActions.rejected + inActions.warnings, 0);
        const import::ImportResult inDecisions =
            importFile(b.db(), decisionsFile, import::ImportKind::Decisions);
        QCOMPARE(inDecisions.inserted, 2);
        QCOMPARE(inDecisions.rejected + inDecisions.warnings, 0);
        QCOMPARE(exported(b.db(), import::ImportKind::Actions), actions);
        QCOMPARE(exported(b.db(), import::ImportKind::Decisions), decisions);
        // The same numbers, the formula-like note read back as typed.
        const review::Action webhook = *review::actionById(b.db(), 2);
        QCOMPARE(webhook.note, QStringLiteral("-1 retries means forever"));
        QCOMPARE(webhook.closedAt, std::optional<UtcSeconds>(1795900000));
        QCOMPARE(webhook.subjectKind, review::ActionSubject::Cluster);
        const auto decided = review::allDecisions(b.db());
        QCOMPARE(decided.back().note, QStringLiteral("=look at the logs, line 1\nand line 2"));
        QCOMPARE(decided.back().actionId, std::optional<std::int64_t>(1));
        QCOMPARE(decided.back().batch, std::optional<std::int64_t>(inDecisions.batch));

        // Re-importing changes nothing, in B and in A (where the records came from).
        for (store::Workspace* workspace : {&b, &a}) {
            const auto again =
                importFile(workspace->db(), actionsFile, import::ImportKind::Actions);
            QCOMPARE(again.unchanged, 3);
            QCOMPARE(again.inserted + again.updated + again.rejected, 0);
            const auto decisionsAgain =
                importFile(workspace->db(), decisionsFile, import::ImportKind::Decisions);
            QCOMPARE(decisionsAgain.unchanged, 2);
            QCOMPARE(decisionsAgain.inserted + decisionsAgain.updated + decisionsAgain.rejected, 0);
            QCOMPARE(exported(workspace->db(), import::ImportKind::Actions), actions);
        }
    }

    void aNewerFileUpdatesOnlyTheChangedRows() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("newer.escdesk")));
        store::Database& db = workspace.db();
        const QString first = writeFile(m_dir, "first.csv",
                                        "id,title,owner,deadline,status\n"
                                        "A-1,Fix webhook docs,Sam,2026-12-01,open\n"
                                        "A-2,Retrain L1,Ana,2026-12-05,open\n");
        QCOMPARE(importFile(db, first, import::ImportKind::Actions).inserted, 2);
        // A-2 is done now, A-3 is new; the columns come in another order and case.
        const QString newer = writeFile(m_dir, "newer.csv",
                                        "Status,ID,Deadline,Owner,Title\n"
                                        "open,A-1,2026-12-01,Sam,Fix webhook docs\n"
                                        "Done,A-2,2026-12-05,Ana,Retrain L1\n"
                                        "open,A-3,2027-01-10,Priya,Runbook for SSO\n");
        const import::ImportResult result = importFile(db, newer, import::ImportKind::Actions);
        QCOMPARE(result.rows, 3);
        QCOMPARE(result.unchanged, 1);
        QCOMPARE(result.updated, 1);
        QCOMPARE(result.inserted, 1);
        const std::vector<review::Action> actions = review::actionsById(db);
        QCOMPARE(actions.size(), std::size_t(3));
        QCOMPARE(actions[1].sourceId, QStringLiteral("A-2"));
        QCOMPARE(actions[1].status, review::ActionStatus::Done);
        QCOMPARE(actions[1].batch, std::optional<std::int64_t>(result.batch));
        QCOMPARE(actions[0].batch.has_value(), true);
        QVERIFY(*actions[0].batch != result.batch); // unchanged: not rewritten
    }

    void aBadRowIsRejectedWithLineColumnAndReasonAndNothingElseIsLost() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("bad.escdesk")));
        store::Database& db = workspace.db();
        const QString path = writeFile(m_dir, "bad-actions.csv",
                                       "id,title,owner,deadline,status\n"
                                       "B-1,Fix webhook docs,Sam,2026-12-01,open\n"
                                       "B-2,Retrain L1,Ana,2026-02-30,open\n"
                                       "B-3,Runbook,,2026-12-05,open\n"
                                       "B-4,KB for SSO,Priya,2026-12-09,someday\n"
                                       "B-1,Fix webhook docs again,Sam,2026-12-01,open\n");
        const import::ImportResult result = importFile(db, path, import::ImportKind::Actions);
        QCOMPARE(result.rows, 5);
        QCOMPARE(result.inserted, 2); // B-1 and B-4
        QCOMPARE(result.rejected, 3);
        QCOMPARE(result.warnings, 1);
        const std::vector<Rejection> problems = problemsOf(db, result.batch);
        QCOMPARE(problems.size(), std::size_t(4));
        QCOMPARE(problems[0].line, 3);
        QCOMPARE(problems[0].column, QStringLiteral("deadline"));
        QCOMPARE(problems[0].reason, QStringLiteral("'2026-02-30' is not a date (YYYY-MM-DD)"));
        QCOMPARE(problems[0].outcome, QStringLiteral("rejected"));
        QCOMPARE(problems[1].line, 4);
        QCOMPARE(problems[1].column, QStringLiteral("owner"));
        QCOMPARE(problems[1].reason, QStringLiteral("owner is empty"));
        QCOMPARE(problems[2].line, 5);
        QCOMPARE(problems[2].column, QStringLiteral("status"));
        QCOMPARE(problems[2].outcome, QStringLiteral("warning"));
        QCOMPARE(problems[3].line, 6);
        QCOMPARE(problems[3].column, QStringLiteral("id"));
        QCOMPARE(problems[3].reason,
                 QStringLiteral("id B-1 is also on line 2; the first row is kept"));
        const std::vector<review::Action> actions = review::actionsById(db);
        QCOMPARE(actions.size(), std::size_t(2));
        QCOMPARE(actions[0].title, QStringLiteral("Fix webhook docs"));
        QCOMPARE(actions[1].status, review::ActionStatus::Open); // the unreadable status
    }

    void anotherWorkspacesNumberIsNotTakenForThisOne() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("numbers.escdesk")));
        store::Database& db = workspace.db();
        review::Action mine;
        mine.title = QStringLiteral("Mine");
        mine.owner = QStringLiteral("Priya");
        mine.deadline = QDate(2026, 12, 1);
        mine.createdAt = 1795000000;
        QCOMPARE(review::addAction(db, mine), 1);
        const QString path = writeFile(m_dir, "laptop-b.csv",
                                       "id,title,owner,deadline,created_at\n"
                                       "1,Theirs,Sam,2026-12-02,2026-11-01T10:00:00Z\n");
        const import::ImportResult result = importFile(db, path, import::ImportKind::Actions);
        QCOMPARE(result.rejected, 1);
        const std::vector<Rejection> problems = problemsOf(db, result.batch);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].column, QStringLiteral("id"));
        QVERIFY(problems[0].reason.startsWith(
            QStringLiteral("action 1 of this workspace was created at 2026-11-18T11:06:40Z, not "
                           "2026-11-01T10:00:00Z")));
        QCOMPARE(review::actionById(db, 1)->title, QStringLiteral("Mine"));
    }

    void checklistTicksRoundTripAndReimportChangesNothing() {
        store::Workspace a(m_dir.filePath(QStringLiteral("ticks-a.escdesk")));
        addTickets(a.db(), {{QStringLiteral("T-1"), 2}, {QStringLiteral("T-2"), 3}});
        const matrix::Matrix policy = matrix::loadMatrix(a.db());
        const matrix::Checklist first = *policy.checklistFor(1, 2);
        const matrix::Checklist second = *policy.checklistFor(2, 3);
        matrix::setChecklistItem(a.db(), ticketRow(a.db(), QStringLiteral("T-1")), first,
                                 QStringLiteral("status_page"), true, QStringLiteral("Ana"),
                                 1795001000);
        matrix::setChecklistItem(a.db(), ticketRow(a.db(), QStringLiteral("T-1")), first,
                                 QStringLiteral("evidence"), false, QStringLiteral("Ana"),
                                 1795001100, QStringLiteral("no logs yet"));
        matrix::setChecklistItem(a.db(), ticketRow(a.db(), QStringLiteral("T-2")), second,
                                 QStringLiteral("logs"), true, QStringLiteral("Sam"), 1795005000);
        const QByteArray ticks = exported(a.db(), import::ImportKind::ChecklistRuns);
        QCOMPARE(ticks, QByteArray("\"ticket_id\",\"item\",\"done\",\"done_by\",\"done_at\","
                                   "\"from_tier\",\"to_tier\",\"note\"\r\n"
                                   "\"T-1\",\"evidence\",\"false\",\"Ana\","
                                   "\"2026-11-18T11:25:00Z\",\"1\",\"2\",\"no logs yet\"\r\n"
                                   "\"T-1\",\"status_page\",\"true\",\"Ana\","
                                   "\"2026-11-18T11:23:20Z\",\"1\",\"2\",\"\"\r\n"
                                   "\"T-2\",\"logs\",\"true\",\"Sam\","
                                   "\"2026-11-18T12:30:00Z\",\"2\",\"3\",\"\"\r\n"));
        const QString path = writeFile(m_dir, "ticks.csv", ticks);
        store::Workspace b(m_dir.filePath(QStringLiteral("ticks-b.escdesk")));
        addTickets(b.db(), {{QStringLiteral("T-1"), 2}, {QStringLiteral("T-2"), 3}});
        const import::ImportResult in = importFile(b.db(), path, import::ImportKind::ChecklistRuns);
        QCOMPARE(in.inserted, 3);
        QCOMPARE(in.rejected + in.warnings, 0);
        QCOMPARE(exported(b.db(), import::ImportKind::ChecklistRuns), ticks);
        const import::ImportResult again =
            importFile(b.db(), path, import::ImportKind::ChecklistRuns);
        QCOMPARE(again.unchanged, 3);
        QCOMPARE(again.inserted + again.updated + again.rejected, 0);
        // The ticket pane's view of T-2 reads the imported tick.
        const matrix::ChecklistRun run =
            matrix::checklistRunOf(b.db(), ticketRow(b.db(), QStringLiteral("T-2")), second);
        QVERIFY(run.items[2].done);
        QCOMPARE(run.items[2].doneBy, QStringLiteral("Sam"));
    }

    void checklistRowsNameTheirProblem() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("ticks-bad.escdesk")));
        addTickets(workspace.db(), {{QStringLiteral("T-1"), 2}, {QStringLiteral("T-9"), 1}});
        const QString path = writeFile(m_dir, "ticks-bad.csv",
                                       "ticket_id,item,done\n"
                                       "T-1,Status page checked for an ongoing incident,yes\n"
                                       "T-404,status_page,yes\n"
                                       "T-1,logs,yes\n"
                                       "T-9,status_page,yes\n"
                                       "T-1,STATUS_PAGE,no\n");
        const import::ImportResult result =
            importFile(workspace.db(), path, import::ImportKind::ChecklistRuns);
        QCOMPARE(result.inserted, 1);
        QCOMPARE(result.rejected, 4);
        const std::vector<Rejection> problems = problemsOf(workspace.db(), result.batch);
        QCOMPARE(problems.size(), std::size_t(4));
        QCOMPARE(problems[0].line, 3);
        QCOMPARE(problems[0].reason,
                 QStringLiteral("no ticket T-404 in the workspace: import its ticket first"));
        QCOMPARE(problems[1].line, 4);
        QCOMPARE(problems[1].column, QStringLiteral("item"));
        QVERIFY(problems[1].reason.startsWith(QStringLiteral(
            "the Tier 1 → Tier 2 checklist of ticket T-1 has no item 'logs' (its items: "
            "status_page, knowledge_base,")));
        QCOMPARE(problems[2].line, 5);
        QVERIFY(problems[2].reason.startsWith(
            QStringLiteral("ticket T-9 has no escalation with a checklist")));
        QCOMPARE(problems[3].line, 6);
        QCOMPARE(problems[3].reason,
                 QStringLiteral("ticket T-1's item status_page is also on line 2; the first row "
                                "is kept"));
        QCOMPARE(ticksOf(workspace.db(), QStringLiteral("T-1")),
                 (std::map<QString, bool>{{QStringLiteral("status_page"), true}}));
    }

    // Zendesk's CSV export: a checkbox custom field is a column "TITLE [flag]"
    // with Yes/No; the mapping file names the ticket id, the options the items.
    void zendeskCheckboxFlagsTickTheirItems() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("zendesk.escdesk")));
        store::Database& db = workspace.db();
        addTickets(db, {{QStringLiteral("4101"), 2},
                        {QStringLiteral("4102"), 2},
                        {QStringLiteral("4103"), 2},
                        {QStringLiteral("4104"), 2}});
        const import::ColumnMapping mapping =
            import::readMappingFile(dataFile("zendesk-checkbox-flags.map.json"));
        import::ChecklistColumns columns;
        columns.itemColumns = {
            {QStringLiteral("status_page"), QStringLiteral("Status page checked [flag]")},
            {QStringLiteral("knowledge_base"), QStringLiteral("Knowledge base searched [flag]")},
            {QStringLiteral("sops_exhausted"), QStringLiteral("SOPs exhausted [flag]")},
            {QStringLiteral("evidence"), QStringLiteral("Logs attached [flag]")},
            {QStringLiteral("Reproduction steps written down"),
             QStringLiteral("Repro steps [flag]")},
            {QStringLiteral("effort_summary"), QStringLiteral("Tried summary [flag]")},
            {QStringLiteral("impact"), QStringLiteral("Impact noted [flag]")},
        };
        const QString path = dataFile("zendesk-checkbox-flags.csv");
        const import::ImportResult result =
            importFile(db, path, import::ImportKind::ChecklistRuns, &mapping, columns);
        // 4101: six Yes; 4102: status page and logs; 4103: nothing; 4104:
        // status page, and "maybe" for the knowledge base (a warning).
        QCOMPARE(result.rows, 4);
        QCOMPARE(result.inserted, 6 + 2 + 1);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.warnings, 1);
        const std::vector<Rejection> problems = problemsOf(db, result.batch);
        QCOMPARE(problems[0].line, 5);
        QCOMPARE(problems[0].column, QStringLiteral("Knowledge base searched [flag]"));
        QCOMPARE(problems[0].outcome, QStringLiteral("warning"));
        const matrix::Checklist checklist = *matrix::loadMatrix(db).checklistFor(1, 2);
        const matrix::ChecklistRun ready =
            matrix::checklistRunOf(db, ticketRow(db, QStringLiteral("4101")), checklist);
        QVERIFY(ready.ready()); // every required item; "impact" is optional
        QVERIFY(!ready.items[5].done);
        QCOMPARE(ticksOf(db, QStringLiteral("4102")),
                 (std::map<QString, bool>{{QStringLiteral("evidence"), true},
                                          {QStringLiteral("status_page"), true}}));
        QVERIFY(ticksOf(db, QStringLiteral("4103")).empty());
        QCOMPARE(ticksOf(db, QStringLiteral("4104")),
                 (std::map<QString, bool>{{QStringLiteral("status_page"), true}}));
        const import::ImportResult again =
            importFile(db, path, import::ImportKind::ChecklistRuns, &mapping, columns);
        QCOMPARE(again.unchanged, 9);
        QCOMPARE(again.inserted + again.updated, 0);
    }

    // Jira writes a multi-value field as repeated columns, here a checkbox
    // field "Escalation checklist": the mapping joins them into the items list.
    void jiraRepeatedCheckboxColumnsAreOneList() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("jira.escdesk")));
        store::Database& db = workspace.db();
        addTickets(db, {{QStringLiteral("HELP-201"), 3},
                        {QStringLiteral("HELP-202"), 3},
                        {QStringLiteral("HELP-203"), 1}});
        const import::ColumnMapping mapping =
            import::readMappingFile(dataFile("jira-checklist-checkboxes.map.json"));
        const QString path = dataFile("jira-checklist-checkboxes.csv");
        const import::ImportResult result =
            importFile(db, path, import::ImportKind::ChecklistRuns, &mapping);
        // HELP-201: three items (one text holds commas); HELP-202: two, and
        // an option that is not an item (a warning); HELP-203 ticks nothing.
        QCOMPARE(result.rows, 3);
        QCOMPARE(result.inserted, 5);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.warnings, 1);
        QCOMPARE(problemsOf(db, result.batch)[0].reason,
                 QStringLiteral("'talked to the customer' is not an item of the Tier 2 → Tier 3 "
                                "checklist; ignored"));
        QCOMPARE(ticksOf(db, QStringLiteral("HELP-201")),
                 (std::map<QString, bool>{{QStringLiteral("configuration"), true},
                                          {QStringLiteral("known_issue"), true},
                                          {QStringLiteral("logs"), true}}));
        for (const matrix::ChecklistTick& tick :
             matrix::checklistTicks(db, ticketRow(db, QStringLiteral("HELP-202")))) {
            QCOMPARE(tick.doneBy, QStringLiteral("Sam Okafor"));
            QCOMPARE(tick.batch, std::optional<std::int64_t>(result.batch));
        }
        // A newer export where HELP-201's configuration box is cleared: unticked.
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray newer = original.readAll();
        newer.replace(",Configuration and permissions ruled out,", ",,");
        const QString newerPath = writeFile(m_dir, "jira-newer.csv", newer);
        const import::ImportResult update =
            importFile(db, newerPath, import::ImportKind::ChecklistRuns, &mapping);
        QCOMPARE(update.updated, 1);
        QCOMPARE(update.unchanged, 4);
        QCOMPARE(update.inserted, 0);
        QCOMPARE(ticksOf(db, QStringLiteral("HELP-201")),
                 (std::map<QString, bool>{{QStringLiteral("configuration"), false},
                                          {QStringLiteral("known_issue"), true},
                                          {QStringLiteral("logs"), true}}));
    }

    void aFileWithoutItemsIsRefusedAndTheStoreUnchanged() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("refused.escdesk")));
        const QString path = writeFile(m_dir, "no-items.csv", "ticket_id,done\nT-1,yes\n");
        try {
            importFile(workspace.db(), path, import::ImportKind::ChecklistRuns);
            QFAIL("the file was not refused");
        } catch (const import::ImportRefused& refused) {
            QCOMPARE(refused.line(), 1);
            QCOMPARE(refused.column(), QStringLiteral("item"));
        }
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM import_batches"), 0);
    }
};

QTEST_GUILESS_MAIN(TestReviewImport)
#include "tst_review_import.moc"

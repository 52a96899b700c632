// The text features root causes and problem clusters keep per escalated
// ticket (analysis/TextFeatureStore.h): kept rows equal fresh ones, a changed
// ticket or known issue is followed, a read-only workspace still answers.

#include "analysis/ProblemClusters.h"
#include "analysis/RootCauses.h"
#include "analysis/TextFeatureStore.h"
#include "metrics/OutcomeStore.h"
#include "store/DataWriter.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();
const UtcSeconds monday = QDateTime(QDate(2026, 10, 5), QTime(0, 0), utc).toSecsSinceEpoch();
const Window week{monday, monday + 7 * 86400};

struct Escalation {
    const char* subject;
    const char* description;
    const char* account;
    const char* productArea;
};

// Seven escalations: four about webhook signatures (E1, E3, E4, E7), two
// about invoices' tax rate (E2, E5), one crash (E6).
const std::vector<Escalation> escalations{
    {"Webhook signature invalid after upgrade", "Since 2.3 our endpoint", "A1", "Integrations"},
    {"Invoice shows the wrong tax rate", "", "A2", "Billing"},
    {"Invalid webhook signature since upgrade", "", "A3", "Integrations"},
    {"Webhook signature invalid after upgrade", "", "A1", "Integrations"},
    {"Wrong tax rate on invoice", "", "A4", "Billing"},
    {"Mobile app crashes on launch", "", "A5", "Mobile App"},
    {"Webhook signatures rejected after upgrade", "", "A6", "Integrations"},
};

void fill(Workspace& workspace) {
    Transaction transaction(workspace.db());
    DataWriter writer(workspace.db());
    int n = 0;
    for (const Escalation& spec : escalations) {
        Ticket t;
        t.ticketId = QStringLiteral("E%1").arg(++n);
        t.createdAt = monday + n * 3600;
        t.subject = QString::fromLatin1(spec.subject);
        t.description = QString::fromLatin1(spec.description);
        t.accountId = QString::fromLatin1(spec.account);
        t.productArea = QString::fromLatin1(spec.productArea);
        t.rootCause = QStringLiteral("Integration Issue");
        const auto row = writer.insertTicket(t);
        TicketEvent e;
        e.kind = EventKind::Escalated;
        e.occurredAt = t.createdAt + 600;
        writer.insertEvent(row, e);
    }
    transaction.commit();
}

KnownIssue webhookIssue() {
    KnownIssue issue;
    issue.issueId = QStringLiteral("KI-1042");
    issue.title = QStringLiteral("Webhook signature validation fails on API v2.3");
    issue.productArea = QStringLiteral("Integrations");
    issue.keywords = QStringLiteral("webhook, signature");
    return issue;
}

std::int64_t count(Database& db, const char* sql) {
    return db.queryInt64(sql);
}

std::vector<std::int64_t> everyTicketRow(Database& db) {
    std::vector<std::int64_t> rows;
    Statement query = db.prepare("SELECT id FROM tickets ORDER BY id");
    while (query.step()) {
        rows.push_back(query.int64(0));
    }
    return rows;
}

QStringList memberIds(const ProblemCluster& cluster) {
    QStringList ids;
    for (const ClusterMember& member : cluster.members) {
        ids << member.ticketId;
    }
    return ids;
}

// Every figure of two analyses, member by member.
void compareClusters(const ClusterAnalysis& actual, const ClusterAnalysis& expected) {
    QCOMPARE(actual.escalatedTickets, expected.escalatedTickets);
    QCOMPARE(actual.clusters.size(), expected.clusters.size());
    for (std::size_t c = 0; c < expected.clusters.size(); ++c) {
        const ProblemCluster& a = actual.clusters[c];
        const ProblemCluster& e = expected.clusters[c];
        QCOMPARE(a.members.size(), e.members.size());
        for (std::size_t m = 0; m < e.members.size(); ++m) {
            QCOMPARE(a.members[m].ticketId, e.members[m].ticketId);
            QCOMPARE(a.members[m].subject, e.members[m].subject);
            QCOMPARE(a.members[m].escalatedAt, e.members[m].escalatedAt);
            QCOMPARE(a.members[m].similarity, e.members[m].similarity);
            QCOMPARE(a.members[m].duplicateOf, e.members[m].duplicateOf);
        }
        QCOMPARE(a.topTerms, e.topTerms);
        QCOMPARE(a.productArea, e.productArea);
        QCOMPARE(a.rootCause, e.rootCause);
        QCOMPARE(a.knownIssue.has_value(), e.knownIssue.has_value());
        if (e.knownIssue) {
            QCOMPARE(a.knownIssue->issueId, e.knownIssue->issueId);
        }
        QCOMPARE(a.knownIssueMatches, e.knownIssueMatches);
        QCOMPARE(a.duplicates, e.duplicates);
        QCOMPARE(a.affectedAccounts, e.affectedAccounts);
        QCOMPARE(a.affectedArr, e.affectedArr);
        QCOMPARE(a.impact, e.impact);
    }
}

} // namespace

class TestTextFeatures : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString nextPath() { return m_dir.filePath(QStringLiteral("t%1.db").arg(++m_files)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void termsLeaveOutStopWordsAndShortNumbers() {
        Workspace workspace(nextPath());
        fill(workspace);
        const KnownIssueMatcher matcher(allKnownIssues(workspace.db()));
        const auto fresh =
            computeTicketTextFeatures(workspace.db(), everyTicketRow(workspace.db()), matcher);
        // "after", "since", "our" are stop words; "2" and "3" short numbers.
        QCOMPARE(fresh.at(1).terms, std::string("webhook signature invalid upgrade endpoint"));
        QCOMPARE(fresh.at(1).subject, QStringLiteral("Webhook signature invalid after upgrade"));
        QCOMPARE(fresh.at(1).ticketId, QStringLiteral("E1"));
        QVERIFY(!fresh.at(1).knownIssue); // no known issue yet
    }

    void keptFeaturesEqualComputedOnes() {
        Workspace workspace(nextPath());
        fill(workspace);
        DataWriter(workspace.db()).insertKnownIssue(webhookIssue());
        auto& db = workspace.db();
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(0));
        const ClusterAnalysis first = analyseClusters(db, week);
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(7));
        const ClusterAnalysis second = analyseClusters(db, week); // from kept rows
        QCOMPARE(second.clusters.size(), first.clusters.size());
        for (std::size_t c = 0; c < first.clusters.size(); ++c) {
            QCOMPARE(memberIds(second.clusters[c]), memberIds(first.clusters[c]));
            QCOMPARE(second.clusters[c].topTerms, first.clusters[c].topTerms);
            QCOMPARE(second.clusters[c].knownIssueMatches, first.clusters[c].knownIssueMatches);
        }
        const KnownIssueMatcher matcher(allKnownIssues(db));
        const auto rows = everyTicketRow(db);
        const auto kept = ticketTextFeatures(db, rows, matcher);
        QVERIFY(kept == computeTicketTextFeatures(db, rows, matcher));
        // E1, E3, E4, E7 name both keywords in Integrations; the rest match nothing.
        QCOMPARE(kept.at(1).knownIssue, std::optional<std::size_t>(0));
        QCOMPARE(kept.at(7).knownIssue, std::optional<std::size_t>(0));
        QVERIFY(!kept.at(2).knownIssue);
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features "
                           "WHERE known_issue = 'KI-1042'"),
                 std::int64_t(4));
    }

    void aChangedSubjectIsComputedAgain() {
        Workspace workspace(nextPath());
        fill(workspace);
        auto& db = workspace.db();
        QCOMPARE(memberIds(analyseClusters(db, week).clusters[0]),
                 QStringList({"E1", "E3", "E4", "E7"}));
        db.exec("UPDATE tickets SET subject = 'Mobile app crashes at launch' "
                "WHERE ticket_id = 'E3'");
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(6));
        const ClusterAnalysis after = analyseClusters(db, week);
        QCOMPARE(memberIds(after.clusters[0]), QStringList({"E1", "E4", "E7"}));
        QVERIFY(after.clusters.size() == 3); // E3 now joins E6
        QCOMPARE(memberIds(after.clusters[2]), QStringList({"E3", "E6"}));
        db.exec("UPDATE tickets SET description = 'webhook' WHERE ticket_id = 'E2'");
        db.exec("DELETE FROM ticket_events WHERE ticket = (SELECT id FROM tickets "
                "WHERE ticket_id = 'E6')");
        db.exec("DELETE FROM tickets WHERE ticket_id = 'E6'");
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(5));
    }

    void aKnownIssueAddedOrChangedIsFollowed() {
        Workspace workspace(nextPath());
        fill(workspace);
        auto& db = workspace.db();
        QVERIFY(!analyseClusters(db, week).clusters[0].knownIssue);

        DataWriter(db).insertKnownIssue(webhookIssue());
        const ClusterAnalysis matched = analyseClusters(db, week);
        QVERIFY(matched.clusters[0].knownIssue.has_value());
        QCOMPARE(matched.clusters[0].knownIssue->issueId, QStringLiteral("KI-1042"));
        QCOMPARE(matched.clusters[0].knownIssueMatches, 4);
        const RootCauseAnalysis causes =
            analyseRootCauses(db, week, std::vector<matrix::RootCauseCategory>{});
        QCOMPARE(causes.rows.at(0).knownIssueMatches, 4);

        // The issue now names the invoices' words in Billing: the webhook
        // cluster loses its match, the invoice cluster (E2, E5) gains it.
        db.exec("UPDATE known_issues SET product_area = 'Billing', keywords = 'invoice, tax' "
                "WHERE issue_id = 'KI-1042'");
        const ClusterAnalysis moved = analyseClusters(db, week);
        QVERIFY(!moved.clusters[0].knownIssue);
        QCOMPARE(memberIds(moved.clusters[1]), QStringList({"E2", "E5"}));
        QVERIFY(moved.clusters[1].knownIssue.has_value());
        QCOMPARE(moved.clusters[1].knownIssueMatches, 2);

        db.exec("DELETE FROM known_issues");
        QVERIFY(!analyseClusters(db, week).clusters[1].knownIssue);
        QCOMPARE(analyseRootCauses(db, week, {}).rows.at(0).knownIssueMatches, 0);
    }

    void insideTheCallersTransactionNothingIsKept() {
        Workspace workspace(nextPath());
        fill(workspace);
        auto& db = workspace.db();
        Transaction reading(db, Transaction::Kind::Deferred);
        QCOMPARE(memberIds(analyseClusters(db, week).clusters[0]),
                 QStringList({"E1", "E3", "E4", "E7"}));
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(0));
    }

    void aChangedProductAreaMovesTheMatch() {
        Workspace workspace(nextPath());
        fill(workspace);
        DataWriter(workspace.db()).insertKnownIssue(webhookIssue());
        auto& db = workspace.db();
        QCOMPARE(analyseRootCauses(db, week, {}).rows.at(0).knownIssueMatches, 4);
        // The issue is of Integrations: E7 filed under Billing no longer matches.
        db.exec("UPDATE tickets SET product_area = 'Billing' WHERE ticket_id = 'E7'");
        QCOMPARE(analyseRootCauses(db, week, {}).rows.at(0).knownIssueMatches, 3);
    }

    void aTicketWithoutSubjectOrDescriptionIsKept() {
        Workspace workspace(nextPath());
        fill(workspace);
        auto& db = workspace.db();
        db.exec("UPDATE tickets SET subject = NULL, description = NULL WHERE ticket_id = 'E6'");
        QCOMPARE(analyseClusters(db, week).escalatedTickets, 7);
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features WHERE subject IS NULL "
                           "AND terms = ''"),
                 std::int64_t(1));
        const KnownIssueMatcher matcher(allKnownIssues(db));
        const auto rows = everyTicketRow(db);
        QVERIFY(ticketTextFeatures(db, rows, matcher) ==
                computeTicketTextFeatures(db, rows, matcher));
    }

    // The clusters read the window's escalations from the kept text rows in
    // order of escalation, from the kept escalation outcomes or the events;
    // without rows that can be kept, through loadWindowEscalations. Each way
    // gives the same clusters, with each ticket at its first escalation of
    // the window and tickets escalated at the same instant by row.
    void everyWayOfReadingGivesTheSameClusters() {
        Workspace workspace(nextPath());
        fill(workspace);
        DataWriter(workspace.db()).insertKnownIssue(webhookIssue());
        auto& db = workspace.db();
        db.exec("INSERT INTO accounts (account_id, name, arr) VALUES ('A1', 'One', 250000), "
                "('A3', 'Three', 1000000)");
        const auto rowOf = [&](const char* ticketId) {
            Statement query = db.prepare("SELECT id FROM tickets WHERE ticket_id = ?1");
            query.bind(1, QString::fromLatin1(ticketId));
            query.step();
            return query.int64(0);
        };
        const auto escalate = [&](const char* ticketId, UtcSeconds at) {
            TicketEvent e;
            e.kind = EventKind::Escalated;
            e.occurredAt = at;
            DataWriter(db).insertEvent(rowOf(ticketId), e);
        };
        escalate("E7", monday + 300);            // the last row escalated first
        escalate("E1", monday + 3 * 86400);      // again, later in the week
        escalate("E5", monday + 2 * 3600 + 600); // at E2's instant
        db.exec("UPDATE tickets SET account_id = NULL WHERE ticket_id = 'E6'");
        // E4 now repeats E1's subject and description from E1's account.
        db.exec("UPDATE tickets SET description = 'Since 2.3 our endpoint' WHERE ticket_id = 'E4'");

        ClusterAnalysis recorded;
        {
            // Inside the caller's transaction no row is kept: the records.
            Transaction reading(db, Transaction::Kind::Deferred);
            recorded = analyseClusters(db, week);
            QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(0));
        }
        QCOMPARE(recorded.escalatedTickets, 7);
        QCOMPARE(memberIds(recorded.clusters.at(0)), QStringList({"E7", "E1", "E3", "E4"}));
        QCOMPARE(recorded.clusters[0].members[0].escalatedAt, monday + 300);
        QCOMPARE(recorded.clusters[0].members[1].escalatedAt, monday + 3600 + 600);
        QCOMPARE(recorded.clusters[0].members[3].duplicateOf,
                 QStringLiteral("E1")); // same text, A1
        QCOMPARE(memberIds(recorded.clusters.at(1)), QStringList({"E2", "E5"}));
        QCOMPARE(recorded.clusters[1].members[1].escalatedAt, monday + 2 * 3600 + 600);
        // A1 (E1, E4) and A3 (E3) have an ARR; A6 (E7) is not in the accounts.
        QCOMPARE(recorded.clusters[0].affectedAccounts, 3);
        QCOMPARE(recorded.clusters[0].affectedArr, 1250000.0);

        const ClusterAnalysis keptNow = analyseClusters(db, week); // rows computed, kept, read
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_text_features"), std::int64_t(7));
        compareClusters(keptNow, recorded);
        compareClusters(analyseClusters(db, week), recorded); // from the events' order
        QVERIFY(!metrics::escalationOutcomesComplete(db));
        metrics::metricsOfWindow(db, week, monday + 30 * 86400);
        QVERIFY(metrics::escalationOutcomesComplete(db));
        compareClusters(analyseClusters(db, week), recorded); // from the outcomes' order
    }

    void aReadOnlyWorkspaceStillAnswers() {
        const QString path = nextPath();
        QStringList expected;
        {
            Workspace workspace(path);
            fill(workspace);
            DataWriter(workspace.db()).insertKnownIssue(webhookIssue());
        }
        Workspace reader(path, Workspace::Access::ReadOnly);
        const ClusterAnalysis result = analyseClusters(reader.db(), week);
        QCOMPARE(memberIds(result.clusters[0]), QStringList({"E1", "E3", "E4", "E7"}));
        QCOMPARE(result.clusters[0].knownIssueMatches, 4);
        QCOMPARE(analyseRootCauses(reader.db(), week, {}).rows.at(0).knownIssueMatches, 4);
        QCOMPARE(count(reader.db(), "SELECT count(*) FROM ticket_text_features"), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTextFeatures)
#include "tst_text_features.moc"

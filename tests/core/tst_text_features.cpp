// The text features root causes and problem clusters keep per escalated
// ticket (analysis/TextFeatureStore.h): kept rows equal fresh ones, a changed
// ticket or known issue is followed, a read-only workspace still answers.

#include "analysis/ProblemClusters.h"
#include "analysis/RootCauses.h"
#include "analysis/TextFeatureStore.h"
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

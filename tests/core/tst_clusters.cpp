// Problem clusters (SPEC §8): TF-IDF cosine clustering, duplicates, the
// known-issue cross-reference and the sentence a lead can repeat.

#include "analysis/AnalysisJson.h"
#include "analysis/ProblemClusters.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QJsonDocument>
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
    const char* account;
    const char* productArea;
};

void fill(Workspace& workspace, const std::vector<Escalation>& escalations) {
    Transaction transaction(workspace.db());
    DataWriter writer(workspace.db());
    int n = 0;
    for (const Escalation& spec : escalations) {
        Ticket t;
        t.ticketId = QStringLiteral("E%1").arg(++n);
        t.createdAt = monday + n * 3600;
        t.subject = QString::fromLatin1(spec.subject);
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

} // namespace

class TestClusters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString nextPath() { return m_dir.filePath(QStringLiteral("c%1.db").arg(++m_files)); }

private slots:
    void textsBelowTheThresholdStayApart() {
        // N = 2; df: alpha 2, beta 1, gamma 1; idf = ln(3 / (1 + df)) + 1:
        // alpha 1, beta = gamma = 1.405465. cos = 1 / (1 + 1.405465²) = 0.336 < 0.35.
        Workspace workspace(nextPath());
        fill(workspace, {{"alpha beta", "A", "X"}, {"alpha gamma", "B", "X"}});
        const ClusterAnalysis result = analyseClusters(workspace.db(), week);
        QCOMPARE(result.escalatedTickets, 2);
        QVERIFY(result.clusters.empty());
    }

    void textsAboveTheThresholdCluster() {
        // idf: alpha = beta = 1, gamma = delta = 1.405465;
        // cos = (1 + 1) / (1 + 1 + 1.405465²) = 2 / 3.975332 = 0.503103 ≥ 0.35.
        Workspace workspace(nextPath());
        fill(workspace, {{"alpha beta gamma", "A", "X"}, {"alpha beta delta", "B", "X"}});
        const ClusterAnalysis result = analyseClusters(workspace.db(), week);
        QCOMPARE(result.clusters.size(), std::size_t(1));
        const ProblemCluster& cluster = result.clusters[0];
        QCOMPARE(cluster.members.size(), std::size_t(2));
        QVERIFY(qAbs(cluster.members[1].similarity - 0.503103) < 1e-5);
        QVERIFY(cluster.members[1].duplicateOf.isEmpty()); // other account, other text
    }

    void clustersAreMatchedToKnownIssuesAndDuplicatesFlagged() {
        Workspace workspace(nextPath());
        {
            DataWriter writer(workspace.db());
            KnownIssue issue;
            issue.issueId = QStringLiteral("KI-1042");
            issue.title = QStringLiteral("Webhook signature validation fails on API v2.3");
            issue.productArea = QStringLiteral("Integrations");
            issue.keywords = QStringLiteral("webhook, signature, api v2.3");
            writer.insertKnownIssue(issue);
        }
        fill(workspace, {
                            {"Webhook signature invalid after upgrade", "A1", "Integrations"},
                            {"Invoice shows the wrong tax rate", "A2", "Billing"},
                            {"Invalid webhook signature since upgrade", "A3", "Integrations"},
                            {"Webhook signature invalid after upgrade", "A1", "Integrations"},
                            {"Wrong tax rate on invoice", "A4", "Billing"},
                            {"Mobile app crashes on launch", "A5", "Mobile App"},
                            {"Webhook signatures rejected after upgrade", "A6", "Integrations"},
                        });
        const ClusterAnalysis result = analyseClusters(workspace.db(), week);
        QCOMPARE(result.escalatedTickets, 7);
        QCOMPARE(result.clusters.size(), std::size_t(2)); // the crash stands alone

        const ProblemCluster& webhooks = result.clusters[0];
        QCOMPARE(webhooks.members.size(), std::size_t(4)); // E1, E3, E4, E7
        QCOMPARE(webhooks.members[0].ticketId, QStringLiteral("E1"));
        QVERIFY(webhooks.topTerms.contains(QStringLiteral("webhook")));
        QVERIFY(webhooks.topTerms.contains(QStringLiteral("signature")));
        QVERIFY(webhooks.knownIssue.has_value());
        QCOMPARE(webhooks.knownIssue->issueId, QStringLiteral("KI-1042"));
        QCOMPARE(webhooks.knownIssueMatches, 4);
        // E4 repeats E1's text from the same account: a duplicate. E3's words
        // are E1's but another customer reported it: not a duplicate.
        QCOMPARE(webhooks.duplicates, 1);
        QCOMPARE(webhooks.members[2].ticketId, QStringLiteral("E4"));
        QCOMPARE(webhooks.members[2].duplicateOf, QStringLiteral("E1"));
        QVERIFY(webhooks.members[1].duplicateOf.isEmpty());
        QCOMPARE(webhooks.affectedAccounts, 3); // A1, A3, A6

        const ProblemCluster& tax = result.clusters[1];
        QCOMPARE(tax.members.size(), std::size_t(2));
        QVERIFY(!tax.knownIssue.has_value());

        // What a spike check reads is the same clusters, their members'
        // instants, terms and root cause, without the rest.
        const ClusterAnalysis spikes = analyseClusters(workspace.db(), week, ClusterDetail::Spikes);
        QCOMPARE(spikes.clusters.size(), std::size_t(2));
        for (std::size_t c = 0; c < spikes.clusters.size(); ++c) {
            const ProblemCluster& full = result.clusters[c];
            const ProblemCluster& brief = spikes.clusters[c];
            QCOMPARE(brief.topTerms, full.topTerms);
            QCOMPARE(brief.rootCause, full.rootCause);
            QCOMPARE(brief.members.size(), full.members.size());
            for (std::size_t m = 0; m < brief.members.size(); ++m) {
                QCOMPARE(brief.members[m].escalatedAt, full.members[m].escalatedAt);
            }
            QVERIFY(!brief.knownIssue.has_value());
            QCOMPARE(brief.duplicates, 0);
        }
        const QString sentence = clusterSentence(result, tax, utc);
        QVERIFY2(sentence.startsWith(QLatin1String("2 of 7 escalations in the week of 2026-10-05 "
                                                   "trace to one cluster: ")),
                 qPrintable(sentence));
        QVERIFY2(sentence.endsWith(QLatin1String("no known issue (a documentation gap)")),
                 qPrintable(sentence));
        QVERIFY(clusterSentence(result, webhooks, utc)
                    .endsWith(QLatin1String(
                        "matching known issue KI-1042 (Webhook signature validation fails on "
                        "API v2.3)")));
    }

    void jsonTextIsTheDocumentsText() {
        // The text written value by value must be Qt's own text of the
        // document: quotes, backslashes, control characters and non-ASCII in
        // the subjects, a known issue with a workaround, a duplicate and not.
        Workspace workspace(nextPath());
        {
            DataWriter writer(workspace.db());
            KnownIssue issue;
            issue.issueId = QStringLiteral("KI-7");
            issue.title = QStringLiteral("Webhook \"signature\" fails");
            issue.productArea = QStringLiteral("Integrations");
            issue.keywords = QStringLiteral("webhook, signature");
            issue.workaround = QStringLiteral("Re-sign\tthe payload \\ retry");
            writer.insertKnownIssue(issue);
        }
        fill(workspace, {
                            {"Webhook \"signature\" invalid", "A1", "Integrations"},
                            {"Webhook signature invalid\t\x01 caf\xe9", "A2", "Integrations"},
                            {"Webhook \"signature\" invalid", "A1", "Integrations"},
                            {"Tax rate wrong \\ invoice", "A4", "Billing"},
                            {"Wrong tax rate on invoice", "", "Billing"},
                        });
        const ClusterAnalysis result = analyseClusters(workspace.db(), week);
        QCOMPARE(result.clusters.size(), std::size_t(2));
        QCOMPARE(result.clusters[0].duplicates, 1);
        const QJsonObject period{
            {QStringLiteral("period"),
             QJsonObject{{QStringLiteral("from"), QStringLiteral("2026-10-05")},
                         {QStringLiteral("follows_data"), true}}}};
        QJsonObject document = clustersToJson(result, utc);
        document.insert(QStringLiteral("period"), period[QStringLiteral("period")]);
        QCOMPARE(clustersJsonText(result, utc, period),
                 QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
    }
};

QTEST_GUILESS_MAIN(TestClusters)
#include "tst_clusters.moc"

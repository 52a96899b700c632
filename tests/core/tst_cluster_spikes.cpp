// The spike flag for problem clusters (issue #21; analysis/ClusterSpikes.h)
// on counts worked out by hand: the 9 weeks clustered once, each cluster's
// tickets counted in the week of their first escalation, and the root
// causes' rule (≥ 5 and > m + 3 × max(1.4826 × MAD, 1)) applied to each.

#include "analysis/ClusterSpikes.h"
#include "report/ReportBuilder.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;

namespace {

const QTimeZone utc = QTimeZone::utc();
constexpr UtcSeconds week = 7 * 86400;

// Ten instants one week apart from 1,000,000: the bounds of 9 weeks.
std::vector<UtcSeconds> weekStarts() {
    std::vector<UtcSeconds> starts;
    for (int i = 0; i <= 9; ++i) {
        starts.push_back(1'000'000 + i * week);
    }
    return starts;
}

// A cluster with counts[w] members first escalated in week w (an hour into
// it), and `extra` members at the given instants.
ProblemCluster clusterWith(const char* term, const std::vector<int>& counts,
                           const std::vector<UtcSeconds>& extra = {}) {
    ProblemCluster cluster;
    cluster.topTerms = {QString::fromLatin1(term), QStringLiteral("second"),
                        QStringLiteral("third"), QStringLiteral("fourth")};
    cluster.rootCause = QStringLiteral("Integration");
    for (std::size_t w = 0; w < counts.size(); ++w) {
        for (int k = 0; k < counts[w]; ++k) {
            ClusterMember member;
            member.escalatedAt = weekStarts()[w] + 3600;
            cluster.members.push_back(member);
        }
    }
    for (UtcSeconds at : extra) {
        ClusterMember member;
        member.escalatedAt = at;
        cluster.members.push_back(member);
    }
    return cluster;
}

// Weeks of 2026-09-21 … 2026-11-16 in UTC, every ticket of root cause
// Integration:
//   "Webhook signature rejected" one ticket a week for 8 weeks, then 6;
//   "Invoice charged twice" two a week all 9 weeks;
// and the first invoice ticket of week 1 escalated again in week 9.
void plantNineWeeks(store::Workspace& workspace) {
    const QDate firstMonday(2026, 9, 21);
    {
        store::Transaction transaction(workspace.db());
        store::DataWriter writer(workspace.db());
        int n = 0;
        auto escalate = [&](std::int64_t row, const QString& id, UtcSeconds at) {
            TicketEvent e;
            e.ticketId = id;
            e.occurredAt = at;
            e.kind = EventKind::Escalated;
            e.fromTier = 1;
            e.toTier = 2;
            writer.insertEvent(row, e);
        };
        auto add = [&](int weekIndex, const char* subject) {
            Ticket t;
            t.ticketId = QStringLiteral("T%1").arg(++n);
            t.createdAt =
                QDateTime(firstMonday.addDays(7 * weekIndex), QTime(9, 0), utc).toSecsSinceEpoch() +
                n * 60;
            t.subject = QString::fromLatin1(subject);
            t.description = t.subject;
            t.rootCause = QStringLiteral("Integration");
            t.tier = 1;
            const std::int64_t row = writer.insertTicket(t);
            escalate(row, t.ticketId, t.createdAt + 600);
            return std::pair{row, t.ticketId};
        };
        for (int w = 0; w < 9; ++w) {
            for (int k = 0; k < (w == 8 ? 6 : 1); ++k) {
                add(w, "Webhook signature rejected");
            }
            for (int k = 0; k < 2; ++k) {
                const auto [row, id] = add(w, "Invoice charged twice");
                if (w == 1 && k == 0) {
                    escalate(row, id,
                             QDateTime(firstMonday.addDays(7 * 8), QTime(15, 0), utc)
                                 .toSecsSinceEpoch());
                }
            }
        }
        transaction.commit();
    }
}

} // namespace

class TestClusterSpikes : public QObject {
    Q_OBJECT

private slots:
    // webhook: 2 3 2 4 3 2 3 3, then 7. Sorted 2 2 2 3 3 3 3 4: m = 3; the
    // deviations 0 0 0 0 1 1 1 1: MAD = 0.5, 1.4826 × 0.5 < 1 so s = 1;
    // threshold 3 + 3 = 6 and 7 > 6: a spike.
    // login: eight weeks of 6, then 6: m = 6, MAD 0, threshold 9: none.
    // quiet: eight weeks of 0, then 4: threshold 3, but 4 < 5: none.
    void theRuleOnEachCluster() {
        ClusterAnalysis analysis;
        analysis.clusters.push_back(clusterWith("login", {6, 6, 6, 6, 6, 6, 6, 6, 6}));
        analysis.clusters.push_back(clusterWith("webhook", {2, 3, 2, 4, 3, 2, 3, 3, 7}));
        analysis.clusters.push_back(clusterWith("quiet", {0, 0, 0, 0, 0, 0, 0, 0, 4}));
        const std::vector<ClusterSpike> spikes = clusterSpikesOf(analysis, weekStarts());
        QCOMPARE(spikes.size(), std::size_t(1));
        QCOMPARE(spikes[0].topTerms.front(), QStringLiteral("webhook"));
        QCOMPARE(spikes[0].count, std::int64_t(7));
        QCOMPARE(spikes[0].trailing, (std::vector<std::int64_t>{2, 3, 2, 4, 3, 2, 3, 3}));
        QCOMPARE(spikes[0].threshold.median, 3.0);
        QCOMPARE(spikes[0].threshold.mad, 0.5);
        QCOMPARE(spikes[0].threshold.threshold, 6.0);
        QCOMPARE(spikes[0].size, std::int64_t(29));
        QCOMPARE(clusterSpikeName(spikes[0]), QStringLiteral("webhook, second, third"));
        QCOMPARE(clusterSpikeText(spikes[0]),
                 QStringLiteral("webhook, second, third (7 vs a usual 3, threshold 6.0)"));
    }

    // A member at a week's first instant is of that week; one before the
    // first week or at the end of the last is of none. webhook: 2 3 2 4 3 2
    // 3 3 and 6 in the last week, one of them at its first instant: 6 ≤ 6,
    // no spike; one more at that instant makes 7.
    void weeksIncludeTheirFirstInstant() {
        const std::vector<UtcSeconds> starts = weekStarts();
        ClusterAnalysis analysis;
        analysis.clusters.push_back(clusterWith("webhook", {2, 3, 2, 4, 3, 2, 3, 3, 5},
                                                {starts[8], starts[0] - 1, starts[9]}));
        QVERIFY(clusterSpikesOf(analysis, starts).empty());
        analysis.clusters.front().members.push_back(ClusterMember{{}, {}, starts[8], 0.0, {}});
        const std::vector<ClusterSpike> spikes = clusterSpikesOf(analysis, starts);
        QCOMPARE(spikes.size(), std::size_t(1));
        QCOMPARE(spikes[0].count, std::int64_t(7));
    }

    // Through the store, weeks of 2026-09-21 … 2026-11-23 in UTC:
    //   "Webhook signature rejected" one ticket a week for 8 weeks, then 6:
    //     m = 1, MAD 0, threshold 4; 6 > 4: a spike;
    //   "Invoice charged twice" two a week all 9 weeks: threshold 5, none.
    // One ticket escalated in week 1 and again in week 9 counts in week 1.
    void theNineWeeksClusteredOnce() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("spikes.escdesk")));
        plantNineWeeks(workspace);
        const QDate firstMonday(2026, 9, 21);
        SpikeCheck rootCauses;
        rootCauses.weekStart = firstMonday.addDays(7 * 8);
        rootCauses.enoughWeeks = true;
        rootCauses.escalations = 9; // 6 + 2 + the repeat
        const ClusterSpikeCheck check = clusterSpikes(workspace.db(), rootCauses, utc);
        QCOMPARE(check.weekStart, QDate(2026, 11, 16));
        QCOMPARE(check.spikes.size(), std::size_t(1));
        const ClusterSpike& spike = check.spikes.front();
        QVERIFY2(spike.topTerms.join(' ').contains(QStringLiteral("webhook")),
                 qPrintable(spike.topTerms.join(' ')));
        QCOMPARE(spike.count, std::int64_t(6));
        QCOMPARE(spike.trailing, (std::vector<std::int64_t>(8, 1)));
        QCOMPARE(spike.threshold.threshold, 4.0);
        QCOMPARE(spike.size, std::int64_t(14));

        const QJsonObject json = clusterSpikeCheckToJson(check);
        QCOMPARE(json.value(QStringLiteral("week")).toString(), QStringLiteral("2026-11-16"));
        QCOMPARE(json.value(QStringLiteral("rule")).toString(), clusterSpikeRuleText());
        const QJsonObject flagged = json.value(QStringLiteral("flagged")).toArray()[0].toObject();
        QCOMPARE(flagged.value(QStringLiteral("count")).toInt(), 6);
        QCOMPARE(flagged.value(QStringLiteral("size")).toInt(), 14);
        QCOMPARE(flagged.value(QStringLiteral("threshold")).toDouble(), 4.0);

        // Under 5 escalations in the week nothing can spike: not clustered.
        rootCauses.escalations = 4;
        QVERIFY(clusterSpikes(workspace.db(), rootCauses, utc).spikes.empty());
        rootCauses.escalations = 9;
        rootCauses.enoughWeeks = false;
        QVERIFY(clusterSpikes(workspace.db(), rootCauses, utc).spikes.empty());
    }

    // The weekly review of 16–22 November says both spikes, each with its
    // figures. Integration escalations: 3 a week (1 webhook + 2 invoice),
    // then 6 + 2 + the repeat = 9; m = 3, MAD 0, threshold 6: a spike. The
    // webhook cluster as in theNineWeeksClusteredOnce.
    void theWeeklyReportSaysSo() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("report.escdesk")));
        plantNineWeeks(workspace);
        report::ReportRequest request;
        request.kind = report::ReportKind::Weekly;
        request.first = QDate(2026, 11, 16);
        request.last = QDate(2026, 11, 22);
        request.zone = utc;
        request.asOf = QDateTime(QDate(2026, 11, 25), QTime(0, 0), utc).toSecsSinceEpoch();
        const report::Report weekly = report::buildReport(workspace, request);
        QStringList spikes;
        for (const report::Section& section : weekly.sections) {
            for (const report::Block& block : section.blocks) {
                const auto* paragraph = std::get_if<report::Paragraph>(&block);
                if (paragraph && paragraph->text.contains(QStringLiteral("pike: "))) {
                    spikes << paragraph->text;
                }
            }
        }
        QCOMPARE(spikes.size(), 2);
        QCOMPARE(spikes[0], QStringLiteral("Spike: Integration — 9 escalations this week, above "
                                           "the threshold of 6.0 (median 3 + 3 × max(1.4826 × "
                                           "MAD 0, 1)) of the 8 weeks before: 3, 3, 3, 3, 3, 3, "
                                           "3, 3."));
        QVERIFY2(spikes[1].startsWith(QStringLiteral("Cluster spike: ")), qPrintable(spikes[1]));
        QVERIFY2(spikes[1].contains(QStringLiteral(
                     "(mostly Integration) — 6 tickets first escalated this week, above the "
                     "threshold of 4.0 (median 1 + 3 × max(1.4826 × MAD 0, 1)) of the 8 weeks "
                     "before: 1, 1, 1, 1, 1, 1, 1, 1.")),
                 qPrintable(spikes[1]));
    }
};

QTEST_GUILESS_MAIN(TestClusterSpikes)
#include "tst_cluster_spikes.moc"

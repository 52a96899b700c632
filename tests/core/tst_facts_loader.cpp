// A window large enough to be read on two connections at once (at least
// 50,000 tickets) gives the facts and metrics one reader would: every ticket
// once, in row order, with the tickets escalated in it but created before.
//
// Reporting window W = [B, B + 50,000 min), B = 2026-06-01T00:00Z. Tickets
// i = 0 .. 59,999, inserted in that order (row i + 1):
//   created B + (i − 5,000) min — except every i ≡ 1 (mod 100), created with
//     ticket i − 1 in the same second and resolved sooner, so the index
//     hands it out before its lower-numbered neighbour;
//   resolved 60 min after creation (those i ≡ 1: 10 min);
//   i ≡ 0 (mod 10): escalated 1→2 five minutes after creation;
//   i = 4,999 (created B − 1 min): escalated at B + 1 min, so in E(W) only.
// By hand: T(W) = i 5,000 .. 54,999 → 50,000 tickets; escalated among them
// i ≡ 0 (mod 10) → 5,000, each after 5 min (mean = p50 = p90 = 5, n 5,000);
// E(W) = those 5,000 escalations + i = 4,999's → 5,001, none claimed. No
// claimed event exists anywhere, so claim delay is not measurable (issue #16):
// not 5,001 unclaimed. With claims recorded, all 5,001 would be unclaimed.

#include "metrics/FactsLoader.h"
#include "metrics/MetricsEngine.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::metrics;

namespace {

const UtcSeconds B = QDateTime(QDate(2026, 6, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
const Window W{B, B + 50000 * 60};

UtcSeconds minutes(std::int64_t m) {
    return B + m * 60;
}

void escalate(store::DataWriter& writer, std::int64_t row, UtcSeconds at) {
    TicketEvent e;
    e.kind = EventKind::Escalated;
    e.occurredAt = at;
    e.fromTier = 1;
    e.toTier = 2;
    writer.insertEvent(row, e);
}

} // namespace

class TestFactsLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

private slots:
    void initTestCase() {
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("f.db")));
        store::Transaction transaction(m_workspace->db());
        store::DataWriter writer(m_workspace->db());
        for (int i = 0; i < 60000; ++i) {
            Ticket t;
            t.ticketId = QStringLiteral("T-%1").arg(i);
            const bool tie = i % 100 == 1;
            t.createdAt = minutes(i - 5000 - (tie ? 1 : 0));
            t.resolvedAt = t.createdAt + (tie ? 10 : 60) * 60;
            t.priority = QStringLiteral("Low");
            const std::int64_t row = writer.insertTicket(t);
            if (i % 10 == 0) {
                escalate(writer, row, t.createdAt + 5 * 60);
            } else if (i == 4999) {
                escalate(writer, row, minutes(1));
            }
        }
        transaction.commit();
    }

    void aLargeWindowReadsEveryTicketOnceInRowOrder() {
        const MetricsInput input = loadMetricsInput(m_workspace->db(), W);
        // T(W) and the one ticket escalated in W but created before it.
        QCOMPARE(input.tickets.size(), std::size_t(50001));
        for (std::size_t i = 1; i < input.tickets.size(); ++i) {
            QVERIFY2(input.tickets[i - 1].row < input.tickets[i].row,
                     qPrintable(QStringLiteral("at %1").arg(i)));
        }
        QCOMPARE(input.tickets.front().row, std::int64_t(5000)); // i = 4,999
        QCOMPARE(input.tickets.back().row, std::int64_t(55000)); // i = 54,999

        const Metrics m = computeMetrics(input, W);
        QCOMPARE(m.tickets, std::int64_t(50000));
        QCOMPARE(m.escalated, std::int64_t(5000));
        QCOMPARE(m.timeToEscalateMin.n, std::int64_t(5000));
        QCOMPARE(m.timeToEscalateMin.p50, std::optional<double>(5.0));
        QCOMPARE(m.timeToEscalateMin.p90, std::optional<double>(5.0));
        QVERIFY(!input.coverage.claims);
        QCOMPARE(m.unclaimed, std::int64_t(0));
        QCOMPARE(m.unavailable.count(QStringLiteral("claim_delay_min")), std::size_t(1));
        QCOMPARE(m.resolutionTimeMin.all.n, std::int64_t(50000));
        MetricsInput claimsRecorded = input;
        claimsRecorded.coverage.claims = true;
        QCOMPARE(computeMetrics(claimsRecorded, W).unclaimed, std::int64_t(5001));
    }

    void theMetricFieldsAloneGiveTheSameMetrics() {
        const Metrics all = computeMetrics(loadMetricsInput(m_workspace->db(), W), W);
        const Metrics lean =
            computeMetrics(loadMetricsInput(m_workspace->db(), W, FactFields::MetricsOnly), W);
        QCOMPARE(lean.tickets, all.tickets);
        QCOMPARE(lean.escalated, all.escalated);
        QCOMPARE(lean.unclaimed, all.unclaimed);
        QCOMPARE(lean.resolutionTimeMin.all.mean, all.resolutionTimeMin.all.mean);
        QCOMPARE(lean.deflectionRate, all.deflectionRate);
        QCOMPARE(lean.repeatIssueRate, all.repeatIssueRate);
    }
};

QTEST_GUILESS_MAIN(TestFactsLoader)
#include "tst_facts_loader.moc"

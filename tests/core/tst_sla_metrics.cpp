// sla_breach_rate (SPEC §7): tickets in the window with any SLA target
// breached, through the matrix's SLA engine, worked out by hand.
//
// One policy, SMB × High on a 24×7 calendar: first response 60 min,
// resolution 240 min, claim 30 min. Tickets have no account, so they run on
// the SMB policy. All created at T = 2026-11-03T09:00Z; evaluated at T + 300 min.
//   A  first response +30, resolved +200, never escalated     → all met
//   B  first response +90, resolved +120                      → first response breached
//   C  first response +20, escalated +10, claimed +50, resolved +100
//                                                             → claim (40 > 30) breached
//   D  first response +20, still open at +300                 → resolution past 240: breached
//   E  first response +20, escalated +5, claimed +15, still open at +300,
//      but paused +100 → resumed +200 (100 min off the clock: 200 used) → all within target
// sla_breach_rate.all = 3/5 (B, C, D); .escalated = 1/2 (C of C, E).

#include "matrix/TicketAssessment.h"
#include "metrics/FactsLoader.h"
#include "metrics/MetricsEngine.h"
#include "metrics/SlaOutcomes.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>

#include <QTest>
#include <algorithm>

using namespace escdesk;
using namespace escdesk::store;

namespace {

const UtcSeconds T =
    QDateTime(QDate(2026, 11, 3), QTime(9, 0), QTimeZone::utc()).toSecsSinceEpoch();

matrix::Matrix roundTheClockMatrix() {
    matrix::Matrix m;
    sla::BusinessCalendar calendar;
    calendar.name = QStringLiteral("24x7");
    calendar.timeZone = QStringLiteral("UTC");
    calendar.roundTheClock = true;
    m.calendars.push_back(calendar);
    sla::SlaPolicy policy;
    policy.customerTier = QStringLiteral("SMB");
    policy.priority = QStringLiteral("High");
    policy.firstResponseMin = 60;
    policy.resolutionMin = 240;
    policy.claimMin = 30;
    policy.calendar = calendar.name;
    m.policies.push_back(policy);
    return m;
}

struct Spec {
    const char* id;
    int firstResponse;
    std::optional<int> resolved;
    std::vector<std::pair<int, EventKind>> events;
};

} // namespace

class TestSlaMetrics : public QObject {
    Q_OBJECT

private slots:
    void breachRateCountsTicketsWithAnyBreachedTarget() {
        QTemporaryDir dir;
        Workspace workspace(dir.filePath(QStringLiteral("sla.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            using K = EventKind;
            const std::vector<Spec> specs{
                {"A", 30, 200, {}},
                {"B", 90, 120, {}},
                {"C", 20, 100, {{10, K::Escalated}, {50, K::Claimed}}},
                {"D", 20, std::nullopt, {}},
                {"E",
                 20,
                 std::nullopt,
                 {{5, K::Escalated}, {15, K::Claimed}, {100, K::Paused}, {200, K::Resumed}}},
            };
            for (const Spec& spec : specs) {
                Ticket t;
                t.ticketId = QString::fromLatin1(spec.id);
                t.createdAt = T;
                t.priority = QStringLiteral("High");
                t.firstResponseAt = T + spec.firstResponse * 60;
                if (spec.resolved) {
                    t.resolvedAt = T + *spec.resolved * 60;
                }
                const auto row = writer.insertTicket(t);
                for (const auto& [minute, kind] : spec.events) {
                    TicketEvent e;
                    e.occurredAt = T + minute * 60;
                    e.kind = kind;
                    writer.insertEvent(row, e);
                }
            }
            transaction.commit();
        }
        const Window day{T - 3600, T + 86400};
        metrics::MetricsInput input = metrics::loadMetricsInput(workspace.db(), day);
        const matrix::MatrixEvaluator evaluator(roundTheClockMatrix());
        metrics::markSlaBreaches(input, day, {evaluator, T + 300 * 60});
        const metrics::Metrics m = metrics::computeMetrics(input, day);
        QVERIFY(m.slaBreachRateAll.has_value());
        QVERIFY(qFuzzyCompare(*m.slaBreachRateAll, 3.0 / 5.0));
        QVERIFY(qFuzzyCompare(*m.slaBreachRateEscalated, 1.0 / 2.0));
        QCOMPARE(m.unavailable.count(QStringLiteral("sla_breach_rate")), std::size_t(0));
    }

    // A claim stamped with its escalation's instant pairs with it whatever
    // the order of the rows: the per-ticket clock (sla --ticket, triage, the
    // ticket pane) and the metrics agree in both orders. F: created T, first
    // response +20, escalated and claimed and started at +10, resolved +100:
    // claim 0 min of 30 → met; nothing breached; claim delay n 1, mean 0.
    void sameInstantEventsDoNotDependOnTheirOrderInTheFile() {
        using K = EventKind;
        const std::vector<std::vector<K>> orders{{K::Escalated, K::Claimed, K::Started},
                                                 {K::Claimed, K::Started, K::Escalated},
                                                 {K::Started, K::Escalated, K::Claimed}};
        for (const auto& order : orders) {
            QTemporaryDir dir;
            Workspace workspace(dir.filePath(QStringLiteral("order.db")));
            {
                DataWriter writer(workspace.db());
                Ticket t;
                t.ticketId = QStringLiteral("F");
                t.createdAt = T;
                t.priority = QStringLiteral("High");
                t.firstResponseAt = T + 20 * 60;
                t.resolvedAt = T + 100 * 60;
                const auto row = writer.insertTicket(t);
                for (const K kind : order) {
                    TicketEvent e;
                    e.occurredAt = T + 10 * 60;
                    e.kind = kind;
                    if (kind == K::Escalated) {
                        e.fromTier = 1;
                        e.toTier = 2;
                    }
                    writer.insertEvent(row, e);
                }
            }
            const matrix::Matrix policy = roundTheClockMatrix();
            const auto context = matrix::loadTicketContext(workspace.db(), QStringLiteral("F"));
            QVERIFY(context);
            const auto clocks = matrix::assessSla(policy, *context, T + 300 * 60);
            QVERIFY(clocks);
            const auto claim = std::find_if(
                clocks->targets.begin(), clocks->targets.end(),
                [](const sla::TargetClock& c) { return c.target == sla::SlaTarget::Claim; });
            QVERIFY(claim != clocks->targets.end());
            QCOMPARE(sla::clockStatusName(claim->status), QStringLiteral("met"));
            QCOMPARE(claim->elapsedBusinessMin, 0.0);

            const Window day{T - 3600, T + 86400};
            metrics::MetricsInput input = metrics::loadMetricsInput(workspace.db(), day);
            const matrix::MatrixEvaluator evaluator(policy);
            metrics::markSlaBreaches(input, day, {evaluator, T + 300 * 60});
            const metrics::Metrics m = metrics::computeMetrics(input, day);
            QCOMPARE(*m.slaBreachRateAll, 0.0);
            QCOMPARE(m.claimDelayMin.n, 1);
            QCOMPARE(*m.claimDelayMin.mean, 0.0);
            QCOMPARE(m.handoffDelayMin.n, 1);
            QCOMPARE(m.unclaimed, 0);
        }
    }

    void withoutPoliciesTheRateSaysWhy() {
        QTemporaryDir dir;
        Workspace workspace(dir.filePath(QStringLiteral("none.db")));
        {
            DataWriter writer(workspace.db());
            Ticket t;
            t.ticketId = QStringLiteral("A");
            t.createdAt = T;
            writer.insertTicket(t);
        }
        const Window day{T - 3600, T + 86400};
        metrics::MetricsInput input = metrics::loadMetricsInput(workspace.db(), day);
        const matrix::MatrixEvaluator evaluator{matrix::Matrix{}};
        metrics::markSlaBreaches(input, day, {evaluator, T});
        const metrics::Metrics m = metrics::computeMetrics(input, day);
        QVERIFY(!m.slaBreachRateAll.has_value());
        QCOMPARE(m.unavailable.count(QStringLiteral("sla_breach_rate")), std::size_t(1));
    }

    void manyTicketsAreMarkedAlikeOnEveryCore() {
        // The five tickets above 2,000 times over (10,000 tickets, enough to
        // be shared out over the cores): each copy is marked as its original
        // by hand, so 6,000 of 10,000 breached and 2,000 of 4,000 escalated.
        QTemporaryDir dir;
        Workspace workspace(dir.filePath(QStringLiteral("many.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            using K = EventKind;
            const std::vector<Spec> specs{
                {"A", 30, 200, {}},
                {"B", 90, 120, {}},
                {"C", 20, 100, {{10, K::Escalated}, {50, K::Claimed}}},
                {"D", 20, std::nullopt, {}},
                {"E",
                 20,
                 std::nullopt,
                 {{5, K::Escalated}, {15, K::Claimed}, {100, K::Paused}, {200, K::Resumed}}},
            };
            for (int copy = 0; copy < 2000; ++copy) {
                for (const Spec& spec : specs) {
                    Ticket t;
                    t.ticketId = QStringLiteral("%1-%2").arg(QLatin1String(spec.id)).arg(copy);
                    t.createdAt = T;
                    t.priority = QStringLiteral("High");
                    t.firstResponseAt = T + spec.firstResponse * 60;
                    if (spec.resolved) {
                        t.resolvedAt = T + *spec.resolved * 60;
                    }
                    const auto row = writer.insertTicket(t);
                    for (const auto& [minute, kind] : spec.events) {
                        TicketEvent e;
                        e.occurredAt = T + minute * 60;
                        e.kind = kind;
                        writer.insertEvent(row, e);
                    }
                }
            }
            transaction.commit();
        }
        const Window day{T - 3600, T + 86400};
        metrics::MetricsInput input = metrics::loadMetricsInput(workspace.db(), day);
        QCOMPARE(input.tickets.size(), std::size_t(10000));
        const matrix::MatrixEvaluator evaluator(roundTheClockMatrix());
        metrics::markSlaBreaches(input, day, {evaluator, T + 300 * 60});
        // Rows follow insertion: A, B, C, D, E, A, B, …
        const bool breached[] = {false, true, true, true, false};
        for (std::size_t i = 0; i < input.tickets.size(); ++i) {
            QVERIFY(input.tickets[i].slaBreached.has_value());
            QCOMPARE(*input.tickets[i].slaBreached, breached[i % 5]);
        }
        const metrics::Metrics m = metrics::computeMetrics(input, day);
        QCOMPARE(*m.slaBreachRateAll, 6000.0 / 10000.0);
        QCOMPARE(*m.slaBreachRateEscalated, 2000.0 / 4000.0);
    }
};

QTEST_GUILESS_MAIN(TestSlaMetrics)
#include "tst_sla_metrics.moc"

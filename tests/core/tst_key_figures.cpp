// The dashboard's key figures (metrics/KeyFigures, metrics/Benchmarks), the
// drill-down ticket lists (analysis/DrillDown) and the stacked root causes of
// the trend chart (analysis/TrendCategories), on data worked out by hand.

#include "analysis/DrillDown.h"
#include "analysis/TrendCategories.h"
#include "matrix/MatrixStore.h"
#include "metrics/FactsLoader.h"
#include "metrics/KeyFigures.h"
#include "store/DataWriter.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::metrics;

namespace {

const QTimeZone utc = QTimeZone::utc();
// W = [Mon 2026-11-02, Mon 2026-11-09) UTC; the week before is P.
const UtcSeconds W = QDateTime(QDate(2026, 11, 2), QTime(0, 0), utc).toSecsSinceEpoch();
const Window week{W, W + 7 * 86400};
const Window weekBefore{W - 7 * 86400, W};
constexpr UtcSeconds minute = 60;
constexpr UtcSeconds hour = 3600;

struct Step {
    EventKind kind;
    int minutesAfterEscalation;
};

// A ticket created at `created`, escalated `toEscalate` minutes later (none
// when negative) to `toTier`, with the events of `steps` after that.
std::int64_t addTicket(store::DataWriter& writer, const QString& id, UtcSeconds created,
                       const QString& priority, const QString& rootCause, int toEscalate,
                       int toTier, std::initializer_list<Step> steps) {
    Ticket t;
    t.ticketId = id;
    t.createdAt = created;
    t.priority = priority;
    t.rootCause = rootCause;
    t.subject = id + QStringLiteral(" subject");
    const std::int64_t row = writer.insertTicket(t);
    if (toEscalate < 0) {
        return row;
    }
    const UtcSeconds escalatedAt = created + toEscalate * minute;
    TicketEvent e;
    e.kind = EventKind::Escalated;
    e.occurredAt = escalatedAt;
    e.fromTier = 1;
    e.toTier = toTier;
    writer.insertEvent(row, e);
    for (const Step& step : steps) {
        TicketEvent s;
        s.kind = step.kind;
        s.occurredAt = escalatedAt + step.minutesAfterEscalation * minute;
        writer.insertEvent(row, s);
    }
    return row;
}

const KeyFigureValue& figureOf(const std::vector<KeyFigureValue>& figures, KeyFigure which) {
    for (const KeyFigureValue& f : figures) {
        if (f.figure == which) {
            return f;
        }
    }
    qFatal("figure missing");
}

void compareOptional(const std::optional<double>& actual, double expected) {
    QVERIFY(actual.has_value());
    QVERIFY2(qAbs(*actual - expected) < 1e-9,
             qPrintable(QStringLiteral("%1 != %2").arg(*actual).arg(expected)));
}

} // namespace

class TestKeyFigures : public QObject {
    Q_OBJECT

private slots:
    void benchmarkBands() {
        // SPEC §7: bounceback 5–10% healthy, > 20% bad.
        QCOMPARE(bouncebackBand(0.03), BenchmarkBand::Good);
        QCOMPARE(bouncebackBand(0.10), BenchmarkBand::Good);
        QCOMPARE(bouncebackBand(0.1001), BenchmarkBand::Watch);
        QCOMPARE(bouncebackBand(0.20), BenchmarkBand::Watch);
        QCOMPARE(bouncebackBand(0.2001), BenchmarkBand::NeedsAttention);
        QVERIFY(!bouncebackBand(std::nullopt));
        // Context loss < 10%.
        QCOMPARE(contextLossBand(0.0999), BenchmarkBand::Good);
        QCOMPARE(contextLossBand(0.10), BenchmarkBand::NeedsAttention);
        QVERIFY(!contextLossBand(std::nullopt));
        // Handoff / Critical decision < 30 min.
        QCOMPARE(under30MinutesBand(29.9), BenchmarkBand::Good);
        QCOMPARE(under30MinutesBand(30.0), BenchmarkBand::NeedsAttention);
        QVERIFY(!under30MinutesBand(std::nullopt));
        // Critical decisions within 30 min: 90% or more (a p90 within them).
        QCOMPARE(criticalWithin30mBand(0.9), BenchmarkBand::Good);
        QCOMPARE(criticalWithin30mBand(0.899), BenchmarkBand::NeedsAttention);
        QCOMPARE(criticalWithin30mBand(0.109), BenchmarkBand::NeedsAttention);
        QVERIFY(!criticalWithin30mBand(std::nullopt));
    }

    // Week W (created W + 1 h … W + 5 h), escalations to tier 2 unless said:
    //   T1 Critical: escalated after 10 min; started +20, decision +25
    //   T2 High:     after 30 min; started +40, decision +90, bounced +100
    //   T3 Medium:   after 60 min; started +5, info requested +8, decision +10
    //   T4 Low:      not escalated
    //   T5 Critical: after 20 min, to tier 3; started +50, decision +45
    // Week before: P1 Medium after 40 min; started +10, decision +20,
    // bounced +30; P2 Low not escalated.
    void figuresAgainstThePeriodBefore() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("k.db")));
        // A matrix without SLA policies: no ticket's SLA is evaluated.
        matrix::Matrix noPolicies = matrix::defaultMatrix(QStringLiteral("UTC"));
        noPolicies.policies.clear();
        matrix::saveMatrix(workspace.db(), noPolicies, QStringLiteral("test"), QString(), W);
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter w(workspace.db());
            const QString none;
            addTicket(w, QStringLiteral("T1"), W + 1 * hour, QStringLiteral("Critical"), none, 10,
                      2, {{EventKind::Started, 20}, {EventKind::Decision, 25}});
            addTicket(
                w, QStringLiteral("T2"), W + 2 * hour, QStringLiteral("High"), none, 30, 2,
                {{EventKind::Started, 40}, {EventKind::Decision, 90}, {EventKind::Bounced, 100}});
            addTicket(w, QStringLiteral("T3"), W + 3 * hour, QStringLiteral("Medium"), none, 60, 2,
                      {{EventKind::Started, 5},
                       {EventKind::InfoRequested, 8},
                       {EventKind::Decision, 10}});
            addTicket(w, QStringLiteral("T4"), W + 4 * hour, QStringLiteral("Low"), none, -1, 0,
                      {});
            addTicket(w, QStringLiteral("T5"), W + 5 * hour, QStringLiteral("Critical"), none, 20,
                      3, {{EventKind::Started, 50}, {EventKind::Decision, 45}});
            addTicket(
                w, QStringLiteral("P1"), W - 3 * 86400, QStringLiteral("Medium"), none, 40, 2,
                {{EventKind::Started, 10}, {EventKind::Decision, 20}, {EventKind::Bounced, 30}});
            addTicket(w, QStringLiteral("P2"), W - 2 * 86400, QStringLiteral("Low"), none, -1, 0,
                      {});
            transaction.commit();
        }
        const KeyFigureComparison c = compareKeyFigures(workspace.db(), week, weekBefore, week.to);
        const auto& f = c.figures;

        // Time to escalate [10, 20, 30, 60]: p90 at rank 0.9 × 3 = 2.7 →
        // 30 + 0.7 × 30 = 51; before: [40] → 40; change +11.
        const KeyFigureValue& tte = figureOf(f, KeyFigure::TimeToEscalateP90);
        compareOptional(tte.value, 51.0);
        compareOptional(tte.previous, 40.0);
        compareOptional(tte.change, 11.0);
        QCOMPARE(tte.n, std::int64_t(4));
        QVERIFY(!tte.band);
        QCOMPARE(tte.better, Better::Lower);

        // Handoff [5, 20, 40, 50]: p50 at rank 1.5 → 30; p90 at 2.7 → 47.
        // High/Critical only [20, 40, 50]: p90 at rank 1.8 → 48 ≥ 30.
        const KeyFigureValue& handoff = figureOf(f, KeyFigure::HandoffDelay);
        compareOptional(handoff.p50, 30.0);
        compareOptional(handoff.value, 47.0);
        compareOptional(handoff.previous, 10.0);
        compareOptional(handoff.change, 37.0);
        compareOptional(handoff.benchmarkValue, 48.0);
        QCOMPARE(*handoff.band, BenchmarkBand::NeedsAttention);

        // Decision latency [10, 25, 45, 90]: p90 at 2.7 → 45 + 0.7 × 45 = 76.5.
        const KeyFigureValue& decision = figureOf(f, KeyFigure::DecisionLatencyP90);
        compareOptional(decision.value, 76.5);
        compareOptional(decision.change, 56.5);

        // Critical: T1 decided in 25 min (≤ 30), T5 in 45 → 1 of 2 = 0.5.
        // Their p90 [25, 45] at rank 0.9 → 43 ≥ 30. None before: no change.
        const KeyFigureValue& critical = figureOf(f, KeyFigure::CriticalDecisionsWithin30m);
        compareOptional(critical.value, 0.5);
        QVERIFY(!critical.previous);
        QVERIFY(!critical.change);
        compareOptional(critical.benchmarkValue, 43.0);
        // The band is on the share: 50% decided within 30 min is under 90%.
        QCOMPARE(*critical.band, BenchmarkBand::NeedsAttention);
        QCOMPARE(critical.better, Better::Higher);

        // Bounceback 1 of 4 = 0.25 (> 20%: bad); before 1 of 1.
        const KeyFigureValue& bounce = figureOf(f, KeyFigure::BouncebackRate);
        compareOptional(bounce.value, 0.25);
        compareOptional(bounce.change, -0.75);
        QCOMPARE(*bounce.band, BenchmarkBand::NeedsAttention);

        // Context loss 1 of 4 = 0.25 (≥ 10%); before 0 of 1.
        const KeyFigureValue& context = figureOf(f, KeyFigure::ContextLossRate);
        compareOptional(context.value, 0.25);
        compareOptional(context.change, 0.25);
        QCOMPARE(*context.band, BenchmarkBand::NeedsAttention);

        // Nobody escalated twice: 0 both times.
        const KeyFigureValue& again = figureOf(f, KeyFigure::ReescalatedShare);
        compareOptional(again.value, 0.0);
        compareOptional(again.change, 0.0);

        // Deflection: 4 reached tier 2, T5 tier 3 → 3 / 4; before 1 / 1.
        const KeyFigureValue& deflection = figureOf(f, KeyFigure::DeflectionRate);
        compareOptional(deflection.value, 0.75);
        compareOptional(deflection.change, -0.25);
        QCOMPARE(deflection.better, Better::Higher);

        // No SLA policy: no value, and the reason says why.
        const KeyFigureValue& sla = figureOf(f, KeyFigure::SlaBreachRate);
        QVERIFY(!sla.value);
        QVERIFY(!sla.unavailable.isEmpty());
    }

    // Without an event log the event-based figures have no value and say so.
    void withoutEventLogFiguresSayWhy() {
        Metrics empty;
        empty.unavailable[QStringLiteral("bounceback_rate")] = QStringLiteral("needs event log");
        const auto f = keyFigures(empty, empty, std::nullopt, std::nullopt);
        const KeyFigureValue& bounce = figureOf(f, KeyFigure::BouncebackRate);
        QVERIFY(!bounce.value);
        QCOMPARE(bounce.unavailable, QStringLiteral("needs event log"));
        QVERIFY(!bounce.band);
    }

    // Window W; D3 was created the week before but escalated in W.
    //   D1 High, Integration, created W+1h, escalated W+2h
    //   D2 Low, Billing, created W+3h, escalated W+3h30 and W+5h
    //   D3 —, Integration, created W−2d, escalated W+30min
    //   D4 High, no root cause, created W+4h, not escalated
    //   D5 Low, no root cause, created W+6h, escalated W+7h
    void drillDownRows() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("d.db")));
        std::int64_t d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0;
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter w(workspace.db());
            d1 = addTicket(w, QStringLiteral("D1"), W + hour, QStringLiteral("High"),
                           QStringLiteral("Integration"), 60, 2, {});
            d2 = addTicket(w, QStringLiteral("D2"), W + 3 * hour, QStringLiteral("Low"),
                           QStringLiteral("Billing"), 30, 2, {});
            TicketEvent again;
            again.kind = EventKind::Escalated;
            again.occurredAt = W + 5 * hour;
            again.fromTier = 2;
            again.toTier = 3;
            w.insertEvent(d2, again);
            d3 = addTicket(w, QStringLiteral("D3"), W - 2 * 86400, QString(),
                           QStringLiteral("Integration"), 2 * 24 * 60 + 30, 2, {});
            d4 = addTicket(w, QStringLiteral("D4"), W + 4 * hour, QStringLiteral("High"), QString(),
                           -1, 0, {});
            d5 = addTicket(w, QStringLiteral("D5"), W + 6 * hour, QStringLiteral("Low"), QString(),
                           60, 2, {});
            transaction.commit();
        }
        const MetricsInput input = loadMetricsInput(workspace.db(), week);

        // By root cause, in order of the first escalation in W; D2 once.
        const auto byCause = analysis::ticketRowsByRootCause(input, week);
        QCOMPARE(byCause.size(), std::size_t(3));
        QCOMPARE(byCause.at(QStringLiteral("Integration")), (std::vector<std::int64_t>{d3, d1}));
        QCOMPARE(byCause.at(QStringLiteral("Billing")), (std::vector<std::int64_t>{d2}));
        QCOMPARE(byCause.at(QStringLiteral("Unspecified")), (std::vector<std::int64_t>{d5}));

        // By priority over T(W) (D3 was created before W), in creation order.
        const auto byPriority = analysis::ticketRowsBySegment(input, week, SegmentField::Priority);
        QCOMPARE(byPriority.size(), std::size_t(2));
        QCOMPARE(byPriority.at(QStringLiteral("High")).all, (std::vector<std::int64_t>{d1, d4}));
        QCOMPARE(byPriority.at(QStringLiteral("High")).escalated, (std::vector<std::int64_t>{d1}));
        QCOMPARE(byPriority.at(QStringLiteral("Low")).all, (std::vector<std::int64_t>{d2, d5}));
        QCOMPARE(byPriority.at(QStringLiteral("Low")).escalated,
                 (std::vector<std::int64_t>{d2, d5}));

        // By root cause as a segment: D4 and D5 have none.
        const auto byCauseSegment =
            analysis::ticketRowsBySegment(input, week, SegmentField::RootCause);
        QCOMPARE(byCauseSegment.at(QString()).all, (std::vector<std::int64_t>{d4, d5}));
        QCOMPARE(byCauseSegment.at(QString()).escalated, (std::vector<std::int64_t>{d5}));

        // One segment at a time, from the store: the same lists.
        const auto high = analysis::segmentTicketRows(workspace.db(), week, SegmentField::Priority,
                                                      QStringLiteral("High"));
        QCOMPARE(high.all, (std::vector<std::int64_t>{d1, d4}));
        QCOMPARE(high.escalated, (std::vector<std::int64_t>{d1}));
        const auto low = analysis::segmentTicketRows(workspace.db(), week, SegmentField::Priority,
                                                     QStringLiteral("Low"));
        QCOMPARE(low.all, (std::vector<std::int64_t>{d2, d5}));
        QCOMPARE(low.escalated, (std::vector<std::int64_t>{d2, d5}));
        // No value: D4 and D5 have no root cause (D3, without a priority,
        // was created before W).
        const auto noCause =
            analysis::segmentTicketRows(workspace.db(), week, SegmentField::RootCause, QString());
        QCOMPARE(noCause.all, (std::vector<std::int64_t>{d4, d5}));
        QCOMPARE(noCause.escalated, (std::vector<std::int64_t>{d5}));
        const auto noPriority =
            analysis::segmentTicketRows(workspace.db(), week, SegmentField::Priority, QString());
        QVERIFY(noPriority.all.empty());
        QVERIFY(analysis::segmentTicketRows(workspace.db(), week, SegmentField::Priority,
                                            QStringLiteral("Critical"))
                    .all.empty());
        QVERIFY(analysis::segmentTicketRows(workspace.db(), weekBefore, SegmentField::Priority,
                                            QStringLiteral("High"))
                    .all.empty());

        // The whole window: T(W) is D1, D2, D4, D5 (D3 was created before).
        const analysis::SegmentTickets period = analysis::ticketRowsOfWindow(input, week);
        QCOMPARE(period.all, (std::vector<std::int64_t>{d1, d2, d4, d5}));
        QCOMPARE(period.escalated, (std::vector<std::int64_t>{d1, d2, d5}));

        // A cluster's members by helpdesk id; an unknown id is skipped.
        analysis::ProblemCluster cluster;
        for (const char* id : {"D2", "NOPE", "D1"}) {
            analysis::ClusterMember member;
            member.ticketId = QString::fromLatin1(id);
            cluster.members.push_back(member);
        }
        QCOMPARE(analysis::clusterTicketRows(workspace.db(), cluster),
                 (std::vector<std::int64_t>{d2, d1}));
    }

    // Without an event log a ticket is escalated by its own flag; account
    // fields come from the ticket's account, by its exact id.
    //   F1 account ACME (Enterprise), flag 1, created W+1h
    //   F2 account ACME, flag 0, created W+2h
    //   F3 account acme (no such account: no tier), flag 1, created W+3h
    //   F4 no account, flag unset, created W+30min
    //   F5 account ACME, flag 1, created the week before
    void segmentTicketRowsWithoutEventLog() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("f.db")));
        std::int64_t f1 = 0, f2 = 0, f3 = 0, f4 = 0;
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter w(workspace.db());
            Account acme;
            acme.accountId = QStringLiteral("ACME");
            acme.tier = QStringLiteral("Enterprise");
            w.insertAccount(acme);
            const auto add = [&](const char* id, UtcSeconds created, const char* account,
                                 std::optional<bool> escalated) {
                Ticket t;
                t.ticketId = QString::fromLatin1(id);
                t.createdAt = created;
                t.accountId = QString::fromLatin1(account);
                t.escalated = escalated;
                return w.insertTicket(t);
            };
            f1 = add("F1", W + hour, "ACME", true);
            f2 = add("F2", W + 2 * hour, "ACME", false);
            f3 = add("F3", W + 3 * hour, "acme", true);
            f4 = add("F4", W + 30 * minute, nullptr, std::nullopt);
            add("F5", W - 86400, "ACME", true);
            transaction.commit();
        }
        const auto enterprise = analysis::segmentTicketRows(
            workspace.db(), week, SegmentField::AccountTier, QStringLiteral("Enterprise"));
        QCOMPARE(enterprise.all, (std::vector<std::int64_t>{f1, f2}));
        QCOMPARE(enterprise.escalated, (std::vector<std::int64_t>{f1}));
        const auto noTier =
            analysis::segmentTicketRows(workspace.db(), week, SegmentField::AccountTier, QString());
        QCOMPARE(noTier.all, (std::vector<std::int64_t>{f4, f3}));
        QCOMPARE(noTier.escalated, (std::vector<std::int64_t>{f3}));
        // As the facts list them.
        const auto bySegment = analysis::ticketRowsBySegment(loadMetricsInput(workspace.db(), week),
                                                             week, SegmentField::AccountTier);
        QCOMPARE(bySegment.at(QStringLiteral("Enterprise")).all, enterprise.all);
        QCOMPARE(bySegment.at(QString()).all, noTier.all);
        QCOMPARE(bySegment.at(QString()).escalated, noTier.escalated);
    }

    // Totals A 8, C 6, B 3, D 2, E 2 over three periods.
    void stackedRootCausesKeepTheLeadersAndSumTheRest() {
        analysis::Trend trend;
        trend.points.resize(3);
        trend.points[0].escalationsByRootCause = {{"A", 5}, {"B", 1}, {"C", 2}};
        trend.points[1].escalationsByRootCause = {{"A", 3}, {"C", 4}, {"D", 1}};
        trend.points[2].escalationsByRootCause = {{"B", 2}, {"D", 1}, {"E", 2}};

        const auto two = analysis::stackedRootCauses(trend, 2);
        QCOMPARE(two.names, (QStringList{"A", "C", "All other"}));
        QCOMPARE(two.counts[0], (std::vector<std::int64_t>{5, 3, 0}));
        QCOMPARE(two.counts[1], (std::vector<std::int64_t>{2, 4, 0}));
        // B 1 | D 1 | B 2 + D 1 + E 2
        QCOMPARE(two.counts[2], (std::vector<std::int64_t>{1, 1, 5}));

        // D and E tie at 2: D comes first by name.
        const auto four = analysis::stackedRootCauses(trend, 4);
        QCOMPARE(four.names, (QStringList{"A", "C", "B", "D", "All other"}));
        QCOMPARE(four.counts[4], (std::vector<std::int64_t>{0, 0, 2}));

        const auto all = analysis::stackedRootCauses(trend, 9);
        QCOMPARE(all.names, (QStringList{"A", "C", "B", "D", "E"}));
    }
};

QTEST_GUILESS_MAIN(TestKeyFigures)
#include "tst_key_figures.moc"

// The tickets behind each SPEC §7 figure (analysis::figureTickets) are
// exactly the tickets its numerator and denominator count, on a small input
// worked out by hand.
//
// Window W = [B, B + 7 days), B = 2026-11-02T00:00Z; times are minutes after
// B. Ticket rows in brackets.
//
//   T0 [1] created B−1 day (before W), Critical
//          escalated 1→2 @30 (in E(W)), decision @50; never claimed
//   T1 [2] created @60, Critical, Product Bug / Billing, resolved @600,
//          SLA breached
//          escalated 1→2 @90, claimed @100, started @110, decision @125
//   T2 [3] created @120, High, Product Bug / Billing, resolved @1500
//          escalated 1→2 @180, claimed @240, info_requested @250,
//          bounced 2→1 @300, escalated 1→2 @400, claimed @420, started @430,
//          decision @500, escalated 2→3 @600, reopened @1600
//   T3 [4] created @200, Medium, resolved @260, not escalated, SLA met
//   T4 [5] created @300, Low, open, not escalated
//   T5 [6] created @10070 (last minutes of W), Critical, Integration Issue /
//          Integrations, escalated 1→2 @10100 (after W)
//   Earlier: an escalated Product Bug / Billing ticket resolved B−10 days.
//
// By hand:
//   T(W) = T1 T2 T3 T4 T5 (creation order) → tickets 5
//   escalated (an `escalated` event, wherever it falls) = T1 T2 T5 → 3
//   time to escalate: T1 30, T2 60, T5 30 → sample longest first T2 T1 T5
//   E(W) = T0@30, T1@90, T2@180, T2@400, T2@600 → tickets T0 T1 T2
//   claim: T0 none, T1 10, T2 60 (@180) and 20 (@400), none @600 → T2 T1
//   handoff: T1 20, T2 30 (@400) → T2 T1
//   decision: T0 20, T1 35, T2 100 (@400) → T2 T1 T0
//   Critical ≤ 30 min: Critical in E(W) are T0 (20: yes) and T1 (35: no)
//   bounceback / context loss: only T2's escalation @180 → T2
//   re-escalated: T2 (3 escalations) of T1 T2 T5
//   deflection: reached tier 2: T1 (2) T2 (3) T5 (2); never tier 3: T1 T5
//   reopen: resolved T1 T2 T3; reopened T2
//   resolution: T1 540, T2 1380, T3 60 → T2 T1 T3
//   SLA: evaluated T1 (breached) and T3 (met)
//   repeat issue: T1 and T2 match the earlier Product Bug / Billing

#include "analysis/MetricTickets.h"
#include "metrics/MetricsEngine.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::metrics;

namespace {

const UtcSeconds B =
    QDateTime(QDate(2026, 11, 2), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
constexpr int Day = 1440;
const Window W{B, B + 7 * Day * 60};

UtcSeconds at(int minutes) {
    return B + UtcSeconds(minutes) * 60;
}

FactEvent event(int minutes, EventKind kind, std::optional<int> from = {},
                std::optional<int> to = {}) {
    return FactEvent{at(minutes), kind, from, to};
}

TicketFacts ticket(std::int64_t row, int created, const char* priority) {
    TicketFacts t;
    t.row = row;
    t.createdAt = at(created);
    t.priority = QString::fromLatin1(priority);
    return t;
}

MetricsInput handWorked() {
    using K = EventKind;
    MetricsInput input;
    input.hasEventLog = true;

    TicketFacts t0 = ticket(1, -Day, "Critical");
    t0.events = {event(30, K::Escalated, 1, 2), event(50, K::Decision)};

    TicketFacts t1 = ticket(2, 60, "Critical");
    t1.rootCause = QStringLiteral("Product Bug");
    t1.productArea = QStringLiteral("Billing");
    t1.resolvedAt = at(600);
    t1.slaBreached = true;
    t1.events = {event(90, K::Escalated, 1, 2), event(100, K::Claimed), event(110, K::Started),
                 event(125, K::Decision)};

    TicketFacts t2 = ticket(3, 120, "High");
    t2.rootCause = QStringLiteral("Product Bug");
    t2.productArea = QStringLiteral("Billing");
    t2.resolvedAt = at(1500);
    t2.events = {event(180, K::Escalated, 1, 2), event(240, K::Claimed),
                 event(250, K::InfoRequested),   event(300, K::Bounced, 2, 1),
                 event(400, K::Escalated, 1, 2), event(420, K::Claimed),
                 event(430, K::Started),         event(500, K::Decision),
                 event(600, K::Escalated, 2, 3), event(1600, K::Reopened)};

    TicketFacts t3 = ticket(4, 200, "Medium");
    t3.resolvedAt = at(260);
    t3.slaBreached = false;

    TicketFacts t4 = ticket(5, 300, "Low");

    TicketFacts t5 = ticket(6, 7 * Day - 10, "Critical");
    t5.rootCause = QStringLiteral("Integration Issue");
    t5.productArea = QStringLiteral("Integrations");
    t5.events = {event(7 * Day + 20, K::Escalated, 1, 2)};

    input.tickets = {t0, t1, t2, t3, t4, t5};
    input.resolvedEscalations = {
        {at(-10 * Day), QStringLiteral("Product Bug"), QStringLiteral("Billing")}};
    return input;
}

using Rows = std::vector<std::int64_t>;

} // namespace

class TestMetricTickets : public QObject {
    Q_OBJECT

private slots:
    void headlineCounts() {
        const MetricsInput input = handWorked();
        const Metrics m = computeMetrics(input, W);
        const FigureTickets tickets = figureTickets(input, W, MetricFigure::Tickets);
        QCOMPARE(tickets.counted, (Rows{2, 3, 4, 5, 6}));
        QCOMPARE(std::int64_t(tickets.counted.size()), m.tickets);

        const FigureTickets rate = figureTickets(input, W, MetricFigure::EscalationRate);
        QCOMPARE(rate.counted, (Rows{2, 3, 6}));
        QCOMPARE(rate.population, (Rows{2, 3, 4, 5, 6}));
        QVERIFY(rate.countedMinutes.empty()); // a rate has no durations
        QCOMPARE(std::int64_t(rate.counted.size()), m.escalated);
        QCOMPARE(figureTickets(input, W, MetricFigure::Escalated).counted, rate.counted);
    }

    void durationsListTheirSampleLongestFirst() {
        const MetricsInput input = handWorked();
        const Metrics m = computeMetrics(input, W);

        const FigureTickets toEscalate = figureTickets(input, W, MetricFigure::TimeToEscalate);
        QCOMPARE(toEscalate.counted, (Rows{3, 2, 6})); // 60, then the two 30s by creation
        QCOMPARE(toEscalate.countedMinutes, (std::vector<double>{60, 30, 30}));
        QCOMPARE(toEscalate.population, (Rows{2, 3, 6}));
        QCOMPARE(std::int64_t(toEscalate.counted.size()), m.timeToEscalateMin.n);

        // Over E(W): tickets T0 T1 T2; T2's escalations count 2 and 1 times
        // in the metrics' n (claim 2 samples, handoff 1, decision 1).
        const FigureTickets claim = figureTickets(input, W, MetricFigure::ClaimDelay);
        QCOMPARE(claim.counted, (Rows{3, 2}));
        QCOMPARE(claim.countedMinutes, (std::vector<double>{60, 10})); // T2's longest, T1
        QCOMPARE(claim.population, (Rows{1, 2, 3}));
        QCOMPARE(m.claimDelayMin.n, 3); // T1 10, T2 60 and 20
        QCOMPARE(m.unclaimed, 2);       // T0 @30, T2 @600

        QCOMPARE(figureTickets(input, W, MetricFigure::HandoffDelay).counted, (Rows{3, 2}));
        QCOMPARE(m.handoffDelayMin.n, 2);
        QCOMPARE(figureTickets(input, W, MetricFigure::DecisionLatency).counted, (Rows{3, 2, 1}));
        QCOMPARE(m.decisionLatencyMin.n, 3);

        const FigureTickets resolution = figureTickets(input, W, MetricFigure::ResolutionTime);
        QCOMPARE(resolution.counted, (Rows{3, 2, 4})); // 1380, 540, 60
        QCOMPARE(std::int64_t(resolution.counted.size()), m.resolutionTimeMin.all.n);
    }

    void ratesOverEscalations() {
        const MetricsInput input = handWorked();
        const Metrics m = computeMetrics(input, W);

        const FigureTickets critical =
            figureTickets(input, W, MetricFigure::CriticalDecisionsWithin30m);
        QCOMPARE(critical.counted, (Rows{1}));
        QCOMPARE(critical.population, (Rows{1, 2}));
        QCOMPARE(m.criticalDecisionsWithin30m, std::optional<double>(1.0 / 2.0));

        // 1 of the 5 escalations bounced (T2's first); the list names T2 of
        // the 3 tickets escalated in W.
        const FigureTickets bounced = figureTickets(input, W, MetricFigure::BouncebackRate);
        QCOMPARE(bounced.counted, (Rows{3}));
        QCOMPARE(bounced.population, (Rows{1, 2, 3}));
        QCOMPARE(m.bouncebackRate, std::optional<double>(1.0 / 5.0));

        QCOMPARE(figureTickets(input, W, MetricFigure::ContextLossRate).counted, (Rows{3}));
        QCOMPARE(m.contextLossRate, std::optional<double>(1.0 / 5.0));
    }

    void ratesOverCreatedTickets() {
        const MetricsInput input = handWorked();
        const Metrics m = computeMetrics(input, W);

        const FigureTickets reescalated = figureTickets(input, W, MetricFigure::ReescalatedShare);
        QCOMPARE(reescalated.counted, (Rows{3}));
        QCOMPARE(reescalated.population, (Rows{2, 3, 6}));
        QCOMPARE(m.reescalatedShare, std::optional<double>(1.0 / 3.0));

        const FigureTickets deflection = figureTickets(input, W, MetricFigure::DeflectionRate);
        QCOMPARE(deflection.counted, (Rows{2, 6}));
        QCOMPARE(deflection.population, (Rows{2, 3, 6}));
        QCOMPARE(m.deflectionRate, std::optional<double>(2.0 / 3.0));

        const FigureTickets reopen = figureTickets(input, W, MetricFigure::ReopenRate);
        QCOMPARE(reopen.counted, (Rows{3}));
        QCOMPARE(reopen.population, (Rows{2, 3, 4}));
        QCOMPARE(m.reopenRate, std::optional<double>(1.0 / 3.0));

        const FigureTickets sla = figureTickets(input, W, MetricFigure::SlaBreachRate);
        QCOMPARE(sla.counted, (Rows{2}));
        QCOMPARE(sla.population, (Rows{2, 4}));
        QCOMPARE(m.slaBreachRateAll, std::optional<double>(1.0 / 2.0));

        const FigureTickets repeat = figureTickets(input, W, MetricFigure::RepeatIssueRate);
        QCOMPARE(repeat.counted, (Rows{2, 3}));
        QCOMPARE(repeat.population, (Rows{2, 3, 6}));
        QCOMPARE(m.repeatIssueRate, std::optional<double>(2.0 / 3.0));

        const FigureTickets perTicket =
            figureTickets(input, W, MetricFigure::EscalationsPerEscalatedTicket);
        QCOMPARE(perTicket.counted, (Rows{2, 3, 6}));
        QCOMPARE(m.escalationsPerEscalatedTicket, std::optional<double>(5.0 / 3.0)); // 1+3+1
    }

    void withoutEventLogTheFlagDecidesAndLogFiguresListNothing() {
        // Two tickets in W, the second flagged escalated 15 minutes in.
        MetricsInput input;
        TicketFacts plain = ticket(1, 10, "Low");
        TicketFacts flagged = ticket(2, 20, "High");
        flagged.escalatedFlag = true;
        flagged.escalatedAt = at(35);
        input.tickets = {plain, flagged};
        QCOMPARE(figureTickets(input, W, MetricFigure::Escalated).counted, (Rows{2}));
        QCOMPARE(figureTickets(input, W, MetricFigure::TimeToEscalate).counted, (Rows{2}));
        const FigureTickets bounced = figureTickets(input, W, MetricFigure::BouncebackRate);
        QVERIFY(bounced.counted.empty());
        QVERIFY(bounced.population.empty());
        QVERIFY(!computeMetrics(input, W).bouncebackRate);
    }

    void keysAreTheSpecNames() {
        QCOMPARE(figureKey(MetricFigure::CriticalDecisionsWithin30m),
                 QStringLiteral("critical_decisions_within_30m"));
        QCOMPARE(figureKey(MetricFigure::ResolutionTime), QStringLiteral("resolution_time_min"));
    }
};

QTEST_GUILESS_MAIN(TestMetricTickets)
#include "tst_metric_tickets.moc"

// Every SPEC §7 metric on a small workspace worked out by hand.
//
// Window W = [2026-11-02, 2026-11-09) in UTC. Times below are minutes after
// B = 2026-11-02T00:00Z. The workspace:
//
//   T0  created B-1440 (before W), Critical, Enterprise/Healthcare
//       escalated 1→2 @30 (in W, so in E(W)); decision @50; never claimed.
//   T1  created @60, Critical, Enterprise/Healthcare, Product Bug / Billing,
//       handle 120 min, CSAT 3, resolved @600
//       escalated 1→2 @90, claimed @100, started @110, decision @125
//   T2  created @120, High, SMB/Retail, Product Bug / Billing, handle 60, CSAT 4,
//       resolved @1500, reopened @1600
//       escalated 1→2 @180, claimed @240, info_requested @250, bounced 2→1 @300,
//       escalated 1→2 @400, claimed @420, started @430, decision @500,
//       escalated 2→3 @600, claimed @600 (same instant), decision @660
//   T3  created @200, Medium, not escalated, User Error / Reporting, CSAT 5,
//       resolved @260
//   T4  created @300, Low, not escalated, open
//   T5  created @10070 (Sun 23:50, last minutes of W), Critical,
//       Integration Issue / Integrations, escalated 1→2 @10100 (after W), open
//   TP  created B-20 days, Product Bug / Billing, escalated, resolved B-10 days
//       (the earlier escalation T1 and T2 repeat)

#include "metrics/FactsLoader.h"
#include "metrics/MetricsEngine.h"
#include "metrics/MetricsJson.h"
#include "metrics/Segmentation.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::metrics;
using namespace escdesk::store;

namespace {

const UtcSeconds B =
    QDateTime(QDate(2026, 11, 2), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
constexpr int Day = 1440;

UtcSeconds at(int minutes) {
    return B + minutes * 60;
}

class Builder {
public:
    explicit Builder(Workspace& workspace)
        : m_writer(workspace.db()) {}

    std::int64_t ticket(const char* id, int created, const char* priority,
                        std::optional<int> resolved = {}) {
        Ticket t;
        t.ticketId = QString::fromLatin1(id);
        t.createdAt = at(created);
        t.priority = QString::fromLatin1(priority);
        if (resolved) {
            t.resolvedAt = at(*resolved);
        }
        t.rootCause = m_rootCause;
        t.productArea = m_productArea;
        t.accountId = m_account;
        t.handleTimeMin = m_handle;
        t.csat = m_csat;
        m_rootCause.clear();
        m_productArea.clear();
        m_account.clear();
        m_handle.reset();
        m_csat.reset();
        return m_writer.insertTicket(t);
    }

    Builder& cause(const char* rootCause, const char* productArea) {
        m_rootCause = QString::fromLatin1(rootCause);
        m_productArea = QString::fromLatin1(productArea);
        return *this;
    }
    Builder& account(const char* id) {
        m_account = QString::fromLatin1(id);
        return *this;
    }
    Builder& handle(double minutes) {
        m_handle = minutes;
        return *this;
    }
    Builder& csat(double score) {
        m_csat = score;
        return *this;
    }

    void event(std::int64_t row, int minute, EventKind kind, std::optional<int> from = {},
               std::optional<int> to = {}) {
        TicketEvent e;
        e.occurredAt = at(minute);
        e.kind = kind;
        e.fromTier = from;
        e.toTier = to;
        m_writer.insertEvent(row, e);
    }

    void accountRow(const char* id, const char* tier, const char* segment) {
        Account a;
        a.accountId = QString::fromLatin1(id);
        a.tier = QString::fromLatin1(tier);
        a.segment = QString::fromLatin1(segment);
        m_writer.insertAccount(a);
    }

private:
    DataWriter m_writer;
    QString m_rootCause, m_productArea, m_account;
    std::optional<double> m_handle, m_csat;
};

void buildHandWorkedWorkspace(Workspace& workspace) {
    Builder b(workspace);
    b.accountRow("ENT", "Enterprise", "Healthcare");
    b.accountRow("SMB", "SMB", "Retail");
    using K = EventKind;

    const auto t0 = b.account("ENT").ticket("T0", -Day, "Critical");
    b.event(t0, 30, K::Escalated, 1, 2);
    b.event(t0, 50, K::Decision);

    const auto t1 = b.cause("Product Bug", "Billing")
                        .account("ENT")
                        .handle(120)
                        .csat(3)
                        .ticket("T1", 60, "Critical", 600);
    b.event(t1, 90, K::Escalated, 1, 2);
    b.event(t1, 100, K::Claimed);
    b.event(t1, 110, K::Started);
    b.event(t1, 125, K::Decision);

    const auto t2 = b.cause("Product Bug", "Billing")
                        .account("SMB")
                        .handle(60)
                        .csat(4)
                        .ticket("T2", 120, "High", 1500);
    b.event(t2, 180, K::Escalated, 1, 2);
    b.event(t2, 240, K::Claimed);
    b.event(t2, 250, K::InfoRequested);
    b.event(t2, 300, K::Bounced, 2, 1);
    b.event(t2, 400, K::Escalated, 1, 2);
    b.event(t2, 420, K::Claimed);
    b.event(t2, 430, K::Started);
    b.event(t2, 500, K::Decision);
    b.event(t2, 600, K::Claimed); // inserted first, same instant: still pairs with @600
    b.event(t2, 600, K::Escalated, 2, 3);
    b.event(t2, 660, K::Decision);
    b.event(t2, 1600, K::Reopened);

    b.cause("User Error", "Reporting").csat(5).ticket("T3", 200, "Medium", 260);
    b.ticket("T4", 300, "Low");

    const auto t5 =
        b.cause("Integration Issue", "Integrations").ticket("T5", 7 * Day - 10, "Critical");
    b.event(t5, 7 * Day + 20, K::Escalated, 1, 2);

    const auto tp = b.cause("Product Bug", "Billing").ticket("TP", -20 * Day, "High", -10 * Day);
    b.event(tp, -20 * Day + 60, K::Escalated, 1, 2);
}

void compareStats(const DurationStats& actual, double mean, double p50, double p90,
                  std::int64_t n) {
    QCOMPARE(actual.n, n);
    QVERIFY(actual.mean && actual.p50 && actual.p90);
    QVERIFY2(qFuzzyCompare(*actual.mean, mean), qPrintable(QString::number(*actual.mean)));
    QVERIFY2(qFuzzyCompare(*actual.p50, p50), qPrintable(QString::number(*actual.p50)));
    QVERIFY2(qFuzzyCompare(*actual.p90, p90), qPrintable(QString::number(*actual.p90)));
}

void compareRate(const std::optional<double>& actual, double expected) {
    QVERIFY(actual.has_value());
    QVERIFY2(qFuzzyCompare(*actual, expected), qPrintable(QString::number(*actual)));
}

const Window week{B, B + 7 * Day * 60};

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Metrics m_metrics;

private slots:
    void initTestCase() {
        Workspace workspace(m_dir.filePath(QStringLiteral("hand.db")));
        Transaction transaction(workspace.db());
        buildHandWorkedWorkspace(workspace);
        transaction.commit();
        m_metrics = computeMetrics(loadMetricsInput(workspace.db(), week), week);
    }

    void percentilesInterpolateLinearly() {
        // numpy.percentile([1, 2, 3, 4], 90) = 3 + 0.7 * (4 - 3) = 3.7
        QCOMPARE(*percentileOfSorted({1, 2, 3, 4}, 0.9), 3.7);
        QCOMPARE(*percentileOfSorted({1, 2, 3, 4}, 0.5), 2.5);
        QCOMPARE(*percentileOfSorted({7}, 0.9), 7.0);
        QVERIFY(!percentileOfSorted({}, 0.5).has_value());
    }

    void ticketsAndRate() {
        QCOMPARE(m_metrics.tickets, 5);   // T1..T5
        QCOMPARE(m_metrics.escalated, 3); // T1, T2, T5 (T5's event after W still counts)
        compareRate(m_metrics.escalationRate, 0.6);
    }

    void timeToEscalate() {
        // T1 30, T2 60, T5 30 → [30, 30, 60]: mean 40, p50 30, p90 30 + 0.8·30 = 54
        compareStats(m_metrics.timeToEscalateMin, 40, 30, 54, 3);
    }

    void claimDelayPairsEachEventWithTheLatestEscalation() {
        // E(W) = T0@30, T1@90, T2@180, T2@400, T2@600 (T5@10100 is after W).
        // Claims: T1 10, T2 60, 20, 0 (same instant); T0 unclaimed.
        // [0, 10, 20, 60]: mean 22.5, p50 15, p90 20 + 0.7·40 = 48
        compareStats(m_metrics.claimDelayMin, 22.5, 15, 48, 4);
        QCOMPARE(m_metrics.unclaimed, 1);
        // SPEC §7 names `unclaimed` as a figure of its own: at the top level,
        // beside the statistics it is left out of.
        const QJsonObject json = metricsToJson(m_metrics);
        QCOMPARE(json.value(QStringLiteral("unclaimed")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("claim_delay_min")).toObject().keys(),
                 (QStringList{"mean", "n", "p50", "p90"}));
    }

    void handoffDelay() {
        // Starts: T1 20, T2@400 30 → mean 25, p50 25, p90 20 + 0.9·10 = 29
        compareStats(m_metrics.handoffDelayMin, 25, 25, 29, 2);
    }

    void decisionLatency() {
        // T0 20, T1 35, T2@400 100, T2@600 60 → [20, 35, 60, 100]
        // mean 53.75, p50 35 + 0.5·25 = 47.5, p90 60 + 0.7·40 = 88
        compareStats(m_metrics.decisionLatencyMin, 53.75, 47.5, 88, 4);
    }

    void criticalDecisionsWithin30Minutes() {
        // Critical escalations in E(W): T0 (20 min: yes), T1 (35 min: no) → 1/2
        compareRate(m_metrics.criticalDecisionsWithin30m, 0.5);
    }

    void bouncebackAndContextLoss() {
        // Of 5 escalations in E(W), T2@180 bounced and had info requested.
        compareRate(m_metrics.bouncebackRate, 0.2);
        compareRate(m_metrics.contextLossRate, 0.2);
    }

    void reescalation() {
        // escalated events of T1 (1), T2 (3), T5 (1) over 3 escalated tickets
        compareRate(m_metrics.escalationsPerEscalatedTicket, 5.0 / 3.0);
        compareRate(m_metrics.reescalatedShare, 1.0 / 3.0); // T2
    }

    void deflection() {
        // Reached tier ≥ 2: T1, T2, T5; of those T2 reached tier 3 → 2/3 deflected
        compareRate(m_metrics.deflectionRate, 2.0 / 3.0);
    }

    void reopenRate() {
        // Resolved in T(W): T1, T2, T3; T2 reopened → 1/3
        compareRate(m_metrics.reopenRate, 1.0 / 3.0);
    }

    void resolutionTime() {
        // T1 540, T2 1380, T3 60
        compareStats(m_metrics.resolutionTimeMin.all, 660, 540, 540 + 0.8 * 840, 3);
        compareStats(m_metrics.resolutionTimeMin.escalated, 960, 960, 540 + 0.9 * 840, 2);
        compareStats(m_metrics.resolutionTimeMin.notEscalated, 60, 60, 60, 1);
    }

    void timeAtTier() {
        // Tier 1 stays: T1 60→90 = 30, T2 120→180 = 60 and 300→400 = 100,
        //   T3 200→260 = 60, T5 created→escalated = 30; T4 never left tier 1.
        //   [30, 30, 60, 60, 100]: mean 56, p50 60, p90 60 + 0.6·40 = 84
        compareStats(m_metrics.timeAtTierMin[0], 56, 60, 84, 5);
        // Tier 2: T1 90→600 = 510, T2 180→300 = 120 and 400→600 = 200; T5 not left.
        //   [120, 200, 510]: mean 830/3, p50 200, p90 200 + 0.8·310 = 448
        compareStats(m_metrics.timeAtTierMin[1], 830.0 / 3.0, 200, 448, 3);
        // Tier 3: T2 600→1500 = 900
        compareStats(m_metrics.timeAtTierMin[2], 900, 900, 900, 1);
    }

    void repeatIssues() {
        // T1 and T2 (Product Bug / Billing) follow TP, resolved 10 days earlier; T5 does not.
        compareRate(m_metrics.repeatIssueRate, 2.0 / 3.0);
    }

    void csat() {
        compareRate(m_metrics.csat.all, 4.0);          // (3 + 4 + 5) / 3
        compareRate(m_metrics.csat.escalated, 3.5);    // (3 + 4) / 2
        compareRate(m_metrics.csat.notEscalated, 5.0); // T3
    }

    void cost() {
        // 3 escalated × mean handle (120 + 60) / 2 = 90 min = 1.5 h × 45/h = 202.5
        compareRate(m_metrics.costEscalationHandling, 202.5);
        // 1 escalation reached tier 3 × (15 + 23) / 60 h × 95/h = 60.1666…
        compareRate(m_metrics.costEngineeringInterruptions, 38.0 / 60.0 * 95.0);
    }

    void slaBreachSaysWhyItIsMissing() {
        QVERIFY(!m_metrics.slaBreachRateAll.has_value());
        QVERIFY(m_metrics.unavailable.count(QStringLiteral("sla_breach_rate")) == 1);
    }

    void jsonHasExactlyTheSpecKeys() {
        const QJsonObject json = metricsToJson(m_metrics);
        QStringList keys = json.keys();
        keys.removeAll(QStringLiteral("unavailable"));
        QStringList expected{QStringLiteral("tickets"),
                             QStringLiteral("escalated"),
                             QStringLiteral("escalation_rate"),
                             QStringLiteral("time_to_escalate_min"),
                             QStringLiteral("claim_delay_min"),
                             QStringLiteral("unclaimed"),
                             QStringLiteral("handoff_delay_min"),
                             QStringLiteral("decision_latency_min"),
                             QStringLiteral("critical_decisions_within_30m"),
                             QStringLiteral("bounceback_rate"),
                             QStringLiteral("context_loss_rate"),
                             QStringLiteral("escalations_per_escalated_ticket"),
                             QStringLiteral("reescalated_share"),
                             QStringLiteral("deflection_rate"),
                             QStringLiteral("reopen_rate"),
                             QStringLiteral("resolution_time_min"),
                             QStringLiteral("sla_breach_rate"),
                             QStringLiteral("time_at_tier_min"),
                             QStringLiteral("repeat_issue_rate"),
                             QStringLiteral("csat"),
                             QStringLiteral("cost")};
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        const QJsonObject ttE = json.value(QStringLiteral("time_to_escalate_min")).toObject();
        QCOMPARE(ttE.keys(), (QStringList{QStringLiteral("mean"), QStringLiteral("n"),
                                          QStringLiteral("p50"), QStringLiteral("p90")}));
        QCOMPARE(ttE.value(QStringLiteral("p90")).toDouble(), 54.0);
        const QJsonObject tiers = json.value(QStringLiteral("time_at_tier_min")).toObject();
        QCOMPARE(tiers.keys(),
                 (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QVERIFY(json.value(QStringLiteral("sla_breach_rate"))
                    .toObject()
                    .value(QStringLiteral("all"))
                    .isNull());
    }

    void emptyWindowGivesNullsNotZeros() {
        Workspace workspace(m_dir.filePath(QStringLiteral("hand.db")));
        const Window empty{B - 400 * Day * 60, B - 399 * Day * 60};
        const Metrics m = computeMetrics(loadMetricsInput(workspace.db(), empty), empty);
        QCOMPARE(m.tickets, 0);
        QVERIFY(!m.escalationRate);
        QVERIFY(!m.bouncebackRate);
        QVERIFY(!m.timeToEscalateMin.mean);
        QCOMPARE(m.timeToEscalateMin.n, 0);
        const QJsonObject json = metricsToJson(m);
        QVERIFY(json.value(QStringLiteral("escalation_rate")).isNull());
        QVERIFY(json.value(QStringLiteral("time_to_escalate_min"))
                    .toObject()
                    .value(QStringLiteral("p50"))
                    .isNull());
    }

    void segmentsByAccountTier() {
        Workspace workspace(m_dir.filePath(QStringLiteral("hand.db")));
        const MetricsInput input = loadMetricsInput(workspace.db(), week);
        const auto segments = splitBySegment(input, SegmentField::AccountTier);
        // Enterprise: T1 (+ T0 for its escalation in E(W)); SMB: T2; none: T3, T4, T5.
        QCOMPARE(segments.size(), std::size_t(3));
        QCOMPARE(segments[0].value, QStringLiteral("Enterprise"));
        const Metrics enterprise = computeMetrics(segments[0].input, week);
        QCOMPARE(enterprise.tickets, 1);
        QCOMPARE(enterprise.escalated, 1);
        // E(W) of Enterprise: T0@30 (decision 20) and T1@90 (decision 35) → 1/2
        compareRate(enterprise.criticalDecisionsWithin30m, 0.5);
        QCOMPARE(segments[1].value, QStringLiteral("SMB"));
        QCOMPARE(computeMetrics(segments[1].input, week).tickets, 1);
        QVERIFY(segments[2].value.isNull());
        const Metrics none = computeMetrics(segments[2].input, week);
        QCOMPARE(none.tickets, 3);
        compareRate(none.escalationRate, 1.0 / 3.0); // T5
    }

    void withoutEventLogTheTicketFieldsStandIn() {
        Workspace workspace(m_dir.filePath(QStringLiteral("flags.db")));
        DataWriter writer(workspace.db());
        auto add = [&](const char* id, int created, std::optional<int> escalatedAt, int tier) {
            Ticket t;
            t.ticketId = QString::fromLatin1(id);
            t.createdAt = at(created);
            t.escalated = escalatedAt.has_value();
            if (escalatedAt) {
                t.escalatedAt = at(*escalatedAt);
            }
            t.tier = tier;
            writer.insertTicket(t);
        };
        add("A", 0, 45, 2);  // time to escalate 45
        add("B", 10, 25, 3); // 15
        add("C", 20, std::nullopt, 1);
        add("D", 30, std::nullopt, 1);
        const Metrics m = computeMetrics(loadMetricsInput(workspace.db(), week), week);
        QCOMPARE(m.tickets, 4);
        QCOMPARE(m.escalated, 2);
        compareStats(m.timeToEscalateMin, 30, 30, 15 + 0.9 * 30, 2);
        compareRate(m.deflectionRate, 0.5); // A stayed at tier 2, B reached 3
        QVERIFY(!m.bouncebackRate);
        QCOMPARE(m.unavailable.at(QStringLiteral("bounceback_rate")),
                 QStringLiteral("needs event log"));
        QVERIFY(metricsToJson(m).value(QStringLiteral("claim_delay_min")).isNull());
        QVERIFY(metricsToJson(m).value(QStringLiteral("unclaimed")).isNull());
    }

    // Tickets that say they escalated but not when: time to escalate cannot
    // be measured, and says why, rather than being an empty sample.
    void escalatedFlagsWithoutTimesSayWhyTimeToEscalateIsMissing() {
        Workspace workspace(m_dir.filePath(QStringLiteral("flags-only.db")));
        DataWriter writer(workspace.db());
        for (const char* id : {"A", "B"}) {
            Ticket t;
            t.ticketId = QString::fromLatin1(id);
            t.createdAt = at(0);
            t.escalated = std::string_view(id) == "A";
            t.tier = t.escalated ? 2 : 1;
            writer.insertTicket(t);
        }
        const Metrics m = computeMetrics(loadMetricsInput(workspace.db(), week), week);
        QCOMPARE(m.escalated, 1);
        QCOMPARE(m.timeToEscalateMin.n, 0);
        QCOMPARE(m.unavailable.at(QStringLiteral("time_to_escalate_min")),
                 QStringLiteral("needs escalated_at on escalated tickets, or an event log"));
        const QJsonObject json = metricsToJson(m);
        QVERIFY(json.value(QStringLiteral("time_to_escalate_min")).isNull());
        QCOMPARE(json.value(QStringLiteral("unavailable"))
                     .toObject()
                     .value(QStringLiteral("time_to_escalate_min"))
                     .toString(),
                 QStringLiteral("needs escalated_at on escalated tickets, or an event log"));
    }

    void windowIsCutInTheReportingZone() {
        // New York leaves daylight time on 2026-11-01 at 02:00 EDT, so that
        // local day lasts 25 hours: [2026-11-01T04:00Z, 2026-11-02T05:00Z).
        Workspace workspace(m_dir.filePath(QStringLiteral("zone.db")));
        DataWriter writer(workspace.db());
        auto add = [&](const char* id, const char* isoUtc) {
            Ticket t;
            t.ticketId = QString::fromLatin1(id);
            t.createdAt =
                QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toSecsSinceEpoch();
            writer.insertTicket(t);
        };
        add("before", "2026-11-01T03:59:59Z"); // Oct 31 23:59:59 EDT
        add("first", "2026-11-01T04:00:00Z");  // Nov 1 00:00 EDT
        add("late", "2026-11-02T04:30:00Z");   // Nov 1 23:30 EST
        add("after", "2026-11-02T05:00:00Z");  // Nov 2 00:00 EST
        const Window day = windowOfLocalDates(QDate(2026, 11, 1), QDate(2026, 11, 2),
                                              QTimeZone("America/New_York"));
        QCOMPARE(day.to - day.from, 25 * 3600);
        QCOMPARE(computeMetrics(loadMetricsInput(workspace.db(), day), day).tickets, 2);
    }

    void ticketsFarApartGetTheirOwnEvents() {
        // Two tickets in W with 50 escalated tickets of an earlier week
        // between them (rows 2–51), so W's tickets are not neighbours:
        //   X1 created @60, escalated @90, claimed @100
        //   X2 created @120, escalated @130, claimed @160
        // tickets 2, escalated 2; time to escalate 30 and 10 → mean 20;
        // claim delay 10 and 30 → mean 20, n 2; no filler counts.
        Workspace workspace(m_dir.filePath(QStringLiteral("far.db")));
        {
            Transaction transaction(workspace.db());
            Builder b(workspace);
            const auto x1 = b.ticket("X1", 60, "High");
            b.event(x1, 90, EventKind::Escalated, 1, 2);
            b.event(x1, 100, EventKind::Claimed);
            for (int i = 0; i < 50; ++i) {
                const QByteArray id = "F" + QByteArray::number(i);
                const auto filler = b.ticket(id.constData(), -5 * Day, "Low");
                b.event(filler, -5 * Day + 10, EventKind::Escalated, 1, 2);
                b.event(filler, -5 * Day + 20, EventKind::Claimed);
            }
            const auto x2 = b.ticket("X2", 120, "High");
            b.event(x2, 160, EventKind::Claimed); // stored before its escalation
            b.event(x2, 130, EventKind::Escalated, 1, 2);
            transaction.commit();
        }
        const MetricsInput input = loadMetricsInput(workspace.db(), week);
        QCOMPARE(input.tickets.size(), std::size_t(2));
        QCOMPARE(input.tickets[0].events.size(), std::size_t(2));
        QCOMPARE(input.tickets[1].events.size(), std::size_t(2));
        QCOMPARE(input.tickets[1].events[0].kind, EventKind::Escalated); // in time order
        const Metrics m = computeMetrics(input, week);
        QCOMPARE(m.tickets, 2);
        QCOMPARE(m.escalated, 2);
        compareStats(m.timeToEscalateMin, 20.0, 20.0, 28.0, 2); // p90: 10 + 0.9 × 20
        compareStats(m.claimDelayMin, 20.0, 20.0, 28.0, 2);
        QCOMPARE(m.unclaimed, 0);
    }

    void computingOnPartOfALoadedInputMatchesLoadingThatWindow() {
        // The hand-worked week loaded with the week before it: metrics of
        // the week from that wider load are those of the week loaded alone.
        Workspace workspace(m_dir.filePath(QStringLiteral("hand.db")));
        const Window twoWeeks{week.from - 7 * Day * 60, week.to};
        const MetricsInput wide = loadMetricsInput(workspace.db(), twoWeeks);
        TicketRefs refs;
        for (const TicketFacts& ticket : wide.tickets) {
            refs.push_back(&ticket);
        }
        const ResolvedEscalationIndex resolved(wide.resolvedEscalations);
        const Metrics m = computeMetrics(refs, wide.hasEventLog, resolved, week);
        QCOMPARE(QJsonObject(metricsToJson(m)), QJsonObject(metricsToJson(m_metrics)));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"

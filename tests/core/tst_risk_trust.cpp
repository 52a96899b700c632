// Whether the early warning earns trust (issue #20): DeLong's AUC variance
// and Platt scaling worked by hand; the share split's minimums; a feature
// that determines escalation gives an AUC near 1 and scores that are shown;
// pure noise gives an interval around 0.5 and the "no better than chance"
// message, the same in the at-risk queue, a ticket's risk and the kept
// summary the At risk page reads.

#include "../support/ShuffledFeatures.h"

#include "demo/DemoGenerator.h"
#include "risk/AtRiskQueue.h"
#include "risk/Calibration.h"
#include "risk/RiskModel.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "risk/TicketRisk.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace escdesk;
using namespace escdesk::risk;

namespace {

constexpr std::size_t priority = static_cast<std::size_t>(RiskField::Priority);
constexpr std::size_t channel = static_cast<std::size_t>(RiskField::Channel);
const UtcSeconds firstCreated = 1'767'225'600; // 2026-01-01T00:00:00Z

// `tickets` tickets, one every six hours, all resolved; `escalates(k, rng)`
// says whether ticket k escalated and `priorityOf(k, rng)` its priority
// (0 Critical, 1 High, 2 Medium, 3 Low).
template <typename Escalates, typename PriorityOf>
RiskData history(int tickets, Escalates escalates, PriorityOf priorityOf) {
    std::mt19937 rng(20);
    RiskData data;
    data.values[priority] = {QStringLiteral("Critical"), QStringLiteral("High"),
                             QStringLiteral("Medium"), QStringLiteral("Low")};
    data.values[channel] = {QStringLiteral("email"), QStringLiteral("phone")};
    data.accounts = {QStringLiteral("A")};
    for (int k = 0; k < tickets; ++k) {
        RiskTicket t;
        t.row = k + 1;
        t.ticketId = QStringLiteral("T-%1").arg(t.row);
        t.createdAt = firstCreated + k * 6 * 3600;
        t.fields[priority] = priorityOf(k, rng);
        t.fields[channel] = static_cast<int>(rng() % 2);
        t.account = 0;
        t.escalated = escalates(k, rng, t.fields[priority]);
        t.open = false;
        data.tickets.push_back(t);
    }
    return data;
}

// Critical tickets escalate, and only they: a quarter of the tickets.
RiskData determinedHistory(int tickets) {
    return history(
        tickets, [](int, std::mt19937&, int p) { return p == 0; },
        [](int k, std::mt19937&) { return k % 4 == 0 ? 0 : 1 + k % 3; });
}

// The outcome is a coin of weight 0.2, independent of everything.
RiskData noiseHistory(int tickets) {
    return history(
        tickets,
        [](int, std::mt19937& rng, int) {
            return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < 0.2;
        },
        [](int, std::mt19937& rng) { return static_cast<int>(rng() % 4); });
}

} // namespace

class RiskTrustTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void delongVarianceWorkedByHand() {
        // Positives 0.8 and 0.4, negatives 0.6 and 0.2. Each positive's share
        // of negatives below it: V10 = 1, 1/2; each negative's share of
        // positives above it: V01 = 1/2, 1. AUC = 3/4; S10 = S01 =
        // ((1/4)² + (1/4)²) / 1 = 1/8; var = S10/2 + S01/2 = 1/8.
        const auto a = delongAuc({0.8, 0.6, 0.4, 0.2}, {1, 0, 1, 0});
        QVERIFY(a.has_value());
        QCOMPARE(a->auc, 0.75);
        QVERIFY(std::abs(a->variance - 0.125) < 1e-12);
        QVERIFY(std::abs(a->low - (0.75 - 1.959963984540054 * std::sqrt(0.125))) < 1e-12);
        QCOMPARE(a->high, 1.0); // clipped

        // With ties: positives 0.9, 0.5, 0.5; negatives 0.5, 0.1.
        // V10 = 1, 3/4, 3/4 (a tie counts 1/2); V01 = 2/3, 1.
        // AUC = 5/6; S10 = (1/36 + 1/144 + 1/144) / 2 = 1/48;
        // S01 = (1/36 + 1/36) / 1 = 1/18; var = (1/48)/3 + (1/18)/2 = 5/144.
        const auto t = delongAuc({0.9, 0.5, 0.5, 0.5, 0.1}, {1, 1, 1, 0, 0});
        QVERIFY(t.has_value());
        QVERIFY(std::abs(t->auc - 5.0 / 6.0) < 1e-12);
        QVERIFY(std::abs(t->variance - 5.0 / 144.0) < 1e-12);

        // One negative: no variance.
        QVERIFY(!delongAuc({0.9, 0.5, 0.1}, {1, 1, 0}).has_value());
    }

    void plattScalingWorkedByHand() {
        // Log-odds 0: 1 of 4 escalated; log-odds 1: 3 of 4. The maximum
        // likelihood fits both rates: σ(b) = 1/4 → b = −ln 3;
        // σ(a + b) = 3/4 → a = 2 ln 3.
        const PlattScaling p = fitPlatt({0, 0, 0, 0, 1, 1, 1, 1}, {1, 0, 0, 0, 1, 1, 1, 0});
        QVERIFY2(std::abs(p.intercept + std::log(3.0)) < 1e-4,
                 qPrintable(QString::number(p.intercept)));
        QVERIFY2(std::abs(p.slope - 2.0 * std::log(3.0)) < 1e-4,
                 qPrintable(QString::number(p.slope)));
        QVERIFY(std::abs(p.probability(0.0) - 0.25) < 1e-4);
        QVERIFY(std::abs(p.probability(1.0) - 0.75) < 1e-4);
    }

    void brierScoreWorkedByHand() {
        // (0.2 − 0)² + (0.6 − 1)² = 0.04 + 0.16, over 2 tickets: 0.1.
        QVERIFY(std::abs(*brierScore({0.2, 0.6}, {0, 1}) - 0.1) < 1e-12);
        QVERIFY(!brierScore({}, {}).has_value());
    }

    void theModelValidatesOnItsNewestFifth() {
        // 1000 tickets at distinct instants: the newest 200 validate.
        const RiskData data = determinedHistory(1000);
        std::vector<std::size_t> all(data.tickets.size());
        std::iota(all.begin(), all.end(), std::size_t{0});
        const RiskModel model = RiskModel::train(data, all, {});
        QCOMPARE(model.fitting().validationTickets, std::int64_t(200));
        QCOMPARE(model.fitting().fitTickets, std::int64_t(800));
        QCOMPARE(model.fitting().validationFrom, data.tickets[800].createdAt);
        QVERIFY(std::find(regularisationGrid.begin(), regularisationGrid.end(),
                          model.fitting().l2) != regularisationGrid.end());
        // Kept and read back: the same calibration.
        const RiskModel again = RiskModel::fromJson(model.toJson());
        QCOMPARE(again.fitting().platt.slope, model.fitting().platt.slope);
        QCOMPARE(again.fitting().validationTickets, std::int64_t(200));
    }

    void aDeterminingFeatureGivesAnAucNearOneAndScoresAreShown() {
        const RiskData data = determinedHistory(1200);
        const auto e = evaluateHeldOut(data, {}, QTimeZone::utc());
        QVERIFY(e.has_value());
        // The newest 30 %: 360 of 1200, from ticket 840 on.
        QCOMPARE(e->testTickets, std::int64_t(360));
        QCOMPARE(e->testFrom, data.tickets[840].createdAt);
        QCOMPARE(e->trainTickets, std::int64_t(840));
        QVERIFY(e->refused.isEmpty());
        QVERIFY2(*e->auc > 0.99, qPrintable(QString::number(*e->auc)));
        QVERIFY(e->aucInterval->low > minimumTrustedAuc);
        // Priority alone is the determining feature here: as good.
        QVERIFY(*e->priorityAuc > 0.99);
        QVERIFY2(e->withheld.isEmpty(), qPrintable(e->withheld));
        // The calibrated probabilities: Critical tickets near 1, others near 0.
        const RiskScorer scorer(e->model, data);
        QVERIFY(scorer.probability(data.tickets[1196]) > 0.9); // 1196 % 4 == 0: Critical
        QVERIFY(scorer.probability(data.tickets[1197]) < 0.1);
    }

    void pureNoiseIsNoBetterThanChance() {
        const RiskData data = noiseHistory(3000);
        const auto e = evaluateHeldOut(data, {}, QTimeZone::utc());
        QVERIFY(e.has_value());
        QVERIFY2(e->refused.isEmpty(), qPrintable(e->refused));
        QVERIFY(e->aucInterval.has_value());
        QVERIFY2(
            e->aucInterval->low <= 0.5 && 0.5 <= e->aucInterval->high,
            qPrintable(QStringLiteral("%1–%2").arg(e->aucInterval->low).arg(e->aucInterval->high)));
        // Hanley & McNeil's standard error at AUC 0.5, √((m + n + 1) / (12 m n)),
        // with m ≈ 0.2 × 900 = 180 escalated and n ≈ 720 others: 0.024, so
        // the half-width is about 1.96 × 0.024 = 0.047.
        QVERIFY2(e->aucInterval->halfWidth() > 0.035 && e->aucInterval->halfWidth() < 0.06,
                 qPrintable(QString::number(e->aucInterval->halfWidth())));
        QVERIFY2(e->withheld.startsWith(QStringLiteral(
                     "the model is no better than chance on this workspace's history: AUC 0.")),
                 qPrintable(e->withheld));
        QVERIFY(e->withheld.contains(QStringLiteral(" ± 0.0")));
    }

    void theSplitsMinimumsRefuseWithTheReason() {
        // 150 tickets: 45 held out, 105 to train on, fewer than 200.
        const auto small = evaluateHeldOut(determinedHistory(150), {}, QTimeZone::utc());
        QVERIFY(small.has_value());
        QCOMPARE(small->refused,
                 QStringLiteral("the training part has 105 tickets with a known outcome, at "
                                "least 200 are needed to measure the model"));
        QVERIFY(!small->auc.has_value());
        QCOMPARE(small->withheld, small->refused);

        // 1000 tickets, every 50th escalated: 14 of the 700 in training.
        const RiskData rare = history(
            1000, [](int k, std::mt19937&, int) { return k % 50 == 0; },
            [](int k, std::mt19937&) { return k % 4; });
        const auto few = evaluateHeldOut(rare, {}, QTimeZone::utc());
        QCOMPARE(few->refused, QStringLiteral("the training part has 14 escalations, at least 20 "
                                              "are needed to measure the model"));

        // No escalation at all: nothing to learn from.
        const RiskData none = history(
            1000, [](int, std::mt19937&, int) { return false; },
            [](int k, std::mt19937&) { return k % 4; });
        const auto nothing = evaluateHeldOut(none, {}, QTimeZone::utc());
        QVERIFY2(nothing->withheld.contains(QStringLiteral("no escalations to learn from")),
                 qPrintable(nothing->withheld));
    }

    // A demo workspace with its features shuffled among its tickets: the
    // at-risk queue, a ticket's risk and the summary the At risk page reads
    // all withhold the percentages with one reason; SLA flags still work.
    void aNoiseWorkspaceShowsNoPercentagesAnywhere() {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("noise.db"));
        {
            store::Workspace workspace(path);
            demo::DemoOptions options;
            options.tickets = 6000;
            options.endDate = QDate(2026, 11, 15);
            demo::generateDemo(workspace, options);
            testsupport::shuffleFeatures(workspace.db());
        }
        store::Workspace workspace(path);
        auto& db = workspace.db();
        const QStringList keywords = workspaceKeywords(db);
        const auto summary = keptHeldOutSummary(db, keywords, QTimeZone::utc());
        QVERIFY(summary.has_value());
        const QString reason = scoresWithheld(summary);
        QVERIFY2(reason.startsWith(QStringLiteral("the model is no better than chance")) ||
                     reason.startsWith(QStringLiteral("the model is too weak to trust")),
                 qPrintable(reason));
        const UtcSeconds asOf =
            QDateTime(QDate(2026, 11, 16), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        const AtRiskQueue queue = buildAtRiskQueue(db, asOf);
        QCOMPARE(queue.riskUnavailable, reason);
        bool slaFlagged = false;
        for (const AtRiskEntry& e : queue.entries) {
            for (const AtRiskReason& r : e.reasons) {
                QVERIFY(r.kind != AtRiskReason::Kind::EscalationRisk);
                slaFlagged = slaFlagged || r.kind == AtRiskReason::Kind::SlaClock;
            }
        }
        QVERIFY(slaFlagged);
        store::Statement first = db.prepare("SELECT ticket_id FROM tickets ORDER BY id LIMIT 1");
        QVERIFY(first.step());
        const QString ticketId = first.text(0);
        const auto ticket = assessTicketRisk(db, ticketId);
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->withheld, reason);

        // The verdict is read from the kept summary, not evaluated again: a
        // forged reason there is what the queue says.
        const QString key = QStringLiteral("risk_held_out_summary|share|0.3");
        db.prepare("UPDATE settings SET value = json_set(value, '$.withheld', 'forged') "
                   "WHERE key = ?1")
            .bindAll(key)
            .run();
        QCOMPARE(db.changes(), 1);
        QCOMPARE(buildAtRiskQueue(db, asOf).riskUnavailable, QStringLiteral("forged"));
        // A summary kept by an older recipe (no interval, no verdict) is
        // evaluated again.
        db.prepare("UPDATE settings SET value = json_remove(value, '$.recipe') WHERE key = ?1")
            .bindAll(key)
            .run();
        QCOMPARE(buildAtRiskQueue(db, asOf).riskUnavailable, reason);
        // So is one of another data version.
        db.prepare("UPDATE settings SET value = json_set(value, '$.withheld', 'forged') "
                   "WHERE key = ?1")
            .bindAll(key)
            .run();
        db.exec("UPDATE tickets SET subject = subject || ' again' WHERE id = "
                "(SELECT max(id) FROM tickets)");
        QVERIFY(buildAtRiskQueue(db, asOf).riskUnavailable != QStringLiteral("forged"));
    }
};

QTEST_GUILESS_MAIN(RiskTrustTest)
#include "tst_risk_trust.moc"

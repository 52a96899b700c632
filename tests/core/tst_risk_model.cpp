// The escalation risk model: logistic regression on hand-worked data, ROC
// AUC and precision/recall worked by hand, the time split, the account's
// recent ticket count, and the model end to end on a small separable
// history.

#include "risk/LogisticRegression.h"
#include "risk/RiskEvaluation.h"
#include "risk/RiskModel.h"
#include "risk/RiskValidation.h"
#include "text/FastText.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>
#include <random>

using namespace escdesk;
using namespace escdesk::risk;
using escdesk::text::isoUtc;
using escdesk::text::shortestNumber;

namespace {

const QTimeZone newYork("America/New_York");

UtcSeconds nyTime(int year, int month, int day, int hour = 12) {
    return QDateTime(QDate(year, month, day), QTime(hour, 0), newYork).toSecsSinceEpoch();
}

// A history where every Critical ticket escalates and no Low one does: two
// tickets a day from 2026-06-01 through 2026-11-20.
RiskData separableHistory() {
    RiskData data;
    data.values[static_cast<std::size_t>(RiskField::Priority)] = {QStringLiteral("Critical"),
                                                                  QStringLiteral("Low")};
    data.values[static_cast<std::size_t>(RiskField::Channel)] = {QStringLiteral("email")};
    data.accounts = {QStringLiteral("A")};
    const QDate first(2026, 6, 1);
    for (QDate day = first; day <= QDate(2026, 11, 20); day = day.addDays(1)) {
        for (int k = 0; k < 2; ++k) {
            RiskTicket t;
            t.row = static_cast<std::int64_t>(data.tickets.size()) + 1;
            t.ticketId = QStringLiteral("T-%1").arg(t.row);
            t.createdAt = nyTime(day.year(), day.month(), day.day(), 9 + 4 * k);
            const bool critical = (first.daysTo(day) + k) % 3 == 0;
            t.fields[static_cast<std::size_t>(RiskField::Priority)] = critical ? 0 : 1;
            t.fields[static_cast<std::size_t>(RiskField::Channel)] = 0;
            t.account = 0;
            t.escalated = critical;
            data.tickets.push_back(t);
        }
    }
    return data;
}

} // namespace

class RiskModelTest : public QObject {
    Q_OBJECT

private slots:
    void interceptOnlyIsTheLogOddsOfTheBaseRate() {
        // 3 of 4 positive and no features: the optimum is p = 0.75, so the
        // intercept (never penalised) is ln(0.75 / 0.25) = ln 3 = 1.098612.
        const LogisticModel m = fitLogistic({}, 0, {1, 1, 1, 0});
        QVERIFY(std::abs(m.intercept - std::log(3.0)) < 1e-9);
    }

    void unpenalisedBinaryFeatureFitsEachGroup() {
        // x = −1: 1 of 4 positive; x = +1: 3 of 4. Without a penalty the fit
        // reproduces both rates: b − w = ln(1/3), b + w = ln 3 → b = 0, w = ln 3.
        const std::vector<double> rows{-1, -1, -1, -1, 1, 1, 1, 1};
        const std::vector<char> labels{1, 0, 0, 0, 1, 1, 1, 0};
        LogisticOptions options;
        options.l2 = 0.0;
        const LogisticModel m = fitLogistic(rows, 1, labels, options);
        QVERIFY(std::abs(m.intercept) < 1e-9);
        QVERIFY(std::abs(m.weights[0] - std::log(3.0)) < 1e-9);
    }

    void separableDataGetsTheRightSignsAndAucOne() {
        // Label 1 exactly when x1 > x2: x1 must weigh up, x2 down; the L2
        // penalty keeps both finite though the classes separate.
        std::vector<double> rows;
        std::vector<char> labels;
        for (int a = -3; a <= 3; ++a) {
            for (int b = -3; b <= 3; ++b) {
                if (a == b) {
                    continue;
                }
                rows.push_back(a);
                rows.push_back(b);
                labels.push_back(a > b ? 1 : 0);
            }
        }
        const LogisticModel m = fitLogistic(rows, 2, labels);
        QVERIFY(m.weights[0] > 0);
        QVERIFY(m.weights[1] < 0);
        QVERIFY(std::isfinite(m.weights[0]));
        std::vector<double> scores;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            scores.push_back(m.probability(&rows[2 * i]));
        }
        QCOMPARE(*rocAuc(scores, labels), 1.0);
    }

    void standardizerCentresAndScales() {
        // Column 1, 3: mean 2, population sd 1. Column 5, 5: constant → scale 1.
        const Standardizer s = Standardizer::fit({1, 5, 3, 5}, 2);
        QCOMPARE(s.mean[0], 2.0);
        QCOMPARE(s.scale[0], 1.0);
        QCOMPARE(s.scale[1], 1.0);
        double row[2] = {3, 5};
        s.apply(row);
        QCOMPARE(row[0], 1.0);
        QCOMPARE(row[1], 0.0);
    }

    void rocAucWorkedByHand() {
        // Positives score 0.35 and 0.8, negatives 0.1 and 0.4. Of the four
        // (positive, negative) pairs, the positive is higher in 3: AUC 0.75.
        QCOMPARE(*rocAuc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}), 0.75);
        // A tie counts one half: positives 0.6, 0.9, negatives 0.2, 0.6 →
        // (1 + 0.5 + 1 + 1) / 4 = 0.875.
        QCOMPARE(*rocAuc({0.2, 0.6, 0.6, 0.9}, {0, 1, 0, 1}), 0.875);
        QVERIFY(!rocAuc({0.2, 0.3}, {1, 1}).has_value());
    }

    void precisionAndRecallAtAThreshold() {
        // Threshold 0.5 flags 0.5, 0.7, 0.9: TP 2 (0.7, 0.9), FP 1 (0.5);
        // the positive at 0.3 is missed. Precision 2/3, recall 2/3.
        const ThresholdCounts c = countsAt({0.1, 0.3, 0.5, 0.7, 0.9}, {0, 1, 0, 1, 1}, 0.5);
        QCOMPARE(c.truePositives, 2LL);
        QCOMPARE(c.falsePositives, 1LL);
        QCOMPARE(c.falseNegatives, 1LL);
        QCOMPARE(c.trueNegatives, 1LL);
        QCOMPARE(*c.precision(), 2.0 / 3.0);
        QCOMPARE(*c.recall(), 2.0 / 3.0);
        // Best F1 on these: flag ≥ 0.7 → P 1, R 2/3, F1 0.8; flag ≥ 0.3 →
        // P 3/4, R 1, F1 6/7 = 0.857; flag ≥ 0.1 → P 3/5, R 1, F1 0.75. → 0.3.
        QCOMPARE(bestF1Threshold({0.1, 0.3, 0.5, 0.7, 0.9}, {0, 1, 0, 1, 1}), 0.3);
    }

    void calibrationBinsCountAndAverage() {
        // 0.05 → bin 0; 0.15 and 0.18 → bin 1 (mean 0.165, one of two
        // positive); 1.0 → the last bin, which includes 1.
        const auto bins = calibrationBins({0.05, 0.15, 0.18, 1.0}, {0, 1, 0, 1});
        QCOMPARE(bins.size(), std::size_t(10));
        QCOMPARE(bins[0].tickets, 1LL);
        QCOMPARE(bins[1].tickets, 2LL);
        QVERIFY(std::abs(*bins[1].meanPredicted - 0.165) < 1e-12);
        QCOMPARE(*bins[1].observedRate, 0.5);
        QCOMPARE(bins[9].tickets, 1LL);
        QVERIFY(!bins[5].meanPredicted.has_value());
    }

    void timeSplitStartsAtTheFirstHeldOutMonth() {
        // Newest ticket 2026-11-20: two held-out months are October and
        // November; October 1 00:00 in New York (EDT, UTC−4) is 04:00 UTC.
        QCOMPARE(toIsoUtc(heldOutFrom(nyTime(2026, 11, 20), newYork, 2)),
                 QStringLiteral("2026-10-01T04:00:00Z"));
        // One month: November 1 00:00 (still EDT until 02:00) → 04:00 UTC.
        QCOMPARE(toIsoUtc(heldOutFrom(nyTime(2026, 11, 20), newYork, 1)),
                 QStringLiteral("2026-11-01T04:00:00Z"));
        // Across a year: newest 2026-01-15 → December 2025 (EST, UTC−5).
        QCOMPARE(toIsoUtc(heldOutFrom(nyTime(2026, 1, 15), newYork, 2)),
                 QStringLiteral("2025-12-01T05:00:00Z"));
    }

    void recentTicketsCountTheSevenDaysBefore() {
        // Account A files on days 0, 1, 5, 8 and again at day 8's instant;
        // account B once on day 6. Day 8 looks back to [day 1, day 8): days 1
        // and 5 → 2; the ticket at the same instant does not count either.
        const UtcSeconds day = 24 * 3600;
        std::vector<RiskTicket> tickets(6);
        const UtcSeconds at[] = {0, day, 5 * day, 6 * day, 8 * day, 8 * day};
        const int account[] = {0, 0, 0, 1, 0, 0};
        for (std::size_t i = 0; i < tickets.size(); ++i) {
            tickets[i].createdAt = at[i];
            tickets[i].account = account[i];
        }
        countRecentTickets(tickets);
        QCOMPARE(tickets[0].recentTickets, 0);
        QCOMPARE(tickets[1].recentTickets, 1);
        QCOMPARE(tickets[2].recentTickets, 2);
        QCOMPARE(tickets[3].recentTickets, 0);
        QCOMPARE(tickets[4].recentTickets, 2);
        QCOMPARE(tickets[5].recentTickets, 2);
    }

    void separableHistoryEvaluatesWithAucOne() {
        const RiskData data = separableHistory();
        const auto evaluation = evaluateHeldOut(data, {}, newYork, 2);
        QVERIFY(evaluation.has_value());
        // Held out: 2026-10-01 .. 2026-11-20 = 31 + 20 = 51 days × 2 tickets;
        // trained on 2026-06-01 .. 09-30 = 122 days × 2.
        QCOMPARE(evaluation->testTickets, 102LL);
        QCOMPARE(evaluation->trainTickets, 244LL);
        QCOMPARE(*evaluation->auc, 1.0);
        // Every Critical ticket escalates: all flagged, precision and recall 1.
        QCOMPARE(*evaluation->atThreshold.precision(), 1.0);
        QCOMPARE(*evaluation->atThreshold.recall(), 1.0);
        const RiskModel& model = evaluation->model;
        const auto critical = model.featureNames().indexOf(QStringLiteral("priority = Critical"));
        const auto low = model.featureNames().indexOf(QStringLiteral("priority = Low"));
        QVERIFY(critical >= 0 && low >= 0);
        QVERIFY(model.logistic().weights[static_cast<std::size_t>(critical)] > 0);
        QVERIFY(model.logistic().weights[static_cast<std::size_t>(low)] < 0);
    }

    void openTicketsAreNotLearnedFrom() {
        RiskData data = separableHistory();
        // The last 10 tickets are still open and have not escalated yet.
        for (std::size_t i = data.tickets.size() - 10; i < data.tickets.size(); ++i) {
            data.tickets[i].open = true;
            data.tickets[i].escalated = false;
        }
        const auto evaluation = evaluateHeldOut(data, {}, newYork, 2);
        QCOMPARE(evaluation->testTickets, 92LL);
    }

    void scoresAreExplainedAndSurviveJson() {
        const RiskData data = separableHistory();
        std::vector<std::size_t> all(data.tickets.size());
        std::iota(all.begin(), all.end(), std::size_t{0});
        const RiskModel model = RiskModel::train(data, all, {});
        const RiskModel copy = RiskModel::fromJson(model.toJson());
        const RiskScorer a(model, data);
        const RiskScorer b(copy, data);
        const RiskTicket& critical = data.tickets[0]; // day 0, k 0 → Critical
        QVERIFY(critical.escalated);
        const RiskScore score = a.score(critical);
        QCOMPARE(score.band, model.bandOf(score.probability));
        QCOMPARE(score.score, static_cast<int>(std::lround(100 * score.probability)));
        QCOMPARE(b.probability(critical), score.probability);
        // The explanation's leading features are the priority columns, and
        // they push this ticket's risk up.
        // ("priority = Critical", or "priority ≠ Low": the two columns mirror
        // each other).
        QVERIFY(score.contributions[0].feature.startsWith(QStringLiteral("priority ")));
        QVERIFY(score.contributions[0].contribution > 0);
        for (const FeatureContribution& c : score.contributions) {
            if (c.feature.contains(QStringLiteral(" ≠ "))) {
                QCOMPARE(c.value, QStringLiteral("no"));
            }
        }
        // The contribution is coefficient × standardised value.
        const int j = score.contributions[0].column;
        std::vector<double> row(model.width());
        a.features(critical, row.data());
        model.standardizer().apply(row.data());
        QCOMPARE(score.contributions[0].contribution,
                 model.logistic().weights[static_cast<std::size_t>(j)] *
                     row[static_cast<std::size_t>(j)]);
    }

    void bandSurroundsTheThreshold() {
        const RiskData data = separableHistory();
        std::vector<std::size_t> all(data.tickets.size());
        std::iota(all.begin(), all.end(), std::size_t{0});
        const RiskModel model = RiskModel::train(data, all, {});
        // ±0.5 in log-odds around the threshold t.
        const double t = model.threshold();
        const double logit = std::log(t / (1 - t));
        QVERIFY(std::abs(model.reviewFrom() - sigmoid(logit - 0.5)) < 1e-12);
        QVERIFY(std::abs(model.flagFrom() - sigmoid(logit + 0.5)) < 1e-12);
        QCOMPARE(model.bandOf(model.flagFrom()), RiskBand::Flag);
        QCOMPARE(model.bandOf(t), RiskBand::Review);
        QCOMPARE(model.bandOf(model.reviewFrom() / 2), RiskBand::Low);
    }

    // The queue's own spelling of instants and numbers is Qt's, character
    // for character: hand-picked edges, then many random values.
    void fastTextSpellsAsQt() {
        QCOMPARE(isoUtc(0), QStringLiteral("1970-01-01T00:00:00Z"));
        QCOMPARE(isoUtc(951'782'400), QStringLiteral("2000-02-29T00:00:00Z"));
        QCOMPARE(isoUtc(1'764'180'000), QStringLiteral("2025-11-26T18:00:00Z"));
        QCOMPARE(isoUtc(253'402'300'799), QStringLiteral("9999-12-31T23:59:59Z"));
        // After a long number, a short one (what follows its exponent in the
        // buffer is not the number's).
        QCOMPARE(shortestNumber(-1.2345678901234567e-300),
                 QString::number(-1.2345678901234567e-300, 'g', QLocale::FloatingPointShortest));
        QCOMPARE(shortestNumber(1.63638373519695), QStringLiteral("1.63638373519695"));
        QCOMPARE(shortestNumber(0.5), QStringLiteral("0.5"));
        QCOMPARE(shortestNumber(-16.75), QStringLiteral("-16.75"));
        QCOMPARE(shortestNumber(0.05), QStringLiteral("0.05"));
        QCOMPARE(shortestNumber(1.0 / 3.0), QStringLiteral("0.3333333333333333"));
        std::mt19937_64 random(19);
        std::uniform_int_distribution<UtcSeconds> instants(-100'000'000'000, 300'000'000'000);
        for (int i = 0; i < 200000; ++i) {
            const UtcSeconds instant =
                i < 100000 ? instants(random) : instants(random) % 4'000'000'000;
            QCOMPARE(isoUtc(instant), toIsoUtc(instant));
        }
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::uniform_real_distribution<double> exponent(-12.0, 20.0);
        for (int i = 0; i < 300000; ++i) {
            double value = 0;
            switch (i % 4) {
            case 0:
                value = unit(random);
                break;
            case 1:
                value = (unit(random) - 0.5) * std::pow(10.0, exponent(random));
                break;
            case 2:
                value = std::round(unit(random) * 1e6) / 1e4; // few digits: 12.34
                break;
            default: { // any bit pattern
                const std::uint64_t bits = random();
                std::memcpy(&value, &bits, sizeof value);
            }
            }
            QCOMPARE(shortestNumber(value),
                     QString::number(value, 'g', QLocale::FloatingPointShortest));
        }
    }
};

QTEST_GUILESS_MAIN(RiskModelTest)
#include "tst_risk_model.moc"

// Segments and trends (SPEC §8) on small workspaces worked out by hand.

#include "analysis/SegmentAnalysis.h"
#include "analysis/Significance.h"
#include "analysis/Trend.h"
#include "metrics/FactsLoader.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();

UtcSeconds utcTime(const QDate& day, int hour, int minute = 0) {
    return QDateTime(day, QTime(hour, minute), utc).toSecsSinceEpoch();
}

// The SLA instant of the trends: after every ticket of these tests.
const UtcSeconds asOfEnd = utcTime(QDate(2027, 1, 1), 0);

// A ticket without an event log: escalated flag and escalated_at stand in.
void addFlagged(DataWriter& writer, const QString& id, UtcSeconds created,
                std::optional<UtcSeconds> escalatedAt, const QString& account = {},
                const QString& rootCause = {}) {
    Ticket t;
    t.ticketId = id;
    t.createdAt = created;
    t.escalated = escalatedAt.has_value();
    t.escalatedAt = escalatedAt;
    t.accountId = account;
    t.rootCause = rootCause;
    writer.insertTicket(t);
}

void addAccount(DataWriter& writer, const char* id, const char* segment) {
    Account a;
    a.accountId = QString::fromLatin1(id);
    a.segment = QString::fromLatin1(segment);
    a.tier = QStringLiteral("SMB");
    writer.insertAccount(a);
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void zTestMatchesHandComputation() {
        // 30/100 vs 20/200: pooled 50/300 = 1/6;
        // se = sqrt(1/6 · 5/6 · (1/100 + 1/200)) = 0.0456435
        // z = (0.3 − 0.1) / se = 4.38178; p = erfc(z / √2) = 1.17713e-5
        const auto test = twoProportionZTest(30, 100, 20, 200);
        QVERIFY(test.has_value());
        QVERIFY(qAbs(test->z - 4.38178) < 1e-4);
        QVERIFY(qAbs(test->pValue - 1.17713e-5) < 1e-9);
        // 9/40 vs 21/160: pooled 30/200 = 0.15; se = sqrt(0.15 · 0.85 · (1/40 + 1/160))
        // = 0.0631224; z = (0.225 − 0.13125) / se = 1.48522; p = 0.137485 (not significant)
        const auto weak = twoProportionZTest(9, 40, 21, 160);
        QVERIFY(qAbs(weak->z - 1.48522) < 1e-4);
        QVERIFY(qAbs(weak->pValue - 0.137485) < 1e-5);
        QVERIFY(!twoProportionZTest(0, 10, 0, 10).has_value()); // no variance
        QVERIFY(!twoProportionZTest(1, 0, 1, 10).has_value());  // empty group
    }

    void fisherExactTestMatchesHandComputation() {
        // 1 of 1 against 100 of 1,000 (issue #17): margins 101 of 1,001. P(X = 1)
        // = 101/1001, P(X = 0) = 900/1001; tables no more likely than X = 1:
        // only itself, p = 101/1001 = 0.1009 (the z-test said 0.003).
        QVERIFY(qAbs(*fisherExactPValue(1, 1, 100, 1000) - 101.0 / 1001.0) < 1e-12);
        // Fisher's tea: 3 of 4 against 1 of 4; P(k) = C(4,k)·C(4,4−k)/70 =
        // 1, 16, 36, 16, 1 (/70); p = (1 + 16 + 16 + 1)/70 = 0.4857.
        QVERIFY(qAbs(*fisherExactPValue(3, 4, 1, 4) - 34.0 / 70.0) < 1e-12);
        QVERIFY(!fisherExactPValue(1, 0, 1, 10).has_value());
        // Which test: the smallest expected count of 1 vs 1,000 is 1 · 101/1001
        // = 0.1 < 5 → exact; of 100 vs 200 with 50 escalated, 100 · 50/300 =
        // 16.7 → the z-test.
        const auto small = compareProportions(1, 1, 100, 1000);
        QCOMPARE(small->kind, ProportionTestKind::FisherExact);
        QVERIFY(qAbs(small->pValue - 101.0 / 1001.0) < 1e-12);
        const auto large = compareProportions(30, 100, 20, 200);
        QCOMPARE(large->kind, ProportionTestKind::ZTest);
        QVERIFY(qAbs(large->pValue - 1.17713e-5) < 1e-9);
    }

    // A handful of tickets is never "significantly above": Solo (1 of 1)
    // against the other 1,015 tickets (25 escalated): margins 26 of 1,016,
    // P(X = 1) = 26/1016, P(X = 0) = 990/1016, so p = 26/1016 = 0.026; Five
    // (5 of 5) far less; yet neither reaches 10 tickets. Ten (10 of 10) does,
    // by Fisher's test (expected escalations 10 · 26/1016 = 0.26).
    void smallSegmentsAreTestedExactlyAndNotCalled() {
        Workspace workspace(m_dir.filePath(QStringLiteral("small-segments.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            const UtcSeconds created = utcTime(QDate(2026, 11, 3), 10);
            const auto addSegment = [&](const char* name, int tickets, int escalated) {
                addAccount(writer, name, name);
                for (int i = 0; i < tickets; ++i) {
                    addFlagged(writer, QStringLiteral("%1-%2").arg(QLatin1String(name)).arg(i),
                               created, i < escalated ? std::optional(created + 600) : std::nullopt,
                               QString::fromLatin1(name));
                }
            };
            addSegment("Solo", 1, 1);
            addSegment("Five", 5, 5);
            addSegment("Ten", 10, 10);
            addSegment("Rest", 1000, 10);
            transaction.commit();
        }
        const Window week = windowOfLocalDates(QDate(2026, 11, 2), QDate(2026, 11, 9), utc);
        const SegmentAnalysis result =
            analyseSegments(metrics::loadMetricsInput(workspace.db(), week), week,
                            metrics::SegmentField::AccountSegment);
        const auto row = [&](const char* name) {
            for (const SegmentRow& r : result.rows) {
                if (r.value == QLatin1String(name)) {
                    return r;
                }
            }
            qFatal("no segment %s", name);
        };
        const SegmentRow solo = row("Solo");
        QCOMPARE(*solo.test, ProportionTestKind::FisherExact);
        QVERIFY(qAbs(*solo.pValue - 26.0 / 1016.0) < 1e-12);
        QVERIFY(!solo.significantlyAbove);
        QVERIFY(*row("Five").pValue < 0.05);
        QVERIFY(!row("Five").significantlyAbove);
        QCOMPARE(*row("Ten").test, ProportionTestKind::FisherExact);
        QVERIFY(row("Ten").significantlyAbove);
        QVERIFY(!row("Rest").significantlyAbove); // 1 % against 100 %: below
        // The same analysis counted by the store agrees.
        const SegmentAnalysis counted =
            analyseSegments(workspace.db(), week, metrics::SegmentField::AccountSegment);
        QCOMPARE(counted.rows.size(), result.rows.size());
        for (std::size_t i = 0; i < counted.rows.size(); ++i) {
            QCOMPARE(counted.rows[i].value, result.rows[i].value);
            QCOMPARE(counted.rows[i].pValue, result.rows[i].pValue);
            QCOMPARE(counted.rows[i].significantlyAbove, result.rows[i].significantlyAbove);
        }
    }

    void segmentsFlagTheOneSignificantlyAbove() {
        Workspace workspace(m_dir.filePath(QStringLiteral("segments.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            addAccount(writer, "H", "Healthcare");
            addAccount(writer, "R", "Retail");
            const UtcSeconds created = utcTime(QDate(2026, 11, 3), 10);
            for (int i = 0; i < 100; ++i) { // Healthcare: 30 of 100 escalated
                addFlagged(writer, QStringLiteral("H%1").arg(i), created,
                           i < 30 ? std::optional(created + 600) : std::nullopt,
                           QStringLiteral("H"));
            }
            for (int i = 0; i < 200; ++i) { // Retail: 20 of 200 escalated
                addFlagged(writer, QStringLiteral("R%1").arg(i), created,
                           i < 20 ? std::optional(created + 600) : std::nullopt,
                           QStringLiteral("R"));
            }
            transaction.commit();
        }
        const Window week = windowOfLocalDates(QDate(2026, 11, 2), QDate(2026, 11, 9), utc);
        const SegmentAnalysis result =
            analyseSegments(metrics::loadMetricsInput(workspace.db(), week), week,
                            metrics::SegmentField::AccountSegment);
        QCOMPARE(result.tickets, 300);
        QCOMPARE(result.escalated, 50);
        QVERIFY(qFuzzyCompare(*result.overallRate, 50.0 / 300.0));
        QCOMPARE(result.rows.size(), std::size_t(2));

        const SegmentRow& healthcare = result.rows[0]; // highest rate first
        QCOMPARE(healthcare.value, QStringLiteral("Healthcare"));
        QCOMPARE(healthcare.tickets, 100);
        QCOMPARE(healthcare.escalated, 30);
        // 30% − 16.667% = +13.333 points
        QVERIFY(qAbs(*healthcare.deviationPts - 13.3333) < 1e-3);
        QVERIFY(qAbs(*healthcare.pValue - 1.17713e-5) < 1e-9); // the z-test above
        QVERIFY(healthcare.significantlyAbove);

        const SegmentRow& retail = result.rows[1];
        QCOMPARE(retail.value, QStringLiteral("Retail"));
        QVERIFY(qAbs(*retail.deviationPts + 6.6667) < 1e-3);
        QVERIFY(!retail.significantlyAbove); // significantly *below*
    }

    void periodsAreCalendarWeeksAndMonths() {
        // Wednesday 2026-10-07 to Tuesday 2026-10-20 (exclusive): the week of
        // Monday 10-05 from 10-07 on (partial), the week of 10-12 whole, then
        // Monday 10-19 cut at 10-20 (partial). Together exactly the range.
        const auto weeks =
            trendPeriods(QDate(2026, 10, 7), QDate(2026, 10, 20), Granularity::Week, utc);
        QCOMPARE(weeks.size(), std::size_t(3));
        QCOMPARE(weeks[0].firstDay, QDate(2026, 10, 7));
        QCOMPARE(weeks[0].endDay, QDate(2026, 10, 12));
        QVERIFY(weeks[0].partial);
        QVERIFY(weeks[0].startsLate);
        QVERIFY(!weeks[0].endsEarly);
        QCOMPARE(weeks[1].firstDay, QDate(2026, 10, 12));
        QVERIFY(!weeks[1].partial);
        QCOMPARE(weeks[2].firstDay, QDate(2026, 10, 19));
        QCOMPARE(weeks[2].endDay, QDate(2026, 10, 20));
        QVERIFY(weeks[2].partial);
        QVERIFY(weeks[2].endsEarly);
        QVERIFY(!weeks[2].startsLate);
        // 2026-10-07T00:00Z = 1791331200 and 2026-10-20T00:00Z = 1792454400.
        QCOMPARE(weeks.front().window.from, UtcSeconds{1791331200});
        QCOMPARE(weeks.back().window.to, UtcSeconds{1792454400});

        const auto months =
            trendPeriods(QDate(2026, 1, 15), QDate(2026, 3, 10), Granularity::Month, utc);
        QCOMPARE(months.size(), std::size_t(3));
        QCOMPARE(months[0].firstDay, QDate(2026, 1, 15));
        QVERIFY(months[0].startsLate);
        QCOMPARE(months[1].firstDay, QDate(2026, 2, 1));
        QCOMPARE(months[1].endDay, QDate(2026, 3, 1));
        QVERIFY(!months[1].partial);
        QVERIFY(months[2].partial);
        // A range that starts on a Monday has no partial first week.
        QVERIFY(!trendPeriods(QDate(2026, 10, 5), QDate(2026, 10, 19), Granularity::Week, utc)
                     .front()
                     .partial);
        // A Berlin month is cut at local midnight: 2026-03-01T00:00+01:00.
        const auto berlin = trendPeriods(QDate(2026, 3, 1), QDate(2026, 4, 1), Granularity::Month,
                                         QTimeZone("Europe/Berlin"));
        QCOMPARE(berlin[0].window.from, utcTime(QDate(2026, 2, 28), 23));
        QCOMPARE(berlin[0].window.to, utcTime(QDate(2026, 3, 31), 22)); // CEST from 03-29
    }

    void movingAverageNeedsThreeValues() {
        const auto average = movingAverage3({1.0, 2.0, 3.0, 4.0, std::nullopt, 6.0});
        QVERIFY(!average[0] && !average[1]);
        QCOMPARE(*average[2], 2.0);
        QCOMPARE(*average[3], 3.0);
        QVERIFY(!average[4] && !average[5]); // a gap breaks the window
    }

    void p90RegressionAgainstTheTrailingFourWeekMedian() {
        // Times to escalate per week (minutes), and their p90 (linear):
        //   W1 10-05: [10, 20] → 19     W2 10-12: [10, 30] → 28
        //   W3 10-19: [20, 20] → 20     W4 10-26: [10, 40] → 37
        //   W5 11-02: [10, 40] → 37; trailing median of 19, 28, 20, 37 = (20 + 28) / 2 = 24;
        //   37 > 1.2 × 24 = 28.8 → regression. W4's trailing weeks are incomplete → none.
        Workspace workspace(m_dir.filePath(QStringLiteral("p90.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            const std::vector<std::pair<QDate, std::vector<int>>> weeks{
                {QDate(2026, 10, 5), {10, 20}},
                {QDate(2026, 10, 12), {10, 30}},
                {QDate(2026, 10, 19), {20, 20}},
                {QDate(2026, 10, 26), {10, 40}},
                {QDate(2026, 11, 2), {10, 40}}};
            int n = 0;
            for (const auto& [monday, minutes] : weeks) {
                for (int m : minutes) {
                    Ticket t;
                    t.ticketId = QStringLiteral("T%1").arg(++n);
                    t.createdAt = utcTime(monday.addDays(1), 9);
                    const auto row = writer.insertTicket(t);
                    TicketEvent e;
                    e.kind = EventKind::Escalated;
                    e.occurredAt = t.createdAt + m * 60;
                    e.fromTier = 1;
                    e.toTier = 2;
                    writer.insertEvent(row, e);
                }
            }
            transaction.commit();
        }
        const Trend trend = analyseTrend(workspace.db(), QDate(2026, 10, 5), QDate(2026, 11, 9),
                                         Granularity::Week, utc, asOfEnd);
        QCOMPARE(trend.points.size(), std::size_t(5));
        QCOMPARE(*trend.points[0].metrics.timeToEscalateMin.p90, 19.0);
        QVERIFY(!trend.points[3].trailingMedianP90.has_value());
        QCOMPARE(*trend.points[4].trailingMedianP90, 24.0);
        QVERIFY(trend.points[4].p90Regression);
        QCOMPARE(trend.p90.weekStart, QDate(2026, 11, 2));
        QCOMPARE(*trend.p90.latestP90, 37.0);
        QVERIFY(trend.p90.regressed);

        // The last 4 weeks alone (10-12 to 11-02), as a trend over them gives
        // them: the weeks' figures as they were, but 11-02 now has only three
        // weeks before it, too few for the 4-week median, so no regression.
        const Trend lastFour = lastWeeksOf(trend, 4);
        const Trend fromTheTwelfth =
            analyseTrend(workspace.db(), QDate(2026, 10, 12), QDate(2026, 11, 9), Granularity::Week,
                         utc, asOfEnd);
        for (const Trend* shorter : {&lastFour, &fromTheTwelfth}) {
            QCOMPARE(shorter->points.size(), std::size_t(4));
            QCOMPARE(shorter->points[0].period.firstDay, QDate(2026, 10, 12));
            QCOMPARE(*shorter->points[0].metrics.timeToEscalateMin.p90, 28.0);
            QVERIFY(!shorter->points[3].trailingMedianP90.has_value());
            QVERIFY(!shorter->points[3].p90Regression);
            QCOMPARE(shorter->p90.weekStart, QDate(2026, 11, 2));
            QCOMPARE(*shorter->p90.latestP90, 37.0);
            QVERIFY(!shorter->p90.regressed);
        }

        // The same check rides along on a monthly trend, over the last weeks.
        const Trend monthly = analyseTrend(workspace.db(), QDate(2026, 10, 1), QDate(2026, 11, 9),
                                           Granularity::Month, utc, asOfEnd);
        QCOMPARE(monthly.p90.weekStart, QDate(2026, 11, 2));
        QVERIFY(monthly.p90.regressed);

        // From Wednesday 10-07: the first week is cut there and marked, and
        // its Tuesday 10-06 tickets are outside the range — the weeks hold the
        // 8 tickets created in [10-07, 11-09), as the range does.
        const Trend fromWednesday =
            analyseTrend(workspace.db(), QDate(2026, 10, 7), QDate(2026, 11, 9), Granularity::Week,
                         utc, asOfEnd);
        QCOMPARE(fromWednesday.points.size(), std::size_t(5));
        QVERIFY(fromWednesday.points[0].period.partial);
        QCOMPARE(fromWednesday.points[0].metrics.tickets, 0);
        std::int64_t tickets = 0;
        for (const TrendPoint& point : fromWednesday.points) {
            tickets += point.metrics.tickets;
        }
        QCOMPARE(tickets, 8);
        // The regression check compares whole weeks only: before 11-02 there
        // are now three (10-12, 10-19, 10-26), too few for the 4-week median.
        QVERIFY(!fromWednesday.p90.trailingMedian.has_value());
        QVERIFY(!fromWednesday.p90.regressed);
    }

    void risingRootCauses() {
        // Escalations per month (Aug, Sep, Oct 2026); totals 27, 29, 58:
        //   Access         5,  6, 15   shares 5/27 = .185 → 15/58 = .259    → rising
        //   Product Bug   10, 10,  9                                        → not rising
        //   Configuration  5,  4,  3                                        → falling
        //   Docs           1,  2,  3   fewer than 5 in October              → not reported
        //   Training       6,  7,  8   but share 6/27 = .222 → 8/58 = .138  → not rising
        //   Spike          0,  0, 20   count not up from Aug to Sep         → not rising
        Workspace workspace(m_dir.filePath(QStringLiteral("rising.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            const std::vector<std::pair<const char*, std::array<int, 3>>> counts{
                {"Access", {5, 6, 15}}, {"Product Bug", {10, 10, 9}}, {"Configuration", {5, 4, 3}},
                {"Docs", {1, 2, 3}},    {"Training", {6, 7, 8}},      {"Spike", {0, 0, 20}}};
            int n = 0;
            for (const auto& [cause, perMonth] : counts) {
                for (int month = 0; month < 3; ++month) {
                    for (int i = 0; i < perMonth[static_cast<std::size_t>(month)]; ++i) {
                        const UtcSeconds created = utcTime(QDate(2026, 8 + month, 1 + i), 9);
                        addFlagged(writer, QStringLiteral("T%1").arg(++n), created, created + 60,
                                   {}, QString::fromLatin1(cause));
                    }
                }
            }
            transaction.commit();
        }
        const Trend trend = analyseTrend(workspace.db(), QDate(2026, 8, 1), QDate(2026, 11, 1),
                                         Granularity::Month, utc, asOfEnd);
        QCOMPARE(trend.points.size(), std::size_t(3));
        QCOMPARE(trend.points[2].escalations, 58);
        QCOMPARE(trend.rising.size(), std::size_t(1));
        QCOMPARE(trend.rising[0].rootCause, QStringLiteral("Access"));
        QCOMPARE(trend.rising[0].counts, (std::vector<std::int64_t>{5, 6, 15}));
        QVERIFY(qFuzzyCompare(trend.rising[0].shares[0], 5.0 / 27.0));
        QVERIFY(qFuzzyCompare(trend.rising[0].shares[2], 15.0 / 58.0));
    }

    void segmentsCountedByTheStoreMatchTheFacts() {
        // The workspace of segmentsFlagTheOneSignificantlyAbove, counted by
        // one aggregate query: the same 100/30 and 200/20 by hand, and the
        // same rows as counting the loaded facts.
        Workspace workspace(m_dir.filePath(QStringLiteral("segments.db")));
        const Window week = windowOfLocalDates(QDate(2026, 11, 2), QDate(2026, 11, 9), utc);
        const SegmentAnalysis counted =
            analyseSegments(workspace.db(), week, metrics::SegmentField::AccountSegment);
        QCOMPARE(counted.tickets, 300);
        QCOMPARE(counted.escalated, 50);
        QCOMPARE(counted.rows.size(), std::size_t(2));
        QCOMPARE(counted.rows[0].value, QStringLiteral("Healthcare"));
        QCOMPARE(counted.rows[0].escalated, 30);
        QCOMPARE(counted.rows[1].value, QStringLiteral("Retail"));
        QCOMPARE(counted.rows[1].tickets, 200);
        const SegmentAnalysis loaded =
            analyseSegments(metrics::loadMetricsInput(workspace.db(), week), week,
                            metrics::SegmentField::AccountSegment);
        QCOMPARE(*counted.rows[0].pValue, *loaded.rows[0].pValue);
        QCOMPARE(*counted.rows[1].deviationPts, *loaded.rows[1].deviationPts);
        // By a ticket field there is no account join: all 300 have no group.
        const SegmentAnalysis byGroup =
            analyseSegments(workspace.db(), week, metrics::SegmentField::Group);
        QCOMPARE(byGroup.rows.size(), std::size_t(1));
        QVERIFY(byGroup.rows[0].value.isNull());
        QCOMPARE(byGroup.rows[0].tickets, 300);
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"

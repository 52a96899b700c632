// The unusual-behaviour rule: the last 7 days against the median of the
// eight 7-day weeks before them, flagged above 3× with at least 3 tickets.

#include "risk/AccountSurge.h"

#include <QtTest>

using namespace escdesk;
using namespace escdesk::risk;

class AccountSurgeTest : public QObject {
    Q_OBJECT

private slots:
    void medianOfEightWeeksWithZeros() {
        // Sorted 0 0 0 0 1 1 2 3: the 4th and 5th are 0 and 1 → 0.5.
        QCOMPARE(medianOfWeeks({3, 0, 1, 0, 2, 0, 1, 0}), 0.5);
        // Five zeros: the 4th and 5th are both 0 → 0.
        QCOMPARE(medianOfWeeks({0, 4, 0, 0, 9, 0, 0, 1}), 0.0);
        // Sorted 1 2 2 2 4 4 5 6 → (2 + 4) / 2 = 3.
        QCOMPARE(medianOfWeeks({4, 2, 6, 1, 2, 5, 4, 2}), 3.0);
    }

    void surgeNeedsMoreThanThreeTimesTheMedian() {
        // Median 2: 6 is exactly 3× (not more) → no; 7 → yes.
        QVERIFY(!isSurge(6, 2.0));
        QVERIFY(isSurge(7, 2.0));
        // Median 0.5: 2 > 1.5 but under the minimum of 3 tickets → no; 3 → yes.
        QVERIFY(!isSurge(2, 0.5));
        QVERIFY(isSurge(3, 0.5));
        // A usually silent account (median 0): one or two tickets are not a
        // surge, three are.
        QVERIFY(!isSurge(1, 0.0));
        QVERIFY(!isSurge(2, 0.0));
        QVERIFY(isSurge(3, 0.0));
    }

    void ticketsFallIntoSevenDayWeeksBackFromAsOf() {
        const UtcSeconds day = 24 * 3600;
        const UtcSeconds asOf = 100 * day;
        // Last week [93 d, 100 d): at 93 d exactly, 99 d, 100 d − 1 s → 3
        // (100 d itself is not before asOf and is ignored). Week 1 back
        // [86 d, 93 d): 93 d − 1 s and 86 d → 2. Week 8 back [37 d, 44 d):
        // 40 d → 1. 36 d is nine weeks back, outside the baseline.
        const std::vector<UtcSeconds> created{93 * day,     99 * day, 100 * day - 1, 100 * day,
                                              93 * day - 1, 86 * day, 40 * day,      36 * day};
        const AccountSurge surge = accountSurge(created, asOf);
        QCOMPARE(surge.lastWeek, 3);
        QCOMPARE(surge.weeks[0], 2);
        QCOMPARE(surge.weeks[7], 1);
        QCOMPARE(surge.weeks[1] + surge.weeks[2] + surge.weeks[3] + surge.weeks[4] +
                     surge.weeks[5] + surge.weeks[6],
                 0);
        // Weeks 2 0 0 0 0 0 0 1 → sorted 0 0 0 0 0 0 1 2 → median 0; 3 ≥ 3 → flagged.
        QCOMPARE(surge.baselineMedian, 0.0);
        QVERIFY(surge.flagged);
    }

    void steadyAccountIsNotFlagged() {
        // Three tickets in each of the nine weeks: median 3, last week 3.
        const UtcSeconds day = 24 * 3600;
        std::vector<UtcSeconds> created;
        for (int week = 0; week < 9; ++week) {
            for (int k = 0; k < 3; ++k) {
                created.push_back(100 * day - 1 - week * 7 * day - k * day);
            }
        }
        const AccountSurge surge = accountSurge(created, 100 * day);
        QCOMPARE(surge.lastWeek, 3);
        QCOMPARE(surge.baselineMedian, 3.0);
        QVERIFY(!surge.flagged);
    }
};

QTEST_GUILESS_MAIN(AccountSurgeTest)
#include "tst_account_surge.moc"

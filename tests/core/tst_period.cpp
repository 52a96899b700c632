// Reporting periods (which local dates "Last month" means, and what a period
// is compared against) and the escalation-rate benchmark band. Every
// expected date below is counted by hand on a calendar; the working is in
// the comments.

#include "metrics/Benchmarks.h"
#include "metrics/Period.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::metrics;

namespace {

DateRange range(int y1, int m1, int d1, int y2, int m2, int d2) {
    return {QDate(y1, m1, d1), QDate(y2, m2, d2)};
}

UtcSeconds utcInstant(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

Q_DECLARE_METATYPE(escdesk::metrics::DateRange)
Q_DECLARE_METATYPE(escdesk::metrics::PeriodPreset)

namespace QTest {
template <> char* toString(const DateRange& r) {
    return qstrdup(QStringLiteral("%1..%2")
                       .arg(r.first.toString(Qt::ISODate), r.last.toString(Qt::ISODate))
                       .toUtf8()
                       .constData());
}
} // namespace QTest

class TestPeriod : public QObject {
    Q_OBJECT

private slots:
    void presetDates_data() {
        QTest::addColumn<PeriodPreset>("preset");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<DateRange>("dates");
        QTest::addColumn<DateRange>("previous");
        // Rolling windows end today: 26 - 6 = 20; the 7 days before are 13..19.
        QTest::newRow("last 7 days")
            << PeriodPreset::Last7Days << QDate(2026, 11, 26) << range(2026, 11, 20, 2026, 11, 26)
            << range(2026, 11, 13, 2026, 11, 19);
        // Across a year end: 3 Jan back 6 days is 28 Dec; before that 21..27 Dec.
        QTest::newRow("last 7 days, new year")
            << PeriodPreset::Last7Days << QDate(2026, 1, 3) << range(2025, 12, 28, 2026, 1, 3)
            << range(2025, 12, 21, 2025, 12, 27);
        // 1..26 Nov is 26 days, plus 28..31 Oct is 4: 30. Before: 1..27 Oct
        // (27 days) plus 28..30 Sep (3 days).
        QTest::newRow("last 30 days")
            << PeriodPreset::Last30Days << QDate(2026, 11, 26) << range(2026, 10, 28, 2026, 11, 26)
            << range(2026, 9, 28, 2026, 10, 27);
        // 26 (Nov) + 31 (Oct) + 30 (Sep) = 87, plus 29..31 Aug = 90. The 90
        // days before end 28 Aug: 28 (Aug) + 31 (Jul) + 30 (Jun) = 89, plus 31 May.
        QTest::newRow("last 90 days")
            << PeriodPreset::Last90Days << QDate(2026, 11, 26) << range(2026, 8, 29, 2026, 11, 26)
            << range(2026, 5, 31, 2026, 8, 28);
        // Month to date against the same days of the month before.
        QTest::newRow("this month")
            << PeriodPreset::ThisMonth << QDate(2026, 11, 26) << range(2026, 11, 1, 2026, 11, 26)
            << range(2026, 10, 1, 2026, 10, 26);
        // 31 March: 31 days from 1 Feb would run into March; February 2026
        // ends on the 28th.
        QTest::newRow("this month, cut at February's end")
            << PeriodPreset::ThisMonth << QDate(2026, 3, 31) << range(2026, 3, 1, 2026, 3, 31)
            << range(2026, 2, 1, 2026, 2, 28);
        // 2024 is a leap year: February has 29 days.
        QTest::newRow("this month, leap February")
            << PeriodPreset::ThisMonth << QDate(2024, 3, 30) << range(2024, 3, 1, 2024, 3, 30)
            << range(2024, 2, 1, 2024, 2, 29);
        QTest::newRow("this month, first day")
            << PeriodPreset::ThisMonth << QDate(2026, 1, 1) << range(2026, 1, 1, 2026, 1, 1)
            << range(2025, 12, 1, 2025, 12, 1);
        // In January, last month is December of the year before.
        QTest::newRow("last month, January")
            << PeriodPreset::LastMonth << QDate(2026, 1, 15) << range(2025, 12, 1, 2025, 12, 31)
            << range(2025, 11, 1, 2025, 11, 30);
        QTest::newRow("last month, from the 31st")
            << PeriodPreset::LastMonth << QDate(2026, 3, 31) << range(2026, 2, 1, 2026, 2, 28)
            << range(2026, 1, 1, 2026, 1, 31);
        // Q4 to date: 31 (Oct) + 26 (Nov) = 57 days. Q3 from 1 Jul for 57
        // days: 31 (Jul) + 26 = 26 Aug.
        QTest::newRow("this quarter")
            << PeriodPreset::ThisQuarter << QDate(2026, 11, 26) << range(2026, 10, 1, 2026, 11, 26)
            << range(2026, 7, 1, 2026, 8, 26);
        // All of Q1 2026 is 31 + 28 + 31 = 90 days; Q4 2025 from 1 Oct for 90
        // days: 31 + 30 = 61, plus 29 December.
        QTest::newRow("this quarter, full Q1")
            << PeriodPreset::ThisQuarter << QDate(2026, 3, 31) << range(2026, 1, 1, 2026, 3, 31)
            << range(2025, 10, 1, 2025, 12, 29);
        // Q3 to its end is 92 days; Q2 has only 91 (30 + 31 + 30): cut at 30 Jun.
        QTest::newRow("this quarter, cut at Q2's end")
            << PeriodPreset::ThisQuarter << QDate(2026, 9, 30) << range(2026, 7, 1, 2026, 9, 30)
            << range(2026, 4, 1, 2026, 6, 30);
        // Q1 to 10 Feb is 31 + 10 = 41 days; Q4 from 1 Oct: 31 + 10 = 10 Nov.
        QTest::newRow("this quarter, Q1 against last year's Q4")
            << PeriodPreset::ThisQuarter << QDate(2026, 2, 10) << range(2026, 1, 1, 2026, 2, 10)
            << range(2025, 10, 1, 2025, 11, 10);
    }

    void presetDates() {
        QFETCH(PeriodPreset, preset);
        QFETCH(QDate, today);
        QFETCH(DateRange, dates);
        QFETCH(DateRange, previous);
        QCOMPARE(periodDates(preset, today), dates);
        QCOMPARE(previousPeriod(preset, dates), previous);
    }

    void customRangeIsComparedWithTheDaysBefore() {
        // 10..16 Nov is 7 days; the 7 days before are 3..9 Nov.
        QCOMPARE(previousPeriod(PeriodPreset::Custom, range(2026, 11, 10, 2026, 11, 16)),
                 range(2026, 11, 3, 2026, 11, 9));
        QCOMPARE(previousPeriod(PeriodPreset::Custom, range(2026, 3, 1, 2026, 3, 1)),
                 range(2026, 2, 28, 2026, 2, 28));
    }

    void aReversedCustomRangeIsInvalid() {
        const DateRange reversed = range(2026, 11, 16, 2026, 11, 10);
        QVERIFY(!reversed.isValid());
        QCOMPARE(reversed.days(), 0);
        QVERIFY(!previousPeriod(PeriodPreset::Custom, reversed).isValid());
        QVERIFY(!periodDates(PeriodPreset::Custom, QDate(2026, 11, 26)).isValid());
    }

    void recentWeeksRunMondayToSunday() {
        // 26 Nov 2026 is a Thursday (1 Jan 2026 was a Thursday; 26 Nov is
        // day 330, and 329 = 47 × 7). Its week began Monday 23 Nov.
        const std::vector<DateRange> weeks = recentWeeks(QDate(2026, 11, 26), 3);
        QCOMPARE(weeks.size(), 3u);
        QCOMPARE(weeks[0], range(2026, 11, 9, 2026, 11, 15));
        QCOMPARE(weeks[1], range(2026, 11, 16, 2026, 11, 22));
        QCOMPARE(weeks[2], range(2026, 11, 23, 2026, 11, 26)); // cut at today
        // On a Monday the current week is that one day; a Sunday closes it.
        QCOMPARE(recentWeeks(QDate(2026, 11, 23), 1).front(), range(2026, 11, 23, 2026, 11, 23));
        QCOMPARE(recentWeeks(QDate(2026, 11, 29), 1).front(), range(2026, 11, 23, 2026, 11, 29));
        // Across a year end: Monday 29 Dec 2025 to Sunday 4 Jan 2026.
        QCOMPARE(recentWeeks(QDate(2026, 1, 7), 2).front(), range(2025, 12, 29, 2026, 1, 4));
        QVERIFY(recentWeeks(QDate(2026, 11, 26), 0).empty());
    }

    void quarterStarts() {
        QCOMPARE(firstDayOfQuarter(QDate(2026, 1, 1)), QDate(2026, 1, 1));
        QCOMPARE(firstDayOfQuarter(QDate(2026, 3, 31)), QDate(2026, 1, 1));
        QCOMPARE(firstDayOfQuarter(QDate(2026, 4, 1)), QDate(2026, 4, 1));
        QCOMPARE(firstDayOfQuarter(QDate(2026, 8, 15)), QDate(2026, 7, 1));
        QCOMPARE(firstDayOfQuarter(QDate(2026, 12, 31)), QDate(2026, 10, 1));
    }

    void windowIsCutInTheReportingZone() {
        const QTimeZone berlin("Europe/Berlin");
        // November in Berlin is CET (UTC+1): local midnight 1 Nov is
        // 2026-10-31T23:00Z, and the day after 30 Nov starts 2026-11-30T23:00Z.
        const Window november = windowOf(range(2026, 11, 1, 2026, 11, 30), berlin);
        QCOMPARE(november.from, utcInstant("2026-10-31T23:00:00Z"));
        QCOMPARE(november.to, utcInstant("2026-11-30T23:00:00Z"));
        // 25 Oct 2026 ends summer time in Berlin: that local day has 25 hours.
        const Window fallBack = windowOf(range(2026, 10, 25, 2026, 10, 25), berlin);
        QCOMPARE(fallBack.to - fallBack.from, 25 * 3600);
    }

    void escalationRateBands() {
        // SPEC §7: below 10% good, above 15% needs attention, between to watch.
        QCOMPARE(escalationRateBand(0.0), BenchmarkBand::Good);
        QCOMPARE(escalationRateBand(0.0999), BenchmarkBand::Good);
        QCOMPARE(escalationRateBand(0.10), BenchmarkBand::Watch);
        QCOMPARE(escalationRateBand(0.125), BenchmarkBand::Watch);
        QCOMPARE(escalationRateBand(0.15), BenchmarkBand::Watch);
        QCOMPARE(escalationRateBand(0.1501), BenchmarkBand::NeedsAttention);
        QCOMPARE(escalationRateBand(1.0), BenchmarkBand::NeedsAttention);
        QVERIFY(!escalationRateBand(std::nullopt).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPeriod)
#include "tst_period.moc"

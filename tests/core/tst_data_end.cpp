// Periods that follow the data (issue #17): where a workspace's data ends,
// which dates a preset means when the data is older than its period ending
// today, and the dashboard's weeks with the week so far marked partial.
// Every date worked out by hand (2025-03-14 is a Friday).

#include "metrics/DataEnd.h"
#include "metrics/HeadlineSeries.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::metrics;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();
const QDate today(2026, 12, 7);
const QDate dataEnd(2025, 3, 14);

UtcSeconds at(const QDate& day, int hour, int minute = 0) {
    return QDateTime(day, QTime(hour, minute), utc).toSecsSinceEpoch();
}

std::int64_t addTicket(DataWriter& writer, const QString& id, UtcSeconds created) {
    Ticket ticket;
    ticket.ticketId = id;
    ticket.createdAt = created;
    return writer.insertTicket(ticket);
}

DateRange range(int y1, int m1, int d1, int y2, int m2, int d2) {
    return {QDate(y1, m1, d1), QDate(y2, m2, d2)};
}

} // namespace

Q_DECLARE_METATYPE(escdesk::metrics::PeriodPreset)
Q_DECLARE_METATYPE(escdesk::metrics::DateRange)

class TestDataEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void lastDataDayIsTheNewestCreationDayInTheZone() {
        Workspace workspace(m_dir.filePath(QStringLiteral("end.db")));
        QVERIFY(!lastDataDay(workspace.db(), utc));
        QVERIFY(!lastDataInstant(workspace.db()));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            addTicket(writer, QStringLiteral("A"), at(QDate(2025, 2, 1), 9));
            // The newest: 23:30 UTC on the 14th is already the 15th in Berlin
            // (UTC+1 in March before the switch on the 30th).
            const auto row = addTicket(writer, QStringLiteral("B"), at(dataEnd, 23, 30));
            addTicket(writer, QStringLiteral("C"), at(QDate(2025, 3, 2), 9));
            // An event after the newest creation: the data's last instant.
            TicketEvent resolved;
            resolved.kind = EventKind::Resolved;
            resolved.occurredAt = at(QDate(2025, 3, 16), 8);
            writer.insertEvent(row, resolved);
            transaction.commit();
        }
        QCOMPARE(lastDataDay(workspace.db(), utc), std::optional<QDate>(dataEnd));
        QCOMPARE(lastDataDay(workspace.db(), QTimeZone("Europe/Berlin")),
                 std::optional<QDate>(QDate(2025, 3, 15)));
        QCOMPARE(lastDataDay(workspace.db(), QTimeZone("America/Los_Angeles")),
                 std::optional<QDate>(dataEnd));
        QCOMPARE(lastDataInstant(workspace.db()),
                 std::optional<UtcSeconds>(at(QDate(2025, 3, 16), 8)));

        // Now 2026-12-07: the data is far older than 30 days — the instant
        // an "as of now" view is taken at is where the data ends.
        const UtcSeconds now = at(today, 12);
        const ChosenInstant stale = asOfFollowingData(workspace.db(), now);
        QVERIFY(stale.followsData);
        QCOMPARE(stale.asOf, at(QDate(2025, 3, 16), 8));
        // Now 2025-04-15 08:00 is exactly 30 days after: still now.
        const UtcSeconds fresh = at(QDate(2025, 4, 15), 8);
        QVERIFY(!asOfFollowingData(workspace.db(), fresh).followsData);
        QCOMPARE(asOfFollowingData(workspace.db(), fresh).asOf, fresh);

        // choosePeriod reads the data's end itself; Custom is as picked.
        const ChosenPeriod chosen =
            choosePeriod(workspace.db(), PeriodPreset::Last30Days, {}, today, utc);
        QVERIFY(chosen.followsData);
        QCOMPARE(chosen.dates, range(2025, 2, 13, 2025, 3, 14));
        const DateRange picked = range(2026, 1, 1, 2026, 1, 31);
        const ChosenPeriod custom =
            choosePeriod(workspace.db(), PeriodPreset::Custom, picked, today, utc);
        QVERIFY(!custom.followsData);
        QCOMPARE(custom.dates, picked);
    }

    void presetsFollowOldData_data() {
        QTest::addColumn<PeriodPreset>("preset");
        QTest::addColumn<DateRange>("expected");
        // The 30 days ending on the 14th: 13 Feb .. 14 Mar.
        QTest::newRow("last 30 days")
            << PeriodPreset::Last30Days << range(2025, 2, 13, 2025, 3, 14);
        QTest::newRow("last 7 days") << PeriodPreset::Last7Days << range(2025, 3, 8, 2025, 3, 14);
        QTest::newRow("last 90 days")
            << PeriodPreset::Last90Days << range(2024, 12, 15, 2025, 3, 14);
        QTest::newRow("this month") << PeriodPreset::ThisMonth << range(2025, 3, 1, 2025, 3, 14);
        // "Last month" of the data: the month holding its last day.
        QTest::newRow("last month") << PeriodPreset::LastMonth << range(2025, 3, 1, 2025, 3, 31);
        QTest::newRow("this quarter")
            << PeriodPreset::ThisQuarter << range(2025, 1, 1, 2025, 3, 14);
        // Monday 10 Mar, eleven weeks back: Monday 23 Dec 2024.
        QTest::newRow("last 12 weeks")
            << PeriodPreset::Last12Weeks << range(2024, 12, 23, 2025, 3, 14);
        QTest::newRow("last 12 months")
            << PeriodPreset::Last12Months << range(2024, 4, 1, 2025, 3, 14);
    }
    void presetsFollowOldData() {
        QFETCH(PeriodPreset, preset);
        QFETCH(DateRange, expected);
        const ChosenPeriod chosen = periodFollowingData(preset, today, dataEnd);
        QVERIFY(chosen.followsData);
        QCOMPARE(chosen.dataEnd, dataEnd);
        QCOMPARE(chosen.dates, expected);
    }

    void recentDataKeepsToday() {
        // Last 30 days on 7 Dec: 8 Nov .. 7 Dec. Data ending on the 8th is
        // inside it: the period stays on today.
        const ChosenPeriod inside =
            periodFollowingData(PeriodPreset::Last30Days, today, QDate(2026, 11, 8));
        QVERIFY(!inside.followsData);
        QCOMPARE(inside.dates, range(2026, 11, 8, 2026, 12, 7));
        // Ending on the 7th, one day before: the 30 days ending on the 7th.
        const ChosenPeriod before =
            periodFollowingData(PeriodPreset::Last30Days, today, QDate(2026, 11, 7));
        QVERIFY(before.followsData);
        QCOMPARE(before.dates, range(2026, 10, 9, 2026, 11, 7));
        // "Last month" on 7 Dec is November: data ending 30 Nov is in it.
        QVERIFY(
            !periodFollowingData(PeriodPreset::LastMonth, today, QDate(2026, 11, 30)).followsData);
        // Data dated after today, or no data: today.
        QVERIFY(
            !periodFollowingData(PeriodPreset::Last7Days, today, QDate(2027, 1, 1)).followsData);
        QVERIFY(!periodFollowingData(PeriodPreset::Last7Days, today, std::nullopt).followsData);
        QVERIFY(!periodFollowingData(PeriodPreset::Custom, today, dataEnd).dates.isValid());
    }

    void rollingWindowsFollowOldData() {
        // The CLI's 90-day default: 15 Dec 2024 .. 14 Mar 2025.
        const ChosenPeriod old = lastDaysFollowingData(90, today, dataEnd);
        QVERIFY(old.followsData);
        QCOMPARE(old.dates, range(2024, 12, 15, 2025, 3, 14));
        const ChosenPeriod recent = lastDaysFollowingData(30, today, QDate(2026, 12, 1));
        QVERIFY(!recent.followsData);
        QCOMPARE(recent.dates, range(2026, 11, 8, 2026, 12, 7));
    }

    void weekSoFarIsPartial() {
        Workspace workspace(m_dir.filePath(QStringLiteral("weeks.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            // The week of Monday 10 Mar up to Friday 14 Mar: 2 tickets;
            // the whole week before (3..9 Mar): 3 tickets.
            addTicket(writer, QStringLiteral("W1"), at(QDate(2025, 3, 10), 9));
            addTicket(writer, QStringLiteral("W2"), at(dataEnd, 17));
            addTicket(writer, QStringLiteral("V1"), at(QDate(2025, 3, 3), 0));
            addTicket(writer, QStringLiteral("V2"), at(QDate(2025, 3, 5), 12));
            addTicket(writer, QStringLiteral("V3"), at(QDate(2025, 3, 9), 23, 59));
            transaction.commit();
        }
        const std::vector<PeriodFigures> weeks = recentWeekFigures(workspace.db(), dataEnd, 3, utc);
        QCOMPARE(int(weeks.size()), 3);
        QCOMPARE(weeks[0].dates, range(2025, 2, 24, 2025, 3, 2));
        QVERIFY(!weeks[0].partial);
        QCOMPARE(weeks[1].dates, range(2025, 3, 3, 2025, 3, 9));
        QVERIFY(!weeks[1].partial);
        QCOMPARE(weeks[1].figures.tickets, std::int64_t(3));
        QCOMPARE(weeks[2].dates, range(2025, 3, 10, 2025, 3, 14));
        QVERIFY(weeks[2].partial);
        QCOMPARE(weeks[2].figures.tickets, std::int64_t(2));
        // Ending on a Sunday, the last week is whole.
        const auto whole = recentWeekFigures(workspace.db(), QDate(2025, 3, 16), 2, utc);
        QCOMPARE(whole.back().dates, range(2025, 3, 10, 2025, 3, 16));
        QVERIFY(!whole.back().partial);
    }
};

QTEST_GUILESS_MAIN(TestDataEnd)
#include "tst_data_end.moc"

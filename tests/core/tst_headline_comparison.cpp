// A period's headline figures beside the previous period's, with the
// changes the dashboard shows; counts worked out by hand.

#include "metrics/HeadlineComparison.h"
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

UtcSeconds at(int month, int day, int hour = 12) {
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), utc).toSecsSinceEpoch();
}

void addTicket(DataWriter& writer, const QString& id, UtcSeconds created, bool escalated) {
    Ticket ticket;
    ticket.ticketId = id;
    ticket.createdAt = created;
    const auto row = writer.insertTicket(ticket);
    if (escalated) {
        TicketEvent event;
        event.occurredAt = created + 600;
        event.kind = EventKind::Escalated;
        writer.insertEvent(row, event);
    }
}

} // namespace

class TestHeadlineComparison : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void comparesWithThePreviousPeriod() {
        Workspace workspace(m_dir.filePath(QStringLiteral("compare.db")));
        {
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            // Last 7 days on 26 Nov = 20..26 Nov: 4 tickets, 1 escalated.
            addTicket(writer, QStringLiteral("C1"), at(11, 20, 0), true);
            addTicket(writer, QStringLiteral("C2"), at(11, 22), false);
            addTicket(writer, QStringLiteral("C3"), at(11, 24), false);
            addTicket(writer, QStringLiteral("C4"), at(11, 26, 23), false);
            // Previous = 13..19 Nov: 5 tickets, 2 escalated.
            addTicket(writer, QStringLiteral("P1"), at(11, 13, 0), true);
            addTicket(writer, QStringLiteral("P2"), at(11, 15), true);
            addTicket(writer, QStringLiteral("P3"), at(11, 16), false);
            addTicket(writer, QStringLiteral("P4"), at(11, 18), false);
            addTicket(writer, QStringLiteral("P5"), at(11, 19, 23), false);
            // Outside both: 12 Nov and 27 Nov.
            addTicket(writer, QStringLiteral("X1"), at(11, 12, 23), true);
            addTicket(writer, QStringLiteral("X2"), at(11, 27, 0), true);
            transaction.commit();
        }
        const DateRange week = periodDates(PeriodPreset::Last7Days, QDate(2026, 11, 26));
        const HeadlineComparison c =
            compareHeadline(workspace.db(), PeriodPreset::Last7Days, week, utc);
        QCOMPARE(c.previousDates, (DateRange{QDate(2026, 11, 13), QDate(2026, 11, 19)}));
        QCOMPARE(c.current.tickets, 4);
        QCOMPARE(c.current.escalated, 1);
        QCOMPARE(c.previous.tickets, 5);
        QCOMPARE(c.previous.escalated, 2);
        // 4 - 5 = -1, -1/5 = -20%; escalated 1 - 2 = -1, -1/2 = -50%.
        QCOMPARE(c.tickets.difference, -1);
        QCOMPARE(*c.tickets.relative, -0.2);
        QCOMPARE(c.escalated.difference, -1);
        QCOMPARE(*c.escalated.relative, -0.5);
        // 1/4 - 2/5 = 0.25 - 0.40 = -0.15 (15 points down).
        QVERIFY(c.rateChange.has_value());
        QVERIFY(qAbs(*c.rateChange - (-0.15)) < 1e-12);
    }

    void anEmptyPreviousPeriodHasNoRelativeChangeAndNoRateChange() {
        Workspace workspace(m_dir.filePath(QStringLiteral("empty-previous.db")));
        {
            DataWriter writer(workspace.db());
            addTicket(writer, QStringLiteral("A"), at(11, 25), true);
        }
        const DateRange week = periodDates(PeriodPreset::Last7Days, QDate(2026, 11, 26));
        const HeadlineComparison c =
            compareHeadline(workspace.db(), PeriodPreset::Last7Days, week, utc);
        QCOMPARE(c.current.tickets, 1);
        QCOMPARE(c.previous.tickets, 0);
        QCOMPARE(c.tickets.difference, 1);
        QVERIFY(!c.tickets.relative.has_value()); // +1 against 0 is no percentage
        QVERIFY(!c.previous.escalationRate.has_value());
        QVERIFY(!c.rateChange.has_value());
    }

    void weeklySeries() {
        Workspace workspace(m_dir.filePath(QStringLiteral("series.db")));
        {
            DataWriter writer(workspace.db());
            // Week of Mon 16 Nov: 2 tickets, 1 escalated. Week of 23 Nov
            // (cut at Thu 26 Nov): 1 ticket on Sunday 22 Nov 23:00 belongs to
            // the week before, and 1 on Monday 23 Nov 00:00 to this one.
            addTicket(writer, QStringLiteral("A"), at(11, 16), true);
            addTicket(writer, QStringLiteral("B"), at(11, 22, 23), false);
            addTicket(writer, QStringLiteral("C"), at(11, 23, 0), false);
        }
        const auto series =
            headlineSeries(workspace.db(), recentWeeks(QDate(2026, 11, 26), 3), utc);
        QCOMPARE(series.size(), 3u);
        QCOMPARE(series[0].figures.tickets, 0); // 9..15 Nov
        QVERIFY(!series[0].figures.escalationRate.has_value());
        QCOMPARE(series[1].figures.tickets, 2); // A, B
        QCOMPARE(series[1].figures.escalated, 1);
        QCOMPARE(*series[1].figures.escalationRate, 0.5);
        QCOMPARE(series[2].figures.tickets, 1); // C
        QCOMPARE(series[2].dates.last, QDate(2026, 11, 26));
    }

    void countChangeArithmetic() {
        QCOMPARE(countChange(12, 8).difference, 4);
        QCOMPARE(*countChange(12, 8).relative, 0.5); // 4 / 8
        QCOMPARE(countChange(0, 0).difference, 0);
        QVERIFY(!countChange(0, 0).relative.has_value());
    }
};

QTEST_GUILESS_MAIN(TestHeadlineComparison)
#include "tst_headline_comparison.moc"

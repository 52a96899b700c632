// Headline figures (SPEC §7: tickets, escalated, escalation_rate) on a small
// workspace worked out by hand.

#include "metrics/Headline.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::store;

namespace {

const QTimeZone berlin("Europe/Berlin");

UtcSeconds berlinTime(int year, int month, int day, int hour, int minute) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute), berlin).toSecsSinceEpoch();
}

std::int64_t addTicket(DataWriter& writer, const char* id, UtcSeconds createdAt,
                       std::optional<bool> escalatedFlag = std::nullopt) {
    Ticket ticket;
    ticket.ticketId = QString::fromLatin1(id);
    ticket.createdAt = createdAt;
    ticket.escalated = escalatedFlag;
    return writer.insertTicket(ticket);
}

void addEvent(DataWriter& writer, std::int64_t row, UtcSeconds at, EventKind kind) {
    TicketEvent event;
    event.occurredAt = at;
    event.kind = kind;
    writer.insertEvent(row, event);
}

} // namespace

class TestHeadline : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void countsTicketsCreatedInTheLocalWindow() {
        Workspace workspace(m_dir.filePath(QStringLiteral("events.db")));
        DataWriter writer(workspace.db());
        // November 2026 in Berlin is [2026-10-31T23:00Z, 2026-11-30T23:00Z).
        const auto a = addTicket(writer, "A", berlinTime(2026, 11, 1, 0, 0)); // first instant: in
        const auto b = addTicket(writer, "B", berlinTime(2026, 11, 15, 9, 30));
        addTicket(writer, "C", berlinTime(2026, 11, 20, 14, 0));
        addTicket(writer, "D", berlinTime(2026, 12, 1, 0, 0));    // the closing instant: out
        addTicket(writer, "E", berlinTime(2026, 10, 31, 23, 59)); // before: out
        // A escalated twice (still one escalated ticket), B claimed but never escalated.
        addEvent(writer, a, berlinTime(2026, 11, 1, 1, 0), EventKind::Escalated);
        addEvent(writer, a, berlinTime(2026, 11, 2, 1, 0), EventKind::Escalated);
        addEvent(writer, b, berlinTime(2026, 11, 15, 10, 0), EventKind::Claimed);

        const Window november = windowOfLocalDates(QDate(2026, 11, 1), QDate(2026, 12, 1), berlin);
        const auto figures = metrics::headlineFigures(workspace.db(), november);
        QVERIFY(figures.fromEventLog);
        QCOMPARE(figures.tickets, 3);   // A, B, C
        QCOMPARE(figures.escalated, 1); // A
        QVERIFY(figures.escalationRate.has_value());
        QCOMPARE(*figures.escalationRate, 1.0 / 3.0);
    }

    void withoutAnEventLogTheFlagStandsIn() {
        Workspace workspace(m_dir.filePath(QStringLiteral("flags.db")));
        DataWriter writer(workspace.db());
        addTicket(writer, "A", berlinTime(2026, 11, 2, 9, 0), true);
        addTicket(writer, "B", berlinTime(2026, 11, 2, 9, 0), false);
        addTicket(writer, "C", berlinTime(2026, 11, 2, 9, 0), std::nullopt);
        addTicket(writer, "D", berlinTime(2026, 11, 3, 9, 0), true);

        const Window week = windowOfLocalDates(QDate(2026, 11, 2), QDate(2026, 11, 9), berlin);
        const auto figures = metrics::headlineFigures(workspace.db(), week);
        QVERIFY(!figures.fromEventLog);
        QCOMPARE(figures.tickets, 4);
        QCOMPARE(figures.escalated, 2);
        QCOMPARE(*figures.escalationRate, 0.5);
    }

    void emptyWindowHasNoRate() {
        Workspace workspace(m_dir.filePath(QStringLiteral("empty.db")));
        const Window day = windowOfLocalDates(QDate(2026, 1, 1), QDate(2026, 1, 2), berlin);
        const auto figures = metrics::headlineFigures(workspace.db(), day);
        QCOMPARE(figures.tickets, 0);
        QVERIFY(!figures.escalationRate.has_value()); // null, never 0
    }
};

QTEST_GUILESS_MAIN(TestHeadline)
#include "tst_headline.moc"

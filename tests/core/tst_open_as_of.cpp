// The tickets open at an instant (issue #17): the at-risk queue as of a
// past instant rebuilds the set of tickets open then — created by then, not
// yet resolved or closed as known then, reopened ones open again — rather
// than re-evaluating the clocks of the tickets open now. A small hand-made
// workspace; every expectation worked out by hand.

#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"
#include "risk/AtRiskQueue.h"
#include "risk/OpenAsOf.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace escdesk;
using namespace escdesk::risk;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();

UtcSeconds march(int day, int hour = 12) {
    return QDateTime(QDate(2025, 3, day), QTime(hour, 0), utc).toSecsSinceEpoch();
}

struct Fixture {
    std::map<QString, std::int64_t> rows;
};

void addEvent(DataWriter& writer, std::int64_t row, EventKind kind, UtcSeconds at) {
    TicketEvent event;
    event.kind = kind;
    event.occurredAt = at;
    if (kind == EventKind::Escalated) {
        event.fromTier = 1;
        event.toTier = 2;
    }
    writer.insertEvent(row, event);
}

std::set<QString> idsOf(const std::unordered_set<std::int64_t>& rows, const Fixture& fixture) {
    std::set<QString> ids;
    for (const auto& [id, row] : fixture.rows) {
        if (rows.count(row) > 0) {
            ids.insert(id);
        }
    }
    return ids;
}

std::set<QString> idsOf(const TicketContexts& contexts, const Fixture& fixture) {
    std::unordered_set<std::int64_t> rows;
    for (const auto& [row, context] : contexts) {
        rows.insert(row);
    }
    return idsOf(rows, fixture);
}

} // namespace

class TestOpenAsOf : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Fixture m_fixture;

    void add(DataWriter& writer, const QString& id, UtcSeconds created,
             std::optional<UtcSeconds> resolved = {}, const QString& status = {},
             std::optional<UtcSeconds> closed = {}) {
        Ticket ticket;
        ticket.ticketId = id;
        ticket.createdAt = created;
        ticket.resolvedAt = resolved;
        ticket.closedAt = closed;
        ticket.status = status;
        ticket.subject = QStringLiteral("Ticket ") + id;
        m_fixture.rows[id] = writer.insertTicket(ticket);
    }

private slots:
    void initTestCase() {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("open.db")));
        Transaction transaction(m_workspace->db());
        DataWriter writer(m_workspace->db());
        // A: resolved on the 5th.
        add(writer, QStringLiteral("A"), march(1), march(5), QStringLiteral("solved"));
        // B: resolved on the 12th.
        add(writer, QStringLiteral("B"), march(1), march(12), QStringLiteral("solved"));
        // C: created on the 11th.
        add(writer, QStringLiteral("C"), march(11), {}, QStringLiteral("open"));
        // D: never resolved.
        add(writer, QStringLiteral("D"), march(1), {}, QStringLiteral("open"));
        // E: resolved on the 3rd, reopened on the 6th, resolved for good on
        // the 15th (resolved_at holds the last resolution).
        add(writer, QStringLiteral("E"), march(1), march(15), QStringLiteral("closed"));
        addEvent(writer, m_fixture.rows[QStringLiteral("E")], EventKind::Resolved, march(3));
        addEvent(writer, m_fixture.rows[QStringLiteral("E")], EventKind::Reopened, march(6));
        addEvent(writer, m_fixture.rows[QStringLiteral("E")], EventKind::Resolved, march(15));
        // F: resolved on the 3rd (resolved_at kept the first resolution),
        // reopened on the 12th, open now.
        add(writer, QStringLiteral("F"), march(1), march(3), QStringLiteral("open"));
        addEvent(writer, m_fixture.rows[QStringLiteral("F")], EventKind::Resolved, march(3));
        addEvent(writer, m_fixture.rows[QStringLiteral("F")], EventKind::Reopened, march(12));
        // G: escalated on the 8th; H: escalated on the 12th.
        add(writer, QStringLiteral("G"), march(1), {}, QStringLiteral("open"));
        addEvent(writer, m_fixture.rows[QStringLiteral("G")], EventKind::Escalated, march(8));
        add(writer, QStringLiteral("H"), march(1), {}, QStringLiteral("open"));
        addEvent(writer, m_fixture.rows[QStringLiteral("H")], EventKind::Escalated, march(12));
        // I: closed by its status alone, when unknown.
        add(writer, QStringLiteral("I"), march(1), {}, QStringLiteral("Closed"));
        // J: closed_at on the 9th, nothing else.
        add(writer, QStringLiteral("J"), march(1), {}, {}, march(9));
        transaction.commit();
    }

    void openOnTheTenth() {
        // As of the 10th: A resolved, C not yet created, G escalated, I
        // closed at an unknown time, J closed on the 9th. B resolves later,
        // E was reopened on the 6th, F's reopening on the 12th was not known
        // yet (resolved on the 3rd), H escalates later.
        const auto open = openUnescalatedTicketsAt(m_workspace->db(), march(10));
        QCOMPARE(idsOf(open, m_fixture), (std::set<QString>{"B", "D", "E", "H"}));
    }

    void openOnTheThirteenth() {
        // As of the 13th: B resolved on the 12th, C created on the 11th, F
        // reopened on the 12th, H escalated on the 12th.
        const auto open = openUnescalatedTicketsAt(m_workspace->db(), march(13));
        QCOMPARE(idsOf(open, m_fixture), (std::set<QString>{"C", "D", "E", "F"}));
    }

    void openNow() {
        // Today: E resolved for good; F still open since its reopening.
        const auto open = openUnescalatedTicketsAt(m_workspace->db(), march(30));
        QCOMPARE(idsOf(open, m_fixture), (std::set<QString>{"C", "D", "F"}));
    }

    // The same sets decided from the fields and events the at-risk queue
    // reads of each ticket (all tickets as candidates).
    void openFromTheQueuesContexts() {
        Database& db = m_workspace->db();
        const char* every = "SELECT id FROM tickets";
        QCOMPARE(idsOf(openUnescalatedContextsAmong(db, march(10), every), m_fixture),
                 (std::set<QString>{"B", "D", "E", "H"}));
        QCOMPARE(idsOf(openUnescalatedContextsAmong(db, march(13), every), m_fixture),
                 (std::set<QString>{"C", "D", "E", "F"}));
        QCOMPARE(idsOf(openUnescalatedContextsAmong(db, march(30), every), m_fixture),
                 (std::set<QString>{"C", "D", "F"}));
        // Candidates given by row; C was not created yet on the 10th.
        const std::int64_t c = m_fixture.rows.at(QStringLiteral("C"));
        const std::int64_t e = m_fixture.rows.at(QStringLiteral("E"));
        const TicketContexts read = slaContextsAmong(db, march(10), ticketRowsSql({c, e}));
        QCOMPARE(read.size(), std::size_t(1));
        const matrix::TicketContext& context = read.at(e);
        QCOMPARE(context.ticket.ticketId, QStringLiteral("E"));
        QCOMPARE(context.ticket.subject, QStringLiteral("Ticket E"));
        QCOMPARE(context.ticket.status, QStringLiteral("closed"));
        QCOMPARE(context.ticket.resolvedAt, std::optional<UtcSeconds>(march(15)));
        // Its three events, in time order.
        QCOMPARE(context.events.size(), std::size_t(3));
        QCOMPARE(context.events[0].kind, EventKind::Resolved);
        QCOMPARE(context.events[0].occurredAt, march(3));
        QCOMPARE(context.events[1].kind, EventKind::Reopened);
        QCOMPARE(context.events[2].occurredAt, march(15));
        QVERIFY(!context.account.has_value());
    }

    void lifecycleRules() {
        TicketLifecycle t;
        t.createdAt = march(1);
        // Created exactly at the instant: open from then on.
        QVERIFY(openAt(t, march(1)));
        QVERIFY(!openAt(t, march(1) - 1));
        // Resolved at the instant: closed at it.
        t.resolvedAt = march(4);
        QVERIFY(openAt(t, march(4) - 1));
        QVERIFY(!openAt(t, march(4)));
        // A reopening at the same instant as the resolution comes after it.
        t.lastReopenedEvent = march(4);
        QVERIFY(openAt(t, march(4)));
        // Escalated by an instant: escalated_at or the first event, whichever
        // is known by then; a flag without an instant always.
        TicketLifecycle e;
        e.escalatedAt = march(6);
        QVERIFY(!escalatedBy(e, march(5)));
        QVERIFY(escalatedBy(e, march(6)));
        e.firstEscalatedEvent = march(2);
        QVERIFY(escalatedBy(e, march(5)));
        TicketLifecycle flagged;
        flagged.escalatedFlag = true;
        QVERIFY(escalatedBy(flagged, march(1)));
    }

    void atRiskQueueListsTheTicketsOpenThen() {
        AtRiskOptions options;
        options.everyOpenTicket = true;
        options.saveModel = false;
        const AtRiskQueue queue = buildAtRiskQueue(m_workspace->db(), march(10), options);
        QCOMPARE(queue.asOf, march(10));
        QCOMPARE(queue.openTickets, std::int64_t(4));
        std::set<QString> listed;
        for (const AtRiskEntry& entry : queue.entries) {
            listed.insert(entry.ticketId);
        }
        QCOMPARE(listed, (std::set<QString>{"B", "D", "E", "H"}));
    }

    // These tickets have no priority: the severity rules give it, from every
    // field of the ticket read in full, and the clocks follow from it as for
    // the ticket read alone.
    void aTicketWithoutPriorityIsTimedAsReadInFull() {
        AtRiskOptions options;
        options.everyOpenTicket = true;
        options.saveModel = false;
        const AtRiskQueue queue = buildAtRiskQueue(m_workspace->db(), march(13), options);
        QCOMPARE(queue.entries.size(), std::size_t(4));
        const matrix::MatrixEvaluator evaluator(matrix::loadMatrix(m_workspace->db()));
        for (const AtRiskEntry& entry : queue.entries) {
            QCOMPARE(entry.subject, QStringLiteral("Ticket ") + entry.ticketId);
            const auto full = matrix::loadTicketContext(m_workspace->db(), entry.row);
            QVERIFY(full.has_value());
            const auto evaluation = evaluator.sla(*full, march(13));
            QVERIFY(evaluation.has_value());
            // The share of the clocks still counting (running, or breached
            // while open).
            double consumed = 0;
            for (const sla::TargetClock& clock : evaluation->targets) {
                if (clock.status == sla::ClockStatus::Running ||
                    (clock.status == sla::ClockStatus::Breached && !clock.stoppedAt)) {
                    consumed = std::max(consumed, clock.consumed);
                }
            }
            if (entry.ticketId == QLatin1String("F")) {
                // resolved_at (the 3rd) stopped its clocks, reopened or not.
                QCOMPARE(consumed, 0.0);
            } else {
                // Open since the 1st or the 11th without a response: breached.
                QVERIFY(consumed > 1.0);
            }
            QCOMPARE(entry.slaConsumed, consumed);
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenAsOf)
#include "tst_open_as_of.moc"

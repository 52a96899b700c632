// The Escalations table model over a 5,000-ticket workspace: it shows the
// tickets the filter matches, in the sort order, reads the right row far
// down, and keeps only a few pages of rows in memory.
//
// Ticket i (1..5000) is "T-%04d", created at 2026-01-05 00:00 UTC + i hours,
// priority by i % 4 (0 Critical, 1 High, 2 Medium, 3 Low), escalated (an
// `escalated` event) when i % 10 == 0, and its subject mentions a refund
// when i % 7 == 0.

#include "models/TicketTableModel.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using escdesk::ui::TicketTableModel;

namespace {

constexpr int ticketCount = 5000;
const UtcSeconds base =
    QDateTime(QDate(2026, 1, 5), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();

void fill(store::Workspace& workspace) {
    store::Transaction transaction(workspace.db());
    store::DataWriter writer(workspace.db());
    const char* priorities[] = {"Critical", "High", "Medium", "Low"};
    for (int i = 1; i <= ticketCount; ++i) {
        Ticket t;
        t.ticketId = QStringLiteral("T-%1").arg(i, 4, 10, QLatin1Char('0'));
        t.createdAt = base + i * 3600;
        t.priority = QString::fromLatin1(priorities[i % 4]);
        t.status = QStringLiteral("open");
        t.tier = i % 10 == 0 ? 2 : 1;
        t.subject = i % 7 == 0 ? QStringLiteral("Refund request %1").arg(i)
                               : QStringLiteral("Question %1").arg(i);
        const auto row = writer.insertTicket(t);
        if (i % 10 == 0) {
            TicketEvent e;
            e.occurredAt = t.createdAt + 600;
            e.kind = EventKind::Escalated;
            e.fromTier = 1;
            e.toTier = 2;
            writer.insertEvent(row, e);
        }
    }
    workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("Europe/Berlin"));
    transaction.commit();
}

QString cell(const TicketTableModel& model, int row, int column) {
    return model.data(model.index(row, column)).toString();
}

} // namespace

class TestTicketTableModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

private slots:
    void initTestCase() {
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("t.db")));
        fill(*m_workspace);
    }

    void showsEveryTicketNewestFirst() {
        TicketTableModel model;
        model.setAsynchronous(false);
        model.setWorkspace(m_workspace.get());
        QCOMPARE(model.rowCount(), ticketCount);
        QCOMPARE(model.columnCount(), int(TicketTableModel::ColumnCount));
        QCOMPARE(cell(model, 0, TicketTableModel::TicketIdColumn), QStringLiteral("T-5000"));
        QCOMPARE(cell(model, ticketCount - 1, TicketTableModel::TicketIdColumn),
                 QStringLiteral("T-0001"));
    }

    void aRowFarDownIsRight() {
        TicketTableModel model;
        model.setAsynchronous(false);
        model.setWorkspace(m_workspace.get());
        // Newest first: row 3000 is ticket 5000 - 3000 = 2000, created
        // 2000 h = 83 days 8 h after 5 Jan 00:00 UTC: 29 Mar 08:00 UTC
        // (5 Jan + 26 = 31 Jan, + 28 = 28 Feb, + 29 = 29 Mar). Berlin
        // switched to summer time (UTC+2) at 01:00 UTC that very day: 10:00.
        QCOMPARE(cell(model, 3000, TicketTableModel::TicketIdColumn), QStringLiteral("T-2000"));
        QCOMPARE(cell(model, 3000, TicketTableModel::CreatedColumn),
                 QStringLiteral("2026-03-29 10:00"));
        QCOMPARE(cell(model, 3000, TicketTableModel::PriorityColumn),
                 QStringLiteral("Critical")); // 2000 % 4 == 0
        QCOMPARE(cell(model, 3000, TicketTableModel::EscalatedColumn),
                 QStringLiteral("Yes")); // 2000 % 10 == 0
        QCOMPARE(cell(model, 3000, TicketTableModel::TierColumn), QStringLiteral("Tier 2"));
        QCOMPARE(cell(model, 3001, TicketTableModel::EscalatedColumn), QString()); // 1999
        QCOMPARE(cell(model, 3001, TicketTableModel::SubjectColumn),
                 QStringLiteral("Question 1999")); // 1999 = 7 × 285 + 4
        // 8 Jan 00:00 UTC (ticket 72 = 3 days) is 01:00 in Berlin in winter.
        QCOMPARE(cell(model, ticketCount - 72, TicketTableModel::CreatedColumn),
                 QStringLiteral("2026-01-08 01:00"));
    }

    void keepsOnlyAFewPagesInMemory() {
        TicketTableModel model;
        model.setAsynchronous(false);
        model.setWorkspace(m_workspace.get());
        QCOMPARE(model.loadedPageCount(), 0); // nothing is read before it is shown
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(!cell(model, row, TicketTableModel::TicketIdColumn).isEmpty());
        }
        // 5000 rows are 20 pages of 256; the cache holds at most 12.
        QVERIFY(model.loadedPageCount() <= TicketTableModel::cachedPages);
        QCOMPARE(cell(model, 10, TicketTableModel::TicketIdColumn), QStringLiteral("T-4990"));
    }

    void sorts() {
        TicketTableModel model;
        model.setAsynchronous(false);
        model.setWorkspace(m_workspace.get());
        model.sort(TicketTableModel::TicketIdColumn, Qt::AscendingOrder);
        QCOMPARE(cell(model, 0, TicketTableModel::TicketIdColumn), QStringLiteral("T-0001"));
        QCOMPARE(cell(model, 4999, TicketTableModel::TicketIdColumn), QStringLiteral("T-5000"));
        // By severity: the 1250 Critical tickets (4, 8, …, 5000) first, in
        // row order, then High starting with ticket 1.
        model.sort(TicketTableModel::PriorityColumn, Qt::AscendingOrder);
        QCOMPARE(cell(model, 0, TicketTableModel::TicketIdColumn), QStringLiteral("T-0004"));
        QCOMPARE(cell(model, 1249, TicketTableModel::TicketIdColumn), QStringLiteral("T-5000"));
        QCOMPARE(cell(model, 1250, TicketTableModel::TicketIdColumn), QStringLiteral("T-0001"));
        QCOMPARE(cell(model, 1250, TicketTableModel::PriorityColumn), QStringLiteral("High"));
    }

    void filters() {
        TicketTableModel model;
        model.setAsynchronous(false);
        model.setWorkspace(m_workspace.get());
        browse::TicketFilter filter;
        filter.escalatedOnly = true;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 500); // multiples of 10 up to 5000
        QCOMPARE(cell(model, 0, TicketTableModel::TicketIdColumn), QStringLiteral("T-5000"));
        QCOMPARE(cell(model, 499, TicketTableModel::TicketIdColumn), QStringLiteral("T-0010"));

        filter = {};
        filter.text = QStringLiteral("refund");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 714); // 5000 / 7 = 714.3
        QCOMPARE(cell(model, 0, TicketTableModel::TicketIdColumn),
                 QStringLiteral("T-4998")); // 7 × 714

        filter.escalatedOnly = true;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 71); // multiples of 70: 5000 / 70 = 71.4
        QCOMPARE(cell(model, 0, TicketTableModel::TicketIdColumn),
                 QStringLiteral("T-4970")); // 70 × 71

        filter = {};
        filter.text = QStringLiteral("T-0042");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        const std::int64_t row = model.ticketRowAt(0);
        QCOMPARE(row, 42); // the 42nd ticket inserted
        QCOMPARE(model.rowOfTicket(row), 0);
        QCOMPARE(model.rowOfTicket(43), -1); // filtered out
    }

    void queriesOnAWorkerThread() {
        TicketTableModel model; // asynchronous by default
        QSignalSpy reloaded(&model, &TicketTableModel::reloaded);
        model.setWorkspace(m_workspace.get());
        QVERIFY(model.isLoading());
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), ticketCount);
        QVERIFY(model.lastError().isEmpty());

        // Two filters in a row: only the last one's result is shown.
        browse::TicketFilter escalated;
        escalated.escalatedOnly = true;
        model.setFilter(escalated);
        browse::TicketFilter refunds;
        refunds.text = QStringLiteral("refund");
        model.setFilter(refunds);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 714);
        QCOMPARE(model.filter(), refunds);
    }

    void noWorkspaceIsEmpty() {
        TicketTableModel model;
        model.setWorkspace(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
        QVERIFY(!model.data(model.index(0, 0)).isValid());
    }
};

QTEST_MAIN(TestTicketTableModel)
#include "tst_ticket_table_model.moc"

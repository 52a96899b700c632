// Two processes on one workspace: the second gets a clear "busy" message
// while the first holds the write lock, reads still work, and a writer
// killed mid-transaction leaves the file intact with its previous content.

#include "store/DataWriter.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::store;

namespace {

void startLockHolder(QProcess& holder, const QString& path) {
    holder.start(QStringLiteral(LOCK_HOLDER), {path});
    QVERIFY(holder.waitForStarted());
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
}

void addTicket(Workspace& workspace, const QString& id) {
    Transaction transaction(workspace.db());
    Ticket ticket;
    ticket.ticketId = id;
    ticket.createdAt = 1764000000;
    DataWriter(workspace.db()).insertTicket(ticket);
    transaction.commit();
}

QString integrityOf(Workspace& workspace) {
    Statement check = workspace.db().prepare("PRAGMA integrity_check");
    return check.step() ? check.text(0) : QString();
}

} // namespace

class TestWorkspaceLock : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void secondWriterGetsAClearBusyMessage() {
        const QString path = m_dir.filePath(QStringLiteral("busy.db"));
        {
            Workspace workspace(path);
            addTicket(workspace, QStringLiteral("T-1"));
        }
        QProcess holder;
        startLockHolder(holder, path);

        Workspace second(path);
        // Reading goes on while the other process writes (WAL).
        QCOMPARE(countRecords(second.db()).tickets, 1);
        try {
            addTicket(second, QStringLiteral("T-2"));
            QFAIL("writing while another process holds the lock must fail clearly");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind(), StoreError::Kind::Busy);
            QVERIFY2(error.message().contains(QLatin1String("is busy")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        }
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));

        // Once the other process is gone, writing works again.
        addTicket(second, QStringLiteral("T-2"));
        QCOMPARE(countRecords(second.db()).tickets, 2);
    }

    void writerKilledMidTransactionLeavesThePreviousContent() {
        const QString path = m_dir.filePath(QStringLiteral("killed.db"));
        {
            Workspace workspace(path);
            addTicket(workspace, QStringLiteral("T-1"));
        }
        QProcess holder;
        startLockHolder(holder, path);
        holder.kill(); // SIGKILL: no destructor, no rollback
        QVERIFY(holder.waitForFinished(10000));

        Workspace after(path);
        QCOMPARE(integrityOf(after), QStringLiteral("ok"));
        QCOMPARE(countRecords(after.db()).tickets, 1);
        QVERIFY(!ticketRowOf(after.db(), QStringLiteral("UNCOMMITTED")).has_value());
        addTicket(after, QStringLiteral("T-2"));
        QCOMPARE(countRecords(after.db()).tickets, 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceLock)
#include "tst_workspace_lock.moc"

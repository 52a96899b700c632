#include "WorkspaceBackupTask.h"

#include "store/Backup.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace escdesk::ui {

WorkspaceBackupTask::WorkspaceBackupTask(Operation operation, const QString& workspace,
                                         const QString& file, QObject* parent)
    : QObject(parent)
    , m_operation(operation)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false)) {
    const QPointer<WorkspaceBackupTask> self(this);
    const auto cancelled = m_cancelled;
    // Reports reach the GUI thread as queued calls, at most one per per mille.
    auto lastReported = std::make_shared<std::atomic<int>>(-1);
    const store::BackupProgress report = [self, cancelled, lastReported](int done, int total) {
        const int perMille = total > 0 ? static_cast<int>(qint64(done) * 1000 / total) : 0;
        if (lastReported->exchange(perMille) != perMille) {
            QMetaObject::invokeMethod(
                qApp,
                [self, perMille] {
                    if (self) {
                        emit self->progress(perMille);
                    }
                },
                Qt::QueuedConnection);
        }
        return !cancelled->load();
    };
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        emit finished(watcher->result());
    });
    m_future = QtConcurrent::run([operation, workspace, file, report]() -> QString {
        try {
            if (operation == Operation::Backup) {
                store::backupWorkspace(workspace, file, true, report);
            } else {
                store::restoreWorkspace(workspace, file, report);
            }
            return {};
        } catch (const store::StoreError& error) {
            return error.message();
        } catch (const std::exception& error) {
            return QString::fromLocal8Bit(error.what());
        }
    });
    watcher->setFuture(m_future);
}

WorkspaceBackupTask::~WorkspaceBackupTask() {
    // The worker reads and writes files named by the caller; let it end
    // before the window that started it goes.
    cancel();
    m_future.waitForFinished();
}

} // namespace escdesk::ui

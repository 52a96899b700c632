#pragma once

// Backing up or restoring a workspace on a worker thread (File › Back up…,
// File › Restore…): a large workspace copies for a while, and the window
// stays responsive meanwhile, with progress and a cancel.

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace escdesk::ui {

class WorkspaceBackupTask : public QObject {
    Q_OBJECT
public:
    enum class Operation { Backup, Restore };

    // Copies `workspace` to `file` (Backup, replacing `file`) or `file` into
    // `workspace` (Restore). Starts at once; finished() follows.
    WorkspaceBackupTask(Operation operation, const QString& workspace, const QString& file,
                        QObject* parent = nullptr);
    ~WorkspaceBackupTask() override;

    Operation operation() const { return m_operation; }
    // Asks the worker to stop; the destination is left as it was.
    void cancel() { m_cancelled->store(true); }

signals:
    // Progress in per mille.
    void progress(int perMille);
    // An empty `error` means success.
    void finished(const QString& error);

private:
    Operation m_operation;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QFuture<QString> m_future;
};

} // namespace escdesk::ui

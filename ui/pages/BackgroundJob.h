#pragma once

// Running a page's analysis on a worker thread with its own read-only
// connection to the workspace, so a large workspace never blocks the window.
// Only the latest request of a page is shown: an earlier one that finishes
// later is dropped. Result types carry an `error` message for the store's
// failures.

#include "FreedMemory.h"
#include "WorkspaceReading.h"
#include "store/Workspace.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include <exception>
#include <functional>

namespace escdesk::ui {

class BackgroundJob {
public:
    // Whether work runs on a worker thread (the default); tests may run it
    // at once.
    void setAsynchronous(bool asynchronous) { m_asynchronous = asynchronous; }
    bool isRunning() const { return m_running; }

    // Runs compute(workspace) for the workspace file at `path`, then
    // show(result) on the GUI thread — unless a later run() came first.
    template <typename Result>
    void run(QObject* owner, const QString& path, std::function<Result(store::Workspace&)> compute,
             std::function<void(Result)> show) {
        const quint64 generation = ++m_generation;
        const auto guarded = [path, compute]() -> Result {
            try {
                store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
                readWithoutFileMap(workspace.db());
                return compute(workspace);
            } catch (const store::StoreError& error) {
                Result failed;
                failed.error = error.message();
                return failed;
            } catch (const std::exception& error) {
                Result failed;
                failed.error = QString::fromLocal8Bit(error.what());
                return failed;
            }
        };
        if (!m_asynchronous) {
            m_running = false;
            show(guarded());
            return;
        }
        m_running = true;
        auto* watcher = new QFutureWatcher<Result>(owner);
        QObject::connect(watcher, &QFutureWatcherBase::finished, owner,
                         [this, watcher, generation, show] {
                             watcher->deleteLater();
                             releaseFreedMemory(); // what the worker freed
                             if (generation == m_generation) {
                                 m_running = false;
                                 show(watcher->result());
                             }
                         });
        m_watcher = watcher;
        watcher->setFuture(QtConcurrent::run(guarded));
    }

    // Forgets any running request (its result will be dropped).
    void cancel() {
        ++m_generation;
        m_running = false;
    }

    // Waits for the running work, for the owner's destructor.
    void finish() {
        if (m_watcher) {
            m_watcher->disconnect();
            m_watcher->waitForFinished();
        }
    }

private:
    bool m_asynchronous = true;
    bool m_running = false;
    quint64 m_generation = 0;
    QPointer<QFutureWatcherBase> m_watcher;
};

} // namespace escdesk::ui

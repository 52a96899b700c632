#pragma once

// The first-run page, shown while no workspace is open: open the demo
// workspace, import one's own exports, open a workspace file, or one of the
// recent ones. The demo is written on a worker thread with a progress bar.

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace escdesk::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    ~WelcomePage() override;

    // Lists `paths`, marking those that are gone.
    void setRecentWorkspaces(const QStringList& paths);
    // "PATH no longer exists. It was moved …": what is said of a recent
    // workspace that is gone.
    static QString goneMessage(const QString& path);
    // Where "Open demo workspace" keeps the demo: the per-user data folder.
    static QString demoWorkspacePath();
    // Writes the demo (ending today) into `path` on a worker thread unless
    // the file already holds one; emits demoReady(path) when done, or
    // shows the error.
    void createDemo(const QString& path);
    bool isCreatingDemo() const;

    QPushButton* demoButton() const { return m_demo; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* openButton() const { return m_open; }

signals:
    // The user picked a workspace to open (a recent one, or the demo once written).
    void workspaceChosen(const QString& path);
    // The demo workspace is written (or was already): open it on the Dashboard.
    void demoReady(const QString& path);
    void importRequested();
    void openRequested();

private:
    struct DemoResult {
        QString path;
        QString error;
    };
    void demoFinished();

    QPushButton* m_demo;
    QPushButton* m_import;
    QPushButton* m_open;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QLabel* m_recentTitle;
    QListWidget* m_recent;
    QFutureWatcher<DemoResult> m_demoJob;
};

} // namespace escdesk::ui

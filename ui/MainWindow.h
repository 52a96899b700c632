#pragma once

// The main window: a navigation list of pages beside a stack of them, the
// File and Help menus, and the status bar. It owns the open workspace and
// hands it to every page.

#include "Appearance.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace escdesk::store {
class StoreError;
class Workspace;
} // namespace escdesk::store

namespace escdesk::ui {

class WorkspacePage;
class DashboardPage;
class EscalationsPage;
class MatrixPage;
class ImportHistoryPage;
class ImportWizard;
class WelcomePage;
class HelpWindow;
class CommandPalette;
class PreferencesDialog;
class WorkspaceBackupTask;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // With `persistent` false (screenshots, tests) the window neither reads
    // nor writes its QSettings.
    explicit MainWindow(bool persistent = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the workspace file that exists at `path`, never creating one:
    // for reading only when it cannot be written (the status bar and the
    // title say so, and every control that would write is disabled). On
    // failure shows the store's message in a dialog (unless `quiet`; for a
    // recent workspace that is gone, asks whether to remove it from the
    // list), keeps the current workspace and returns the message.
    QString openWorkspace(const QString& path, bool quiet = false);
    // Creates a workspace at `path` (File › New Workspace…) and opens it;
    // fails, as openWorkspace does, where it cannot be written.
    QString createWorkspace(const QString& path, bool quiet = false);
    store::Workspace* workspace() const { return m_workspace.get(); }

    int pageCount() const;
    WorkspacePage* page(int index) const;
    void setCurrentPage(int index);
    // Shows the given page (one of this window's).
    void showPage(const WorkspacePage* page);
    int currentPage() const;
    DashboardPage* dashboardPage() const { return m_dashboard; }
    EscalationsPage* escalationsPage() const { return m_escalations; }
    MatrixPage* matrixPage() const { return m_matrix; }

    // Saves a PNG of every page into `directory` (01-dashboard.png, ...),
    // then of the Welcome page (00-welcome.png), the user guide
    // (98-help.png) and the dashboard in the dark theme
    // (99-dashboard-dark.png); returns the files written.
    QStringList saveScreenshots(const QString& directory);
    // Shows every page in turn, and each view of a page that has several,
    // as saveScreenshots does: `visited(stem)` is called once each has
    // loaded its data, with its file-name stem ("01-dashboard",
    // "04-matrix-02-rules").
    void visitEveryPage(const std::function<void(const QString& stem)>& visited);
    // How many PNGs saveScreenshots writes: one per page, or per view of a
    // page that has several, and the three above.
    int screenshotCount() const;
    // Saves the import wizard's preview of `csvFile` (nothing is imported)
    // as NN-import-preview.png; returns the file, empty on failure.
    QString saveImportPreviewScreenshot(const QString& csvFile, const QString& directory);
    // The wizard's mapping editor for the history export `csvFile`, its
    // guessed mapping previewed and the tier's value map shown, saved as a
    // PNG in `directory` (nothing is imported); the file, or empty.
    QString saveHistoryMappingScreenshot(const QString& csvFile, const QString& directory);

    static QStringList recentWorkspaces();

    // The Welcome page shows while no workspace is open.
    WelcomePage* welcomePage() const { return m_welcome; }
    bool isWelcomeShown() const;
    // Closes the workspace and shows the Welcome page.
    void closeWorkspace();
    // Opens (or raises) the user guide window.
    HelpWindow* showHelp();
    // Opens the command palette (Ctrl+K).
    CommandPalette* showCommandPalette();
    // Opens Edit › Preferences… on the open workspace (window-modal unless
    // `modal` is false, for tests); null when none is open.
    PreferencesDialog* showPreferences(bool modal = true);
    QAction* preferencesAction() const { return m_preferencesAction; }
    // The View menu's action that shows page `index` (Ctrl+1 … Ctrl+9, then
    // Ctrl+0 for the tenth).
    QAction* pageAction(int index) const;
    // File › Import… and File › Restore…, disabled on a read-only workspace.
    QAction* importAction() const { return m_importAction; }
    QAction* restoreAction() const { return m_restoreAction; }
    // Switches the theme and remembers it (View › Theme).
    void applyTheme(Theme theme);

    // Opens the import wizard with `files` (may be empty); after an import
    // the pages show the new data. Returns the wizard for tests when
    // `modal` is false (the caller then owns it and calls finishImport()).
    ImportWizard* openImportWizard(const QStringList& files, bool modal = true);
    void finishImport(ImportWizard* wizard);
    ImportHistoryPage* importHistoryPage() const { return m_importHistory; }

    // View › Refresh (F5): re-reads the open workspace, so that what another
    // process wrote meanwhile (an escdesk import) appears on every page.
    void refresh();
    // File › Back up… and File › Restore… without their file dialogs: copy
    // the open workspace to `file`, or replace its content with the backup
    // `file`, on a worker thread. With `quiet` no progress or message box is
    // shown (tests). The task reports finished(error); after a restore the
    // pages show the restored data.
    WorkspaceBackupTask* backUpTo(const QString& file, bool quiet = false);
    WorkspaceBackupTask* restoreFrom(const QString& file, bool quiet = false);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void addPage(WorkspacePage* page, const QString& iconPath, const QString& label);
    void createMenus();
    void newWorkspace();
    void chooseWorkspace();
    void showOpened(std::unique_ptr<store::Workspace> opened);
    void reportOpenFailure(const QString& path, const store::StoreError& error);
    void askToForget(const QString& path);
    void rememberRecent(const QString& path);
    void forgetRecent(const QString& path);
    QStringList shownRecentWorkspaces() const;
    void updateRecentMenu();
    void updateStatus();
    void updateEditActions();
    void showAbout();
    void showWelcome(bool shown);
    void importIntoNewWorkspace();
    // Every menu action with the text the palette shows for it.
    std::vector<std::pair<QString, QAction*>> paletteActions() const;
    void saveExtraScreenshots(const QString& directory, QStringList& files,
                              const std::function<void(WorkspacePage*)>& settle);
    void chooseBackupFile();
    void chooseRestoreFile();
    void showBackupProgress(WorkspaceBackupTask* task, const QString& title);
    void saveSettings();
    void restoreSettings();

    bool m_persistent;
    std::unique_ptr<store::Workspace> m_workspace;
    QListWidget* m_navigation;
    QStackedWidget* m_stack;
    std::vector<WorkspacePage*> m_pages;
    DashboardPage* m_dashboard = nullptr;
    EscalationsPage* m_escalations = nullptr;
    MatrixPage* m_matrix = nullptr;
    ImportHistoryPage* m_importHistory = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_workspaceLabel;
    QLabel* m_countsLabel;
    QLabel* m_zoneLabel;
    QLabel* m_readOnlyLabel;
    QStackedWidget* m_shell;
    QWidget* m_workbench;
    WelcomePage* m_welcome;
    QPointer<HelpWindow> m_help;
    CommandPalette* m_palette = nullptr;
    QActionGroup* m_themes = nullptr;
    std::vector<QAction*> m_pageActions;
    QAction* m_closeAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_restoreAction = nullptr;
    QAction* m_preferencesAction = nullptr;
};

} // namespace escdesk::ui

#include "MainWindow.h"
#include "WorkspaceBackupTask.h"

#include "CommandPalette.h"
#include "EditPermission.h"
#include "HelpWindow.h"
#include "PreferencesDialog.h"
#include "ShownText.h"
#include "WorkspaceReading.h"
#include "import/HistoryMappingEditor.h"
#include "import/HistoryMappingPage.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportSourcePage.h"
#include "import/ImportWizard.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"
#include "pages/AtRiskPage.h"
#include "pages/DashboardPage.h"
#include "pages/EscalationsPage.h"
#include "pages/ImportHistoryPage.h"
#include "pages/MatrixPage.h"
#include "pages/ReportsPage.h"
#include "pages/ReviewPage.h"
#include "pages/RootCausesPage.h"
#include "pages/SegmentsPage.h"
#include "pages/TrendsPage.h"
#include "pages/WelcomePage.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"
#include "widgets/TicketDetailPane.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDeadlineTimer>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

// The icons live in the static escdesk_ui library, whose resources are
// only registered when something asks for them (outside any namespace).
static void initialiseResources() {
    Q_INIT_RESOURCE(escdesk);
    Q_INIT_RESOURCE(guide);
}

namespace escdesk::ui {

namespace {

constexpr int maxRecentWorkspaces = 8;
const QString recentKey = QStringLiteral("workspaces/recent");
const QString fileFilter = QStringLiteral("*.escdesk *.db *.sqlite");
const QString themeSetting = QStringLiteral("view/theme");

// The page `index` is shown with: Ctrl+1 … Ctrl+9, then Ctrl+0 for the
// tenth, as the digits run along the keyboard; none after that.
QKeySequence pageShortcut(int index) {
    if (index < 0 || index > 9) {
        return {};
    }
    return QKeySequence(
        QKeyCombination(Qt::CTRL, Qt::Key(index == 9 ? Qt::Key_0 : Qt::Key_1 + index)));
}

// Lets the shown page load its data (up to a minute), then the layout and
// chart updates its results post run.
void settlePage(WorkspacePage* shown) {
    QDeadlineTimer deadline(60000);
    do {
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    } while (shown->isBusy() && !deadline.hasExpired());
    QDeadlineTimer layout(150);
    while (!layout.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    }
}

} // namespace

MainWindow::MainWindow(bool persistent, QWidget* parent)
    : QMainWindow(parent)
    , m_persistent(persistent)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_workspaceLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_zoneLabel(new QLabel(this))
    , m_readOnlyLabel(new QLabel(this))
    , m_shell(new QStackedWidget(this))
    , m_workbench(new QWidget(this))
    , m_welcome(new WelcomePage(this)) {
    initialiseResources();
    setWindowTitle(tr("Escalation Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/escalation-desk.svg")));
    QApplication::setWindowIcon(windowIcon()); // dialogs too

    auto* layout = new QHBoxLayout(m_workbench);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFixedWidth(184);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    m_shell->addWidget(m_workbench);
    m_shell->addWidget(m_welcome);
    setCentralWidget(m_shell);
    connect(m_welcome, &WelcomePage::workspaceChosen, this,
            [this](const QString& path) { openWorkspace(path); });
    connect(m_welcome, &WelcomePage::demoReady, this, [this](const QString& path) {
        if (openWorkspace(path).isEmpty()) {
            setCurrentPage(0);
        }
    });
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseWorkspace);
    connect(m_welcome, &WelcomePage::importRequested, this, &MainWindow::importIntoNewWorkspace);

    // Adding a page is one line here.
    m_dashboard = new DashboardPage(this);
    addPage(m_dashboard, QStringLiteral(":/icons/page-dashboard.svg"), tr("Dashboard"));
    m_escalations = new EscalationsPage(this);
    addPage(m_escalations, QStringLiteral(":/icons/page-escalations.svg"), tr("Escalations"));
    addPage(new AtRiskPage(this), QStringLiteral(":/icons/page-at-risk.svg"), tr("At risk"));
    m_matrix = new MatrixPage(this);
    addPage(m_matrix, QStringLiteral(":/icons/page-matrix.svg"), tr("Matrix"));
    // A checklist edited in the matrix shows at once on the selected ticket.
    connect(m_matrix->document(), &MatrixDocument::matrixChanged, m_escalations->detail(),
            &TicketDetailPane::refresh);
    addPage(new TrendsPage(this), QStringLiteral(":/icons/page-trends.svg"), tr("Trends"));
    addPage(new RootCausesPage(this), QStringLiteral(":/icons/page-root-causes.svg"),
            tr("Root causes"));
    addPage(new SegmentsPage(this), QStringLiteral(":/icons/page-segments.svg"), tr("Segments"));
    addPage(new ReportsPage(this), QStringLiteral(":/icons/page-reports.svg"), tr("Reports"));
    addPage(new ReviewPage(this), QStringLiteral(":/icons/page-review.svg"), tr("Review"));
    m_importHistory = new ImportHistoryPage(this);
    addPage(m_importHistory, QStringLiteral(":/icons/page-import.svg"), tr("Import history"));
    connect(m_importHistory, &ImportHistoryPage::importRequested, this,
            [this] { openImportWizard({}); });
    setAcceptDrops(true); // CSV files dropped on the window open the import wizard

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack,
            &QStackedWidget::setCurrentIndex);
    m_workspaceLabel->setObjectName(QStringLiteral("statusWorkspace"));
    m_countsLabel->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addWidget(m_workspaceLabel, 1);
    m_zoneLabel->setObjectName(QStringLiteral("statusZone"));
    // Stays in view on every page while the open workspace is read-only.
    m_readOnlyLabel->setObjectName(QStringLiteral("statusReadOnly"));
    m_readOnlyLabel->setTextFormat(Qt::PlainText); // it names a folder
    m_readOnlyLabel->hide();
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_zoneLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
    createMenus();
    updateRecentMenu();
    if (m_persistent) {
        restoreSettings();
    } else {
        m_navigation->setCurrentRow(0);
    }
    showWelcome(true);
    updateStatus();
}

MainWindow::~MainWindow() {
    // Pages hold a pointer to the workspace: take it from them first.
    for (WorkspacePage* page : m_pages) {
        page->setWorkspace(nullptr);
    }
}

void MainWindow::addPage(WorkspacePage* page, const QString& iconPath, const QString& label) {
    m_pages.push_back(page);
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(QIcon(iconPath), label, m_navigation);
    item->setSizeHint(QSize(0, 40));
    const QKeySequence keys = pageShortcut(int(m_pages.size()) - 1);
    item->setToolTip(
        keys.isEmpty() ? label : tr("%1 (%2)").arg(label, keys.toString(QKeySequence::NativeText)));
    page->setAccessibleName(label);
    connect(page, &WorkspacePage::statusMessage, this, [this](const QString&) { updateStatus(); });
}

int MainWindow::pageCount() const {
    return static_cast<int>(m_pages.size());
}

WorkspacePage* MainWindow::page(int index) const {
    return index >= 0 && index < pageCount() ? m_pages[static_cast<std::size_t>(index)] : nullptr;
}

void MainWindow::setCurrentPage(int index) {
    m_navigation->setCurrentRow(index);
}

void MainWindow::showPage(const WorkspacePage* page) {
    const auto found = std::find(m_pages.begin(), m_pages.end(), page);
    if (found != m_pages.end()) {
        setCurrentPage(int(found - m_pages.begin()));
    }
}

int MainWindow::currentPage() const {
    return m_stack->currentIndex();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    // Built as it opens, so that it marks the workspaces gone meanwhile.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_closeAction = file->addAction(tr("&Close Workspace"), this, &MainWindow::closeWorkspace);
    m_closeAction->setShortcut(QKeySequence::Close);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import…"), this, [this] { openImportWizard({}); });
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    file->addAction(tr("Back &Up…"), this, &MainWindow::chooseBackupFile);
    m_restoreAction = file->addAction(tr("Res&tore…"), this, &MainWindow::chooseRestoreFile);
    // A disabled Import… or Restore… says why (a read-only workspace).
    file->setToolTipsVisible(true);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Undo and redo of matrix edits (text fields keep their own while typing).
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_matrix->undoAction());
    edit->addAction(m_matrix->redoAction());
    edit->addSeparator();
    m_preferencesAction = edit->addAction(tr("&Preferences…"), this, [this] { showPreferences(); });
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);

    // Every page has a shortcut; the palette finds pages, actions and tickets.
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    view->addSeparator();
    QAction* palette =
        view->addAction(tr("&Command Palette…"), this, [this] { showCommandPalette(); });
    palette->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    view->addSeparator();
    for (int index = 0; index < pageCount(); ++index) {
        QAction* show = view->addAction(m_navigation->item(index)->icon(),
                                        tr("Go to %1").arg(m_navigation->item(index)->text()), this,
                                        [this, index] { setCurrentPage(index); });
        show->setShortcut(pageShortcut(index));
        m_pageActions.push_back(show);
    }
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto& [value, name] : themes) {
        QAction* choice = theme->addAction(name, this, [this, value] { applyTheme(value); });
        choice->setCheckable(true);
        choice->setChecked(value == currentTheme());
        choice->setData(int(value));
        m_themes->addAction(choice);
    }
    QAction* fullScreen = view->addAction(
        tr("&Full Screen"), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    fullScreen->setShortcut(QKeySequence::FullScreen);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), this, [this] { showHelp(); });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Escalation Desk"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

QAction* MainWindow::pageAction(int index) const {
    return index >= 0 && index < int(m_pageActions.size()) ? m_pageActions[std::size_t(index)]
                                                           : nullptr;
}

void MainWindow::applyTheme(Theme theme) {
    setTheme(theme);
    for (QAction* choice : m_themes->actions()) {
        choice->setChecked(choice->data().toInt() == int(theme));
    }
    if (m_persistent) {
        QSettings().setValue(themeSetting, themeKey(theme));
    }
}

bool MainWindow::isWelcomeShown() const {
    return m_shell->currentWidget() == m_welcome;
}

void MainWindow::showWelcome(bool shown) {
    if (shown) {
        m_welcome->setRecentWorkspaces(m_persistent ? recentWorkspaces() : QStringList());
    }
    m_shell->setCurrentWidget(shown ? static_cast<QWidget*>(m_welcome) : m_workbench);
    m_closeAction->setEnabled(!shown);
    m_preferencesAction->setEnabled(!shown);
    for (QAction* show : m_pageActions) {
        show->setEnabled(!shown);
    }
}

void MainWindow::closeWorkspace() {
    for (WorkspacePage* page : m_pages) {
        page->setWorkspace(nullptr);
    }
    m_workspace.reset();
    setWindowFilePath({});
    setWindowTitle(tr("Escalation Desk"));
    showWelcome(true);
    updateStatus();
    updateEditActions();
}

void MainWindow::importIntoNewWorkspace() {
    // The wizard needs a workspace to import into: create one first.
    const QString before = m_workspace ? m_workspace->path() : QString();
    newWorkspace();
    if (m_workspace && m_workspace->path() != before) {
        openImportWizard({});
    }
}

HelpWindow* MainWindow::showHelp() {
    if (!m_help) {
        m_help = new HelpWindow(this);
        m_help->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
    return m_help;
}

std::vector<std::pair<QString, QAction*>> MainWindow::paletteActions() const {
    std::vector<std::pair<QString, QAction*>> actions;
    const auto plain = [](QString text) {
        return text.remove(QLatin1Char('&'));
    };
    // An action of a submenu reads with the submenu's name: "Theme › Dark".
    std::function<void(const QMenu*, const QString&)> collect = [&](const QMenu* menu,
                                                                    const QString& prefix) {
        for (QAction* action : menu->actions()) {
            if (action->menu()) {
                collect(action->menu(), plain(action->text()) + QStringLiteral(" › "));
            } else if (!action->isSeparator() && !action->text().isEmpty()) {
                actions.emplace_back(prefix + plain(action->text()), action);
            }
        }
    };
    for (QAction* top : menuBar()->actions()) {
        if (top->menu()) {
            collect(top->menu(), QString());
        }
    }
    return actions;
}

CommandPalette* MainWindow::showCommandPalette() {
    if (!m_palette) {
        m_palette = new CommandPalette(this);
        connect(m_palette, &CommandPalette::ticketChosen, this,
                [this](std::int64_t row, const QString& id) {
                    showPage(m_escalations);
                    m_escalations->openTicket(row, id);
                });
    }
    std::vector<CommandPalette::Command> commands;
    for (const auto& [text, action] : paletteActions()) {
        if (!action->isEnabled()) {
            continue;
        }
        QPointer<QAction> target = action;
        commands.push_back(
            {text, action->shortcut().toString(QKeySequence::NativeText), action->icon(), [target] {
                 if (target) {
                     target->trigger();
                 }
             }});
    }
    m_palette->setCommands(std::move(commands));
    m_palette->setWorkspacePath(m_workspace ? m_workspace->path() : QString());
    m_palette->reset();
    m_palette->show();
    m_palette->raise();
    m_palette->activateWindow();
    return m_palette;
}

QString MainWindow::openWorkspace(const QString& path, bool quiet) {
    try {
        showOpened(store::Workspace::openExisting(path));
    } catch (const store::StoreError& error) {
        if (!quiet) {
            reportOpenFailure(path, error);
        }
        return error.message();
    }
    return {};
}

QString MainWindow::createWorkspace(const QString& path, bool quiet) {
    try {
        showOpened(store::Workspace::openForWriting(path));
    } catch (const store::StoreError& error) {
        if (!quiet) {
            shown::warning(this, tr("Cannot create workspace"), error.message());
        }
        return error.message();
    }
    return {};
}

// Hands the opened workspace to every page in place of the current one.
void MainWindow::showOpened(std::unique_ptr<store::Workspace> opened) {
    readWithoutFileMap(opened->db());
    for (WorkspacePage* page : m_pages) {
        page->setWorkspace(opened.get());
    }
    m_workspace = std::move(opened);
    const QString path = m_workspace->path();
    showWelcome(false);
    setWindowFilePath(path);
    const QString name = shown::text(QFileInfo(path).fileName());
    setWindowTitle(m_workspace->isReadOnly() ? tr("%1 (read-only) — Escalation Desk").arg(name)
                                             : tr("%1 — Escalation Desk").arg(name));
    rememberRecent(QFileInfo(path).absoluteFilePath());
    updateStatus();
    updateEditActions();
}

void MainWindow::reportOpenFailure(const QString& path, const store::StoreError& error) {
    // A recent workspace may be gone only for now (on a drive that is not
    // connected): whether to forget it is the user's choice.
    if (error.kind() == store::StoreError::Kind::Missing && !QFileInfo::exists(path) &&
        shownRecentWorkspaces().contains(path)) {
        askToForget(path);
        return;
    }
    shown::warning(this, tr("Cannot open workspace"), error.message());
}

void MainWindow::askToForget(const QString& path) {
    QMessageBox box(QMessageBox::Warning, tr("Workspace not found"), WelcomePage::goneMessage(path),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("Remove it from the recent workspaces, or keep it to open it once "
                              "its drive is connected again."));
    shown::makePlain(box); // the path as it is
    QPushButton* remove = box.addButton(tr("Remove from list"), QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(tr("Keep"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == remove) {
        forgetRecent(path);
    }
}

void MainWindow::newWorkspace() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Workspace"), QDir::homePath() + QStringLiteral("/workspace.escdesk"),
        tr("Escalation Desk workspaces (%1)").arg(fileFilter));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path)) {
        shown::warning(this, tr("New Workspace"),
                       tr("%1 already exists. Use File › Open Workspace to open it, or "
                          "choose another name.")
                           .arg(QDir::toNativeSeparators(path)));
        return;
    }
    createWorkspace(path);
}

void MainWindow::chooseWorkspace() {
    const QString start = m_workspace ? QFileInfo(m_workspace->path()).absolutePath() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), start,
        tr("Escalation Desk workspaces (%1);;All files (*)").arg(fileFilter));
    if (!path.isEmpty()) {
        openWorkspace(path);
    }
}

QStringList MainWindow::recentWorkspaces() {
    return QSettings().value(recentKey).toStringList();
}

// The recent workspaces this window lists: none when it keeps no settings.
QStringList MainWindow::shownRecentWorkspaces() const {
    return m_persistent ? recentWorkspaces() : QStringList();
}

void MainWindow::rememberRecent(const QString& path) {
    if (!m_persistent) {
        return;
    }
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentWorkspaces) {
        recent.removeLast();
    }
    QSettings().setValue(recentKey, recent);
    updateRecentMenu();
}

void MainWindow::forgetRecent(const QString& path) {
    if (!m_persistent) {
        return;
    }
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    QSettings().setValue(recentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = shownRecentWorkspaces();
    for (const QString& path : recent) {
        // A gone workspace stays listed (its drive may come back), marked.
        const QString listed = shown::text(QDir::toNativeSeparators(path));
        QAction* open = m_recentMenu->addAction(
            QFileInfo::exists(path) ? listed : tr("%1 (not found)").arg(listed), this,
            [this, path] { openWorkspace(path); });
        open->setData(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (isWelcomeShown()) {
        m_welcome->setRecentWorkspaces(recent);
    }
}

void MainWindow::updateStatus() {
    // Why the workspace cannot be changed stays in view on every page.
    const bool readOnly = m_workspace && m_workspace->isReadOnly();
    m_readOnlyLabel->setVisible(readOnly);
    if (readOnly) {
        m_readOnlyLabel->setText(
            shown::text(tr("Read-only: %1").arg(m_workspace->readOnlyReason())));
        m_readOnlyLabel->setToolTip(
            shown::toolTip(tr("%1 Every page shows its data; importing, restoring and "
                              "editing are disabled.")
                               .arg(readOnlyExplanation(m_workspace.get()))));
    }
    if (!m_workspace) {
        m_workspaceLabel->setText(tr("No workspace open"));
        m_workspaceLabel->setToolTip({});
        m_countsLabel->clear();
        m_zoneLabel->clear();
        return;
    }
    // The file's name, as the title bar shows it; the folder is in the tooltip.
    shown::setPlainText(m_workspaceLabel, QFileInfo(m_workspace->path()).fileName());
    m_workspaceLabel->setToolTip(shown::toolTip(QDir::toNativeSeparators(m_workspace->path())));
    m_zoneLabel->setText(
        tr("Times in %1").arg(QString::fromUtf8(m_workspace->reportingTimeZone().id())));
    const store::WorkspaceCounts counts = store::countRecords(m_workspace->db());
    m_countsLabel->setText(tr("%1 tickets · %2 events · %3 accounts")
                               .arg(display::count(counts.tickets), display::count(counts.events),
                                    display::count(counts.accounts)));
}

void MainWindow::updateEditActions() {
    const QString readOnly = readOnlyExplanation(m_workspace.get());
    enableEdit(m_importAction, true, readOnly);
    enableEdit(m_restoreAction, true, readOnly);
}

PreferencesDialog* MainWindow::showPreferences(bool modal) {
    if (!m_workspace) {
        return nullptr;
    }
    auto* dialog = new PreferencesDialog(*m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A changed reporting zone or renewal window changes what the pages show.
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->changed()) {
            refresh();
        }
    });
    if (modal) {
        dialog->open();
    } else {
        dialog->show();
    }
    return dialog;
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Escalation Desk"),
        tr("<h3>Escalation Desk %1</h3>"
           "<p>Offline escalation analytics and escalation-policy editor for support teams.</p>"
           "<p>Imports helpdesk and CRM exports into a local workspace and measures escalations: "
           "how many, how fast they are handled, and why they happen.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::visitEveryPage(const std::function<void(const QString& stem)>& visited) {
    for (int index = 0; index < pageCount(); ++index) {
        WorkspacePage* shown = page(index);
        setCurrentPage(index);
        settlePage(shown);
        shown->prepareScreenshot();
        settlePage(shown);
        const QString stem = QStringLiteral("%1-%2")
                                 .arg(index + 1, 2, 10, QLatin1Char('0'))
                                 .arg(shown->screenshotName());
        const QStringList views = shown->screenshotViews();
        if (views.isEmpty()) {
            visited(stem);
        }
        for (int view = 0; view < views.size(); ++view) {
            shown->showScreenshotView(view);
            settlePage(shown);
            visited(QStringLiteral("%1-%2-%3")
                        .arg(stem)
                        .arg(view + 1, 2, 10, QLatin1Char('0'))
                        .arg(views[view]));
        }
        shown->finishScreenshots();
    }
}

QStringList MainWindow::saveScreenshots(const QString& directory) {
    QDir().mkpath(directory);
    QStringList files;
    visitEveryPage([&](const QString& stem) {
        const QString file = QDir(directory).filePath(stem + QStringLiteral(".png"));
        if (grab().save(file)) {
            files << file;
        }
    });
    saveExtraScreenshots(directory, files, settlePage);
    return files;
}

void MainWindow::saveExtraScreenshots(const QString& directory, QStringList& files,
                                      const std::function<void(WorkspacePage*)>& settle) {
    const auto fileNamed = [&directory](const char* name) {
        return QDir(directory).filePath(QLatin1String(name));
    };
    // The Welcome page as a first start shows it: no recent workspaces yet.
    m_welcome->setRecentWorkspaces({});
    m_shell->setCurrentWidget(m_welcome);
    m_workspaceLabel->setText(tr("No workspace open"));
    m_countsLabel->clear();
    m_zoneLabel->clear();
    m_readOnlyLabel->hide();
    settle(page(0));
    if (grab().save(fileNamed("00-welcome.png"))) {
        files << fileNamed("00-welcome.png");
    }
    m_shell->setCurrentWidget(m_workbench);
    updateStatus();

    // The user guide at its concepts page, beside the window's size.
    HelpWindow* help = showHelp();
    help->resize(size());
    help->showPage(std::min(2, help->pageCount() - 1));
    settle(page(0));
    if (help->grab().save(fileNamed("98-help.png"))) {
        files << fileNamed("98-help.png");
    }
    help->close();

    // The dashboard in the dark theme, then back.
    const Theme before = currentTheme();
    setTheme(Theme::Dark);
    setCurrentPage(0);
    settle(page(0));
    if (grab().save(fileNamed("99-dashboard-dark.png"))) {
        files << fileNamed("99-dashboard-dark.png");
    }
    setTheme(before);
    settle(page(0));
}

int MainWindow::screenshotCount() const {
    int count = 3; // welcome, help, dark dashboard
    for (const WorkspacePage* shown : m_pages) {
        count += std::max<int>(1, int(shown->screenshotViews().size()));
    }
    return count;
}

ImportWizard* MainWindow::openImportWizard(const QStringList& files, bool modal) {
    if (!m_workspace) {
        shown::information(this, tr("Import"),
                           tr("Open or create a workspace first: File › Open Workspace."));
        return nullptr;
    }
    // Also reached by dropping files on the window, whatever File › Import… says.
    if (m_workspace->isReadOnly()) {
        shown::information(
            this, tr("Import"),
            tr("%1 To import, save a copy in a folder you can write (File › Back Up…) and "
               "open the copy.")
                .arg(readOnlyExplanation(m_workspace.get())));
        return nullptr;
    }
    auto* wizard = new ImportWizard(*m_workspace, files, this);
    if (!modal) {
        return wizard;
    }
    wizard->exec();
    finishImport(wizard);
    return nullptr;
}

void MainWindow::finishImport(ImportWizard* wizard) {
    const bool changed = wizard->storeChanged();
    delete wizard;
    if (changed && m_workspace) {
        // Reopening hands every page the new data, as opening a workspace does.
        openWorkspace(m_workspace->path(), true);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() &&
        std::all_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); })) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        files << url.toLocalFile();
    }
    event->acceptProposedAction();
    // After the drop returns: a modal wizard inside the drop handler blocks the source.
    QTimer::singleShot(0, this, [this, files] { openImportWizard(files); });
}

QString MainWindow::saveImportPreviewScreenshot(const QString& csvFile, const QString& directory) {
    ImportWizard* wizard = openImportWizard({csvFile}, false);
    if (!wizard) {
        return {};
    }
    wizard->resize(1100, 720);
    wizard->show();
    wizard->next();
    // The preview is read on a worker thread.
    QDeadlineTimer deadline(30000);
    while (wizard->previewPage()->isLoading() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    QApplication::processEvents();
    const QString file = QDir(directory).filePath(
        QStringLiteral("%1-import-preview.png").arg(pageCount() + 1, 2, 10, QLatin1Char('0')));
    const bool saved =
        wizard->currentId() == ImportWizard::PreviewPageId && wizard->grab().save(file);
    finishImport(wizard);
    return saved ? file : QString();
}

QString MainWindow::saveHistoryMappingScreenshot(const QString& csvFile, const QString& directory) {
    ImportWizard* wizard = openImportWizard({csvFile}, false);
    if (!wizard) {
        return {};
    }
    wizard->resize(1100, 720);
    wizard->show();
    wizard->sourcePage()->setKind(QStringLiteral("history")); // mapped in the editor
    wizard->next();
    HistoryMappingPage* page = wizard->historyMappingPage();
    page->editor()->selectRole(QStringLiteral("tier"));
    // The preview is derived on a worker thread.
    QDeadlineTimer deadline(30000);
    while (page->isPreviewPending() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    QApplication::processEvents();
    const QString file =
        QDir(directory).filePath(QStringLiteral("%1-import-history-mapping.png")
                                     .arg(pageCount() + 2, 2, 10, QLatin1Char('0')));
    const bool saved =
        wizard->currentId() == ImportWizard::HistoryMappingPageId && wizard->grab().save(file);
    finishImport(wizard);
    return saved ? file : QString();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // The desktop switched between light and dark: follow it if asked to.
    if (event->type() == QEvent::ThemeChange && currentTheme() == Theme::System) {
        setTheme(Theme::System);
    }
}

void MainWindow::refresh() {
    if (!m_workspace) {
        return;
    }
    const int shown = currentPage();
    const QString problem = openWorkspace(m_workspace->path(), true);
    setCurrentPage(shown);
    statusBar()->showMessage(problem.isEmpty() ? tr("Refreshed") : shown::text(problem), 4000);
}

void MainWindow::chooseBackupFile() {
    if (!m_workspace) {
        return;
    }
    const QFileInfo current(m_workspace->path());
    const QString suggested = current.absoluteDir().filePath(
        QStringLiteral("%1-%2.escdesk")
            .arg(current.completeBaseName(), QDate::currentDate().toString(Qt::ISODate)));
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Back Up Workspace"), suggested,
                                     tr("Escalation Desk workspaces (%1)").arg(fileFilter));
    if (!file.isEmpty()) {
        backUpTo(file);
    }
}

void MainWindow::chooseRestoreFile() {
    if (!m_workspace || m_workspace->isReadOnly()) {
        return;
    }
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Restore Workspace"), QFileInfo(m_workspace->path()).absolutePath(),
        tr("Escalation Desk workspaces (%1)").arg(fileFilter));
    if (file.isEmpty()) {
        return;
    }
    const auto answer = shown::question(
        this, tr("Restore Workspace"),
        tr("Replace everything in %1 with the backup %2?\n\nTickets, matrix and review "
           "records imported or edited since that backup will be lost. Back up the "
           "workspace first if you may need them.")
            .arg(QDir::toNativeSeparators(m_workspace->path()), QDir::toNativeSeparators(file)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) {
        restoreFrom(file);
    }
}

WorkspaceBackupTask* MainWindow::backUpTo(const QString& file, bool quiet) {
    if (!m_workspace) {
        return nullptr;
    }
    auto* task = new WorkspaceBackupTask(WorkspaceBackupTask::Operation::Backup,
                                         m_workspace->path(), file, this);
    connect(task, &WorkspaceBackupTask::finished, this,
            [this, task, file, quiet](const QString& error) {
                task->deleteLater();
                if (!error.isEmpty()) {
                    if (!quiet) {
                        shown::warning(this, tr("Back Up Workspace"), error);
                    }
                    return;
                }
                statusBar()->showMessage(
                    shown::text(tr("Backed up to %1").arg(QDir::toNativeSeparators(file))), 6000);
            });
    if (!quiet) {
        showBackupProgress(task, tr("Backing up the workspace…"));
    }
    return task;
}

WorkspaceBackupTask* MainWindow::restoreFrom(const QString& file, bool quiet) {
    if (!m_workspace) {
        return nullptr;
    }
    auto* task = new WorkspaceBackupTask(WorkspaceBackupTask::Operation::Restore,
                                         m_workspace->path(), file, this);
    connect(task, &WorkspaceBackupTask::finished, this,
            [this, task, file, quiet](const QString& error) {
                task->deleteLater();
                if (!error.isEmpty()) {
                    if (!quiet) {
                        shown::warning(this, tr("Restore Workspace"), error);
                    }
                    return;
                }
                refresh();
                statusBar()->showMessage(
                    shown::text(tr("Restored from %1").arg(QDir::toNativeSeparators(file))), 6000);
            });
    if (!quiet) {
        showBackupProgress(task, tr("Restoring the workspace…"));
    }
    return task;
}

void MainWindow::showBackupProgress(WorkspaceBackupTask* task, const QString& title) {
    auto* dialog = new QProgressDialog(title, tr("Cancel"), 0, 1000, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(500); // small workspaces copy before it would show
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(task, &WorkspaceBackupTask::progress, dialog, &QProgressDialog::setValue);
    connect(dialog, &QProgressDialog::canceled, task, &WorkspaceBackupTask::cancel);
    connect(task, &WorkspaceBackupTask::finished, dialog, &QProgressDialog::close);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_persistent) {
        saveSettings();
    }
    event->accept();
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), currentPage());
    for (WorkspacePage* page : m_pages) {
        page->saveSettings(settings);
    }
}

void MainWindow::restoreSettings() {
    QSettings settings;
    applyTheme(themeFromKey(settings.value(themeSetting).toString()));
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1360, 860);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (WorkspacePage* page : m_pages) {
        page->restoreSettings(settings);
    }
    const int last = settings.value(QStringLiteral("window/page"), 0).toInt();
    m_navigation->setCurrentRow(last >= 0 && last < pageCount() ? last : 0);
}

} // namespace escdesk::ui

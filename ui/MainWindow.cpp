#include "MainWindow.h"

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
#include "store/TicketReader.h"
#include "store/Workspace.h"
#include "widgets/TicketDetailPane.h"

#include <algorithm>

#include <QApplication>
#include <QCloseEvent>
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
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

// The icons live in the static escdesk_ui library, whose resources are
// only registered when something asks for them (outside any namespace).
static void initialiseResources() {
    Q_INIT_RESOURCE(escdesk);
}

namespace escdesk::ui {

namespace {

constexpr int maxRecentWorkspaces = 8;
const QString recentKey = QStringLiteral("workspaces/recent");
const QString fileFilter = QStringLiteral("*.escdesk *.db *.sqlite");

} // namespace

MainWindow::MainWindow(bool persistent, QWidget* parent)
    : QMainWindow(parent)
    , m_persistent(persistent)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_workspaceLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_zoneLabel(new QLabel(this)) {
    initialiseResources();
    setWindowTitle(tr("Escalation Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/escalation-desk.svg")));
    QApplication::setWindowIcon(windowIcon()); // dialogs too

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
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
    setCentralWidget(central);

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
    statusBar()->addPermanentWidget(m_zoneLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
    createMenus();
    if (m_persistent) {
        restoreSettings();
    } else {
        m_navigation->setCurrentRow(0);
    }
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
    updateRecentMenu();
    file->addSeparator();
    QAction* import = file->addAction(tr("&Import…"), this, [this] { openImportWizard({}); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Undo and redo of matrix edits (text fields keep their own while typing).
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_matrix->undoAction());
    edit->addAction(m_matrix->redoAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Escalation Desk"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

QString MainWindow::openWorkspace(const QString& path, bool quiet) {
    std::unique_ptr<store::Workspace> opened;
    try {
        opened = std::make_unique<store::Workspace>(path);
    } catch (const store::StoreError& error) {
        if (!quiet) {
            QMessageBox::warning(this, tr("Cannot open workspace"), error.message());
        }
        return error.message();
    }
    for (WorkspacePage* page : m_pages) {
        page->setWorkspace(opened.get());
    }
    m_workspace = std::move(opened);
    setWindowFilePath(path);
    setWindowTitle(tr("%1 — Escalation Desk").arg(QFileInfo(path).fileName()));
    rememberRecent(QFileInfo(path).absoluteFilePath());
    updateStatus();
    return {};
}

void MainWindow::newWorkspace() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Workspace"), QDir::homePath() + QStringLiteral("/workspace.escdesk"),
        tr("Escalation Desk workspaces (%1)").arg(fileFilter));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New Workspace"),
                             tr("%1 already exists. Use File › Open Workspace to open it, or "
                                "choose another name.")
                                 .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace() {
    const QString start = m_workspace ? QFileInfo(m_workspace->path()).absolutePath() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), start,
        tr("Escalation Desk workspaces (%1);;All files (*)").arg(fileFilter));
    if (!path.isEmpty()) {
        openExisting(path);
    }
}

void MainWindow::openExisting(const QString& path) {
    // Opening a missing file would quietly create an empty workspace.
    if (!QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("Cannot open workspace"),
                             tr("%1 no longer exists. It was moved or deleted.")
                                 .arg(QDir::toNativeSeparators(path)));
        QStringList recent = recentWorkspaces();
        recent.removeAll(path);
        if (m_persistent) {
            QSettings().setValue(recentKey, recent);
        }
        updateRecentMenu();
        return;
    }
    openWorkspace(path);
}

QStringList MainWindow::recentWorkspaces() {
    return QSettings().value(recentKey).toStringList();
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

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = m_persistent ? recentWorkspaces() : QStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                [this, path] { openExisting(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateStatus() {
    if (!m_workspace) {
        m_workspaceLabel->setText(tr("No workspace open"));
        m_countsLabel->clear();
        m_zoneLabel->clear();
        return;
    }
    m_workspaceLabel->setText(QDir::toNativeSeparators(m_workspace->path()));
    m_zoneLabel->setText(
        tr("Times in %1").arg(QString::fromUtf8(m_workspace->reportingTimeZone().id())));
    const store::WorkspaceCounts counts = store::countRecords(m_workspace->db());
    m_countsLabel->setText(tr("%1 tickets · %2 events · %3 accounts")
                               .arg(display::count(counts.tickets), display::count(counts.events),
                                    display::count(counts.accounts)));
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

QStringList MainWindow::saveScreenshots(const QString& directory) {
    QDir().mkpath(directory);
    QStringList files;
    const auto settle = [](WorkspacePage* shown) {
        QDeadlineTimer deadline(60000);
        do {
            QApplication::processEvents(QEventLoop::AllEvents, 10);
        } while (shown->isBusy() && !deadline.hasExpired());
        // Showing results posts layout and chart updates: let them run
        // before the picture is taken.
        QDeadlineTimer layout(150);
        while (!layout.hasExpired()) {
            QApplication::processEvents(QEventLoop::AllEvents, 10);
        }
    };
    const auto save = [&](const QString& stem) {
        const QString file = QDir(directory).filePath(stem + QStringLiteral(".png"));
        if (grab().save(file)) {
            files << file;
        }
    };
    for (int index = 0; index < pageCount(); ++index) {
        WorkspacePage* shown = page(index);
        setCurrentPage(index);
        settle(shown);
        shown->prepareScreenshot();
        settle(shown);
        const QString stem = QStringLiteral("%1-%2")
                                 .arg(index + 1, 2, 10, QLatin1Char('0'))
                                 .arg(shown->screenshotName());
        const QStringList views = shown->screenshotViews();
        if (views.isEmpty()) {
            save(stem);
        }
        for (int view = 0; view < views.size(); ++view) {
            shown->showScreenshotView(view);
            settle(shown);
            save(QStringLiteral("%1-%2-%3")
                     .arg(stem)
                     .arg(view + 1, 2, 10, QLatin1Char('0'))
                     .arg(views[view]));
        }
    }
    return files;
}

int MainWindow::screenshotCount() const {
    int count = 0;
    for (const WorkspacePage* shown : m_pages) {
        count += std::max<int>(1, int(shown->screenshotViews().size()));
    }
    return count;
}

ImportWizard* MainWindow::openImportWizard(const QStringList& files, bool modal) {
    if (!m_workspace) {
        QMessageBox::information(this, tr("Import"),
                                 tr("Open or create a workspace first: File › Open Workspace."));
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
    QApplication::processEvents();
    const QString file = QDir(directory).filePath(
        QStringLiteral("%1-import-preview.png").arg(pageCount() + 1, 2, 10, QLatin1Char('0')));
    const bool saved =
        wizard->currentId() == ImportWizard::PreviewPageId && wizard->grab().save(file);
    finishImport(wizard);
    return saved ? file : QString();
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

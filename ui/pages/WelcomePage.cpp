#include "pages/WelcomePage.h"

#include "ShownText.h"
#include "demo/DemoGenerator.h"
#include "models/DisplayText.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <exception>

namespace escdesk::ui {

namespace {

// A large button: an icon, a bold title and a line of detail under it.
QPushButton* actionButton(const QString& icon, const QString& title, const QString& detail,
                          QWidget* parent) {
    auto* button = new QPushButton(parent);
    button->setObjectName(QStringLiteral("welcomeAction"));
    button->setMinimumHeight(66);
    button->setCursor(Qt::PointingHandCursor);
    button->setAccessibleName(title);
    button->setAccessibleDescription(detail);
    auto* layout = new QHBoxLayout(button);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(14);
    auto* iconLabel = new QLabel(button);
    iconLabel->setPixmap(QIcon(icon).pixmap(QSize(28, 28)));
    layout->addWidget(iconLabel);
    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    auto* titleLabel = new QLabel(title, button);
    titleLabel->setObjectName(QStringLiteral("welcomeActionTitle"));
    auto* detailLabel = new QLabel(detail, button);
    detailLabel->setObjectName(QStringLiteral("welcomeActionDetail"));
    texts->addWidget(titleLabel);
    texts->addWidget(detailLabel);
    layout->addLayout(texts, 1);
    for (QLabel* label : {iconLabel, titleLabel, detailLabel}) {
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    // A button does not size itself by a layout of labels: say how wide.
    button->setMinimumWidth(layout->sizeHint().width());
    return button;
}

} // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_recentTitle(new QLabel(tr("Recent workspaces"), this))
    , m_recent(new QListWidget(this)) {
    setObjectName(QStringLiteral("welcomePage"));
    setAccessibleName(tr("Welcome"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(40, 40, 40, 40);
    outer->addStretch(1);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("welcomeCard"));
    card->setMaximumWidth(1000);
    card->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* cardLayout = new QHBoxLayout(card);
    cardLayout->setContentsMargins(40, 36, 40, 36);
    cardLayout->setSpacing(40);

    auto* left = new QVBoxLayout;
    left->setSpacing(12);
    auto* logo = new QLabel(card);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/escalation-desk.svg")).pixmap(QSize(56, 56)));
    logo->setAccessibleName(tr("Escalation Desk logo"));
    left->addWidget(logo);
    auto* title = new QLabel(tr("Welcome to Escalation Desk"), card);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    left->addWidget(title);
    auto* lead = new QLabel(tr("See how many tickets your team escalates, how fast escalations "
                               "are picked up, and why they happen — from your helpdesk's "
                               "exports, on your computer."),
                            card);
    lead->setObjectName(QStringLiteral("welcomeLead"));
    lead->setWordWrap(true);
    left->addWidget(lead);
    left->addSpacing(8);
    m_demo = actionButton(QStringLiteral(":/icons/page-dashboard.svg"), tr("Open demo workspace"),
                          tr("Half a year of a sample team's tickets — explore every page"), card);
    m_import =
        actionButton(QStringLiteral(":/icons/page-import.svg"), tr("Import my exports"),
                     tr("Zendesk, Jira Service Management, Freshdesk, ServiceNow or CSV"), card);
    m_open = actionButton(QStringLiteral(":/icons/page-escalations.svg"), tr("Open workspace…"),
                          tr("A workspace file you or a colleague saved"), card);
    m_demo->setDefault(true);
    for (QPushButton* button : {m_demo, m_import, m_open}) {
        left->addWidget(button);
    }
    m_progressLabel->setObjectName(QStringLiteral("subtitle"));
    m_progressLabel->hide();
    m_progress->setAccessibleName(tr("Demo workspace progress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    left->addWidget(m_progressLabel);
    left->addWidget(m_progress);
    cardLayout->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    right->setSpacing(8);
    m_recentTitle->setObjectName(QStringLiteral("sectionTitle"));
    right->addWidget(m_recentTitle);
    m_recent->setObjectName(QStringLiteral("recentList"));
    m_recent->setAccessibleName(tr("Recent workspaces"));
    m_recent->setIconSize(QSize(20, 20));
    m_recent->setSpacing(2);
    m_recent->setFocusPolicy(Qt::NoFocus);
    right->addWidget(m_recent, 1);
    auto* tip = new QLabel(tr("Press F1 for the user guide, Ctrl+K to find a page, an action or a "
                              "ticket."),
                           card);
    tip->setObjectName(QStringLiteral("footnote"));
    tip->setWordWrap(true);
    right->addWidget(tip);
    cardLayout->addLayout(right, 2);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card, 10);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_demo, &QPushButton::clicked, this, [this] { createDemo(demoWorkspacePath()); });
    connect(m_import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit workspaceChosen(item->data(Qt::UserRole).toString());
    });
    connect(&m_demoJob, &QFutureWatcherBase::finished, this, &WelcomePage::demoFinished);
    setRecentWorkspaces({});
}

WelcomePage::~WelcomePage() {
    m_demoJob.waitForFinished();
}

void WelcomePage::setRecentWorkspaces(const QStringList& paths) {
    m_recent->clear();
    m_recent->setCurrentRow(-1);
    for (const QString& path : paths) {
        const QFileInfo file(path);
        const QString folder = QDir::toNativeSeparators(file.absolutePath());
        auto* item = new QListWidgetItem(m_recent);
        item->setData(Qt::UserRole, path);
        item->setSizeHint(QSize(0, 46));
        if (file.exists()) {
            item->setIcon(QIcon(QStringLiteral(":/icons/page-matrix.svg")));
            item->setText(shown::text(file.fileName() + QLatin1Char('\n') + folder));
            item->setToolTip(shown::toolTip(QDir::toNativeSeparators(path)));
            continue;
        }
        // Still listed (its drive may come back); opening it offers to remove it.
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setText(
            shown::text(tr("%1 — not found").arg(file.fileName()) + QLatin1Char('\n') + folder));
        item->setToolTip(shown::toolTip(goneMessage(path)));
    }
    if (paths.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No recent workspaces yet."), m_recent);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().color(QPalette::PlaceholderText));
    }
}

QString WelcomePage::goneMessage(const QString& path) {
    return tr("%1 no longer exists. It was moved or deleted, or is on a drive that is not "
              "connected.")
        .arg(QDir::toNativeSeparators(path));
}

QString WelcomePage::demoWorkspacePath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.escdesk"));
}

bool WelcomePage::isCreatingDemo() const {
    return m_demoJob.isRunning();
}

void WelcomePage::createDemo(const QString& path) {
    if (m_demoJob.isRunning()) {
        return;
    }
    for (QPushButton* button : {m_demo, m_import, m_open}) {
        button->setEnabled(false);
    }
    m_progressLabel->setText(tr("Writing the demo workspace…"));
    m_progressLabel->show();
    m_progress->setRange(0, 0);
    m_progress->show();
    QPointer<QProgressBar> progress = m_progress;
    m_demoJob.setFuture(QtConcurrent::run([path, progress]() -> DemoResult {
        try {
            const auto workspace = store::Workspace::openForWriting(path);
            // A demo written before is opened as it is.
            if (store::countRecords(workspace->db()).tickets > 0) {
                return {path, {}};
            }
            demo::DemoOptions options;
            options.endDate = QDate::currentDate();
            demo::generateDemo(*workspace, options,
                               [progress](std::int64_t done, std::int64_t total) {
                                   QMetaObject::invokeMethod(
                                       progress,
                                       [progress, done, total] {
                                           if (progress) {
                                               progress->setRange(0, int(total));
                                               progress->setValue(int(done));
                                           }
                                       },
                                       Qt::QueuedConnection);
                               });
            return {path, {}};
        } catch (const store::StoreError& error) {
            return {path, error.message()};
        } catch (const std::exception& error) {
            return {path, QString::fromLocal8Bit(error.what())};
        }
    }));
}

void WelcomePage::demoFinished() {
    const DemoResult result = m_demoJob.result();
    for (QPushButton* button : {m_demo, m_import, m_open}) {
        button->setEnabled(true);
    }
    m_progress->hide();
    m_progressLabel->hide();
    if (!result.error.isEmpty()) {
        shown::warning(this, tr("Demo workspace"),
                       tr("The demo workspace could not be written to %1: %2")
                           .arg(QDir::toNativeSeparators(result.path), result.error));
        return;
    }
    emit demoReady(result.path);
}

} // namespace escdesk::ui

#include "import/ImportRunPage.h"

#include "ShownText.h"
#include "import/HistoryImporter.h"
#include "import/ImportWizard.h"
#include "import/ReviewImporter.h"
#include "store/Workspace.h"

#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace escdesk::ui {

ImportRunPage::ImportRunPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel Import"), this)) {
    setTitle(tr("Importing"));
    setSubTitle(tr("Each file is one transaction: cancelling rolls the current file back and "
                   "leaves the workspace as it was."));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    m_status->setObjectName(QStringLiteral("runStatus"));
    layout->addWidget(m_status);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1000);
    layout->addWidget(m_progress);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    layout->addWidget(m_cancel, 0, Qt::AlignRight);
    layout->addStretch();
    connect(m_cancel, &QPushButton::clicked, this, &ImportRunPage::requestCancel);
    connect(&m_watcher, &QFutureWatcher<std::vector<FileOutcome>>::finished, this,
            &ImportRunPage::finish);
    connect(this, &ImportRunPage::progressed, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    });
}

ImportRunPage::~ImportRunPage() {
    if (m_cancelFlag) {
        m_cancelFlag->store(true);
    }
    m_watcher.waitForFinished();
}

bool ImportRunPage::isRunning() const {
    return m_watcher.isRunning();
}

bool ImportRunPage::isComplete() const {
    return m_done;
}

void ImportRunPage::requestCancel() {
    if (m_cancelFlag && isRunning()) {
        m_cancelFlag->store(true);
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling — rolling back…"));
    }
}

int ImportRunPage::batchesWritten() const {
    return static_cast<int>(std::count_if(m_run.files.begin(), m_run.files.end(),
                                          [](const FileOutcome& file) { return file.result; }));
}

void ImportRunPage::initializePage() {
    m_done = false;
    m_run = ImportRun{};
    m_run.before = store::countRecords(m_wizard.workspace().db());
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    const ImportChoice choice = m_wizard.choice();
    shown::setPlainText(m_status,
                        tr("Reading %1…").arg(QFileInfo(choice.files.value(0)).fileName()));
    const QString workspacePath = m_wizard.workspace().path();
    qint64 total = 0;
    for (const QString& file : choice.files) {
        total += QFileInfo(file).size();
    }
    QPointer<ImportRunPage> self(this);
    auto cancel = m_cancelFlag;
    m_watcher.setFuture(QtConcurrent::run([choice, workspacePath, total, cancel, self] {
        std::vector<FileOutcome> outcomes;
        // Its own connection: the GUI thread keeps reading the workspace.
        std::unique_ptr<store::Workspace> opened;
        try {
            opened = std::make_unique<store::Workspace>(workspacePath);
        } catch (const store::StoreError& error) {
            for (const QString& path : choice.files) {
                outcomes.push_back({path, std::nullopt, error.message(), false, false});
            }
            return outcomes;
        }
        store::Workspace& workspace = *opened;
        qint64 finishedBytes = 0;
        for (const QString& path : choice.files) {
            FileOutcome outcome;
            outcome.path = path;
            if (cancel->load()) {
                outcome.skipped = true;
                outcomes.push_back(outcome);
                continue;
            }
            import::ImportOptions options = choice.options();
            options.cancel = cancel.get();
            options.progress = [self, finishedBytes, total](std::int64_t read, std::int64_t) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done = finishedBytes + read, total] {
                        if (self) {
                            emit self->progressed(done, total);
                        }
                    },
                    Qt::QueuedConnection);
            };
            try {
                if (choice.history) {
                    outcome.result =
                        import::importHistoryCsv(workspace.db(), path, *choice.history, options);
                } else if (import::isReviewKind(options.kind)) {
                    // Decisions, actions, checklist runs in their canonical layouts.
                    outcome.result = import::importReviewCsv(workspace.db(), path, options);
                } else {
                    outcome.result = import::importCsv(workspace.db(), path, options);
                }
            } catch (const import::ImportRefused& refused) {
                outcome.refusal = refused.message();
            } catch (const import::ImportCancelled&) {
                outcome.cancelled = true;
            } catch (const store::StoreError& error) {
                outcome.refusal = error.message();
            }
            finishedBytes += QFileInfo(path).size();
            outcomes.push_back(outcome);
        }
        return outcomes;
    }));
}

void ImportRunPage::finish() {
    m_run.files = m_watcher.result();
    m_run.cancelled =
        std::any_of(m_run.files.begin(), m_run.files.end(),
                    [](const FileOutcome& file) { return file.cancelled || file.skipped; });
    m_run.after = store::countRecords(m_wizard.workspace().db());
    m_progress->setValue(m_progress->maximum());
    m_cancel->setEnabled(false);
    m_done = true;
    emit completeChanged();
    emit finished();
    // On to the figures.
    QTimer::singleShot(0, &m_wizard, &QWizard::next);
}

} // namespace escdesk::ui

#include "import/HistoryMappingPage.h"

#include "ShownText.h"
#include "import/HistoryMappingEditor.h"
#include "import/HistoryPreviewView.h"
#include "import/ImportWizard.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace escdesk::ui {

HistoryMappingPage::HistoryMappingPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_editor(new HistoryMappingEditor(this))
    , m_preview(new HistoryPreviewView(this))
    , m_fileLabel(new QLabel(this))
    , m_load(new QPushButton(tr("Load Mapping…"), this))
    , m_save(new QPushButton(tr("Save Mapping…"), this)) {
    setTitle(tr("Map the change log"));
    setSubTitle(tr("Say which column holds what. Each case's ticket and its escalation events "
                   "are derived from its changes; the preview follows your edits and nothing "
                   "is written until you import."));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_fileLabel->setObjectName(QStringLiteral("historyFile"));
    shown::fitInLayout(m_fileLabel);
    top->addWidget(m_fileLabel, 1);
    m_load->setObjectName(QStringLiteral("loadHistoryMapping"));
    m_load->setToolTip(tr("Fill the editor from a history mapping file."));
    m_save->setObjectName(QStringLiteral("saveHistoryMapping"));
    m_save->setToolTip(tr("Save the mapping as a file, for the next export of this kind "
                          "(escdesk import --kind history --mapping FILE reads it too)."));
    top->addWidget(m_load);
    top->addWidget(m_save);
    layout->addLayout(top);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    // A moment after the last edit: typing a value map previews once.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &HistoryMappingPage::startPreview);
    connect(m_editor, &HistoryMappingEditor::changed, this, &HistoryMappingPage::schedulePreview);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (m_watcher.future().isResultReadyAt(0)) {
            showOutcome(m_watcher.result());
        }
    });
    connect(m_load, &QPushButton::clicked, this, &HistoryMappingPage::chooseLoadFile);
    connect(m_save, &QPushButton::clicked, this, &HistoryMappingPage::chooseSaveFile);
}

HistoryMappingPage::~HistoryMappingPage() {
    stopPreview();
}

void HistoryMappingPage::initializePage() {
    const QStringList files = m_wizard.choice().files;
    const QString file = files.value(0);
    shown::setPlainText(m_fileLabel, files.size() > 1
                                         ? tr("%1 and %n more file(s), read with the same mapping",
                                              "", int(files.size() - 1))
                                               .arg(QFileInfo(file).fileName())
                                         : QFileInfo(file).fileName());
    if (file != m_sampledFile) {
        // Another file than last time: start again from a guess.
        m_sampledFile = file;
        m_fileProblem.clear();
        try {
            const import::HistorySample sample = import::sampleHistoryCsv(file);
            m_editor->setSample(sample);
            m_editor->setMapping(import::suggestHistoryMapping(sample));
        } catch (const import::ImportRefused& refused) {
            m_fileProblem = refused.message();
        }
    }
    startPreview();
}

void HistoryMappingPage::cleanupPage() {
    // Back to the files: the editor keeps its mapping for this file.
    stopPreview();
}

bool HistoryMappingPage::isComplete() const {
    return !isPreviewPending() && !m_refused;
}

bool HistoryMappingPage::isPreviewPending() const {
    return m_debounce.isActive() || m_watcher.isRunning() || !m_previewed;
}

bool HistoryMappingPage::validatePage() {
    m_wizard.choice().history = m_editor->mapping();
    return true;
}

int HistoryMappingPage::nextId() const {
    return ImportWizard::PreviewPageId;
}

void HistoryMappingPage::schedulePreview() {
    m_previewed = false;
    m_debounce.start();
    emit completeChanged();
}

void HistoryMappingPage::stopPreview() {
    m_debounce.stop();
    if (m_cancelFlag) {
        m_cancelFlag->store(true);
    }
    m_watcher.waitForFinished();
}

void HistoryMappingPage::startPreview() {
    stopPreview();
    const QString problem = m_fileProblem.isEmpty() ? m_editor->problem() : m_fileProblem;
    if (!problem.isEmpty()) {
        showOutcome(problem);
        return;
    }
    m_previewed = false;
    m_preview->showMessage(tr("Deriving the tickets…"), false);
    emit completeChanged();
    import::ImportOptions options = m_wizard.choice().options();
    const import::HistoryMapping mapping = m_editor->mapping();
    const QString path = m_sampledFile;
    const QString workspacePath = m_wizard.workspace().path();
    const QTimeZone displayZone = m_wizard.workspace().reportingTimeZone();
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelFlag;
    m_watcher.setFuture(QtConcurrent::run(
        [options, mapping, path, workspacePath, displayZone, cancel]() mutable -> Outcome {
            options.cancel = cancel.get();
            try {
                // Its own connection: the GUI thread keeps its own.
                store::Workspace workspace(workspacePath, store::Workspace::Access::ReadOnly);
                return import::previewHistoryCsv(workspace.db(), path, mapping, options,
                                                 previewCases, displayZone);
            } catch (const import::ImportRefused& refused) {
                return refused.message();
            } catch (const import::ImportCancelled&) {
                return QString(); // a newer preview replaces it
            } catch (const store::StoreError& error) {
                return error.message();
            }
        }));
}

void HistoryMappingPage::showOutcome(const Outcome& outcome) {
    if (const auto* preview = std::get_if<import::HistoryPreview>(&outcome)) {
        m_preview->showPreview(*preview,
                               QString::fromUtf8(m_wizard.workspace().reportingTimeZone().id()));
        m_refused = false;
    } else {
        const QString& problem = std::get<QString>(outcome);
        if (problem.isEmpty()) {
            return; // cancelled
        }
        m_preview->showMessage(m_fileProblem.isEmpty() && !m_editor->problem().isEmpty()
                                   ? problem
                                   : tr("This file cannot be imported: %1").arg(problem),
                               true);
        m_refused = true;
    }
    m_previewed = true;
    emit completeChanged();
}

QString HistoryMappingPage::saveMappingTo(const QString& path) {
    if (const QString problem = m_editor->problem(); !problem.isEmpty()) {
        return problem;
    }
    try {
        import::writeHistoryMappingFile(m_editor->mapping(), path);
    } catch (const import::MappingError& error) {
        return error.message();
    }
    return {};
}

QString HistoryMappingPage::loadMappingFrom(const QString& path) {
    try {
        m_editor->setMapping(import::readHistoryMappingFile(path));
    } catch (const import::MappingError& error) {
        return error.message();
    }
    return {};
}

void HistoryMappingPage::chooseSaveFile() {
    const QString suggested =
        QFileInfo(m_sampledFile)
            .absoluteDir()
            .filePath(QFileInfo(m_sampledFile).completeBaseName() + QStringLiteral(".json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Mapping"), suggested,
                                                      tr("Mapping files (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (const QString problem = saveMappingTo(path); !problem.isEmpty()) {
        shown::warning(this, tr("Save Mapping"), problem);
    }
}

void HistoryMappingPage::chooseLoadFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load Mapping"), QFileInfo(m_sampledFile).path(), tr("Mapping files (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (const QString problem = loadMappingFrom(path); !problem.isEmpty()) {
        shown::warning(this, tr("Load Mapping"), problem);
    }
}

} // namespace escdesk::ui

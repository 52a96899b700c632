#pragma once

// The wizard's import step: each file is imported on a worker thread with
// its own workspace connection, one transaction and one batch per file,
// with a progress bar and Cancel (the file being read rolls back; files
// already finished keep their batches).

#include "import/Importer.h"
#include "store/TicketReader.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;

namespace escdesk::ui {

class ImportWizard;

// What became of one file.
struct FileOutcome {
    QString path;
    std::optional<import::ImportResult> result;
    QString refusal;        // refused: the message naming file, line, column, reason
    bool cancelled = false; // rolled back
    bool skipped = false;   // not started (cancelled or stopped before it)
};

struct ImportRun {
    std::vector<FileOutcome> files;
    store::WorkspaceCounts before;
    store::WorkspaceCounts after;
    bool cancelled = false;
};

class ImportRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard& wizard);
    ~ImportRunPage() override;

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const;
    void requestCancel();
    const ImportRun& run() const { return m_run; }
    int batchesWritten() const;

signals:
    // bytes done over all files, out of their total
    void progressed(qint64 done, qint64 total);
    void finished();

private:
    void finish();

    ImportWizard& m_wizard;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    QFutureWatcher<std::vector<FileOutcome>> m_watcher;
    ImportRun m_run;
    bool m_done = false;
};

} // namespace escdesk::ui

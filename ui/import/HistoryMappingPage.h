#pragma once

// The wizard's mapping step for a history export (one row per change): the
// mapping editor over the first file's columns and sampled values, started
// from a guess at the mapping, with a live preview of the tickets and
// events it derives and the rows it would reject — computed without
// writing, on a worker thread with its own read-only workspace connection,
// a moment after the last edit. "Load Mapping…" fills the editor from a
// mapping file, "Save Mapping…" writes one for next time; the import runs
// with the mapping as edited.

#include "import/HistoryPreview.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWizardPage>

#include <atomic>
#include <memory>
#include <variant>

class QLabel;
class QPushButton;

namespace escdesk::ui {

class HistoryMappingEditor;
class HistoryPreviewView;
class ImportWizard;

class HistoryMappingPage : public QWizardPage {
    Q_OBJECT
public:
    // Cases previewed.
    static constexpr int previewCases = 50;

    explicit HistoryMappingPage(ImportWizard& wizard);
    ~HistoryMappingPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    HistoryMappingEditor* editor() const { return m_editor; }
    HistoryPreviewView* preview() const { return m_preview; }
    // A preview is waiting to start or being computed.
    bool isPreviewPending() const;
    // Write or read a mapping file; the problem, or empty.
    QString saveMappingTo(const QString& path);
    QString loadMappingFrom(const QString& path);

private:
    // A preview's outcome: the preview, or why there is none.
    using Outcome = std::variant<import::HistoryPreview, QString>;

    void schedulePreview();
    void startPreview();
    void stopPreview();
    void showOutcome(const Outcome& outcome);
    void chooseSaveFile();
    void chooseLoadFile();

    ImportWizard& m_wizard;
    QString m_sampledFile; // the file the editor was set up for
    QString m_fileProblem; // the file cannot be sampled
    HistoryMappingEditor* m_editor;
    HistoryPreviewView* m_preview;
    QLabel* m_fileLabel;
    QPushButton* m_load;
    QPushButton* m_save;
    QTimer m_debounce;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    QFutureWatcher<Outcome> m_watcher;
    bool m_previewed = false; // the preview shown is of the mapping as it stands
    bool m_refused = false;   // ... and the import would refuse the file
};

} // namespace escdesk::ui

#pragma once

// The wizard's preview: the first rows of each file as they will be stored
// — mapped canonical columns, timestamps in the reporting zone, the rows
// that will be rejected and why — with the detected encoding and delimiter.
// Computed by core without writing, on a worker thread with its own
// read-only workspace connection (a busy indicator shows meanwhile; the
// page is not complete until it is done). A file the import would refuse
// shows its message (file, line, column, reason) and the import cannot
// start.

#include "import/ImportPreview.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace escdesk::ui {

class ImportWizard;

class ImportPreviewPage : public QWizardPage {
    Q_OBJECT
public:
    // Rows shown per file.
    static constexpr int previewRows = 200;

    explicit ImportPreviewPage(ImportWizard& wizard);
    ~ImportPreviewPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // The previews are being computed.
    bool isLoading() const;

    QTableWidget* table() const { return m_table; }
    QString summaryText() const;
    QString problemText() const;
    void showFile(int index);

private:
    struct FilePreview {
        QString path;
        std::optional<import::ImportPreview> preview;
        QString refusal; // the import would refuse the file
    };

    void stopLoading();
    void showPreviews(std::vector<FilePreview> previews);

    ImportWizard& m_wizard;
    std::vector<FilePreview> m_previews;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    QFutureWatcher<std::vector<FilePreview>> m_watcher;
    bool m_loading = false; // the previews are being read
    QComboBox* m_file;
    QWidget* m_busy;
    QLabel* m_summary;
    QLabel* m_problem;
    QTableWidget* m_table;
};

} // namespace escdesk::ui

#pragma once

// The wizard's preview: the first rows of each file as they will be stored
// — mapped canonical columns, timestamps in the reporting zone, the rows
// that will be rejected and why — with the detected encoding and delimiter.
// Computed by core without writing. A file the import would refuse shows
// its message (file, line, column, reason) and the import cannot start.

#include "import/ImportPreview.h"

#include <QWizardPage>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace escdesk::ui {

class ImportWizard;

class ImportPreviewPage : public QWizardPage {
    Q_OBJECT
public:
    // Rows shown per file.
    static constexpr int previewRows = 200;

    explicit ImportPreviewPage(ImportWizard& wizard);

    void initializePage() override;
    bool isComplete() const override;

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

    ImportWizard& m_wizard;
    std::vector<FilePreview> m_previews;
    QComboBox* m_file;
    QLabel* m_summary;
    QLabel* m_problem;
    QTableWidget* m_table;
};

} // namespace escdesk::ui

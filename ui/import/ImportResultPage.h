#pragma once

// The wizard's last page: per file its batch figures (rows read, inserted,
// updated, unchanged, rejected, seconds) or why it was refused or rolled
// back, the workspace's counts before and after, and the selected file's
// rejected rows, exportable as CSV.

#include <QWizardPage>

class QLabel;
class QTableWidget;

namespace escdesk::ui {

class ImportWizard;
class RejectedRowsPane;

class ImportResultPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportResultPage(ImportWizard& wizard);

    void initializePage() override;

    QString headline() const;
    QString countsText() const;
    QTableWidget* filesTable() const { return m_files; }
    RejectedRowsPane* rejectedRows() const { return m_rejected; }

private:
    void showRejectedOf(int row);

    ImportWizard& m_wizard;
    QLabel* m_headline;
    QLabel* m_counts;
    QTableWidget* m_files;
    RejectedRowsPane* m_rejected;
};

} // namespace escdesk::ui

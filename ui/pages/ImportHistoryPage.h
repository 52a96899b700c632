#pragma once

// Import history: every import batch newest first (file, kind, preset, when,
// SHA-256, rows read / inserted / updated / unchanged / rejected, seconds),
// the selected batch's rejected rows with CSV export, and Import… to start
// the wizard.

#include "pages/WorkspacePage.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace escdesk::ui {

class RejectedRowsPane;

class ImportHistoryPage : public WorkspacePage {
    Q_OBJECT
public:
    explicit ImportHistoryPage(QWidget* parent = nullptr);

    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("import-history"); }
    void prepareScreenshot() override;

    QTableWidget* batchesTable() const { return m_batches; }
    RejectedRowsPane* rejectedRows() const { return m_rejected; }
    void refresh();

signals:
    void importRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showBatchAt(int row);

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    QLabel* m_subtitle;
    QPushButton* m_import;
    QTableWidget* m_batches;
    RejectedRowsPane* m_rejected;
};

} // namespace escdesk::ui

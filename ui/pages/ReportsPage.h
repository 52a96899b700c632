#pragma once

// Reports: pick the weekly review, the monthly leadership report or the
// quarterly efficiency report and its period, see it as it will print, and
// export it (HTML, PDF, Markdown, e-mail, CSV) or print it. The report is
// built by core on a worker thread; this page only shows and saves it.

#include "pages/WorkspacePage.h"
#include "report/Report.h"

#include <QFutureWatcherBase>
#include <QPointer>

#include <memory>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QTextBrowser;
class QTextDocument;
class QToolButton;
class QPushButton;

namespace escdesk::ui {

class ReportsPage : public WorkspacePage {
    Q_OBJECT
public:
    explicit ReportsPage(QWidget* parent = nullptr);
    ~ReportsPage() override;

    void setAsynchronous(bool asynchronous) { m_asynchronous = asynchronous; }
    bool isBusy() const override { return m_loading; }
    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("reports"); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    void setKind(report::ReportKind kind);
    const report::Report& currentReport() const { return m_report; }
    QTextBrowser* preview() const { return m_preview; }

    // Writes the current report; returns an error message, empty on success.
    QString exportTo(const QString& path, int format);
    // The file name an export in `format` proposes, with the period
    // (report/ReportFileName.h): "weekly-review-2026-11-30.pdf".
    QString suggestedFileName(int format) const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    report::ReportKind currentKind() const;
    void kindChanged();
    void refresh();
    void showReport();
    void exportAs(int format);
    void print();

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    bool m_asynchronous = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    QPointer<QFutureWatcherBase> m_watcher;
    report::Report m_report;
    QString m_error;
    std::unique_ptr<QTextDocument> m_document;
    QComboBox* m_kind;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_status;
    QToolButton* m_export;
    QAction* m_recipients = nullptr; // kept in the workspace's settings
    QPushButton* m_print;
    QTextBrowser* m_preview;
};

} // namespace escdesk::ui

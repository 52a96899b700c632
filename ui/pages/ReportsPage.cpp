#include "pages/ReportsPage.h"

#include "EditPermission.h"
#include "FreedMemory.h"
#include "ShownText.h"
#include "WorkspaceReading.h"
#include "metrics/DataEnd.h"
#include "report/ReportBuilder.h"
#include "report/ReportFileName.h"
#include "report/output/EmailMessage.h"
#include "report/output/ReportOutput.h"
#include "report/output/WorkspaceSettings.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <stdexcept>

namespace escdesk::ui {

namespace {

struct Built {
    report::Report report;
    QString error;
};

Built buildIn(store::Workspace& workspace, const report::ReportRequest& request) {
    try {
        return Built{report::buildReport(workspace, request), {}};
    } catch (const store::StoreError& error) {
        return Built{{}, error.message()};
    }
}

struct ExportFormat {
    report::OutputFormat format;
    const char* label;
    const char* filter;
    const char* suffix;
};

const ExportFormat exportFormats[] = {
    {report::OutputFormat::Pdf, QT_TRANSLATE_NOOP("ReportsPage", "PDF…"), "PDF (*.pdf)", "pdf"},
    {report::OutputFormat::Html, QT_TRANSLATE_NOOP("ReportsPage", "HTML…"), "HTML (*.html)",
     "html"},
    {report::OutputFormat::Eml, QT_TRANSLATE_NOOP("ReportsPage", "E-mail (.eml)…"),
     "E-mail (*.eml)", "eml"},
    {report::OutputFormat::Markdown, QT_TRANSLATE_NOOP("ReportsPage", "Markdown…"),
     "Markdown (*.md)", "md"},
    {report::OutputFormat::Csv, QT_TRANSLATE_NOOP("ReportsPage", "CSV tables (folder)…"), "", ""},
};

} // namespace

ReportsPage::ReportsPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_kind(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_status(new QLabel(this))
    , m_export(new QToolButton(this))
    , m_print(new QPushButton(tr("Print…"), this))
    , m_preview(new QTextBrowser(this)) {
    m_kind->addItem(tr("Weekly review"), static_cast<int>(report::ReportKind::Weekly));
    m_kind->addItem(tr("Monthly leadership report"), static_cast<int>(report::ReportKind::Monthly));
    m_kind->addItem(tr("Quarterly efficiency report"),
                    static_cast<int>(report::ReportKind::Quarterly));
    m_kind->setAccessibleName(tr("Report"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    }
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Standard keys; a hidden page's buttons do not take them.
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(
        tr("Export the report (%1)").arg(m_export->shortcut().toString(QKeySequence::NativeText)));
    m_print->setShortcut(QKeySequence::Print);
    m_print->setToolTip(
        tr("Print the report (%1)").arg(m_print->shortcut().toString(QKeySequence::NativeText)));
    auto* menu = new QMenu(m_export);
    for (int i = 0; i < static_cast<int>(std::size(exportFormats)); ++i) {
        menu->addAction(tr(exportFormats[i].label), this, [this, i] { exportAs(i); });
    }
    menu->addSeparator();
    m_recipients = menu->addAction(tr("E-mail recipients…"), this, [this] {
        if (!m_workspace) {
            return;
        }
        bool ok = false;
        const QString recipients = QInputDialog::getText(
            this, tr("E-mail recipients"),
            tr("Who receives the report e-mail (addresses separated by commas):"),
            QLineEdit::Normal, m_workspace->setting(QStringLiteral("report_recipients")), &ok);
        if (!ok) {
            return;
        }
        try {
            // Each must be an address, alone or after a name (RFC 5322): the
            // check of escdesk settings and the Preferences dialog.
            report::setWorkspaceSetting(*m_workspace, QStringLiteral("report_recipients"),
                                        recipients);
        } catch (const report::SettingRefused& refused) {
            shown::warning(this, tr("E-mail recipients"), refused.message());
            return;
        } catch (const store::StoreError& error) {
            shown::warning(this, tr("E-mail recipients"), error.message());
        }
    });
    // A disabled E-mail recipients… says why (a read-only workspace).
    menu->setToolTipsVisible(true);
    m_export->setMenu(menu);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setOpenLinks(false);
    m_preview->setFrameShape(QFrame::NoFrame);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_kind);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("From"), this));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to"), this));
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_export);
    bar->addWidget(m_print);
    // The preview sits on a grey desk like a sheet of paper.
    auto* desk = new QWidget(this);
    desk->setObjectName(QStringLiteral("reportDesk"));
    desk->setStyleSheet(QStringLiteral("#reportDesk { background: #e9ecef; }"));
    auto* deskLayout = new QHBoxLayout(desk);
    deskLayout->setContentsMargins(24, 16, 24, 16);
    m_preview->setMaximumWidth(860);
    m_preview->setStyleSheet(QStringLiteral("QTextBrowser { background: white; }"));
    m_preview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    deskLayout->addWidget(m_preview);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 0);
    layout->addLayout(bar);
    layout->addWidget(desk, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportsPage::kindChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportsPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportsPage::refresh);
    connect(m_print, &QPushButton::clicked, this, &ReportsPage::print);
    kindChanged();
}

ReportsPage::~ReportsPage() {
    if (m_watcher) {
        m_watcher->waitForFinished();
    }
}

void ReportsPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    enableEdit(m_recipients, true, readOnlyExplanation(workspace));
    m_stale = true;
    kindChanged();
}

void ReportsPage::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("reports/kind"), m_kind->currentIndex());
}

void ReportsPage::restoreSettings(QSettings& settings) {
    m_kind->setCurrentIndex(settings.value(QStringLiteral("reports/kind"), 0).toInt());
}

void ReportsPage::setKind(report::ReportKind kind) {
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
}

report::ReportKind ReportsPage::currentKind() const {
    return static_cast<report::ReportKind>(m_kind->currentData().toInt());
}

void ReportsPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

// A new kind starts from its usual period: the last complete week, month or
// quarter (with data, where the workspace's data ends earlier).
void ReportsPage::kindChanged() {
    const QTimeZone zone =
        m_workspace ? m_workspace->reportingTimeZone() : QTimeZone::systemTimeZone();
    const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
    // Last year's exports report their last period with data, not an empty one.
    const auto lastDataDay =
        m_workspace ? metrics::lastDataDay(m_workspace->db(), zone) : std::optional<QDate>();
    const report::DefaultReportPeriod period =
        report::defaultReportPeriod(currentKind(), today, lastDataDay);
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(period.first);
    m_to->setDate(period.last);
    refresh();
}

void ReportsPage::refresh() {
    m_stale = true;
    if (!isVisible() && m_asynchronous) {
        return; // built when first shown
    }
    m_stale = false;
    const quint64 generation = ++m_generation;
    if (!m_workspace) {
        m_report = {};
        m_error = tr("No workspace is open.");
        showReport();
        return;
    }
    if (m_from->date() > m_to->date()) {
        m_report = {};
        m_error = tr("The first day must not be after the last day.");
        showReport();
        return;
    }
    report::ReportRequest request;
    request.kind = currentKind();
    request.first = m_from->date();
    request.last = m_to->date();
    request.zone = m_workspace->reportingTimeZone();
    request.asOf = QDateTime::currentSecsSinceEpoch();
    if (!m_asynchronous) {
        const Built built = buildIn(*m_workspace, request);
        m_report = built.report;
        m_error = built.error;
        showReport();
        return;
    }
    m_loading = true;
    m_status->setText(tr("Preparing the report…"));
    auto* watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        releaseFreedMemory(); // what the worker freed
        if (generation == m_generation) {
            m_loading = false;
            m_report = watcher->result().report;
            m_error = watcher->result().error;
            showReport();
        }
    });
    m_watcher = watcher;
    // Its own read-only connection: the analyses read the whole period.
    watcher->setFuture(QtConcurrent::run([path = m_workspace->path(), request] {
        try {
            store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
            readWithoutFileMap(workspace.db());
            return buildIn(workspace, request);
        } catch (const store::StoreError& error) {
            return Built{{}, error.message()};
        }
    }));
}

void ReportsPage::showReport() {
    const bool ready = m_error.isEmpty() && !m_report.title.isEmpty();
    m_export->setEnabled(ready);
    m_print->setEnabled(ready);
    if (!ready) {
        shown::setPlainText(m_status, m_error);
        m_preview->clear();
        return;
    }
    m_status->setText(
        tr("%1 tables, %2 charts").arg(m_report.tables().size()).arg(m_report.charts().size()));
    // Charts as wide as the sheet's text, within a 32-pixel margin.
    std::unique_ptr<QTextDocument> document = report::reportDocument(
        m_report, std::min(720, m_preview->viewport()->width() - 2 * 32 - 8));
    document->setDocumentMargin(32);
    m_preview->setDocument(document.get());
    m_document = std::move(document);
    emit statusMessage(m_report.title);
}

QString ReportsPage::exportTo(const QString& path, int format) {
    report::WriteOptions options;
    options.pageSize = report::pageSizeForLocale(QLocale::system());
    if (m_workspace) {
        options.recipients =
            report::splitMailboxList(m_workspace->setting(QStringLiteral("report_recipients")));
        options.sender = m_workspace->setting(QStringLiteral("report_sender"));
    }
    try {
        report::writeReport(m_report, exportFormats[format].format, path, options);
    } catch (const std::runtime_error& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

QString ReportsPage::suggestedFileName(int format) const {
    return report::reportFileName(m_report, QLatin1String(exportFormats[format].suffix));
}

void ReportsPage::exportAs(int format) {
    const ExportFormat& chosen = exportFormats[format];
    QString path;
    if (chosen.format == report::OutputFormat::Csv) {
        path = QFileDialog::getExistingDirectory(this, tr("Folder for the CSV tables"));
    } else {
        path = QFileDialog::getSaveFileName(this, tr("Export report"), suggestedFileName(format),
                                            QLatin1String(chosen.filter));
    }
    if (path.isEmpty()) {
        return;
    }
    const QString problem = exportTo(path, format);
    if (!problem.isEmpty()) {
        shown::warning(this, tr("Export report"), problem);
        return;
    }
    shown::setPlainText(m_status, tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void ReportsPage::print() {
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(report::pageSizeForLocale(QLocale::system())));
    printer.setDocName(m_report.title);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    // The printer's margins as on the PDF.
    printer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter);
    printer.setResolution(96);
    report::paintReport(m_report, printer);
}

} // namespace escdesk::ui

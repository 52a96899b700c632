#include "import/ImportPreviewPage.h"

#include "ShownText.h"
#include "import/ImportWizard.h"
#include "import/TextEncoding.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace escdesk::ui {

namespace {

const QColor rejectedBackground(0xfd, 0xec, 0xea);
const QColor rejectedText(0xb4, 0x23, 0x18);
const QColor warningBackground(0xfe, 0xf4, 0xe2);
const QColor warningText(0x93, 0x4a, 0x00);
const QColor acceptedText(0x1a, 0x7f, 0x4b);

} // namespace

ImportPreviewPage::ImportPreviewPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_file(new QComboBox(this))
    , m_busy(new QWidget(this))
    , m_summary(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_table(new QTableWidget(this)) {
    setTitle(tr("Preview"));
    setSubTitle(tr("The first rows as they will be stored. Rows marked Rejected are kept with "
                   "their reason in the batch instead of being imported; a value marked with a "
                   "warning cannot be read and is stored as empty, the rest of its row is "
                   "imported."));
    setCommitPage(true);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("File:"), this));
    m_file->setObjectName(QStringLiteral("previewFile"));
    top->addWidget(m_file, 1);
    layout->addLayout(top);
    // Shown while the previews are computed: a large file is read to find
    // its timestamp forms.
    m_busy->setObjectName(QStringLiteral("previewBusy"));
    auto* busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(new QLabel(tr("Reading the first rows…"), m_busy));
    auto* spinner = new QProgressBar(m_busy);
    spinner->setRange(0, 0); // indeterminate
    spinner->setTextVisible(false);
    spinner->setMaximumWidth(220);
    busyLayout->addWidget(spinner);
    busyLayout->addStretch();
    m_busy->hide();
    layout->addWidget(m_busy);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setTextFormat(Qt::RichText); // composed; the file name escaped
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_problem->setObjectName(QStringLiteral("previewProblem"));
    m_problem->setTextFormat(Qt::PlainText); // quotes the file's header and values
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral(
        "color: #b42318; background: #fdecea; border: 1px solid #f5c2bc; border-radius: 4px; "
        "padding: 8px;"));
    layout->addWidget(m_problem);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_table, 1);
    connect(m_file, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::showFile);
    connect(&m_watcher, &QFutureWatcher<std::vector<FilePreview>>::finished, this, [this] {
        if (m_loading && m_watcher.future().isResultReadyAt(0)) {
            showPreviews(m_watcher.result());
        }
    });
}

ImportPreviewPage::~ImportPreviewPage() {
    stopLoading();
}

bool ImportPreviewPage::isLoading() const {
    return m_loading;
}

void ImportPreviewPage::stopLoading() {
    if (m_cancelFlag) {
        m_cancelFlag->store(true);
    }
    m_watcher.waitForFinished();
    m_loading = false;
}

void ImportPreviewPage::cleanupPage() {
    // Back to the source page: a preview still being read is of no use.
    stopLoading();
    QWizardPage::cleanupPage();
}

void ImportPreviewPage::initializePage() {
    stopLoading();
    const ImportChoice choice = m_wizard.choice();
    const QTimeZone displayZone = m_wizard.workspace().reportingTimeZone();
    const QString workspacePath = m_wizard.workspace().path();
    m_previews.clear();
    {
        const QSignalBlocker blocker(m_file);
        m_file->clear();
        m_file->setEnabled(false);
    }
    showFile(-1);
    m_summary->clear();
    m_problem->hide();
    m_busy->show();
    m_loading = true;
    emit completeChanged();
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelFlag;
    m_watcher.setFuture(QtConcurrent::run([choice, displayZone, workspacePath, cancel] {
        std::vector<FilePreview> previews;
        std::unique_ptr<store::Workspace> opened;
        QString openProblem;
        try {
            // Its own connection: the GUI thread keeps its own.
            opened = std::make_unique<store::Workspace>(workspacePath,
                                                        store::Workspace::Access::ReadOnly);
        } catch (const store::StoreError& error) {
            openProblem = error.message();
        }
        for (const QString& path : choice.files) {
            FilePreview file{path, std::nullopt, openProblem};
            if (opened && choice.kind != import::ImportKind::History && !cancel->load()) {
                import::ImportOptions options = choice.options();
                options.cancel = cancel.get();
                try {
                    file.preview =
                        import::previewCsv(opened->db(), path, options, previewRows, displayZone);
                } catch (const import::ImportRefused& refused) {
                    file.refusal = refused.message();
                } catch (const import::ImportCancelled&) {
                    file.refusal = tr("The preview was cancelled.");
                } catch (const store::StoreError& error) {
                    file.refusal = error.message();
                }
            }
            previews.push_back(std::move(file));
        }
        return previews;
    }));
}

void ImportPreviewPage::showPreviews(std::vector<FilePreview> previews) {
    m_loading = false;
    m_busy->hide();
    m_previews = std::move(previews);
    const QSignalBlocker blocker(m_file);
    m_file->clear();
    for (const FilePreview& file : m_previews) {
        m_file->addItem(shown::text(QFileInfo(file.path).fileName()));
    }
    m_file->setEnabled(m_previews.size() > 1);
    // The first refused file first: it is what needs attention.
    int first = 0;
    for (int i = 0; i < static_cast<int>(m_previews.size()); ++i) {
        if (!m_previews[static_cast<std::size_t>(i)].refusal.isEmpty()) {
            first = i;
            break;
        }
    }
    m_file->setCurrentIndex(first);
    showFile(first);
    emit completeChanged();
}

bool ImportPreviewPage::isComplete() const {
    return !isLoading() && !m_previews.empty() &&
           std::none_of(m_previews.begin(), m_previews.end(),
                        [](const FilePreview& file) { return !file.refusal.isEmpty(); });
}

QString ImportPreviewPage::summaryText() const {
    return m_summary->text();
}

QString ImportPreviewPage::problemText() const {
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ImportPreviewPage::showFile(int index) {
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    if (index < 0 || index >= static_cast<int>(m_previews.size())) {
        return;
    }
    const FilePreview& file = m_previews[static_cast<std::size_t>(index)];
    m_problem->setVisible(!file.refusal.isEmpty());
    shown::setPlainText(m_problem, tr("This file cannot be imported: %1").arg(file.refusal));
    if (!file.preview) {
        m_summary->setText(file.refusal.isEmpty()
                               ? tr("A history export has no row-by-row preview: its tickets and "
                                    "events are derived from all its rows when it is imported.")
                               : QString());
        return;
    }
    const import::ImportPreview& preview = *file.preview;
    const auto previewed = static_cast<std::int64_t>(preview.rows.size());
    m_summary->setText(tr("<b>%1</b> · %2 · delimiter %3 · header on line %4 · first %5 rows: "
                          "<span style='color:#1a7f4b'>%6 to import</span>, "
                          "<span style='color:#b42318'>%7 rejected</span>, "
                          "<span style='color:#934a00'>%8 warnings</span> · times shown in %9")
                           // One arg() for all: a file name holding "%4" is not a
                           // place for the next argument.
                           .arg(shown::html(QFileInfo(file.path).fileName()),
                                import::textEncodingName(preview.dialect.encoding).toHtmlEscaped(),
                                import::delimiterName(preview.dialect.delimiter).toHtmlEscaped(),
                                QString::number(preview.headerLine), display::count(previewed),
                                display::count(previewed - preview.rejectedRows()),
                                display::count(preview.rejectedRows()),
                                display::count(preview.warnings()),
                                QString::fromUtf8(m_wizard.workspace().reportingTimeZone().id())));

    // Line, Status, Reason (where a rejected row is explained), then the
    // canonical columns.
    const int fixed = 3;
    const int reasonColumn = 2;
    const int columns = fixed + static_cast<int>(preview.columns.size());
    m_table->setColumnCount(columns);
    QStringList headers{tr("Line"), tr("Status"), tr("Reason")};
    for (int c = 0; c < preview.columns.size(); ++c) {
        headers << shown::text(preview.columns[c]);
    }
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < preview.columns.size(); ++c) {
        QString tip = tr("Read from source column: %1").arg(preview.sourceColumns.value(c));
        if (!preview.timestampForms.value(c).isEmpty()) {
            tip += tr("\nTimestamp form: %1").arg(preview.timestampForms[c]);
        }
        m_table->horizontalHeaderItem(fixed + c)->setToolTip(shown::toolTip(tip));
    }
    m_table->setRowCount(static_cast<int>(preview.rows.size()));
    for (int r = 0; r < static_cast<int>(preview.rows.size()); ++r) {
        const import::PreviewRow& row = preview.rows[static_cast<std::size_t>(r)];
        auto* line = new QTableWidgetItem(QString::number(row.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 0, line);
        const bool warned = !row.rejected() && !row.problems.empty();
        auto* status = new QTableWidgetItem(row.rejected() ? tr("Rejected")
                                            : warned       ? tr("Import, with warning")
                                                           : tr("Import"));
        status->setForeground(row.rejected() ? rejectedText : warned ? warningText : acceptedText);
        m_table->setItem(r, 1, status);
        QStringList problemColumns;
        QStringList reasons;
        for (const import::PreviewProblem& problem : row.problems) {
            problemColumns << problem.column;
            reasons << (problem.column.isEmpty() || problem.reason.startsWith(problem.column)
                            ? problem.reason
                            : problem.column + QStringLiteral(": ") + problem.reason);
        }
        for (int c = 0; c < row.cells.size(); ++c) {
            auto* item = new QTableWidgetItem(shown::text(row.cells[c]));
            if (const auto p = problemColumns.indexOf(preview.columns[c]); p >= 0) {
                const bool warning = row.problems[static_cast<std::size_t>(p)].warning;
                item->setForeground(warning ? warningText : rejectedText);
                item->setBackground(warning ? warningBackground : rejectedBackground);
                item->setToolTip(shown::toolTip(reasons[p]));
            }
            m_table->setItem(r, fixed + c, item);
        }
        const QString reasonText = reasons.join(QStringLiteral("; "));
        auto* reason = new QTableWidgetItem(shown::text(reasonText));
        reason->setForeground(warned ? warningText : rejectedText);
        reason->setToolTip(shown::toolTip(reasonText));
        m_table->setItem(r, reasonColumn, reason);
    }
    m_table->resizeColumnsToContents();
    for (int c = 0; c < columns; ++c) {
        m_table->setColumnWidth(
            c, std::min(m_table->columnWidth(c) + 8, c == reasonColumn ? 320 : 240));
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace escdesk::ui

#include "pages/ImportHistoryPage.h"

#include "EditPermission.h"
#include "ShownText.h"
#include "import/ImportBatches.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"
#include "widgets/RejectedRowsPane.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

enum Column {
    Batch,
    When,
    File,
    Kind,
    Preset,
    Sha,
    Rows,
    Inserted,
    Updated,
    Unchanged,
    Rejected,
    Warnings,
    Seconds,
    ColumnCount
};

} // namespace

ImportHistoryPage::ImportHistoryPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_subtitle(new QLabel(this))
    , m_import(new QPushButton(tr("Import…"), this))
    , m_batches(new QTableWidget(0, ColumnCount, this))
    , m_rejected(new RejectedRowsPane(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(12);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Import history"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    header->addWidget(title);
    header->addStretch();
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    header->addWidget(m_import);
    layout->addLayout(header);
    m_subtitle->setObjectName(QStringLiteral("subtitle"));
    layout->addWidget(m_subtitle);

    m_batches->setObjectName(QStringLiteral("importBatches"));
    m_batches->setAccessibleName(tr("Import batches"));
    m_batches->setHorizontalHeaderLabels({tr("Batch"), tr("Imported"), tr("File"), tr("Kind"),
                                          tr("Preset"), tr("SHA-256"), tr("Rows"), tr("Inserted"),
                                          tr("Updated"), tr("Unchanged"), tr("Rejected"),
                                          tr("Warnings"), tr("Seconds")});
    m_batches->verticalHeader()->hide();
    m_batches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_batches->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_batches->setSelectionMode(QAbstractItemView::SingleSelection);
    m_batches->setAlternatingRowColors(true);
    m_batches->setShowGrid(false);
    m_batches->setWordWrap(false);
    m_batches->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_batches->horizontalHeader()->setSectionResizeMode(File, QHeaderView::Stretch);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_batches);
    splitter->addWidget(m_rejected);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_import, &QPushButton::clicked, this, &ImportHistoryPage::importRequested);
    connect(m_batches, &QTableWidget::currentCellChanged, this,
            [this](int row) { showBatchAt(row); });
}

void ImportHistoryPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    enableEdit(m_import, true, readOnlyExplanation(workspace));
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

void ImportHistoryPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void ImportHistoryPage::refresh() {
    m_stale = false;
    m_batches->setRowCount(0);
    if (!m_workspace) {
        m_subtitle->setText(tr("No workspace open."));
        m_rejected->showBatch(nullptr, 0, {});
        return;
    }
    const auto batches = import::importBatches(m_workspace->db());
    const QTimeZone zone = m_workspace->reportingTimeZone();
    std::int64_t rejected = 0;
    std::int64_t warnings = 0;
    m_batches->setRowCount(static_cast<int>(batches.size()));
    for (int r = 0; r < static_cast<int>(batches.size()); ++r) {
        const import::ImportBatch& batch = batches[static_cast<std::size_t>(r)];
        rejected += batch.rejected;
        warnings += batch.warnings;
        const auto text = [&](int column, const QString& value, bool number = false) {
            auto* item = new QTableWidgetItem(shown::text(value));
            if (number) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_batches->setItem(r, column, item);
            return item;
        };
        text(Batch, QString::number(batch.id), true)->setData(Qt::UserRole, qint64(batch.id));
        text(When, display::dateTime(batch.startedAt, zone));
        text(File, batch.file)->setToolTip(shown::toolTip(batch.file));
        text(Kind, batch.kind);
        text(Preset, batch.preset.isEmpty() ? tr("—") : batch.preset);
        text(Sha, batch.sha256.left(12))->setToolTip(batch.sha256);
        text(Rows, display::count(batch.rows), true);
        text(Inserted, display::count(batch.inserted), true);
        text(Updated, display::count(batch.updated), true);
        text(Unchanged, display::count(batch.unchanged), true);
        auto* rejectedItem = text(Rejected, display::count(batch.rejected), true);
        if (batch.rejected > 0) {
            rejectedItem->setForeground(QColor(0xb4, 0x23, 0x18));
        }
        auto* warningsItem = text(Warnings, display::count(batch.warnings), true);
        warningsItem->setToolTip(tr("Values that could not be read and were stored as empty; "
                                    "their rows were imported."));
        if (batch.warnings > 0) {
            warningsItem->setForeground(QColor(0x93, 0x4a, 0x00));
        }
        text(Seconds, QString::number(batch.seconds, 'f', 2), true);
    }
    m_batches->resizeColumnsToContents();
    m_batches->horizontalHeader()->setSectionResizeMode(File, QHeaderView::Stretch);
    const QString readOnly = readOnlyExplanation(m_workspace);
    shown::setPlainText(
        m_subtitle,
        batches.empty()
            ? (readOnly.isEmpty() ? tr("No imports yet. Import… brings in helpdesk, CRM or "
                                       "known-issue CSV exports.")
                                  : tr("No imports yet. %1").arg(readOnly))
            : tr("%1 import batches, newest first · %2 rejected rows and %3 warnings kept · "
                 "times in %4")
                  .arg(display::count(static_cast<std::int64_t>(batches.size())),
                       display::count(rejected), display::count(warnings),
                       QString::fromUtf8(zone.id())));
    if (!batches.empty()) {
        m_batches->setCurrentCell(0, 0);
    }
    showBatchAt(batches.empty() ? -1 : 0);
}

void ImportHistoryPage::showBatchAt(int row) {
    if (!m_workspace || row < 0 || row >= m_batches->rowCount()) {
        m_rejected->showBatch(nullptr, 0, {});
        return;
    }
    const std::int64_t batch = m_batches->item(row, Batch)->data(Qt::UserRole).toLongLong();
    m_rejected->showBatch(&m_workspace->db(), batch, m_batches->item(row, File)->text());
}

void ImportHistoryPage::prepareScreenshot() {
    // The newest batch with rejected rows or warnings shows what the lower
    // pane is for.
    for (int r = 0; r < m_batches->rowCount(); ++r) {
        if (m_batches->item(r, Rejected)->text() != QLatin1String("0") ||
            m_batches->item(r, Warnings)->text() != QLatin1String("0")) {
            m_batches->setCurrentCell(r, 0);
            return;
        }
    }
}

} // namespace escdesk::ui

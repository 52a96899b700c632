#include "import/ImportResultPage.h"

#include "ShownText.h"
#include "import/ImportRunPage.h"
#include "import/ImportWizard.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"
#include "widgets/RejectedRowsPane.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

enum Column {
    File,
    Outcome,
    Rows,
    Inserted,
    Updated,
    Unchanged,
    Rejected,
    Warnings,
    Seconds,
    ColumnCount
};

QString countChange(std::int64_t before, std::int64_t after) {
    if (before == after) {
        return display::count(after);
    }
    return QStringLiteral("%1 → %2").arg(display::count(before), display::count(after));
}

} // namespace

ImportResultPage::ImportResultPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_headline(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_files(new QTableWidget(0, ColumnCount, this))
    , m_rejected(new RejectedRowsPane(this)) {
    setTitle(tr("Import finished"));
    setSubTitle(tr("Every file is one batch in Import history; its rejected rows and warnings "
                   "(values stored as empty) stay there and can be exported at any time."));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    m_headline->setObjectName(QStringLiteral("resultHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setStyleSheet(QStringLiteral("font-size: 15px; font-weight: 600;"));
    layout->addWidget(m_headline);
    m_counts->setObjectName(QStringLiteral("resultCounts"));
    layout->addWidget(m_counts);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_files->setObjectName(QStringLiteral("resultFiles"));
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Result"), tr("Rows"), tr("Inserted"),
                                        tr("Updated"), tr("Unchanged"), tr("Rejected"),
                                        tr("Warnings"), tr("Seconds")});
    m_files->verticalHeader()->hide();
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->horizontalHeader()->setSectionResizeMode(Outcome, QHeaderView::Stretch);
    m_files->setWordWrap(true);
    splitter->addWidget(m_files);
    splitter->addWidget(m_rejected);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    connect(m_files, &QTableWidget::currentCellChanged, this,
            [this](int row) { showRejectedOf(row); });
}

QString ImportResultPage::headline() const {
    return m_headline->text();
}

QString ImportResultPage::countsText() const {
    return m_counts->text();
}

void ImportResultPage::initializePage() {
    const ImportRun& run = m_wizard.runPage()->run();
    const int imported = m_wizard.runPage()->batchesWritten();
    const bool changed = run.before.tickets != run.after.tickets ||
                         run.before.events != run.after.events ||
                         run.before.accounts != run.after.accounts ||
                         run.before.knownIssues != run.after.knownIssues;
    if (run.cancelled) {
        m_headline->setText(imported == 0
                                ? tr("Import cancelled. The workspace is unchanged: nothing was "
                                     "written.")
                                : tr("Import cancelled. The file being read was rolled back; "
                                     "%1 earlier file(s) stay imported.")
                                      .arg(imported));
    } else if (imported == static_cast<int>(run.files.size())) {
        m_headline->setText(imported == 1 ? tr("1 file imported.")
                                          : tr("%1 files imported.").arg(imported));
    } else {
        m_headline->setText(tr("%1 of %2 files imported; the others were refused and wrote "
                               "nothing.")
                                .arg(imported)
                                .arg(run.files.size()));
    }
    m_counts->setText(tr("Workspace: %1 tickets · %2 events · %3 accounts · %4 known issues%5")
                          .arg(countChange(run.before.tickets, run.after.tickets),
                               countChange(run.before.events, run.after.events),
                               countChange(run.before.accounts, run.after.accounts),
                               countChange(run.before.knownIssues, run.after.knownIssues),
                               changed ? QString() : tr(" (unchanged)")));
    m_files->setRowCount(static_cast<int>(run.files.size()));
    for (int r = 0; r < static_cast<int>(run.files.size()); ++r) {
        const FileOutcome& file = run.files[static_cast<std::size_t>(r)];
        m_files->setItem(r, File,
                         new QTableWidgetItem(shown::text(QFileInfo(file.path).fileName())));
        QString outcome;
        QColor colour(0x1a, 0x7f, 0x4b);
        if (file.result) {
            outcome = tr("Batch %1 · %2")
                          .arg(file.result->batch)
                          .arg(import::importKindName(file.result->kind));
        } else if (file.cancelled) {
            outcome = tr("Cancelled — rolled back, nothing written");
            colour = QColor(0x9a, 0x67, 0x00);
        } else if (file.skipped) {
            outcome = tr("Not started");
            colour = QColor(0x7b, 0x87, 0x94);
        } else {
            outcome = tr("Refused — %1").arg(file.refusal);
            colour = QColor(0xb4, 0x23, 0x18);
        }
        auto* outcomeItem = new QTableWidgetItem(shown::text(outcome));
        outcomeItem->setForeground(colour);
        outcomeItem->setToolTip(shown::toolTip(outcome));
        m_files->setItem(r, Outcome, outcomeItem);
        const auto number = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_files->setItem(r, column, item);
        };
        if (file.result) {
            const import::ImportResult& result = *file.result;
            number(Rows, display::count(result.rows));
            number(Inserted, display::count(result.inserted));
            number(Updated, display::count(result.updated));
            number(Unchanged, display::count(result.unchanged));
            number(Rejected, display::count(result.rejected));
            number(Warnings, display::count(result.warnings));
            number(Seconds, QString::number(result.seconds, 'f', 2));
        }
    }
    m_files->resizeColumnsToContents();
    m_files->resizeRowsToContents();
    m_files->horizontalHeader()->setSectionResizeMode(Outcome, QHeaderView::Stretch);
    if (!run.files.empty()) {
        m_files->setCurrentCell(0, 0);
    }
    showRejectedOf(run.files.empty() ? -1 : 0);
}

void ImportResultPage::showRejectedOf(int row) {
    const ImportRun& run = m_wizard.runPage()->run();
    if (row < 0 || row >= static_cast<int>(run.files.size()) ||
        !run.files[static_cast<std::size_t>(row)].result) {
        m_rejected->showBatch(nullptr, 0, {});
        return;
    }
    const FileOutcome& file = run.files[static_cast<std::size_t>(row)];
    m_rejected->showBatch(&m_wizard.workspace().db(), file.result->batch,
                          QFileInfo(file.path).fileName());
}

} // namespace escdesk::ui

#include "widgets/RejectedRowsPane.h"

#include "ShownText.h"
#include "import/RejectedRows.h"
#include "models/DisplayText.h"
#include "store/Database.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace escdesk::ui {

RejectedRowsPane::RejectedRowsPane(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(0, 5, this))
    , m_export(new QPushButton(tr("Export as CSV…"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    header->addWidget(m_title, 1);
    header->addWidget(m_export);
    layout->addLayout(header);
    m_table->setObjectName(QStringLiteral("rejectedRows"));
    m_table->setAccessibleName(tr("Rejected rows and warnings"));
    m_table->setHorizontalHeaderLabels(
        {tr("Line"), tr("Outcome"), tr("Column"), tr("Value"), tr("Reason")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(0, 70);
    m_table->setColumnWidth(1, 90);
    m_table->setColumnWidth(2, 130);
    m_table->setColumnWidth(3, 200);
    layout->addWidget(m_table, 1);
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &RejectedRowsPane::chooseExportFile);
    showBatch(nullptr, 0, {});
}

void RejectedRowsPane::showBatch(store::Database* db, std::int64_t batch, const QString& fileName) {
    m_db = db;
    m_batch = batch;
    m_fileName = fileName;
    m_table->setRowCount(0);
    std::vector<import::RejectedRow> rows;
    if (db && batch > 0) {
        rows = import::rejectedRowsOf(*db, batch);
    }
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const import::RejectedRow& row = rows[static_cast<std::size_t>(i)];
        auto* line = new QTableWidgetItem(QString::number(row.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i, 0, line);
        auto* outcome = new QTableWidgetItem(row.warning ? tr("Warning") : tr("Rejected"));
        outcome->setToolTip(row.warning ? tr("The row was imported with this value empty.")
                                        : tr("The row was not imported."));
        outcome->setForeground(row.warning ? QColor(0x93, 0x4a, 0x00) : QColor(0xb4, 0x23, 0x18));
        m_table->setItem(i, 1, outcome);
        m_table->setItem(
            i, 2,
            new QTableWidgetItem(row.column.isEmpty() ? tr("(row)") : shown::text(row.column)));
        m_table->setItem(i, 3, new QTableWidgetItem(shown::text(row.value)));
        auto* reason = new QTableWidgetItem(shown::text(row.reason));
        reason->setToolTip(shown::toolTip(row.reason));
        m_table->setItem(i, 4, reason);
    }
    shown::setPlainText(m_title, titleOf(rows, batch, fileName));
    m_export->setEnabled(!rows.empty());
}

// "2 rejected values · 3 warnings in batch 4 (tickets.csv)"
QString RejectedRowsPane::titleOf(const std::vector<import::RejectedRow>& rows, std::int64_t batch,
                                  const QString& fileName) const {
    if (batch <= 0) {
        return tr("Rejected rows and warnings");
    }
    if (rows.empty()) {
        return tr("No rejected rows or warnings in batch %1 (%2)").arg(batch).arg(fileName);
    }
    const auto warnings = std::count_if(rows.begin(), rows.end(),
                                        [](const import::RejectedRow& row) { return row.warning; });
    const auto rejected = static_cast<std::int64_t>(rows.size()) - warnings;
    QStringList parts;
    if (rejected > 0) {
        parts << (rejected == 1 ? tr("1 rejected value")
                                : tr("%1 rejected values").arg(display::count(rejected)));
    }
    if (warnings > 0) {
        parts << (warnings == 1 ? tr("1 warning")
                                : tr("%1 warnings").arg(display::count(warnings)));
    }
    return tr("%1 in batch %2 (%3)")
        .arg(parts.join(QStringLiteral(" · ")))
        .arg(batch)
        .arg(fileName);
}

int RejectedRowsPane::rowCount() const {
    return m_table->rowCount();
}

QString RejectedRowsPane::exportTo(const QString& path) {
    if (!m_db || m_batch <= 0) {
        return tr("No batch is selected.");
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    import::writeRejectedRowsCsv(*m_db, m_batch, file);
    if (!file.commit()) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

void RejectedRowsPane::chooseExportFile() {
    const QString suggested = QStringLiteral("%1-problems-batch-%2.csv")
                                  .arg(QFileInfo(m_fileName).completeBaseName())
                                  .arg(m_batch);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Rejected Rows and Warnings"),
                                                      suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (const QString problem = exportTo(path); !problem.isEmpty()) {
        shown::warning(this, tr("Export Rejected Rows"), problem);
    }
}

} // namespace escdesk::ui

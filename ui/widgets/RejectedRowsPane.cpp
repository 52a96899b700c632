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

namespace escdesk::ui {

RejectedRowsPane::RejectedRowsPane(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_export(new QPushButton(tr("Export as CSV…"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    header->addWidget(m_title, 1);
    header->addWidget(m_export);
    layout->addLayout(header);
    m_table->setObjectName(QStringLiteral("rejectedRows"));
    m_table->setAccessibleName(tr("Rejected rows"));
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Value"), tr("Reason")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(0, 70);
    m_table->setColumnWidth(1, 130);
    m_table->setColumnWidth(2, 200);
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
        m_table->setItem(
            i, 1,
            new QTableWidgetItem(row.column.isEmpty() ? tr("(row)") : shown::text(row.column)));
        m_table->setItem(i, 2, new QTableWidgetItem(shown::text(row.value)));
        auto* reason = new QTableWidgetItem(shown::text(row.reason));
        reason->setToolTip(shown::toolTip(row.reason));
        m_table->setItem(i, 3, reason);
    }
    if (batch <= 0) {
        m_title->setText(tr("Rejected rows"));
    } else if (rows.empty()) {
        shown::setPlainText(m_title,
                            tr("No rejected rows in batch %1 (%2)").arg(batch).arg(fileName));
    } else {
        shown::setPlainText(
            m_title,
            tr("%1 in batch %2 (%3)")
                .arg(rows.size() == 1
                         ? tr("1 rejected value")
                         : tr("%1 rejected values")
                               .arg(display::count(static_cast<std::int64_t>(rows.size()))))
                .arg(batch)
                .arg(fileName));
    }
    m_export->setEnabled(!rows.empty());
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
    const QString suggested = QStringLiteral("%1-rejected-batch-%2.csv")
                                  .arg(QFileInfo(m_fileName).completeBaseName())
                                  .arg(m_batch);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Rejected Rows"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (const QString problem = exportTo(path); !problem.isEmpty()) {
        shown::warning(this, tr("Export Rejected Rows"), problem);
    }
}

} // namespace escdesk::ui

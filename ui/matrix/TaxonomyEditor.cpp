#include "matrix/TaxonomyEditor.h"

#include "matrix/MatrixDocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace escdesk::ui {

TaxonomyEditor::TaxonomyEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_badge(new IssueBadge(this))
    , m_count(new QLabel(this))
    , m_add(toolButton(tr("Add category"), tr("Add a root-cause category"), this))
    , m_remove(toolButton(tr("Remove"), tr("Remove the selected category"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto* top = new QHBoxLayout;
    auto* title = new QLabel(tr("Root-cause taxonomy"), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    top->addWidget(title);
    top->addWidget(m_badge);
    m_count->setObjectName(QStringLiteral("footnote"));
    top->addWidget(m_count);
    top->addStretch();
    top->addWidget(m_add);
    top->addWidget(m_remove);
    layout->addLayout(top);
    setupTable(m_table);
    m_table->setAccessibleName(tr("Root-cause categories"));
    m_table->setHorizontalHeaderLabels({tr("Category"), tr("Recommended action"), tr("Avoidable")});
    m_table->horizontalHeaderItem(AvoidableColumn)
        ->setToolTip(tr("Escalations of this cause could have been kept from engineering "
                        "(configuration, user error, …): they count in the engineering-time "
                        "ledger's avoidable share"));
    m_table->setColumnWidth(NameColumn, 190);
    // The action takes the spare width; the mark stays a narrow column.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(AvoidableColumn, 90);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);

    connect(m_table, &QTableWidget::cellChanged, this, &TaxonomyEditor::cellEdited);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this] { enableEditing(m_remove, m_table->currentRow() >= 0); });
    connect(m_add, &QToolButton::clicked, this, &TaxonomyEditor::addCategory);
    connect(m_remove, &QToolButton::clicked, this, &TaxonomyEditor::removeCategory);
    removeOnDelete(m_table, [this] { removeCategory(); });
    refresh();
}

void TaxonomyEditor::refresh() {
    const auto& taxonomy = document()->matrix().taxonomy;
    const auto& issues = document()->issues();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(taxonomy.size()));
    for (int row = 0; row < int(taxonomy.size()); ++row) {
        const matrix::RootCauseCategory& category = taxonomy[std::size_t(row)];
        const QString path = QStringLiteral("taxonomy[%1]").arg(row);
        markItem(putCell(m_table, row, NameColumn, category.name),
                 issuesAt(issues, path + QStringLiteral(".name")));
        markItem(putCell(m_table, row, ActionColumn, category.recommendedAction),
                 issuesAt(issues, path + QStringLiteral(".recommended_action")),
                 category.recommendedAction);
        putCheck(m_table, row, AvoidableColumn, category.avoidable);
    }
    m_badge->setIssues(issuesAt(issues, QStringLiteral("taxonomy")));
    m_count->setText(tr("%1 categories (keep 8–12)").arg(taxonomy.size()));
    enableEditing(m_add);
    enableEditing(m_remove, m_table->currentRow() >= 0);
}

void TaxonomyEditor::cellEdited(int row, int column) {
    const QTableWidgetItem* item = m_table->item(row, column);
    if (!item || row >= int(document()->matrix().taxonomy.size())) {
        return;
    }
    const auto r = std::size_t(row);
    const QString text = item->text().trimmed();
    const QString name = document()->matrix().taxonomy[r].name;
    if (column == NameColumn) {
        document()->edit(tr("Rename the category “%1” to “%2”").arg(name, text),
                         [&](matrix::Matrix& m) { m.taxonomy[r].name = text; });
    } else if (column == AvoidableColumn) {
        const bool avoidable = item->checkState() == Qt::Checked;
        document()->edit((avoidable ? tr("Mark the category “%1” avoidable")
                                    : tr("Mark the category “%1” not avoidable"))
                             .arg(name),
                         [&](matrix::Matrix& m) { m.taxonomy[r].avoidable = avoidable; });
    } else {
        document()->edit(tr("Change the recommended action for “%1”").arg(name),
                         [&](matrix::Matrix& m) { m.taxonomy[r].recommendedAction = text; });
    }
    refresh();
}

void TaxonomyEditor::addCategory() {
    document()->edit(tr("Add a root-cause category"), [&](matrix::Matrix& m) {
        m.taxonomy.push_back({tr("New category"), QString()});
    });
    m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
}

void TaxonomyEditor::removeCategory() {
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(document()->matrix().taxonomy.size())) {
        return;
    }
    document()->edit(
        tr("Remove the category “%1”").arg(document()->matrix().taxonomy[std::size_t(row)].name),
        [&](matrix::Matrix& m) { m.taxonomy.erase(m.taxonomy.begin() + row); });
}

bool TaxonomyEditor::reveal(const QString& path) {
    const auto parts = pathParts(path);
    if (parts.empty() || parts[0].first != QLatin1String("taxonomy")) {
        return false;
    }
    if (parts[0].second >= 0 && parts[0].second < m_table->rowCount()) {
        const int column = parts.size() > 1 && parts[1].first == QLatin1String("recommended_action")
                               ? ActionColumn
                               : NameColumn;
        m_table->setCurrentCell(parts[0].second, column);
    }
    m_table->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace escdesk::ui

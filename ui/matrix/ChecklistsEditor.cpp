#include "matrix/ChecklistsEditor.h"

#include "matrix/MatrixDocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

// A stable key for an item, from its text ("Logs attached" → logs_attached),
// made unique within the checklist.
QString itemIdFor(const QString& text, const matrix::Checklist& checklist) {
    QString base =
        text.toLower()
            .replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"))
            .left(32);
    base.remove(QRegularExpression(QStringLiteral("^_+|_+$")));
    if (base.isEmpty()) {
        base = QStringLiteral("item");
    }
    QString id = base;
    for (int n = 2; std::any_of(checklist.items.begin(), checklist.items.end(),
                                [&](const auto& item) { return item.id == id; });
         ++n) {
        id = QStringLiteral("%1_%2").arg(base).arg(n);
    }
    return id;
}

} // namespace

ChecklistsEditor::ChecklistsEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_transition(new QComboBox(this))
    , m_badge(new IssueBadge(this))
    , m_items(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_addChecklist(
          toolButton(tr("Add checklist"), tr("Add a checklist for another transition"), this))
    , m_add(toolButton(tr("Add item"), tr("Add an item to the checklist"), this))
    , m_remove(toolButton(tr("Remove"), tr("Remove the selected item"), this))
    , m_up(toolButton(tr("Move up"), tr("Move the selected item up"), this))
    , m_down(toolButton(tr("Move down"), tr("Move the selected item down"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(hint(tr("What an agent must check before escalating. A ticket whose "
                              "required items are not all ticked is shown as not ready in the "
                              "Escalations page. Item ids keep ticks when the text changes."),
                           this));
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("Transition"), this);
    label->setBuddy(m_transition);
    m_transition->setAccessibleName(tr("Transition"));
    m_transition->setMinimumWidth(200);
    top->addWidget(label);
    top->addWidget(m_transition);
    top->addWidget(m_badge);
    top->addWidget(m_addChecklist);
    top->addStretch();
    for (QToolButton* button : {m_add, m_remove, m_up, m_down}) {
        top->addWidget(button);
    }
    layout->addLayout(top);

    setupTable(m_items);
    m_items->setAccessibleName(tr("Checklist items"));
    m_items->setHorizontalHeaderLabels({tr("Item"), tr("Required"), tr("Id")});
    m_items->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_items->horizontalHeader()->setStretchLastSection(false);
    m_items->setColumnWidth(RequiredColumn, 90);
    m_items->setColumnWidth(IdColumn, 160);
    layout->addWidget(m_items, 1);
    m_summary->setObjectName(QStringLiteral("footnote"));
    layout->addWidget(m_summary);

    connect(m_transition, &QComboBox::currentIndexChanged, this, &ChecklistsEditor::showSelected);
    connect(m_items, &QTableWidget::cellChanged, this, &ChecklistsEditor::itemEdited);
    connect(m_add, &QToolButton::clicked, this, [this] { addItem(tr("New item"), true); });
    connect(m_remove, &QToolButton::clicked, this, &ChecklistsEditor::removeItem);
    connect(m_up, &QToolButton::clicked, this, [this] { moveItem(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveItem(1); });
    connect(m_addChecklist, &QToolButton::clicked, this, &ChecklistsEditor::addChecklist);
    removeOnDelete(m_items, [this] { removeItem(); });
    refresh();
}

int ChecklistsEditor::selectedChecklist() const {
    const int index = m_transition->currentIndex();
    return index >= 0 && index < int(document()->matrix().checklists.size()) ? index : -1;
}

void ChecklistsEditor::refresh() {
    const auto& checklists = document()->matrix().checklists;
    {
        const QSignalBlocker block(m_transition);
        const int current = m_transition->currentIndex();
        m_transition->clear();
        for (const matrix::Checklist& checklist : checklists) {
            m_transition->addItem(checklist.name());
        }
        m_transition->setCurrentIndex(current >= 0 && current < m_transition->count() ? current
                                      : m_transition->count() > 0                     ? 0
                                                                                      : -1);
    }
    showSelected();
}

void ChecklistsEditor::showSelected() {
    const int index = selectedChecklist();
    const matrix::Checklist checklist =
        index >= 0 ? document()->matrix().checklists[std::size_t(index)] : matrix::Checklist{};
    const auto& issues = document()->issues();
    const QString path = QStringLiteral("checklists[%1]").arg(index);
    // The selected checklist's own issues, and a missing transition's.
    IssueList found = issuesAt(issues, QStringLiteral("checklists"));
    if (index >= 0) {
        const IssueList own = issuesAt(issues, path + QStringLiteral(".items"));
        found.insert(found.end(), own.begin(), own.end());
    }
    m_badge->setIssues(found);
    const QSignalBlocker block(m_items);
    const int currentRow = m_items->currentRow();
    m_items->setRowCount(int(checklist.items.size()));
    int required = 0;
    for (int row = 0; row < int(checklist.items.size()); ++row) {
        const matrix::ChecklistItem& item = checklist.items[std::size_t(row)];
        const QString where = path + QStringLiteral(".items[%1]").arg(row);
        markItem(putCell(m_items, row, TextColumn, item.text),
                 issuesAt(issues, where + QStringLiteral(".text")));
        putCheck(m_items, row, RequiredColumn, item.required);
        QTableWidgetItem* id = putCell(m_items, row, IdColumn, item.id, false);
        id->setForeground(palette().color(QPalette::PlaceholderText));
        markItem(id, issuesAt(issues, where + QStringLiteral(".id")));
        required += item.required ? 1 : 0;
    }
    if (currentRow >= 0 && currentRow < m_items->rowCount()) {
        m_items->setCurrentCell(currentRow, TextColumn);
    }
    m_summary->setText(tr("%1 items, %2 required").arg(checklist.items.size()).arg(required));
    const int row = m_items->currentRow();
    enableEditing({m_addChecklist, m_add});
    enableEditing(m_remove, row >= 0);
    enableEditing(m_up, row > 0);
    enableEditing(m_down, row >= 0 && row + 1 < m_items->rowCount());
}

void ChecklistsEditor::itemEdited(int row, int column) {
    const int index = selectedChecklist();
    const QTableWidgetItem* cellItem = m_items->item(row, column);
    if (index < 0 || !cellItem) {
        return;
    }
    const auto c = std::size_t(index);
    const auto r = std::size_t(row);
    const QString name = document()->matrix().checklists[c].name();
    if (column == TextColumn) {
        const QString text = cellItem->text().trimmed();
        document()->edit(tr("Change an item of the %1 checklist").arg(name),
                         [&](matrix::Matrix& m) { m.checklists[c].items[r].text = text; });
    } else if (column == RequiredColumn) {
        const bool required = cellItem->checkState() == Qt::Checked;
        document()->edit((required ? tr("Make an item of the %1 checklist required")
                                   : tr("Make an item of the %1 checklist optional"))
                             .arg(name),
                         [&](matrix::Matrix& m) { m.checklists[c].items[r].required = required; });
    }
    showSelected();
}

void ChecklistsEditor::addItem(const QString& text, bool required) {
    const int index = selectedChecklist();
    if (index < 0) {
        return;
    }
    const auto c = std::size_t(index);
    document()->edit(
        tr("Add an item to the %1 checklist").arg(document()->matrix().checklists[c].name()),
        [&](matrix::Matrix& m) {
            m.checklists[c].items.push_back({itemIdFor(text, m.checklists[c]), text, required});
        });
    m_items->setCurrentCell(m_items->rowCount() - 1, TextColumn);
}

void ChecklistsEditor::removeItem() {
    const int index = selectedChecklist();
    const int row = m_items->currentRow();
    if (index < 0 || row < 0) {
        return;
    }
    const auto c = std::size_t(index);
    document()->edit(
        tr("Remove an item from the %1 checklist").arg(document()->matrix().checklists[c].name()),
        [&](matrix::Matrix& m) {
            m.checklists[c].items.erase(m.checklists[c].items.begin() + row);
        });
}

void ChecklistsEditor::moveItem(int delta) {
    const int index = selectedChecklist();
    const int row = m_items->currentRow();
    const int to = row + delta;
    if (index < 0 || row < 0 || to < 0 || to >= m_items->rowCount()) {
        return;
    }
    const auto c = std::size_t(index);
    document()->edit(tr("Reorder the %1 checklist").arg(document()->matrix().checklists[c].name()),
                     [&](matrix::Matrix& m) {
                         std::swap(m.checklists[c].items[std::size_t(row)],
                                   m.checklists[c].items[std::size_t(to)]);
                     });
    m_items->setCurrentCell(to, TextColumn);
    showSelected();
}

void ChecklistsEditor::addChecklist() {
    // The standard transitions first, then Tier 3 → Management.
    for (const auto& [from, to] : {std::pair{1, 2}, std::pair{2, 3}, std::pair{3, 4}}) {
        if (!document()->matrix().checklistFor(from, to)) {
            matrix::Checklist checklist;
            checklist.fromTier = from;
            checklist.toTier = to;
            checklist.items.push_back(
                {QStringLiteral("effort_summary"), tr("Summary of what was tried"), true});
            document()->edit(tr("Add the %1 checklist").arg(checklist.name()),
                             [&](matrix::Matrix& m) { m.checklists.push_back(checklist); });
            m_transition->setCurrentIndex(m_transition->count() - 1);
            return;
        }
    }
}

bool ChecklistsEditor::reveal(const QString& path) {
    const auto parts = pathParts(path);
    if (parts.empty() || parts[0].first != QLatin1String("checklists")) {
        return false;
    }
    if (parts[0].second >= 0) {
        m_transition->setCurrentIndex(parts[0].second);
    }
    if (parts.size() > 1 && parts[1].first == QLatin1String("items") && parts[1].second >= 0 &&
        parts[1].second < m_items->rowCount()) {
        m_items->setCurrentCell(parts[1].second, TextColumn);
    }
    m_items->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace escdesk::ui

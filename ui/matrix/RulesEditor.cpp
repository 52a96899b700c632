#include "matrix/RulesEditor.h"

#include "ShownText.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

using matrix::Condition;
using matrix::ConditionOperator;
using matrix::SeverityRule;

constexpr ConditionOperator allOperators[] = {
    ConditionOperator::Equals,       ConditionOperator::OneOf,
    ConditionOperator::ContainsWord, ConditionOperator::MatchesAnyKeyword,
    ConditionOperator::AtLeast,      ConditionOperator::AtMost,
    ConditionOperator::Within,       ConditionOperator::IsEmpty};

QStringList operatorLabels() {
    QStringList labels;
    for (const ConditionOperator op : allOperators) {
        labels << RulesEditor::operatorLabel(op);
    }
    return labels;
}

ConditionOperator operatorOfLabel(const QString& label) {
    for (const ConditionOperator op : allOperators) {
        if (RulesEditor::operatorLabel(op) == label) {
            return op;
        }
    }
    return matrix::parseOperator(label).value_or(ConditionOperator::Equals);
}

QStringList fieldNames() {
    QStringList names;
    for (const matrix::RuleField& field : matrix::ruleFields()) {
        names << field.name;
    }
    return names;
}

QString ruleText(int index, const SeverityRule& rule) {
    return QStringLiteral("%1.  %2\n      %3 → %4")
        .arg(index + 1)
        .arg(rule.name.isEmpty() ? RulesEditor::tr("(unnamed rule)") : rule.name, rule.priority,
             display::tier(rule.targetTier));
}

// Paints a rule as its position, its name and, below, the priority (as a
// coloured dot) and the tier it sends tickets to.
class RuleItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        return {200, option.fontMetrics.lineSpacing() * 2 + 16};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        background.icon = QIcon();
        option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter,
                                            option.widget);
        const QStringList parts = index.data(Qt::UserRole + 1).toStringList();
        if (parts.size() != 4) {
            return;
        }
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect area = option.rect.adjusted(10, 6, -10, -6);
        const int line = option.fontMetrics.lineSpacing();
        // The position in a circle.
        const QRect badge(area.left(), area.top() + 2, 22, 22);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xe4, 0xe9, 0xf2));
        painter->drawEllipse(badge);
        painter->setPen(QColor(0x3e, 0x4c, 0x59));
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, parts[0]);
        const int textLeft = badge.right() + 10;
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        const int iconSpace = icon.isNull() ? 0 : 22;
        painter->setPen(QColor(0x1f, 0x29, 0x33));
        painter->drawText(QRect(textLeft, area.top(), area.right() - textLeft - iconSpace, line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(parts[1], Qt::ElideRight,
                                                        area.right() - textLeft - iconSpace));
        QColor dot = display::priorityColour(parts[2]);
        if (!dot.isValid()) {
            dot = parts[2] == QLatin1String("Medium") ? QColor(0x2f, 0x6f, 0xdd)
                                                      : QColor(0x7b, 0x87, 0x94);
        }
        const int second = area.top() + line + 4;
        painter->setPen(Qt::NoPen);
        painter->setBrush(dot);
        painter->drawEllipse(QRect(textLeft, second + line / 2 - 4, 8, 8));
        painter->setFont(option.font);
        painter->setPen(QColor(0x52, 0x60, 0x6d));
        painter->drawText(QRect(textLeft + 14, second, area.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral("%1  →  %2").arg(parts[2], parts[3]));
        if (!icon.isNull()) {
            icon.paint(painter, QRect(area.right() - 16, area.top() + 2, 16, 16));
        }
        painter->restore();
    }
};

QString ruleName(const matrix::Matrix& m, int index) {
    return QStringLiteral("“%1”").arg(m.rules[std::size_t(index)].name);
}

} // namespace

QString RulesEditor::operatorLabel(ConditionOperator op) {
    switch (op) {
    case ConditionOperator::Equals:
        return tr("equals");
    case ConditionOperator::OneOf:
        return tr("is one of");
    case ConditionOperator::ContainsWord:
        return tr("contains the word");
    case ConditionOperator::MatchesAnyKeyword:
        return tr("matches any keyword");
    case ConditionOperator::AtLeast:
        return tr("is at least");
    case ConditionOperator::AtMost:
        return tr("is at most");
    case ConditionOperator::Within:
        return tr("is within");
    case ConditionOperator::IsEmpty:
        return tr("is empty");
    }
    return {};
}

RulesEditor::RulesEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_rules(new QListWidget(this))
    , m_listBadge(new IssueBadge(this))
    , m_name(new QLineEdit(this))
    , m_nameBadge(new IssueBadge(this))
    , m_priority(new QComboBox(this))
    , m_priorityBadge(new IssueBadge(this))
    , m_tier(new QComboBox(this))
    , m_tierBadge(new IssueBadge(this))
    , m_action(new QLineEdit(this))
    , m_conditions(new QTableWidget(0, ConditionColumnCount, this))
    , m_conditionsBadge(new IssueBadge(this))
    , m_fieldHelp(new QLabel(this))
    , m_up(toolButton(tr("Move up"), tr("Move the rule up: it is tried earlier"), this))
    , m_down(toolButton(tr("Move down"), tr("Move the rule down: it is tried later"), this))
    , m_add(toolButton(tr("Add rule"), tr("Add a rule before the catch-all"), this))
    , m_remove(toolButton(tr("Remove"), tr("Remove the selected rule"), this))
    , m_duplicate(toolButton(tr("Duplicate"), tr("Copy the selected rule"), this))
    , m_addCondition(toolButton(tr("Add condition"), tr("Add a condition to the rule"), this))
    , m_removeCondition(
          toolButton(tr("Remove condition"), tr("Remove the selected condition"), this))
    , m_detail(new QWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(hint(tr("Rules are tried in order; the first rule whose conditions all hold "
                              "gives the ticket its priority, target tier and action. Drag a rule "
                              "to change the order. End with a rule without conditions as the "
                              "catch-all."),
                           this));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* listButtons = new QHBoxLayout;
    for (QToolButton* button : {m_add, m_duplicate, m_remove}) {
        listButtons->addWidget(button);
    }
    listButtons->addWidget(m_listBadge); // issues of the list as a whole
    listButtons->addStretch();
    for (QToolButton* button : {m_up, m_down}) {
        listButtons->addWidget(button);
    }
    leftLayout->addLayout(listButtons);
    m_rules->setAccessibleName(tr("Severity rules in order"));
    m_rules->setDragDropMode(QAbstractItemView::InternalMove);
    m_rules->setDefaultDropAction(Qt::MoveAction);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setAlternatingRowColors(true);
    m_rules->setItemDelegate(new RuleItemDelegate(m_rules));
    m_rules->setMinimumWidth(300);
    leftLayout->addWidget(m_rules, 1);
    splitter->addWidget(left);

    auto* detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(12, 0, 0, 0);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto withBadge = [this](QWidget* field, IssueBadge* badge, bool stretch = true) {
        auto* row = new QWidget(m_detail);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(field, stretch ? 1 : 0);
        rowLayout->addWidget(badge);
        if (!stretch) {
            rowLayout->addStretch();
        }
        return row;
    };
    m_name->setAccessibleName(tr("Rule name"));
    m_priority->setAccessibleName(tr("Priority"));
    m_priority->addItems(matrix::priorities);
    m_priority->setMinimumWidth(140);
    m_tier->setAccessibleName(tr("Target tier"));
    m_tier->setMinimumWidth(260);
    m_action->setAccessibleName(tr("Action"));
    m_action->setPlaceholderText(tr("What the agent should do"));
    form->addRow(tr("Name"), withBadge(m_name, m_nameBadge));
    form->addRow(tr("Priority"), withBadge(m_priority, m_priorityBadge, false));
    form->addRow(tr("Target tier"), withBadge(m_tier, m_tierBadge, false));
    form->addRow(tr("Action"), m_action);
    detailLayout->addLayout(form);

    auto* conditionsHeader = new QHBoxLayout;
    auto* conditionsTitle = new QLabel(tr("Conditions — all must hold"), m_detail);
    conditionsTitle->setObjectName(QStringLiteral("sectionTitle"));
    conditionsHeader->addWidget(conditionsTitle);
    conditionsHeader->addWidget(m_conditionsBadge);
    conditionsHeader->addStretch();
    conditionsHeader->addWidget(m_addCondition);
    conditionsHeader->addWidget(m_removeCondition);
    detailLayout->addSpacing(6);
    detailLayout->addLayout(conditionsHeader);
    setupTable(m_conditions);
    m_conditions->setAccessibleName(tr("Conditions"));
    m_conditions->setHorizontalHeaderLabels({tr("Field"), tr("Operator"), tr("Value")});
    m_conditions->setItemDelegateForColumn(FieldColumn,
                                           new ChoiceDelegate(fieldNames(), this, true));
    m_conditions->setItemDelegateForColumn(OperatorColumn,
                                           new ChoiceDelegate(operatorLabels(), this));
    m_conditions->setColumnWidth(FieldColumn, 190);
    m_conditions->setColumnWidth(OperatorColumn, 180);
    detailLayout->addWidget(m_conditions, 1);
    m_fieldHelp->setObjectName(QStringLiteral("footnote"));
    m_fieldHelp->setWordWrap(true);
    detailLayout->addWidget(m_fieldHelp);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_rules, &QListWidget::currentRowChanged, this, &RulesEditor::showSelected);
    connect(m_rules->model(), &QAbstractItemModel::rowsMoved, this, &RulesEditor::listReordered);
    // Whatever else a drop does to the list's items, the list shows the
    // document's rules again once it is over.
    for (const auto signal :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_rules->model(), signal, this, [this] {
            QTimer::singleShot(0, this, [this] {
                if (m_rules->count() != int(this->document()->matrix().rules.size())) {
                    refresh();
                }
            });
        });
    }
    connect(m_name, &QLineEdit::editingFinished, this, &RulesEditor::commitName);
    connect(m_action, &QLineEdit::editingFinished, this, &RulesEditor::commitAction);
    connect(m_priority, &QComboBox::activated, this, &RulesEditor::commitPriority);
    connect(m_tier, &QComboBox::activated, this, &RulesEditor::commitTier);
    connect(m_conditions, &QTableWidget::cellChanged, this, &RulesEditor::conditionEdited);
    connect(m_conditions, &QTableWidget::currentCellChanged, this, &RulesEditor::showFieldHelp);
    connect(m_add, &QToolButton::clicked, this, &RulesEditor::addRule);
    connect(m_duplicate, &QToolButton::clicked, this, &RulesEditor::duplicateRule);
    connect(m_remove, &QToolButton::clicked, this, &RulesEditor::removeRule);
    connect(m_up, &QToolButton::clicked, this, [this] {
        const int index = selectedRule();
        moveRule(index, index - 1);
    });
    connect(m_down, &QToolButton::clicked, this, [this] {
        const int index = selectedRule();
        moveRule(index, index + 1);
    });
    connect(m_addCondition, &QToolButton::clicked, this, &RulesEditor::addCondition);
    connect(m_removeCondition, &QToolButton::clicked, this, &RulesEditor::removeCondition);
    removeOnDelete(m_rules, [this] { removeRule(); });
    removeOnDelete(m_conditions, [this] { removeCondition(); });
    refresh();
}

int RulesEditor::selectedRule() const {
    const int row = m_rules->currentRow();
    return row >= 0 && row < int(document()->matrix().rules.size()) ? row : -1;
}

void RulesEditor::selectRule(int index) {
    m_rules->setCurrentRow(index);
}

void RulesEditor::refresh() {
    const auto& rules = document()->matrix().rules;
    const auto& issues = document()->issues();
    {
        // The list's own signals only: its view must still hear the model.
        const QSignalBlocker block(m_rules);
        const int current = m_rules->currentRow();
        while (m_rules->count() > int(rules.size())) {
            delete m_rules->takeItem(m_rules->count() - 1);
        }
        while (m_rules->count() < int(rules.size())) {
            auto* item = new QListWidgetItem(m_rules);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        for (int i = 0; i < int(rules.size()); ++i) {
            QListWidgetItem* item = m_rules->item(i);
            const SeverityRule& rule = rules[std::size_t(i)];
            item->setText(shown::text(ruleText(i, rule))); // for accessibility and tests
            item->setData(
                Qt::UserRole + 1,
                QStringList{QString::number(i + 1),
                            rule.name.isEmpty() ? tr("(unnamed rule)") : shown::text(rule.name),
                            rule.priority, display::tier(rule.targetTier)});
            item->setData(Qt::UserRole, i);
            const IssueList found =
                issuesAt(issues, QStringLiteral("severity_rules[%1]").arg(i), true);
            item->setIcon(found.empty()
                              ? QIcon()
                              : issueIcon(hasError(found)
                                              ? matrix::ValidationIssue::Severity::Error
                                              : matrix::ValidationIssue::Severity::Warning));
            item->setToolTip(shown::toolTip(found.empty() ? rule.action : issueTooltip(found)));
            item->setForeground(QBrush());
        }
        m_rules->setCurrentRow(current >= 0 && current < m_rules->count() ? current
                               : m_rules->count() > 0                     ? 0
                                                                          : -1);
    }
    m_listBadge->setIssues(issuesAt(issues, QStringLiteral("severity_rules")));
    // Rules are reordered by dragging only where the order can be saved.
    m_rules->setDragDropMode(canEdit() ? QAbstractItemView::InternalMove
                                       : QAbstractItemView::NoDragDrop);
    enableEditing(m_add);
    {
        const QSignalBlocker block(m_tier);
        m_tier->clear();
        for (const matrix::TierDefinition& tier : document()->matrix().tiers) {
            const QString level = display::tier(tier.level);
            m_tier->addItem(tier.name.startsWith(level)
                                ? tier.name
                                : QStringLiteral("%1 — %2").arg(level, tier.name),
                            tier.level);
        }
    }
    showSelected();
}

void RulesEditor::showSelected() {
    const int index = selectedRule();
    m_detail->setEnabled(index >= 0);
    enableEditing({m_remove, m_duplicate, m_name, m_priority, m_tier, m_action, m_addCondition},
                  index >= 0);
    enableEditing(m_up, index > 0);
    enableEditing(m_down, index >= 0 && index + 1 < int(document()->matrix().rules.size()));
    const SeverityRule rule =
        index >= 0 ? document()->matrix().rules[std::size_t(index)] : SeverityRule{};
    const auto& issues = document()->issues();
    const QString path = QStringLiteral("severity_rules[%1]").arg(index);
    if (m_name->text() != rule.name) {
        m_name->setText(rule.name);
    }
    if (m_action->text() != rule.action) {
        m_action->setText(rule.action);
    }
    markLineEdit(m_action, issuesAt(issues, path + QStringLiteral(".action")));
    markLineEdit(m_name, issuesAt(issues, path + QStringLiteral(".name")));
    // Whole-rule messages (shadowed by an earlier rule) go beside the name.
    m_nameBadge->setIssues(issuesAt(issues, path));
    {
        const QSignalBlocker block(m_priority);
        m_priority->setCurrentIndex(m_priority->findText(rule.priority));
    }
    m_priorityBadge->setIssues(issuesAt(issues, path + QStringLiteral(".priority")));
    {
        const QSignalBlocker block(m_tier);
        m_tier->setCurrentIndex(m_tier->findData(rule.targetTier));
    }
    m_tierBadge->setIssues(issuesAt(issues, path + QStringLiteral(".target_tier")));
    m_conditionsBadge->setIssues(issuesAt(issues, path + QStringLiteral(".conditions")));

    const QSignalBlocker block(m_conditions);
    const int currentRow = m_conditions->currentRow();
    const int currentColumn = std::max(0, m_conditions->currentColumn());
    m_conditions->setRowCount(int(rule.conditions.size()));
    for (int row = 0; row < int(rule.conditions.size()); ++row) {
        const Condition& condition = rule.conditions[std::size_t(row)];
        const QString where = path + QStringLiteral(".conditions[%1]").arg(row);
        markItem(putCell(m_conditions, row, FieldColumn, condition.field),
                 issuesAt(issues, where + QStringLiteral(".field")));
        putCell(m_conditions, row, OperatorColumn, operatorLabel(condition.op));
        markItem(putCell(m_conditions, row, ValueColumn,
                         condition.op == ConditionOperator::IsEmpty ? QString() : condition.value,
                         condition.op != ConditionOperator::IsEmpty),
                 issuesAt(issues, where + QStringLiteral(".value")));
    }
    if (currentRow >= 0 && currentRow < m_conditions->rowCount()) {
        m_conditions->setCurrentCell(currentRow, currentColumn);
    }
    enableEditing(m_removeCondition, index >= 0 && !rule.conditions.empty());
    showFieldHelp();
}

void RulesEditor::showFieldHelp() {
    const int row = m_conditions->currentRow();
    const QTableWidgetItem* item = row >= 0 ? m_conditions->item(row, FieldColumn) : nullptr;
    QString help = tr("Keywords match whole words, ignoring case and simple plurals (“outages” "
                      "matches “outage”). Separate several values with commas.");
    if (item) {
        for (const matrix::RuleField& field : matrix::ruleFields()) {
            if (field.name == item->text()) {
                help = QStringLiteral("%1: %2. ").arg(field.name, field.description) + help;
            }
        }
    }
    m_fieldHelp->setText(help);
}

void RulesEditor::listReordered() {
    // Each item carries the position it had: a drag moved one item, from
    // one end of the changed range to the other.
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_rules->count(); ++row) {
        if (m_rules->item(row)->data(Qt::UserRole).toInt() != row) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    if (first < 0) {
        return;
    }
    const int atFirst = m_rules->item(first)->data(Qt::UserRole).toInt();
    if (atFirst == last) {
        moveRule(last, first); // dragged up
    } else {
        moveRule(first, last); // dragged down
    }
}

void RulesEditor::moveRule(int from, int to) {
    const int count = int(document()->matrix().rules.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to) {
        refresh();
        return;
    }
    const QString name = ruleName(document()->matrix(), from);
    document()->edit(tr("Move rule %1 to position %2").arg(name).arg(to + 1),
                     [&](matrix::Matrix& m) {
                         SeverityRule rule = m.rules[std::size_t(from)];
                         m.rules.erase(m.rules.begin() + from);
                         m.rules.insert(m.rules.begin() + to, rule);
                     });
    m_rules->setCurrentRow(to);
}

void RulesEditor::commitName() {
    const int index = selectedRule();
    if (index < 0) {
        return;
    }
    document()->edit(
        tr("Rename rule %1").arg(ruleName(document()->matrix(), index)),
        [&](matrix::Matrix& m) { m.rules[std::size_t(index)].name = m_name->text().trimmed(); },
        QStringLiteral("severity_rules[%1].name").arg(index));
}

void RulesEditor::commitAction() {
    const int index = selectedRule();
    if (index < 0) {
        return;
    }
    document()->edit(
        tr("Change the action of rule %1").arg(ruleName(document()->matrix(), index)),
        [&](matrix::Matrix& m) { m.rules[std::size_t(index)].action = m_action->text().trimmed(); },
        QStringLiteral("severity_rules[%1].action").arg(index));
}

void RulesEditor::commitPriority() {
    const int index = selectedRule();
    if (index < 0) {
        return;
    }
    document()->edit(tr("Set the priority of rule %1 to %2")
                         .arg(ruleName(document()->matrix(), index), m_priority->currentText()),
                     [&](matrix::Matrix& m) {
                         m.rules[std::size_t(index)].priority = m_priority->currentText();
                     });
}

void RulesEditor::commitTier() {
    const int index = selectedRule();
    if (index < 0 || m_tier->currentIndex() < 0) {
        return;
    }
    const int level = m_tier->currentData().toInt();
    document()->edit(
        tr("Send rule %1 to %2").arg(ruleName(document()->matrix(), index), display::tier(level)),
        [&](matrix::Matrix& m) { m.rules[std::size_t(index)].targetTier = level; });
}

void RulesEditor::conditionEdited(int row, int column) {
    const int index = selectedRule();
    const QTableWidgetItem* item = m_conditions->item(row, column);
    if (index < 0 || !item) {
        return;
    }
    const QString text = item->text().trimmed();
    const QString name = ruleName(document()->matrix(), index);
    const auto rule = std::size_t(index);
    const auto c = std::size_t(row);
    if (column == FieldColumn) {
        document()->edit(tr("Test %1 in rule %2").arg(text, name),
                         [&](matrix::Matrix& m) { m.rules[rule].conditions[c].field = text; });
    } else if (column == OperatorColumn) {
        document()->edit(tr("Change an operator of rule %1").arg(name), [&](matrix::Matrix& m) {
            m.rules[rule].conditions[c].op = operatorOfLabel(text);
        });
    } else {
        document()->edit(tr("Change a condition value of rule %1").arg(name),
                         [&](matrix::Matrix& m) { m.rules[rule].conditions[c].value = text; });
    }
    showSelected();
}

void RulesEditor::addRule() {
    // A new rule goes before the catch-all, where it can fire.
    const auto& rules = document()->matrix().rules;
    int at = int(rules.size());
    if (!rules.empty() && rules.back().conditions.empty()) {
        at = int(rules.size()) - 1;
    }
    document()->edit(tr("Add a severity rule"), [&](matrix::Matrix& m) {
        SeverityRule rule;
        rule.name = tr("New rule");
        rule.priority = QStringLiteral("High");
        rule.targetTier = 2;
        rule.conditions.push_back({QStringLiteral("text"), ConditionOperator::MatchesAnyKeyword,
                                   QStringLiteral("keyword")});
        m.rules.insert(m.rules.begin() + at, rule);
    });
    m_rules->setCurrentRow(at);
}

void RulesEditor::duplicateRule() {
    const int index = selectedRule();
    if (index < 0) {
        return;
    }
    document()->edit(tr("Duplicate rule %1").arg(ruleName(document()->matrix(), index)),
                     [&](matrix::Matrix& m) {
                         SeverityRule copy = m.rules[std::size_t(index)];
                         copy.name = tr("%1 (copy)").arg(copy.name);
                         m.rules.insert(m.rules.begin() + index + 1, copy);
                     });
    m_rules->setCurrentRow(index + 1);
}

void RulesEditor::removeRule() {
    const int index = selectedRule();
    if (index < 0) {
        return;
    }
    document()->edit(tr("Remove rule %1").arg(ruleName(document()->matrix(), index)),
                     [&](matrix::Matrix& m) { m.rules.erase(m.rules.begin() + index); });
}

void RulesEditor::addCondition() {
    const int index = selectedRule();
    if (index < 0) {
        return;
    }
    document()->edit(tr("Add a condition to rule %1").arg(ruleName(document()->matrix(), index)),
                     [&](matrix::Matrix& m) {
                         m.rules[std::size_t(index)].conditions.push_back(
                             {QStringLiteral("text"), ConditionOperator::MatchesAnyKeyword,
                              QStringLiteral("keyword")});
                     });
    m_conditions->setCurrentCell(m_conditions->rowCount() - 1, ValueColumn);
}

void RulesEditor::removeCondition() {
    const int index = selectedRule();
    const int row = m_conditions->currentRow();
    if (index < 0 || row < 0 ||
        row >= int(document()->matrix().rules[std::size_t(index)].conditions.size())) {
        return;
    }
    document()->edit(
        tr("Remove a condition from rule %1").arg(ruleName(document()->matrix(), index)),
        [&](matrix::Matrix& m) {
            auto& conditions = m.rules[std::size_t(index)].conditions;
            conditions.erase(conditions.begin() + row);
        });
}

bool RulesEditor::reveal(const QString& path) {
    const auto parts = pathParts(path);
    if (parts.empty() || parts[0].first != QLatin1String("severity_rules")) {
        return false;
    }
    if (parts[0].second >= 0) {
        m_rules->setCurrentRow(parts[0].second);
    }
    if (parts.size() > 1 && parts[1].first == QLatin1String("conditions")) {
        const int row = std::max(0, parts[1].second);
        const int column = parts.size() > 2 && parts[2].first == QLatin1String("field")
                               ? FieldColumn
                               : ValueColumn;
        if (row < m_conditions->rowCount()) {
            m_conditions->setCurrentCell(row, column);
        }
        m_conditions->setFocus(Qt::OtherFocusReason);
    } else if (parts.size() > 1 && parts[1].first == QLatin1String("priority")) {
        m_priority->setFocus(Qt::OtherFocusReason);
    } else if (parts.size() > 1 && parts[1].first == QLatin1String("target_tier")) {
        m_tier->setFocus(Qt::OtherFocusReason);
    } else if (parts.size() > 1 && parts[1].first == QLatin1String("action")) {
        m_action->setFocus(Qt::OtherFocusReason);
    } else {
        m_name->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

} // namespace escdesk::ui

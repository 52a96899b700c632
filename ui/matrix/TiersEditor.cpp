#include "matrix/TiersEditor.h"

#include "ShownText.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"

#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

using matrix::TierDefinition;

QString levelName(int level) {
    return level == 4 ? TiersEditor::tr("Management") : TiersEditor::tr("Tier %1").arg(level);
}

QString escalationName(TierDefinition::Escalation escalation) {
    return escalation == TierDefinition::Escalation::Functional ? TiersEditor::tr("Functional")
                                                                : TiersEditor::tr("Hierarchical");
}

} // namespace

TiersEditor::TiersEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_path(new QWidget(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_responsibility(new QLineEdit(this))
    , m_triggers(new QLineEdit(this))
    , m_add(toolButton(tr("Add tier"), tr("Add the next tier level"), this))
    , m_remove(toolButton(tr("Remove"), tr("Remove the selected tier"), this))
    , m_badge(new IssueBadge(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(hint(tr("Who handles what at each tier. Functional escalation moves a ticket "
                              "to more expertise; hierarchical escalation brings in authority. "
                              "Every tier needs an owner and a backup contact."),
                           this));
    // The escalation path at a glance: one card per tier, in level order.
    m_path->setObjectName(QStringLiteral("tierPath"));
    m_path->setStyleSheet(QStringLiteral(
        "QFrame#tierCard { background: palette(base); border: 1px solid palette(mid); "
        "border-radius: 6px; }"
        "QFrame#tierCard QLabel { background: transparent; border: none; }"
        "QLabel#tierLevel { color: #7b8794; font-size: 8.5pt; font-weight: 600; }"
        "QLabel#tierName { font-size: 10.5pt; font-weight: 600; color: palette(text); }"
        "QLabel#tierArrow { color: #9fb3d1; font-size: 16pt; }"));
    auto* pathLayout = new QHBoxLayout(m_path);
    pathLayout->setContentsMargins(0, 4, 0, 4);
    pathLayout->setSpacing(8);
    layout->addWidget(m_path);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_badge); // a missing tier
    buttons->addStretch();
    layout->addLayout(buttons);

    setupTable(m_table);
    m_table->setAccessibleName(tr("Tiers"));
    m_table->setHorizontalHeaderLabels({tr("Level"), tr("Tier"), tr("Owner"), tr("Backup contact"),
                                        tr("Channel"), tr("Escalation"), tr("Optional"),
                                        tr("Engineering")});
    m_table->horizontalHeaderItem(EngineeringColumn)
        ->setToolTip(tr("The tier engineers work at: escalations reaching it or above count in "
                        "the engineering-time ledger"));
    m_table->setItemDelegateForColumn(
        EscalationColumn, new ChoiceDelegate({tr("Functional"), tr("Hierarchical")}, this));
    const int widths[] = {104, 200, 150, 172, 180, 100, 84, 110};
    for (int column = 0; column < ColumnCount; ++column) {
        m_table->setColumnWidth(column, widths[column]);
    }
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_table);

    auto* detail = new QGroupBox(tr("Selected tier"), this);
    auto* form = new QFormLayout(detail);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_responsibility->setAccessibleName(tr("Responsibility"));
    m_responsibility->setPlaceholderText(tr("What this tier handles"));
    m_triggers->setAccessibleName(tr("Key triggers"));
    m_triggers->setPlaceholderText(tr("When to escalate to it, separated by commas"));
    form->addRow(tr("Responsibility"), m_responsibility);
    form->addRow(tr("Key triggers"), m_triggers);
    layout->addWidget(detail);
    layout->addStretch(1);

    connect(m_table, &QTableWidget::cellChanged, this, &TiersEditor::cellEdited);
    connect(m_table, &QTableWidget::currentCellChanged, this, &TiersEditor::showSelected);
    for (QLineEdit* edit : {m_responsibility, m_triggers}) {
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] { commitDetail(edit); });
    }
    connect(m_add, &QToolButton::clicked, this, &TiersEditor::addTier);
    connect(m_remove, &QToolButton::clicked, this, &TiersEditor::removeTier);
    refresh();
}

int TiersEditor::selectedTier() const {
    const int row = m_table->currentRow();
    return row >= 0 && row < int(document()->matrix().tiers.size()) ? row : -1;
}

void TiersEditor::refresh() {
    const auto& tiers = document()->matrix().tiers;
    const auto& issues = document()->issues();
    const QSignalBlocker block(m_table);
    const int current = m_table->currentRow();
    const int currentColumn = std::max(0, m_table->currentColumn());
    m_table->setRowCount(int(tiers.size()));
    for (int row = 0; row < int(tiers.size()); ++row) {
        const TierDefinition& tier = tiers[std::size_t(row)];
        const QString path = QStringLiteral("tiers[%1]").arg(row);
        markItem(putCell(m_table, row, LevelColumn, levelName(tier.level), false),
                 issuesAt(issues, path + QStringLiteral(".level")));
        putCell(m_table, row, NameColumn, tier.name);
        markItem(putCell(m_table, row, OwnerColumn, tier.owner),
                 issuesAt(issues, path + QStringLiteral(".owner")));
        markItem(putCell(m_table, row, BackupColumn, tier.backup),
                 issuesAt(issues, path + QStringLiteral(".backup")));
        putCell(m_table, row, ChannelColumn, tier.channel);
        putCell(m_table, row, EscalationColumn, escalationName(tier.escalation));
        putCheck(m_table, row, OptionalColumn, tier.optional);
        markItem(putCheck(m_table, row, EngineeringColumn, tier.engineering),
                 issuesAt(issues, path + QStringLiteral(".engineering")));
    }
    if (current >= 0 && current < m_table->rowCount()) {
        m_table->setCurrentCell(current, currentColumn);
    } else if (m_table->rowCount() > 0) {
        m_table->setCurrentCell(0, NameColumn);
    }
    enableEditing(m_add, tiers.size() < 4);
    m_badge->setIssues(issuesAt(issues, QStringLiteral("tiers")));
    // As tall as its rows: the page below holds the selected tier.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            m_table->verticalHeader()->defaultSectionSize() *
                                std::max(4, m_table->rowCount()) +
                            2 * m_table->frameWidth());
    showSelected();
    showPath();
}

void TiersEditor::showPath() {
    auto* layout = static_cast<QHBoxLayout*>(m_path->layout());
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    std::vector<TierDefinition> tiers = document()->matrix().tiers;
    std::sort(tiers.begin(), tiers.end(),
              [](const auto& a, const auto& b) { return a.level < b.level; });
    const auto& issues = document()->issues();
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const TierDefinition& tier = tiers[i];
        if (i > 0) {
            auto* arrow = new QLabel(tier.escalation == TierDefinition::Escalation::Hierarchical
                                         ? QStringLiteral("⇢")
                                         : QStringLiteral("→"),
                                     m_path);
            arrow->setObjectName(QStringLiteral("tierArrow"));
            arrow->setToolTip(tr("%1 escalation").arg(escalationName(tier.escalation)));
            layout->addWidget(arrow);
        }
        auto* card = new QFrame(m_path);
        card->setObjectName(QStringLiteral("tierCard"));
        auto* cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(12, 8, 12, 8);
        cardLayout->setSpacing(2);
        const QString level = levelName(tier.level).toUpper() +
                              (tier.optional ? tr("  ·  OPTIONAL") : QString()) +
                              (tier.engineering ? tr("  ·  ENGINEERING") : QString()) +
                              QStringLiteral("  ·  ") + escalationName(tier.escalation).toUpper();
        auto* levelLabel = new QLabel(level, card);
        levelLabel->setObjectName(QStringLiteral("tierLevel"));
        cardLayout->addWidget(levelLabel);
        // Matrix text may come from a shared matrix file: shown literally.
        auto* name = new QLabel(shown::text(tier.name), card);
        name->setTextFormat(Qt::PlainText);
        name->setObjectName(QStringLiteral("tierName"));
        cardLayout->addWidget(name);
        const auto row =
            std::find(document()->matrix().tiers.begin(), document()->matrix().tiers.end(), tier) -
            document()->matrix().tiers.begin();
        const IssueList found = issuesAt(issues, QStringLiteral("tiers[%1]").arg(row), true);
        const QString missing =
            QStringLiteral("<span style='color:#c53030'>%1</span>").arg(tr("missing"));
        auto* people =
            new QLabel(tr("Owner: %1<br>Backup: %2")
                           .arg(tier.owner.isEmpty() ? missing : shown::html(tier.owner),
                                tier.backup.isEmpty() ? missing : shown::html(tier.backup)),
                       card);
        people->setTextFormat(Qt::RichText);
        cardLayout->addWidget(people);
        auto* channel = new QLabel(shown::text(tier.channel), card);
        channel->setTextFormat(Qt::PlainText);
        channel->setObjectName(QStringLiteral("footnote"));
        cardLayout->addWidget(channel);
        card->setToolTip(shown::toolTip(found.empty() ? tier.responsibility : issueTooltip(found)));
        // Cards share the width; long names wrap rather than widen the page.
        for (QLabel* label : card->findChildren<QLabel*>()) {
            label->setWordWrap(true);
        }
        card->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        card->setMinimumWidth(150);
        layout->addWidget(card, 1);
    }
}

void TiersEditor::showSelected() {
    const int index = selectedTier();
    enableEditing({m_remove, m_responsibility, m_triggers}, index >= 0);
    const TierDefinition tier =
        index >= 0 ? document()->matrix().tiers[std::size_t(index)] : TierDefinition{};
    if (m_responsibility->text() != tier.responsibility) {
        m_responsibility->setText(tier.responsibility);
    }
    const QString triggers = tier.keyTriggers.join(QStringLiteral(", "));
    if (m_triggers->text() != triggers) {
        m_triggers->setText(triggers);
    }
}

void TiersEditor::cellEdited(int row, int column) {
    const QTableWidgetItem* item = m_table->item(row, column);
    if (!item || row >= int(document()->matrix().tiers.size())) {
        return;
    }
    const QString text = item->text().trimmed();
    const QString tierName = document()->matrix().tiers[std::size_t(row)].name;
    const auto index = std::size_t(row);
    switch (column) {
    case NameColumn:
        document()->edit(tr("Rename %1").arg(tierName),
                         [&](matrix::Matrix& m) { m.tiers[index].name = text; });
        break;
    case OwnerColumn:
        document()->edit(tr("Change the owner of %1").arg(tierName),
                         [&](matrix::Matrix& m) { m.tiers[index].owner = text; });
        break;
    case BackupColumn:
        document()->edit(tr("Change the backup contact of %1").arg(tierName),
                         [&](matrix::Matrix& m) { m.tiers[index].backup = text; });
        break;
    case ChannelColumn:
        document()->edit(tr("Change the channel of %1").arg(tierName),
                         [&](matrix::Matrix& m) { m.tiers[index].channel = text; });
        break;
    case EscalationColumn:
        document()->edit(tr("Change how %1 is escalated to").arg(tierName), [&](matrix::Matrix& m) {
            m.tiers[index].escalation = text == tr("Hierarchical")
                                            ? TierDefinition::Escalation::Hierarchical
                                            : TierDefinition::Escalation::Functional;
        });
        break;
    case OptionalColumn:
        document()->edit(tr("Change whether %1 is optional").arg(tierName), [&](matrix::Matrix& m) {
            m.tiers[index].optional = item->checkState() == Qt::Checked;
        });
        break;
    case EngineeringColumn: {
        const bool engineering = item->checkState() == Qt::Checked;
        document()->edit(
            (engineering ? tr("Mark %1 as engineering") : tr("Unmark %1 as engineering"))
                .arg(tierName),
            [&](matrix::Matrix& m) { m.tiers[index].engineering = engineering; });
        break;
    }
    default:
        break;
    }
    refresh(); // an edit that changed nothing still shows the stored value
}

void TiersEditor::commitDetail(QLineEdit* edit) {
    const int index = selectedTier();
    if (index < 0) {
        return;
    }
    const auto i = std::size_t(index);
    const QString tierName = document()->matrix().tiers[i].name;
    if (edit == m_responsibility) {
        document()->edit(
            tr("Change the responsibility of %1").arg(tierName),
            [&](matrix::Matrix& m) { m.tiers[i].responsibility = edit->text().trimmed(); },
            QStringLiteral("tiers[%1].responsibility").arg(index));
    } else {
        document()->edit(
            tr("Change the key triggers of %1").arg(tierName),
            [&](matrix::Matrix& m) { m.tiers[i].keyTriggers = matrix::listItems(edit->text()); },
            QStringLiteral("tiers[%1].key_triggers").arg(index));
    }
}

void TiersEditor::addTier() {
    int level = 1;
    while (document()->matrix().tier(level)) {
        ++level;
    }
    if (level > 4) {
        return;
    }
    document()->edit(tr("Add %1").arg(levelName(level)), [&](matrix::Matrix& m) {
        TierDefinition tier;
        tier.level = level;
        tier.name = levelName(level);
        tier.escalation = level == 4 ? TierDefinition::Escalation::Hierarchical
                                     : TierDefinition::Escalation::Functional;
        tier.optional = level == 4;
        m.tiers.push_back(tier);
        std::sort(m.tiers.begin(), m.tiers.end(),
                  [](const auto& a, const auto& b) { return a.level < b.level; });
    });
}

void TiersEditor::removeTier() {
    const int index = selectedTier();
    if (index < 0) {
        return;
    }
    document()->edit(tr("Remove %1").arg(document()->matrix().tiers[std::size_t(index)].name),
                     [&](matrix::Matrix& m) { m.tiers.erase(m.tiers.begin() + index); });
}

bool TiersEditor::reveal(const QString& path) {
    const auto parts = pathParts(path);
    if (parts.empty() || parts[0].first != QLatin1String("tiers")) {
        return false;
    }
    const int row = std::max(0, parts[0].second);
    int column = NameColumn;
    if (parts.size() > 1) {
        const QString& field = parts[1].first;
        column = field == QLatin1String("owner")    ? OwnerColumn
                 : field == QLatin1String("backup") ? BackupColumn
                 : field == QLatin1String("level")  ? LevelColumn
                                                    : NameColumn;
    }
    if (row < m_table->rowCount()) {
        m_table->setCurrentCell(row, column);
        m_table->scrollToItem(m_table->item(row, column));
    }
    m_table->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace escdesk::ui

#include "matrix/SlaEditor.h"

#include "ShownText.h"
#include "matrix/MatrixDocument.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

constexpr int maxTargetMinutes = 60 * 24 * 60; // 60 days

// The targets of a cell, for the delegate: first response, resolution, claim,
// calendar.
constexpr int targetsRole = Qt::UserRole + 1;

// Paints a grid cell as a small card: each target's name on the left, its
// time on the right, the calendar below.
class PolicyCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const QStringList targets = index.data(targetsRole).toStringList();
        if (targets.size() != 4) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        background.icon = QIcon();
        option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter,
                                            option.widget);
        painter->save();
        const QRect area = option.rect.adjusted(12, 8, -12, -8);
        const int line = option.fontMetrics.lineSpacing() + 2;
        const QStringList names{SlaEditor::tr("First response"), SlaEditor::tr("Resolution"),
                                SlaEditor::tr("Claim")};
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        for (int i = 0; i < 3; ++i) {
            const QRect row(area.left(), area.top() + i * line, area.width(), line);
            painter->setFont(option.font);
            painter->setPen(QColor(0x52, 0x60, 0x6d));
            painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, names[i]);
            painter->setFont(bold);
            painter->setPen(QColor(0x1f, 0x29, 0x33));
            painter->drawText(row, Qt::AlignRight | Qt::AlignVCenter, targets[i]);
        }
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(QColor(0x2f, 0x6f, 0xdd));
        const QRect calendarRow(area.left(), area.top() + 3 * line + 2, area.width(), line);
        const int iconSpace = icon.isNull() ? 0 : 20;
        painter->drawText(calendarRow.adjusted(0, 0, -iconSpace, 0),
                          Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("◷ ") + targets[3]);
        if (!icon.isNull()) {
            icon.paint(painter,
                       QRect(calendarRow.right() - 16, calendarRow.center().y() - 8, 16, 16));
        }
        painter->restore();
    }
};

QString cellText(const sla::SlaPolicy& policy) {
    return SlaEditor::tr("First response  %1\nResolution  %2\nClaim  %3\n%4")
        .arg(SlaEditor::minutesText(policy.firstResponseMin),
             SlaEditor::minutesText(policy.resolutionMin), SlaEditor::minutesText(policy.claimMin),
             policy.calendar);
}

} // namespace

QString SlaEditor::minutesText(int minutes) {
    if (minutes < 60) {
        return tr("%1 min").arg(minutes);
    }
    if (minutes % 60 == 0) {
        return tr("%1 h").arg(minutes / 60);
    }
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

SlaEditor::SlaEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_grid(
          new QTableWidget(int(matrix::customerTiers.size()), int(matrix::priorities.size()), this))
    , m_cellTitle(new QLabel(this))
    , m_firstResponse(new QSpinBox(this))
    , m_resolution(new QSpinBox(this))
    , m_claim(new QSpinBox(this))
    , m_firstResponseBadge(new IssueBadge(this))
    , m_resolutionBadge(new IssueBadge(this))
    , m_claimBadge(new IssueBadge(this))
    , m_calendar(new QComboBox(this))
    , m_calendarBadge(new IssueBadge(this))
    , m_pausing(new QLineEdit(this))
    , m_create(new QPushButton(tr("Create a policy for this cell"), this))
    , m_form(new QWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(hint(tr("Targets in business minutes of the policy's calendar, for each "
                              "customer tier and priority. The claim target is the handoff: from "
                              "an escalation until the next tier claims the ticket."),
                           this));
    m_grid->setAccessibleName(tr("SLA policies"));
    m_grid->setHorizontalHeaderLabels(matrix::priorities);
    m_grid->setVerticalHeaderLabels(matrix::customerTiers);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setShowGrid(true);
    m_grid->setWordWrap(true);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->horizontalHeader()->setHighlightSections(false);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_grid->verticalHeader()->setDefaultSectionSize((m_grid->fontMetrics().lineSpacing() + 2) * 4 +
                                                    22);
    m_grid->setItemDelegate(new PolicyCellDelegate(m_grid));
    m_grid->verticalHeader()->setMinimumWidth(110);
    m_grid->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_grid);

    auto* box = new QGroupBox(this);
    auto* boxLayout = new QVBoxLayout(box);
    m_cellTitle->setObjectName(QStringLiteral("sectionTitle"));
    boxLayout->addWidget(m_cellTitle);
    auto* grid = new QGridLayout(m_form);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);
    const auto addSpin = [&](int row, const QString& label, QSpinBox* spin, IssueBadge* badge) {
        spin->setRange(0, maxTargetMinutes);
        spin->setSuffix(tr(" min"));
        spin->setKeyboardTracking(false);
        spin->setAccelerated(true);
        spin->setMinimumWidth(120);
        spin->setAccessibleName(label);
        auto* name = new QLabel(label, m_form);
        name->setBuddy(spin);
        grid->addWidget(name, row, 0);
        grid->addWidget(spin, row, 1);
        grid->addWidget(badge, row, 2);
        connect(spin, &QSpinBox::valueChanged, this, [this, spin] { commitMinutes(spin); });
    };
    addSpin(0, tr("First response"), m_firstResponse, m_firstResponseBadge);
    addSpin(1, tr("Resolution"), m_resolution, m_resolutionBadge);
    addSpin(2, tr("Claim (handoff)"), m_claim, m_claimBadge);
    m_calendar->setAccessibleName(tr("Calendar"));
    m_calendar->setMinimumWidth(180);
    grid->addWidget(new QLabel(tr("Calendar"), m_form), 0, 4);
    grid->addWidget(m_calendar, 0, 5);
    grid->addWidget(m_calendarBadge, 0, 6);
    m_pausing->setAccessibleName(tr("Pausing statuses"));
    m_pausing->setPlaceholderText(tr("Statuses that stop the clock, separated by commas"));
    grid->addWidget(new QLabel(tr("Pausing statuses"), m_form), 1, 4);
    grid->addWidget(m_pausing, 1, 5, 1, 2);
    grid->setColumnMinimumWidth(3, 24);
    grid->setColumnStretch(5, 1);
    boxLayout->addWidget(m_form);
    boxLayout->addWidget(m_create, 0, Qt::AlignLeft);
    layout->addWidget(box);
    layout->addStretch(1);

    connect(m_grid, &QTableWidget::currentCellChanged, this, &SlaEditor::showSelected);
    connect(m_calendar, &QComboBox::activated, this, &SlaEditor::commitCalendar);
    connect(m_pausing, &QLineEdit::editingFinished, this, &SlaEditor::commitPausing);
    connect(m_create, &QPushButton::clicked, this, &SlaEditor::createPolicy);
    m_grid->setCurrentCell(0, 0);
    refresh();
}

int SlaEditor::selectedPolicy() const {
    const int row = m_grid->currentRow();
    const int column = m_grid->currentColumn();
    if (row < 0 || column < 0) {
        return -1;
    }
    const auto& policies = document()->matrix().policies;
    const sla::SlaPolicy* policy =
        document()->matrix().policyFor(matrix::customerTiers[row], matrix::priorities[column]);
    return policy ? int(policy - policies.data()) : -1;
}

void SlaEditor::selectCell(const QString& customerTier, const QString& priority) {
    m_grid->setCurrentCell(int(matrix::customerTiers.indexOf(customerTier)),
                           int(matrix::priorities.indexOf(priority)));
}

void SlaEditor::refresh() {
    const matrix::Matrix& m = document()->matrix();
    const auto& issues = document()->issues();
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            const sla::SlaPolicy* policy =
                m.policyFor(matrix::customerTiers[row], matrix::priorities[column]);
            QTableWidgetItem* item = putCell(m_grid, row, column, QString(), false);
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            if (!policy) {
                item->setData(targetsRole, QVariant());
                item->setText(tr("No policy — select the cell and create one"));
                item->setForeground(QColor(0xd6, 0x45, 0x45));
                markItem(item, issuesAt(issues, QStringLiteral("sla_policies")));
                continue;
            }
            item->setForeground(QBrush());
            item->setText(shown::text(cellText(*policy))); // for tooltips and accessibility
            item->setData(targetsRole, QStringList{minutesText(policy->firstResponseMin),
                                                   minutesText(policy->resolutionMin),
                                                   minutesText(policy->claimMin),
                                                   shown::text(policy->calendar)});
            const int index = int(policy - m.policies.data());
            markItem(item, issuesAt(issues, QStringLiteral("sla_policies[%1]").arg(index), true),
                     policy->name());
        }
    }
    {
        const QSignalBlocker block(m_calendar);
        m_calendar->clear();
        for (const sla::BusinessCalendar& calendar : m.calendars) {
            m_calendar->addItem(calendar.name);
        }
    }
    showSelected();
}

void SlaEditor::showSelected() {
    const int index = selectedPolicy();
    const int row = m_grid->currentRow();
    const int column = m_grid->currentColumn();
    const bool cell = row >= 0 && column >= 0;
    m_form->setEnabled(index >= 0);
    m_create->setVisible(cell && index < 0);
    enableEditing(m_create);
    m_cellTitle->setText(cell ? tr("%1 customers × %2 priority")
                                    .arg(matrix::customerTiers[row], matrix::priorities[column])
                              : tr("Select a cell of the grid"));
    const sla::SlaPolicy policy =
        index >= 0 ? document()->matrix().policies[std::size_t(index)] : sla::SlaPolicy{};
    const auto& issues = document()->issues();
    const QString path = QStringLiteral("sla_policies[%1]").arg(index);
    const struct {
        QSpinBox* spin;
        IssueBadge* badge;
        int value;
        const char* field;
    } targets[] = {
        {m_firstResponse, m_firstResponseBadge, policy.firstResponseMin, "first_response_min"},
        {m_resolution, m_resolutionBadge, policy.resolutionMin, "resolution_min"},
        {m_claim, m_claimBadge, policy.claimMin, "claim_min"}};
    for (const auto& target : targets) {
        const QSignalBlocker block(target.spin);
        target.spin->setValue(target.value);
        target.spin->setToolTip(minutesText(target.value));
        target.badge->setIssues(
            issuesAt(issues, path + QLatin1Char('.') + QLatin1String(target.field)));
    }
    {
        const QSignalBlocker block(m_calendar);
        m_calendar->setCurrentIndex(m_calendar->findText(policy.calendar));
    }
    m_calendarBadge->setIssues(issuesAt(issues, path + QStringLiteral(".calendar")));
    const QString pausing = policy.pausingStatuses.join(QStringLiteral(", "));
    if (m_pausing->text() != pausing) {
        m_pausing->setText(pausing);
    }
    // After the targets' tooltips: on a read-only workspace they say why instead.
    enableEditing({m_firstResponse, m_resolution, m_claim, m_calendar, m_pausing});
}

void SlaEditor::commitMinutes(QSpinBox* box) {
    const int index = selectedPolicy();
    if (index < 0) {
        return;
    }
    const auto i = std::size_t(index);
    const sla::SlaPolicy& policy = document()->matrix().policies[i];
    const int value = box->value();
    const char* field = box == m_firstResponse ? "first_response_min"
                        : box == m_resolution  ? "resolution_min"
                                               : "claim_min";
    const QString target = box == m_firstResponse ? tr("first-response")
                           : box == m_resolution  ? tr("resolution")
                                                  : tr("claim");
    document()->edit(
        tr("Set the %1 target of %2 to %3").arg(target, policy.name(), minutesText(value)),
        [&](matrix::Matrix& m) {
            sla::SlaPolicy& changed = m.policies[i];
            (box == m_firstResponse ? changed.firstResponseMin
             : box == m_resolution  ? changed.resolutionMin
                                    : changed.claimMin) = value;
        },
        QStringLiteral("sla_policies[%1].%2").arg(index).arg(QLatin1String(field)));
}

void SlaEditor::commitCalendar() {
    const int index = selectedPolicy();
    if (index < 0) {
        return;
    }
    const auto i = std::size_t(index);
    const QString calendar = m_calendar->currentText();
    document()->edit(
        tr("Run %1 on the calendar “%2”").arg(document()->matrix().policies[i].name(), calendar),
        [&](matrix::Matrix& m) { m.policies[i].calendar = calendar; });
}

void SlaEditor::commitPausing() {
    const int index = selectedPolicy();
    if (index < 0) {
        return;
    }
    const auto i = std::size_t(index);
    document()->edit(
        tr("Change the pausing statuses of %1").arg(document()->matrix().policies[i].name()),
        [&](matrix::Matrix& m) {
            m.policies[i].pausingStatuses = matrix::listItems(m_pausing->text());
        },
        QStringLiteral("sla_policies[%1].pausing_statuses").arg(index));
}

void SlaEditor::createPolicy() {
    const int row = m_grid->currentRow();
    const int column = m_grid->currentColumn();
    if (row < 0 || column < 0) {
        return;
    }
    sla::SlaPolicy policy;
    policy.customerTier = matrix::customerTiers[row];
    policy.priority = matrix::priorities[column];
    // Start from the standard targets of SPEC §5: first response 4 h,
    // resolution 24 h.
    policy.firstResponseMin = 240;
    policy.resolutionMin = 1440;
    policy.claimMin = 60;
    const auto& calendars = document()->matrix().calendars;
    policy.calendar = calendars.empty() ? QString() : calendars.front().name;
    document()->edit(tr("Add the SLA policy %1").arg(policy.name()),
                     [&](matrix::Matrix& m) { m.policies.push_back(policy); });
}

bool SlaEditor::reveal(const QString& path) {
    const auto parts = pathParts(path);
    if (parts.empty() || parts[0].first != QLatin1String("sla_policies")) {
        return false;
    }
    const int index = parts[0].second;
    const auto& policies = document()->matrix().policies;
    if (index >= 0 && index < int(policies.size())) {
        selectCell(policies[std::size_t(index)].customerTier,
                   policies[std::size_t(index)].priority);
    }
    QWidget* focus = m_grid;
    if (parts.size() > 1) {
        const QString& field = parts[1].first;
        if (field == QLatin1String("first_response_min")) {
            focus = m_firstResponse;
        } else if (field == QLatin1String("resolution_min")) {
            focus = m_resolution;
        } else if (field == QLatin1String("claim_min")) {
            focus = m_claim;
        } else if (field == QLatin1String("calendar")) {
            focus = m_calendar;
        }
    }
    focus->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace escdesk::ui

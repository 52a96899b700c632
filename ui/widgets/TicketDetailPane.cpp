#include "widgets/TicketDetailPane.h"

#include "EditPermission.h"
#include "ShownText.h"
#include "browse/TicketQuery.h"
#include "matrix/ChecklistRuns.h"
#include "matrix/MatrixStore.h"
#include "models/DisplayText.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"
#include "widgets/TicketRiskPanel.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

enum Tab { TimelineTab, ChecklistTab, RiskTab };

enum TimelineColumn {
    TimeColumn,
    EventColumn,
    TiersColumn,
    ActorColumn,
    DecisionColumn,
    NoteColumn
};

QString orDash(const QString& text) {
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QString tierMove(const std::optional<int>& from, const std::optional<int>& to) {
    if (from && to) {
        return display::tier(from) + QStringLiteral(" → ") + display::tier(to);
    }
    if (from) {
        return TicketDetailPane::tr("from %1").arg(display::tier(from));
    }
    return display::tier(to);
}

} // namespace

TicketDetailPane::TicketDetailPane(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_heading(new QLabel(this))
    , m_subject(new QLabel(this))
    , m_timeline(new QTreeWidget(this))
    , m_noEvents(new QLabel(tr("No event log for this ticket."), this))
    , m_fields(new QWidget(this))
    , m_checklistBox(new QWidget(this))
    , m_checklistTitle(new QLabel(this))
    , m_readiness(new QLabel(this))
    , m_checklist(new QTreeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_riskPanel(new TicketRiskPanel(this)) {
    setAccessibleName(tr("Ticket details"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_empty = new QLabel(tr("Select a ticket to see its details and event timeline."), this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto* content = new QWidget(this);
    auto* layout = new QHBoxLayout(content);
    layout->setContentsMargins(12, 12, 4, 4);
    layout->setSpacing(24);

    auto* left = new QVBoxLayout;
    left->setSpacing(4);
    m_heading->setObjectName(QStringLiteral("detailHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Ticket fields are imported text: shown literally, never as HTML.
    m_heading->setTextFormat(Qt::PlainText);
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setObjectName(QStringLiteral("detailSubject"));
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    shown::fitInLayout(m_heading);
    shown::fitInLayout(m_subject);
    left->addWidget(m_heading);
    left->addWidget(m_subject);
    left->addSpacing(8);
    auto* grid = new QGridLayout(m_fields);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
    m_created = addField(tr("Created"), 0, 0);
    m_status = addField(tr("Status"), 1, 0);
    m_priority = addField(tr("Priority"), 2, 0);
    m_tier = addField(tr("Tier"), 3, 0);
    m_escalated = addField(tr("Escalated"), 4, 0);
    m_firstResponse = addField(tr("First response"), 5, 0);
    m_account = addField(tr("Account"), 0, 2);
    m_productArea = addField(tr("Product area"), 1, 2);
    m_rootCause = addField(tr("Root cause"), 2, 2);
    m_channel = addField(tr("Channel"), 3, 2);
    m_assignee = addField(tr("Assignee"), 4, 2);
    m_resolved = addField(tr("Resolved"), 5, 2);
    grid->setColumnMinimumWidth(2, 110);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    left->addWidget(m_fields);
    left->addStretch();
    layout->addLayout(left, 0);

    // Readiness for the next tier, from the checklist (escalated tickets).
    m_readinessName = new QLabel(tr("Checklist"), m_fields);
    m_readinessName->setObjectName(QStringLiteral("fieldName"));
    m_readiness->setObjectName(QStringLiteral("readiness"));
    m_readiness->setAccessibleName(tr("Readiness"));
    m_readiness->setTextFormat(Qt::RichText);
    grid->addWidget(m_readinessName, 6, 0);
    grid->addWidget(m_readiness, 6, 1, 1, 3);
    m_readinessName->hide();
    m_readiness->hide();

    // The timeline and, for an escalated ticket, its checklist.
    m_tabs->setDocumentMode(true);
    auto* timelinePage = new QWidget(m_tabs);
    auto* right = new QVBoxLayout(timelinePage);
    right->setContentsMargins(0, 6, 0, 0);
    right->setSpacing(6);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setAccessibleName(tr("Event timeline"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setSelectionMode(QAbstractItemView::NoSelection);
    m_timeline->setHeaderLabels(
        {tr("Time"), tr("Event"), tr("Tiers"), tr("Actor"), tr("Decision"), tr("Note")});
    // A timeline has a handful of rows: size the columns to what they hold.
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // notes elide; see tooltip
    for (int column = TimeColumn; column < NoteColumn; ++column) {
        m_timeline->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    right->addWidget(m_timeline, 1);
    m_noEvents->setObjectName(QStringLiteral("emptyState"));
    m_noEvents->setAlignment(Qt::AlignCenter);
    right->addWidget(m_noEvents, 1);
    m_tabs->addTab(timelinePage, tr("Event timeline"));

    auto* checklistLayout = new QVBoxLayout(m_checklistBox);
    checklistLayout->setContentsMargins(0, 6, 0, 0);
    checklistLayout->setSpacing(6);
    m_checklistTitle->setObjectName(QStringLiteral("footnote"));
    m_checklistTitle->setTextFormat(Qt::PlainText); // may name the workspace's folder
    m_checklistTitle->setWordWrap(true);
    checklistLayout->addWidget(m_checklistTitle);
    m_checklist->setObjectName(QStringLiteral("checklist"));
    m_checklist->setAccessibleName(tr("Checklist"));
    m_checklist->setRootIsDecorated(false);
    m_checklist->setUniformRowHeights(true);
    m_checklist->setSelectionMode(QAbstractItemView::NoSelection);
    m_checklist->setHeaderLabels({tr("Item"), tr("Ticked by")});
    m_checklist->header()->setStretchLastSection(false);
    m_checklist->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_checklist->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checklist->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    checklistLayout->addWidget(m_checklist, 1);
    m_tabs->addTab(m_checklistBox, tr("Checklist"));
    m_tabs->setTabVisible(ChecklistTab, false);
    m_tabs->addTab(m_riskPanel, tr("Early warning"));
    connect(m_riskPanel, &TicketRiskPanel::scoreShown, this, [this](int score) {
        m_tabs->setTabText(RiskTab,
                           score < 0 ? tr("Early warning") : tr("Early warning · %1%").arg(score));
    });
    layout->addWidget(m_tabs, 1);
    connect(m_checklist, &QTreeWidget::itemChanged, this, &TicketDetailPane::checklistItemChanged);
    m_stack->addWidget(content);
}

QLabel* TicketDetailPane::addField(const QString& label, int row, int column) {
    auto* grid = static_cast<QGridLayout*>(m_fields->layout());
    auto* name = new QLabel(label, m_fields);
    name->setObjectName(QStringLiteral("fieldName"));
    auto* value = new QLabel(m_fields);
    value->setObjectName(QStringLiteral("fieldValue"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    shown::fitInLayout(value);
    value->setAccessibleName(label);
    name->setBuddy(value);
    grid->addWidget(name, row, column);
    grid->addWidget(value, row, column + 1);
    return value;
}

void TicketDetailPane::refresh() {
    if (m_ticketRow >= 0) {
        showTicket(m_workspace, m_ticketRow);
    }
}

void TicketDetailPane::setEmptyText(const QString& text) {
    m_empty->setText(text);
}

int TicketDetailPane::timelineEventCount() const {
    return m_timeline->topLevelItemCount();
}

void TicketDetailPane::showTicket(store::Workspace* workspace, std::int64_t ticketRow) {
    m_workspace = workspace;
    m_ticketRow = ticketRow;
    m_timeline->clear();
    const std::optional<Ticket> ticket =
        workspace && ticketRow >= 0 ? store::ticketByRow(workspace->db(), ticketRow) : std::nullopt;
    if (!ticket) {
        m_ticketRow = -1;
        m_riskPanel->showTicket(nullptr, {});
        m_stack->setCurrentIndex(0);
        return;
    }
    m_riskPanel->showTicket(workspace, ticket->ticketId);
    const QTimeZone zone = workspace->reportingTimeZone();
    const std::vector<TicketEvent> events = store::eventsOfTicket(workspace->db(), ticketRow);
    // The same "escalated" as the table's (SPEC §7), from core.
    const std::vector<browse::TicketListRow> listed =
        browse::ticketListRows(workspace->db(), std::span<const std::int64_t>(&ticketRow, 1));
    const bool escalated = !listed.empty() && listed.front().escalated;
    const QString account =
        listed.empty() || listed.front().accountName.isEmpty()
            ? ticket->accountId
            : QStringLiteral("%1 (%2)").arg(listed.front().accountName, ticket->accountId);

    m_heading->setText(shown::text(ticket->ticketId));
    m_subject->setText(shown::text(orDash(ticket->subject)));
    m_created->setText(display::dateTime(ticket->createdAt, zone));
    m_status->setText(shown::text(orDash(ticket->status)));
    m_priority->setText(shown::text(orDash(ticket->priority)));
    m_tier->setText(orDash(display::tier(ticket->tier)));
    m_escalated->setText(escalated ? tr("Yes") : tr("No"));
    m_firstResponse->setText(orDash(display::dateTime(ticket->firstResponseAt, zone)));
    m_account->setText(shown::text(orDash(account)));
    m_productArea->setText(shown::text(orDash(ticket->productArea)));
    m_rootCause->setText(shown::text(orDash(ticket->rootCause)));
    m_channel->setText(shown::text(orDash(ticket->channel)));
    m_assignee->setText(shown::text(orDash(ticket->assignee)));
    m_resolved->setText(orDash(display::dateTime(ticket->resolvedAt, zone)));

    for (const TicketEvent& event : events) {
        auto* item = new QTreeWidgetItem(m_timeline);
        item->setText(TimeColumn, display::dateTime(event.occurredAt, zone));
        item->setText(EventColumn, display::eventName(event.kind));
        item->setText(TiersColumn, tierMove(event.fromTier, event.toTier));
        item->setText(ActorColumn, shown::text(event.actor));
        item->setText(DecisionColumn, shown::text(event.decisionType));
        item->setText(NoteColumn, shown::text(event.note));
        item->setToolTip(NoteColumn, shown::toolTip(event.note));
        if (event.kind == EventKind::Escalated || event.kind == EventKind::Bounced) {
            QFont font = item->font(EventColumn);
            font.setWeight(QFont::DemiBold);
            item->setFont(EventColumn, font);
        }
    }
    m_timeline->setVisible(!events.empty());
    m_noEvents->setVisible(events.empty());
    if (escalated) {
        showChecklist(events);
    } else {
        hideChecklist();
    }
    m_stack->setCurrentIndex(1);
}

void TicketDetailPane::showChecklist(const std::vector<TicketEvent>& events) {
    const auto transition = matrix::latestTransition(events);
    std::optional<matrix::Checklist> checklist;
    if (transition) {
        try {
            const matrix::Matrix policy = matrix::loadMatrix(m_workspace->db());
            if (const matrix::Checklist* found =
                    policy.checklistFor(transition->first, transition->second)) {
                checklist = *found;
            }
        } catch (const store::StoreError&) {
            // An unreadable matrix: no checklist to show.
        }
    }
    if (!checklist) {
        hideChecklist();
        return;
    }
    m_fromTier = checklist->fromTier;
    m_toTier = checklist->toTier;
    const matrix::ChecklistRun run =
        matrix::checklistRunOf(m_workspace->db(), m_ticketRow, *checklist);
    const QTimeZone zone = m_workspace->reportingTimeZone();
    // Ticks are kept in the workspace: shown, but not changed, when it is read-only.
    const QString readOnly = readOnlyExplanation(m_workspace);
    shown::setPlainText(
        m_checklistTitle,
        readOnly.isEmpty()
            ? tr("Before escalating from %1 to %2: tick each check as it is "
                 "done. Required items are in red until ticked.")
                  .arg(display::tier(m_fromTier), display::tier(m_toTier))
            : tr("Before escalating from %1 to %2. %3")
                  .arg(display::tier(m_fromTier), display::tier(m_toTier), readOnly));
    const QSignalBlocker block(m_checklist);
    // Items are updated in place: this runs from the tree's own itemChanged.
    if (m_checklist->topLevelItemCount() != int(run.items.size())) {
        m_checklist->clear();
        for (std::size_t i = 0; i < run.items.size(); ++i) {
            new QTreeWidgetItem(m_checklist);
        }
    }
    int done = 0;
    for (int i = 0; i < int(run.items.size()); ++i) {
        const matrix::ChecklistRunItem& entry = run.items[std::size_t(i)];
        QTreeWidgetItem* item = m_checklist->topLevelItem(i);
        item->setText(1, QString());
        item->setToolTip(1, QString());
        item->setForeground(0, QBrush());
        item->setFlags(readOnly.isEmpty() ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable
                                          : Qt::ItemIsEnabled);
        item->setText(
            0, shown::text(entry.required ? entry.text : tr("%1 (optional)").arg(entry.text)));
        item->setToolTip(0, shown::toolTip(readOnly.isEmpty()
                                               ? entry.text
                                               : entry.text + QLatin1Char('\n') + readOnly));
        item->setCheckState(0, entry.done ? Qt::Checked : Qt::Unchecked);
        item->setData(0, Qt::UserRole, entry.itemId);
        if (entry.done) {
            ++done;
            item->setText(
                1, shown::text(QStringLiteral("%1 · %2").arg(
                       entry.doneBy,
                       entry.doneAt ? display::dateTime(*entry.doneAt, zone).mid(5) // "11-26 09:30"
                                    : QString())));
            item->setToolTip(
                1, shown::toolTip(tr("Ticked by %1 at %2")
                                      .arg(entry.doneBy, display::dateTime(entry.doneAt, zone))));
        } else if (entry.required) {
            item->setForeground(0, QColor(0x9b, 0x2c, 0x2c));
        }
    }
    const QString next = m_toTier >= 3 ? tr("engineering") : display::tier(m_toTier);
    if (run.ready()) {
        m_readiness->setText(tr("<span style='color:#2f855a; font-weight:600'>✔ Ready for "
                                "%1</span> — %2 of %3 items done")
                                 .arg(next)
                                 .arg(done)
                                 .arg(run.items.size()));
    } else {
        const int missing = int(run.missingRequired().size());
        m_readiness->setText(tr("<span style='color:#c53030; font-weight:600'>✖ Not ready for "
                                "%1</span> — %2 required item(s) open")
                                 .arg(next)
                                 .arg(missing));
    }
    m_readiness->setToolTip(shown::toolTip(run.missingRequired().join(QLatin1Char('\n'))));
    shown::setPlainText(m_readinessName, checklist->name());
    m_readinessName->show();
    m_readiness->show();
    m_tabs->setTabVisible(ChecklistTab, true);
    m_tabs->setTabText(ChecklistTab, tr("Checklist %1/%2").arg(done).arg(run.items.size()));
}

void TicketDetailPane::hideChecklist() {
    m_tabs->setTabVisible(ChecklistTab, false);
    m_readinessName->hide();
    m_readiness->hide();
}

bool TicketDetailPane::checklistShown() const {
    return m_tabs->isTabVisible(ChecklistTab);
}

void TicketDetailPane::showChecklistTab() {
    if (checklistShown()) {
        m_tabs->setCurrentIndex(ChecklistTab);
    }
}

void TicketDetailPane::showRiskTab() {
    m_tabs->setCurrentIndex(RiskTab);
}

void TicketDetailPane::checklistItemChanged(QTreeWidgetItem* item, int column) {
    if (column != 0 || !m_workspace || m_ticketRow < 0) {
        return;
    }
    try {
        const matrix::Matrix policy = matrix::loadMatrix(m_workspace->db());
        const matrix::Checklist* checklist = policy.checklistFor(m_fromTier, m_toTier);
        if (!checklist) {
            return;
        }
        matrix::setChecklistItem(
            m_workspace->db(), m_ticketRow, *checklist, item->data(0, Qt::UserRole).toString(),
            item->checkState(0) == Qt::Checked, matrix::changeAuthor(*m_workspace),
            QDateTime::currentSecsSinceEpoch());
    } catch (const store::StoreError& error) {
        // Back to what is stored, with the reason the tick was not kept.
        showChecklist(store::eventsOfTicket(m_workspace->db(), m_ticketRow));
        m_readiness->setText(QStringLiteral("<span style='color:#c53030'>%1</span>")
                                 .arg(shown::html(error.message())));
        return;
    }
    // Reread: the pane shows what is stored, with who and when.
    const std::vector<TicketEvent> events = store::eventsOfTicket(m_workspace->db(), m_ticketRow);
    showChecklist(events);
}

} // namespace escdesk::ui

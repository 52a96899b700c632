#include "widgets/TicketDetailPane.h"

#include "browse/TicketQuery.h"
#include "models/DisplayText.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

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
    , m_fields(new QWidget(this)) {
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
    m_subject->setObjectName(QStringLiteral("detailSubject"));
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
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

    auto* right = new QVBoxLayout;
    right->setSpacing(6);
    auto* timelineTitle = new QLabel(tr("Event timeline"), this);
    timelineTitle->setObjectName(QStringLiteral("sectionTitle"));
    right->addWidget(timelineTitle);
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
    layout->addLayout(right, 1);
    m_stack->addWidget(content);
}

QLabel* TicketDetailPane::addField(const QString& label, int row, int column) {
    auto* grid = static_cast<QGridLayout*>(m_fields->layout());
    auto* name = new QLabel(label, m_fields);
    name->setObjectName(QStringLiteral("fieldName"));
    auto* value = new QLabel(m_fields);
    value->setObjectName(QStringLiteral("fieldValue"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAccessibleName(label);
    name->setBuddy(value);
    grid->addWidget(name, row, column);
    grid->addWidget(value, row, column + 1);
    return value;
}

void TicketDetailPane::setEmptyText(const QString& text) {
    m_empty->setText(text);
}

int TicketDetailPane::timelineEventCount() const {
    return m_timeline->topLevelItemCount();
}

void TicketDetailPane::showTicket(store::Workspace* workspace, std::int64_t ticketRow) {
    m_ticketRow = ticketRow;
    m_timeline->clear();
    const std::optional<Ticket> ticket =
        workspace && ticketRow >= 0 ? store::ticketByRow(workspace->db(), ticketRow) : std::nullopt;
    if (!ticket) {
        m_ticketRow = -1;
        m_stack->setCurrentIndex(0);
        return;
    }
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

    m_heading->setText(ticket->ticketId);
    m_subject->setText(orDash(ticket->subject));
    m_created->setText(display::dateTime(ticket->createdAt, zone));
    m_status->setText(orDash(ticket->status));
    m_priority->setText(orDash(ticket->priority));
    m_tier->setText(orDash(display::tier(ticket->tier)));
    m_escalated->setText(escalated ? tr("Yes") : tr("No"));
    m_firstResponse->setText(orDash(display::dateTime(ticket->firstResponseAt, zone)));
    m_account->setText(orDash(account));
    m_productArea->setText(orDash(ticket->productArea));
    m_rootCause->setText(orDash(ticket->rootCause));
    m_channel->setText(orDash(ticket->channel));
    m_assignee->setText(orDash(ticket->assignee));
    m_resolved->setText(orDash(display::dateTime(ticket->resolvedAt, zone)));

    for (const TicketEvent& event : events) {
        auto* item = new QTreeWidgetItem(m_timeline);
        item->setText(TimeColumn, display::dateTime(event.occurredAt, zone));
        item->setText(EventColumn, display::eventName(event.kind));
        item->setText(TiersColumn, tierMove(event.fromTier, event.toTier));
        item->setText(ActorColumn, event.actor);
        item->setText(DecisionColumn, event.decisionType);
        item->setText(NoteColumn, event.note);
        item->setToolTip(NoteColumn, event.note);
        if (event.kind == EventKind::Escalated || event.kind == EventKind::Bounced) {
            QFont font = item->font(EventColumn);
            font.setWeight(QFont::DemiBold);
            item->setFont(EventColumn, font);
        }
    }
    m_timeline->setVisible(!events.empty());
    m_noEvents->setVisible(events.empty());
    m_stack->setCurrentIndex(1);
}

} // namespace escdesk::ui

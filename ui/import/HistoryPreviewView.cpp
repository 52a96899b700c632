#include "import/HistoryPreviewView.h"

#include "ShownText.h"
#include "models/DisplayText.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

const QColor problemText(0xb4, 0x23, 0x18);
const QColor warningText(0x9a, 0x67, 0x00);
const QColor eventText(0x55, 0x5e, 0x6b);

enum TicketColumn {
    CaseColumn,
    TimeColumn,
    EventColumn,
    StatusColumn,
    StartTierColumn,
    TierColumn,
    PriorityColumn,
    GroupColumn,
    ResolvedColumn,
    ClosedColumn,
    FieldsColumn,
    TicketColumns
};

QString tierText(const std::optional<int>& tier) {
    return tier ? QString::number(*tier) : QString();
}

QTreeWidgetItem* ticketItem(const import::HistoryPreviewTicket& ticket) {
    auto* item = new QTreeWidgetItem;
    item->setText(CaseColumn, shown::text(ticket.ticketId));
    item->setText(TimeColumn, ticket.createdAt);
    item->setText(EventColumn, ticket.inStore ? HistoryPreviewView::tr("updates the stored ticket")
                                              : HistoryPreviewView::tr("new ticket"));
    item->setText(StatusColumn, shown::text(ticket.status));
    item->setText(StartTierColumn, tierText(ticket.startTier));
    item->setText(TierColumn, tierText(ticket.tier));
    item->setText(PriorityColumn, ticket.priority);
    item->setText(GroupColumn, shown::text(ticket.group));
    item->setText(ResolvedColumn, ticket.resolvedAt);
    item->setText(ClosedColumn, ticket.closedAt);
    QStringList fields;
    for (const auto& [field, value] : ticket.fields) {
        fields << field + QStringLiteral(": ") + value;
    }
    item->setText(FieldsColumn, shown::text(fields.join(QStringLiteral(" · "))));
    item->setToolTip(CaseColumn, HistoryPreviewView::tr("%n change rows", "", int(ticket.changes)));
    return item;
}

QTreeWidgetItem* eventItem(const import::HistoryPreviewEvent& event) {
    auto* item = new QTreeWidgetItem;
    item->setText(TimeColumn, event.time);
    item->setText(EventColumn, event.kind);
    if (event.fromTier || event.toTier) {
        item->setText(TierColumn, QStringLiteral("%1 → %2").arg(tierText(event.fromTier),
                                                                tierText(event.toTier)));
    }
    // A reassignment's note is the new group, a status event's the status.
    item->setText(event.kind == QLatin1String("reassigned") ? GroupColumn : StatusColumn,
                  shown::text(event.note));
    for (int c = 0; c < TicketColumns; ++c) {
        item->setForeground(c, eventText);
    }
    return item;
}

} // namespace

HistoryPreviewView::HistoryPreviewView(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_tickets(new QTreeWidget(this))
    , m_problems(new QTableWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setObjectName(QStringLiteral("historyPreviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText); // it quotes the file's name and values
    layout->addWidget(m_summary);
    m_tickets->setObjectName(QStringLiteral("historyPreviewTickets"));
    m_tickets->setColumnCount(TicketColumns);
    m_tickets->setHeaderLabels({tr("Case"), tr("Created / time"), tr("Event"), tr("Status"),
                                tr("Start tier"), tr("Tier"), tr("Priority"), tr("Group"),
                                tr("Resolved"), tr("Closed"), tr("Other fields")});
    m_tickets->setUniformRowHeights(true);
    m_tickets->setAlternatingRowColors(true);
    m_problems->setObjectName(QStringLiteral("historyPreviewProblems"));
    m_problems->setColumnCount(5);
    m_problems->setHorizontalHeaderLabels(
        {tr("Line"), tr("Outcome"), tr("Field"), tr("Value"), tr("Reason")});
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->setWordWrap(false);
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_tickets, tr("Derived tickets and events"));
    m_tabs->addTab(m_problems, tr("Rejected rows and warnings"));
    layout->addWidget(m_tabs, 1);
}

QString HistoryPreviewView::summaryText() const {
    return m_summary->text();
}

void HistoryPreviewView::showMessage(const QString& message, bool problem) {
    shown::setPlainText(m_summary, message);
    m_summary->setStyleSheet(problem ? QStringLiteral("color: #b42318;") : QString());
    m_tickets->clear();
    m_problems->setRowCount(0);
    m_tabs->setTabText(1, tr("Rejected rows and warnings"));
}

void HistoryPreviewView::showPreview(const import::HistoryPreview& preview,
                                     const QString& zoneName) {
    m_summary->setStyleSheet(QString());
    shown::setPlainText(
        m_summary,
        tr("%1: %2 change rows of %3 cases; the first %4 shown · %5 rejected, %6 warnings · "
           "change times read as %7 · times shown in %8")
            .arg(QFileInfo(preview.file).fileName(), display::count(preview.rows),
                 display::count(preview.cases),
                 display::count(static_cast<std::int64_t>(preview.tickets.size())),
                 display::count(preview.rejectedRows()), display::count(preview.warnings()),
                 preview.timeForm.isEmpty() ? tr("detected") : preview.timeForm, zoneName));
    fillTickets(preview);
    fillProblems(preview);
}

void HistoryPreviewView::fillTickets(const import::HistoryPreview& preview) {
    m_tickets->clear();
    for (const import::HistoryPreviewTicket& ticket : preview.tickets) {
        QTreeWidgetItem* item = ticketItem(ticket);
        for (const import::HistoryPreviewEvent& event : ticket.events) {
            item->addChild(eventItem(event));
        }
        m_tickets->addTopLevelItem(item);
    }
    m_tickets->expandAll();
    for (int c = 0; c < TicketColumns; ++c) {
        m_tickets->resizeColumnToContents(c);
        m_tickets->setColumnWidth(c, std::min(m_tickets->columnWidth(c) + 8, 220));
    }
}

void HistoryPreviewView::fillProblems(const import::HistoryPreview& preview) {
    // A file with thousands of bad rows: the first thousand say enough.
    const int shownRows = static_cast<int>(std::min<std::size_t>(preview.problems.size(), 1000));
    m_problems->setRowCount(shownRows);
    for (int r = 0; r < shownRows; ++r) {
        const import::HistoryPreviewProblem& p = preview.problems[static_cast<std::size_t>(r)];
        const QColor colour = p.warning ? warningText : problemText;
        const QString cells[] = {QString::number(p.line),
                                 p.warning ? tr("Warning: kept without the value") : tr("Rejected"),
                                 p.column, shown::text(p.value), shown::text(p.reason)};
        for (int c = 0; c < 5; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setForeground(colour);
            m_problems->setItem(r, c, item);
        }
        m_problems->item(r, 4)->setToolTip(shown::toolTip(p.reason));
    }
    m_problems->resizeColumnsToContents();
    m_tabs->setTabText(
        1, tr("Rejected rows and warnings (%1)")
               .arg(display::count(static_cast<std::int64_t>(preview.problems.size()))));
}

} // namespace escdesk::ui

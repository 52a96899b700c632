#include "widgets/TicketListPane.h"

#include "ShownText.h"
#include "models/DisplayText.h"
#include "models/TicketListModel.h"
#include "widgets/TicketDetailPane.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace escdesk::ui {

TicketListPane::TicketListPane(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_count(new QLabel(this))
    , m_model(new TicketListModel(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    m_heading->setObjectName(QStringLiteral("sectionTitle"));
    m_heading->setTextFormat(Qt::PlainText);
    // It may name a long segment or root cause: it wraps in a narrow pane
    // rather than being cut off.
    shown::fitInLayout(m_heading);
    m_heading->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("matchCount"));
    header->addWidget(m_heading, 1);
    header->addWidget(m_count);
    layout->addLayout(header);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Tickets behind the selection"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setMinimumSectionSize(40);
    const QList<std::pair<int, int>> widths{
        {TicketListModel::TicketIdColumn, 104}, {TicketListModel::CreatedColumn, 134},
        {TicketListModel::PriorityColumn, 74},  {TicketListModel::TierColumn, 58},
        {TicketListModel::EscalatedColumn, 88}, {TicketListModel::AccountColumn, 130},
    };
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    // A pane beside an analysis is narrow: the subject matters more than
    // the tier and the account, which the ticket's details show.
    m_table->setColumnHidden(TicketListModel::TierColumn, true);
    m_table->setColumnHidden(TicketListModel::AccountColumn, true);
    m_table->setColumnHidden(TicketListModel::EscalatedColumn, true);
    m_table->setColumnHidden(TicketListModel::ValueColumn, true);
    m_table->setColumnWidth(TicketListModel::ValueColumn, 96);
    layout->addWidget(m_table, 1);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty, 1);
    connect(m_table, &QTableView::activated, this, &TicketListPane::openTicket);
    clear(tr("Select a row to list the tickets behind it."));
}

void TicketListPane::addHeaderWidget(QWidget* widget) {
    auto* header = static_cast<QHBoxLayout*>(layout()->itemAt(0)->layout());
    header->insertWidget(1, widget);
}

void TicketListPane::setEscalatedColumnVisible(bool visible) {
    m_table->setColumnHidden(TicketListModel::EscalatedColumn, !visible);
}

void TicketListPane::showValues(const QString& title, QStringList values) {
    // Wide enough for its title and the first values (a few hundred pixels
    // at most: the subject needs room too).
    constexpr int valuesMeasured = 100;
    constexpr int widest = 300;
    int width = m_table->horizontalHeader()->fontMetrics().horizontalAdvance(title) + 32;
    for (qsizetype i = 0; i < std::min<qsizetype>(values.size(), valuesMeasured); ++i) {
        width = std::max(width, m_table->fontMetrics().horizontalAdvance(values[i]) + 16);
    }
    m_model->setValues(title, std::move(values));
    m_table->setColumnHidden(TicketListModel::ValueColumn, !m_model->hasValues());
    m_table->setColumnWidth(TicketListModel::ValueColumn, std::clamp(width, 96, widest));
}

void TicketListPane::showTickets(store::Workspace* workspace, const QString& heading,
                                 std::vector<std::int64_t> ticketRows) {
    m_workspace = workspace;
    m_table->setColumnHidden(TicketListModel::ValueColumn, true);
    const std::size_t count = ticketRows.size();
    m_model->setTickets(workspace, std::move(ticketRows));
    m_heading->setText(shown::text(heading));
    m_count->setText(count == 1 ? tr("1 ticket")
                                : tr("%1 tickets").arg(display::count(std::int64_t(count))));
    m_table->setVisible(true);
    m_empty->setVisible(false);
}

void TicketListPane::clear(const QString& emptyText) {
    m_model->setTickets(nullptr, {});
    m_heading->setText(tr("Tickets"));
    m_count->clear();
    m_empty->setText(emptyText);
    m_table->setVisible(false);
    m_empty->setVisible(true);
}

QString TicketListPane::headingText() const {
    return m_heading->text();
}

void TicketListPane::openTicket(const QModelIndex& index) {
    if (!index.isValid() || !m_workspace) {
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(shown::text(tr("Ticket %1").arg(m_model->ticketIdAt(index.row()))));
    dialog.resize(760, 560);
    auto* layout = new QVBoxLayout(&dialog);
    auto* detail = new TicketDetailPane(&dialog);
    detail->showTicket(m_workspace,
                       m_model->data(index, TicketListModel::TicketRowRole).value<std::int64_t>());
    layout->addWidget(detail, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace escdesk::ui

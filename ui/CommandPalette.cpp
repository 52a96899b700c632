#include "CommandPalette.h"

#include "ShownText.h"
#include "WorkspaceReading.h"
#include "browse/TicketQuery.h"
#include "store/Workspace.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <span>

namespace escdesk::ui {

namespace {

constexpr int maxTicketHits = 8;
// Item data: a command index, or a ticket as (row, id).
constexpr int commandRole = Qt::UserRole;
constexpr int ticketRowRole = Qt::UserRole + 1;
constexpr int ticketIdRole = Qt::UserRole + 2;

// Every word of the query occurs in the text (case-insensitive).
bool matches(const QString& text, const QStringList& words) {
    return std::all_of(words.begin(), words.end(), [&text](const QString& word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

} // namespace

CommandPalette::CommandPalette(QWidget* parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Go to"));
    resize(620, 420);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(0);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Type a page, an action, or a ticket id or subject"));
    m_search->setAccessibleName(tr("Command search"));
    m_search->installEventFilter(this);
    layout->addWidget(m_search);
    m_results->setObjectName(QStringLiteral("paletteList"));
    m_results->setAccessibleName(tr("Matching commands and tickets"));
    m_results->setUniformItemSizes(true);
    layout->addWidget(m_results, 1);
    m_hint->setObjectName(QStringLiteral("footnote"));
    m_hint->setContentsMargins(12, 6, 12, 0);
    m_hint->setText(tr("↑↓ to choose · Enter to open · Esc to close"));
    layout->addWidget(m_hint);

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::search);
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { activate(m_results->row(item)); });
    connect(&m_tickets, &QFutureWatcherBase::finished, this, &CommandPalette::showTickets);
}

CommandPalette::~CommandPalette() {
    if (m_cancel) {
        *m_cancel = true;
    }
    m_tickets.waitForFinished();
}

void CommandPalette::setCommands(std::vector<Command> commands) {
    m_commands = std::move(commands);
    search(m_search->text());
}

void CommandPalette::setWorkspacePath(const QString& path) {
    m_workspacePath = path;
}

void CommandPalette::reset() {
    m_search->clear();
    search(QString());
    m_search->setFocus();
}

bool CommandPalette::isSearching() const {
    return m_tickets.isRunning();
}

void CommandPalette::search(const QString& text) {
    ++m_generation;
    if (m_cancel) {
        *m_cancel = true;
        m_cancel.reset();
    }
    m_results->clear();
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (std::size_t index = 0; index < m_commands.size(); ++index) {
        const Command& command = m_commands[index];
        if (!matches(command.text, words)) {
            continue;
        }
        // Commands may name workspaces and files: shown as plain text.
        auto* item = new QListWidgetItem(command.icon, shown::text(command.text), m_results);
        item->setData(commandRole, int(index));
        if (!command.detail.isEmpty()) {
            item->setText(shown::text(command.text + QStringLiteral("    ") + command.detail));
        }
        item->setSizeHint(QSize(0, 30));
    }
    m_results->setCurrentRow(0);
    const QString query = text.trimmed();
    if (query.size() < 2 || m_workspacePath.isEmpty()) {
        return;
    }
    // Tickets by id or subject, on a worker thread.
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const quint64 generation = m_generation;
    const QString path = m_workspacePath;
    m_tickets.setFuture(QtConcurrent::run([path, query, cancel, generation]() {
        TicketSearch result;
        result.generation = generation;
        try {
            store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
            readWithoutFileMap(workspace.db());
            browse::TicketFilter filter;
            filter.text = query;
            const std::vector<std::int64_t> ids =
                browse::ticketRowIds(workspace.db(), filter, browse::TicketSort{}, cancel.get());
            const std::size_t count = std::min<std::size_t>(ids.size(), maxTicketHits);
            for (const browse::TicketListRow& row : browse::ticketListRows(
                     workspace.db(), std::span<const std::int64_t>(ids.data(), count))) {
                result.hits.push_back({row.row, row.ticketId, row.subject});
            }
        } catch (const store::StoreError&) {
            // The palette still offers pages and actions.
        }
        return result;
    }));
}

void CommandPalette::showTickets() {
    const TicketSearch result = m_tickets.result();
    if (result.generation != m_generation) {
        // A newer query is running or done; its own finish shows it. The
        // watcher reports only its last future, so start it if needed.
        return;
    }
    addTicketItems(result.hits);
}

void CommandPalette::addTicketItems(const std::vector<TicketHit>& hits) {
    const bool hadResults = m_results->count() > 0;
    for (const TicketHit& hit : hits) {
        auto* item = new QListWidgetItem(
            QIcon(QStringLiteral(":/icons/page-escalations.svg")),
            shown::text(tr("Ticket %1 — %2").arg(hit.ticketId, hit.subject)), m_results);
        item->setData(ticketRowRole, qint64(hit.row));
        item->setData(ticketIdRole, hit.ticketId);
        item->setToolTip(shown::toolTip(hit.subject));
        item->setSizeHint(QSize(0, 30));
    }
    if (!hadResults) {
        m_results->setCurrentRow(0);
    }
}

void CommandPalette::activate(int row) {
    QListWidgetItem* item = m_results->item(row);
    if (!item) {
        return;
    }
    accept();
    if (item->data(commandRole).isValid()) {
        const auto index = std::size_t(item->data(commandRole).toInt());
        if (index < m_commands.size() && m_commands[index].run) {
            m_commands[index].run();
        }
    } else if (item->data(ticketRowRole).isValid()) {
        emit ticketChosen(item->data(ticketRowRole).toLongLong(),
                          item->data(ticketIdRole).toString());
    }
}

// Up, Down and Enter in the search box move through and open the results.
bool CommandPalette::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int current = m_results->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            m_results->setCurrentRow(std::min(current + 1, m_results->count() - 1));
            return true;
        case Qt::Key_Up:
            m_results->setCurrentRow(std::max(current - 1, 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(std::max(current, 0));
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace escdesk::ui

#pragma once

// The command palette (Ctrl+K): one search box over the pages, the menu
// actions and the tickets of the open workspace (by id or subject). Pages
// and actions match as the user types; tickets are looked up on a worker
// thread with its own read-only connection, and a newer query cancels an
// older one.

#include <QDialog>
#include <QFutureWatcher>
#include <QIcon>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;

namespace escdesk::ui {

class CommandPalette : public QDialog {
    Q_OBJECT
public:
    struct Command {
        QString text;   // what the user searches, e.g. "Go to Dashboard"
        QString detail; // e.g. its shortcut
        QIcon icon;
        std::function<void()> run;
    };

    explicit CommandPalette(QWidget* parent = nullptr);
    ~CommandPalette() override;

    void setCommands(std::vector<Command> commands);
    // The workspace whose tickets are searched; empty for none.
    void setWorkspacePath(const QString& path);
    // Starts over with an empty query.
    void reset();

    QLineEdit* searchBox() const { return m_search; }
    QListWidget* results() const { return m_results; }
    // Whether a ticket search is still running.
    bool isSearching() const;
    // Runs the result in `row` (as Enter does) and closes the palette.
    void activate(int row);

signals:
    void ticketChosen(std::int64_t ticketRow, const QString& ticketId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct TicketHit {
        std::int64_t row = 0;
        QString ticketId;
        QString subject;
    };
    struct TicketSearch {
        quint64 generation = 0;
        std::vector<TicketHit> hits;
    };
    void search(const QString& text);
    void showTickets();
    void addTicketItems(const std::vector<TicketHit>& hits);

    QLineEdit* m_search;
    QListWidget* m_results;
    QLabel* m_hint;
    std::vector<Command> m_commands;
    QString m_workspacePath;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<TicketSearch> m_tickets;
};

} // namespace escdesk::ui

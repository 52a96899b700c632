#pragma once

// The drill-down of a figure in a window of its own: the tickets the figure
// counts (a rate's numerator, a duration's sample) and, on a second tab, the
// tickets it is taken over (the denominator), as core listed them.

#include <QDialog>

#include <cstdint>
#include <vector>

class QTabWidget;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class TicketListPane;

struct TicketListSpec {
    QString tabTitle; // e.g. "Bounced"
    QString heading;  // e.g. "Escalations bounced back, 2–8 Nov"
    std::vector<std::int64_t> rows;
    bool showEscalatedColumn = false;
    // A column of each ticket's value (e.g. its delay), when given.
    QString valueTitle;
    QStringList values;
};

class FigureTicketsDialog : public QDialog {
    Q_OBJECT
public:
    // `population` with no tab title is left out (e.g. a count has no
    // denominator of its own).
    FigureTicketsDialog(store::Workspace* workspace, const QString& title, TicketListSpec counted,
                        TicketListSpec population, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    TicketListPane* countedPane() const { return m_counted; }
    // Null when there is no population tab.
    TicketListPane* populationPane() const { return m_population; }

private:
    QTabWidget* m_tabs;
    TicketListPane* m_counted;
    TicketListPane* m_population = nullptr;
};

} // namespace escdesk::ui

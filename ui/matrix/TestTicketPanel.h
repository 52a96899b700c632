#pragma once

// "Test a ticket": applies the matrix being edited to one stored ticket —
// which severity rule fires and why (each condition, whether it held and the
// value it was tested against), and its SLA clocks as of now or a chosen
// instant. The answers come from core's MatrixEvaluator.

#include "domain/Instant.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTableWidget;
class QTreeWidget;

namespace escdesk::ui {

class MatrixDocument;

class TestTicketPanel : public QWidget {
    Q_OBJECT
public:
    explicit TestTicketPanel(MatrixDocument* document, QWidget* parent = nullptr);

    // Evaluates the ticket with this helpdesk id as of `asOf` (none: now).
    void testTicket(const QString& ticketId, std::optional<UtcSeconds> asOf = std::nullopt);
    // Picks a ticket worth showing (an escalated one) when none is chosen.
    void chooseExample();

    QString firedRule() const { return m_firedRule; }
    QLabel* verdict() const { return m_verdict; }
    QTreeWidget* conditions() const { return m_conditions; }
    QTableWidget* clocks() const { return m_clocks; }
    QLineEdit* ticketEdit() const { return m_ticket; }

private:
    void evaluate();
    void updateCompletions(const QString& text);

    MatrixDocument* m_document;
    QLineEdit* m_ticket;
    QStringListModel* m_completions;
    QCheckBox* m_now;
    QDateTimeEdit* m_asOf;
    QPushButton* m_run;
    QLabel* m_heading;
    QLabel* m_verdict;
    QTreeWidget* m_conditions;
    QTableWidget* m_clocks;
    QLabel* m_clockNote;
    QString m_firedRule;
};

} // namespace escdesk::ui

#pragma once

// "Suggested rules": severity rules core proposes from the workspace's
// history (analysis/SuggestedRules.h) — conditions that preceded escalation,
// each with its precision and recall on the latest months held out — and,
// for the selected one, the held-out tickets it matches. "Adopt into draft"
// hands the rule on; the page adds it to the matrix being edited.

#include "analysis/SuggestedRules.h"
#include "matrix/Matrix.h"
#include "pages/BackgroundJob.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace escdesk::ui {

class MatrixDocument;
class TicketListPane;

struct SuggestionFigures {
    analysis::RuleSuggestions suggestions;
    QString error;
};

class SuggestedRulesPanel : public QWidget {
    Q_OBJECT
public:
    enum Column {
        RuleColumn,
        TierColumn,
        PriorityColumn,
        PrecisionColumn,
        RecallColumn,
        SupportColumn,
        OverlapColumn,
        ColumnCount
    };

    explicit SuggestedRulesPanel(MatrixDocument* document, QWidget* parent = nullptr);
    ~SuggestedRulesPanel() override;

    // Computes the suggestions for the document's workspace off the GUI
    // thread (again when `force`, else only when not yet computed for it).
    void refresh(bool force = false);
    // Forgets what was shown (another workspace).
    void reset();
    // Training tickets a suggestion must match (SuggestionOptions::minSupport).
    void setMinimumSupport(int tickets) { m_options.minSupport = tickets; }
    void setAsynchronous(bool asynchronous) { m_job.setAsynchronous(asynchronous); }
    bool isBusy() const { return m_job.isRunning(); }

    const analysis::RuleSuggestions& suggestions() const { return m_figures.suggestions; }
    QTableWidget* table() const { return m_table; }
    QPushButton* adoptButton() const { return m_adopt; }
    QSpinBox* holdoutMonths() const { return m_holdout; }
    TicketListPane* tickets() const { return m_tickets; }
    QLabel* summary() const { return m_summary; }

signals:
    // "Adopt into draft" on a suggestion: the rule to add.
    void adoptRequested(const matrix::SeverityRule& rule);

private:
    void showFigures(SuggestionFigures figures);
    void showSelected();
    void adoptSelected();
    int selectedIndex() const;

    MatrixDocument* m_document;
    QSpinBox* m_holdout;
    QPushButton* m_find;
    QLabel* m_summary;
    QTableWidget* m_table;
    QPushButton* m_adopt;
    TicketListPane* m_tickets;
    BackgroundJob m_job;
    SuggestionFigures m_figures;
    analysis::SuggestionOptions m_options;
    QString m_computedFor; // the workspace path the figures are of
};

} // namespace escdesk::ui

#pragma once

// Matrix: the team's escalation policy, edited in place — tiers, severity
// rules, SLA policies, calendars, checklists, taxonomy and cost — with undo
// and redo of every edit, validation shown beside the field at fault and in
// a list that jumps to it, the change history, a "test a ticket" panel, and
// import/export of the matrix file.

#include "matrix/Matrix.h"
#include "pages/WorkspacePage.h"

class QAction;
class QLabel;
class QListWidget;
class QTabWidget;
class QToolButton;

namespace escdesk::ui {

class CalendarsEditor;
class ChecklistsEditor;
class CostEditor;
class HistoryView;
class MatrixDocument;
class MatrixEditor;
class RulesEditor;
class SlaEditor;
class SuggestedRulesPanel;
class TaxonomyEditor;
class TestTicketPanel;
class TiersEditor;

class MatrixPage : public WorkspacePage {
    Q_OBJECT
public:
    explicit MatrixPage(QWidget* parent = nullptr);

    void setWorkspace(store::Workspace* workspace) override;
    bool isBusy() const override;
    QString screenshotName() const override { return QStringLiteral("matrix"); }
    void prepareScreenshot() override;
    QStringList screenshotViews() const override;
    void showScreenshotView(int index) override;
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    MatrixDocument* document() const { return m_document; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    // Import… (a matrix file): disabled on a read-only workspace.
    QAction* importAction() const { return m_import; }

    enum Tab {
        TiersTab,
        RulesTab,
        SlaTab,
        CalendarsTab,
        ChecklistsTab,
        TaxonomyTab,
        HistoryTab,
        TestTab,
        SuggestedTab
    };
    QTabWidget* tabs() const { return m_tabs; }
    TiersEditor* tiersEditor() const { return m_tiers; }
    RulesEditor* rulesEditor() const { return m_rules; }
    SlaEditor* slaEditor() const { return m_sla; }
    CalendarsEditor* calendarsEditor() const { return m_calendars; }
    ChecklistsEditor* checklistsEditor() const { return m_checklists; }
    TaxonomyEditor* taxonomyEditor() const { return m_taxonomy; }
    CostEditor* costEditor() const { return m_cost; }
    HistoryView* history() const { return m_history; }
    TestTicketPanel* testPanel() const { return m_test; }
    SuggestedRulesPanel* suggestedRules() const { return m_suggested; }
    QListWidget* issueList() const { return m_issues; }

    // Imports the matrix file at `path` as one undoable edit; a file with
    // errors is refused and nothing changes. Returns the problems (empty on
    // success), one "line N: reason" each. `quiet`: no message boxes.
    QStringList importFile(const QString& path, bool quiet = false);
    // Writes the matrix file; returns the error, empty on success.
    QString exportFile(const QString& path, bool quiet = false);
    // Shows the tab and the place a validation issue's path names.
    bool revealPath(const QString& path);

private:
    void showIssues();
    void adoptRule(const matrix::SeverityRule& rule);
    void chooseImport();
    void chooseExport();

    store::Workspace* m_workspace = nullptr;
    MatrixDocument* m_document;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_import;
    QLabel* m_status;
    QLabel* m_defaultsHelp = nullptr;
    QTabWidget* m_tabs;
    TiersEditor* m_tiers;
    RulesEditor* m_rules;
    SlaEditor* m_sla;
    CalendarsEditor* m_calendars;
    ChecklistsEditor* m_checklists;
    TaxonomyEditor* m_taxonomy;
    CostEditor* m_cost;
    HistoryView* m_history;
    TestTicketPanel* m_test;
    SuggestedRulesPanel* m_suggested;
    QListWidget* m_issues;
    QLabel* m_issuesTitle;
};

} // namespace escdesk::ui

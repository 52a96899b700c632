#pragma once

// Matrix: the team's escalation policy, edited in place — tiers, severity
// rules, SLA policies, calendars, checklists, taxonomy and cost — with undo
// and redo of every edit, validation shown beside the field at fault and in
// a list that jumps to it, the change history, a "test a ticket" panel, and
// import/export of the matrix file. A draft can be kept beside the published
// matrix: while there is one, every editor edits it, a banner says so, and
// the draft can be compared with the published matrix, replayed on past
// tickets, published as one history entry, or discarded.

#include "matrix/Matrix.h"
#include "matrix/MatrixDraft.h"
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
class DraftBanner;
class DraftDiffView;
class HistoryView;
class MatrixDocument;
class MatrixEditor;
class ReplayPanel;
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
    QString screenshotName() const override { return QStringLiteral("matrix"); }
    void prepareScreenshot() override;
    QStringList screenshotViews() const override;
    void showScreenshotView(int index) override;
    void finishScreenshots() override;
    bool isBusy() const override;
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    MatrixDocument* document() const { return m_document; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    // Import… (a matrix file): disabled on a read-only workspace.
    QAction* importAction() const { return m_import; }
    // Start a Draft: shown while there is none; disabled on a read-only
    // workspace, saying why.
    QAction* startDraftAction() const { return m_startDraft; }

    enum Tab {
        TiersTab,
        RulesTab,
        SlaTab,
        CalendarsTab,
        ChecklistsTab,
        TaxonomyTab,
        HistoryTab,
        TestTab,
        CompareTab, // while there is a draft
        ReplayTab,  // while there is a draft
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
    DraftBanner* draftBanner() const { return m_banner; }
    DraftDiffView* draftDiff() const { return m_diff; }
    ReplayPanel* replayPanel() const { return m_replay; }
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

    // Starts a draft (or takes up the stored one). Returns the problem,
    // empty on success; `quiet`: no message box.
    QString startDraft(bool quiet = false);
    // Publishes the draft with `summary`; says what happened unless `quiet`
    // (a stale base is left to the caller: choosePublish() asks).
    matrix::PublishResult publishDraft(const QString& summary, bool force, bool quiet = false);
    // Discards the draft; returns the problem, empty on success.
    QString discardDraft(bool quiet = false);
    // Asks for the summary, publishes, and on a stale base asks whether to
    // publish anyway.
    void choosePublish();
    // Asks before discarding the draft.
    void chooseDiscard();

private:
    void showIssues();
    void adoptRule(const matrix::SeverityRule& rule);
    void chooseImport();
    void chooseExport();
    void showDraftMode();
    void showReplay();
    // The draft of the screenshots: an example change on the workspace's
    // draft, when there was none (discarded once the screenshots are taken).
    void startScreenshotDraft();

    store::Workspace* m_workspace = nullptr;
    MatrixDocument* m_document;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_import;
    QAction* m_startDraft;
    QToolButton* m_startDraftButton;
    bool m_screenshotDraft = false;
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
    DraftBanner* m_banner;
    DraftDiffView* m_diff;
    ReplayPanel* m_replay;
    SuggestedRulesPanel* m_suggested;
    QListWidget* m_issues;
    QLabel* m_issuesTitle;
};

} // namespace escdesk::ui

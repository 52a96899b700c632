#include "pages/MatrixPage.h"

#include "EditPermission.h"
#include "ShownText.h"
#include "matrix/CalendarsEditor.h"
#include "matrix/ChecklistsEditor.h"
#include "matrix/CostEditor.h"
#include "matrix/DraftBanner.h"
#include "matrix/DraftDiffView.h"
#include "matrix/HistoryView.h"
#include "matrix/MatrixDiff.h"
#include "matrix/MatrixDocument.h"
#include "matrix/MatrixFile.h"
#include "matrix/PublishDraftDialog.h"
#include "matrix/ReplayPanel.h"
#include "matrix/RulesEditor.h"
#include "matrix/SlaEditor.h"
#include "matrix/SuggestedRulesPanel.h"
#include "matrix/TaxonomyEditor.h"
#include "matrix/TestTicketPanel.h"
#include "matrix/TiersEditor.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"
#include "widgets/PeriodPicker.h"

#include <algorithm>

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

const QString fileFilter = QStringLiteral("Matrix files (*.json);;All files (*)");

QToolButton* barButton(QAction* action, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setMinimumHeight(28);
    return button;
}

// "1 error, 2 warnings".
QString counted(int errors, int warnings) {
    const QString e =
        errors == 1 ? MatrixPage::tr("1 error") : MatrixPage::tr("%1 errors").arg(errors);
    const QString w =
        warnings == 1 ? MatrixPage::tr("1 warning") : MatrixPage::tr("%1 warnings").arg(warnings);
    return e + QStringLiteral(", ") + w;
}

// Whether `matrix` is still the default one (in any of its calendars' zones).
bool isDefaultMatrix(const matrix::Matrix& matrix) {
    return std::any_of(matrix.calendars.begin(), matrix.calendars.end(),
                       [&matrix](const sla::BusinessCalendar& calendar) {
                           return matrix == matrix::defaultMatrix(calendar.timeZone);
                       });
}

} // namespace

MatrixPage::MatrixPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_document(new MatrixDocument(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_issues(new QListWidget(this))
    , m_issuesTitle(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(10);

    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    // The keys undo matrix edits only where they are made: on another page
    // Ctrl+Z must not change the matrix unseen (the Edit menu always can).
    for (QAction* action : {m_undo, m_redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_import = new QAction(tr("Import…"), this);
    m_import->setToolTip(tr("Replace the matrix with a matrix file (can be undone)"));
    m_startDraft = new QAction(tr("Start a Draft"), this);
    m_startDraft->setToolTip(tr("Copy the published matrix into a draft: edit it, compare it and "
                                "replay past tickets through it before it becomes the team's "
                                "policy"));
    auto* exportAction = new QAction(tr("Export…"), this);
    // Ctrl+E as on the Reports page; only while the matrix page is shown.
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(exportAction);
    exportAction->setToolTip(
        tr("Save the matrix as a file to share or keep in version control (%1)")
            .arg(exportAction->shortcut().toString(QKeySequence::NativeText)));

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    auto* title = new QLabel(tr("Escalation matrix"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    titles->addWidget(title);
    m_status->setObjectName(QStringLiteral("subtitle"));
    m_status->setTextFormat(Qt::RichText);
    titles->addWidget(m_status);
    header->addLayout(titles, 1);
    for (QAction* action : {m_undo, m_redo}) {
        auto* button = barButton(action, this);
        button->setMaximumWidth(260);
        header->addWidget(button);
    }
    header->addSpacing(12);
    m_startDraftButton = barButton(m_startDraft, this);
    header->addWidget(m_startDraftButton);
    header->addWidget(barButton(m_import, this));
    header->addWidget(barButton(exportAction, this));
    layout->addLayout(header);
    m_banner = new DraftBanner(m_document, this);
    layout->addWidget(m_banner);
    // A first-time user sees what the defaults are before changing them.
    m_defaultsHelp = new QLabel(
        tr("<b>These are the default tiers, rules and SLAs.</b> Four tiers: Tier 1 frontline, "
           "Tier 2 technical support, Tier 3 engineering and product, and Management. Severity "
           "rules make an outage, a payment failure or a VIP account <i>Critical</i> (escalate "
           "at once) and many affected users <i>High</i> (escalate after 10–15 minutes without "
           "progress); a workaround makes a ticket <i>Low</i>. SLAs: Critical — acknowledge in "
           "15 minutes, resolve in 2 hours; standard — first response in 4 hours, resolve in 24 "
           "hours, on business hours. Change anything to fit your team: every edit is saved at "
           "once, can be undone, and is recorded in History. Help › User Guide explains each "
           "part."),
        this);
    m_defaultsHelp->setObjectName(QStringLiteral("inlineHelp"));
    m_defaultsHelp->setWordWrap(true);
    m_defaultsHelp->setTextFormat(Qt::RichText);
    m_defaultsHelp->hide();
    layout->addWidget(m_defaultsHelp);

    m_tiers = new TiersEditor(m_document, this);
    m_rules = new RulesEditor(m_document, this);
    m_sla = new SlaEditor(m_document, this);
    m_calendars = new CalendarsEditor(m_document, this);
    m_checklists = new ChecklistsEditor(m_document, this);
    auto* causes = new QWidget(this);
    auto* causesLayout = new QHBoxLayout(causes);
    causesLayout->setContentsMargins(16, 16, 16, 16);
    causesLayout->setSpacing(24);
    m_taxonomy = new TaxonomyEditor(m_document, causes);
    m_cost = new CostEditor(m_document, causes);
    causesLayout->addWidget(m_taxonomy, 3);
    causesLayout->addWidget(m_cost, 1);
    m_history = new HistoryView(m_document, this);
    m_test = new TestTicketPanel(m_document, this);
    m_diff = new DraftDiffView(m_document, this);
    m_replay = new ReplayPanel(m_document, this);
    m_suggested = new SuggestedRulesPanel(m_document, this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_tiers, tr("Tiers"));
    m_tabs->addTab(m_rules, tr("Severity rules"));
    m_tabs->addTab(m_sla, tr("SLA policies"));
    m_tabs->addTab(m_calendars, tr("Calendars"));
    m_tabs->addTab(m_checklists, tr("Checklists"));
    m_tabs->addTab(causes, tr("Root causes && cost"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_test, tr("Test a ticket"));
    m_tabs->addTab(m_diff, tr("Compare"));
    m_tabs->addTab(m_replay, tr("Replay"));
    m_tabs->addTab(m_suggested, tr("Suggestions"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tabs);
    auto* issuesBox = new QWidget(splitter);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 6, 0, 0);
    issuesLayout->setSpacing(4);
    m_issuesTitle->setObjectName(QStringLiteral("sectionTitle"));
    issuesLayout->addWidget(m_issuesTitle);
    m_issues->setAccessibleName(tr("Validation messages"));
    m_issues->setAlternatingRowColors(true);
    m_issues->setWordWrap(true);
    m_issues->setIconSize(QSize(16, 16));
    m_issues->setToolTip(tr("Click a message to go to the place it names"));
    issuesLayout->addWidget(m_issues);
    splitter->addWidget(issuesBox);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 80});
    layout->addWidget(splitter, 1);

    connect(m_document, &MatrixDocument::matrixChanged, this, &MatrixPage::showIssues);
    connect(m_document, &MatrixDocument::saveFailed, this, [this](const QString& message) {
        shown::warning(this, tr("Matrix not saved"), message);
    });
    connect(m_issues, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { revealPath(item->data(Qt::UserRole).toString()); });
    connect(m_issues, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { revealPath(item->data(Qt::UserRole).toString()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == HistoryTab) {
            m_history->reload();
        }
        if (index == SuggestedTab) {
            m_suggested->refresh();
        }
    });
    connect(m_suggested, &SuggestedRulesPanel::adoptRequested, this, &MatrixPage::adoptRule);
    connect(m_import, &QAction::triggered, this, &MatrixPage::chooseImport);
    connect(exportAction, &QAction::triggered, this, &MatrixPage::chooseExport);
    connect(m_startDraft, &QAction::triggered, this, [this] { startDraft(); });
    connect(m_document, &MatrixDocument::draftModeChanged, this, &MatrixPage::showDraftMode);
    connect(m_document, &MatrixDocument::matrixChanged, this, [this] {
        m_banner->refresh();
        m_diff->refresh();
        m_replay->markOutdated();
    });
    connect(m_banner, &DraftBanner::compareRequested, this,
            [this] { m_tabs->setCurrentIndex(CompareTab); });
    connect(m_banner, &DraftBanner::replayRequested, this, &MatrixPage::showReplay);
    connect(m_banner, &DraftBanner::publishRequested, this, &MatrixPage::choosePublish);
    connect(m_banner, &DraftBanner::discardRequested, this, &MatrixPage::chooseDiscard);
    connect(m_diff, &DraftDiffView::sectionActivated, this, &MatrixPage::revealPath);
    showDraftMode();
    showIssues();
}

void MatrixPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    enableEdit(m_import, true, readOnlyExplanation(workspace));
    enableEdit(m_startDraft, true, readOnlyExplanation(workspace));
    m_document->setWorkspace(workspace);
    m_suggested->reset();
    if (m_tabs->currentIndex() == HistoryTab) {
        m_history->reload();
    }
    if (m_tabs->currentIndex() == SuggestedTab) {
        m_suggested->refresh();
    }
}

void MatrixPage::adoptRule(const matrix::SeverityRule& rule) {
    // Into the draft, started from the published matrix when there is none;
    // the rule is one undoable edit of it.
    if (!m_document->isEditingDraft() && !startDraft().isEmpty()) {
        return;
    }
    const auto& rules = m_document->matrix().rules;
    if (std::any_of(rules.begin(), rules.end(), [&rule](const matrix::SeverityRule& existing) {
            return existing.conditions == rule.conditions;
        })) {
        shown::warning(
            this, tr("Rule not added"),
            tr("The draft already has a rule with the conditions of “%1”.").arg(rule.name));
        return;
    }
    const bool added = m_document->edit(
        tr("Adopt suggested rule “%1”").arg(rule.name),
        [&rule](matrix::Matrix& matrix) { analysis::insertSuggestedRule(matrix.rules, rule); });
    if (added) {
        m_tabs->setCurrentIndex(RulesTab);
    }
}

void MatrixPage::showIssues() {
    const auto& issues = m_document->issues();
    const QString readOnly = m_document->readOnlyExplanation();
    // An invitation to change the defaults: not where nothing can be changed.
    m_defaultsHelp->setVisible(m_workspace && readOnly.isEmpty() && !m_document->isEditingDraft() &&
                               isDefaultMatrix(m_document->matrix()));
    m_issues->clear();
    for (const matrix::ValidationIssue& issue : issues) {
        // The message names its place; the section in front sorts it visually.
        const QString section = issue.place.section(QStringLiteral(" › "), 0, 0);
        auto* item = new QListWidgetItem(
            issueIcon(issue.severity),
            shown::text(QStringLiteral("%1:  %2").arg(section, issue.message)), m_issues);
        item->setData(Qt::UserRole, issue.path);
        item->setToolTip(shown::toolTip(QStringLiteral("%1\n%2").arg(issue.place, issue.message)));
    }
    const int errors = m_document->errorCount();
    const int warnings = m_document->warningCount();
    if (!m_workspace) {
        m_status->setText(tr("No workspace is open."));
    } else if (!readOnly.isEmpty()) {
        m_status->setText(tr("<span style='color:#b7791f'>%1</span> The matrix is shown as it is "
                             "stored and cannot be changed here.")
                              .arg(shown::html(readOnly)));
    } else if (errors == 0 && warnings == 0 && m_document->isEditingDraft()) {
        m_status->setText(tr("<span style='color:#2f855a'>✔ The draft is valid.</span> Every edit "
                             "is saved to the draft; the history records the draft when it is "
                             "published."));
    } else if (errors == 0 && warnings == 0) {
        m_status->setText(tr("<span style='color:#2f855a'>✔ The matrix is valid.</span> Every edit "
                             "is saved at once and recorded in the history."));
    } else {
        m_status->setText(
            tr("<span style='color:%1'>%2</span> — see the list below; click a "
               "message to go to its place.")
                .arg(errors > 0 ? QStringLiteral("#c53030") : QStringLiteral("#b7791f"),
                     counted(errors, warnings)));
    }
    // Each editor's tab carries the worst mark of its sections.
    const std::pair<MatrixEditor*, int> editors[] = {
        {m_tiers, TiersTab},         {m_rules, RulesTab},           {m_sla, SlaTab},
        {m_calendars, CalendarsTab}, {m_checklists, ChecklistsTab}, {m_taxonomy, TaxonomyTab}};
    for (const auto& [editor, tab] : editors) {
        IssueList found;
        QStringList sections = editor->sections();
        if (tab == TaxonomyTab) {
            sections << m_cost->sections();
        }
        for (const QString& section : sections) {
            const IssueList own = issuesAt(issues, section, true);
            found.insert(found.end(), own.begin(), own.end());
        }
        m_tabs->setTabIcon(tab, found.empty()
                                    ? QIcon()
                                    : issueIcon(hasError(found)
                                                    ? matrix::ValidationIssue::Severity::Error
                                                    : matrix::ValidationIssue::Severity::Warning));
        m_tabs->setTabToolTip(tab, shown::toolTip(issueTooltip(found)));
    }
    m_issuesTitle->setText(issues.empty() ? tr("Validation — no problems")
                                          : tr("Validation — %1").arg(counted(errors, warnings)));
    if (issues.empty()) {
        auto* item = new QListWidgetItem(tr("Every tier has an owner and a backup, every customer "
                                            "tier × priority an SLA, and every rule can fire."),
                                         m_issues);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().color(QPalette::PlaceholderText));
    }
}

bool MatrixPage::revealPath(const QString& path) {
    const QString section = path.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
    const std::pair<MatrixEditor*, int> editors[] = {
        {m_tiers, TiersTab},         {m_rules, RulesTab},           {m_sla, SlaTab},
        {m_calendars, CalendarsTab}, {m_checklists, ChecklistsTab}, {m_taxonomy, TaxonomyTab},
        {m_cost, TaxonomyTab}};
    for (const auto& [editor, tab] : editors) {
        if (editor->sections().contains(section)) {
            m_tabs->setCurrentIndex(tab);
            return editor->reveal(path);
        }
    }
    return false;
}

QStringList MatrixPage::importFile(const QString& path, bool quiet) {
    QFile file(path);
    QStringList problems;
    const QString readOnly = m_document->readOnlyExplanation();
    if (!readOnly.isEmpty()) {
        problems << readOnly;
    } else if (!file.open(QIODevice::ReadOnly)) {
        problems
            << tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    } else {
        const matrix::MatrixFileReading reading = matrix::readMatrixFile(file.readAll());
        if (reading.ok()) {
            const QString name = QFileInfo(path).fileName();
            m_document->edit(tr("Import the matrix file %1").arg(name),
                             [&](matrix::Matrix& m) { m = *reading.matrix; });
            emit statusMessage(tr("Imported %1").arg(name));
            return {};
        }
        for (const matrix::FileProblem& problem : reading.problems) {
            if (!problem.error) {
                continue;
            }
            if (problem.line > 0 && problem.column > 0) {
                problems << tr("line %1, column %2: %3")
                                .arg(problem.line)
                                .arg(problem.column)
                                .arg(problem.message);
            } else {
                problems << (problem.line > 0
                                 ? tr("line %1: %2").arg(problem.line).arg(problem.message)
                                 : problem.message);
            }
        }
    }
    if (!quiet) {
        QMessageBox box(
            QMessageBox::Warning, tr("Matrix file refused"),
            tr("%1 was not imported; the matrix is unchanged.").arg(QDir::toNativeSeparators(path)),
            QMessageBox::Ok, this);
        box.setInformativeText(problems.mid(0, 12).join(QLatin1Char('\n')));
        box.setDetailedText(shown::text(problems.join(QLatin1Char('\n'))));
        shown::makePlain(box);
        box.exec();
    }
    return problems;
}

QString MatrixPage::exportFile(const QString& path, bool quiet) {
    QSaveFile file(path);
    QString problem;
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(matrix::writeMatrixFile(m_document->matrix())) < 0 || !file.commit()) {
        problem =
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    if (!problem.isEmpty() && !quiet) {
        shown::warning(this, tr("Export failed"), problem);
    }
    return problem;
}

void MatrixPage::chooseImport() {
    if (!m_workspace) {
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import matrix file"), QFileInfo(m_workspace->path()).absolutePath(), fileFilter);
    if (!path.isEmpty()) {
        importFile(path);
    }
}

void MatrixPage::chooseExport() {
    if (!m_workspace) {
        return;
    }
    const QString start =
        QFileInfo(m_workspace->path()).absolutePath() + QStringLiteral("/escalation-matrix.json");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export matrix file"), start, fileFilter);
    if (!path.isEmpty()) {
        exportFile(path);
    }
}

void MatrixPage::showDraftMode() {
    const bool draft = m_document->isEditingDraft();
    m_banner->reloadDraft();
    m_startDraftButton->setVisible(m_workspace && !draft);
    m_tabs->setTabVisible(CompareTab, draft);
    m_tabs->setTabVisible(ReplayTab, draft);
    m_replay->clear();
    m_diff->refresh();
}

void MatrixPage::showReplay() {
    m_tabs->setCurrentIndex(ReplayTab);
    // Once per draft state: a replay can take a while on a large workspace.
    if (!m_replay->isCurrent() && !m_replay->isBusy()) {
        m_replay->run();
    }
}

QString MatrixPage::startDraft(bool quiet) {
    const QString problem = m_document->startDraft();
    if (!problem.isEmpty()) {
        if (!quiet) {
            shown::warning(this, tr("No draft started"), problem);
        }
        return problem;
    }
    emit statusMessage(tr("Editing a draft: the published matrix stays as it is until you "
                          "publish the draft"));
    return {};
}

matrix::PublishResult MatrixPage::publishDraft(const QString& summary, bool force, bool quiet) {
    using Status = matrix::PublishResult::Status;
    const matrix::PublishResult result = m_document->publishDraft(summary, force);
    switch (result.status) {
    case Status::Published:
        emit statusMessage(result.message);
        // Where the one entry it made shows.
        m_tabs->setCurrentIndex(HistoryTab);
        m_history->reload();
        break;
    case Status::Stale:
        break; // choosePublish() asks whether to publish anyway
    case Status::Unchanged:
        if (!quiet) {
            shown::information(this, tr("Nothing to publish"), result.message);
        }
        break;
    case Status::Invalid:
    case Status::NoDraft:
        if (!quiet) {
            QStringList lines{result.message};
            for (const matrix::ValidationIssue& issue : result.issues) {
                if (issue.severity == matrix::ValidationIssue::Severity::Error) {
                    lines << QStringLiteral("%1: %2").arg(issue.place, issue.message);
                }
            }
            shown::warning(this, tr("Draft not published"), lines.join(QLatin1Char('\n')));
        }
        break;
    }
    return result;
}

QString MatrixPage::discardDraft(bool quiet) {
    const QString problem = m_document->discardDraft();
    if (!problem.isEmpty() && !quiet) {
        shown::warning(this, tr("Draft not discarded"), problem);
    }
    if (problem.isEmpty()) {
        emit statusMessage(tr("Draft discarded: the published matrix is shown"));
    }
    return problem;
}

void MatrixPage::choosePublish() {
    if (!m_document->isEditingDraft()) {
        return;
    }
    PublishDraftDialog dialog(*m_document, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const matrix::PublishResult result = publishDraft(dialog.summary(), false);
    if (result.status != matrix::PublishResult::Status::Stale) {
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Publish the Draft"),
                    tr("The published matrix changed since this draft was started."),
                    QMessageBox::Cancel, this);
    box.setInformativeText(result.message + QStringLiteral("\n\n") +
                           tr("Publish anyway to replace those changes with the draft, or cancel "
                              "to keep the draft and look at the History first."));
    QAbstractButton* anyway = box.addButton(tr("Publish Anyway"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    shown::makePlain(box);
    box.exec();
    if (box.clickedButton() == anyway) {
        publishDraft(dialog.summary(), true);
    }
}

void MatrixPage::chooseDiscard() {
    if (!m_document->isEditingDraft()) {
        return;
    }
    const std::size_t differences =
        matrix::diffMatrices(m_document->publishedMatrix(), m_document->matrix()).size();
    const QString question =
        differences == 1 ? tr("Discard the draft and its 1 difference from the published matrix?")
                         : tr("Discard the draft and its %1 differences from the published matrix?")
                               .arg(differences);
    if (shown::question(this, tr("Discard the Draft"),
                        question + QLatin1Char(' ') +
                            tr("The published matrix stays as it is; the draft cannot be "
                               "brought back."),
                        QMessageBox::Discard | QMessageBox::Cancel,
                        QMessageBox::Cancel) == QMessageBox::Discard) {
        discardDraft();
    }
}

bool MatrixPage::isBusy() const {
    return m_replay->isBusy() || m_suggested->isBusy();
}

void MatrixPage::saveSettings(QSettings& settings) const {
    // The draft's tabs come and go with the draft: the editors' are kept.
    const int tab = m_tabs->currentIndex();
    settings.setValue(QStringLiteral("matrix/tab"), tab < CompareTab ? tab : int(TiersTab));
    m_replay->periodPicker()->saveSettings(settings, QStringLiteral("matrix/replay"));
}

void MatrixPage::restoreSettings(QSettings& settings) {
    const int tab = settings.value(QStringLiteral("matrix/tab"), 0).toInt();
    m_tabs->setCurrentIndex(tab >= 0 && tab < CompareTab ? tab : 0);
    m_replay->periodPicker()->restoreSettings(settings, QStringLiteral("matrix/replay"));
}

QStringList MatrixPage::screenshotViews() const {
    return {QStringLiteral("tiers"),     QStringLiteral("rules"),      QStringLiteral("sla"),
            QStringLiteral("calendars"), QStringLiteral("checklists"), QStringLiteral("taxonomy"),
            QStringLiteral("history"),   QStringLiteral("test"),       QStringLiteral("draft-diff"),
            QStringLiteral("replay"),    QStringLiteral("suggested")};
}

void MatrixPage::showScreenshotView(int index) {
    if ((index == CompareTab || index == ReplayTab) && !m_document->isEditingDraft()) {
        startScreenshotDraft();
    }
    m_tabs->setCurrentIndex(index);
    if (index == TestTab) {
        m_test->chooseExample();
    }
    if (index == ReplayTab) {
        m_replay->run();
    }
    if (index == SuggestedTab) {
        m_suggested->refresh();
    }
}

void MatrixPage::startScreenshotDraft() {
    if (!m_document->readOnlyExplanation().isEmpty() || !startDraft(true).isEmpty()) {
        return;
    }
    m_screenshotDraft = true;
    // Changes a manager weighs: more tickets "many users" and sent to
    // engineering, and High tickets resolved in half the time.
    m_document->edit(tr("Widen “Many users affected”"), [](matrix::Matrix& m) {
        for (matrix::SeverityRule& rule : m.rules) {
            if (rule.name == QLatin1String("Many users affected") && !rule.conditions.empty()) {
                rule.conditions.front().value = QStringLiteral("5");
                rule.targetTier = 3;
            }
        }
    });
    m_document->edit(tr("Halve High resolution"), [](matrix::Matrix& m) {
        for (sla::SlaPolicy& policy : m.policies) {
            if (policy.priority == QLatin1String("High")) {
                policy.resolutionMin /= 2;
            }
        }
    });
}

void MatrixPage::finishScreenshots() {
    if (m_screenshotDraft) {
        m_screenshotDraft = false;
        discardDraft(true);
    }
    m_tabs->setCurrentIndex(TiersTab);
}

void MatrixPage::prepareScreenshot() {
    m_tabs->setCurrentIndex(TiersTab);
}

} // namespace escdesk::ui

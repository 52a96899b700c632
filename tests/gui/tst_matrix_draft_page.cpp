// Drafts on the Matrix page: starting one copies the published matrix and
// every editor then edits the draft (saved to the draft, undoable, the change
// log untouched); Compare lists the difference; publishing writes exactly one
// history entry (and explains a stale base, which can be forced or
// cancelled); discarding brings the published matrix back; a draft survives
// reopening the workspace; a read-only workspace refuses to start one; and
// the Replay panel shows what core's replay computes for the same inputs,
// with the tickets behind each rule change.

#include "ShownText.h"
#include "analysis/MatrixReplay.h"
#include "matrix/DraftBanner.h"
#include "matrix/DraftDiffView.h"
#include "matrix/HistoryView.h"
#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixDocument.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"
#include "matrix/PublishDraftDialog.h"
#include "matrix/ReplayPanel.h"
#include "matrix/TiersEditor.h"
#include "metrics/Period.h"
#include "models/DisplayText.h"
#include "models/TicketListModel.h"
#include "pages/MatrixPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "support/MessageBoxAnswer.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace escdesk;
using namespace escdesk::ui;
using testsupport::answerMessageBox;

namespace {

constexpr UtcSeconds created = 1'790'000'000; // 2026-09-21 14:13:20 UTC
constexpr UtcSeconds replayAsOf = created + 30 * 86'400;

// Four tickets of 21 September 2026 (UTC). OUT-1 mentions an outage and is
// tagged VIP: the default rules' first match is "System-wide outage"
// (Critical, Tier 3); without that rule it is "VIP account" (Critical,
// Tier 2). The others match only "Moderate interruption". Two are answered
// and resolved, so the SLA tables have settled targets to count.
void makeWorkspace(const QString& path) {
    store::Workspace workspace(path);
    workspace.setSetting(QStringLiteral("user_name"), QStringLiteral("Dana Lead"));
    workspace.setSetting(QStringLiteral("reporting_time_zone"), QStringLiteral("UTC"));
    store::DataWriter writer(workspace.db());
    const auto add = [&writer](const char* id, UtcSeconds at, const char* subject, const char* tags,
                               std::optional<UtcSeconds> answered,
                               std::optional<UtcSeconds> resolved) {
        Ticket ticket;
        ticket.ticketId = QString::fromLatin1(id);
        ticket.createdAt = at;
        ticket.subject = QString::fromLatin1(subject);
        ticket.tags = QString::fromLatin1(tags);
        ticket.priority = QStringLiteral("High");
        ticket.status = resolved ? QStringLiteral("solved") : QStringLiteral("open");
        ticket.firstResponseAt = answered;
        ticket.resolvedAt = resolved;
        return writer.insertTicket(ticket);
    };
    add("OUT-1", created, "Site outage for all users", "vip, billing", created + 600,
        created + 3 * 3600);
    add("SUP-2", created + 600, "Export produces empty file", "", created + 900,
        created + 30 * 3600);
    add("SUP-3", created + 1200, "Question about invoices", "", std::nullopt, std::nullopt);
    add("SUP-4", created + 1800, "Login page slow", "", created + 7200, std::nullopt);
}

std::size_t changeCount(store::Workspace& workspace) {
    return matrix::readMatrixChanges(workspace.db()).size();
}

matrix::Matrix published(const QString& path) {
    store::Workspace workspace(path);
    return matrix::loadMatrix(workspace.db());
}

// The Tier 2 owner typed in the tiers editor, as a user edits it.
void typeTier2Owner(MatrixPage& page, const QString& owner) {
    page.tiersEditor()->table()->item(1, TiersEditor::OwnerColumn)->setText(owner);
}

// Clicks Publish in the dialog choosePublish() shows, after typing `summary`.
void publishInDialog(const QString& summary) {
    QTimer::singleShot(0, [summary] {
        auto* dialog = qobject_cast<PublishDraftDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->summaryField()->setText(summary);
        dialog->publishButton()->click();
    });
}

QStringList listedTicketIds(TicketListPane* pane) {
    QStringList ids;
    const QAbstractItemModel* model = pane->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        ids << model->index(row, 0).data().toString();
    }
    return ids;
}

} // namespace

class TestMatrixDraft : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newWorkspace() {
        const QString path = m_dir.filePath(QStringLiteral("draft-%1.escdesk").arg(++m_files));
        makeWorkspace(path);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void editorsEditTheDraftWithUndo() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.resize(1200, 800);
        page.show();
        page.setWorkspace(&workspace);
        const matrix::Matrix before = page.document()->matrix();
        const std::size_t entries = changeCount(workspace);
        QVERIFY(!page.draftBanner()->isVisible());
        QVERIFY(!page.tabs()->isTabVisible(MatrixPage::CompareTab));

        page.startDraftAction()->trigger();
        QVERIFY(page.document()->isEditingDraft());
        QVERIFY(page.draftBanner()->isVisible());
        QVERIFY(page.tabs()->isTabVisible(MatrixPage::CompareTab));
        QVERIFY(page.tabs()->isTabVisible(MatrixPage::ReplayTab));
        QVERIFY(page.draftBanner()->label()->text().contains(QStringLiteral("Dana Lead")));
        QVERIFY(page.draftBanner()->label()->text().contains(
            QStringLiteral("No differences from the published matrix yet.")));

        typeTier2Owner(page, QStringLiteral("Priya Natarajan"));
        QCOMPARE(page.document()->matrix().tier(2)->owner, QStringLiteral("Priya Natarajan"));
        QCOMPARE(page.document()->undoStack()->count(), 1);
        // Saved to the draft, not the published matrix or its log.
        QCOMPARE(matrix::loadDraft(workspace.db())->matrix.tier(2)->owner,
                 QStringLiteral("Priya Natarajan"));
        QVERIFY(published(path) == before);
        QCOMPARE(changeCount(workspace), entries);
        QVERIFY(
            page.draftBanner()->label()->text().contains(QStringLiteral("<b>1 difference</b>")));

        // Compare: one section, one row — the owner, published → draft.
        page.draftBanner()->compareButton()->click();
        QCOMPARE(page.tabs()->currentIndex(), int(MatrixPage::CompareTab));
        QTreeWidget* tree = page.draftDiff()->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* section = tree->topLevelItem(0);
        QCOMPARE(section->text(0), QStringLiteral("Tiers — 1 difference"));
        QCOMPARE(section->childCount(), 1);
        const QTreeWidgetItem* row = section->child(0);
        QVERIFY2(row->text(DraftDiffView::WhatColumn).contains(QStringLiteral("owner")),
                 qPrintable(row->text(DraftDiffView::WhatColumn)));
        QVERIFY(row->text(DraftDiffView::PublishedColumn).contains(before.tier(2)->owner));
        QVERIFY(row->text(DraftDiffView::DraftColumn).contains(QStringLiteral("Priya Natarajan")));

        // Undo and redo work on the draft as they do on the published matrix.
        page.undoAction()->trigger();
        QVERIFY(page.document()->matrix() == before);
        QVERIFY(matrix::loadDraft(workspace.db())->matrix == before);
        QCOMPARE(tree->topLevelItemCount(), 0);
        QCOMPARE(page.draftDiff()->heading()->text(),
                 QStringLiteral("The draft equals the published matrix."));
        page.redoAction()->trigger();
        QCOMPARE(matrix::loadDraft(workspace.db())->matrix.tier(2)->owner,
                 QStringLiteral("Priya Natarajan"));
        QCOMPARE(changeCount(workspace), entries);
        QVERIFY(published(path) == before);
    }

    void publishingWritesOneHistoryEntry() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        QVERIFY(page.startDraft(true).isEmpty());
        // Two edits in two sections: still one entry once published.
        typeTier2Owner(page, QStringLiteral("Priya Natarajan"));
        page.document()->edit(QStringLiteral("Rename a rule"), [](matrix::Matrix& m) {
            m.rules.front().name = QStringLiteral("Outage keywords");
        });
        const matrix::Matrix draft = page.document()->matrix();
        const std::size_t entries = changeCount(workspace);

        publishInDialog(QStringLiteral("Tier 2 owner and outage rule"));
        page.choosePublish();

        const auto changes = matrix::readMatrixChanges(workspace.db());
        QCOMPARE(changes.size(), entries + 1);
        QCOMPARE(changes.back().summary, QStringLiteral("Tier 2 owner and outage rule"));
        QCOMPARE(changes.back().author, QStringLiteral("Dana Lead"));
        QVERIFY(published(path) == draft);
        QVERIFY(!matrix::loadDraft(workspace.db()));
        QVERIFY(!page.document()->isEditingDraft());
        QVERIFY(page.document()->matrix() == draft);
        QVERIFY(page.draftBanner()->isHidden());
        QCOMPARE(page.tabs()->currentIndex(), int(MatrixPage::HistoryTab));
        QCOMPARE(page.document()->undoStack()->count(), 0);
        // The History tab shows it first, as one entry over the matrix.
        QTableWidget* history = page.history()->table();
        QCOMPARE(history->item(0, 2)->text(), QStringLiteral("Whole matrix"));
        QCOMPARE(history->item(0, 3)->text(), QStringLiteral("Tier 2 owner and outage rule"));
    }

    void staleBaseIsExplainedThenCancelledOrForced() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        QVERIFY(page.startDraft(true).isEmpty());
        typeTier2Owner(page, QStringLiteral("Priya Natarajan"));
        const matrix::Matrix draft = page.document()->matrix();
        // Meanwhile someone changes the published matrix.
        {
            store::Workspace other(path);
            matrix::Matrix changed = matrix::loadMatrix(other.db());
            changed.cost.engineerCostPerHour = 140;
            matrix::saveMatrix(other.db(), changed, QStringLiteral("Sam"),
                               QStringLiteral("Engineer cost"), created);
        }
        page.draftBanner()->refresh();
        QVERIFY(page.draftBanner()->label()->text().contains(
            QStringLiteral("The published matrix changed since this draft was started")));
        const std::size_t entries = changeCount(workspace);

        // Cancel: nothing written, the draft stays.
        publishInDialog(QStringLiteral("Owner"));
        const QString asked =
            answerMessageBox(QStringLiteral("Cancel"), [&] { page.choosePublish(); });
        QCOMPARE(asked,
                 QStringLiteral("The published matrix changed since this draft was started."));
        QCOMPARE(changeCount(workspace), entries);
        QVERIFY(page.document()->isEditingDraft());
        QVERIFY(matrix::loadDraft(workspace.db()));

        // Publish anyway: the draft replaces the change, in one entry.
        publishInDialog(QStringLiteral("Owner"));
        answerMessageBox(QStringLiteral("Publish Anyway"), [&] { page.choosePublish(); });
        QCOMPARE(changeCount(workspace), entries + 1);
        QVERIFY(published(path) == draft);
        QVERIFY(!page.document()->isEditingDraft());
    }

    void discardingBringsThePublishedMatrixBack() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        const matrix::Matrix before = page.document()->matrix();
        const std::size_t entries = changeCount(workspace);
        QVERIFY(page.startDraft(true).isEmpty());
        typeTier2Owner(page, QStringLiteral("Priya Natarajan"));

        const QString asked =
            answerMessageBox(QStringLiteral("Cancel"), [&] { page.chooseDiscard(); });
        QVERIFY2(asked.startsWith(QStringLiteral(
                     "Discard the draft and its 1 difference from the published matrix?")),
                 qPrintable(asked));
        QVERIFY(page.document()->isEditingDraft());

        answerMessageBox(QStringLiteral("Discard"), [&] { page.chooseDiscard(); });
        QVERIFY(!page.document()->isEditingDraft());
        QVERIFY(page.document()->matrix() == before);
        QVERIFY(!matrix::loadDraft(workspace.db()));
        QVERIFY(published(path) == before);
        QCOMPARE(changeCount(workspace), entries);
        QVERIFY(page.draftBanner()->isHidden());
    }

    void draftSurvivesReopening() {
        const QString path = newWorkspace();
        {
            store::Workspace workspace(path);
            MatrixPage page;
            page.setWorkspace(&workspace);
            QVERIFY(page.startDraft(true).isEmpty());
            typeTier2Owner(page, QStringLiteral("Priya Natarajan"));
            page.setWorkspace(nullptr);
        }
        store::Workspace workspace(path);
        MatrixPage page;
        page.show();
        page.setWorkspace(&workspace);
        QVERIFY(page.document()->isEditingDraft());
        QCOMPARE(page.document()->matrix().tier(2)->owner, QStringLiteral("Priya Natarajan"));
        QVERIFY(page.document()->publishedMatrix().tier(2)->owner !=
                QStringLiteral("Priya Natarajan"));
        QVERIFY(page.draftBanner()->isVisible());
        QVERIFY(page.draftBanner()->label()->text().contains(
            QStringLiteral("You are editing a draft.")));
        QVERIFY(
            page.draftBanner()->label()->text().contains(QStringLiteral("<b>1 difference</b>")));
        // No second draft is offered while there is one.
        for (const QToolButton* button : page.findChildren<QToolButton*>()) {
            if (button->defaultAction() == page.startDraftAction()) {
                QVERIFY(button->isHidden());
            }
        }
    }

    void readOnlyWorkspaceRefusesToStartADraft() {
        const QString path = newWorkspace();
        store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
        MatrixPage page;
        page.setWorkspace(&workspace);
        const QString why = page.document()->readOnlyExplanation();
        QVERIFY(!why.isEmpty());
        QVERIFY(!page.startDraftAction()->isEnabled());
        QCOMPARE(page.startDraftAction()->toolTip(), shown::toolTip(why));
        QCOMPARE(page.startDraft(true), why);
        QVERIFY(!page.document()->isEditingDraft());
        store::Workspace check(path);
        QVERIFY(!matrix::loadDraft(check.db()));
    }

    void readOnlyWorkspaceShowsItsDraftWithoutChangingIt() {
        const QString path = newWorkspace();
        {
            store::Workspace writable(path);
            matrix::Matrix draft = matrix::loadMatrix(writable.db());
            draft.tiers[1].owner = QStringLiteral("Priya Natarajan");
            matrix::saveDraft(writable.db(), draft, QStringLiteral("Dana Lead"), created);
        }
        store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
        MatrixPage page;
        page.show();
        page.setWorkspace(&workspace);
        QVERIFY(page.document()->isEditingDraft());
        QVERIFY(page.draftBanner()->isVisible());
        QVERIFY(!page.draftBanner()->publishButton()->isEnabled());
        QVERIFY(!page.draftBanner()->discardButton()->isEnabled());
        QVERIFY(page.draftBanner()->compareButton()->isEnabled());
        QVERIFY(page.draftBanner()->label()->text().contains(
            QStringLiteral("The draft can be compared and replayed, not changed.")));
        QVERIFY(!page.document()->edit(QStringLiteral("Owner"), [](matrix::Matrix& m) {
            m.tiers[1].owner = QStringLiteral("Someone else");
        }));
    }

    void replayPanelShowsWhatCoreComputes() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.resize(1300, 900);
        page.show();
        page.setWorkspace(&workspace);
        QVERIFY(page.startDraft(true).isEmpty());
        // Without "System-wide outage", OUT-1 falls to "VIP account": still
        // Critical, but Tier 2 instead of Tier 3. No other ticket changes.
        page.document()->edit(QStringLiteral("Remove the outage rule"),
                              [](matrix::Matrix& m) { m.rules.erase(m.rules.begin()); });
        page.document()->edit(QStringLiteral("Faster resolution"), [](matrix::Matrix& m) {
            for (sla::SlaPolicy& policy : m.policies) {
                policy.resolutionMin = 60;
            }
        });

        ReplayPanel* panel = page.replayPanel();
        panel->setAsynchronous(false);
        panel->setClock([] { return replayAsOf; });
        panel->periodPicker()->setCustomRange(QDate(2026, 9, 1), QDate(2026, 9, 30));
        page.draftBanner()->replayButton()->click();
        QCOMPARE(page.tabs()->currentIndex(), int(MatrixPage::ReplayTab));
        QVERIFY(panel->isCurrent());

        // The same inputs through core.
        analysis::ReplayOptions options;
        options.window = metrics::windowOf({QDate(2026, 9, 1), QDate(2026, 9, 30)},
                                           workspace.reportingTimeZone());
        options.asOf = replayAsOf;
        const analysis::MatrixReplay core = analysis::replayMatrix(
            workspace.db(), page.document()->publishedMatrix(), page.document()->matrix(), options);
        QCOMPARE(core.tickets, 4);
        QCOMPARE(panel->figures().replay.tickets, 4);

        QTableWidget* sla = panel->slaTable();
        const sla::SlaTarget targets[] = {sla::SlaTarget::FirstResponse, sla::SlaTarget::Resolution,
                                          sla::SlaTarget::Claim};
        for (int row = 0; row < 3; ++row) {
            const auto& p = core.published.slaOf(targets[row]);
            const auto& d = core.draft.slaOf(targets[row]);
            QCOMPARE(sla->item(row, ReplayPanel::PublishedMetColumn)->text(),
                     display::count(p.met));
            QCOMPARE(sla->item(row, ReplayPanel::PublishedBreachedColumn)->text(),
                     display::count(p.breached));
            QCOMPARE(sla->item(row, ReplayPanel::PublishedRateColumn)->text(),
                     display::percent(p.breachRate()));
            QCOMPARE(sla->item(row, ReplayPanel::DraftMetColumn)->text(), display::count(d.met));
            QCOMPARE(sla->item(row, ReplayPanel::DraftBreachedColumn)->text(),
                     display::count(d.breached));
            QCOMPARE(sla->item(row, ReplayPanel::DraftRateColumn)->text(),
                     display::percent(d.breachRate()));
        }
        QTableWidget* load = panel->loadTable();
        QCOMPARE(
            load->item(ReplayPanel::EngineeringEscalationsRow, ReplayPanel::PublishedLoadColumn)
                ->text(),
            display::count(core.published.engineeringEscalations));
        QCOMPARE(load->item(ReplayPanel::EngineeringEscalationsRow, ReplayPanel::DraftLoadColumn)
                     ->text(),
                 display::count(core.draft.engineeringEscalations));
        QCOMPARE(
            load->item(ReplayPanel::EngineerHoursRow, ReplayPanel::PublishedLoadColumn)->text(),
            display::hours(core.published.engineerHours));
        QCOMPARE(load->item(ReplayPanel::EngineerHoursRow, ReplayPanel::DraftLoadColumn)->text(),
                 display::hours(core.draft.engineerHours));

        // By hand, resolution: OUT-1 (3 h, Monday 14:13–17:13 UTC) and SUP-2
        // (30 h, to Tuesday 20:13) were resolved within the published High
        // target of 1,440 business minutes (about 167, and 167 + 480 = 647 minutes of
        // 9:00–17:00) and past the draft's 60. SUP-3 and SUP-4, open for 30
        // days, are past both targets alike: 2 fewer met, 2 more breached.
        const auto number = [sla](int column) {
            return QLocale().toInt(sla->item(1, column)->text());
        };
        QCOMPARE(number(ReplayPanel::PublishedMetColumn) - number(ReplayPanel::DraftMetColumn), 2);
        QCOMPARE(number(ReplayPanel::DraftBreachedColumn) -
                     number(ReplayPanel::PublishedBreachedColumn),
                 2);

        // By hand, the rules: without "System-wide outage", OUT-1 falls to
        // "VIP account" (Critical, Tier 3 → Tier 2); SUP-2's 647 business
        // minutes are 45% of the published target but over 90% of the
        // draft's, so "SLA at risk" fires instead of "Moderate interruption".
        // One ticket each; ties in the order of the published rule's name.
        QTableWidget* shifts = panel->shiftsTable();
        QCOMPARE(shifts->rowCount(), 2);
        QCOMPARE(shifts->item(0, ReplayPanel::PublishedRuleColumn)->text(),
                 QStringLiteral("Moderate interruption"));
        QCOMPARE(shifts->item(0, ReplayPanel::DraftRuleColumn)->text(),
                 QStringLiteral("SLA at risk"));
        QCOMPARE(shifts->item(0, ReplayPanel::TicketsColumn)->text(), QStringLiteral("1"));
        QCOMPARE(shifts->item(1, ReplayPanel::PublishedRuleColumn)->text(),
                 QStringLiteral("System-wide outage"));
        QCOMPARE(shifts->item(1, ReplayPanel::DraftRuleColumn)->text(),
                 QStringLiteral("VIP account"));
        QCOMPARE(shifts->item(1, ReplayPanel::TicketsColumn)->text(), QStringLiteral("1"));
        // The first pair's tickets are listed at once; the second's on
        // selecting it, with what changes for each.
        QCOMPARE(listedTicketIds(panel->tickets()), QStringList{QStringLiteral("SUP-2")});
        shifts->selectRow(1);
        QCOMPARE(listedTicketIds(panel->tickets()), QStringList{QStringLiteral("OUT-1")});
        QVERIFY2(panel->tickets()->headingText().contains(QStringLiteral("System-wide outage")),
                 qPrintable(panel->tickets()->headingText()));
        const QAbstractItemModel* listed = panel->tickets()->table()->model();
        QStringList rowTexts;
        for (int column = 0; column < listed->columnCount(); ++column) {
            rowTexts << listed->index(0, column).data().toString();
        }
        QVERIFY2(rowTexts.contains(QStringLiteral("Tier 3 → Tier 2")),
                 qPrintable(rowTexts.join(QLatin1Char('|'))));

        // Selecting the resolution target lists OUT-1 and SUP-2 (above).
        sla->selectRow(1);
        QCOMPARE(listedTicketIds(panel->tickets()),
                 (QStringList{QStringLiteral("OUT-1"), QStringLiteral("SUP-2")}));
        QVERIFY2(panel->tickets()->headingText().startsWith(QStringLiteral("Resolution: ")),
                 qPrintable(panel->tickets()->headingText()));

        // An edit makes the figures outdated until the next run.
        typeTier2Owner(page, QStringLiteral("Priya Natarajan"));
        QVERIFY(!panel->isCurrent());
        QVERIFY(panel->summary()->text().contains(QStringLiteral("run the replay again")));
    }

    void replayCanBeCancelled() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.show();
        page.setWorkspace(&workspace);
        QVERIFY(page.startDraft(true).isEmpty());
        ReplayPanel* panel = page.replayPanel();
        page.tabs()->setCurrentIndex(MatrixPage::ReplayTab);
        panel->run();
        QVERIFY(panel->isBusy());
        QVERIFY(panel->progress()->isVisible());
        QVERIFY(panel->cancelButton()->isVisible());
        panel->cancelButton()->click();
        QVERIFY(!panel->isBusy());
        QVERIFY(!panel->progress()->isVisible());
        QCOMPARE(panel->summary()->text(), QStringLiteral("Replay cancelled."));
        QTest::qWait(300); // the worker's result, if it comes, is dropped
        QVERIFY(!panel->figures().ran);
    }
};

QTEST_MAIN(TestMatrixDraft)
#include "tst_matrix_draft_page.moc"

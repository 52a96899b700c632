// The Matrix page's "Suggested rules" tab on the hand-laid history of
// support/SuggestionHistory.h: the table shows core's suggestions with the
// figures worked out in tst_suggested_rules, selecting one lists its
// held-out tickets, and "Adopt into draft" starts a draft and adds the rule
// to it in one undoable step, before the rule that matches every ticket.

#include "matrix/MatrixDocument.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"
#include "matrix/SuggestedRulesPanel.h"
#include "pages/MatrixPage.h"
#include "store/Workspace.h"
#include "support/SuggestionHistory.h"
#include "widgets/TicketListPane.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace escdesk;
using namespace escdesk::ui;

class TestSuggestedRulesPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase() {
        m_path = m_dir.filePath(QStringLiteral("history.escdesk"));
        store::Workspace workspace(m_path);
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        testsupport::writeSuggestionHistory(workspace.db());
    }

    void tooLittleHistoryShowsNoSuggestionAndSaysWhy() {
        store::Workspace workspace(m_path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        SuggestedRulesPanel* panel = page.suggestedRules();
        panel->setAsynchronous(false);
        page.tabs()->setCurrentIndex(MatrixPage::SuggestedTab);
        QTRY_VERIFY(!panel->isBusy());
        // The default minimum support (20) is more than this history holds.
        QCOMPARE(panel->table()->rowCount(), 0);
        QVERIFY(!panel->adoptButton()->isEnabled());

        QVERIFY(panel->suggestions().problem.isEmpty());
        QVERIFY2(panel->summary()->text().contains(QStringLiteral("20 or more of the 10 earlier")),
                 qPrintable(panel->summary()->text()));
    }

    void theTableMatchesCoreAndTheHeldOutTicketsAreListed() {
        store::Workspace workspace(m_path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        SuggestedRulesPanel* panel = page.suggestedRules();
        panel->setAsynchronous(false);
        panel->setMinimumSupport(2);
        page.tabs()->setCurrentIndex(MatrixPage::SuggestedTab);
        QTableWidget* table = panel->table();
        // Seven candidates (tst_suggested_rules); the best is priority High:
        // held out H1 H2 H3 H6 H8, escalated H1 H2 H6 → 60.0% and 3 of the
        // 4 escalated → 75.0%; Tier 3; the default rules reach Tier 3 or
        // higher on H2 and H8 → 40.0%.
        QCOMPARE(table->rowCount(), 7);
        QCOMPARE(table->item(0, SuggestedRulesPanel::RuleColumn)->text(),
                 QStringLiteral("Priority is High"));
        QCOMPARE(table->item(0, SuggestedRulesPanel::TierColumn)->text(), QStringLiteral("Tier 3"));
        QCOMPARE(table->item(0, SuggestedRulesPanel::PrecisionColumn)->text(),
                 QStringLiteral("60.0%"));
        QCOMPARE(table->item(0, SuggestedRulesPanel::RecallColumn)->text(),
                 QStringLiteral("75.0%"));
        QCOMPARE(table->item(0, SuggestedRulesPanel::SupportColumn)->text(), QStringLiteral("5"));
        QCOMPARE(table->item(0, SuggestedRulesPanel::OverlapColumn)->text(),
                 QStringLiteral("40.0%"));
        // Every row as core computed it.
        const analysis::RuleSuggestions& core = panel->suggestions();
        for (int row = 0; row < table->rowCount(); ++row) {
            const analysis::SuggestedRule& rule = core.rules[std::size_t(row)];
            QCOMPARE(table->item(row, SuggestedRulesPanel::RuleColumn)->text(), rule.rule.name);
            QCOMPARE(table->item(row, SuggestedRulesPanel::SupportColumn)->text(),
                     QString::number(rule.heldOut.matched));
        }
        // The first row is selected: its five held-out tickets are listed.
        QCOMPARE(panel->tickets()->table()->model()->rowCount(), 5);
        // “Subject mentions “declined””: H1 and H4 (2/2 escalated).
        table->selectRow(3);
        QCOMPARE(table->item(3, SuggestedRulesPanel::RuleColumn)->text(),
                 QStringLiteral("Subject mentions “declined”"));
        QCOMPARE(table->item(3, SuggestedRulesPanel::PrecisionColumn)->text(),
                 QStringLiteral("100.0%"));
        QCOMPARE(table->item(3, SuggestedRulesPanel::RecallColumn)->text(),
                 QStringLiteral("50.0%"));
        QCOMPARE(panel->tickets()->table()->model()->rowCount(), 2);

        // Adopting starts a draft from the published matrix and adds the rule
        // to it in one undoable step, before the catch-all; the published
        // matrix stays as it is.
        const std::size_t before = page.document()->matrix().rules.size();
        QVERIFY(!page.document()->isEditingDraft());
        QVERIFY(panel->adoptButton()->isEnabled());
        panel->adoptButton()->click();
        QVERIFY(page.document()->isEditingDraft());
        const auto& rules = page.document()->matrix().rules;
        QCOMPARE(rules.size(), before + 1);
        QCOMPARE(rules[before - 1].name, QStringLiteral("Subject mentions “declined”"));
        QCOMPARE(rules[before - 1], core.rules[3].rule);
        QVERIFY(rules.back().conditions.empty());
        QCOMPARE(page.document()->undoStack()->count(), 1);
        const auto draft = matrix::loadDraft(workspace.db());
        QVERIFY(draft);
        QCOMPARE(draft->matrix.rules.size(), before + 1); // saved to the draft
        QCOMPARE(matrix::loadMatrix(workspace.db()).rules.size(), before);
        page.document()->undoStack()->undo();
        QCOMPARE(page.document()->matrix().rules.size(), before);
    }
};

QTEST_MAIN(TestSuggestedRulesPanel)
#include "tst_suggested_rules_panel.moc"

// The Matrix page: every kind of edit is one undoable step that is saved at
// once (and survives reopening the workspace), the change log gets an entry
// per edit, undo and redo, validation messages appear beside the field at
// fault, the rule order decides what the "test a ticket" panel shows, a bad
// matrix file is refused, and ticking a checklist on a ticket decides whether
// it is ready for engineering.

#include "MainWindow.h"
#include "matrix/CalendarsEditor.h"
#include "matrix/ChecklistRuns.h"
#include "matrix/ChecklistsEditor.h"
#include "matrix/CostEditor.h"
#include "matrix/HistoryView.h"
#include "matrix/HolidayDialog.h"
#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixDocument.h"
#include "matrix/MatrixFile.h"
#include "matrix/MatrixStore.h"
#include "matrix/RulesEditor.h"
#include "matrix/SlaEditor.h"
#include "matrix/TaxonomyEditor.h"
#include "matrix/TestTicketPanel.h"
#include "matrix/TiersEditor.h"
#include "pages/EscalationsPage.h"
#include "pages/MatrixPage.h"
#include "store/DataWriter.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"
#include "widgets/TicketDetailPane.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>
#include <memory>

#include <functional>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

constexpr UtcSeconds created = 1'790'000'000; // 2026-09-21 UTC

// A workspace with two tickets: OUT-1 mentions an outage and is tagged VIP;
// ENG-2 was escalated from Tier 2 to Tier 3.
void makeWorkspace(const QString& path) {
    store::Workspace workspace(path);
    workspace.setSetting(QStringLiteral("user_name"), QStringLiteral("Dana Lead"));
    store::DataWriter writer(workspace.db());
    Ticket outage;
    outage.ticketId = QStringLiteral("OUT-1");
    outage.createdAt = created;
    outage.subject = QStringLiteral("Site outage for all users");
    outage.tags = QStringLiteral("vip, billing");
    outage.status = QStringLiteral("open");
    writer.insertTicket(outage);
    Ticket engineering;
    engineering.ticketId = QStringLiteral("ENG-2");
    engineering.createdAt = created + 600;
    engineering.subject = QStringLiteral("Export produces empty file");
    engineering.status = QStringLiteral("open");
    engineering.tier = 3;
    const auto row = writer.insertTicket(engineering);
    TicketEvent escalated;
    escalated.occurredAt = created + 1200;
    escalated.kind = EventKind::Escalated;
    escalated.fromTier = 2;
    escalated.toTier = 3;
    writer.insertEvent(row, escalated);
}

std::size_t changeCount(MatrixPage& page) {
    return matrix::readMatrixChanges(page.document()->workspace()->db()).size();
}

matrix::Matrix reopened(const QString& path) {
    store::Workspace workspace(path);
    return matrix::loadMatrix(workspace.db());
}

void editCell(QTableWidget* table, int row, int column, const QString& text) {
    table->item(row, column)->setText(text);
}

int lineContaining(const QByteArray& text, const QByteArray& needle) {
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count('\n')) + 1;
}

} // namespace

class TestMatrixPage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newWorkspace() {
        const QString path = m_dir.filePath(QStringLiteral("matrix-%1.escdesk").arg(++m_files));
        makeWorkspace(path);
        return path;
    }

    // Runs `edit` and checks: the matrix changed as `check` says, the log got
    // one entry, undo restores the matrix (one more entry), redo reapplies
    // it (one more), and the edit is what a reopened workspace holds.
    void checkEdit(const QString& what, const std::function<void(MatrixPage&)>& edit,
                   const std::function<bool(const matrix::Matrix&)>& check) {
        const QString path = newWorkspace();
        auto workspace = std::make_unique<store::Workspace>(path);
        MatrixPage page;
        page.resize(1200, 800);
        page.setWorkspace(workspace.get());
        const matrix::Matrix before = page.document()->matrix();
        const std::size_t entries = changeCount(page);
        QVERIFY2(!check(before), qPrintable(what));

        edit(page);
        const matrix::Matrix after = page.document()->matrix();
        QVERIFY2(check(after), qPrintable(what));
        QCOMPARE(page.document()->undoStack()->count(), 1);
        QCOMPARE(changeCount(page), entries + 1);

        page.undoAction()->trigger();
        QVERIFY2(page.document()->matrix() == before, qPrintable(what));
        QCOMPARE(changeCount(page), entries + 2);
        QVERIFY2(reopened(path) == before, qPrintable(what));

        page.redoAction()->trigger();
        QVERIFY2(page.document()->matrix() == after, qPrintable(what));
        QCOMPARE(changeCount(page), entries + 3);
        const auto changes = matrix::readMatrixChanges(workspace->db());
        QCOMPARE(changes.back().author, QStringLiteral("Dana Lead"));
        QVERIFY2(changes.back().summary.startsWith(QStringLiteral("Redo: ")),
                 qPrintable(changes.back().summary));
        QVERIFY2(changes[changes.size() - 2].summary.startsWith(QStringLiteral("Undo: ")),
                 qPrintable(changes[changes.size() - 2].summary));

        page.setWorkspace(nullptr);
        workspace.reset();
        QVERIFY2(reopened(path) == after, qPrintable(what));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void tierOwnerEdit() {
        checkEdit(
            QStringLiteral("tier owner"),
            [](MatrixPage& page) {
                editCell(page.tiersEditor()->table(), 1, TiersEditor::OwnerColumn,
                         QStringLiteral("Priya Natarajan"));
            },
            [](const matrix::Matrix& m) {
                return m.tier(2)->owner == QStringLiteral("Priya Natarajan");
            });
    }

    void tierEscalationAndOptional() {
        checkEdit(
            QStringLiteral("tier optional"),
            [](MatrixPage& page) {
                page.tiersEditor()
                    ->table()
                    ->item(3, TiersEditor::OptionalColumn)
                    ->setCheckState(Qt::Unchecked);
            },
            [](const matrix::Matrix& m) { return !m.tier(4)->optional; });
    }

    void ruleMove() {
        // Default order: 1 System-wide outage, 2 Payment failure, 3 VIP account.
        checkEdit(
            QStringLiteral("rule move"),
            [](MatrixPage& page) { page.rulesEditor()->moveRule(2, 0); },
            [](const matrix::Matrix& m) {
                return m.rules[0].name == QStringLiteral("VIP account") &&
                       m.rules[1].name == QStringLiteral("System-wide outage");
            });
    }

    void ruleConditionValue() {
        checkEdit(
            QStringLiteral("condition value"),
            [](MatrixPage& page) {
                RulesEditor* rules = page.rulesEditor();
                rules->selectRule(4); // Many users affected: users_affected at least 10
                editCell(rules->conditionTable(), 0, RulesEditor::ValueColumn,
                         QStringLiteral("25"));
            },
            [](const matrix::Matrix& m) {
                return m.rules[4].conditions[0].value == QStringLiteral("25");
            });
    }

    void ruleConditionOnAMeasuredField() {
        // "System-wide outage" tests the text with matches_any_keyword;
        // switched to minutes_without_progress, which is a number, the
        // condition takes the usual bound (at least 15) in the same step.
        checkEdit(
            QStringLiteral("measured field"),
            [](MatrixPage& page) {
                RulesEditor* rules = page.rulesEditor();
                rules->selectRule(0);
                editCell(rules->conditionTable(), 0, RulesEditor::FieldColumn,
                         QStringLiteral("minutes_without_progress"));
            },
            [](const matrix::Matrix& m) {
                return m.rules[0].conditions[0] ==
                       matrix::Condition{QStringLiteral("minutes_without_progress"),
                                         matrix::ConditionOperator::AtLeast, QStringLiteral("15")};
            });
    }

    void editorOffersTheNewFieldsAndTheirOperators() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        RulesEditor* rules = page.rulesEditor();
        rules->selectRule(0);
        QTableWidget* table = rules->conditionTable();
        table->setCurrentCell(0, RulesEditor::FieldColumn);
        const auto choicesAt = [table](int column) {
            std::unique_ptr<QWidget> editor(table->itemDelegateForColumn(column)->createEditor(
                table->viewport(), QStyleOptionViewItem(), table->model()->index(0, column)));
            const auto* combo = qobject_cast<QComboBox*>(editor.get());
            QStringList items;
            for (int i = 0; combo && i < combo->count(); ++i) {
                items << combo->itemText(i);
            }
            return items;
        };
        const QStringList fields = choicesAt(RulesEditor::FieldColumn);
        for (const char* name :
             {"minutes_without_progress", "sentiment", "renewal_days", "users_affected"}) {
            QVERIFY2(fields.contains(QLatin1String(name)), name);
        }
        // A text field is matched, not compared.
        QCOMPARE(
            choicesAt(RulesEditor::OperatorColumn),
            (QStringList{RulesEditor::operatorLabel(matrix::ConditionOperator::Equals),
                         RulesEditor::operatorLabel(matrix::ConditionOperator::OneOf),
                         RulesEditor::operatorLabel(matrix::ConditionOperator::ContainsWord),
                         RulesEditor::operatorLabel(matrix::ConditionOperator::MatchesAnyKeyword),
                         RulesEditor::operatorLabel(matrix::ConditionOperator::IsEmpty)}));
        // Sentiment is a measured number: three comparisons, and the help
        // line says what the field is.
        editCell(table, 0, RulesEditor::FieldColumn, QStringLiteral("sentiment"));
        QCOMPARE(table->item(0, RulesEditor::OperatorColumn)->text(),
                 RulesEditor::operatorLabel(matrix::ConditionOperator::AtMost));
        QCOMPARE(table->item(0, RulesEditor::ValueColumn)->text(), QStringLiteral("30"));
        QCOMPARE(choicesAt(RulesEditor::OperatorColumn),
                 (QStringList{RulesEditor::operatorLabel(matrix::ConditionOperator::AtLeast),
                              RulesEditor::operatorLabel(matrix::ConditionOperator::AtMost),
                              RulesEditor::operatorLabel(matrix::ConditionOperator::Within)}));
        bool helped = false;
        for (const QLabel* label : rules->findChildren<QLabel*>()) {
            helped = helped || label->text().startsWith(QLatin1String("sentiment: Sentiment of "
                                                                      "subject and description"));
        }
        QVERIFY(helped);
        page.setWorkspace(nullptr);
    }

    void slaTarget() {
        checkEdit(
            QStringLiteral("SLA target"),
            [](MatrixPage& page) {
                page.slaEditor()->selectCell(QStringLiteral("Enterprise"), QStringLiteral("High"));
                page.slaEditor()->resolution()->setValue(720);
            },
            [](const matrix::Matrix& m) {
                return m.policyFor(QStringLiteral("Enterprise"), QStringLiteral("High"))
                           ->resolutionMin == 720;
            });
    }

    void calendarHours() {
        // Two intervals on Monday of "Business hours".
        checkEdit(
            QStringLiteral("calendar hours"),
            [](MatrixPage& page) {
                page.calendarsEditor()->calendarList()->setCurrentRow(0);
                editCell(page.calendarsEditor()->weekTable(), 0, 1,
                         QStringLiteral("08:00–12:00, 13:00–17:30"));
            },
            [](const matrix::Matrix& m) {
                const auto& monday = m.calendarNamed(QStringLiteral("Business hours"))->week[0];
                return monday == std::vector<sla::OpeningHours>{{8 * 3600, 12 * 3600},
                                                                {13 * 3600, 17 * 3600 + 1800}};
            });
    }

    void calendarHoliday() {
        sla::Holiday thanksgiving;
        thanksgiving.kind = sla::Holiday::Kind::NthWeekday;
        thanksgiving.name = QStringLiteral("Thanksgiving");
        thanksgiving.nth = 4;
        thanksgiving.weekday = 4; // Thursday
        thanksgiving.month = 11;
        checkEdit(
            QStringLiteral("holiday"),
            [&](MatrixPage& page) {
                page.calendarsEditor()->calendarList()->setCurrentRow(0);
                page.calendarsEditor()->addHoliday(thanksgiving);
            },
            [](const matrix::Matrix& m) {
                const auto* calendar = m.calendarNamed(QStringLiteral("Business hours"));
                // The fourth Thursday of November 2026 is the 26th.
                return calendar->holidays.size() == 1 && calendar->isHoliday(QDate(2026, 11, 26)) &&
                       !calendar->isHoliday(QDate(2026, 11, 19));
            });
    }

    void checklistItem() {
        checkEdit(
            QStringLiteral("checklist required"),
            [](MatrixPage& page) {
                page.checklistsEditor()->transition()->setCurrentIndex(1); // Tier 2 → Tier 3
                page.checklistsEditor()
                    ->itemTable()
                    ->item(6, ChecklistsEditor::RequiredColumn)
                    ->setCheckState(Qt::Checked);
            },
            [](const matrix::Matrix& m) { return m.checklistFor(2, 3)->items[6].required; });
    }

    void taxonomyAction() {
        checkEdit(
            QStringLiteral("taxonomy"),
            [](MatrixPage& page) {
                editCell(page.taxonomyEditor()->table(), 0, TaxonomyEditor::ActionColumn,
                         QStringLiteral("File the defect"));
            },
            [](const matrix::Matrix& m) {
                return m.taxonomy[0].recommendedAction == QStringLiteral("File the defect");
            });
    }

    void costParameter() {
        checkEdit(
            QStringLiteral("cost"),
            [](MatrixPage& page) { page.costEditor()->recovery()->setValue(30); },
            [](const matrix::Matrix& m) { return m.cost.recoveryMinutes == 30.0; });
    }

    void deleteKeyRemovesAChecklistItem() {
        checkEdit(
            QStringLiteral("delete key"),
            [](MatrixPage& page) {
                page.resize(1200, 800);
                page.show();
                page.activateWindow();
                QVERIFY(QTest::qWaitForWindowActive(&page));
                ChecklistsEditor* checklists = page.checklistsEditor();
                page.tabs()->setCurrentIndex(MatrixPage::ChecklistsTab);
                QTableWidget* items = checklists->itemTable();
                items->setCurrentCell(0, ChecklistsEditor::IdColumn); // the id is read-only
                items->setFocus();
                QTest::keyClick(items, Qt::Key_Delete);
            },
            [](const matrix::Matrix& m) {
                // The default Tier 1 → Tier 2 checklist has 7 items, status_page first.
                const auto& items = m.checklistFor(1, 2)->items;
                return items.size() == 6 && items.front().id != QStringLiteral("status_page");
            });
    }

    void typingInOneFieldIsOneUndoStep() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        const std::size_t entries = changeCount(page);
        SlaEditor* sla = page.slaEditor();
        sla->selectCell(QStringLiteral("SMB"), QStringLiteral("Low"));
        // Default SMB × Low first response: 240 min. Three steps in one field.
        sla->firstResponse()->setValue(250);
        sla->firstResponse()->setValue(260);
        sla->firstResponse()->setValue(270);
        QCOMPARE(page.document()->undoStack()->count(), 1);
        QCOMPARE(changeCount(page), entries + 3); // each step is saved and logged
        page.undoAction()->trigger();
        QCOMPARE(page.document()
                     ->matrix()
                     .policyFor(QStringLiteral("SMB"), QStringLiteral("Low"))
                     ->firstResponseMin,
                 240);
        // A different field starts a new step.
        sla->claim()->setValue(100);
        sla->resolution()->setValue(2000);
        QCOMPARE(page.document()->undoStack()->count(), 2);

        // Typing in one text field, committed twice (Enter, then more typing
        // and Enter), is one step too.
        QLineEdit* responsibility = page.tiersEditor()->responsibility();
        page.tiersEditor()->table()->setCurrentCell(0, TiersEditor::NameColumn);
        const QString original = responsibility->text();
        responsibility->setText(QStringLiteral("Triage"));
        emit responsibility->editingFinished();
        responsibility->setText(QStringLiteral("Triage and how-to questions"));
        emit responsibility->editingFinished();
        QCOMPARE(page.document()->undoStack()->count(), 3);
        QCOMPARE(page.document()->matrix().tier(1)->responsibility,
                 QStringLiteral("Triage and how-to questions"));
        page.undoAction()->trigger();
        QCOMPARE(page.document()->matrix().tier(1)->responsibility, original);
        page.setWorkspace(nullptr);
    }

    void validationMessageBesideItsField() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.resize(1200, 800);
        page.setWorkspace(&workspace);
        QTableWidget* tiers = page.tiersEditor()->table();
        QVERIFY(tiers->item(1, TiersEditor::OwnerColumn)->icon().isNull());
        editCell(tiers, 1, TiersEditor::OwnerColumn, QString());
        QTableWidgetItem* owner = tiers->item(1, TiersEditor::OwnerColumn);
        QVERIFY(!owner->icon().isNull());
        QVERIFY2(owner->toolTip().contains(QStringLiteral("has no owner")),
                 qPrintable(owner->toolTip()));
        // Its neighbour, the backup, is fine and unmarked.
        QVERIFY(tiers->item(1, TiersEditor::BackupColumn)->icon().isNull());
        // The Tiers tab is marked; the SLA tab, with nothing wrong, is not.
        QVERIFY(!page.tabs()->tabIcon(MatrixPage::TiersTab).isNull());
        QVERIFY(page.tabs()->tabIcon(MatrixPage::SlaTab).isNull());

        // The list names it, and a click goes to the cell.
        QListWidgetItem* listed = nullptr;
        for (int i = 0; i < page.issueList()->count(); ++i) {
            if (page.issueList()->item(i)->data(Qt::UserRole) == QStringLiteral("tiers[1].owner")) {
                listed = page.issueList()->item(i);
            }
        }
        QVERIFY(listed);
        QVERIFY(listed->text().contains(QStringLiteral("has no owner")));
        page.tabs()->setCurrentIndex(MatrixPage::SlaTab);
        tiers->setCurrentCell(0, TiersEditor::NameColumn);
        emit page.issueList()->itemClicked(listed);
        QCOMPARE(page.tabs()->currentIndex(), int(MatrixPage::TiersTab));
        QCOMPARE(tiers->currentRow(), 1);
        QCOMPARE(tiers->currentColumn(), int(TiersEditor::OwnerColumn));

        // An SLA first response longer than its resolution is marked on its field.
        SlaEditor* sla = page.slaEditor();
        sla->selectCell(QStringLiteral("Mid-Market"), QStringLiteral("Medium"));
        sla->firstResponse()->setValue(2000); // resolution is 1440
        const IssueBadge* badge = sla->firstResponseBadge();
        QVERIFY(!badge->isHidden());
        QVERIFY(sla->resolutionBadge()->isHidden());
        QVERIFY2(badge->toolTip().contains(QStringLiteral("longer than its resolution")),
                 qPrintable(badge->toolTip()));
        page.setWorkspace(nullptr);
    }

    void ruleOrderDecidesWhatFires() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        TestTicketPanel* test = page.testPanel();
        // Typing part of an id offers the matching tickets.
        QTest::keyClicks(test->ticketEdit(), QStringLiteral("ut-"));
        QCOMPARE(test->ticketEdit()->completer()->model()->rowCount(), 1);
        QCOMPARE(test->ticketEdit()->completer()->model()->index(0, 0).data().toString(),
                 QStringLiteral("OUT-1"));
        // OUT-1's subject says "outage" and its tags hold "vip": rule 1
        // (System-wide outage) and rule 3 (VIP account) both hold; the first wins.
        test->testTicket(QStringLiteral("OUT-1"), created + 3600);
        QCOMPARE(test->firedRule(), QStringLiteral("System-wide outage"));
        // Drag "VIP account" to the top, as the list's drag and drop does.
        QListWidget* list = page.rulesEditor()->ruleList();
        QVERIFY(list->model()->moveRow(QModelIndex(), 2, QModelIndex(), 0));
        QCOMPARE(page.document()->matrix().rules[0].name, QStringLiteral("VIP account"));
        QCOMPARE(test->firedRule(), QStringLiteral("VIP account"));
        QVERIFY(test->verdict()->text().contains(QStringLiteral("Tier 2")));
        // The fired rule's condition is listed as holding, with the tags.
        const QTreeWidgetItem* first = test->conditions()->topLevelItem(0);
        QVERIFY(first->text(0).contains(QStringLiteral("VIP account")));
        QCOMPARE(first->child(0)->text(2), QStringLiteral("holds"));
        QVERIFY(first->child(0)->text(1).contains(QStringLiteral("vip")));
        page.undoAction()->trigger();
        QCOMPARE(test->firedRule(), QStringLiteral("System-wide outage"));
        // Critical for SMB (no account) runs 24×7: first response 15 min. One
        // hour after creation it is breached, 60 of 15 minutes used.
        QVERIFY(test->clocks()->rowCount() >= 2);
        QCOMPARE(test->clocks()->item(0, 2)->text(), QStringLiteral("Breached"));
        QCOMPARE(test->clocks()->item(0, 3)->text(), QStringLiteral("60 min"));
        QCOMPARE(test->clocks()->item(0, 5)->text(), QStringLiteral("400%"));
        page.setWorkspace(nullptr);
    }

    void badFileIsRefusedAndChangesNothing() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        const matrix::Matrix before = page.document()->matrix();
        const std::size_t entries = changeCount(page);

        // A matrix file whose Tier 2 has no owner: refused at that line.
        QByteArray text = matrix::writeMatrixFile(before);
        const QByteArray owner = "\"owner\": \"Technical support lead\"";
        const int line = lineContaining(text, owner);
        QVERIFY(line > 0);
        text.replace(owner, "\"owner\": \"\"");
        const QString bad = m_dir.filePath(QStringLiteral("no-owner.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        const QStringList problems = page.importFile(bad, true);
        QVERIFY(!problems.isEmpty());
        // The value's column: a tier's members are indented 12, then
        // "owner" (7 characters) and ": " (2): 12 + 7 + 2 + 1 = 22.
        QVERIFY2(problems.join('\n').contains(QStringLiteral("line %1, column 22:").arg(line)),
                 qPrintable(problems.join('\n')));
        QVERIFY(page.document()->matrix() == before);
        QCOMPARE(changeCount(page), entries);
        QCOMPARE(page.document()->undoStack()->count(), 0);

        // Broken JSON: refused with its line.
        QByteArray broken = matrix::writeMatrixFile(before);
        const int brokenLine = lineContaining(broken, "\"severity_rules\"");
        broken.insert(broken.indexOf("\"severity_rules\""), "}}");
        QFile brokenFile(m_dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write(broken);
        brokenFile.close();
        const QStringList syntax = page.importFile(brokenFile.fileName(), true);
        QVERIFY2(syntax.join('\n').contains(QStringLiteral("line %1, column ").arg(brokenLine)),
                 qPrintable(syntax.join('\n')));
        QVERIFY(page.document()->matrix() == before);
        QCOMPARE(changeCount(page), entries);

        // A good file (exported, then changed elsewhere) imports as one step.
        matrix::Matrix shared = before;
        shared.cost.recoveryMinutes = 25;
        shared.tiers[0].owner = QStringLiteral("Frontline manager");
        QFile good(m_dir.filePath(QStringLiteral("good.json")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(matrix::writeMatrixFile(shared));
        good.close();
        QVERIFY(page.importFile(good.fileName(), true).isEmpty());
        QVERIFY(page.document()->matrix() == shared);
        QCOMPARE(page.document()->undoStack()->count(), 1);
        QCOMPARE(changeCount(page), entries + 2); // two sections changed
        page.undoAction()->trigger();
        QVERIFY(page.document()->matrix() == before);

        // Export writes what a reading gives back.
        const QString exported = m_dir.filePath(QStringLiteral("exported.json"));
        QVERIFY(page.exportFile(exported, true).isEmpty());
        QFile back(exported);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QVERIFY(*matrix::readMatrixFile(back.readAll()).matrix == before);
        page.setWorkspace(nullptr);
    }

    void historyShowsEachChangeAndTheChain() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        editCell(page.tiersEditor()->table(), 0, TiersEditor::ChannelColumn,
                 QStringLiteral("Chat"));
        page.tabs()->setCurrentIndex(MatrixPage::HistoryTab);
        page.history()->reload();
        QTableWidget* table = page.history()->table();
        // The seeded defaults (7 sections) and the edit, newest first.
        QCOMPARE(table->rowCount(), 8);
        QVERIFY(table->item(0, 3)->text().contains(QStringLiteral("channel")));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Dana Lead"));
        QVERIFY(page.history()->chainStatus()->text().contains(QStringLiteral("intact")));
        const QString diff = page.history()->diff()->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("- ")) && diff.contains(QStringLiteral("Chat")),
                 qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("Helpdesk queue"))); // the value before
        // And the change value by value, the tier by its name.
        QVERIFY2(diff.contains(
                     QStringLiteral("Tier 1 — Frontline › channel: “Helpdesk queue” → “Chat”")),
                 qPrintable(diff));
        page.setWorkspace(nullptr);
    }

    void historyReportsABrokenChain() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        MatrixPage page;
        page.setWorkspace(&workspace);
        page.costEditor()->recovery()->setValue(20);
        // Someone removes the guard with a raw SQLite tool and rewrites who
        // made entry 3 (a seeded section): the chain is broken there.
        workspace.db().exec("DROP TRIGGER matrix_changes_no_update");
        workspace.db().exec("UPDATE matrix_changes SET author = 'Mallory' WHERE id = 3");
        page.tabs()->setCurrentIndex(MatrixPage::HistoryTab);
        page.history()->reload();
        const QString status = page.history()->chainStatus()->text();
        QVERIFY2(status.contains(QStringLiteral("broken at entry 3")), qPrintable(status));
        page.setWorkspace(nullptr);
    }

    void ticketDetailFollowsChecklistEdits() {
        const QString path = newWorkspace();
        MainWindow window(false);
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        store::Workspace* workspace = window.workspace();
        TicketDetailPane* detail = window.escalationsPage()->detail();
        detail->showTicket(workspace,
                           *store::ticketRowOf(workspace->db(), QStringLiteral("ENG-2")));
        // Tier 2 → Tier 3 by default: 6 of its 7 items required, none ticked.
        QVERIFY(detail->readiness()->text().contains(QStringLiteral("6 required")));
        ChecklistsEditor* checklists = window.matrixPage()->checklistsEditor();
        checklists->transition()->setCurrentIndex(1);
        checklists->itemTable()
            ->item(6, ChecklistsEditor::RequiredColumn)
            ->setCheckState(Qt::Checked);
        QVERIFY2(detail->readiness()->text().contains(QStringLiteral("7 required")),
                 qPrintable(detail->readiness()->text()));
        window.matrixPage()->undoAction()->trigger();
        QVERIFY(detail->readiness()->text().contains(QStringLiteral("6 required")));

        // Another workspace: the ticket shown belonged to the first one.
        QVERIFY(window.openWorkspace(newWorkspace(), true).isEmpty());
        QCOMPARE(detail->ticketRow(), std::int64_t(-1));
        window.matrixPage()->costEditor()->recovery()->setValue(21);
        QCOMPARE(detail->ticketRow(), std::int64_t(-1));
    }

    void ctrlZUndoesOnlyOnTheMatrixPage() {
        const QString path = newWorkspace();
        MainWindow window(false);
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        window.resize(1360, 860);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        MatrixPage* page = window.matrixPage();
        window.showPage(page);
        QTableWidget* tiers = page->tiersEditor()->table();
        editCell(tiers, 0, TiersEditor::OwnerColumn, QStringLiteral("Sam"));
        // On another page the keys leave the matrix alone.
        window.setCurrentPage(1);
        QWidget* table = window.escalationsPage()->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->document()->matrix().tier(1)->owner, QStringLiteral("Sam"));
        // On the Matrix page Ctrl+Z undoes and Ctrl+Shift+Z redoes.
        window.showPage(page);
        tiers->setFocus();
        QTest::keyClick(tiers, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->document()->matrix().tier(1)->owner, QStringLiteral("Frontline team lead"));
        QTest::keyClick(tiers, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page->document()->matrix().tier(1)->owner, QStringLiteral("Sam"));
    }

    void editMenuOffersUndoAndRedo() {
        MainWindow window(false);
        QAction* undo = window.matrixPage()->undoAction();
        QVERIFY(undo->shortcuts().contains(QKeySequence(QKeySequence::Undo)));
        QVERIFY(window.matrixPage()->redoAction()->shortcuts().contains(
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        bool inMenu = false;
        for (QAction* menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(undo)) {
                inMenu = true;
            }
        }
        QVERIFY(inMenu);
    }

    void hoursAreReadAsAUserWritesThem() {
        using Hours = std::vector<sla::OpeningHours>;
        // 9–17 is 09:00 to 17:00: 32,400 s to 61,200 s after midnight.
        QCOMPARE(*CalendarsEditor::parseHours(QStringLiteral("9-17")), (Hours{{32400, 61200}}));
        QCOMPARE(*CalendarsEditor::parseHours(QStringLiteral("08:30–12:00; 13:00–24:00")),
                 (Hours{{30600, 43200}, {46800, 86400}}));
        QCOMPARE(*CalendarsEditor::parseHours(QStringLiteral("Closed")), Hours{});
        QVERIFY(!CalendarsEditor::parseHours(QStringLiteral("mornings")));
        QVERIFY(!CalendarsEditor::parseHours(QStringLiteral("09:75-10:00")));
        QCOMPARE(CalendarsEditor::hoursText(Hours{{30600, 43200}, {46800, 86400}}),
                 QStringLiteral("08:30–12:00, 13:00–24:00"));
    }

    void holidayBuilderGivesTheRuleItShows() {
        sla::Holiday memorial;
        memorial.kind = sla::Holiday::Kind::LastWeekday;
        memorial.name = QStringLiteral("Memorial Day");
        memorial.weekday = 1; // Monday
        memorial.month = 5;
        const HolidayDialog dialog(memorial);
        const sla::Holiday built = dialog.holiday();
        QCOMPARE(built.kind, sla::Holiday::Kind::LastWeekday);
        QCOMPARE(built.weekday, 1);
        QCOMPARE(built.month, 5);
        // The last Monday of May 2027 is the 31st.
        QCOMPARE(built.dateIn(2027), QDate(2027, 5, 31));
        sla::Holiday newYear;
        newYear.kind = sla::Holiday::Kind::Yearly;
        newYear.name = QStringLiteral("New Year");
        newYear.month = 1;
        newYear.day = 1;
        QCOMPARE(HolidayDialog(newYear).holiday().dateIn(2028), QDate(2028, 1, 1));
    }

    void checklistDecidesReadiness() {
        const QString path = newWorkspace();
        store::Workspace workspace(path);
        TicketDetailPane pane;
        const std::int64_t row = *store::ticketRowOf(workspace.db(), QStringLiteral("ENG-2"));
        pane.showTicket(&workspace, row);
        QVERIFY(pane.checklistShown());
        // The default Tier 2 → Tier 3 checklist: 7 items, the last optional.
        QTreeWidget* items = pane.checklist();
        QCOMPARE(items->topLevelItemCount(), 7);
        QVERIFY(pane.readiness()->text().contains(QStringLiteral("Not ready for engineering")));
        for (int i = 0; i < 5; ++i) {
            items->topLevelItem(i)->setCheckState(0, Qt::Checked);
        }
        // Five of six required done: still not ready.
        QVERIFY(pane.readiness()->text().contains(QStringLiteral("Not ready for engineering")));
        QVERIFY(pane.readiness()->text().contains(QStringLiteral("1 required")));
        items->topLevelItem(5)->setCheckState(0, Qt::Checked);
        QVERIFY2(pane.readiness()->text().contains(QStringLiteral("Ready for engineering")) &&
                     !pane.readiness()->text().contains(QStringLiteral("Not ready")),
                 qPrintable(pane.readiness()->text()));
        QVERIFY(items->topLevelItem(0)->text(1).startsWith(QStringLiteral("Dana Lead")));
        // Stored with who and when, and shown again for the same ticket.
        const matrix::Matrix policy = matrix::loadMatrix(workspace.db());
        const matrix::ChecklistRun run =
            matrix::checklistRunOf(workspace.db(), row, *policy.checklistFor(2, 3));
        QVERIFY(run.ready());
        QCOMPARE(run.items[0].doneBy, QStringLiteral("Dana Lead"));
        QVERIFY(run.items[0].doneAt.has_value());
        items->topLevelItem(2)->setCheckState(0, Qt::Unchecked);
        QVERIFY(pane.readiness()->text().contains(QStringLiteral("Not ready for engineering")));
        pane.showTicket(&workspace, row);
        QCOMPARE(pane.checklist()->topLevelItem(2)->checkState(0), Qt::Unchecked);
        QCOMPARE(pane.checklist()->topLevelItem(1)->checkState(0), Qt::Checked);
        // A tick that cannot be stored (a read-only workspace) is not kept.
        {
            store::Workspace readOnly(path, store::Workspace::Access::ReadOnly);
            TicketDetailPane viewer;
            viewer.showTicket(&readOnly, row);
            viewer.checklist()->topLevelItem(2)->setCheckState(0, Qt::Checked);
            QCOMPARE(viewer.checklist()->topLevelItem(2)->checkState(0), Qt::Unchecked);
            QVERIFY(!viewer.readiness()->text().isEmpty());
        }
        // A ticket that was never escalated has no checklist.
        pane.showTicket(&workspace, *store::ticketRowOf(workspace.db(), QStringLiteral("OUT-1")));
        QVERIFY(!pane.checklistShown());
    }
};

QTEST_MAIN(TestMatrixPage)
#include "tst_matrix_page.moc"

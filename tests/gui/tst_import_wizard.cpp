// The import wizard and the import history page, driven as a user would:
// the preview shows the rows as they will be stored (nothing written), the
// import gives the batch figures and the rows in the store, Cancel rolls
// back, a refused file shows its message and writes nothing, and the
// history page lists the batch. A change log goes through the mapping
// editor: columns chosen, a value map and a null token added, the preview
// following each edit, the mapping saved and loaded, then imported.

#include "MainWindow.h"
#include "import/HistoryMappingEditor.h"
#include "import/HistoryMappingPage.h"
#include "import/HistoryPreviewView.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportResultPage.h"
#include "import/ImportRunPage.h"
#include "import/ImportSourcePage.h"
#include "import/ImportWizard.h"
#include "pages/ImportHistoryPage.h"
#include "store/Workspace.h"
#include "widgets/RejectedRowsPane.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

QString dataFile(const QString& name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/") + name;
}

std::int64_t count(store::Workspace& workspace, const char* sql) {
    auto statement = workspace.db().prepare(sql);
    statement.step();
    return statement.int64(0);
}

int columnOf(const QTableWidget* table, const QString& header) {
    for (int c = 0; c < table->columnCount(); ++c) {
        if (table->horizontalHeaderItem(c)->text() == header) {
            return c;
        }
    }
    return -1;
}

// The text of a preview tree item under the column headed `header`.
QString treeCell(const QTreeWidgetItem* item, const QString& header) {
    const QTreeWidgetItem* headers = item->treeWidget()->headerItem();
    for (int c = 0; c < headers->columnCount(); ++c) {
        if (headers->text(c) == header) {
            return item->text(c);
        }
    }
    return QStringLiteral("<no %1>").arg(header);
}

// The row of the mapping editor's value table that holds `value`.
int valueRow(const QTableWidget* values, const QString& value) {
    for (int r = 0; r < values->rowCount(); ++r) {
        if (values->item(r, 0)->data(Qt::UserRole).toString() == value) {
            return r;
        }
    }
    return -1;
}

QString cell(const QTableWidget* table, int row, const QString& header) {
    const int column = columnOf(table, header);
    if (column < 0 || !table->item(row, column)) {
        return QStringLiteral("<no %1>").arg(header);
    }
    return table->item(row, column)->text();
}

} // namespace

class TestImportWizard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_workspaces = 0;

    // A main window on a fresh workspace reporting in UTC.
    std::unique_ptr<MainWindow> freshWindow() {
        const QString path = m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_workspaces));
        {
            store::Workspace workspace(path);
            workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        }
        auto window = std::make_unique<MainWindow>(false);
        if (!window->openWorkspace(path, true).isEmpty()) {
            qFatal("cannot open %s", qPrintable(path));
        }
        return window;
    }

    // The wizard on its preview page for `file`, read in Europe/Berlin.
    static ImportWizard* wizardAtPreview(MainWindow& window, const QString& file) {
        ImportWizard* wizard = window.openImportWizard({file}, false);
        wizard->show();
        wizard->sourcePage()->setKind(QStringLiteral("tickets"));
        wizard->sourcePage()->setSourceZone("Europe/Berlin");
        wizard->next();
        waitForPreview(wizard);
        return wizard;
    }

    // The preview is read on a worker thread; the page is complete once it is done.
    static void waitForPreview(ImportWizard* wizard) {
        if (!QTest::qWaitFor([wizard] { return !wizard->previewPage()->isLoading(); }, 20000)) {
            qFatal("the import preview did not finish");
        }
        QCoreApplication::processEvents(); // the watcher's finished signal
    }

    // The mapping editor's preview is derived on a worker thread a moment
    // after the last edit.
    static void waitForHistoryPreview(HistoryMappingPage* page) {
        if (!QTest::qWaitFor([page] { return !page->isPreviewPending(); }, 20000)) {
            qFatal("the history preview did not finish");
        }
        QCoreApplication::processEvents();
    }

    static QString historyFile(const char* name) {
        return QStringLiteral(ESCDESK_TEST_DATA "/import/history/") + QLatin1String(name);
    }

private slots:
    void previewShowsRowsAsTheyWillBeStored() {
        auto window = freshWindow();
        ImportWizard* wizard =
            wizardAtPreview(*window, dataFile(QStringLiteral("wizard-tickets.csv")));
        QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPageId));
        const QTableWidget* table = wizard->previewPage()->table();
        QCOMPARE(table->rowCount(), 5);
        // W-1: 09:15 and 11:00 Berlin (CET, UTC+1) on 2 March shown in the
        // reporting zone UTC: 08:15 and 10:00; Urgent → Critical, T2 → 2.
        QCOMPARE(cell(table, 0, QStringLiteral("ticket_id")), QStringLiteral("W-1"));
        QCOMPARE(cell(table, 0, QStringLiteral("created_at")), QStringLiteral("2026-03-02 08:15"));
        QCOMPARE(cell(table, 0, QStringLiteral("resolved_at")), QStringLiteral("2026-03-02 10:00"));
        QCOMPARE(cell(table, 0, QStringLiteral("priority")), QStringLiteral("Critical"));
        QCOMPARE(cell(table, 0, QStringLiteral("tier")), QStringLiteral("2"));
        QCOMPARE(cell(table, 0, QStringLiteral("Status")), QStringLiteral("Import"));
        // W-3 on 30 March is after the switch to CEST (UTC+2): 08:30 → 06:30.
        QCOMPARE(cell(table, 2, QStringLiteral("created_at")), QStringLiteral("2026-03-30 06:30"));
        // W-2 (resolved before created) is imported without its resolution
        // time, with a warning; W-4 (no date) will be rejected.
        QCOMPARE(cell(table, 1, QStringLiteral("Status")), QStringLiteral("Import, with warning"));
        QVERIFY(cell(table, 1, QStringLiteral("Reason"))
                    .contains(QStringLiteral("is before created_at")));
        QCOMPARE(cell(table, 3, QStringLiteral("Line")), QStringLiteral("5"));
        QCOMPARE(cell(table, 3, QStringLiteral("Status")), QStringLiteral("Rejected"));
        QVERIFY(cell(table, 3, QStringLiteral("Reason")).contains(QStringLiteral("not a date")));
        // The detected encoding and delimiter.
        QVERIFY2(wizard->previewPage()->summaryText().contains(QStringLiteral("UTF-8")),
                 qPrintable(wizard->previewPage()->summaryText()));
        QVERIFY(wizard->previewPage()->summaryText().contains(QStringLiteral("comma")));
        QVERIFY(wizard->previewPage()->isComplete());
        // Previewing wrote nothing.
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 0);
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM import_batches"), 0);
        window->finishImport(wizard);
    }

    void importGivesTheBatchFiguresAndRows() {
        auto window = freshWindow();
        ImportWizard* wizard =
            wizardAtPreview(*window, dataFile(QStringLiteral("wizard-tickets.csv")));
        wizard->next(); // Import
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), 20000);
        const QTableWidget* files = wizard->resultPage()->filesTable();
        QCOMPARE(files->rowCount(), 1);
        // 5 data rows: W-1, W-2 (without its resolution time), W-3, W-5
        // inserted; W-4 rejected.
        QCOMPARE(cell(files, 0, QStringLiteral("Rows")), QStringLiteral("5"));
        QCOMPARE(cell(files, 0, QStringLiteral("Inserted")), QStringLiteral("4"));
        QCOMPARE(cell(files, 0, QStringLiteral("Updated")), QStringLiteral("0"));
        QCOMPARE(cell(files, 0, QStringLiteral("Unchanged")), QStringLiteral("0"));
        QCOMPARE(cell(files, 0, QStringLiteral("Rejected")), QStringLiteral("1"));
        QCOMPARE(cell(files, 0, QStringLiteral("Warnings")), QStringLiteral("1"));
        // One problem each: the warning on line 3, the rejection on line 5.
        const QTableWidget* rejected = wizard->resultPage()->rejectedRows()->table();
        QCOMPARE(rejected->rowCount(), 2);
        QCOMPARE(cell(rejected, 0, QStringLiteral("Line")), QStringLiteral("3"));
        QCOMPARE(cell(rejected, 0, QStringLiteral("Outcome")), QStringLiteral("Warning"));
        QCOMPARE(cell(rejected, 1, QStringLiteral("Line")), QStringLiteral("5"));
        QCOMPARE(cell(rejected, 1, QStringLiteral("Outcome")), QStringLiteral("Rejected"));
        QVERIFY(wizard->resultPage()->countsText().contains(QStringLiteral("0 → 4")));
        // The export writes the header and both rows.
        const QString exported = m_dir.filePath(QStringLiteral("rejected.csv"));
        QCOMPARE(wizard->resultPage()->rejectedRows()->exportTo(exported), QString());
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("line,outcome,column,value,reason"));
        // In the store: 2026-03-30 06:30 UTC = 1774852200 (20542 days × 86400 + 23400).
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 4);
        QCOMPARE(
            count(*window->workspace(), "SELECT created_at FROM tickets WHERE ticket_id = 'W-3'"),
            1774852200);
        QCOMPARE(count(*window->workspace(), "SELECT tier FROM tickets WHERE ticket_id = 'W-1'"),
                 2);
        QVERIFY(wizard->storeChanged());
        window->finishImport(wizard);

        // The history page, refreshed, lists the batch.
        ImportHistoryPage* history = window->importHistoryPage();
        window->show();
        window->showPage(history);
        const QTableWidget* batches = history->batchesTable();
        QTRY_COMPARE(batches->rowCount(), 1);
        QCOMPARE(cell(batches, 0, QStringLiteral("File")), QStringLiteral("wizard-tickets.csv"));
        QCOMPARE(cell(batches, 0, QStringLiteral("Kind")), QStringLiteral("tickets"));
        QCOMPARE(cell(batches, 0, QStringLiteral("Inserted")), QStringLiteral("4"));
        QCOMPARE(cell(batches, 0, QStringLiteral("Rejected")), QStringLiteral("1"));
        QCOMPARE(cell(batches, 0, QStringLiteral("Warnings")), QStringLiteral("1"));
        QCOMPARE(history->rejectedRows()->rowCount(), 2);
    }

    void cancelLeavesTheStoreUnchanged() {
        auto window = freshWindow();
        // 400,000 tickets (about 17 MB): long enough that the import is
        // still reading when Cancel is pressed.
        const QString big = m_dir.filePath(QStringLiteral("big.csv"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("ticket_id,created_at,subject\n");
            QByteArray chunk;
            for (int i = 0; i < 400000; ++i) {
                chunk += "B-" + QByteArray::number(i) + ",2026-03-02 09:15,Something broke\n";
            }
            file.write(chunk);
        }
        ImportWizard* wizard = wizardAtPreview(*window, big);
        QFETCH(bool, midway);
        if (midway) {
            // Cancel once the first megabyte is stored in the open transaction.
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(wizard->runPage(), &ImportRunPage::progressed, wizard, [wizard, once] {
                QObject::disconnect(*once);
                wizard->reject();
            });
            wizard->next();
        } else {
            wizard->next();   // starts the worker
            wizard->reject(); // the wizard's Cancel while running: cancel, not close
        }
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), 30000);
        QVERIFY(wizard->isVisible());
        QVERIFY2(wizard->resultPage()->headline().contains(QStringLiteral("unchanged")),
                 qPrintable(wizard->resultPage()->headline() + QLatin1Char(' ') +
                            cell(wizard->resultPage()->filesTable(), 0, QStringLiteral("Result"))));
        QVERIFY(wizard->resultPage()->countsText().contains(QStringLiteral("(unchanged)")));
        QVERIFY(!wizard->storeChanged());
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 0);
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM import_batches"), 0);
        if (midway) {
            QCOMPARE(cell(wizard->resultPage()->filesTable(), 0, QStringLiteral("Result")),
                     QStringLiteral("Cancelled — rolled back, nothing written"));
        }
        window->finishImport(wizard);
    }

    void cancelLeavesTheStoreUnchanged_data() {
        QTest::addColumn<bool>("midway");
        QTest::newRow("before the first row") << false;
        QTest::newRow("midway through the file") << true;
    }

    void historyExportImportsThroughTheWizard() {
        auto window = freshWindow();
        const QString dir = QStringLiteral(ESCDESK_TEST_DATA "/import/history/");
        ImportWizard* wizard =
            window->openImportWizard({dir + QStringLiteral("servicenow-incident-log.csv")}, false);
        wizard->show();
        wizard->sourcePage()->setKind(QStringLiteral("history"));
        wizard->sourcePage()->setMappingFile(dir + QStringLiteral("servicenow-incident-log.json"));
        wizard->sourcePage()->setDateOrder(int(import::DateOrder::DayFirst));
        wizard->next();
        waitForPreview(wizard);
        QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPageId));
        QVERIFY(wizard->previewPage()->isComplete()); // no row preview, but importable
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), 20000);
        // 14 change rows (15 lines less the header) of two incidents.
        QCOMPARE(cell(wizard->resultPage()->filesTable(), 0, QStringLiteral("Rows")),
                 QStringLiteral("14"));
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 2);
        // INC0000046 (core/import/README.md): escalated + reassigned, bounced +
        // reassigned, resolved, reopened, resolved.
        QCOMPARE(count(*window->workspace(),
                       "SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket "
                       "WHERE t.ticket_id = 'INC0000046'"),
                 7);
        QCOMPARE(count(*window->workspace(),
                       "SELECT count(*) FROM import_batches WHERE kind = 'history'"),
                 1);
        window->finishImport(wizard);
    }

    // Issue #21: the review's own records come in through the wizard too.
    void reviewActionsImportThroughTheWizard() {
        auto window = freshWindow();
        const QString file = m_dir.filePath(QStringLiteral("wizard-actions.csv"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("id,title,owner,deadline,status,root_cause\n"
                      "ACT-1,Retry cap for webhooks,Sam,2026-12-01,open,Integration failure\n"
                      "ACT-2,Train L1,Ana,2026-13-01,open,User error\n");
        }
        ImportWizard* wizard = window->openImportWizard({file}, false);
        wizard->show();
        wizard->sourcePage()->setKind(QStringLiteral("actions"));
        wizard->next();
        waitForPreview(wizard);
        QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPageId));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), 20000);
        // ACT-2's deadline is no date: rejected; ACT-1 stored.
        const QTableWidget* files = wizard->resultPage()->filesTable();
        QCOMPARE(cell(files, 0, QStringLiteral("Inserted")), QStringLiteral("1"));
        QCOMPARE(cell(files, 0, QStringLiteral("Rejected")), QStringLiteral("1"));
        QCOMPARE(count(*window->workspace(),
                       "SELECT count(*) FROM review_actions WHERE source_id = 'ACT-1'"),
                 1);
        window->finishImport(wizard);
    }

    void historyMappingEditorPreviewsSavesAndImports() {
        auto window = freshWindow();
        ImportWizard* wizard = window->openImportWizard({historyFile("wizard-history.csv")}, false);
        wizard->show();
        // Case ids repeat over the rows: a change log, mapped in the next step.
        const auto* kind =
            wizard->sourcePage()->findChild<QComboBox*>(QStringLiteral("importKind"));
        QCOMPARE(kind->currentData().toString(), QStringLiteral("history"));
        wizard->sourcePage()->setSourceZone("UTC");
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::HistoryMappingPageId));
        HistoryMappingPage* page = wizard->historyMappingPage();
        HistoryMappingEditor* editor = page->editor();
        waitForHistoryPreview(page);

        // Guessed from the column names.
        const auto column = [editor](const char* role) {
            return editor->columnChoice(QLatin1String(role))->currentData().toString();
        };
        QCOMPARE(column("case"), QStringLiteral("Case"));
        QCOMPARE(column("time"), QStringLiteral("Changed"));
        QCOMPARE(column("status"), QStringLiteral("State"));
        QCOMPARE(column("tier"), QStringLiteral("Level"));
        QCOMPARE(column("group"), QStringLiteral("Team"));
        QCOMPARE(column("priority"), QStringLiteral("Urgency"));
        QCOMPARE(column("product_area"), QString());
        QVERIFY(page->isComplete());

        // The tier chosen again, without the guessed value map: "1st" and
        // "2nd" are no tiers.
        QComboBox* tier = editor->columnChoice(QStringLiteral("tier"));
        tier->setCurrentIndex(0);
        tier->setCurrentIndex(tier->findData(QStringLiteral("Level")));
        QVERIFY(!page->isComplete()); // until the preview follows
        waitForHistoryPreview(page);
        const QTreeWidget* tickets = page->preview()->tickets();
        QCOMPARE(tickets->topLevelItemCount(), 3);
        const QTreeWidgetItem* c1 = tickets->topLevelItem(0);
        QCOMPARE(treeCell(c1, QStringLiteral("Case")), QStringLiteral("C-1"));
        QCOMPARE(treeCell(c1, QStringLiteral("Tier")), QString());
        // paused, reassigned ×2, resumed, resolved: no escalation, no bounce.
        QCOMPARE(c1->childCount(), 5);
        // Lines 2–10 warn of their level ("?" is no null token yet); line 11
        // is rejected for its time.
        QCOMPARE(page->preview()->problems()->rowCount(), 10);

        // The value map: 1st → tier 1, 2nd → tier 2.
        QCOMPARE(editor->selectedRole(), QStringLiteral("tier"));
        QTableWidget* values = editor->valueTable();
        QCOMPARE(values->rowCount(), 4); // 1st, 2nd, ?, Level X
        values->item(valueRow(values, QStringLiteral("1st")), 1)->setText(QStringLiteral("1"));
        values->item(valueRow(values, QStringLiteral("2nd")), 1)->setText(QStringLiteral("2"));
        waitForHistoryPreview(page);
        c1 = tickets->topLevelItem(0);
        QCOMPARE(treeCell(c1, QStringLiteral("Start tier")), QStringLiteral("1"));
        QCOMPARE(treeCell(c1, QStringLiteral("Tier")), QStringLiteral("1"));
        QCOMPARE(treeCell(c1, QStringLiteral("Status")), QStringLiteral("Resolved"));
        QCOMPARE(treeCell(c1, QStringLiteral("Created / time")),
                 QStringLiteral("2026-03-02 09:00"));
        QCOMPARE(c1->childCount(), 7);
        QCOMPARE(treeCell(c1->child(0), QStringLiteral("Event")), QStringLiteral("escalated"));
        QCOMPARE(treeCell(c1->child(0), QStringLiteral("Tier")), QStringLiteral("1 → 2"));
        QCOMPARE(treeCell(c1->child(0), QStringLiteral("Created / time")),
                 QStringLiteral("2026-03-02 10:00"));
        QCOMPARE(treeCell(c1->child(2), QStringLiteral("Event")), QStringLiteral("paused"));
        QCOMPARE(treeCell(c1->child(3), QStringLiteral("Event")), QStringLiteral("bounced"));
        QCOMPARE(treeCell(tickets->topLevelItem(1), QStringLiteral("Start tier")),
                 QStringLiteral("2"));
        // "?" and "Level X" warn, line 11 is rejected.
        QCOMPARE(page->preview()->problems()->rowCount(), 3);
        // "?" as a null token: no value, no warning.
        editor->commonNull(QStringLiteral("?"))->setChecked(true);
        waitForHistoryPreview(page);
        const QTableWidget* problems = page->preview()->problems();
        QCOMPARE(problems->rowCount(), 2);
        QCOMPARE(cell(problems, 0, QStringLiteral("Line")), QStringLiteral("10"));
        QCOMPARE(cell(problems, 0, QStringLiteral("Value")), QStringLiteral("Level X"));
        QVERIFY(cell(problems, 0, QStringLiteral("Outcome")).startsWith(QStringLiteral("Warning")));
        QCOMPARE(cell(problems, 1, QStringLiteral("Line")), QStringLiteral("11"));
        QCOMPARE(cell(problems, 1, QStringLiteral("Outcome")), QStringLiteral("Rejected"));
        // The category as the product area, with a name for the mapping.
        QComboBox* area = editor->columnChoice(QStringLiteral("product_area"));
        area->setCurrentIndex(area->findData(QStringLiteral("Category")));
        editor->findChild<QLineEdit*>(QStringLiteral("historyMappingName"))
            ->setText(QStringLiteral("Wizard history"));
        waitForHistoryPreview(page);
        QCOMPARE(treeCell(tickets->topLevelItem(0), QStringLiteral("Other fields")),
                 QStringLiteral("product_area: Invoices"));
        // Previewing wrote nothing.
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 0);

        // Saved, the mapping reads back as edited.
        const QString saved = m_dir.filePath(QStringLiteral("wizard-history.json"));
        QCOMPARE(page->saveMappingTo(saved), QString());
        const import::HistoryMapping read = import::readHistoryMappingFile(saved);
        QCOMPARE(read.name, QStringLiteral("Wizard history"));
        QCOMPARE(read.nulls, QStringList{QStringLiteral("?")});
        QCOMPARE(read.tier->values,
                 (std::map<std::string, std::string>{{"1st", "1"}, {"2nd", "2"}}));
        QCOMPARE(read.waitingStatuses, QStringList{QStringLiteral("Waiting for customer")});
        QCOMPARE(read.closedStatuses, QStringList{QStringLiteral("Closed")});
        QCOMPARE(read.ticketFields.size(), std::size_t{1});

        // Imported with the mapping as edited.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPageId));
        waitForPreview(wizard);
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), 20000);
        QCOMPARE(cell(wizard->resultPage()->filesTable(), 0, QStringLiteral("Rows")),
                 QStringLiteral("10"));
        store::Workspace& workspace = *window->workspace();
        QCOMPARE(count(workspace, "SELECT count(*) FROM tickets"), 3);
        // C-1: escalated 1 → 2 at 10:00 on 2 March 2026 (1772445600), back
        // at tier 1, resolved the next day at 09:00 (1772528400).
        QCOMPARE(count(workspace, "SELECT escalated_at FROM tickets WHERE ticket_id = 'C-1'"),
                 1772445600);
        QCOMPARE(count(workspace, "SELECT resolved_at FROM tickets WHERE ticket_id = 'C-1'"),
                 1772528400);
        QCOMPARE(count(workspace, "SELECT tier FROM tickets WHERE ticket_id = 'C-1'"), 1);
        QCOMPARE(count(workspace, "SELECT count(*) FROM tickets WHERE ticket_id = 'C-1' AND "
                                  "product_area = 'Invoices' AND priority = 'High'"),
                 1);
        QCOMPARE(count(workspace, "SELECT start_tier FROM tickets WHERE ticket_id = 'C-2'"), 2);
        QCOMPARE(count(workspace, "SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = "
                                  "e.ticket WHERE t.ticket_id = 'C-1'"),
                 7);
        QCOMPARE(count(workspace, "SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = "
                                  "e.ticket WHERE t.ticket_id = 'C-1' AND e.event = 'paused'"),
                 1);
        QCOMPARE(count(workspace, "SELECT count(*) FROM import_batches WHERE kind = 'history' "
                                  "AND preset = 'Wizard history'"),
                 1);
        window->finishImport(wizard);

        // Next time: the saved mapping fills the editor.
        wizard = window->openImportWizard({historyFile("wizard-history.csv")}, false);
        wizard->show();
        wizard->next();
        page = wizard->historyMappingPage();
        editor = page->editor();
        QCOMPARE(page->loadMappingFrom(saved), QString());
        QCOMPARE(editor->columnChoice(QStringLiteral("product_area"))->currentData().toString(),
                 QStringLiteral("Category"));
        QVERIFY(editor->commonNull(QStringLiteral("?"))->isChecked());
        editor->selectRole(QStringLiteral("tier"));
        values = editor->valueTable();
        QCOMPARE(values->item(valueRow(values, QStringLiteral("2nd")), 1)->text(),
                 QStringLiteral("2"));
        waitForHistoryPreview(page);
        // The tickets are stored now: the preview says it would update them.
        QCOMPARE(treeCell(page->preview()->tickets()->topLevelItem(0), QStringLiteral("Event")),
                 QStringLiteral("updates the stored ticket"));
        window->finishImport(wizard);
    }

    void droppedFilesOpenTheWizardWithThem() {
        auto window = freshWindow();
        window->show();
        const QString file = dataFile(QStringLiteral("wizard-tickets.csv"));
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(300, 300), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &drop);
        // The wizard opens modally once the drop has returned: look at it from
        // inside its event loop, then close it.
        QStringList offered;
        bool seen = false;
        QTimer::singleShot(200, [&] {
            if (auto* wizard = qobject_cast<ImportWizard*>(QApplication::activeModalWidget())) {
                seen = true;
                offered = wizard->sourcePage()->files();
                wizard->reject();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(seen, 5000);
        QCOMPARE(offered, QStringList{QFileInfo(file).absoluteFilePath()});
        delete mime;
    }

    void previewIsReadOffTheGuiThread() {
        // Slash dates that never show a day above 12: the whole file is read
        // to find the day/month order, which takes a while on 300,000 rows.
        const QString big = m_dir.filePath(QStringLiteral("ambiguous.csv"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray content = "ticket_id,created_at,subject\n";
            for (int i = 0; i < 300000; ++i) {
                content += "A-" + QByteArray::number(i) + ",03/02/2026 09:15,Something broke\n";
            }
            file.write(content);
        }
        auto window = freshWindow();
        ImportWizard* wizard = window->openImportWizard({big}, false);
        wizard->show();
        wizard->sourcePage()->setKind(QStringLiteral("tickets"));
        wizard->next();
        // next() came back while the file is still being read: the page shows
        // its busy indicator and the import cannot start yet.
        QVERIFY(wizard->previewPage()->isLoading());
        QVERIFY(!wizard->previewPage()->isComplete());
        QVERIFY(
            wizard->previewPage()->findChild<QWidget*>(QStringLiteral("previewBusy"))->isVisible());
        waitForPreview(wizard);
        QVERIFY(!wizard->previewPage()
                     ->findChild<QWidget*>(QStringLiteral("previewBusy"))
                     ->isVisible());
        QVERIFY2(wizard->previewPage()->problemText().contains(QStringLiteral("--date-order")),
                 qPrintable(wizard->previewPage()->problemText()));
        QVERIFY(!wizard->previewPage()->isComplete());
        window->finishImport(wizard);
    }

    void refusedFileShowsItsMessageAndWritesNothing() {
        auto window = freshWindow();
        ImportWizard* wizard =
            wizardAtPreview(*window, dataFile(QStringLiteral("missing-column.csv")));
        QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPageId));
        const QString problem = wizard->previewPage()->problemText();
        // File, line (the header row, line 1), column and reason.
        QVERIFY2(problem.contains(QStringLiteral("missing-column.csv: line 1, column created_at: "
                                                 "the required column created_at is missing")),
                 qPrintable(problem));
        QVERIFY(!wizard->previewPage()->isComplete());
        QVERIFY(!wizard->button(QWizard::CommitButton)->isEnabled());
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM import_batches"), 0);
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 0);
        window->finishImport(wizard);
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_import_wizard.moc"

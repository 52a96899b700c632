// The import wizard and the import history page, driven as a user would:
// the preview shows the rows as they will be stored (nothing written), the
// import gives the batch figures and the rows in the store, Cancel rolls
// back, a refused file shows its message and writes nothing, and the
// history page lists the batch.

#include "MainWindow.h"
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
#include <QDragEnterEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QMimeData>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
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
        // W-2 (resolved before created) and W-4 (no date) will be rejected.
        QCOMPARE(cell(table, 1, QStringLiteral("Status")), QStringLiteral("Rejected"));
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
        // 5 data rows: W-1, W-3, W-5 inserted; W-2 and W-4 rejected.
        QCOMPARE(cell(files, 0, QStringLiteral("Rows")), QStringLiteral("5"));
        QCOMPARE(cell(files, 0, QStringLiteral("Inserted")), QStringLiteral("3"));
        QCOMPARE(cell(files, 0, QStringLiteral("Updated")), QStringLiteral("0"));
        QCOMPARE(cell(files, 0, QStringLiteral("Unchanged")), QStringLiteral("0"));
        QCOMPARE(cell(files, 0, QStringLiteral("Rejected")), QStringLiteral("2"));
        // One problem each: lines 3 and 5.
        const QTableWidget* rejected = wizard->resultPage()->rejectedRows()->table();
        QCOMPARE(rejected->rowCount(), 2);
        QCOMPARE(rejected->item(0, 0)->text(), QStringLiteral("3"));
        QCOMPARE(rejected->item(1, 0)->text(), QStringLiteral("5"));
        QVERIFY(wizard->resultPage()->countsText().contains(QStringLiteral("0 → 3")));
        // The export writes the header and both rows.
        const QString exported = m_dir.filePath(QStringLiteral("rejected.csv"));
        QCOMPARE(wizard->resultPage()->rejectedRows()->exportTo(exported), QString());
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("line,column,value,reason"));
        // In the store: 2026-03-30 06:30 UTC = 1774852200 (20542 days × 86400 + 23400).
        QCOMPARE(count(*window->workspace(), "SELECT count(*) FROM tickets"), 3);
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
        QCOMPARE(cell(batches, 0, QStringLiteral("Inserted")), QStringLiteral("3"));
        QCOMPARE(cell(batches, 0, QStringLiteral("Rejected")), QStringLiteral("2"));
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

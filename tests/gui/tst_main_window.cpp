// The main window: the pages it offers, a file that cannot be opened as a
// workspace leaves the window as it was, with the store's message, a
// workspace is created only when asked for, and a recent workspace that is
// gone is reported, to be removed from the list or kept.

#include "../support/MessageBoxAnswer.h"
#include "MainWindow.h"
#include "ShownText.h"
#include "models/DisplayText.h"
#include "models/TicketTableModel.h"
#include "pages/EscalationsPage.h"
#include "pages/WelcomePage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "widgets/TicketDetailPane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <sqlite3.h>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

void makeWorkspace(const QString& path) {
    store::Workspace workspace(path);
    workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("Asia/Tokyo"));
    store::DataWriter writer(workspace.db());
    for (int i = 1; i <= 3; ++i) {
        Ticket t;
        t.ticketId = QStringLiteral("W-%1").arg(i);
        t.createdAt = 1'790'000'000 + i * 60;
        const auto row = writer.insertTicket(t);
        if (i == 2) {
            TicketEvent e;
            e.occurredAt = t.createdAt + 60;
            e.kind = EventKind::Escalated;
            e.fromTier = 1;
            e.toTier = 2;
            writer.insertEvent(row, e);
        }
    }
}

// The Welcome page's line for `path`, if it lists it.
QListWidgetItem* recentItem(MainWindow& window, const QString& path) {
    auto* list = window.welcomePage()->findChild<QListWidget*>(QStringLiteral("recentList"));
    for (int i = 0; list && i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == path) {
            return list->item(i);
        }
    }
    return nullptr;
}

// File › Open Recent's entry for `path`, with the menu built as it opens.
QAction* recentMenuAction(MainWindow& window, const QString& path) {
    for (QMenu* menu : window.menuBar()->findChildren<QMenu*>()) {
        if (menu->title() == QStringLiteral("Open &Recent")) {
            emit menu->aboutToShow();
            for (QAction* action : menu->actions()) {
                if (action->data().toString() == path) {
                    return action;
                }
            }
        }
    }
    return nullptr;
}

void makeForeignDatabase(const QString& path) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        // Settings go to a scratch directory, never the user's.
        QCoreApplication::setOrganizationName(QStringLiteral("escalation-desk-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
    }

    void remembersRecentWorkspacesAndTheLastPage() {
        const QString first = m_dir.filePath(QStringLiteral("first.escdesk"));
        const QString second = m_dir.filePath(QStringLiteral("second.escdesk"));
        makeWorkspace(first);
        makeWorkspace(second);
        {
            MainWindow window(true);
            QVERIFY(window.openWorkspace(first, true).isEmpty());
            QVERIFY(window.openWorkspace(second, true).isEmpty());
            window.setCurrentPage(1);
            window.close(); // saves the settings
        }
        // Most recent first.
        QCOMPARE(MainWindow::recentWorkspaces(), (QStringList{second, first}));
        MainWindow again(true);
        QCOMPARE(again.currentPage(), 1);
        // Reopening moves it to the front without duplicates.
        QVERIFY(again.openWorkspace(first, true).isEmpty());
        QCOMPARE(MainWindow::recentWorkspaces(), (QStringList{first, second}));
    }

    void offersTheWorkingPages() {
        MainWindow window(false);
        const auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        // The pages in the order of SPEC §11.
        const QStringList expected{QStringLiteral("Dashboard"), QStringLiteral("Escalations"),
                                   QStringLiteral("At risk"),   QStringLiteral("Matrix"),
                                   QStringLiteral("Trends"),    QStringLiteral("Root causes"),
                                   QStringLiteral("Segments"),  QStringLiteral("Reports"),
                                   QStringLiteral("Review"),    QStringLiteral("Import history")};
        QCOMPARE(window.pageCount(), expected.size());
        QCOMPARE(navigation->count(), expected.size());
        for (int i = 0; i < navigation->count(); ++i) {
            QCOMPARE(navigation->item(i)->text(), expected.at(i));
            QVERIFY(!navigation->item(i)->icon().isNull());
        }
    }

    void aForeignFileIsRefusedWithAMessage() {
        MainWindow window(false);
        const QString good = m_dir.filePath(QStringLiteral("good.escdesk"));
        makeWorkspace(good);
        QVERIFY(window.openWorkspace(good, true).isEmpty());
        QVERIFY(window.workspace());

        const QString foreign = m_dir.filePath(QStringLiteral("recipes.db"));
        makeForeignDatabase(foreign);
        const QString message = window.openWorkspace(foreign, true);
        QVERIFY2(message.contains(QStringLiteral("not an Escalation Desk workspace")),
                 qPrintable(message));
        // The open workspace stays open.
        QCOMPARE(window.workspace()->path(), good);

        const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some notes, not a database\n");
        file.close();
        QVERIFY(!window.openWorkspace(text, true).isEmpty());
        QCOMPARE(window.workspace()->path(), good);
    }

    void aMissingWorkspaceIsNeverCreatedByOpening() {
        MainWindow window(false);
        const QString missing = m_dir.filePath(QStringLiteral("nowhere/missing.escdesk"));
        QCOMPARE(window.openWorkspace(missing, true),
                 QStringLiteral("No workspace at %1.").arg(missing));
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(!window.workspace());
        QVERIFY(window.isWelcomeShown());
        // File › New Workspace… creates it (and its folder), writable.
        QCOMPARE(window.createWorkspace(missing, true), QString());
        QVERIFY(QFileInfo::exists(missing));
        QCOMPARE(window.workspace()->path(), missing);
        QVERIFY(!window.workspace()->isReadOnly());
        QCOMPARE(window.windowTitle(), QStringLiteral("missing.escdesk — Escalation Desk"));
    }

    void aGoneRecentWorkspaceIsReportedAndRemovedOrKept() {
        const QString kept = m_dir.filePath(QStringLiteral("kept.escdesk"));
        const QString gone = m_dir.filePath(QStringLiteral("unplugged.escdesk"));
        makeWorkspace(kept);
        makeWorkspace(gone);
        {
            MainWindow window(true);
            QVERIFY(window.openWorkspace(gone, true).isEmpty());
            QVERIFY(window.openWorkspace(kept, true).isEmpty());
        }
        QVERIFY(QFile::remove(gone));
        const QString message = QStringLiteral("%1 no longer exists. It was moved or deleted, or "
                                               "is on a drive that is not connected.")
                                    .arg(QDir::toNativeSeparators(gone));

        MainWindow window(true);
        QVERIFY(window.isWelcomeShown());
        // Listed still (its drive may come back), marked as not found.
        QListWidgetItem* item = recentItem(window, gone);
        QVERIFY(item);
        QVERIFY2(item->text().startsWith(QStringLiteral("unplugged.escdesk — not found\n")),
                 qPrintable(item->text()));
        QCOMPARE(item->toolTip(), shown::toolTip(message));
        QVERIFY(recentItem(window, kept)->text().startsWith(QStringLiteral("kept.escdesk\n")));
        QAction* menuEntry = recentMenuAction(window, gone);
        QVERIFY(menuEntry);
        QCOMPARE(menuEntry->text(),
                 QStringLiteral("%1 (not found)").arg(QDir::toNativeSeparators(gone)));

        // Keep: nothing changes.
        auto* list = window.welcomePage()->findChild<QListWidget*>(QStringLiteral("recentList"));
        QCOMPARE(testsupport::answerMessageBox(
                     QStringLiteral("Keep"),
                     [&] { emit list->itemActivated(recentItem(window, gone)); }),
                 message);
        QVERIFY(MainWindow::recentWorkspaces().contains(gone));
        QVERIFY(recentItem(window, gone));
        QVERIFY(!window.workspace());
        QVERIFY(!QFileInfo::exists(gone)); // never created by trying to open it

        // Remove from list, from the File menu this time.
        QCOMPARE(testsupport::answerMessageBox(QStringLiteral("Remove from list"),
                                               [&] { recentMenuAction(window, gone)->trigger(); }),
                 message);
        QVERIFY(!MainWindow::recentWorkspaces().contains(gone));
        QVERIFY(MainWindow::recentWorkspaces().contains(kept));
        QVERIFY(!recentItem(window, gone));
        QVERIFY(!recentMenuAction(window, gone));
        QVERIFY(!QFileInfo::exists(gone));
    }

    void statusBarCountsAndSelection() {
        MainWindow window(false);
        const QString path = m_dir.filePath(QStringLiteral("status.escdesk"));
        makeWorkspace(path);
        window.resize(1200, 800);
        window.setCurrentPage(1);
        window.show();
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        const auto* counts = window.findChild<QLabel*>(QStringLiteral("statusCounts"));
        QVERIFY(counts);
        QVERIFY2(counts->text().startsWith(QStringLiteral("3 tickets · 1 events")),
                 qPrintable(counts->text()));
        // The workspace is named by its file; its folder is in the tooltip.
        const auto* name = window.findChild<QLabel*>(QStringLiteral("statusWorkspace"));
        QVERIFY(name);
        QCOMPARE(name->text(), QStringLiteral("status.escdesk"));
        QVERIFY(name->toolTip().contains(QDir::toNativeSeparators(m_dir.path())));

        EscalationsPage* page = window.escalationsPage();
        QTRY_VERIFY(!page->model()->isLoading());
        QCOMPARE(page->model()->rowCount(), 3);
        // W-2 is the only escalated ticket; newest first it is the middle row.
        QVERIFY(page->selectFirstEscalated());
        QCOMPARE(page->table()->currentIndex().row(), 1);
        QCOMPARE(page->detail()->timelineEventCount(), 1);
        // W-2's event at 1,790,000,180 s = 2026-09-21 14:16:20 UTC is 23:16
        // in Tokyo (UTC+9, no summer time).
        const auto* timeline = page->detail()->findChild<QTreeWidget*>(QStringLiteral("timeline"));
        QVERIFY(timeline);
        QCOMPARE(timeline->topLevelItem(0)->text(0), QStringLiteral("2026-09-21 23:16"));
        QCOMPARE(timeline->topLevelItem(0)->text(1), QStringLiteral("Escalated"));
        QCOMPARE(timeline->topLevelItem(0)->text(2), QStringLiteral("Tier 1 → Tier 2"));

        // Typing in the search box filters after a short pause.
        auto* search = page->findChild<QLineEdit*>();
        QVERIFY(search);
        search->setText(QStringLiteral("w-3"));
        QTRY_COMPARE(page->model()->rowCount(), 1);
        QCOMPARE(page->model()->data(page->model()->index(0, 0)).toString(), QStringLiteral("W-3"));
        // The shown ticket (W-2) is filtered out: the detail pane empties.
        QCOMPARE(page->detail()->ticketRow(), -1);
        search->clear();
        auto* escalatedOnly = page->findChild<QCheckBox*>();
        QVERIFY(escalatedOnly);
        escalatedOnly->setChecked(true);
        QTRY_COMPARE(page->model()->data(page->model()->index(0, 0)).toString(),
                     QStringLiteral("W-2"));
        QTRY_VERIFY(!page->model()->isLoading());
        QCOMPARE(page->model()->rowCount(), 1);

        // Created in the last 7 days: the tickets are of 21 Sep 2026, which is
        // in no "last 7 days" after 27 Sep 2026 (this suite was written later).
        QComboBox* created = nullptr;
        for (auto* combo : page->findChildren<QComboBox*>()) {
            if (combo->accessibleName() == QStringLiteral("Created filter")) {
                created = combo;
            }
        }
        QVERIFY(created);
        created->setCurrentIndex(created->findText(QStringLiteral("Last 7 days")));
        QTRY_COMPARE(page->model()->rowCount(), 0);
        QTRY_VERIFY(!page->model()->isLoading());
        QCOMPARE(page->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

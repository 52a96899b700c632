// A workspace in a folder that cannot be written opens for reading: the
// window says so and why, every page shows its data (the dashboard the same
// figures as a writable copy), and every control that would write is
// disabled with a tooltip giving the reason. Runs under
// support/private_mounts.sh, which lets it mount the folder read-only.

#include "MainWindow.h"
#include "ShownText.h"
#include "WorkspaceBackupTask.h"
#include "browse/TicketQuery.h"
#include "demo/DemoGenerator.h"
#include "matrix/MatrixDocument.h"
#include "matrix/RulesEditor.h"
#include "matrix/TiersEditor.h"
#include "models/DisplayText.h"
#include "pages/DashboardPage.h"
#include "pages/ImportHistoryPage.h"
#include "pages/MatrixPage.h"
#include "pages/ReviewPage.h"
#include "store/Workspace.h"
#include "support/MessageBoxAnswer.h"
#include "support/ReadOnlyPlace.h"
#include "widgets/KpiCard.h"
#include "widgets/TicketDetailPane.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>

using namespace escdesk;
using namespace escdesk::ui;
using testsupport::ReadOnlyBy;

namespace {

template <typename Widget> Widget* childWithText(QWidget* parent, const QString& text) {
    for (Widget* child : parent->findChildren<Widget*>()) {
        if (child->text() == text) {
            return child;
        }
    }
    return nullptr;
}

// Waits until the dashboard has computed its figures on its worker thread.
void settleDashboard(MainWindow& window) {
    window.setCurrentPage(0);
    window.show(); // a page computes when first shown
    QTRY_VERIFY_WITH_TIMEOUT(!window.dashboardPage()->isBusy(), 120000);
}

} // namespace

class TestReadOnlyWorkspace : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_folder;   // mounted read-only
    QString m_locked;   // the demo in it
    QString m_writable; // the same demo where it can be written
    QString m_reason;   // why the workspace cannot be written, as the store says

    QString explanation() const {
        return QStringLiteral("The workspace is read-only: %1.").arg(m_reason);
    }
    // The explanation as a disabled control's tooltip shows it.
    QString explanationTip() const { return shown::toolTip(explanation()); }

private slots:
    void initTestCase() {
        if (testsupport::readOnlyMethod() == ReadOnlyBy::Unavailable) {
            QSKIP("Running as root outside a mount namespace of its own: nothing can be made "
                  "read-only here (run under tests/support/private_mounts.sh).");
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(QStringLiteral("escalation-desk-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_read_only_workspace"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        m_writable = m_dir.filePath(QStringLiteral("demo.escdesk"));
        {
            store::Workspace workspace(m_writable);
            demo::DemoOptions options;
            options.tickets = 3000;
            // Ending today, so that the dashboard's default period has data.
            options.endDate =
                QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(demo::demoTeamZone)).date();
            demo::generateDemo(workspace, options);
        } // closed: its write-ahead log is folded into the file
        m_folder = m_dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(m_folder));
        m_locked = QDir(m_folder).filePath(QStringLiteral("demo.escdesk"));
        QVERIFY(QFile::copy(m_writable, m_locked));
        QVERIFY(testsupport::makeReadOnly(m_folder));
        // A read-only mount is a read-only file system; a folder without
        // write permission is a read-only folder.
        m_reason = testsupport::readOnlyMethod() == ReadOnlyBy::Mount
                       ? QStringLiteral("its folder %1 is on a read-only file system").arg(m_folder)
                       : QStringLiteral("its folder %1 is read-only").arg(m_folder);
    }

    void cleanupTestCase() {
        if (!m_folder.isEmpty()) {
            testsupport::makeWritableAgain(m_folder);
        }
    }

    void opensForReadingAndSaysWhy() {
        MainWindow window(false);
        QCOMPARE(window.openWorkspace(m_locked, true), QString());
        QVERIFY(window.workspace());
        QVERIFY(window.workspace()->isReadOnly());
        QCOMPARE(window.workspace()->readOnlyReason(), m_reason);
        const auto* label = window.findChild<QLabel*>(QStringLiteral("statusReadOnly"));
        QVERIFY(label);
        QVERIFY(!label->isHidden());
        QCOMPARE(label->text(), QStringLiteral("Read-only: %1").arg(m_reason));
        QCOMPARE(
            label->toolTip(),
            shown::toolTip(explanation() + QStringLiteral(" Every page shows its data; importing, "
                                                          "restoring and editing are disabled.")));
        QCOMPARE(window.windowTitle(),
                 QStringLiteral("demo.escdesk (read-only) — Escalation Desk"));
        // Nothing was written beside it (no journal, no shared memory).
        QCOMPARE(QDir(m_folder).entryList(QDir::Files),
                 QStringList{QStringLiteral("demo.escdesk")});

        // A writable workspace opened next takes the notice away.
        QCOMPARE(window.openWorkspace(m_writable, true), QString());
        QVERIFY(label->isHidden());
        QCOMPARE(window.windowTitle(), QStringLiteral("demo.escdesk — Escalation Desk"));
        QVERIFY(window.importAction()->isEnabled());
    }

    void importAndRestoreAreDisabledWithTheReason() {
        MainWindow window(false);
        QCOMPARE(window.openWorkspace(m_locked, true), QString());
        for (QAction* action : {window.importAction(), window.restoreAction()}) {
            QVERIFY(!action->isEnabled());
            QCOMPARE(action->toolTip(), explanationTip());
        }
        auto* importButton =
            window.importHistoryPage()->findChild<QPushButton*>(QStringLiteral("importButton"));
        QVERIFY(importButton);
        QVERIFY(!importButton->isEnabled());
        QCOMPARE(importButton->toolTip(), explanationTip());
        // Dropped files reach the wizard without the menu: refused, saying why.
        const QString message = testsupport::answerMessageBox(
            {}, [&] { QVERIFY(!window.openImportWizard({m_writable}, false)); });
        QCOMPARE(message, explanation() + QStringLiteral(" To import, save a copy in a folder "
                                                         "you can write (File › Back Up…) and "
                                                         "open the copy."));
        // Opened writable again, the actions say what they do again.
        QCOMPARE(window.openWorkspace(m_writable, true), QString());
        QVERIFY(window.importAction()->isEnabled());
        QVERIFY(window.importAction()->toolTip() != explanationTip());
        QVERIFY(importButton->isEnabled());
        QVERIFY(importButton->toolTip().isEmpty());
    }

    void theMatrixIsShownButCannotBeEdited() {
        MainWindow window(false);
        QCOMPARE(window.openWorkspace(m_locked, true), QString());
        MatrixPage* page = window.matrixPage();
        QVERIFY(!page->importAction()->isEnabled());
        QCOMPARE(page->importAction()->toolTip(), explanationTip());

        TiersEditor* tiers = page->tiersEditor();
        QVERIFY(tiers->table()->rowCount() > 0); // the stored tiers, shown
        auto* addTier = childWithText<QToolButton>(tiers, QStringLiteral("Add tier"));
        QVERIFY(addTier);
        QVERIFY(!addTier->isEnabled());
        QCOMPARE(addTier->toolTip(), explanationTip());
        auto* remove = childWithText<QToolButton>(tiers, QStringLiteral("Remove"));
        QVERIFY(!remove->isEnabled());
        QCOMPARE(remove->toolTip(), explanationTip());
        // Text stays legible, read-only; cells cannot be edited or ticked.
        QVERIFY(tiers->responsibility()->isReadOnly());
        QCOMPARE(tiers->responsibility()->toolTip(), explanationTip());
        const QTableWidgetItem* owner = tiers->table()->item(0, TiersEditor::OwnerColumn);
        QVERIFY(!(owner->flags() & Qt::ItemIsEditable));
        const QTableWidgetItem* optional = tiers->table()->item(0, TiersEditor::OptionalColumn);
        QVERIFY(!(optional->flags() & Qt::ItemIsUserCheckable));
        // Rules can be browsed but not reordered.
        RulesEditor* rules = page->rulesEditor();
        QVERIFY(rules->ruleList()->count() > 1);
        QCOMPARE(rules->ruleList()->dragDropMode(), QAbstractItemView::NoDragDrop);
        auto* addRule = childWithText<QToolButton>(rules, QStringLiteral("Add rule"));
        QVERIFY(!addRule->isEnabled());
        // Whatever still asks for an edit changes nothing.
        const matrix::Matrix before = page->document()->matrix();
        QVERIFY(!page->document()->edit(QStringLiteral("Rename"), [](matrix::Matrix& m) {
            m.tiers.front().name = QStringLiteral("Renamed");
        }));
        QVERIFY(page->document()->matrix() == before);
        QVERIFY(!page->undoAction()->isEnabled());
        QCOMPARE(page->importFile(m_writable, true), QStringList{explanation()});
    }

    void reviewAndChecklistTicksCannotBeRecorded() {
        MainWindow window(false);
        QCOMPARE(window.openWorkspace(m_locked, true), QString());
        ReviewPage* review = nullptr;
        for (int i = 0; i < window.pageCount() && !review; ++i) {
            review = qobject_cast<ReviewPage*>(window.page(i));
        }
        QVERIFY(review);
        for (const QString& title :
             {QStringLiteral("Record a decision"), QStringLiteral("New long-term action")}) {
            QGroupBox* form = nullptr;
            for (QGroupBox* box : review->findChildren<QGroupBox*>()) {
                form = box->title() == title ? box : form;
            }
            QVERIFY2(form, qPrintable(title));
            QVERIFY(!form->isEnabled());
            QCOMPARE(form->toolTip(), explanationTip());
        }
        QCOMPARE(review->findChild<QLabel*>(QStringLiteral("reviewFeedback"))->text(),
                 explanation() + QStringLiteral(" Decisions and actions cannot be recorded here."));
        QCOMPARE(review->recordDecision(QStringLiteral("Fix"), QStringLiteral("Dana"),
                                        QStringLiteral("Billing"), QStringLiteral("Note")),
                 explanation());
        QCOMPARE(review->addAction(QStringLiteral("Fix the billing export"), QString(),
                                   QStringLiteral("Dana"), QDate::currentDate()),
                 explanation());

        // A checklist is shown as it was ticked, and cannot be ticked here.
        store::Workspace* workspace = window.workspace();
        browse::TicketFilter escalated;
        escalated.escalatedOnly = true;
        const auto rows = browse::ticketRowIds(workspace->db(), escalated, browse::TicketSort{});
        TicketDetailPane pane;
        for (std::size_t i = 0; i < rows.size() && i < 500 && !pane.checklistShown(); ++i) {
            pane.showTicket(workspace, rows[i]);
        }
        QVERIFY(pane.checklistShown());
        QTreeWidgetItem* first = pane.checklist()->topLevelItem(0);
        QVERIFY(!(first->flags() & Qt::ItemIsUserCheckable));
        QVERIFY2(first->toolTip(0).contains(shown::html(explanation())),
                 qPrintable(first->toolTip(0)));
    }

    void theDashboardShowsWhatAWritableCopyShows() {
        MainWindow writable(false);
        QCOMPARE(writable.openWorkspace(m_writable, true), QString());
        settleDashboard(writable);
        MainWindow readOnly(false);
        QCOMPARE(readOnly.openWorkspace(m_locked, true), QString());
        settleDashboard(readOnly);

        const DashboardPage* expected = writable.dashboardPage();
        const DashboardPage* shown = readOnly.dashboardPage();
        QVERIFY(expected->comparison().current.tickets > 0);
        QCOMPARE(shown->comparison().current.tickets, expected->comparison().current.tickets);
        QCOMPARE(shown->rateCard()->valueText(), expected->rateCard()->valueText());
        // Key figures need the outcomes an analysis keeps: computed in memory here.
        for (const metrics::KeyFigure figure :
             {metrics::KeyFigure::TimeToEscalateP90, metrics::KeyFigure::SlaBreachRate}) {
            const QString value = shown->figureCard(figure)->valueText();
            QVERIFY2(value != QStringLiteral("—"), qPrintable(value));
            QCOMPARE(value, expected->figureCard(figure)->valueText());
        }
        QCOMPARE(QDir(m_folder).entryList(QDir::Files),
                 QStringList{QStringLiteral("demo.escdesk")});
    }

    void noWorkspaceIsCreatedThere() {
        MainWindow window(false);
        QCOMPARE(window.openWorkspace(m_writable, true), QString());
        const QString path = QDir(m_folder).filePath(QStringLiteral("new.escdesk"));
        QCOMPARE(window.createWorkspace(path, true),
                 QStringLiteral("The workspace %1 cannot be written: %2.").arg(path, m_reason));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(window.workspace()->path(), m_writable); // still open
    }

    void aBackupElsewhereIsAWritableCopy() {
        MainWindow window(false);
        QCOMPARE(window.openWorkspace(m_locked, true), QString());
        const QString copy = m_dir.filePath(QStringLiteral("copy.escdesk"));
        WorkspaceBackupTask* task = window.backUpTo(copy, true);
        QVERIFY(task);
        QSignalSpy finished(task, &WorkspaceBackupTask::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(window.openWorkspace(copy, true), QString());
        QVERIFY(!window.workspace()->isReadOnly());
        QVERIFY(window.importAction()->isEnabled());
    }
};

QTEST_MAIN(TestReadOnlyWorkspace)
#include "tst_read_only_workspace.moc"

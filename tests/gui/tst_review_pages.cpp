// The Reports and Review pages: the preview shows the chosen report, export
// writes it, the review records decisions and actions (refusing incomplete
// ones), shows last week's actions marked, and its clock reads as expected.

#include "import/ReviewImporter.h"
#include "pages/ReportsPage.h"
#include "pages/ReviewPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace escdesk;
using namespace escdesk::ui;

class TestReviewPages : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

private slots:
    void initTestCase() {
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("p.db")));
        store::DataWriter writer(m_workspace->db());
        // Three tickets last week, one escalated.
        const QDate monday = QDate::currentDate().addDays(1 - QDate::currentDate().dayOfWeek());
        for (int i = 0; i < 3; ++i) {
            Ticket t;
            t.ticketId = QStringLiteral("T-%1").arg(i);
            t.createdAt = QDateTime(monday.addDays(-5), QTime(12, 0)).toSecsSinceEpoch();
            t.rootCause = QStringLiteral("Integration Issue");
            const auto row = writer.insertTicket(t);
            if (i == 0) {
                TicketEvent e;
                e.occurredAt = t.createdAt + 600;
                writer.insertEvent(row, e);
            }
        }
    }

    void reportsPagePreviewsAndExports() {
        ReportsPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.setKind(report::ReportKind::Monthly);
        QVERIFY(page.currentReport().title.startsWith(QLatin1String("Escalations ")));
        QVERIFY(page.preview()->toPlainText().contains(QLatin1String("Estimated cost impact")));
        page.setKind(report::ReportKind::Weekly);
        QCOMPARE(page.currentReport().title, QStringLiteral("Weekly escalation review"));
        // The headline: 1 escalated of the 3 tickets created last week.
        QVERIFY(page.preview()->toPlainText().contains(QLatin1String("of 3 created")));
        const QString html = m_dir.filePath(QStringLiteral("weekly.html"));
        QCOMPARE(page.exportTo(html, 1), QString()); // 1: HTML in the export menu
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("Weekly escalation review"));
        QVERIFY(written.contains("data:image/png;base64,")); // charts embedded
    }

    void reviewRecordsDecisionsAndActions() {
        ReviewPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        QCOMPARE(page.report().sections.size(), size_t(6)); // the six agenda steps

        QVERIFY(
            page.addAction(QStringLiteral("Runbook"), {}, QStringLiteral(" "), QDate::currentDate())
                .contains(QLatin1String("owner")));
        QCOMPARE(page.addAction(QStringLiteral("Webhook runbook"),
                                QStringLiteral("Integration Issue"), QStringLiteral("Priya"),
                                QDate::currentDate().addDays(7)),
                 QString());
        QCOMPARE(page.actionsTable()->rowCount(), 1);
        QVERIFY(page.actionsTable()->item(0, 0)->text().startsWith(QLatin1String("Webhook")));

        QCOMPARE(page.recordDecision(QStringLiteral("Deep dive"), QStringLiteral("Sam"),
                                     QStringLiteral("T-0"), QStringLiteral("Walk through it")),
                 QString());
        // The default week is last week: its review is this week, so today's
        // decision is in its decisions section (the last step).
        const report::Table* decisions = nullptr;
        for (const report::Table* table : page.report().tables()) {
            if (table->id == QLatin1String("decisions")) {
                decisions = table;
            }
        }
        QVERIFY(decisions);
        QCOMPARE(decisions->rows.size(), size_t(1));
        QCOMPARE(decisions->rows[0][1].text, QStringLiteral("Deep dive"));
        QCOMPARE(decisions->rows[0][3].text, QStringLiteral("T-0"));

        // Next week's review (this week reviewed) shows the action as agreed
        // at the last review; it stays listed while open.
        page.setWeek(QDate::currentDate());
        QVERIFY(
            page.actionsTable()->item(0, 0)->text().contains(QLatin1String("agreed last week")));
        page.setWeek(QDate::currentDate().addDays(7));
        QCOMPARE(page.actionsTable()->rowCount(), 1);
        QVERIFY(!page.actionsTable()->item(0, 0)->text().contains(QLatin1String("agreed")));

        // Marking it done takes it off the open list.
        auto* status = qobject_cast<QComboBox*>(page.actionsTable()->cellWidget(0, 3));
        QVERIFY(status);
        status->setCurrentIndex(status->findData(static_cast<int>(review::ActionStatus::Done)));
        QTRY_COMPARE(page.actionsTable()->rowCount(), 0);
    }

    void clockCountsDownAndShowsOverrun() {
        QCOMPARE(ReviewPage::clockText(30 * 60), QStringLiteral("30:00"));
        QCOMPARE(ReviewPage::clockText(25 * 60 - 1), QStringLiteral("24:59"));
        QCOMPARE(ReviewPage::clockText(-130), QStringLiteral("+02:10"));
    }

    // Issue #21: imported actions and decisions are listed like typed ones,
    // the action's tooltip telling where it came from.
    void importedRecordsAreShownLikeTypedOnes() {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const QString deadline = QDate::currentDate().addDays(10).toString(Qt::ISODate);
        const QString actions = m_dir.filePath(QStringLiteral("actions.csv"));
        const QString decisions = m_dir.filePath(QStringLiteral("decisions.csv"));
        {
            QFile file(actions);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("id,title,owner,deadline\nACT-7,Imported runbook,Ana,%1\n")
                           .arg(deadline)
                           .toUtf8());
            QFile second(decisions);
            QVERIFY(second.open(QIODevice::WriteOnly));
            second.write(QStringLiteral("id,decided_on,decision_type,owner,ticket_id\n"
                                        "D-1,%1,Fix requested,Sam,T-1\n")
                             .arg(today)
                             .toUtf8());
        }
        import::ImportOptions options;
        options.kind = import::ImportKind::Actions;
        const auto batch = import::importReviewCsv(m_workspace->db(), actions, options).batch;
        options.kind = import::ImportKind::Decisions;
        import::importReviewCsv(m_workspace->db(), decisions, options);

        ReviewPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.setWeek(QDate::currentDate().addDays(-7)); // reviewed this week: today's decisions
        QCOMPARE(page.actionsTable()->rowCount(), 1);
        const QTableWidgetItem* title = page.actionsTable()->item(0, 0);
        QVERIFY(title->text().startsWith(QLatin1String("Imported runbook")));
        QVERIFY2(title->toolTip().contains(
                     QStringLiteral("Imported (import batch %1, id ACT-7)").arg(batch)),
                 qPrintable(title->toolTip()));
        bool listed = false;
        for (const report::Table* table : page.report().tables()) {
            if (table->id == QLatin1String("decisions")) {
                for (const auto& row : table->rows) {
                    listed = listed || row[1].text == QLatin1String("Fix requested");
                }
            }
        }
        QVERIFY(listed);
    }
};

QTEST_MAIN(TestReviewPages)
#include "tst_review_pages.moc"

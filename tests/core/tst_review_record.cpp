// The weekly review's record: actions with owner, deadline and status;
// decisions by date; refusal of incomplete entries; the version-5 upgrade.

#include "review/ReviewRecord.h"
#include "store/Schema.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::review;

class TestReviewRecord : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static Action action(const QString& title, const QDate& deadline, UtcSeconds created) {
        Action a;
        a.title = title;
        a.subjectKind = ActionSubject::RootCause;
        a.subject = QStringLiteral("Integration failure");
        a.owner = QStringLiteral("Priya");
        a.deadline = deadline;
        a.createdAt = created;
        return a;
    }

private slots:
    void actionsAreStoredOpenFirstByDeadline() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("actions.db")));
        store::Database& db = workspace.db();
        const auto late = addAction(db, action(QStringLiteral("KB for SSO"), {2026, 12, 20}, 100));
        const auto soon = addAction(db, action(QStringLiteral("Fix webhook"), {2026, 12, 1}, 200));
        const auto done = addAction(db, action(QStringLiteral("Retrain L1"), {2026, 11, 1}, 300));
        Action finished = *actionById(db, done);
        finished.status = ActionStatus::Done;
        updateAction(db, finished);

        const std::vector<Action> open = openActions(db);
        QCOMPARE(open.size(), size_t(2));
        QCOMPARE(open[0].id, soon); // earlier deadline first
        QCOMPARE(open[1].id, late);
        QCOMPARE(open[0].subject, QStringLiteral("Integration failure"));
        QCOMPARE(open[0].subjectKind, ActionSubject::RootCause);

        const std::vector<Action> all = allActions(db);
        QCOMPARE(all.size(), size_t(3));
        QCOMPARE(all.back().id, done); // closed ones last
        QVERIFY(all.back().closedAt.has_value());

        // Overdue: still open after the deadline day, not on it.
        QVERIFY(!open[0].isOverdueOn({2026, 12, 1}));
        QVERIFY(open[0].isOverdueOn({2026, 12, 2}));
        QVERIFY(!all.back().isOverdueOn({2026, 12, 2})); // done is never overdue

        // Reopening clears the closing instant.
        finished = *actionById(db, done);
        finished.status = ActionStatus::InProgress;
        updateAction(db, finished);
        QVERIFY(!actionById(db, done)->closedAt.has_value());

        // Created in [150, 300): only the second one.
        const std::vector<Action> created = actionsCreatedIn(db, Window{150, 300});
        QCOMPARE(created.size(), size_t(1));
        QCOMPARE(created[0].id, soon);
    }

    void incompleteEntriesAreRefusedWithTheMissingField() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("refuse.db")));
        Action noOwner = action(QStringLiteral("Fix it"), {2026, 12, 1}, 0);
        noOwner.owner = QStringLiteral("  ");
        try {
            addAction(workspace.db(), noOwner);
            QFAIL("an action without owner was stored");
        } catch (const store::StoreError& error) {
            QVERIFY2(error.message().contains(QLatin1String("owner")), qPrintable(error.message()));
        }
        Decision noType;
        noType.decidedOn = {2026, 11, 26};
        noType.owner = QStringLiteral("Sam");
        QVERIFY_THROWS_EXCEPTION(store::StoreError, addDecision(workspace.db(), noType));
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM review_actions"), 0);
    }

    void decisionsAreReadByDay() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("decisions.db")));
        store::Database& db = workspace.db();
        auto decide = [&](const QDate& day, const QString& type) {
            Decision d;
            d.decidedOn = day;
            d.decisionType = type;
            d.owner = QStringLiteral("Sam");
            d.ticketId = QStringLiteral("T-42");
            return addDecision(db, d);
        };
        decide({2026, 11, 16}, QStringLiteral("Deep dive"));
        decide({2026, 11, 23}, QStringLiteral("Policy change"));
        decide({2026, 11, 29}, QStringLiteral("Training"));
        decide({2026, 11, 30}, QStringLiteral("Too late"));
        // The week Monday 23 to Sunday 29, both days included.
        const std::vector<Decision> week = decisionsBetween(db, {2026, 11, 23}, {2026, 11, 29});
        QCOMPARE(week.size(), size_t(2));
        QCOMPARE(week[0].decisionType, QStringLiteral("Policy change"));
        QCOMPARE(week[1].decisionType, QStringLiteral("Training"));
        QCOMPARE(week[0].ticketId, QStringLiteral("T-42"));
        QVERIFY(week[0].rootCause.isEmpty());
    }

    void versionThreeFileGainsTheReviewTables() {
        const QString path = m_dir.filePath(QStringLiteral("v3.db"));
        {
            store::Database db(path, store::Database::Access::ReadWrite);
            store::upgradeSchema(db, 3);
            QCOMPARE(store::schemaVersionOf(db), 3);
        }
        store::Workspace workspace(path);
        QCOMPARE(store::schemaVersionOf(workspace.db()), store::currentSchemaVersion);
        QCOMPARE(addAction(workspace.db(), action(QStringLiteral("First"), {2026, 12, 1}, 0)), 1);
    }
};

QTEST_GUILESS_MAIN(TestReviewRecord)
#include "tst_review_record.moc"

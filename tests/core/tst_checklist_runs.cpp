// Checklist runs: ticking items of a ticket's transition with who and when,
// readiness for engineering, and the runs staying queryable in SQL.

#include "matrix/ChecklistRuns.h"
#include "matrix/MatrixStore.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;

class TestChecklistRuns : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void latestEscalationGivesTheTransition() {
        auto escalation = [](UtcSeconds at, std::optional<int> from, int to) {
            TicketEvent event;
            event.kind = EventKind::Escalated;
            event.occurredAt = at;
            event.fromTier = from;
            event.toTier = to;
            return event;
        };
        QCOMPARE(latestTransition({}), std::nullopt);
        QCOMPARE(latestTransition({escalation(100, 1, 2), escalation(200, 2, 3)}),
                 (std::pair{2, 3}));
        // Without from_tier, the tier below.
        QCOMPARE(latestTransition({escalation(100, std::nullopt, 2)}), (std::pair{1, 2}));
    }

    void tickingRecordsWhoAndWhenAndReadiness() {
        store::Workspace workspace(m_dir.filePath(QStringLiteral("runs.db")));
        store::Database& db = workspace.db();
        db.exec("INSERT INTO tickets(ticket_id, created_at) VALUES ('T-1', 0), ('T-2', 0)");
        const Matrix matrix = loadMatrix(db);
        const Checklist& toEngineering = *matrix.checklistFor(2, 3);
        // The default Tier 2 → 3 list: 6 required items and 1 optional.
        QCOMPARE(toEngineering.items.size(), size_t(7));

        ChecklistRun run = checklistRunOf(db, 1, toEngineering);
        QVERIFY(!run.ready());
        QCOMPARE(run.missingRequired().size(), 6);

        for (const ChecklistItem& item : toEngineering.items) {
            if (item.required) {
                setChecklistItem(db, 1, toEngineering, item.id, true, QStringLiteral("sam"),
                                 1'790'000'000);
            }
        }
        run = checklistRunOf(db, 1, toEngineering);
        QVERIFY(run.ready()); // the optional item may stay open
        QCOMPARE(run.items[0].doneBy, QStringLiteral("sam"));
        QCOMPARE(run.items[0].doneAt, 1'790'000'000);
        QVERIFY(!run.items.back().done);

        // Unticking one required item makes it not ready again.
        setChecklistItem(db, 1, toEngineering, QStringLiteral("logs"), false, QStringLiteral("kim"),
                         1'790'000'100);
        run = checklistRunOf(db, 1, toEngineering);
        QVERIFY(!run.ready());
        QCOMPARE(run.missingRequired(),
                 QStringList{QStringLiteral("Logs, traces or request ids attached")});
        // The other ticket is untouched.
        QCOMPARE(checklistRunOf(db, 2, toEngineering).missingRequired().size(), 6);
        // Queryable for analyses: required items done per ticket.
        QCOMPARE(db.queryInt64("SELECT count(*) FROM checklist_runs WHERE ticket = 1 AND "
                               "required = 1 AND done = 1"),
                 5);
        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 setChecklistItem(db, 1, toEngineering, QStringLiteral("nope"),
                                                  true, QStringLiteral("sam"), 0));
    }
};

QTEST_GUILESS_MAIN(TestChecklistRuns)
#include "tst_checklist_runs.moc"

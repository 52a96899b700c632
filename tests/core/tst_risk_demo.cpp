// Early warning on a generated demo workspace: the held-out evaluation beats
// the base rate, the model is kept in the settings, the at-risk queue is
// ranked and every entry carries a reason that holds when checked against
// the store directly, and the pre-escalation verification finds the planted
// incident's known issue and similar resolved escalations.

#include "demo/DemoGenerator.h"
#include "matrix/MatrixStore.h"
#include "risk/AtRiskQueue.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "risk/TicketRisk.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace escdesk;
using namespace escdesk::risk;

namespace {

const QTimeZone newYork("America/New_York");

UtcSeconds nyMidnight(const QDate& date) {
    return QDateTime(date, QTime(0, 0), newYork).toSecsSinceEpoch();
}

} // namespace

class RiskDemoTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    // The demo ends 2026-11-15; "now" is the end of that day.
    const UtcSeconds m_asOf = nyMidnight(QDate(2026, 11, 16));

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.db"));
        store::Workspace workspace(m_path);
        demo::DemoOptions options;
        options.tickets = 8000;
        options.endDate = QDate(2026, 11, 15);
        demo::generateDemo(workspace, options);
    }

    void heldOutEvaluationBeatsTheBaseRate() {
        store::Workspace workspace(m_path, store::Workspace::Access::ReadOnly);
        const QStringList keywords = workspaceKeywords(workspace.db());
        const RiskData data = loadRiskData(workspace.db(), SentimentScorer::withAfinn(keywords));
        const auto e = evaluateHeldOut(data, keywords, newYork, 2);
        QVERIFY(e.has_value());
        // Held out: October and November 2026 (the data ends on the 15th).
        QCOMPARE(toIsoUtc(e->testFrom), QStringLiteral("2026-10-01T04:00:00Z"));
        QVERIFY(e->testTickets > 1000);
        // A ranking no better than chance has AUC 0.5; the demo's escalations
        // depend on priority, segment and the issue behind the text.
        QVERIFY2(*e->auc > 0.7, qPrintable(QString::number(*e->auc)));
        // Flagged tickets escalate far more often than tickets in general.
        QVERIFY(*e->atThreshold.precision() > 1.5 * *e->baseRate);
        QVERIFY(*e->flaggedPrecision > *e->baseRate);
    }

    void modelIsKeptInTheSettingsPerDataVersion() {
        store::Workspace workspace(m_path);
        forgetRiskModel(workspace.db());
        const auto first = buildAtRiskQueue(workspace.db(), m_asOf);
        QVERIFY(first.modelTrained);
        QVERIFY(!workspace.setting(QString::fromLatin1(riskModelSetting)).isEmpty());
        const auto second = buildAtRiskQueue(workspace.db(), m_asOf);
        QVERIFY(!second.modelTrained);
        // New data makes the stored model stale.
        workspace.db()
            .prepare("UPDATE tickets SET status = 'Solved', resolved_at = created_at + 60 "
                     "WHERE id = (SELECT max(id) FROM tickets)")
            .run();
        QVERIFY(!storedRiskModel(workspace.db(),
                                 riskDataVersion(workspace.db(), workspaceKeywords(workspace.db())))
                     .has_value());
    }

    void queueIsRankedAndEveryReasonHolds() {
        store::Workspace workspace(m_path);
        const AtRiskQueue queue = buildAtRiskQueue(workspace.db(), m_asOf);
        QVERIFY(queue.openTickets > 0);
        QVERIFY(!queue.entries.empty());
        int sla = 0;
        int surges = 0;
        for (std::size_t i = 0; i < queue.entries.size(); ++i) {
            const AtRiskEntry& e = queue.entries[i];
            if (i > 0) {
                QVERIFY(queue.entries[i - 1].risk.probability >= e.risk.probability);
            }
            QVERIFY(!e.reasons.empty());
            for (const sla::TargetClock& clock : e.slaAtRisk) {
                // Running at ≥ 90%, or breached and not stopped (still open).
                QVERIFY(clock.consumed >= 0.9);
                if (clock.status == sla::ClockStatus::Running) {
                    QVERIFY(clock.atRisk);
                } else {
                    QCOMPARE(clock.status, sla::ClockStatus::Breached);
                    QVERIFY(!clock.stoppedAt.has_value());
                    QVERIFY(clock.consumed >= 1.0);
                }
                ++sla;
            }
            if (e.risk.band == RiskBand::Low) {
                QVERIFY(!e.slaAtRisk.empty() || e.surge.has_value());
            }
            if (e.surge) {
                ++surges;
                // Count the account's tickets of the last 7 days with SQL.
                store::Statement count = workspace.db().prepare(
                    "SELECT count(*) FROM tickets WHERE account_id = ?1 AND created_at >= ?2 "
                    "AND created_at < ?3");
                count.bindAll(e.accountId, m_asOf - 7 * 24 * 3600, m_asOf);
                count.step();
                QCOMPARE(count.int64(0), std::int64_t(e.surge->lastWeek));
                QVERIFY(e.surge->lastWeek >= 3);
                QVERIFY(e.surge->lastWeek > 3 * e.surge->baselineMedian);
            }
        }
        // The demo's open tickets include some long past their resolution target.
        QVERIFY(sla > 0);
        qInfo("%zu of %lld open tickets in the queue; %d SLA clocks, %d account surges",
              queue.entries.size(), static_cast<long long>(queue.openTickets), sla, surges);
    }

    void oneTicketScoresAsInTheQueue() {
        // Reading one ticket by id (its own sentiment, subject stems and the
        // account's recent tickets counted in SQL) gives the score the queue
        // computed for it among all tickets.
        store::Workspace workspace(m_path);
        const AtRiskQueue queue = buildAtRiskQueue(workspace.db(), m_asOf);
        QVERIFY(queue.entries.size() >= 3);
        for (std::size_t i = 0; i < 3; ++i) {
            const AtRiskEntry& e = queue.entries[i];
            const auto one = assessTicketRisk(workspace.db(), e.ticketId);
            QVERIFY(one.has_value());
            QVERIFY2(std::abs(one->score.probability - e.risk.probability) < 1e-12,
                     qPrintable(e.ticketId));
            QCOMPARE(one->score.contributions.front().feature,
                     e.risk.contributions.front().feature);
        }
    }

    void verificationFindsTheIncidentsKnownIssue() {
        store::Workspace workspace(m_path);
        // An escalated ticket of the planted webhook incident (tag api-v2.3).
        store::Statement query = workspace.db().prepare(
            "SELECT ticket_id FROM tickets WHERE ',' || tags || ',' LIKE '%,api-v2.3,%' "
            "AND escalated = 1 ORDER BY id LIMIT 1");
        QVERIFY(query.step());
        const QString ticketId = query.text(0);
        const auto risk = assessTicketRisk(workspace.db(), ticketId);
        QVERIFY(risk.has_value());
        QVERIFY(risk->verification.knownIssue.has_value());
        QCOMPARE(risk->verification.knownIssue->issueId, QStringLiteral("KI-1042"));
        QVERIFY(!risk->verification.knownIssue->workaround.isEmpty());
        const auto& similar = risk->verification.similarCases;
        QVERIFY(!similar.empty());
        for (std::size_t i = 0; i < similar.size(); ++i) {
            QVERIFY(similar[i].ticketId != ticketId);
            QVERIFY(similar[i].similarity >= minimumCaseSimilarity);
            if (i > 0) {
                QVERIFY(similar[i - 1].similarity >= similar[i].similarity);
            }
        }
        QVERIFY(similar.front().subject.contains(QStringLiteral("webhook"), Qt::CaseInsensitive));
        QVERIFY(risk->verification.checklist.has_value());
        QVERIFY(risk->score.probability > 0 && risk->score.probability < 1);
        QCOMPARE(risk->score.contributions.size(), std::size_t(5));
    }

    // The At risk page's held-out figures: the evaluation of the workspace
    // as it is, remembered until its data changes.
    void heldOutEvaluationIsRememberedPerDataVersion() {
        store::Workspace workspace(m_path);
        auto& db = workspace.db();
        const QStringList keywords = workspaceKeywords(db);
        const auto first = currentHeldOutEvaluation(db, keywords, newYork, 2);
        const auto direct = evaluateHeldOut(loadRiskData(db, SentimentScorer::withAfinn(keywords)),
                                            keywords, newYork, 2);
        QVERIFY(first.has_value() && direct.has_value());
        QCOMPARE(*first->auc, *direct->auc);
        QCOMPARE(first->testEscalated, direct->testEscalated);
        QCOMPARE(first->newestCreated, db.queryInt64("SELECT max(created_at) FROM tickets"));
        const auto again = currentHeldOutEvaluation(db, keywords, newYork, 2);
        QCOMPARE(again->trainSeconds, first->trainSeconds); // not trained again
        // One more held-out ticket escalates: the evaluation follows.
        db.exec("UPDATE tickets SET escalated = 1 WHERE id = (SELECT t.id FROM tickets t "
                "WHERE t.created_at >= " +
                std::to_string(first->testFrom) +
                " AND t.resolved_at IS NOT NULL AND ifnull(t.escalated, 0) = 0 AND NOT EXISTS "
                "(SELECT 1 FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'escalated') "
                "ORDER BY t.id LIMIT 1)");
        QCOMPARE(db.changes(), 1);
        const auto changed = currentHeldOutEvaluation(db, keywords, newYork, 2);
        QCOMPARE(changed->testEscalated, first->testEscalated + 1);
    }

    void heldOutSummaryIsKeptInTheWorkspace() {
        store::Workspace workspace(m_path);
        auto& db = workspace.db();
        const QStringList keywords = workspaceKeywords(db);
        const auto direct = evaluateHeldOut(loadRiskData(db, SentimentScorer::withAfinn(keywords)),
                                            keywords, newYork, 2);
        QVERIFY(direct.has_value());
        const auto summary = keptHeldOutSummary(db, keywords, newYork, 2);
        QVERIFY(summary.has_value());
        QCOMPARE(*summary->auc, *direct->auc);
        QCOMPARE(*summary->baseRate, *direct->baseRate);
        QCOMPARE(summary->testFrom, direct->testFrom);
        QCOMPARE(summary->newestCreated, direct->newestCreated);

        // Another process finds it in the settings: forged figures there are
        // what it reads, so nothing was evaluated again.
        const QString key = QStringLiteral("risk_held_out_summary|America/New_York|2");
        db.prepare("UPDATE settings SET value = json_set(value, '$.auc', 0.123) WHERE key = ?1")
            .bindAll(key)
            .run();
        QCOMPARE(db.changes(), 1);
        QCOMPARE(*keptHeldOutSummary(db, keywords, newYork, 2)->auc, 0.123);

        // A changed ticket changes the data version: evaluated again.
        db.exec("UPDATE tickets SET subject = subject || ' again' WHERE id = "
                "(SELECT max(id) FROM tickets)");
        const auto after = keptHeldOutSummary(db, keywords, newYork, 2);
        QVERIFY(after.has_value());
        QVERIFY(*after->auc != 0.123);
    }
};

QTEST_GUILESS_MAIN(RiskDemoTest)
#include "tst_risk_demo.moc"

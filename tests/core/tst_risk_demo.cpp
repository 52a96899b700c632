// Early warning on a generated demo workspace: the held-out evaluation beats
// the base rate, the model is kept in the settings, the at-risk queue is
// ranked and every entry carries a reason that holds when checked against
// the store directly, and the pre-escalation verification finds the planted
// incident's known issue and similar resolved escalations.

#include "demo/DemoGenerator.h"
#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"
#include "risk/AtRiskQueue.h"
#include "risk/RiskJson.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "risk/TicketRisk.h"
#include "store/Workspace.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace escdesk;
using namespace escdesk::risk;

namespace {

const QTimeZone newYork("America/New_York");

UtcSeconds nyMidnight(const QDate& date) {
    return QDateTime(date, QTime(0, 0), newYork).toSecsSinceEpoch();
}

// What `escdesk at-risk --json` printed before the queue's JSON was
// written directly: the document of atRiskJson, compact.
QString qtCompactJson(const AtRiskQueue& queue, std::optional<bool> asOfFollowsData) {
    QJsonObject json = atRiskJson(queue);
    if (asOfFollowsData) {
        json.insert(QStringLiteral("as_of_follows_data"), *asOfFollowsData);
    }
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// A queue of awkward values: strings with every kind of character JSON
// escapes or passes through (quotes, backslashes, controls, accents, a
// character beyond the BMP, a lone surrogate, a line separator), and numbers
// at the edges of how QJsonValue keeps them (integral doubles below and at
// 2^53, -0, tiny, huge, non-finite).
AtRiskQueue awkwardQueue() {
    AtRiskQueue queue;
    queue.asOf = 1'764'180'000;
    queue.openTickets = 3;
    queue.reviewFrom = 0.35;
    queue.flagFrom = 0.6;
    AtRiskEntry first;
    first.ticketId = QStringLiteral("T-\"1\"");
    first.subject = QStringLiteral("Can't log in \\ \"SSO\"\t\n\r\b\f") + QChar(0x01) +
                    QChar(0x1f) + QChar(0x7f) +
                    QStringLiteral(" caf\u00e9 \u20ac \U0001F600 \u2028 \u202e /");
    first.accountId = QStringLiteral("ACC-1");
    first.accountName = QStringLiteral("Acme ") + QChar(0xD800) + QStringLiteral(" (lone half)");
    first.priority = QStringLiteral("High");
    first.status = QString();
    first.createdAt = 1'764'000'000;
    first.risk.probability = 0.123456789012345;
    first.risk.score = 12;
    first.risk.band = RiskBand::Review;
    const double values[] = {-0.0,
                             1e-7,
                             4e15,
                             9007199254740991.0,
                             9007199254740992.0,
                             1e16,
                             1e300,
                             -2.5,
                             1.0 / 3.0,
                             std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()};
    for (const double value : values) {
        first.risk.contributions.push_back(
            {QStringLiteral("feature %1").arg(value), QStringLiteral("yes"), value, 0});
    }
    first.slaConsumed = 1.0;
    first.surge = AccountSurge{12, {}, 2.5, true};
    first.reasons = {{AtRiskReason::Kind::EscalationRisk, QStringLiteral("Escalation risk 12%")},
                     {AtRiskReason::Kind::SlaClock, QStringLiteral("SLA resolution 94% consumed")},
                     {AtRiskReason::Kind::AccountSurge, QStringLiteral("Account filed 12")}};
    AtRiskEntry second;
    second.ticketId = QStringLiteral("T-2");
    second.slaConsumed = 0.95;
    queue.entries = {first, second};
    return queue;
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
        QVERIFY2(*e->auc > 0.65, qPrintable(QString::number(*e->auc)));
        // Trusted: the 95 % interval lies above 0.6, and the model ranks
        // better than priority alone.
        QVERIFY(e->aucInterval->low > minimumTrustedAuc);
        QVERIFY(*e->auc > *e->priorityAuc);
        QVERIFY2(e->withheld.isEmpty(), qPrintable(e->withheld));
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

    // The queue's JSON, written directly, is the compact text of the
    // QJsonDocument the command printed before, byte for byte.
    void atRiskJsonTextIsTheDocumentsText() {
        store::Workspace workspace(m_path);
        const AtRiskQueue queue = buildAtRiskQueue(workspace.db(), m_asOf);
        QVERIFY(queue.entries.size() > 10);
        QCOMPARE(atRiskJsonText(queue, true), qtCompactJson(queue, true));
        QCOMPARE(atRiskJsonText(queue), qtCompactJson(queue, std::nullopt));

        AtRiskQueue awkward = awkwardQueue();
        QCOMPARE(atRiskJsonText(awkward, false), qtCompactJson(awkward, false));
        // Unscored: nulls, and why.
        awkward.riskUnavailable = QStringLiteral("no escalated tickets \"yet\"");
        QCOMPARE(atRiskJsonText(awkward, true), qtCompactJson(awkward, true));
        awkward.entries.clear();
        QCOMPARE(atRiskJsonText(awkward, true), qtCompactJson(awkward, true));
        // Spelled out once by hand: an empty, unscored queue.
        QCOMPARE(atRiskJsonText(awkward, true),
                 QStringLiteral("{\"as_of\":\"2025-11-26T18:00:00Z\",\"as_of_follows_data\":true,"
                                "\"flag_from\":null,\"open_tickets\":3,\"review_from\":null,"
                                "\"risk_unavailable\":\"no escalated tickets \\\"yet\\\"\","
                                "\"tickets\":[]}"));
    }

    // The queue reads only some fields of each open ticket (and of its
    // account and events): its SLA clocks, subject, status and account name
    // are those of the ticket read in full.
    void queueEntriesAgreeWithTheTicketsReadInFull() {
        store::Workspace workspace(m_path);
        AtRiskOptions options;
        options.everyOpenTicket = true;
        const AtRiskQueue queue = buildAtRiskQueue(workspace.db(), m_asOf, options);
        QCOMPARE(static_cast<std::int64_t>(queue.entries.size()), queue.openTickets);
        const matrix::MatrixEvaluator evaluator(matrix::loadMatrix(workspace.db()));
        int clocks = 0;
        for (const AtRiskEntry& e : queue.entries) {
            const auto full = matrix::loadTicketContext(workspace.db(), e.row);
            QVERIFY(full.has_value());
            QCOMPARE(e.ticketId, full->ticket.ticketId);
            QCOMPARE(e.subject, full->ticket.subject);
            QCOMPARE(e.status, full->ticket.status);
            QCOMPARE(e.accountName, full->account ? full->account->name : QString());
            std::vector<sla::TargetClock> expected;
            if (const auto evaluation = evaluator.sla(*full, m_asOf)) {
                for (const sla::TargetClock& clock : evaluation->targets) {
                    if (clock.atRisk ||
                        (clock.status == sla::ClockStatus::Breached && !clock.stoppedAt)) {
                        expected.push_back(clock);
                    }
                }
            }
            QCOMPARE(e.slaAtRisk.size(), expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(e.slaAtRisk[i].target, expected[i].target);
                QCOMPARE(e.slaAtRisk[i].consumed, expected[i].consumed);
                QCOMPARE(e.slaAtRisk[i].breachAt, expected[i].breachAt);
                ++clocks;
            }
        }
        QVERIFY(clocks > 0);
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

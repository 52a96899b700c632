// "Not measurable" is not zero (issue #16): a figure the workspace's data
// can never feed is null with a reason, on every surface, rather than 0.
//
// Worked by hand:
//
// tests/data/import/history/servicenow-incident-audit.csv, a ServiceNow
// audit log without a support level: 4 incidents created 1–9 March 2026
// (UTC), all resolved —
//   INC0000101 1 Mar 08:00 → resolved 3 Mar 15:30   3330 min
//   INC0000102 2 Mar 13:00 → resolved 4 Mar 09:00, reopened 5 Mar,
//              resolved again 6 Mar 12:00            5700 min, reopened
//   INC0000103 6 Mar 07:45 → resolved 6 Mar 08:30     45 min
//   INC0000104 9 Mar 10:00 → resolved 13 Mar 14:00   6000 min
// Nothing says which tier any of them was at, so every escalation figure is
// null with the reason; the others are measured: resolution time over all 4
// (45, 3330, 5700, 6000: mean 3768.75, p50 4515, p90 5700 + 0.7 × 300 =
// 5910), reopen rate 1 of 4.
//
// tests/data/import/history/start-tier-log.csv (support levels L1–L3, see
// tst_start_tier): 4 cases on 2 March, B escalated L1→L2→L3, D bounced L2→L1
// without an escalation before it. Its mapping records no claims, starts,
// decisions or info requests: the figures that pair with them are null with
// the reason, not "every escalation unclaimed"; escalation rate 1/4,
// bounceback 0 of B's 2 escalations. The same log imported without its
// level column measures no escalation at all.

#include "demo/DemoGenerator.h"
#include "metrics/DataCoverage.h"
#include "metrics/FactsLoader.h"
#include "metrics/MetricsJson.h"
#include "metrics/OutcomeStore.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "support/CliJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::metrics;

namespace {

using escdesk::testsupport::durationStats;
using escdesk::testsupport::escdeskOutput;
using escdesk::testsupport::sameStats;

const QString historyDir = QStringLiteral(ESCDESK_TEST_DATA "/import/history/");

QJsonObject json(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object();
}

// The period of both logs, as the CLI takes it.
const QStringList march{"--from", "2026-03-01", "--to", "2026-03-15", "--tz", "UTC"};

} // namespace

class TestNotMeasurable : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_noLevels;   // the ServiceNow audit log
    QString m_levels;     // the support-level log with its levels
    QString m_levelsLost; // the same log, its level column not mapped

    QJsonObject metricsOf(const QString& db) {
        return json(escdeskOutput(QStringList{"metrics", "--db", db, "--json"} + march));
    }

private slots:
    void initTestCase() {
        m_noLevels = m_dir.filePath(QStringLiteral("servicenow.escdesk"));
        escdeskOutput({"import", "--db", m_noLevels, "--kind", "history", "--map",
                       historyDir + "servicenow-incident-audit.json",
                       historyDir + "servicenow-incident-audit.csv"});
        m_levels = m_dir.filePath(QStringLiteral("levels.escdesk"));
        escdeskOutput({"import", "--db", m_levels, "--kind", "history", "--map",
                       historyDir + "start-tier-log.json", historyDir + "start-tier-log.csv"});

        // A copy of the levels mapping without "tier".
        QFile mapping(historyDir + "start-tier-log.json");
        QVERIFY(mapping.open(QIODevice::ReadOnly));
        QJsonObject withoutTier = QJsonDocument::fromJson(mapping.readAll()).object();
        QVERIFY(withoutTier.contains("tier"));
        withoutTier.remove("tier");
        const QString mapWithoutTier = m_dir.filePath(QStringLiteral("without-tier.json"));
        QFile out(mapWithoutTier);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(withoutTier).toJson());
        out.close();
        m_levelsLost = m_dir.filePath(QStringLiteral("levels-lost.escdesk"));
        escdeskOutput({"import", "--db", m_levelsLost, "--kind", "history", "--map", mapWithoutTier,
                       historyDir + "start-tier-log.csv"});
    }

    void aLogWithoutLevelsHasNoEscalationFigures() {
        const QJsonObject m = metricsOf(m_noLevels);
        const QString reason = noTierReason();
        QCOMPARE(reason, QStringLiteral("no ticket has a tier or an escalation: map a "
                                        "support-level column to measure escalations"));
        QCOMPARE(m.value("tickets").toInt(), 4);
        for (const char* key :
             {"escalated", "escalation_rate", "time_to_escalate_min", "claim_delay_min",
              "handoff_delay_min", "decision_latency_min", "critical_decisions_within_30m",
              "bounceback_rate", "context_loss_rate", "escalations_per_escalated_ticket",
              "reescalated_share", "deflection_rate", "time_at_tier_min", "repeat_issue_rate"}) {
            QVERIFY2(m.value(key).isNull(), key);
        }
        const QJsonObject unavailable = m.value("unavailable").toObject();
        QCOMPARE(unavailable.value("escalation_rate").toString(), reason);
        QCOMPARE(unavailable.value("escalated").toString(), reason);
        QCOMPARE(unavailable.value("cost.engineering_interruptions").toString(), reason);
        QCOMPARE(unavailable.value("resolution_time_min.escalated").toString(), reason);
        // Cost: no escalation handling and no engineering interruptions
        // measured, rather than 0.
        const QJsonObject cost = m.value("cost").toObject();
        QVERIFY(cost.value("escalation_handling").isNull());
        QVERIFY(cost.value("engineering_interruptions").isNull());
        // What does not need a tier is measured as before.
        const QJsonObject resolution = m.value("resolution_time_min").toObject();
        QVERIFY2(
            sameStats(resolution.value("all").toObject(), durationStats(3768.75, 4, 4515, 5910)),
            QJsonDocument(resolution.value("all").toObject()).toJson().constData());
        QVERIFY(resolution.value("escalated").isNull());
        QVERIFY(resolution.value("not_escalated").isNull());
        QCOMPARE(m.value("reopen_rate").toDouble(), 0.25);
        QVERIFY(m.value("csat").toObject().value("escalated").isNull());
    }

    void theSameLogWithItsLevelsMeasuresThem() {
        const QJsonObject lost = metricsOf(m_levelsLost);
        QCOMPARE(lost.value("tickets").toInt(), 4);
        QVERIFY(lost.value("escalation_rate").isNull());
        QVERIFY(lost.value("deflection_rate").isNull());
        QCOMPARE(lost.value("unavailable").toObject().value("escalation_rate").toString(),
                 noTierReason());

        const QJsonObject levels = metricsOf(m_levels);
        QCOMPARE(levels.value("escalated").toInt(), 1);
        QCOMPARE(levels.value("escalation_rate").toDouble(), 0.25);
        QCOMPARE(levels.value("deflection_rate").toDouble(), 2.0 / 3.0);
        QVERIFY(!levels.value("unavailable").toObject().contains("escalation_rate"));
    }

    void eventKindsNeverRecordedAreNotCountedAsMissing() {
        const QJsonObject m = metricsOf(m_levels);
        const QJsonObject unavailable = m.value("unavailable").toObject();
        // No claimed event anywhere: not "2 unclaimed escalations".
        QVERIFY(m.value("claim_delay_min").isNull());
        QCOMPARE(unavailable.value("claim_delay_min").toString(),
                 QStringLiteral("no claimed events in the workspace: claims are not recorded in "
                                "this data"));
        QVERIFY(m.value("handoff_delay_min").isNull());
        QCOMPARE(unavailable.value("handoff_delay_min").toString(), noStartsReason());
        QVERIFY(m.value("decision_latency_min").isNull());
        QVERIFY(m.value("critical_decisions_within_30m").isNull());
        QCOMPARE(unavailable.value("decision_latency_min").toString(), noDecisionsReason());
        QVERIFY(m.value("context_loss_rate").isNull());
        QCOMPARE(unavailable.value("context_loss_rate").toString(), noInfoRequestsReason());
        // Bounces come from the levels: measured, 0 of B's 2 escalations.
        QCOMPARE(m.value("bounceback_rate").toDouble(), 0.0);
        QVERIFY(!unavailable.contains("bounceback_rate"));
    }

    void aMissingEventKindInMemory() {
        // One escalation at 10:00, never claimed. Where claims are recorded
        // it is unclaimed; where none ever are, claim delay is not measured.
        MetricsInput input;
        input.hasEventLog = true;
        TicketFacts t;
        t.row = 1;
        t.createdAt = 1000;
        t.events.push_back(FactEvent{1600, EventKind::Escalated, 1, 2});
        input.tickets.push_back(t);
        const Window window{0, 100000};

        const Metrics recorded = computeMetrics(input, window);
        QCOMPARE(recorded.unclaimed, 1);
        QCOMPARE(recorded.claimDelayMin.n, 0);
        QVERIFY(!recorded.unavailable.count(QStringLiteral("claim_delay_min")));

        input.coverage.claims = false;
        const Metrics notRecorded = computeMetrics(input, window);
        QCOMPARE(notRecorded.unclaimed, 0);
        QCOMPARE(notRecorded.unavailable.at(QStringLiteral("claim_delay_min")), noClaimsReason());
        QVERIFY(metricsToJson(notRecorded).value("claim_delay_min").isNull());
        QCOMPARE(*notRecorded.escalationRate, 1.0);
    }

    void theCoverageOfTheWorkspaces() {
        const auto coverageOf = [](const QString& path) {
            store::Workspace workspace(path);
            return workspaceCoverage(workspace.db());
        };
        const DataCoverage none = coverageOf(m_noLevels);
        QVERIFY(!none.tiers);
        const DataCoverage levels = coverageOf(m_levels);
        QVERIFY(levels.tiers);
        QVERIFY(!levels.claims && !levels.starts && !levels.decisions && !levels.infoRequests);
    }

    void aTicketsFileSaysWhetherItHasEscalations() {
        // Without an event log the tickets' own fields stand in: none of
        // them set says nothing; an escalated flag of false says "no".
        store::Workspace workspace(m_dir.filePath(QStringLiteral("tickets.escdesk")));
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter writer(workspace.db());
            Ticket t;
            t.ticketId = QStringLiteral("T1");
            t.createdAt = 1000;
            writer.insertTicket(t);
            transaction.commit();
        }
        const Window window{0, 100000};
        Metrics m = metricsOfWindow(workspace.db(), window, 100000);
        QCOMPARE(m.tickets, 1);
        QVERIFY(!m.escalationRate);
        QCOMPARE(m.unavailable.at(QStringLiteral("escalation_rate")), noTierReason());
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter writer(workspace.db());
            Ticket t;
            t.ticketId = QStringLiteral("T2");
            t.createdAt = 2000;
            t.escalated = false;
            writer.insertTicket(t);
            transaction.commit();
        }
        m = metricsOfWindow(workspace.db(), window, 100000);
        QCOMPARE(m.tickets, 2);
        QCOMPARE(*m.escalationRate, 0.0);
        QVERIFY(!m.unavailable.count(QStringLiteral("escalation_rate")));
        // Still no event log: those figures need it, as before.
        QCOMPARE(m.unavailable.at(QStringLiteral("claim_delay_min")),
                 QStringLiteral("needs event log"));
    }

    void segmentsSayWhy() {
        const QJsonObject s = json(escdeskOutput(
            QStringList{"segments", "--db", m_noLevels, "--by", "priority", "--json"} + march));
        const QJsonObject overall = s.value("overall").toObject();
        QCOMPARE(overall.value("tickets").toInt(), 4);
        QVERIFY(overall.value("escalated").isNull());
        QVERIFY(overall.value("rate").isNull());
        QCOMPARE(s.value("unavailable").toObject().value("escalation_rate").toString(),
                 noTierReason());
        const QJsonArray segments = s.value("segments").toArray();
        QCOMPARE(segments.size(), 3); // High, Low, Medium
        for (const QJsonValue& segment : segments) {
            QVERIFY(segment.toObject().value("rate").isNull());
            QVERIFY(segment.toObject().value("escalated").isNull());
        }
        const QByteArray text =
            escdeskOutput(QStringList{"segments", "--db", m_noLevels, "--by", "priority"} + march);
        QVERIFY2(text.contains("escalation rate not measurable: " + noTierReason().toUtf8()),
                 text.constData());
        QVERIFY2(!text.contains("0.0%"), text.constData());
    }

    void theMetricsTableSaysWhyOnce() {
        const QString text =
            QString::fromUtf8(escdeskOutput(QStringList{"metrics", "--db", m_noLevels} + march));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("escalated\\s+—\\n"))),
                 qPrintable(text));
        QCOMPARE(text.count(noTierReason()), 1);
    }

    void theTrendSaysWhy() {
        const QJsonObject t = json(escdeskOutput(
            QStringList{"trend", "--db", m_noLevels, "--granularity", "week", "--json"} + march));
        const QJsonArray periods = t.value("periods").toArray();
        QVERIFY(!periods.isEmpty());
        for (const QJsonValue& period : periods) {
            QVERIFY(period.toObject().value("escalation_rate").isNull());
            QVERIFY(period.toObject().value("escalated").isNull());
            QCOMPARE(period.toObject()
                         .value("unavailable")
                         .toObject()
                         .value("escalation_rate")
                         .toString(),
                     noTierReason());
        }
        for (const QJsonValue& value : t.value("series").toObject().value("escalated").toArray()) {
            QVERIFY(value.isNull());
        }
    }

    void theRiskModelSaysWhyItCannotTrain() {
        const QByteArray text = escdeskOutput({"risk", "--db", m_noLevels});
        QVERIFY2(text.contains("The risk model cannot be trained on 4 tickets: " +
                               noTierReason().toUtf8()),
                 text.constData());
        const QJsonObject model = json(escdeskOutput({"risk", "--db", m_noLevels, "--json"}));
        QCOMPARE(model.value("cannot_train").toString(), noTierReason());

        const QJsonObject ticket =
            json(escdeskOutput({"risk", "--db", m_noLevels, "--ticket", "INC0000101", "--json"}));
        const QJsonObject risk = ticket.value("risk").toObject();
        QVERIFY(risk.value("score").isNull());
        QVERIFY(risk.value("probability").isNull());
        QCOMPARE(risk.value("unavailable").toString(), noTierReason());

        const QJsonObject queue = json(escdeskOutput({"at-risk", "--db", m_noLevels, "--json"}));
        QCOMPARE(queue.value("risk_unavailable").toString(), noTierReason());
        QVERIFY(queue.value("flag_from").isNull());
        QVERIFY(queue.value("review_from").isNull());

        // With levels it learns: B escalated, A, C and D did not.
        const QJsonObject trained = json(escdeskOutput({"risk", "--db", m_levels, "--json"}));
        QVERIFY(trained.value("cannot_train").isNull());
        QCOMPARE(trained.value("base_rate").toDouble(), 0.25);
    }

    void aReportShowsADashAndWhy() {
        const QString file = m_dir.filePath(QStringLiteral("weekly.md"));
        escdeskOutput({"report", "weekly", "--db", m_noLevels, "--from", "2026-03-02", "--to",
                       "2026-03-09", "--tz", "UTC", "--format", "md", "--out", file});
        QFile report(file);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(report.readAll());
        QVERIFY2(md.contains(QStringLiteral("Not measurable from this data: ") + noTierReason()),
                 qPrintable(md));
        QVERIFY2(md.contains(QRegularExpression(
                     QStringLiteral("\\| Escalation rate \\| \\*\\*—\\*\\* \\| — \\| — \\| [^|]* "
                                    "\\| Not measurable \\|"))),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("Not measurable (Escalation rate; Time to escalate, "
                                            "p90; Claim delay, median;")),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("| Time to escalate | — | — | — | not measurable |")),
                 qPrintable(md));
    }

    void theDemoWorkspaceMeasuresEverything() {
        // Its figures are pinned by the metrics, outcome store, key figure
        // and report suites; here: nothing in it is held back.
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("demo.escdesk")));
        demo::DemoOptions options;
        options.tickets = 3000;
        options.endDate = QDate(2026, 11, 30);
        const demo::DemoSummary summary = demo::generateDemo(workspace, options);
        QCOMPARE(workspaceCoverage(workspace.db()), DataCoverage{});
        const QTimeZone zone = workspace.reportingTimeZone();
        const Window all = windowOfLocalDates(summary.calendar.firstDate,
                                              summary.calendar.endDate.addDays(1), zone);
        const Metrics m = metricsOfWindow(workspace.db(), all, all.to);
        QVERIFY(m.unavailable.empty());
        QVERIFY(m.escalationRate && *m.escalationRate > 0);
        QVERIFY(m.unclaimed > 0 || m.claimDelayMin.n > 0);
    }
};

QTEST_GUILESS_MAIN(TestNotMeasurable)
#include "tst_not_measurable.moc"

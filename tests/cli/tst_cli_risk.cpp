// escdesk risk and escdesk at-risk as a user runs them on a demo workspace:
// the JSON shapes, the model kept between runs, and the exit codes of
// SPEC §10 (1 refused input, 2 usage error).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/CliRun.h"

namespace {

using Run = escdesk::testsupport::CliRun;
using escdesk::testsupport::json;
using escdesk::testsupport::runEscdesk;

} // namespace

class CliRiskTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("demo.escdesk"));
        const Run demo = runEscdesk({QStringLiteral("demo"), QStringLiteral("--db"), m_db,
                                     QStringLiteral("--tickets"), QStringLiteral("6000"),
                                     QStringLiteral("--end"), QStringLiteral("2026-11-15")});
        QCOMPARE(demo.exitCode, 0);
    }

    void evaluateReportsHeldOutFigures() {
        const Run run = runEscdesk({QStringLiteral("risk"), QStringLiteral("--evaluate"),
                                    QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = json(run);
        for (const char* key : {"roc_auc", "base_rate", "threshold", "precision", "recall",
                                "confidence_band", "calibration", "split", "coefficients"}) {
            QVERIFY2(o.contains(QLatin1String(key)), key);
        }
        QCOMPARE(o.value(QStringLiteral("calibration")).toArray().size(), 10);
        // Issue #20: the interval around the AUC, the baselines, and the
        // verdict the at-risk queue follows.
        const QJsonArray interval = o.value(QStringLiteral("roc_auc_ci95")).toArray();
        QCOMPARE(interval.size(), 2);
        QVERIFY(interval[0].toDouble() < o.value(QStringLiteral("roc_auc")).toDouble());
        QVERIFY(interval[1].toDouble() > o.value(QStringLiteral("roc_auc")).toDouble());
        QVERIFY(o.value(QStringLiteral("priority_baseline_auc")).isDouble());
        QVERIFY(o.value(QStringLiteral("brier_score")).isDouble());
        QVERIFY(o.value(QStringLiteral("scores_withheld")).isNull());
        QVERIFY(o.value(QStringLiteral("refused")).isNull());
        const QJsonObject split = o.value(QStringLiteral("split")).toObject();
        QVERIFY(split.value(QStringLiteral("validation_tickets")).toInt() > 0);
        const Run queue = runEscdesk(
            {QStringLiteral("at-risk"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QVERIFY(!json(queue).contains(QStringLiteral("risk_unavailable")));
        QVERIFY(o.value(QStringLiteral("roc_auc")).toDouble() > 0.65);
        const double base = o.value(QStringLiteral("base_rate")).toDouble();
        QVERIFY(base > 0.0 && base < 1.0);
        // Held-out tickets in the calibration bins add up to the test set.
        int binned = 0;
        for (const QJsonValue bin : o.value(QStringLiteral("calibration")).toArray()) {
            binned += bin.toObject().value(QStringLiteral("tickets")).toInt();
        }
        QCOMPARE(binned, o.value(QStringLiteral("split"))
                             .toObject()
                             .value(QStringLiteral("test_tickets"))
                             .toInt());
    }

    void ticketIsExplainedAndTheModelIsKept() {
        const Run first = runEscdesk({QStringLiteral("risk"), QStringLiteral("--ticket"),
                                      QStringLiteral("SUP-100500"), QStringLiteral("--db"), m_db,
                                      QStringLiteral("--json")});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject o = json(first);
        QCOMPARE(o.value(QStringLiteral("ticket_id")).toString(), QStringLiteral("SUP-100500"));
        const QJsonObject risk = o.value(QStringLiteral("risk")).toObject();
        const double p = risk.value(QStringLiteral("probability")).toDouble();
        QVERIFY(p > 0.0 && p < 1.0);
        QCOMPARE(risk.value(QStringLiteral("contributions")).toArray().size(), 5);
        QVERIFY(
            o.value(QStringLiteral("sentiment")).toObject().contains(QStringLiteral("drivers")));
        const QJsonObject verification = o.value(QStringLiteral("verification")).toObject();
        QVERIFY(verification.contains(QStringLiteral("checklist")));
        QVERIFY(verification.contains(QStringLiteral("known_issue")));
        QVERIFY(verification.value(QStringLiteral("similar_cases")).isArray());
        // The model is now in the settings: the summary reads it, not trains.
        const Run summary = runEscdesk(
            {QStringLiteral("risk"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(summary.exitCode, 0);
        QCOMPARE(json(summary).value(QStringLiteral("trained_now")).toBool(), false);
        // The same ticket scores the same again.
        const Run second = runEscdesk({QStringLiteral("risk"), QStringLiteral("--ticket"),
                                       QStringLiteral("SUP-100500"), QStringLiteral("--db"), m_db,
                                       QStringLiteral("--json")});
        QCOMPARE(json(second)
                     .value(QStringLiteral("risk"))
                     .toObject()
                     .value(QStringLiteral("probability"))
                     .toDouble(),
                 p);
    }

    void atRiskListsOpenTicketsWithReasons() {
        const Run run = runEscdesk(
            {QStringLiteral("at-risk"), QStringLiteral("--db"), m_db, QStringLiteral("--as-of"),
             QStringLiteral("2026-11-16T05:00:00Z"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = json(run);
        QCOMPARE(o.value(QStringLiteral("as_of")).toString(),
                 QStringLiteral("2026-11-16T05:00:00Z"));
        const QJsonArray tickets = o.value(QStringLiteral("tickets")).toArray();
        QVERIFY(!tickets.isEmpty());
        QVERIFY(tickets.size() <= o.value(QStringLiteral("open_tickets")).toInt());
        for (const QJsonValue t : tickets) {
            QVERIFY(!t.toObject().value(QStringLiteral("reasons")).toArray().isEmpty());
        }
        const Run limited =
            runEscdesk({QStringLiteral("at-risk"), QStringLiteral("--db"), m_db,
                        QStringLiteral("--limit"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY(json(limited).value(QStringLiteral("tickets")).toArray().size() <= 2);
    }

    void evaluateRefusesBelowTheSplitMinimums() {
        // Held out: only the newest 1 % of 6000 tickets, fewer than 100.
        const Run run = runEscdesk({QStringLiteral("risk"), QStringLiteral("--evaluate"),
                                    QStringLiteral("--test-share"), QStringLiteral("0.01"),
                                    QStringLiteral("--db"), m_db});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("No AUC: the held-out part has "), run.out.constData());
        QVERIFY(!run.out.contains("ROC AUC"));
        const Run bad = runEscdesk({QStringLiteral("risk"), QStringLiteral("--evaluate"),
                                    QStringLiteral("--test-share"), QStringLiteral("1.5"),
                                    QStringLiteral("--db"), m_db});
        QCOMPARE(bad.exitCode, 2);
    }

    void refusalsAndUsageErrors() {
        const Run unknown = runEscdesk({QStringLiteral("risk"), QStringLiteral("--ticket"),
                                        QStringLiteral("NOPE-1"), QStringLiteral("--db"), m_db});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("NOPE-1")));
        const Run both = runEscdesk({QStringLiteral("risk"), QStringLiteral("--evaluate"),
                                     QStringLiteral("--ticket"), QStringLiteral("SUP-100500"),
                                     QStringLiteral("--db"), m_db});
        QCOMPARE(both.exitCode, 2);
        const Run badLimit = runEscdesk({QStringLiteral("at-risk"), QStringLiteral("--limit"),
                                         QStringLiteral("zero"), QStringLiteral("--db"), m_db});
        QCOMPARE(badLimit.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(CliRiskTest)
#include "tst_cli_risk.moc"

// `escdesk engineering` and the cost of `escdesk root-causes` as another tool
// reads them (#21): SPEC §10's JSON shape to the letter, one value with
// `escdesk metrics` (the ledger's cost is its cost.engineering_interruptions
// with Tier 3 marked; the root causes' costs add up to its cost), and the
// exit statuses of SPEC §10. The figures themselves are worked out by hand
// in tst_engineering_ledger.

#include "support/CliJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using escdesk::testsupport::escdeskOutput;

namespace {

QJsonObject jsonOf(const QStringList& arguments) {
    return QJsonDocument::fromJson(escdeskOutput(arguments)).object();
}

QStringList sortedKeys(const QJsonObject& object) {
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

int exitCodeOf(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    process.waitForFinished(60000);
    return process.exitCode();
}

} // namespace

class TestCliEngineering : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    const QStringList m_period{QStringLiteral("--from"), QStringLiteral("2026-09-01"),
                               QStringLiteral("--to"),   QStringLiteral("2026-10-01"),
                               QStringLiteral("--tz"),   QStringLiteral("UTC")};

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("demo.db"));
        escdeskOutput({QStringLiteral("demo"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--tickets"), QStringLiteral("3000"), QStringLiteral("--end"),
                       QStringLiteral("2026-10-15")});
    }

    void jsonHasTheSpecShape() {
        const QJsonObject ledger =
            jsonOf(QStringList{QStringLiteral("engineering"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--json")} +
                   m_period);
        QCOMPARE(sortedKeys(ledger),
                 (QStringList{"annualised", "avoidable", "cost", "engineer_hours",
                              "escalations_to_engineering", "period"}));
        QCOMPARE(sortedKeys(ledger["avoidable"].toObject()),
                 (QStringList{"by_reason", "engineer_hours", "escalations", "share"}));
        QCOMPARE(sortedKeys(ledger["annualised"].toObject()),
                 (QStringList{"cost", "engineer_hours"}));
        QCOMPARE(
            sortedKeys(ledger["avoidable"]["by_reason"].toObject()),
            (QStringList{"avoidable_root_cause", "bounced_back", "known_issue_with_workaround"}));
        QCOMPARE(ledger["period"]["from"].toString(), QStringLiteral("2026-09-01"));
        QVERIFY(ledger["escalations_to_engineering"].toInt() > 0);
        // 30 days: annualised = period × 365 / 30.
        QVERIFY(std::abs(ledger["annualised"]["engineer_hours"].toDouble() -
                         ledger["engineer_hours"].toDouble() * 365.0 / 30.0) < 1e-9);
        // Each escalation once in the total, under every reason it has.
        const QJsonObject reasons = ledger["avoidable"]["by_reason"].toObject();
        int largest = 0, sum = 0;
        for (const QString& key : reasons.keys()) {
            largest = std::max(largest, reasons[key]["escalations"].toInt());
            sum += reasons[key]["escalations"].toInt();
        }
        const int avoidable = ledger["avoidable"]["escalations"].toInt();
        QVERIFY(avoidable >= largest && avoidable <= sum);
    }

    void costIsTheMetricsEngineeringCost() {
        const QJsonObject ledger =
            jsonOf(QStringList{QStringLiteral("engineering"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--json")} +
                   m_period);
        const QJsonObject metrics =
            jsonOf(QStringList{QStringLiteral("metrics"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--json")} +
                   m_period);
        QCOMPARE(ledger["cost"].toDouble(),
                 metrics["cost"]["engineering_interruptions"].toDouble());
    }

    void rootCauseCostsAddUpToTheMetricsCost() {
        const QJsonObject causes =
            jsonOf(QStringList{QStringLiteral("root-causes"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--json")} +
                   m_period);
        const QJsonObject metrics =
            jsonOf(QStringList{QStringLiteral("metrics"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--json")} +
                   m_period);
        const double total = metrics["cost"]["escalation_handling"].toDouble() +
                             metrics["cost"]["engineering_interruptions"].toDouble();
        double sum = 0.0;
        for (const QJsonValue& cause : causes["cost"]["by_root_cause"].toArray()) {
            sum += cause["total"].toDouble();
        }
        QVERIFY2(std::abs(sum - total) < 1e-6 * total, qPrintable(QString::number(sum - total)));
        QVERIFY(std::abs(causes["cost"]["total"].toDouble() - total) < 1e-6 * total);
        for (const QJsonValue& row : causes["root_causes"].toArray()) {
            QVERIFY(row.toObject().contains(QStringLiteral("cost")));
            QVERIFY(row.toObject().contains(QStringLiteral("documentation_gaps")));
        }
    }

    void exitStatuses() {
        QCOMPARE(exitCodeOf({QStringLiteral("engineering"), QStringLiteral("--help")}), 0);
        QCOMPARE(exitCodeOf({QStringLiteral("engineering"), QStringLiteral("--db"), m_db,
                             QStringLiteral("--bogus")}),
                 2);
        QCOMPARE(exitCodeOf({QStringLiteral("engineering"), QStringLiteral("--db"), m_db,
                             QStringLiteral("extra")}),
                 2);
        const QByteArray text = escdeskOutput(
            QStringList{QStringLiteral("engineering"), QStringLiteral("--db"), m_db} + m_period);
        QVERIFY(text.contains("Escalations to engineering"));
        QVERIFY(text.contains("a year"));
    }
};

QTEST_GUILESS_MAIN(TestCliEngineering)
#include "tst_cli_engineering.moc"

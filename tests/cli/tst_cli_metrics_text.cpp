// `escdesk metrics` as text shows every figure of SPEC §7 that --json
// holds — SLA breach rate, CSAT, cost and time at each tier included — with
// the same values (one number, one value). Figures worked out by hand on
// three tickets.

#include "support/CliRun.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace escdesk::testsupport;

namespace {

// In UTC, all in March 2025. M1 escalated to Tier 3 (no event log: the
// ticket's own fields), M2 and M3 were solved at Tier 1.
const char* ticketsCsv =
    "ticket_id,created_at,resolved_at,status,escalated,escalated_at,priority,tier,"
    "handle_time_min,csat\n"
    "M1,2025-03-02T09:00:00Z,2025-03-02T13:00:00Z,solved,true,2025-03-02T09:30:00Z,High,3,60,2\n"
    "M2,2025-03-03T09:00:00Z,2025-03-03T10:00:00Z,solved,false,,Low,1,30,5\n"
    "M3,2025-03-04T09:00:00Z,2025-03-04T11:00:00Z,solved,false,,Low,1,20,4\n";

// The value printed after a row's label ("  CSAT, all     3.67" → "3.67").
QString rowValue(const QByteArray& text, const QString& label) {
    for (const QString& line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        const QString row = line.trimmed();
        if (row.startsWith(label + QStringLiteral("  "))) {
            return row.mid(label.size()).trimmed().section(QStringLiteral("   ["), 0, 0);
        }
    }
    return QStringLiteral("(no row \"%1\")").arg(label);
}

QString percent(double rate) {
    return QStringLiteral("%1%").arg(rate * 100.0, 0, 'f', 1);
}

} // namespace

class CliMetricsTextTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    CliRun metrics(const QStringList& extra = {}) {
        return runEscdesk(QStringList{QStringLiteral("metrics"), QStringLiteral("--db"), m_db,
                                      QStringLiteral("--from"), QStringLiteral("2025-03-01"),
                                      QStringLiteral("--to"), QStringLiteral("2025-03-31"),
                                      QStringLiteral("--tz"), QStringLiteral("UTC")} +
                          extra);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("march.escdesk"));
        const QString csv = m_dir.filePath(QStringLiteral("tickets.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ticketsCsv);
        file.close();
        const CliRun import = runEscdesk(
            {QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--kind"),
             QStringLiteral("tickets"), QStringLiteral("--source-tz"), QStringLiteral("UTC"), csv});
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
    }

    void textShowsCsatCostAndResolutionSplitWorkedByHand() {
        const CliRun text = metrics();
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        // CSAT: all (2 + 5 + 4) / 3 = 3.67; escalated M1 2; not escalated
        // (5 + 4) / 2 = 4.5.
        QCOMPARE(rowValue(text.out, QStringLiteral("CSAT, all")), QStringLiteral("3.67"));
        QCOMPARE(rowValue(text.out, QStringLiteral("CSAT, escalated")), QStringLiteral("2.00"));
        QCOMPARE(rowValue(text.out, QStringLiteral("CSAT, not escalated")), QStringLiteral("4.50"));
        // Handling: 1 escalated × 60 min mean handle time = 1 h × 35 USD/h
        // (the default matrix). Interruptions: 1 escalation to Tier 3 ×
        // (15 + 23) min / 60 × 85 USD/h = 53.83.
        QCOMPARE(rowValue(text.out, QStringLiteral("cost, escalation handling (USD)")),
                 QStringLiteral("35"));
        QCOMPARE(rowValue(text.out, QStringLiteral("cost, engineering interruptions (USD)")),
                 QStringLiteral("54"));
        // Resolution: M1 4 h = 240 min; M2 60 and M3 120 min, mean 90.
        QVERIFY(rowValue(text.out, QStringLiteral("escalated (min)"))
                    .startsWith(QStringLiteral("mean 240.0 ")));
        QVERIFY(rowValue(text.out, QStringLiteral("not escalated (min)"))
                    .startsWith(QStringLiteral("mean 90.0 ")));
    }

    void textAndJsonAgreeOnSlaAndTimeAtTier() {
        const CliRun text = metrics();
        const QJsonObject json = escdesk::testsupport::json(metrics({QStringLiteral("--json")}));
        const QJsonObject breach = json.value(QStringLiteral("sla_breach_rate")).toObject();
        QVERIFY(breach.contains(QStringLiteral("all")));
        const auto shown = [](const QJsonValue& rate) {
            return rate.isDouble() ? percent(rate.toDouble()) : QStringLiteral("—");
        };
        QCOMPARE(rowValue(text.out, QStringLiteral("SLA breach rate, all")),
                 shown(breach.value(QStringLiteral("all"))));
        QCOMPARE(rowValue(text.out, QStringLiteral("SLA breach rate, escalated")),
                 shown(breach.value(QStringLiteral("escalated"))));
        // Without an event log no stay at a tier can be measured: JSON holds
        // null with the reason, and each tier reads "—" in text.
        QVERIFY(json.value(QStringLiteral("time_at_tier_min")).isNull());
        QCOMPARE(json.value(QStringLiteral("unavailable"))
                     .toObject()
                     .value(QStringLiteral("time_at_tier_min"))
                     .toString(),
                 QStringLiteral("needs event log"));
        for (const char* tier : {"1", "2", "3"}) {
            QCOMPARE(rowValue(text.out,
                              QStringLiteral("time at Tier %1 (min)").arg(QLatin1String(tier))),
                     QStringLiteral("—"));
        }
    }
};

QTEST_GUILESS_MAIN(CliMetricsTextTest)
#include "tst_cli_metrics_text.moc"

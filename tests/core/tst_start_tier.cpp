// A history export's cases start at the tier of their first known support
// level (SPEC §7: deflection counts every ticket that reaches tier 2, and
// each stay at a tier is timed from entering it — for the first tier, from
// creation). Figures worked out by hand from
// tests/data/import/history/start-tier-log.csv:
//
//   A  opened at L2 10:00, resolved 12:00         reaches 2; stays: T2 120
//   B  L1 09:00, L2 09:30, L3 10:30, res. 11:30   reaches 3; T1 30, T2 60, T3 60
//   C  L1 08:00, resolved 08:45                   tier 1 only; T1 45
//   D  opened at L2 13:00, L1 13:20, res. 14:00   reaches 2; T2 20, T1 40
//
// deflection = of A, B, D (reached tier 2) those never at tier 3: A, D = 2/3.
// time at tier 1: 30, 40, 45 (mean 38.33…, p50 40, p90 40 + 0.8 × 5 = 44);
// tier 2: 20, 60, 120 (mean 66.66…, p50 60, p90 60 + 0.8 × 60 = 108);
// tier 3: 60. Only B rose a tier: 1 escalated ticket of 4.

#include "support/CliJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {

const QString logFile = QStringLiteral(ESCDESK_TEST_DATA "/import/history/start-tier-log.csv");
const QString mappingFile = QStringLiteral(ESCDESK_TEST_DATA "/import/history/start-tier-log.json");

using escdesk::testsupport::durationStats;
using escdesk::testsupport::escdeskOutput;
using escdesk::testsupport::sameStats;

} // namespace

class TestStartTier : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QJsonObject m_metrics;

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("levels.escdesk"));
        escdeskOutput({"import", "--db", m_db, "--kind", "history", "--map", mappingFile, logFile});
        m_metrics =
            QJsonDocument::fromJson(escdeskOutput({"metrics", "--db", m_db, "--from", "2026-03-02",
                                                   "--to", "2026-03-03", "--tz", "UTC", "--json"}))
                .object();
        QVERIFY(!m_metrics.isEmpty());
    }

    void aCaseOpenedAtSecondLineCountsForDeflection() {
        QCOMPARE(m_metrics.value("tickets").toInt(), 4);
        QCOMPARE(m_metrics.value("escalated").toInt(), 1);
        QCOMPARE(m_metrics.value("deflection_rate").toDouble(), 2.0 / 3.0);
    }

    void itsFirstStayIsAtTheTierItStartedAt() {
        const QJsonObject stays = m_metrics.value("time_at_tier_min").toObject();
        QVERIFY2(sameStats(stays.value("1").toObject(), durationStats(115.0 / 3.0, 3, 40, 44)),
                 QJsonDocument(stays.value("1").toObject()).toJson().constData());
        QVERIFY2(sameStats(stays.value("2").toObject(), durationStats(200.0 / 3.0, 3, 60, 108)),
                 QJsonDocument(stays.value("2").toObject()).toJson().constData());
        QVERIFY2(sameStats(stays.value("3").toObject(), durationStats(60, 1, 60, 60)),
                 QJsonDocument(stays.value("3").toObject()).toJson().constData());
    }

    void theStartingTierIsKeptWithTheTicket() {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(m_db.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        sqlite3_stmt* query = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT ticket_id, ifnull(start_tier, 1) FROM tickets ORDER BY "
                           "ticket_id",
                           -1, &query, nullptr);
        QStringList rows;
        while (sqlite3_step(query) == SQLITE_ROW) {
            rows << QStringLiteral("%1:%2").arg(
                reinterpret_cast<const char*>(sqlite3_column_text(query, 0)),
                QString::number(sqlite3_column_int(query, 1)));
        }
        sqlite3_finalize(query);
        sqlite3_close(db);
        QCOMPARE(rows, (QStringList{"A:2", "B:1", "C:1", "D:2"}));
    }

    void aReimportChangesNothing() {
        const QByteArray again = escdeskOutput(
            {"import", "--db", m_db, "--kind", "history", "--map", mappingFile, "--json", logFile});
        const QJsonObject result = QJsonDocument::fromJson(again).object();
        QCOMPARE(result.value("inserted").toInt(), 0);
        QCOMPARE(result.value("updated").toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStartTier)
#include "tst_start_tier.moc"

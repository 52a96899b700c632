// The escdesk commands of this area, run as a user runs them: matrix
// export/import/validate (round trip, refusal leaving the workspace as it
// was, a tampered change log), and sla/triage with the exact JSON shapes of
// SPEC §10 on a hand-worked ticket.

#include "matrix/MatrixFile.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runEscdesk(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList sortedKeys(const QJsonObject& object) {
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

} // namespace

class TestCliMatrix : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    qint64 changeCount() {
        store::Database db(m_db, store::Database::Access::ReadOnly);
        return db.queryInt64("SELECT count(*) FROM matrix_changes");
    }

private slots:
    void initTestCase() {
        m_db = path("workspace.db");
        // Business hours in Berlin, whatever this machine's zone: import the
        // defaults set in Europe/Berlin through the CLI itself.
        writeFile(path("berlin.json"),
                  matrix::writeMatrixFile(matrix::defaultMatrix(QStringLiteral("Europe/Berlin"))));
        const Run imported = runEscdesk({QStringLiteral("matrix"), QStringLiteral("import"),
                                         path("berlin.json"), QStringLiteral("--db"), m_db});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        store::Database db(m_db, store::Database::Access::ReadWrite);
        // 2026-11-23 is a Monday; Berlin is on CET (UTC+1).
        db.exec(R"sql(
            INSERT INTO accounts(account_id, name, tier) VALUES ('A-1', 'Globex', 'Enterprise');
            INSERT INTO tickets(ticket_id, created_at, subject, priority, account_id)
                VALUES ('T-100', 1795420800, 'Checkout outages for all users', 'High', 'A-1');
            INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier)
                VALUES (1, 1795424400, 'escalated', 1, 2), (1, 1795427100, 'claimed', NULL, NULL);
        )sql");
        // created_at 1795420800 = 2026-11-23T08:00:00Z (09:00 CET);
        // escalated 1795424400 = 09:00Z (10:00 CET); claimed 1795427100 = 09:45Z.
    }

    void exportImportExportIsByteIdentical() {
        const Run first = runEscdesk({QStringLiteral("matrix"), QStringLiteral("export"),
                                      path("first.json"), QStringLiteral("--db"), m_db});
        QCOMPARE(first.exitCode, 0);
        const qint64 before = changeCount();
        const Run again = runEscdesk({QStringLiteral("matrix"), QStringLiteral("import"),
                                      path("first.json"), QStringLiteral("--db"), m_db});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(changeCount(), before); // the same matrix: nothing changed, nothing logged
        runEscdesk({QStringLiteral("matrix"), QStringLiteral("export"), path("second.json"),
                    QStringLiteral("--db"), m_db});
        QVERIFY(!readFile(path("first.json")).isEmpty());
        QCOMPARE(readFile(path("second.json")), readFile(path("first.json")));
    }

    void badFileIsRefusedAndChangesNothing() {
        runEscdesk({QStringLiteral("matrix"), QStringLiteral("export"), path("good.json"),
                    QStringLiteral("--db"), m_db});
        QByteArray text = readFile(path("good.json"));
        // Every tier loses its owner's name on one line: the first tier's.
        const qsizetype at = text.indexOf("\"owner\": \"Frontline team lead\"");
        QVERIFY(at > 0);
        const int line = static_cast<int>(text.left(at).count('\n')) + 1;
        text.replace(at, qstrlen("\"owner\": \"Frontline team lead\""), "\"owner\": \"\"");
        writeFile(path("bad.json"), text);
        const qint64 before = changeCount();
        const Run refused = runEscdesk({QStringLiteral("matrix"), QStringLiteral("import"),
                                        path("bad.json"), QStringLiteral("--db"), m_db});
        QCOMPARE(refused.exitCode, 1);
        // The value's column: a tier's members are indented 12, then
        // "owner" (7 characters) and ": " (2): 12 + 7 + 2 + 1 = 22.
        QVERIFY2(refused.err.contains(QStringLiteral("bad.json:%1:22: error: Tiers › Tier 1 — "
                                                     "Frontline: Tier 1 — Frontline has no owner")
                                          .arg(line)),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("the workspace is unchanged")));
        QCOMPARE(changeCount(), before);
        runEscdesk({QStringLiteral("matrix"), QStringLiteral("export"), path("after.json"),
                    QStringLiteral("--db"), m_db});
        QCOMPARE(readFile(path("after.json")), readFile(path("good.json")));
        // validate FILE says the same and exits 1.
        const Run validated =
            runEscdesk({QStringLiteral("matrix"), QStringLiteral("validate"), path("bad.json")});
        QCOMPARE(validated.exitCode, 1);
        QVERIFY(validated.err.contains(QStringLiteral("bad.json:%1:22: error:").arg(line)));
    }

    void slaJsonHasTheShapeAndTheNumbers() {
        const Run run =
            runEscdesk({QStringLiteral("sla"), QStringLiteral("--ticket"), QStringLiteral("T-100"),
                        QStringLiteral("--as-of"), QStringLiteral("2026-11-23T11:30:00Z"),
                        QStringLiteral("--json"), QStringLiteral("--db"), m_db});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(sortedKeys(json), sorted({QStringLiteral("ticket_id"), QStringLiteral("policy"),
                                           QStringLiteral("calendar"), QStringLiteral("targets")}));
        QCOMPARE(json[QLatin1String("ticket_id")].toString(), QStringLiteral("T-100"));
        QCOMPARE(json[QLatin1String("policy")].toString(), QStringLiteral("Enterprise × High"));
        QCOMPARE(json[QLatin1String("calendar")].toString(), QStringLiteral("Business hours"));
        const QJsonArray targets = json[QLatin1String("targets")].toArray();
        QCOMPARE(targets.size(), 3);
        for (const QJsonValue& target : targets) {
            QCOMPARE(sortedKeys(target.toObject()),
                     sorted({QStringLiteral("name"), QStringLiteral("target_min"),
                             QStringLiteral("status"), QStringLiteral("elapsed_business_min"),
                             QStringLiteral("remaining_business_min"), QStringLiteral("consumed"),
                             QStringLiteral("at_risk"), QStringLiteral("breach_at")}));
        }
        // First response (240 min): Mon 09:00 → 12:30 CET = 210 min, 30 left,
        // 0.875 used, due 13:00 CET = 12:00Z.
        const QJsonObject response = targets[0].toObject();
        QCOMPARE(response[QLatin1String("name")].toString(), QStringLiteral("first_response"));
        QCOMPARE(response[QLatin1String("target_min")].toInt(), 240);
        QCOMPARE(response[QLatin1String("status")].toString(), QStringLiteral("running"));
        QCOMPARE(response[QLatin1String("elapsed_business_min")].toDouble(), 210.0);
        QCOMPARE(response[QLatin1String("remaining_business_min")].toDouble(), 30.0);
        QCOMPARE(response[QLatin1String("consumed")].toDouble(), 0.875);
        QCOMPARE(response[QLatin1String("at_risk")].toBool(), false);
        QCOMPARE(response[QLatin1String("breach_at")].toString(),
                 QStringLiteral("2026-11-23T12:00:00Z"));
        // Resolution (1440 min = three 8-hour days): due Wed 25 Nov 17:00 CET.
        const QJsonObject resolution = targets[1].toObject();
        QCOMPARE(resolution[QLatin1String("name")].toString(), QStringLiteral("resolution"));
        QCOMPARE(resolution[QLatin1String("remaining_business_min")].toDouble(), 1230.0);
        QCOMPARE(resolution[QLatin1String("breach_at")].toString(),
                 QStringLiteral("2026-11-25T16:00:00Z"));
        // Claim (High: 30 min): escalated 10:00, claimed 10:45 CET → 45 min,
        // breached at 10:30 CET = 09:30Z, 1.5 used.
        const QJsonObject claim = targets[2].toObject();
        QCOMPARE(claim[QLatin1String("name")].toString(), QStringLiteral("claim"));
        QCOMPARE(claim[QLatin1String("status")].toString(), QStringLiteral("breached"));
        QCOMPARE(claim[QLatin1String("elapsed_business_min")].toDouble(), 45.0);
        QCOMPARE(claim[QLatin1String("consumed")].toDouble(), 1.5);
        QCOMPARE(claim[QLatin1String("breach_at")].toString(),
                 QStringLiteral("2026-11-23T09:30:00Z"));
    }

    void triageJsonHasTheShape() {
        const Run run = runEscdesk({QStringLiteral("triage"), QStringLiteral("--ticket"),
                                    QStringLiteral("T-100"), QStringLiteral("--json"),
                                    QStringLiteral("--db"), m_db});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(sortedKeys(json), sorted({QStringLiteral("ticket_id"), QStringLiteral("priority"),
                                           QStringLiteral("target_tier"), QStringLiteral("action"),
                                           QStringLiteral("rule"), QStringLiteral("conditions")}));
        QCOMPARE(json[QLatin1String("priority")].toString(), QStringLiteral("Critical"));
        QCOMPARE(json[QLatin1String("target_tier")].toInt(), 3);
        QCOMPARE(json[QLatin1String("rule")].toString(), QStringLiteral("System-wide outage"));
        const QJsonObject condition = json[QLatin1String("conditions")].toArray()[0].toObject();
        QCOMPARE(sortedKeys(condition), sorted({QStringLiteral("field"), QStringLiteral("operator"),
                                                QStringLiteral("value"), QStringLiteral("held")}));
        QCOMPARE(condition[QLatin1String("operator")].toString(),
                 QStringLiteral("matches_any_keyword"));
        QCOMPARE(condition[QLatin1String("held")].toBool(), true);
    }

    void unknownTicketIsRefused() {
        const Run run = runEscdesk({QStringLiteral("sla"), QStringLiteral("--ticket"),
                                    QStringLiteral("NOPE"), QStringLiteral("--db"), m_db});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QLatin1String("no ticket 'NOPE'")));
        QCOMPARE(runEscdesk({QStringLiteral("sla"), QStringLiteral("--db"), m_db}).exitCode, 2);
    }

    void validateReportsABrokenChain() {
        QCOMPARE(runEscdesk({QStringLiteral("matrix"), QStringLiteral("validate"),
                             QStringLiteral("--db"), m_db})
                     .exitCode,
                 0);
        {
            store::Database db(m_db, store::Database::Access::ReadWrite);
            db.exec("DROP TRIGGER matrix_changes_no_update");
            db.exec("UPDATE matrix_changes SET author = 'someone else' WHERE id = 2");
        }
        const Run run = runEscdesk(
            {QStringLiteral("matrix"), QStringLiteral("validate"), QStringLiteral("--db"), m_db});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("The matrix change log is broken: entry #2")),
                 qPrintable(run.err));
    }

    void triageShowsTheTimeWithoutProgress() {
        // A workspace of its own whose first rule is "Stalled": no progress
        // for 15 business minutes → High, Tier 2. T-200 (no account: SMB ×
        // High, Business hours 09:00–17:00 Berlin) opens Monday 16:55 CET
        // with no reply and no events: 5 minutes on Monday, 10 from Tuesday
        // 09:00 CET → the rule holds from 09:10 CET = 08:10Z.
        const QString db = path("stalled.db");
        matrix::Matrix policy = matrix::defaultMatrix(QStringLiteral("Europe/Berlin"));
        policy.rules.insert(policy.rules.begin(),
                            {QStringLiteral("Stalled"),
                             {{QStringLiteral("minutes_without_progress"),
                               matrix::ConditionOperator::AtLeast, QStringLiteral("15")}},
                             QStringLiteral("High"),
                             2,
                             QStringLiteral("Escalate to Tier 2")});
        writeFile(path("stalled.json"), matrix::writeMatrixFile(policy));
        const Run imported = runEscdesk({QStringLiteral("matrix"), QStringLiteral("import"),
                                         path("stalled.json"), QStringLiteral("--db"), db});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        {
            store::Database writer(db, store::Database::Access::ReadWrite);
            // 1795449300 = 2026-11-23T15:55:00Z = 16:55 CET.
            writer.exec(R"sql(
                INSERT INTO tickets(ticket_id, created_at, subject, priority)
                    VALUES ('T-200', 1795449300, 'Export never finishes', 'High');
            )sql");
        }
        const auto triageAt = [&](const char* asOf, bool json) {
            QStringList arguments{QStringLiteral("triage"),
                                  QStringLiteral("--ticket"),
                                  QStringLiteral("T-200"),
                                  QStringLiteral("--as-of"),
                                  QLatin1String(asOf),
                                  QStringLiteral("--db"),
                                  db};
            if (json) {
                arguments << QStringLiteral("--json");
            }
            return runEscdesk(arguments);
        };
        const Run fired = triageAt("2026-11-24T08:10:00Z", false);
        QVERIFY2(fired.exitCode == 0, qPrintable(fired.err));
        QVERIFY2(fired.out.contains("rule 1 \xe2\x80\x9cStalled\xe2\x80\x9d"),
                 fired.out.constData());
        QVERIFY2(fired.out.contains("minutes_without_progress at_least 15 (15 business min "
                                    "without progress)"),
                 fired.out.constData());
        // The JSON keeps the shape of SPEC §10.
        const QJsonObject json =
            QJsonDocument::fromJson(triageAt("2026-11-24T08:10:00Z", true).out).object();
        QCOMPARE(json[QLatin1String("rule")].toString(), QStringLiteral("Stalled"));
        QCOMPARE(json[QLatin1String("target_tier")].toInt(), 2);
        const QJsonObject condition = json[QLatin1String("conditions")].toArray()[0].toObject();
        QCOMPARE(sortedKeys(condition), sorted({QStringLiteral("field"), QStringLiteral("operator"),
                                                QStringLiteral("value"), QStringLiteral("held")}));
        QCOMPARE(condition[QLatin1String("field")].toString(),
                 QStringLiteral("minutes_without_progress"));
        QCOMPARE(condition[QLatin1String("held")].toBool(), true);
        // A minute earlier, 14 minutes: another rule decides.
        const QJsonObject early =
            QJsonDocument::fromJson(triageAt("2026-11-24T08:09:00Z", true).out).object();
        QVERIFY(early[QLatin1String("rule")].toString() != QStringLiteral("Stalled"));
    }
};

QTEST_GUILESS_MAIN(TestCliMatrix)
#include "tst_cli_matrix.moc"

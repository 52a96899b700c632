// The CLI's default windows follow the data (issue #17): on a workspace whose
// newest ticket was created on 14 Mar 2025, `metrics`, `segments`,
// `root-causes`, `trend` and `summary` without --from/--to look at the days
// ending on the 14th and say so, in text and in JSON "period"; `at-risk`
// lists the tickets open at its instant. Counts worked out by hand.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runEscdesk(QStringList arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject json(const Run& run) {
    return QJsonDocument::fromJson(run.out).object();
}

// In UTC: the 30 days ending 14 Mar are 13 Feb .. 14 Mar, the 90 days
// 15 Dec 2024 .. 14 Mar 2025.
const char* ticketsCsv =
    "ticket_id,created_at,resolved_at,status,escalated,escalated_at,root_cause,priority\n"
    // The newest; escalated half an hour after it was created.
    "T1,2025-03-14T10:00:00Z,2025-03-14T15:00:00Z,solved,true,2025-03-14T10:30:00Z,Billing,High\n"
    "T2,2025-03-01T09:00:00Z,2025-03-20T09:00:00Z,solved,false,,,Low\n"
    // First minutes of the 30-day window; still open.
    "T3,2025-02-13T00:30:00Z,,open,false,,,Low\n"
    // Half an hour before the 30-day window; open.
    "T4,2025-02-12T23:30:00Z,,open,false,,,Low\n"
    // In the 90-day window only; escalated.
    "T5,2024-12-15T08:00:00Z,2024-12-16T08:00:00Z,solved,true,2024-12-15T09:00:00Z,Billing,High\n"
    // Before the 90-day window.
    "T6,2024-12-14T08:00:00Z,2024-12-20T08:00:00Z,solved,false,,,Low\n";

} // namespace

class CliPeriodsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Run run(const QStringList& arguments) {
        return runEscdesk(arguments + QStringList{QStringLiteral("--db"), m_db});
    }
    // An analysis, its days cut in UTC.
    Run analyse(const QStringList& arguments) {
        return run(arguments + QStringList{QStringLiteral("--tz"), QStringLiteral("UTC")});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("last-year.escdesk"));
        const QString csv = m_dir.filePath(QStringLiteral("tickets.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ticketsCsv);
        file.close();
        const Run import =
            run({QStringLiteral("import"), QStringLiteral("--kind"), QStringLiteral("tickets"),
                 QStringLiteral("--source-tz"), QStringLiteral("UTC"), csv});
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
    }

    void metricsDefaultFollowsTheData() {
        const Run r = analyse({QStringLiteral("metrics"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        const QJsonObject period = o.value(QStringLiteral("period")).toObject();
        QCOMPARE(period.value(QStringLiteral("from")).toString(), QStringLiteral("2025-02-13"));
        QCOMPARE(period.value(QStringLiteral("to")).toString(), QStringLiteral("2025-03-15"));
        QCOMPARE(period.value(QStringLiteral("tz")).toString(), QStringLiteral("UTC"));
        QCOMPARE(period.value(QStringLiteral("follows_data")).toBool(), true);
        QCOMPARE(period.value(QStringLiteral("data_ends")).toString(),
                 QStringLiteral("2025-03-14"));
        // T1, T2, T3; T1 escalated.
        QCOMPARE(o.value(QStringLiteral("tickets")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("escalated")).toInt(), 1);

        const Run text = analyse({QStringLiteral("metrics")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith("Period: 2025-02-13 to 2025-03-14, the last 30 days of data"),
                 text.out.constData());
    }

    void explicitDatesAreKept() {
        const Run r = analyse({QStringLiteral("metrics"), QStringLiteral("--json"),
                               QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                               QStringLiteral("--to"), QStringLiteral("2026-12-01")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject period = json(r).value(QStringLiteral("period")).toObject();
        QCOMPARE(period.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-01"));
        QCOMPARE(period.value(QStringLiteral("follows_data")).toBool(), false);
        QVERIFY(!period.contains(QStringLiteral("data_ends")));
        QCOMPARE(json(r).value(QStringLiteral("tickets")).toInt(), 0);
        const Run text = analyse({QStringLiteral("metrics"), QStringLiteral("--from"),
                                  QStringLiteral("2026-11-01"), QStringLiteral("--to"),
                                  QStringLiteral("2026-12-01")});
        QVERIFY(!text.out.contains("days of data"));
    }

    void segmentsRootCausesAndSummaryFollowTheData() {
        // Segments' default is 90 days: T1..T5, T1 and T5 escalated.
        const Run segments = analyse({QStringLiteral("segments"), QStringLiteral("--by"),
                                      QStringLiteral("priority"), QStringLiteral("--json")});
        QVERIFY2(segments.exitCode == 0, qPrintable(segments.err));
        const QJsonObject s = json(segments);
        const QJsonObject sp = s.value(QStringLiteral("period")).toObject();
        QCOMPARE(sp.value(QStringLiteral("from")).toString(), QStringLiteral("2024-12-15"));
        QCOMPARE(sp.value(QStringLiteral("to")).toString(), QStringLiteral("2025-03-15"));
        QCOMPARE(sp.value(QStringLiteral("follows_data")).toBool(), true);
        const QJsonObject overall = s.value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("tickets")).toInt(), 5);
        QCOMPARE(overall.value(QStringLiteral("escalated")).toInt(), 2);

        const Run causes = analyse({QStringLiteral("root-causes"), QStringLiteral("--json")});
        QVERIFY2(causes.exitCode == 0, qPrintable(causes.err));
        const QJsonObject c = json(causes);
        QCOMPARE(c.value(QStringLiteral("period")).toObject().value(QStringLiteral("from")),
                 QJsonValue(QStringLiteral("2025-02-13")));
        QCOMPARE(c.value(QStringLiteral("escalations")).toInt(), 1); // T1 (Billing)
        const Run causesText = analyse({QStringLiteral("root-causes")});
        QVERIFY(causesText.out.startsWith("Period: 2025-02-13 to 2025-03-14, the last 30 days"));

        const Run summary = analyse({QStringLiteral("summary")});
        QVERIFY2(summary.exitCode == 0, qPrintable(summary.err));
        QVERIFY2(summary.out.contains("Period 2025-02-13 to 2025-03-15 (exclusive), UTC, the last "
                                      "30 days of data"),
                 summary.out.constData());
    }

    void trendDefaultFollowsTheDataAndMarksPartialWeeks() {
        // 13 weeks = 91 days ending on Friday 14 Mar: from Saturday
        // 14 Dec 2024. The first week starts late, the last ends early: both
        // partial, and no change is given into or out of them.
        const Run r = analyse({QStringLiteral("trend"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        const QJsonObject period = o.value(QStringLiteral("period")).toObject();
        QCOMPARE(period.value(QStringLiteral("from")).toString(), QStringLiteral("2024-12-14"));
        QCOMPARE(period.value(QStringLiteral("to")).toString(), QStringLiteral("2025-03-15"));
        QCOMPARE(period.value(QStringLiteral("follows_data")).toBool(), true);
        const QJsonArray periods = o.value(QStringLiteral("periods")).toArray();
        QCOMPARE(periods.size(), 14); // 14–15 Dec, 12 whole weeks, 10–14 Mar
        QVERIFY(periods.first().toObject().value(QStringLiteral("partial")).toBool());
        QVERIFY(periods.last().toObject().value(QStringLiteral("partial")).toBool());
        QVERIFY(!periods.at(1).toObject().value(QStringLiteral("partial")).toBool());
        const QJsonArray ticketChange =
            o.value(QStringLiteral("change")).toObject().value(QStringLiteral("tickets")).toArray();
        QCOMPARE(ticketChange.size(), 14);
        QVERIFY(ticketChange.at(1).isNull());  // out of the partial first week
        QVERIFY(ticketChange.at(13).isNull()); // into the week so far
        QVERIFY(!ticketChange.at(2).isNull()); // two whole weeks
        const Run text = analyse({QStringLiteral("trend")});
        QVERIFY(text.out.startsWith("Period: 2024-12-14 to 2025-03-14, the last 91 days of data"));
    }

    void atRiskListsTheTicketsOpenThen() {
        // As of 10 Mar: T2 (resolved on the 20th), T3 and T4 are open and
        // not escalated; T1 is not created yet, T5 escalated, T6 resolved.
        const Run then =
            run({QStringLiteral("at-risk"), QStringLiteral("--all"), QStringLiteral("--json"),
                 QStringLiteral("--as-of"), QStringLiteral("2025-03-10T00:00:00Z")});
        QVERIFY2(then.exitCode == 0, qPrintable(then.err));
        const QJsonObject o = json(then);
        QCOMPARE(o.value(QStringLiteral("open_tickets")).toInt(), 3);
        QStringList ids;
        for (const QJsonValue ticket : o.value(QStringLiteral("tickets")).toArray()) {
            ids << ticket.toObject().value(QStringLiteral("ticket_id")).toString();
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{"T2", "T3", "T4"}));
        QCOMPARE(o.value(QStringLiteral("as_of_follows_data")).toBool(), false);

        // Without --as-of, where the data ends: T1's creation, 14 Mar
        // 10:00, before its escalation at 10:30 — T1..T4 open.
        const Run latest =
            run({QStringLiteral("at-risk"), QStringLiteral("--all"), QStringLiteral("--json")});
        QCOMPARE(latest.exitCode, 0);
        const QJsonObject l = json(latest);
        QCOMPARE(l.value(QStringLiteral("as_of")).toString(),
                 QStringLiteral("2025-03-14T10:00:00Z"));
        QCOMPARE(l.value(QStringLiteral("as_of_follows_data")).toBool(), true);
        QCOMPARE(l.value(QStringLiteral("open_tickets")).toInt(), 4);
        const Run text = run({QStringLiteral("at-risk")});
        QVERIFY(text.out.contains("where the workspace's data ends"));
    }
};

QTEST_GUILESS_MAIN(CliPeriodsTest)
#include "tst_cli_periods.moc"

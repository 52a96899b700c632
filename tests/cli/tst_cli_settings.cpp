// escdesk settings get|set|list (SPEC §10) as a user runs it: values checked
// before they are stored, exit 1 with the workspace, key and reason for a
// refused value, exit 2 for an unknown key or action; and the new segment
// fields and the spike key as `segments`, `metrics` and `trend` print them.

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

class CliSettingsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Run settings(const QStringList& arguments) {
        return runEscdesk(QStringList{QStringLiteral("settings")} + arguments +
                          QStringList{QStringLiteral("--db"), m_db});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("demo.escdesk"));
        const Run demo = runEscdesk({QStringLiteral("demo"), QStringLiteral("--db"), m_db,
                                     QStringLiteral("--tickets"), QStringLiteral("3000"),
                                     QStringLiteral("--end"), QStringLiteral("2026-11-15")});
        QCOMPARE(demo.exitCode, 0);
    }

    void listNamesEverySetting() {
        const Run run = settings({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QStringList keys;
        for (const QJsonValue& setting : json(run).value(QStringLiteral("settings")).toArray()) {
            keys << setting.toObject().value(QStringLiteral("key")).toString();
        }
        QCOMPARE(keys, (QStringList{"report_recipients", "report_sender", "reporting_tz",
                                    "user_name", "renewal_window_days"}));
    }

    void setThenGet() {
        const QString recipients = QStringLiteral("Zoë Ünal <zoe@example.com>, lead@example.com");
        QCOMPARE(settings({QStringLiteral("set"), QStringLiteral("report_recipients"), recipients})
                     .exitCode,
                 0);
        const Run get = settings(
            {QStringLiteral("get"), QStringLiteral("report_recipients"), QStringLiteral("--json")});
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(json(get).value(QStringLiteral("value")).toString(), recipients);
        // An empty value clears it: the default applies, "value" is null.
        QCOMPARE(settings({QStringLiteral("set"), QStringLiteral("report_recipients"), QString()})
                     .exitCode,
                 0);
        QVERIFY(json(settings({QStringLiteral("get"), QStringLiteral("report_recipients"),
                               QStringLiteral("--json")}))
                    .value(QStringLiteral("value"))
                    .isNull());
    }

    void refusedValuesExitOne() {
        const Run zone = settings(
            {QStringLiteral("set"), QStringLiteral("reporting_tz"), QStringLiteral("Mars/Base")});
        QCOMPARE(zone.exitCode, 1);
        QVERIFY(zone.err.contains(QStringLiteral("demo.escdesk")));
        QVERIFY(zone.err.contains(QStringLiteral("reporting_tz")));
        QVERIFY(zone.err.contains(QStringLiteral("Mars/Base")));
        const Run sender = settings({QStringLiteral("set"), QStringLiteral("report_sender"),
                                     QStringLiteral("not an address")});
        QCOMPARE(sender.exitCode, 1);
        const Run days = settings(
            {QStringLiteral("set"), QStringLiteral("renewal_window_days"), QStringLiteral("4000")});
        QCOMPARE(days.exitCode, 1);
        // Nothing refused was stored: the demo's zone stands.
        QCOMPARE(settings({QStringLiteral("get"), QStringLiteral("reporting_tz")}).out.trimmed(),
                 QByteArray("America/New_York"));
    }

    void usageErrorsExitTwo() {
        QCOMPARE(settings({QStringLiteral("set"), QStringLiteral("colour"), QStringLiteral("red")})
                     .exitCode,
                 2);
        QCOMPARE(settings({QStringLiteral("get")}).exitCode, 2);
        QCOMPARE(settings({QStringLiteral("remove"), QStringLiteral("user_name")}).exitCode, 2);
        QCOMPARE(settings({}).exitCode, 2);
    }

    // segments --by and metrics --segment count the same tickets per value.
    void newSegmentFieldsAgree() {
        for (const char* field : {"assignee", "channel", "region", "arr_band", "renewal_window"}) {
            const QStringList period{QStringLiteral("--from"), QStringLiteral("2026-08-01"),
                                     QStringLiteral("--to"),   QStringLiteral("2026-11-01"),
                                     QStringLiteral("--db"),   m_db,
                                     QStringLiteral("--json")};
            const Run segments =
                runEscdesk(QStringList{QStringLiteral("segments"), QStringLiteral("--by"),
                                       QString::fromLatin1(field)} +
                           period);
            QCOMPARE(segments.exitCode, 0);
            std::map<QString, std::pair<int, int>> bySegments;
            for (const QJsonValue& row :
                 json(segments).value(QStringLiteral("segments")).toArray()) {
                const QJsonObject o = row.toObject();
                bySegments[o.value(QStringLiteral("value")).toString()] = {
                    o.value(QStringLiteral("tickets")).toInt(),
                    o.value(QStringLiteral("escalated")).toInt()};
            }
            QVERIFY2(bySegments.size() >= 2, field);
            const Run metrics =
                runEscdesk(QStringList{QStringLiteral("metrics"), QStringLiteral("--segment"),
                                       QString::fromLatin1(field)} +
                           period);
            QCOMPARE(metrics.exitCode, 0);
            std::map<QString, std::pair<int, int>> byMetrics;
            for (const QJsonValue& row :
                 json(metrics).value(QStringLiteral("segments")).toArray()) {
                const QJsonObject o = row.toObject();
                if (o.value(QStringLiteral("tickets")).toInt() > 0) {
                    byMetrics[o.value(QStringLiteral("value")).toString()] = {
                        o.value(QStringLiteral("tickets")).toInt(),
                        o.value(QStringLiteral("escalated")).toInt()};
                }
            }
            QCOMPARE(byMetrics, bySegments);
        }
    }

    void trendHasTheSpikeKey() {
        const Run run = runEscdesk({QStringLiteral("trend"), QStringLiteral("--granularity"),
                                    QStringLiteral("week"), QStringLiteral("--db"), m_db,
                                    QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject spikes = json(run).value(QStringLiteral("spikes")).toObject();
        QVERIFY(spikes.value(QStringLiteral("rule")).toString().contains(QStringLiteral("MAD")));
        QVERIFY(spikes.value(QStringLiteral("flagged")).isArray());
        const Run monthly = runEscdesk({QStringLiteral("trend"), QStringLiteral("--granularity"),
                                        QStringLiteral("month"), QStringLiteral("--db"), m_db,
                                        QStringLiteral("--json")});
        QVERIFY(!json(monthly).contains(QStringLiteral("spikes")));
    }
};

QTEST_GUILESS_MAIN(CliSettingsTest)
#include "tst_cli_settings.moc"

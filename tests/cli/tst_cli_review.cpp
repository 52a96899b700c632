// escdesk review decision|action and escdesk checklist as a user runs them
// (SPEC §10, issue #21): what each command stores and prints, the JSON
// shapes, the CSV export that `escdesk import` reads back into an empty
// workspace as the same records, and the exit codes (1 refused input, 2
// usage error).

#include <QFile>
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

class CliReviewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Run escdesk(QStringList arguments, const QString& db = {}) {
        arguments << QStringLiteral("--db") << (db.isEmpty() ? m_db : db);
        return runEscdesk(arguments);
    }

    QString writeFile(const QString& name, const QByteArray& text) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("review.escdesk"));
        // T-1 escalated from tier 1 to 2, T-2 never.
        const QString tickets =
            writeFile(QStringLiteral("tickets.csv"), "ticket_id,created_at,subject\n"
                                                     "T-1,2026-11-20T09:00:00Z,Webhook retries\n"
                                                     "T-2,2026-11-20T10:00:00Z,Password reset\n");
        const QString events = writeFile(QStringLiteral("events.csv"),
                                         "ticket_id,occurred_at,event,from_tier,to_tier\n"
                                         "T-1,2026-11-20T11:00:00Z,escalated,1,2\n");
        QCOMPARE(escdesk({QStringLiteral("import"), QStringLiteral("--kind"),
                          QStringLiteral("tickets"), tickets})
                     .exitCode,
                 0);
        QCOMPARE(escdesk({QStringLiteral("import"), QStringLiteral("--kind"),
                          QStringLiteral("events"), events})
                     .exitCode,
                 0);
    }

    void decisionsAreAddedAndListed() {
        const Run added = escdesk(
            {QStringLiteral("review"), QStringLiteral("decision"), QStringLiteral("add"),
             QStringLiteral("--type"), QStringLiteral("Deep dive"), QStringLiteral("--owner"),
             QStringLiteral("Sam"), QStringLiteral("--ticket"), QStringLiteral("T-1"),
             QStringLiteral("--note"), QStringLiteral("Look at the retry loop"),
             QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--json")});
        QCOMPARE(added.exitCode, 0);
        const QJsonObject decision = json(added);
        QCOMPARE(decision.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(decision.value(QStringLiteral("decision_type")).toString(),
                 QStringLiteral("Deep dive"));
        QCOMPARE(decision.value(QStringLiteral("ticket_id")).toString(), QStringLiteral("T-1"));
        QCOMPARE(decision.value(QStringLiteral("source")).toString(), QStringLiteral("typed"));
        QCOMPARE(decision.value(QStringLiteral("decided_on")).toString(),
                 QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));

        const Run unknown = escdesk(
            {QStringLiteral("review"), QStringLiteral("decision"), QStringLiteral("add"),
             QStringLiteral("--type"), QStringLiteral("Training"), QStringLiteral("--owner"),
             QStringLiteral("Ana"), QStringLiteral("--ticket"), QStringLiteral("T-404")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("There is no ticket T-404")),
                 qPrintable(unknown.err));
        const Run missing =
            escdesk({QStringLiteral("review"), QStringLiteral("decision"), QStringLiteral("add"),
                     QStringLiteral("--owner"), QStringLiteral("Ana")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QLatin1String("needs --type")), qPrintable(missing.err));

        const Run listed = escdesk({QStringLiteral("review"), QStringLiteral("decision"),
                                    QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray decisions = json(listed).value(QStringLiteral("decisions")).toArray();
        QCOMPARE(decisions.size(), 1);
        QCOMPARE(decisions[0].toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("Look at the retry loop"));
    }

    void actionsAreAddedUpdatedDoneAndListedWithTheirFollowUp() {
        const Run added = escdesk(
            {QStringLiteral("review"), QStringLiteral("action"), QStringLiteral("add"),
             QStringLiteral("--title"), QStringLiteral("Cap webhook retries"),
             QStringLiteral("--owner"), QStringLiteral("Priya"), QStringLiteral("--deadline"),
             QStringLiteral("2026-12-18"), QStringLiteral("--root-cause"),
             QStringLiteral("Integration failure"), QStringLiteral("--json")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(json(added).value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(json(added).value(QStringLiteral("status")).toString(), QStringLiteral("open"));

        const Run badDate = escdesk(
            {QStringLiteral("review"), QStringLiteral("action"), QStringLiteral("add"),
             QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--owner"),
             QStringLiteral("y"), QStringLiteral("--deadline"), QStringLiteral("18/12/2026")});
        QCOMPARE(badDate.exitCode, 1);
        QVERIFY2(badDate.err.contains(QLatin1String("'18/12/2026' is not a date")),
                 qPrintable(badDate.err));
        const Run both =
            escdesk({QStringLiteral("review"), QStringLiteral("action"), QStringLiteral("add"),
                     QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--owner"),
                     QStringLiteral("y"), QStringLiteral("--deadline"),
                     QStringLiteral("2026-12-18"), QStringLiteral("--root-cause"),
                     QStringLiteral("a"), QStringLiteral("--cluster"), QStringLiteral("b")});
        QCOMPARE(both.exitCode, 2);
        const Run wrongOption =
            escdesk({QStringLiteral("review"), QStringLiteral("action"), QStringLiteral("done"),
                     QStringLiteral("1"), QStringLiteral("--title"), QStringLiteral("x")});
        QCOMPARE(wrongOption.exitCode, 2);

        const Run updated =
            escdesk({QStringLiteral("review"), QStringLiteral("action"), QStringLiteral("update"),
                     QStringLiteral("1"), QStringLiteral("--deadline"),
                     QStringLiteral("2026-12-22"), QStringLiteral("--json")});
        QCOMPARE(updated.exitCode, 0);
        QCOMPARE(json(updated).value(QStringLiteral("deadline")).toString(),
                 QStringLiteral("2026-12-22"));
        QCOMPARE(json(updated).value(QStringLiteral("title")).toString(),
                 QStringLiteral("Cap webhook retries"));
        const Run unknown = escdesk({QStringLiteral("review"), QStringLiteral("action"),
                                     QStringLiteral("done"), QStringLiteral("9")});
        QCOMPARE(unknown.exitCode, 1);
        const Run done = escdesk({QStringLiteral("review"), QStringLiteral("action"),
                                  QStringLiteral("done"), QStringLiteral("1")});
        QCOMPARE(done.exitCode, 0);

        const Run listed = escdesk({QStringLiteral("review"), QStringLiteral("action"),
                                    QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray actions = json(listed).value(QStringLiteral("actions")).toArray();
        QCOMPARE(actions.size(), 1);
        const QJsonObject action = actions[0].toObject();
        for (const char* key :
             {"id", "title", "owner", "deadline", "root_cause", "status", "follow_up"}) {
            QVERIFY2(action.contains(QLatin1String(key)), key);
        }
        QCOMPARE(action.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(action.value(QStringLiteral("root_cause")).toString(),
                 QStringLiteral("Integration failure"));
        const QJsonObject followUp = action.value(QStringLiteral("follow_up")).toObject();
        for (const char* key : {"before", "after", "p_value", "verdict"}) {
            QVERIFY2(followUp.contains(QLatin1String(key)), key);
        }
    }

    void checklistItemsAreTickedAndListed() {
        const Run ticked = escdesk(
            {QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("--ticket"),
             QStringLiteral("T-1"), QStringLiteral("--item"), QStringLiteral("status_page"),
             QStringLiteral("--by"), QStringLiteral("Ana"), QStringLiteral("--at"),
             QStringLiteral("2026-11-20T10:30:00Z"), QStringLiteral("--json")});
        QCOMPARE(ticked.exitCode, 0);
        const QJsonObject run = json(ticked);
        QCOMPARE(run.value(QStringLiteral("from_tier")).toInt(), 1);
        QCOMPARE(run.value(QStringLiteral("to_tier")).toInt(), 2);
        QCOMPARE(run.value(QStringLiteral("ready")).toBool(), false);
        const QJsonObject first = run.value(QStringLiteral("items")).toArray()[0].toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("status_page"));
        QCOMPARE(first.value(QStringLiteral("done")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("done_by")).toString(), QStringLiteral("Ana"));
        QCOMPARE(first.value(QStringLiteral("done_at")).toString(),
                 QStringLiteral("2026-11-20T10:30:00Z"));
        // By its text too.
        QCOMPARE(
            escdesk({QStringLiteral("checklist"), QStringLiteral("tick"),
                     QStringLiteral("--ticket"), QStringLiteral("T-1"), QStringLiteral("--item"),
                     QStringLiteral("Knowledge base and known issues searched")})
                .exitCode,
            0);

        const Run wrongItem = escdesk({QStringLiteral("checklist"), QStringLiteral("tick"),
                                       QStringLiteral("--ticket"), QStringLiteral("T-1"),
                                       QStringLiteral("--item"), QStringLiteral("logs")});
        QCOMPARE(wrongItem.exitCode, 1);
        QVERIFY2(wrongItem.err.contains(QLatin1String("has no item 'logs'")),
                 qPrintable(wrongItem.err));
        const Run notEscalated = escdesk({QStringLiteral("checklist"), QStringLiteral("tick"),
                                          QStringLiteral("--ticket"), QStringLiteral("T-2"),
                                          QStringLiteral("--item"), QStringLiteral("status_page")});
        QCOMPARE(notEscalated.exitCode, 1);
        const Run unknownTicket = escdesk({QStringLiteral("checklist"), QStringLiteral("list"),
                                           QStringLiteral("--ticket"), QStringLiteral("T-404")});
        QCOMPARE(unknownTicket.exitCode, 1);
        const Run badInstant = escdesk({QStringLiteral("checklist"), QStringLiteral("tick"),
                                        QStringLiteral("--ticket"), QStringLiteral("T-1"),
                                        QStringLiteral("--item"), QStringLiteral("evidence"),
                                        QStringLiteral("--at"), QStringLiteral("yesterday")});
        QCOMPARE(badInstant.exitCode, 1);
        QCOMPARE(escdesk({QStringLiteral("checklist"), QStringLiteral("list")}).exitCode, 2);
        QCOMPARE(escdesk({QStringLiteral("checklist"), QStringLiteral("untick")}).exitCode, 2);

        const Run listed = escdesk({QStringLiteral("checklist"), QStringLiteral("list"),
                                    QStringLiteral("--ticket"), QStringLiteral("T-1")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("[x] status_page"));
        QVERIFY(listed.out.contains("[x] knowledge_base"));
        QVERIFY(listed.out.contains("[ ] evidence"));
    }

    // Last: the records the slots above stored go out and into a new workspace.
    void csvExportsImportIntoAnEmptyWorkspaceAsTheSameRecords() {
        const QString other = m_dir.filePath(QStringLiteral("other.escdesk"));
        for (const QString& kind : {QStringLiteral("tickets"), QStringLiteral("events")}) {
            QCOMPARE(escdesk({QStringLiteral("import"), QStringLiteral("--kind"), kind,
                              m_dir.filePath(kind + QStringLiteral(".csv"))},
                             other)
                         .exitCode,
                     0);
        }
        const struct {
            QStringList list;
            QString kind;
        } records[] = {
            {{QStringLiteral("review"), QStringLiteral("action"), QStringLiteral("list")},
             QStringLiteral("actions")},
            {{QStringLiteral("review"), QStringLiteral("decision"), QStringLiteral("list")},
             QStringLiteral("decisions")},
            {{QStringLiteral("checklist"), QStringLiteral("list")},
             QStringLiteral("checklist-runs")},
        };
        for (const auto& record : records) {
            const QString file = m_dir.filePath(record.kind + QStringLiteral("-export.csv"));
            const Run exported =
                escdesk(QStringList(record.list)
                        << QStringLiteral("--csv") << QStringLiteral("--out") << file);
            QCOMPARE(exported.exitCode, 0);
            const Run imported = escdesk({QStringLiteral("import"), QStringLiteral("--kind"),
                                          record.kind, file, QStringLiteral("--json")},
                                         other);
            QCOMPARE(imported.exitCode, 0);
            QCOMPARE(json(imported).value(QStringLiteral("rejected")).toInt(), 0);
            QVERIFY(json(imported).value(QStringLiteral("inserted")).toInt() > 0);
            const Run again = escdesk(QStringList(record.list) << QStringLiteral("--csv"), other);
            QFile original(file);
            QVERIFY(original.open(QIODevice::ReadOnly));
            QCOMPARE(again.out, original.readAll());
            const Run reimported = escdesk({QStringLiteral("import"), QStringLiteral("--kind"),
                                            record.kind, file, QStringLiteral("--json")},
                                           other);
            QCOMPARE(json(reimported).value(QStringLiteral("inserted")).toInt(), 0);
            QCOMPARE(json(reimported).value(QStringLiteral("updated")).toInt(), 0);
        }
        const Run usage =
            escdesk({QStringLiteral("import"), QStringLiteral("--kind"), QStringLiteral("actions"),
                     QStringLiteral("--item-column"), QStringLiteral("a=b"),
                     m_dir.filePath(QStringLiteral("actions-export.csv"))},
                    other);
        QCOMPARE(usage.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(CliReviewTest)
#include "tst_cli_review.moc"

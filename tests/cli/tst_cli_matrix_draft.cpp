// `escdesk matrix draft …` and `escdesk matrix replay` as a user and another
// tool run them (#22): the export → import round trip of a draft, its diff,
// publishing as one change-log entry (refused when stale unless --force),
// the replay's JSON shape of SPEC §10, and the exit statuses — 1 with
// FILE:LINE:COLUMN for a malformed draft file, 2 for usage errors. The
// figures themselves are worked out by hand in tst_matrix_replay and
// tst_matrix_draft.

#include "support/CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using escdesk::testsupport::json;
using escdesk::testsupport::runEscdesk;

namespace {

QStringList sortedKeys(const QJsonObject& object) {
    QStringList keys = object.keys();
    keys.sort();
    return keys;
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

} // namespace

class TestCliMatrixDraft : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QStringList with(QStringList arguments) const {
        return arguments << QStringLiteral("--db") << m_db;
    }

    int historySize() const {
        const auto run = runEscdesk(with({"matrix", "history", "--json"}));
        return json(run)[QStringLiteral("changes")].toArray().size();
    }

    // The published matrix exported, with the engineer cost raised 85 → 95.
    QString editedMatrixFile() const {
        const auto exported = runEscdesk(with({"matrix", "export", "-"}));
        QByteArray text = exported.out;
        text.replace("\"engineer_cost_per_hour\": 85,", "\"engineer_cost_per_hour\": 95,");
        const QString path = m_dir.filePath(QStringLiteral("edited.json"));
        writeFile(path, text);
        return path;
    }

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("demo.db"));
        const auto demo =
            runEscdesk({"demo", "--db", m_db, "--tickets", "2000", "--end", "2026-10-15"});
        QCOMPARE(demo.exitCode, 0);
    }

    void malformedDraftFileIsRefusedWithItsPlace() {
        // Line 3 lacks the ':' after its key. The JSON parser stops just past
        // the token it did not expect: `  "schema_version" 2` has the 2 in
        // column 2 + 16 + 1 + 1 = 20, so the place reported is column 21.
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        writeFile(bad, "{\n  \"format\": \"escalation-desk-matrix\",\n  \"schema_version\" 2\n}\n");
        for (const QStringList& command : {QStringList{"matrix", "draft", "import", bad},
                                           QStringList{"matrix", "replay", bad}}) {
            const auto run = runEscdesk(with(command));
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(bad + QStringLiteral(":3:21: error: not valid JSON")),
                     qPrintable(run.err));
        }
        // The workspace is unchanged: still no draft.
        QCOMPARE(runEscdesk(with({"matrix", "draft", "diff"})).exitCode, 1);
    }

    void usageErrors() {
        QCOMPARE(runEscdesk(with({"matrix", "draft"})).exitCode, 2);
        QCOMPARE(runEscdesk(with({"matrix", "draft", "rewrite"})).exitCode, 2);
        QCOMPARE(runEscdesk(with({"matrix", "draft", "import"})).exitCode, 2);
        QCOMPARE(runEscdesk(with({"matrix", "draft", "diff", "--force"})).exitCode, 2);
        QCOMPARE(runEscdesk(with({"matrix", "replay"})).exitCode, 2);
        QCOMPARE(runEscdesk(with({"matrix", "export", "x.json", "--from", "2026-01-01"})).exitCode,
                 2);
    }

    void exportImportRoundTrip() {
        const QString edited = editedMatrixFile();
        QCOMPARE(runEscdesk(with({"matrix", "draft", "import", edited})).exitCode, 0);
        const QString back = m_dir.filePath(QStringLiteral("back.json"));
        QCOMPARE(runEscdesk(with({"matrix", "draft", "export", back})).exitCode, 0);
        QCOMPARE(readFile(back), readFile(edited));
        // The one edit is the one difference.
        const auto diff = runEscdesk(with({"matrix", "draft", "diff", "--json"}));
        QCOMPARE(diff.exitCode, 0);
        const QJsonArray differences = json(diff)[QStringLiteral("differences")].toArray();
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences[0]["text"].toString(),
                 QStringLiteral("Cost parameters: engineer cost per hour 85 → 95"));
        QCOMPARE(json(diff)[QStringLiteral("stale")].toBool(), false);
        QVERIFY(runEscdesk(with({"matrix", "draft", "diff"}))
                    .out.contains("Cost parameters: engineer cost per hour 85 → 95"));
        QCOMPARE(runEscdesk(with({"matrix", "draft", "discard"})).exitCode, 0);
    }

    void publishWritesOneEntryAndRefusesAStaleDraft() {
        const QString edited = editedMatrixFile();
        QCOMPARE(runEscdesk(with({"matrix", "draft", "import", edited})).exitCode, 0);
        const int before = historySize();
        const auto published =
            runEscdesk(with({"matrix", "draft", "publish", "--summary", "Engineer rate 2027"}));
        QCOMPARE(published.exitCode, 0);
        QCOMPARE(historySize(), before + 1);
        const QJsonArray changes =
            json(runEscdesk(with({"matrix", "history", "--json"})))["changes"].toArray();
        QCOMPARE(changes.last()["summary"].toString(), QStringLiteral("Engineer rate 2027"));
        QCOMPARE(changes.last()["section"].toString(), QStringLiteral("matrix"));
        QCOMPARE(runEscdesk(with({"matrix", "validate"})).exitCode, 0);         // chain intact
        QCOMPARE(runEscdesk(with({"matrix", "draft", "publish"})).exitCode, 1); // no draft now

        // A draft started, then the published matrix changes under it.
        QCOMPARE(runEscdesk(with({"matrix", "draft", "import", edited})).exitCode, 0);
        QByteArray other = readFile(edited);
        other.replace("\"recovery_minutes\": 23", "\"recovery_minutes\": 30");
        const QString otherPath = m_dir.filePath(QStringLiteral("other.json"));
        writeFile(otherPath, other);
        QCOMPARE(runEscdesk(with({"matrix", "import", otherPath})).exitCode, 0);
        const int afterImport = historySize();
        const auto stale = runEscdesk(with({"matrix", "draft", "publish"}));
        QCOMPARE(stale.exitCode, 1);
        QVERIFY2(stale.err.contains(QLatin1String("changed since the draft was started")),
                 qPrintable(stale.err));
        QCOMPARE(historySize(), afterImport);
        QCOMPARE(runEscdesk(with({"matrix", "draft", "publish", "--force"})).exitCode, 0);
        QCOMPARE(historySize(), afterImport + 1);
    }

    void replayJsonHasTheSpecShape() {
        const QString edited = editedMatrixFile();
        const QStringList period{"--from", "2026-09-01", "--to", "2026-10-01", "--tz", "UTC"};
        const auto run =
            runEscdesk(with(QStringList{"matrix", "replay", edited, "--json"} + period));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject replay = json(run);
        QCOMPARE(sortedKeys(replay), (QStringList{"changed_tickets", "draft", "flagged_earlier",
                                                  "period", "published"}));
        QCOMPARE(replay["period"]["from"].toString(), QStringLiteral("2026-09-01"));
        for (const char* side : {"published", "draft"}) {
            const QJsonObject s = replay[QLatin1String(side)].toObject();
            QCOMPARE(sortedKeys(s), (QStringList{"engineering", "sla"}));
            QCOMPARE(sortedKeys(s["sla"].toObject()),
                     (QStringList{"claim", "first_response", "resolution"}));
            QCOMPARE(sortedKeys(s["sla"]["claim"].toObject()),
                     (QStringList{"breach_rate", "breached", "met"}));
            QCOMPARE(sortedKeys(s["engineering"].toObject()),
                     (QStringList{"engineer_hours", "escalations"}));
        }
        // Only the engineer's hourly rate changed: the rules and SLA
        // targets are the same, so no ticket is treated differently and the
        // two sides' SLA results and hours are equal.
        QCOMPARE(replay["changed_tickets"].toArray().size(), 0);
        QCOMPARE(replay["flagged_earlier"].toArray().size(), 0);
        QCOMPARE(replay["draft"]["sla"].toObject(), replay["published"]["sla"].toObject());
        QCOMPARE(replay["draft"]["engineering"].toObject(),
                 replay["published"]["engineering"].toObject());
        QVERIFY(replay["published"]["engineering"]["escalations"].toInt() > 0);

        // `draft` means the stored draft: none now.
        QCOMPARE(runEscdesk(with({"matrix", "replay", "draft"})).exitCode, 1);
        QCOMPARE(runEscdesk(with({"matrix", "draft", "import", edited})).exitCode, 0);
        const auto stored =
            runEscdesk(with(QStringList{"matrix", "replay", "draft", "--json"} + period));
        QCOMPARE(stored.exitCode, 0);
        QCOMPARE(json(stored), replay);
        const auto text = runEscdesk(with(QStringList{"matrix", "replay", "draft"} + period));
        QVERIFY(text.out.contains("SLA results"));
        QVERIFY(text.out.contains("Engineering load"));
    }
};

QTEST_GUILESS_MAIN(TestCliMatrixDraft)
#include "tst_cli_matrix_draft.moc"

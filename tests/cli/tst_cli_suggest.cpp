// `escdesk matrix suggest` as a user runs it on the hand-laid history of
// support/SuggestionHistory.h: the JSON shape, the figures worked out in
// tst_suggested_rules, the text form, adopting one into the draft and the
// usage errors.

#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"
#include "store/Workspace.h"
#include "support/CliRun.h"
#include "support/SuggestionHistory.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using testsupport::json;
using testsupport::runEscdesk;

namespace {

QStringList sortedKeys(const QJsonObject& object) {
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestCliSuggest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QStringList suggest(const QStringList& extra) {
        return QStringList{QStringLiteral("matrix"), QStringLiteral("suggest"),
                           QStringLiteral("--db"),   m_db,
                           QStringLiteral("--tz"),   QStringLiteral("UTC")} +
               extra;
    }

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("history.escdesk"));
        store::Workspace workspace(m_db);
        testsupport::writeSuggestionHistory(workspace.db());
    }

    // The best suggestion, hand-counted (tst_suggested_rules): priority High
    // matches H1 H2 H3 H6 H8 of the held-out months, H1 H2 H6 escalated:
    // precision 3/5, recall 3/4 of the 4 escalated; in training T1 T2 T5 T6
    // T8, 4 escalated: 4/5, 4/4. The default rules already send H2 (“payment
    // failed”) and H8 (“refund”) to Tier 3 or higher: overlap 2/5.
    void jsonHasTheShapeAndTheHandCountedFigures() {
        const testsupport::CliRun run = runEscdesk(
            suggest({QStringLiteral("--json"), QStringLiteral("--min-support"), QStringLiteral("2"),
                     QStringLiteral("--limit"), QStringLiteral("3")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject result = json(run);
        QCOMPARE(sortedKeys(result), QStringList({"candidates", "covered_by_published", "held_out",
                                                  "held_out_from", "holdout_months", "min_support",
                                                  "problem", "score", "suggestions", "training"}));
        QCOMPARE(result.value("holdout_months").toInt(), 2);
        QCOMPARE(result.value("held_out_from").toString(), QStringLiteral("2026-10"));
        QCOMPARE(result.value("min_support").toInt(), 2);
        QCOMPARE(result.value("score").toString(), QStringLiteral("training_f1"));
        QVERIFY(result.value("problem").isNull());
        QCOMPARE(result.value("held_out").toObject(),
                 QJsonObject({{"tickets", 10}, {"escalated", 4}}));
        QCOMPARE(result.value("training").toObject(),
                 QJsonObject({{"tickets", 10}, {"escalated", 4}}));
        const QJsonArray suggestions = result.value("suggestions").toArray();
        QCOMPARE(suggestions.size(), 3);
        const QJsonObject best = suggestions.at(0).toObject();
        QCOMPARE(sortedKeys(best),
                 QStringList({"action", "conditions", "escalated", "name", "overlap_checked",
                              "precision", "priority", "published_overlap", "recall", "score",
                              "support", "target_tier", "training"}));
        QCOMPARE(best.value("name").toString(), QStringLiteral("Priority is High"));
        QCOMPARE(best.value("conditions").toArray(),
                 QJsonArray({QJsonObject{
                     {"field", "priority"}, {"operator", "equals"}, {"value", "High"}}}));
        QCOMPARE(best.value("precision").toDouble(), 0.6);
        QCOMPARE(best.value("recall").toDouble(), 0.75);
        QCOMPARE(best.value("support").toInt(), 5);
        QCOMPARE(best.value("escalated").toInt(), 3);
        QCOMPARE(best.value("target_tier").toInt(), 3);
        QCOMPARE(best.value("priority").toString(), QStringLiteral("High"));
        QCOMPARE(best.value("published_overlap").toDouble(), 0.4);
        QCOMPARE(
            best.value("training").toObject(),
            QJsonObject({{"precision", 0.8}, {"recall", 1.0}, {"support", 5}, {"escalated", 4}}));
        // F1 of 0.8 and 1: 2·0.8·1 / 1.8.
        QCOMPARE(best.value("score").toDouble(), 2 * 0.8 / 1.8);
        QCOMPARE(suggestions.at(1).toObject().value("name").toString(),
                 QStringLiteral("Priority is High and product area is Billing"));
    }

    void textNamesEachSuggestionWithItsFigures() {
        const testsupport::CliRun run =
            runEscdesk(suggest({QStringLiteral("--min-support"), QStringLiteral("2"),
                                QStringLiteral("--limit"), QStringLiteral("1")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QStringLiteral("1. Priority is High")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("precision 60.0%, recall 75.0%")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("2. ")));
    }

    // With the default minimum support (20) the small history has nothing to suggest.
    void tooFewTicketsSuggestNothing() {
        const testsupport::CliRun run = runEscdesk(suggest({QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run).value("suggestions").toArray().size(), 0);
    }

    // --adopt N puts suggestion N into the draft (started from the published
    // matrix: its 8 default rules), before the rule without conditions:
    // “Priority is High” becomes rule 8 of 9; the published matrix keeps its
    // 8. Adopting it again is refused; suggestion 2 then goes to index 8
    // (0-based), before the catch-all again.
    void adoptAddsTheSuggestionToTheDraft() {
        const QString copy = m_dir.filePath(QStringLiteral("adopt.escdesk"));
        QVERIFY(QFile::copy(m_db, copy));
        auto adopt = [&](const QStringList& extra) {
            return runEscdesk(QStringList{QStringLiteral("matrix"), QStringLiteral("suggest"),
                                          QStringLiteral("--db"), copy, QStringLiteral("--tz"),
                                          QStringLiteral("UTC"), QStringLiteral("--min-support"),
                                          QStringLiteral("2")} +
                              extra);
        };
        const testsupport::CliRun first = adopt({QStringLiteral("--adopt"), QStringLiteral("1")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains("Added “Priority is High” to the draft matrix as severity "
                                    "rule 8 of 9"),
                 first.out.constData());
        {
            store::Workspace workspace(copy);
            const auto draft = matrix::loadDraft(workspace.db());
            QVERIFY(draft);
            QCOMPARE(draft->matrix.rules.size(), std::size_t(9));
            const matrix::SeverityRule& added = draft->matrix.rules[7];
            QCOMPARE(added.name, QStringLiteral("Priority is High"));
            QCOMPARE(added.targetTier, 3);
            QCOMPARE(added.conditions,
                     std::vector<matrix::Condition>(
                         {{QStringLiteral("priority"), matrix::ConditionOperator::Equals,
                           QStringLiteral("High")}}));
            QVERIFY(draft->matrix.rules[8].conditions.empty());
            QCOMPARE(matrix::loadMatrix(workspace.db()).rules.size(), std::size_t(8));
        }
        const testsupport::CliRun again = adopt({QStringLiteral("--adopt"), QStringLiteral("1")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already has a rule")), qPrintable(again.err));
        const testsupport::CliRun missing =
            adopt({QStringLiteral("--adopt"), QStringLiteral("99")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("there are 7 suggestions")),
                 qPrintable(missing.err));
        const testsupport::CliRun second =
            adopt({QStringLiteral("--adopt"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(json(second).value("adopted").toObject(),
                 QJsonObject({{"suggestion", 2},
                              {"name", "Priority is High and product area is Billing"},
                              {"rule_index", 8}}));
        QCOMPARE(json(second).value("suggestions").toArray().size(), 7);
    }

    void badOptionsAreUsageErrors() {
        for (const QStringList& extra :
             {QStringList{QStringLiteral("--holdout-months"), QStringLiteral("0")},
              QStringList{QStringLiteral("--adopt"), QStringLiteral("0")},
              QStringList{QStringLiteral("--limit"), QStringLiteral("many")},
              QStringList{QStringLiteral("extra")}}) {
            const testsupport::CliRun run = runEscdesk(suggest(extra));
            QCOMPARE(run.exitCode, 2);
            QVERIFY(!run.err.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSuggest)
#include "tst_cli_suggest.moc"

// A draft of the escalation matrix beside the published one (#22): stored
// with who started and last saved it and the change-log head it is based on;
// published as exactly one change-log entry with the chain intact; refused
// when invalid or when the published matrix changed since (unless forced);
// discarded without touching the published matrix. And the readable diff of
// two matrices, on a pair whose differences are listed by hand.

#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixDiff.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;
using namespace escdesk::store;

namespace {

constexpr UtcSeconds started = 1'800'000'000;
constexpr UtcSeconds saved = 1'800'003'600;
constexpr UtcSeconds published = 1'800'007'200;

SeverityRule& ruleNamed(Matrix& matrix, const char* name) {
    for (SeverityRule& rule : matrix.rules) {
        if (rule.name == QLatin1String(name)) {
            return rule;
        }
    }
    qFatal("no rule %s", name);
}

sla::SlaPolicy& policyOf(Matrix& matrix, const char* tier, const char* priority) {
    return *const_cast<sla::SlaPolicy*>(
        matrix.policyFor(QLatin1String(tier), QLatin1String(priority)));
}

} // namespace

class TestMatrixDraft : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("w%1.db").arg(++m_files)); }

    static std::size_t logSize(Workspace& workspace) {
        return readMatrixChanges(workspace.db()).size();
    }

private slots:
    void aNewWorkspaceHasNoDraft() {
        Workspace workspace(newPath());
        QVERIFY(!loadDraft(workspace.db()));
        QVERIFY(!discardDraft(workspace.db()));
        QCOMPARE(publishDraft(workspace.db(), QStringLiteral("dana"), QString(), published).status,
                 PublishResult::Status::NoDraft);
    }

    void draftKeepsItsStartAndBaseAcrossSaves() {
        Workspace workspace(newPath());
        // The seeded defaults are 7 entries, one per section; the draft is
        // based on the newest of them.
        const QString head = readMatrixChanges(workspace.db()).back().hash;
        Matrix matrix = loadMatrix(workspace.db());
        matrix.cost.engineerCostPerHour = 120;
        saveDraft(workspace.db(), matrix, QStringLiteral("dana"), started);
        matrix.cost.agentCostPerHour = 50;
        saveDraft(workspace.db(), matrix, QStringLiteral("lee"), saved);

        const auto draft = loadDraft(workspace.db());
        QVERIFY(draft);
        QCOMPARE(draft->matrix, matrix);
        QCOMPARE(draft->startedBy, QStringLiteral("dana"));
        QCOMPARE(draft->startedAt, started);
        QCOMPARE(draft->savedBy, QStringLiteral("lee"));
        QCOMPARE(draft->savedAt, saved);
        QCOMPARE(draft->baseHash, head);
        QVERIFY(!draftIsStale(workspace.db(), *draft));
        // Drafting leaves the published matrix and its log alone.
        QCOMPARE(loadMatrix(workspace.db()).cost.engineerCostPerHour, 85.0);
        QCOMPARE(logSize(workspace), std::size_t(7));
        // At most one draft per workspace.
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM matrix_drafts"), 1);
    }

    void publishingWritesExactlyOneChangeLogEntry() {
        Workspace workspace(newPath());
        Matrix matrix = loadMatrix(workspace.db());
        // Two sections change: severity rules and SLA policies.
        ruleNamed(matrix, "VIP account").targetTier = 3;
        policyOf(matrix, "Enterprise", "High").resolutionMin = 720;
        saveDraft(workspace.db(), matrix, QStringLiteral("dana"), started);

        const PublishResult result = publishDraft(workspace.db(), QStringLiteral("lee"),
                                                  QStringLiteral("VIP to engineering"), published);
        QCOMPARE(result.status, PublishResult::Status::Published);
        // 7 seeded entries + exactly one for the publication = 8.
        const auto changes = readMatrixChanges(workspace.db());
        QCOMPARE(changes.size(), std::size_t(8));
        QCOMPARE(result.changeId, std::optional<std::int64_t>(8));
        const MatrixChange& entry = changes.back();
        QCOMPARE(entry.section, wholeMatrixSection);
        QCOMPARE(entry.author, QStringLiteral("lee"));
        QCOMPARE(entry.changedAt, published);
        QCOMPARE(entry.summary, QStringLiteral("VIP to engineering"));
        // Before and after hold the two changed sections, nothing else.
        const QJsonObject after = QJsonDocument::fromJson(entry.after.toUtf8()).object();
        QCOMPARE(after.keys(), (QStringList{"severity_rules", "sla_policies"}));
        const QJsonObject before = QJsonDocument::fromJson(entry.before.toUtf8()).object();
        QCOMPARE(before.keys(), (QStringList{"severity_rules", "sla_policies"}));
        QVERIFY(verifyChangeChain(workspace.db()).intact);
        QCOMPARE(entry.previousHash, changes[6].hash);

        QCOMPARE(loadMatrix(workspace.db()), matrix);
        QVERIFY(!loadDraft(workspace.db()));
    }

    void staleDraftIsRefusedUnlessForced() {
        Workspace workspace(newPath());
        Matrix draft = loadMatrix(workspace.db());
        draft.cost.engineerCostPerHour = 120;
        saveDraft(workspace.db(), draft, QStringLiteral("dana"), started);
        // Meanwhile someone changes the published matrix: entry 8.
        Matrix meanwhile = loadMatrix(workspace.db());
        meanwhile.cost.recoveryMinutes = 30;
        saveMatrix(workspace.db(), meanwhile, QStringLiteral("kim"), QString(), saved);
        QVERIFY(draftIsStale(workspace.db(), *loadDraft(workspace.db())));

        const PublishResult refused =
            publishDraft(workspace.db(), QStringLiteral("dana"), QString(), published);
        QCOMPARE(refused.status, PublishResult::Status::Stale);
        QVERIFY(refused.message.contains(QLatin1String("changed since the draft was started")));
        // Nothing written: the log still ends at entry 8, the draft is kept.
        QCOMPARE(logSize(workspace), std::size_t(8));
        QCOMPARE(loadMatrix(workspace.db()), meanwhile);
        QVERIFY(loadDraft(workspace.db()));

        const PublishResult forced =
            publishDraft(workspace.db(), QStringLiteral("dana"), QString(), published, true);
        QCOMPARE(forced.status, PublishResult::Status::Published);
        QCOMPARE(logSize(workspace), std::size_t(9));
        // The draft wins whole: its recovery minutes (23) replace kim's 30.
        QCOMPARE(loadMatrix(workspace.db()), draft);
        QCOMPARE(readMatrixChanges(workspace.db()).back().summary,
                 QStringLiteral("Draft published"));
        QVERIFY(verifyChangeChain(workspace.db()).intact);
    }

    void invalidDraftIsRefused() {
        Workspace workspace(newPath());
        Matrix draft = loadMatrix(workspace.db());
        draft.tiers[1].owner.clear(); // SPEC §5: every tier an owner
        saveDraft(workspace.db(), draft, QStringLiteral("dana"), started);
        const PublishResult result =
            publishDraft(workspace.db(), QStringLiteral("dana"), QString(), published, true);
        QCOMPARE(result.status, PublishResult::Status::Invalid);
        QVERIFY(hasErrors(result.issues));
        QCOMPARE(logSize(workspace), std::size_t(7));
        QCOMPARE(loadDraft(workspace.db())->matrix, draft); // kept, to be fixed
    }

    void draftEqualToThePublishedMatrixWritesNothing() {
        Workspace workspace(newPath());
        saveDraft(workspace.db(), loadMatrix(workspace.db()), QStringLiteral("dana"), started);
        QCOMPARE(publishDraft(workspace.db(), QStringLiteral("dana"), QString(), published).status,
                 PublishResult::Status::Unchanged);
        QCOMPARE(logSize(workspace), std::size_t(7));
        QVERIFY(!loadDraft(workspace.db()));
    }

    void discardLeavesThePublishedMatrix() {
        Workspace workspace(newPath());
        const Matrix before = loadMatrix(workspace.db());
        Matrix draft = before;
        draft.rules.pop_back();
        const MatrixDraft fresh = loadOrStartDraft(workspace.db(), QStringLiteral("dana"), started);
        QCOMPARE(fresh.matrix, before); // a new draft starts as the published matrix
        saveDraft(workspace.db(), draft, QStringLiteral("dana"), saved);
        QVERIFY(discardDraft(workspace.db()));
        QVERIFY(!loadDraft(workspace.db()));
        QCOMPARE(loadMatrix(workspace.db()), before);
        QCOMPARE(logSize(workspace), std::size_t(7));
    }

    // The known pair: the defaults, and the same with one change of each
    // kind. Expected lines written from the changes made, in the diff's
    // order (section order; within a section removals first, then the
    // changed and added items in the order of the second matrix).
    void diffOfAKnownPair() {
        const Matrix before = defaultMatrix(QStringLiteral("Europe/Berlin"));
        Matrix after = before;
        after.tiers[1].owner = QStringLiteral("Sam Ortiz");
        ruleNamed(after, "System-wide outage").targetTier = 2;
        ruleNamed(after, "System-wide outage")
            .conditions.push_back({QStringLiteral("account_tier"), ConditionOperator::Equals,
                                   QStringLiteral("Enterprise")});
        policyOf(after, "SMB", "Low").resolutionMin = 2880;
        sla::Holiday boxingDay;
        boxingDay.kind = sla::Holiday::Kind::Yearly;
        boxingDay.name = QStringLiteral("Boxing Day");
        boxingDay.month = 12;
        boxingDay.day = 26;
        after.calendars[0].holidays.push_back(boxingDay);
        after.calendars[0].week[4] = {{9 * 3600, 15 * 3600}}; // Friday closes at 15:00
        after.taxonomy.erase(after.taxonomy.begin());         // Product Bug
        after.cost.recoveryMinutes = 30;

        const auto differences = diffMatrices(before, after);
        QStringList lines;
        for (const MatrixDifference& difference : differences) {
            lines << differenceText(difference);
        }
        const QString productBugAction = before.taxonomy[0].recommendedAction;
        QCOMPARE(lines,
                 (QStringList{
                     QStringLiteral("Tier 2: owner Technical support lead → Sam Ortiz"),
                     QStringLiteral("Rule “System-wide outage”: target tier 3 → 2"),
                     QStringLiteral("Rule “System-wide outage”: condition 2 added: account_tier "
                                    "equals “Enterprise”"),
                     QStringLiteral("SLA policy SMB × Low: resolution 1440 min → 2880 min"),
                     QStringLiteral("Calendar “Business hours”: Friday 09:00–17:00 → "
                                    "09:00–15:00"),
                     QStringLiteral("Calendar “Business hours”: holiday added: Boxing Day "
                                    "(every 26 December)"),
                     QStringLiteral("Root cause “Product Bug” removed (was: recommended action: "
                                    "%1; avoidable: no)")
                         .arg(productBugAction),
                     QStringLiteral("Cost parameters: recovery minutes 23 → 30"),
                 }));
        QCOMPARE(differences[1].section, MatrixSection::SeverityRules);
        QCOMPARE(differences[1].kind, MatrixDifference::Kind::Changed);
        QCOMPARE(differences[1].before, QStringLiteral("3"));
        QCOMPARE(differences[1].after, QStringLiteral("2"));
        QCOMPARE(differences[5].kind, MatrixDifference::Kind::Added);

        // Grouped under section headings for reading.
        const QString text = diffText(differences);
        QVERIFY(text.startsWith(QLatin1String("Tiers\n  Tier 2: owner")));
        QVERIFY(text.contains(QStringLiteral("\n\nSeverity rules\n  Rule “System-wide outage”")));
        QCOMPARE(diffText(diffMatrices(before, before)), QStringLiteral("No differences.\n"));
        QCOMPARE(diffJson(differences).size(), 8);
        QCOMPARE(diffJson(differences)[3].toObject()[QStringLiteral("section")].toString(),
                 QStringLiteral("sla_policies"));
    }

    void reorderedRulesAreReported() {
        const Matrix before = defaultMatrix(QStringLiteral("UTC"));
        Matrix after = before;
        // Moving "Payment failure" (2nd) to the top swaps the first two places.
        std::swap(after.rules[0], after.rules[1]);
        QStringList lines;
        for (const MatrixDifference& difference : diffMatrices(before, after)) {
            lines << differenceText(difference);
        }
        QCOMPARE(lines, (QStringList{QStringLiteral("Rule “Payment failure”: position 2 → 1"),
                                     QStringLiteral("Rule “System-wide outage”: position 1 → 2")}));
    }
};

QTEST_GUILESS_MAIN(TestMatrixDraft)
#include "tst_matrix_draft.moc"

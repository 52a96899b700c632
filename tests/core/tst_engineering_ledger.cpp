// The engineering-time ledger, cost per root cause and the matrix marks
// behind them (#21), on a small workspace worked out by hand.
//
// Window W = [2026-11-02, 2026-11-09) UTC, 7 days. The default matrix:
// Tier 3 is engineering; Configuration, User Error, Feature Gap and
// Documentation Gap are avoidable. Cost parameters: agent 40/h, engineer
// 90/h, interruption 15 min + recovery 15 min = 0.5 engineer hours per
// escalation to engineering (45 per escalation).
// Known issues:
//   KI-1 Integrations, "webhook, signature", workaround, KB article
//   KI-2 Billing, "invoice, duplicate charge", no workaround, no KB article
//   KI-3 any area, "sso, login loop", workaround, no KB article
// Tickets (root cause / area, subject; escalations as from→to; handle time):
//   E1 Configuration / Settings, "Settings page blank": 1→2, 2→3; 60 min
//      → 1 to engineering; avoidable: root cause
//   E2 Product Bug / Integrations, "Webhook signature rejected": 1→3; 30 min
//      → 1; avoidable: KI-1 has a workaround
//   E3 Product Bug / Billing, "Checkout crash": 1→2, 2→3, bounced 3→2,
//      2→3 again; 90 min → 2; the first avoidable: bounced back
//   E4 User Error / Reporting, "SSO login loop in reports": 1→3, bounced;
//      no handle time → 1; avoidable for all three reasons
//   E5 Infrastructure / Platform, "Outage in EU": 1→2; 45 min → none
//   E6 Feature Gap / Reporting, "Export to PDF": 1→4 (Management, above
//      Tier 3, as the metric counts it); 15 min → 1; avoidable: root cause
//   E7 Product Bug, not escalated; 10 min
//   E8 Product Bug, created two days before W, 2→3 inside W → not counted
//      (the metric's population is the tickets created in W)
//   E9 Product Bug / Billing, "Refund stuck", created in W, 1→3 a day after
//      W ends; 20 min → 1 (created in W); no reason
// Ledger: 7 escalations to engineering (E1, E2, E3 ×2, E4, E6, E9); 3.5
// engineer hours; cost 315. Avoidable: E1, E2, E3's first, E4, E6 = 5
// (2.5 h), share 5/7. By reason (E4 under each of its three): root cause
// E1, E4, E6 = 3; known issue with a workaround E2, E4 = 2; bounced back
// E3's first, E4 = 2. Annualised: 3.5 × 365 / 7 = 182.5 h; 315 × 365 / 7 =
// 16,425.
// Cost per root cause (escalated tickets created in W: E1–E6, E9; 6 with a
// handle time, 260 min, mean 260/6 min; E4 priced at that mean):
//   Configuration   60 min → 40.00 + 1 × 45 = 85.00
//   Product Bug    140 min → 93.33 + 4 × 45 = 273.33 (E2 1, E3 2, E9 1)
//   User Error   260/6 min → 28.89 + 1 × 45 = 73.89
//   Infrastructure  45 min → 30.00            = 30.00
//   Feature Gap     15 min → 10.00 + 1 × 45 = 55.00
// Handling 202.22 (= 7 × 260/6 / 60 × 40), engineering 315, total 517.22.

#include "analysis/EngineeringLedger.h"
#include "analysis/RootCauseCosts.h"
#include "analysis/RootCauses.h"
#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixFile.h"
#include "matrix/MatrixStore.h"
#include "matrix/MatrixValidation.h"
#include "metrics/OutcomeStore.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();
const UtcSeconds W = QDateTime(QDate(2026, 11, 2), QTime(0, 0), utc).toSecsSinceEpoch();
const Window week{W, W + 7 * 86400};
constexpr UtcSeconds hour = 3600;

struct Hop {
    EventKind kind;
    int from;
    int to;
    UtcSeconds after; // seconds after creation
};

struct Spec {
    const char* id;
    const char* rootCause;
    const char* productArea;
    const char* subject;
    UtcSeconds createdAt;
    std::optional<double> handleMin;
    std::vector<Hop> hops;
};

matrix::Matrix ledgerMatrix() {
    matrix::Matrix m = matrix::defaultMatrix(QStringLiteral("UTC"));
    m.cost = matrix::CostParameters{QStringLiteral("USD"), 40.0, 90.0, 15.0, 15.0};
    return m;
}

void build(Workspace& workspace) {
    matrix::saveMatrix(workspace.db(), ledgerMatrix(), QStringLiteral("test"),
                       QStringLiteral("ledger rates"), W - 30 * 86400);
    Transaction transaction(workspace.db());
    DataWriter writer(workspace.db());
    auto issue = [&](const char* id, const char* area, const char* keywords, const char* fix,
                     const char* kb) {
        KnownIssue k;
        k.issueId = QString::fromLatin1(id);
        k.title = k.issueId + QStringLiteral(" title");
        k.productArea = QString::fromLatin1(area);
        k.keywords = QString::fromLatin1(keywords);
        k.workaround = QString::fromLatin1(fix);
        k.kbArticle = QString::fromLatin1(kb);
        writer.insertKnownIssue(k);
    };
    issue("KI-1", "Integrations", "webhook, signature", "Pin API v2.2", "KB-101");
    issue("KI-2", "Billing", "invoice, duplicate charge", "", "");
    issue("KI-3", "", "sso, login loop", "Clear cookies", "");

    const auto E = EventKind::Escalated;
    const auto B = EventKind::Bounced;
    const std::vector<Spec> tickets{
        {"E1",
         "Configuration",
         "Settings",
         "Settings page blank",
         W + hour,
         60.0,
         {{E, 1, 2, 600}, {E, 2, 3, 1200}}},
        {"E2",
         "Product Bug",
         "Integrations",
         "Webhook signature rejected",
         W + 2 * hour,
         30.0,
         {{E, 1, 3, 600}}},
        {"E3",
         "Product Bug",
         "Billing",
         "Checkout crash",
         W + 3 * hour,
         90.0,
         {{E, 1, 2, 600}, {E, 2, 3, 1200}, {B, 3, 2, 1800}, {E, 2, 3, 2400}}},
        {"E4",
         "User Error",
         "Reporting",
         "SSO login loop in reports",
         W + 4 * hour,
         std::nullopt,
         {{E, 1, 3, 600}, {B, 3, 1, 1200}}},
        {"E5", "Infrastructure", "Platform", "Outage in EU", W + 5 * hour, 45.0, {{E, 1, 2, 600}}},
        {"E6", "Feature Gap", "Reporting", "Export to PDF", W + 6 * hour, 15.0, {{E, 1, 4, 600}}},
        {"E7", "Product Bug", "Billing", "Question about an invoice", W + 7 * hour, 10.0, {}},
        {"E8",
         "Product Bug",
         "Billing",
         "Old crash",
         W - 2 * 86400,
         25.0,
         {{E, 2, 3, 2 * 86400 + 600}}},
        {"E9",
         "Product Bug",
         "Billing",
         "Refund stuck",
         W + 8 * hour,
         20.0,
         {{E, 1, 3, 8 * 86400}}},
    };
    for (const Spec& spec : tickets) {
        Ticket t;
        t.ticketId = QString::fromLatin1(spec.id);
        t.createdAt = spec.createdAt;
        t.rootCause = QString::fromLatin1(spec.rootCause);
        t.productArea = QString::fromLatin1(spec.productArea);
        t.subject = QString::fromLatin1(spec.subject);
        t.handleTimeMin = spec.handleMin;
        t.tier = 1;
        for (const Hop& hop : spec.hops) {
            t.tier = std::max(*t.tier, hop.to);
        }
        const auto row = writer.insertTicket(t);
        for (const Hop& hop : spec.hops) {
            TicketEvent e;
            e.kind = hop.kind;
            e.occurredAt = t.createdAt + hop.after;
            e.fromTier = hop.from;
            e.toTier = hop.to;
            writer.insertEvent(row, e);
        }
    }
    transaction.commit();
}

const UtcSeconds asOf = W + 60 * 86400;

QByteArray withoutMarks(QByteArray file) {
    file.replace("\"schema_version\": 3", "\"schema_version\": 1");
    QString text = QString::fromUtf8(file);
    text.remove(QRegularExpression(QStringLiteral(",\\s*\"engineering\": (true|false)")));
    text.remove(QRegularExpression(QStringLiteral(",\\s*\"avoidable\": (true|false)")));
    text.remove(QRegularExpression(QStringLiteral("\"avoidable\": (true|false),\\s*")));
    text.remove(QRegularExpression(QStringLiteral("\"engineering\": (true|false),\\s*")));
    return text.toUtf8();
}

} // namespace

class TestEngineeringLedger : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    EngineeringLedger m_ledger;

    QString path() const { return m_dir.filePath(QStringLiteral("ledger.db")); }

private slots:
    void initTestCase() {
        Workspace workspace(path());
        build(workspace);
        m_ledger =
            engineeringLedger(workspace.db(), week, 7, matrix::loadMatrix(workspace.db()), asOf);
    }

    void countsAndHours() {
        QCOMPARE(m_ledger.engineeringLevel, std::optional<int>(3));
        QCOMPARE(m_ledger.escalations, 7);
        QCOMPARE(m_ledger.hoursPerEscalation, 0.5);
        QCOMPARE(m_ledger.engineerHours, 3.5);
        QCOMPARE(m_ledger.cost, 315.0);
    }

    void avoidableShareCountsEachEscalationOnce() {
        QCOMPARE(m_ledger.avoidable.escalations, 5);
        QCOMPARE(m_ledger.avoidable.engineerHours, 2.5);
        QVERIFY(qFuzzyCompare(*m_ledger.avoidableShare, 5.0 / 7.0));
    }

    void byReasonCountsEveryReason() {
        const auto& r = m_ledger.byReason;
        QCOMPARE(r.at(AvoidableReason::RootCause).escalations, 3);
        QCOMPARE(r.at(AvoidableReason::RootCause).engineerHours, 1.5);
        QCOMPARE(r.at(AvoidableReason::KnownIssueWorkaround).escalations, 2);
        QCOMPARE(r.at(AvoidableReason::KnownIssueWorkaround).engineerHours, 1.0);
        QCOMPARE(r.at(AvoidableReason::BouncedBack).escalations, 2);
        QCOMPARE(r.at(AvoidableReason::BouncedBack).engineerHours, 1.0);
        // E4 has all three reasons: 3 + 2 + 2 = 7 reasons over 5 escalations.
        std::int64_t reasons = 0;
        for (const auto& [reason, figures] : r) {
            reasons += figures.escalations;
        }
        QCOMPARE(reasons, 7);
        // Product Bug: E2 (known issue) and E3's bounced escalation.
        QCOMPARE(m_ledger.avoidableByRootCause.front(),
                 (std::pair<QString, std::int64_t>{QStringLiteral("Product Bug"), 2}));
    }

    void annualisedAtTheCurrentRate() {
        QCOMPARE(m_ledger.annualisedEngineerHours, 182.5);
        QCOMPARE(m_ledger.annualisedCost, 16425.0);
        QVERIFY(qFuzzyCompare(m_ledger.avoidableAnnualisedEngineerHours, 2.5 * 365.0 / 7.0));
        QVERIFY(annualisedSentence(m_ledger).contains(QLatin1String("183 engineer hours")));
        QVERIFY(annualisedSentence(m_ledger).contains(QLatin1String("16,425 USD a year")));
    }

    void costAgreesWithTheMetric() {
        Workspace workspace(path());
        const metrics::Metrics m = metrics::metricsOfWindow(workspace.db(), week, asOf);
        QVERIFY(m.costEngineeringInterruptions.has_value());
        QCOMPARE(*m.costEngineeringInterruptions, 315.0);
        // One number, one value: exactly, not just close.
        QCOMPARE(m_ledger.cost, *m.costEngineeringInterruptions);
        QCOMPARE(m_ledger.engineerHours * m_ledger.engineerCostPerHour,
                 *m.costEngineeringInterruptions);
    }

    void anotherEngineeringTierCountsFromIt() {
        // Tier 2 marked instead: every escalation landing on 2 or above of
        // tickets created in W: E1 2, E2 1, E3 3, E4 1, E5 1, E6 1, E9 1.
        Workspace workspace(path());
        matrix::Matrix m = matrix::loadMatrix(workspace.db());
        for (matrix::TierDefinition& tier : m.tiers) {
            tier.engineering = tier.level == 2;
        }
        const EngineeringLedger ledger = engineeringLedger(workspace.db(), week, 7, m, asOf);
        QCOMPARE(ledger.escalations, 10);
        QCOMPARE(ledger.engineerHours, 5.0);
        for (matrix::TierDefinition& tier : m.tiers) {
            tier.engineering = false;
        }
        const EngineeringLedger none = engineeringLedger(workspace.db(), week, 7, m, asOf);
        QVERIFY(!none.engineeringLevel);
        QCOMPARE(none.escalations, 0);
        QVERIFY(!none.avoidableShare);
    }

    void costPerRootCause() {
        Workspace workspace(path());
        const RootCauseCosts costs = rootCauseCosts(workspace.db(), week, asOf);
        QCOMPARE(costs.causes.size(), std::size_t(5));
        QCOMPARE(costs.causes[0].rootCause, QStringLiteral("Product Bug"));
        QVERIFY(qFuzzyCompare(costs.causes[0].handling, 140.0 / 60.0 * 40.0));
        QCOMPARE(costs.causes[0].engineering, 180.0);
        QCOMPARE(costs.causes[0].escalatedTickets, 3);
        QVERIFY(qFuzzyCompare(*costs.costOf(QStringLiteral("Configuration")), 85.0));
        QVERIFY(qFuzzyCompare(*costs.costOf(QStringLiteral("User Error")),
                              260.0 / 6.0 / 60.0 * 40.0 + 45.0));
        QVERIFY(qFuzzyCompare(*costs.costOf(QStringLiteral("Infrastructure")), 30.0));
        QVERIFY(qFuzzyCompare(*costs.costOf(QStringLiteral("Feature Gap")), 55.0));
        QVERIFY(costs.handlingMeasured);
    }

    void costsPerRootCauseAddUpToTheWindowsCost() {
        Workspace workspace(path());
        const RootCauseCosts costs = rootCauseCosts(workspace.db(), week, asOf);
        const metrics::Metrics m = metrics::metricsOfWindow(workspace.db(), week, asOf);
        const double total = *m.costEscalationHandling + *m.costEngineeringInterruptions;
        QVERIFY(qFuzzyCompare(total, 7.0 * 260.0 / 6.0 / 60.0 * 40.0 + 315.0));
        double sum = 0.0;
        for (const RootCauseCost& cause : costs.causes) {
            sum += cause.total();
        }
        QVERIFY(qFuzzyCompare(sum, total));
        QVERIFY(qFuzzyCompare(costs.handling, *m.costEscalationHandling));
        QCOMPARE(costs.engineering, *m.costEngineeringInterruptions);
    }

    void knownIssueWithoutArticleIsADocumentationGap() {
        // In W: E4 matches KI-3 (no KB article) → a gap of User Error;
        // E2 matches KI-1, which has one → none.
        Workspace workspace(path());
        const RootCauseAnalysis causes =
            analyseRootCauses(workspace.db(), week, matrix::loadMatrix(workspace.db()).taxonomy);
        for (const RootCauseRow& row : causes.rows) {
            const std::int64_t expected = row.rootCause == QLatin1String("User Error") ? 1 : 0;
            QCOMPARE(row.documentationGaps, expected);
        }
    }

    void marksRoundTripThroughTheExchangeFile() {
        matrix::Matrix m = ledgerMatrix();
        for (matrix::TierDefinition& tier : m.tiers) {
            tier.engineering = tier.level == 2;
        }
        m.taxonomy[0].avoidable = true; // Product Bug
        const QByteArray file = matrix::writeMatrixFile(m);
        QVERIFY(file.contains("\"schema_version\": 3"));
        QVERIFY(file.contains("\"engineering\": true"));
        QVERIFY(file.contains("\"avoidable\": true"));
        const matrix::MatrixFileReading reading = matrix::readMatrixFile(file);
        QVERIFY(reading.ok());
        QCOMPARE(*reading.matrix, m);
        QCOMPARE(reading.matrix->engineeringLevel(), std::optional<int>(2));
        QVERIFY(reading.matrix->isAvoidableRootCause(QStringLiteral("product bug")));
    }

    void anOlderFileIsReadWithTheDefaultMarks() {
        matrix::Matrix m = ledgerMatrix();
        for (matrix::TierDefinition& tier : m.tiers) {
            tier.engineering = false;
        }
        for (matrix::RootCauseCategory& category : m.taxonomy) {
            category.avoidable = false;
        }
        const QByteArray old = withoutMarks(matrix::writeMatrixFile(m));
        QVERIFY(!old.contains("\"engineering\""));
        QVERIFY(!old.contains("\"avoidable\""));
        QVERIFY(old.contains("\"schema_version\": 1"));
        const matrix::MatrixFileReading reading = matrix::readMatrixFile(old);
        QVERIFY(reading.ok());
        QCOMPARE(reading.matrix->engineeringLevel(), std::optional<int>(3));
        QStringList avoidable;
        for (const matrix::RootCauseCategory& category : reading.matrix->taxonomy) {
            if (category.avoidable) {
                avoidable << category.name;
            }
        }
        QCOMPARE(avoidable,
                 (QStringList{QStringLiteral("Feature Gap"), QStringLiteral("Configuration"),
                              QStringLiteral("User Error"), QStringLiteral("Documentation Gap")}));
    }

    void marksAreValidated() {
        matrix::Matrix m = ledgerMatrix();
        m.tiers[1].engineering = true; // Tier 2 as well as Tier 3
        auto issues = matrix::validateMatrix(m);
        QVERIFY(matrix::hasErrors(issues));
        QVERIFY(std::any_of(issues.begin(), issues.end(), [](const matrix::ValidationIssue& i) {
            return i.path == QLatin1String("tiers[2].engineering");
        }));
        for (matrix::TierDefinition& tier : m.tiers) {
            tier.engineering = false;
        }
        issues = matrix::validateMatrix(m);
        QVERIFY(!matrix::hasErrors(issues));
        QVERIFY(std::any_of(issues.begin(), issues.end(), [](const matrix::ValidationIssue& i) {
            return i.severity == matrix::ValidationIssue::Severity::Warning &&
                   i.message.contains(QLatin1String("No tier is marked as engineering"));
        }));
    }

    void aMarkChangeIsInTheChangeLog() {
        QTemporaryDir dir;
        Workspace workspace(dir.filePath(QStringLiteral("log.db")));
        matrix::Matrix m = matrix::loadMatrix(workspace.db());
        m.taxonomy[0].avoidable = true;
        QCOMPARE(matrix::saveMatrix(workspace.db(), m, QStringLiteral("lead"),
                                    QStringLiteral("Mark Product Bug avoidable"), W),
                 1);
        const auto changes = matrix::readMatrixChanges(workspace.db());
        const matrix::MatrixChange& last = changes.back();
        QCOMPARE(last.section, QStringLiteral("taxonomy"));
        QCOMPARE(last.author, QStringLiteral("lead"));
        QVERIFY(
            last.before.contains(QLatin1String("\"avoidable\":false,\"name\":\"Product Bug\"")));
        QVERIFY(last.after.contains(QLatin1String("\"avoidable\":true,\"name\":\"Product Bug\"")));
        QCOMPARE(matrix::loadMatrix(workspace.db()), m);
    }
};

QTEST_GUILESS_MAIN(TestEngineeringLedger)
#include "tst_engineering_ledger.moc"

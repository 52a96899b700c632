// The severity rules engine: word matching with stem tolerance, each
// operator, first-match order, and the default rules of SPEC §5 (Critical =
// outage, payment failure or VIP; High = many users affected; Low =
// workaround available; Medium otherwise).

#include "matrix/SeverityRules.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;

namespace {

Ticket ticket(const char* subject, const char* description = "", const char* attributes = "") {
    Ticket t;
    t.ticketId = QStringLiteral("T-9");
    t.subject = QString::fromUtf8(subject);
    t.description = QString::fromUtf8(description);
    t.attributes = QString::fromUtf8(attributes);
    return t;
}

TriageInput inputOf(const Ticket& t, const Account* account = nullptr,
                    std::optional<double> consumed = std::nullopt) {
    TriageInput input;
    input.ticket = &t;
    input.account = account;
    input.slaConsumed = consumed;
    return input;
}

TriageResult triageWithDefaults(const Ticket& t, const Account* account = nullptr,
                                std::optional<double> consumed = std::nullopt) {
    static const Matrix matrix = defaultMatrix(QStringLiteral("Europe/Berlin"));
    return triage(matrix.rules, inputOf(t, account, consumed));
}

} // namespace

class TestSeverityRules : public QObject {
    Q_OBJECT

private slots:
    void keywordsMatchWholeWordsWithStems() {
        QVERIFY(containsKeyword(QStringLiteral("Repeated outages since Monday"),
                                QStringLiteral("outage")));
        QVERIFY(containsKeyword(QStringLiteral("OUTAGE in EU"), QStringLiteral("outages")));
        QVERIFY(containsKeyword(QStringLiteral("The site is DOWN!"), QStringLiteral("down")));
        // Whole words only: "down" is not in "dropdown" or "downloads".
        QVERIFY(!containsKeyword(QStringLiteral("Dropdown shows no downloads"),
                                 QStringLiteral("down")));
        // Verb forms meet: failing / failed / fails.
        QVERIFY(containsKeyword(QStringLiteral("Payments failing for all cards"),
                                QStringLiteral("payment fails")));
        QVERIFY(containsKeyword(QStringLiteral("checkout failed twice"),
                                QStringLiteral("checkout fails")));
        QVERIFY(
            containsKeyword(QStringLiteral("We cancelled the order"), QStringLiteral("cancel")));
        // A phrase needs its words in sequence.
        QVERIFY(!containsKeyword(QStringLiteral("payment page slow, refund failed"),
                                 QStringLiteral("payment failed")));
        QVERIFY(!containsKeyword(QString(), QStringLiteral("outage")));
    }

    void operatorsBehaveAsNamed() {
        using Op = ConditionOperator;
        QVERIFY(
            conditionHolds({QStringLiteral("product_area"), Op::Equals, QStringLiteral("billing")},
                           QStringLiteral("Billing")));
        QVERIFY(
            !conditionHolds({QStringLiteral("product_area"), Op::Equals, QStringLiteral("bill")},
                            QStringLiteral("Billing")));
        QVERIFY(
            conditionHolds({QStringLiteral("channel"), Op::OneOf, QStringLiteral("phone, chat")},
                           QStringLiteral("Chat")));
        QVERIFY(
            !conditionHolds({QStringLiteral("channel"), Op::OneOf, QStringLiteral("phone, chat")},
                            QStringLiteral("email")));
        QVERIFY(
            conditionHolds({QStringLiteral("users_affected"), Op::AtLeast, QStringLiteral("10")},
                           QStringLiteral("10")));
        QVERIFY(
            !conditionHolds({QStringLiteral("users_affected"), Op::AtLeast, QStringLiteral("10")},
                            QStringLiteral("9.5")));
        // An unknown number meets no bound, either way.
        QVERIFY(!conditionHolds(
            {QStringLiteral("users_affected"), Op::AtLeast, QStringLiteral("10")}, QString()));
        QVERIFY(
            !conditionHolds({QStringLiteral("users_affected"), Op::AtMost, QStringLiteral("10")},
                            QStringLiteral("many")));
        QVERIFY(conditionHolds({QStringLiteral("account_arr"), Op::AtMost, QStringLiteral("5000")},
                               QStringLiteral("4999.99")));
        QVERIFY(conditionHolds({QStringLiteral("product_area"), Op::IsEmpty, QString()},
                               QStringLiteral("  ")));
        QVERIFY(!conditionHolds({QStringLiteral("product_area"), Op::IsEmpty, QString()},
                                QStringLiteral("API")));
    }

    void outageIsCriticalForEngineering() {
        const TriageResult result =
            triageWithDefaults(ticket("Dashboard outages across the EU region"));
        QCOMPARE(result.rule, QStringLiteral("System-wide outage"));
        QCOMPARE(result.priority, QStringLiteral("Critical"));
        QCOMPARE(result.targetTier, 3);
        QCOMPARE(result.conditions.size(), size_t(1));
        QCOMPARE(result.conditions[0].condition.field, QStringLiteral("text"));
        QVERIFY(result.conditions[0].held);
    }

    void paymentFailureAndVipAreCritical() {
        const TriageResult payment =
            triageWithDefaults(ticket("Card payments failing", "Payments failing since 9:00"));
        QCOMPARE(payment.rule, QStringLiteral("Payment failure"));
        QCOMPARE(payment.priority, QStringLiteral("Critical"));
        Ticket vip = ticket("Question about invoices");
        vip.tags = QStringLiteral("billing, VIP");
        const TriageResult result = triageWithDefaults(vip);
        QCOMPARE(result.rule, QStringLiteral("VIP account"));
        QCOMPARE(result.priority, QStringLiteral("Critical"));
        QCOMPARE(result.targetTier, 2);
    }

    void manyUsersIsHighAndFirstMatchWins() {
        const TriageResult many =
            triageWithDefaults(ticket("Reports slow", "", R"({"users_affected": 25})"));
        QCOMPARE(many.rule, QStringLiteral("Many users affected"));
        QCOMPARE(many.priority, QStringLiteral("High"));
        QCOMPARE(many.conditions[0].actual, QStringLiteral("25"));
        // 9 users: below the bound, falls through to the catch-all.
        const TriageResult few =
            triageWithDefaults(ticket("Reports slow", "", R"({"users_affected": 9})"));
        QCOMPARE(few.rule, QStringLiteral("Moderate interruption"));
        QCOMPARE(few.priority, QStringLiteral("Medium"));
        QVERIFY(few.conditions.empty());
        // An outage with many users: rule 1 comes first.
        const TriageResult both =
            triageWithDefaults(ticket("Full outage", "", R"({"users_affected": 500})"));
        QCOMPARE(both.rule, QStringLiteral("System-wide outage"));
    }

    void churnRiskGoesToManagement() {
        const TriageResult result =
            triageWithDefaults(ticket("This is unacceptable", "We will cancel our contract"));
        QCOMPARE(result.rule, QStringLiteral("Legal or churn risk"));
        QCOMPARE(result.priority, QStringLiteral("High"));
        QCOMPARE(result.targetTier, 4);
    }

    void slaAtRiskAndWorkaround() {
        const TriageResult risky = triageWithDefaults(ticket("Export question"), nullptr, 0.95);
        QCOMPARE(risky.rule, QStringLiteral("SLA at risk"));
        QCOMPARE(risky.priority, QStringLiteral("High"));
        const TriageResult calm = triageWithDefaults(ticket("Export question"), nullptr, 0.5);
        QCOMPARE(calm.rule, QStringLiteral("Moderate interruption"));
        const TriageResult workaround = triageWithDefaults(
            ticket("Export button greyed out", "", R"({"workaround_available": true})"));
        QCOMPARE(workaround.rule, QStringLiteral("Workaround available"));
        QCOMPARE(workaround.priority, QStringLiteral("Low"));
        QCOMPARE(workaround.targetTier, 1);
    }

    void accountFieldsAndExplanation() {
        Account account;
        account.tier = QStringLiteral("enterprise");
        account.arr = 120000;
        std::vector<SeverityRule> rules{
            {QStringLiteral("Big enterprise"),
             {{QStringLiteral("account_tier"), ConditionOperator::Equals,
               QStringLiteral("Enterprise")},
              {QStringLiteral("account_arr"), ConditionOperator::AtLeast,
               QStringLiteral("100000")}},
             QStringLiteral("High"),
             2,
             QStringLiteral("Escalate")},
        };
        const Ticket t = ticket("Hello");
        const TriageResult hit = triage(rules, inputOf(t, &account));
        QCOMPARE(hit.ruleIndex, 0);
        QCOMPARE(hit.conditions.size(), size_t(2));
        QCOMPARE(hit.conditions[0].actual, QStringLiteral("Enterprise"));
        QVERIFY(hit.conditions[0].held && hit.conditions[1].held);
        // No account: the conditions fail and no rule fires.
        const TriageResult miss = triage(rules, inputOf(t));
        QCOMPARE(miss.ruleIndex, std::nullopt);
        QVERIFY(miss.priority.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSeverityRules)
#include "tst_severity_rules.moc"

// Validation messages of the escalation matrix, one case per rule of SPEC §5
// and issue #4: every priority × customer tier has an SLA, every tier an
// owner and a backup, targets positive and first response ≤ resolution, no
// rule shadowed by an earlier one, checklists not empty, taxonomy of 8–12.

#include "matrix/MatrixValidation.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;

namespace {

Matrix defaults() {
    return defaultMatrix(QStringLiteral("Europe/Berlin"));
}

QStringList errorMessages(const Matrix& matrix) {
    QStringList messages;
    for (const ValidationIssue& issue : validateMatrix(matrix)) {
        if (issue.severity == ValidationIssue::Severity::Error) {
            messages.append(issue.message);
        }
    }
    return messages;
}

const ValidationIssue* findIssue(const std::vector<ValidationIssue>& issues,
                                 const QString& message) {
    for (const ValidationIssue& issue : issues) {
        if (issue.message == message) {
            return &issue;
        }
    }
    return nullptr;
}

} // namespace

class TestMatrixValidation : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreClean() {
        const auto issues = validateMatrix(defaults());
        for (const ValidationIssue& issue : issues) {
            qWarning() << issue.place << issue.message;
        }
        QVERIFY(issues.empty());
        // 3 customer tiers × 4 priorities, SPEC §5 targets.
        const Matrix matrix = defaults();
        QCOMPARE(matrix.policies.size(), size_t(12));
        const auto* critical = matrix.policyFor(QStringLiteral("SMB"), QStringLiteral("Critical"));
        QVERIFY(critical);
        QCOMPARE(critical->firstResponseMin, 15);
        QCOMPARE(critical->resolutionMin, 120);
        const auto* standard =
            matrix.policyFor(QStringLiteral("Enterprise"), QStringLiteral("Low"));
        QCOMPARE(standard->firstResponseMin, 240);
        QCOMPARE(standard->resolutionMin, 1440);
        QCOMPARE(matrix.taxonomy.size(), size_t(11));
        QCOMPARE(matrix.cost.recoveryMinutes, 23.0);
    }

    void missingPolicyIsNamed() {
        Matrix matrix = defaults();
        std::erase_if(matrix.policies, [](const sla::SlaPolicy& policy) {
            return policy.customerTier == QLatin1String("Enterprise") &&
                   policy.priority == QLatin1String("Critical");
        });
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("No SLA policy for Enterprise customers at Critical "
                                            "priority; add one so their tickets get SLA clocks.")});
    }

    void tierNeedsOwnerAndBackup() {
        Matrix matrix = defaults();
        matrix.tiers[1].owner.clear();
        matrix.tiers[2].backup = QStringLiteral("  ");
        const auto issues = validateMatrix(matrix);
        const auto* owner = findIssue(
            issues, QStringLiteral("Tier 2 — Technical support has no owner; name the person or "
                                   "role accountable for escalations to it."));
        QVERIFY(owner);
        QCOMPARE(owner->place, QStringLiteral("Tiers › Tier 2 — Technical support"));
        QCOMPARE(owner->path, QStringLiteral("tiers[1].owner"));
        QVERIFY(findIssue(issues,
                          QStringLiteral("Tier 3 — Engineering / product has no backup contact; "
                                         "name who takes over when the owner is away.")));
        QCOMPARE(errorMessages(matrix).size(), 2);
    }

    void targetsMustBePositiveAndOrdered() {
        Matrix matrix = defaults();
        sla::SlaPolicy* low = const_cast<sla::SlaPolicy*>(
            matrix.policyFor(QStringLiteral("SMB"), QStringLiteral("Low")));
        low->resolutionMin = 0;
        sla::SlaPolicy* high = const_cast<sla::SlaPolicy*>(
            matrix.policyFor(QStringLiteral("Mid-Market"), QStringLiteral("High")));
        high->firstResponseMin = 600;
        high->resolutionMin = 480;
        QCOMPARE(errorMessages(matrix),
                 (QStringList{
                     QStringLiteral("The first-response target of Mid-Market × High (600 min) is "
                                    "longer than its resolution target (480 min); first response "
                                    "must come no later than resolution."),
                     QStringLiteral("The resolution target of SMB × Low is 0 minutes; it must be a "
                                    "positive number of minutes."),
                 }));
    }

    void shadowedRuleIsReported() {
        Matrix matrix = defaults();
        // "Many users affected" (rule 5: users ≥ 10) comes first; a rule for
        // users ≥ 50 in Billing only ever sees tickets rule 5 already took.
        SeverityRule narrower{
            QStringLiteral("Billing-wide incident"),
            {{QStringLiteral("product_area"), ConditionOperator::Equals, QStringLiteral("Billing")},
             {QStringLiteral("users_affected"), ConditionOperator::AtLeast, QStringLiteral("50")}},
            QStringLiteral("Critical"),
            3,
            QStringLiteral("Page engineering")};
        matrix.rules.insert(matrix.rules.begin() + 5, narrower);
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral(
                     "rule 6 “Billing-wide incident” can never fire: rule 5 “Many users "
                     "affected” comes first and matches every ticket it matches. Move it up or "
                     "narrow rule 5.")});
        // Moved above rule 5 it is fine.
        std::swap(matrix.rules[4], matrix.rules[5]);
        QVERIFY(errorMessages(matrix).isEmpty());
    }

    void catchAllFirstShadowsEverything() {
        Matrix matrix = defaults();
        std::rotate(matrix.rules.rbegin(), matrix.rules.rbegin() + 1, matrix.rules.rend());
        QCOMPARE(matrix.rules.front().name, QStringLiteral("Moderate interruption"));
        // Every one of the 7 other rules is now unreachable.
        QCOMPARE(errorMessages(matrix).size(), 7);
    }

    void contradictoryRuleCanNeverFire() {
        Matrix matrix = defaults();
        matrix.rules[4].conditions.push_back(
            {QStringLiteral("users_affected"), ConditionOperator::AtMost, QStringLiteral("5")});
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("rule 5 “Many users affected” can never fire: its "
                                            "conditions contradict each other.")});
    }

    void withinIsFromZeroUpToTheValue() {
        using Op = ConditionOperator;
        const auto renewalRule = [](const char* name, Op op, const char* days) {
            return SeverityRule{QString::fromUtf8(name),
                                {{QStringLiteral("renewal_days"), op, QString::fromUtf8(days)}},
                                QStringLiteral("High"),
                                4,
                                QStringLiteral("Tell the account manager")};
        };
        // "within 60" first: every account renewing within 30 days renews
        // within 60, so a later "within 30" never fires.
        Matrix matrix = defaults();
        matrix.rules.insert(matrix.rules.begin(),
                            {renewalRule("Renewal this quarter", Op::Within, "60"),
                             renewalRule("Renewal this month", Op::Within, "30")});
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral(
                     "rule 2 “Renewal this month” can never fire: rule 1 “Renewal this quarter” "
                     "comes first and matches every ticket it matches. Move it up or narrow "
                     "rule 1.")});
        // "at most 30" also holds for a renewal already past (−5 ≤ 30), which
        // "within 60" does not: both can fire.
        matrix.rules[1] = renewalRule("Renewal near or past", Op::AtMost, "30");
        QVERIFY(errorMessages(matrix).isEmpty());
        // "within −1" would need 0 ≤ days ≤ −1.
        matrix.rules[1] = renewalRule("Nothing", Op::Within, "-1");
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral(
                     "rule 2 “Nothing” can never fire: its conditions contradict each other.")});
        // A measured field is compared, not matched.
        matrix.rules[1] = renewalRule("Text on a number", Op::ContainsWord, "soon");
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("rule 2 “Text on a number” tests renewal_days with "
                                            "contains_word; it is a measured number: use "
                                            "at_least, at_most or within.")});
    }

    void checklistMustNotBeEmpty() {
        Matrix matrix = defaults();
        matrix.checklists[1].items.clear();
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("The Tier 2 → Tier 3 checklist is empty; add the "
                                            "checks an agent must make before escalating.")});
    }

    void taxonomyKeepsEightToTwelve() {
        Matrix matrix = defaults();
        matrix.taxonomy.resize(7);
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("The root-cause taxonomy has 7 categories; keep "
                                            "between 8 and 12 so patterns stay visible in the "
                                            "review.")});
        // 11 defaults + 1 = 12 is the upper bound and fine; one more is not.
        matrix = defaults();
        matrix.taxonomy.push_back({QStringLiteral("Security"), QStringLiteral("Involve security")});
        QVERIFY(errorMessages(matrix).isEmpty());
        matrix.taxonomy.push_back({QStringLiteral("Billing"), QStringLiteral("Involve finance")});
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("The root-cause taxonomy has 13 categories; keep "
                                            "between 8 and 12 so patterns stay visible in the "
                                            "review.")});
    }

    void openingHoursMustBeOrderedAndPresent() {
        Matrix matrix = defaults();
        matrix.calendars[0].week[0] = {{9 * 3600, 13 * 3600}, {12 * 3600, 17 * 3600}};
        matrix.calendars[0].week[1] = {{17 * 3600, 9 * 3600}};
        QCOMPARE(errorMessages(matrix),
                 (QStringList{QStringLiteral("Calendar “Business hours”: the hours on Monday "
                                             "overlap (12:00 opens before 13:00 closes); list them "
                                             "in order without overlap."),
                              QStringLiteral("Calendar “Business hours”: 17:00–09:00 on Tuesday is "
                                             "not a valid interval; the opening must come before "
                                             "the closing, within 00:00–24:00.")}));
        matrix = defaults();
        for (auto& day : matrix.calendars[0].week) {
            day.clear();
        }
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("Calendar “Business hours” has no business hours on "
                                            "any day, so its SLA clocks would never run; add hours "
                                            "or make it 24×7.")});
    }

    void rulesNeedKnownPriorityAndTier() {
        Matrix matrix = defaults();
        matrix.rules[0].priority = QStringLiteral("Urgent");
        matrix.rules[1].targetTier = 5;
        QCOMPARE(errorMessages(matrix),
                 (QStringList{QStringLiteral("rule 1 “System-wide outage” gives the priority "
                                             "“Urgent”; use Critical, High, Medium, Low."),
                              QStringLiteral("rule 2 “Payment failure” sends tickets to tier 5, "
                                             "which the matrix does not define.")}));
        matrix = defaults();
        matrix.rules[4].conditions[0].value = QStringLiteral("many");
        QCOMPARE(errorMessages(matrix),
                 QStringList{QStringLiteral("rule 5 “Many users affected” compares "
                                            "users_affected with “many”, which is not a number.")});
    }

    void transitionsNeedChecklistsAndCostsArePositive() {
        Matrix matrix = defaults();
        matrix.checklists.erase(matrix.checklists.begin());
        matrix.cost.engineerCostPerHour = -1;
        matrix.taxonomy[3].name = QStringLiteral("product bug");
        QCOMPARE(errorMessages(matrix),
                 (QStringList{QStringLiteral("There is no checklist for Tier 1 → Tier 2; add the "
                                             "checks an agent must make before that escalation."),
                              QStringLiteral("The category “product bug” is listed twice."),
                              QStringLiteral("Engineer cost per hour is -1; it cannot be "
                                             "negative.")}));
    }

    void calendarsAndPolicyCalendarsExist() {
        Matrix matrix = defaults();
        matrix.calendars[0].timeZone = QStringLiteral("Mars/Olympus");
        matrix.policies[1].calendar = QStringLiteral("Weekends");
        QCOMPARE(errorMessages(matrix),
                 (QStringList{QStringLiteral("Enterprise × High runs on the calendar “Weekends”, "
                                             "which does not exist; choose one of the calendars."),
                              QStringLiteral("“Mars/Olympus” is not a known time zone; use an "
                                             "IANA name such as Europe/Berlin or "
                                             "America/New_York.")}));
    }
};

QTEST_GUILESS_MAIN(TestMatrixValidation)
#include "tst_matrix_validation.moc"

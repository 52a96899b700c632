#include "matrix/Matrix.h"

#include <algorithm>

namespace escdesk::matrix {

QString Checklist::name() const {
    return QStringLiteral("Tier %1 → Tier %2").arg(fromTier).arg(toTier);
}

const sla::SlaPolicy* Matrix::policyFor(const QString& customerTier,
                                        const QString& priority) const {
    for (const sla::SlaPolicy& policy : policies) {
        if (policy.customerTier.compare(customerTier, Qt::CaseInsensitive) == 0 &&
            policy.priority.compare(priority, Qt::CaseInsensitive) == 0) {
            return &policy;
        }
    }
    return nullptr;
}

const sla::BusinessCalendar* Matrix::calendarNamed(const QString& name) const {
    for (const sla::BusinessCalendar& calendar : calendars) {
        if (calendar.name == name) {
            return &calendar;
        }
    }
    return nullptr;
}

const TierDefinition* Matrix::tier(int level) const {
    for (const TierDefinition& definition : tiers) {
        if (definition.level == level) {
            return &definition;
        }
    }
    return nullptr;
}

std::optional<int> Matrix::engineeringLevel() const {
    std::optional<int> lowest;
    for (const TierDefinition& definition : tiers) {
        if (definition.engineering && (!lowest || definition.level < *lowest)) {
            lowest = definition.level;
        }
    }
    return lowest;
}

bool Matrix::isAvoidableRootCause(const QString& rootCause) const {
    return std::any_of(taxonomy.begin(), taxonomy.end(), [&](const RootCauseCategory& category) {
        return category.avoidable && category.name.compare(rootCause, Qt::CaseInsensitive) == 0;
    });
}

const Checklist* Matrix::checklistFor(int fromTier, int toTier) const {
    for (const Checklist& checklist : checklists) {
        if (checklist.fromTier == fromTier && checklist.toTier == toTier) {
            return &checklist;
        }
    }
    return nullptr;
}

namespace {

std::vector<TierDefinition> defaultTiers() {
    using E = TierDefinition::Escalation;
    return {
        {1,
         QStringLiteral("Tier 1 — Frontline"),
         QStringLiteral("First contact: triage, how-to questions, known issues and documented "
                        "workarounds"),
         QStringLiteral("Frontline team lead"),
         QStringLiteral("Frontline shift lead"),
         QStringLiteral("Helpdesk queue"),
         {QStringLiteral("SOPs exhausted"), QStringLiteral("Suspected product defect"),
          QStringLiteral("Needs access Tier 1 does not have")},
         E::Functional,
         false},
        {2,
         QStringLiteral("Tier 2 — Technical support"),
         QStringLiteral("Reproduce and diagnose: configuration, integrations, logs, data fixes"),
         QStringLiteral("Technical support lead"),
         QStringLiteral("Senior support engineer"),
         QStringLiteral("Tier 2 queue and #support-escalations"),
         {QStringLiteral("Reproducible defect"), QStringLiteral("Code change needed"),
          QStringLiteral("Infrastructure fault")},
         E::Functional,
         false},
        {3,
         QStringLiteral("Tier 3 — Engineering / product"),
         QStringLiteral("Fix defects and incidents; decide product changes"),
         QStringLiteral("Engineering on-call"),
         QStringLiteral("Engineering manager"),
         QStringLiteral("Issue tracker and on-call pager"),
         {QStringLiteral("Confirmed defect"), QStringLiteral("System-wide outage"),
          QStringLiteral("Security or data-loss risk")},
         E::Functional,
         false},
        {4,
         QStringLiteral("Management"),
         QStringLiteral("Customer-impact and commercial decisions, legal and churn risk, "
                        "priority conflicts"),
         QStringLiteral("Support manager"),
         QStringLiteral("Head of customer success"),
         QStringLiteral("Phone and e-mail"),
         {QStringLiteral("VIP or churn risk"), QStringLiteral("Legal threat"),
          QStringLiteral("Critical SLA breached")},
         E::Hierarchical,
         true},
    };
}

Condition condition(const char* field, ConditionOperator op, const char* value) {
    return {QLatin1String(field), op, QString::fromUtf8(value)};
}

std::vector<SeverityRule> defaultRules() {
    using Op = ConditionOperator;
    return {
        {QStringLiteral("System-wide outage"),
         {condition("text", Op::MatchesAnyKeyword,
                    "outage, system down, site down, service down, unavailable")},
         QStringLiteral("Critical"),
         3,
         QStringLiteral("Escalate immediately to engineering on-call; update the status page")},
        {QStringLiteral("Payment failure"),
         {condition("text", Op::MatchesAnyKeyword,
                    "payment failure, payment failed, payment fails, cannot pay, checkout fails")},
         QStringLiteral("Critical"),
         3,
         QStringLiteral("Escalate immediately to engineering on-call")},
        {QStringLiteral("VIP account"),
         {condition("tags", Op::ContainsWord, "vip")},
         QStringLiteral("Critical"),
         2,
         QStringLiteral("Escalate immediately to Tier 2; inform the account manager")},
        {QStringLiteral("Legal or churn risk"),
         {condition("text", Op::MatchesAnyKeyword, "legal, lawyer, cancel, unacceptable, refund")},
         QStringLiteral("High"),
         4,
         QStringLiteral("Inform the support manager within 15 minutes (hierarchical escalation)")},
        {QStringLiteral("Many users affected"),
         {condition("users_affected", Op::AtLeast, "10")},
         QStringLiteral("High"),
         2,
         QStringLiteral("Escalate to Tier 2 if there is no progress within 10–15 minutes")},
        {QStringLiteral("SLA at risk"),
         {condition("sla_consumed", Op::AtLeast, "0.9")},
         QStringLiteral("High"),
         2,
         QStringLiteral("Escalate to Tier 2 now: 90% of the SLA is used")},
        {QStringLiteral("Workaround available"),
         {condition("workaround_available", Op::Equals, "yes")},
         QStringLiteral("Low"),
         1,
         QStringLiteral("Give the customer the workaround; no engineering escalation")},
        {QStringLiteral("Moderate interruption"),
         {},
         QStringLiteral("Medium"),
         1,
         QStringLiteral("Keep troubleshooting at Tier 1; escalate with the checklist once the SOPs "
                        "are exhausted")},
    };
}

std::vector<sla::SlaPolicy> defaultPolicies() {
    // SPEC §5: Critical — acknowledge in 15 min, resolve in 2 h, round the
    // clock (a critical incident does not wait for office hours); standard —
    // first response 4 h, resolve 24 h, in business hours. Claim targets
    // follow the handoff benchmark (< 30 min for High/Critical).
    const QStringList pausing{QStringLiteral("Pending customer"), QStringLiteral("On hold")};
    struct Targets {
        const char* priority;
        int firstResponse;
        int resolution;
        int claim;
        const char* calendar;
    };
    const Targets targets[] = {
        {"Critical", 15, 120, 15, "24x7"},
        {"High", 240, 1440, 30, "Business hours"},
        {"Medium", 240, 1440, 60, "Business hours"},
        {"Low", 240, 1440, 240, "Business hours"},
    };
    std::vector<sla::SlaPolicy> policies;
    for (const QString& customerTier : customerTiers) {
        for (const Targets& target : targets) {
            policies.push_back({customerTier, QLatin1String(target.priority), target.firstResponse,
                                target.resolution, target.claim, QLatin1String(target.calendar),
                                pausing});
        }
    }
    return policies;
}

std::vector<sla::BusinessCalendar> defaultCalendars(const QString& timeZone) {
    sla::BusinessCalendar business;
    business.name = QStringLiteral("Business hours");
    business.timeZone = timeZone;
    for (int day = 0; day < 5; ++day) {
        business.week[day] = {{9 * 3600, 17 * 3600}};
    }
    sla::BusinessCalendar always;
    always.name = QStringLiteral("24x7");
    always.timeZone = timeZone;
    always.roundTheClock = true;
    return {business, always};
}

ChecklistItem item(const char* id, const char* text, bool required = true) {
    return {QLatin1String(id), QString::fromUtf8(text), required};
}

std::vector<Checklist> defaultChecklists() {
    return {
        {1,
         2,
         {item("status_page", "Status page checked for an ongoing incident"),
          item("knowledge_base", "Knowledge base and known issues searched"),
          item("sops_exhausted", "SOPs for this product area exhausted"),
          item("evidence", "Error messages, logs or screenshots attached"),
          item("reproduction", "Reproduction steps written down"),
          item("impact", "Customer impact noted: users affected, workaround", false),
          item("effort_summary", "Summary of what was tried")}},
        {2,
         3,
         {item("known_issue", "Known issues and open defects checked"),
          item("reproduced", "Reproduced in a test environment or with the customer's data"),
          item("logs", "Logs, traces or request ids attached"),
          item("configuration", "Configuration and permissions ruled out"),
          item("effort_summary", "Summary of the diagnosis so far"),
          item("clear_request", "A clear request, e.g. \"Need developer review\""),
          item("workaround", "Workaround attempted and its result noted", false)}},
    };
}

std::vector<RootCauseCategory> defaultTaxonomy() {
    auto category = [](const char* name, const char* action) {
        return RootCauseCategory{QString::fromUtf8(name), QString::fromUtf8(action)};
    };
    return {
        category("Product Bug", "Link or file the defect with reproduction steps; track the fix "
                                "version and tell the affected customers"),
        category("Feature Gap", "Log the request with the accounts and ARR affected; route it to "
                                "product management"),
        category("Integration Issue", "Check the partner's status and API changes; write a "
                                      "runbook for the integration"),
        category("Configuration", "Publish a configuration guide; give Tier 1 a settings check"),
        category("User Error", "Improve onboarding and in-product guidance; add a macro with the "
                               "right steps"),
        category("Access/Permissions", "Document the permission model; give Tier 1 a "
                                       "self-service access check"),
        category("Documentation Gap", "Write or correct the knowledge base article and link it "
                                      "from the macro"),
        category("Training Gap", "Add the topic to Tier 1 training and the SOP"),
        category("Policy Gap", "Decide the policy with management and publish it to the team"),
        category("Process Failure", "Review the failed handoff; fix the checklist or the routing "
                                    "rule"),
        category("Infrastructure", "Raise with the infrastructure team; add monitoring and a "
                                   "status-page template"),
    };
}

QString lettersOnly(const QString& text) {
    QString letters;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            letters.append(c.toLower());
        }
    }
    return letters;
}

} // namespace

Matrix defaultMatrix(const QString& timeZone) {
    Matrix matrix;
    matrix.tiers = defaultTiers();
    matrix.rules = defaultRules();
    matrix.policies = defaultPolicies();
    matrix.calendars = defaultCalendars(timeZone);
    matrix.checklists = defaultChecklists();
    matrix.taxonomy = defaultTaxonomy();
    for (TierDefinition& tier : matrix.tiers) {
        tier.engineering = defaultEngineeringMark(tier.level);
    }
    for (RootCauseCategory& category : matrix.taxonomy) {
        category.avoidable = defaultAvoidableMark(category.name);
    }
    matrix.cost = CostParameters{QStringLiteral("USD"), 35.0, 85.0, 15.0, 23.0};
    return matrix;
}

bool defaultEngineeringMark(int level) {
    return level == 3;
}

bool defaultAvoidableMark(const QString& category) {
    static const QStringList avoidable{QStringLiteral("Configuration"),
                                       QStringLiteral("User Error"), QStringLiteral("Feature Gap"),
                                       QStringLiteral("Documentation Gap")};
    return avoidable.contains(category.trimmed(), Qt::CaseInsensitive);
}

const std::vector<RuleField>& ruleFields() {
    static const std::vector<RuleField> fields{
        {QStringLiteral("account_tier"), QStringLiteral("The account's customer tier"), false},
        {QStringLiteral("account_segment"), QStringLiteral("The account's segment"), false},
        {QStringLiteral("account_arr"), QStringLiteral("The account's annual recurring revenue"),
         true},
        {QStringLiteral("users_affected"),
         QStringLiteral("Users affected (the ticket attribute users_affected)"), true},
        {QStringLiteral("workaround_available"),
         QStringLiteral("Whether a workaround exists: yes or no (ticket attribute)"), false},
        {QStringLiteral("product_area"), QStringLiteral("The ticket's product area"), false},
        {QStringLiteral("text"), QStringLiteral("Subject and description together"), false},
        {QStringLiteral("subject"), QStringLiteral("The ticket's subject"), false},
        {QStringLiteral("description"), QStringLiteral("The ticket's description"), false},
        {QStringLiteral("tags"), QStringLiteral("The ticket's tags"), false},
        {QStringLiteral("channel"), QStringLiteral("The channel the ticket came in by"), false},
        {QStringLiteral("priority"), QStringLiteral("The priority the helpdesk gave it"), false},
        {QStringLiteral("status"), QStringLiteral("The ticket's status"), false},
        {QStringLiteral("group"), QStringLiteral("The helpdesk group"), false},
        {QStringLiteral("tier"), QStringLiteral("The tier the ticket is at"), true},
        {QStringLiteral("sla_consumed"),
         QStringLiteral("Share of the most used running SLA target (0.9 = 90%)"), true},
        {QStringLiteral("minutes_without_progress"),
         QStringLiteral("Business minutes since the last progress: creation, the first reply or "
                        "any event but a reassignment (a customer's message is none); unknown "
                        "once resolved"),
         true},
        {QStringLiteral("sentiment"),
         QStringLiteral("Sentiment of subject and description, 0 very negative, 50 neutral, "
                        "100 very positive"),
         true},
        {QStringLiteral("renewal_days"),
         QStringLiteral("Days until the account renews (within 30: renews in the next 30 days); "
                        "unknown without a renewal date"),
         true},
    };
    return fields;
}

QString operatorName(ConditionOperator op) {
    switch (op) {
    case ConditionOperator::Equals:
        return QStringLiteral("equals");
    case ConditionOperator::OneOf:
        return QStringLiteral("one_of");
    case ConditionOperator::ContainsWord:
        return QStringLiteral("contains_word");
    case ConditionOperator::MatchesAnyKeyword:
        return QStringLiteral("matches_any_keyword");
    case ConditionOperator::AtLeast:
        return QStringLiteral("at_least");
    case ConditionOperator::AtMost:
        return QStringLiteral("at_most");
    case ConditionOperator::Within:
        return QStringLiteral("within");
    case ConditionOperator::IsEmpty:
        return QStringLiteral("is_empty");
    }
    return {};
}

std::optional<ConditionOperator> parseOperator(const QString& name) {
    for (const auto op :
         {ConditionOperator::Equals, ConditionOperator::OneOf, ConditionOperator::ContainsWord,
          ConditionOperator::MatchesAnyKeyword, ConditionOperator::AtLeast,
          ConditionOperator::AtMost, ConditionOperator::Within, ConditionOperator::IsEmpty}) {
        if (operatorName(op) == name.trimmed().toLower()) {
            return op;
        }
    }
    return std::nullopt;
}

QStringList listItems(const QString& value) {
    QStringList items;
    for (const QString& part : value.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty()) {
            items.append(part.trimmed());
        }
    }
    return items;
}

QString canonicalCustomerTier(const QString& tier) {
    const QString key = lettersOnly(tier);
    if (key == QLatin1String("enterprise") || key == QLatin1String("ent")) {
        return QStringLiteral("Enterprise");
    }
    if (key == QLatin1String("midmarket") || key == QLatin1String("mm") ||
        key == QLatin1String("mid")) {
        return QStringLiteral("Mid-Market");
    }
    if (key == QLatin1String("smb") || key == QLatin1String("smallbusiness") ||
        key == QLatin1String("small")) {
        return QStringLiteral("SMB");
    }
    return tier.trimmed();
}

QString canonicalPriority(const QString& priority) {
    const QString key = lettersOnly(priority);
    if (key == QLatin1String("critical") || key == QLatin1String("urgent") ||
        key == QLatin1String("p1") || key == QLatin1String("sev1") ||
        key == QLatin1String("blocker")) {
        return QStringLiteral("Critical");
    }
    if (key == QLatin1String("high") || key == QLatin1String("p2") ||
        key == QLatin1String("sev2") || key == QLatin1String("major")) {
        return QStringLiteral("High");
    }
    if (key == QLatin1String("medium") || key == QLatin1String("normal") ||
        key == QLatin1String("p3") || key == QLatin1String("sev3")) {
        return QStringLiteral("Medium");
    }
    if (key == QLatin1String("low") || key == QLatin1String("p4") || key == QLatin1String("sev4") ||
        key == QLatin1String("minor")) {
        return QStringLiteral("Low");
    }
    return priority.trimmed();
}

} // namespace escdesk::matrix

// Time in the severity rules (matrix/RuleTiming.h): minutes without progress
// on the business calendar of the ticket's policy, and the first instant the
// rules flag a ticket (MatrixEvaluator::firstFlagged), worked out by hand.
//
// The matrix: one calendar "Office", Monday–Friday 09:00–17:00 UTC; every
// SMB policy runs on it with targets far away (a week of business minutes),
// so sla_consumed stays low. Rules:
//   1. "Stalled": minutes_without_progress at_least 15 → High, Tier 2
//   2. "Everything else": no conditions → Medium, Tier 1
// Tickets have no account (SMB) and the helpdesk priority Medium, so the
// policy is SMB × Medium on "Office". 2026-12-01 is a Tuesday.

#include "matrix/TicketAssessment.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;

namespace {

UtcSeconds utc(const char* iso) {
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toSecsSinceEpoch();
}

Condition condition(const char* field, ConditionOperator op, const char* value) {
    return {QLatin1String(field), op, QLatin1String(value)};
}

Matrix officeMatrix(std::vector<Condition> flagging, const char* zone = "UTC") {
    Matrix matrix;
    for (int level = 1; level <= 3; ++level) {
        TierDefinition tier;
        tier.level = level;
        tier.name = QStringLiteral("Tier %1").arg(level);
        matrix.tiers.push_back(tier);
    }
    sla::BusinessCalendar office;
    office.name = QStringLiteral("Office");
    office.timeZone = QLatin1String(zone);
    for (int day = 0; day < 5; ++day) {
        office.week[std::size_t(day)] = {{9 * 3600, 17 * 3600}};
    }
    matrix.calendars = {office};
    const int week = 5 * 8 * 60; // business minutes: no target comes near
    for (const QString& priority : priorities) {
        matrix.policies.push_back(
            {QStringLiteral("SMB"), priority, week, week, week, QStringLiteral("Office"), {}});
    }
    matrix.rules = {
        {QStringLiteral("Stalled"), std::move(flagging), QStringLiteral("High"), 2,
         QStringLiteral("Escalate to Tier 2")},
        {QStringLiteral("Everything else"),
         {},
         QStringLiteral("Medium"),
         1,
         QStringLiteral("Keep working")},
    };
    return matrix;
}

Matrix stalledMatrix() {
    return officeMatrix({condition("minutes_without_progress", ConditionOperator::AtLeast, "15")});
}

TicketContext ticketCreatedAt(const char* created) {
    TicketContext context;
    context.ticket.ticketId = QStringLiteral("T-1");
    context.ticket.subject = QStringLiteral("Report export hangs");
    context.ticket.priority = QStringLiteral("Medium");
    context.ticket.createdAt = utc(created);
    return context;
}

void addEvent(TicketContext& context, const char* at, EventKind kind) {
    TicketEvent event;
    event.ticketId = context.ticket.ticketId;
    event.occurredAt = utc(at);
    event.kind = kind;
    context.events.push_back(event);
}

} // namespace

class TestRuleTiming : public QObject {
    Q_OBJECT

private slots:
    void progressIsEveryEventButAReassignment() {
        for (const EventKind kind : allEventKinds) {
            QCOMPARE(isProgress(kind), kind != EventKind::Reassigned);
        }
    }

    void noProgressCrossesTheNight() {
        // Created Tue 16:55, no events. 16:55 → 17:00 uses 5 business
        // minutes; the other 10 run from Wed 09:00: flagged Wed 09:10.
        const MatrixEvaluator evaluator(stalledMatrix());
        const TicketContext context = ticketCreatedAt("2026-12-01T16:55:00Z");
        const auto firing = evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z"));
        QVERIFY(firing);
        QCOMPARE(firing->at, utc("2026-12-02T09:10:00Z"));
        QCOMPARE(firing->ruleIndex, 0);
        // One second earlier the window ends before it.
        QVERIFY(!evaluator.firstFlagged(context, utc("2026-12-02T09:09:59Z")));

        // At Wed 09:10 the rule fires and says why; at Wed 09:04 it does not
        // (5 + 4 = 9 min).
        const TriageResult fired = evaluator.triage(context, utc("2026-12-02T09:10:00Z"));
        QCOMPARE(fired.rule, QStringLiteral("Stalled"));
        QCOMPARE(fired.conditions[0].actual, QStringLiteral("15"));
        QCOMPARE(fired.conditions[0].shown, QStringLiteral("15 business min without progress"));
        const TriageInput early = evaluator.triageInput(context, utc("2026-12-02T09:04:00Z"));
        QCOMPARE(early.minutesWithoutProgress, 9.0);
        QCOMPARE(evaluator.triage(context, utc("2026-12-02T09:04:00Z")).rule,
                 QStringLiteral("Everything else"));
        // Overnight the clock stands: Tue 23:00 still shows 5 minutes.
        QCOMPARE(evaluator.triageInput(context, utc("2026-12-01T23:00:00Z")).minutesWithoutProgress,
                 5.0);
    }

    void aTargetEndingAtClosingHoldsAtTheClosingInstant() {
        // Created Tue 16:45: 15 minutes are used up exactly at 17:00, the
        // closing instant (SPEC §6), not at Wed 09:00.
        const MatrixEvaluator evaluator(stalledMatrix());
        const auto firing = evaluator.firstFlagged(ticketCreatedAt("2026-12-01T16:45:00Z"),
                                                   utc("2026-12-03T00:00:00Z"));
        QCOMPARE(firing->at, utc("2026-12-01T17:00:00Z"));
    }

    void anAgentReplyResetsTheClock() {
        // Created Tue 16:55; the agent replies Wed 09:05 (first response).
        // At 09:10 only 5 minutes have passed since the reply; the 15 are
        // up at 09:05 + 15 = 09:20.
        const MatrixEvaluator evaluator(stalledMatrix());
        TicketContext context = ticketCreatedAt("2026-12-01T16:55:00Z");
        context.ticket.firstResponseAt = utc("2026-12-02T09:05:00Z");
        QCOMPARE(evaluator.triageInput(context, utc("2026-12-02T09:10:00Z")).minutesWithoutProgress,
                 5.0);
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z"))->at,
                 utc("2026-12-02T09:20:00Z"));

        // A claim at 09:15 resets it again: 09:15 + 15 = 09:30.
        addEvent(context, "2026-12-02T09:15:00Z", EventKind::Claimed);
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z"))->at,
                 utc("2026-12-02T09:30:00Z"));
    }

    void aReassignmentIsNoProgress() {
        // Moving the ticket to another queue at Wed 09:05 changes nothing:
        // still flagged at 09:10, as with no events.
        const MatrixEvaluator evaluator(stalledMatrix());
        TicketContext context = ticketCreatedAt("2026-12-01T16:55:00Z");
        addEvent(context, "2026-12-02T09:05:00Z", EventKind::Reassigned);
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z"))->at,
                 utc("2026-12-02T09:10:00Z"));
    }

    void aPauseStopsTheClock() {
        // Created Wed 10:00, paused 10:10 (progress: the clock restarts),
        // resumed 11:00 (progress again): 11:00 + 15 = 11:15. Without the
        // resume the pause holds the clock for good: never flagged.
        const MatrixEvaluator evaluator(stalledMatrix());
        TicketContext context = ticketCreatedAt("2026-12-02T10:00:00Z");
        addEvent(context, "2026-12-02T10:10:00Z", EventKind::Paused);
        QVERIFY(!evaluator.firstFlagged(context, utc("2026-12-04T00:00:00Z")));
        addEvent(context, "2026-12-02T11:00:00Z", EventKind::Resumed);
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-04T00:00:00Z"))->at,
                 utc("2026-12-02T11:15:00Z"));
    }

    void aResolvedTicketWaitsForNothing() {
        // Resolved Wed 09:05, before the 15 minutes are up (09:10): the
        // value is unknown from then on and the rule never fires.
        const MatrixEvaluator evaluator(stalledMatrix());
        TicketContext context = ticketCreatedAt("2026-12-01T16:55:00Z");
        context.ticket.resolvedAt = utc("2026-12-02T09:05:00Z");
        QVERIFY(!evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z")));
        const TriageResult after = evaluator.triage(context, utc("2026-12-02T09:30:00Z"));
        QCOMPARE(after.rule, QStringLiteral("Everything else"));
        QVERIFY(!evaluator.triageInput(context, utc("2026-12-02T09:30:00Z"))
                     .minutesWithoutProgress.has_value());
    }

    void flaggedAtCreationWhenTheRuleHoldsFromTheStart() {
        // A rule on the text alone holds from creation on.
        const MatrixEvaluator evaluator(
            officeMatrix({condition("subject", ConditionOperator::ContainsWord, "export")}));
        const TicketContext context = ticketCreatedAt("2026-12-01T16:55:00Z");
        const auto firing = evaluator.firstFlagged(context, utc("2026-12-01T16:55:00Z"));
        QCOMPARE(firing, (RuleFiring{utc("2026-12-01T16:55:00Z"), 0}));
        // Before creation there is nothing to flag.
        QVERIFY(!evaluator.firstFlagged(context, utc("2026-12-01T16:54:59Z")));
    }

    void aTimedRuleThatStopsHoldingLetsALaterRuleFlag() {
        // Rules: 1. "Fresh": minutes_without_progress at_most 30 → Tier 1;
        // 2. "VIP": tags contain vip → Tier 2. A VIP ticket created Wed
        // 10:00 with no events is "Fresh" while at most 30 minutes have
        // passed: up to 10:30:00 (1800 s). At 10:30:01 (1801 s = 30.02 min)
        // "VIP" is the first rule that holds.
        Matrix matrix = stalledMatrix();
        matrix.rules = {
            {QStringLiteral("Fresh"),
             {condition("minutes_without_progress", ConditionOperator::AtMost, "30")},
             QStringLiteral("Medium"),
             1,
             QStringLiteral("Keep working")},
            {QStringLiteral("VIP"),
             {condition("tags", ConditionOperator::ContainsWord, "vip")},
             QStringLiteral("Critical"),
             2,
             QStringLiteral("Escalate to Tier 2")},
        };
        const MatrixEvaluator evaluator(matrix);
        TicketContext context = ticketCreatedAt("2026-12-02T10:00:00Z");
        context.ticket.tags = QStringLiteral("vip");
        const auto firing = evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z"));
        QCOMPARE(firing, (RuleFiring{utc("2026-12-02T10:30:01Z"), 1}));
        // The full evaluation agrees on both sides of that instant.
        QCOMPARE(evaluator.triage(context, utc("2026-12-02T10:30:00Z")).rule,
                 QStringLiteral("Fresh"));
        QCOMPARE(evaluator.triage(context, utc("2026-12-02T10:30:01Z")).rule,
                 QStringLiteral("VIP"));
        // Without the tag no rule ever flags it.
        context.ticket.tags.clear();
        QVERIFY(!evaluator.firstFlagged(context, utc("2026-12-03T00:00:00Z")));
    }

    void slaShareThresholdsAreCandidates() {
        // sla_consumed at_least 0.5 on the week-long targets (2400 business
        // min): half is 1200 min = 20 business hours = two and a half days
        // of 8 h. Created Tue 09:00: Tue 8 h, Wed 8 h, Thu 4 h → Thu 13:00.
        const MatrixEvaluator evaluator(
            officeMatrix({condition("sla_consumed", ConditionOperator::AtLeast, "0.5")}));
        const TicketContext context = ticketCreatedAt("2026-12-01T09:00:00Z");
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-10T00:00:00Z"))->at,
                 utc("2026-12-03T13:00:00Z"));
    }

    void aShareNeverReachedNeverFlags() {
        // The same rule; the ticket is answered Tue 10:00 (60 of 2400 min)
        // and resolved Wed 09:00 (8 business hours, 480 of 2400 min = 0.2):
        // no target ever uses half of itself, so it is never flagged.
        const MatrixEvaluator evaluator(
            officeMatrix({condition("sla_consumed", ConditionOperator::AtLeast, "0.5")}));
        TicketContext context = ticketCreatedAt("2026-12-01T09:00:00Z");
        context.ticket.firstResponseAt = utc("2026-12-01T10:00:00Z");
        context.ticket.resolvedAt = utc("2026-12-02T09:00:00Z");
        QVERIFY(!evaluator.firstFlagged(context, utc("2026-12-10T00:00:00Z")));
        // Unresolved, it would have been flagged on Thu 13:00 as above —
        // unless a condition on the ticket itself rules the rule out.
        context.ticket.resolvedAt.reset();
        context.ticket.firstResponseAt.reset();
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-10T00:00:00Z"))->at,
                 utc("2026-12-03T13:00:00Z"));
        const MatrixEvaluator invoices(
            officeMatrix({condition("subject", ConditionOperator::ContainsWord, "invoice"),
                          condition("sla_consumed", ConditionOperator::AtLeast, "0.5")}));
        QVERIFY(!invoices.firstFlagged(context, utc("2026-12-10T00:00:00Z")));
    }

    void renewalBoundsCrossAtLocalMidnight() {
        // renewal_days within 30, the account renews 2027-01-10; on a
        // calendar in Europe/Berlin (UTC+1 in December). 2027-01-10 − 30
        // days = 2026-12-11: from Berlin's midnight starting that day,
        // 2026-12-10T23:00Z, the account renews within 30 days.
        Matrix matrix = officeMatrix({condition("renewal_days", ConditionOperator::Within, "30")},
                                     "Europe/Berlin");
        const MatrixEvaluator evaluator(matrix);
        TicketContext context = ticketCreatedAt("2026-12-07T10:00:00Z");
        Account account;
        account.accountId = QStringLiteral("A-1");
        account.tier = QStringLiteral("SMB");
        account.renewalDate = QDate(2027, 1, 10);
        context.account = account;
        QCOMPARE(evaluator.firstFlagged(context, utc("2026-12-31T00:00:00Z"))->at,
                 utc("2026-12-10T23:00:00Z"));
        // At 22:59Z it is still 10 December in Berlin: 31 days.
        const TriageResult before = evaluator.triage(context, utc("2026-12-10T22:59:00Z"));
        QCOMPARE(before.rule, QStringLiteral("Everything else"));
        QCOMPARE(evaluator.triage(context, utc("2026-12-10T23:00:00Z")).conditions[0].shown,
                 QStringLiteral("renews in 30 days"));
    }
};

QTEST_GUILESS_MAIN(TestRuleTiming)
#include "tst_rule_timing.moc"

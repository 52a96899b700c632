// Applying the default matrix to a ticket: which SLA policy governs it and
// how the SLA share consumed feeds the severity rules.

#include "matrix/TicketAssessment.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;

namespace {

UtcSeconds utc(const char* iso) {
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toSecsSinceEpoch();
}

TicketContext contextOf(const char* subject, const char* priority) {
    TicketContext context;
    context.ticket.ticketId = QStringLiteral("T-5");
    context.ticket.subject = QString::fromUtf8(subject);
    context.ticket.priority = QString::fromUtf8(priority);
    context.ticket.createdAt = utc("2026-11-23T08:00:00Z");
    return context;
}

} // namespace

class TestTicketAssessment : public QObject {
    Q_OBJECT

private:
    const MatrixEvaluator m_evaluator{defaultMatrix(QStringLiteral("Europe/Berlin"))};

private slots:
    void policyFromAccountTierAndPriority() {
        TicketContext context = contextOf("Export question", "P2");
        // No account: the standard SMB contract; "P2" is High.
        QCOMPARE(customerTierOf(context), QStringLiteral("SMB"));
        QCOMPARE(priorityOf(m_evaluator.matrix(), context), QStringLiteral("High"));
        Account account;
        account.tier = QStringLiteral("mid market");
        context.account = account;
        QCOMPARE(customerTierOf(context), QStringLiteral("Mid-Market"));
        QCOMPARE(m_evaluator.sla(context, context.ticket.createdAt)->policy,
                 QStringLiteral("Mid-Market × High"));
        // No priority from the helpdesk: the rules decide ("site down" →
        // Critical), which puts the ticket on the 24×7 Critical policy.
        const TicketContext untagged = contextOf("Site down since 9:00", "");
        QCOMPARE(priorityOf(m_evaluator.matrix(), untagged), QStringLiteral("Critical"));
        const auto evaluation = m_evaluator.sla(untagged, untagged.ticket.createdAt);
        QCOMPARE(evaluation->policy, QStringLiteral("SMB × Critical"));
        QCOMPARE(evaluation->calendar, QStringLiteral("24x7"));
    }

    void slaShareConsumedFeedsTheRules() {
        // Urgent (Critical) ticket, 15 min to acknowledge, round the clock.
        // At 08:10Z 10 of 15 min are used (0.667): the catch-all rule. At
        // 08:14Z 14/15 = 0.933 ≥ 0.9: "SLA at risk" fires.
        const TicketContext context = contextOf("Export question", "urgent");
        const auto early = m_evaluator.sla(context, utc("2026-11-23T08:10:00Z"));
        QCOMPARE(early->targets[0].elapsedBusinessMin, 10.0);
        QCOMPARE(early->targets[0].remainingBusinessMin, 5.0);
        QCOMPARE(early->targets[0].breachAt, utc("2026-11-23T08:15:00Z"));
        QCOMPARE(m_evaluator.triage(context, utc("2026-11-23T08:10:00Z")).rule,
                 QStringLiteral("Moderate interruption"));
        const TriageResult late = m_evaluator.triage(context, utc("2026-11-23T08:14:00Z"));
        QCOMPARE(late.rule, QStringLiteral("SLA at risk"));
        QCOMPARE(late.priority, QStringLiteral("High"));
        QVERIFY(late.conditions[0].held);
    }
};

QTEST_GUILESS_MAIN(TestTicketAssessment)
#include "tst_ticket_assessment.moc"

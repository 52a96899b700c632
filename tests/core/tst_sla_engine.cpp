// SLA clocks of SPEC §6 on hand-worked tickets. Calendar: Europe/Berlin,
// Monday–Friday 09:00–17:00; in late November Berlin is on CET = UTC+1, so
// 09:00 local = 08:00Z. Thursday 26 Nov 2026 is Thanksgiving for the US
// calendar (America/New_York, EST = UTC−5).

#include "sla/SlaEngine.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::sla;

namespace {

UtcSeconds utc(const char* iso) {
    const QDateTime dateTime = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    Q_ASSERT(dateTime.isValid());
    return dateTime.toSecsSinceEpoch();
}

BusinessCalendar office(const char* zone) {
    BusinessCalendar calendar;
    calendar.name = QStringLiteral("Office hours");
    calendar.timeZone = QLatin1String(zone);
    for (int day = 0; day < 5; ++day) {
        calendar.week[day] = {{9 * 3600, 17 * 3600}};
    }
    return calendar;
}

SlaPolicy standardPolicy() {
    SlaPolicy policy;
    policy.customerTier = QStringLiteral("Mid-Market");
    policy.priority = QStringLiteral("Medium");
    policy.firstResponseMin = 240;
    policy.resolutionMin = 1440;
    policy.claimMin = 60;
    policy.calendar = QStringLiteral("Office hours");
    policy.pausingStatuses = {QStringLiteral("Pending customer")};
    return policy;
}

Ticket ticketCreatedAt(const char* iso) {
    Ticket ticket;
    ticket.ticketId = QStringLiteral("T-1");
    ticket.createdAt = utc(iso);
    return ticket;
}

TicketEvent logEvent(EventKind kind, const char* iso) {
    TicketEvent event;
    event.ticketId = QStringLiteral("T-1");
    event.kind = kind;
    event.occurredAt = utc(iso);
    return event;
}

const TargetClock& clockOf(const SlaEvaluation& evaluation, SlaTarget target) {
    for (const TargetClock& clock : evaluation.targets) {
        if (clock.target == target) {
            return clock;
        }
    }
    qFatal("target missing");
}

} // namespace

class TestSlaEngine : public QObject {
    Q_OBJECT

private:
    const CalendarClock m_berlin{office("Europe/Berlin")};

private slots:
    void responseWithinTargetIsMet() {
        // Created Mon 23 Nov 10:00 CET, answered 11:30 CET: 90 of 240 min.
        Ticket ticket = ticketCreatedAt("2026-11-23T09:00:00Z");
        ticket.firstResponseAt = utc("2026-11-23T10:30:00Z");
        const auto result =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-23T12:00:00Z"));
        QCOMPARE(result.policy, QStringLiteral("Mid-Market × Medium"));
        QCOMPARE(result.calendar, QStringLiteral("Office hours"));
        QCOMPARE(result.targets.size(), size_t(2)); // not escalated: no claim clock
        const TargetClock& response = clockOf(result, SlaTarget::FirstResponse);
        QCOMPARE(response.status, ClockStatus::Met);
        QCOMPARE(response.elapsedBusinessMin, 90.0);
        QCOMPARE(response.remainingBusinessMin, 150.0);
        QCOMPARE(response.consumed, 0.375);
        QCOMPARE(response.breachAt, std::nullopt);
        QVERIFY(!response.atRisk);
    }

    // Asked about an instant before the ticket existed (sla --as-of), its
    // clocks have not started: nothing elapsed, the whole target remains,
    // nothing due — not "running".
    void clocksBeforeTheTicketExistedHaveNotStarted() {
        Ticket ticket = ticketCreatedAt("2026-11-23T09:00:00Z");
        ticket.firstResponseAt = utc("2026-11-23T10:30:00Z");
        const auto result =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-22T12:00:00Z"));
        QCOMPARE(result.targets.size(), size_t(2));
        for (const SlaTarget target : {SlaTarget::FirstResponse, SlaTarget::Resolution}) {
            const TargetClock& clock = clockOf(result, target);
            QCOMPARE(clock.status, ClockStatus::NotStarted);
            QCOMPARE(clockStatusName(clock.status), QStringLiteral("not_started"));
            QCOMPARE(clock.elapsedBusinessMin, 0.0);
            QCOMPARE(clock.consumed, 0.0);
            QCOMPARE(clock.breachAt, std::nullopt);
            QCOMPARE(clock.stoppedAt, std::nullopt);
            QVERIFY(!clock.atRisk);
        }
        QCOMPARE(clockOf(result, SlaTarget::FirstResponse).remainingBusinessMin, 240.0);
        QCOMPARE(clockOf(result, SlaTarget::Resolution).remainingBusinessMin, 1440.0);
    }

    void lateResponseOverWeekendIsBreached() {
        // Created Fri 20 Nov 15:00 CET, answered Mon 23 Nov 14:00 CET:
        // Fri 15–17 (2 h) + Mon 09–14 (5 h) = 420 min of 240. Due: Fri 2 h,
        // then Mon 09:00 + 2 h = 11:00 CET = 10:00Z.
        Ticket ticket = ticketCreatedAt("2026-11-20T14:00:00Z");
        ticket.firstResponseAt = utc("2026-11-23T13:00:00Z");
        const auto result =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-24T12:00:00Z"));
        const TargetClock& response = clockOf(result, SlaTarget::FirstResponse);
        QCOMPARE(response.status, ClockStatus::Breached);
        QCOMPARE(response.elapsedBusinessMin, 420.0);
        QCOMPARE(response.remainingBusinessMin, 0.0);
        QCOMPARE(response.consumed, 1.75);
        QCOMPARE(response.breachAt, utc("2026-11-23T10:00:00Z"));
    }

    void runningClockTurnsAtRiskAtNinetyPercent() {
        // Created Mon 09:00 CET, no answer. At 12:30 CET 210 of 240 min =
        // 0.875: running, not at risk. At 12:40 CET 220/240 = 0.9167 ≥ 0.9:
        // at risk. Due 13:00 CET = 12:00Z either way.
        const Ticket ticket = ticketCreatedAt("2026-11-23T08:00:00Z");
        const auto before =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-23T11:30:00Z"));
        const TargetClock& calm = clockOf(before, SlaTarget::FirstResponse);
        QCOMPARE(calm.status, ClockStatus::Running);
        QCOMPARE(calm.elapsedBusinessMin, 210.0);
        QVERIFY(!calm.atRisk);
        QCOMPARE(calm.breachAt, utc("2026-11-23T12:00:00Z"));
        const auto after =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-23T11:40:00Z"));
        const TargetClock& risky = clockOf(after, SlaTarget::FirstResponse);
        QCOMPARE(risky.status, ClockStatus::Running);
        QCOMPARE(risky.elapsedBusinessMin, 220.0);
        QCOMPARE(risky.remainingBusinessMin, 20.0);
        QVERIFY(risky.atRisk);
        // 12:00Z exactly is the due instant itself: not yet breached; one
        // second later it is.
        QCOMPARE(clockOf(evaluateSla(ticket, {}, standardPolicy(), m_berlin,
                                     utc("2026-11-23T12:00:00Z")),
                         SlaTarget::FirstResponse)
                     .status,
                 ClockStatus::Running);
        QCOMPARE(clockOf(evaluateSla(ticket, {}, standardPolicy(), m_berlin,
                                     utc("2026-11-23T12:00:01Z")),
                         SlaTarget::FirstResponse)
                     .status,
                 ClockStatus::Breached);
    }

    void pauseEventsSpanningTheNightStopTheClock() {
        // Created Mon 10:00 CET; paused Mon 16:00 → resumed Tue 11:00 CET.
        // As of Wed 12:00 CET: Mon 10–16 (6 h) + Tue 11–17 (6 h) + Wed 09–12
        // (3 h) = 900 min of 1440. Due: 6 + 6 + 8 (Wed) = 20 h, Thu 09:00 + 4 h
        // = 13:00 CET = 12:00Z.
        const Ticket ticket = ticketCreatedAt("2026-11-23T09:00:00Z");
        const std::vector<TicketEvent> events{logEvent(EventKind::Paused, "2026-11-23T15:00:00Z"),
                                              logEvent(EventKind::Resumed, "2026-11-24T10:00:00Z")};
        const auto result =
            evaluateSla(ticket, events, standardPolicy(), m_berlin, utc("2026-11-25T11:00:00Z"));
        const TargetClock& resolution = clockOf(result, SlaTarget::Resolution);
        QCOMPARE(resolution.status, ClockStatus::Running);
        QCOMPARE(resolution.elapsedBusinessMin, 900.0);
        QCOMPARE(resolution.remainingBusinessMin, 540.0);
        QCOMPARE(resolution.consumed, 0.625);
        QCOMPARE(resolution.breachAt, utc("2026-11-26T12:00:00Z"));
        // As of Tue 08:00 CET the resume has not happened yet: paused, 360 min
        // used (Mon 10–16), and no known breach instant.
        const auto paused =
            evaluateSla(ticket, events, standardPolicy(), m_berlin, utc("2026-11-24T07:00:00Z"));
        const TargetClock& held = clockOf(paused, SlaTarget::Resolution);
        QCOMPARE(held.status, ClockStatus::Paused);
        QCOMPARE(held.elapsedBusinessMin, 360.0);
        QCOMPARE(held.breachAt, std::nullopt);
    }

    void pausingStatusHoldsTheClockSinceLastActivity() {
        // Created Mon 09:00 CET, answered 10:00 CET, now "pending_customer"
        // (the policy says "Pending customer"): resolution paused since the
        // answer, 60 min used as of 15:00 CET.
        Ticket ticket = ticketCreatedAt("2026-11-23T08:00:00Z");
        ticket.firstResponseAt = utc("2026-11-23T09:00:00Z");
        ticket.status = QStringLiteral("pending_customer");
        const auto result =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-23T14:00:00Z"));
        QCOMPARE(clockOf(result, SlaTarget::FirstResponse).status, ClockStatus::Met);
        QCOMPARE(clockOf(result, SlaTarget::FirstResponse).elapsedBusinessMin, 60.0);
        const TargetClock& resolution = clockOf(result, SlaTarget::Resolution);
        QCOMPARE(resolution.status, ClockStatus::Paused);
        QCOMPARE(resolution.elapsedBusinessMin, 60.0);
        QVERIFY(!resolution.atRisk);
    }

    void claimRunsFromFirstEscalationToItsClaim() {
        // Escalated Mon 16:30 CET, claimed Tue 09:40 CET: Mon 30 + Tue 40 =
        // 70 min of 60 → breached; due Mon 30 min + Tue 09:00 + 30 min =
        // 09:30 CET = 08:30Z.
        const Ticket ticket = ticketCreatedAt("2026-11-23T08:00:00Z");
        const std::vector<TicketEvent> events{
            logEvent(EventKind::Escalated, "2026-11-23T15:30:00Z"),
            logEvent(EventKind::Claimed, "2026-11-24T08:40:00Z")};
        const auto result =
            evaluateSla(ticket, events, standardPolicy(), m_berlin, utc("2026-11-24T12:00:00Z"));
        const TargetClock& claim = clockOf(result, SlaTarget::Claim);
        QCOMPARE(claim.startedAt, utc("2026-11-23T15:30:00Z"));
        QCOMPARE(claim.status, ClockStatus::Breached);
        QCOMPARE(claim.elapsedBusinessMin, 70.0);
        QCOMPARE(claim.breachAt, utc("2026-11-24T08:30:00Z"));
    }

    void claimAfterReEscalationDoesNotCountForTheFirst() {
        // Escalated Mon 10:00, escalated again 11:00, claimed 11:10 CET: the
        // claim pairs with the second escalation, so the first is unclaimed.
        // As of 12:00 CET it has run 120 min of 60 → breached, due 11:00 CET.
        const Ticket ticket = ticketCreatedAt("2026-11-23T08:00:00Z");
        const std::vector<TicketEvent> events{
            logEvent(EventKind::Escalated, "2026-11-23T09:00:00Z"),
            logEvent(EventKind::Escalated, "2026-11-23T10:00:00Z"),
            logEvent(EventKind::Claimed, "2026-11-23T10:10:00Z")};
        const auto result =
            evaluateSla(ticket, events, standardPolicy(), m_berlin, utc("2026-11-23T11:00:00Z"));
        const TargetClock& claim = clockOf(result, SlaTarget::Claim);
        QCOMPARE(claim.stoppedAt, std::nullopt);
        QCOMPARE(claim.status, ClockStatus::Breached);
        QCOMPARE(claim.elapsedBusinessMin, 120.0);
        QCOMPARE(claim.breachAt, utc("2026-11-23T10:00:00Z"));
    }

    void answerAtClosingIsMetAnswerAtNextOpeningIsNot() {
        // Created Mon 13:00 CET with 240 min: due at Mon 17:00 CET (16:00Z),
        // the closing instant. Answered at 17:00 → met, 240 min used.
        Ticket ticket = ticketCreatedAt("2026-11-23T12:00:00Z");
        ticket.firstResponseAt = utc("2026-11-23T16:00:00Z");
        const auto onTime =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-24T12:00:00Z"));
        QCOMPARE(clockOf(onTime, SlaTarget::FirstResponse).status, ClockStatus::Met);
        QCOMPARE(clockOf(onTime, SlaTarget::FirstResponse).consumed, 1.0);
        // Answered Tue 09:00 CET: still 240 business min (nothing counts over
        // the night), but after the due instant → breached.
        ticket.firstResponseAt = utc("2026-11-24T08:00:00Z");
        const auto late =
            evaluateSla(ticket, {}, standardPolicy(), m_berlin, utc("2026-11-24T12:00:00Z"));
        const TargetClock& response = clockOf(late, SlaTarget::FirstResponse);
        QCOMPARE(response.elapsedBusinessMin, 240.0);
        QCOMPARE(response.status, ClockStatus::Breached);
        QCOMPARE(response.breachAt, utc("2026-11-23T16:00:00Z"));
    }

    void criticalRoundTheClockKeepsSeconds() {
        // 24×7, acknowledge 15 min, resolve 120 min. Created Sat 21 Nov
        // 23:50Z, acknowledged Sun 00:04Z (14 min, met), resolved Sun
        // 02:00:30Z: 130.5 min of 120 → breached, due 23:50 + 2 h = 01:50Z,
        // consumed 130.5 / 120 = 1.0875.
        BusinessCalendar always;
        always.name = QStringLiteral("24×7");
        always.roundTheClock = true;
        always.timeZone = QStringLiteral("UTC");
        SlaPolicy critical = standardPolicy();
        critical.priority = QStringLiteral("Critical");
        critical.firstResponseMin = 15;
        critical.resolutionMin = 120;
        Ticket ticket = ticketCreatedAt("2026-11-21T23:50:00Z");
        ticket.firstResponseAt = utc("2026-11-22T00:04:00Z");
        ticket.resolvedAt = utc("2026-11-22T02:00:30Z");
        const auto result =
            evaluateSla(ticket, {}, critical, CalendarClock(always), utc("2026-11-23T00:00:00Z"));
        QCOMPARE(clockOf(result, SlaTarget::FirstResponse).status, ClockStatus::Met);
        QCOMPARE(clockOf(result, SlaTarget::FirstResponse).elapsedBusinessMin, 14.0);
        const TargetClock& resolution = clockOf(result, SlaTarget::Resolution);
        QCOMPARE(resolution.status, ClockStatus::Breached);
        QCOMPARE(resolution.elapsedBusinessMin, 130.5);
        QCOMPARE(resolution.consumed, 1.0875);
        QCOMPARE(resolution.breachAt, utc("2026-11-22T01:50:00Z"));
    }

    void ticketCreatedOnHolidayStartsNextBusinessDay() {
        // US office with Thanksgiving (Thu 26 Nov 2026). Created 10:00 EST
        // (15:00Z) that day; as of 20:00Z nothing has counted. Due: Fri 27
        // 09:00 EST + 4 h = 13:00 EST = 18:00Z.
        BusinessCalendar us = office("America/New_York");
        Holiday thanksgiving;
        thanksgiving.kind = Holiday::Kind::NthWeekday;
        thanksgiving.nth = 4;
        thanksgiving.weekday = 4;
        thanksgiving.month = 11;
        us.holidays = {thanksgiving};
        const Ticket ticket = ticketCreatedAt("2026-11-26T15:00:00Z");
        const auto result = evaluateSla(ticket, {}, standardPolicy(), CalendarClock(us),
                                        utc("2026-11-26T20:00:00Z"));
        const TargetClock& response = clockOf(result, SlaTarget::FirstResponse);
        QCOMPARE(response.status, ClockStatus::Running);
        QCOMPARE(response.elapsedBusinessMin, 0.0);
        QCOMPARE(response.consumed, 0.0);
        QCOMPARE(response.breachAt, utc("2026-11-27T18:00:00Z"));
    }

    void resolvedEventsStandInForResolvedAt() {
        // No resolved_at in the tickets file; the event log says resolved Mon
        // 11:00 CET, reopened 12:00, resolved again Tue 10:00 CET. Created Mon
        // 09:00 CET: the last resolution counts, Mon 8 h + Tue 1 h = 540 min.
        const Ticket ticket = ticketCreatedAt("2026-11-23T08:00:00Z");
        const std::vector<TicketEvent> events{
            logEvent(EventKind::Resolved, "2026-11-23T10:00:00Z"),
            logEvent(EventKind::Reopened, "2026-11-23T11:00:00Z"),
            logEvent(EventKind::Resolved, "2026-11-24T09:00:00Z")};
        const auto done =
            evaluateSla(ticket, events, standardPolicy(), m_berlin, utc("2026-11-25T12:00:00Z"));
        const TargetClock& resolution = clockOf(done, SlaTarget::Resolution);
        QCOMPARE(resolution.status, ClockStatus::Met);
        QCOMPARE(resolution.stoppedAt, utc("2026-11-24T09:00:00Z"));
        QCOMPARE(resolution.elapsedBusinessMin, 540.0);
        // As of Mon 12:30 CET it was reopened: running, 210 min used.
        const auto reopened =
            evaluateSla(ticket, events, standardPolicy(), m_berlin, utc("2026-11-23T11:30:00Z"));
        QCOMPARE(clockOf(reopened, SlaTarget::Resolution).status, ClockStatus::Running);
        QCOMPARE(clockOf(reopened, SlaTarget::Resolution).elapsedBusinessMin, 210.0);
    }

    void statusNamesMatchLoosely() {
        QVERIFY(sameStatus(QStringLiteral("Pending customer"), QStringLiteral("pending_customer")));
        QVERIFY(
            sameStatus(QStringLiteral("PENDING-CUSTOMER"), QStringLiteral(" pending customer")));
        QVERIFY(!sameStatus(QStringLiteral("pending"), QStringLiteral("pending customer")));
    }
};

QTEST_GUILESS_MAIN(TestSlaEngine)
#include "tst_sla_engine.moc"

// Calendar arithmetic of SPEC §6, pinned on cases worked out by hand. Each
// case states its working; offsets used: Europe/Berlin CET = UTC+1, CEST =
// UTC+2 (2026: CEST from Sun 29 March 02:00 CET, back to CET Sun 25 October
// 03:00 CEST); America/New_York EST = UTC−5, EDT = UTC−4 (2026: EDT from Sun
// 8 March 02:00 EST, back to EST Sun 1 November 02:00 EDT).

#include "sla/BusinessCalendar.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::sla;

namespace {

UtcSeconds utc(const char* iso) {
    const QDateTime dateTime = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    Q_ASSERT(dateTime.isValid());
    return dateTime.toSecsSinceEpoch();
}

constexpr int hour = 3600;
constexpr int minute = 60;

OpeningHours hours(int openHour, int openMinute, int closeHour, int closeMinute) {
    return {openHour * hour + openMinute * minute, closeHour * hour + closeMinute * minute};
}

// Monday to Friday 09:00–17:00 in `zone`.
BusinessCalendar officeHours(const char* zone) {
    BusinessCalendar calendar;
    calendar.name = QStringLiteral("Office");
    calendar.timeZone = QLatin1String(zone);
    for (int day = 0; day < 5; ++day) {
        calendar.week[day] = {hours(9, 0, 17, 0)};
    }
    return calendar;
}

// Only Sundays, with the given hours: to put opening times inside DST changes.
BusinessCalendar sundayHours(const char* zone, OpeningHours opening) {
    BusinessCalendar calendar;
    calendar.timeZone = QLatin1String(zone);
    calendar.week[6] = {opening};
    return calendar;
}

Holiday thanksgiving() {
    Holiday holiday;
    holiday.kind = Holiday::Kind::NthWeekday;
    holiday.name = QStringLiteral("Thanksgiving");
    holiday.nth = 4;
    holiday.weekday = 4; // Thursday
    holiday.month = 11;
    return holiday;
}

Holiday memorialDay() {
    Holiday holiday;
    holiday.kind = Holiday::Kind::LastWeekday;
    holiday.name = QStringLiteral("Memorial Day");
    holiday.weekday = 1; // Monday
    holiday.month = 5;
    return holiday;
}

BusinessCalendar usOffice() {
    BusinessCalendar calendar = officeHours("America/New_York");
    Holiday christmas;
    christmas.kind = Holiday::Kind::Yearly;
    christmas.month = 12;
    christmas.day = 25;
    Holiday companyDay;
    companyDay.kind = Holiday::Kind::Date;
    companyDay.date = QDate(2026, 12, 31);
    calendar.holidays = {thanksgiving(), memorialDay(), christmas, companyDay};
    return calendar;
}

} // namespace

class TestBusinessCalendar : public QObject {
    Q_OBJECT

private slots:
    void holidayRulesFallOnTheRightDates() {
        // November 2026 starts on a Sunday: Thursdays 5, 12, 19, 26 → the
        // fourth is the 26th. November 2027 starts on a Monday: Thursdays 4,
        // 11, 18, 25 → the 25th.
        QCOMPARE(thanksgiving().dateIn(2026), QDate(2026, 11, 26));
        QCOMPARE(thanksgiving().dateIn(2027), QDate(2027, 11, 25));
        // 31 May 2026 is a Sunday, so the last Monday is the 25th; 31 May 2027
        // is itself a Monday.
        QCOMPARE(memorialDay().dateIn(2026), QDate(2026, 5, 25));
        QCOMPARE(memorialDay().dateIn(2027), QDate(2027, 5, 31));
        // February 2026 has Mondays 2, 9, 16, 23 only: no fifth Monday.
        Holiday fifthMonday;
        fifthMonday.kind = Holiday::Kind::NthWeekday;
        fifthMonday.nth = 5;
        fifthMonday.weekday = 1;
        fifthMonday.month = 2;
        QCOMPARE(fifthMonday.dateIn(2026), std::nullopt);
        const BusinessCalendar us = usOffice();
        QVERIFY(us.isHoliday(QDate(2026, 11, 26)));
        QVERIFY(!us.isHoliday(QDate(2026, 11, 19)));
        QVERIFY(us.isHoliday(QDate(2027, 12, 25)));
        QVERIFY(us.isHoliday(QDate(2026, 12, 31)));
        QVERIFY(!us.isHoliday(QDate(2027, 12, 31)));
        QCOMPARE(thanksgiving().describe(), QStringLiteral("fourth Thursday of November"));
        QCOMPARE(memorialDay().describe(), QStringLiteral("last Monday of May"));
    }

    void closingInstantIsExcludedOpeningIncluded() {
        const CalendarClock clock(officeHours("Europe/Berlin"));
        // Mon 23 Nov 17:00 CET (16:00Z) to Tue 09:00 CET (08:00Z): closed all
        // night → 0.
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-23T16:00:00Z"), utc("2026-11-24T08:00:00Z")),
            0);
        // 08:59:30 to 09:00:30 CET: only the 30 s after the opening count.
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-23T07:59:30Z"), utc("2026-11-23T08:00:30Z")),
            30);
        // Starting at the closing instant: 1 h lands at Tue 10:00 CET (09:00Z).
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T16:00:00Z"), hour),
                 utc("2026-11-24T09:00:00Z"));
        // Starting at the opening instant: 30 min → 09:30 CET (08:30Z).
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T08:00:00Z"), 30 * minute),
                 utc("2026-11-23T08:30:00Z"));
    }

    void targetEndingAtClosingIsDueAtClosing() {
        const CalendarClock clock(officeHours("Europe/Berlin"));
        // Mon 13:00 CET + 240 business min: 13:00→17:00 uses exactly 4 h, so
        // due Mon 17:00 CET = 16:00Z, not Tue 09:00.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T12:00:00Z"), 240 * minute),
                 utc("2026-11-23T16:00:00Z"));
        // Split day 09–12 and 13–17: start 11:00, 1 h → due 12:00 (the first
        // interval's closing), 2 h → 11–12 then 13–14 → due 14:00.
        BusinessCalendar split = officeHours("Europe/Berlin");
        split.week[0] = {hours(9, 0, 12, 0), hours(13, 0, 17, 0)};
        const CalendarClock splitClock(split);
        QCOMPARE(splitClock.addBusinessSeconds(utc("2026-11-23T10:00:00Z"), hour),
                 utc("2026-11-23T11:00:00Z"));
        QCOMPARE(splitClock.addBusinessSeconds(utc("2026-11-23T10:00:00Z"), 2 * hour),
                 utc("2026-11-23T13:00:00Z"));
        // Elapsed 11:00→14:00 CET over the lunch break: 1 h + 1 h.
        QCOMPARE(splitClock.elapsedBusinessSeconds(utc("2026-11-23T10:00:00Z"),
                                                   utc("2026-11-23T13:00:00Z")),
                 2 * hour);
    }

    void eventsOutsideBusinessHoursStartAtNextOpening() {
        const CalendarClock clock(officeHours("Europe/Berlin"));
        // Sat 21 Nov 10:00 CET + 8 h: nothing on the weekend; Mon 09:00–17:00
        // uses the 8 h → due Mon 17:00 CET = 16:00Z.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-21T09:00:00Z"), 8 * hour),
                 utc("2026-11-23T16:00:00Z"));
        // Mon 06:00 CET + 1 h → 10:00 CET = 09:00Z.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T05:00:00Z"), hour),
                 utc("2026-11-23T09:00:00Z"));
        // Fri 20 Nov 16:30 CET → Mon 23 Nov 09:45 CET: Fri 30 min + Mon 45 min.
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-20T15:30:00Z"), utc("2026-11-23T08:45:00Z")),
            75 * minute);
    }

    // SPEC §6: adding business time from outside business hours starts at
    // the next opening — zero minutes as well (an "immediately" target set
    // on a Saturday is due at Monday's opening, not on Saturday).
    void zeroMinutesFromOutsideHoursIsTheNextOpening() {
        const CalendarClock clock(officeHours("Europe/Berlin"));
        // Sat 21 Nov 10:00 CET → Mon 23 Nov 09:00 CET = 08:00Z.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-21T09:00:00Z"), 0),
                 utc("2026-11-23T08:00:00Z"));
        // Mon 06:00 CET → 09:00 CET the same day.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T05:00:00Z"), 0),
                 utc("2026-11-23T08:00:00Z"));
        // At the closing instant (17:00 CET, excluded) → Tue 09:00 CET.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T16:00:00Z"), 0),
                 utc("2026-11-24T08:00:00Z"));
        // Inside business hours, zero is the start itself.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T10:17:00Z"), 0),
                 utc("2026-11-23T10:17:00Z"));
        // Inside a pause 10:00–11:00 CET: the clock runs again at 11:00 CET.
        QCOMPARE(
            clock.addBusinessSeconds(utc("2026-11-23T09:30:00Z"), 0,
                                     {{utc("2026-11-23T09:00:00Z"), utc("2026-11-23T10:00:00Z")}}),
            utc("2026-11-23T10:00:00Z"));
    }

    void reversedRangeIsZero() {
        const CalendarClock clock(officeHours("Europe/Berlin"));
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-24T10:00:00Z"), utc("2026-11-23T10:00:00Z")),
            0);
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-24T10:00:00Z"), utc("2026-11-24T10:00:00Z")),
            0);
    }

    void pausesSpanningNightsAreNotCounted() {
        const CalendarClock clock(officeHours("Europe/Berlin"));
        // Mon 23 Nov 10:00 CET → Wed 25 Nov 12:00 CET: Mon 7 h + Tue 8 h +
        // Wed 3 h = 18 h. Paused Mon 16:00 → Tue 11:00 CET removes Mon 16–17
        // (1 h) and Tue 09–11 (2 h): 15 h.
        const std::vector<Span> pause{{utc("2026-11-23T15:00:00Z"), utc("2026-11-24T10:00:00Z")}};
        QCOMPARE(clock.elapsedBusinessSeconds(utc("2026-11-23T09:00:00Z"),
                                              utc("2026-11-25T11:00:00Z"), pause),
                 15 * hour);
        // 8 h from Mon 10:00: Mon 10–16 = 6 h, paused until Tue 11:00, then
        // 2 h → Tue 13:00 CET = 12:00Z.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T09:00:00Z"), 8 * hour, pause),
                 utc("2026-11-24T12:00:00Z"));
        // A pause that never ended stops the clock for good: no due instant.
        const std::vector<Span> neverResumed{{utc("2026-11-23T15:00:00Z"), openEnded}};
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T09:00:00Z"), 8 * hour, neverResumed),
                 std::nullopt);
        QCOMPARE(clock.elapsedBusinessSeconds(utc("2026-11-23T09:00:00Z"),
                                              utc("2026-11-25T11:00:00Z"), neverResumed),
                 6 * hour);
    }

    void roundTheClockCountsEverySecond() {
        BusinessCalendar always;
        always.roundTheClock = true;
        always.timeZone = QStringLiteral("Europe/Berlin");
        const CalendarClock clock(always);
        // 00:00Z → 10:00Z with 02:00–03:00Z paused: 9 h.
        QCOMPARE(clock.elapsedBusinessSeconds(
                     utc("2026-11-23T00:00:00Z"), utc("2026-11-23T10:00:00Z"),
                     {{utc("2026-11-23T02:00:00Z"), utc("2026-11-23T03:00:00Z")}}),
                 9 * hour);
        // Sunday 23:30Z + 2 h → Monday 01:30Z; weekends count.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-22T23:30:00Z"), 2 * hour),
                 utc("2026-11-23T01:30:00Z"));
        // Local midnight → 06:00 on 29 March 2026 in Berlin is 23:00Z → 04:00Z:
        // 5 real hours, though the wall clock moved 6.
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T04:00:00Z")),
            5 * hour);
    }

    void berlinSpringForward() {
        // Office week across the change: Fri 27 Mar 16:00 CET (15:00Z) → Mon
        // 30 Mar 10:00 CEST (08:00Z): Fri 1 h + Mon 1 h (Mon opens 07:00Z).
        const CalendarClock office(officeHours("Europe/Berlin"));
        QCOMPARE(
            office.elapsedBusinessSeconds(utc("2026-03-27T15:00:00Z"), utc("2026-03-30T08:00:00Z")),
            2 * hour);
        QCOMPARE(office.addBusinessSeconds(utc("2026-03-27T15:00:00Z"), 2 * hour),
                 utc("2026-03-30T08:00:00Z"));
        // Sunday 01:00–05:00 on the change day: 01:00 CET = 00:00Z, 05:00 CEST
        // = 03:00Z → 3 h.
        const CalendarClock early(sundayHours("Europe/Berlin", hours(1, 0, 5, 0)));
        QCOMPARE(early.businessSpansOf(QDate(2026, 3, 29)),
                 (std::vector<Span>{{utc("2026-03-29T00:00:00Z"), utc("2026-03-29T03:00:00Z")}}));
        // Opening at 02:30, which does not exist: moves forward by the gap to
        // 03:30 CEST = 01:30Z; closing 04:00 CEST = 02:00Z → 30 min.
        const CalendarClock gapOpening(sundayHours("Europe/Berlin", hours(2, 30, 4, 0)));
        QCOMPARE(gapOpening.resolveLocal(QDate(2026, 3, 29), 2 * hour + 30 * minute),
                 utc("2026-03-29T01:30:00Z"));
        QCOMPARE(gapOpening.elapsedBusinessSeconds(utc("2026-03-28T12:00:00Z"),
                                                   utc("2026-03-29T12:00:00Z")),
                 30 * minute);
        // 02:00–03:00 lies wholly in the gap: 02:00 → 03:00 CEST = 01:00Z and
        // 03:00 CEST = 01:00Z, the interval is emptied → 0.
        const CalendarClock emptied(sundayHours("Europe/Berlin", hours(2, 0, 3, 0)));
        QCOMPARE(emptied.elapsedBusinessSeconds(utc("2026-03-28T12:00:00Z"),
                                                utc("2026-03-29T12:00:00Z")),
                 0);
        // 02:15–02:45: both ends in the gap → 0 as well.
        const CalendarClock inside(sundayHours("Europe/Berlin", hours(2, 15, 2, 45)));
        QCOMPARE(
            inside.elapsedBusinessSeconds(utc("2026-03-28T12:00:00Z"), utc("2026-03-29T12:00:00Z")),
            0);
        // Adding across the gap: Sunday 01:00–05:00, 2 h 30 min from Saturday →
        // opens 01:00 CET = 00:00Z, due 02:30Z = 04:30 CEST.
        QCOMPARE(early.addBusinessSeconds(utc("2026-03-28T12:00:00Z"), 2 * hour + 30 * minute),
                 utc("2026-03-29T02:30:00Z"));
        // A whole-day Sunday (00:00–24:00) is 23 real hours that day.
        const CalendarClock wholeDay(sundayHours("Europe/Berlin", hours(0, 0, 24, 0)));
        QCOMPARE(wholeDay.elapsedBusinessSeconds(utc("2026-03-28T00:00:00Z"),
                                                 utc("2026-03-30T00:00:00Z")),
                 23 * hour);
        // The week before, the same hours are ordinary: 02:15–02:45 CET = 30 min.
        QCOMPARE(
            inside.elapsedBusinessSeconds(utc("2026-03-21T12:00:00Z"), utc("2026-03-22T12:00:00Z")),
            30 * minute);
    }

    void berlinFallBack() {
        // Fri 23 Oct 16:00 CEST (14:00Z) → Mon 26 Oct 10:00 CET (09:00Z):
        // Fri 1 h + Mon 1 h (Mon opens 08:00Z).
        const CalendarClock office(officeHours("Europe/Berlin"));
        QCOMPARE(
            office.elapsedBusinessSeconds(utc("2026-10-23T14:00:00Z"), utc("2026-10-26T09:00:00Z")),
            2 * hour);
        // 3 h from Fri 16:00 CEST: Fri 1 h, Mon 09:00 CET (08:00Z) + 2 h → 10:00Z.
        QCOMPARE(office.addBusinessSeconds(utc("2026-10-23T14:00:00Z"), 3 * hour),
                 utc("2026-10-26T10:00:00Z"));
        // Sunday 01:00–04:00 on the change day: 01:00 CEST = 23:00Z (Sat),
        // 04:00 CET = 03:00Z → 4 real hours.
        const CalendarClock night(sundayHours("Europe/Berlin", hours(1, 0, 4, 0)));
        QCOMPARE(
            night.elapsedBusinessSeconds(utc("2026-10-24T12:00:00Z"), utc("2026-10-25T12:00:00Z")),
            4 * hour);
        // Opening 02:30 is ambiguous: the first occurrence, 02:30 CEST =
        // 00:30Z; closing 03:30 CET = 02:30Z → 2 h.
        const CalendarClock ambiguous(sundayHours("Europe/Berlin", hours(2, 30, 3, 30)));
        QCOMPARE(ambiguous.resolveLocal(QDate(2026, 10, 25), 2 * hour + 30 * minute),
                 utc("2026-10-25T00:30:00Z"));
        QCOMPARE(ambiguous.elapsedBusinessSeconds(utc("2026-10-24T12:00:00Z"),
                                                  utc("2026-10-25T12:00:00Z")),
                 2 * hour);
        // A whole-day Sunday on the change day is 25 real hours: 00:00 CEST =
        // 22:00Z (Sat) to 24:00 CET = 23:00Z (Sun).
        const CalendarClock wholeDay(sundayHours("Europe/Berlin", hours(0, 0, 24, 0)));
        QCOMPARE(wholeDay.elapsedBusinessSeconds(utc("2026-10-24T00:00:00Z"),
                                                 utc("2026-10-26T12:00:00Z")),
                 25 * hour);
        // 3 h from the opening: 22:00Z + 3 h = 01:00Z, which is 02:00 CET, the
        // second 02:00 of the night.
        QCOMPARE(wholeDay.addBusinessSeconds(utc("2026-10-24T12:00:00Z"), 3 * hour),
                 utc("2026-10-25T01:00:00Z"));
    }

    void newYorkBothChanges() {
        // 8 March 2026, Sunday 01:00–04:00: 01:00 EST = 06:00Z, 04:00 EDT =
        // 08:00Z → 2 h.
        const CalendarClock night(sundayHours("America/New_York", hours(1, 0, 4, 0)));
        QCOMPARE(
            night.elapsedBusinessSeconds(utc("2026-03-07T12:00:00Z"), utc("2026-03-08T12:00:00Z")),
            2 * hour);
        // 02:30 does not exist that night → 03:30 EDT = 07:30Z.
        QCOMPARE(night.resolveLocal(QDate(2026, 3, 8), 2 * hour + 30 * minute),
                 utc("2026-03-08T07:30:00Z"));
        // 1 November 2026: 01:00 EDT = 05:00Z (first occurrence), 04:00 EST =
        // 09:00Z → 4 h; 01:30 is ambiguous → 01:30 EDT = 05:30Z.
        QCOMPARE(
            night.elapsedBusinessSeconds(utc("2026-10-31T12:00:00Z"), utc("2026-11-01T12:00:00Z")),
            4 * hour);
        QCOMPARE(night.resolveLocal(QDate(2026, 11, 1), hour + 30 * minute),
                 utc("2026-11-01T05:30:00Z"));
        // Office: Fri 6 Mar 16:00 EST (21:00Z) + 2 h → Fri 1 h, Mon 9 Mar
        // 09:00 EDT (13:00Z) + 1 h → 14:00Z.
        const CalendarClock office(officeHours("America/New_York"));
        QCOMPARE(office.addBusinessSeconds(utc("2026-03-06T21:00:00Z"), 2 * hour),
                 utc("2026-03-09T14:00:00Z"));
    }

    void holidaysAreWholeDaysOff() {
        const CalendarClock clock(usOffice());
        // Created on Thanksgiving, Thu 26 Nov 10:00 EST (15:00Z), resolved Fri
        // 27 Nov 10:00 EST (15:00Z): Thursday is off, Fri 09–10 → 1 h.
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-26T15:00:00Z"), utc("2026-11-27T15:00:00Z")),
            hour);
        // 4 h from Thanksgiving 10:00: Fri 09:00 EST (14:00Z) + 4 h → 18:00Z.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-26T15:00:00Z"), 4 * hour),
                 utc("2026-11-27T18:00:00Z"));
        // Fri 22 May 16:00 EDT (20:00Z) + 2 h: Fri 1 h, Memorial Day (Mon 25)
        // off, Tue 26 09:00 EDT (13:00Z) + 1 h → 14:00Z.
        QCOMPARE(clock.addBusinessSeconds(utc("2026-05-22T20:00:00Z"), 2 * hour),
                 utc("2026-05-26T14:00:00Z"));
        // Thu 24 Dec 16:00 EST → Mon 28 Dec 10:00 EST: Thu 1 h, Fri 25 Dec
        // off, weekend, Mon 1 h → 2 h.
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-12-24T21:00:00Z"), utc("2026-12-28T15:00:00Z")),
            2 * hour);
    }

    void calendarThatNeverOpensHasNoDueInstant() {
        BusinessCalendar closed;
        closed.timeZone = QStringLiteral("Europe/Berlin");
        const CalendarClock clock(closed);
        QCOMPARE(clock.addBusinessSeconds(utc("2026-11-23T09:00:00Z"), hour), std::nullopt);
        QCOMPARE(
            clock.elapsedBusinessSeconds(utc("2026-11-23T09:00:00Z"), utc("2026-11-30T09:00:00Z")),
            0);
    }

    void localDatesAgreeWithQtAcrossOffsetChanges() {
        // Every 15 minutes of 2026 in zones with DST changes at different
        // local times (New York 02:00, Berlin 02:00/03:00 UTC+1, Lord Howe
        // by 30 minutes) and one without: the calendar's local date of each
        // instant is Qt's conversion of it.
        for (const char* zone :
             {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"}) {
            const CalendarClock clock(officeHours(zone));
            const QTimeZone qtZone(zone);
            for (UtcSeconds t = utc("2026-01-01T00:00:00Z"); t < utc("2027-01-01T00:00:00Z");
                 t += 15 * minute) {
                const QDate expected = QDateTime::fromSecsSinceEpoch(t, qtZone).date();
                if (clock.localDateOf(t) != expected) {
                    QFAIL(qPrintable(QStringLiteral("%1 at %2: %3, expected %4")
                                         .arg(QLatin1String(zone))
                                         .arg(t)
                                         .arg(clock.localDateOf(t).toString(Qt::ISODate),
                                              expected.toString(Qt::ISODate))));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBusinessCalendar)
#include "tst_business_calendar.moc"

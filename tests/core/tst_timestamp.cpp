// Timestamp forms of helpdesk exports, the per-column form detection, and
// naive local times placed in a source zone across both DST edges.
// Expected instants were worked out with Python's datetime (UTC seconds).

#include "import/Timestamp.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::import;

Q_DECLARE_METATYPE(escdesk::import::TimestampForm)

namespace {

std::optional<ParsedTimestamp> parse(const char* text, TimestampForm form) {
    TimestampProblem problem;
    return parseTimestamp(text, form, problem);
}

std::optional<TimestampForm> detect(std::initializer_list<const char*> values, DateOrder told,
                                    bool& ambiguous) {
    TimestampFormDetector detector;
    for (const char* value : values) {
        detector.add(value);
    }
    return detector.form(told, ambiguous);
}

} // namespace

class TestTimestamp : public QObject {
    Q_OBJECT

private slots:
    void readsEachForm_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TimestampForm>("form");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<bool>("naive");
        // datetime(2026,11,22,15,4,5,tzinfo=utc).timestamp() = 1795359845
        QTest::newRow("iso Z") << "2026-11-22T15:04:05Z" << TimestampForm::Iso8601
                               << qint64(1795359845) << false;
        QTest::newRow("iso fraction Z")
            << "2026-11-22T15:04:05.987Z" << TimestampForm::Iso8601 << qint64(1795359845) << false;
        // 15:04:05 at +05:30 is 09:34:05Z: 1795359845 - 19800 = 1795340045
        QTest::newRow("iso +05:30")
            << "2026-11-22T15:04:05+05:30" << TimestampForm::Iso8601 << qint64(1795340045) << false;
        // 15:04:05 at -08:00 is 23:04:05Z: 1795359845 + 28800 = 1795388645
        QTest::newRow("iso -0800")
            << "2026-11-22T15:04:05-0800" << TimestampForm::Iso8601 << qint64(1795388645) << false;
        QTest::newRow("iso naive")
            << "2026-11-22T15:04:05" << TimestampForm::Iso8601 << qint64(1795359845) << true;
        // 2026-11-22 15:04 = 1795359840
        QTest::newRow("space minutes")
            << "2026-11-22 15:04" << TimestampForm::Iso8601 << qint64(1795359840) << true;
        QTest::newRow("space seconds")
            << "2026-11-22 15:04:05" << TimestampForm::Iso8601 << qint64(1795359845) << true;
        QTest::newRow("us pm") << "11/22/2026 3:04 PM" << TimestampForm::SlashMonthFirst
                               << qint64(1795359840) << true;
        QTest::newRow("us seconds pm") << "11/22/2026 03:04:05 pm" << TimestampForm::SlashMonthFirst
                                       << qint64(1795359845) << true;
        // 12:04 AM is 00:04 (1795305840); 12:04 PM is noon (1795349040).
        QTest::newRow("us 12 am") << "11/22/2026 12:04 AM" << TimestampForm::SlashMonthFirst
                                  << qint64(1795305840) << true;
        QTest::newRow("us 12 pm") << "11/22/2026 12:04 PM" << TimestampForm::SlashMonthFirst
                                  << qint64(1795349040) << true;
        QTest::newRow("us 24h") << "11/22/2026 15:04" << TimestampForm::SlashMonthFirst
                                << qint64(1795359840) << true;
        QTest::newRow("european slash")
            << "22/11/2026 15:04" << TimestampForm::SlashDayFirst << qint64(1795359840) << true;
        QTest::newRow("european dots")
            << "22.11.2026 15:04" << TimestampForm::Dotted << qint64(1795359840) << true;
        QTest::newRow("jira") << "22/Nov/26 3:04 PM" << TimestampForm::Jira << qint64(1795359840)
                              << true;
        QTest::newRow("jira lower month")
            << "22/nov/2026 3:04 pm" << TimestampForm::Jira << qint64(1795359840) << true;
        QTest::newRow("epoch seconds")
            << "1795359845" << TimestampForm::EpochSeconds << qint64(1795359845) << false;
        QTest::newRow("epoch millis")
            << "1795359845123" << TimestampForm::EpochMillis << qint64(1795359845) << false;
        // A leap day: 2024-02-29 23:59:59 = 1709251199
        QTest::newRow("leap day") << "2024-02-29 23:59:59" << TimestampForm::Iso8601
                                  << qint64(1709251199) << true;
        // jira.atlassian.com writes four-digit years: 07/Aug/2026 12:54 PM = 1786107240
        QTest::newRow("jira four-digit year")
            << "07/Aug/2026 12:54 PM" << TimestampForm::Jira << qint64(1786107240) << true;
        // Dash dates, both orders, 2026-11-22 15:04 = 1795359840
        QTest::newRow("dash day first")
            << "22-11-2026 15:04" << TimestampForm::DashDayFirst << qint64(1795359840) << true;
        QTest::newRow("dash month first pm")
            << "11-22-2026 3:04 PM" << TimestampForm::DashMonthFirst << qint64(1795359840) << true;
        QTest::newRow("dash two-digit year")
            << "22-11-26 15:04" << TimestampForm::DashDayFirst << qint64(1795359840) << true;
        QTest::newRow("year first slashes")
            << "2026/11/22 15:04" << TimestampForm::YearFirst << qint64(1795359840) << true;
        // ... with seconds: 1795359845; the trailing dot is Hungarian usage.
        QTest::newRow("year first dots")
            << "2026.11.22. 15:04:05" << TimestampForm::YearFirst << qint64(1795359845) << true;
        QTest::newRow("day month name")
            << "22 Nov 2026 15:04" << TimestampForm::DayMonthName << qint64(1795359840) << true;
        QTest::newRow("day full month dashes")
            << "22-November-26 3:04 PM" << TimestampForm::DayMonthName << qint64(1795359840)
            << true;
        QTest::newRow("jira slashes, full month")
            << "22/November/2026 3:04 PM" << TimestampForm::DayMonthName << qint64(1795359840)
            << true;
        // 22 November 2026 is a Sunday.
        QTest::newRow("weekday first") << "Sun, 22 Nov 2026 15:04:05" << TimestampForm::DayMonthName
                                       << qint64(1795359845) << true;
        QTest::newRow("month name first") << "Nov 22, 2026 3:04 PM" << TimestampForm::MonthNameFirst
                                          << qint64(1795359840) << true;
        QTest::newRow("month name first, slashes")
            << "Nov/22/26 3:04 PM" << TimestampForm::MonthNameFirst << qint64(1795359840) << true;
        // A date alone is midnight: 2026-11-22 00:00 = 1795305600
        QTest::newRow("full month first, no time")
            << "November 22 2026" << TimestampForm::MonthNameFirst << qint64(1795305600) << true;
        // Sept. 22, 2026 = 2026-09-22 00:00 = 1790035200
        QTest::newRow("sept with a dot")
            << "Sept. 22, 2026" << TimestampForm::MonthNameFirst << qint64(1790035200) << true;
    }

    void readsEachForm() {
        QFETCH(QString, text);
        QFETCH(TimestampForm, form);
        QFETCH(qint64, seconds);
        QFETCH(bool, naive);
        const QByteArray utf8 = text.toUtf8();
        TimestampProblem problem;
        const auto parsed = parseTimestamp(utf8.toStdString(), form, problem);
        QVERIFY2(parsed.has_value(), utf8.constData());
        QCOMPARE(parsed->seconds, seconds);
        QCOMPARE(parsed->naive, naive);
    }

    void rejectsDatesThatDoNotExist_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TimestampForm>("form");
        QTest::newRow("30 February") << "2026-02-30 10:00" << TimestampForm::Iso8601;
        QTest::newRow("29 February 2026") << "2026-02-29 10:00" << TimestampForm::Iso8601;
        QTest::newRow("month 13") << "2026-13-01" << TimestampForm::Iso8601;
        QTest::newRow("hour 25") << "2026-03-01 25:00" << TimestampForm::Iso8601;
        QTest::newRow("minute 60") << "2026-03-01 10:60" << TimestampForm::Iso8601;
        QTest::newRow("13 PM") << "11/22/2026 13:04 PM" << TimestampForm::SlashMonthFirst;
        QTest::newRow("31 April dmy") << "31/04/2026 10:00" << TimestampForm::SlashDayFirst;
        QTest::newRow("31 April dash") << "31-04-2026 10:00" << TimestampForm::DashDayFirst;
        QTest::newRow("31 Apr") << "31 Apr 2026" << TimestampForm::DayMonthName;
        QTest::newRow("Feb 30") << "Feb 30, 2026 9:00 AM" << TimestampForm::MonthNameFirst;
        QTest::newRow("month 13 year first") << "2026/13/01" << TimestampForm::YearFirst;
    }

    void rejectsDatesThatDoNotExist() {
        QFETCH(QString, text);
        QFETCH(TimestampForm, form);
        TimestampProblem problem = TimestampProblem::None;
        QVERIFY(!parseTimestamp(text.toStdString(), form, problem));
        QCOMPARE(problem, TimestampProblem::OutOfRange);
    }

    void rejectsValuesOfAnotherForm() {
        TimestampProblem problem = TimestampProblem::None;
        QVERIFY(!parseTimestamp("22/11/2026 15:04", TimestampForm::Iso8601, problem));
        QCOMPARE(problem, TimestampProblem::NotInForm);
        QVERIFY(!parseTimestamp("yesterday", TimestampForm::SlashDayFirst, problem));
        QCOMPARE(problem, TimestampProblem::NotInForm);
        QVERIFY(!parseTimestamp("2026-11-22 15:04 trailing", TimestampForm::Iso8601, problem));
        QVERIFY(!parse("17953598x5", TimestampForm::EpochSeconds));
        QVERIFY(!parseTimestamp("22/11/2026 15:04", TimestampForm::DashDayFirst, problem));
        QCOMPARE(problem, TimestampProblem::NotInForm);
        // Not a month, and a month name without a year.
        QVERIFY(!parseTimestamp("22 Novx 2026", TimestampForm::DayMonthName, problem));
        QCOMPARE(problem, TimestampProblem::NotInForm);
        QVERIFY(!parseTimestamp("Nov 22 15:04", TimestampForm::MonthNameFirst, problem));
        QCOMPARE(problem, TimestampProblem::NotInForm);
        // Three-digit years are no year.
        QVERIFY(!parse("22-11-202 15:04", TimestampForm::DashDayFirst));
    }

    void detectsTheFormOfAColumn() {
        bool ambiguous = false;
        QCOMPARE(
            detect({"2026-11-22T15:04:05Z", "2026-11-23T08:00:00Z"}, DateOrder::Unknown, ambiguous),
            TimestampForm::Iso8601);
        QCOMPARE(detect({"22/Nov/26 3:04 PM", "1/Dec/26 9:00 AM"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::Jira);
        QCOMPARE(detect({"1795359845", "1795359900"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::EpochSeconds);
        QCOMPARE(detect({"1795359845000", "1795359900000"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::EpochMillis);
        QCOMPARE(detect({"22.11.2026 15:04"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::Dotted);
        // One value with a first part above 12 settles day-first for the column.
        QCOMPARE(detect({"03/04/2026 10:00", "13/04/2026 10:00"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::SlashDayFirst);
        // ... and one with a second part above 12 settles month-first.
        QCOMPARE(detect({"03/04/2026 10:00", "04/13/2026 10:00"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::SlashMonthFirst);
        QVERIFY(!ambiguous);
        // Dash dates are told apart the same way.
        QCOMPARE(detect({"05-03-2024 14:22", "13-03-2024 09:00"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::DashDayFirst);
        QCOMPARE(
            detect({"03-05-2024 2:22 PM", "03-13-2024 9:00 AM"}, DateOrder::Unknown, ambiguous),
            TimestampForm::DashMonthFirst);
        QVERIFY(!ambiguous);
        // A column all in Jira's own form keeps it; one value with a full
        // month name (a value Jira's form does not read) makes it the wider form.
        QCOMPARE(detect({"22/Nov/26 3:04 PM", "2/Dec/26 9:47 AM"}, DateOrder::Unknown, ambiguous),
                 TimestampForm::Jira);
        QCOMPARE(
            detect({"22/Nov/26 3:04 PM", "02/September/26 9:47 AM"}, DateOrder::Unknown, ambiguous),
            TimestampForm::DayMonthName);
        // The form most values fit wins: two dash dates against one ISO date.
        QCOMPARE(detect({"2026-11-22 15:04", "13-03-2024 09:00", "14-03-2024 10:00"},
                        DateOrder::Unknown, ambiguous),
                 TimestampForm::DashDayFirst);
    }

    // Jira writes dates in its "Complete Date/Time Format", any Java date
    // pattern an administrator sets. Each pattern below renders 9 October
    // 2025 13:42 UTC (1760017320; the date alone is midnight, 1759968000); a
    // second value settles the day/month order where the first cannot.
    void detectsEveryJiraDateFormat_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<TimestampForm>("form");
        QTest::addColumn<qint64>("seconds");
        const qint64 at = 1760017320;
        const auto row = [&](const char* pattern, QStringList values, TimestampForm form,
                             qint64 seconds) {
            QTest::newRow(pattern) << values << form << seconds;
        };
        row("dd/MMM/yy h:mm a (default)", {"09/Oct/25 1:42 PM", "24/Jun/26 5:39 PM"},
            TimestampForm::Jira, at);
        row("dd/MMM/yyyy h:mm a", {"09/Oct/2025 1:42 PM"}, TimestampForm::Jira, at);
        row("d/MMM/yy HH:mm", {"9/Oct/25 13:42"}, TimestampForm::Jira, at);
        row("dd/MMM/yy", {"09/Oct/25"}, TimestampForm::Jira, 1759968000);
        row("yyyy-MM-dd HH:mm", {"2025-10-09 13:42"}, TimestampForm::Iso8601, at);
        row("yyyy-MM-dd'T'HH:mm:ss.SSSZ", {"2025-10-09T13:42:00.000+0000"}, TimestampForm::Iso8601,
            at);
        row("dd.MM.yyyy HH:mm", {"09.10.2025 13:42"}, TimestampForm::Dotted, at);
        row("dd.MM.yy HH:mm", {"09.10.25 13:42"}, TimestampForm::Dotted, at);
        row("MM/dd/yyyy h:mm a", {"10/09/2025 1:42 PM", "10/13/2025 9:00 AM"},
            TimestampForm::SlashMonthFirst, at);
        row("M/d/yy H:mm", {"10/9/25 13:42", "10/13/25 9:00"}, TimestampForm::SlashMonthFirst, at);
        row("dd/MM/yyyy HH:mm", {"09/10/2025 13:42", "13/10/2025 09:00"},
            TimestampForm::SlashDayFirst, at);
        row("dd-MM-yyyy HH:mm", {"09-10-2025 13:42", "13-10-2025 09:00"},
            TimestampForm::DashDayFirst, at);
        row("MM-dd-yyyy hh:mm a", {"10-09-2025 01:42 PM", "10-13-2025 09:00 AM"},
            TimestampForm::DashMonthFirst, at);
        row("yyyy/MM/dd HH:mm", {"2025/10/09 13:42"}, TimestampForm::YearFirst, at);
        row("dd MMM yyyy HH:mm", {"09 Oct 2025 13:42"}, TimestampForm::DayMonthName, at);
        row("dd-MMM-yyyy HH:mm", {"09-Oct-2025 13:42"}, TimestampForm::DayMonthName, at);
        row("d MMMM yyyy h:mm a", {"9 October 2025 1:42 PM"}, TimestampForm::DayMonthName, at);
        row("EEE, d MMM yyyy HH:mm", {"Thu, 9 Oct 2025 13:42"}, TimestampForm::DayMonthName, at);
        row("MMM d, yyyy h:mm a", {"Oct 9, 2025 1:42 PM"}, TimestampForm::MonthNameFirst, at);
        row("MMM/dd/yy h:mm a", {"Oct/09/25 1:42 PM"}, TimestampForm::MonthNameFirst, at);
        row("MMMM d, yyyy HH:mm", {"October 9, 2025 13:42"}, TimestampForm::MonthNameFirst, at);
    }

    void detectsEveryJiraDateFormat() {
        QFETCH(QStringList, values);
        QFETCH(TimestampForm, form);
        QFETCH(qint64, seconds);
        TimestampFormDetector detector;
        for (const QString& value : values) {
            detector.add(value.toStdString());
        }
        bool ambiguous = true;
        QCOMPARE(detector.form(DateOrder::Unknown, ambiguous), form);
        QVERIFY(!ambiguous);
        QVERIFY(!detector.needsDateOrder());
        TimestampProblem problem;
        const auto parsed = parseTimestamp(values.first().toStdString(), form, problem);
        QVERIFY2(parsed.has_value(), qPrintable(values.first()));
        QCOMPARE(parsed->seconds, seconds);
    }

    void slashDatesThatCannotTellNeedAnOrder() {
        bool ambiguous = false;
        QVERIFY(!detect({"03/04/2026 10:00", "05/06/2026 11:00"}, DateOrder::Unknown, ambiguous));
        QVERIFY(ambiguous);
        QCOMPARE(detect({"03/04/2026 10:00", "05/06/2026 11:00"}, DateOrder::DayFirst, ambiguous),
                 TimestampForm::SlashDayFirst);
        QCOMPARE(detect({"03/04/2026 10:00"}, DateOrder::MonthFirst, ambiguous),
                 TimestampForm::SlashMonthFirst);
        // The same for dash dates.
        QVERIFY(!detect({"03-04-2026 10:00", "05-06-2026 11:00"}, DateOrder::Unknown, ambiguous));
        QVERIFY(ambiguous);
        TimestampFormDetector dash;
        dash.add("03-04-2026 10:00");
        QVERIFY(dash.needsDateOrder());
        QCOMPARE(dash.form(DateOrder::DayFirst, ambiguous), TimestampForm::DashDayFirst);
        QCOMPARE(dash.form(DateOrder::MonthFirst, ambiguous), TimestampForm::DashMonthFirst);
        dash.add("13-04-2026 10:00");
        QVERIFY(!dash.needsDateOrder());
    }

    void naiveTimesInUtcAreTakenAsIs() {
        SourceTimeZone utc(QTimeZone::utc());
        QCOMPARE(utc.toUtc(1795359840), UtcSeconds(1795359840));
    }

    void summerTimeInBerlinIsTwoHoursAhead() {
        SourceTimeZone berlin(QTimeZone("Europe/Berlin"));
        // 2026-07-01 10:00 CEST (+02:00) = 08:00Z = 1782892800
        const std::int64_t local = daysFromCivil(2026, 7, 1) * 86400 + 10 * 3600;
        QCOMPARE(berlin.toUtc(local), UtcSeconds(1782892800));
        // The cached hour gives the same answer on the second call.
        QCOMPARE(berlin.toUtc(local + 60), UtcSeconds(1782892860));
    }

    void aTimeInTheSpringGapMovesForwardByTheGap() {
        SourceTimeZone berlin(QTimeZone("Europe/Berlin"));
        // On 2026-03-29 Berlin's clocks jump from 02:00 CET to 03:00 CEST, so
        // 02:30 does not exist; moved forward by the hour it is 03:30 CEST
        // = 01:30Z = 1774747800.
        const std::int64_t gap = daysFromCivil(2026, 3, 29) * 86400 + 2 * 3600 + 30 * 60;
        QCOMPARE(berlin.toUtc(gap), UtcSeconds(1774747800));
        // 01:30 CET, before the jump, is 00:30Z = 1774744200.
        QCOMPARE(berlin.toUtc(gap - 3600), UtcSeconds(1774744200));
        // 03:30 CEST, after it, is also 01:30Z.
        QCOMPARE(berlin.toUtc(gap + 3600), UtcSeconds(1774747800));
    }

    void aTimeInTheAutumnOverlapTakesTheFirstOccurrence() {
        SourceTimeZone berlin(QTimeZone("Europe/Berlin"));
        // On 2026-10-25 clocks go back from 03:00 CEST to 02:00 CET, so 02:30
        // happens twice: first at +02:00 (00:30Z = 1792888200), then at
        // +01:00 (01:30Z = 1792891800). The first one is taken.
        const std::int64_t overlap = daysFromCivil(2026, 10, 25) * 86400 + 2 * 3600 + 30 * 60;
        QCOMPARE(berlin.toUtc(overlap), UtcSeconds(1792888200));
        // 03:30 that day is CET only: 02:30Z = 1792891800 + 3600.
        QCOMPARE(berlin.toUtc(overlap + 3600), UtcSeconds(1792891800 + 3600));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"

// Issue #21's seed gaps around the review, on figures worked out by hand:
// the spike flag's robust threshold, segments by assignee, channel, region,
// ARR band and renewal window, the impact score with users affected, the
// CSAT comparison of the monthly and quarterly reports and the file names
// reports are proposed under.

#include "analysis/DrillDown.h"
#include "analysis/Impact.h"
#include "analysis/SegmentAnalysis.h"
#include "analysis/TrendCategories.h"
#include "metrics/FactsLoader.h"
#include "report/CsatSection.h"
#include "report/ReportFileName.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace escdesk;
using namespace escdesk::analysis;
using metrics::SegmentField;

namespace {

const QTimeZone utc = QTimeZone::utc();

UtcSeconds at(int month, int day, int hour = 10) {
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), utc).toSecsSinceEpoch();
}

// A weekly trend whose points carry only the root-cause counts the spike
// check reads; counts[w] are the counts of week w, oldest first.
Trend weeklyTrend(const std::vector<std::map<QString, std::int64_t>>& counts) {
    Trend trend;
    trend.granularity = Granularity::Week;
    QDate monday(2026, 9, 7);
    for (const auto& week : counts) {
        TrendPoint point;
        point.period.firstDay = monday;
        point.period.endDay = monday.addDays(7);
        point.escalationsByRootCause = week;
        trend.points.push_back(point);
        monday = monday.addDays(7);
    }
    return trend;
}

std::vector<std::map<QString, std::int64_t>> billingWeeks(const std::vector<std::int64_t>& counts) {
    std::vector<std::map<QString, std::int64_t>> weeks;
    for (std::int64_t count : counts) {
        weeks.push_back({{QStringLiteral("Billing"), count}});
    }
    return weeks;
}

struct Count {
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
    bool operator==(const Count&) const = default;
};
using Counts = std::map<QString, Count>; // "(none)" for tickets without a value

Counts countsOf(const SegmentAnalysis& analysis) {
    Counts counts;
    for (const SegmentRow& row : analysis.rows) {
        counts[row.value.isNull() ? QStringLiteral("(none)") : row.value] = {row.tickets,
                                                                             row.escalated};
    }
    return counts;
}

report::Report reportOf(report::ReportKind kind, QDate first, QDate last) {
    report::Report r;
    r.kind = kind;
    r.first = first;
    r.last = last;
    return r;
}

} // namespace

class TestSeedGaps : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;
    // November 2026; the period ends on 1 December.
    const Window m_november{at(11, 1, 0), at(12, 1, 0)};
    const metrics::RenewalWindow m_renewal90{QDate(2026, 12, 1), 90};

    store::Database& db() { return m_workspace->db(); }

private slots:
    // Accounts (region, ARR, renewal date):
    //   A  EMEA  5,000      2026-12-10  (9 days after the period's end)
    //   B  EMEA  60,000     2027-06-01  (182 days after)
    //   C  APAC  1,200,000  2026-11-20  (before the end)
    //   D  —     —          —
    // Tickets created in November (account, assignee, channel, escalated):
    //   T1 A ana email yes   T2 A ana chat no    T3 B ben email yes
    //   T4 C ben email yes   T5 C —   phone no   T6 D ana email no
    //   T7 — cy  chat yes
    // and T8 (B, escalated) created on 2 December, outside the period.
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_workspace =
            std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("gaps.escdesk")));
        store::Transaction transaction(db());
        store::DataWriter writer(db());
        auto account = [&](const char* id, const char* region, std::optional<double> arr,
                           QDate renewal) {
            Account a;
            a.accountId = QString::fromLatin1(id);
            a.region = QString::fromLatin1(region);
            a.arr = arr;
            a.renewalDate = renewal;
            writer.insertAccount(a);
        };
        account("A", "EMEA", 5000.0, QDate(2026, 12, 10));
        account("B", "EMEA", 60000.0, QDate(2027, 6, 1));
        account("C", "APAC", 1200000.0, QDate(2026, 11, 20));
        account("D", "", std::nullopt, QDate());
        auto ticket = [&](const char* id, UtcSeconds created, const char* accountId,
                          const char* assignee, const char* channel, bool escalated,
                          const char* attributes = "") {
            Ticket t;
            t.attributes = QString::fromLatin1(attributes);
            t.ticketId = QString::fromLatin1(id);
            t.createdAt = created;
            t.accountId = QString::fromLatin1(accountId);
            t.assignee = QString::fromLatin1(assignee);
            t.channel = QString::fromLatin1(channel);
            t.tier = 1;
            const std::int64_t row = writer.insertTicket(t);
            if (escalated) {
                TicketEvent e;
                e.ticketId = t.ticketId;
                e.occurredAt = created + 1800;
                e.kind = EventKind::Escalated;
                e.fromTier = 1;
                e.toTier = 2;
                writer.insertEvent(row, e);
            }
        };
        ticket("T1", at(11, 2), "A", "ana", "email", true, R"({"region": "x"})");
        ticket("T2", at(11, 3), "A", "ana", "chat", false);
        ticket("T3", at(11, 4), "B", "ben", "email", true, R"({"users_affected": 120})");
        ticket("T4", at(11, 5), "C", "ben", "email", true, R"({"users_affected": "30"})");
        ticket("T5", at(11, 6), "C", "", "phone", false);
        ticket("T6", at(11, 9), "D", "ana", "email", false);
        ticket("T7", at(11, 10), "", "cy", "chat", true);
        ticket("T8", at(12, 2), "B", "ben", "email", true);
        transaction.commit();
    }

    // --- spike flag -------------------------------------------------------

    // x = 2 3 2 4 3 2 3 3: sorted 2 2 2 3 3 3 3 4, m = 3; |x − m| sorted
    // 0 0 0 0 1 1 1 1, MAD = 0.5; 1.4826 × 0.5 = 0.74 < 1, so s = 1 and the
    // threshold is 3 + 3 × 1 = 6.
    void thresholdWithTheSpreadFloor() {
        const SpikeThreshold t = spikeThreshold({2, 3, 2, 4, 3, 2, 3, 3});
        QCOMPARE(t.median, 3.0);
        QCOMPARE(t.mad, 0.5);
        QCOMPARE(t.spread, 1.0);
        QCOMPARE(t.threshold, 6.0);
        QVERIFY(isSpike(7, t));
        QVERIFY(!isSpike(6, t)); // must exceed, not reach
    }

    // x = 10 12 8 11 9 30 10 10: sorted 8 9 10 10 10 11 12 30, m = 10;
    // |x − m| sorted 0 0 0 1 1 2 2 20, MAD = 1; s = 1.4826; threshold
    // 10 + 3 × 1.4826 = 14.4478. The earlier 30 does not lift it.
    void thresholdIgnoresAnEarlierSpike() {
        const SpikeThreshold t = spikeThreshold({10, 12, 8, 11, 9, 30, 10, 10});
        QCOMPARE(t.median, 10.0);
        QCOMPARE(t.mad, 1.0);
        QCOMPARE(t.spread, 1.4826);
        QVERIFY(qFuzzyCompare(t.threshold, 14.4478));
        QVERIFY(isSpike(15, t));
        QVERIFY(!isSpike(14, t));
    }

    // Eight empty weeks: m = 0, MAD = 0, s = 1, threshold 3; 4 is above it
    // but below the minimum of 5.
    void smallCountsNeedTheMinimum() {
        const SpikeThreshold t = spikeThreshold({0, 0, 0, 0, 0, 0, 0, 0});
        QCOMPARE(t.threshold, 3.0);
        QVERIFY(!isSpike(4, t));
        QVERIFY(isSpike(5, t));
    }

    void latestCompleteWeekAgainstTheEightBefore() {
        // Weeks 0–7 as in thresholdWithTheSpreadFloor, week 8 has 7 Billing
        // (a spike) and 6 Access (trailing 6 6 6 6 6 6 6 6: threshold 9).
        auto weeks = billingWeeks({2, 3, 2, 4, 3, 2, 3, 3, 7});
        for (std::size_t i = 0; i < 8; ++i) {
            weeks[i][QStringLiteral("Access")] = 6;
        }
        weeks[8][QStringLiteral("Access")] = 6;
        const SpikeCheck check = rootCauseSpikes(weeklyTrend(weeks));
        QVERIFY(check.enoughWeeks);
        QCOMPARE(check.weekStart, QDate(2026, 9, 7).addDays(56));
        QCOMPARE(check.spikes.size(), std::size_t(1));
        QCOMPARE(check.spikes[0].rootCause, QStringLiteral("Billing"));
        QCOMPARE(check.spikes[0].count, std::int64_t(7));
        QCOMPARE(check.spikes[0].trailing, (std::vector<std::int64_t>{2, 3, 2, 4, 3, 2, 3, 3}));
        QCOMPARE(check.spikes[0].threshold.threshold, 6.0);
        const QJsonObject json = spikeCheckToJson(check);
        QCOMPARE(json.value(QStringLiteral("week")).toString(), QStringLiteral("2026-11-02"));
        QCOMPARE(json.value(QStringLiteral("flagged")).toArray().size(), 1);
    }

    void aPartialLatestWeekIsNotChecked() {
        // Ten weeks, the last one partial (the week so far): the check is of
        // week 8 against weeks 0–7.
        auto weeks = billingWeeks({2, 3, 2, 4, 3, 2, 3, 3, 7, 40});
        Trend trend = weeklyTrend(weeks);
        trend.points.back().period.partial = true;
        const SpikeCheck check = rootCauseSpikes(trend);
        QCOMPARE(check.weekStart, QDate(2026, 11, 2));
        QCOMPARE(check.spikes.size(), std::size_t(1));
        QCOMPARE(check.spikes[0].count, std::int64_t(7));
    }

    void fewerThanEightWeeksBeforeFlagNothing() {
        const SpikeCheck check =
            rootCauseSpikes(weeklyTrend(billingWeeks({2, 2, 2, 2, 2, 2, 2, 40})));
        QVERIFY(!check.enoughWeeks);
        QVERIFY(check.spikes.empty());
        // A partial week among the eight before: not enough either.
        Trend trend = weeklyTrend(billingWeeks({2, 3, 2, 4, 3, 2, 3, 3, 7}));
        trend.points.front().period.partial = true;
        QVERIFY(!rootCauseSpikes(trend).enoughWeeks);
    }

    // --- segments -----------------------------------------------------------

    void segmentsByTheNewFields() {
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::Assignee)),
                 (Counts{{QStringLiteral("ana"), {3, 1}},
                         {QStringLiteral("ben"), {2, 2}},
                         {QStringLiteral("cy"), {1, 1}},
                         {QStringLiteral("(none)"), {1, 0}}}));
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::Channel)),
                 (Counts{{QStringLiteral("email"), {4, 3}},
                         {QStringLiteral("chat"), {2, 1}},
                         {QStringLiteral("phone"), {1, 0}}}));
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::Region)),
                 (Counts{{QStringLiteral("EMEA"), {3, 2}},
                         {QStringLiteral("APAC"), {2, 1}},
                         {QStringLiteral("(none)"), {2, 1}}}));
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::ArrBand)),
                 (Counts{{QStringLiteral("under 10k"), {2, 1}},
                         {QStringLiteral("50k–250k"), {1, 1}},
                         {QStringLiteral("1M and over"), {2, 1}},
                         {QStringLiteral("(none)"), {2, 1}}}));
    }

    void segmentsByRenewalWindow() {
        QCOMPARE(
            countsOf(analyseSegments(db(), m_november, SegmentField::RenewalWindow, m_renewal90)),
            (Counts{{QStringLiteral("within 90 days"), {2, 1}},
                    {QStringLiteral("in 90 days or more"), {1, 1}},
                    {QStringLiteral("before the period's end"), {2, 1}},
                    {QStringLiteral("(none)"), {2, 1}}}));
        // N = 9: A renews 9 days after the end, no longer within them.
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::RenewalWindow,
                                          {QDate(2026, 12, 1), 9})),
                 (Counts{{QStringLiteral("in 9 days or more"), {3, 2}},
                         {QStringLiteral("before the period's end"), {2, 1}},
                         {QStringLiteral("(none)"), {2, 1}}}));
        // N = 10: it is.
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::RenewalWindow,
                                          {QDate(2026, 12, 1), 10}))
                     .at(QStringLiteral("within 10 days")),
                 (Count{2, 1}));
        const SegmentTickets within =
            segmentTicketRows(db(), m_november, SegmentField::RenewalWindow,
                              QStringLiteral("within 90 days"), m_renewal90);
        QCOMPARE(within.all.size(), std::size_t(2));
        QCOMPARE(within.escalated.size(), std::size_t(1));
    }

    // metrics --segment splits the facts by the same values.
    void metricsSplitAgreesWithTheSegments() {
        const metrics::MetricsInput input = metrics::loadMetricsInput(db(), m_november);
        for (SegmentField field :
             {SegmentField::Assignee, SegmentField::Channel, SegmentField::Region,
              SegmentField::ArrBand, SegmentField::RenewalWindow}) {
            Counts split;
            for (const metrics::SegmentInput& segment :
                 metrics::splitBySegment(db(), input, field, m_renewal90)) {
                Count& count =
                    split[segment.value.isNull() ? QStringLiteral("(none)") : segment.value];
                for (const metrics::TicketFacts& t : segment.input.tickets) {
                    if (m_november.contains(t.createdAt)) {
                        ++count.tickets;
                        count.escalated += t.events.empty() ? 0 : 1;
                    }
                }
            }
            QCOMPARE(split, countsOf(analyseSegments(db(), m_november, field, m_renewal90)));
        }
    }

    // The ARR bands are kept per hour like the other fields: a changed
    // account's tickets move to their new band.
    void keptBandsFollowAnAccountChange() {
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::ArrBand))
                     .at(QStringLiteral("under 10k")),
                 (Count{2, 1}));
        QVERIFY(db().queryInt64("SELECT count(*) FROM segment_hours WHERE field = " +
                                std::to_string(int(SegmentField::ArrBand))) > 0);
        db().exec("UPDATE accounts SET arr = 9999.5 WHERE account_id = 'B'");
        QCOMPARE(countsOf(analyseSegments(db(), m_november, SegmentField::ArrBand))
                     .at(QStringLiteral("under 10k")),
                 (Count{3, 2}));
        db().exec("UPDATE accounts SET arr = 60000 WHERE account_id = 'B'");
    }

    void fieldNames() {
        for (const char* name : {"assignee", "channel", "region", "arr_band", "renewal_window"}) {
            const auto field = metrics::parseSegmentField(QString::fromLatin1(name));
            QVERIFY2(field, name);
            QCOMPARE(metrics::segmentFieldName(*field), QString::fromLatin1(name));
        }
    }

    // --- impact with users affected ---------------------------------------------

    void usersAffectedFromAttributes() {
        QCOMPARE(usersAffectedOf(u"{\"users_affected\": 25}"), std::optional<double>(25));
        QCOMPARE(usersAffectedOf(u"{\"users_affected\": \" 40 \"}"), std::optional<double>(40));
        QCOMPARE(usersAffectedOf(u"{\"other\": 3}"), std::nullopt);
        QCOMPARE(usersAffectedOf(u""), std::nullopt);
        QCOMPARE(usersAffectedOf(u"{\"users_affected\": -2}"), std::nullopt);
        QCOMPARE(usersAffectedOf(u"{\"users_affected\": \"many\"}"), std::nullopt);
    }

    // T3 records 120 users affected, T4 "30"; T1 other attributes, T2 none.
    void usersAffectedOfStoredTickets() {
        std::vector<std::int64_t> rows;
        store::Statement row = db().prepare(
            "SELECT id FROM tickets WHERE ticket_id IN ('T1', 'T2', 'T3', 'T4') ORDER BY id");
        while (row.step()) {
            rows.push_back(row.int64(0));
        }
        QCOMPARE(rows.size(), std::size_t(4));
        const auto users = usersAffectedOfTickets(db(), rows);
        QCOMPARE(users.size(), std::size_t(2));
        QCOMPARE(users.at(rows[2]), 120.0);
        QCOMPARE(users.at(rows[3]), 30.0);
    }

    // N = 4, A = 500,000, W terms 1 + 1.5 + 2 + 1.5 = 6 (mean 1.5):
    // 4 × 1.5 × 1.5 = 9; with U = 250 users, × 1.25 = 11.25.
    void impactWithUsersAffected() {
        QCOMPARE(impactScore(4, 500000.0, 6.0), 9.0);
        QCOMPARE(impactScore(4, 500000.0, 6.0, 0.0), 9.0);
        QCOMPARE(impactScore(4, 500000.0, 6.0, 250.0), 11.25);
        ImpactTally tally;
        KnownIssue withWorkaround;
        withWorkaround.workaround = QStringLiteral("restart");
        tally.add(QStringLiteral("A"), 500000.0, &withWorkaround);
        tally.add(QStringLiteral("A"), 500000.0, nullptr);
        QCOMPARE(tally.impact(), 2 * 1.5 * 1.5);
        QVERIFY(!tally.hasUsersAffected());
        tally.addUsersAffected(1000.0);
        QVERIFY(tally.hasUsersAffected());
        QCOMPARE(tally.impact(), 2 * 1.5 * 1.5 * 2.0);
    }

    void formulaNamesUsersOnlyWhenTheDataHasThem() {
        QVERIFY(!impactFormula().contains(QStringLiteral("users")));
        QCOMPARE(impactFormula(false), impactFormula());
        QVERIFY(impactFormula(true).contains(QStringLiteral("(1 + users affected / 1,000)")));
        QVERIFY(impactFormula(true).contains(QStringLiteral("users_affected")));
    }

    // --- CSAT in the monthly and quarterly reports ------------------------------

    void csatEscalatedAgainstNot() {
        metrics::Metrics now;
        now.csat = {4.2, 3.6, 4.4};
        metrics::Metrics before;
        before.csat = {4.0, 3.7, 4.3};
        QCOMPARE(report::csatComparisonText(now.csat),
                 QStringLiteral("Escalated 3.6 vs not escalated 4.4 (−0.8)"));
        const report::Section section =
            report::csatSection(now, before, QStringLiteral("November"), QStringLiteral("October"));
        const auto& paragraph = std::get<report::Paragraph>(section.blocks.at(0));
        QCOMPARE(paragraph.text,
                 QStringLiteral("November: Escalated 3.6 vs not escalated 4.4 (−0.8); October: "
                                "Escalated 3.7 vs not escalated 4.3 (−0.6)."));
        const auto& table = std::get<report::Table>(section.blocks.at(1));
        QCOMPARE(table.rows.size(), std::size_t(4));
        // Escalated: 3.6 now, 3.7 before, −0.1; the gap −0.8 against −0.6: −0.2.
        QCOMPARE(table.rows[1][1].text, QStringLiteral("3.6"));
        QCOMPARE(table.rows[1][3].text, QStringLiteral("−0.1"));
        QCOMPARE(table.rows[3][1].text, QStringLiteral("−0.8"));
        QCOMPARE(table.rows[3][2].text, QStringLiteral("−0.6"));
        QCOMPARE(table.rows[3][3].text, QStringLiteral("−0.2"));
        QCOMPARE(table.rows[3][3].tone, report::Tone::Bad);
    }

    void csatWithoutScores() {
        const report::Section section =
            report::csatSection(metrics::Metrics{}, metrics::Metrics{}, QStringLiteral("Q4 2026"),
                                QStringLiteral("Q3 2026"));
        QCOMPARE(section.blocks.size(), std::size_t(1));
        QCOMPARE(std::get<report::Paragraph>(section.blocks[0]).text,
                 QStringLiteral("No resolved ticket of Q4 2026 or Q3 2026 has a CSAT score."));
        metrics::SplitMeans onlyEscalated{3.0, 3.0, std::nullopt};
        QCOMPARE(report::csatComparisonText(onlyEscalated),
                 QStringLiteral("Escalated 3.0 vs not escalated —"));
    }

    // --- report file names ------------------------------------------------------

    void reportFileNamesCarryThePeriod() {
        using report::ReportKind;
        QCOMPARE(report::reportFileName(
                     reportOf(ReportKind::Weekly, QDate(2026, 11, 30), QDate(2026, 12, 6)),
                     QStringLiteral("pdf")),
                 QStringLiteral("weekly-review-2026-11-30.pdf"));
        QCOMPARE(report::reportFileName(
                     reportOf(ReportKind::Monthly, QDate(2026, 11, 1), QDate(2026, 11, 30)),
                     QStringLiteral("eml")),
                 QStringLiteral("monthly-report-2026-11.eml"));
        QCOMPARE(report::reportFileName(
                     reportOf(ReportKind::Quarterly, QDate(2026, 10, 1), QDate(2026, 12, 31)),
                     QStringLiteral("pdf")),
                 QStringLiteral("quarterly-report-2026-Q4.pdf"));
        // A period that is not a whole month or quarter names its first day.
        QCOMPARE(report::reportFileName(
                     reportOf(ReportKind::Monthly, QDate(2026, 11, 5), QDate(2026, 12, 4)),
                     QStringLiteral("md")),
                 QStringLiteral("monthly-report-2026-11-05.md"));
        QCOMPARE(report::reportFileName(
                     reportOf(ReportKind::Quarterly, QDate(2026, 1, 1), QDate(2026, 3, 31)), {}),
                 QStringLiteral("quarterly-report-2026-Q1"));
    }
};

QTEST_GUILESS_MAIN(TestSeedGaps)
#include "tst_seed_gaps.moc"

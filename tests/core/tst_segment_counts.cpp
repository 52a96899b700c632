// The kept per-hour segment counts (metrics/SegmentRollup.h) and the sort
// behind the percentiles (metrics/Statistics.h), on data worked out by hand:
// the kept counts sum to the direct count, and follow every change to a
// ticket, its events or its account.

#include "analysis/SegmentAnalysis.h"
#include "metrics/FactsLoader.h"
#include "metrics/SegmentRollup.h"
#include "metrics/Statistics.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <bit>
#include <map>
#include <numeric>
#include <random>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();

UtcSeconds at(int day, int hour, int minute = 0) {
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), utc).toSecsSinceEpoch();
}

struct Count {
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
    bool operator==(const Count&) const = default;
};

using Counts = std::map<QString, Count>; // "" for tickets without a value

Counts kept(Database& db, const Window& window, metrics::SegmentField field) {
    Counts counts;
    const bool hasEventLog = db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
    metrics::countSegments(db, window, field, hasEventLog,
                           [&](const QString& value, std::int64_t tickets, std::int64_t escalated) {
                               Count& count =
                                   counts[value.isNull() ? QString(QLatin1String("")) : value];
                               count.tickets += tickets;
                               count.escalated += escalated;
                           });
    return counts;
}

std::int64_t keptHours(Database& db) {
    return db.queryInt64("SELECT count(*) FROM segment_hours");
}

void addAccount(DataWriter& writer, const char* id, const char* segment) {
    Account a;
    a.accountId = QString::fromLatin1(id);
    a.segment = QString::fromLatin1(segment);
    a.tier = QStringLiteral("SMB");
    writer.insertAccount(a);
}

std::int64_t addTicket(DataWriter& writer, const char* id, UtcSeconds created,
                       const char* account) {
    Ticket t;
    t.ticketId = QString::fromLatin1(id);
    t.createdAt = created;
    t.accountId = QString::fromLatin1(account);
    t.tier = 1;
    return writer.insertTicket(t);
}

void escalate(DataWriter& writer, std::int64_t row, const char* id, UtcSeconds when) {
    TicketEvent e;
    e.ticketId = QString::fromLatin1(id);
    e.occurredAt = when;
    e.kind = EventKind::Escalated;
    e.fromTier = 1;
    e.toTier = 2;
    writer.insertEvent(row, e);
}

} // namespace

class TestSegmentCounts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

    // Accounts H (Healthcare) and R (Retail); on 2026-11-03:
    //   10:05 H1 escalated at 10:30   10:40 H2          11:10 R1 escalated at 12:00
    //   11:50 R2                      12:20 H3          13:45 (no account) N1 escalated
    // and on 2026-11-04 10:00 R3, outside the windows below.
    void makeWorkspace(const char* name) {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QString::fromLatin1(name)));
        Transaction transaction(m_workspace->db());
        DataWriter writer(m_workspace->db());
        addAccount(writer, "H", "Healthcare");
        addAccount(writer, "R", "Retail");
        escalate(writer, addTicket(writer, "H1", at(3, 10, 5), "H"), "H1", at(3, 10, 30));
        addTicket(writer, "H2", at(3, 10, 40), "H");
        escalate(writer, addTicket(writer, "R1", at(3, 11, 10), "R"), "R1", at(3, 12));
        addTicket(writer, "R2", at(3, 11, 50), "R");
        addTicket(writer, "H3", at(3, 12, 20), "H");
        escalate(writer, addTicket(writer, "N1", at(3, 13, 45), ""), "N1", at(3, 14));
        addTicket(writer, "R3", at(4, 10), "R");
        transaction.commit();
    }

    Database& db() { return m_workspace->db(); }

private slots:
    // A window of whole hours is summed from the kept hours alone; the
    // second read finds them kept and gives the same counts.
    void wholeHoursSumToTheCountsWorkedByHand() {
        makeWorkspace("whole-hours.db");
        const Window day{at(3, 0), at(4, 0)};
        const Counts expected{{QString(), {1, 1}},
                              {QStringLiteral("Healthcare"), {3, 1}},
                              {QStringLiteral("Retail"), {2, 1}}};
        QCOMPARE(kept(db(), day, metrics::SegmentField::AccountSegment), expected);
        QVERIFY(keptHours(db()) > 0);
        QCOMPARE(kept(db(), day, metrics::SegmentField::AccountSegment), expected);
        // The direct count agrees.
        Counts direct;
        metrics::countSegmentsDirectly(
            db(), day, metrics::SegmentField::AccountSegment, true,
            [&](const QString& value, std::int64_t tickets, std::int64_t esc) {
                Count& c = direct[value.isNull() ? QString(QLatin1String("")) : value];
                c.tickets += tickets;
                c.escalated += esc;
            });
        QCOMPARE(direct, expected);
    }

    // 10:30 to 12:30: the whole hours 11:00–12:00 from the kept counts (R1,
    // R2), the half hours at each end from the tickets (H2 at 10:40, H3 at
    // 12:20); H1 (10:05) and N1 (13:45) are outside.
    void partHoursAtTheEdgesAreCountedFromTheTickets() {
        makeWorkspace("edges.db");
        const Window window{at(3, 10, 30), at(3, 12, 30)};
        const Counts expected{{QStringLiteral("Healthcare"), {2, 0}},
                              {QStringLiteral("Retail"), {2, 1}}};
        QCOMPARE(kept(db(), window, metrics::SegmentField::AccountSegment), expected);
        // A window inside one hour has no whole hour: all from the tickets.
        const Window inside{at(3, 10, 1), at(3, 10, 59)};
        QCOMPARE(kept(db(), inside, metrics::SegmentField::AccountSegment),
                 (Counts{{QStringLiteral("Healthcare"), {2, 1}}}));
    }

    // Every change to what a count was made from changes the figure.
    void keptCountsFollowEveryChange() {
        makeWorkspace("changes.db");
        const Window day{at(3, 0), at(4, 0)};
        const auto segment = metrics::SegmentField::AccountSegment;
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Healthcare")], (Count{3, 1}));

        // An event escalates H2.
        {
            DataWriter writer(db());
            const std::int64_t h2 = db().queryInt64("SELECT id FROM tickets WHERE ticket_id='H2'");
            escalate(writer, h2, "H2", at(3, 11));
        }
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Healthcare")], (Count{3, 2}));

        // The event goes again.
        db().exec("DELETE FROM ticket_events WHERE ticket = "
                  "(SELECT id FROM tickets WHERE ticket_id = 'H2')");
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Healthcare")], (Count{3, 1}));

        // The account Healthcare becomes Pharma.
        db().exec("UPDATE accounts SET segment = 'Pharma' WHERE account_id = 'H'");
        Counts counts = kept(db(), day, segment);
        QCOMPARE(counts.count(QStringLiteral("Healthcare")), std::size_t{0});
        QCOMPARE(counts[QStringLiteral("Pharma")], (Count{3, 1}));

        // H3 moves to account R.
        db().exec("UPDATE tickets SET account_id = 'R' WHERE ticket_id = 'H3'");
        counts = kept(db(), day, segment);
        QCOMPARE(counts[QStringLiteral("Pharma")], (Count{2, 1}));
        QCOMPARE(counts[QStringLiteral("Retail")], (Count{3, 1}));

        // R3 moves into the window, then R2 goes.
        std::string move = "UPDATE tickets SET created_at = ";
        move += std::to_string(at(3, 15));
        move += " WHERE ticket_id = 'R3'";
        db().exec(move);
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Retail")], (Count{4, 1}));
        db().exec("DELETE FROM tickets WHERE ticket_id = 'R2'");
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Retail")], (Count{3, 1}));

        // A new ticket in an hour already kept.
        {
            DataWriter writer(db());
            addTicket(writer, "R4", at(3, 11, 30), "R");
        }
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Retail")], (Count{4, 1}));

        // A new account for the ticket without one (its account id was empty).
        db().exec("UPDATE tickets SET account_id = 'X' WHERE ticket_id = 'N1'");
        QCOMPARE(kept(db(), day, segment)[QString(QLatin1String(""))], (Count{1, 1}));
        {
            DataWriter writer(db());
            addAccount(writer, "X", "Education");
        }
        QCOMPARE(kept(db(), day, segment)[QStringLiteral("Education")], (Count{1, 1}));
    }

    // Without an event log a ticket is escalated by its own flag; the first
    // event makes every ticket's escalation its events' — all kept counts go.
    void gainingAnEventLogCountsEveryHourAgain() {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("flags.db")));
        {
            DataWriter writer(db());
            addAccount(writer, "H", "Healthcare");
            Ticket t;
            t.ticketId = QStringLiteral("F1");
            t.createdAt = at(3, 10);
            t.accountId = QStringLiteral("H");
            t.escalated = true;
            writer.insertTicket(t);
            t.ticketId = QStringLiteral("F2");
            t.createdAt = at(3, 11);
            t.escalated = false;
            const std::int64_t f2 = writer.insertTicket(t);
            const Window day{at(3, 0), at(4, 0)};
            QCOMPARE(kept(db(), day, metrics::SegmentField::AccountSegment),
                     (Counts{{QStringLiteral("Healthcare"), {2, 1}}}));
            escalate(writer, f2, "F2", at(3, 12));
            // F1's flag no longer counts: only F2 has an escalated event.
            QCOMPARE(kept(db(), day, metrics::SegmentField::AccountSegment),
                     (Counts{{QStringLiteral("Healthcare"), {2, 1}}}));
            db().exec("UPDATE tickets SET escalated = 0");
            db().exec("DELETE FROM ticket_events");
            QCOMPARE(kept(db(), day, metrics::SegmentField::AccountSegment),
                     (Counts{{QStringLiteral("Healthcare"), {2, 0}}}));
        }
    }

    // The analysis on a read-only connection keeps the counts through a
    // connection of its own, and gives what the loaded facts give.
    void readOnlyAnalysisMatchesTheFacts() {
        makeWorkspace("read-only.db");
        const Window day{at(3, 0), at(4, 0)};
        const QString path = m_workspace->path();
        m_workspace.reset();
        Workspace readOnly(path, Workspace::Access::ReadOnly);
        const SegmentAnalysis counted =
            analyseSegments(readOnly.db(), day, metrics::SegmentField::AccountSegment);
        QVERIFY(readOnly.db().queryInt64("SELECT count(*) FROM segment_hours") > 0);
        const SegmentAnalysis loaded =
            analyseSegments(metrics::loadMetricsInput(readOnly.db(), day), day,
                            metrics::SegmentField::AccountSegment);
        QCOMPARE(counted.tickets, std::int64_t{6});
        QCOMPARE(counted.escalated, std::int64_t{3});
        QCOMPARE(counted.rows.size(), loaded.rows.size());
        for (std::size_t i = 0; i < counted.rows.size(); ++i) {
            QCOMPARE(counted.rows[i].value, loaded.rows[i].value);
            QCOMPARE(counted.rows[i].tickets, loaded.rows[i].tickets);
            QCOMPARE(counted.rows[i].escalated, loaded.rows[i].escalated);
            QCOMPARE(counted.rows[i].pValue, loaded.rows[i].pValue);
        }
    }

    // Percentiles by linear interpolation between closest ranks, at the
    // sizes where the ranks fall on their edges.
    void percentilesAtTheBoundaries() {
        using metrics::summarize;
        const auto one = summarize({7.0});
        QCOMPARE(*one.p50, 7.0);
        QCOMPARE(*one.p90, 7.0);
        QCOMPARE(*one.mean, 7.0);
        // n = 2: p50 halfway, p90 at rank 0.9.
        const auto two = summarize({10.0, 0.0});
        QCOMPARE(*two.p50, 5.0);
        QCOMPARE(*two.p90, 9.0);
        // n = 5 (odd): p50 the middle value; p90 at rank 3.6 = 4 + 0.6·(100 − 4).
        const auto odd = summarize({100.0, 1.0, 3.0, 2.0, 4.0});
        QCOMPARE(*odd.p50, 3.0);
        QCOMPARE(*odd.p90, 4.0 + 0.6 * 96.0);
        // n = 4 (even): p50 between the middle two; p90 at rank 2.7.
        const auto even = summarize({4.0, 1.0, 3.0, 2.0});
        QCOMPARE(*even.p50, 2.5);
        QCOMPARE(*even.p90, 3.0 + 0.7 * 1.0);
        // Ties: every rank the same value.
        const auto ties = summarize({5.0, 5.0, 5.0, 1.0});
        QCOMPARE(*ties.p50, 5.0);
        QCOMPARE(*ties.p90, 5.0);
        QVERIFY(!summarize({}).p50);
        QCOMPARE(summarize({}).n, std::int64_t{0});
    }

    // Large samples take the radix sort: it must order exactly as std::sort,
    // negatives, ties and zeros too, so that the mean summed in ascending
    // order and the percentiles are the same to the last bit.
    void radixSortOrdersAsAComparisonSort() {
        std::mt19937_64 random(19);
        std::uniform_real_distribution<double> minutes(-500.0, 50000.0);
        std::vector<double> values;
        for (int i = 0; i < 100000; ++i) {
            const int kind = static_cast<int>(random() % 10);
            values.push_back(kind == 0   ? 0.0
                             : kind == 1 ? static_cast<double>(random() % 60) / 60.0
                                         : minutes(random));
        }
        std::vector<double> expected = values;
        std::sort(expected.begin(), expected.end());
        metrics::sortAscending(values);
        QVERIFY(std::equal(
            values.begin(), values.end(), expected.begin(), expected.end(), [](double a, double b) {
                return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
            }));
        // The percentiles of a large sample: 0, 1, …, 9999 shuffled; p50 at
        // rank 4999.5, p90 at rank 8999.1.
        std::vector<double> ranks(10000);
        std::iota(ranks.begin(), ranks.end(), 0.0);
        std::shuffle(ranks.begin(), ranks.end(), random);
        const auto stats = metrics::summarize(ranks);
        QCOMPARE(*stats.p50, 4999.5);
        QVERIFY(qAbs(*stats.p90 - 8999.1) < 1e-9);
        QCOMPARE(*stats.mean, 4999.5);
    }

    // Durations in whole seconds (seconds / 60.0) are sorted by their
    // seconds: the order and every value's bits must be std::sort's, for
    // negatives, zero and ties, for a span of seconds past two bytes, and
    // when one value that is not whole seconds sends the sample back to the
    // sort of bits.
    void wholeSecondsSortOrdersAsAComparisonSort() {
        std::mt19937_64 random(20);
        const auto sameBits = [](double a, double b) {
            return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
        };
        for (const bool oneNotWhole : {false, true}) {
            std::vector<double> values;
            for (int i = 0; i < 50000; ++i) {
                const auto seconds = static_cast<std::int64_t>(random() % 5000000) - 30000;
                values.push_back(static_cast<double>(i % 7 == 0 ? 0 : seconds) / 60.0);
            }
            if (oneNotWhole) {
                values[123] = 12.345678; // 740.74068 s
            }
            std::vector<double> expected = values;
            std::sort(expected.begin(), expected.end());
            metrics::sortAscending(values);
            QVERIFY(std::equal(values.begin(), values.end(), expected.begin(), expected.end(),
                               sameBits));
        }
        // Every value the same: nothing to order.
        std::vector<double> same(5000, 90.0 / 60.0);
        metrics::sortAscending(same);
        QVERIFY(std::all_of(same.begin(), same.end(), [](double v) { return v == 1.5; }));
    }
};

QTEST_GUILESS_MAIN(TestSegmentCounts)
#include "tst_segment_counts.moc"

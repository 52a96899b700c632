// The demo workspace generator: determinism, realistic rates, causal event
// logs that agree with the ticket fields, and the four planted patterns of
// docs/demo-workspace.md — each checked here with SQL and arithmetic of the
// test's own, not with the generator's bookkeeping.

#include "demo/DemoGenerator.h"
#include "matrix/MatrixStore.h"
#include "review/ActionFollowUp.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <vector>

using namespace escdesk;
using namespace escdesk::store;

namespace {

const QTimeZone newYork("America/New_York");
// A Sunday, in the middle of a month: the data covers the 182 days
// 2026-05-18 (a Monday) .. 2026-11-15, and the three latest complete calendar
// months are August, September and October 2026.
const QDate endDate(2026, 11, 15);

UtcSeconds nyMidnight(const QDate& date) {
    return QDateTime(date, QTime(0, 0), newYork).toSecsSinceEpoch();
}

void generate(const QString& path, std::int64_t tickets, std::uint64_t seed) {
    Workspace workspace(path);
    demo::DemoOptions options;
    options.tickets = tickets;
    options.seed = seed;
    options.endDate = endDate;
    demo::generateDemo(workspace, options);
}

// SHA-256 over every row of every data table, in primary-key order, with
// each value's type and text: equal hashes mean identical content.
QByteArray contentHash(Database& db) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char* table :
         {"settings", "accounts", "known_issues", "tickets", "ticket_events", "review_actions"}) {
        const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY 1";
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            qFatal("cannot read %s", table);
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                const int type = sqlite3_column_type(stmt, c);
                hash.addData(QByteArray::number(type));
                if (type != SQLITE_NULL) {
                    hash.addData(
                        QByteArrayView(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                       sqlite3_column_bytes(stmt, c)));
                }
                hash.addData("\x1f");
            }
            hash.addData("\x1e");
        }
        sqlite3_finalize(stmt);
    }
    return hash.result();
}

// numpy.percentile's default: linear interpolation between closest ranks.
double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const double rank = p * static_cast<double>(values.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(rank));
    const auto high = std::min(low + 1, values.size() - 1);
    return values[low] + (values[high] - values[low]) * (rank - static_cast<double>(low));
}

double median(std::vector<double> values) {
    return percentile(std::move(values), 0.5);
}

struct Proportion {
    std::int64_t hits = 0;
    std::int64_t total = 0;
    double share() const { return total ? static_cast<double>(hits) / total : 0.0; }
};

} // namespace

class TestDemo : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Small workspaces for structure and determinism; the default size for
    // the planted patterns, whose weekly and monthly slices need its volume.
    QString m_small = m_dir.filePath(QStringLiteral("small.db"));
    QString m_smallAgain = m_dir.filePath(QStringLiteral("small-again.db"));
    QString m_otherSeed = m_dir.filePath(QStringLiteral("other-seed.db"));
    QString m_default = m_dir.filePath(QStringLiteral("default.db"));
    static constexpr std::int64_t smallSize = 5000;

    // Ticket rows of escalated tickets (by the event log) with their first
    // escalation, created in [from, to).
    static std::map<std::int64_t, UtcSeconds> firstEscalations(Database& db, UtcSeconds from,
                                                               UtcSeconds to) {
        Statement query =
            db.prepare("SELECT t.id, min(e.occurred_at) FROM tickets t JOIN ticket_events e "
                       "ON e.ticket = t.id AND e.event = 'escalated' "
                       "WHERE t.created_at >= ? AND t.created_at < ? GROUP BY t.id");
        query.bindAll(from, to);
        std::map<std::int64_t, UtcSeconds> result;
        while (query.step()) {
            result[query.int64(0)] = query.int64(1);
        }
        return result;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(newYork.isValid());
        generate(m_small, smallSize, 7);
        generate(m_smallAgain, smallSize, 7);
        generate(m_otherSeed, smallSize, 8);
        generate(m_default, 20000, 1);
    }

    void sameSeedAndEndDateGiveIdenticalContent() {
        Workspace a(m_small, Workspace::Access::ReadOnly);
        Workspace b(m_smallAgain, Workspace::Access::ReadOnly);
        Workspace c(m_otherSeed, Workspace::Access::ReadOnly);
        const QByteArray hashA = contentHash(a.db());
        QCOMPARE(hashA, contentHash(b.db()));
        QVERIFY(hashA != contentHash(c.db()));
        // A different seed changes the tickets themselves, not only their order.
        QVERIFY(a.db().queryInt64("SELECT sum(escalated) FROM tickets") !=
                    c.db().queryInt64("SELECT sum(escalated) FROM tickets") ||
                a.db().queryInt64("SELECT sum(created_at % 86400) FROM tickets") !=
                    c.db().queryInt64("SELECT sum(created_at % 86400) FROM tickets"));
    }

    void holdsTheRequestedTicketsInTheSixMonthsEndingAtTheEndDate() {
        Workspace workspace(m_small, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        QCOMPARE(db.queryInt64("SELECT count(*) FROM tickets"), smallSize);
        QCOMPARE(workspace.setting(QStringLiteral("reporting_tz")),
                 QStringLiteral("America/New_York"));
        // 26 weeks = 182 days: 2026-05-18 .. 2026-11-15 inclusive.
        const UtcSeconds from = nyMidnight(QDate(2026, 5, 18));
        const UtcSeconds horizon = nyMidnight(QDate(2026, 11, 16));
        QCOMPARE(db.queryInt64("SELECT min(created_at) >= " + std::to_string(from) +
                               " AND max(created_at) < " + std::to_string(horizon) +
                               " FROM tickets"),
                 1);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_events WHERE occurred_at >= " +
                               std::to_string(horizon)),
                 0);
        // Both ends of the period carry tickets (the first and the last week).
        QVERIFY(db.queryInt64("SELECT count(*) FROM tickets WHERE created_at < " +
                              std::to_string(from + 7 * 86400)) > 0);
        QVERIFY(db.queryInt64("SELECT count(*) FROM tickets WHERE created_at >= " +
                              std::to_string(horizon - 7 * 86400)) > 0);
        // 5000 tickets / 30 = 166.7 → 167 accounts in three tiers; 25 known issues.
        QCOMPARE(db.queryInt64("SELECT count(*) FROM accounts"), 167);
        QCOMPARE(db.queryInt64("SELECT count(DISTINCT tier) FROM accounts"), 3);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM known_issues"), 25);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM tickets WHERE account_id NOT IN "
                               "(SELECT account_id FROM accounts)"),
                 0);
        // Every event belongs to a stored ticket (foreign keys hold).
        Statement foreignKeys = db.prepare("PRAGMA foreign_key_check");
        QVERIFY(!foreignKeys.step());
        Statement integrity = db.prepare("PRAGMA integrity_check");
        QVERIFY(integrity.step());
        QCOMPARE(integrity.text(0), QStringLiteral("ok"));
        // Recent tickets may still be open; of those older than 30 days
        // hardly any (a long-running escalation now and then).
        const std::string recent = std::to_string(horizon - 7 * 86400);
        const std::string old = std::to_string(horizon - 30 * 86400);
        const auto openRecent = db.queryInt64(
            "SELECT count(*) FROM tickets WHERE resolved_at IS NULL AND created_at >= " + recent);
        const auto allRecent =
            db.queryInt64("SELECT count(*) FROM tickets WHERE created_at >= " + recent);
        const auto openOld = db.queryInt64(
            "SELECT count(*) FROM tickets WHERE resolved_at IS NULL AND created_at < " + old);
        const auto allOld = db.queryInt64("SELECT count(*) FROM tickets WHERE created_at < " + old);
        QVERIFY(openRecent * 10 > allRecent); // over a tenth of last week's tickets
        QVERIFY(openOld * 100 < allOld);      // under 1% of the older ones
    }

    void refusesAWorkspaceThatHoldsData() {
        Workspace workspace(m_small);
        const QByteArray before = contentHash(workspace.db());
        demo::DemoOptions options;
        options.tickets = 100;
        options.endDate = endDate;
        QVERIFY_THROWS_EXCEPTION(StoreError, demo::generateDemo(workspace, options));
        QCOMPARE(contentHash(workspace.db()), before);
        // The workspace keeps its write-ahead log after the refusal.
        Statement mode = workspace.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
    }

    void escalationRateIsRealistic() {
        Workspace workspace(m_small, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        // Escalated = has an `escalated` event (SPEC §7).
        const double escalated = static_cast<double>(db.queryInt64(
            "SELECT count(DISTINCT ticket) FROM ticket_events WHERE event = 'escalated'"));
        const double rate = escalated / smallSize;
        QVERIFY2(rate >= 0.12 && rate <= 0.18, qPrintable(QString::number(rate)));
    }

    void bounceAndInfoRequestSharesAreNearTheirTargets() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        // SPEC §7 pairing: each bounced / info_requested event belongs to the
        // latest escalated event of its ticket at or before it; an escalation
        // counts once however many it has.
        Statement query =
            workspace.db().prepare("SELECT ticket, event FROM ticket_events "
                                   "WHERE event IN ('escalated', 'bounced', 'info_requested') "
                                   "ORDER BY ticket, occurred_at, id");
        std::int64_t escalations = 0;
        std::int64_t bounced = 0;
        std::int64_t infoRequested = 0;
        std::int64_t ticket = -1;
        bool hasBounce = false;
        bool hasInfo = false;
        bool open = false;
        const auto close = [&] {
            bounced += open && hasBounce;
            infoRequested += open && hasInfo;
            hasBounce = hasInfo = open = false;
        };
        while (query.step()) {
            if (query.int64(0) != ticket) {
                close();
                ticket = query.int64(0);
            }
            const QString event = query.text(1);
            if (event == QLatin1String("escalated")) {
                close();
                open = true;
                ++escalations;
            } else if (event == QLatin1String("bounced")) {
                hasBounce = true;
            } else {
                hasInfo = true;
            }
        }
        close();
        // Targets 8% and 10% per escalation; escalations cut short by the end
        // of the data have had no chance yet, so a little less is fine.
        const double bounceShare = static_cast<double>(bounced) / escalations;
        const double infoShare = static_cast<double>(infoRequested) / escalations;
        QVERIFY2(bounceShare >= 0.06 && bounceShare <= 0.10,
                 qPrintable(QString::number(bounceShare)));
        QVERIFY2(infoShare >= 0.08 && infoShare <= 0.12, qPrintable(QString::number(infoShare)));
    }

    void eventLogsAreCausalAndAgreeWithTheTickets() {
        Workspace workspace(m_small, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        Statement tickets = db.prepare(
            "SELECT id, created_at, escalated, escalated_at, tier, resolved_at, closed_at, "
            "status, first_response_at FROM tickets ORDER BY id");
        Statement events =
            db.prepare("SELECT occurred_at, event, from_tier, to_tier "
                       "FROM ticket_events WHERE ticket = ? ORDER BY occurred_at, id");
        int checked = 0;
        int withTier3 = 0;
        int reescalated = 0;
        int reopened = 0;
        while (tickets.step()) {
            const std::int64_t row = tickets.int64(0);
            const UtcSeconds created = tickets.int64(1);
            const QString id = QString::number(row);
            events.bind(1, row);
            UtcSeconds previous = created;
            int tier = 1;
            int highest = 1;
            int escalations = 0;
            std::optional<UtcSeconds> firstEscalation;
            std::optional<UtcSeconds> resolved;
            QString stage; // within the current escalation: escalated, claimed, started, decision
            bool paused = false;
            QString last;
            while (events.step()) {
                const UtcSeconds at = events.int64(0);
                const QString event = events.text(1);
                QVERIFY2(at > previous, qPrintable(id + QLatin1Char(' ') + event));
                previous = at;
                if (event == QLatin1String("escalated")) {
                    QCOMPARE(events.int64(2), tier);
                    QCOMPARE(events.int64(3), tier + 1);
                    tier = static_cast<int>(events.int64(3));
                    highest = std::max(highest, tier);
                    if (!firstEscalation) {
                        firstEscalation = at;
                    }
                    ++escalations;
                    stage = event;
                } else if (event == QLatin1String("claimed")) {
                    QCOMPARE(stage, QStringLiteral("escalated"));
                    stage = event;
                } else if (event == QLatin1String("started")) {
                    QCOMPARE(stage, QStringLiteral("claimed"));
                    stage = event;
                } else if (event == QLatin1String("decision")) {
                    QCOMPARE(stage, QStringLiteral("started"));
                    stage = event;
                } else if (event == QLatin1String("bounced")) {
                    QCOMPARE(stage, QStringLiteral("started"));
                    QCOMPARE(events.int64(2), tier);
                    QCOMPARE(events.int64(3), tier - 1);
                    tier = static_cast<int>(events.int64(3));
                    stage.clear();
                } else if (event == QLatin1String("info_requested") ||
                           event == QLatin1String("reassigned")) {
                    QCOMPARE(stage, QStringLiteral("started"));
                } else if (event == QLatin1String("paused")) {
                    QVERIFY(!paused);
                    paused = true;
                } else if (event == QLatin1String("resumed")) {
                    QVERIFY(paused);
                    paused = false;
                } else if (event == QLatin1String("resolved")) {
                    QVERIFY(!paused);
                    QVERIFY(last != QLatin1String("resolved"));
                    resolved = at;
                } else if (event == QLatin1String("reopened")) {
                    QCOMPARE(last, QStringLiteral("resolved"));
                    resolved.reset();
                    ++reopened;
                } else {
                    QFAIL(qPrintable(QStringLiteral("unexpected event ") + event));
                }
                last = event;
            }
            events.reset();

            // The ticket's fields say what its log says.
            QCOMPARE(tickets.int64(2), escalations > 0 ? 1 : 0);
            QCOMPARE(tickets.optionalInt64(3), firstEscalation);
            QCOMPARE(tickets.int64(4), highest);
            if (!last.isEmpty()) {
                QCOMPARE(tickets.optionalInt64(5), resolved);
            }
            const auto resolvedAt = tickets.optionalInt64(5);
            const QString status = tickets.text(7);
            QCOMPARE(resolvedAt.has_value(),
                     status == QLatin1String("Solved") || status == QLatin1String("Closed"));
            if (resolvedAt) {
                QVERIFY(*resolvedAt > created);
            }
            if (const auto closedAt = tickets.optionalInt64(6)) {
                QVERIFY(resolvedAt && *closedAt > *resolvedAt);
                QCOMPARE(status, QStringLiteral("Closed"));
            }
            if (const auto firstResponse = tickets.optionalInt64(8)) {
                QVERIFY(*firstResponse > created);
                QVERIFY(!resolvedAt || *firstResponse <= *resolvedAt);
            }
            withTier3 += highest == 3;
            reescalated += escalations >= 2;
            ++checked;
        }
        QCOMPARE(checked, smallSize);
        // The richer paths occur: Tier 3, re-escalation, reopening.
        QVERIFY(withTier3 > 0);
        QVERIFY(reescalated > 0);
        QVERIFY(reopened > 0);
    }

    // Planted pattern 1. The data ends on Sunday 2026-11-15, so the last
    // Monday is 2026-11-09 and the spike week, seven weeks earlier, is the
    // week of Monday 2026-09-21 (in the team's zone).
    void spikeWeekEscalationsTraceToOneIntegrationFailure() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        Statement query =
            db.prepare("SELECT t.product_area, t.root_cause, t.subject, t.description, t.tags "
                       "FROM tickets t WHERE t.id = ?");
        QDate monday(2026, 5, 18);
        int spikeWeeksFound = 0;
        for (; monday <= endDate; monday = monday.addDays(7)) {
            const auto escalated =
                firstEscalations(db, nyMidnight(monday), nyMidnight(monday.addDays(7)));
            Proportion incident{0, static_cast<std::int64_t>(escalated.size())};
            for (const auto& [row, at] : escalated) {
                query.bind(1, row);
                QVERIFY(query.step());
                const bool tagged =
                    query.text(4).split(QLatin1Char(',')).contains(QStringLiteral("api-v2.3"));
                if (tagged) {
                    ++incident.hits;
                    // One failure: one area, one root cause, shared vocabulary.
                    QCOMPARE(query.text(0), QStringLiteral("Integrations"));
                    QCOMPARE(query.text(1), QStringLiteral("Integration Issue"));
                    const QString text =
                        (query.text(2) + QLatin1Char(' ') + query.text(3)).toLower();
                    QVERIFY(text.contains(QLatin1String("webhook")));
                    QVERIFY(text.contains(QLatin1String("signature")));
                    QVERIFY(text.contains(QLatin1String("api v2.3")) ||
                            text.contains(QLatin1String("(v2.3)")));
                }
                query.reset();
            }
            if (monday == QDate(2026, 9, 21)) {
                QVERIFY2(incident.share() > 0.5, qPrintable(QString::number(incident.share())));
                ++spikeWeeksFound;
            } else {
                // Isolated: no other week has tickets of the incident.
                QCOMPARE(incident.hits, 0);
            }
        }
        QCOMPARE(spikeWeeksFound, 1);
        // The known issue the cluster matches.
        QCOMPARE(db.queryInt64("SELECT count(*) FROM known_issues WHERE issue_id = 'KI-1042' "
                               "AND product_area = 'Integrations' AND lower(title) LIKE "
                               "'%webhook signature%api v2.3%'"),
                 1);
    }

    // Planted pattern 2: Healthcare against all other segments, two-proportion
    // z-test with the pooled proportion: z = (p1 − p2) / sqrt(p(1−p)(1/n1 + 1/n2)).
    void healthcareEscalatesSignificantlyMoreOften() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        Statement query = workspace.db().prepare(
            "SELECT a.segment = 'Healthcare', count(*), "
            "sum(EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.id "
            "AND e.event = 'escalated')) "
            "FROM tickets t JOIN accounts a ON a.account_id = t.account_id GROUP BY 1");
        Proportion healthcare;
        Proportion others;
        while (query.step()) {
            Proportion& p = query.int64(0) ? healthcare : others;
            p.total = query.int64(1);
            p.hits = query.int64(2);
        }
        QVERIFY(healthcare.total > 1000);
        const double pooled = static_cast<double>(healthcare.hits + others.hits) /
                              static_cast<double>(healthcare.total + others.total);
        const double z =
            (healthcare.share() - others.share()) /
            std::sqrt(pooled * (1 - pooled) * (1.0 / healthcare.total + 1.0 / others.total));
        // p < 0.05 one-sided needs z > 1.645; the effect is far stronger.
        QVERIFY2(z > 5.0, qPrintable(QString::number(z)));
        const double ratio = healthcare.share() / others.share();
        QVERIFY2(ratio > 1.6 && ratio < 2.5, qPrintable(QString::number(ratio)));
    }

    // Planted pattern 3: weeks of 2026-11-02 and 2026-11-09 against the four
    // weeks of 2026-10-05 .. 2026-10-26. Time to escalate = first escalated
    // event − created_at, by week of creation.
    void p90TimeToEscalateRegressesInTheLatestTwoWeeks() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        Statement created = db.prepare("SELECT created_at FROM tickets WHERE id = ?");
        const auto weeklyP90 = [&](const QDate& monday) {
            std::vector<double> minutes;
            for (const auto& [row, at] :
                 firstEscalations(db, nyMidnight(monday), nyMidnight(monday.addDays(7)))) {
                created.bind(1, row);
                created.step();
                minutes.push_back(static_cast<double>(at - created.int64(0)) / 60.0);
                created.reset();
            }
            return percentile(minutes, 0.9);
        };
        std::vector<double> before;
        for (QDate monday(2026, 10, 5); monday < QDate(2026, 11, 2); monday = monday.addDays(7)) {
            before.push_back(weeklyP90(monday));
        }
        const double baseline = median(before);
        for (const QDate monday : {QDate(2026, 11, 2), QDate(2026, 11, 9)}) {
            const double p90 = weeklyP90(monday);
            QVERIFY2(
                p90 > 1.2 * baseline,
                qPrintable(
                    QStringLiteral("%1: %2 vs %3").arg(monday.toString()).arg(p90).arg(baseline)));
        }
    }

    // Planted pattern 4: Access/Permissions among escalations in August,
    // September and October 2026, counted both as escalated tickets created in
    // the month and as `escalated` events in the month (SPEC §7's E(W)).
    void accessPermissionsRisesOverTheLastThreeMonths() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        Statement byTicket = db.prepare(
            "SELECT count(*), sum(root_cause = 'Access/Permissions') FROM tickets t "
            "WHERE created_at >= ? AND created_at < ? AND EXISTS (SELECT 1 FROM ticket_events e "
            "WHERE e.ticket = t.id AND e.event = 'escalated')");
        Statement byEvent = db.prepare(
            "SELECT count(*), sum(t.root_cause = 'Access/Permissions') FROM ticket_events e "
            "JOIN tickets t ON t.id = e.ticket "
            "WHERE e.event = 'escalated' AND e.occurred_at >= ? AND e.occurred_at < ?");
        for (Statement* query : {&byTicket, &byEvent}) {
            std::vector<Proportion> months;
            for (int month = 7; month <= 10; ++month) {
                query->bindAll(nyMidnight(QDate(2026, month, 1)),
                               nyMidnight(QDate(2026, month + 1, 1)));
                QVERIFY(query->step());
                months.push_back({query->int64(1), query->int64(0)});
                query->reset();
            }
            // July, then the three rising months.
            for (std::size_t i = 1; i < months.size(); ++i) {
                QVERIFY2(months[i].hits > months[i - 1].hits,
                         qPrintable(QStringLiteral("month %1: %2 vs %3")
                                        .arg(i)
                                        .arg(months[i].hits)
                                        .arg(months[i - 1].hits)));
                QVERIFY2(months[i].share() > months[i - 1].share(),
                         qPrintable(QStringLiteral("month %1: %2 vs %3")
                                        .arg(i)
                                        .arg(months[i].share())
                                        .arg(months[i - 1].share())));
            }
        }
    }

    // The planted actions (demo/DemoActions.h), followed up as of the day
    // after the data ends (16 Nov 00:00 in New York).
    void plantedActionsShowEachFollowUpVerdict() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        const std::vector<review::Action> actions = review::allActions(db);
        QCOMPARE(actions.size(), std::size_t(3));
        const auto byTarget = [&](const char* target) {
            const auto found = std::find_if(actions.begin(), actions.end(), [&](const auto& a) {
                return a.subject == QLatin1String(target);
            });
            return found == actions.end() ? review::Action{} : *found;
        };
        const UtcSeconds asOf = nyMidnight(endDate.addDays(1));

        // Integration Issue, from the Monday after the incident week (21 Sep):
        // 28 Sep to 15 Nov is 49 days, 7 weeks; before: 10 Aug to 27 Sep,
        // which holds the incident week. Counted here with the event log's
        // own SQL (E(W) of the root cause).
        const review::Action integration = byTarget("Integration Issue");
        QCOMPARE(integration.subjectKind, review::ActionSubject::RootCause);
        const review::ActionFollowUp fell = review::followUpAction(db, integration, asOf, newYork);
        Statement count =
            db.prepare("SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket "
                       "WHERE e.event = 'escalated' AND t.root_cause = 'Integration Issue' "
                       "AND e.occurred_at >= ? AND e.occurred_at < ?");
        const auto escalations = [&](const QDate& first, const QDate& stop) {
            count.bindAll(nyMidnight(first), nyMidnight(stop));
            const std::int64_t n = count.step() ? count.int64(0) : -1;
            count.reset();
            return n;
        };
        QCOMPARE(fell.startDay, QDate(2026, 9, 28));
        QCOMPARE(fell.weeks, 7);
        QCOMPARE(fell.before.escalations, escalations({2026, 8, 10}, {2026, 9, 28}));
        QCOMPARE(fell.after.escalations, escalations({2026, 9, 28}, {2026, 11, 16}));
        // Visibly: under half as many a week, and significantly.
        QVERIFY2(fell.after.escalations * 2 < fell.before.escalations,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(fell.after.escalations)
                                .arg(fell.before.escalations)));
        QCOMPARE(fell.outcome, review::FollowUpOutcome::Fell);
        QVERIFY(*fell.pValue < 0.001);
        // Most of the before window's escalations are the incident week's,
        // and the verdict says so.
        QVERIFY2(fell.verdict.startsWith(QLatin1String("fell from ")) &&
                     fell.verdict.contains(QLatin1String(
                         " a week since 28 Sep, p < 0.001; the week of 21 Sep alone had ")),
                 qPrintable(fell.verdict));

        // The KI-1057 cluster, from two weeks before the last Monday (9 Nov):
        // 26 Oct, 3 whole weeks by 16 Nov, judged.
        const review::Action cluster = byTarget("KI-1057");
        QCOMPARE(cluster.subjectKind, review::ActionSubject::Cluster);
        const review::ActionFollowUp judged = review::followUpAction(db, cluster, asOf, newYork);
        QCOMPARE(judged.weeks, 3);
        QVERIFY(judged.pValue.has_value());

        // Product Bug, four days before the end: too early.
        const review::ActionFollowUp early =
            review::followUpAction(db, byTarget("Product Bug"), asOf, newYork);
        QCOMPARE(early.startDay, QDate(2026, 11, 11));
        QCOMPARE(early.outcome, review::FollowUpOutcome::TooEarly);
    }
    void businessHoursAreTheTeamsNewYorkHours() {
        Workspace workspace(m_small, Workspace::Access::ReadOnly);
        const matrix::Matrix matrix = matrix::loadMatrix(workspace.db());
        QVERIFY(!matrix.calendars.empty());
        for (const sla::BusinessCalendar& calendar : matrix.calendars) {
            QCOMPARE(calendar.timeZone, QStringLiteral("America/New_York"));
        }
    }

    void checklistsAreRecordedForMostEscalationsAndLessCompleteWhenBounced() {
        Workspace workspace(m_default, Workspace::Access::ReadOnly);
        Database& db = workspace.db();
        const matrix::Matrix matrix = matrix::loadMatrix(db);
        // Per escalated ticket: the transition of its latest escalation,
        // whether a bounce followed it, and the checklist items of that
        // transition recorded (all ticked) and the required ones among them.
        Statement query = db.prepare(
            "WITH latest AS (SELECT ticket, from_tier, to_tier, occurred_at, "
            "  row_number() OVER (PARTITION BY ticket ORDER BY occurred_at DESC, id DESC) AS n "
            "  FROM ticket_events WHERE event = 'escalated') "
            "SELECT l.from_tier, l.to_tier, "
            "  EXISTS (SELECT 1 FROM ticket_events b WHERE b.ticket = l.ticket "
            "          AND b.event = 'bounced' AND b.occurred_at > l.occurred_at), "
            "  (SELECT count(*) FROM checklist_runs r WHERE r.ticket = l.ticket "
            "   AND r.from_tier = l.from_tier AND r.to_tier = l.to_tier), "
            "  (SELECT count(*) FROM checklist_runs r WHERE r.ticket = l.ticket AND r.done = 1 "
            "   AND r.required = 1 AND r.from_tier = l.from_tier AND r.to_tier = l.to_tier) "
            "FROM latest l WHERE l.n = 1");
        std::int64_t escalated = 0;
        std::int64_t recorded = 0;
        std::array<std::int64_t, 2> runs{};     // by bounced (0: no, 1: yes)
        std::array<std::int64_t, 2> complete{}; // every required item ticked
        while (query.step()) {
            const matrix::Checklist* checklist = matrix.checklistFor(
                static_cast<int>(query.int64(0)), static_cast<int>(query.int64(1)));
            QVERIFY(checklist);
            ++escalated;
            if (query.int64(3) == 0) {
                continue;
            }
            ++recorded;
            const auto bounced = static_cast<std::size_t>(query.int64(2));
            ++runs[bounced];
            const auto required = std::count_if(checklist->items.begin(), checklist->items.end(),
                                                [](const auto& item) { return item.required; });
            complete[bounced] += query.int64(4) == required;
        }
        // Designed: 10% of escalations leave no checklist; of the rest, 80%
        // are complete, but only 30% of those that bounced back.
        const double recordedShare = static_cast<double>(recorded) / escalated;
        QVERIFY2(recordedShare >= 0.87 && recordedShare <= 0.93,
                 qPrintable(QString::number(recordedShare)));
        const double completeShare = static_cast<double>(complete[0]) / runs[0];
        const double bouncedCompleteShare = static_cast<double>(complete[1]) / runs[1];
        QVERIFY2(completeShare >= 0.76 && completeShare <= 0.84,
                 qPrintable(QString::number(completeShare)));
        QVERIFY2(runs[1] >= 100 && bouncedCompleteShare >= 0.2 && bouncedCompleteShare <= 0.4,
                 qPrintable(QStringLiteral("%1 of %2").arg(complete[1]).arg(runs[1])));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"

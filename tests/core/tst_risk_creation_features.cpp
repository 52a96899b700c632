// What the risk model may know of a ticket (issue #20, RiskFeatures.h):
// only what was known when it was created. The account's 90-day history
// counts only escalations before the ticket's creation, hour and weekday are
// those of the reporting zone, an attribute value needs minCategoryTickets
// training tickets for a column, and the leak guard refuses attributes known
// only after creation — by name, and so that a leaking attribute does not
// give a model that looks perfect. The kept features follow a change of a
// ticket's attributes and a new escalation event. Every figure worked out
// by hand.

#include "risk/AccountTicketPacks.h"
#include "risk/RiskFeatureStore.h"
#include "risk/RiskFeatures.h"
#include "risk/RiskModel.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace escdesk;
using namespace escdesk::risk;
using namespace escdesk::store;

namespace {

UtcSeconds day(int d, int hour = 12) {
    return QDateTime(QDate(2025, 3, 1), QTime(hour, 0), QTimeZone::utc())
        .addDays(d - 1)
        .toSecsSinceEpoch();
}

const QStringList keywords{QStringLiteral("outage")};

const RiskTicket& ticketOf(const RiskData& data, const QString& id) {
    const auto it = std::find_if(data.tickets.begin(), data.tickets.end(),
                                 [&](const RiskTicket& t) { return t.ticketId == id; });
    if (it == data.tickets.end()) {
        throw std::runtime_error("no such ticket");
    }
    return *it;
}

QString attributeOf(const RiskData& data, const RiskTicket& t, const QString& key) {
    for (const auto& [k, v] : t.attributes) {
        if (data.attributeKeys[k] == key) {
            return data.attributeValues[static_cast<std::size_t>(k)][v];
        }
    }
    return {};
}

// The ROC AUC of `scores` against `labels`: the share of (escalated, not
// escalated) pairs ordered right, ties counting half.
double auc(const std::vector<double>& scores, const std::vector<bool>& labels) {
    double right = 0;
    double pairs = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        for (std::size_t j = 0; j < scores.size(); ++j) {
            if (labels[i] && !labels[j]) {
                pairs += 1;
                right += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
            }
        }
    }
    return pairs > 0 ? right / pairs : 0.5;
}

} // namespace

class TestRiskCreationFeatures : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::map<QString, std::int64_t> m_rows;

    std::int64_t add(DataWriter& writer, const QString& id, UtcSeconds created,
                     std::optional<UtcSeconds> escalatedAt, std::optional<UtcSeconds> resolved,
                     const QString& attributes = {},
                     const QString& account = QStringLiteral("ACME")) {
        Ticket ticket;
        ticket.ticketId = id;
        ticket.createdAt = created;
        ticket.resolvedAt = resolved;
        ticket.status = resolved ? QStringLiteral("Solved") : QStringLiteral("Open");
        ticket.subject = QStringLiteral("Printer question");
        ticket.accountId = account;
        ticket.priority = QStringLiteral("P3");
        ticket.channel = QStringLiteral("email");
        ticket.tier = escalatedAt ? 2 : 1;
        ticket.attributes = attributes;
        const std::int64_t row = writer.insertTicket(ticket);
        if (escalatedAt) {
            TicketEvent event;
            event.kind = EventKind::Escalated;
            event.occurredAt = *escalatedAt;
            event.fromTier = 1;
            event.toTier = 2;
            writer.insertEvent(row, event);
        }
        m_rows[id] = row;
        return row;
    }

    static void addAccount(DataWriter& writer) {
        Account acme;
        acme.accountId = QStringLiteral("ACME");
        acme.name = QStringLiteral("Acme");
        acme.tier = QStringLiteral("Enterprise");
        writer.insertAccount(acme);
    }

    // One account's tickets: A1 escalated an hour after creation, A2
    // escalated on day 20 (after A4 was created), A6 still open on day 100.
    QString makeHistory(const QString& name) {
        const QString path = m_dir.filePath(name);
        Workspace workspace(path);
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("America/New_York"));
        Transaction transaction(workspace.db());
        DataWriter writer(workspace.db());
        addAccount(writer);
        add(writer, "A1", day(1), day(1) + 3600, day(2));
        add(writer, "A2", day(2), day(20), day(21));
        add(writer, "A3", day(10), {}, day(11));
        add(writer, "A4", day(15), {}, day(16));
        add(writer, "A5", day(25), {}, day(26));
        add(writer, "A6", day(100), {}, {});
        // 2025-03-03 14:30 UTC is 09:30 on a Monday in New York (EST, UTC−5).
        add(writer, "A7",
            QDateTime(QDate(2025, 3, 3), QTime(14, 30), QTimeZone::utc()).toSecsSinceEpoch(), {},
            day(4));
        transaction.commit();
        return path;
    }

    // `count` tickets, about a third escalated (a fixed pseudo-random
    // sequence), each with the attribute `key` = "3" when escalated and "0"
    // when not, and nothing else that tells them apart.
    QString makeLeak(const QString& name, const QString& key, int count) {
        const QString path = m_dir.filePath(name);
        Workspace workspace(path);
        Transaction transaction(workspace.db());
        DataWriter writer(workspace.db());
        addAccount(writer);
        std::uint32_t state = 12345;
        for (int i = 0; i < count; ++i) {
            state = state * 1103515245u + 12345u;
            const bool escalated = (state >> 16) % 3 == 0;
            const UtcSeconds created = day(1) + static_cast<UtcSeconds>(i) * 7 * 3600;
            const QString value = escalated ? QStringLiteral("3") : QStringLiteral("0");
            add(writer, QStringLiteral("L%1").arg(i), created,
                escalated ? std::optional<UtcSeconds>(created + 600) : std::nullopt,
                created + 3 * 3600, QStringLiteral("{\"%1\": \"%2\"}").arg(key, value));
        }
        transaction.commit();
        return path;
    }

    // The held-out AUC of a model trained on the first 70 % of `data`.
    static double heldOutAuc(const RiskData& data, const RiskModel& model, std::size_t trained) {
        const RiskScorer scorer(model, data);
        std::vector<double> scores;
        std::vector<bool> labels;
        for (std::size_t i = trained; i < data.tickets.size(); ++i) {
            scores.push_back(scorer.probability(data.tickets[i]));
            labels.push_back(data.tickets[i].escalated);
        }
        return auc(scores, labels);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theRuleRefusesWhatIsKnownOnlyAfterCreation() {
        for (const char* key :
             {"reassignment_count", "Status", "resolved_by", "csat score", "SLA breached",
              "Handle time", "first_response_at", "support level", "Assignment group",
              "incident_state", "reopen_count", "root cause", "escalated"}) {
            QVERIFY2(whyKnownOnlyAfterCreation(QString::fromUtf8(key)).has_value(), key);
        }
        QCOMPARE(*whyKnownOnlyAfterCreation(QStringLiteral("reassignment_count")),
                 QStringLiteral("known only after creation"));
        for (const char* key : {"impact", "country", "product", "first_group", "first_tier",
                                "starting support level", "Org line", "urgency", "category"}) {
            QVERIFY2(!whyKnownOnlyAfterCreation(QString::fromUtf8(key)).has_value(), key);
        }
    }

    void hourAndWeekdayAreThoseOfTheReportingZone() {
        ZoneClock newYork(QTimeZone("America/New_York"));
        // 2025-03-03 14:30 UTC: 09:30 EST on Monday.
        const UtcSeconds monday =
            QDateTime(QDate(2025, 3, 3), QTime(14, 30), QTimeZone::utc()).toSecsSinceEpoch();
        QCOMPARE(newYork.hourAndWeekday(monday), (std::pair<int, int>(9, 1)));
        // 2025-07-06 03:00 UTC: 23:00 EDT (UTC−4) on Saturday the 5th.
        const UtcSeconds saturday =
            QDateTime(QDate(2025, 7, 6), QTime(3, 0), QTimeZone::utc()).toSecsSinceEpoch();
        QCOMPARE(newYork.hourAndWeekday(saturday), (std::pair<int, int>(23, 6)));
        ZoneClock utc(QTimeZone::utc());
        QCOMPARE(utc.hourAndWeekday(saturday), (std::pair<int, int>(3, 7)));
    }

    void theAccountHistoryCountsOnlyPriorEscalations() {
        const QString path = makeHistory(QStringLiteral("history.db"));
        Workspace workspace(path);
        auto& db = workspace.db();
        const auto scorer = SentimentScorer::withAfinn(keywords);
        const RiskData kept = loadAllRiskData(db, scorer, keywords);
        const RiskData computed = computeRiskData(db, scorer);
        for (const RiskData* data : {&kept, &computed}) {
            // A4 (day 15): A1, A2, A7 (day 3), A3 before it; only A1
            // escalated by then (A2 on day 20).
            const RiskTicket& a4 = ticketOf(*data, QStringLiteral("A4"));
            QCOMPARE(a4.accountPriorTickets, 4);
            QCOMPARE(a4.accountPriorEscalated, 1);
            // A5 (day 25): A1–A4 and A7 (day 3), A1 and A2 escalated by then.
            const RiskTicket& a5 = ticketOf(*data, QStringLiteral("A5"));
            QCOMPARE(a5.accountPriorTickets, 5);
            QCOMPARE(a5.accountPriorEscalated, 2);
            // A6 (day 100): the 90 days before start on day 10 at the same
            // hour, so A3, A4 and A5, none escalated.
            const RiskTicket& a6 = ticketOf(*data, QStringLiteral("A6"));
            QCOMPARE(a6.accountPriorTickets, 3);
            QCOMPARE(a6.accountPriorEscalated, 0);
            const RiskTicket& a7 = ticketOf(*data, QStringLiteral("A7"));
            QCOMPARE(data->value(a7, RiskField::CreationHour), QStringLiteral("08–11"));
            QCOMPARE(data->value(a7, RiskField::CreationWeekday), QStringLiteral("Mon"));
            // Started at tier 1: A1 by its escalation event, A3 never escalated.
            QCOMPARE(data->value(ticketOf(*data, QStringLiteral("A1")), RiskField::StartTier),
                     QStringLiteral("1"));
            QCOMPARE(data->value(ticketOf(*data, QStringLiteral("A3")), RiskField::StartTier),
                     QStringLiteral("1"));
        }
        // The open ticket as the at-risk queue reads it on day 101.
        const OpenRiskTickets open = loadOpenRiskData(db, keywords, day(101));
        QCOMPARE(open.data.tickets.size(), std::size_t(1));
        QCOMPARE(open.data.tickets.front().accountPriorTickets, 3);
        QCOMPARE(open.data.tickets.front().accountPriorEscalated, 0);
        QCOMPARE(open.data.value(open.data.tickets.front(), RiskField::CreationWeekday),
                 QStringLiteral("Sun")); // 2025-06-08 12:00 UTC, 08:00 EDT
    }

    void anAttributeValueNeedsEnoughTickets() {
        const QString path = m_dir.filePath(QStringLiteral("cutoff.db"));
        {
            Workspace workspace(path);
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            addAccount(writer);
            // 12 tickets: impact High on 10 (≥ 10: a column), Low on 2 (not);
            // "caller" differs on each (free text), reassignment_count refused.
            for (int i = 0; i < 12; ++i) {
                const bool escalated = i % 3 == 0;
                const QString attributes =
                    QStringLiteral("{\"impact\": \"%1\", \"caller\": \"person %2\", "
                                   "\"reassignment_count\": \"%3\"}")
                        .arg(i < 10 ? "High" : "Low")
                        .arg(i)
                        .arg(escalated ? 2 : 0);
                add(writer, QStringLiteral("C%1").arg(i), day(1 + i),
                    escalated ? std::optional<UtcSeconds>(day(1 + i) + 60) : std::nullopt,
                    day(2 + i), attributes);
            }
            transaction.commit();
        }
        Workspace workspace(path);
        const auto scorer = SentimentScorer::withAfinn(keywords);
        const RiskData data = loadAllRiskData(workspace.db(), scorer, keywords);
        QCOMPARE(attributeOf(data, ticketOf(data, QStringLiteral("C11")), QStringLiteral("impact")),
                 QStringLiteral("Low"));
        std::vector<std::size_t> all(data.tickets.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            all[i] = i;
        }
        const RiskModel model = RiskModel::train(data, all, keywords);
        QVERIFY(model.featureNames().contains(QStringLiteral("impact = High")));
        QVERIFY(!model.featureNames().contains(QStringLiteral("impact = Low")));
        for (const QString& name : model.featureNames()) {
            QVERIFY2(!name.startsWith(QStringLiteral("caller")), qPrintable(name));
            QVERIFY2(!name.startsWith(QStringLiteral("reassignment")), qPrintable(name));
        }
        const std::vector<LeftOutFeature> expected{
            {QStringLiteral("caller"), QStringLiteral("free text: 12 distinct values among 12 "
                                                      "tickets")},
            {QStringLiteral("reassignment_count"), QStringLiteral("known only after creation")},
        };
        QVERIFY(model.leftOut() == expected);
        // Kept with the model.
        const RiskModel again = RiskModel::fromJson(model.toJson());
        QVERIFY(again.leftOut() == expected);
        QCOMPARE(again.featureNames(), model.featureNames());
    }

    void aLeakingAttributeIsRefused() {
        const int count = 400;
        const std::size_t trained = 280;
        const auto scorer = SentimentScorer::withAfinn(keywords);
        std::vector<std::size_t> first(trained);
        for (std::size_t i = 0; i < trained; ++i) {
            first[i] = i;
        }
        // The fixture leaks when the key looks harmless: the attribute
        // alone tells escalation.
        {
            Workspace workspace(makeLeak(QStringLiteral("control.db"), "impact", count));
            const RiskData data = loadAllRiskData(workspace.db(), scorer, keywords);
            const RiskModel model = RiskModel::train(data, first, keywords);
            QVERIFY(heldOutAuc(data, model, trained) > 0.95);
        }
        Workspace workspace(makeLeak(QStringLiteral("leak.db"), "reassignment_count", count));
        const RiskData data = loadAllRiskData(workspace.db(), scorer, keywords);
        const RiskModel model = RiskModel::train(data, first, keywords);
        QCOMPARE(model.leftOut().size(), std::size_t(1));
        QCOMPARE(model.leftOut().front().name, QStringLiteral("reassignment_count"));
        QCOMPARE(model.leftOut().front().reason, QStringLiteral("known only after creation"));
        QVERIFY(heldOutAuc(data, model, trained) < 0.7);
    }

    void keptFeaturesFollowAttributesAndEscalations() {
        const QString path = makeHistory(QStringLiteral("kept.db"));
        Workspace workspace(path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, keywords));
        db.prepare("UPDATE tickets SET attributes = '{\"impact\": \"High\"}' "
                   "WHERE ticket_id = 'A3'")
            .run();
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_risk_features WHERE ticket_id = 'A3'"),
                 std::int64_t(0));
        QVERIFY(keepRiskFeatures(db, keywords));
        const auto scorer = SentimentScorer::withAfinn(keywords);
        RiskData data = loadAllRiskData(db, scorer, keywords);
        QCOMPARE(attributeOf(data, ticketOf(data, QStringLiteral("A3")), QStringLiteral("impact")),
                 QStringLiteral("High"));
        // A3 escalates on day 12: kept as its escalation instant, and A4
        // (day 15) now has two prior escalations.
        TicketEvent event;
        event.kind = EventKind::Escalated;
        event.occurredAt = day(12);
        event.fromTier = 1;
        event.toTier = 2;
        DataWriter(db).insertEvent(m_rows.at("A3"), event);
        QVERIFY(keepRiskFeatures(db, keywords));
        QCOMPARE(db.queryInt64("SELECT escalated_at FROM ticket_risk_features "
                               "WHERE ticket_id = 'A3'"),
                 day(12));
        data = loadAllRiskData(db, scorer, keywords);
        QCOMPARE(ticketOf(data, QStringLiteral("A4")).accountPriorEscalated, 2);
        QCOMPARE(ticketOf(data, QStringLiteral("A6")).accountPriorEscalated, 1);
        const OpenRiskTickets open = loadOpenRiskData(db, keywords, day(101));
        QCOMPARE(open.data.tickets.front().accountPriorEscalated, 1);
    }

    // The packed creation and escalation instants of an account (issue #19)
    // follow a new escalation, a deleted ticket and a ticket moved to
    // another account, and the open ticket's history read from them with it.
    void accountPacksFollowTheirTickets() {
        const QString path = makeHistory(QStringLiteral("packs.db"));
        Workspace workspace(path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, keywords));
        QVERIFY(accountPacksCurrent(db));
        const auto packed = [&](const QString& account) {
            std::vector<AccountTicketTimes> times;
            AccountPackReader(db).append(account, day(1), day(101), times);
            return times;
        };
        // A1, A2, A7 (day 3), A3, A4, A5, A6 by creation; A1 and A2 escalated.
        std::vector<AccountTicketTimes> acme = packed(QStringLiteral("ACME"));
        QCOMPARE(acme.size(), std::size_t(7));
        QCOMPARE(acme[0].escalatedAt, std::optional<UtcSeconds>(day(1) + 3600));
        QCOMPARE(acme[1].escalatedAt, std::optional<UtcSeconds>(day(20)));
        QCOMPARE(acme[3].createdAt, day(10));
        QVERIFY(!acme[3].escalatedAt);
        // A span reads only the tickets created in it: days 10 to 25, A5 not.
        std::vector<AccountTicketTimes> span;
        AccountPackReader(db).append(QStringLiteral("ACME"), day(10), day(25), span);
        QCOMPARE(span.size(), std::size_t(2));

        // A3 escalates on day 12: A6's 90 days (from day 10) hold one escalation.
        TicketEvent event;
        event.kind = EventKind::Escalated;
        event.occurredAt = day(12);
        event.fromTier = 1;
        event.toTier = 2;
        DataWriter(db).insertEvent(m_rows.at("A3"), event);
        QVERIFY(!accountPacksCurrent(db));
        OpenRiskTickets open = loadOpenRiskData(db, keywords, day(101));
        QVERIFY(accountPacksCurrent(db));
        QCOMPARE(packed(QStringLiteral("ACME"))[3].escalatedAt, std::optional<UtcSeconds>(day(12)));
        QCOMPARE(open.data.tickets.front().accountPriorTickets, 3);
        QCOMPARE(open.data.tickets.front().accountPriorEscalated, 1);

        // A5 (day 25) deleted, A4 (day 15) moved to another account: A6's
        // history is A3 alone.
        db.exec("DELETE FROM tickets WHERE ticket_id = 'A5'");
        db.exec("UPDATE tickets SET account_id = 'OTHER' WHERE ticket_id = 'A4'");
        QVERIFY(!accountPacksCurrent(db));
        open = loadOpenRiskData(db, keywords, day(101));
        QVERIFY(accountPacksCurrent(db));
        QCOMPARE(packed(QStringLiteral("ACME")).size(), std::size_t(5));
        const std::vector<AccountTicketTimes> other = packed(QStringLiteral("OTHER"));
        QCOMPARE(other.size(), std::size_t(1));
        QCOMPARE(other.front().createdAt, day(15));
        QCOMPARE(open.data.tickets.front().accountPriorTickets, 1);
        QCOMPARE(open.data.tickets.front().accountPriorEscalated, 1);
    }

    // With many accounts in a bucket the packs are read a bucket at a time
    // (manyAccountsOfABucket, 64): 80 accounts, each with a ticket of day 5
    // and one open since day 50; the first escalates on day 5 for the odd
    // accounts (before the open ticket) and on day 60 for the even ones.
    void manyAccountsReadTheirOwnPacks() {
        const QString path = m_dir.filePath(QStringLiteral("many.db"));
        {
            Workspace workspace(path);
            Transaction transaction(workspace.db());
            DataWriter writer(workspace.db());
            for (int k = 0; k < 80; ++k) {
                const QString account = QStringLiteral("C%1").arg(k, 2, 10, QLatin1Char('0'));
                const UtcSeconds escalated = k % 2 == 1 ? day(5) + 3600 : day(60);
                add(writer, account + QStringLiteral("-1"), day(5), escalated, day(70), {},
                    account);
                add(writer, account + QStringLiteral("-2"), day(50), std::nullopt, std::nullopt, {},
                    account);
            }
            transaction.commit();
        }
        Workspace workspace(path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, keywords));
        QVERIFY(accountPacksCurrent(db));
        const OpenRiskTickets open = loadOpenRiskData(db, keywords, day(55));
        // Open at day 55: the 80 tickets of day 50 and the 40 of day 5 that
        // escalate only on day 60 (with nothing before them).
        QCOMPARE(open.data.tickets.size(), std::size_t(120));
        for (const RiskTicket& t : open.data.tickets) {
            if (t.ticketId.endsWith(QStringLiteral("-1"))) {
                QCOMPARE(t.accountPriorTickets, 0);
                continue;
            }
            const int k = t.ticketId.mid(1, 2).toInt();
            QCOMPARE(t.accountPriorTickets, 1);
            QCOMPARE(t.accountPriorEscalated, k % 2 == 1 ? 1 : 0);
            QCOMPARE(t.recentTickets, 0); // day 5 is not within 7 days of day 50
        }
    }
};

QTEST_GUILESS_MAIN(TestRiskCreationFeatures)
#include "tst_risk_creation_features.moc"

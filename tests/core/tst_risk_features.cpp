// The risk features kept in the workspace (issue #19): what the model reads
// of each ticket is computed once and kept, read back equal to what is
// computed afresh, and follows every change — a ticket's subject, an event,
// its account, the escalation keywords. A workspace that cannot be written
// computes what is not kept in memory, and the at-risk queue reads only the
// tickets open at its instant. A small hand-made workspace; every figure
// worked out by hand.

#include "matrix/MatrixStore.h"
#include "risk/AtRiskQueue.h"
#include "risk/OpenAsOf.h"
#include "risk/RiskFeatureStore.h"
#include "risk/RiskFeatures.h"
#include "risk/RiskModelStore.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "support/ReadOnlyPlace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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

// One ticket as the model reads it, in words: codes differ between loads.
struct Features {
    QString ticketId;
    UtcSeconds createdAt = 0;
    QStringList fields;
    QString account;
    std::optional<double> arr;
    double sentiment = 0;
    int keywordHits = 0;
    int negativeTerms = 0;
    QStringList stems;
    bool escalated = false;
    bool open = false;
    int recentTickets = 0;

    bool operator==(const Features&) const = default;
};

Features featuresOf(const RiskData& data, const RiskTicket& t) {
    Features f;
    f.ticketId = t.ticketId;
    f.createdAt = t.createdAt;
    for (std::size_t k = 0; k < riskFieldCount; ++k) {
        f.fields.append(data.value(t, static_cast<RiskField>(k)));
    }
    f.account = t.account >= 0 ? data.accounts[t.account] : QString();
    f.arr = t.arr;
    f.sentiment = t.sentiment;
    f.keywordHits = t.keywordHits;
    f.negativeTerms = t.negativeTerms;
    for (int stem : t.stems) {
        f.stems.append(data.stems[stem]);
    }
    f.escalated = t.escalated;
    f.open = t.open;
    f.recentTickets = t.recentTickets;
    return f;
}

std::map<QString, Features> byTicket(const RiskData& data) {
    std::map<QString, Features> all;
    for (const RiskTicket& t : data.tickets) {
        all.emplace(t.ticketId, featuresOf(data, t));
    }
    return all;
}

std::int64_t count(Database& db, const char* sql) {
    return db.queryInt64(sql);
}

// What a queue shows, ticket by ticket.
QStringList shown(const AtRiskQueue& queue) {
    QStringList lines;
    for (const AtRiskEntry& e : queue.entries) {
        QString line = e.ticketId + QLatin1Char(' ') + QString::number(e.risk.probability, 'g', 17);
        for (const AtRiskReason& r : e.reasons) {
            line += QLatin1Char('|') + r.text;
        }
        lines.append(line);
    }
    lines.append(QStringLiteral("open %1").arg(queue.openTickets));
    return lines;
}

// Holds the workspace's write lock while it lives (another program writing).
class WriterBusy {
public:
    explicit WriterBusy(const QString& path)
        : m_db(path, Database::Access::ReadWrite) {
        m_db.exec("BEGIN IMMEDIATE");
    }
    ~WriterBusy() { m_db.exec("ROLLBACK"); }

private:
    Database m_db;
};

const QStringList jamKeywords{QStringLiteral("paper jam")};

} // namespace

class TestRiskFeatures : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::map<QString, std::int64_t> m_rows;

    std::int64_t add(DataWriter& writer, const QString& id, UtcSeconds created,
                     const QString& subject, const QString& account,
                     std::optional<UtcSeconds> resolved = {}, bool escalated = false) {
        Ticket ticket;
        ticket.ticketId = id;
        ticket.createdAt = created;
        ticket.resolvedAt = resolved;
        ticket.status = resolved ? QStringLiteral("Solved") : QStringLiteral("Open");
        ticket.subject = subject;
        ticket.description = QStringLiteral("Reported by the customer.");
        ticket.accountId = account;
        ticket.priority = QStringLiteral("P2");
        ticket.channel = QStringLiteral("email");
        ticket.productArea = QStringLiteral("Printing");
        ticket.tier = 1;
        const std::int64_t row = writer.insertTicket(ticket);
        if (escalated) {
            TicketEvent event;
            event.kind = EventKind::Escalated;
            event.occurredAt = created + 3600;
            event.fromTier = 1;
            event.toTier = 2;
            writer.insertEvent(row, event);
        }
        m_rows[id] = row;
        return row;
    }

    // A fresh workspace of 12 tickets over two accounts, 4 of them escalated
    // (so that the model can be trained), 3 still open.
    void makeWorkspace(const QString& name) {
        m_path = m_dir.filePath(name);
        Workspace workspace(m_path);
        Transaction transaction(workspace.db());
        DataWriter writer(workspace.db());
        Account acme;
        acme.accountId = QStringLiteral("ACME");
        acme.name = QStringLiteral("Acme");
        acme.tier = QStringLiteral("Enterprise");
        acme.segment = QStringLiteral("Retail");
        acme.arr = 120000.0;
        writer.insertAccount(acme);
        Account globex = acme;
        globex.accountId = QStringLiteral("GLOBEX");
        globex.name = QStringLiteral("Globex");
        globex.tier = QStringLiteral("SMB");
        globex.segment = QStringLiteral("Health");
        globex.arr = 9000.0;
        writer.insertAccount(globex);
        const QString jam = QStringLiteral("Printer paper jam");
        const QString toner = QStringLiteral("Toner smudges pages");
        add(writer, "T01", day(1), jam, "ACME", day(2), true);
        add(writer, "T02", day(2), toner, "ACME", day(3));
        add(writer, "T03", day(3), jam, "GLOBEX", day(4), true);
        add(writer, "T04", day(4), toner, "GLOBEX", day(5));
        add(writer, "T05", day(5), jam, "ACME", day(7), true);
        add(writer, "T06", day(6), toner, "ACME", day(7));
        add(writer, "T07", day(7), toner, "GLOBEX", day(8));
        add(writer, "T08", day(8), jam, "GLOBEX", day(9), true);
        add(writer, "T09", day(9), toner, "ACME", day(10));
        add(writer, "T10", day(10), jam, "ACME");
        add(writer, "T11", day(11), toner, "GLOBEX");
        add(writer, "T12", day(12), jam, "ACME");
        transaction.commit();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // watchedUntil, worked out from openAt/escalatedBy by hand.
    void aTicketIsWatchedUntilItEscalatesOrClosesForGood() {
        TicketLifecycle open;
        open.createdAt = day(1);
        QCOMPARE(watchedUntil(open), stillWatched);

        TicketLifecycle resolved = open;
        resolved.resolvedAt = day(3);
        QCOMPARE(watchedUntil(resolved), day(3));

        // Resolved on day 3 and closed on day 6, never reopened: not open
        // from day 3 on (openAt on day 4 is false), so watched until day 3.
        TicketLifecycle closedLater = resolved;
        closedLater.closedAt = day(6);
        QVERIFY(!openAt(closedLater, day(4)));
        QCOMPARE(watchedUntil(closedLater), day(3));

        // Resolved events on days 2 and 4, never reopened: closed from day 2.
        TicketLifecycle resolvedTwice = open;
        resolvedTwice.firstResolvedEvent = day(2);
        resolvedTwice.lastResolvedEvent = day(4);
        QCOMPARE(watchedUntil(resolvedTwice), day(2));

        TicketLifecycle reopened = resolved; // reopened at the instant it was resolved
        reopened.lastReopenedEvent = day(3);
        QCOMPARE(watchedUntil(reopened), stillWatched);

        TicketLifecycle resolvedAgain = reopened; // a later resolved event closes it again
        resolvedAgain.lastResolvedEvent = day(5);
        QCOMPARE(watchedUntil(resolvedAgain), day(5));

        // Reopened on day 3, closed on day 6: open on day 4, so watched
        // until its last closing, day 6.
        TicketLifecycle reopenedThenClosed = reopened;
        reopenedThenClosed.closedAt = day(6);
        QVERIFY(openAt(reopenedThenClosed, day(4)));
        QCOMPARE(watchedUntil(reopenedThenClosed), day(6));

        TicketLifecycle escalated = resolved; // escalated on day 2, before it was resolved
        escalated.firstEscalatedEvent = day(2);
        escalated.escalatedAt = day(4);
        QCOMPARE(watchedUntil(escalated), day(2));

        TicketLifecycle flagged = open; // escalated at an unknown time: never watched
        flagged.escalatedFlag = true;
        QCOMPARE(watchedUntil(flagged), day(1));

        TicketLifecycle closedUndated = open; // closed at an unknown time: never open
        closedUndated.closedStatus = true;
        QCOMPARE(watchedUntil(closedUndated), day(1));
        QVERIFY(!openAt(closedUndated, day(2)));
    }

    void keptFeaturesEqualComputedOnes() {
        makeWorkspace(QStringLiteral("equal.db"));
        Workspace workspace(m_path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_risk_features"), std::int64_t(12));
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_risk_stale"), std::int64_t(0));

        const auto scorer = SentimentScorer::withAfinn(jamKeywords);
        const RiskData kept = loadAllRiskData(db, scorer, jamKeywords);
        const RiskData computed = computeRiskData(db, scorer);
        QCOMPARE(kept.tickets.size(), std::size_t(12));
        QVERIFY(byTicket(kept) == byTicket(computed));
        // Creation order, as training reads them.
        QCOMPARE(kept.tickets.front().ticketId, QStringLiteral("T01"));
        QCOMPARE(kept.tickets.back().ticketId, QStringLiteral("T12"));

        const Features t01 = byTicket(kept).at(QStringLiteral("T01"));
        // "Printer paper jam": three stems, the keyword "paper jam" once.
        QCOMPARE(t01.stems, (QStringList{"printer", "paper", "jam"}));
        QCOMPARE(t01.keywordHits, 1);
        // Issue #20 added the start tier (from its escalation event, from
        // tier 1) and the hour and weekday of creation in the reporting zone
        // (unset here: the system zone's).
        const QDateTime t01Local =
            QDateTime::fromSecsSinceEpoch(day(1), QTimeZone::systemTimeZone());
        QCOMPARE(t01.fields, (QStringList{"High", "Enterprise", "Retail", "Printing", "email", "1",
                                          hourBandName(t01Local.time().hour()),
                                          t01Local.toString(QStringLiteral("ddd"))}));
        QCOMPARE(t01.arr, std::optional<double>(120000.0));
        QVERIFY(t01.escalated);
        QVERIFY(!t01.open);
        const Features t10 = byTicket(kept).at(QStringLiteral("T10"));
        QCOMPARE(t10.keywordHits, 1);
        QVERIFY(t10.open);
        QVERIFY(!t10.escalated);
        // ACME's tickets in the 7 days before day 10: T05 (day 5), T06, T09.
        QCOMPARE(t10.recentTickets, 3);
        QCOMPARE(byTicket(kept).at(QStringLiteral("T02")).keywordHits, 0);
        // watch_until: T01 escalated an hour after creation, T02 resolved on day 3.
        QCOMPARE(count(db, "SELECT watch_until FROM ticket_risk_features WHERE ticket_id = 'T01'"),
                 day(1) + 3600);
        QCOMPARE(count(db, "SELECT watch_until FROM ticket_risk_features WHERE ticket_id = 'T02'"),
                 day(3));
    }

    void aChangedSubjectIsComputedAgain() {
        makeWorkspace(QStringLiteral("subject.db"));
        Workspace workspace(m_path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        const QString before = *keptRiskDataVersion(db, jamKeywords);
        db.prepare("UPDATE tickets SET subject = 'Toner low' WHERE ticket_id = 'T12'").run();
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_risk_features"), std::int64_t(11));
        QCOMPARE(count(db, "SELECT ticket FROM ticket_risk_stale"), m_rows.at("T12"));
        QVERIFY(!keptRiskDataVersion(db, jamKeywords)); // a model of before is stale
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        QVERIFY(*keptRiskDataVersion(db, jamKeywords) != before);
        const Features t12 =
            byTicket(loadAllRiskData(db, SentimentScorer::withAfinn(jamKeywords), jamKeywords))
                .at(QStringLiteral("T12"));
        QCOMPARE(t12.stems, (QStringList{"toner", "low"}));
        QCOMPARE(t12.keywordHits, 0);
    }

    void anEventIsFollowed() {
        makeWorkspace(QStringLiteral("event.db"));
        Workspace workspace(m_path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        TicketEvent event;
        event.kind = EventKind::Escalated;
        event.occurredAt = day(13);
        event.fromTier = 1;
        event.toTier = 2;
        DataWriter(db).insertEvent(m_rows.at("T10"), event);
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_risk_features WHERE ticket_id = 'T10'"),
                 std::int64_t(0));
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        QCOMPARE(count(db, "SELECT escalated FROM ticket_risk_features WHERE ticket_id = 'T10'"),
                 std::int64_t(1));
        QCOMPARE(count(db, "SELECT watch_until FROM ticket_risk_features WHERE ticket_id = 'T10'"),
                 day(13));
        // Open then, escalated since: on day 12 it is open and unescalated, on day 14 not.
        QVERIFY(openUnescalatedTicketsAt(db, day(12)).count(m_rows.at("T10")) > 0);
        QVERIFY(openUnescalatedTicketsAt(db, day(14)).count(m_rows.at("T10")) == 0);
        // Deleting the event brings it back.
        db.prepare("DELETE FROM ticket_events WHERE ticket = ?1 AND occurred_at = ?2")
            .bindAll(m_rows.at("T10"), day(13))
            .run();
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        QVERIFY(openUnescalatedTicketsAt(db, day(14)).count(m_rows.at("T10")) > 0);
    }

    void anAccountChangeIsFollowed() {
        makeWorkspace(QStringLiteral("account.db"));
        Workspace workspace(m_path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        const QString before = *keptRiskDataVersion(db, jamKeywords);
        db.prepare("UPDATE accounts SET tier = 'Mid-Market', arr = 50000 "
                   "WHERE account_id = 'ACME'")
            .run();
        // The rows stay (the account is read at each read); the version moves on.
        QCOMPARE(count(db, "SELECT count(*) FROM ticket_risk_features"), std::int64_t(12));
        QVERIFY(*keptRiskDataVersion(db, jamKeywords) != before);
        const auto all =
            byTicket(loadAllRiskData(db, SentimentScorer::withAfinn(jamKeywords), jamKeywords));
        QCOMPARE(all.at(QStringLiteral("T01")).fields[1], QStringLiteral("Mid-Market"));
        QCOMPARE(all.at(QStringLiteral("T01")).arr, std::optional<double>(50000.0));
        QCOMPARE(all.at(QStringLiteral("T03")).fields[1], QStringLiteral("SMB"));
        const OpenRiskTickets open = loadOpenRiskData(db, jamKeywords, day(12, 18));
        QCOMPARE(open.data.tickets.size(), std::size_t(3)); // T10, T11, T12
        QCOMPARE(open.data.value(open.data.tickets.front(), RiskField::AccountTier),
                 QStringLiteral("Mid-Market"));
    }

    void otherKeywordsStartOver() {
        makeWorkspace(QStringLiteral("keywords.db"));
        Workspace workspace(m_path);
        auto& db = workspace.db();
        QVERIFY(keepRiskFeatures(db, jamKeywords));
        const QStringList toner{QStringLiteral("toner")};
        QVERIFY(!keptRiskDataVersion(db, toner));
        QVERIFY(keepRiskFeatures(db, toner));
        const auto all = byTicket(loadAllRiskData(db, SentimentScorer::withAfinn(toner), toner));
        QCOMPARE(all.at(QStringLiteral("T01")).keywordHits, 0);
        QCOMPARE(all.at(QStringLiteral("T02")).keywordHits, 1);
        QVERIFY(byTicket(computeRiskData(db, SentimentScorer::withAfinn(toner))) == all);
        // The workspace's own keywords come from its matrix: a new basis again.
        const QStringList matrixKeywords = workspaceKeywords(db);
        QVERIFY(!keptRiskDataVersion(db, matrixKeywords));
        buildAtRiskQueue(db, day(12, 18));
        QVERIFY(keptRiskDataVersion(db, matrixKeywords).has_value());
    }

    // Some rows kept, the others cannot be kept now (another program holds
    // the write lock): those are computed in memory, and the queue is the
    // one computed from scratch.
    void aPartlyKeptWorkspaceIsCompletedInMemory() {
        makeWorkspace(QStringLiteral("partly.db"));
        AtRiskOptions options;
        options.everyOpenTicket = true;
        options.saveModel = false;
        QStringList fromScratch;
        {
            Workspace workspace(m_path);
            auto& db = workspace.db();
            const QStringList keywords = workspaceKeywords(db);
            QVERIFY(keepRiskFeatures(db, keywords));
            db.exec("UPDATE tickets SET priority = 'P1' WHERE ticket_id IN ('T02', 'T11')");
            fromScratch = shown(
                buildAtRiskQueue(db, computeRiskData(db, SentimentScorer::withAfinn(keywords)),
                                 keywords, day(12, 18), options));
            QCOMPARE(count(db, "SELECT count(*) FROM ticket_risk_stale"), std::int64_t(2));
        }
        QCOMPARE(fromScratch.size(), 4); // T10, T11, T12 and the count
        {
            Workspace reader(m_path, Workspace::Access::ReadOnly);
            const WriterBusy busy(m_path);
            const AtRiskQueue queue = buildAtRiskQueue(reader.db(), day(12, 18), options);
            QCOMPARE(shown(queue), fromScratch);
            QCOMPARE(count(reader.db(), "SELECT count(*) FROM ticket_risk_stale"), std::int64_t(2));
        }
        // Once it can write, the missing rows are kept.
        Workspace workspace(m_path);
        QCOMPARE(shown(buildAtRiskQueue(workspace.db(), day(12, 18), options)), fromScratch);
        QCOMPARE(count(workspace.db(), "SELECT count(*) FROM ticket_risk_stale"), std::int64_t(0));
        QCOMPARE(count(workspace.db(), "SELECT count(*) FROM ticket_risk_features"),
                 std::int64_t(12));
    }

    void aReadOnlyWorkspaceStillHasItsQueue() {
        const QString folder = m_dir.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(folder));
        makeWorkspace(QStringLiteral("readonly/ws.db"));
        AtRiskOptions options;
        options.everyOpenTicket = true;
        options.saveModel = false;
        QStringList expected;
        {
            Workspace workspace(m_path);
            const QStringList keywords = workspaceKeywords(workspace.db());
            expected = shown(buildAtRiskQueue(
                workspace.db(),
                computeRiskData(workspace.db(), SentimentScorer::withAfinn(keywords)), keywords,
                day(12, 18), options));
            forgetRiskModel(workspace.db());
        }
        const testsupport::ReadOnlyPlace readOnly(folder);
        if (!readOnly.isReadOnly()) {
            QSKIP("cannot make a folder read-only here");
        }
        Workspace reader(m_path, Workspace::Access::ReadOnly);
        QCOMPARE(shown(buildAtRiskQueue(reader.db(), day(12, 18), options)), expected);
        QCOMPARE(count(reader.db(), "SELECT count(*) FROM ticket_risk_features"), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRiskFeatures)
#include "tst_risk_features.moc"

// Browsing tickets: the ordered id lists of filters and sorts, and the
// display rows of a slice. Five hand-made tickets; every expected order is
// worked out in the comments.

#include "browse/TicketQuery.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::browse;
using namespace escdesk::store;

namespace {

using Ids = std::vector<std::int64_t>;

UtcSeconds novemberDay(int day) {
    return QDateTime(QDate(2026, 11, day), QTime(10, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

struct Sample {
    const char* id;
    int day;
    const char* priority;
    const char* status;
    std::optional<int> tier;
    const char* subject; // nullptr: none
    const char* account;
    std::optional<bool> escalatedFlag;
};

// Row ids are 1..5 in this order.
//   1 SUP-1  1 Nov  Critical open     tier 2  "Payment failed"          escalated event
//   2 SUP-2  2 Nov  Low      solved   tier 1  "How to export"           no events
//   3 SUP-3  3 Nov  High     pending  tier 3  "Webhook payment delay"   escalated twice
//   4 SUP-4  4 Nov  Medium   solved   tier 1  (no subject)              claimed only
//   5 ABC-5  5 Nov  critical solved   —       "100% CPU"                flag only, no event
const Sample samples[] = {
    {"SUP-1", 1, "Critical", "open", 2, "Payment failed", "ACC-1", true},
    {"SUP-2", 2, "Low", "solved", 1, "How to export", "ACC-2", false},
    {"SUP-3", 3, "High", "pending", 3, "Webhook payment delay", "ACC-1", true},
    {"SUP-4", 4, "Medium", "solved", 1, nullptr, nullptr, false},
    {"ABC-5", 5, "critical", "solved", std::nullopt, "100% CPU", "ACC-9", true},
};

void fill(Workspace& workspace, bool withEvents) {
    Transaction transaction(workspace.db());
    DataWriter writer(workspace.db());
    Account account;
    account.accountId = QStringLiteral("ACC-1");
    account.name = QStringLiteral("Northwind");
    writer.insertAccount(account);
    for (const Sample& s : samples) {
        Ticket t;
        t.ticketId = QString::fromLatin1(s.id);
        t.createdAt = novemberDay(s.day);
        t.priority = QString::fromLatin1(s.priority);
        t.status = QString::fromLatin1(s.status);
        t.tier = s.tier;
        t.subject = s.subject ? QString::fromLatin1(s.subject) : QString();
        t.accountId = s.account ? QString::fromLatin1(s.account) : QString();
        t.escalated = s.escalatedFlag;
        writer.insertTicket(t);
    }
    if (withEvents) {
        const auto event = [&](std::int64_t row, int hour, EventKind kind) {
            TicketEvent e;
            e.occurredAt = novemberDay(static_cast<int>(row)) + hour * 3600;
            e.kind = kind;
            writer.insertEvent(row, e);
        };
        event(1, 1, EventKind::Escalated);
        event(3, 1, EventKind::Escalated);
        event(3, 5, EventKind::Escalated);
        event(4, 1, EventKind::Claimed);
    }
    transaction.commit();
}

Ids ids(Database& db, const TicketFilter& filter, TicketColumn column, bool descending) {
    return ticketRowIds(db, filter, TicketSort{column, descending});
}

Ids createdNewestFirst(Database& db, const TicketFilter& filter) {
    return ids(db, filter, TicketColumn::Created, true);
}

} // namespace

class TestTicketQuery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

    Database& db() { return m_workspace->db(); }

private slots:
    void initTestCase() {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("tickets.db")));
        fill(*m_workspace, true);
    }

    void sorts() {
        const TicketFilter all;
        // Created: 5 Nov (5) back to 1 Nov (1).
        QCOMPARE(ids(db(), all, TicketColumn::Created, true), (Ids{5, 4, 3, 2, 1}));
        QCOMPARE(ids(db(), all, TicketColumn::Created, false), (Ids{1, 2, 3, 4, 5}));
        // "ABC-5" sorts before "SUP-…".
        QCOMPARE(ids(db(), all, TicketColumn::TicketId, false), (Ids{5, 1, 2, 3, 4}));
        // By severity, not name: Critical (1 and 5, "critical" in lower case
        // too; ties by row id), High (3), Medium (4), Low (2).
        QCOMPARE(ids(db(), all, TicketColumn::Priority, false), (Ids{1, 5, 3, 4, 2}));
        // Descending reverses everything, ties included.
        QCOMPARE(ids(db(), all, TicketColumn::Priority, true), (Ids{2, 4, 3, 5, 1}));
        // "100% CPU" < "How…" < "Payment…" < "Webhook…", the empty subject last.
        QCOMPARE(ids(db(), all, TicketColumn::Subject, false), (Ids{5, 2, 1, 3, 4}));
        // Tier 1 (2, 4), tier 2 (1), tier 3 (3), unknown last (5).
        QCOMPARE(ids(db(), all, TicketColumn::Tier, false), (Ids{2, 4, 1, 3, 5}));
        // Escalated per the event log: 1 and 3 (5's flag does not count when
        // there is an event log; 4 was only claimed).
        QCOMPARE(ids(db(), all, TicketColumn::Escalated, true), (Ids{3, 1, 5, 4, 2}));
        // Status by name: open (1), pending (3), solved (2, 4, 5).
        QCOMPARE(ids(db(), all, TicketColumn::Status, false), (Ids{1, 3, 2, 4, 5}));
    }

    void filters() {
        TicketFilter text;
        text.text = QStringLiteral("PAYMENT"); // case-insensitive, in the subject
        QCOMPARE(createdNewestFirst(db(), text), (Ids{3, 1}));
        text.text = QStringLiteral("sup-"); // in the ticket id
        QCOMPARE(createdNewestFirst(db(), text), (Ids{4, 3, 2, 1}));
        text.text = QStringLiteral("_"); // a literal underscore, not a LIKE wildcard
        QCOMPARE(createdNewestFirst(db(), text), Ids{});
        text.text = QStringLiteral("%"); // a literal percent sign, not "anything"
        QCOMPARE(createdNewestFirst(db(), text), Ids{5});

        TicketFilter priority;
        priority.priority = QStringLiteral("Critical");
        QCOMPARE(createdNewestFirst(db(), priority), (Ids{5, 1}));
        TicketFilter status;
        status.status = QStringLiteral("solved");
        QCOMPARE(createdNewestFirst(db(), status), (Ids{5, 4, 2}));
        TicketFilter tier;
        tier.tier = 3;
        QCOMPARE(createdNewestFirst(db(), tier), Ids{3});
        TicketFilter escalated;
        escalated.escalatedOnly = true;
        QCOMPARE(createdNewestFirst(db(), escalated), (Ids{3, 1}));
        escalated.priority = QStringLiteral("critical");
        QCOMPARE(createdNewestFirst(db(), escalated), Ids{1});

        // Created in [2 Nov 00:00, 4 Nov 00:00): tickets of 2 and 3 Nov.
        TicketFilter created;
        created.createdFrom = novemberDay(2) - 10 * 3600;
        created.createdBefore = novemberDay(4) - 10 * 3600;
        QCOMPARE(createdNewestFirst(db(), created), (Ids{3, 2}));
    }

    void withoutAnEventLogTheFlagDecides() {
        Workspace flags(m_dir.filePath(QStringLiteral("flags.db")));
        fill(flags, false);
        TicketFilter escalated;
        escalated.escalatedOnly = true;
        // Flags: 1, 3 and 5 are set.
        QCOMPARE(createdNewestFirst(flags.db(), escalated), (Ids{5, 3, 1}));
        const Ids rows{5};
        QVERIFY(ticketListRows(flags.db(), rows).front().escalated);
    }

    void displayRowsKeepTheRequestedOrder() {
        const Ids rows{3, 1, 999, 4};
        const std::vector<TicketListRow> listed = ticketListRows(db(), rows);
        QCOMPARE(listed.size(), 3u); // 999 does not exist
        QCOMPARE(listed[0].row, 3);
        QCOMPARE(listed[0].ticketId, QStringLiteral("SUP-3"));
        QCOMPARE(listed[0].priority, QStringLiteral("High"));
        QCOMPARE(listed[0].status, QStringLiteral("pending"));
        QCOMPARE(listed[0].tier, 3);
        QVERIFY(listed[0].escalated);
        QCOMPARE(listed[0].accountId, QStringLiteral("ACC-1"));
        QCOMPARE(listed[0].accountName, QStringLiteral("Northwind"));
        QCOMPARE(listed[0].createdAt, novemberDay(3));
        QCOMPARE(listed[1].ticketId, QStringLiteral("SUP-1"));
        QCOMPARE(listed[2].ticketId, QStringLiteral("SUP-4"));
        QVERIFY(!listed[2].escalated); // claimed is not escalated
        QVERIFY(listed[2].subject.isEmpty());
        QVERIFY(listed[2].accountName.isEmpty());
        QVERIFY(ticketListRows(db(), Ids{}).empty());
    }

    void aCancelledQueryGivesNothing() {
        std::atomic<bool> cancelled{true};
        QVERIFY(
            ticketRowIds(db(), {}, TicketSort{TicketColumn::Subject, false}, &cancelled).empty());
        cancelled = false;
        QCOMPARE(
            ticketRowIds(db(), {}, TicketSort{TicketColumn::Subject, false}, &cancelled).size(),
            5u);
        // The handler is gone afterwards: the connection answers normally.
        QCOMPARE(ids(db(), {}, TicketColumn::Created, true).size(), 5u);
    }

    void filterChoices() {
        const TicketFilterChoices choices = ticketFilterChoices(db());
        // The four canonical priorities ("critical" is one of them).
        QCOMPARE(choices.priorities,
                 (QStringList{QStringLiteral("Critical"), QStringLiteral("High"),
                              QStringLiteral("Medium"), QStringLiteral("Low")}));
        QCOMPARE(choices.statuses, (QStringList{QStringLiteral("open"), QStringLiteral("pending"),
                                                QStringLiteral("solved")}));
        QCOMPARE(choices.tiers, (std::vector<int>{1, 2, 3}));
    }
};

QTEST_GUILESS_MAIN(TestTicketQuery)
#include "tst_ticket_query.moc"

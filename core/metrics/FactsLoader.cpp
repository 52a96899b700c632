#include "metrics/FactsLoader.h"
#include "store/StringPool.h"

#include <algorithm>
#include <array>
#include <future>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace escdesk::metrics {

namespace {

using store::BytesHash;
using store::StringPool;

// A second read-only connection to the same file, for work on another
// thread; empty when the store is not a file (in memory) or cannot be opened
// again.
std::shared_ptr<store::Database> secondConnection(store::Database& db) {
    return db.openAgain(store::Database::Access::ReadOnly);
}

std::optional<int> optionalInt(const store::Statement& row, int column) {
    if (row.isNull(column)) {
        return std::nullopt;
    }
    return static_cast<int>(row.int64(column));
}

// Tickets created in the window, then those escalated in it but created
// before or after it. Neither query sorts (the rows are ordered by ticket
// row in memory) nor joins the accounts (read once into a map): both would
// cost more than the scan itself on a large workspace.
constexpr const char* ticketColumns = R"sql(
SELECT t.id, t.created_at, t.resolved_at, t.priority, t.tier, t.escalated, t.escalated_at,
       t.handle_time_min, t.csat, t.root_cause, t.product_area, t.start_tier, t.group_name,
       t.first_response_at, t.closed_at, t.status, t.account_id
FROM tickets t
)sql";

// The columns the metrics themselves read (FactFields::MetricsOnly): the
// first twelve of the above.
constexpr const char* metricColumns = R"sql(
SELECT t.id, t.created_at, t.resolved_at, t.priority, t.tier, t.escalated, t.escalated_at,
       t.handle_time_min, t.csat, t.root_cause, t.product_area, t.start_tier
FROM tickets t
)sql";

constexpr const char* createdInWindowWhere = "WHERE t.created_at >= ?1 AND t.created_at < ?2";

// Without an event log: tickets created in the window whose own escalated
// field is set (forEachEscalationIn then checks their escalated_at).
constexpr const char* flaggedInWindowWhere = R"sql(
WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.escalated IS NOT NULL
  AND CAST(t.escalated AS INTEGER) != 0
)sql";

constexpr const char* escalatedInWindowSql = R"sql(
SELECT DISTINCT ticket FROM ticket_events
WHERE event = 'escalated' AND occurred_at >= ?1 AND occurred_at < ?2
)sql";

constexpr const char* eventColumns =
    "SELECT ticket, occurred_at, event, from_tier, to_tier, id FROM ticket_events ";

// SQLite limits the number of parameters of a statement.
constexpr std::size_t rowsPerQuery = 500;

constexpr const char* resolvedEscalationsSql = R"sql(
SELECT t.resolved_at, t.root_cause, t.product_area FROM tickets t
WHERE t.resolved_at >= ?1 AND t.resolved_at < ?2
  AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'escalated')
)sql";

constexpr const char* resolvedFlaggedSql = R"sql(
SELECT t.resolved_at, t.root_cause, t.product_area FROM tickets t
WHERE t.resolved_at >= ?1 AND t.resolved_at < ?2 AND coalesce(t.escalated, 0) != 0
)sql";

// The account fields the facts carry, by account id bytes.
struct AccountFacts {
    QString tier;
    QString segment;
    std::optional<double> arr;
};

using AccountMap = std::unordered_map<std::string, AccountFacts, BytesHash, std::equal_to<>>;

AccountMap loadAccounts(store::Database& db, StringPool& pool) {
    AccountMap accounts;
    store::Statement row = db.prepare("SELECT account_id, tier, segment, arr FROM accounts");
    while (row.step()) {
        accounts.emplace(std::string(row.textView(0)),
                         AccountFacts{pool.get(row, 1), pool.get(row, 2), row.optionalReal(3)});
    }
    return accounts;
}

// Where the ticket facts come from: the accounts and the strings to share,
// and which fields to read.
struct FactSource {
    const AccountMap& accounts;
    StringPool& pool;
    FactFields fields = FactFields::All;

    std::string select() const { return fields == FactFields::All ? ticketColumns : metricColumns; }
};

void readTickets(store::Statement& row, const FactSource& source,
                 std::vector<TicketFacts>& tickets) {
    const AccountMap& accounts = source.accounts;
    StringPool& pool = source.pool;
    const bool all = source.fields == FactFields::All;
    while (row.step()) {
        TicketFacts& t = tickets.emplace_back();
        t.row = row.int64(0);
        t.createdAt = row.int64(1);
        t.resolvedAt = row.optionalInt64(2);
        t.priority = pool.get(row, 3);
        t.tier = optionalInt(row, 4);
        t.escalatedFlag = !row.isNull(5) && row.int64(5) != 0;
        t.escalatedAt = row.optionalInt64(6);
        t.handleTimeMin = row.optionalReal(7);
        t.csat = row.optionalReal(8);
        t.rootCause = pool.get(row, 9);
        t.productArea = pool.get(row, 10);
        t.startTier = optionalInt(row, 11).value_or(1);
        if (!all) {
            continue;
        }
        t.group = pool.get(row, 12);
        t.firstResponseAt = row.optionalInt64(13);
        t.closedAt = row.optionalInt64(14);
        t.status = pool.get(row, 15);
        if (!row.isNull(16)) {
            // As a LEFT JOIN on account_id would: an exact match of the id.
            const auto account = accounts.find(row.textView(16));
            if (account != accounts.end()) {
                t.accountTier = account->second.tier;
                t.accountSegment = account->second.segment;
                t.accountArr = account->second.arr;
            }
            t.accountId = pool.get(row, 16);
        }
    }
}

bool byRow(const TicketFacts& a, const TicketFacts& b) {
    return a.row < b.row;
}

// Orders tickets by row, moving each once.
void sortByRow(std::vector<TicketFacts>& tickets) {
    if (std::is_sorted(tickets.begin(), tickets.end(), byRow)) {
        return;
    }
    std::vector<std::pair<std::int64_t, std::size_t>> order;
    order.reserve(tickets.size());
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        order.emplace_back(tickets[i].row, i);
    }
    std::sort(order.begin(), order.end());
    std::vector<TicketFacts> sorted;
    sorted.reserve(tickets.size());
    for (const auto& [row, index] : order) {
        sorted.push_back(std::move(tickets[index]));
    }
    tickets = std::move(sorted);
}

// Orders [begin, end) by row in place when only a few neighbours are out of
// order (tickets created in the same second come from the index by their
// other columns, not by row); returns false, with the same tickets in some
// order, when more are or they lie far apart.
bool sortNearlySortedByRow(std::vector<TicketFacts>::iterator begin,
                           std::vector<TicketFacts>::iterator end) {
    std::ptrdiff_t descents = 0;
    for (auto i = begin; i != end && std::next(i) != end; ++i) {
        descents += byRow(*std::next(i), *i) ? 1 : 0;
    }
    if (descents * 16 > end - begin) {
        return false;
    }
    // Insertion sort: linear on an input whose few inversions are short;
    // it gives up when they are not.
    std::ptrdiff_t movesLeft = 4 * (end - begin) + 64;
    for (auto i = begin; i != end; ++i) {
        if (i == begin || !byRow(*i, *std::prev(i))) {
            continue;
        }
        TicketFacts moving = std::move(*i);
        auto hole = i;
        while (hole != begin && byRow(moving, *std::prev(hole)) && movesLeft-- > 0) {
            *hole = std::move(*std::prev(hole));
            --hole;
        }
        *hole = std::move(moving);
        if (movesLeft <= 0) {
            return false;
        }
    }
    return true;
}

// Appends the tickets a WHERE clause over ?1 = window.from, ?2 = window.to
// selects.
void loadTicketsWhere(store::Database& db, const Window& window, const char* where,
                      const FactSource& source, std::vector<TicketFacts>& tickets) {
    store::Statement row = db.prepare(source.select() + where);
    row.bindAll(window.from, window.to);
    readTickets(row, source, tickets);
}

// Below this many tickets a window is read on one connection: a second one
// costs more than it saves.
constexpr std::int64_t ticketsWorthASecondReader = 50000;

// Appends the tickets created in the window. A large window is read in two
// halves at once, the later half on a second connection in another thread;
// the tickets come out in the same order as from one scan (by creation).
void loadCreatedIn(store::Database& db, const Window& window, std::int64_t expected,
                   const FactSource& source, std::vector<TicketFacts>& tickets) {
    std::shared_ptr<store::Database> other;
    if (expected >= ticketsWorthASecondReader && window.to - window.from >= 2) {
        other = secondConnection(db);
    }
    if (!other) {
        loadTicketsWhere(db, window, createdInWindowWhere, source, tickets);
        return;
    }
    const UtcSeconds middle = window.from + (window.to - window.from) / 2;
    // The later half has its own strings, accounts included: two threads
    // copying the same shared strings would fight over their reference
    // counts.
    auto later =
        std::async(std::launch::async, [other, middle, to = window.to, fields = source.fields] {
            StringPool laterPool;
            const AccountMap laterAccounts =
                fields == FactFields::All ? loadAccounts(*other, laterPool) : AccountMap{};
            std::vector<TicketFacts> read;
            loadTicketsWhere(*other, Window{middle, to}, createdInWindowWhere,
                             FactSource{laterAccounts, laterPool, fields}, read);
            return read;
        });
    loadTicketsWhere(db, Window{window.from, middle}, createdInWindowWhere, source, tickets);
    std::vector<TicketFacts> rest = later.get();
    tickets.insert(tickets.end(), std::make_move_iterator(rest.begin()),
                   std::make_move_iterator(rest.end()));
}

// "IN (?, ?, …)" for `count` parameters.
std::string parameterList(std::size_t count) {
    std::string list = "(";
    for (std::size_t i = 0; i < count; ++i) {
        list += i == 0 ? "?" : ", ?";
    }
    return list + ")";
}

// Appends the tickets of the given rows.
void loadTicketsOfRows(store::Database& db, const std::vector<std::int64_t>& rows,
                       const FactSource& source, std::vector<TicketFacts>& tickets) {
    for (std::size_t begin = 0; begin < rows.size(); begin += rowsPerQuery) {
        const std::size_t count = std::min(rowsPerQuery, rows.size() - begin);
        store::Statement row =
            db.prepare(source.select() + "WHERE t.id IN " + parameterList(count));
        for (std::size_t i = 0; i < count; ++i) {
            row.bind(static_cast<int>(i + 1), rows[begin + i]);
        }
        readTickets(row, source, tickets);
    }
}

// Rows of the tickets with an `escalated` event in the window, ascending.
std::vector<std::int64_t> escalatedRowsIn(store::Database& db, const Window& window) {
    std::vector<std::int64_t> rows;
    store::Statement row = db.prepare(escalatedInWindowSql);
    row.bindAll(window.from, window.to);
    while (row.step()) {
        rows.push_back(row.int64(0));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// The kind of a stored event name; the store holds canonical names only, so
// a byte comparison finds it without building a string.
std::optional<EventKind> eventKindOf(std::string_view name) {
    static const auto names = [] {
        std::array<std::string, allEventKinds.size()> all;
        for (std::size_t i = 0; i < allEventKinds.size(); ++i) {
            all[i] = eventKindName(allEventKinds[i]).toStdString();
        }
        return all;
    }();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            return allEventKinds[i];
        }
    }
    return parseEventKind(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
}

// An event with its ticket row and store id, for ordering.
struct LoadedEvent {
    std::int64_t ticket = 0;
    std::int64_t id = 0;
    FactEvent event;
};

// Ticket, then the canonical event order (eventOrderKey: at one instant
// `escalated` first, so that events at the same instant pair with the
// escalation), the store id only for what that cannot tell apart.
bool comesFirst(const LoadedEvent& a, const LoadedEvent& b) {
    if (a.ticket != b.ticket) {
        return a.ticket < b.ticket;
    }
    const auto aKey = eventOrderKey(a.event.at, a.event.kind, a.event.fromTier, a.event.toTier);
    const auto bKey = eventOrderKey(b.event.at, b.event.kind, b.event.fromTier, b.event.toTier);
    if (aKey != bKey) {
        return aKey < bKey;
    }
    return a.id < b.id;
}

void readEvents(store::Statement& row, const std::vector<std::int64_t>& rows,
                std::vector<LoadedEvent>& events) {
    while (row.step()) {
        const std::int64_t ticket = row.int64(0);
        if (!std::binary_search(rows.begin(), rows.end(), ticket)) {
            continue; // in the scanned range, but not a ticket of the input
        }
        if (const auto kind = eventKindOf(row.textView(2))) {
            events.push_back(LoadedEvent{
                ticket, row.int64(5),
                FactEvent{row.int64(1), *kind, optionalInt(row, 3), optionalInt(row, 4)}});
        }
    }
}

// The events of the given tickets (ordered by row), each ticket's in order.
void attachEvents(store::Database& db, std::span<TicketFacts> tickets) {
    std::vector<std::int64_t> rows;
    rows.reserve(tickets.size());
    for (const TicketFacts& ticket : tickets) {
        rows.push_back(ticket.row);
    }
    if (rows.empty()) {
        return;
    }
    std::vector<LoadedEvent> events;
    // Ticket rows follow import order, so a window's tickets mostly sit close
    // together: then one scan of their range (skipping the few others) beats
    // looking each ticket up. Scattered rows are looked up in batches.
    const std::int64_t span = rows.back() - rows.front() + 1;
    if (span <= 2 * static_cast<std::int64_t>(rows.size())) {
        std::string rangeSql(eventColumns); // += : GCC 12 at -O1 misreads a + chain
        rangeSql += "WHERE ticket BETWEEN ?1 AND ?2";
        store::Statement row = db.prepare(rangeSql);
        row.bindAll(rows.front(), rows.back());
        readEvents(row, rows, events);
    } else {
        for (std::size_t begin = 0; begin < rows.size(); begin += rowsPerQuery) {
            const std::size_t count = std::min(rowsPerQuery, rows.size() - begin);
            // Appended piece by piece: GCC 12 warns falsely (-Warray-bounds)
            // on a chain of std::string operator+ once more of it is inlined.
            std::string sql = eventColumns;
            sql += "WHERE ticket IN ";
            sql += parameterList(count);
            store::Statement row = db.prepare(sql);
            for (std::size_t i = 0; i < count; ++i) {
                row.bind(static_cast<int>(i + 1), rows[begin + i]);
            }
            readEvents(row, rows, events);
        }
    }
    std::sort(events.begin(), events.end(), comesFirst);
    // Both lists are ordered by ticket row: walk them together.
    auto ticket = tickets.begin();
    for (auto e = events.begin(); e != events.end();) {
        while (ticket != tickets.end() && ticket->row < e->ticket) {
            ++ticket;
        }
        auto end = e;
        while (end != events.end() && end->ticket == e->ticket) {
            ++end;
        }
        if (ticket != tickets.end() && ticket->row == e->ticket) {
            ticket->events.reserve(static_cast<std::size_t>(end - e));
            for (auto i = e; i != end; ++i) {
                ticket->events.push_back(i->event);
            }
        }
        e = end;
    }
}

// attachEvents for a large input on two connections at once: each half of
// the tickets (by row) reads and attaches its own events.
void attachEventsOf(store::Database& db, std::vector<TicketFacts>& tickets) {
    std::shared_ptr<store::Database> other;
    if (static_cast<std::int64_t>(tickets.size()) >= ticketsWorthASecondReader) {
        other = secondConnection(db);
    }
    if (!other) {
        attachEvents(db, tickets);
        return;
    }
    const std::span<TicketFacts> all(tickets);
    const std::size_t half = all.size() / 2;
    auto later = std::async(std::launch::async,
                            [other, rest = all.subspan(half)] { attachEvents(*other, rest); });
    attachEvents(db, all.first(half));
    later.get();
}

std::vector<ResolvedEscalation> loadResolvedEscalations(store::Database& db, const Window& window,
                                                        bool hasEventLog, StringPool& pool) {
    std::vector<ResolvedEscalation> resolved;
    store::Statement row = db.prepare(hasEventLog ? resolvedEscalationsSql : resolvedFlaggedSql);
    row.bindAll(window.from - repeatIssueLookbackSeconds, window.to);
    while (row.step()) {
        resolved.push_back(ResolvedEscalation{row.int64(0), pool.get(row, 1), pool.get(row, 2)});
    }
    return resolved;
}

std::int64_t countCreatedIn(store::Database& db, const Window& window) {
    store::Statement count =
        db.prepare("SELECT count(*) FROM tickets WHERE created_at >= ?1 AND created_at < ?2");
    count.bindAll(window.from, window.to);
    count.step();
    return count.int64(0);
}

// Loads the resolved escalations on a second read connection to the same
// file, in another thread; on the caller's connection, in this thread, when
// there is no second connection.
std::future<std::vector<ResolvedEscalation>>
loadResolvedEscalationsAside(store::Database& db, const Window& window, bool hasEventLog) {
    if (auto other = secondConnection(db)) {
        return std::async(std::launch::async, [other, window, hasEventLog] {
            StringPool pool;
            return loadResolvedEscalations(*other, window, hasEventLog, pool);
        });
    }
    std::promise<std::vector<ResolvedEscalation>> here;
    StringPool pool;
    here.set_value(loadResolvedEscalations(db, window, hasEventLog, pool));
    return here.get_future();
}

// The number of `escalated` events in the window, from the index alone.
std::int64_t countEscalationsIn(store::Database& db, const Window& window) {
    store::Statement count = db.prepare("SELECT count(*) FROM ticket_events WHERE event = "
                                        "'escalated' AND occurred_at >= ?1 AND occurred_at < ?2");
    count.bindAll(window.from, window.to);
    count.step();
    return count.int64(0);
}

// escalatedRowsIn on a second connection in another thread; here when there
// is none.
std::future<std::vector<std::int64_t>> escalatedRowsAside(store::Database& db,
                                                          const Window& window) {
    if (auto other = secondConnection(db)) {
        return std::async(std::launch::async,
                          [other, window] { return escalatedRowsIn(*other, window); });
    }
    std::promise<std::vector<std::int64_t>> here;
    here.set_value(escalatedRowsIn(db, window));
    return here.get_future();
}

} // namespace

bool workspaceHasEventLog(store::Database& db) {
    return db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
}

std::vector<TicketFacts> loadTicketFacts(store::Database& db,
                                         const std::vector<std::int64_t>& rows) {
    std::vector<TicketFacts> tickets;
    tickets.reserve(rows.size());
    StringPool pool;
    const AccountMap accounts = loadAccounts(db, pool);
    loadTicketsOfRows(db, rows, FactSource{accounts, pool, FactFields::All}, tickets);
    sortByRow(tickets);
    attachEventsOf(db, tickets);
    return tickets;
}

std::vector<ResolvedEscalation> loadResolvedEscalations(store::Database& db, const Window& window,
                                                        bool hasEventLog) {
    StringPool pool;
    return loadResolvedEscalations(db, window, hasEventLog, pool);
}

MetricsInput loadMetricsInput(store::Database& db, const Window& window, FactFields fields) {
    MetricsInput input;
    StringPool pool;
    input.hasEventLog = workspaceHasEventLog(db);
    input.coverage = workspaceCoverage(db);
    // The repeat-issue lookback scans more of the store than the window
    // itself: it runs on a second connection meanwhile.
    std::future<std::vector<ResolvedEscalation>> resolved =
        loadResolvedEscalationsAside(db, window, input.hasEventLog);
    const AccountMap accounts = fields == FactFields::All ? loadAccounts(db, pool) : AccountMap{};
    const FactSource source{accounts, pool, fields};
    // Tickets created in the window, then those escalated in it but created
    // before or after it. Room for both is made at once (growing a vector of
    // a million facts would copy them all): the escalations, counted on the
    // index, bound the second from above. Which tickets were escalated is
    // found meanwhile on another connection (each event's ticket is a lookup
    // in the events table).
    const std::int64_t createdCount = countCreatedIn(db, window);
    std::future<std::vector<std::int64_t>> escalatedAside;
    std::int64_t escalations = 0;
    if (input.hasEventLog) {
        escalatedAside = escalatedRowsAside(db, window);
        escalations = countEscalationsIn(db, window);
    }
    input.tickets.reserve(static_cast<std::size_t>(createdCount + escalations));
    loadCreatedIn(db, window, createdCount, source, input.tickets);
    const auto createdEnd = static_cast<std::ptrdiff_t>(input.tickets.size());
    if (input.hasEventLog) {
        const std::vector<std::int64_t> escalated = escalatedAside.get();
        std::vector<std::int64_t> created;
        created.reserve(input.tickets.size());
        for (const TicketFacts& ticket : input.tickets) {
            created.push_back(ticket.row);
        }
        std::sort(created.begin(), created.end());
        std::vector<std::int64_t> others;
        std::set_difference(escalated.begin(), escalated.end(), created.begin(), created.end(),
                            std::back_inserter(others));
        loadTicketsOfRows(db, others, source, input.tickets);
    }
    // Rows mostly follow creation: then the tickets created in the window
    // are put in order where they stand and the few created outside it
    // merge into place, without a second copy of all the facts.
    const auto middle = input.tickets.begin() + createdEnd;
    if (sortNearlySortedByRow(input.tickets.begin(), middle)) {
        std::sort(middle, input.tickets.end(), byRow);
        std::inplace_merge(input.tickets.begin(), middle, input.tickets.end(), byRow);
    } else {
        sortByRow(input.tickets);
    }
    if (input.hasEventLog) {
        attachEventsOf(db, input.tickets);
    }
    input.resolvedEscalations = resolved.get();
    return input;
}

MetricsInput loadEscalationsInput(store::Database& db, const Window& window) {
    MetricsInput input;
    StringPool pool;
    input.hasEventLog = workspaceHasEventLog(db);
    input.coverage = workspaceCoverage(db);
    const AccountMap accounts = loadAccounts(db, pool);
    const FactSource source{accounts, pool, FactFields::All};
    if (input.hasEventLog) {
        loadTicketsOfRows(db, escalatedRowsIn(db, window), source, input.tickets);
        sortByRow(input.tickets);
        attachEvents(db, input.tickets);
    } else {
        loadTicketsWhere(db, window, flaggedInWindowWhere, source, input.tickets);
        sortByRow(input.tickets);
    }
    return input;
}

} // namespace escdesk::metrics

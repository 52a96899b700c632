#include "risk/RiskFeatureStore.h"

#include "metrics/DataCoverage.h"
#include "risk/AccountSurge.h"
#include "risk/AccountTicketPacks.h"
#include "risk/OpenAsOf.h"
#include "risk/RiskFeatures.h"

#include <QCryptographicHash>

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace escdesk::risk {

namespace {

// Remove a ticket's kept row and list it as stale whenever what it was
// computed from changes, whichever program writes: the ticket, its events.
// An account's change only moves the generation on (its fields are read at
// each read). Made with the first rows, so a workspace whose features were
// never kept imports without them.
constexpr const char* staleTriggers = R"sql(
CREATE TRIGGER IF NOT EXISTS risk_features_after_ticket_insert AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO ticket_risk_stale (ticket) VALUES (NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_ticket_update AFTER UPDATE ON tickets BEGIN
    DELETE FROM ticket_risk_features WHERE ticket IN (OLD.id, NEW.id);
    INSERT OR IGNORE INTO ticket_risk_stale (ticket) VALUES (OLD.id), (NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_ticket_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_risk_features WHERE ticket = OLD.id;
    INSERT OR IGNORE INTO ticket_risk_stale (ticket) VALUES (OLD.id);
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_event_insert AFTER INSERT ON ticket_events BEGIN
    DELETE FROM ticket_risk_features WHERE ticket = NEW.ticket;
    INSERT OR IGNORE INTO ticket_risk_stale (ticket) VALUES (NEW.ticket);
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_event_update AFTER UPDATE ON ticket_events BEGIN
    DELETE FROM ticket_risk_features WHERE ticket IN (OLD.ticket, NEW.ticket);
    INSERT OR IGNORE INTO ticket_risk_stale (ticket) VALUES (OLD.ticket), (NEW.ticket);
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_event_delete AFTER DELETE ON ticket_events BEGIN
    DELETE FROM ticket_risk_features WHERE ticket = OLD.ticket;
    INSERT OR IGNORE INTO ticket_risk_stale (ticket) VALUES (OLD.ticket);
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_account_insert AFTER INSERT ON accounts BEGIN
    UPDATE settings SET value = CAST(value AS INTEGER) + 1
    WHERE key = 'risk_features_generation';
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_account_update AFTER UPDATE ON accounts BEGIN
    UPDATE settings SET value = CAST(value AS INTEGER) + 1
    WHERE key = 'risk_features_generation';
END;
CREATE TRIGGER IF NOT EXISTS risk_features_after_account_delete AFTER DELETE ON accounts BEGIN
    UPDATE settings SET value = CAST(value AS INTEGER) + 1
    WHERE key = 'risk_features_generation';
END;
)sql";

// Tickets computed and kept per transaction: a first read of a large
// workspace holds the write lock, and the texts in memory, a bounded while.
constexpr int ticketsPerRound = 50000;

// The columns a kept row is read from, in this order.
constexpr const char* keptColumns =
    "f.created_at, f.ticket, f.ticket_id, f.priority, f.product_area, f.channel, f.account_id, "
    "f.sentiment, f.keyword_hits, f.negative_terms, f.stems, f.escalated, f.open, "
    "f.attributes, f.start_tier, f.escalated_at";

std::optional<QString> setting(store::Database& db, const char* key) {
    store::Statement query = db.prepare("SELECT value FROM settings WHERE key = ?1");
    query.bind(1, std::string_view(key));
    if (!query.step()) {
        return std::nullopt;
    }
    return query.text(0);
}

void setSetting(store::Database& db, const char* key, const QString& value) {
    db.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(std::string_view(key), value)
        .run();
}

void nextGeneration(store::Database& db) {
    db.prepare("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = ?1")
        .bind(1, std::string_view(riskFeatureGenerationSetting))
        .run();
}

QString featureSetPrefix() {
    return QStringLiteral("features=%1;").arg(riskFeatureSet);
}

bool hasStaleTickets(store::Database& db) {
    return db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_risk_stale)") != 0;
}

// Drops every kept row and lists every ticket as stale, under a new basis.
void startOver(store::Database& db, const QString& basis) {
    db.exec("DELETE FROM ticket_risk_features; DELETE FROM ticket_risk_stale; "
            "INSERT INTO ticket_risk_stale (ticket) SELECT id FROM tickets");
    setSetting(db, riskFeatureBasisSetting, basis);
    if (!setting(db, riskFeatureGenerationSetting)) {
        setSetting(db, riskFeatureGenerationSetting, QStringLiteral("0"));
    }
    nextGeneration(db);
    db.exec(staleTriggers);
}

// The stale tickets of one round: the first `ticketsPerRound` by row.
constexpr const char* roundOfStale =
    "SELECT ticket FROM ticket_risk_stale ORDER BY ticket LIMIT 50000";
static_assert(ticketsPerRound == 50000, "roundOfStale spells the round's size");

// Computes the stale tickets of one round and keeps their rows.
void keepRound(store::Database& db, const SentimentScorer& scorer) {
    std::string sql = "SELECT ";
    sql += ticketFeatureColumns;
    sql += ", t.escalated_at, "
           "(SELECT max(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
           " AND e.event = 'resolved'), "
           "(SELECT max(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
           " AND e.event = 'reopened'), "
           "(SELECT min(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
           " AND e.event = 'escalated'), "
           "(SELECT min(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
           " AND e.event = 'resolved') "
           "FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id "
           "WHERE t.id IN (";
    sql += roundOfStale;
    sql += ')';
    store::Statement query = db.prepare(sql);
    RiskData data;
    RiskDataBuilder codes(data);
    std::vector<UtcSeconds> watchUntil;
    std::vector<std::string> attributes; // as imported, parsed at each read
    computeRiskTickets(query, scorer, data, codes, [&](std::size_t) {
        attributes.emplace_back(query.textView(17));
        TicketLifecycle life;
        life.createdAt = query.int64(2);
        life.resolvedAt = query.optionalInt64(12);
        life.closedAt = query.optionalInt64(13);
        life.closedStatus = isClosedStatus(query.text(14));
        life.escalatedFlag = query.optionalInt64(15).value_or(0) != 0;
        life.escalatedAt = query.optionalInt64(21);
        life.lastResolvedEvent = query.optionalInt64(22);
        life.lastReopenedEvent = query.optionalInt64(23);
        life.firstEscalatedEvent = query.optionalInt64(24);
        life.firstResolvedEvent = query.optionalInt64(25);
        watchUntil.push_back(watchedUntil(life));
    });
    store::Statement insert = db.prepare(
        "INSERT OR REPLACE INTO ticket_risk_features (created_at, ticket, ticket_id, priority, "
        "product_area, channel, account_id, sentiment, keyword_hits, negative_terms, stems, "
        "escalated, open, watch_until, attributes, start_tier, escalated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    const auto orNull = [](const QString& value) {
        return value.isEmpty() ? QString() : value;
    };
    for (std::size_t i = 0; i < data.tickets.size(); ++i) {
        const RiskTicket& t = data.tickets[i];
        QStringList stems;
        for (int stem : t.stems) {
            stems.append(data.stems[stem]);
        }
        // Text, also when empty (a subject of stop words alone has no stems).
        const QByteArray stemText = stems.join(QLatin1Char(' ')).toUtf8();
        const QByteArray ticketId = t.ticketId.toUtf8();
        insert.bindAll(t.createdAt, t.row, std::string_view(ticketId.constData(), ticketId.size()),
                       orNull(data.value(t, RiskField::Priority)),
                       orNull(data.value(t, RiskField::ProductArea)),
                       orNull(data.value(t, RiskField::Channel)),
                       t.account >= 0 ? data.accounts[t.account] : QString(), t.sentiment,
                       t.keywordHits, t.negativeTerms,
                       std::string_view(stemText.constData(), stemText.size()), t.escalated ? 1 : 0,
                       t.open ? 1 : 0, watchUntil[i]);
        if (!attributes[i].empty()) {
            insert.bind(15, std::string_view(attributes[i]));
        }
        // The start tier as computed (a start-tier attribute among the
        // attributes gives it again at each read).
        const QString& startTier = data.value(t, RiskField::StartTier);
        if (!startTier.isEmpty()) {
            insert.bind(16, startTier);
        }
        if (t.escalatedAt) {
            insert.bind(17, *t.escalatedAt);
        }
        insert.run();
    }
    std::string forget = "DELETE FROM ticket_risk_stale WHERE ticket IN (";
    forget += roundOfStale;
    forget += ')';
    db.exec(forget);
    nextGeneration(db);
}

// Keeps one round; returns whether stale tickets remain.
bool keepSomeStale(store::Database& db, const QString& basis,
                   std::unique_ptr<SentimentScorer>& scorer, const QStringList& keywords) {
    store::Transaction write(db, store::Transaction::Kind::Immediate);
    if (setting(db, riskFeatureBasisSetting) != basis) {
        startOver(db, basis);
    }
    if (!hasStaleTickets(db)) {
        write.commit();
        return false;
    }
    if (!scorer) {
        scorer = std::make_unique<SentimentScorer>(SentimentScorer::withAfinn(keywords));
    }
    keepRound(db, *scorer);
    write.commit();
    return true;
}

// A connection of our own that may write the workspace, for a caller whose
// connection is read-only; empty when the file cannot be opened so. It waits
// only briefly for another writer: the features can always be computed in
// memory instead.
std::unique_ptr<store::Database> ownWriter(store::Database& db) {
    auto writer = db.openAgain(store::Database::Access::ReadWrite);
    if (writer) {
        writer->exec("PRAGMA busy_timeout = 250");
    }
    return writer;
}

bool allKept(store::Database& db, const QString& basis) {
    return setting(db, riskFeatureBasisSetting) == basis && !hasStaleTickets(db);
}

// Reads kept rows (columns keptColumns, then anything else) into `data`:
// those of the tickets `wanted` (by row) when given, every one otherwise.
void readKept(store::Statement& query, RiskData& data, RiskDataBuilder& codes,
              const TicketContexts* wanted = nullptr) {
    while (query.step()) {
        if (wanted && wanted->count(query.int64(1)) == 0) {
            continue; // not decoded: its stems are many small strings
        }
        RiskTicket t;
        t.createdAt = query.int64(0);
        t.row = query.int64(1);
        t.ticketId = query.text(2);
        t.fields[0] = codes.canonicalFieldCode(RiskField::Priority, query.textView(3));
        t.fields[3] = codes.canonicalFieldCode(RiskField::ProductArea, query.textView(4));
        t.fields[4] = codes.canonicalFieldCode(RiskField::Channel, query.textView(5));
        t.account = codes.accountCode(query.textView(6));
        t.sentiment = query.optionalReal(7).value_or(50.0);
        t.keywordHits = static_cast<int>(query.int64(8));
        t.negativeTerms = static_cast<int>(query.int64(9));
        const std::string_view stems = query.textView(10);
        std::size_t from = 0;
        while (from < stems.size()) {
            const std::size_t space = std::min(stems.find(' ', from), stems.size());
            t.stems.push_back(codes.stemCode(stems.substr(from, space - from)));
            from = space + 1;
        }
        t.escalated = query.int64(11) != 0;
        t.open = query.int64(12) != 0;
        t.fields[5] = codes.canonicalFieldCode(RiskField::StartTier, query.textView(14));
        if (const std::string_view attributes = query.textView(13); !attributes.empty()) {
            codes.setAttributes(t, parseAttributes(attributes));
        }
        t.escalatedAt = query.optionalInt64(15);
        data.tickets.push_back(std::move(t));
    }
}

// What a kept ticket reads of its account.
struct AccountFields {
    int tier = -1;
    int segment = -1;
    std::optional<double> arr;
};

// Fills the account fields of data.tickets[from, to) from the accounts
// table, as the join of computeRiskTickets does. `all` reads every account
// at once (most are needed); otherwise each one is looked up.
void readAccountFields(store::Database& db, RiskData& data, RiskDataBuilder& codes,
                       std::size_t from, std::size_t to, bool all) {
    std::unordered_map<int, AccountFields> byCode;
    const auto fieldsOf = [&](const store::Statement& row) {
        AccountFields fields;
        fields.tier = codes.fieldCode(RiskField::AccountTier, row.textView(1));
        fields.segment = codes.fieldCode(RiskField::Segment, row.textView(2));
        fields.arr = row.optionalReal(3);
        return fields;
    };
    if (all) {
        std::unordered_map<QString, int> codeOf;
        for (qsizetype c = 0; c < data.accounts.size(); ++c) {
            codeOf.emplace(data.accounts[c], static_cast<int>(c));
        }
        store::Statement row = db.prepare("SELECT account_id, tier, segment, arr FROM accounts");
        while (row.step()) {
            if (const auto it = codeOf.find(row.text(0)); it != codeOf.end()) {
                byCode.emplace(it->second, fieldsOf(row));
            }
        }
    } else {
        store::Statement row =
            db.prepare("SELECT account_id, tier, segment, arr FROM accounts WHERE account_id = ?1");
        for (std::size_t i = from; i < to; ++i) {
            const int account = data.tickets[i].account;
            if (account < 0 || byCode.count(account) > 0) {
                continue;
            }
            row.bind(1, data.accounts[account]);
            byCode.emplace(account, row.step() ? fieldsOf(row) : AccountFields{});
            row.reset();
        }
    }
    for (std::size_t i = from; i < to; ++i) {
        RiskTicket& t = data.tickets[i];
        if (const auto it = byCode.find(t.account); it != byCode.end()) {
            t.fields[1] = it->second.tier;
            t.fields[2] = it->second.segment;
            t.arr = it->second.arr;
        }
    }
}

// Appends the tickets `where` selects (an SQL condition on t), computed
// from their text.
void computeInto(store::Database& db, const QStringList& keywords, std::string_view where,
                 RiskData& data, RiskDataBuilder& codes) {
    std::string sql = "SELECT ";
    sql += ticketFeatureColumns;
    sql += " FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id WHERE ";
    sql += where;
    store::Statement query = db.prepare(sql);
    const SentimentScorer scorer = SentimentScorer::withAfinn(keywords);
    computeRiskTickets(query, scorer, data, codes);
}

// From this many accounts wanting a bucket on, the bucket is read whole.
constexpr std::size_t manyAccountsOfABucket = 64;

using AccountSpans = std::unordered_map<int, std::vector<std::pair<UtcSeconds, UtcSeconds>>>;

// Each account's tickets created in its spans (sorted, disjoint), read from
// the packs bucket by bucket (buckets ascending, so each account's tickets
// come in creation order).
std::unordered_map<int, std::vector<AccountTicketTimes>>
readPackedSpans(store::Database& db, const QStringList& accounts, const AccountSpans& spans) {
    std::vector<std::pair<std::int64_t, int>> needed; // (bucket, account)
    for (const auto& [account, of] : spans) {
        std::int64_t last = std::numeric_limits<std::int64_t>::min();
        for (const auto& [since, until] : of) {
            for (std::int64_t bucket = std::max(last + 1, accountPackBucket(since));
                 bucket <= accountPackBucket(until - 1); ++bucket) {
                needed.emplace_back(bucket, account);
                last = bucket;
            }
        }
    }
    std::sort(needed.begin(), needed.end());
    std::unordered_map<std::string, int> wanted;
    for (const auto& [account, of] : spans) {
        wanted.emplace(accounts[account].toStdString(), account);
    }
    std::vector<char> wantedHere(static_cast<std::size_t>(accounts.size()), 0);
    std::unordered_map<int, std::vector<AccountTicketTimes>> packed;
    AccountPackReader reader(db);
    for (std::size_t first = 0; first < needed.size();) {
        const std::int64_t bucket = needed[first].first;
        std::size_t last = first;
        while (last < needed.size() && needed[last].first == bucket) {
            ++last;
        }
        // A bucket most accounts need is read whole; a few accounts' old
        // bucket (a ticket open for long) one pack each.
        if (last - first >= manyAccountsOfABucket) {
            for (std::size_t k = first; k < last; ++k) {
                wantedHere[static_cast<std::size_t>(needed[k].second)] = 1;
            }
            reader.appendFromBucket(bucket, wanted, wantedHere, packed);
            for (std::size_t k = first; k < last; ++k) {
                wantedHere[static_cast<std::size_t>(needed[k].second)] = 0;
            }
        } else {
            for (std::size_t k = first; k < last; ++k) {
                reader.appendBucket(accounts[needed[k].second], bucket, packed[needed[k].second]);
            }
        }
        first = last;
    }
    // Buckets reach past the spans: keep only the tickets created in them.
    for (auto& [account, times] : packed) {
        const auto& of = spans.at(account);
        std::size_t span = 0;
        std::size_t kept = 0;
        for (const AccountTicketTimes& t : times) {
            while (span < of.size() && of[span].second <= t.createdAt) {
                ++span;
            }
            if (span < of.size() && of[span].first <= t.createdAt) {
                times[kept++] = t;
            }
        }
        times.resize(kept);
    }
    return packed;
}

// The surges of the open tickets' accounts and each open ticket's recent
// tickets and account history, from the creation (and first escalation)
// instants of each account's tickets in the spans they need: the 9 weeks
// before the instant (the surge) and the 90 days before each open ticket,
// merged where they overlap — an account with a ticket open for a year
// reads two short spans, not the year between. With every ticket kept and
// the account packs current (AccountTicketPacks.h) the spans come from the
// packs: a few rows per account. Else each span is one range of the
// covering index of the kept rows (ticket_risk_features_by_account) when
// every ticket is kept, or of the tickets' (account, created_at) index
// (the index steps are the cost: 561k for the 1M demo's open accounts).
void countAccountTickets(store::Database& db, OpenRiskTickets& open, UtcSeconds asOf,
                         bool allTicketsKept) {
    // With every account's pack current, the spans are read from the packs
    // (a few rows per account) instead of one index entry per ticket.
    const bool packed = allTicketsKept && accountPacksCurrent(db);
    const UtcSeconds surgeFrom = asOf - (baselineWeeks + 1) * weekSeconds;
    AccountSpans spans;
    for (const RiskTicket& t : open.data.tickets) {
        if (t.account >= 0) {
            auto& of = spans[t.account];
            if (of.empty()) {
                of.emplace_back(surgeFrom, asOf);
            }
            of.emplace_back(t.createdAt - accountHistorySeconds, t.createdAt);
        }
    }
    for (auto& [account, of] : spans) {
        std::sort(of.begin(), of.end());
        std::size_t kept = 0;
        for (std::size_t k = 1; k < of.size(); ++k) {
            if (of[k].first <= of[kept].second) {
                of[kept].second = std::max(of[kept].second, of[k].second);
            } else {
                of[++kept] = of[k];
            }
        }
        of.resize(kept + 1);
    }
    std::unordered_map<int, std::vector<AccountTicketTimes>> packedTimes;
    if (packed) {
        packedTimes = readPackedSpans(db, open.data.accounts, spans);
    }
    store::Statement created = db.prepare(
        allTicketsKept
            ? "SELECT created_at, escalated_at FROM ticket_risk_features "
              "WHERE account_id = ?1 AND created_at >= ?2 AND created_at < ?3 ORDER BY created_at"
            : "SELECT t.created_at, ifnull((SELECT min(e.occurred_at) FROM ticket_events e "
              "WHERE e.ticket = t.id AND e.event = 'escalated'), t.escalated_at) FROM tickets t "
              "WHERE t.account_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 "
              "ORDER BY t.created_at");
    // Each account's tickets are read into one reused buffer and counted
    // for its open tickets at once: no vector per account.
    std::unordered_map<int, std::vector<RiskTicket*>> openOf;
    for (RiskTicket& t : open.data.tickets) {
        if (t.account >= 0) {
            openOf[t.account].push_back(&t);
        }
    }
    std::vector<AccountTicketTimes> history;
    std::vector<UtcSeconds> times;
    const auto byCreation = [](const AccountTicketTimes& a, UtcSeconds v) {
        return a.createdAt < v;
    };
    // By account id, the order of the index's keys: each page is read
    // once, not again for every account on it.
    std::vector<int> byId;
    byId.reserve(spans.size());
    for (const auto& [account, of] : spans) {
        byId.push_back(account);
    }
    std::sort(byId.begin(), byId.end(),
              [&](int a, int b) { return open.data.accounts[a] < open.data.accounts[b]; });
    for (const int account : byId) {
        const auto& of = spans[account];
        history.clear();
        times.clear();
        if (packed) {
            history.swap(packedTimes[account]);
            for (const AccountTicketTimes& t : history) {
                if (t.createdAt >= surgeFrom) {
                    times.push_back(t.createdAt);
                }
            }
        } else {
            for (const auto& [since, until] : of) {
                created.bindAll(open.data.accounts[account], since, until);
                while (created.step()) {
                    history.push_back({created.int64(0), created.optionalInt64(1)});
                    if (history.back().createdAt >= surgeFrom) {
                        times.push_back(history.back().createdAt);
                    }
                }
                created.reset();
            }
        }
        open.surges.emplace(account, accountSurge(times, asOf));
        for (RiskTicket* t : openOf[account]) {
            const auto end =
                std::lower_bound(history.begin(), history.end(), t->createdAt, byCreation);
            const auto begin = std::lower_bound(history.begin(), end,
                                                t->createdAt - recentWindowSeconds, byCreation);
            t->recentTickets = static_cast<int>(end - begin);
            const AccountHistory h = accountHistoryAt(history, t->createdAt);
            t->accountPriorTickets = h.priorTickets;
            t->accountPriorEscalated = h.priorEscalated;
        }
    }
}

// A watch longer than this after creation is long: few tickets have one
// (the partial index ticket_risk_features_watched_long holds them).
constexpr UtcSeconds longWatchSeconds = 14 * 24 * 3600;
// Up to this many tickets watched after an instant are read by the
// watch_until index alone.
constexpr int fewWatched = 50000;

// The kept rows (`columns` of f) of the tickets watched at ?1 (= `asOf`):
// created at or before it, watched until after it. Near the end of the data
// those are a short range of the watch_until index; at an earlier instant
// that range holds every ticket created since, so the few tickets watched
// long are read by the partial index and the others among those created in
// the 14 days before the instant.
std::string watchedKeptSql(store::Database& db, UtcSeconds asOf, const char* columns) {
    store::Statement count = db.prepare("SELECT count(*) FROM (SELECT 1 FROM ticket_risk_features "
                                        "WHERE watch_until > ?1 LIMIT ?2)");
    count.bindAll(asOf, fewWatched);
    count.step();
    std::string sql = "SELECT ";
    sql += columns;
    if (count.int64(0) < fewWatched) {
        sql += " FROM ticket_risk_features f WHERE f.watch_until > ?1 AND +f.created_at <= ?1";
        return sql;
    }
    const std::string longWatch = std::to_string(longWatchSeconds);
    sql += " FROM ticket_risk_features f WHERE f.watch_until - f.created_at > " + longWatch;
    sql += " AND f.watch_until > ?1 AND +f.created_at <= ?1 UNION ALL SELECT ";
    sql += columns;
    sql += " FROM ticket_risk_features f WHERE f.created_at > ?1 - " + longWatch;
    sql += " AND f.created_at <= ?1 AND +f.watch_until > ?1 AND +f.watch_until - f.created_at <= ";
    sql += longWatch;
    return sql;
}

void sortByCreation(std::vector<RiskTicket>& tickets) {
    std::sort(tickets.begin(), tickets.end(), [](const RiskTicket& a, const RiskTicket& b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.row < b.row;
    });
}

} // namespace

ReadSnapshot::ReadSnapshot(store::Database& db) {
    if (sqlite3_get_autocommit(db.handle()) != 0) {
        m_transaction.emplace(db, store::Transaction::Kind::Deferred);
    }
}

ReadSnapshot::~ReadSnapshot() {
    if (m_transaction) {
        try {
            m_transaction->commit();
        } catch (const store::StoreError&) {
            // A read needs no commit: the rollback on destruction ends it too.
        }
    }
}

QString riskFeatureBasis(const QStringList& keywords) {
    const QByteArray keywordHash =
        QCryptographicHash::hash(keywords.join(QLatin1Char('\n')).toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex();
    return featureSetPrefix() + QStringLiteral("lexicon=afinn-165;keywords=") +
           QString::fromLatin1(keywordHash);
}

bool keepRiskFeatures(store::Database& db, const QStringList& keywords) {
    const QString basis = riskFeatureBasis(keywords);
    bool rowsKept = false;
    {
        ReadSnapshot snapshot(db);
        rowsKept = allKept(db, basis);
        if (rowsKept && accountPacksCurrent(db)) {
            return true;
        }
    }
    // One keeper per process at a time: a second view asking meanwhile
    // waits and finds the rows kept, instead of giving up on the busy file
    // and scoring every ticket in memory.
    static std::mutex keeping;
    const std::lock_guard lock(keeping);
    std::unique_ptr<store::Database> own;
    store::Database* writer = &db;
    if (sqlite3_db_readonly(db.handle(), "main") != 0) {
        own = ownWriter(db);
        writer = own.get();
    }
    if (!writer || sqlite3_get_autocommit(writer->handle()) == 0) {
        return rowsKept; // cannot write, or inside the caller's transaction
    }
    try {
        // Every ticket's text is read once: through the page cache, not a
        // map that would count the whole file against the process.
        const FileMapOff readNotMapped(*writer);
        std::unique_ptr<SentimentScorer> scorer;
        while (keepSomeStale(*writer, basis, scorer, keywords)) {
        }
        keepAccountPacks(*writer);
    } catch (const store::StoreError& error) {
        if (error.kind() != store::StoreError::Kind::Busy &&
            error.kind() != store::StoreError::Kind::ReadOnly) {
            throw;
        }
        return rowsKept;
    }
    ReadSnapshot snapshot(db);
    return allKept(db, basis);
}

std::optional<QString> keptRiskDataVersion(store::Database& db, const QStringList& keywords) {
    const ReadSnapshot snapshot(db);
    const QString basis = riskFeatureBasis(keywords);
    if (!allKept(db, basis)) {
        return std::nullopt;
    }
    return QStringLiteral("kept;") + basis + QStringLiteral(";generation=") +
           setting(db, riskFeatureGenerationSetting).value_or(QString());
}

std::string watchedTicketsSql(store::Database& db, UtcSeconds asOf) {
    const std::optional<QString> basis = setting(db, riskFeatureBasisSetting);
    if (!basis || !basis->startsWith(featureSetPrefix())) {
        return {};
    }
    return watchedKeptSql(db, asOf, "f.ticket") + " UNION ALL SELECT ticket FROM ticket_risk_stale";
}

RiskData loadAllRiskData(store::Database& db, const SentimentScorer& scorer,
                         const QStringList& keywords) {
    keepRiskFeatures(db, keywords);
    const FileMapOff readNotMapped(db);
    const ReadSnapshot snapshot(db);
    RiskData data;
    RiskDataBuilder codes(data);
    if (setting(db, riskFeatureBasisSetting) == riskFeatureBasis(keywords)) {
        std::string sql = "SELECT ";
        sql += keptColumns;
        sql += " FROM ticket_risk_features f ORDER BY f.created_at, f.ticket";
        store::Statement kept = db.prepare(sql);
        readKept(kept, data, codes);
        readAccountFields(db, data, codes, 0, data.tickets.size(), true);
        if (hasStaleTickets(db)) { // a read-only workspace: the rest in memory
            store::Statement stale =
                db.prepare(std::string("SELECT ") + ticketFeatureColumns +
                           " FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id "
                           "WHERE t.id IN (SELECT ticket FROM ticket_risk_stale)");
            computeRiskTickets(stale, scorer, data, codes);
            sortByCreation(data.tickets);
        }
    } else {
        store::Statement all =
            db.prepare(std::string("SELECT ") + ticketFeatureColumns +
                       " FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id "
                       "ORDER BY t.created_at, t.id");
        computeRiskTickets(all, scorer, data, codes);
    }
    if (!metrics::workspaceCoverage(db).tiers) {
        data.outcomesUnknown = metrics::noTierReason();
    }
    addCreationContext(db, data, codes);
    return data;
}

OpenRiskTickets loadOpenRiskData(store::Database& db, const QStringList& keywords,
                                 UtcSeconds asOf) {
    keepRiskFeatures(db, keywords);
    const ReadSnapshot snapshot(db);
    OpenRiskTickets open;
    RiskData& data = open.data;
    RiskDataBuilder codes(data);
    const bool basisHolds = setting(db, riskFeatureBasisSetting) == riskFeatureBasis(keywords);
    // Which tickets are open, from the fields and events the queue reads of
    // them anyway: with the features kept, those of the few tickets watched
    // at the instant; else every ticket is looked at, and only the open
    // ones read.
    if (basisHolds) {
        open.contexts = openUnescalatedContextsAmong(db, asOf, watchedTicketsSql(db, asOf));
    } else {
        const std::unordered_set<std::int64_t> rows = openUnescalatedTicketsAmong(db, asOf, {});
        open.contexts = slaContextsAmong(
            db, asOf, ticketRowsSql(std::vector<std::int64_t>(rows.begin(), rows.end())));
    }
    std::unordered_set<std::int64_t> missing;
    for (const auto& [row, context] : open.contexts) {
        missing.insert(row);
    }
    if (basisHolds) {
        store::Statement kept = db.prepare(watchedKeptSql(db, asOf, keptColumns));
        kept.bind(1, std::int64_t{asOf});
        readKept(kept, data, codes, &open.contexts);
        readAccountFields(db, data, codes, 0, data.tickets.size(), false);
        for (const RiskTicket& t : data.tickets) {
            missing.erase(t.row);
        }
    }
    if (!missing.empty()) { // not kept (a read-only workspace): computed here
        std::string where = "t.id IN (";
        for (const std::int64_t row : missing) {
            where += std::to_string(row);
            where += ',';
        }
        where.back() = ')';
        computeInto(db, keywords, where, data, codes);
    }
    sortByCreation(data.tickets);
    addCreationTimes(db, data, codes);
    countAccountTickets(db, open, asOf, basisHolds && !hasStaleTickets(db));
    return open;
}

FileMapOff::FileMapOff(store::Database& db)
    : m_db(db)
    , m_size(db.queryInt64("PRAGMA mmap_size")) {
    m_db.exec("PRAGMA mmap_size = 0");
}

FileMapOff::~FileMapOff() {
    const std::string restore = "PRAGMA mmap_size = " + std::to_string(m_size);
    sqlite3_exec(m_db.handle(), restore.c_str(), nullptr, nullptr, nullptr);
}

} // namespace escdesk::risk

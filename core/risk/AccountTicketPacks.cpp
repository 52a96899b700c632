#include "risk/AccountTicketPacks.h"

#include <string>
#include <string_view>

namespace escdesk::risk {

namespace {

// Set once every account bucket has been packed (absent after the
// migration, so the rows kept before are packed on the next keep).
constexpr const char* packsBuiltKey = "account_ticket_packs_built";

// More stale buckets than this are packed again by one pass over the index
// instead of one range each.
constexpr std::int64_t fewStaleBuckets = 2000;

// A pack is, per ticket by creation, two unsigned LEB128 varints: the
// creation instant's step from the previous one (the first from the
// bucket's start), then 0 when not escalated, else 1 + the zigzag-coded
// distance from creation to the first escalation. About 5 bytes a ticket.
void putVarint(std::string& pack, std::uint64_t value) {
    while (value >= 0x80) {
        pack.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    pack.push_back(static_cast<char>(value));
}

std::uint64_t getVarint(std::string_view pack, std::size_t& at) {
    std::uint64_t value = 0;
    for (int shift = 0; at < pack.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(pack[at++]);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            break;
        }
    }
    return value;
}

std::uint64_t zigzag(std::int64_t value) {
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value) {
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

class PackWriter {
public:
    explicit PackWriter(store::Database& db)
        : m_insert(db.prepare("INSERT OR REPLACE INTO account_ticket_packs (bucket, account_id, "
                              "pack) VALUES (?1, ?2, CAST(?3 AS BLOB))")) {}

    // Adds a row read as (account_id, created_at, escalated_at), in the
    // order of the covering index.
    void add(const store::Statement& row) {
        const std::string_view account = row.textView(0);
        const UtcSeconds createdAt = row.int64(1);
        if (account != m_account || accountPackBucket(createdAt) != m_bucket) {
            flush();
            m_account.assign(account);
            m_bucket = accountPackBucket(createdAt);
            m_previous = m_bucket << accountPackBucketShift;
        }
        putVarint(m_pack, static_cast<std::uint64_t>(createdAt - m_previous));
        m_previous = createdAt;
        const std::optional<std::int64_t> escalatedAt = row.optionalInt64(2);
        putVarint(m_pack, escalatedAt ? 1 + zigzag(*escalatedAt - createdAt) : 0);
    }

    void flush() {
        if (!m_pack.empty()) {
            m_insert.bindAll(m_bucket, std::string_view(m_account), std::string_view(m_pack));
            m_insert.run();
            m_pack.clear();
        }
    }

private:
    store::Statement m_insert;
    std::string m_account;
    std::int64_t m_bucket = 0;
    UtcSeconds m_previous = 0;
    std::string m_pack;
};

void packEverything(store::Database& db) {
    db.exec("DELETE FROM account_ticket_packs; DELETE FROM account_ticket_packs_stale");
    PackWriter writer(db);
    store::Statement rows =
        db.prepare("SELECT account_id, created_at, escalated_at FROM ticket_risk_features "
                   "WHERE account_id IS NOT NULL ORDER BY account_id, created_at, escalated_at");
    while (rows.step()) {
        writer.add(rows);
    }
    writer.flush();
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, '1')")
        .bind(1, std::string_view(packsBuiltKey))
        .run();
}

void packStale(store::Database& db) {
    std::vector<std::pair<std::string, std::int64_t>> stale;
    {
        store::Statement list =
            db.prepare("SELECT account_id, bucket FROM account_ticket_packs_stale");
        while (list.step()) {
            stale.emplace_back(std::string(list.textView(0)), list.int64(1));
        }
    }
    store::Statement drop =
        db.prepare("DELETE FROM account_ticket_packs WHERE bucket = ?1 AND account_id = ?2");
    store::Statement rows =
        db.prepare("SELECT account_id, created_at, escalated_at FROM ticket_risk_features "
                   "WHERE account_id = ?1 AND created_at >= ?2 AND created_at < ?3 "
                   "ORDER BY created_at, escalated_at");
    PackWriter writer(db);
    for (const auto& [account, bucket] : stale) {
        drop.bindAll(bucket, std::string_view(account));
        drop.run();
        rows.bindAll(std::string_view(account), bucket << accountPackBucketShift,
                     (bucket + 1) << accountPackBucketShift);
        while (rows.step()) {
            writer.add(rows);
        }
        rows.reset();
        writer.flush();
    }
    db.exec("DELETE FROM account_ticket_packs_stale");
}

// Appends the tickets of a bucket's pack, in creation order.
void decodePack(std::int64_t bucket, std::string_view pack, std::vector<AccountTicketTimes>& out) {
    UtcSeconds createdAt = bucket << accountPackBucketShift;
    std::size_t at = 0;
    while (at < pack.size()) {
        createdAt += static_cast<UtcSeconds>(getVarint(pack, at));
        const std::uint64_t escalation = getVarint(pack, at);
        out.push_back({createdAt, escalation == 0 ? std::nullopt
                                                  : std::optional<UtcSeconds>(
                                                        createdAt + unzigzag(escalation - 1))});
    }
}

bool everyBucketPacked(store::Database& db) {
    store::Statement built = db.prepare("SELECT 1 FROM settings WHERE key = ?1");
    built.bind(1, std::string_view(packsBuiltKey));
    return built.step();
}

} // namespace

bool accountPacksCurrent(store::Database& db) {
    return everyBucketPacked(db) &&
           db.queryInt64("SELECT EXISTS (SELECT 1 FROM account_ticket_packs_stale)") == 0;
}

void keepAccountPacks(store::Database& db) {
    store::Transaction write(db, store::Transaction::Kind::Immediate);
    if (!everyBucketPacked(db) ||
        db.queryInt64("SELECT count(*) FROM account_ticket_packs_stale") > fewStaleBuckets) {
        packEverything(db);
    } else {
        packStale(db);
    }
    write.commit();
}

AccountPackReader::AccountPackReader(store::Database& db)
    : m_pack(
          db.prepare("SELECT pack FROM account_ticket_packs WHERE bucket = ?1 AND account_id = ?2"))
    , m_bucket(db.prepare("SELECT account_id, pack FROM account_ticket_packs WHERE bucket = ?1")) {}

void AccountPackReader::appendFromBucket(
    std::int64_t bucket, const std::unordered_map<std::string, int>& wanted,
    const std::vector<char>& wantedHere,
    std::unordered_map<int, std::vector<AccountTicketTimes>>& out) {
    m_bucket.bind(1, bucket);
    std::string account;
    while (m_bucket.step()) {
        account.assign(m_bucket.textView(0));
        const auto it = wanted.find(account);
        if (it != wanted.end() && wantedHere[static_cast<std::size_t>(it->second)] != 0) {
            decodePack(bucket, m_bucket.textView(1), out[it->second]);
        }
    }
    m_bucket.reset();
}

void AccountPackReader::appendBucket(const QString& account, std::int64_t bucket,
                                     std::vector<AccountTicketTimes>& out) {
    m_pack.bindAll(bucket, account);
    if (m_pack.step()) {
        decodePack(bucket, m_pack.textView(0), out);
    }
    m_pack.reset();
}

void AccountPackReader::append(const QString& account, UtcSeconds since, UtcSeconds until,
                               std::vector<AccountTicketTimes>& out) {
    if (since >= until) {
        return;
    }
    for (std::int64_t bucket = accountPackBucket(since); bucket <= accountPackBucket(until - 1);
         ++bucket) {
        const std::size_t from = out.size();
        appendBucket(account, bucket, out);
        std::size_t kept = from;
        for (std::size_t k = from; k < out.size(); ++k) {
            if (out[k].createdAt >= since && out[k].createdAt < until) {
                out[kept++] = out[k];
            }
        }
        out.resize(kept);
    }
}

} // namespace escdesk::risk

#pragma once

// Each account's ticket creation instants and first escalation instants,
// kept packed per bucket of 2^21 seconds (about 24 days) and account, so the
// at-risk queue reads an account's surge weeks and its open tickets' 90-day
// histories from a few rows instead of one index entry per ticket (issue
// #19). The packs are derived from ticket_risk_features; the triggers of
// schema version 17 list the (account, bucket) of every kept row that comes,
// goes or changes in account_ticket_packs_stale, and keepAccountPacks packs
// those again. Readers use the packs only while none is stale.

#include "domain/Instant.h"
#include "risk/RiskFeatures.h"
#include "store/Database.h"

#include <QString>

#include <string>
#include <unordered_map>
#include <vector>

namespace escdesk::risk {

inline constexpr int accountPackBucketShift = 21;

// The bucket of an instant (floor, as SQLite's >> in the triggers).
inline std::int64_t accountPackBucket(UtcSeconds at) {
    return at >> accountPackBucketShift;
}

// Whether every account's pack is kept and none stale.
bool accountPacksCurrent(store::Database& db);

// Packs the stale (or, the first time, every) account buckets again, in a
// transaction of its own. Throws StoreError (busy, read-only).
void keepAccountPacks(store::Database& db);

// Reads an account's packed tickets, in creation order.
class AccountPackReader {
public:
    explicit AccountPackReader(store::Database& db);
    // Every ticket of the account created in `bucket`.
    void appendBucket(const QString& account, std::int64_t bucket,
                      std::vector<AccountTicketTimes>& out);
    // Every ticket of `account` created in `bucket`, for each account of
    // `wanted` (by account id) that has tickets there: one read of the
    // bucket's rows, cheaper than a lookup each when many are wanted.
    void appendFromBucket(std::int64_t bucket, const std::unordered_map<std::string, int>& wanted,
                          const std::vector<char>& wantedHere,
                          std::unordered_map<int, std::vector<AccountTicketTimes>>& out);
    // The tickets of the account created in [since, until).
    void append(const QString& account, UtcSeconds since, UtcSeconds until,
                std::vector<AccountTicketTimes>& out);

private:
    store::Statement m_pack;
    store::Statement m_bucket;
};

} // namespace escdesk::risk

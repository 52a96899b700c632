#pragma once

// What the risk model reads of each ticket (RiskData.h), kept in the
// workspace (table ticket_risk_features, schema version 11) so that training
// and the at-risk queue read small rows instead of tokenising and scoring
// every ticket's text again. Like the metric outcomes (OutcomeStore.h) the
// first read that finds some missing computes them for every ticket that
// lacks them, and they are kept until what they were computed from changes:
// - a ticket's row goes when the ticket or one of its events changes
//   (triggers in the workspace, made with the first rows, so every writer
//   keeps them right); the trigger lists the ticket in ticket_risk_stale,
//   so the tickets to compute again are found without a scan;
// - all rows go when the escalation keywords or the feature set change (the
//   basis kept beside them);
// - the account's tier, segment and ARR are read from accounts at each read,
//   not kept; a change of an account only moves the generation on.
// The generation (a number in the settings) moves on with every change of
// the kept rows or of an account, so a model trained on generation g of a
// basis is current exactly while both are unchanged (riskDataVersion).
// A workspace that cannot be written keeps what it has: the tickets without
// rows are computed in memory at each read.

#include "domain/Instant.h"
#include "risk/AccountSurge.h"
#include "risk/OpenAsOf.h"
#include "risk/RiskData.h"
#include "store/Database.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace escdesk::risk {

// One read transaction for its lifetime, unless the connection is in one
// already: reads inside see one snapshot (the kept rows and the stale list
// agree), and thousands of small queries take the file's read lock once
// instead of once each.
class ReadSnapshot {
public:
    explicit ReadSnapshot(store::Database& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    std::optional<store::Transaction> m_transaction;
};

// Bumped whenever what a kept row holds or means changes (a new feature, a
// change of tokenising, sentiment or stemming): rows of another feature set
// are computed again instead of being read stale.
// 2: attributes, start tier and first escalation instant (issue #20).
// 3: a ticket never reopened is watched until its first closing, not its last.
inline constexpr int riskFeatureSet = 3;

inline constexpr const char* riskFeatureBasisSetting = "risk_features_basis";
inline constexpr const char* riskFeatureGenerationSetting = "risk_features_generation";

// What kept rows are computed by: the feature set, the lexicon and the
// escalation keywords.
QString riskFeatureBasis(const QStringList& keywords);

// Computes and keeps the features of every ticket that lacks them, in
// rounds of bounded transactions; a read-only connection writes through a
// connection of its own. Returns whether every ticket's features are kept
// under this basis afterwards (false when the workspace cannot be written
// now: read-only, or busy with another writer).
bool keepRiskFeatures(store::Database& db, const QStringList& keywords);

// The data version when every ticket's features are kept under this basis:
// the basis and the generation; none when some are not.
std::optional<QString> keptRiskDataVersion(store::Database& db, const QStringList& keywords);

// An SQL query of the ticket rows that may be open and unescalated at
// `asOf` (bound as ?1): kept tickets created by then whose watch_until lies
// after it, and every ticket not kept. Empty (every ticket) when nothing is
// kept under this feature set.
std::string watchedTicketsSql(store::Database& db, UtcSeconds asOf);

// Every ticket of the workspace as loadRiskData gives it: the kept rows
// (completed first when the workspace can be written), the rest computed
// with `scorer` (the AFINN scorer of `keywords`).
RiskData loadAllRiskData(store::Database& db, const SentimentScorer& scorer,
                         const QStringList& keywords);

// The tickets open and not escalated at an instant, with what the at-risk
// queue reads of their accounts.
struct OpenRiskTickets {
    // In creation order, each as loadAllRiskData would give it.
    // `outcomesUnknown` is not set.
    RiskData data;
    // By account code: the surge as of the instant of each account with
    // open tickets.
    std::unordered_map<int, AccountSurge> surges;
    // By ticket row: what the queue reads of each ticket besides its
    // features (OpenAsOf.h).
    TicketContexts contexts;
};

OpenRiskTickets loadOpenRiskData(store::Database& db, const QStringList& keywords, UtcSeconds asOf);

// Turns SQLite's memory map of the file off on a connection while it
// lives, and back to what it was after. The at-risk queue reads a few
// thousand scattered rows: through the page cache they are as fast, and a
// map would count every page touched against the process.
class FileMapOff {
public:
    explicit FileMapOff(store::Database& db);
    ~FileMapOff();
    FileMapOff(const FileMapOff&) = delete;
    FileMapOff& operator=(const FileMapOff&) = delete;

private:
    store::Database& m_db;
    std::int64_t m_size;
};

} // namespace escdesk::risk

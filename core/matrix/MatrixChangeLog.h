#pragma once

// The append-only log of matrix changes: who, when, which section, and the
// section before and after (JSON). Tamper-evident: every entry stores the
// SHA-256 of the entry before it and its own hash over its content and that
// link, so editing or deleting a row breaks the chain from there on.

#include "domain/Instant.h"
#include "store/Database.h"

#include <QString>

#include <optional>
#include <vector>

namespace escdesk::matrix {

struct MatrixChange {
    std::int64_t id = 0;
    UtcSeconds changedAt = 0;
    QString author;
    QString section; // section key, e.g. "sla_policies"
    QString summary;
    QString before; // JSON of the section before; null when created
    QString after;  // JSON of the section after
    QString previousHash;
    QString hash;
};

// The previous-hash of the first entry.
inline const QString genesisHash = QString(64, QLatin1Char('0'));

// The hash of an entry: SHA-256 (hex) over its id, time, author, section,
// summary, before, after and previous hash, as a compact JSON array.
QString changeHash(const MatrixChange& change);

// Appends `change` (its id and hashes are filled in). The caller owns the
// transaction.
MatrixChange appendMatrixChange(store::Database& db, MatrixChange change);

std::vector<MatrixChange> readMatrixChanges(store::Database& db);

struct ChainVerification {
    bool intact = true;
    std::int64_t entries = 0;
    std::optional<std::int64_t> brokenAt; // id of the first entry that does not verify
    QString message;
};

ChainVerification verifyChangeChain(store::Database& db);

} // namespace escdesk::matrix

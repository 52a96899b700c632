#pragma once

// What root causes and problem clusters read of an escalated ticket's text,
// kept in the workspace (table ticket_text_features, schema version 13) so
// that each call reads short rows instead of splitting, stemming and
// matching every escalated ticket's subject and description again:
// - the helpdesk id and the subject (shown as they are);
// - the words of subject and description that the clusters weigh
//   (isTermWord), lower-case, in order;
// - the known issue the ticket matches best (KnownIssueMatcher);
// - the ticket's own fields those analyses show (schema version 15), so a
//   window's escalations are read without a lookup into the large tickets
//   rows.
// A row is made the first time a window needs its ticket, and kept while
// what it was computed from is unchanged: triggers (made with the first
// rows, so a workspace that never kept any imports without them) drop it
// when its ticket is inserted, changed (any column) or deleted; each row carries the
// basis it was computed under — the feature set and every known issue's
// id, product area and keywords — so a row of another basis (a known issue
// added, changed or removed) is computed again. A workspace that cannot be
// written computes the rows it lacks in memory at each read.

#include "analysis/KnownIssueMatcher.h"
#include "domain/Instant.h"
#include "store/Database.h"
#include "store/StringPool.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace escdesk::analysis {

// Bumped whenever what a kept row holds or means changes (tokenising, stop
// words, stemming, matching): rows of another set are computed again.
inline constexpr int textFeatureSet = 1;

// The ticket's fields as stored (empty for NULL, but for the account).
struct EscalatedTicketFields {
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> resolvedAt;
    QString rootCause;
    QString productArea;
    std::optional<QString> accountId;

    bool operator==(const EscalatedTicketFields&) const = default;
};

struct TicketTextFeatures {
    QString ticketId;
    QString subject;
    std::string terms;                     // the term words, UTF-8, one space between
    std::optional<std::size_t> knownIssue; // index into the matcher's issues()
    EscalatedTicketFields fields;

    bool operator==(const TicketTextFeatures&) const = default;
};

// Whether a lower-case word counts as a term of the clusters: two
// characters or more, no stop word, no number under three digits.
bool isTermWord(const QString& word);

// Calls `visit` with each word of a terms string.
template <typename Visit> void forEachTermWord(std::string_view terms, Visit&& visit) {
    std::size_t from = 0;
    while (from < terms.size()) {
        const std::size_t space = std::min(terms.find(' ', from), terms.size());
        if (space > from) {
            visit(terms.substr(from, space - from));
        }
        from = space + 1;
    }
}

// The basis rows are kept under for these known issues.
std::int64_t textFeatureBasis(const KnownIssueMatcher& matcher);

// Whether the workspace has the table of kept rows with the ticket's fields
// (a read-only workspace of an older schema has not).
bool hasKeptTextFeatures(store::Database& db);

// The columns of a kept row KeptTextFeatureReader reads, in its order: with
// `withText` the subject and terms as well. `table` names the table in the
// query.
std::string keptTextFeatureColumns(std::string_view table, bool withText);

// Each column's place among keptTextFeatureColumns, from its first on.
enum KeptTextColumn : int {
    keptBasis,
    keptTicketId,
    keptKnownIssue,
    keptCreatedAt,
    keptResolvedAt,
    keptRootCause,
    keptProductArea,
    keptAccountId,
    keptSubject,
    keptTerms
};

// Whether a kept row may be used, and then the known issue it matches.
struct KeptMatch {
    bool usable = false; // false: no row, or one to compute again
    std::optional<std::size_t> knownIssue;
};

// Reads kept rows selected elsewhere (joined into another query): the
// columns of keptTextFeatureColumns from `firstColumn` on.
class KeptTextFeatureReader {
public:
    explicit KeptTextFeatureReader(const KnownIssueMatcher& matcher);

    // The row's features; empty when there is none (NULL basis) or it was
    // kept under another basis, so it must be computed again.
    std::optional<TicketTextFeatures> read(const store::Statement& row, int firstColumn,
                                           bool withText);

    // The check `read` makes, without reading the row's other columns: for
    // readers that take the fields they need from the row themselves.
    KeptMatch match(const store::Statement& row, int firstColumn) const;

private:
    std::int64_t m_basis;
    std::unordered_map<std::string, std::size_t, store::BytesHash, std::equal_to<>> m_issueIndexes;
    store::StringPool m_pool; // the fields' few distinct values
};

// The features of the tickets of `rows`: kept rows read, the others
// computed from the tickets (and kept when the workspace can be written).
std::unordered_map<std::int64_t, TicketTextFeatures>
ticketTextFeatures(store::Database& db, const std::vector<std::int64_t>& rows,
                   const KnownIssueMatcher& matcher);

// The same features computed from the tickets now, neither read nor kept.
std::unordered_map<std::int64_t, TicketTextFeatures>
computeTicketTextFeatures(store::Database& db, const std::vector<std::int64_t>& rows,
                          const KnownIssueMatcher& matcher);

} // namespace escdesk::analysis

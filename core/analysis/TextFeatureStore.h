#pragma once

// What root causes and problem clusters read of an escalated ticket's text,
// kept in the workspace (table ticket_text_features, schema version 13) so
// that each call reads short rows instead of splitting, stemming and
// matching every escalated ticket's subject and description again:
// - the helpdesk id and the subject (shown as they are);
// - the words of subject and description that the clusters weigh
//   (isTermWord), lower-case, in order;
// - the known issue the ticket matches best (KnownIssueMatcher).
// A row is made the first time a window needs its ticket, and kept while
// what it was computed from is unchanged: triggers (made with the first
// rows, so a workspace that never kept any imports without them) drop it
// when its ticket is inserted, changed or deleted; each row carries the
// basis it was computed under — the feature set and every known issue's
// id, product area and keywords — so a row of another basis (a known issue
// added, changed or removed) is computed again. A workspace that cannot be
// written computes the rows it lacks in memory at each read.

#include "analysis/KnownIssueMatcher.h"
#include "store/Database.h"

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

struct TicketTextFeatures {
    QString ticketId;
    QString subject;
    std::string terms;                     // the term words, UTF-8, one space between
    std::optional<std::size_t> knownIssue; // index into the matcher's issues()

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

#pragma once

// Pre-escalation verification (issue #7): before a ticket goes to Tier 3,
// what a Tier 2 engineer should look at first, together — the Tier 2 → 3
// checklist as it stands, the known issue the ticket matches (with its
// workaround), and the most similar escalations already resolved (with
// their resolution notes), so the ticket can be resolved instead of escalated.
//
// Similarity is the cosine of TF-IDF vectors of subject and description over
// word stems (stop words and one-letter words left out; idf = ln((1 + N) /
// (1 + df)) + 1 over the N resolved escalations, as in the problem clusters).

#include "domain/KnownIssue.h"
#include "matrix/ChecklistRuns.h"
#include "matrix/Matrix.h"
#include "store/Database.h"

#include <optional>
#include <vector>

namespace escdesk::risk {

inline constexpr double minimumCaseSimilarity = 0.2;
inline constexpr int defaultSimilarCases = 5;

struct SimilarCase {
    QString ticketId;
    QString subject;
    QString rootCause;
    QString resolutionType;
    QString resolutionNotes;
    std::optional<int> tier; // the highest tier it reached
    std::optional<UtcSeconds> resolvedAt;
    double similarity = 0.0;
};

struct PreEscalationCheck {
    QString ticketId;
    std::optional<matrix::ChecklistRun> checklist; // none when the matrix has no 2 → 3 list
    std::optional<KnownIssue> knownIssue;
    std::vector<SimilarCase> similarCases; // most similar first
};

// A document's TF-IDF weights are built from these counts.
std::vector<std::pair<QString, int>> termCounts(const QString& text);

// The cosine similarity of the TF-IDF vectors of two texts within a corpus
// of `documents` texts with the given document frequencies.
double tfidfCosine(const QString& a, const QString& b, const QHash<QString, int>& documentFrequency,
                   int documents);

// None when the workspace has no ticket with this id.
std::optional<PreEscalationCheck> preEscalationCheck(store::Database& db,
                                                     const matrix::Matrix& matrix,
                                                     const QString& ticketId,
                                                     int similarCases = defaultSimilarCases);

} // namespace escdesk::risk

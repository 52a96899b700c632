#include "risk/PreEscalation.h"

#include "analysis/KnownIssueMatcher.h"
#include "store/TicketReader.h"
#include "text/SparseVector.h"
#include "text/StopWords.h"
#include "text/Words.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>

namespace escdesk::risk {

namespace {

using Vector = text::SparseVector<QString>; // by term

Vector tfidf(const std::vector<std::pair<QString, int>>& counts,
             const QHash<QString, int>& documentFrequency, int documents) {
    Vector vector;
    double norm = 0.0;
    for (const auto& [term, count] : counts) {
        const double idf =
            std::log((1.0 + documents) / (1.0 + documentFrequency.value(term, 0))) + 1.0;
        vector.emplace_back(term, count * idf);
        norm += count * idf * count * idf;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
        for (auto& entry : vector) {
            entry.second /= norm;
        }
    }
    return vector;
}

} // namespace

std::vector<std::pair<QString, int>> termCounts(const QString& text) {
    std::map<QString, int> counts;
    for (const QString& word : text::lowerWords(text)) {
        if (word.size() < 2 || text::isStopWord(word)) {
            continue;
        }
        ++counts[text::stemWord(word)];
    }
    return {counts.begin(), counts.end()};
}

double tfidfCosine(const QString& a, const QString& b, const QHash<QString, int>& documentFrequency,
                   int documents) {
    return text::dot(tfidf(termCounts(a), documentFrequency, documents),
                     tfidf(termCounts(b), documentFrequency, documents));
}

std::optional<PreEscalationCheck> preEscalationCheck(store::Database& db,
                                                     const matrix::Matrix& matrix,
                                                     const QString& ticketId, int similarCases) {
    const auto row = store::ticketRowOf(db, ticketId);
    if (!row) {
        return std::nullopt;
    }
    const auto ticket = store::ticketByRow(db, *row);
    if (!ticket) {
        return std::nullopt;
    }
    PreEscalationCheck check;
    check.ticketId = ticketId;
    if (const matrix::Checklist* checklist = matrix.checklistFor(2, 3)) {
        check.checklist = matrix::checklistRunOf(db, *row, *checklist);
    }
    const analysis::KnownIssueMatcher matcher(store::allKnownIssues(db));
    if (const auto match =
            matcher.bestMatch(ticket->productArea, ticket->subject, ticket->description)) {
        check.knownIssue = matcher.issues()[*match];
    }

    // The resolved escalations, their term counts and document frequencies.
    struct Candidate {
        SimilarCase info;
        std::vector<std::pair<QString, int>> counts;
    };
    std::vector<Candidate> candidates;
    QHash<QString, int> documentFrequency;
    store::Statement query = db.prepare(
        "SELECT t.ticket_id, t.subject, t.description, t.root_cause, t.resolution_type, "
        "t.resolution_notes, t.tier, t.resolved_at FROM tickets t "
        "WHERE t.id <> ?1 AND t.resolved_at IS NOT NULL AND (t.escalated = 1 OR EXISTS "
        "(SELECT 1 FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'escalated'))");
    query.bind(1, *row);
    while (query.step()) {
        Candidate c;
        c.info.ticketId = query.text(0);
        c.info.subject = query.text(1);
        c.counts = termCounts(c.info.subject + QLatin1Char(' ') + query.text(2));
        c.info.rootCause = query.text(3);
        c.info.resolutionType = query.text(4);
        c.info.resolutionNotes = query.text(5);
        if (!query.isNull(6)) {
            c.info.tier = static_cast<int>(query.int64(6));
        }
        c.info.resolvedAt = query.optionalInt64(7);
        for (const auto& [term, count] : c.counts) {
            ++documentFrequency[term];
        }
        candidates.push_back(std::move(c));
    }
    const int documents = static_cast<int>(candidates.size());
    const Vector target =
        tfidf(termCounts(ticket->subject + QLatin1Char(' ') + ticket->description),
              documentFrequency, documents);
    for (Candidate& c : candidates) {
        c.info.similarity = text::dot(target, tfidf(c.counts, documentFrequency, documents));
        if (c.info.similarity >= minimumCaseSimilarity) {
            check.similarCases.push_back(std::move(c.info));
        }
    }
    std::stable_sort(
        check.similarCases.begin(), check.similarCases.end(),
        [](const SimilarCase& a, const SimilarCase& b) { return a.similarity > b.similarity; });
    if (check.similarCases.size() > static_cast<std::size_t>(similarCases)) {
        check.similarCases.resize(static_cast<std::size_t>(similarCases));
    }
    return check;
}

} // namespace escdesk::risk

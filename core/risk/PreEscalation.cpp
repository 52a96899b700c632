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
#include <unordered_map>

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

    // The resolved escalations' term counts, by interned term, and the
    // document frequencies: a candidate keeps only its row and its counts
    // (on a million-ticket workspace some 140,000 of them), its details are
    // read for the few most similar.
    struct Candidate {
        std::int64_t row = 0;
        std::vector<std::pair<int, int>> counts; // (term, count) in term order
        double similarity = 0.0;
    };
    std::vector<Candidate> candidates;
    std::unordered_map<QString, int> termIds;
    std::vector<int> documentFrequency; // by term id
    store::Statement query = db.prepare(
        "SELECT t.id, t.subject, t.description FROM tickets t "
        "WHERE t.id <> ?1 AND t.resolved_at IS NOT NULL AND (t.escalated = 1 OR EXISTS "
        "(SELECT 1 FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'escalated'))");
    query.bind(1, *row);
    while (query.step()) {
        Candidate c;
        c.row = query.int64(0);
        for (const auto& [term, count] :
             termCounts(query.text(1) + QLatin1Char(' ') + query.text(2))) {
            const auto [entry, added] = termIds.try_emplace(term, int(documentFrequency.size()));
            if (added) {
                documentFrequency.push_back(0);
            }
            ++documentFrequency[std::size_t(entry->second)];
            c.counts.emplace_back(entry->second, count);
        }
        candidates.push_back(std::move(c));
    }
    const int documents = static_cast<int>(candidates.size());
    const auto idf = [&](int frequency) {
        return std::log((1.0 + documents) / (1.0 + frequency)) + 1.0;
    };
    // The ticket's own unit vector, by term id (terms no candidate has
    // cannot add to a similarity).
    std::unordered_map<int, double> target;
    {
        QHash<QString, int> frequencyByTerm;
        for (const auto& [term, id] : termIds) {
            frequencyByTerm.insert(term, documentFrequency[std::size_t(id)]);
        }
        for (const auto& [term, weight] :
             tfidf(termCounts(ticket->subject + QLatin1Char(' ') + ticket->description),
                   frequencyByTerm, documents)) {
            if (const auto entry = termIds.find(term); entry != termIds.end()) {
                target.emplace(entry->second, weight);
            }
        }
    }
    // Each candidate's cosine with it, summed in term order as
    // text::dot does, so a similarity keeps every bit.
    std::vector<const Candidate*> similar;
    for (Candidate& c : candidates) {
        double norm = 0.0;
        for (const auto& [id, count] : c.counts) {
            const double i = idf(documentFrequency[std::size_t(id)]);
            norm += count * i * count * i; // as tfidf() sums it
        }
        norm = std::sqrt(norm);
        double sum = 0.0;
        for (const auto& [id, count] : c.counts) {
            if (const auto t = target.find(id); t != target.end()) {
                const double weight = count * idf(documentFrequency[std::size_t(id)]);
                sum += t->second * (norm > 0 ? weight / norm : weight);
            }
        }
        c.similarity = sum;
        if (c.similarity >= minimumCaseSimilarity) {
            similar.push_back(&c);
        }
    }
    std::stable_sort(similar.begin(), similar.end(), [](const Candidate* a, const Candidate* b) {
        return a->similarity > b->similarity;
    });
    if (similar.size() > static_cast<std::size_t>(similarCases)) {
        similar.resize(static_cast<std::size_t>(similarCases));
    }
    store::Statement details = db.prepare(
        "SELECT ticket_id, subject, root_cause, resolution_type, resolution_notes, tier, "
        "resolved_at FROM tickets WHERE id = ?1");
    for (const Candidate* c : similar) {
        details.bind(1, c->row);
        if (!details.step()) {
            details.reset();
            continue;
        }
        SimilarCase info;
        info.ticketId = details.text(0);
        info.subject = details.text(1);
        info.rootCause = details.text(2);
        info.resolutionType = details.text(3);
        info.resolutionNotes = details.text(4);
        if (!details.isNull(5)) {
            info.tier = static_cast<int>(details.int64(5));
        }
        info.resolvedAt = details.optionalInt64(6);
        info.similarity = c->similarity;
        check.similarCases.push_back(std::move(info));
        details.reset();
    }
    return check;
}

} // namespace escdesk::risk

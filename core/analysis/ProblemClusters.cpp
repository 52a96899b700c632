#include "analysis/ProblemClusters.h"

#include "analysis/KnownIssueMatcher.h"
#include "metrics/FactsLoader.h"
#include "store/TicketReader.h"
#include "text/SparseVector.h"
#include "text/StopWords.h"
#include "text/Words.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace escdesk::analysis {

namespace {

using SparseVector = text::SparseVector<int>; // term id → weight, by term id
using text::dot;

// One escalated ticket: its first escalation in the window and its facts.
struct Document {
    const metrics::TicketFacts* ticket;
    UtcSeconds escalatedAt;
    const store::TicketText* text;
    SparseVector vector;
};

// Term ids, document frequencies and the most common spelling of each stem.
class Vocabulary {
public:
    std::map<int, int> countTerms(const QString& text) {
        std::map<int, int> counts;
        for (const QString& word : text::lowerWords(text)) {
            const int term = termOf(word);
            if (term < 0) {
                continue;
            }
            ++m_spellings[static_cast<std::size_t>(term)][word];
            ++counts[term];
        }
        for (const auto& [term, count] : counts) {
            ++m_documentFrequency[static_cast<std::size_t>(term)];
        }
        return counts;
    }

    double idf(int term, std::size_t documents) const {
        const auto df = static_cast<double>(m_documentFrequency[static_cast<std::size_t>(term)]);
        return std::log((1.0 + static_cast<double>(documents)) / (1.0 + df)) + 1.0;
    }

    QString spelling(int term) const {
        const auto& spellings = m_spellings[static_cast<std::size_t>(term)];
        return std::max_element(spellings.begin(), spellings.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    }

private:
    // The term id of a word, -1 for words that are no term. Each distinct
    // word is checked and stemmed once: escalations repeat their words.
    int termOf(const QString& word) {
        const auto known = m_wordTerms.find(word);
        if (known != m_wordTerms.end()) {
            return known->second;
        }
        int term = -1;
        if (word.size() >= 2 && !text::isStopWord(word) && !isShortNumber(word)) {
            const QString stem = text::stemWord(word);
            auto [it, added] = m_ids.try_emplace(stem, static_cast<int>(m_spellings.size()));
            if (added) {
                m_spellings.emplace_back();
                m_documentFrequency.push_back(0);
            }
            term = it->second;
        }
        m_wordTerms.emplace(word, term);
        return term;
    }

    static bool isShortNumber(const QString& word) {
        return word.size() < 3 &&
               std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
    }

    std::unordered_map<QString, int> m_ids;
    std::unordered_map<QString, int> m_wordTerms;
    std::vector<std::map<QString, int>> m_spellings;
    std::vector<int> m_documentFrequency;
};

SparseVector tfidf(const std::map<int, int>& counts, const Vocabulary& vocabulary,
                   std::size_t documents) {
    SparseVector vector;
    double norm = 0.0;
    for (const auto& [term, count] : counts) {
        const double weight = count * vocabulary.idf(term, documents);
        vector.emplace_back(term, weight);
        norm += weight * weight;
    }
    norm = std::sqrt(norm);
    for (auto& entry : vector) {
        entry.second /= norm;
    }
    return vector;
}

// A cluster while it forms: its members and the sum of their vectors.
struct Forming {
    std::vector<std::size_t> documents;
    std::vector<double> similarities;
    std::unordered_map<int, double> sum;
    double squaredNorm = 0.0;

    void add(std::size_t document, const SparseVector& v, double similarityWhenJoined) {
        documents.push_back(document);
        similarities.push_back(similarityWhenJoined);
        for (const auto& [term, weight] : v) {
            double& value = sum[term];
            squaredNorm += 2.0 * value * weight + weight * weight;
            value += weight;
        }
    }
};

std::vector<Document>
escalatedDocuments(const metrics::MetricsInput& input, const Window& window,
                   const std::unordered_map<std::int64_t, store::TicketText>& texts) {
    std::vector<Document> documents;
    std::unordered_set<std::int64_t> seen;
    metrics::forEachEscalationIn(input, window,
                                 [&](const metrics::TicketFacts& ticket, UtcSeconds at) {
                                     const auto text = texts.find(ticket.row);
                                     if (text == texts.end() || !seen.insert(ticket.row).second) {
                                         return;
                                     }
                                     documents.push_back(Document{&ticket, at, &text->second, {}});
                                 });
    std::stable_sort(documents.begin(), documents.end(), [](const Document& a, const Document& b) {
        return a.escalatedAt < b.escalatedAt;
    });
    return documents;
}

std::vector<std::int64_t> escalatedRows(const metrics::MetricsInput& input, const Window& window) {
    std::vector<std::int64_t> rows;
    metrics::forEachEscalationIn(
        input, window,
        [&](const metrics::TicketFacts& ticket, UtcSeconds) { rows.push_back(ticket.row); });
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

// Forms the clusters in order of escalation. Only clusters that share a
// term with a ticket can be similar to it (the rest score exactly 0, and a
// ticket joins only a cluster scoring above 0), so each ticket is compared
// with those alone, found through the clusters of each term; each score is
// summed over the ticket's terms in the same order as a full comparison.
std::vector<Forming> formClusters(const std::vector<Document>& documents) {
    std::vector<Forming> clusters;
    std::unordered_map<int, std::vector<std::size_t>> clustersOfTerm;
    std::vector<double> products;
    std::vector<char> isTouched;
    std::vector<std::size_t> touched;
    auto addTo = [&](std::size_t c, std::size_t document, const SparseVector& v,
                     double similarity) {
        for (const auto& [term, weight] : v) {
            if (!clusters[c].sum.contains(term)) {
                clustersOfTerm[term].push_back(c);
            }
        }
        clusters[c].add(document, v, similarity);
    };
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const SparseVector& v = documents[i].vector;
        touched.clear();
        for (const auto& [term, weight] : v) {
            const auto found = clustersOfTerm.find(term);
            if (found == clustersOfTerm.end()) {
                continue;
            }
            for (std::size_t c : found->second) {
                if (!isTouched[c]) {
                    isTouched[c] = 1;
                    products[c] = 0.0;
                    touched.push_back(c);
                }
                products[c] += weight * clusters[c].sum.find(term)->second;
            }
        }
        std::sort(touched.begin(), touched.end());
        std::size_t best = clusters.size();
        double bestSimilarity = 0.0;
        for (std::size_t c : touched) {
            isTouched[c] = 0;
            const Forming& cluster = clusters[c];
            const double similarity =
                cluster.squaredNorm <= 0.0 ? 0.0 : products[c] / std::sqrt(cluster.squaredNorm);
            if (similarity > bestSimilarity) {
                best = c;
                bestSimilarity = similarity;
            }
        }
        if (best == clusters.size() || bestSimilarity < clusterThreshold) {
            clusters.emplace_back();
            products.push_back(0.0);
            isTouched.push_back(0);
            addTo(clusters.size() - 1, i, v, 1.0);
        } else {
            addTo(best, i, v, bestSimilarity);
        }
    }
    return clusters;
}

template <typename Key> Key mostCommon(const std::map<Key, int>& counts) {
    const auto best =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == counts.end() ? Key() : best->first;
}

QStringList topTerms(const Forming& forming, const Vocabulary& vocabulary) {
    std::vector<std::pair<double, int>> weighted;
    for (const auto& [term, weight] : forming.sum) {
        weighted.emplace_back(weight, term);
    }
    std::sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList terms;
    for (std::size_t i = 0; i < weighted.size() && terms.size() < clusterTopTerms; ++i) {
        terms << vocabulary.spelling(weighted[i].second);
    }
    return terms;
}

ProblemCluster describe(const Forming& forming, const std::vector<Document>& documents,
                        const Vocabulary& vocabulary, const KnownIssueMatcher& matcher) {
    ProblemCluster cluster;
    cluster.topTerms = topTerms(forming, vocabulary);
    std::map<QString, int> areas, causes;
    std::map<std::size_t, int> issues;
    std::vector<std::optional<std::size_t>> matches;
    for (std::size_t k = 0; k < forming.documents.size(); ++k) {
        const Document& d = documents[forming.documents[k]];
        ClusterMember member{
            d.text->ticketId, d.text->subject, d.escalatedAt, forming.similarities[k], {}};
        for (std::size_t earlier = 0; earlier < k; ++earlier) {
            const Document& e = documents[forming.documents[earlier]];
            const bool sameAccount =
                !d.ticket->accountId.isEmpty() && d.ticket->accountId == e.ticket->accountId;
            if (sameAccount && dot(d.vector, e.vector) >= duplicateThreshold) {
                member.duplicateOf = e.text->ticketId;
                ++cluster.duplicates;
                break;
            }
        }
        cluster.members.push_back(std::move(member));
        ++areas[d.ticket->productArea];
        ++causes[metrics::rootCauseOf(*d.ticket)];
        matches.push_back(
            matcher.bestMatch(d.ticket->productArea, d.text->subject, d.text->description));
        if (matches.back()) {
            ++issues[*matches.back()];
        }
    }
    cluster.productArea = mostCommon(areas);
    cluster.rootCause = mostCommon(causes);
    if (!issues.empty()) {
        const std::size_t issue = mostCommon(issues);
        const int count = issues[issue];
        if (2 * count >= static_cast<int>(cluster.members.size())) {
            cluster.knownIssue = matcher.issues()[issue];
            cluster.knownIssueMatches = count;
        }
    }
    ImpactTally impact;
    for (std::size_t k = 0; k < forming.documents.size(); ++k) {
        const metrics::TicketFacts& t = *documents[forming.documents[k]].ticket;
        impact.add(t.accountId, t.accountArr.value_or(0.0),
                   matches[k] ? &matcher.issues()[*matches[k]] : nullptr);
    }
    cluster.affectedAccounts = impact.affectedAccounts();
    cluster.affectedArr = impact.affectedArr();
    cluster.impact = impact.impact();
    return cluster;
}

QString periodPhrase(const Window& window, const QTimeZone& zone) {
    const QDate from = toDateTime(window.from, zone).date();
    const QDate to = toDateTime(window.to, zone).date();
    if (from.dayOfWeek() == 1 && from.daysTo(to) == 7) {
        return QStringLiteral("in the week of %1").arg(from.toString(Qt::ISODate));
    }
    return QStringLiteral("from %1 to %2")
        .arg(from.toString(Qt::ISODate), to.addDays(-1).toString(Qt::ISODate));
}

} // namespace

ClusterAnalysis analyseClusters(store::Database& db, const Window& window) {
    ClusterAnalysis analysis;
    analysis.window = window;
    const metrics::MetricsInput input = metrics::loadEscalationsInput(db, window);
    const auto texts = store::ticketTexts(db, escalatedRows(input, window));
    std::vector<Document> documents = escalatedDocuments(input, window, texts);
    analysis.escalatedTickets = static_cast<std::int64_t>(documents.size());

    Vocabulary vocabulary;
    std::vector<std::map<int, int>> counts;
    for (const Document& d : documents) {
        counts.push_back(
            vocabulary.countTerms(d.text->subject + QLatin1Char('\n') + d.text->description));
    }
    for (std::size_t i = 0; i < documents.size(); ++i) {
        documents[i].vector = tfidf(counts[i], vocabulary, documents.size());
    }

    const KnownIssueMatcher matcher(store::allKnownIssues(db));
    for (const Forming& forming : formClusters(documents)) {
        if (forming.documents.size() >= 2) {
            analysis.clusters.push_back(describe(forming, documents, vocabulary, matcher));
        }
    }
    std::stable_sort(analysis.clusters.begin(), analysis.clusters.end(),
                     [](const ProblemCluster& a, const ProblemCluster& b) {
                         return a.members.size() > b.members.size();
                     });
    return analysis;
}

QString clusterSentence(const ClusterAnalysis& analysis, const ProblemCluster& cluster,
                        const QTimeZone& zone) {
    const QString match = cluster.knownIssue
                              ? QStringLiteral("matching known issue %1 (%2)")
                                    .arg(cluster.knownIssue->issueId, cluster.knownIssue->title)
                              : QStringLiteral("no known issue (a documentation gap)");
    return QStringLiteral("%1 of %2 escalations %3 trace to one cluster: %4 — %5")
        .arg(cluster.members.size())
        .arg(analysis.escalatedTickets)
        .arg(periodPhrase(analysis.window, zone), cluster.topTerms.join(QStringLiteral(", ")),
             match);
}

} // namespace escdesk::analysis

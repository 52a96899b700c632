#include "analysis/ProblemClusters.h"

#include "analysis/KnownIssueMatcher.h"
#include "analysis/TextFeatureStore.h"
#include "analysis/WindowEscalations.h"
#include "store/TicketReader.h"
#include "text/SparseVector.h"
#include "text/Words.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace escdesk::analysis {

namespace {

using SparseVector = text::SparseVector<int>; // term id → weight, by term id
using text::dot;

// One escalated ticket: its first escalation in the window and its facts.
struct Document {
    const EscalationRecord* ticket;
    UtcSeconds escalatedAt;
    const TicketTextFeatures* text;
    SparseVector vector;
};

// A ticket's (term id, count) pairs by term id.
using TermCounts = std::vector<std::pair<int, int>>;

// Term ids, document frequencies and the most common spelling of each stem.
class Vocabulary {
public:
    // The term counts of a ticket's term words (TextFeatureStore.h), by
    // term id: a sorted vector, not a map (a node per term of every ticket).
    TermCounts countTerms(std::string_view terms) {
        std::vector<int> ids;
        forEachTermWord(terms, [&](std::string_view word) {
            const Word& known = wordOf(word);
            if (known.term < 0) {
                return;
            }
            ++*known.spellingCount;
            ids.push_back(known.term);
        });
        std::sort(ids.begin(), ids.end());
        TermCounts counts;
        for (int term : ids) {
            if (counts.empty() || counts.back().first != term) {
                counts.emplace_back(term, 0);
                ++m_documentFrequency[static_cast<std::size_t>(term)];
            }
            ++counts.back().second;
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
    struct Word {
        int term = -1;                // -1 for a word that is no term
        int* spellingCount = nullptr; // its count among its term's spellings
    };
    struct BytesHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view bytes) const {
            return std::hash<std::string_view>()(bytes);
        }
    };

    // Each distinct word is decoded, checked and stemmed once: escalations
    // repeat their words.
    const Word& wordOf(std::string_view bytes) {
        const auto known = m_words.find(bytes);
        if (known != m_words.end()) {
            return known->second;
        }
        const QString word = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
        Word entry;
        if (isTermWord(word)) {
            const QString stem = text::stemWord(word);
            auto [it, added] = m_ids.try_emplace(stem, static_cast<int>(m_spellings.size()));
            if (added) {
                m_spellings.emplace_back();
                m_documentFrequency.push_back(0);
            }
            entry.term = it->second;
            entry.spellingCount = &m_spellings[static_cast<std::size_t>(entry.term)][word];
        }
        return m_words.emplace(std::string(bytes), entry).first->second;
    }

    std::unordered_map<QString, int> m_ids;
    std::unordered_map<std::string, Word, BytesHash, std::equal_to<>> m_words;
    std::deque<std::map<QString, int>> m_spellings; // a deque: counts are pointed at
    std::vector<int> m_documentFrequency;
};

SparseVector tfidf(const TermCounts& counts, const Vocabulary& vocabulary, std::size_t documents) {
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

// Each ticket's first escalation in the window (they come by ticket, each
// ticket's in time order), then all in order of escalation.
std::vector<Document> escalatedDocuments(const WindowEscalations& input) {
    std::vector<Document> documents;
    const EscalationRecord* previous = nullptr;
    for (const EscalationRecord& e : input.escalations) {
        const bool again = previous && previous->ticket == e.ticket;
        previous = &e;
        if (again || !e.text) {
            continue;
        }
        documents.push_back(Document{&e, e.at, e.text, {}});
    }
    std::stable_sort(documents.begin(), documents.end(), [](const Document& a, const Document& b) {
        return a.escalatedAt < b.escalatedAt;
    });
    return documents;
}

// Forms the clusters in order of escalation. Only clusters that share a
// term with a ticket can be similar to it (the rest score exactly 0, and a
// ticket joins only a cluster scoring above 0), so each ticket is compared
// with those alone, found through the clusters of each term; each score is
// summed over the ticket's terms in the same order as a full comparison.
// The sums' weights are pointed at while the clusters grow: moving a
// cluster must keep its map's nodes, not copy them.
static_assert(std::is_nothrow_move_constructible_v<Forming>);

std::vector<Forming> formClusters(const std::vector<Document>& documents) {
    std::vector<Forming> clusters;
    // Per term id (dense from 0): the clusters holding the term, each with
    // its sum's weight of it (map nodes stay put as the clusters grow).
    std::size_t terms = 0;
    for (const Document& d : documents) {
        for (const auto& [term, weight] : d.vector) {
            terms = std::max(terms, static_cast<std::size_t>(term) + 1);
        }
    }
    std::vector<std::vector<std::pair<std::size_t, const double*>>> clustersOfTerm(terms);
    std::vector<double> products;
    std::vector<char> isTouched;
    std::vector<std::size_t> touched;
    auto addTo = [&](std::size_t c, std::size_t document, const SparseVector& v,
                     double similarity) {
        std::vector<int> newTerms;
        for (const auto& [term, weight] : v) {
            if (!clusters[c].sum.contains(term)) {
                newTerms.push_back(term);
            }
        }
        clusters[c].add(document, v, similarity);
        for (int term : newTerms) {
            clustersOfTerm[static_cast<std::size_t>(term)].emplace_back(
                c, &clusters[c].sum.find(term)->second);
        }
    };
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const SparseVector& v = documents[i].vector;
        touched.clear();
        for (const auto& [term, weight] : v) {
            for (const auto& [c, termWeight] : clustersOfTerm[static_cast<std::size_t>(term)]) {
                if (!isTouched[c]) {
                    isTouched[c] = 1;
                    products[c] = 0.0;
                    touched.push_back(c);
                }
                products[c] += weight * *termWeight;
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
    std::unordered_map<QString, std::vector<std::size_t>> earlierOfAccount;
    for (std::size_t k = 0; k < forming.documents.size(); ++k) {
        const Document& d = documents[forming.documents[k]];
        ClusterMember member{
            d.text->ticketId, d.text->subject, d.escalatedAt, forming.similarities[k], {}};
        // Only earlier members of the same account can be duplicates: they
        // are looked at alone, in the order of the cluster.
        if (!d.ticket->accountId.isEmpty()) {
            std::vector<std::size_t>& sameAccount = earlierOfAccount[d.ticket->accountId];
            for (std::size_t earlier : sameAccount) {
                const Document& e = documents[forming.documents[earlier]];
                if (dot(d.vector, e.vector) >= duplicateThreshold) {
                    member.duplicateOf = e.text->ticketId;
                    ++cluster.duplicates;
                    break;
                }
            }
            sameAccount.push_back(k);
        }
        cluster.members.push_back(std::move(member));
        ++areas[d.ticket->productArea];
        ++causes[d.ticket->rootCause];
        matches.push_back(d.text->knownIssue);
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
        const EscalationRecord& t = *documents[forming.documents[k]].ticket;
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
    const KnownIssueMatcher matcher(store::allKnownIssues(db));
    const WindowEscalations input = loadWindowEscalations(db, window, matcher, TextColumns::All);
    std::vector<Document> documents = escalatedDocuments(input);
    analysis.escalatedTickets = static_cast<std::int64_t>(documents.size());

    Vocabulary vocabulary;
    std::vector<TermCounts> counts;
    counts.reserve(documents.size());
    for (const Document& d : documents) {
        counts.push_back(vocabulary.countTerms(d.text->terms));
    }
    for (std::size_t i = 0; i < documents.size(); ++i) {
        documents[i].vector = tfidf(counts[i], vocabulary, documents.size());
    }

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

#include "analysis/ProblemClusters.h"

#include "analysis/KnownIssueMatcher.h"
#include "analysis/NameIds.h"
#include "analysis/TextFeatureStore.h"
#include "analysis/WindowEscalations.h"
#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"
#include "store/StringPool.h"
#include "store/TicketReader.h"
#include "text/SparseVector.h"
#include "text/Words.h"

#include <QHash>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace escdesk::analysis {

namespace {

using SparseVector = text::SparseVector<int>; // term id → weight, by term id
using text::dot;

// One escalated ticket: its first escalation in the window, the known
// issue it matches, its fields as NameIds, and where its helpdesk id and
// subject lie in Corpus::m_text.
struct Document {
    std::int64_t ticket = 0;
    UtcSeconds escalatedAt = 0;
    std::optional<std::size_t> knownIssue;
    int rootCause = 0; // "Unspecified" when the ticket has none
    int productArea = 0;
    int account = NameIds::none; // none when empty
    std::size_t shownText = 0;   // its helpdesk id's place in Corpus::m_textEnds
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
        std::vector<int>& ids = m_scratch;
        ids.clear();
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

    // Each term's idf among `documents` documents, by term id.
    std::vector<double> idfs(std::size_t documents) const {
        std::vector<double> idfs;
        idfs.reserve(m_documentFrequency.size());
        for (const int frequency : m_documentFrequency) {
            const auto df = static_cast<double>(frequency);
            idfs.push_back(std::log((1.0 + static_cast<double>(documents)) / (1.0 + df)) + 1.0);
        }
        return idfs;
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
    std::unordered_map<std::string, Word, store::BytesHash, std::equal_to<>> m_words;
    std::deque<std::map<QString, int>> m_spellings; // a deque: counts are pointed at
    std::vector<int> m_documentFrequency;
    std::vector<int> m_scratch; // a ticket's term ids while they are counted
};

SparseVector tfidf(const TermCounts& counts, const std::vector<double>& idfs) {
    SparseVector vector;
    vector.reserve(counts.size());
    double norm = 0.0;
    for (const auto& [term, count] : counts) {
        const double weight = count * idfs[static_cast<std::size_t>(term)];
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

    // `onNewTerm(term, weight)` learns of each term the sum did not hold
    // yet, with where its weight stays.
    template <typename OnNewTerm>
    void add(std::size_t document, const SparseVector& v, double similarityWhenJoined,
             OnNewTerm&& onNewTerm) {
        documents.push_back(document);
        similarities.push_back(similarityWhenJoined);
        for (const auto& [term, weight] : v) {
            const auto [entry, added] = sum.try_emplace(term, 0.0);
            double& value = entry->second;
            squaredNorm += 2.0 * value * weight + weight * weight;
            value += weight;
            if (added) {
                onNewTerm(term, &value);
            }
        }
    }
};

// The window's escalated tickets as documents in order of escalation (each
// ticket at its first escalation in the window, ties by ticket row), each
// with its term counts, and the fields shown of them kept as UTF-8 in one
// buffer: a long window holds a hundred thousand tickets, and a QString, a
// hash node and a record per ticket cost more than their clustering.
class Corpus {
public:
    enum Field { TicketId, Subject, RootCause, ProductArea, AccountId, fieldCount };
    using Fields = std::array<std::string_view, fieldCount>;

    // The next ticket in order of escalation; an empty root cause reads as
    // "Unspecified", an empty account as none.
    void add(std::int64_t ticket, UtcSeconds escalatedAt, std::optional<std::size_t> knownIssue,
             const Fields& fields, std::string_view terms) {
        Document& d = documents.emplace_back();
        d.ticket = ticket;
        d.escalatedAt = escalatedAt;
        d.knownIssue = knownIssue;
        const std::string_view cause = fields[RootCause];
        d.rootCause = causes.idOf(cause.empty() ? std::string_view("Unspecified") : cause);
        d.productArea = areas.idOf(fields[ProductArea]);
        d.account = fields[AccountId].empty() ? NameIds::none : accounts.idOf(fields[AccountId]);
        d.shownText = m_textEnds.size();
        for (const Field shown : {TicketId, Subject}) {
            m_text.append(fields[shown]);
            m_textEnds.push_back(m_text.size());
        }
        counts.push_back(vocabulary.countTerms(terms));
    }

    QString ticketId(const Document& d) const { return text(d.shownText); }
    QString subject(const Document& d) const { return text(d.shownText + 1); }

    std::vector<Document> documents;
    std::vector<TermCounts> counts; // by document
    Vocabulary vocabulary;
    NameIds causes;
    NameIds areas;
    NameIds accounts;

private:
    QString text(std::size_t end) const {
        const std::size_t begin = end == 0 ? 0 : m_textEnds[end - 1];
        return QString::fromUtf8(m_text.data() + begin,
                                 static_cast<qsizetype>(m_textEnds[end] - begin));
    }

    std::string m_text;                  // each ticket's helpdesk id and subject, UTF-8
    std::vector<std::size_t> m_textEnds; // where each ends, in turn
};

// Ticket rows seen so far: a bit per row while the rows are small (they
// count up from 1), a hash set for any other.
class SeenTickets {
public:
    // Whether `ticket` was seen before; it is from now on.
    bool seenBefore(std::int64_t ticket) {
        if (ticket >= 0 && ticket < bitLimit) {
            const auto bit = static_cast<std::size_t>(ticket);
            if (bit >= m_bits.size()) {
                m_bits.resize(std::max(bit + 1, 2 * m_bits.size()));
            }
            const bool seen = m_bits[bit];
            m_bits[bit] = true;
            return seen;
        }
        return !m_others.insert(ticket).second;
    }

private:
    static constexpr std::int64_t bitLimit = std::int64_t{1} << 28;
    std::vector<bool> m_bits;
    std::unordered_set<std::int64_t> m_others;
};

// The window's escalated tickets as they come from the window's query in
// order of escalation (windowEscalationsSql: the kept escalation outcomes'
// key, or the events sorted), each from its kept text row. Gives the
// tickets without a usable kept row: with any, `corpus` is incomplete.
std::vector<std::int64_t> readKeptDocuments(store::Database& db, const Window& window,
                                            const KnownIssueMatcher& matcher, Corpus& corpus) {
    const KeptTextFeatureReader kept(matcher);
    std::string sql =
        windowEscalationsSql(metrics::escalationOutcomesComplete(db), true, TextColumns::All);
    sql += " ORDER BY 2, 1";
    store::Statement row = db.prepare(sql);
    row.bindAll(window.from, window.to);
    constexpr int first = windowKeptTextColumn;
    SeenTickets seen;
    std::vector<std::int64_t> missing;
    while (row.step()) {
        const std::int64_t ticket = row.int64(0);
        if (seen.seenBefore(ticket)) {
            continue; // escalated again later in the window
        }
        const KeptMatch match = kept.match(row, first);
        if (!match.usable) {
            missing.push_back(ticket);
        }
        if (!missing.empty()) {
            continue; // the corpus is read again
        }
        corpus.add(ticket, row.int64(1), match.knownIssue,
                   {row.textView(first + keptTicketId), row.textView(first + keptSubject),
                    row.textView(first + keptRootCause), row.textView(first + keptProductArea),
                    row.textView(first + keptAccountId)},
                   row.textView(first + keptTerms));
    }
    return missing;
}

std::string utf8Of(const QString& text) {
    return text.toStdString();
}

// The same from loadWindowEscalations, for a workspace without an event log
// or whose kept rows cannot be read or kept: each ticket's first escalation
// in the window (they come by ticket, each ticket's in time order), then all
// in order of escalation.
void readRecordedDocuments(const WindowEscalations& input, Corpus& corpus) {
    std::vector<const EscalationRecord*> firsts;
    const EscalationRecord* previous = nullptr;
    for (const EscalationRecord& e : input.escalations) {
        const bool again = previous && previous->ticket == e.ticket;
        previous = &e;
        if (!again && e.text) {
            firsts.push_back(&e);
        }
    }
    std::stable_sort(
        firsts.begin(), firsts.end(),
        [](const EscalationRecord* a, const EscalationRecord* b) { return a->at < b->at; });
    for (const EscalationRecord* e : firsts) {
        const std::string ticketId = utf8Of(e->text->ticketId);
        const std::string subject = utf8Of(e->text->subject);
        const std::string cause = utf8Of(e->rootCause);
        const std::string area = utf8Of(e->productArea);
        const std::string account = utf8Of(e->accountId);
        corpus.add(e->ticket, e->at, e->text->knownIssue, {ticketId, subject, cause, area, account},
                   e->text->terms);
    }
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
        clusters[c].add(document, v, similarity, [&](int term, const double* weight) {
            clustersOfTerm[static_cast<std::size_t>(term)].emplace_back(c, weight);
        });
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
        // In the clusters' order, so that the first of equally similar ones
        // wins: a scan of the flags when most clusters share a term with it,
        // else a sort of the few.
        const bool fewTouched = touched.size() * 8 < clusters.size();
        if (fewTouched) {
            std::sort(touched.begin(), touched.end());
        }
        std::size_t best = clusters.size();
        double bestSimilarity = 0.0;
        auto consider = [&](std::size_t c) {
            isTouched[c] = 0;
            const Forming& cluster = clusters[c];
            const double similarity =
                cluster.squaredNorm <= 0.0 ? 0.0 : products[c] / std::sqrt(cluster.squaredNorm);
            if (similarity > bestSimilarity) {
                best = c;
                bestSimilarity = similarity;
            }
        };
        if (fewTouched) {
            for (std::size_t c : touched) {
                consider(c);
            }
        } else {
            for (std::size_t c = 0; c < clusters.size(); ++c) {
                if (isTouched[c]) {
                    consider(c);
                }
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

// The most counted value of a field, the first by name of equally counted
// ones (as mostCommon of a map by name); counts by NameIds id.
QString mostCommonName(const std::vector<int>& counts, const NameIds& ids) {
    int best = NameIds::none;
    for (int id = 0; id < static_cast<int>(counts.size()); ++id) {
        const int count = counts[static_cast<std::size_t>(id)];
        if (count == 0) {
            continue;
        }
        const int bestCount = best == NameIds::none ? 0 : counts[static_cast<std::size_t>(best)];
        if (count > bestCount || (count == bestCount && ids.name(id) < ids.name(best))) {
            best = id;
        }
    }
    return best == NameIds::none ? QString() : ids.name(best);
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

ProblemCluster describe(const Forming& forming, const Corpus& corpus,
                        const std::vector<double>& accountArrs, const KnownIssueMatcher& matcher,
                        const std::unordered_map<std::int64_t, double>& usersAffected) {
    const std::vector<Document>& documents = corpus.documents;
    ProblemCluster cluster;
    cluster.topTerms = topTerms(forming, corpus.vocabulary);
    std::vector<int> areas(corpus.areas.size()), causes(corpus.causes.size());
    std::map<std::size_t, int> issues;
    std::unordered_map<int, std::vector<std::size_t>> earlierOfAccount;
    for (std::size_t k = 0; k < forming.documents.size(); ++k) {
        const Document& d = documents[forming.documents[k]];
        ClusterMember member{
            corpus.ticketId(d), corpus.subject(d), d.escalatedAt, forming.similarities[k], {}};
        // Only earlier members of the same account can be duplicates: they
        // are looked at alone, in the order of the cluster.
        if (d.account != NameIds::none) {
            std::vector<std::size_t>& sameAccount = earlierOfAccount[d.account];
            for (std::size_t earlier : sameAccount) {
                const Document& e = documents[forming.documents[earlier]];
                if (dot(d.vector, e.vector) >= duplicateThreshold) {
                    member.duplicateOf = cluster.members[earlier].ticketId;
                    ++cluster.duplicates;
                    break;
                }
            }
            sameAccount.push_back(k);
        }
        cluster.members.push_back(std::move(member));
        ++areas[static_cast<std::size_t>(d.productArea)];
        ++causes[static_cast<std::size_t>(d.rootCause)];
        if (d.knownIssue) {
            ++issues[*d.knownIssue];
        }
    }
    cluster.productArea = mostCommonName(areas, corpus.areas);
    cluster.rootCause = mostCommonName(causes, corpus.causes);
    if (!issues.empty()) {
        const std::size_t issue = mostCommon(issues);
        const int count = issues[issue];
        if (2 * count >= static_cast<int>(cluster.members.size())) {
            cluster.knownIssue = matcher.issues()[issue];
            cluster.knownIssueMatches = count;
        }
    }
    ImpactTally impact;
    for (const std::size_t document : forming.documents) {
        const Document& d = documents[document];
        const KnownIssue* issue = d.knownIssue ? &matcher.issues()[*d.knownIssue] : nullptr;
        if (d.account == NameIds::none) {
            impact.add(QString(), 0.0, issue);
        } else {
            impact.add(corpus.accounts.name(d.account),
                       accountArrs[static_cast<std::size_t>(d.account)], issue);
        }
        // A document is a distinct ticket: its users count once.
        if (const auto users = usersAffected.find(d.ticket); users != usersAffected.end()) {
            impact.addUsersAffected(users->second);
        }
    }
    cluster.affectedAccounts = impact.affectedAccounts();
    cluster.affectedArr = impact.affectedArr();
    cluster.usersAffected = impact.usersAffected();
    cluster.impact = impact.impact();
    return cluster;
}

// What a spike check reads of a cluster: its members' instants of
// escalation, its top terms and most common root cause (as describe gives
// them).
ProblemCluster describeForSpikes(const Forming& forming, const Corpus& corpus) {
    ProblemCluster cluster;
    cluster.topTerms = topTerms(forming, corpus.vocabulary);
    std::vector<int> causes(corpus.causes.size());
    for (const std::size_t document : forming.documents) {
        const Document& d = corpus.documents[document];
        ClusterMember& member = cluster.members.emplace_back();
        member.escalatedAt = d.escalatedAt;
        ++causes[static_cast<std::size_t>(d.rootCause)];
    }
    cluster.rootCause = mostCommonName(causes, corpus.causes);
    return cluster;
}

// The ARR of each account of the corpus, by NameIds id: 0 for one the
// workspace lacks or has none for, matched exactly by id as the metrics'
// facts match it.
std::vector<double> accountArrs(store::Database& db, const NameIds& accounts) {
    QHash<QString, std::optional<double>> arrs;
    store::Statement row = db.prepare("SELECT account_id, arr FROM accounts");
    while (row.step()) {
        arrs.insert(row.text(0), row.optionalReal(1));
    }
    std::vector<double> byId;
    byId.reserve(accounts.size());
    for (int id = 0; id < static_cast<int>(accounts.size()); ++id) {
        const auto arr = arrs.constFind(accounts.name(id));
        byId.push_back(arr == arrs.constEnd() ? 0.0 : arr->value_or(0.0));
    }
    return byId;
}

// The users affected of the window's escalated tickets that record some,
// by ticket row; looked up in row order, which the store reads fastest.
std::unordered_map<std::int64_t, double>
usersAffectedOfDocuments(store::Database& db, const std::vector<Document>& documents) {
    std::vector<std::int64_t> tickets;
    tickets.reserve(documents.size());
    for (const Document& d : documents) {
        tickets.push_back(d.ticket);
    }
    std::sort(tickets.begin(), tickets.end());
    return usersAffectedOfTickets(db, tickets);
}

// Whether rows computed now are kept (as ticketTextFeatures keeps them):
// not through a read-only connection, nor inside the caller's transaction.
bool rowsCanBeKept(store::Database& db) {
    return sqlite3_db_readonly(db.handle(), "main") == 0 &&
           sqlite3_get_autocommit(db.handle()) != 0;
}

// The window's escalated tickets: from their kept text rows, the rows of
// those without one computed and kept first; from loadWindowEscalations
// (which computes them in memory once) when there is no event log or the
// rows cannot be kept.
void readDocuments(store::Database& db, const Window& window, const KnownIssueMatcher& matcher,
                   std::optional<Corpus>& corpus) {
    const auto fromRecords = [&] {
        corpus.emplace();
        readRecordedDocuments(loadWindowEscalations(db, window, matcher, TextColumns::All),
                              *corpus);
    };
    if (!metrics::workspaceHasEventLog(db) || !hasKeptTextFeatures(db)) {
        fromRecords();
        return;
    }
    corpus.emplace();
    std::vector<std::int64_t> missing = readKeptDocuments(db, window, matcher, *corpus);
    if (missing.empty()) {
        return;
    }
    if (!rowsCanBeKept(db)) {
        fromRecords();
        return;
    }
    std::sort(missing.begin(), missing.end());
    ticketTextFeatures(db, missing, matcher); // computes and keeps them
    corpus.emplace();
    missing = readKeptDocuments(db, window, matcher, *corpus);
    if (!missing.empty()) {
        fromRecords(); // busy, or escalations of tickets that do not exist
    }
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

ClusterAnalysis analyseClusters(store::Database& db, const Window& window, ClusterDetail detail) {
    ClusterAnalysis analysis;
    analysis.window = window;
    const KnownIssueMatcher matcher(store::allKnownIssues(db));
    std::optional<Corpus> read;
    readDocuments(db, window, matcher, read);
    Corpus& corpus = *read;
    std::vector<Document>& documents = corpus.documents;
    analysis.escalatedTickets = static_cast<std::int64_t>(documents.size());

    const std::vector<double> idfs = corpus.vocabulary.idfs(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        documents[i].vector = tfidf(corpus.counts[i], idfs);
    }

    if (detail == ClusterDetail::Spikes) {
        for (const Forming& forming : formClusters(documents)) {
            if (forming.documents.size() >= 2) {
                analysis.clusters.push_back(describeForSpikes(forming, corpus));
            }
        }
    } else {
        const std::vector<double> arrs = accountArrs(db, corpus.accounts);
        const std::unordered_map<std::int64_t, double> users =
            usersAffectedOfDocuments(db, documents);
        analysis.usersAffectedKnown = !users.empty();
        for (const Forming& forming : formClusters(documents)) {
            if (forming.documents.size() >= 2) {
                analysis.clusters.push_back(describe(forming, corpus, arrs, matcher, users));
            }
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

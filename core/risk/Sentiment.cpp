#include "risk/Sentiment.h"

#include "risk/AfinnLexicon.h"
#include "text/Words.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace escdesk::risk {

namespace {

const QSet<QString>& negators() {
    static const QSet<QString> words{
        "not",     "no",       "never",   "cannot", "cant",   "dont",    "doesnt",
        "didnt",   "isnt",     "wasnt",   "arent",  "werent", "wont",    "wouldnt",
        "couldnt", "shouldnt", "havent",  "hasnt",  "hadnt",  "without", "nothing",
        "nobody",  "none",     "neither", "nor",    "hardly", "aint"};
    return words;
}

const QSet<QString>& intensifiers() {
    static const QSet<QString> words{"very",    "really",     "extremely",    "so",
                                     "totally", "completely", "absolutely",   "incredibly",
                                     "highly",  "seriously",  "terribly",     "utterly",
                                     "truly",   "especially", "particularly", "deeply"};
    return words;
}

bool isModifier(const QString& word) {
    return negators().contains(word) || intensifiers().contains(word);
}

bool matchesAt(const QStringList& words, qsizetype at, const QStringList& rest) {
    if (at + 1 + rest.size() > words.size()) {
        return false;
    }
    for (qsizetype k = 0; k < rest.size(); ++k) {
        if (words[at + 1 + k] != rest[k]) {
            return false;
        }
    }
    return true;
}

bool stemsMatchAt(StemCache& stems, qsizetype at, const QStringList& rest) {
    if (at + 1 + rest.size() > stems.size()) {
        return false;
    }
    for (qsizetype k = 0; k < rest.size(); ++k) {
        if (stems.at(at + 1 + k) != rest[k]) {
            return false;
        }
    }
    return true;
}

bool isTextField(const QString& field) {
    return field == QLatin1String("text") || field == QLatin1String("subject") ||
           field == QLatin1String("description");
}

} // namespace

const QString& StemCache::at(qsizetype i) {
    QString& stem = m_stems[static_cast<std::size_t>(i)];
    if (stem.isNull()) {
        stem = text::stemWord(m_words[i]);
    }
    return stem;
}

QString sentimentSourceName(SentimentDriver::Source source) {
    return source == SentimentDriver::Source::EscalationKeyword
               ? QStringLiteral("escalation keyword")
               : QStringLiteral("lexicon");
}

double sentimentScore(double valence) {
    return 50.0 * (1.0 + valence / std::sqrt(valence * valence + sentimentAlpha));
}

QStringList escalationKeywords(const matrix::Matrix& matrix) {
    QStringList keywords;
    for (const matrix::SeverityRule& rule : matrix.rules) {
        for (const matrix::Condition& condition : rule.conditions) {
            if (!isTextField(condition.field)) {
                continue;
            }
            QStringList items;
            if (condition.op == matrix::ConditionOperator::MatchesAnyKeyword) {
                items = matrix::listItems(condition.value);
            } else if (condition.op == matrix::ConditionOperator::ContainsWord) {
                items = {condition.value.trimmed()};
            }
            for (const QString& item : items) {
                const QString keyword = item.toLower();
                if (!keyword.isEmpty() && !keywords.contains(keyword)) {
                    keywords.append(keyword);
                }
            }
        }
    }
    return keywords;
}

matrix::SentimentSource ticketSentimentSource(const matrix::Matrix& matrix) {
    auto scorer = std::make_shared<const SentimentScorer>(
        SentimentScorer::withAfinn(escalationKeywords(matrix)));
    return [scorer](const Ticket& ticket) -> std::optional<double> {
        return scorer->score({ticket.subject, ticket.description}).score;
    };
}

const QHash<QString, int>& afinnLexicon() {
    static const QHash<QString, int> lexicon = [] {
        QHash<QString, int> entries;
        const QJsonObject object = QJsonDocument::fromJson(afinnLexiconJson()).object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            entries.insert(it.key(), it.value().toInt());
        }
        return entries;
    }();
    return lexicon;
}

SentimentScorer::SentimentScorer(const QHash<QString, int>& lexicon, const QStringList& keywords) {
    auto longestFirst = [](std::vector<Phrase>& phrases) {
        std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
            return a.words.size() > b.words.size();
        });
    };
    for (const QString& word : negators()) {
        m_words[word].negator = true;
    }
    for (const QString& word : intensifiers()) {
        m_words[word].intensifier = true;
    }
    for (auto it = lexicon.begin(); it != lexicon.end(); ++it) {
        QStringList words = text::lowerWords(it.key());
        // A modifier alone is never scored ("no" −1 in AFINN is a negator here).
        if (words.isEmpty() || (words.size() == 1 && isModifier(words.front()))) {
            continue;
        }
        const QString first = words.takeFirst();
        m_words[first].phrases.push_back({words, static_cast<double>(it.value())});
    }
    for (auto& entry : m_words) {
        longestFirst(entry.phrases);
    }
    for (const QString& keyword : keywords) {
        QStringList stems = text::wordStems(keyword);
        if (stems.isEmpty()) {
            continue;
        }
        const QString prefix = stems.front().left(2);
        if (std::find(m_keywordPrefixes.begin(), m_keywordPrefixes.end(), prefix) ==
            m_keywordPrefixes.end()) {
            m_keywordPrefixes.push_back(prefix);
        }
        const QString first = stems.takeFirst();
        auto& phrases = m_keywords[first];
        phrases.push_back({stems, keywordValence});
        longestFirst(phrases);
    }
}

bool SentimentScorer::mayStartKeyword(const QString& word) const {
    // Stemming keeps a word's first two letters, so most words need no stem.
    const QStringView prefix = QStringView(word).left(2);
    return std::any_of(m_keywordPrefixes.begin(), m_keywordPrefixes.end(),
                       [&](const QString& p) { return prefix == p; });
}

SentimentScorer SentimentScorer::withAfinn(const QStringList& keywords) {
    SentimentScorer scorer(afinnLexicon(), keywords);
    scorer.m_afinnKeywords = keywords;
    return scorer;
}

SentimentScorer::Match SentimentScorer::matchAt(const QStringList& words,
                                                const std::vector<const WordEntry*>& entries,
                                                StemCache& stems, qsizetype at) const {
    if (mayStartKeyword(words[at])) {
        if (const auto it = m_keywords.constFind(stems.at(at)); it != m_keywords.cend()) {
            for (const Phrase& phrase : *it) {
                if (stemsMatchAt(stems, at, phrase.words)) {
                    return {static_cast<int>(phrase.words.size()) + 1, phrase.valence,
                            SentimentDriver::Source::EscalationKeyword};
                }
            }
        }
    }
    if (const WordEntry* entry = entries[static_cast<std::size_t>(at)]) {
        for (const Phrase& phrase : entry->phrases) {
            if (matchesAt(words, at, phrase.words)) {
                return {static_cast<int>(phrase.words.size()) + 1, phrase.valence,
                        SentimentDriver::Source::Lexicon};
            }
        }
    }
    return {};
}

void SentimentScorer::scoreText(const QString& text, double& sum,
                                std::vector<SentimentDriver>& drivers, Sentiment& result) const {
    const QStringList words = text::lowerWords(text);
    StemCache stems(words);
    std::vector<const WordEntry*> entries(static_cast<std::size_t>(words.size()), nullptr);
    for (qsizetype k = 0; k < words.size(); ++k) {
        if (const auto it = m_words.constFind(words[k]); it != m_words.cend()) {
            entries[static_cast<std::size_t>(k)] = &*it;
        }
    }
    const auto is = [&](qsizetype k, bool WordEntry::*flag) {
        const WordEntry* entry = entries[static_cast<std::size_t>(k)];
        return entry && entry->*flag;
    };
    qsizetype i = 0;
    while (i < words.size()) {
        const Match match = matchAt(words, entries, stems, i);
        if (match.length == 0 || match.valence == 0.0) {
            i += std::max(match.length, 1);
            continue;
        }
        double valence = match.valence;
        qsizetype first = i;
        const bool intensified = i >= 1 && is(i - 1, &WordEntry::intensifier);
        if (intensified) {
            valence *= intensifierFactor;
            first = i - 1;
        }
        bool negated = false;
        for (qsizetype k = std::max<qsizetype>(0, i - negationWindow); k < i; ++k) {
            if (is(k, &WordEntry::negator)) {
                negated = true;
                first = std::min(first, k);
                break;
            }
        }
        if (negated) {
            valence *= negationFactor;
        }
        SentimentDriver driver;
        driver.words = words.mid(first, i + match.length - first).join(QLatin1Char(' '));
        driver.valence = valence;
        driver.occurrences = 1;
        driver.source = match.source;
        driver.negated = negated;
        driver.intensified = intensified;
        drivers.push_back(driver);
        sum += valence;
        if (match.source == SentimentDriver::Source::EscalationKeyword && !negated) {
            ++result.keywordHits;
        }
        if (valence < 0) {
            ++result.negativeTerms;
        }
        i += match.length;
    }
}

Sentiment SentimentScorer::score(const QStringList& texts) const {
    Sentiment result;
    std::vector<SentimentDriver> occurrences;
    double sum = 0.0;
    for (const QString& text : texts) {
        scoreText(text, sum, occurrences, result);
    }
    result.valence = sum;
    result.score = sentimentScore(sum);
    // One driver per distinct wording and source, contributions summed.
    std::map<std::pair<QString, int>, SentimentDriver> merged;
    for (const SentimentDriver& driver : occurrences) {
        auto [it, added] =
            merged.try_emplace({driver.words, static_cast<int>(driver.source)}, driver);
        if (!added) {
            it->second.valence += driver.valence;
            it->second.occurrences += 1;
        }
    }
    for (auto& [key, driver] : merged) {
        result.drivers.push_back(driver);
    }
    std::stable_sort(result.drivers.begin(), result.drivers.end(),
                     [](const SentimentDriver& a, const SentimentDriver& b) {
                         return std::abs(a.valence) > std::abs(b.valence);
                     });
    return result;
}

} // namespace escdesk::risk

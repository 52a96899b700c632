#include "text/Words.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <utility>

namespace escdesk::text {

// A light suffix-stripping stemmer: enough for plurals and the common verb
// forms support tickets use ("outages", "failing", "failed", "crashes").
// Both sides of a comparison go through it, so consistency matters more than
// linguistic accuracy.
QString stemWord(QString word) {
    auto strip = [&](int count) {
        word.chop(count);
    };
    if (word.size() > 4 && word.endsWith(QLatin1String("ies"))) {
        strip(3);
        word.append(QLatin1Char('y'));
    } else if (word.size() > 4 &&
               (word.endsWith(QLatin1String("sses")) || word.endsWith(QLatin1String("shes")) ||
                word.endsWith(QLatin1String("ches")) || word.endsWith(QLatin1String("xes")))) {
        strip(2);
    } else if (word.size() > 3 && word.endsWith(QLatin1Char('s')) &&
               !word.endsWith(QLatin1String("ss")) && !word.endsWith(QLatin1String("us")) &&
               !word.endsWith(QLatin1String("is"))) {
        strip(1);
    }
    if (word.size() > 5 && word.endsWith(QLatin1String("ing"))) {
        strip(3);
    } else if (word.size() > 4 && word.endsWith(QLatin1String("ed"))) {
        strip(2);
    }
    // Drop a final e so "issue"/"issued" and "outage"/"outages" meet, and
    // undouble a final consonant so "cancel"/"cancelled" and "bill"/"billing"
    // meet (applied to every word alike, so both sides agree).
    if (word.size() > 4 && word.endsWith(QLatin1Char('e'))) {
        strip(1);
    }
    const qsizetype n = word.size();
    if (n > 3 && word[n - 1] == word[n - 2] && word[n - 1] != QLatin1Char('s') &&
        word[n - 1].isLetter() && !QStringLiteral("aeiou").contains(word[n - 1])) {
        strip(1);
    }
    return word;
}

QStringList lowerWords(const QString& text) {
    QStringList words;
    QString word;
    word.reserve(32);
    auto flush = [&] {
        if (!word.isEmpty()) {
            // A copy of the word's size; `word` keeps its buffer for the next.
            words.append(QString(word.constData(), word.size()));
            word.resize(0);
        }
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word.append(c.toLower());
        } else if (c == QLatin1Char('\'') || c == QChar(0x2019)) {
            continue; // "can't" → "cant"
        } else {
            flush();
        }
    }
    flush();
    return words;
}

QStringList wordStems(const QString& text) {
    QStringList stems = lowerWords(text);
    for (QString& word : stems) {
        word = stemWord(word);
    }
    return stems;
}

bool containsStems(const QStringList& haystack, const QStringList& needle) {
    return !needle.isEmpty() && std::search(haystack.begin(), haystack.end(), needle.begin(),
                                            needle.end()) != haystack.end();
}

namespace {

// The stems of the few texts and keywords a thread compared last. The rules
// test the same ticket text against many keywords, and the same keywords on
// every ticket — at every instant when they are timed — so stemming each
// once saves most of their work.
class StemCache {
public:
    const QStringList& stemsOf(const QString& text) {
        for (const auto& [known, stems] : m_texts) {
            if (known == text) {
                return stems;
            }
        }
        m_next = (m_next + 1) % m_texts.size();
        m_texts[m_next] = {text, wordStems(text)};
        return m_texts[m_next].second;
    }

    const QStringList& keywordStems(const QString& keyword) {
        auto found = m_keywords.find(keyword);
        if (found == m_keywords.end()) {
            if (m_keywords.size() >= maxKeywords) {
                m_keywords.clear();
            }
            found = m_keywords.insert(keyword, wordStems(keyword));
        }
        return *found;
    }

private:
    static constexpr qsizetype maxKeywords = 4096;
    std::array<std::pair<QString, QStringList>, 4> m_texts;
    std::size_t m_next = 0;
    QHash<QString, QStringList> m_keywords;
};

StemCache& stemCache() {
    thread_local StemCache cache;
    return cache;
}

} // namespace

bool containsKeyword(const QString& text, const QString& keyword) {
    StemCache& cache = stemCache();
    const QStringList& needle = cache.keywordStems(keyword);
    return containsStems(cache.stemsOf(text), needle);
}

bool containsAnyKeyword(const QString& text, const QStringList& keywords) {
    if (keywords.isEmpty()) {
        return false;
    }
    StemCache& cache = stemCache();
    const QStringList& stems = cache.stemsOf(text);
    return std::any_of(keywords.begin(), keywords.end(), [&](const QString& keyword) {
        return containsStems(stems, cache.keywordStems(keyword));
    });
}

} // namespace escdesk::text

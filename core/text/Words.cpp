#include "text/Words.h"

#include <algorithm>

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
    auto flush = [&] {
        if (!word.isEmpty()) {
            words.append(word);
            word.clear();
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

bool containsKeyword(const QString& text, const QString& keyword) {
    return containsStems(wordStems(text), wordStems(keyword));
}

bool containsAnyKeyword(const QString& text, const QStringList& keywords) {
    if (keywords.isEmpty()) {
        return false;
    }
    const QStringList stems = wordStems(text);
    return std::any_of(keywords.begin(), keywords.end(), [&](const QString& keyword) {
        return containsStems(stems, wordStems(keyword));
    });
}

} // namespace escdesk::text

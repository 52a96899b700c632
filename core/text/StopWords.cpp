#include "text/StopWords.h"

#include <QSet>

namespace escdesk::text {

namespace {

QSet<QString> makeStopWords() {
    const char* const words[] = {
        // English function words
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "cannot", "cant", "could", "did", "didnt", "do", "does", "doesnt",
        "doing", "dont", "down", "during", "each", "even", "ever", "every", "few", "for", "from",
        "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her",
        "here", "hers", "him", "his", "how", "i", "if", "im", "in", "into", "is", "isnt", "it",
        "its", "itself", "just", "let", "like", "me", "more", "most", "much", "must", "my", "no",
        "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "out", "over", "own", "same", "she", "should", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "via", "was", "wasnt", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "without",
        "wont", "would", "yet", "you", "your", "yours",
        // support boilerplate
        "hi", "hello", "hey", "dear", "thanks", "thank", "please", "regards", "best", "cheers",
        "team", "support", "customer", "customers", "ticket", "tickets", "issue", "issues",
        "problem", "problems", "help", "asap", "urgent", "today", "yesterday", "again", "anyone",
        "someone", "know", "see", "seems", "seem", "need", "needs", "want", "trying", "tried",
        "try", "still", "keep", "keeps", "user", "users", "us"};
    QSet<QString> set;
    for (const char* word : words) {
        set.insert(QString::fromLatin1(word));
    }
    return set;
}

} // namespace

bool isStopWord(const QString& lowerWord) {
    static const QSet<QString> stopWords = makeStopWords();
    return stopWords.contains(lowerWord);
}

} // namespace escdesk::text

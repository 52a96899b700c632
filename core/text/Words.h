#pragma once

// Words of ticket text as the analyses compare them: lower-case, split at
// anything that is not a letter or digit, apostrophes dropped ("can't" →
// "cant"), and reduced by a light suffix-stripping stemmer so that plurals
// and common verb forms meet ("outages" ~ "outage", "failing" ~ "failed").
// Both sides of every comparison go through the same functions, so
// consistency matters more than linguistic accuracy.

#include <QString>
#include <QStringList>

namespace escdesk::text {

// The stem of one lower-case word.
QString stemWord(QString word);

// The lower-case words of a text, in order.
QStringList lowerWords(const QString& text);

// The stems of the words of a text, in order.
QStringList wordStems(const QString& text);

// Whether the stem sequence `needle` occurs in `haystack` as consecutive words.
bool containsStems(const QStringList& haystack, const QStringList& needle);

// Whether `text` contains the word or phrase `keyword` (whole words, stems).
bool containsKeyword(const QString& text, const QString& keyword);

// Whether `text` contains any of the keywords (containsKeyword), the text's
// words stemmed once for all of them.
bool containsAnyKeyword(const QString& text, const QStringList& keywords);

} // namespace escdesk::text

#pragma once

// Where the keys and values of a JSON text stand, by line and column, for
// messages about a file a person wrote (a mapping file): QJsonDocument
// parses JSON but tells no positions, and only a byte offset for a syntax
// error. This scanner reads the same text again and records, for each key
// and value, its place; it also finds keys given twice in one object (which
// QJsonDocument silently resolves to the last) and, in a text that is not
// JSON, the first error with a plain reason.
//
// Lines and columns count from 1; a column counts characters (UTF-8 code
// points, a tab is one), not bytes. A UTF-8 byte-order mark is skipped.
// A path names a value from the root: object keys and, in lists, indexes
// written as numbers ({"fields", "tags", "columns", "0"}).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace escdesk::import {

struct TextPosition {
    int line = 0; // 0: unknown
    int column = 0;

    bool known() const { return line > 0; }
    friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

class JsonPositions {
public:
    explicit JsonPositions(const QByteArray& text);

    // The first character of the value at `path` (its quote, brace, bracket,
    // digit or letter); unknown when there is no such value.
    TextPosition value(const QStringList& path) const;
    // The opening quote of the key naming the value at `path`; unknown for
    // the root and list items.
    TextPosition key(const QStringList& path) const;
    // The keys of the object at `path` in the order the text gives them.
    QStringList keysInOrder(const QStringList& path) const;

    struct Duplicate {
        QStringList path;   // of the key given again
        TextPosition first; // its first occurrence
        TextPosition again; // the next one
    };
    // Keys given more than once in one object, in the order of the text.
    const std::vector<Duplicate>& duplicates() const { return m_duplicates; }

    struct SyntaxError {
        TextPosition at;
        QString reason; // e.g. "a comma before \"}\": remove it"
    };
    // The first error of a text that is not JSON. The scanner is lenient where
    // QJsonDocument is (numbers like "1.", control characters in strings):
    // consult it when QJsonDocument has refused the text; without an error
    // here, QJsonDocument's own offset is the best there is.
    const std::optional<SyntaxError>& syntaxError() const { return m_error; }

    // The position of a byte offset into the text.
    TextPosition positionOf(qsizetype offset) const;

private:
    struct Entry {
        qsizetype keyOffset = -1;
        qsizetype valueOffset = -1;
        QStringList keys; // an object's keys in text order (each once)
    };
    class Scanner;

    static QString joined(const QStringList& path);

    QByteArray m_text;
    qsizetype m_bom = 0;
    std::vector<qsizetype> m_lineStarts;
    std::map<QString, Entry> m_entries; // by joined path
    std::vector<Duplicate> m_duplicates;
    std::optional<SyntaxError> m_error;
};

} // namespace escdesk::import

#include "import/JsonPositions.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cctype>

namespace escdesk::import {

namespace {

constexpr char pathSeparator = '\x1f';

QString quoted(const QString& text) {
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

// A recursive descent over the text, recording offsets. It stops at the
// first syntax error; what it recorded until then stays.
class JsonPositions::Scanner {
public:
    explicit Scanner(JsonPositions& positions)
        : m_p(positions)
        , m_text(positions.m_text)
        , m_pos(positions.m_bom) {}

    void run() {
        QStringList path;
        skipSpace();
        if (m_pos == m_text.size()) {
            fail(m_pos, QStringLiteral("the file is empty"));
            return;
        }
        if (!value(path)) {
            return;
        }
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] != '\0') {
            fail(m_pos, QStringLiteral("text after the end of the JSON value"));
        }
    }

private:
    char at() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool atEnd() const { return m_pos >= m_text.size(); }

    bool fail(qsizetype offset, const QString& reason) {
        if (!m_p.m_error) {
            m_p.m_error = SyntaxError{m_p.positionOf(offset), reason};
        }
        return false;
    }

    void skipSpace() {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            ++m_pos;
        }
    }

    // A character where a value, key or separator was expected.
    QString unexpected() const {
        if (atEnd()) {
            return QStringLiteral("the end of the file");
        }
        const char c = at();
        if (c == '\'') {
            return QStringLiteral("a single quote (JSON strings and keys take double quotes)");
        }
        if (c == '/') {
            return QStringLiteral("\"/\" (JSON has no comments)");
        }
        if (c == '"') {
            return QStringLiteral("a string");
        }
        const qsizetype end = std::min(m_pos + 12, m_text.size());
        qsizetype stop = m_pos + 1;
        while (stop < end &&
               (std::isalnum(static_cast<unsigned char>(m_text[stop])) || m_text[stop] == '_')) {
            ++stop;
        }
        return quoted(QString::fromUtf8(m_text.mid(m_pos, stop - m_pos)));
    }

    bool value(QStringList& path) {
        skipSpace();
        if (m_muted == 0) {
            m_p.m_entries[joined(path)].valueOffset = m_pos;
        }
        const char c = at();
        if (c == '{') {
            return object(path);
        }
        if (c == '[') {
            return list(path);
        }
        if (c == '"') {
            return string(nullptr);
        }
        if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            // Lenient like QJsonDocument ("1.", ".5"); it refuses what is
            // not a number.
            while (!atEnd() && (std::isdigit(static_cast<unsigned char>(at())) || at() == '.' ||
                                at() == '-' || at() == '+' || at() == 'e' || at() == 'E')) {
                ++m_pos;
            }
            return true;
        }
        if (c >= 'a' && c <= 'z') {
            const qsizetype start = m_pos;
            while (!atEnd() && std::isalnum(static_cast<unsigned char>(at()))) {
                ++m_pos;
            }
            const QByteArray word = m_text.mid(start, m_pos - start);
            if (word == "true" || word == "false" || word == "null") {
                return true;
            }
            return fail(start, QStringLiteral("\"%1\" is not a JSON value (a string in double "
                                              "quotes, a number, true, false, null, a list or an "
                                              "object)")
                                   .arg(QString::fromUtf8(word)));
        }
        return fail(m_pos, QStringLiteral("a value was expected, not %1").arg(unexpected()));
    }

    bool object(QStringList& path) {
        const qsizetype open = m_pos++;
        // (std::map keeps its nodes in place as entries are added.)
        QStringList* keys = m_muted == 0 ? &m_p.m_entries[joined(path)].keys : nullptr;
        std::map<QString, qsizetype> seen;
        skipSpace();
        if (at() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (at() != '"') {
                if (at() == '}') {
                    return fail(m_lastComma, QStringLiteral("a comma before \"}\": remove it"));
                }
                if (atEnd()) {
                    return fail(open, QStringLiteral("the object opened here is not closed "
                                                     "(\"}\" is missing)"));
                }
                return fail(m_pos, QStringLiteral("a key in double quotes was expected, not %1")
                                       .arg(unexpected()));
            }
            const qsizetype keyOffset = m_pos;
            QString key;
            if (!string(&key)) {
                return false;
            }
            path << key;
            const auto [first, added] = seen.emplace(key, keyOffset);
            if (!added) {
                m_p.m_duplicates.push_back(
                    {path, m_p.positionOf(first->second), m_p.positionOf(keyOffset)});
            } else if (keys) {
                *keys << key;
                m_p.m_entries[joined(path)].keyOffset = keyOffset;
            }
            skipSpace();
            if (at() != ':') {
                return fail(m_pos, QStringLiteral("\":\" was expected after the key \"%1\", not %2")
                                       .arg(key, unexpected()));
            }
            ++m_pos;
            // The value of a repeated key is scanned, not recorded over the first.
            m_muted += added ? 0 : 1;
            const bool scanned = value(path);
            m_muted -= added ? 0 : 1;
            if (!scanned) {
                return false;
            }
            path.removeLast();
            skipSpace();
            if (at() == ',') {
                m_lastComma = m_pos++;
                continue;
            }
            if (at() == '}') {
                ++m_pos;
                return true;
            }
            if (atEnd()) {
                return fail(open, QStringLiteral("the object opened here is not closed (\"}\" is "
                                                 "missing)"));
            }
            return fail(m_pos, QStringLiteral("\",\" or \"}\" was expected after the value of "
                                              "\"%1\", not %2")
                                   .arg(key, unexpected()));
        }
    }

    bool list(QStringList& path) {
        const qsizetype open = m_pos++;
        skipSpace();
        if (at() == ']') {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            skipSpace();
            if (at() == ']' && index > 0) {
                return fail(m_lastComma, QStringLiteral("a comma before \"]\": remove it"));
            }
            if (atEnd()) {
                return fail(open, QStringLiteral("the list opened here is not closed (\"]\" is "
                                                 "missing)"));
            }
            path << QString::number(index);
            if (!value(path)) {
                return false;
            }
            path.removeLast();
            skipSpace();
            if (at() == ',') {
                m_lastComma = m_pos++;
                continue;
            }
            if (at() == ']') {
                ++m_pos;
                return true;
            }
            if (atEnd()) {
                return fail(open, QStringLiteral("the list opened here is not closed (\"]\" is "
                                                 "missing)"));
            }
            return fail(m_pos, QStringLiteral("\",\" or \"]\" was expected after a list item, "
                                              "not %1")
                                   .arg(unexpected()));
        }
    }

    // A string at m_pos (its opening quote); its decoded text into `text`.
    bool string(QString* text) {
        const qsizetype open = m_pos++;
        bool escaped = false;
        while (!atEnd() && at() != '"') {
            if (at() == '\\') {
                escaped = true;
                ++m_pos;
            }
            ++m_pos;
        }
        if (atEnd()) {
            return fail(open, QStringLiteral("the string that starts here is not closed (a "
                                             "double quote is missing)"));
        }
        ++m_pos;
        if (text) {
            const QByteArray raw = m_text.mid(open, m_pos - open);
            if (!escaped) {
                *text = QString::fromUtf8(raw.mid(1, raw.size() - 2));
            } else {
                // Escapes decoded exactly as QJsonDocument decodes them.
                *text = QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
            }
        }
        return true;
    }

    JsonPositions& m_p;
    const QByteArray& m_text;
    qsizetype m_pos;
    qsizetype m_lastComma = 0;
    int m_muted = 0; // inside the value of a repeated key
};

JsonPositions::JsonPositions(const QByteArray& text)
    : m_text(text) {
    if (m_text.startsWith("\xEF\xBB\xBF")) {
        m_bom = 3;
    }
    m_lineStarts.push_back(m_bom);
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '\n') {
            m_lineStarts.push_back(i + 1);
        }
    }
    Scanner(*this).run();
}

QString JsonPositions::joined(const QStringList& path) {
    return path.join(QChar(pathSeparator));
}

TextPosition JsonPositions::positionOf(qsizetype offset) const {
    offset = std::clamp<qsizetype>(offset, m_bom, m_text.size());
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const qsizetype start = *(next - 1);
    int column = 1;
    for (qsizetype i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
            ++column; // a UTF-8 lead byte or ASCII: one character
        }
    }
    return {static_cast<int>(next - m_lineStarts.begin()), column};
}

TextPosition JsonPositions::value(const QStringList& path) const {
    const auto found = m_entries.find(joined(path));
    if (found == m_entries.end() || found->second.valueOffset < 0) {
        return {};
    }
    return positionOf(found->second.valueOffset);
}

TextPosition JsonPositions::key(const QStringList& path) const {
    const auto found = m_entries.find(joined(path));
    if (found == m_entries.end() || found->second.keyOffset < 0) {
        return {};
    }
    return positionOf(found->second.keyOffset);
}

QStringList JsonPositions::keysInOrder(const QStringList& path) const {
    const auto found = m_entries.find(joined(path));
    return found == m_entries.end() ? QStringList{} : found->second.keys;
}

} // namespace escdesk::import

#pragma once

// Compact JSON text written value by value, for the outputs that list
// thousands of tickets: the at-risk queue (core/risk/RiskJson.cpp) and the
// problem clusters (core/analysis/AnalysisJson.cpp).

#include "text/FastText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>

namespace escdesk::text {

// Writes compact JSON text as QJsonDocument::toJson(Compact) spells it,
// value by value, without building the document: the clusters of a large
// window list thousands of tickets, and the QJsonObject tree of them, then
// its text, cost a third of the call. The caller gives each object's keys in
// the order QJsonObject keeps them (sorted), and commas follow from
// `first`.
class CompactJsonText {
public:
    QString& text() { return m_text; }

    void beginObject() { open(QLatin1Char('{')); }
    void endObject() { close(QLatin1Char('}')); }
    void beginArray() { open(QLatin1Char('[')); }
    void endArray() { close(QLatin1Char(']')); }

    // A key, ready for its value.
    template <typename Name> CompactJsonText& key(const Name& name) {
        separate();
        m_text += QLatin1Char('"');
        m_text += name; // our keys need no escaping
        m_text += QLatin1String("\":");
        m_afterKey = true;
        return *this;
    }

    void string(const QString& value) {
        separate();
        appendQuoted(value);
    }
    void integer(qint64 value) {
        separate();
        m_text += QString::number(value);
    }
    void number(double value) {
        separate();
        appendNumber(value);
    }
    void boolean(bool value) {
        separate();
        m_text += value ? QLatin1String("true") : QLatin1String("false");
    }
    void null() {
        separate();
        m_text += QLatin1String("null");
    }
    // A value written elsewhere as compact JSON text.
    void raw(const QString& jsonText) {
        separate();
        m_text += jsonText;
    }

private:
    void open(QLatin1Char bracket) {
        separate();
        m_text += bracket;
        m_first = true;
    }
    void close(QLatin1Char bracket) {
        m_text += bracket;
        m_first = false;
        m_afterKey = false;
    }
    // A comma before every value of an array or object but the first; none
    // between a key and its value.
    void separate() {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first) {
            m_text += QLatin1Char(',');
        }
        m_first = false;
    }

    // QJsonValue keeps an integral double below 2^53 as an integer, which
    // the writer spells without exponent or sign of zero ("4000000000000000",
    // "0" for -0.0); other doubles in their shortest form, infinities and
    // NaN as null.
    void appendNumber(double value) {
        if (!std::isfinite(value)) {
            m_text += QLatin1String("null");
        } else if (std::trunc(value) == value && std::abs(value) < 9007199254740992.0) {
            m_text += QString::number(static_cast<qint64>(value));
        } else {
            m_text += shortestNumber(value);
        }
    }

    void appendQuoted(const QString& value) {
        const qsizetype start = m_text.size();
        m_text += QLatin1Char('"');
        const QChar* run = value.constData();
        const QChar* const end = run + value.size();
        for (const QChar* c = run; c != end; ++c) {
            const char16_t u = c->unicode();
            if (u >= 0x20 && u != u'"' && u != u'\\' && !c->isSurrogate()) {
                continue; // written as it is, with the rest of its run
            }
            if (c->isSurrogate()) {
                // Pairs are written as they are, a lone half as \uXXXX:
                // left to Qt's own writer, as rare as it is.
                m_text.truncate(start);
                appendQuotedByQt(value);
                return;
            }
            m_text.append(run, c - run);
            run = c + 1;
            appendEscaped(u);
        }
        m_text.append(run, end - run);
        m_text += QLatin1Char('"');
    }

    void appendEscaped(char16_t u) {
        m_text += QLatin1Char('\\');
        switch (u) {
        case u'"':
        case u'\\':
            m_text += QChar(u);
            break;
        case u'\b':
            m_text += QLatin1Char('b');
            break;
        case u'\f':
            m_text += QLatin1Char('f');
            break;
        case u'\n':
            m_text += QLatin1Char('n');
            break;
        case u'\r':
            m_text += QLatin1Char('r');
            break;
        case u'\t':
            m_text += QLatin1Char('t');
            break;
        default:
            m_text += QLatin1String("u00");
            m_text += QLatin1Char("0123456789abcdef"[u >> 4]);
            m_text += QLatin1Char("0123456789abcdef"[u & 0xf]);
        }
    }

    void appendQuotedByQt(const QString& value) {
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        m_text += QString::fromUtf8(array.mid(1, array.size() - 2));
    }

    QString m_text;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace escdesk::text

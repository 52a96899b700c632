#include "import/TextEncoding.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>

namespace escdesk::import {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80..0x9F. The five undefined
// positions map to the C1 controls of the same value, as browsers do.
constexpr std::array<char16_t, 32> windows1252High{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void appendUtf8(char32_t code, std::string& out) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

void appendWindows1252(std::string_view chunk, std::string& out) {
    for (const char c : chunk) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out.push_back(c);
        } else if (byte < 0xA0) {
            appendUtf8(windows1252High[byte - 0x80], out);
        } else {
            appendUtf8(byte, out);
        }
    }
}

// UTF-16 without a BOM shows as NUL bytes in every other position of
// mostly-ASCII text: odd positions for little endian, even for big endian.
std::optional<TextEncoding> utf16ByNulPattern(const QByteArray& head) {
    const qsizetype pairs = head.size() / 2;
    if (pairs < 4) {
        return std::nullopt;
    }
    qsizetype evenNuls = 0;
    qsizetype oddNuls = 0;
    for (qsizetype i = 0; i + 1 < head.size(); i += 2) {
        evenNuls += head[i] == '\0';
        oddNuls += head[i + 1] == '\0';
    }
    if (oddNuls * 10 >= pairs * 7 && evenNuls * 20 <= pairs) {
        return TextEncoding::Utf16LE;
    }
    if (evenNuls * 10 >= pairs * 7 && oddNuls * 20 <= pairs) {
        return TextEncoding::Utf16BE;
    }
    return std::nullopt;
}

} // namespace

QString textEncodingName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

std::size_t validUtf8Prefix(std::string_view bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t i = 0;
    while (i < size) {
        // ASCII fast path, eight bytes at a time.
        if (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, data + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t minimum = 0;
        char32_t code = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            minimum = 0x80;
            code = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            minimum = 0x800;
            code = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            minimum = 0x10000;
            code = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80) {
                return i;
            }
            code = (code << 6) | (data[i + k] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return size;
}

Utf8Census utf8Census(std::string_view bytes) {
    Utf8Census census;
    while (!bytes.empty()) {
        const std::size_t valid = validUtf8Prefix(bytes);
        for (std::size_t i = 0; i < valid; ++i) {
            // Each lead byte (11xxxxxx) starts one multi-byte sequence.
            census.multibyte += (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0;
        }
        if (valid == bytes.size()) {
            break;
        }
        ++census.stray;
        bytes.remove_prefix(valid + 1);
    }
    return census;
}

QString damagedUtf8Reason(std::string_view text, std::size_t valid) {
    // The text just before the bad byte tells the user where to look.
    const QString before = QString::fromUtf8(text.data(), static_cast<qsizetype>(valid)).right(20);
    const auto byte = static_cast<unsigned char>(text[valid]);
    return QStringLiteral("byte 0x%1 %2is not UTF-8, while the rest of the file is; correct the "
                          "text or export the file again as UTF-8")
        .arg(QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0')),
             before.isEmpty() ? QString() : QStringLiteral("after '%1' ").arg(before));
}

bool isIncompleteUtf8Tail(std::string_view tail) {
    if (tail.empty() || tail.size() > 3) {
        return false;
    }
    const auto lead = static_cast<unsigned char>(tail.front());
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
    } else {
        return false;
    }
    if (tail.size() >= length) {
        return false;
    }
    for (std::size_t k = 1; k < tail.size(); ++k) {
        if ((static_cast<unsigned char>(tail[k]) & 0xC0) != 0x80) {
            return false;
        }
    }
    return true;
}

EncodingGuess guessEncoding(const QByteArray& head, bool wholeFile) {
    EncodingGuess guess;
    if (head.startsWith("\xEF\xBB\xBF")) {
        guess.bomLength = 3;
    } else if (head.startsWith("\xFF\xFE")) {
        return {TextEncoding::Utf16LE, 2, false};
    } else if (head.startsWith("\xFE\xFF")) {
        return {TextEncoding::Utf16BE, 2, false};
    } else if (const auto utf16 = utf16ByNulPattern(head)) {
        return {*utf16, 0, false};
    }
    const std::string_view text(head.constData() + guess.bomLength,
                                static_cast<std::size_t>(head.size() - guess.bomLength));
    if (text.find('\0') != std::string_view::npos) {
        guess.binary = true;
        return guess;
    }
    const std::size_t valid = validUtf8Prefix(text);
    const bool cutAtEnd = !wholeFile && isIncompleteUtf8Tail(text.substr(valid));
    const Utf8Census census = utf8Census(text);
    guess.multibyteUtf8 = census.multibyte > 0;
    if (valid < text.size() && !cutAtEnd) {
        // A legacy export has stray high bytes and (almost) no well-formed
        // sequences; a UTF-8 export with a few damaged bytes has many.
        if (guess.bomLength > 0 || census.multibyte > census.stray) {
            guess.damagedUtf8 = true;
        } else {
            guess.encoding = TextEncoding::Windows1252;
        }
    }
    return guess;
}

Utf8Transcoder::Utf8Transcoder(TextEncoding encoding)
    : m_encoding(encoding)
    , m_decoder(encoding == TextEncoding::Utf16LE   ? QStringConverter::Utf16LE
                : encoding == TextEncoding::Utf16BE ? QStringConverter::Utf16BE
                                                    : QStringConverter::Utf8,
                QStringConverter::Flag::Stateless) {
    if (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE) {
        // Stateful: keeps a code unit or surrogate split across chunks.
        m_decoder = QStringDecoder(encoding == TextEncoding::Utf16LE ? QStringConverter::Utf16LE
                                                                     : QStringConverter::Utf16BE,
                                   QStringConverter::Flag::Default);
    }
}

bool Utf8Transcoder::feed(std::string_view chunk, std::string& out) {
    switch (m_encoding) {
    case TextEncoding::Windows1252:
        appendWindows1252(chunk, out);
        return true;
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE: {
        const QString text =
            m_decoder.decode(QByteArrayView(chunk.data(), static_cast<qsizetype>(chunk.size())));
        const QByteArray utf8 = text.toUtf8();
        out.append(utf8.constData(), static_cast<std::size_t>(utf8.size()));
        return true;
    }
    case TextEncoding::Utf8:
        if (!checkUtf8(chunk)) {
            return false;
        }
        out.append(chunk);
        return true;
    }
    return true;
}

bool Utf8Transcoder::checkUtf8(std::string_view chunk) {
    std::string_view rest = chunk;
    if (!m_pending.empty()) {
        // Complete the sequence cut at the end of the previous chunk.
        while (!rest.empty() && isIncompleteUtf8Tail(m_pending)) {
            m_pending.push_back(rest.front());
            rest.remove_prefix(1);
        }
        if (isIncompleteUtf8Tail(m_pending)) {
            return true; // still cut: the chunk was tiny
        }
        if (validUtf8Prefix(m_pending) != m_pending.size()) {
            return false;
        }
        m_pending.clear();
    }
    const std::size_t valid = validUtf8Prefix(rest);
    if (valid < rest.size()) {
        if (!isIncompleteUtf8Tail(rest.substr(valid))) {
            return false;
        }
        m_pending.assign(rest.substr(valid));
    }
    return true;
}

bool Utf8Transcoder::finish() const {
    if (m_encoding == TextEncoding::Utf8) {
        return m_pending.empty();
    }
    return true;
}

} // namespace escdesk::import

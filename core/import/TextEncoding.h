#pragma once

// Text encodings of CSV exports: what a file's first bytes tell us (BOM,
// UTF-16 by its NUL pattern, UTF-8 validity, else Windows-1252), and a
// streaming transcoder to UTF-8, the one encoding the CSV parser sees.

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <cstddef>
#include <string>
#include <string_view>

namespace escdesk::import {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Windows1252 };

QString textEncodingName(TextEncoding encoding);

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    int bomLength = 0;   // bytes to skip at the start of the file
    bool binary = false; // NUL bytes in a file that is not UTF-16
    // Multi-byte UTF-8 sequences seen: evidence that the file is UTF-8 even
    // if bytes that are not UTF-8 turn up further on.
    bool multibyteUtf8 = false;
    // UTF-8 (a BOM, or more well-formed multi-byte sequences than stray
    // bytes) holding bytes that are not UTF-8: reading the whole file as
    // Windows-1252 would garble its good text, so the rows holding the bad
    // bytes are rejected instead.
    bool damagedUtf8 = false;
};

// Guesses the encoding from the first bytes of a file. `wholeFile` says
// whether `head` is the entire file (then an incomplete UTF-8 sequence at
// its end is an error rather than a cut).
EncodingGuess guessEncoding(const QByteArray& head, bool wholeFile);

// The length of the longest prefix of `bytes` that is valid UTF-8 made of
// complete sequences. A shorter result than bytes.size() means an invalid
// sequence or a sequence cut at the end (see `incompleteTail`).
std::size_t validUtf8Prefix(std::string_view bytes);
// The number of well-formed multi-byte UTF-8 sequences in `bytes`, and of
// bytes outside any well-formed sequence.
struct Utf8Census {
    std::size_t multibyte = 0;
    std::size_t stray = 0;
};
Utf8Census utf8Census(std::string_view bytes);
// Why a field of a damaged UTF-8 file is rejected: "byte 0xFF after 'abc'
// is not UTF-8 ...", where `valid` is validUtf8Prefix(text).
QString damagedUtf8Reason(std::string_view text, std::size_t valid);
// True when the bytes after validUtf8Prefix() are only the start of a
// sequence that more input could complete.
bool isIncompleteUtf8Tail(std::string_view tail);

// Converts chunks of a file in one encoding to UTF-8, keeping state across
// chunk boundaries (a UTF-16 code unit or surrogate pair may be split).
// For UTF-8 input, validates instead and reports the first invalid byte.
class Utf8Transcoder {
public:
    explicit Utf8Transcoder(TextEncoding encoding);

    // Appends the UTF-8 form of `chunk` to `out`. Returns false when UTF-8
    // input turns out not to be valid UTF-8 (the caller re-reads the file as
    // Windows-1252).
    bool feed(std::string_view chunk, std::string& out);
    // For UTF-8 input: validates `chunk` without copying it (the parser reads
    // it in place). False at the first invalid sequence.
    bool checkUtf8(std::string_view chunk);
    // At the end of the input: false when bytes of an incomplete sequence
    // remain.
    bool finish() const;

private:
    TextEncoding m_encoding;
    QStringDecoder m_decoder;
    std::string m_pending; // an incomplete UTF-8 sequence from the last chunk
};

} // namespace escdesk::import

#include "import/CsvReader.h"

#include <QFile>

#include <csv.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <thread>

namespace escdesk::import {

namespace {

constexpr std::int64_t blockSize = 1 << 20;

// libcsv's states between records and inside a field (libcsv.c
// ROW_NOT_BEGUN, FIELD_BEGUN; the state is part of the public struct).
constexpr int rowNotBegun = 0;
constexpr int fieldBegun = 2;

int isBlank(unsigned char c) {
    return c == ' ' ? 1 : 0; // not tab: tab may be the delimiter
}

// Drives libcsv over UTF-8 text and counts lines, which libcsv does not: with
// CSV_REPALL_NL it reports every unquoted CR and LF as a record end (empty
// rows included), and line breaks inside quoted fields are counted in the
// field's bytes. So each record knows the line on which it starts.
class RecordParser {
public:
    RecordParser(char delimiter, const CsvReader::RecordHandler& handler)
        : m_delimiter(delimiter)
        , m_handler(handler) {
        if (csv_init(&m_parser, CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
            throw CsvError(0, QStringLiteral("Out of memory while starting the CSV parser."));
        }
        csv_set_delim(&m_parser, static_cast<unsigned char>(delimiter));
        if (delimiter == '\t') {
            // libcsv trims tabs as blanks by default, which would eat the
            // delimiter; the default test is faster, so keep it otherwise.
            csv_set_space_func(&m_parser, isBlank);
        }
    }
    ~RecordParser() { csv_free(&m_parser); }
    RecordParser(const RecordParser&) = delete;
    RecordParser& operator=(const RecordParser&) = delete;

    // Returns false once the handler asked to stop.
    bool feed(std::string_view text) {
        if (m_stopped || text.empty()) {
            return !m_stopped;
        }
        // libcsv grows a field's buffer by blk_size bytes at a time (128 by
        // default): a 10 MB field meant 80,000 reallocations, quadratic
        // copying where realloc cannot grow in place. Growing by at least
        // the chunk and the buffer so far makes it a few.
        csv_set_blk_size(&m_parser,
                         std::max({m_parser.blk_size, m_parser.entry_size, text.size()}));
        std::size_t at = 0;
        while (at < text.size() && !m_stopped) {
            if (atRecordStart()) {
                if (const auto end = readPlainRecord(text, at)) {
                    at = *end;
                    continue;
                }
                m_arena.clear(); // what the attempt unescaped
            }
            at = feedLibcsvLine(text, at);
        }
        rethrow();
        return !m_stopped;
    }

    // The end of the input: submits a last record without a line break.
    void finish() {
        if (m_stopped) {
            return;
        }
        // libcsv reports an open quote at the end only in strict mode, which
        // would also refuse a stray quote inside an unquoted field (5" disk):
        // check its state instead.
        const bool openQuote = m_parser.pstate == fieldBegun && m_parser.quoted;
        if (openQuote || csv_fini(&m_parser, onField, onRecord, this) != 0) {
            throw CsvError(m_bounds.empty() ? m_line : m_recordLine,
                           QStringLiteral("a quoted field in the record that starts on this line "
                                          "is never closed (a missing \" before the end of the "
                                          "file)"));
        }
        rethrow();
    }

private:
    // Between records, with nothing of the last one pending.
    bool atRecordStart() const { return m_parser.pstate == rowNotBegun && !m_afterCarriageReturn; }

    // Hands libcsv the text from `at` up to and including the next line
    // feed (all of it when there is none): libcsv then ends the record
    // there or is inside a quoted field. Returns where it stopped.
    std::size_t feedLibcsvLine(std::string_view text, std::size_t at) {
        const std::size_t lineFeed = text.find('\n', at);
        const std::size_t end = lineFeed == std::string_view::npos ? text.size() : lineFeed + 1;
        const std::size_t done =
            csv_parse(&m_parser, text.data() + at, end - at, onField, onRecord, this);
        rethrow();
        if (done != end - at && !m_stopped) {
            throw CsvError(m_line, QString::fromUtf8(csv_strerror(csv_error(&m_parser))));
        }
        return end;
    }

    // libcsv takes every byte through a state machine and copies every
    // field twice (into its buffer, then ours): 40 % of reading a large
    // export. Most records are plain — fields either unquoted without
    // quotes, line breaks or blanks at their ends (which libcsv trims), or
    // quoted and followed at once by the delimiter or the line's end — and
    // read here with the fields in place. A record that is anything else,
    // or not complete in `text`, is left to libcsv (nullopt), so what each
    // record reads as is libcsv's, tests/core/tst_csvreader.cpp checks both.
    // Returns the position after the record's line break.
    std::optional<std::size_t> readPlainRecord(std::string_view text, std::size_t at) {
        m_plain.clear();
        m_arena.clear();
        if (text[at] == '\n' || text[at] == '\r') {
            return std::nullopt; // an empty row: libcsv counts its line
        }
        std::int64_t lineBreaksInFields = 0;
        for (;;) {
            if (at >= text.size()) {
                return std::nullopt;
            }
            std::optional<std::size_t> next = text[at] == '"'
                                                  ? readQuotedField(text, at, lineBreaksInFields)
                                                  : readUnquotedField(text, at);
            if (!next) {
                return std::nullopt;
            }
            at = *next;
            // `at` is on the delimiter or the line break after the field.
            if (text[at] == m_delimiter) {
                ++at;
                continue;
            }
            if (text[at] == '\r') {
                if (at + 1 >= text.size() || text[at + 1] != '\n') {
                    return std::nullopt; // a lone CR, or its LF in the next block
                }
                ++at;
            }
            break; // at the line feed
        }
        m_recordLine = m_line;
        m_record.line = m_line;
        m_record.fields.clear();
        for (const PlainField& field : m_plain) {
            m_record.fields.push_back(
                field.inArena ? std::string_view(m_arena).substr(field.offset, field.length)
                              : text.substr(field.offset, field.length));
        }
        m_line += lineBreaksInFields + 1;
        deliver();
        return at + 1;
    }

    // An unquoted field without quotes, CRs or blanks at its ends, up to
    // the delimiter or the line break; nullopt for anything else.
    std::optional<std::size_t> readUnquotedField(std::string_view text, std::size_t at) {
        std::size_t end = at;
        while (end < text.size()) {
            const char c = text[end];
            if (c == m_delimiter || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                return std::nullopt; // a literal quote: libcsv's rules
            }
            ++end;
        }
        if (end == text.size()) {
            return std::nullopt;
        }
        if (end > at && (isTrimmed(text[at]) || isTrimmed(text[end - 1]))) {
            return std::nullopt;
        }
        m_plain.push_back({false, at, end - at});
        return end;
    }

    // A quoted field ("" for a quote) followed at once by the delimiter or
    // a line break; nullopt for anything else.
    std::optional<std::size_t> readQuotedField(std::string_view text, std::size_t at,
                                               std::int64_t& lineBreaks) {
        const std::size_t start = at + 1;
        std::size_t close = start;
        bool doubledQuotes = false;
        for (;;) {
            close = text.find('"', close);
            if (close == std::string_view::npos || close + 1 >= text.size()) {
                return std::nullopt;
            }
            if (text[close + 1] != '"') {
                break;
            }
            doubledQuotes = true;
            close += 2;
        }
        const char after = text[close + 1];
        if (after != m_delimiter && after != '\n' && after != '\r') {
            return std::nullopt;
        }
        const std::string_view content = text.substr(start, close - start);
        lineBreaks += std::count(content.begin(), content.end(), '\n');
        if (!doubledQuotes) {
            m_plain.push_back({false, start, content.size()});
        } else {
            const std::size_t offset = m_arena.size();
            for (std::size_t i = 0; i < content.size(); ++i) {
                m_arena += content[i];
                i += content[i] == '"' ? 1 : 0; // the second of a pair
            }
            m_plain.push_back({true, offset, m_arena.size() - offset});
        }
        return close + 1;
    }

    bool isTrimmed(char c) const { return c == ' ' || (c == '\t' && m_delimiter != '\t'); }

    void rethrow() {
        if (m_failure) {
            std::rethrow_exception(std::exchange(m_failure, nullptr));
        }
    }

    static void onField(void* data, std::size_t length, void* self) {
        auto* parser = static_cast<RecordParser*>(self);
        parser->m_afterCarriageReturn = false;
        if (parser->m_stopped) {
            return;
        }
        if (parser->m_bounds.empty()) {
            parser->m_recordLine = parser->m_line;
        }
        parser->m_bounds.emplace_back(parser->m_arena.size(), length);
        if (length > 0) {
            const auto* bytes = static_cast<const char*>(data);
            parser->m_arena.append(bytes, length);
            // Line breaks inside a quoted field.
            for (const char* at = bytes;
                 (at = static_cast<const char*>(std::memchr(at, '\n', length - (at - bytes))));
                 ++at) {
                ++parser->m_line;
            }
        }
    }

    static void onRecord(int terminator, void* self) {
        auto* parser = static_cast<RecordParser*>(self);
        const bool empty = parser->m_bounds.empty();
        if (!empty && !parser->m_stopped) {
            parser->submit();
        }
        parser->m_arena.clear();
        parser->m_bounds.clear();
        // CR LF is one line break: the LF after a CR (an empty row to
        // libcsv) is not counted again.
        if (terminator == '\r') {
            ++parser->m_line;
            parser->m_afterCarriageReturn = true;
        } else if (terminator == '\n') {
            if (!(empty && parser->m_afterCarriageReturn)) {
                ++parser->m_line;
            }
            parser->m_afterCarriageReturn = false;
        }
    }

    void submit() {
        m_record.line = m_recordLine;
        m_record.fields.clear();
        for (const auto& [offset, length] : m_bounds) {
            m_record.fields.emplace_back(m_arena.data() + offset, length);
        }
        deliver();
    }

    void deliver() {
        // A byte-order mark at the start of a line (exports pasted together
        // by a tool that writes one each time) is not part of the first value.
        constexpr std::string_view byteOrderMark = "\xEF\xBB\xBF";
        if (!m_record.fields.empty() && m_record.fields.front().starts_with(byteOrderMark)) {
            m_record.fields.front().remove_prefix(byteOrderMark.size());
        }
        // Exceptions must not cross libcsv's C frames: keep and rethrow.
        try {
            if (!m_handler(m_record)) {
                m_stopped = true;
            }
        } catch (...) {
            m_failure = std::current_exception();
            m_stopped = true;
        }
    }

    struct PlainField {
        bool inArena = false; // unescaped into m_arena, else in place in the text
        std::size_t offset = 0;
        std::size_t length = 0;
    };

    csv_parser m_parser{};
    char m_delimiter;
    std::vector<PlainField> m_plain;
    const CsvReader::RecordHandler& m_handler;
    std::string m_arena;
    std::vector<std::pair<std::size_t, std::size_t>> m_bounds;
    CsvRecord m_record;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 1;
    bool m_afterCarriageReturn = false;
    bool m_stopped = false;
    std::exception_ptr m_failure;
};

// SHA-256 through OpenSSL, which uses the CPU's SHA extensions: on a large
// export it is several times faster than QCryptographicHash.
class Sha256 {
public:
    Sha256()
        : m_context(EVP_MD_CTX_new()) {
        if (!m_context || EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1) {
            throw CsvError(0, QStringLiteral("Cannot start SHA-256 (OpenSSL)."));
        }
    }
    ~Sha256() { EVP_MD_CTX_free(m_context); }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void add(std::string_view bytes) { EVP_DigestUpdate(m_context, bytes.data(), bytes.size()); }
    QByteArray hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_context, digest, &length);
        return QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length))
            .toHex();
    }

private:
    EVP_MD_CTX* m_context;
};

// The SHA-256 of a file, computed on a thread of its own from a second
// reading of the file (from the page cache), so the parse does not wait for
// it. Destroying it before result() stops the thread.
class BackgroundSha256 {
public:
    explicit BackgroundSha256(const QString& path)
        : m_thread([this, path] { run(path); }) {}
    ~BackgroundSha256() {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    BackgroundSha256(const BackgroundSha256&) = delete;
    BackgroundSha256& operator=(const BackgroundSha256&) = delete;

    QByteArray result() {
        m_thread.join();
        if (!m_error.isEmpty()) {
            throw CsvError(0, m_error);
        }
        return m_hex;
    }

private:
    void run(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("Cannot open %1: %2").arg(path, file.errorString());
            return;
        }
        Sha256 hash;
        std::string block(static_cast<std::size_t>(blockSize), '\0');
        while (!m_stop.load(std::memory_order_relaxed)) {
            const qint64 got = file.read(block.data(), blockSize);
            if (got < 0) {
                m_error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
                return;
            }
            if (got == 0) {
                m_hex = hash.hex();
                return;
            }
            hash.add(std::string_view(block.data(), static_cast<std::size_t>(got)));
        }
    }

    std::atomic<bool> m_stop{false};
    QByteArray m_hex;
    QString m_error;
    std::thread m_thread;
};

QByteArray readHead(const QString& path, std::int64_t sampleBytes, bool& wholeFile) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw CsvError(0, QStringLiteral("Cannot open %1: %2").arg(path, file.errorString()));
    }
    QByteArray head = file.read(sampleBytes);
    wholeFile = file.atEnd();
    return head;
}

std::string headAsUtf8(const QByteArray& head, const EncodingGuess& guess, bool wholeFile) {
    const std::string_view bytes(head.constData() + guess.bomLength,
                                 static_cast<std::size_t>(head.size() - guess.bomLength));
    std::string text;
    if (guess.encoding == TextEncoding::Utf8 && guess.damagedUtf8) {
        text.assign(bytes); // the importer rejects the rows with bad bytes
    } else if (guess.encoding == TextEncoding::Utf8) {
        // The sample may end inside a sequence: keep the valid part.
        text.assign(bytes.substr(0, validUtf8Prefix(bytes)));
    } else {
        Utf8Transcoder transcoder(guess.encoding);
        transcoder.feed(bytes, text);
    }
    if (!wholeFile) {
        // Drop the last (possibly cut) line.
        const std::size_t lastNewline = text.rfind('\n');
        text.resize(lastNewline == std::string::npos ? 0 : lastNewline + 1);
    }
    return text;
}

struct Trial {
    char delimiter = ',';
    std::vector<std::vector<std::string>> records;
    std::vector<std::int64_t> lines;
    std::size_t modeCount = 0;   // the most frequent number of fields
    std::size_t modeRecords = 0; // how many records have it
};

Trial tryDelimiter(const std::string& text, char delimiter, bool wholeFile) {
    constexpr std::size_t maxRecords = 50;
    Trial trial;
    trial.delimiter = delimiter;
    const CsvReader::RecordHandler handler = [&trial](const CsvRecord& record) {
        std::vector<std::string> fields;
        fields.reserve(record.fields.size());
        for (const std::string_view field : record.fields) {
            fields.emplace_back(field);
        }
        trial.records.push_back(std::move(fields));
        trial.lines.push_back(record.line);
        return trial.records.size() < maxRecords;
    };
    RecordParser parser(delimiter, handler);
    try {
        if (parser.feed(text) && wholeFile) {
            parser.finish();
        }
    } catch (const CsvError&) {
        // An unterminated quote under this delimiter: judged on the rest.
    }
    std::map<std::size_t, std::size_t> histogram;
    for (const auto& record : trial.records) {
        ++histogram[record.size()];
    }
    for (const auto& [count, records] : histogram) {
        if (records > trial.modeRecords ||
            (records == trial.modeRecords && count > trial.modeCount)) {
            trial.modeCount = count;
            trial.modeRecords = records;
        }
    }
    return trial;
}

bool isBlankText(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

} // namespace

QString delimiterName(char delimiter) {
    switch (delimiter) {
    case ',':
        return QStringLiteral("comma");
    case ';':
        return QStringLiteral("semicolon");
    case '\t':
        return QStringLiteral("tab");
    case '|':
        return QStringLiteral("pipe");
    default:
        return QString(QLatin1Char(delimiter));
    }
}

CsvReader::CsvReader(const QString& path, const CsvDialect& dialect)
    : m_path(path)
    , m_dialect(dialect) {}

void CsvReader::read(const RecordHandler& handler) {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw CsvError(0, QStringLiteral("Cannot open %1: %2").arg(m_path, file.errorString()));
    }
    m_fileSize = file.size();
    std::optional<BackgroundSha256> hash;
    if (m_computeSha256) {
        hash.emplace(m_path);
    }
    Utf8Transcoder transcoder(m_dialect.encoding);
    RecordParser parser(m_dialect.delimiter, handler);
    // A small file needs no 1 MiB block (the preview and detection read
    // small files often).
    std::string block(static_cast<std::size_t>(std::clamp<std::int64_t>(m_fileSize, 1, blockSize)),
                      '\0');
    std::string utf8;
    std::int64_t position = 0;
    bool more = true;
    while (more) {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            throw ReadCancelled{};
        }
        const qint64 got = file.read(block.data(), static_cast<qint64>(block.size()));
        if (got < 0) {
            throw CsvError(0, QStringLiteral("Cannot read %1: %2").arg(m_path, file.errorString()));
        }
        if (got == 0) {
            break;
        }
        std::string_view bytes(block.data(), static_cast<std::size_t>(got));
        if (position == 0) {
            bytes.remove_prefix(std::min<std::size_t>(bytes.size(), m_dialect.bomLength));
        }
        position += got;
        std::string_view text;
        if (m_dialect.encoding == TextEncoding::Utf8) {
            if (!m_dialect.damagedUtf8 && !transcoder.checkUtf8(bytes)) {
                throw NotUtf8{};
            }
            text = bytes; // parsed in place
        } else {
            utf8.clear();
            transcoder.feed(bytes, utf8);
            text = utf8;
        }
        more = parser.feed(text);
        if (m_progress) {
            m_progress(position, m_fileSize);
        }
    }
    if (more) {
        if (!m_dialect.damagedUtf8 && !transcoder.finish()) {
            throw NotUtf8{};
        }
        parser.finish();
        if (hash) {
            m_sha256Hex = hash->result();
        }
    }
}

CsvSniff sniffCsv(const QString& path, std::int64_t sampleBytes) {
    bool wholeFile = false;
    const QByteArray head = readHead(path, sampleBytes, wholeFile);
    CsvSniff sniff;
    const EncodingGuess guess = guessEncoding(head, wholeFile);
    sniff.dialect.encoding = guess.encoding;
    sniff.dialect.bomLength = guess.bomLength;
    sniff.dialect.damagedUtf8 = guess.damagedUtf8;
    sniff.multibyteUtf8 = guess.multibyteUtf8;
    if (guess.binary) {
        sniff.binary = true;
        return sniff;
    }
    const std::string text = headAsUtf8(head, guess, wholeFile);
    if (isBlankText(text)) {
        // A first line longer than the sample is not "empty": sample more.
        sniff.empty = wholeFile;
        if (!wholeFile) {
            return sniffCsv(path, sampleBytes * 4);
        }
        return sniff;
    }
    Trial best;
    for (const char delimiter : {',', ';', '\t', '|'}) {
        Trial trial = tryDelimiter(text, delimiter, wholeFile);
        // More consistent records win; among equals, more fields.
        const bool better =
            trial.modeCount > 1 &&
            (best.modeCount <= 1 || trial.modeRecords > best.modeRecords ||
             (trial.modeRecords == best.modeRecords && trial.modeCount > best.modeCount));
        if (better || best.records.empty()) {
            best = std::move(trial);
        }
    }
    sniff.dialect.delimiter = best.delimiter;
    sniff.singleColumn = best.modeCount <= 1;
    sniff.records = std::move(best.records);
    sniff.recordLines = std::move(best.lines);
    return sniff;
}

} // namespace escdesk::import

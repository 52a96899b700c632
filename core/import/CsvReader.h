#pragma once

// Streaming RFC 4180 reading on libcsv: quoted fields, doubled quotes,
// embedded delimiters and line breaks, CRLF or LF. The file is read in
// blocks and transcoded to UTF-8 on the way, so memory does not grow with
// its size. Each record is reported with the line on which it starts.

#include "import/TextEncoding.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace escdesk::import {

// How a file is written: its encoding and field delimiter.
struct CsvDialect {
    TextEncoding encoding = TextEncoding::Utf8;
    int bomLength = 0;
    char delimiter = ',';
    // UTF-8 with damaged bytes (EncodingGuess::damagedUtf8): the reader
    // passes them through and the importers reject the rows holding them.
    bool damagedUtf8 = false;
};

QString delimiterName(char delimiter);

// One record, fields as UTF-8 (valid only during the handler call).
struct CsvRecord {
    std::int64_t line = 0; // 1-based line of the file on which the record starts
    std::vector<std::string_view> fields;
};

// A file that cannot be read as CSV at all: the import refuses it.
class CsvError : public std::runtime_error {
public:
    CsvError(std::int64_t line, const QString& message)
        : std::runtime_error(message.toStdString())
        , m_line(line) {}
    std::int64_t line() const { return m_line; } // 0 when not tied to a line
    QString message() const { return QString::fromUtf8(what()); }

private:
    std::int64_t m_line;
};

// Thrown when the cancel flag is raised during a read.
struct ReadCancelled {};

// Thrown when a file read as UTF-8 turns out to hold bytes that are not
// UTF-8 past the part examined by detection; read it again as Windows-1252.
struct NotUtf8 {};

class CsvReader {
public:
    using RecordHandler = std::function<bool(const CsvRecord&)>; // false stops the read
    using ProgressHandler = std::function<void(std::int64_t bytesRead, std::int64_t totalBytes)>;

    CsvReader(const QString& path, const CsvDialect& dialect);

    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    // Also computes the SHA-256 of the file's bytes while reading (on a
    // second thread that reads the file again, from the page cache).
    void setComputeSha256(bool on) { m_computeSha256 = on; }

    // Reads from the start; throws CsvError (unreadable file, a quoted field
    // never closed), ReadCancelled or NotUtf8.
    void read(const RecordHandler& handler);

    // Lowercase hex SHA-256 of the whole file (after a complete read).
    const QByteArray& sha256Hex() const { return m_sha256Hex; }
    std::int64_t fileSize() const { return m_fileSize; }

private:
    QString m_path;
    CsvDialect m_dialect;
    ProgressHandler m_progress;
    const std::atomic<bool>* m_cancel = nullptr;
    bool m_computeSha256 = false;
    QByteArray m_sha256Hex;
    std::int64_t m_fileSize = 0;
};

// What detection finds in the first part of a file.
struct CsvSniff {
    CsvDialect dialect;
    bool empty = false;         // no bytes, or only a BOM and white space
    bool binary = false;        // NUL bytes in a file that is not UTF-16
    bool singleColumn = false;  // no candidate delimiter splits the lines
    bool multibyteUtf8 = false; // well-formed multi-byte UTF-8 in the sample
    // The first records under the detected dialect (complete records only).
    std::vector<std::vector<std::string>> records;
    std::vector<std::int64_t> recordLines;
};

// Reads the first `sampleBytes` of the file: encoding (BOM, UTF-16, UTF-8 or
// Windows-1252), then the delimiter among comma, semicolon, tab and pipe that
// splits the first records into the most consistent number of fields.
// Throws CsvError when the file cannot be opened.
CsvSniff sniffCsv(const QString& path, std::int64_t sampleBytes = 256 * 1024);

} // namespace escdesk::import

// The CSV reader: detection of delimiter and encoding, RFC 4180 quoting,
// line numbers of records, streaming across block boundaries, progress,
// cancel and the file's SHA-256.

#include "import/CsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk::import;

Q_DECLARE_METATYPE(escdesk::import::TextEncoding)

namespace {

QString dataFile(const char* name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/") + QLatin1String(name);
}

struct Read {
    std::vector<std::vector<std::string>> records;
    std::vector<std::int64_t> lines;
};

Read readAll(const QString& path, const CsvDialect& dialect) {
    Read read;
    CsvReader reader(path, dialect);
    reader.read([&read](const CsvRecord& record) {
        std::vector<std::string> fields(record.fields.begin(), record.fields.end());
        read.records.push_back(std::move(fields));
        read.lines.push_back(record.line);
        return true;
    });
    return read;
}

Read sniffAndRead(const QString& path) {
    const CsvSniff sniff = sniffCsv(path);
    return readAll(path, sniff.dialect);
}

using Fields = std::vector<std::string>;

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void detectsTheDelimiter_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma") << dataFile("delimiter-comma.csv") << ',';
        QTest::newRow("semicolon") << dataFile("delimiter-semicolon.csv") << ';';
        QTest::newRow("tab") << dataFile("delimiter-tab.tsv") << '\t';
        QTest::newRow("pipe") << dataFile("delimiter-pipe.csv") << '|';
    }

    void detectsTheDelimiter() {
        QFETCH(QString, file);
        QFETCH(char, delimiter);
        const CsvSniff sniff = sniffCsv(file);
        QCOMPARE(sniff.dialect.delimiter, delimiter);
        QVERIFY(!sniff.singleColumn);
        const Read read = readAll(file, sniff.dialect);
        QCOMPARE(read.records.size(), std::size_t(4));
        QCOMPARE(read.records[0], (Fields{"ticket_id", "created_at", "subject"}));
        QCOMPARE(read.records[2], (Fields{"T-2", "2026-03-02 10:30", "Invoice wrong"}));
        QCOMPARE(read.lines, (std::vector<std::int64_t>{1, 2, 3, 4}));
    }

    void detectsTheEncodingAndReadsUtf8_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<TextEncoding>("encoding");
        QTest::addColumn<int>("bom");
        QTest::newRow("utf-8") << dataFile("encoding-utf8.csv") << TextEncoding::Utf8 << 0;
        QTest::newRow("utf-8 bom") << dataFile("encoding-utf8-bom.csv") << TextEncoding::Utf8 << 3;
        QTest::newRow("utf-16le bom")
            << dataFile("encoding-utf16le-bom.csv") << TextEncoding::Utf16LE << 2;
        QTest::newRow("utf-16be bom")
            << dataFile("encoding-utf16be-bom.csv") << TextEncoding::Utf16BE << 2;
        QTest::newRow("utf-16le no bom")
            << dataFile("encoding-utf16le-nobom.csv") << TextEncoding::Utf16LE << 0;
        QTest::newRow("windows-1252")
            << dataFile("encoding-windows1252.csv") << TextEncoding::Windows1252 << 0;
    }

    void detectsTheEncodingAndReadsUtf8() {
        QFETCH(QString, file);
        QFETCH(TextEncoding, encoding);
        QFETCH(int, bom);
        const CsvSniff sniff = sniffCsv(file);
        QCOMPARE(sniff.dialect.encoding, encoding);
        QCOMPARE(sniff.dialect.bomLength, bom);
        QCOMPARE(sniff.dialect.delimiter, ',');
        const Read read = readAll(file, sniff.dialect);
        QCOMPARE(read.records.size(), std::size_t(2));
        // The header's first name has no BOM left in front of it.
        QCOMPARE(read.records[0][0], std::string("ticket_id"));
        // The same text in every encoding: e with diaeresis, a right single
        // quote (0x92 in Windows-1252), e acute, the euro sign (0x80), u umlaut.
        QCOMPARE(QString::fromStdString(read.records[1][2]),
                 QStringLiteral("Zo\u00eb\u2019s caf\u00e9 \u20ac bill"));
        QCOMPARE(QString::fromStdString(read.records[1][3]),
                 QStringLiteral("J\u00fcrgen M\u00fcller"));
    }

    void readsQuotedFieldsWithLineBreaksAndCrlf() {
        const Read read = sniffAndRead(dataFile("quoting-crlf.csv"));
        QCOMPARE(read.records.size(), std::size_t(4));
        // A quoted field keeps its delimiter, its line break and its doubled
        // quotes (as one quote).
        QCOMPARE(read.records[1], (Fields{"T-1", "2026-03-02 09:15", "Login, then crash",
                                          "Line one\r\nLine \"two\""}));
        QCOMPARE(read.records[2], (Fields{"T-2", "2026-03-02 10:30", "Plain", "a\nb\nc"}));
        QCOMPARE(read.records[3], (Fields{"T-3", "2026-03-03 08:00", "\"Quoted\" start", "last"}));
        // T-1 starts on line 2 and spans 2-3; T-2 spans 4-6; line 7 is blank.
        QCOMPARE(read.lines, (std::vector<std::int64_t>{1, 2, 4, 8}));
    }

    void anUnterminatedQuoteAtTheEndIsAnError() {
        try {
            sniffAndRead(dataFile("unterminated.csv"));
            QFAIL("a quoted field open at the end of the file must be an error");
        } catch (const CsvError& error) {
            // The record with the opening quote starts on line 3.
            QCOMPARE(error.line(), std::int64_t(3));
            QVERIFY2(error.message().contains(QLatin1String("never closed")),
                     qPrintable(error.message()));
        }
    }

    void recognisesEmptyBinaryAndSingleColumnFiles() {
        QVERIFY(sniffCsv(dataFile("empty.csv")).empty);
        QVERIFY(sniffCsv(dataFile("binary.csv")).binary);
        QVERIFY(sniffCsv(dataFile("not-csv.txt")).singleColumn);
        QVERIFY(!sniffCsv(dataFile("delimiter-comma.csv")).empty);
    }

    void streamsAcrossBlockBoundaries() {
        // 'é' (C3 A9) placed across the reader's 1 MiB block boundary, and a
        // quoted field with a line break across it too.
        const QString path = m_dir.filePath(QStringLiteral("boundary.csv"));
        QByteArray content = "id,text\n1,";
        content += QByteArray((1 << 20) - content.size() - 1, 'x');
        content += "\xC3\xA9\n2,\"a";
        content += QByteArray((1 << 20) - 3, 'y');
        content += "\nb\"\n3,end\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const CsvSniff sniff = sniffCsv(path);
        QCOMPARE(sniff.dialect.encoding, TextEncoding::Utf8);
        const Read read = readAll(path, sniff.dialect);
        QCOMPARE(read.records.size(), std::size_t(4));
        QVERIFY(read.records[1][1].size() > (1 << 19));
        QCOMPARE(read.records[1][1].substr(read.records[1][1].size() - 3),
                 std::string("x\xC3\xA9"));
        QCOMPARE(read.records[2][1].back(), 'b');
        QCOMPARE(read.records[3], (Fields{"3", "end"}));
        QCOMPARE(read.lines, (std::vector<std::int64_t>{1, 2, 3, 5}));
    }

    void readsPlainAndUnusualRecordsAlike() {
        // Plain records (unquoted fields, or quoted ones followed at once by
        // the delimiter or the line's end) are read in place; any other
        // record the RFC 4180 way as before. Mixed, each reads as it should
        // and starts on its own line.
        const QString path = m_dir.filePath(QStringLiteral("mixed.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,text,n\n"                // line 1, plain
                   "1, padded ,x\n"             // 2, blanks around a value are trimmed
                   "2,\"say \"\"hi\"\"\",y\r\n" // 3, doubled quotes, CRLF
                   "3,5\" disk,z\n"             // 4, a quote inside an unquoted value
                   "\n"                         // 5, an empty row: no record
                   "4,\"two\nlines\",w\n"       // 6-7, a line break in a quoted value
                   "5,\"q\" ,v\n"               // 8, a blank after the closing quote
                   "6,last,\n"                  // 9, an empty last value
                   "7,\"a\",b");                // 10, no line break at the end
        file.close();
        CsvDialect dialect;
        const Read read = readAll(path, dialect);
        QCOMPARE(read.records, (std::vector<Fields>{{"id", "text", "n"},
                                                    {"1", "padded", "x"},
                                                    {"2", "say \"hi\"", "y"},
                                                    {"3", "5\" disk", "z"},
                                                    {"4", "two\nlines", "w"},
                                                    {"5", "q", "v"},
                                                    {"6", "last", ""},
                                                    {"7", "a", "b"}}));
        QCOMPARE(read.lines, (std::vector<std::int64_t>{1, 2, 3, 4, 6, 8, 9, 10}));
        // With tab as the delimiter only spaces are blanks.
        const QString tabs = m_dir.filePath(QStringLiteral("tabs.tsv"));
        QFile tabFile(tabs);
        QVERIFY(tabFile.open(QIODevice::WriteOnly));
        tabFile.write("x\ty\n1\t b\n\t\n");
        tabFile.close();
        dialect.delimiter = '\t';
        const Read tabRead = readAll(tabs, dialect);
        QCOMPARE(tabRead.records, (std::vector<Fields>{{"x", "y"}, {"1", "b"}, {"", ""}}));
    }

    void readsManyPlainRecordsAcrossBlocks() {
        // 100,000 records (2.4 MB) across the reader's 1 MiB blocks: record
        // i holds i, a quoted text with a comma and a doubled quote every
        // seventh record, and a line break in it every 1000th.
        const QString path = m_dir.filePath(QStringLiteral("many.csv"));
        QByteArray content;
        std::vector<Fields> expected;
        std::vector<std::int64_t> lines;
        std::int64_t line = 1;
        for (int i = 0; i < 100000; ++i) {
            const std::string n = std::to_string(i);
            std::string text = "text " + n + ", more";
            std::string quoted = text;
            if (i % 7 == 0) {
                text += " \"x\"";
                quoted += " \"\"x\"\"";
            }
            if (i % 1000 == 0) {
                text += "\nnext";
                quoted += "\nnext";
            }
            content += QByteArray::fromStdString(n + ",\"" + quoted + "\"," + n + "\n");
            expected.push_back({n, text, n});
            lines.push_back(line);
            line += i % 1000 == 0 ? 2 : 1;
        }
        QVERIFY(content.size() > (2 << 20));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Read read = readAll(path, CsvDialect{});
        QCOMPARE(read.records.size(), expected.size());
        QVERIFY(read.records == expected);
        QVERIFY(read.lines == lines);
    }

    void reportsInvalidUtf8BeyondTheSample() {
        // ASCII for the sniffed part, then a Windows-1252 byte further on.
        const QString path = m_dir.filePath(QStringLiteral("late-1252.csv"));
        QByteArray content = "id,text\n";
        for (int i = 0; i < 20000; ++i) {
            content += QByteArray::number(i) + ",plain ascii text row\n";
        }
        content += "20000,caf\xE9\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const CsvSniff sniff = sniffCsv(path, 64 * 1024);
        QCOMPARE(sniff.dialect.encoding, TextEncoding::Utf8);
        QVERIFY_THROWS_EXCEPTION(NotUtf8, readAll(path, sniff.dialect));
    }

    void reportsProgressAndTheSha256() {
        const QString path = dataFile("delimiter-comma.csv");
        CsvReader reader(path, sniffCsv(path).dialect);
        reader.setComputeSha256(true);
        std::int64_t lastRead = 0;
        std::int64_t total = 0;
        reader.setProgressHandler([&](std::int64_t read, std::int64_t size) {
            lastRead = read;
            total = size;
        });
        reader.read([](const CsvRecord&) { return true; });
        QCOMPARE(total, QFileInfo(path).size());
        QCOMPARE(lastRead, total);
        // sha256sum tests/data/import/delimiter-comma.csv
        QCOMPARE(reader.sha256Hex(),
                 QByteArray("5aba2846f9e79f473b754b16563b5f99e5e0807fa2e3da7ebbce314b8f25719c"));
    }

    void stopsWhenCancelled() {
        const QString path = dataFile("delimiter-comma.csv");
        CsvReader reader(path, sniffCsv(path).dialect);
        std::atomic<bool> cancel{true};
        reader.setCancelFlag(&cancel);
        int records = 0;
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, reader.read([&records](const CsvRecord&) {
            ++records;
            return true;
        }));
        QCOMPARE(records, 0);
    }

    void theHandlerCanStopEarly() {
        const QString path = dataFile("delimiter-comma.csv");
        CsvReader reader(path, sniffCsv(path).dialect);
        int records = 0;
        reader.read([&records](const CsvRecord&) { return ++records < 2; });
        QCOMPARE(records, 2);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"

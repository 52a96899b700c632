// The source record hash stored with every imported ticket: it must be
// XXH64 exactly (workspaces keep it from release to release) and must tell
// records apart by their fields, not by how they lie in memory.

#include "import/RecordHash.h"

#include <QTest>

#include <array>
#include <string>
#include <string_view>
#include <vector>

using namespace escdesk::import;

class TestRecordHash : public QObject {
    Q_OBJECT

private slots:
    void isXxh64() {
        // Reference values of XXH64 with seed 0, as published with xxHash
        // and its Python binding ("Nobody inspects…" covers the 32-byte
        // stripes, the 4-byte step and single-byte tail: 39 = 32 + 4 + 3).
        QCOMPARE(Xxh64::of("", 0), 0xEF46DB3751D8E999ULL);
        QCOMPARE(Xxh64::of("a", 0), 0xD24EC4F1A98C6E5BULL);
        QCOMPARE(Xxh64::of("abc", 0), 0x44BC2CF5AD770999ULL);
        QCOMPARE(Xxh64::of("Nobody inspects the spammish repetition", 0), 0xFBCEA83C8A378BF1ULL);
    }

    void fieldBoundariesCount() {
        RecordHash hash(7);
        const std::string joined = "abc";
        const std::array<std::string_view, 2> one{std::string_view(joined).substr(0, 2),
                                                  std::string_view(joined).substr(2)};
        const std::array<std::string_view, 2> other{std::string_view(joined).substr(0, 1),
                                                    std::string_view(joined).substr(1)};
        QVERIFY(hash.of(one, 2) != hash.of(other, 2));
        // An empty last field is a field too.
        const std::array<std::string_view, 3> withEmpty{one[0], one[1], std::string_view()};
        QVERIFY(hash.of(one, 2) != hash.of(withEmpty, 3));
    }

    void sameFieldsSameHashWhereverTheyLie() {
        RecordHash hash(42);
        const std::string together = "T-1Open2026-03-02";
        const std::array<std::string_view, 3> contiguous{std::string_view(together).substr(0, 3),
                                                         std::string_view(together).substr(3, 4),
                                                         std::string_view(together).substr(7)};
        const std::string a = "T-1", b = "Open", c = "2026-03-02";
        const std::array<std::string_view, 3> scattered{a, b, c};
        QCOMPARE(hash.of(contiguous, 3), hash.of(scattered, 3));
    }

    void theSeedStandsForHowTheRecordIsRead() {
        const std::array<std::string_view, 2> record{"T-1", "2026-03-02 09:00"};
        QVERIFY(RecordHash(1).of(record, 2) != RecordHash(2).of(record, 2));
        QCOMPARE(RecordHash(1).of(record, 2), RecordHash(1).of(record, 2));
    }

    void aChangedByteChangesTheHash() {
        RecordHash hash(3);
        std::string text(200, 'x');
        const std::array<std::string_view, 1> before{text};
        const std::uint64_t original = hash.of(before, 1);
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::string changed = text;
            changed[i] = 'y';
            const std::array<std::string_view, 1> after{changed};
            QVERIFY2(hash.of(after, 1) != original, qPrintable(QString::number(i)));
        }
    }

    void aSetFindsWhatWasInsertedOnly() {
        HashSet set;
        std::vector<std::uint64_t> inserted;
        for (std::uint64_t i = 0; i < 5000; ++i) {
            inserted.push_back(Xxh64::of(std::to_string(i), 0));
            set.insert(inserted.back());
        }
        QCOMPARE(set.size(), std::size_t(5000));
        for (const std::uint64_t hash : inserted) {
            QVERIFY(set.contains(hash));
        }
        int found = 0;
        for (std::uint64_t i = 5000; i < 10000; ++i) {
            found += set.contains(Xxh64::of(std::to_string(i), 0)) ? 1 : 0;
        }
        QCOMPARE(found, 0);
    }

    void storedHashesFollowTheStorageOrder() {
        // Stored rows 0..9999 (hash = 1000 + row). The file: rows 3 and 4
        // deleted at the source, row 7 changed (hash 1), a new row (hash 2),
        // the rest in order.
        StoredHashes stored;
        for (std::uint64_t row = 0; row < 10000; ++row) {
            stored.add(1000 + row);
        }
        for (const std::uint64_t hash : {1000, 1001, 1002, 1005, 1006}) {
            QVERIFY(stored.contains(hash));
        }
        QVERIFY(!stored.contains(1)); // row 7 changed
        QVERIFY(!stored.contains(2)); // new
        for (std::uint64_t row = 8; row < 10000; ++row) {
            QVERIFY(stored.contains(1000 + row));
        }
        // Everything was found by looking ahead; no table was built.
        QVERIFY(!stored.indexed());
    }

    void storedHashesAreFoundInAnyOrder() {
        // The same rows listed backwards: each is far from the last one
        // found, so after some misses the table of all hashes answers.
        StoredHashes stored;
        for (std::uint64_t row = 0; row < 10000; ++row) {
            stored.add(1000 + row);
        }
        int found = 0;
        for (std::uint64_t row = 10000; row-- > 0;) {
            found += stored.contains(1000 + row) ? 1 : 0;
        }
        QVERIFY(stored.indexed());
        // Rows 9999 down to 9000 are each more than 8 rows past the cursor
        // (still at row 0): 1000 misses, the threshold for 10,000 stored
        // rows (max(1000, 10000 / 50)); the 1001st miss builds the table,
        // which finds it and every later row.
        QCOMPARE(found, 10000 - 1000);
        QVERIFY(!stored.contains(5));
    }

    // A source of stored hashes 1000 + row for rows 0 .. rows - 1 (rowid
    // row + 1), a block at a time, as a store query gives them; notes
    // being asked again after it has given its last.
    static StoredHashes::Source countingSource(std::uint64_t rows, std::uint64_t& next, int& reads,
                                               bool& askedPastTheEnd) {
        return [rows, &next, &reads, &askedPastTheEnd](std::vector<std::uint64_t>& hashes,
                                                       std::vector<std::int64_t>& rowids,
                                                       std::size_t max) {
            askedPastTheEnd = askedPastTheEnd || (reads > 0 && next == rows);
            ++reads;
            std::size_t count = 0;
            for (; count < max && next < rows; ++count, ++next) {
                hashes.push_back(1000 + next);
                rowids.push_back(static_cast<std::int64_t>(next) + 1);
            }
            return count;
        };
    }

    void streamedHashesFollowTheStorageOrder() {
        // 40,000 stored rows, more than one block of the stream: the file
        // lists them in order but for row 7 (changed, hash 1) and row
        // 20,000 (deleted at the source).
        std::uint64_t next = 0, again = 0;
        int reads = 0, rereads = 0;
        bool pastTheEnd = false, rereadPastTheEnd = false;
        StoredHashes stored;
        stored.streamFrom(countingSource(40000, next, reads, pastTheEnd),
                          countingSource(40000, again, rereads, rereadPastTheEnd), 40000);
        int found = 0;
        for (std::uint64_t row = 0; row < 40000; ++row) {
            if (row == 20000) {
                continue;
            }
            if (stored.contains(row == 7 ? 1 : 1000 + row)) {
                ++found;
                QCOMPARE(stored.foundRowId(), static_cast<std::int64_t>(row) + 1);
            }
        }
        QCOMPARE(found, 40000 - 2);
        QVERIFY(!stored.contains(2)); // a new row, after the last
        QVERIFY(!stored.indexed());
        QCOMPARE(rereads, 0);
        // 40,000 hashes in blocks of 16,384: three reads, the last short.
        QCOMPARE(reads, 3);
        QVERIFY(!pastTheEnd);
    }

    void streamedHashesAreFoundInAnyOrder() {
        // Backwards, as in storedHashesAreFoundInAnyOrder: after 1000 misses
        // (max(1000, 10000 / 50)) the table is built from a second read of
        // all hashes, and finds the rest.
        std::uint64_t next = 0, again = 0;
        int reads = 0, rereads = 0;
        bool pastTheEnd = false, rereadPastTheEnd = false;
        StoredHashes stored;
        stored.streamFrom(countingSource(10000, next, reads, pastTheEnd),
                          countingSource(10000, again, rereads, rereadPastTheEnd), 10000);
        int found = 0;
        for (std::uint64_t row = 10000; row-- > 0;) {
            found += stored.contains(1000 + row) ? 1 : 0;
        }
        QVERIFY(stored.indexed());
        QCOMPARE(found, 10000 - 1000);
        QCOMPARE(stored.foundRowId(), 0); // found by the table: look it up
        QCOMPARE(rereads, 1);             // 10,000 < 16,384: one short read
        QCOMPARE(again, std::uint64_t(10000));
        QVERIFY(!rereadPastTheEnd);
        QVERIFY(!stored.contains(5));
    }
};

QTEST_GUILESS_MAIN(TestRecordHash)
#include "tst_record_hash.moc"

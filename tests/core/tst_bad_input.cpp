// The bad-input catalogue: every kind of broken file a helpdesk export can
// be, with the message the user gets (file, line, column and reason) and
// proof that the store is as it should be afterwards — row counts and a
// SHA-256 of the content before and after.
//
// Three outcomes, as core/import/README.md ("Bad input") says:
// - refused: the file cannot be read as a whole (empty, header only,
//   binary, an unterminated quote, an unknown source zone, a matrix file of a
//   newer version): nothing is written, not even a batch — every table hashes
//   the same as before;
// - rows rejected: the file is readable but some rows are not (ragged rows,
//   damaged UTF-8, duplicate ids, impossible or pre-1970 times, resolved
//   before created, events of unknown tickets): the good rows are imported,
//   each bad row is kept in rejected_rows with line, column and reason, and
//   the data tables hash exactly as after importing only the good rows;
// - read correctly: unusual but valid (UTF-16 without a BOM, Windows-1252,
//   a 10 MB field, 100,000 columns): the data equals that of the same
//   content in plain UTF-8 CSV.

#include "import/HistoryImporter.h"
#include "import/Importer.h"
#include "import/RejectedRows.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

using namespace escdesk;
using namespace escdesk::import;
using escdesk::store::Workspace;

namespace {

const char* const dataTables[] = {"tickets", "ticket_events", "accounts", "known_issues"};

// The workspace every case starts from: three tickets, one event, one
// account, one known issue.
const QByteArray baseTickets = "ticket_id,created_at,subject\n"
                               "T-1,2026-03-02 09:15,Login fails\n"
                               "T-2,2026-03-02 10:30,Invoice wrong\n"
                               "T-3,2026-03-03 08:00,Export slow\n";
const QByteArray baseEvents = "ticket_id,occurred_at,event,from_tier,to_tier\n"
                              "T-1,2026-03-02 10:00,escalated,1,2\n";
const QByteArray baseAccounts = "account_id,name,timezone\nACME,Acme Inc.,Europe/Berlin\n";
const QByteArray baseKnownIssues = "issue_id,title\nKI-1,SSO redirect loop\n";

// Row counts and a SHA-256 over every row of the given tables (in rowid
// order, each value with its type), so that any change shows.
struct StoreState {
    QMap<QString, qint64> counts;
    QByteArray sha256;
    bool operator==(const StoreState&) const = default;
};

// `withSourceHashes` false leaves out tickets.source_hash: it records how a
// file was read (its header, the timestamp forms found in it), so the same
// good row imported from two different files may carry two hashes.
StoreState stateOf(Workspace& workspace, const QStringList& tables, bool withSourceHashes = true) {
    StoreState state;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& table : tables) {
        // Rowid order, or key order for a table WITHOUT ROWID (its scan order).
        const QByteArray sql = "SELECT * FROM \"" + table.toUtf8() + '"';
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(workspace.db().handle(), (sql + " ORDER BY rowid").constData(), -1,
                               &statement, nullptr) != SQLITE_OK &&
            sqlite3_prepare_v2(workspace.db().handle(), sql.constData(), -1, &statement, nullptr) !=
                SQLITE_OK) {
            qFatal("cannot read %s", sql.constData());
        }
        qint64 rows = 0;
        hash.addData(table.toUtf8() + '\n');
        while (sqlite3_step(statement) == SQLITE_ROW) {
            ++rows;
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                if (!withSourceHashes &&
                    qstrcmp(sqlite3_column_name(statement, c), "source_hash") == 0) {
                    continue;
                }
                const int type = sqlite3_column_type(statement, c);
                const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, c));
                const int size = sqlite3_column_bytes(statement, c);
                hash.addData(QByteArray::number(type) + ':' + QByteArray::number(size) + ':');
                hash.addData(QByteArrayView(bytes, size));
            }
        }
        sqlite3_finalize(statement);
        state.counts.insert(table, rows);
    }
    state.sha256 = hash.result().toHex();
    return state;
}

QStringList allTables(Workspace& workspace) {
    QStringList tables;
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(workspace.db().handle(),
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' ORDER BY name",
                       -1, &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        tables << QString::fromUtf8(
            reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    return tables;
}

QStringList dataTableList() {
    QStringList tables;
    for (const char* table : dataTables) {
        tables << QLatin1String(table);
    }
    return tables;
}

struct ExpectedRejection {
    qint64 line;
    QString column;
    QString reason;
};

} // namespace

Q_DECLARE_METATYPE(escdesk::import::ImportKind)

class TestBadInput : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString writeFile(const QByteArray& content, const QString& suffix = QStringLiteral("csv")) {
        const QString path =
            m_dir.filePath(QStringLiteral("input-%1.%2").arg(++m_files).arg(suffix));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

    static ImportResult import(Workspace& workspace, const QString& path, ImportKind kind,
                               const ImportOptions& base = {}) {
        ImportOptions options = base;
        options.kind = kind;
        return importCsv(workspace.db(), path, options);
    }

    std::unique_ptr<Workspace> baseWorkspace() {
        auto workspace = std::make_unique<Workspace>(
            m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_files)));
        import(*workspace, writeFile(baseTickets), ImportKind::Tickets);
        import(*workspace, writeFile(baseEvents), ImportKind::Events);
        import(*workspace, writeFile(baseAccounts), ImportKind::Accounts);
        import(*workspace, writeFile(baseKnownIssues), ImportKind::KnownIssues);
        return workspace;
    }

    // The refusal of `content`: its message is "FILE: [line L, ][column C: ]
    // reason" with every part of `expected`, and no table changed.
    void expectRefusal(const QByteArray& content, ImportKind kind, const QStringList& expected,
                       const ImportOptions& options = {}) {
        auto workspace = baseWorkspace();
        const QStringList tables = allTables(*workspace);
        const StoreState before = stateOf(*workspace, tables);
        const QString path = writeFile(content);
        try {
            import(*workspace, path, kind, options);
            QFAIL("the file should have been refused");
        } catch (const ImportRefused& refused) {
            QVERIFY2(refused.message().startsWith(path + QStringLiteral(": ")),
                     qPrintable(refused.message()));
            for (const QString& part : expected) {
                QVERIFY2(refused.message().contains(part), qPrintable(refused.message()));
            }
        }
        QCOMPARE(stateOf(*workspace, tables), before);
    }

    // Imports `content`; expects its rejected rows to be exactly `rejections`
    // and the data tables to equal those of the base workspace after
    // importing `goodRows` (empty: nothing).
    void expectRejections(const QByteArray& content, ImportKind kind, const QByteArray& goodRows,
                          const std::vector<ExpectedRejection>& rejections) {
        auto expected = baseWorkspace();
        if (!goodRows.isEmpty()) {
            import(*expected, writeFile(goodRows), kind);
        }
        auto workspace = baseWorkspace();
        const ImportResult result = import(*workspace, writeFile(content), kind);
        QCOMPARE(result.rejected, static_cast<std::int64_t>(rejections.size()));
        auto rows = rejectedRowsOf(workspace->db(), result.batch);
        std::erase_if(rows, [](const RejectedRow& row) { return row.warning; });
        QCOMPARE(rows.size(), rejections.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].line, rejections[i].line);
            QCOMPARE(rows[i].column, rejections[i].column);
            QCOMPARE(rows[i].reason, rejections[i].reason);
        }
        QCOMPARE(stateOf(*workspace, dataTableList(), false),
                 stateOf(*expected, dataTableList(), false));
    }

    // Imports `content` and the same rows as plain UTF-8 `equivalent` into
    // two base workspaces: the data must be the same.
    void expectReadLike(const QByteArray& content, const QByteArray& equivalent,
                        TextEncoding encoding) {
        auto workspace = baseWorkspace();
        const ImportResult result = import(*workspace, writeFile(content), ImportKind::Tickets);
        QCOMPARE(result.rejected, 0);
        QCOMPARE(result.dialect.encoding, encoding);
        auto expected = baseWorkspace();
        import(*expected, writeFile(equivalent), ImportKind::Tickets);
        QCOMPARE(stateOf(*workspace, dataTableList(), false),
                 stateOf(*expected, dataTableList(), false));
    }

    static QByteArray cli() { return ESCDESK_CLI; }

private slots:
    // ---- Refused ---------------------------------------------------------------

    void emptyFileIsRefused() {
        expectRefusal({}, ImportKind::Tickets, {QStringLiteral(": the file is empty")});
        expectRefusal("\n  \r\n", ImportKind::Tickets, {QStringLiteral(": the file is empty")});
    }

    void headerOnlyIsRefused() {
        expectRefusal("ticket_id,created_at,subject\n", ImportKind::Tickets,
                      {QStringLiteral(": line 1: the file has a header row but no data rows; "
                                      "nothing to import")});
    }

    void binaryFileIsRefused() {
        // The first bytes of a PNG image.
        expectRefusal(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000100000001008060000"
                                          "001ff3ff61"),
                      ImportKind::Tickets,
                      {QStringLiteral(": the file is binary (it contains NUL bytes), not a CSV "
                                      "text file")});
    }

    void unterminatedQuoteAtTheEndIsRefused() {
        // The record that opens the quote starts on line 3.
        expectRefusal("ticket_id,created_at,subject\n"
                      "T-8,2026-03-02 09:15,fine\n"
                      "T-9,2026-03-02 10:30,\"never closed\n",
                      ImportKind::Tickets,
                      {QStringLiteral(": line 3: a quoted field in the record that starts on this "
                                      "line is never closed")});
    }

    void aTimeZoneThatDoesNotExistIsRefused() {
        ImportOptions options;
        options.sourceZone = QTimeZone("Mars/Olympus");
        QVERIFY(!options.sourceZone.isValid());
        expectRefusal(baseTickets, ImportKind::Tickets,
                      {QStringLiteral(": the source time zone is not a known IANA time zone")},
                      options);
    }

    void aTimeZoneThatDoesNotExistIsAUsageErrorOfTheCli() {
        auto workspace = baseWorkspace();
        const QStringList tables = allTables(*workspace);
        const StoreState before = stateOf(*workspace, tables);
        QProcess process;
        process.start(QString::fromUtf8(cli()),
                      {QStringLiteral("import"), QStringLiteral("--db"), workspace->path(),
                       QStringLiteral("--kind"), QStringLiteral("tickets"),
                       QStringLiteral("--source-tz"), QStringLiteral("Mars/Olympus"),
                       writeFile(baseTickets)});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2); // SPEC §10: usage
        const QString error = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(error.contains(QLatin1String("--source-tz: 'Mars/Olympus' is not a known IANA "
                                              "time zone")),
                 qPrintable(error));
        QCOMPARE(stateOf(*workspace, tables), before);
    }

    void aMatrixFileOfANewerVersionIsRefused() {
        auto workspace = baseWorkspace();
        const QStringList tables = allTables(*workspace);
        const StoreState before = stateOf(*workspace, tables);
        // Line 3 holds the version.
        const QString path = writeFile("{\n  \"format\": \"escalation-desk-matrix\",\n"
                                       "  \"schema_version\": 4,\n  \"tiers\": []\n}\n",
                                       QStringLiteral("json"));
        QProcess process;
        process.start(QString::fromUtf8(cli()), {QStringLiteral("matrix"), QStringLiteral("import"),
                                                 QStringLiteral("--db"), workspace->path(), path});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        const QString error = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(error.contains(path + QStringLiteral(":3")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("the file has schema version 4, written by a newer "
                                              "Escalation Desk (this one reads up to 3)")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("the workspace is unchanged")), qPrintable(error));
        QCOMPARE(stateOf(*workspace, tables), before);
    }

    // ---- Rows rejected ----------------------------------------------------------

    void raggedRowsAreRejected() {
        expectRejections("ticket_id,created_at,subject\n"
                         "T-7,2026-03-02 09:15,ok\n"
                         "T-8,2026-03-02 10:30\n"
                         "T-9,2026-03-02 10:30,too,many\n",
                         ImportKind::Tickets,
                         "ticket_id,created_at,subject\nT-7,2026-03-02 09:15,ok\n",
                         {{3, {}, QStringLiteral("the row has 2 fields; the header row has 3")},
                          {4, {}, QStringLiteral("the row has 4 fields; the header row has 3")}});
    }

    void damagedUtf8RejectsTheRowNotTheText() {
        // Valid UTF-8 (ë, é) with one stray 0xFF: the good row keeps its
        // accents (not read as Windows-1252), the damaged row is rejected.
        expectRejections(
            "ticket_id,created_at,subject\n"
            "T-8,2026-03-02 09:15,Zo\xC3\xAB caf\xC3\xA9\n"
            "T-9,2026-03-02 10:00,bad \xFF byte\n",
            ImportKind::Tickets,
            "ticket_id,created_at,subject\nT-8,2026-03-02 09:15,Zo\xC3\xAB caf\xC3\xA9\n",
            {{3, QStringLiteral("subject"),
              QStringLiteral("byte 0xFF after 'bad ' is not UTF-8, while the rest of "
                             "the file is; correct the text or export the file again "
                             "as UTF-8")}});
    }

    void damagedUtf8PastTheSampleRejectsTheRow() {
        // 12,000 rows of UTF-8 with accents fill the 256 KiB sample; the
        // bad byte comes after it, on line 12,002.
        QByteArray content = "ticket_id,created_at,subject\n";
        for (int i = 0; i < 12000; ++i) {
            content += "T-" + QByteArray::number(i) + ",2026-03-02 09:15,caf\xC3\xA9 subject\n";
        }
        const QByteArray good = content;
        content += "T-bad,2026-03-02 09:15,caf\xE9\n";
        QVERIFY(content.size() > 256 * 1024);
        expectRejections(content, ImportKind::Tickets, good,
                         {{12002, QStringLiteral("subject"),
                           QStringLiteral("byte 0xE9 after 'caf' is not UTF-8, while the rest of "
                                          "the file is; correct the text or export the file again "
                                          "as UTF-8")}});
    }

    void damagedUtf8PastTheSampleOfAHistoryExportRejectsTheRow() {
        // A ServiceNow-style change log: 6,000 changes with an accented
        // group name fill the 256 KiB sample; line 6,002 has a Windows-1252
        // é (0xE9) in its group.
        const HistoryMapping mapping = readHistoryMappingFile(
            QStringLiteral(ESCDESK_TEST_DATA "/import/history/servicenow-incident-log.json"));
        QByteArray content = "number,sys_updated_at,incident_state,u_support_level,"
                             "assignment_group,priority\n";
        for (int i = 0; i < 6000; ++i) {
            content += "INC" + QByteArray::number(100000 + i) +
                       ",2/3/2026 09:00,New,L1,Service D\xC3\xA9sk,3 - Moderate\n";
        }
        content += "INC999999,2/3/2026 09:00,New,L1,Service D\xE9sk,3 - Moderate\n";
        QVERIFY(content.size() > 256 * 1024);
        auto workspace = baseWorkspace();
        ImportOptions options;
        options.dateOrder = DateOrder::DayFirst;
        const ImportResult result =
            importHistoryCsv(workspace->db(), writeFile(content), mapping, options);
        QCOMPARE(result.rows, 6001);
        QCOMPARE(result.rejected, 1);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].line, 6002);
        QCOMPARE(rows[0].column, QStringLiteral("assignment_group"));
        QCOMPARE(rows[0].reason,
                 QStringLiteral("byte 0xE9 after 'Service D' is not UTF-8, while the rest of the "
                                "file is; correct the text or export the file again as UTF-8"));
        // The good rows keep their accents: 3 base tickets + 6,000 cases.
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM tickets"), 6003);
        QCOMPARE(workspace->db().queryInt64(
                     "SELECT count(*) FROM tickets WHERE group_name = 'Service D\xC3\xA9sk'"),
                 6000);
    }

    void duplicateIdsWithinAFileKeepTheFirst() {
        expectRejections("ticket_id,created_at,subject\n"
                         "T-8,2026-03-02 09:15,first\n"
                         "T-8,2026-03-02 09:15,second\n",
                         ImportKind::Tickets,
                         "ticket_id,created_at,subject\nT-8,2026-03-02 09:15,first\n",
                         {{3, QStringLiteral("ticket_id"),
                           QStringLiteral("duplicate ticket_id T-8: the same id is on line 2, "
                                          "which is kept")}});
    }

    void aConflictingRepeatOfAnEventKeepsTheFirst() {
        // Line 3 repeats line 2 exactly (harmless); line 4 has the same
        // identity (ticket, time, event, tiers) with another note, and line
        // 5 repeats line 4 (a repeat of a rejected row is no repeat of the
        // kept one).
        expectRejections("ticket_id,occurred_at,event,from_tier,to_tier,note\n"
                         "T-2,2026-03-02 11:00,escalated,1,2,first\n"
                         "T-2,2026-03-02 11:00,escalated,1,2,first\n"
                         "T-2,2026-03-02 11:00,escalated,1,2,second\n"
                         "T-2,2026-03-02 11:00,escalated,1,2,second\n",
                         ImportKind::Events,
                         "ticket_id,occurred_at,event,from_tier,to_tier,note\n"
                         "T-2,2026-03-02 11:00,escalated,1,2,first\n",
                         {{4, QStringLiteral("event"),
                           QStringLiteral("duplicate event: line 2 has the same ticket, time, "
                                          "event and tiers with other details, and is kept")},
                          {5, QStringLiteral("event"),
                           QStringLiteral("duplicate event: line 2 has the same ticket, time, "
                                          "event and tiers with other details, and is kept")}});
    }

    void aNulBytePastTheSampleRejectsTheRow() {
        // Past the 256 KiB sample, so the file was not called binary; the
        // NUL would cut "broken" short wherever the text is read as C text.
        QByteArray content = "ticket_id,created_at,subject\n";
        for (int i = 0; i < 12000; ++i) {
            content += "T-" + QByteArray::number(i) + ",2026-03-02 09:15,an ordinary subject\n";
        }
        const QByteArray good = content;
        content += QByteArray("T-nul,2026-03-02 09:15,broken") + '\0' + QByteArray("tail\n");
        QVERIFY(content.size() > 256 * 1024);
        expectRejections(content, ImportKind::Tickets, good,
                         {{12002, QStringLiteral("subject"),
                           QStringLiteral("the value holds a NUL byte after 'broken': a text "
                                          "export never does, so the file is damaged here")}});
    }

    void aByteOrderMarkAtTheStartOfADataLineIsNoPartOfTheId() {
        // Two exports pasted together: the second one's mark starts line 3.
        expectReadLike("\xEF\xBB\xBFticket_id,created_at\nT-1,2026-03-02 09:15\n"
                       "\xEF\xBB\xBFT-2,2026-03-02 10:15\n",
                       "ticket_id,created_at\nT-1,2026-03-02 09:15\nT-2,2026-03-02 10:15\n",
                       TextEncoding::Utf8);
    }

    void eventsThatContradictTheirTiersAreRejected() {
        // An escalation that stays at tier 2 and a "bounce" upward.
        expectRejections("ticket_id,occurred_at,event,from_tier,to_tier\n"
                         "T-2,2026-03-02 11:00,escalated,1,2\n"
                         "T-2,2026-03-02 11:30,escalated,2,2\n"
                         "T-2,2026-03-02 12:00,bounced,2,3\n"
                         "T-2,2026-03-02 12:30,bounced,2,1\n",
                         ImportKind::Events,
                         "ticket_id,occurred_at,event,from_tier,to_tier\n"
                         "T-2,2026-03-02 11:00,escalated,1,2\n"
                         "T-2,2026-03-02 12:30,bounced,2,1\n",
                         {{3, QStringLiteral("to_tier"),
                           QStringLiteral("escalated from tier 2 to tier 2: an escalation goes up "
                                          "a tier and a bounce goes down one")},
                          {4, QStringLiteral("to_tier"),
                           QStringLiteral("bounced from tier 2 to tier 3: an escalation goes up a "
                                          "tier and a bounce goes down one")}});
    }

    void timestampsOutOfRangeOrBefore1970AreRejected() {
        expectRejections(
            "ticket_id,created_at\n"
            "T-5,1969-12-31 23:00\n"
            "T-6,2026-02-30 09:15\n"
            "T-7,2026-03-02 25:00\n"
            "T-8,2026-13-01 00:00\n"
            "T-9,0001-01-01 00:00\n",
            ImportKind::Tickets, {},
            {{2, QStringLiteral("created_at"), QStringLiteral("'1969-12-31 23:00' is before 1970")},
             {3, QStringLiteral("created_at"),
              QStringLiteral("'2026-02-30 09:15' is not a valid date and time")},
             {4, QStringLiteral("created_at"),
              QStringLiteral("'2026-03-02 25:00' is not a valid date and time")},
             {5, QStringLiteral("created_at"),
              QStringLiteral("'2026-13-01 00:00' is not a valid date and time")},
             {6, QStringLiteral("created_at"),
              QStringLiteral("'0001-01-01 00:00' is before 1970")}});
    }

    void epochTimesOutOfRangeAreRejected() {
        // A column of epoch seconds: 1772445600 is 2026-03-02T10:00:00Z;
        // twenty digits fit no clock; a negative number is no epoch time.
        expectRejections("ticket_id,created_at\n"
                         "T-7,1772445600\n"
                         "T-8,99999999999999999999\n"
                         "T-9,-1\n",
                         ImportKind::Tickets, "ticket_id,created_at\nT-7,2026-03-02T10:00:00Z\n",
                         {{3, QStringLiteral("created_at"),
                           QStringLiteral("'99999999999999999999' is not a valid date and time")},
                          {4, QStringLiteral("created_at"),
                           QStringLiteral("'-1' is not in the column's form epoch seconds")}});
    }

    // The ticket is kept (it identifies itself); its impossible resolution
    // time is not, with a warning.
    void resolvedBeforeCreatedIsStoredWithoutIt() {
        const QByteArray content = "ticket_id,created_at,resolved_at\n"
                                   "T-9,2026-03-05 10:00,2026-03-04 10:00\n";
        expectRejections(content, ImportKind::Tickets,
                         "ticket_id,created_at,resolved_at\nT-9,2026-03-05 10:00,\n", {});
        auto workspace = baseWorkspace();
        const ImportResult result = import(*workspace, writeFile(content), ImportKind::Tickets);
        QCOMPARE(result.warnings, 1);
        const auto rows = rejectedRowsOf(workspace->db(), result.batch);
        QCOMPARE(rows.size(), std::size_t(1));
        QVERIFY(rows[0].warning);
        QCOMPARE(rows[0].line, 2);
        QCOMPARE(rows[0].column, QStringLiteral("resolved_at"));
        QCOMPARE(rows[0].reason, QStringLiteral("resolved_at (2026-03-04T10:00:00Z) is before "
                                                "created_at (2026-03-05T10:00:00Z); stored as "
                                                "empty"));
    }

    void eventsForUnknownTicketsAreRejected() {
        expectRejections("ticket_id,occurred_at,event,from_tier,to_tier\n"
                         "T-2,2026-03-02 11:00,escalated,1,2\n"
                         "T-404,2026-03-02 10:05,escalated,1,2\n",
                         ImportKind::Events,
                         "ticket_id,occurred_at,event,from_tier,to_tier\n"
                         "T-2,2026-03-02 11:00,escalated,1,2\n",
                         {{3, QStringLiteral("ticket_id"),
                           QStringLiteral("no ticket T-404 in the workspace: import its ticket "
                                          "first")}});
    }

    // ---- Read correctly -----------------------------------------------------------

    void utf16WithoutABomIsReadAsUtf16() {
        const QByteArray utf8 = "ticket_id,created_at,subject\nT-9,2026-03-02 09:15,Zo\xC3\xAB "
                                "caf\xC3\xA9 \xE2\x82\xAC\n";
        const QString text = QString::fromUtf8(utf8);
        QByteArray littleEndian;
        QByteArray bigEndian;
        for (const QChar c : text) {
            littleEndian += char(c.unicode() & 0xFF);
            littleEndian += char(c.unicode() >> 8);
            bigEndian += char(c.unicode() >> 8);
            bigEndian += char(c.unicode() & 0xFF);
        }
        expectReadLike(littleEndian, utf8, TextEncoding::Utf16LE);
        expectReadLike(bigEndian, utf8, TextEncoding::Utf16BE);
    }

    void windows1252WithoutMultibyteUtf8IsReadAsWindows1252() {
        // é = 0xE9 and € = 0x80 in Windows-1252.
        expectReadLike(
            "ticket_id,created_at,subject\nT-9,2026-03-02 09:15,caf\xE9 \x80\n",
            "ticket_id,created_at,subject\nT-9,2026-03-02 09:15,caf\xC3\xA9 \xE2\x82\xAC\n",
            TextEncoding::Windows1252);
    }

    void aTenMegabyteFieldIsStoredWhole() {
        const QByteArray description(10 * 1024 * 1024, 'x');
        auto workspace = baseWorkspace();
        const ImportResult result =
            import(*workspace,
                   writeFile("ticket_id,created_at,description\nT-9,2026-03-02 09:15,\"" +
                             description + "\"\nT-10,2026-03-02 09:16,short\n"),
                   ImportKind::Tickets);
        QCOMPARE(result.inserted, 2);
        QCOMPARE(workspace->db().queryInt64(
                     "SELECT length(description) FROM tickets WHERE ticket_id = 'T-9'"),
                 10 * 1024 * 1024);
        QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM tickets WHERE ticket_id = 'T-9' "
                                            "AND description = printf('%.*c', 10485760, 'x')"),
                 1);
    }

    void aHundredThousandColumnsAreKeptAsAttributes() {
        // ticket_id, created_at and 99,998 extra columns c3..c100000.
        QByteArray header = "ticket_id,created_at";
        QByteArray row = "T-9,2026-03-02 09:15";
        for (int c = 3; c <= 100000; ++c) {
            header += ",c" + QByteArray::number(c);
            row += ",v" + QByteArray::number(c);
        }
        auto workspace = baseWorkspace();
        const ImportResult result =
            import(*workspace, writeFile(header + '\n' + row + '\n'), ImportKind::Tickets);
        QCOMPARE(result.inserted, 1);
        store::Statement query =
            workspace->db().prepare("SELECT attributes FROM tickets WHERE ticket_id = 'T-9'");
        QVERIFY(query.step());
        const QJsonObject attributes = QJsonDocument::fromJson(query.text(0).toUtf8()).object();
        QCOMPARE(attributes.size(), 99998);
        QCOMPARE(attributes.value(QLatin1String("c3")).toString(), QStringLiteral("v3"));
        QCOMPARE(attributes.value(QLatin1String("c100000")).toString(), QStringLiteral("v100000"));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"

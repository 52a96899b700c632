// The import preview: the first rows of a file as the import would store
// them, computed without writing — mapped columns, timestamps read in the
// source zone and shown in the display zone, rejected rows with reasons.

#include "import/ImportBatches.h"
#include "import/ImportPreview.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::import;
using escdesk::store::Workspace;

namespace {

QString dataFile(const QString& name) {
    return QStringLiteral(ESCDESK_TEST_DATA "/import/") + name;
}

QString cell(const ImportPreview& preview, std::size_t row, const QString& column) {
    const auto index = preview.columns.indexOf(column);
    if (index < 0) {
        return QStringLiteral("<no column %1>").arg(column);
    }
    return preview.rows.at(row).cells.at(index);
}

std::int64_t count(Workspace& workspace, const char* sql) {
    auto statement = workspace.db().prepare(sql);
    statement.step();
    return statement.int64(0);
}

} // namespace

class TestImportPreview : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void previewShowsRowsAsStored() {
        Workspace workspace(m_dir.filePath(QStringLiteral("preview.escdesk")));
        ImportOptions options;
        options.sourceZone = QTimeZone("Europe/Berlin");
        const ImportPreview preview =
            previewCsv(workspace.db(), dataFile(QStringLiteral("wizard-tickets.csv")), options, 100,
                       QTimeZone::utc());
        QCOMPARE(preview.dialect.delimiter, ',');
        QCOMPARE(preview.headerLine, 1);
        // The canonical columns the file fills, and Region kept as an attribute.
        for (const char* column : {"ticket_id", "created_at", "resolved_at", "priority", "tier",
                                   "escalated", "subject", "attributes"}) {
            QVERIFY2(preview.columns.contains(QLatin1String(column)), column);
        }
        QCOMPARE(preview.rows.size(), 5U);
        QCOMPARE(preview.rejectedRows(), 1); // W-4: no creation time
        QCOMPARE(preview.warnings(), 1);     // W-2's resolved_at

        // W-1: 09:15 and 11:00 in Berlin in March (CET, UTC+1) are 08:15 and
        // 10:00 UTC; Urgent → Critical, T2 → 2, yes → yes.
        QCOMPARE(cell(preview, 0, QStringLiteral("created_at")),
                 QStringLiteral("2026-03-02 08:15"));
        QCOMPARE(cell(preview, 0, QStringLiteral("resolved_at")),
                 QStringLiteral("2026-03-02 10:00"));
        QCOMPARE(cell(preview, 0, QStringLiteral("priority")), QStringLiteral("Critical"));
        QCOMPARE(cell(preview, 0, QStringLiteral("tier")), QStringLiteral("2"));
        QCOMPARE(cell(preview, 0, QStringLiteral("escalated")), QStringLiteral("yes"));
        QCOMPARE(cell(preview, 0, QStringLiteral("attributes")),
                 QStringLiteral("{\"Region\":\"EMEA\"}"));
        QVERIFY(!preview.rows[0].rejected());

        // W-2 (line 3) resolved a day before it was created: stored without
        // its resolution time, with a warning.
        QCOMPARE(preview.rows[1].line, 3);
        QVERIFY(!preview.rows[1].rejected());
        QCOMPARE(preview.rows[1].problems.size(), 1U);
        QVERIFY(preview.rows[1].problems.front().warning);
        QCOMPARE(preview.rows[1].problems.front().column, QStringLiteral("resolved_at"));
        QVERIFY(preview.rows[1].problems.front().reason.contains(
            QStringLiteral("is before created_at")));

        // W-3: 30 March is after the 29 March 2026 switch to CEST (UTC+2):
        // 08:30 → 06:30 UTC; P3 → Medium, L1 → 1, n → no.
        QCOMPARE(cell(preview, 2, QStringLiteral("created_at")),
                 QStringLiteral("2026-03-30 06:30"));
        QCOMPARE(cell(preview, 2, QStringLiteral("priority")), QStringLiteral("Medium"));
        QCOMPARE(cell(preview, 2, QStringLiteral("tier")), QStringLiteral("1"));
        QCOMPARE(cell(preview, 2, QStringLiteral("escalated")), QStringLiteral("no"));

        // W-4 (line 5): its created_at is not a time; the cell shows the source text.
        QCOMPARE(preview.rows[3].line, 5);
        QVERIFY(preview.rows[3].rejected());
        QCOMPARE(preview.rows[3].problems.front().column, QStringLiteral("created_at"));
        QCOMPARE(preview.rows[3].problems.front().value, QStringLiteral("not a date"));
        QCOMPARE(cell(preview, 3, QStringLiteral("created_at")), QStringLiteral("not a date"));

        // W-5 has no Region: no attributes.
        QCOMPARE(cell(preview, 4, QStringLiteral("attributes")), QString());

        // Nothing was written.
        QCOMPARE(count(workspace, "SELECT count(*) FROM tickets"), 0);
        QCOMPARE(count(workspace, "SELECT count(*) FROM import_batches"), 0);
    }

    void previewShowsTimesInTheDisplayZone() {
        Workspace workspace(m_dir.filePath(QStringLiteral("zone.escdesk")));
        ImportOptions options;
        options.sourceZone = QTimeZone("Europe/Berlin");
        const ImportPreview preview =
            previewCsv(workspace.db(), dataFile(QStringLiteral("wizard-tickets.csv")), options, 1,
                       QTimeZone("America/New_York"));
        // maxRows 1: one row. 08:15 UTC on 2 March is 03:15 EST (UTC−5).
        QCOMPARE(preview.rows.size(), 1U);
        QCOMPARE(cell(preview, 0, QStringLiteral("created_at")),
                 QStringLiteral("2026-03-02 03:15"));
    }

    void previewRejectsRaggedAndDuplicateRows() {
        Workspace workspace(m_dir.filePath(QStringLiteral("ragged.escdesk")));
        const ImportPreview ragged = previewCsv(
            workspace.db(), dataFile(QStringLiteral("ragged.csv")), {}, 10, QTimeZone::utc());
        // T-2 on line 3 has two fields under a three-column header.
        QCOMPARE(ragged.rejectedRows(), 1);
        QCOMPARE(ragged.rows[1].line, 3);
        QVERIFY(ragged.rows[1].problems.front().reason.contains(QStringLiteral("2 fields")));
        const ImportPreview duplicate = previewCsv(
            workspace.db(), dataFile(QStringLiteral("duplicate-id.csv")), {}, 10, QTimeZone::utc());
        // T-1 again on line 4: the first (line 2) is kept.
        QCOMPARE(duplicate.rejectedRows(), 1);
        QCOMPARE(duplicate.rows[2].line, 4);
        QVERIFY(duplicate.rows[2].problems.front().reason.contains(QStringLiteral("line 2")));
    }

    void previewRefusesWhatTheImportRefuses() {
        Workspace workspace(m_dir.filePath(QStringLiteral("refused.escdesk")));
        try {
            previewCsv(workspace.db(), dataFile(QStringLiteral("missing-column.csv")), {}, 10,
                       QTimeZone::utc());
            QFAIL("a file without created_at was previewed");
        } catch (const ImportRefused& refused) {
            QCOMPARE(refused.column(), QStringLiteral("created_at"));
        }
    }

    void batchesListNewestFirst() {
        Workspace workspace(m_dir.filePath(QStringLiteral("batches.escdesk")));
        ImportOptions options;
        importCsv(workspace.db(), dataFile(QStringLiteral("ragged.csv")), options);
        importCsv(workspace.db(), dataFile(QStringLiteral("wizard-tickets.csv")), options);
        const auto batches = importBatches(workspace.db());
        QCOMPARE(batches.size(), 2U);
        QCOMPARE(batches[0].file, QStringLiteral("wizard-tickets.csv"));
        // wizard-tickets.csv: 5 rows, W-4 rejected (no creation time), 4 new
        // tickets, W-2 among them without its resolution time (a warning).
        QCOMPARE(batches[0].rows, 5);
        QCOMPARE(batches[0].inserted, 4);
        QCOMPARE(batches[0].rejected, 1);
        QCOMPARE(batches[0].warnings, 1);
        QCOMPARE(batches[0].sha256.size(), 64);
        // ragged.csv: 3 rows, one ragged.
        QCOMPARE(batches[1].file, QStringLiteral("ragged.csv"));
        QCOMPARE(batches[1].inserted, 2);
        QCOMPARE(batches[1].rejected, 1);
    }
};

QTEST_GUILESS_MAIN(TestImportPreview)
#include "tst_import_preview.moc"

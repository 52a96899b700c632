#pragma once

// What a history import (HistoryImporter.h) would derive, without writing:
// the tickets and events of the first cases, and the rows it would reject
// or warn about. The import wizard's mapping editor shows it while a
// mapping is being set up, with a sample of the file's columns and values
// to choose from and a first guess at the mapping.

#include "import/CsvReader.h"
#include "import/HistoryImporter.h"
#include "store/Database.h"

#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace escdesk::import {

struct HistoryPreviewEvent {
    QString time; // "yyyy-MM-dd HH:mm" in the display zone
    QString kind; // escalated, bounced, paused, resumed, resolved, reopened, reassigned
    std::optional<int> fromTier;
    std::optional<int> toTier;
    QString note; // the new group of a reassignment, the status of a status change
};

struct HistoryPreviewTicket {
    QString ticketId;
    QString createdAt; // times "yyyy-MM-dd HH:mm" in the display zone; empty: none
    QString resolvedAt;
    QString closedAt;
    std::optional<int> startTier; // the first known tier
    std::optional<int> tier;      // the latest
    QString status;
    QString priority;
    QString group;
    // The mapping's other ticket fields that have a value: field, value.
    std::vector<std::pair<QString, QString>> fields;
    // What it would keep in tickets.attributes (HistoryImporter.h): key, value.
    std::vector<std::pair<QString, QString>> attributes;
    std::vector<HistoryPreviewEvent> events; // as they would be stored
    std::int64_t changes = 0;                // change rows read for the case
    bool inStore = false;                    // the import would update it
};

struct HistoryPreviewProblem {
    std::int64_t line = 0;
    QString column; // the mapping's entry ("case", "tier", "root_cause"…); empty: the whole row
    QString value;
    QString reason;
    bool warning = false; // the row is kept without this value
};

struct HistoryPreview {
    QString file;
    CsvDialect dialect;
    std::int64_t headerLine = 0;
    QStringList columns; // the header row
    QString timeForm;    // of the change times, as timestampFormName() says it
    std::int64_t rows = 0;
    std::int64_t cases = 0;
    std::vector<HistoryPreviewTicket> tickets;   // the first cases in case id order
    std::vector<HistoryPreviewProblem> problems; // rejections and warnings, by line
    std::int64_t rejectedRows() const;
    std::int64_t warnings() const;
};

// Reads `path` as importHistoryCsv() would and derives the tickets and
// events of its first maxCases cases (in case id order, as the import
// writes them); every rejected row and warning is listed. `db` is only
// read, to tell which tickets are already stored. Throws ImportRefused for
// a file or mapping the import would refuse, ImportCancelled when
// options.cancel is raised.
HistoryPreview previewHistoryCsv(store::Database& db, const QString& path,
                                 const HistoryMapping& mapping, const ImportOptions& options,
                                 int maxCases, const QTimeZone& displayZone);

// The columns of a file and the values its first rows hold, to build a
// mapping from.
struct HistorySample {
    QString file;
    std::int64_t headerLine = 0;
    QStringList columns;
    // Per column: its distinct non-blank values (case-insensitively), in
    // the order first seen, at most the maxValues first.
    std::vector<QStringList> values;
    // Per column: how many distinct values it holds in the sampled rows.
    std::vector<std::int64_t> distinctCounts;
    std::int64_t rows = 0; // sampled data rows
};

// Samples the first rows of `path` (its first 256 KB, at most maxRows
// rows). The header is the first row with the usual number of fields.
// Throws ImportRefused for a file that is not a readable CSV file.
HistorySample sampleHistoryCsv(const QString& path, int maxRows = 1000, int maxValues = 60);

// A first guess at the mapping of a sample, from the column names: a case
// id, a change time, status, tier (support level), group and priority
// columns, the other ticket fields named as in the tickets layout; support
// levels such as "1st" mapped to their tier; statuses that read as waiting,
// resolved or closed listed as such. Roles it cannot guess are left out
// (caseId and time then name no column).
HistoryMapping suggestHistoryMapping(const HistorySample& sample);

// Whether a sample looks like one row per change rather than per ticket:
// a case id and a change time column are guessed and case ids repeat in at
// least a third of the rows.
bool looksLikeChangeLog(const HistorySample& sample);

} // namespace escdesk::import

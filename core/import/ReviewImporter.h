#pragma once

// Imports the weekly review's own records — decisions, actions and checklist
// runs (ReviewLayouts.h) — with the machinery of the other kinds: the file is
// sniffed, its header mapped (a --map mapping file names other columns),
// each value read by the same converter, and the whole file is one
// transaction and one batch; a row that cannot be stored is kept in
// rejected_rows with line, column and reason, and an unreadable optional
// value is stored as empty with a warning.
//
// Sync. Decisions and actions are keyed by their `id` column:
// - an id the workspace gave (a plain number, as an export writes a record
//   typed or numbered here) is that record: exporting, editing the file in a
//   spreadsheet and importing it again updates the records. When the file
//   has created_at and the record numbered so was created at another
//   instant, the row is rejected: it is another workspace's record with the
//   same number (import it with prefixed ids, "B-7", to add it);
// - a number the workspace has not used becomes the new record's number, so
//   an export imported into an empty workspace gives the same numbers;
// - any other id ("ACT-12") is kept as the record's source id, which a
//   re-import finds again; exports write it back.
// A row whose values equal the stored ones changes nothing; a changed row is
// updated and records the batch. A column the file does not have leaves the
// stored value as it is (a new record takes the default: status open,
// created_at the import's instant). The same id twice in a file: the first
// row wins, the later one is rejected naming it.
//
// Checklist runs are keyed by (ticket, item) within the checklist of the
// ticket's latest escalation (ChecklistRuns.h: checklistOfTicket), or of the
// row's from_tier/to_tier when it gives them; the ticket must be in the
// workspace and the item in that checklist (by its id or its text, ignoring
// case). Three shapes:
// - one row per item: `item`, and `done` (true when the column is absent or
//   blank), done_by, done_at, note;
// - one row per ticket with a list column, `items` (a mapping file maps a
//   helpdesk's multi-select field onto it; Jira's repeated columns are
//   joined): the items it names are ticked, an item it does not name is
//   unticked where a tick is stored (a ticket never ticked gets no rows);
// - one row per ticket with one column per item (checkbox fields,
//   ChecklistItemColumn): yes/true/1/x/checked ticks the item, no/false/0/
//   unchecked or blank unticks it as above.
// done_by, done_at and note apply to each item the row ticks. Counts are of
// ticks (inserted, updated, unchanged), rows read and rows rejected.
//
// Values a CSV export made safe for spreadsheets (a leading quote before
// = + - @ or a tab, text/SpreadsheetCell.h) are read back without that
// quote, so an export imports to the same records.

#include "import/Importer.h"

#include <QString>

#include <vector>

namespace escdesk::import {

// A checkbox custom field of a helpdesk export: the source column that
// tells whether the checklist item (its id or text) was done.
struct ChecklistItemColumn {
    QString item;
    QString column;
};

// Where a checklist-runs file from a helpdesk keeps its items, when not in
// the canonical item or items column (options of `escdesk import`).
struct ChecklistColumns {
    std::vector<ChecklistItemColumn> itemColumns; // one checkbox column per item
    QString listColumn; // a multi-select column: every column of that name, joined
};

// Imports one file of kind decisions, actions or checklist-runs (options.kind)
// with options.mapping, options.sourceZone and options.dateOrder as for the
// other kinds. `columns`: checklist runs only; a column they name that the
// file lacks refuses it. Throws ImportRefused, ImportCancelled or
// store::StoreError.
ImportResult importReviewCsv(store::Database& db, const QString& path, const ImportOptions& options,
                             const ChecklistColumns& columns = {});

// The value a spreadsheet-safe export cell stands for: a leading quote
// before = + - @ or a tab is dropped.
QString unquotedSpreadsheetCell(const QString& text);

} // namespace escdesk::import

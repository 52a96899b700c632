#pragma once

// The canonical CSV layouts of the weekly review's own records (issue #21,
// SPEC §4 style: header names case-insensitive, any column order; * required):
//
// - decisions:      id*, decided_on* (YYYY-MM-DD), decision_type*, owner*,
//                   note, ticket_id, root_cause, action_id, created_at
// - actions:        id*, title*, owner*, deadline* (YYYY-MM-DD), status
//                   (open, in_progress, done, dropped), root_cause, cluster,
//                   created_at, closed_at, note
// - checklist runs: ticket_id*, item, done, done_by, done_at, from_tier,
//                   to_tier, note, items
//   One row per ticked item (item: the item's id or text), or one row per
//   ticket from a helpdesk custom field: `items` holds the ticked items as a
//   list (a multi-select field), or options name one column per item (a
//   checkbox field each). ReviewImporter.h says how each is read.
//
// The header stage (HeaderMapping) and the conversion of values
// (RowConverter) read them like the other layouts; ReviewImporter writes
// them. The store column names are those of the tables, for reference.

#include "import/ImportKind.h"
#include "import/TableWriter.h"

namespace escdesk::import {

// The layout of ImportKind::Decisions, Actions or ChecklistRuns.
const Layout& reviewLayoutOf(ImportKind kind);

} // namespace escdesk::import

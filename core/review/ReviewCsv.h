#pragma once

// CSV export of the weekly review's records in the canonical import layouts
// (import/ReviewLayouts.h), so that `escdesk import --kind decisions|actions|
// checklist-runs` reads an export back to the same records: ids as the
// importer matches them (Action::exportId()), dates YYYY-MM-DD, instants ISO
// 8601 UTC ("2026-11-03T09:00:00Z"), done as true/false. RFC 4180, UTF-8,
// CRLF line ends, every field quoted; a cell that a spreadsheet would take
// for a formula is prefixed with a quote (text/SpreadsheetCell.h), which the
// importer drops again. Each returns the number of records written.

#include "store/Database.h"

#include <QIODevice>

#include <cstdint>
#include <optional>

namespace escdesk::review {

// id, decided_on, decision_type, owner, note, ticket_id, root_cause,
// action_id, created_at — by date, then id.
std::int64_t writeDecisionsCsv(store::Database& db, QIODevice& out);
// id, title, owner, deadline, status, root_cause, cluster, created_at,
// closed_at, note — by id.
std::int64_t writeActionsCsv(store::Database& db, QIODevice& out);
// ticket_id, item, done, done_by, done_at, from_tier, to_tier, note — every
// stored tick, or one ticket's (its row), by ticket, transition and item.
std::int64_t writeChecklistRunsCsv(store::Database& db, QIODevice& out,
                                   std::optional<std::int64_t> ticketRow = std::nullopt);

} // namespace escdesk::review

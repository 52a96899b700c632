#pragma once

// Browsing all tickets of a workspace, however many: a filter and a sort give
// the ordered list of ticket row ids in one indexed query, and the display
// rows of any slice of that list come back in one query by primary key. A
// view keeps only the id list and fetches the rows it shows (see
// ui/models/TicketTableModel).

#include "domain/Instant.h"
#include "store/Database.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace escdesk::browse {

enum class TicketColumn {
    TicketId,
    Created,
    Priority,
    Status,
    Tier,
    Escalated,
    Account,
    ProductArea,
    RootCause,
    Assignee,
    Subject,
};

struct TicketFilter {
    // Case-insensitive substring of the ticket id or the subject.
    QString text;
    // Exact values; empty means any.
    QString priority;
    QString status;
    std::optional<int> tier;
    // Escalated as SPEC §7 defines it: an `escalated` event, or without an
    // event log the ticket's own flag.
    bool escalatedOnly = false;
    // Tickets created at or after createdFrom and before createdBefore.
    std::optional<UtcSeconds> createdFrom;
    std::optional<UtcSeconds> createdBefore;

    bool operator==(const TicketFilter&) const = default;
};

struct TicketSort {
    TicketColumn column = TicketColumn::Created;
    bool descending = true;
    bool operator==(const TicketSort&) const = default;
};

// What one line of the ticket table shows.
struct TicketListRow {
    std::int64_t row = 0; // tickets.id
    QString ticketId;
    UtcSeconds createdAt = 0;
    QString priority;
    QString status;
    std::optional<int> tier;
    bool escalated = false;
    QString accountId;
    QString accountName; // empty when the account is not in the workspace
    QString productArea;
    QString rootCause;
    QString assignee;
    QString subject;
};

// The row ids of the tickets matching `filter`, in `sort` order (ties by row
// id in the same direction, so the order is total and stable).
//
// Sorting a million tickets by a column without an index takes a second or
// so; a caller that no longer wants the answer (the user typed on) sets
// `*cancelled` from any thread and gets an empty list back at once.
std::vector<std::int64_t> ticketRowIds(store::Database& db, const TicketFilter& filter,
                                       const TicketSort& sort,
                                       const std::atomic<bool>* cancelled = nullptr);

// The display rows of `rows`, in the same order; ids that no longer exist
// are skipped.
std::vector<TicketListRow> ticketListRows(store::Database& db, std::span<const std::int64_t> rows);

// The values the filter's choices offer, most useful first.
struct TicketFilterChoices {
    QStringList priorities; // Critical, High, Medium, Low first, then others by name
    QStringList statuses;   // by name
    std::vector<int> tiers; // ascending
};
TicketFilterChoices ticketFilterChoices(store::Database& db);

// Whether the workspace has an event log (decides what "escalated" means).
bool hasEventLog(store::Database& db);

} // namespace escdesk::browse

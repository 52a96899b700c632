#pragma once

// Which tickets were open, and not yet escalated, at an instant (issue #17):
// the at-risk queue as of a past instant lists the tickets open then — from
// what was known then — not the tickets open now.

#include "domain/Instant.h"
#include "matrix/TicketAssessment.h"
#include "store/Database.h"

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace escdesk::risk {

// What says when a ticket was open and when it escalated.
struct TicketLifecycle {
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> resolvedAt;
    std::optional<UtcSeconds> closedAt;
    // The status field says solved, resolved or closed (an undated closing).
    bool closedStatus = false;
    // The latest `resolved` and `reopened` events at or before the instant
    // asked about (later ones were not known then).
    std::optional<UtcSeconds> lastResolvedEvent;
    std::optional<UtcSeconds> lastReopenedEvent;
    // The earliest `resolved` event (watchedUntil alone reads it).
    std::optional<UtcSeconds> firstResolvedEvent;
    // Any `resolved` event at all, also after the instant: the closing is dated.
    bool anyResolvedEvent = false;
    bool escalatedFlag = false;
    std::optional<UtcSeconds> escalatedAt;
    std::optional<UtcSeconds> firstEscalatedEvent;
};

// A status that says the ticket is done: solved, resolved or closed.
bool isClosedStatus(const QString& status);

// Open at `asOf`: created at or before it, and its latest resolution or
// reopening at or before it (resolved_at, closed_at, `resolved` and
// `reopened` events; a reopening at the same instant as a resolution comes
// after it) is a reopening, or there is none yet. A ticket whose only sign
// of closing is its status closed at an unknown time: never open.
bool openAt(const TicketLifecycle& ticket, UtcSeconds asOf);

// Escalated at or before `asOf`: its first `escalated` event or its
// escalated_at by then. An escalated flag with neither instant counts as
// escalated at an unknown time: always.
bool escalatedBy(const TicketLifecycle& ticket, UtcSeconds asOf);

// The instant from which the ticket is not open and unescalated at any
// instant asked about, from its lifecycle with every event (lastResolvedEvent
// and lastReopenedEvent the latest of all, firstResolvedEvent the earliest):
// its first escalation, or its closing — the first one when it was never
// reopened, else the last one when no reopening follows it. `stillWatched`
// when it may be open and unescalated at every later instant; its creation
// when it never is.
inline constexpr UtcSeconds stillWatched = std::numeric_limits<std::int64_t>::max();
UtcSeconds watchedUntil(const TicketLifecycle& ticket);

// The rows of the tickets open and not escalated at `asOf`. With the risk
// features kept (RiskFeatureStore.h) only the tickets watched at `asOf`
// are looked at, not every ticket.
std::unordered_set<std::int64_t> openUnescalatedTicketsAt(store::Database& db, UtcSeconds asOf);

// The same among the tickets `candidates` selects (an SQL query of ticket
// rows, ?1 bound to `asOf`; empty: every ticket).
std::unordered_set<std::int64_t> openUnescalatedTicketsAmong(store::Database& db, UtcSeconds asOf,
                                                             std::string_view candidates);

// What the at-risk queue reads of tickets besides their risk features, by
// ticket row: the fields that say whether a ticket is open and unescalated,
// that its SLA clocks use and that the queue shows — ticket id, instants
// (created, first response, resolved, closed, escalated), status, escalated
// flag, priority, subject, account id; the account's id, name and tier —
// and its events' instants, kinds and tiers in canonical order. Every other
// field is left empty (matrix::TicketContextReader reads them all).
using TicketContexts = std::unordered_map<std::int64_t, matrix::TicketContext>;

// The contexts of the tickets `candidates` selects (an SQL query of ticket
// rows, ?1 bound to `asOf`) that were created by `asOf`: two set-based
// reads, one of the tickets and one of their events, for all of them.
TicketContexts slaContextsAmong(store::Database& db, UtcSeconds asOf, std::string_view candidates);

// The same of the tickets open and not escalated at `asOf` among the
// candidates, decided from the contexts as openUnescalatedTicketsAmong
// decides it.
TicketContexts openUnescalatedContextsAmong(store::Database& db, UtcSeconds asOf,
                                            std::string_view candidates);

// A query of these ticket rows, for the functions above.
std::string ticketRowsSql(const std::vector<std::int64_t>& rows);

} // namespace escdesk::risk

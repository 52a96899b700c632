#pragma once

// SLA clocks of one ticket (SPEC §6). Each target runs on the policy's
// business calendar from its start to its stop, skipping paused intervals:
//
// - first response: created_at → first_response_at;
// - resolution: created_at → resolved_at (else closed_at, else the last
//   `resolved` event not followed by a `reopened`);
// - claim (handoff): the first `escalated` event → the first `claimed` event
//   paired with it; only for escalated tickets.
//
// A ticket resolved without the stopping event of a target stops that
// target's clock at the resolution. Pauses run from a `paused` event to the
// next `resumed`; an unresolved ticket whose current status is one the policy
// names as pausing is paused since its latest recorded activity (the export
// has no status history). Everything is evaluated as known at `asOf`: later
// events are ignored and a pause still open at `asOf` has no known end.

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "sla/BusinessCalendar.h"
#include "sla/SlaPolicy.h"

#include <optional>
#include <vector>

namespace escdesk::sla {

// NotStarted: evaluated at an instant before the clock's start (before the
// ticket existed), so nothing has run yet.
enum class ClockStatus { Met, Breached, Running, Paused, NotStarted };

// "met", "breached", "running", "paused", "not_started".
QString clockStatusName(ClockStatus status);

// A clock at or above this share consumed, still running, is at risk.
inline constexpr double atRiskShare = 0.9;

struct TargetClock {
    SlaTarget target = SlaTarget::FirstResponse;
    int targetMin = 0;
    ClockStatus status = ClockStatus::Running;
    UtcSeconds startedAt = 0;
    std::optional<UtcSeconds> stoppedAt;
    double elapsedBusinessMin = 0; // may be fractional: seconds are kept
    double remainingBusinessMin = 0;
    double consumed = 0; // elapsed / target; above 1 once breached
    bool atRisk = false;
    // When the target is (or was) breached; none once met, and none while a
    // pause with no known end holds the clock.
    std::optional<UtcSeconds> breachAt;
};

struct SlaEvaluation {
    QString ticketId;
    QString policy;
    QString calendar;
    std::vector<TargetClock> targets;
};

// When the ticket was resolved: resolved_at, else closed_at; a tickets file
// without either may still have `resolved` events: the last one known at
// `asOf` not undone by a `reopened` (events in time order).
std::optional<UtcSeconds> resolutionOf(const Ticket& ticket, const std::vector<TicketEvent>& events,
                                       UtcSeconds asOf);

// The paused intervals of a ticket as known at `asOf`.
std::vector<Span> pausedSpans(const Ticket& ticket, const std::vector<TicketEvent>& events,
                              const QStringList& pausingStatuses, UtcSeconds asOf);

// One target's clock from `start` to `stop` (none: not stopped yet).
TargetClock evaluateTarget(const CalendarClock& calendar, SlaTarget target, int targetMin,
                           UtcSeconds start, std::optional<UtcSeconds> stop,
                           const std::vector<Span>& pauses, UtcSeconds asOf);

// Every target of `policy` that applies to the ticket at `asOf`.
SlaEvaluation evaluateSla(const Ticket& ticket, const std::vector<TicketEvent>& events,
                          const SlaPolicy& policy, const CalendarClock& calendar, UtcSeconds asOf);

// Whether two status texts name the same status ("Pending customer",
// "pending_customer", "PENDING-CUSTOMER").
bool sameStatus(const QString& a, const QString& b);

} // namespace escdesk::sla

#pragma once

// Time in the severity rules: when a ticket last made progress, and the
// first instant the rules flag it (MatrixEvaluator::firstFlagged).
//
// Progress is something the support side does with the ticket:
// - its creation, and its first response (first_response_at, the agent's
//   first reply);
// - every event of the log but `reassigned`: a tier change (`escalated`,
//   `bounced`), a claim, work started, a decision, a request for more
//   information, and a status change (`paused`, `resumed`, `resolved`,
//   `reopened`).
// Not progress: `reassigned` (moving a ticket to another queue is not work
// on it) and anything the customer does — customer messages are not in the
// event log, so a customer's message never resets the clock.
//
// Time without progress (the rule field minutes_without_progress) is the
// business time from the latest progress at or before the instant to the
// instant, on the calendar of the SLA policy that governs the ticket and
// outside its paused intervals (as the SLA clocks pause: `paused` to
// `resumed`, or a pausing status). It is unknown — the condition does not
// hold — while the ticket is resolved, and when the matrix has no policy or
// calendar for the ticket. A condition "at least N" therefore starts to hold
// exactly at the last progress + N business minutes on that calendar.

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <optional>
#include <vector>

namespace escdesk::matrix {

// The first instant the rules flag a ticket — the first-matching rule gives
// a target tier above 1 — and that rule.
struct RuleFiring {
    UtcSeconds at = 0;
    int ruleIndex = 0;
    friend bool operator==(const RuleFiring&, const RuleFiring&) = default;
};

bool isProgress(EventKind kind);

// The instants of the ticket's progress known at `until` (creation first,
// then in time order; events in any order).
std::vector<UtcSeconds> progressInstants(const Ticket& ticket,
                                         const std::vector<TicketEvent>& events, UtcSeconds until);

// The latest progress at or before `at` (the creation when `at` is earlier).
UtcSeconds lastProgressAt(const Ticket& ticket, const std::vector<TicketEvent>& events,
                          UtcSeconds at);

} // namespace escdesk::matrix

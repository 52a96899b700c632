#pragma once

// The metric outcomes of tickets and escalations (MetricOutcomes.h), kept in
// the workspace (tables ticket_outcomes and escalation_outcomes) so that the
// metrics of a window are a scan of small rows, not a read of every ticket
// and event in it. Outcomes are decided the first time a window needs them
// and kept until what they were decided from changes:
// - a ticket's rows go when the ticket, one of its events or its account
//   changes (triggers in the workspace, so every writer keeps them right);
// - all rows go when the escalation matrix (SLA policies, calendars) changes
//   or the workspace gains or loses its event log.
// An SLA still running when decided is decided again at each read.

#include "metrics/MetricsEngine.h"
#include "store/Database.h"

namespace escdesk::metrics {

struct WindowOutcomes {
    bool hasEventLog = false;
    // Tickets created in the window (ordered by ticket row), with their
    // repeat-issue flags set and their SLA, by the workspace's matrix, as of
    // the instant asked for.
    std::vector<TicketOutcome> tickets;
    // The escalations inside the window.
    std::vector<EscalationOutcome> escalations;

    // Where they came from: the kept rows alone; kept rows after deciding
    // the missing ones; or decided in memory because the workspace could not
    // be written (read-only file, or busy with another writer).
    enum class Source { Kept, Completed, Computed };
    Source source = Source::Kept;

    OutcomeRefs refs() const { return refsTo(tickets, escalations); }
};

// The outcomes of the window, deciding and keeping those not kept yet, with
// the SLA of its tickets as of `slaAsOf` (at or after the times their clocks
// stopped: SLA verdicts are kept once no clock is running). `db` may be a
// read-only connection: outcomes are then written through a connection of
// their own to the same file.
WindowOutcomes loadWindowOutcomes(store::Database& db, const Window& window, UtcSeconds slaAsOf);

} // namespace escdesk::metrics

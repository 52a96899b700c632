#pragma once

// The metric outcomes of tickets and escalations (MetricOutcomes.h), kept in
// the workspace (tables ticket_outcomes and escalation_outcomes) so that the
// metrics of a window are a scan of small rows, not a read of every ticket
// and event in it. The first window that finds some missing decides them for
// every ticket that lacks them, and they are kept until what they were
// decided from changes:
// - a ticket's rows go when the ticket, one of its events or its account
//   changes (triggers in the workspace, so every writer keeps them right);
// - all rows go when the escalation matrix (SLA policies, calendars) changes
//   or the workspace gains or loses its event log.
// An SLA still running when decided is decided again at each read.

#include "metrics/MetricsEngine.h"
#include "store/Database.h"

#include <functional>
#include <memory>

namespace escdesk::metrics {

// Where outcomes came from: the kept rows alone; kept rows after deciding
// the missing ones; or decided in memory because the workspace could not be
// written (read-only file, or busy with another writer).
enum class OutcomeSource { Kept, Completed, Computed };

// Receives the outcomes of a window one at a time: begin() first, with what
// the workspace can measure, then tickets (in creation order), then
// escalations (in time order). A visited outcome is valid only during the
// call.
class OutcomeVisitor {
public:
    virtual ~OutcomeVisitor() = default;
    virtual void begin(bool hasEventLog, const DataCoverage& coverage, OutcomeSource source) = 0;
    virtual void visit(const TicketOutcome& ticket) = 0;
    virtual void visit(const EscalationOutcome& escalation) = 0;

    // A visitor whose sums do not depend on the order of the outcomes may
    // share a large window: helper() gives a fresh one of its kind, which
    // visits the later part on another thread, and join() then takes its
    // sums. Without a helper (the default) everything is visited here.
    virtual std::unique_ptr<OutcomeVisitor> helper() const { return nullptr; }
    virtual void join(OutcomeVisitor&& /*helper*/) {}

    // A visitor whose sums do not depend on the order of the outcomes may
    // also take the outcomes of a whole UTC hour summed (HourSummaries.h),
    // completed (repeat issues counted, running SLA verdicts decided as of
    // the instant asked for), where the workspace keeps them: those hours'
    // outcomes are then not visited one by one. `takesHour` says which
    // hours it can take whole (by default none).
    virtual bool takesHour(std::int64_t /*hour*/) const { return false; }
    virtual void visit(const TicketHourSummary& /*hour*/) {}
    virtual void visit(const EscalationHourSummary& /*hour*/) {}
};

// Visits the outcomes of the window — tickets created in it, with their
// repeat-issue flags set and their SLA, by the workspace's matrix, as of
// `slaAsOf`; escalations inside it — deciding and keeping first those not
// kept yet. SLA verdicts are kept once no clock runs, and hold from the
// ticket's last instant on. `db` may be a read-only connection: outcomes are
// then written through a connection of their own to the same file.
void visitWindowOutcomes(store::Database& db, const Window& window, UtcSeconds slaAsOf,
                         OutcomeVisitor& visitor);

// The outcomes visitWindowOutcomes visits, collected.
struct WindowOutcomes {
    bool hasEventLog = false;
    DataCoverage coverage;
    OutcomeSource source = OutcomeSource::Kept;
    CostParameters costs; // the workspace matrix's rates (MetricInputs.h)
    std::vector<TicketOutcome> tickets;
    std::vector<EscalationOutcome> escalations;

    OutcomeRefs refs() const { return refsTo(tickets, escalations); }
};

WindowOutcomes loadWindowOutcomes(store::Database& db, const Window& window, UtcSeconds slaAsOf);

// The metrics of collected outcomes, with what their workspace can measure,
// priced at its matrix's cost rates.
Metrics computeMetrics(const WindowOutcomes& outcomes, const Window& window);

// Every metric of SPEC §7 over the window, summed as the outcomes come; the
// costs at the workspace matrix's rates.
Metrics metricsOfWindow(store::Database& db, const Window& window, UtcSeconds slaAsOf);

// How far keepMissingOutcomes has come: of the `lacking` tickets that had no
// kept outcomes when it began, `decided` are decided and kept so far. It
// returns false to stop after that round (what is decided stays kept).
using OutcomeProgress = std::function<bool(std::int64_t decided, std::int64_t lacking)>;

// Decides and keeps the outcomes of every ticket that lacks them, as the
// first window read would, telling `progress` before the first round of
// tickets and after each — for a page that shows how far the first read
// after an import has come. Calls nothing when none is missing. `db` may be
// read-only (outcomes are written through a connection of their own).
// Returns whether every ticket's outcomes are kept now: false when stopped,
// or when the workspace cannot be written now (a later read then decides
// the missing ones in memory).
bool keepMissingOutcomes(store::Database& db, UtcSeconds slaAsOf, const OutcomeProgress& progress);

// Whether the kept escalation outcomes (table escalation_outcomes) hold a row
// for every `escalated` event: the complete mark, made with an event log.
// Whatever removes a ticket's rows, or adds a ticket, removes the mark. A
// row's time, ticket and root cause depend neither on the escalation matrix
// nor on the kept format the mark also names, so an older mark still holds
// for them (root causes and clusters read only those).
bool escalationOutcomesComplete(store::Database& db);

} // namespace escdesk::metrics

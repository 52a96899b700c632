#pragma once

// What-if for the escalation matrix: the tickets created in a past period run
// through two matrices side by side — the published one and a draft — to see
// what the draft would have changed before it is published:
//
// - the tickets whose priority or target tier the severity rules would give
//   differently, grouped per pair of rules (published rule → draft rule), with
//   the tickets behind each count;
// - SLA results under each matrix (first response, resolution, claim: met,
//   breached, breach rate), the SLA engine re-run with each matrix's
//   calendars, targets and pausing statuses — the same engine and inputs as
//   the metrics' sla_breach_rate (metrics::readSlas);
// - engineering load under each: the escalations reaching the tier each
//   matrix marks as engineering and the engineer hours of its cost model (the
//   engineering ledger, computeEngineeringLedger).
//
// Priorities: a ticket's priority is the helpdesk's when it gave one and
// otherwise the one the rules give (matrix::priorityOf), so a rule change can
// move a ticket to another SLA policy only when the helpdesk gave none.

#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "sla/SlaPolicy.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace escdesk::analysis {

struct ReplaySlaCounts {
    std::int64_t met = 0;
    std::int64_t breached = 0;
    // breached / (met + breached); empty when neither (SPEC §7: null, not 0).
    std::optional<double> breachRate() const;
};

// What one matrix gives for the period.
struct ReplaySide {
    // Indexed by sla::SlaTarget (FirstResponse, Resolution, Claim). Targets
    // still running or paused at the evaluation instant count in neither.
    std::array<ReplaySlaCounts, 3> sla;
    std::int64_t engineeringEscalations = 0;
    double engineerHours = 0.0;

    const ReplaySlaCounts& slaOf(sla::SlaTarget target) const {
        return sla[static_cast<std::size_t>(target)];
    }
};

// A ticket the two matrices' rules treat differently.
struct ReplayChangedTicket {
    std::int64_t row = 0; // tickets.id, for drill-down
    QString ticketId;
    QString priorityPublished; // the rules' priority; empty when no rule fired
    QString priorityDraft;
    std::optional<int> tierPublished; // the rules' target tier
    std::optional<int> tierDraft;
    QString rulePublished; // the rule that fired; empty when none
    QString ruleDraft;
};

// The changed tickets of one pair of rules (an empty name: no rule fired).
struct ReplayRuleShift {
    QString rulePublished;
    QString ruleDraft;
    std::vector<std::int64_t> rows; // the tickets behind the count, in creation order
    std::vector<QString> ticketIds; // the same, as helpdesk ids
    std::int64_t count() const { return static_cast<std::int64_t>(rows.size()); }
};

// The tickets whose verdict on one SLA target differs between the matrices.
struct ReplaySlaShift {
    std::vector<std::int64_t> metToBreached; // rows, in creation order
    std::vector<std::int64_t> breachedToMet;
    std::vector<QString> metToBreachedIds; // the same, as helpdesk ids
    std::vector<QString> breachedToMetIds;
};

// A ticket the draft's rules flag before the published ones would have (or
// before it was actually escalated).
struct ReplayFlaggedEarlier {
    std::int64_t row = 0;
    QString ticketId;
    double minutesEarlier = 0.0;
};

struct MatrixReplay {
    Window window;
    std::int64_t tickets = 0; // created in the window
    ReplaySide published;
    ReplaySide draft;
    std::vector<ReplayChangedTicket> changedTickets; // in creation order
    std::vector<ReplayRuleShift> ruleShifts;         // most tickets first, ties by names
    // Indexed by sla::SlaTarget, like ReplaySide::sla.
    std::array<ReplaySlaShift, 3> slaShifts;
    // Set only when the rules can tell when they first flag a ticket.
    std::optional<std::vector<ReplayFlaggedEarlier>> flaggedEarlier;
};

struct ReplayOptions {
    Window window;
    // SLA clocks and SLA-consumed rule conditions are read as of this instant
    // (normally now; at most the data's end makes no difference for settled
    // tickets).
    UtcSeconds asOf = 0;
    // Polled between tickets; replay stops early (with partial results) when
    // it returns true.
    std::function<bool()> cancelled;
};

MatrixReplay replayMatrix(store::Database& db, const matrix::Matrix& published,
                          const matrix::Matrix& draft, const ReplayOptions& options);

// SPEC §10 `matrix replay --json`: {"period", "published", "draft",
// "changed_tickets", "flagged_earlier"}; `period` is given by the caller.
QJsonObject replayJson(const MatrixReplay& replay, const QJsonObject& period);

// The replay in sentences and small tables a manager reads.
QString replayText(const MatrixReplay& replay);

} // namespace escdesk::analysis

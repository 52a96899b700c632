#pragma once

// What a workspace's data can measure at all (issue #16). A figure that
// needs information the data never holds is not measurable — null with a
// reason — rather than 0: a log without a support level says nothing about
// escalations, and a history export that never records claims says nothing
// about claim delay. Read once per read of the metrics, from cheap indexed
// queries, and applied where the metrics are finished
// (MetricsAccumulator::finish), so every surface says the same.

#include <QString>

namespace escdesk::store {
class Database;
}

namespace escdesk::metrics {

struct DataCoverage {
    // Any tier or escalation information: an `escalated` or `bounced` event,
    // or a ticket with a tier, a start tier, an escalated flag or an
    // escalation instant. Without it no escalation figure can be measured.
    bool tiers = true;
    // Whether the event kinds some figures pair with occur at all (they
    // matter only in a workspace with an event log).
    bool claims = true;       // `claimed`: claim delay
    bool starts = true;       // `started`: handoff delay
    bool decisions = true;    // `decision`: decision latency
    bool infoRequests = true; // `info_requested`: context loss

    bool operator==(const DataCoverage&) const = default;
};

// The coverage of the workspace as it is now (a few EXISTS queries; a scan
// of the tickets only when no event carries a tier).
DataCoverage workspaceCoverage(store::Database& db);

// The reasons a figure is not measurable, in words a support lead reads.
QString noTierReason();
QString noClaimsReason();
QString noStartsReason();
QString noDecisionsReason();
QString noInfoRequestsReason();

struct Metrics;

// Marks every figure of `m` the coverage cannot measure: its value emptied,
// its key (SPEC §7 key, or "key.part" for one part of an object) mapped to
// the reason in m.unavailable. Event kinds count only with an event log
// (without one those figures already need it). Missing tiers take over every
// escalation figure's reason.
void markUnmeasurable(Metrics& m, const DataCoverage& coverage, bool hasEventLog);

} // namespace escdesk::metrics

#include "metrics/DataCoverage.h"

#include "metrics/MetricsEngine.h"
#include "store/Database.h"

namespace escdesk::metrics {

namespace {

// Each on the index of events by kind: a seek, whatever the log's size.
constexpr const char* eventKindsSql =
    "SELECT EXISTS (SELECT 1 FROM ticket_events WHERE event = 'escalated'), "
    "EXISTS (SELECT 1 FROM ticket_events WHERE event = 'bounced'), "
    "EXISTS (SELECT 1 FROM ticket_events WHERE event = 'claimed'), "
    "EXISTS (SELECT 1 FROM ticket_events WHERE event = 'started'), "
    "EXISTS (SELECT 1 FROM ticket_events WHERE event = 'decision'), "
    "EXISTS (SELECT 1 FROM ticket_events WHERE event = 'info_requested')";

// A ticket that says anything about its tier or escalation. Run only when no
// event does: it stops at the first such ticket, and scans them all only in
// the workspace that has none.
constexpr const char* ticketTiersSql =
    "SELECT EXISTS (SELECT 1 FROM tickets WHERE tier IS NOT NULL OR escalated IS NOT NULL "
    "OR escalated_at IS NOT NULL OR start_tier IS NOT NULL)";

// Every figure about escalations: none can be measured without tiers.
constexpr const char* escalationKeys[] = {
    "escalated",
    "escalation_rate",
    "time_to_escalate_min",
    "claim_delay_min",
    "handoff_delay_min",
    "decision_latency_min",
    "critical_decisions_within_30m",
    "bounceback_rate",
    "context_loss_rate",
    "escalations_per_escalated_ticket",
    "reescalated_share",
    "deflection_rate",
    "resolution_time_min.escalated",
    "resolution_time_min.not_escalated",
    "sla_breach_rate.escalated",
    "time_at_tier_min",
    "repeat_issue_rate",
    "csat.escalated",
    "csat.not_escalated",
    "cost.escalation_handling",
    "cost.engineering_interruptions",
};

void mark(Metrics& m, const char* key, const QString& reason) {
    m.unavailable[QString::fromLatin1(key)] = reason;
}

} // namespace

DataCoverage workspaceCoverage(store::Database& db) {
    DataCoverage coverage;
    store::Statement kinds = db.prepare(eventKindsSql);
    kinds.step();
    const bool escalations = kinds.int64(0) != 0;
    const bool bounces = kinds.int64(1) != 0;
    coverage.claims = kinds.int64(2) != 0;
    coverage.starts = kinds.int64(3) != 0;
    coverage.decisions = kinds.int64(4) != 0;
    coverage.infoRequests = kinds.int64(5) != 0;
    coverage.tiers = escalations || bounces || db.queryInt64(ticketTiersSql) != 0;
    return coverage;
}

QString noTierReason() {
    return QStringLiteral("no ticket has a tier or an escalation: map a support-level column to "
                          "measure escalations");
}

QString noClaimsReason() {
    return QStringLiteral("no claimed events in the workspace: claims are not recorded in this "
                          "data");
}

QString noStartsReason() {
    return QStringLiteral("no started events in the workspace: the start of work after a "
                          "handoff is not recorded in this data");
}

QString noDecisionsReason() {
    return QStringLiteral("no decision events in the workspace: decisions are not recorded in "
                          "this data");
}

QString noInfoRequestsReason() {
    return QStringLiteral("no info_requested events in the workspace: requests for more "
                          "information are not recorded in this data");
}

void markUnmeasurable(Metrics& m, const DataCoverage& coverage, bool hasEventLog) {
    if (!coverage.tiers) {
        for (const char* key : escalationKeys) {
            mark(m, key, noTierReason());
        }
        m.escalated = 0;
        m.escalationRate.reset();
        m.timeToEscalateMin = {};
        m.claimDelayMin = {};
        m.unclaimed = 0;
        m.handoffDelayMin = {};
        m.decisionLatencyMin = {};
        m.criticalDecisionsWithin30m.reset();
        m.bouncebackRate.reset();
        m.contextLossRate.reset();
        m.escalationsPerEscalatedTicket.reset();
        m.reescalatedShare.reset();
        m.deflectionRate.reset();
        m.resolutionTimeMin.escalated = {};
        m.resolutionTimeMin.notEscalated = {};
        m.slaBreachRateEscalated.reset();
        m.timeAtTierMin = {};
        m.repeatIssueRate.reset();
        m.csat.escalated.reset();
        m.csat.notEscalated.reset();
        m.costEscalationHandling.reset();
        m.costEngineeringInterruptions.reset();
        return;
    }
    if (!hasEventLog) {
        return;
    }
    if (!coverage.claims) {
        mark(m, "claim_delay_min", noClaimsReason());
        m.claimDelayMin = {};
        m.unclaimed = 0;
    }
    if (!coverage.starts) {
        mark(m, "handoff_delay_min", noStartsReason());
        m.handoffDelayMin = {};
    }
    if (!coverage.decisions) {
        mark(m, "decision_latency_min", noDecisionsReason());
        mark(m, "critical_decisions_within_30m", noDecisionsReason());
        m.decisionLatencyMin = {};
        m.criticalDecisionsWithin30m.reset();
    }
    if (!coverage.infoRequests) {
        mark(m, "context_loss_rate", noInfoRequestsReason());
        m.contextLossRate.reset();
    }
}

} // namespace escdesk::metrics

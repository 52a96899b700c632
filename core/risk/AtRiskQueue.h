#pragma once

// The at-risk queue (issue #7): open tickets not yet escalated, ranked by
// escalation risk, each with the reasons it needs attention —
// - the risk model flags it, or puts it in the human-review band;
// - an SLA clock has ≥ 90% of its target consumed: running and at risk
//   (SPEC §6), or already breached while the ticket is still open;
// - its account is filing tickets far above its own baseline (AccountSurge).
// Tickets with none of these are left out unless every open ticket is asked for.

#include "risk/AccountSurge.h"
#include "risk/RiskModel.h"
#include "sla/SlaEngine.h"
#include "store/Database.h"

#include <optional>
#include <vector>

namespace escdesk::risk {

struct AtRiskReason {
    enum class Kind { EscalationRisk, SlaClock, AccountSurge };
    Kind kind = Kind::EscalationRisk;
    QString text; // "SLA resolution 94% consumed, breaches at …"
};

// "escalation_risk", "sla", "account_surge".
QString reasonKindName(AtRiskReason::Kind kind);

struct AtRiskEntry {
    std::int64_t row = 0;
    QString ticketId;
    QString subject;
    QString accountId;
    QString accountName;
    QString priority;
    QString status;
    UtcSeconds createdAt = 0;
    RiskScore risk;
    std::vector<sla::TargetClock> slaAtRisk; // at risk, or breached and still open
    double slaConsumed = 0.0;                // the highest share of a clock still counting
    std::optional<AccountSurge> surge;       // when the account is flagged
    std::vector<AtRiskReason> reasons;
};

struct AtRiskQueue {
    UtcSeconds asOf = 0;
    std::int64_t openTickets = 0;     // open and not escalated
    std::vector<AtRiskEntry> entries; // highest risk first
    double reviewFrom = 0.0;
    double flagFrom = 0.0;
    bool modelTrained = false; // trained for this call rather than read from settings
    // Why the risk model could not be trained (RiskModel::cannotTrain): no
    // ticket then has an escalation-risk reason or a risk score to show, and
    // reviewFrom / flagFrom mean nothing. Empty when it was.
    QString riskUnavailable;
};

struct AtRiskOptions {
    bool everyOpenTicket = false; // include tickets without a reason
    bool saveModel = true;        // keep a newly trained model in the settings
};

AtRiskQueue buildAtRiskQueue(store::Database& db, UtcSeconds asOf,
                             const AtRiskOptions& options = {});

// The same from tickets already read with loadRiskData (with the sentiment
// scorer of the matrix's escalation keywords), for a caller that needs them
// for something else too.
AtRiskQueue buildAtRiskQueue(store::Database& db, const RiskData& data, const QStringList& keywords,
                             UtcSeconds asOf, const AtRiskOptions& options = {});

} // namespace escdesk::risk

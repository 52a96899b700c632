#pragma once

// One ticket's early-warning picture (issue #7), as the ticket detail and
// `escdesk risk --ticket` show it: its escalation risk with the features
// behind it, the sentiment of its subject, description and event notes with
// the words that drove it, and the pre-escalation verification.

#include "risk/PreEscalation.h"
#include "risk/RiskModel.h"
#include "risk/Sentiment.h"
#include "store/Database.h"

#include <optional>

namespace escdesk::risk {

struct TicketRisk {
    QString ticketId;
    RiskScore score;
    Sentiment sentiment;
    PreEscalationCheck verification;
    RiskModel model;
    bool modelTrained = false; // trained for this call rather than read
    QString withheld;          // why no score is shown (scoresWithheldFor)
};

// None when the workspace has no ticket with this id.
std::optional<TicketRisk> assessTicketRisk(store::Database& db, const QString& ticketId,
                                           bool saveModel = true, bool retrain = false);

} // namespace escdesk::risk

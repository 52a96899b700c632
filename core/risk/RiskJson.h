#pragma once

// JSON of the early-warning results, as `escdesk risk` and `escdesk at-risk`
// print them. Rates are fractions, instants ISO 8601 UTC.

#include "risk/AtRiskQueue.h"
#include "risk/PreEscalation.h"
#include "risk/RiskValidation.h"
#include "risk/Sentiment.h"

#include <QJsonObject>

namespace escdesk::risk {

QJsonObject sentimentJson(const Sentiment& sentiment);
QJsonObject riskScoreJson(const RiskScore& score, const RiskModel& model);
QJsonObject evaluationJson(const HeldOutEvaluation& evaluation);
QJsonObject preEscalationJson(const PreEscalationCheck& check);
QJsonObject atRiskJson(const AtRiskQueue& queue);

} // namespace escdesk::risk

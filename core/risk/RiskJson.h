#pragma once

// JSON of the early-warning results, as `escdesk risk` and `escdesk at-risk`
// print them. Rates are fractions, instants ISO 8601 UTC.

#include "risk/AtRiskQueue.h"
#include "risk/PreEscalation.h"
#include "risk/RiskValidation.h"
#include "risk/Sentiment.h"

#include <QJsonObject>

#include <optional>

namespace escdesk::risk {

QJsonObject sentimentJson(const Sentiment& sentiment);
// `withheld`: why the score is not shown (scoresWithheldFor); the score's
// fields are then null and "unavailable" says why.
QJsonObject riskScoreJson(const RiskScore& score, const RiskModel& model,
                          const QString& withheld = {});
QJsonObject evaluationJson(const HeldOutEvaluation& evaluation);
QJsonObject preEscalationJson(const PreEscalationCheck& check);
QJsonObject atRiskJson(const AtRiskQueue& queue);

// The same as compact JSON text, as QJsonDocument::toJson(Compact) gives it
// (with "as_of_follows_data" when given), written directly: for the
// thousands of tickets of a large workspace's queue without the document.
QString atRiskJsonText(const AtRiskQueue& queue, std::optional<bool> asOfFollowsData = {});

} // namespace escdesk::risk

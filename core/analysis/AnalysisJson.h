#pragma once

// JSON forms of the analyses for `escdesk … --json` and for other tools.

#include "analysis/ProblemClusters.h"
#include "analysis/RootCauses.h"
#include "analysis/SegmentAnalysis.h"
#include "analysis/Trend.h"

#include <QJsonObject>

namespace escdesk::analysis {

QJsonObject segmentAnalysisToJson(const SegmentAnalysis& analysis);
QJsonObject trendToJson(const Trend& trend);
QJsonObject rootCausesToJson(const RootCauseAnalysis& analysis);
QJsonObject clustersToJson(const ClusterAnalysis& analysis, const QTimeZone& zone);

// The scalar series a trend chart plots: key → value per period.
std::vector<std::pair<QString, std::vector<std::optional<double>>>> trendSeries(const Trend& trend);

} // namespace escdesk::analysis

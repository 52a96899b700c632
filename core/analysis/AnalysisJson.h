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
// The text of QJsonDocument(clustersToJson(…) with `extra`'s keys added)
// .toJson(Compact), written without building the document.
QString clustersJsonText(const ClusterAnalysis& analysis, const QTimeZone& zone,
                         const QJsonObject& extra);

// The scalar series a trend chart plots: key → value per period.
std::vector<std::pair<QString, std::vector<std::optional<double>>>> trendSeries(const Trend& trend);

} // namespace escdesk::analysis

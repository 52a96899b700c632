#pragma once

// The JSON form of the metrics, with exactly the key names of SPEC §7 and the
// shapes of SPEC §10: durations as {"mean","p50","p90","n"}, null for a value
// that cannot be computed, and the reason in "unavailable".

#include "metrics/MetricsEngine.h"

#include <QJsonObject>

namespace escdesk::metrics {

QJsonObject metricsToJson(const Metrics& metrics);
QJsonObject durationToJson(const DurationStats& stats);

} // namespace escdesk::metrics

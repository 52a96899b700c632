#pragma once

// Cutting a date range into calendar weeks (Monday to Sunday) or months in
// the reporting time zone, for trend series.

#include "domain/Instant.h"

#include <QDate>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace escdesk::analysis {

enum class Granularity { Week, Month };

std::optional<Granularity> parseGranularity(const QString& name);
QString granularityName(Granularity granularity);

struct TrendPeriod {
    QDate firstDay;
    QDate endDay; // exclusive
    Window window;
    bool partial = false; // cut short by the end of the range
};

// The first day of the week (Monday) or month that contains `day`.
QDate periodStart(const QDate& day, Granularity granularity);

// The periods that overlap [fromDay, toDay): the first starts at the start of
// fromDay's week or month, the last may be partial (ends at toDay).
std::vector<TrendPeriod> trendPeriods(const QDate& fromDay, const QDate& toDay,
                                      Granularity granularity, const QTimeZone& zone);

} // namespace escdesk::analysis

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
    QDate firstDay; // the range's first day for a period it starts inside
    QDate endDay;   // exclusive
    Window window;
    bool startsLate = false; // the range starts after the week's or month's first day
    bool endsEarly = false;  // the range ends before the week's or month's last day
    bool partial = false;    // either: never compared as a whole period
};

// The first day of the week (Monday) or month that contains `day`.
QDate periodStart(const QDate& day, Granularity granularity);

// The periods that cut [fromDay, toDay) into weeks or months: the first
// starts at fromDay, the last ends at toDay, each partial where it is only a
// part of its week or month — so additive figures of the periods sum to
// those of the range.
std::vector<TrendPeriod> trendPeriods(const QDate& fromDay, const QDate& toDay,
                                      Granularity granularity, const QTimeZone& zone);

} // namespace escdesk::analysis

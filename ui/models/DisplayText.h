#pragma once

// How core values read on screen: dates in the reporting zone, tiers, event
// names, numbers and rates. Formatting only — no arithmetic on metrics.

#include "domain/EventKind.h"
#include "domain/Instant.h"
#include "metrics/Vocabulary.h"

#include <QColor>
#include <QString>

#include <optional>

namespace escdesk::ui::display {

// "2026-11-26 09:30" in `zone`: fixed width so a column of them aligns.
QString dateTime(UtcSeconds instant, const QTimeZone& zone);
QString dateTime(const std::optional<UtcSeconds>& instant, const QTimeZone& zone);
// "Tier 2", "Management" for tier 4, empty when unknown.
QString tier(const std::optional<int>& tier);
// "Escalated", "Info requested", ...
QString eventName(EventKind kind);
// "1,234" in the user's locale.
QString count(std::int64_t value);
// "12.3%", or an em dash for a null rate.
QString percent(const std::optional<double>& fraction, int decimals = 1);
// A duration in minutes as it reads best: "42 min", "3.5 h", "2.1 d"; an
// em dash when empty.
QString minutes(const std::optional<double>& minutes);
// Hours with one decimal: "12.5 h".
QString hours(double hours);
// A signed change of minutes: "+12 min", "−1.5 h".
QString signedMinutes(double minutes);
// A signed difference of two fractions in percentage points: "+1.7 pts".
QString signedPoints(double fractionDifference, int decimals = 1);
// A signed number of percentage points as given: "+6.5 pts".
QString signedPointValue(double points, int decimals = 1);
// A p-value: "0.003", "< 0.001", an em dash when empty.
QString pValue(const std::optional<double>& p);
// A sum of money without decimals: "1,250,000".
QString amount(double value);
// A short date range: "1 Nov – 26 Nov 2026".
QString dateRange(const QDate& first, const QDate& last);

// A term of the vocabulary (metrics/Vocabulary.h), translated: its name,
// its one-sentence definition.
QString termName(const metrics::Term& term);
QString termDefinition(const metrics::Term& term);
// The definitions of the counts a metric is over, for its tooltip: empty
// for a metric over all tickets.
QString populationDefinition(const QString& metricKey);

QColor priorityColour(const QString& priority);
QColor escalatedColour();

// Imported text (subjects, names, notes, file names) is shown through
// ShownText.h, never formatted here.

} // namespace escdesk::ui::display

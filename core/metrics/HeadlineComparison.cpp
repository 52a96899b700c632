#include "metrics/HeadlineComparison.h"

namespace escdesk::metrics {

CountChange countChange(std::int64_t current, std::int64_t previous) {
    CountChange change;
    change.difference = current - previous;
    if (previous != 0) {
        change.relative = static_cast<double>(change.difference) / static_cast<double>(previous);
    }
    return change;
}

HeadlineComparison compareHeadline(store::Database& db, PeriodPreset preset,
                                   const DateRange& currentDates, const QTimeZone& zone) {
    HeadlineComparison comparison;
    comparison.currentDates = currentDates;
    comparison.previousDates = previousPeriod(preset, currentDates);
    if (!currentDates.isValid()) {
        return comparison;
    }
    const DataCoverage coverage = workspaceCoverage(db);
    comparison.current = headlineFigures(db, windowOf(currentDates, zone), coverage);
    comparison.previous = headlineFigures(db, windowOf(comparison.previousDates, zone), coverage);
    comparison.tickets = countChange(comparison.current.tickets, comparison.previous.tickets);
    comparison.escalated = countChange(comparison.current.escalated, comparison.previous.escalated);
    if (comparison.current.escalationRate && comparison.previous.escalationRate) {
        comparison.rateChange =
            *comparison.current.escalationRate - *comparison.previous.escalationRate;
    }
    return comparison;
}

} // namespace escdesk::metrics

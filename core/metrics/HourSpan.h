#pragma once

// Whole UTC hours, the unit the kept outcome packs (OutcomePacks.h) and the
// kept segment counts (SegmentRollup.h) are stored by.

#include "domain/Instant.h"
#include "store/Database.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace escdesk::metrics {

inline constexpr std::int64_t secondsPerHour = 3600;

// The UTC hours [first, end), counted from the epoch.
struct HourSpan {
    std::int64_t first = 0;
    std::int64_t end = 0;

    bool empty() const { return first >= end; }
    UtcSeconds from() const { return first * secondsPerHour; }
    UtcSeconds to() const { return end * secondsPerHour; }
};

// The whole hours inside a window; an empty span when it holds none. Hours
// from the epoch on only: SQLite's integer division truncates, so
// instant / 3600 is the hour only for instants from 1970 on.
inline HourSpan wholeHoursOf(const Window& window) {
    const UtcSeconds from = std::max<UtcSeconds>(window.from, 0);
    HourSpan span;
    span.first = (from + secondsPerHour - 1) / secondsPerHour;
    span.end = window.to > 0 ? window.to / secondsPerHour : 0;
    return span.empty() ? HourSpan{} : span;
}

// The runs of consecutive hours of `span` missing from `presentHours`, a
// query whose first column lists the hours of the span that are kept, in
// ascending order (bound and ready to step).
inline std::vector<HourSpan> missingHourRuns(const HourSpan& span, store::Statement& presentHours) {
    std::vector<HourSpan> runs;
    std::int64_t next = span.first;
    while (presentHours.step()) {
        const std::int64_t hour = presentHours.int64(0);
        if (hour > next) {
            runs.push_back({next, hour});
        }
        next = hour + 1;
    }
    if (next < span.end) {
        runs.push_back({next, span.end});
    }
    return runs;
}

} // namespace escdesk::metrics

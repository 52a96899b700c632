#pragma once

// Escalation rate per segment against the overall rate (SPEC §8): which
// account tiers, segments, product areas… escalate more than the rest, and
// whether the difference is more than noise.

#include "analysis/Significance.h"
#include "metrics/Segmentation.h"
#include "store/Database.h"

#include <optional>
#include <vector>

namespace escdesk::analysis {

inline constexpr double significanceLevel = 0.05;
// A segment with fewer tickets is never called significantly above, whatever
// its p: one or two tickets say nothing a lead should act on.
inline constexpr std::int64_t smallestSegmentToCall = 10;

struct SegmentRow {
    QString value; // null for tickets without a value
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
    std::optional<double> rate;
    // rate − overall rate, in percentage points
    std::optional<double> deviationPts;
    // Two-sided p of this segment against all other tickets: the
    // two-proportion z-test, or Fisher's exact test where an expected count
    // is below 5 (compareProportions); empty when it cannot be tested.
    std::optional<double> pValue;
    std::optional<ProportionTestKind> test;
    // rate above the rest of the tickets' rate with p < 0.05, in a segment of
    // at least smallestSegmentToCall tickets
    bool significantlyAbove = false;
};

struct SegmentAnalysis {
    metrics::SegmentField field = metrics::SegmentField::AccountTier;
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
    std::optional<double> overallRate;
    std::vector<SegmentRow> rows; // by rate, highest first; ties by value
    // Why no segment's escalations can be measured (no ticket has a tier or
    // an escalation): every rate is then empty and the escalated counts are
    // not to be shown. Empty when they can.
    QString unavailable;
};

// From the facts: for the fields read from the store
// (metrics::segmentFieldNeedsStore) every ticket is then without a value;
// those take the store's overload below.
SegmentAnalysis analyseSegments(const metrics::MetricsInput& input, const Window& window,
                                metrics::SegmentField field);

// The same analysis counted by the store: one aggregate query, without
// loading the window's facts — what `escdesk segments` runs.
// `renewal`: what the renewal-window field is measured from (the period's
// end and N), counted straight from the tickets; the other fields are summed
// from the kept hours.
SegmentAnalysis analyseSegments(store::Database& db, const Window& window,
                                metrics::SegmentField field,
                                const metrics::RenewalWindow& renewal = {});

} // namespace escdesk::analysis

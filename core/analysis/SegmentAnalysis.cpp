#include "analysis/SegmentAnalysis.h"

#include "analysis/Significance.h"
#include "metrics/MetricsEngine.h"

#include <algorithm>

namespace escdesk::analysis {

namespace {

bool ranksBefore(const SegmentRow& a, const SegmentRow& b) {
    const double rateA = a.rate.value_or(-1.0);
    const double rateB = b.rate.value_or(-1.0);
    if (rateA != rateB) {
        return rateA > rateB;
    }
    if (a.value.isNull() != b.value.isNull()) {
        return b.value.isNull(); // "no value" last
    }
    return a.value < b.value;
}

} // namespace

SegmentAnalysis analyseSegments(const metrics::MetricsInput& input, const Window& window,
                                metrics::SegmentField field) {
    SegmentAnalysis analysis;
    analysis.field = field;
    const metrics::Metrics overall = metrics::computeMetrics(input, window);
    analysis.tickets = overall.tickets;
    analysis.escalated = overall.escalated;
    analysis.overallRate = overall.escalationRate;

    for (const metrics::SegmentInput& segment : metrics::splitBySegment(input, field)) {
        const metrics::Metrics m = metrics::computeMetrics(segment.input, window);
        if (m.tickets == 0) {
            continue; // only escalations of earlier tickets: nothing to rate
        }
        SegmentRow row;
        row.value = segment.value;
        row.tickets = m.tickets;
        row.escalated = m.escalated;
        row.rate = m.escalationRate;
        if (row.rate && analysis.overallRate) {
            row.deviationPts = (*row.rate - *analysis.overallRate) * 100.0;
        }
        const std::int64_t restTickets = analysis.tickets - row.tickets;
        const std::int64_t restEscalated = analysis.escalated - row.escalated;
        if (const auto test =
                twoProportionZTest(row.escalated, row.tickets, restEscalated, restTickets)) {
            row.pValue = test->pValue;
            row.significantlyAbove = test->z > 0.0 && test->pValue < significanceLevel;
        }
        analysis.rows.push_back(row);
    }
    std::sort(analysis.rows.begin(), analysis.rows.end(), ranksBefore);
    return analysis;
}

} // namespace escdesk::analysis

#pragma once

// The spike flag in the weekly review (analysis/TrendCategories.h): the root
// causes whose escalations this week exceed their trailing median by the
// robust threshold, said under the top root causes.

#include "analysis/Trend.h"
#include "report/Report.h"
#include "report/ReportSupport.h"

namespace escdesk::report {

// The weekly trend the spike check of the week [first, last] reads: the 9
// weeks ending with it.
analysis::Trend spikeCheckWeeks(ReportContext& context, const QDate& first, const QDate& last);

// Adds one paragraph per spike of the week starting on `first` to `section`
// (nothing when no root cause spikes, or when the 8 weeks before it are not
// all in the data): the same check the Trends page and `trend --json` make,
// on `weeks`, the spikeCheckWeeks of that week.
void addSpikeParagraphs(Section& section, ReportContext& context, const QDate& first,
                        const analysis::Trend& weeks);

} // namespace escdesk::report

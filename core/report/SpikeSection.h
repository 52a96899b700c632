#pragma once

// The spike flag in the weekly review (analysis/TrendCategories.h): the root
// causes whose escalations this week exceed their trailing median by the
// robust threshold, said under the top root causes.

#include "report/Report.h"
#include "report/ReportSupport.h"

namespace escdesk::report {

// Adds one paragraph per spike of the week [first, last] to `section`
// (nothing when no root cause spikes, or when the 8 weeks before it are not
// all in the data): the same check the Trends page and `trend --json` make,
// on the 9 weeks ending with this one.
void addSpikeParagraphs(Section& section, ReportContext& context, const QDate& first,
                        const QDate& last);

} // namespace escdesk::report

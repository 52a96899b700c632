#pragma once

// Customer satisfaction of escalated against not-escalated tickets (SPEC §7
// `csat`) in the monthly and quarterly reports: what an escalation costs in
// the customer's eyes, beside the period before —
// "Escalated 3.6 vs not escalated 4.4 (−0.8)".

#include "metrics/MetricsEngine.h"
#include "report/Report.h"

namespace escdesk::report {

// The gap escalated − not escalated; empty when either mean is.
std::optional<double> csatGap(const metrics::SplitMeans& csat);

// "Escalated 3.6 vs not escalated 4.4 (−0.8)"; "—" for a missing mean, and
// no gap in brackets then.
QString csatComparisonText(const metrics::SplitMeans& csat);

// The section: a sentence for each period and a table of all, escalated,
// not escalated and the gap, now and before, with the change.
Section csatSection(const metrics::Metrics& now, const metrics::Metrics& before,
                    const QString& nowLabel, const QString& beforeLabel);

} // namespace escdesk::report

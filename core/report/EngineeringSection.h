#pragma once

// The engineering-time ledger in the monthly and quarterly reports (#21),
// and the cost column of the reports' root-cause tables: both from the
// core computations the command line and the GUI show
// (analysis/EngineeringLedger.h, analysis/RootCauseCosts.h).

#include "report/ReportSupport.h"

namespace escdesk::report {

// "Engineering time": the period against the one before — escalations to
// engineering, engineer hours, cost, the avoidable share and its reasons —
// and the period's figures annualised.
Section engineeringSection(ReportContext& context, const PeriodFigures& now,
                           const PeriodFigures& before, const QString& nowLabel,
                           const QString& beforeLabel);

// `table` (a root-cause table whose first column names the cause) with a
// column of each cause's cost in the period `figures`, and a note saying
// what it holds.
Table withRootCauseCosts(Table table, const ReportContext& context, const PeriodFigures& figures);

} // namespace escdesk::report

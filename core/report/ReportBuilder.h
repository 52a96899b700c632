#pragma once

// Builds the three reports of SPEC §9 from the workspace, all from the same
// analyses the dashboard and the CLI use (MetricsEngine, Trend, RootCauses,
// the review record), never from metric arithmetic of their own.

#include "domain/Instant.h"
#include "report/Report.h"
#include "store/Workspace.h"

#include <QTimeZone>

#include <optional>

namespace escdesk::report {

struct ReportRequest {
    ReportKind kind = ReportKind::Weekly;
    QDate first; // the period's local days, inclusive
    QDate last;
    QTimeZone zone;
    // "Now" for open SLA clocks, overdue actions and the footer.
    UtcSeconds asOf = 0;
};

// The period a report covers by default on `today`: the last complete week
// (Monday to Sunday), calendar month or calendar quarter before today.
std::pair<QDate, QDate> defaultReportPeriod(ReportKind kind, const QDate& today);

struct DefaultReportPeriod {
    QDate first;
    QDate last;
    bool followsData = false; // the data ends before the usual period starts
};

// The same for a workspace whose data ends on `lastDataDay`: a workspace of
// last year's exports reports its last complete week, month or quarter that
// holds data (up to and including lastDataDay), not an empty one before
// today.
DefaultReportPeriod defaultReportPeriod(ReportKind kind, const QDate& today,
                                        const std::optional<QDate>& lastDataDay);

// The period of equal kind just before [first, last]: the previous week,
// calendar month or quarter when the period is one, else as many days before.
std::pair<QDate, QDate> comparisonPeriod(ReportKind kind, const QDate& first, const QDate& last);

Report buildReport(store::Workspace& workspace, const ReportRequest& request);

} // namespace escdesk::report

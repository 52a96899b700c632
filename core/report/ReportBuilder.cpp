#include "report/ReportBuilder.h"

#include "metrics/Period.h"
#include "report/ReportSupport.h"

#include <tuple>

namespace escdesk::report {

namespace {

bool isWholeMonth(const QDate& first, const QDate& last) {
    return first.day() == 1 && last == first.addMonths(1).addDays(-1);
}

bool isWholeQuarter(const QDate& first, const QDate& last) {
    return first == metrics::firstDayOfQuarter(first) && last == first.addMonths(3).addDays(-1);
}

} // namespace

std::pair<QDate, QDate> defaultReportPeriod(ReportKind kind, const QDate& today) {
    switch (kind) {
    case ReportKind::Weekly: {
        const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
        return {thisMonday.addDays(-7), thisMonday.addDays(-1)};
    }
    case ReportKind::Monthly: {
        const QDate thisMonth(today.year(), today.month(), 1);
        return {thisMonth.addMonths(-1), thisMonth.addDays(-1)};
    }
    case ReportKind::Quarterly: {
        const QDate thisQuarter = metrics::firstDayOfQuarter(today);
        return {thisQuarter.addMonths(-3), thisQuarter.addDays(-1)};
    }
    }
    return {today, today};
}

DefaultReportPeriod defaultReportPeriod(ReportKind kind, const QDate& today,
                                        const std::optional<QDate>& lastDataDay) {
    auto [first, last] = defaultReportPeriod(kind, today);
    if (!lastDataDay || *lastDataDay >= first) {
        return {first, last, false};
    }
    std::tie(first, last) = defaultReportPeriod(kind, lastDataDay->addDays(1));
    return {first, last, true};
}

std::pair<QDate, QDate> comparisonPeriod(ReportKind kind, const QDate& first, const QDate& last) {
    if (kind == ReportKind::Monthly && isWholeMonth(first, last)) {
        const QDate before = first.addMonths(-1);
        return {before, first.addDays(-1)};
    }
    if (kind == ReportKind::Quarterly && isWholeQuarter(first, last)) {
        return {first.addMonths(-3), first.addDays(-1)};
    }
    const qint64 days = first.daysTo(last) + 1;
    return {first.addDays(-days), first.addDays(-1)};
}

Report buildReport(store::Workspace& workspace, const ReportRequest& request) {
    ReportContext context = makeContext(workspace, request.zone, request.asOf);
    switch (request.kind) {
    case ReportKind::Weekly:
        return buildWeeklyReport(context, request.first, request.last);
    case ReportKind::Monthly:
        return buildMonthlyReport(context, request.first, request.last);
    case ReportKind::Quarterly:
        return buildQuarterlyReport(context, request.first, request.last);
    }
    return {};
}

} // namespace escdesk::report

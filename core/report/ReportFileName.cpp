#include "report/ReportFileName.h"

namespace escdesk::report {

namespace {

bool isWholeMonth(const QDate& first, const QDate& last) {
    return first.day() == 1 && last == first.addMonths(1).addDays(-1);
}

bool isWholeQuarter(const QDate& first, const QDate& last) {
    return (first.month() - 1) % 3 == 0 && first.day() == 1 &&
           last == first.addMonths(3).addDays(-1);
}

QString periodPart(const Report& report) {
    const QDate& first = report.first;
    if (report.kind == ReportKind::Monthly && isWholeMonth(first, report.last)) {
        return first.toString(QStringLiteral("yyyy-MM"));
    }
    if (report.kind == ReportKind::Quarterly && isWholeQuarter(first, report.last)) {
        return QStringLiteral("%1-Q%2").arg(first.year()).arg((first.month() - 1) / 3 + 1);
    }
    return first.toString(Qt::ISODate);
}

QString kindPart(ReportKind kind) {
    switch (kind) {
    case ReportKind::Weekly:
        return QStringLiteral("weekly-review");
    case ReportKind::Monthly:
        return QStringLiteral("monthly-report");
    case ReportKind::Quarterly:
        return QStringLiteral("quarterly-report");
    }
    return QStringLiteral("report");
}

} // namespace

QString reportFileStem(const Report& report) {
    if (!report.first.isValid()) {
        return kindPart(report.kind);
    }
    return kindPart(report.kind) + QLatin1Char('-') + periodPart(report);
}

QString reportFileName(const Report& report, const QString& suffix) {
    const QString stem = reportFileStem(report);
    return suffix.isEmpty() ? stem : stem + QLatin1Char('.') + suffix;
}

} // namespace escdesk::report

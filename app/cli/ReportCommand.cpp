// escdesk report weekly|monthly|quarterly: the reports of SPEC §9 written as
// HTML, PDF, Markdown, a ready e-mail or CSV (a directory with one file per
// table).

#include "cli/AsOfOption.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "metrics/DataEnd.h"
#include "report/ReportBuilder.h"
#include "report/output/EmailMessage.h"
#include "report/output/ReportOutput.h"

#include <QFileInfo>
#include <QLocale>

#include <stdexcept>

namespace escdesk::cli {

namespace {

QDate dateArgument(const QCommandLineParser& parser, const QString& name) {
    const QDate date = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!date.isValid()) {
        throw UsageProblem{
            QStringLiteral("--%1: '%2' is not a date (YYYY-MM-DD).").arg(name, parser.value(name))};
    }
    return date;
}

// --from and --to give the period (half-open); --to alone reports the last
// complete week, month or quarter before that day; --from alone the one
// starting on it; neither: the last complete one before today, or where the
// workspace's data ends before that one starts, the last complete one with data.
std::pair<QDate, QDate> reportPeriod(const QCommandLineParser& parser, report::ReportKind kind,
                                     const QDate& today, const std::optional<QDate>& lastDataDay) {
    const bool hasFrom = parser.isSet(QStringLiteral("from"));
    const bool hasTo = parser.isSet(QStringLiteral("to"));
    if (hasFrom && hasTo) {
        const QDate from = dateArgument(parser, QStringLiteral("from"));
        const QDate to = dateArgument(parser, QStringLiteral("to"));
        if (from >= to) {
            throw UsageProblem{QStringLiteral("--from must be before --to (the period is "
                                              "half-open: --to is the day after the last day).")};
        }
        return {from, to.addDays(-1)};
    }
    if (hasFrom) {
        const QDate from = dateArgument(parser, QStringLiteral("from"));
        switch (kind) {
        case report::ReportKind::Weekly:
            return {from, from.addDays(6)};
        case report::ReportKind::Monthly:
            return {from, from.addMonths(1).addDays(-1)};
        case report::ReportKind::Quarterly:
            return {from, from.addMonths(3).addDays(-1)};
        }
    }
    if (hasTo) {
        return report::defaultReportPeriod(kind, dateArgument(parser, QStringLiteral("to")));
    }
    const auto period = report::defaultReportPeriod(kind, today, lastDataDay);
    if (period.followsData) {
        err() << "escdesk report: the workspace's data ends " << lastDataDay->toString(Qt::ISODate)
              << ": reporting its last complete period with data, "
              << period.first.toString(Qt::ISODate) << " to " << period.last.toString(Qt::ISODate)
              << " (give --from/--to for another)\n";
    }
    return {period.first, period.last};
}

QPageSize::PageSizeId pageSizeOption(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("page-size"))) {
        return report::pageSizeForLocale(QLocale::system());
    }
    const QString value = parser.value(QStringLiteral("page-size")).toLower();
    if (value == QLatin1String("a4")) {
        return QPageSize::A4;
    }
    if (value == QLatin1String("letter")) {
        return QPageSize::Letter;
    }
    throw UsageProblem{QStringLiteral("--page-size: '%1' is not a4 or letter.").arg(value)};
}

} // namespace

int runReport(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a report: weekly (the review of the last complete week), monthly (the leadership "
        "report of the last calendar month) or quarterly (efficiency, the last calendar "
        "quarter).\nWith --format csv, --out is a directory that receives one CSV file per "
        "table.\nThe e-mail's recipients come from the workspace setting report_recipients "
        "(comma-separated), its sender from report_sender."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addAsOfOption(parser);
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("html | pdf | md | eml | csv (default: from --out's suffix)."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("The file to write (a directory for csv)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("page-size"),
                      QStringLiteral("PDF paper: a4 | letter (default: from the locale)."),
                      QStringLiteral("SIZE")});
    parser.addPositionalArgument(QStringLiteral("kind"),
                                 QStringLiteral("weekly | monthly | quarterly"));
    parseOrThrow(parser, arguments);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        throw UsageProblem{QStringLiteral("name one report: weekly, monthly or quarterly.")};
    }
    const auto kind = report::parseReportKind(positional.first());
    if (!kind) {
        throw UsageProblem{QStringLiteral("'%1' is not a report; use weekly, monthly or "
                                          "quarterly.")
                               .arg(positional.first())};
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        throw UsageProblem{QStringLiteral("--out FILE is required.")};
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    const QString formatName = parser.isSet(QStringLiteral("format"))
                                   ? parser.value(QStringLiteral("format"))
                                   : QFileInfo(outPath).suffix();
    const auto format = report::parseOutputFormat(formatName);
    if (!format) {
        throw UsageProblem{
            QStringLiteral("--format: '%1' is not one of %2.")
                .arg(formatName, report::outputFormatNames().join(QStringLiteral(", ")))};
    }

    report::WriteOptions options;
    options.pageSize = pageSizeOption(parser);
    auto workspace = openWorkspace(parser);
    report::ReportRequest request;
    request.kind = *kind;
    request.zone = reportingZone(parser, *workspace);
    request.asOf = asOfInstant(parser, request.zone);
    const QDate today = toDateTime(request.asOf, request.zone).date();
    std::tie(request.first, request.last) =
        reportPeriod(parser, *kind, today, metrics::lastDataDay(workspace->db(), request.zone));
    options.recipients =
        report::splitMailboxList(workspace->setting(QStringLiteral("report_recipients")));
    options.sender = workspace->setting(QStringLiteral("report_sender"));

    const report::Report built = report::buildReport(*workspace, request);
    try {
        const QStringList written = report::writeReport(built, *format, outPath, options);
        for (const QString& file : written) {
            out() << file << '\n';
        }
    } catch (const std::runtime_error& error) {
        err() << "escdesk report: " << error.what() << '\n';
        return RefusedInput;
    }
    if (*format == report::OutputFormat::Eml && options.recipients.isEmpty()) {
        err() << "escdesk report: note: no recipients (workspace setting report_recipients); "
                 "the e-mail has no To line.\n";
    }
    return Success;
}

} // namespace escdesk::cli

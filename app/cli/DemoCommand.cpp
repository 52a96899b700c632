// escdesk demo: writes the deterministic demo workspace (docs/demo-workspace.md)
// into a new, empty workspace file.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "demo/DemoGenerator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::cli {

namespace {

// More would take minutes and gigabytes; the demo is for looking around.
constexpr qint64 maximumTickets = 5'000'000;

std::uint64_t seedOption(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("seed"))) {
        return demo::DemoOptions{}.seed;
    }
    bool ok = false;
    const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        throw UsageProblem{QStringLiteral("--seed: '%1' is not a whole number from 0 to "
                                          "18446744073709551615.")
                               .arg(parser.value(QStringLiteral("seed")))};
    }
    return seed;
}

QDate endDateOption(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("end"))) {
        const QTimeZone zone(demo::demoTeamZone);
        return QDateTime::currentDateTime().toTimeZone(zone).date();
    }
    const QString text = parser.value(QStringLiteral("end"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        throw UsageProblem{
            QStringLiteral("--end: '%1' is not a date in the form YYYY-MM-DD.").arg(text)};
    }
    return date;
}

QString isoDate(const QDate& date) {
    return date.toString(Qt::ISODate);
}

} // namespace

int runDemo(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a realistic demo workspace: a support team's 26 weeks of tickets, escalation "
        "events, accounts and known issues, with planted patterns to find. The same seed and "
        "end date give the same workspace. The workspace must be empty."));
    addDatabaseOption(parser);
    parser.addOption({QStringLiteral("tickets"),
                      QStringLiteral("Number of tickets (default 20000)."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("end"),
                      QStringLiteral("Last day of the data, YYYY-MM-DD (default: today in "
                                     "America/New_York)."),
                      QStringLiteral("DATE")});
    addJsonOption(parser);
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);

    demo::DemoOptions options;
    if (const auto tickets = positiveIntegerOption(parser, QStringLiteral("tickets"))) {
        if (*tickets > maximumTickets) {
            throw UsageProblem{
                QStringLiteral("--tickets: at most %1 tickets.").arg(maximumTickets)};
        }
        options.tickets = *tickets;
    }
    options.seed = seedOption(parser);
    options.endDate = endDateOption(parser);

    auto workspace = openWorkspaceToWrite(parser);
    const bool showProgress = options.tickets >= 100'000;
    int lastPercent = -1;
    const demo::DemoProgress progress = [&](std::int64_t done, std::int64_t total) {
        const int percent = static_cast<int>(done * 100 / total);
        if (showProgress && percent / 5 != lastPercent / 5) {
            lastPercent = percent;
            progressLine() << "\rGenerating tickets: " << percent << "% (" << done << " of "
                           << total << ")" << Qt::flush;
        }
    };
    QElapsedTimer timer;
    timer.start();
    const demo::DemoSummary summary = demo::generateDemo(*workspace, options, progress);
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (showProgress) {
        progressLine() << "\n" << Qt::flush;
    }

    const demo::DemoCalendar& c = summary.calendar;
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject json{
            {QStringLiteral("workspace"), workspace->path()},
            {QStringLiteral("seed"), QString::number(options.seed)},
            {QStringLiteral("from"), isoDate(c.firstDate)},
            {QStringLiteral("to"), isoDate(c.endDate)},
            {QStringLiteral("tz"), QLatin1String(demo::demoTeamZone)},
            {QStringLiteral("tickets"), qint64(summary.tickets)},
            {QStringLiteral("escalated"), qint64(summary.escalatedTickets)},
            {QStringLiteral("events"), qint64(summary.events)},
            {QStringLiteral("accounts"), qint64(summary.accounts)},
            {QStringLiteral("known_issues"), qint64(summary.knownIssues)},
            {QStringLiteral("spike_week"), isoDate(c.spikeWeek)},
            {QStringLiteral("regression_from"), isoDate(c.regressionStart)},
            {QStringLiteral("access_ramp_months"),
             QStringLiteral("%1,%2,%3")
                 .arg(c.rampMonths[0].toString(QStringLiteral("yyyy-MM")),
                      c.rampMonths[1].toString(QStringLiteral("yyyy-MM")),
                      c.rampMonths[2].toString(QStringLiteral("yyyy-MM")))},
            {QStringLiteral("seconds"), seconds},
        };
        out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    out() << "Demo workspace " << workspace->path() << " (seed " << options.seed << ")\n"
          << "  " << summary.tickets << " tickets (" << summary.escalatedTickets << " escalated), "
          << summary.events << " events, " << summary.accounts << " accounts, "
          << summary.knownIssues << " known issues\n"
          << "  " << isoDate(c.firstDate) << " to " << isoDate(c.endDate) << " in "
          << demo::demoTeamZone << " (the workspace's reporting zone)\n"
          << "Planted patterns:\n"
          << "  week of " << isoDate(c.spikeWeek)
          << ": webhook signature failures on API v2.3 (KI-1042)\n"
          << "  Healthcare accounts escalate about twice as often\n"
          << "  from " << isoDate(c.regressionStart) << ": slower time-to-escalate (p90)\n"
          << "  " << c.rampMonths[0].toString(QStringLiteral("MMMM")) << " to "
          << c.rampMonths[2].toString(QStringLiteral("MMMM yyyy"))
          << ": Access/Permissions escalations rising\n"
          << QStringLiteral("Written in %1 s.").arg(seconds, 0, 'f', 1) << '\n';
    return Success;
}

} // namespace escdesk::cli

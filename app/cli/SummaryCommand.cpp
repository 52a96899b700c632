// escdesk summary: what the workspace holds and the headline figures of a
// period — the first thing to look at after an import or a demo.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "metrics/Headline.h"
#include "store/TicketReader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::cli {

namespace {

QJsonValue rateJson(const std::optional<double>& rate) {
    return rate ? QJsonValue(*rate) : QJsonValue(QJsonValue::Null);
}

QString rateText(const std::optional<double>& rate) {
    return rate ? QStringLiteral("%1%").arg(*rate * 100.0, 0, 'f', 1) : QStringLiteral("n/a");
}

} // namespace

int runSummary(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show what the workspace holds and the headline figures of a period "
                       "(default: the last 30 days)."));
    addDatabaseOption(parser);
    addPeriodOptions(parser);
    addJsonOption(parser);
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);

    auto workspace = openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const DateRange dates = reportingDates(parser, workspace->db(), zone, 30);
    const Window window = windowOf(dates, zone);
    const store::WorkspaceCounts counts = store::countRecords(workspace->db());
    const metrics::HeadlineFigures figures = metrics::headlineFigures(workspace->db(), window);
    const QString from = toDateTime(window.from, zone).date().toString(Qt::ISODate);
    const QString to = toDateTime(window.to, zone).date().toString(Qt::ISODate);

    const bool measured = figures.unavailable.isEmpty();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{
            {QStringLiteral("workspace"), workspace->path()},
            {QStringLiteral("counts"),
             QJsonObject{{QStringLiteral("tickets"), qint64(counts.tickets)},
                         {QStringLiteral("events"), qint64(counts.events)},
                         {QStringLiteral("accounts"), qint64(counts.accounts)},
                         {QStringLiteral("known_issues"), qint64(counts.knownIssues)}}},
            {QStringLiteral("period"), periodJson(dates, zone)},
            {QStringLiteral("tickets"), qint64(figures.tickets)},
            {QStringLiteral("escalated"),
             measured ? QJsonValue(qint64(figures.escalated)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("escalation_rate"), rateJson(figures.escalationRate)},
        };
        if (!measured) {
            // As `metrics --json` says it: null, and why.
            json.insert(QStringLiteral("unavailable"),
                        QJsonObject{{QStringLiteral("escalated"), figures.unavailable},
                                    {QStringLiteral("escalation_rate"), figures.unavailable}});
        }
        out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }

    out() << "Workspace " << workspace->path() << '\n'
          << "  " << counts.tickets << " tickets, " << counts.events << " events, "
          << counts.accounts << " accounts, " << counts.knownIssues << " known issues\n"
          << "Period " << from << " to " << to << " (exclusive), " << zone.id()
          << (dates.followsData ? QStringLiteral(", the last %1 days of data (the newest ticket "
                                                 "was created %2)")
                                      .arg(dates.from.daysTo(dates.to))
                                      .arg(dates.dataEnd.toString(Qt::ISODate))
                                : QString())
          << '\n'
          << "  tickets created     " << figures.tickets << '\n'
          << "  escalated           "
          << (measured ? QString::number(figures.escalated) : QStringLiteral("—")) << '\n'
          << "  escalation rate     " << rateText(figures.escalationRate)
          << (!measured ? QStringLiteral("  (not measurable: %1)").arg(figures.unavailable)
              : figures.fromEventLog ? QString()
                                     : QStringLiteral("  (from the tickets' escalated flag: no "
                                                      "event log)"))
          << '\n';
    return Success;
}

} // namespace escdesk::cli

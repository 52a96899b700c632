// escdesk at-risk: the early-warning queue (issue #7) — open tickets not yet
// escalated, ranked by escalation risk, with SLA clocks ≥ 90% consumed and
// accounts filing far above their baseline flagged, each with its reasons.

#include "cli/AsOfOption.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "metrics/DataEnd.h"
#include "risk/AtRiskQueue.h"
#include "risk/RiskJson.h"

#include <QDateTime>

namespace escdesk::cli {

int runAtRisk(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Open tickets at risk of escalating, highest risk first, each with its reasons: the risk "
        "model, SLA clocks at 90% or more, unusual account activity."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    addAsOfOption(parser);
    parser.addOption({QStringLiteral("all"),
                      QStringLiteral("List every open ticket, also those without a reason.")});
    parser.addOption(
        {QStringLiteral("limit"), QStringLiteral("List at most N tickets."), QStringLiteral("N")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    auto workspace = openWorkspace(parser);
    // Without --as-of: now, or where the workspace's data ends when it is
    // older than the analyses' default window (as the At risk page does).
    const bool asOfGiven = parser.isSet(QStringLiteral("as-of"));
    const metrics::ChosenInstant chosen =
        asOfGiven
            ? metrics::ChosenInstant{asOfInstant(parser, workspace->reportingTimeZone()), false}
            : metrics::asOfFollowingData(workspace->db(), QDateTime::currentSecsSinceEpoch());
    const UtcSeconds asOf = chosen.asOf;
    risk::AtRiskOptions options;
    options.everyOpenTicket = parser.isSet(QStringLiteral("all"));
    risk::AtRiskQueue queue = risk::buildAtRiskQueue(workspace->db(), asOf, options);
    if (const auto limit = positiveIntegerOption(parser, QStringLiteral("limit"))) {
        if (queue.entries.size() > static_cast<std::size_t>(*limit)) {
            queue.entries.resize(static_cast<std::size_t>(*limit));
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out() << risk::atRiskJsonText(queue, chosen.followsData) << '\n';
        return Success;
    }
    out() << queue.entries.size() << " of " << queue.openTickets
          << " open tickets need attention as of " << toIsoUtc(asOf)
          << (chosen.followsData ? ", where the workspace's data ends (its newest ticket or event; "
                                   "give --as-of for another instant)"
                                 : "")
          << '\n';
    if (!queue.riskUnavailable.isEmpty()) {
        out() << "No escalation risk shown: " << queue.riskUnavailable << ".\n";
    }
    for (const risk::AtRiskEntry& e : queue.entries) {
        out() << qSetFieldWidth(4) << Qt::right
              << (queue.riskUnavailable.isEmpty() ? QString::number(e.risk.score)
                                                  : QStringLiteral("—"))
              << qSetFieldWidth(0) << Qt::left << (queue.riskUnavailable.isEmpty() ? "%  " : "   ")
              << e.ticketId << "  " << e.priority << "  " << e.accountName << " — " << e.subject
              << '\n';
        for (const risk::AtRiskReason& r : e.reasons) {
            out() << "        " << r.text << '\n';
        }
    }
    return Success;
}

} // namespace escdesk::cli

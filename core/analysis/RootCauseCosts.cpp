#include "analysis/RootCauseCosts.h"

#include "metrics/OutcomeStore.h"

#include <QJsonArray>

#include <algorithm>
#include <map>

namespace escdesk::analysis {

namespace {

struct CauseSums {
    std::int64_t escalated = 0;
    std::int64_t withoutHandleTime = 0;
    double handleMinutes = 0.0;
    std::int64_t tier3Escalations = 0;
};

} // namespace

std::optional<double> RootCauseCosts::costOf(const QString& rootCause) const {
    for (const RootCauseCost& cause : causes) {
        if (cause.rootCause == rootCause) {
            return cause.total();
        }
    }
    return std::nullopt;
}

RootCauseCosts rootCauseCosts(const std::vector<const metrics::TicketOutcome*>& tickets,
                              const Window& window, const metrics::CostParameters& costs) {
    std::map<QString, CauseSums> sums;
    double handleMinutes = 0.0;
    std::int64_t withHandleTime = 0;
    for (const metrics::TicketOutcome* t : tickets) {
        if (!window.contains(t->createdAt) || (!t->escalated && t->tier3Escalations == 0)) {
            continue;
        }
        CauseSums& cause =
            sums[t->rootCause.isEmpty() ? QStringLiteral("Unspecified") : t->rootCause];
        cause.tier3Escalations += t->tier3Escalations;
        if (!t->escalated) {
            continue; // without an event log, a tier-3 ticket not flagged escalated
        }
        ++cause.escalated;
        if (t->handleTimeMin) {
            cause.handleMinutes += *t->handleTimeMin;
            handleMinutes += *t->handleTimeMin;
            ++withHandleTime;
        } else {
            ++cause.withoutHandleTime;
        }
    }
    RootCauseCosts result;
    std::int64_t escalated = 0;
    for (const auto& [name, cause] : sums) {
        escalated += cause.escalated;
    }
    result.handlingMeasured = withHandleTime > 0 || escalated == 0;
    const double meanHandle =
        withHandleTime > 0 ? handleMinutes / static_cast<double>(withHandleTime) : 0.0;
    for (const auto& [name, cause] : sums) {
        RootCauseCost cost;
        cost.rootCause = name;
        cost.escalatedTickets = cause.escalated;
        const double minutes =
            cause.handleMinutes + static_cast<double>(cause.withoutHandleTime) * meanHandle;
        cost.handling = minutes / 60.0 * costs.agentCostPerHour;
        cost.engineering = static_cast<double>(cause.tier3Escalations) *
                           (costs.interruptionMinutes + costs.recoveryMinutes) / 60.0 *
                           costs.engineerCostPerHour;
        result.handling += cost.handling;
        result.engineering += cost.engineering;
        result.causes.push_back(cost);
    }
    std::stable_sort(
        result.causes.begin(), result.causes.end(),
        [](const RootCauseCost& a, const RootCauseCost& b) { return a.total() > b.total(); });
    return result;
}

RootCauseCosts rootCauseCosts(const std::vector<metrics::TicketOutcome>& tickets,
                              const Window& window, const metrics::CostParameters& costs) {
    std::vector<const metrics::TicketOutcome*> refs;
    refs.reserve(tickets.size());
    for (const metrics::TicketOutcome& ticket : tickets) {
        refs.push_back(&ticket);
    }
    return rootCauseCosts(refs, window, costs);
}

RootCauseCosts rootCauseCosts(store::Database& db, const Window& window, UtcSeconds slaAsOf) {
    const metrics::WindowOutcomes outcomes = metrics::loadWindowOutcomes(db, window, slaAsOf);
    return rootCauseCosts(outcomes.tickets, window, outcomes.costs);
}

void addCostsToJson(QJsonObject& rootCausesJson, const RootCauseCosts& costs) {
    QJsonArray rows = rootCausesJson.value(QStringLiteral("root_causes")).toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows[i].toObject();
        row.insert(QStringLiteral("cost"),
                   costs.costOf(row.value(QStringLiteral("root_cause")).toString()).value_or(0.0));
        rows[i] = row;
    }
    rootCausesJson.insert(QStringLiteral("root_causes"), rows);
    QJsonArray byCause;
    for (const RootCauseCost& cause : costs.causes) {
        byCause.append(
            QJsonObject{{QStringLiteral("root_cause"), cause.rootCause},
                        {QStringLiteral("escalated_tickets"), qint64(cause.escalatedTickets)},
                        {QStringLiteral("escalation_handling"), cause.handling},
                        {QStringLiteral("engineering_interruptions"), cause.engineering},
                        {QStringLiteral("total"), cause.total()}});
    }
    rootCausesJson.insert(
        QStringLiteral("cost"),
        QJsonObject{{QStringLiteral("total"), costs.total()},
                    {QStringLiteral("escalation_handling"), costs.handling},
                    {QStringLiteral("engineering_interruptions"), costs.engineering},
                    {QStringLiteral("handling_measured"), costs.handlingMeasured},
                    {QStringLiteral("basis"), rootCauseCostNote()},
                    {QStringLiteral("by_root_cause"), byCause}});
}

QString rootCauseCostNote() {
    return QStringLiteral("Cost: the metrics' cost (escalation handling + engineering "
                          "interruptions) of the escalated tickets created in the period, by "
                          "their root cause; the causes add up to the period's total.");
}

} // namespace escdesk::analysis

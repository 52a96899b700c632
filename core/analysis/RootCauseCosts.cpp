#include "analysis/RootCauseCosts.h"

#include "metrics/MetricInputs.h"
#include "metrics/OutcomeStore.h"

#include <QJsonArray>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>

namespace escdesk::analysis {

namespace {

struct CauseSums {
    std::int64_t escalated = 0;
    std::int64_t withoutHandleTime = 0;
    double handleMinutes = 0.0;
    std::int64_t tier3Escalations = 0;
};

// What the costs read of a ticket that costs something: escalated, or with
// escalations reaching Tier 3.
struct PricedTicket {
    QString rootCause;
    bool escalated = false;
    std::optional<double> handleTimeMin;
    int tier3Escalations = 0;
};

// The priced tickets of a window in the order they come, summed only when
// priced: a window read in two halves (OutcomeVisitor::helper) appends the
// later half's, so the sums of doubles are added in the tickets' order,
// whichever way the window was read.
class PricedTickets {
public:
    explicit PricedTickets(const Window& window)
        : m_window(window) {}

    void add(const metrics::TicketOutcome& t) {
        if (window().contains(t.createdAt) && (t.escalated || t.tier3Escalations > 0)) {
            m_tickets.push_back({t.rootCause, t.escalated, t.handleTimeMin, t.tier3Escalations});
        }
    }
    void append(PricedTickets&& later) {
        m_tickets.insert(m_tickets.end(), std::make_move_iterator(later.m_tickets.begin()),
                         std::make_move_iterator(later.m_tickets.end()));
    }
    void clear() { m_tickets.clear(); }
    const Window& window() const { return m_window; }

    RootCauseCosts priced(const metrics::CostParameters& costs) const;

private:
    Window m_window;
    std::vector<PricedTicket> m_tickets;
};

RootCauseCosts PricedTickets::priced(const metrics::CostParameters& costs) const {
    std::map<QString, CauseSums> sums;
    double handleMinutes = 0.0;
    std::int64_t withHandleTime = 0;
    for (const PricedTicket& t : m_tickets) {
        CauseSums& cause =
            sums[t.rootCause.isEmpty() ? QStringLiteral("Unspecified") : t.rootCause];
        cause.tier3Escalations += t.tier3Escalations;
        if (!t.escalated) {
            continue; // without an event log, a tier-3 ticket not flagged escalated
        }
        ++cause.escalated;
        if (t.handleTimeMin) {
            cause.handleMinutes += *t.handleTimeMin;
            handleMinutes += *t.handleTimeMin;
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

// Keeps the priced tickets of a window as its outcomes are visited, without
// collecting the outcomes: a large window is shared with a helper on a
// second connection, as the metrics' sums are.
class PricingVisitor : public metrics::OutcomeVisitor {
public:
    explicit PricingVisitor(const Window& window)
        : m_tickets(window) {}

    void begin(bool, const metrics::DataCoverage&, metrics::OutcomeSource) override {
        m_tickets.clear(); // a window visited again starts over
    }
    void visit(const metrics::TicketOutcome& ticket) override { m_tickets.add(ticket); }
    void visit(const metrics::EscalationOutcome&) override {}

    std::unique_ptr<OutcomeVisitor> helper() const override {
        return std::make_unique<PricingVisitor>(m_tickets.window());
    }
    void join(OutcomeVisitor&& helper) override {
        m_tickets.append(std::move(static_cast<PricingVisitor&>(helper).m_tickets));
    }

    const PricedTickets& tickets() const { return m_tickets; }

private:
    PricedTickets m_tickets;
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
    PricedTickets priced(window);
    for (const metrics::TicketOutcome* t : tickets) {
        priced.add(*t);
    }
    return priced.priced(costs);
}

RootCauseCosts rootCauseCosts(const std::vector<metrics::TicketOutcome>& tickets,
                              const Window& window, const metrics::CostParameters& costs) {
    PricedTickets priced(window);
    for (const metrics::TicketOutcome& t : tickets) {
        priced.add(t);
    }
    return priced.priced(costs);
}

RootCauseCosts rootCauseCosts(store::Database& db, const Window& window, UtcSeconds slaAsOf) {
    PricingVisitor visitor(window);
    metrics::visitWindowOutcomes(db, window, slaAsOf, visitor);
    return visitor.tickets().priced(metrics::metricInputsOf(db).costs);
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

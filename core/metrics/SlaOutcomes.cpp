#include "metrics/SlaOutcomes.h"

#include <algorithm>

namespace escdesk::metrics {

namespace {

// The ticket as the SLA engine reads it: only the fields its clocks use.
matrix::TicketContext contextOf(const TicketFacts& facts) {
    matrix::TicketContext context;
    context.row = facts.row;
    Ticket& t = context.ticket;
    t.createdAt = facts.createdAt;
    t.firstResponseAt = facts.firstResponseAt;
    t.resolvedAt = facts.resolvedAt;
    t.closedAt = facts.closedAt;
    t.status = facts.status;
    t.priority = facts.priority;
    t.productArea = facts.productArea;
    t.accountId = facts.accountId;
    for (const FactEvent& e : facts.events) {
        TicketEvent event;
        event.occurredAt = e.at;
        event.kind = e.kind;
        event.fromTier = e.fromTier;
        event.toTier = e.toTier;
        context.events.push_back(event);
    }
    // The engine pairs events in time order; facts put `escalated` first at
    // an instant, which is the order it expects too.
    if (!facts.accountTier.isEmpty()) {
        Account account;
        account.accountId = facts.accountId;
        account.tier = facts.accountTier;
        account.arr = facts.accountArr;
        context.account = account;
    }
    return context;
}

} // namespace

void markSlaBreaches(MetricsInput& input, const Window& window, const SlaAssessment& sla) {
    for (TicketFacts& ticket : input.tickets) {
        if (!window.contains(ticket.createdAt)) {
            continue;
        }
        const auto evaluation = sla.evaluator.sla(contextOf(ticket), sla.asOf);
        if (!evaluation) {
            continue; // no policy covers it: not evaluated
        }
        ticket.slaBreached = std::any_of(evaluation->targets.begin(), evaluation->targets.end(),
                                         [](const sla::TargetClock& clock) {
                                             return clock.status == sla::ClockStatus::Breached;
                                         });
    }
}

} // namespace escdesk::metrics

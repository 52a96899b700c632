#include "metrics/SlaOutcomes.h"

#include "metrics/ParallelWork.h"

#include <algorithm>
#include <vector>

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

std::optional<SlaReading> readSla(const TicketFacts& ticket, const SlaAssessment& sla) {
    const auto evaluation = sla.evaluator.sla(contextOf(ticket), sla.asOf);
    if (!evaluation) {
        return std::nullopt; // no policy covers it: not evaluated
    }
    const auto& clocks = evaluation->targets;
    SlaReading reading;
    reading.breached = std::any_of(clocks.begin(), clocks.end(), [](const sla::TargetClock& c) {
        return c.status == sla::ClockStatus::Breached;
    });
    reading.settled = std::none_of(clocks.begin(), clocks.end(), [](const sla::TargetClock& c) {
        return c.status == sla::ClockStatus::Running || c.status == sla::ClockStatus::Paused ||
               c.status == sla::ClockStatus::NotStarted;
    });
    for (const sla::TargetClock& clock : clocks) {
        if (clock.status == sla::ClockStatus::Breached && clock.breachAt) {
            reading.lastBreachAt =
                std::max(reading.lastBreachAt.value_or(*clock.breachAt), *clock.breachAt);
        }
    }
    return reading;
}

} // namespace

void markSlaBreaches(MetricsInput& input, const Window& window, const SlaAssessment& sla) {
    forEachIndexInParallel(input.tickets.size(), [&](std::size_t i) {
        TicketFacts& ticket = input.tickets[i];
        if (!window.contains(ticket.createdAt)) {
            return;
        }
        if (const auto reading = readSla(ticket, sla)) {
            ticket.slaBreached = reading->breached;
        }
    });
}

std::vector<std::optional<SlaReading>> readSlas(const std::vector<TicketFacts>& tickets,
                                                const SlaAssessment& sla) {
    std::vector<std::optional<SlaReading>> readings(tickets.size());
    forEachIndexInParallel(tickets.size(),
                           [&](std::size_t i) { readings[i] = readSla(tickets[i], sla); });
    return readings;
}

} // namespace escdesk::metrics

#include "metrics/SlaOutcomes.h"

#include <algorithm>
#include <future>
#include <thread>
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

void markTicket(TicketFacts& ticket, const Window& window, const SlaAssessment& sla) {
    if (!window.contains(ticket.createdAt)) {
        return;
    }
    const auto evaluation = sla.evaluator.sla(contextOf(ticket), sla.asOf);
    if (!evaluation) {
        return; // no policy covers it: not evaluated
    }
    ticket.slaBreached = std::any_of(
        evaluation->targets.begin(), evaluation->targets.end(),
        [](const sla::TargetClock& clock) { return clock.status == sla::ClockStatus::Breached; });
}

} // namespace

void markSlaBreaches(MetricsInput& input, const Window& window, const SlaAssessment& sla) {
    // Each ticket is evaluated on its own and writes only its own flag, so
    // the tickets are shared out over the cores; the result is the same as
    // one after the other. Small inputs are not worth a thread.
    constexpr std::size_t ticketsPerThread = 4096;
    const std::size_t count = input.tickets.size();
    const std::size_t threads = std::clamp<std::size_t>(
        std::min<std::size_t>(std::thread::hardware_concurrency(), count / ticketsPerThread), 1, 8);
    auto markRange = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            markTicket(input.tickets[i], window, sla);
        }
    };
    std::vector<std::future<void>> others;
    const std::size_t share = (count + threads - 1) / threads;
    for (std::size_t t = 1; t < threads; ++t) {
        others.push_back(std::async(std::launch::async, markRange, std::min(count, t * share),
                                    std::min(count, (t + 1) * share)));
    }
    markRange(0, std::min(count, share));
    for (std::future<void>& other : others) {
        other.get(); // rethrows what the thread threw
    }
}

} // namespace escdesk::metrics

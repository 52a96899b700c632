// How fast SLA clocks are evaluated: a metric such as sla_breach_rate runs
// the engine over every ticket of a period. Prints tickets per second for a
// business-hours calendar (with holidays) and for 24×7, against the time
// taken to merely copy the tickets (the reference measured in the same run).

#include "sla/SlaEngine.h"

#include <QElapsedTimer>

#include <cstdio>
#include <random>

using namespace escdesk;
using namespace escdesk::sla;

namespace {

std::vector<Ticket> makeTickets(int count) {
    std::mt19937 random(42);
    std::uniform_int_distribution<int> createdOffset(0, 365 * 86400);
    std::uniform_int_distribution<int> duration(600, 10 * 86400);
    std::vector<Ticket> tickets(count);
    const UtcSeconds start = 1767225600; // 2026-01-01T00:00:00Z
    for (Ticket& ticket : tickets) {
        ticket.ticketId = QStringLiteral("T");
        ticket.createdAt = start + createdOffset(random);
        ticket.firstResponseAt = ticket.createdAt + duration(random) / 20;
        ticket.resolvedAt = ticket.createdAt + duration(random);
    }
    return tickets;
}

double ticketsPerSecond(const std::vector<Ticket>& tickets, const CalendarClock& clock,
                        const SlaPolicy& policy) {
    QElapsedTimer timer;
    timer.start();
    int breached = 0;
    for (const Ticket& ticket : tickets) {
        const SlaEvaluation evaluation = evaluateSla(ticket, {}, policy, clock, 1798761600);
        breached += evaluation.targets[1].status == ClockStatus::Breached;
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::printf("    (%d of %zu resolutions breached)\n", breached, tickets.size());
    return static_cast<double>(tickets.size()) / seconds;
}

} // namespace

int main() {
    const int count = 20000;
    const std::vector<Ticket> tickets = makeTickets(count);

    QElapsedTimer copyTimer;
    copyTimer.start();
    std::vector<Ticket> copy = tickets;
    const double copySeconds = static_cast<double>(copyTimer.nsecsElapsed()) / 1e9;

    BusinessCalendar business;
    business.name = QStringLiteral("Business hours");
    business.timeZone = QStringLiteral("Europe/Berlin");
    for (int day = 0; day < 5; ++day) {
        business.week[day] = {{9 * 3600, 12 * 3600}, {13 * 3600, 17 * 3600}};
    }
    Holiday christmas;
    christmas.kind = Holiday::Kind::Yearly;
    christmas.month = 12;
    christmas.day = 25;
    business.holidays = {christmas};
    BusinessCalendar always = business;
    always.roundTheClock = true;

    SlaPolicy policy;
    policy.firstResponseMin = 240;
    policy.resolutionMin = 1440;
    policy.claimMin = 60;

    std::printf("SLA engine, %d tickets (reference: copying them took %.4f s)\n", count,
                copySeconds);
    std::printf("  business hours, Europe/Berlin: %.0f tickets/s\n",
                ticketsPerSecond(tickets, CalendarClock(business), policy));
    std::printf("  24x7:                          %.0f tickets/s\n",
                ticketsPerSecond(tickets, CalendarClock(always), policy));
    return copy.size() == tickets.size() ? 0 : 1;
}

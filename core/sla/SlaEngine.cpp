#include "sla/SlaEngine.h"

#include <algorithm>

namespace escdesk::sla {

namespace {

QString normalizedStatus(const QString& status) {
    QString text = status.trimmed().toLower();
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text.replace(QLatin1Char('-'), QLatin1Char(' '));
    return text.simplified();
}

// Only what had happened by `asOf` is known.
std::optional<UtcSeconds> knownBy(std::optional<UtcSeconds> instant, UtcSeconds asOf) {
    return instant && *instant <= asOf ? instant : std::nullopt;
}

struct Escalation {
    UtcSeconds escalatedAt = 0;
    std::optional<UtcSeconds> claimedAt;
};

// The first escalation and its first paired claim. A claim belongs to the
// latest escalation at or before it, so one after a second escalation does
// not count for the first.
std::optional<Escalation> firstEscalation(const std::vector<TicketEvent>& events, UtcSeconds asOf) {
    std::optional<Escalation> first;
    int escalations = 0;
    for (const TicketEvent& event : events) {
        if (event.occurredAt > asOf) {
            break;
        }
        if (event.kind == EventKind::Escalated) {
            if (++escalations == 1) {
                first = Escalation{event.occurredAt, std::nullopt};
            }
        } else if (event.kind == EventKind::Claimed && escalations == 1 && !first->claimedAt) {
            first->claimedAt = event.occurredAt;
        }
    }
    return first;
}

// A ticket's events in time order (a stable sort: events at one instant keep
// the order they were recorded in). The store hands them over in that order
// already, so they are copied and sorted only when they are not: every
// evaluation of a ticket's clocks, thousands at a time, went through three
// copies of its events.
class OrderedEvents {
public:
    explicit OrderedEvents(const std::vector<TicketEvent>& events)
        : m_events(&events) {
        if (!std::is_sorted(events.begin(), events.end(), comesBefore)) {
            m_sorted = events;
            std::stable_sort(m_sorted.begin(), m_sorted.end(), comesBefore);
            m_events = &m_sorted;
        }
    }
    OrderedEvents(const OrderedEvents&) = delete;
    OrderedEvents& operator=(const OrderedEvents&) = delete;

    const std::vector<TicketEvent>& operator*() const { return *m_events; }

private:
    const std::vector<TicketEvent>* m_events;
    std::vector<TicketEvent> m_sorted;
};

} // namespace

std::optional<UtcSeconds> resolutionOf(const Ticket& ticket, const std::vector<TicketEvent>& events,
                                       UtcSeconds asOf) {
    if (ticket.resolvedAt || ticket.closedAt) {
        return ticket.resolvedAt ? ticket.resolvedAt : ticket.closedAt;
    }
    std::optional<UtcSeconds> resolved;
    for (const TicketEvent& event : events) {
        if (event.occurredAt > asOf) {
            break;
        }
        if (event.kind == EventKind::Resolved) {
            resolved = event.occurredAt;
        } else if (event.kind == EventKind::Reopened) {
            resolved.reset();
        }
    }
    return resolved;
}

QString clockStatusName(ClockStatus status) {
    switch (status) {
    case ClockStatus::Met:
        return QStringLiteral("met");
    case ClockStatus::Breached:
        return QStringLiteral("breached");
    case ClockStatus::Running:
        return QStringLiteral("running");
    case ClockStatus::Paused:
        return QStringLiteral("paused");
    case ClockStatus::NotStarted:
        return QStringLiteral("not_started");
    }
    return {};
}

bool sameStatus(const QString& a, const QString& b) {
    return normalizedStatus(a) == normalizedStatus(b);
}

std::vector<Span> pausedSpans(const Ticket& ticket, const std::vector<TicketEvent>& events,
                              const QStringList& pausingStatuses, UtcSeconds asOf) {
    std::vector<Span> spans;
    // A pause opened by a `paused` event and not yet resumed (openEnded: none).
    UtcSeconds openSince = openEnded;
    UtcSeconds lastActivity = std::max(ticket.createdAt, ticket.firstResponseAt.value_or(0));
    const OrderedEvents ordered(events);
    for (const TicketEvent& event : *ordered) {
        if (event.occurredAt > asOf) {
            break;
        }
        lastActivity = std::max(lastActivity, event.occurredAt);
        if (event.kind == EventKind::Paused && openSince == openEnded) {
            openSince = event.occurredAt;
        } else if (event.kind == EventKind::Resumed && openSince != openEnded) {
            spans.push_back({openSince, event.occurredAt});
            openSince = openEnded;
        }
    }
    if (openSince != openEnded) {
        spans.push_back({openSince, openEnded});
    } else if (!knownBy(resolutionOf(ticket, *ordered, asOf), asOf) && lastActivity <= asOf &&
               std::any_of(
                   pausingStatuses.begin(), pausingStatuses.end(),
                   [&](const QString& status) { return sameStatus(status, ticket.status); })) {
        spans.push_back({lastActivity, openEnded});
    }
    return normalizedSpans(std::move(spans));
}

TargetClock evaluateTarget(const CalendarClock& calendar, SlaTarget target, int targetMin,
                           UtcSeconds start, std::optional<UtcSeconds> stop,
                           const std::vector<Span>& pauses, UtcSeconds asOf) {
    TargetClock clock;
    clock.target = target;
    clock.targetMin = targetMin;
    clock.startedAt = start;
    clock.stoppedAt = knownBy(stop, asOf);
    const std::int64_t targetSeconds = std::int64_t{targetMin} * 60;
    if (asOf < start) {
        // Before the ticket existed nothing has run, and nothing is due yet.
        clock.status = ClockStatus::NotStarted;
        clock.remainingBusinessMin = static_cast<double>(targetMin);
        return clock;
    }
    const UtcSeconds end = clock.stoppedAt.value_or(asOf);
    const std::int64_t elapsed = calendar.elapsedBusinessSeconds(start, end, pauses);
    const std::optional<UtcSeconds> due = calendar.addBusinessSeconds(start, targetSeconds, pauses);
    clock.elapsedBusinessMin = static_cast<double>(elapsed) / 60.0;
    clock.remainingBusinessMin =
        static_cast<double>(std::max<std::int64_t>(0, targetSeconds - elapsed)) / 60.0;
    clock.consumed =
        targetSeconds > 0 ? static_cast<double>(elapsed) / static_cast<double>(targetSeconds) : 0.0;

    if (clock.stoppedAt) {
        const bool met = due ? *clock.stoppedAt <= *due : elapsed <= targetSeconds;
        clock.status = met ? ClockStatus::Met : ClockStatus::Breached;
        clock.breachAt = met ? std::nullopt : due;
        return clock;
    }
    const bool pausedNow = std::any_of(pauses.begin(), pauses.end(), [&](const Span& pause) {
        return pause.from <= asOf && asOf < pause.to;
    });
    if ((due && asOf > *due) || elapsed > targetSeconds) {
        clock.status = ClockStatus::Breached;
    } else if (pausedNow) {
        clock.status = ClockStatus::Paused;
    } else {
        clock.status = ClockStatus::Running;
        clock.atRisk = clock.consumed >= atRiskShare;
    }
    clock.breachAt = due;
    return clock;
}

SlaEvaluation evaluateSla(const Ticket& ticket, const std::vector<TicketEvent>& events,
                          const SlaPolicy& policy, const CalendarClock& calendar, UtcSeconds asOf) {
    SlaEvaluation evaluation;
    evaluation.ticketId = ticket.ticketId;
    evaluation.policy = policy.name();
    evaluation.calendar = calendar.calendar().name;
    const OrderedEvents ordered(events);
    const std::vector<Span> pauses = pausedSpans(ticket, *ordered, policy.pausingStatuses, asOf);
    const std::optional<UtcSeconds> resolution = resolutionOf(ticket, *ordered, asOf);
    // A target with its own stopping event falls back to the resolution: a
    // ticket resolved without it stops every clock.
    auto stopOrResolution = [&](std::optional<UtcSeconds> stop) {
        return stop ? stop : resolution;
    };

    evaluation.targets.push_back(
        evaluateTarget(calendar, SlaTarget::FirstResponse, policy.firstResponseMin,
                       ticket.createdAt, stopOrResolution(ticket.firstResponseAt), pauses, asOf));
    evaluation.targets.push_back(evaluateTarget(calendar, SlaTarget::Resolution,
                                                policy.resolutionMin, ticket.createdAt, resolution,
                                                pauses, asOf));
    if (const auto escalation = firstEscalation(*ordered, asOf)) {
        evaluation.targets.push_back(
            evaluateTarget(calendar, SlaTarget::Claim, policy.claimMin, escalation->escalatedAt,
                           stopOrResolution(escalation->claimedAt), pauses, asOf));
    }
    return evaluation;
}

} // namespace escdesk::sla

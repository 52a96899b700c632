#pragma once

// One entry of a ticket's escalation event log (SPEC §4, events layout).

#include "domain/EventKind.h"
#include "domain/Instant.h"

#include <QString>

#include <optional>

namespace escdesk {

struct TicketEvent {
    QString ticketId;
    UtcSeconds occurredAt = 0;
    EventKind kind = EventKind::Escalated;
    std::optional<int> fromTier;
    std::optional<int> toTier;
    QString actor;
    QString decisionType;
    QString note;
};

// The canonical order of a ticket's events (eventOrderKey).
inline bool comesBefore(const TicketEvent& a, const TicketEvent& b) {
    return eventOrderKey(a.occurredAt, a.kind, a.fromTier, a.toTier) <
           eventOrderKey(b.occurredAt, b.kind, b.fromTier, b.toTier);
}

} // namespace escdesk

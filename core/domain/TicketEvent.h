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

} // namespace escdesk

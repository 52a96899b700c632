#pragma once

// The kinds of escalation event of SPEC §4, with their canonical names.

#include "domain/Instant.h"

#include <QString>

#include <array>
#include <optional>
#include <tuple>

namespace escdesk {

enum class EventKind {
    Escalated,
    Claimed,
    Started,
    Decision,
    Bounced,
    InfoRequested,
    Paused,
    Resumed,
    Resolved,
    Reopened,
    Reassigned,
};

inline constexpr std::array allEventKinds{
    EventKind::Escalated, EventKind::Claimed,       EventKind::Started,    EventKind::Decision,
    EventKind::Bounced,   EventKind::InfoRequested, EventKind::Paused,     EventKind::Resumed,
    EventKind::Resolved,  EventKind::Reopened,      EventKind::Reassigned,
};

// Where an event stands among a ticket's events: by time, and at one
// instant by lifecycle — the order of EventKind: an escalation before its
// claim, a claim before work starts, before a decision, a bounce, ... — then
// by tiers. The store keeps one event per ticket, time, kind and tiers, so
// this orders a ticket's events totally: no figure, clock or list depends on
// the order of the rows in an imported file. Every reader sorts by it.
inline std::tuple<UtcSeconds, int, int, int> eventOrderKey(UtcSeconds at, EventKind kind,
                                                           std::optional<int> fromTier,
                                                           std::optional<int> toTier) {
    return {at, static_cast<int>(kind), fromTier.value_or(-1), toTier.value_or(-1)};
}

// The canonical lower-case name used in CSV files and in the store.
QString eventKindName(EventKind kind);
// Parses a canonical name, case-insensitively and ignoring surrounding blanks.
std::optional<EventKind> parseEventKind(const QString& name);

} // namespace escdesk

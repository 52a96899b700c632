#pragma once

// The kinds of escalation event of SPEC §4, with their canonical names.

#include <QString>

#include <array>
#include <optional>

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

// The canonical lower-case name used in CSV files and in the store.
QString eventKindName(EventKind kind);
// Parses a canonical name, case-insensitively and ignoring surrounding blanks.
std::optional<EventKind> parseEventKind(const QString& name);

} // namespace escdesk

#include "domain/EventKind.h"

namespace escdesk {

QString eventKindName(EventKind kind) {
    switch (kind) {
    case EventKind::Escalated:
        return QStringLiteral("escalated");
    case EventKind::Claimed:
        return QStringLiteral("claimed");
    case EventKind::Started:
        return QStringLiteral("started");
    case EventKind::Decision:
        return QStringLiteral("decision");
    case EventKind::Bounced:
        return QStringLiteral("bounced");
    case EventKind::InfoRequested:
        return QStringLiteral("info_requested");
    case EventKind::Paused:
        return QStringLiteral("paused");
    case EventKind::Resumed:
        return QStringLiteral("resumed");
    case EventKind::Resolved:
        return QStringLiteral("resolved");
    case EventKind::Reopened:
        return QStringLiteral("reopened");
    case EventKind::Reassigned:
        return QStringLiteral("reassigned");
    }
    return {};
}

std::optional<EventKind> parseEventKind(const QString& name) {
    const QString wanted = name.trimmed().toLower();
    for (EventKind kind : allEventKinds) {
        if (eventKindName(kind) == wanted) {
            return kind;
        }
    }
    return std::nullopt;
}

} // namespace escdesk

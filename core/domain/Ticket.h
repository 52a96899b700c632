#pragma once

// A support ticket in the canonical layout of SPEC §4. Optional fields are
// null QStrings / empty optionals when the source did not carry them.

#include "domain/Instant.h"

#include <QString>

#include <optional>

namespace escdesk {

struct Ticket {
    QString ticketId; // the helpdesk's id, the sync key
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> firstResponseAt;
    std::optional<UtcSeconds> resolvedAt;
    std::optional<UtcSeconds> closedAt;
    QString status;
    QString priority; // Critical, High, Medium, Low
    QString channel;
    QString accountId;
    QString productArea;
    QString rootCause;
    QString reasonCode;
    QString subject;
    QString description;
    QString assignee;
    QString group;
    std::optional<int> tier; // 1, 2, 3 (4 = Management)
    std::optional<bool> escalated;
    std::optional<UtcSeconds> escalatedAt;
    QString resolutionType;
    QString resolutionNotes;
    std::optional<double> handleTimeMin;
    std::optional<double> csat;
    QString tags;
    QString attributes; // extra source columns, as a JSON object
};

} // namespace escdesk

#pragma once

// The escalations of a window as root causes and problem clusters read
// them: per escalation only the ticket fields those analyses show, and per
// escalated ticket its kept text features with those fields
// (TextFeatureStore.h). With an event log they come from one set-based
// query: the window's escalations — a range of the kept escalation outcomes
// when they are complete, else the `escalated` events by their index — each
// joined to its ticket's kept row alone, never to the large tickets rows;
// the tickets without a kept row are read and their rows kept.

#include "analysis/KnownIssueMatcher.h"
#include "analysis/TextFeatureStore.h"
#include "domain/Instant.h"
#include "metrics/DataCoverage.h"
#include "store/Database.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace escdesk::analysis {

// One escalation in the window with the fields of its ticket.
struct EscalationRecord {
    std::int64_t ticket = 0; // the ticket's row
    UtcSeconds at = 0;       // when it was escalated
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> resolvedAt;
    QString rootCause; // for grouping: "Unspecified" when the ticket has none
    QString productArea;
    QString accountId;
    std::optional<double> accountArr;
    // The ticket's entry of WindowEscalations::texts; null when it has none.
    const TicketTextFeatures* text = nullptr;
};

// Which kept text columns to read: the helpdesk id and the matched known
// issue only (root causes), or the subject and the terms as well (clusters).
enum class TextColumns { IdAndMatch, All };

struct WindowEscalations {
    // In the order metrics::forEachEscalationIn visits them: by ticket row,
    // each ticket's in time order.
    std::vector<EscalationRecord> escalations;
    // The text features of every ticket of `escalations`.
    std::unordered_map<std::int64_t, TicketTextFeatures> texts;
    bool hasEventLog = false;
    metrics::DataCoverage coverage;
};

WindowEscalations loadWindowEscalations(store::Database& db, const Window& window,
                                        const KnownIssueMatcher& matcher, TextColumns columns);

// The query behind loadWindowEscalations with an event log, for readers
// that aggregate its rows as they come: per escalation in the window (?1 to
// ?2) its ticket row and time, then (with `keptTexts`) the ticket's kept
// text row, keptTextFeatureColumns from column windowKeptTextColumn on (all
// NULL when it has none). From the kept escalation outcomes when
// `fromOutcomes` (metrics::escalationOutcomesComplete), else the events.
std::string windowEscalationsSql(bool fromOutcomes, bool keptTexts, TextColumns columns);
inline constexpr int windowKeptTextColumn = 2;

} // namespace escdesk::analysis

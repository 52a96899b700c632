#pragma once

// Root causes of the escalations in a window (SPEC §8): ranked by count
// (ties by name) with share, mean resolution time, most common product area,
// known-issue matches, the taxonomy's recommended action, the change from
// the window before, and an impact score (Impact.h).

#include "analysis/Impact.h"
#include "analysis/KnownIssueMatcher.h"
#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "store/Database.h"

#include <optional>
#include <vector>

namespace escdesk::analysis {

struct CountedName {
    QString name;
    std::int64_t count = 0;
};

struct RootCauseRow {
    QString rootCause; // "Unspecified" for escalations without one
    std::int64_t count = 0;
    double share = 0.0;             // of all escalations in the window
    std::int64_t previousCount = 0; // in the window of equal length before
    std::optional<double> meanResolutionMin;
    QString topProductArea;
    std::vector<CountedName> productAreas; // by count, ties by name
    std::int64_t knownIssueMatches = 0;    // escalations matching a known issue
    std::vector<CountedName> knownIssues;  // issue ids by escalations matched best
    // Escalations matching a known issue without a knowledge-base article:
    // documentation gaps (DocumentationGaps.h).
    std::int64_t documentationGaps = 0;
    QString recommendedAction;
    std::int64_t affectedAccounts = 0;
    double affectedArr = 0.0;
    double usersAffected = 0.0; // summed over its distinct escalated tickets
    double impact = 0.0;
    QStringList exampleTickets; // the latest escalated tickets, up to 5

    // Escalations more (negative: fewer) than in the window before.
    std::int64_t change() const { return count - previousCount; }
};

struct RootCauseAnalysis {
    Window window;
    std::int64_t escalations = 0;
    std::int64_t previousEscalations = 0;
    std::vector<RootCauseRow> rows;
    std::vector<KnownIssue> knownIssues;
    // Why escalations cannot be measured at all (no ticket has a tier or an
    // escalation): the counts of 0 then mean nothing. Empty when they can.
    QString unavailable;
    // Whether any escalated ticket of the window records its users affected:
    // the impact then weighs them (impactFormula(usersAffectedKnown)).
    bool usersAffectedKnown = false;
};

RootCauseAnalysis analyseRootCauses(store::Database& db, const Window& window,
                                    const std::vector<matrix::RootCauseCategory>& taxonomy);

} // namespace escdesk::analysis

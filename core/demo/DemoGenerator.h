#pragma once

// The demo workspace: a deterministic, realistic support team's half year —
// accounts, tickets with their escalation event logs, and known issues — with
// four planted patterns the analyses must find (docs/demo-workspace.md).
// The same seed and end date give identical content on every run.

#include "domain/Instant.h"
#include "store/Workspace.h"

#include <QDate>
#include <QTimeZone>

#include <cstdint>
#include <functional>

namespace escdesk::demo {

struct DemoOptions {
    std::int64_t tickets = 20000;
    std::uint64_t seed = 1;
    QDate endDate; // the last day of the data, in the team's zone; required
};

// The calendar of a demo: its period and where the planted patterns sit.
// All dates are in the team's zone; weeks start on Monday.
struct DemoCalendar {
    QTimeZone zone;
    QDate firstDate;        // endDate − 181 days: 26 weeks of data
    QDate endDate;          // the last day with data
    QDate spikeWeek;        // Monday of the integration-incident week
    QDate regressionStart;  // Monday from which Tier 1 escalates more slowly
    QDate rampMonths[3];    // first days of the three calendar months of rising
                            // Access/Permissions escalations
    UtcSeconds from = 0;    // start of firstDate
    UtcSeconds horizon = 0; // end of endDate: "now" for the demo's open tickets
};

DemoCalendar demoCalendar(const QDate& endDate);

// The IANA zone of the demo team, stored as the workspace's reporting zone.
inline constexpr const char* demoTeamZone = "America/New_York";

struct DemoSummary {
    std::int64_t tickets = 0;
    std::int64_t events = 0;
    std::int64_t accounts = 0;
    std::int64_t knownIssues = 0;
    std::int64_t escalatedTickets = 0;
    DemoCalendar calendar;
};

// Called now and then with the tickets written so far.
using DemoProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Writes the demo into `workspace` in one transaction. Throws
// store::StoreError when the workspace already holds tickets, accounts or
// known issues (nothing is written then).
DemoSummary generateDemo(store::Workspace& workspace, const DemoOptions& options,
                         const DemoProgress& progress = {});

} // namespace escdesk::demo

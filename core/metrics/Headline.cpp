#include "metrics/Headline.h"

#include "metrics/SegmentRollup.h"

namespace escdesk::metrics {

namespace {

bool workspaceHasEventLog(store::Database& db) {
    return db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
}

} // namespace

HeadlineFigures headlineFigures(store::Database& db, const Window& window) {
    return headlineFigures(db, window, workspaceCoverage(db));
}

HeadlineFigures headlineFigures(store::Database& db, const Window& window,
                                const DataCoverage& coverage) {
    HeadlineFigures figures;
    figures.fromEventLog = workspaceHasEventLog(db);
    // A ticket is escalated if it has an `escalated` event or, in a workspace
    // without an event log, if its own escalated flag is set. With a log the
    // figures are the kept per-hour counts of any segmenting field, summed
    // over every value (SegmentRollup.h): the same count, without a visit to
    // each ticket of the window.
    if (figures.fromEventLog) {
        countSegments(db, window, SegmentField::Priority, true,
                      [&](const QString&, std::int64_t tickets, std::int64_t escalated) {
                          figures.tickets += tickets;
                          figures.escalated += escalated;
                      });
    } else {
        store::Statement query =
            db.prepare("SELECT count(*), coalesce(sum(coalesce(t.escalated, 0) != 0), 0) "
                       "FROM tickets t WHERE t.created_at >= ? AND t.created_at < ?");
        query.bindAll(window.from, window.to);
        query.step();
        figures.tickets = query.int64(0);
        figures.escalated = query.int64(1);
    }
    if (!coverage.tiers) {
        figures.escalated = 0;
        figures.unavailable = noTierReason();
    } else if (figures.tickets > 0) {
        figures.escalationRate =
            static_cast<double>(figures.escalated) / static_cast<double>(figures.tickets);
    }
    return figures;
}

} // namespace escdesk::metrics

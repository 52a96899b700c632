#include "analysis/SegmentAnalysis.h"

#include "metrics/SegmentRollup.h"

#include "analysis/Significance.h"
#include "metrics/Statistics.h"

#include <algorithm>
#include <map>
#include <string>

namespace escdesk::analysis {

namespace {

bool ranksBefore(const SegmentRow& a, const SegmentRow& b) {
    const double rateA = a.rate.value_or(-1.0);
    const double rateB = b.rate.value_or(-1.0);
    if (rateA != rateB) {
        return rateA > rateB;
    }
    if (a.value.isNull() != b.value.isNull()) {
        return b.value.isNull(); // "no value" last
    }
    return a.value < b.value;
}

// Tickets created in the window and how many of them escalated.
struct SegmentCount {
    std::int64_t tickets = 0;
    std::int64_t escalated = 0;
};

// Per segment value (null: none), as splitBySegment would split them.
struct SegmentCounts {
    std::map<QString, SegmentCount> byValue;
    SegmentCount withoutValue;

    void add(const QString& value, std::int64_t tickets, std::int64_t escalated) {
        SegmentCount& count = value.isEmpty() ? withoutValue : byValue[value];
        count.tickets += tickets;
        count.escalated += escalated;
    }
};

// The analysis from per-segment counts. Only segments with tickets created
// in the window get a row. Without tiers in the workspace only the tickets
// are counted: escalations cannot be measured.
SegmentAnalysis analyse(const SegmentCounts& counts, metrics::SegmentField field,
                        const metrics::DataCoverage& coverage) {
    if (!coverage.tiers) {
        SegmentCounts ticketsOnly;
        for (const auto& [value, count] : counts.byValue) {
            ticketsOnly.add(value, count.tickets, 0);
        }
        ticketsOnly.add(QString(), counts.withoutValue.tickets, 0);
        SegmentAnalysis analysis = analyse(ticketsOnly, field, metrics::DataCoverage{});
        analysis.overallRate.reset();
        for (SegmentRow& row : analysis.rows) {
            row.rate.reset();
            row.deviationPts.reset();
            row.pValue.reset();
            row.test.reset();
            row.significantlyAbove = false;
        }
        std::sort(analysis.rows.begin(), analysis.rows.end(), ranksBefore);
        analysis.unavailable = metrics::noTierReason();
        return analysis;
    }
    SegmentAnalysis analysis;
    analysis.field = field;
    auto total = [&](const SegmentCount& count) {
        analysis.tickets += count.tickets;
        analysis.escalated += count.escalated;
    };
    for (const auto& [value, count] : counts.byValue) {
        total(count);
    }
    total(counts.withoutValue);
    analysis.overallRate = metrics::ratio(analysis.escalated, analysis.tickets);

    auto addRow = [&](const QString& value, const SegmentCount& count) {
        if (count.tickets == 0) {
            return; // only escalations of earlier tickets: nothing to rate
        }
        SegmentRow row;
        row.value = value;
        row.tickets = count.tickets;
        row.escalated = count.escalated;
        row.rate = metrics::ratio(row.escalated, row.tickets);
        if (row.rate && analysis.overallRate) {
            row.deviationPts = (*row.rate - *analysis.overallRate) * 100.0;
        }
        const std::int64_t restTickets = analysis.tickets - row.tickets;
        const std::int64_t restEscalated = analysis.escalated - row.escalated;
        if (const auto test =
                compareProportions(row.escalated, row.tickets, restEscalated, restTickets)) {
            row.pValue = test->pValue;
            row.test = test->kind;
            // Above the rest: this segment's rate against the other tickets'.
            const bool above =
                row.escalated * restTickets > restEscalated * row.tickets; // x1/n1 > x2/n2
            row.significantlyAbove =
                above && test->pValue < significanceLevel && row.tickets >= smallestSegmentToCall;
        }
        analysis.rows.push_back(row);
    };
    for (const auto& [value, count] : counts.byValue) {
        addRow(value, count);
    }
    addRow(QString(), counts.withoutValue);
    std::sort(analysis.rows.begin(), analysis.rows.end(), ranksBefore);
    return analysis;
}

// The renewal window of each ticket's account depends on the period's end,
// so it is counted from the tickets each time rather than kept per hour.
void countRenewalWindows(store::Database& db, const Window& window,
                         const metrics::RenewalWindow& renewal, bool hasEventLog,
                         const metrics::SegmentCountSink& sink) {
    if (window.from >= window.to) {
        return;
    }
    std::string sql = "SELECT ";
    sql += metrics::segmentFieldSql(metrics::SegmentField::RenewalWindow, renewal);
    sql += ", count(*), sum(";
    sql += metrics::segmentEscalatedSql(hasEventLog);
    sql += ") ";
    sql += metrics::segmentTicketsFrom(metrics::SegmentField::RenewalWindow);
    sql += "WHERE t.created_at >= ?1 AND t.created_at < ?2 GROUP BY 1";
    store::Statement row = db.prepare(sql);
    row.bindAll(window.from, window.to);
    while (row.step()) {
        sink(row.text(0), row.int64(1), row.int64(2));
    }
}

} // namespace

SegmentAnalysis analyseSegments(const metrics::MetricsInput& input, const Window& window,
                                metrics::SegmentField field) {
    // Only the counts are needed: a ticket counts when created in the window,
    // and is escalated as computeMetrics decides it (SPEC §7).
    SegmentCounts counts;
    for (const metrics::TicketFacts& ticket : input.tickets) {
        if (!window.contains(ticket.createdAt)) {
            continue;
        }
        const bool escalated = input.hasEventLog
                                   ? std::any_of(ticket.events.begin(), ticket.events.end(),
                                                 [](const metrics::FactEvent& e) {
                                                     return e.kind == EventKind::Escalated;
                                                 })
                                   : ticket.escalatedFlag;
        counts.add(metrics::segmentValue(ticket, field), 1, escalated ? 1 : 0);
    }
    return analyse(counts, field, input.coverage);
}

SegmentAnalysis analyseSegments(store::Database& db, const Window& window,
                                metrics::SegmentField field,
                                const metrics::RenewalWindow& renewal) {
    const bool hasEventLog = db.queryInt64("SELECT EXISTS (SELECT 1 FROM ticket_events)") != 0;
    SegmentCounts counts;
    const metrics::SegmentCountSink add = [&](const QString& value, std::int64_t tickets,
                                              std::int64_t escalated) {
        counts.add(value, tickets, escalated);
    };
    if (field == metrics::SegmentField::RenewalWindow) {
        countRenewalWindows(db, window, renewal, hasEventLog, add);
    } else {
        metrics::countSegments(db, window, field, hasEventLog, add);
    }
    return analyse(counts, field, metrics::workspaceCoverage(db));
}

} // namespace escdesk::analysis

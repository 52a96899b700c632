#include "analysis/RootCauses.h"

#include "analysis/TextFeatureStore.h"
#include "analysis/Trend.h"
#include "metrics/FactsLoader.h"
#include "store/TicketReader.h"

#include <algorithm>
#include <map>
#include <set>

namespace escdesk::analysis {

namespace {

// One escalation in the window with the facts of its ticket.
struct EscalationRef {
    const metrics::TicketFacts* ticket;
    UtcSeconds at;
};

std::vector<EscalationRef> escalationsIn(const metrics::MetricsInput& input, const Window& window) {
    std::vector<EscalationRef> refs;
    metrics::forEachEscalationIn(input, window,
                                 [&](const metrics::TicketFacts& ticket, UtcSeconds at) {
                                     refs.push_back({&ticket, at});
                                 });
    return refs;
}

std::vector<CountedName> ranked(const std::map<QString, std::int64_t>& counts) {
    std::vector<CountedName> names;
    for (const auto& [name, count] : counts) {
        names.push_back({name, count});
    }
    std::stable_sort(names.begin(), names.end(),
                     [](const CountedName& a, const CountedName& b) { return a.count > b.count; });
    return names;
}

QString recommendedActionFor(const QString& rootCause,
                             const std::vector<matrix::RootCauseCategory>& taxonomy) {
    for (const matrix::RootCauseCategory& category : taxonomy) {
        if (category.name.compare(rootCause, Qt::CaseInsensitive) == 0) {
            return category.recommendedAction;
        }
    }
    return QStringLiteral("Not in the root-cause taxonomy: classify these escalations so the "
                          "pattern can be acted on.");
}

// Gathers the rows of one root cause from its escalations.
class RootCauseBuilder {
public:
    void add(const EscalationRef& e, const KnownIssue* matchedIssue) {
        ++m_count;
        const metrics::TicketFacts& t = *e.ticket;
        if (!t.productArea.isEmpty()) {
            ++m_productAreas[t.productArea];
        }
        if (m_tickets.insert(t.row).second && t.resolvedAt) {
            m_resolutionMinutes.push_back(static_cast<double>(*t.resolvedAt - t.createdAt) / 60.0);
        }
        m_impact.add(t.accountId, t.accountArr.value_or(0.0), matchedIssue);
        m_latest.push_back({e.at, t.row});
        if (matchedIssue) {
            ++m_knownIssueMatches;
            ++m_issues[matchedIssue->issueId];
        }
    }

    RootCauseRow build(const QString& rootCause, std::int64_t total,
                       const std::unordered_map<std::int64_t, TicketTextFeatures>& texts) {
        RootCauseRow row;
        row.rootCause = rootCause;
        row.count = m_count;
        row.share = total > 0 ? static_cast<double>(m_count) / static_cast<double>(total) : 0.0;
        if (!m_resolutionMinutes.empty()) {
            double sum = 0.0;
            for (double minutes : m_resolutionMinutes) {
                sum += minutes;
            }
            row.meanResolutionMin = sum / static_cast<double>(m_resolutionMinutes.size());
        }
        row.productAreas = ranked(m_productAreas);
        if (!row.productAreas.empty()) {
            row.topProductArea = row.productAreas.front().name;
        }
        row.knownIssueMatches = m_knownIssueMatches;
        row.knownIssues = ranked(m_issues);
        row.affectedAccounts = m_impact.affectedAccounts();
        row.affectedArr = m_impact.affectedArr();
        row.impact = m_impact.impact();
        std::sort(m_latest.begin(), m_latest.end(), std::greater<>());
        std::set<std::int64_t> shown;
        for (const auto& [at, ticketRow] : m_latest) {
            if (row.exampleTickets.size() == 5) {
                break;
            }
            const auto text = texts.find(ticketRow);
            if (shown.insert(ticketRow).second && text != texts.end()) {
                row.exampleTickets.push_back(text->second.ticketId);
            }
        }
        return row;
    }

private:
    std::int64_t m_count = 0;
    std::int64_t m_knownIssueMatches = 0;
    ImpactTally m_impact;
    std::map<QString, std::int64_t> m_productAreas;
    std::map<QString, std::int64_t> m_issues;
    std::set<std::int64_t> m_tickets;
    std::vector<double> m_resolutionMinutes;
    std::vector<std::pair<UtcSeconds, std::int64_t>> m_latest;
};

// Escalations in the window per root cause, counted by the store: the
// figures escalationsByRootCause gives on the window's loaded facts.
std::map<QString, std::int64_t> escalationsByRootCauseIn(store::Database& db, const Window& window,
                                                         bool hasEventLog) {
    constexpr const char* eventsSql = R"sql(
SELECT t.root_cause, count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket
WHERE e.event = 'escalated' AND e.occurred_at >= ?1 AND e.occurred_at < ?2
GROUP BY t.root_cause
)sql";
    // Without an event log: the tickets created in the window whose own
    // escalated field is set and whose escalated_at (else created_at) is in it.
    constexpr const char* flaggedSql = R"sql(
SELECT root_cause, count(*) FROM tickets
WHERE created_at >= ?1 AND created_at < ?2
  AND escalated IS NOT NULL AND CAST(escalated AS INTEGER) != 0
  AND coalesce(escalated_at, created_at) >= ?1 AND coalesce(escalated_at, created_at) < ?2
GROUP BY root_cause
)sql";
    store::Statement row = db.prepare(hasEventLog ? eventsSql : flaggedSql);
    row.bindAll(window.from, window.to);
    std::map<QString, std::int64_t> counts;
    while (row.step()) {
        const QString cause = row.text(0);
        counts[cause.isEmpty() ? QStringLiteral("Unspecified") : cause] += row.int64(1);
    }
    return counts;
}

std::vector<std::int64_t> ticketRowsOf(const std::vector<EscalationRef>& escalations) {
    std::vector<std::int64_t> rows;
    for (const EscalationRef& e : escalations) {
        rows.push_back(e.ticket->row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

} // namespace

RootCauseAnalysis analyseRootCauses(store::Database& db, const Window& window,
                                    const std::vector<matrix::RootCauseCategory>& taxonomy) {
    RootCauseAnalysis analysis;
    analysis.window = window;
    const metrics::MetricsInput input = metrics::loadEscalationsInput(db, window);
    const std::vector<EscalationRef> escalations = escalationsIn(input, window);
    analysis.escalations = static_cast<std::int64_t>(escalations.size());
    if (!input.coverage.tiers) {
        analysis.unavailable = metrics::noTierReason();
    }

    const Window previous{window.from - (window.to - window.from), window.from};
    const std::map<QString, std::int64_t> previousCounts =
        escalationsByRootCauseIn(db, previous, input.hasEventLog);
    for (const auto& [cause, count] : previousCounts) {
        analysis.previousEscalations += count;
    }

    const KnownIssueMatcher matcher(store::allKnownIssues(db));
    const auto texts = ticketTextFeatures(db, ticketRowsOf(escalations), matcher);
    std::map<QString, RootCauseBuilder> builders;
    for (const EscalationRef& e : escalations) {
        const auto text = texts.find(e.ticket->row);
        const KnownIssue* matched = nullptr;
        if (text != texts.end() && text->second.knownIssue) {
            matched = &matcher.issues()[*text->second.knownIssue];
        }
        builders[metrics::rootCauseOf(*e.ticket)].add(e, matched);
    }
    for (auto& [cause, builder] : builders) {
        RootCauseRow row = builder.build(cause, analysis.escalations, texts);
        const auto before = previousCounts.find(cause);
        row.previousCount = before == previousCounts.end() ? 0 : before->second;
        row.recommendedAction = recommendedActionFor(cause, taxonomy);
        analysis.rows.push_back(std::move(row));
    }
    // By count, ties by name (the map already ordered them by name).
    std::stable_sort(
        analysis.rows.begin(), analysis.rows.end(),
        [](const RootCauseRow& a, const RootCauseRow& b) { return a.count > b.count; });
    analysis.knownIssues = matcher.issues();
    return analysis;
}

} // namespace escdesk::analysis

#include "analysis/RootCauses.h"

#include "analysis/Trend.h"
#include "analysis/WindowEscalations.h"
#include "metrics/DataCoverage.h"
#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"
#include "store/TicketReader.h"

#include <algorithm>
#include <future>
#include <map>
#include <set>

namespace escdesk::analysis {

namespace {

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
    void add(const EscalationRecord& e, const KnownIssue* matchedIssue) {
        ++m_count;
        if (!e.productArea.isEmpty()) {
            ++m_productAreas[e.productArea];
        }
        // A ticket's escalations come one after another (WindowEscalations
        // orders them by ticket), and all go to its one root cause.
        const bool firstOfTicket = m_count == 1 || m_lastTicket != e.ticket;
        m_lastTicket = e.ticket;
        if (firstOfTicket && e.resolvedAt) {
            m_resolutionMinutes.push_back(static_cast<double>(*e.resolvedAt - e.createdAt) / 60.0);
        }
        m_impact.add(e.accountId, e.accountArr.value_or(0.0), matchedIssue);
        m_latest.push_back({e.at, e.ticket});
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
    std::int64_t m_lastTicket = 0;
    std::vector<double> m_resolutionMinutes;
    std::vector<std::pair<UtcSeconds, std::int64_t>> m_latest;
};

// Escalations per root cause from rows of (root cause, count) over the
// window; a ticket without one counts as "Unspecified".
std::map<QString, std::int64_t> countsByRootCause(store::Statement& row, const Window& window) {
    row.bindAll(window.from, window.to);
    std::map<QString, std::int64_t> counts;
    while (row.step()) {
        const QString cause = row.text(0);
        counts[cause.isEmpty() ? QStringLiteral("Unspecified") : cause] += row.int64(1);
    }
    return counts;
}

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
    return countsByRootCause(row, window);
}

// The same counts from the kept escalation outcomes, when they are complete
// (metrics::escalationOutcomesComplete): a range of their time-ordered key, each
// row's root cause already "Unspecified" when its ticket has none.
std::map<QString, std::int64_t> keptEscalationsByRootCauseIn(store::Database& db,
                                                             const Window& window) {
    store::Statement row = db.prepare("SELECT root_cause, count(*) FROM escalation_outcomes "
                                      "WHERE at >= ?1 AND at < ?2 GROUP BY root_cause");
    return countsByRootCause(row, window);
}

// The previous window's counts: from the kept escalation outcomes when they
// are complete (a short range scan, here). Else escalationsByRootCauseIn on
// a second read connection, in another thread, while this one reads the
// window itself: both are lookups of the tickets of escalated events; here,
// in this thread, when there is no second connection (a workspace in memory).
std::future<std::map<QString, std::int64_t>> escalationsByRootCauseAside(store::Database& db,
                                                                         const Window& window) {
    if (metrics::workspaceHasEventLog(db) && metrics::escalationOutcomesComplete(db)) {
        std::promise<std::map<QString, std::int64_t>> kept;
        kept.set_value(keptEscalationsByRootCauseIn(db, window));
        return kept.get_future();
    }
    std::shared_ptr<store::Database> other = db.openAgain(store::Database::Access::ReadOnly);
    if (other) {
        return std::async(std::launch::async, [other, window] {
            return escalationsByRootCauseIn(*other, window, metrics::workspaceHasEventLog(*other));
        });
    }
    std::promise<std::map<QString, std::int64_t>> here;
    here.set_value(escalationsByRootCauseIn(db, window, metrics::workspaceHasEventLog(db)));
    return here.get_future();
}

} // namespace

RootCauseAnalysis analyseRootCauses(store::Database& db, const Window& window,
                                    const std::vector<matrix::RootCauseCategory>& taxonomy) {
    RootCauseAnalysis analysis;
    analysis.window = window;
    const Window previous{window.from - (window.to - window.from), window.from};
    auto previousAside = escalationsByRootCauseAside(db, previous);
    const KnownIssueMatcher matcher(store::allKnownIssues(db));
    const WindowEscalations input =
        loadWindowEscalations(db, window, matcher, TextColumns::IdAndMatch);
    const std::vector<EscalationRecord>& escalations = input.escalations;
    const auto& texts = input.texts;
    analysis.escalations = static_cast<std::int64_t>(escalations.size());
    if (!input.coverage.tiers) {
        analysis.unavailable = metrics::noTierReason();
    }

    const std::map<QString, std::int64_t> previousCounts = previousAside.get();
    for (const auto& [cause, count] : previousCounts) {
        analysis.previousEscalations += count;
    }

    std::map<QString, RootCauseBuilder> builders;
    for (const EscalationRecord& e : escalations) {
        const KnownIssue* matched = nullptr;
        if (e.text && e.text->knownIssue) {
            matched = &matcher.issues()[*e.text->knownIssue];
        }
        builders[e.rootCause].add(e, matched);
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

#include "analysis/RootCauses.h"

#include "analysis/DocumentationGaps.h"
#include "analysis/NameIds.h"
#include "analysis/Trend.h"
#include "analysis/WindowEscalations.h"
#include "metrics/DataCoverage.h"
#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"
#include "store/TicketReader.h"

#include <algorithm>
#include <future>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

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

// One escalation of the window with the fields of its ticket the root
// causes read, as ids.
struct CauseEscalation {
    std::int64_t ticket = 0; // the ticket's row
    UtcSeconds at = 0;
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> resolvedAt;
    int cause = 0;                   // "Unspecified" for a ticket without one
    int productArea = NameIds::none; // none when empty
    int account = NameIds::none;     // none when empty
    std::optional<std::size_t> knownIssue;

    bool operator<(const CauseEscalation& other) const {
        return std::tie(ticket, at) < std::tie(other.ticket, other.at);
    }
};

// The window's escalations as CauseEscalations, with the names behind
// their ids and each account's ARR (0 for an account the workspace lacks,
// as the metrics' facts count it).
class CauseEscalations {
public:
    explicit CauseEscalations(store::Database& db) {
        store::Statement row = db.prepare("SELECT account_id, arr FROM accounts");
        while (row.step()) {
            const int account = accounts.idOf(row.textView(0));
            m_arrs.resize(accounts.size(), 0.0);
            m_arrs[static_cast<std::size_t>(account)] = row.optionalReal(1).value_or(0.0);
        }
        m_unspecified = causes.idOf(QStringLiteral("Unspecified"));
    }

    // From a row's fields: created_at, resolved_at, root_cause,
    // product_area and account_id from `first` on.
    void add(std::int64_t ticket, UtcSeconds at, const store::Statement& row, int first,
             std::optional<std::size_t> knownIssue) {
        CauseEscalation& e = escalations.emplace_back();
        e.ticket = ticket;
        e.at = at;
        e.createdAt = row.int64(first);
        e.resolvedAt = row.optionalInt64(first + 1);
        const std::string_view cause = row.textView(first + 2);
        e.cause = cause.empty() ? m_unspecified : causes.idOf(cause);
        e.productArea = idUnlessEmpty(productAreas, row.textView(first + 3));
        e.account = accountOf(row.textView(first + 4));
        e.knownIssue = knownIssue;
    }

    void add(std::int64_t ticket, UtcSeconds at, const EscalatedTicketFields& fields,
             std::optional<std::size_t> knownIssue) {
        CauseEscalation& e = escalations.emplace_back();
        e.ticket = ticket;
        e.at = at;
        e.createdAt = fields.createdAt;
        e.resolvedAt = fields.resolvedAt;
        e.cause = fields.rootCause.isEmpty() ? m_unspecified : causes.idOf(fields.rootCause);
        e.productArea = idUnlessEmpty(productAreas, bytesOf(fields.productArea.toUtf8()));
        e.account = accountOf(bytesOf(fields.accountId.value_or(QString()).toUtf8()));
        e.knownIssue = knownIssue;
    }

    double arrOf(int account) const { return m_arrs[static_cast<std::size_t>(account)]; }

    std::vector<CauseEscalation> escalations;
    NameIds causes;
    NameIds productAreas;
    NameIds accounts;

private:
    static int idUnlessEmpty(NameIds& ids, std::string_view bytes) {
        return bytes.empty() ? NameIds::none : ids.idOf(bytes);
    }
    int accountOf(std::string_view bytes) {
        const int account = idUnlessEmpty(accounts, bytes);
        m_arrs.resize(accounts.size(), 0.0);
        return account;
    }

    std::vector<double> m_arrs; // by account id
    int m_unspecified = 0;
};

// The window's escalations read as they come from the window's query, each
// with its ticket's kept text row; those of tickets without a usable kept
// row are read through ticketTextFeatures (which keeps their rows), and an
// escalation of a ticket that does not exist is left out, as a join would.
void readFromEventLog(store::Database& db, const Window& window, const KnownIssueMatcher& matcher,
                      CauseEscalations& into) {
    const bool keptTexts = hasKeptTextFeatures(db);
    const KeptTextFeatureReader kept(matcher);
    std::vector<std::pair<std::int64_t, UtcSeconds>> missing;
    store::Statement row = db.prepare(windowEscalationsSql(metrics::escalationOutcomesComplete(db),
                                                           keptTexts, TextColumns::IdAndMatch));
    row.bindAll(window.from, window.to);
    while (row.step()) {
        const std::int64_t ticket = row.int64(0);
        const UtcSeconds at = row.int64(1);
        const KeptMatch match = keptTexts ? kept.match(row, windowKeptTextColumn) : KeptMatch{};
        if (match.usable) {
            into.add(ticket, at, row, windowKeptTextColumn + keptCreatedAt, match.knownIssue);
        } else {
            missing.emplace_back(ticket, at);
        }
    }
    if (missing.empty()) {
        return;
    }
    std::vector<std::int64_t> tickets;
    for (const auto& [ticket, at] : missing) {
        tickets.push_back(ticket);
    }
    std::sort(tickets.begin(), tickets.end());
    tickets.erase(std::unique(tickets.begin(), tickets.end()), tickets.end());
    const auto texts = ticketTextFeatures(db, tickets, matcher);
    for (const auto& [ticket, at] : missing) {
        const auto text = texts.find(ticket);
        if (text != texts.end()) {
            into.add(ticket, at, text->second.fields, text->second.knownIssue);
        }
    }
}

// Without an event log: the escalations loadWindowEscalations decides on
// from the tickets' own fields.
void readFromTicketFields(store::Database& db, const Window& window,
                          const KnownIssueMatcher& matcher, CauseEscalations& into) {
    const WindowEscalations input =
        loadWindowEscalations(db, window, matcher, TextColumns::IdAndMatch);
    for (const EscalationRecord& e : input.escalations) {
        if (e.text) {
            into.add(e.ticket, e.at, e.text->fields, e.text->knownIssue);
        }
    }
}

// The latest escalated tickets of a root cause: each ticket by its latest
// escalation, the latest first (ties: the higher row first).
class LatestTickets {
public:
    static constexpr std::size_t shown = 5;

    void add(UtcSeconds at, std::int64_t ticket) {
        const std::pair<UtcSeconds, std::int64_t> entry{at, ticket};
        if (m_latest.size() == shown && entry <= m_latest.back()) {
            return;
        }
        m_latest.insert(std::upper_bound(m_latest.begin(), m_latest.end(), entry, std::greater<>()),
                        entry);
        if (m_latest.size() > shown) {
            m_latest.pop_back();
        }
    }
    const std::vector<std::pair<UtcSeconds, std::int64_t>>& latest() const { return m_latest; }

private:
    std::vector<std::pair<UtcSeconds, std::int64_t>> m_latest;
};

// The figures of one root cause, gathered from its escalations in the order
// of CauseEscalation (by ticket, each ticket's in time order): sums of
// doubles are then added in the order the figures have always been.
struct CauseTally {
    std::int64_t count = 0;
    std::vector<std::int64_t> productAreas; // by id
    std::int64_t knownIssueMatches = 0;
    std::int64_t documentationGaps = 0;
    std::map<std::size_t, std::int64_t> knownIssues; // by index
    double resolutionMinutes = 0.0;
    std::int64_t resolvedTickets = 0;
    std::vector<bool> accountSeen; // by id
    std::int64_t accounts = 0;
    double arr = 0.0;
    double weights = 0.0;
    double usersAffected = 0.0;
    LatestTickets latest;
};

// The users affected of the window's escalated tickets that record some, by
// ticket row: one look-up per distinct ticket (they come sorted by ticket).
std::unordered_map<std::int64_t, double> usersAffectedOfEscalated(store::Database& db,
                                                                  const CauseEscalations& input) {
    std::vector<std::int64_t> tickets;
    tickets.reserve(input.escalations.size());
    for (const CauseEscalation& e : input.escalations) {
        if (tickets.empty() || tickets.back() != e.ticket) {
            tickets.push_back(e.ticket);
        }
    }
    return usersAffectedOfTickets(db, tickets);
}

std::vector<CauseTally> tallyByCause(const CauseEscalations& input,
                                     const KnownIssueMatcher& matcher,
                                     const std::unordered_map<std::int64_t, double>& users) {
    std::vector<CauseTally> tallies(input.causes.size());
    const std::vector<CauseEscalation>& escalations = input.escalations;
    for (std::size_t i = 0; i < escalations.size(); ++i) {
        const CauseEscalation& e = escalations[i];
        CauseTally& tally = tallies[static_cast<std::size_t>(e.cause)];
        ++tally.count;
        if (e.productArea != NameIds::none) {
            tally.productAreas.resize(input.productAreas.size(), 0);
            ++tally.productAreas[static_cast<std::size_t>(e.productArea)];
        }
        const bool firstOfTicket = i == 0 || escalations[i - 1].ticket != e.ticket;
        if (firstOfTicket && e.resolvedAt) {
            tally.resolutionMinutes += static_cast<double>(*e.resolvedAt - e.createdAt) / 60.0;
            ++tally.resolvedTickets;
        }
        if (firstOfTicket && !users.empty()) {
            if (const auto found = users.find(e.ticket); found != users.end()) {
                tally.usersAffected += found->second;
            }
        }
        const bool lastOfTicket =
            i + 1 == escalations.size() || escalations[i + 1].ticket != e.ticket;
        if (lastOfTicket) {
            tally.latest.add(e.at, e.ticket);
        }
        if (e.account != NameIds::none) {
            tally.accountSeen.resize(input.accounts.size(), false);
            const auto account = static_cast<std::size_t>(e.account);
            if (!tally.accountSeen[account]) {
                tally.accountSeen[account] = true;
                ++tally.accounts;
                tally.arr += input.arrOf(e.account);
            }
        }
        const KnownIssue* matched = e.knownIssue ? &matcher.issues()[*e.knownIssue] : nullptr;
        tally.weights += workaroundWeight(matched);
        if (matched) {
            ++tally.knownIssueMatches;
            ++tally.knownIssues[*e.knownIssue];
            tally.documentationGaps += lacksKnowledgeBaseArticle(*matched) ? 1 : 0;
        }
    }
    return tallies;
}

// The helpdesk ids of the latest tickets of every root cause.
std::map<std::int64_t, QString> ticketIdsOf(store::Database& db,
                                            const std::vector<CauseTally>& tallies) {
    std::map<std::int64_t, QString> ids;
    store::Statement row = db.prepare("SELECT ticket_id FROM tickets WHERE id = ?1");
    for (const CauseTally& tally : tallies) {
        for (const auto& [at, ticket] : tally.latest.latest()) {
            row.reset();
            row.bindAll(ticket);
            if (row.step()) {
                ids.emplace(ticket, row.text(0));
            }
        }
    }
    return ids;
}

RootCauseRow rowOf(const QString& rootCause, const CauseTally& tally, std::int64_t total,
                   const CauseEscalations& input, const KnownIssueMatcher& matcher,
                   const std::map<std::int64_t, QString>& ticketIds) {
    RootCauseRow row;
    row.rootCause = rootCause;
    row.count = tally.count;
    row.share = total > 0 ? static_cast<double>(tally.count) / static_cast<double>(total) : 0.0;
    if (tally.resolvedTickets > 0) {
        row.meanResolutionMin =
            tally.resolutionMinutes / static_cast<double>(tally.resolvedTickets);
    }
    std::map<QString, std::int64_t> areas;
    for (std::size_t area = 0; area < tally.productAreas.size(); ++area) {
        if (tally.productAreas[area] > 0) {
            areas[input.productAreas.name(static_cast<int>(area))] += tally.productAreas[area];
        }
    }
    row.productAreas = ranked(areas);
    if (!row.productAreas.empty()) {
        row.topProductArea = row.productAreas.front().name;
    }
    row.knownIssueMatches = tally.knownIssueMatches;
    row.documentationGaps = tally.documentationGaps;
    std::map<QString, std::int64_t> issues;
    for (const auto& [issue, count] : tally.knownIssues) {
        issues[matcher.issues()[issue].issueId] += count;
    }
    row.knownIssues = ranked(issues);
    row.affectedAccounts = tally.accounts;
    row.affectedArr = tally.arr;
    row.usersAffected = tally.usersAffected;
    row.impact = impactScore(tally.count, tally.arr, tally.weights, tally.usersAffected);
    for (const auto& [at, ticket] : tally.latest.latest()) {
        const auto id = ticketIds.find(ticket);
        if (id != ticketIds.end()) {
            row.exampleTickets.push_back(id->second);
        }
    }
    return row;
}

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
// Counted here by the value's bytes, not by GROUP BY: a window's tens of
// thousands of rows carry a dozen distinct causes, and SQLite would sort
// them all first.
std::map<QString, std::int64_t> keptEscalationsByRootCauseIn(store::Database& db,
                                                             const Window& window) {
    store::Statement row =
        db.prepare("SELECT root_cause FROM escalation_outcomes WHERE at >= ?1 AND at < ?2");
    row.bindAll(window.from, window.to);
    std::unordered_map<std::string, std::int64_t, store::BytesHash, std::equal_to<>> byBytes;
    while (row.step()) {
        const std::string_view cause = row.textView(0);
        const auto found = byBytes.find(cause);
        if (found != byBytes.end()) {
            ++found->second;
        } else {
            byBytes.emplace(std::string(cause), 1);
        }
    }
    std::map<QString, std::int64_t> counts;
    for (const auto& [bytes, count] : byBytes) {
        const QString cause = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
        counts[cause.isEmpty() ? QStringLiteral("Unspecified") : cause] += count;
    }
    return counts;
}

// The previous window's counts: from the kept escalation outcomes when they
// are complete (a short range scan), else escalationsByRootCauseIn (lookups
// of the tickets of escalated events). On a second read connection, in
// another thread, while this one reads the window itself; here, in this
// thread, when there is no second connection (a workspace in memory).
std::future<std::map<QString, std::int64_t>> escalationsByRootCauseAside(store::Database& db,
                                                                         const Window& window) {
    const bool hasEventLog = metrics::workspaceHasEventLog(db);
    const bool kept = hasEventLog && metrics::escalationOutcomesComplete(db);
    const auto counts = [kept, hasEventLog, window](store::Database& on) {
        return kept ? keptEscalationsByRootCauseIn(on, window)
                    : escalationsByRootCauseIn(on, window, hasEventLog);
    };
    std::shared_ptr<store::Database> other = db.openAgain(store::Database::Access::ReadOnly);
    if (other) {
        return std::async(std::launch::async, [other, counts] { return counts(*other); });
    }
    std::promise<std::map<QString, std::int64_t>> here;
    here.set_value(counts(db));
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
    if (!metrics::workspaceCoverage(db).tiers) {
        analysis.unavailable = metrics::noTierReason();
    }
    // Aggregated straight from the rows: no per-ticket objects, no texts.
    CauseEscalations input(db);
    if (metrics::workspaceHasEventLog(db)) {
        readFromEventLog(db, window, matcher, input);
    } else {
        readFromTicketFields(db, window, matcher, input);
    }
    std::sort(input.escalations.begin(), input.escalations.end());
    analysis.escalations = static_cast<std::int64_t>(input.escalations.size());

    const std::map<QString, std::int64_t> previousCounts = previousAside.get();
    for (const auto& [cause, count] : previousCounts) {
        analysis.previousEscalations += count;
    }

    const std::unordered_map<std::int64_t, double> users = usersAffectedOfEscalated(db, input);
    analysis.usersAffectedKnown = !users.empty();
    const std::vector<CauseTally> tallies = tallyByCause(input, matcher, users);
    const std::map<std::int64_t, QString> ticketIds = ticketIdsOf(db, tallies);
    for (const auto& [cause, id] : input.causes.byName()) {
        const CauseTally& tally = tallies[static_cast<std::size_t>(id)];
        if (tally.count == 0) {
            continue;
        }
        RootCauseRow row = rowOf(cause, tally, analysis.escalations, input, matcher, ticketIds);
        const auto before = previousCounts.find(cause);
        row.previousCount = before == previousCounts.end() ? 0 : before->second;
        row.recommendedAction = recommendedActionFor(cause, taxonomy);
        analysis.rows.push_back(std::move(row));
    }
    // By count, ties by name (the causes came by name).
    std::stable_sort(
        analysis.rows.begin(), analysis.rows.end(),
        [](const RootCauseRow& a, const RootCauseRow& b) { return a.count > b.count; });
    analysis.knownIssues = matcher.issues();
    return analysis;
}

} // namespace escdesk::analysis

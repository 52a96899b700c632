#include "metrics/OutcomeStore.h"

#include "matrix/MatrixStore.h"
#include "metrics/FactsLoader.h"
#include "metrics/HourSpan.h"
#include "metrics/MetricInputs.h"
#include "metrics/OutcomePacks.h"
#include "metrics/SlaOutcomes.h"
#include "store/StringPool.h"

#include <QCryptographicHash>

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <future>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>

namespace escdesk::metrics {

namespace {

// Bumped whenever what an outcome row means changes: kept rows of another
// format are decided again. tests/core/tst_outcome_store.cpp
// (keptOutcomesAreVersioned) fingerprints the kept rows of a hand-worked
// workspace per format and fails when they change under the same number.
// 2: events at one instant in lifecycle order
// (eventOrderKey); zero business minutes from outside hours end at the next
// opening.
// 3: a settled SLA verdict holds from its last breach when that comes after
// the ticket's last instant (settledFrom).
constexpr int outcomeFormat = 3;
constexpr const char* basisKey = "metric_outcomes_basis";
// Holds the basis while every ticket's outcomes are known to be kept, so a
// read need not count every ticket and every kept row to find out. Whatever
// could leave a ticket without its rows removes it: a removed outcome row
// (the trigger of schema version 12) and a new ticket (forgetTriggers).
constexpr const char* completeKey = "metric_outcomes_complete";

// How the `sla` column holds a verdict.
enum StoredSla : int { SlaMet = 0, SlaBreached = 1, SlaRunning = 2 };
// The sla_settled_at of a verdict still running: it settles at no instant.
constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();

// Remove a ticket's outcome rows whenever what they were decided from
// changes, whichever program writes: the ticket, its events, its account
// (the SLA reads the account's tier). Made with the first rows, so a
// workspace whose outcomes were never kept imports without them.
constexpr const char* forgetTriggers = R"sql(
CREATE TRIGGER IF NOT EXISTS outcomes_after_ticket_insert AFTER INSERT ON tickets BEGIN
    DELETE FROM ticket_outcomes WHERE ticket = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_ticket_update AFTER UPDATE ON tickets BEGIN
    DELETE FROM ticket_outcomes WHERE ticket IN (OLD.id, NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_ticket_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_outcomes WHERE ticket = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_event_insert AFTER INSERT ON ticket_events BEGIN
    DELETE FROM ticket_outcomes WHERE ticket = NEW.ticket;
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_event_update AFTER UPDATE ON ticket_events BEGIN
    DELETE FROM ticket_outcomes WHERE ticket IN (OLD.ticket, NEW.ticket);
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_event_delete AFTER DELETE ON ticket_events BEGIN
    DELETE FROM ticket_outcomes WHERE ticket = OLD.ticket;
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_account_insert AFTER INSERT ON accounts BEGIN
    DELETE FROM ticket_outcomes
    WHERE ticket IN (SELECT id FROM tickets WHERE account_id = NEW.account_id);
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_account_update AFTER UPDATE ON accounts BEGIN
    DELETE FROM ticket_outcomes
    WHERE ticket IN (SELECT id FROM tickets WHERE account_id IN (OLD.account_id, NEW.account_id));
END;
CREATE TRIGGER IF NOT EXISTS outcomes_incomplete_after_ticket_insert AFTER INSERT ON tickets BEGIN
    DELETE FROM settings WHERE key = 'metric_outcomes_complete';
END;
CREATE TRIGGER IF NOT EXISTS outcomes_after_account_delete AFTER DELETE ON accounts BEGIN
    DELETE FROM ticket_outcomes
    WHERE ticket IN (SELECT id FROM tickets WHERE account_id = OLD.account_id);
END;
)sql";

// What every kept row depends on beyond its own ticket: the format, whether
// the workspace has an event log, and the matrix the SLA was read by.
QString basisOf(store::Database& db, bool hasEventLog) {
    QCryptographicHash matrix(QCryptographicHash::Sha1);
    store::Statement sections =
        db.prepare("SELECT section, document FROM matrix_sections ORDER BY section");
    while (sections.step()) {
        for (int column : {0, 1}) {
            const std::string_view bytes = sections.textView(column);
            matrix.addData(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
            matrix.addData(QByteArrayView("\0", 1));
        }
    }
    return QStringLiteral("%1;log=%2;matrix=%3")
        .arg(outcomeFormat)
        .arg(hasEventLog ? 1 : 0)
        .arg(QString::fromLatin1(matrix.result().toHex()));
}

QString storedBasis(store::Database& db) {
    store::Statement basis = db.prepare("SELECT value FROM settings WHERE key = ?1");
    basis.bind(1, std::string_view(basisKey));
    return basis.step() ? basis.text(0) : QString();
}

// Whether every ticket and every escalation of the workspace has its kept
// row. Rows exist only for tickets unchanged since, and an escalation row for
// each `escalated` event of its ticket, so equal counts mean none is missing.
bool allKept(store::Database& db, bool hasEventLog) {
    std::string sql =
        "SELECT (SELECT count(*) FROM tickets) = (SELECT count(*) FROM ticket_outcomes)";
    if (hasEventLog) {
        sql += " AND (SELECT count(*) FROM ticket_events WHERE event = 'escalated') = "
               "(SELECT count(*) FROM escalation_outcomes)";
    }
    return db.queryInt64(sql) != 0;
}

bool markedComplete(store::Database& db, const QString& basis) {
    store::Statement complete = db.prepare("SELECT value FROM settings WHERE key = ?1");
    complete.bind(1, std::string_view(completeKey));
    return complete.step() && complete.text(0) == basis;
}

// Marks the outcomes complete under `basis` if they are, counted; in the
// caller's write transaction, which has made forgetTriggers.
void markCompleteIfAllKept(store::Database& db, const QString& basis, bool hasEventLog) {
    if (!allKept(db, hasEventLog)) {
        return;
    }
    store::Statement set =
        db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
    set.bind(1, std::string_view(completeKey)).bind(2, basis);
    set.run();
}

// Stays as "tier:minutes" pairs, minutes in the shortest text that reads
// back as the same double.
std::string staysText(const std::vector<TierStay>& stays) {
    std::string text;
    for (const TierStay& stay : stays) {
        char minutes[32];
        const auto end = std::to_chars(minutes, minutes + sizeof minutes, stay.minutes).ptr;
        if (!text.empty()) {
            text += ' ';
        }
        text += std::to_string(stay.tier) + ':' + std::string(minutes, end);
    }
    return text;
}

// The SLA verdicts of the window's tickets whose kept verdict does not
// hold at the instant asked for (a clock was still running, or the instant
// lies before the ticket's last one), decided now: breached or not, by row.
std::unordered_map<std::int64_t, bool> verdictsToDecide(store::Database& db, const Window& window,
                                                        const SlaAssessment& sla) {
    store::Statement row = db.prepare(
        "SELECT ticket FROM ticket_outcomes WHERE sla IS NOT NULL AND sla_settled_at > ?3 "
        "AND +created_at >= ?1 AND +created_at < ?2"); // by settled_at: the few
    row.bindAll(window.from, window.to, sla.asOf);
    std::vector<std::int64_t> rows;
    while (row.step()) {
        rows.push_back(row.int64(0));
    }
    std::sort(rows.begin(), rows.end());
    std::unordered_map<std::int64_t, bool> breached;
    if (rows.empty()) {
        return breached;
    }
    const std::vector<TicketFacts> facts = loadTicketFacts(db, rows);
    const auto slas = readSlas(facts, sla);
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (slas[i]) {
            breached.emplace(facts[i].row, slas[i]->breached);
        }
    }
    return breached;
}

// The repeat-issue flags of a window's escalated tickets (SPEC §7
// repeat_issue_rate), from the kept resolutions of escalated tickets. A
// ticket created at c is a repeat issue when an escalated ticket of its
// (root cause, product area) was resolved at some t in [c - 90 days, c),
// that is when c lies in (t, t + 90 days]. For each pair those intervals merge into a few spans,
// found by seeks in the index by pair (schema version 15): from a span's
// first resolution, the last one within 90 days of the latest so far extends
// it, until none does; the next span starts at the next resolution. A
// window's flags then cost a few seeks per pair, not a read of every
// resolution of the 90 days before it.
class RepeatIssueSpans {
public:
    RepeatIssueSpans(store::Database& db, const Window& window) {
        Seeks seeks{db.prepare(resolutionSql("min", ">=")), db.prepare(resolutionSql("max", ">"))};
        // Only resolutions before the window's end, and within 90 days
        // before one of its tickets, can make it a repeat.
        const Window lookback{window.from - repeatIssueLookbackSeconds, window.to};
        store::Statement nextPair = db.prepare(
            "SELECT root_cause, product_area FROM ticket_outcomes WHERE escalated != 0 "
            "AND (root_cause, product_area) > (?1, ?2) ORDER BY root_cause, product_area LIMIT 1");
        std::string rootCause, productArea; // the last pair, '' for NULL
        for (;;) {
            nextPair.reset();
            nextPair.bind(1, std::string_view(rootCause)).bind(2, std::string_view(productArea));
            if (!nextPair.step()) {
                break;
            }
            rootCause = nextPair.textView(0);
            productArea = nextPair.textView(1);
            if (!rootCause.empty() && !productArea.empty()) { // else never a repeat
                addSpansOf(seeks, rootCause, productArea, lookback);
            }
        }
    }

    bool isRepeatIssue(const QString& rootCause, const QString& productArea,
                       UtcSeconds createdAt) const {
        const auto found = m_spans.find({rootCause, productArea});
        if (found == m_spans.end()) {
            return false;
        }
        const std::vector<Span>& spans = found->second;
        const auto after = std::partition_point(
            spans.begin(), spans.end(), [&](const Span& span) { return span.after < createdAt; });
        return after != spans.begin() && createdAt <= std::prev(after)->through;
    }

private:
    // The instants c in (after, through].
    struct Span {
        UtcSeconds after;
        UtcSeconds through;
    };

    // The first (min) or last (max) resolution of a pair in [?3, ?4), or
    // (?3, ?4) for the last, as the index by pair finds it.
    static std::string resolutionSql(const char* which, const char* from) {
        std::string sql = "SELECT ";
        sql += which;
        sql += "(resolved_at) FROM ticket_outcomes WHERE escalated != 0 AND root_cause = ?1 "
               "AND product_area = ?2 AND resolved_at ";
        sql += from;
        sql += " ?3 AND resolved_at < ?4";
        return sql;
    }

    static std::optional<UtcSeconds> resolution(store::Statement& query, std::string_view rootCause,
                                                std::string_view productArea, UtcSeconds from,
                                                UtcSeconds to) {
        if (from >= to) {
            return std::nullopt;
        }
        query.reset();
        query.bind(1, rootCause).bind(2, productArea);
        query.bind(3, from).bind(4, to);
        return query.step() ? query.optionalInt64(0) : std::nullopt;
    }

    struct Seeks {
        store::Statement first; // resolutionSql("min", …)
        store::Statement last;  // resolutionSql("max", …)
    };

    void addSpansOf(Seeks& seeks, std::string_view rootCause, std::string_view productArea,
                    const Window& lookback) {
        constexpr UtcSeconds reach = repeatIssueLookbackSeconds;
        std::vector<Span> spans;
        auto start = resolution(seeks.first, rootCause, productArea, lookback.from, lookback.to);
        while (start) {
            UtcSeconds latest = *start;
            while (const auto further = resolution(seeks.last, rootCause, productArea, latest,
                                                   std::min(latest + reach + 1, lookback.to))) {
                latest = *further;
            }
            spans.push_back(Span{*start, latest + reach});
            start =
                resolution(seeks.first, rootCause, productArea, latest + reach + 1, lookback.to);
        }
        if (!spans.empty()) {
            m_spans.emplace(std::pair{QString::fromUtf8(rootCause), QString::fromUtf8(productArea)},
                            std::move(spans));
        }
    }

    struct PairHash {
        std::size_t operator()(const std::pair<QString, QString>& key) const {
            return qHashMulti(0, key.first, key.second);
        }
    };

    std::unordered_map<std::pair<QString, QString>, std::vector<Span>, PairHash> m_spans;
};

// What completes each kept ticket outcome of a window: the SLA verdicts to
// decide again and the resolutions its repeat-issue flags look back at.
// Read once for a window its two readers share.
struct TicketCompletion {
    std::unordered_map<std::int64_t, bool> verdicts; // verdictsToDecide
    RepeatIssueSpans repeats;
};

TicketCompletion completionOf(store::Database& db, const Window& window, const SlaAssessment& sla) {
    return TicketCompletion{verdictsToDecide(db, window, sla), RepeatIssueSpans(db, window)};
}

// Completes a kept hour summary as visitKeptTickets completes each of its
// tickets; false when some verdict it counts as settled settles after the
// instant asked for (the hour is then visited ticket by ticket).
bool completeSummary(TicketHourSummary& hour, const SlaAssessment& sla,
                     const TicketCompletion& completion) {
    if (hour.settledBy > sla.asOf) {
        return false;
    }
    for (const auto& running : hour.runningSlas) {
        const auto found = completion.verdicts.find(running.ticket);
        if (found == completion.verdicts.end()) {
            continue;
        }
        ++hour.slaEvaluated;
        hour.slaBreached += found->second ? 1 : 0;
        if (running.escalated) {
            ++hour.slaEvaluatedEsc;
            hour.slaBreachedEsc += found->second ? 1 : 0;
        }
    }
    hour.repeats = 0;
    for (const auto& candidate : hour.repeatCandidates) {
        hour.repeats += completion.repeats.isRepeatIssue(candidate.rootCause, candidate.productArea,
                                                         candidate.createdAt)
                            ? 1
                            : 0;
    }
    return true;
}

// Visits the kept ticket outcomes of the window, in creation order, each
// completed: its SLA verdict as of the instant asked for, its repeat-issue
// flag (it depends on other tickets, so is not kept). Whole hours the
// visitor takes summed are passed so, completed alike. Returns whether every
// whole hour was read from its pack.
bool visitKeptTickets(store::Database& db, const Window& window, const SlaAssessment& sla,
                      const TicketCompletion& completion, OutcomeVisitor& visitor) {
    const std::unordered_map<std::int64_t, bool>& decided = completion.verdicts;
    const RepeatIssueSpans& repeats = completion.repeats;
    const auto visitOne = [&](KeptTicket& kept) {
        TicketOutcome& t = kept.outcome;
        t.slaBreached.reset();
        if (kept.hasSla) {
            if (kept.slaSettledAt <= sla.asOf) {
                t.slaBreached = kept.sla == SlaBreached;
            } else if (const auto found = decided.find(t.ticket); found != decided.end()) {
                t.slaBreached = found->second;
            }
        }
        t.repeatIssue =
            t.escalated && repeats.isRepeatIssue(t.rootCause, t.productArea, t.createdAt);
        visitor.visit(t);
    };
    return forEachKeptTicketOrHour(
        db, window, [&](std::int64_t hour) { return visitor.takesHour(hour); },
        [&](TicketHourSummary& hour) {
            if (!completeSummary(hour, sla, completion)) {
                return false;
            }
            visitor.visit(hour);
            return true;
        },
        visitOne);
}

bool visitKeptEscalations(store::Database& db, const Window& window, OutcomeVisitor& visitor) {
    return forEachKeptEscalationOrHour(
        db, window, [&](std::int64_t hour) { return visitor.takesHour(hour); },
        [&](const EscalationHourSummary& hour) { visitor.visit(hour); },
        [&](const EscalationOutcome& e) { visitor.visit(e); });
}

// Up to `limit` tickets after row `after` without kept rows, ascending.
std::vector<std::int64_t> missingRows(store::Database& db, std::int64_t after, int limit) {
    store::Statement row = db.prepare(
        "SELECT t.id FROM tickets t WHERE t.id > ?1 AND NOT EXISTS "
        "(SELECT 1 FROM ticket_outcomes o WHERE o.ticket = t.id) ORDER BY t.id LIMIT ?2");
    row.bindAll(after, limit);
    std::vector<std::int64_t> rows;
    while (row.step()) {
        rows.push_back(row.int64(0));
    }
    return rows;
}

// The ticket's latest instant: every SLA clock starts and stops at one of
// them, so a verdict settled then holds at any instant from it on.
UtcSeconds latestInstantOf(const TicketFacts& ticket) {
    UtcSeconds latest = ticket.createdAt;
    for (const auto& instant : {ticket.firstResponseAt, ticket.resolvedAt, ticket.closedAt}) {
        latest = std::max(latest, instant.value_or(latest));
    }
    for (const FactEvent& e : ticket.events) {
        latest = std::max(latest, e.at);
    }
    return latest;
}

// From when a settled verdict holds: the ticket's latest instant, or a
// later breach — a clock that ran past its target with nothing left to stop
// it, whose verdict was "running" until then.
UtcSeconds settledFrom(const TicketFacts& ticket, const SlaReading& sla) {
    const UtcSeconds latest = latestInstantOf(ticket);
    return std::max(latest, sla.lastBreachAt.value_or(latest));
}

class OutcomeWriter {
public:
    explicit OutcomeWriter(store::Database& db)
        : m_ticket(db.prepare("INSERT INTO ticket_outcomes VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                              "?15, ?16, ?17, ?18)"))
        , m_escalation(db.prepare("INSERT INTO escalation_outcomes VALUES "
                                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")) {}

    void write(const TicketFacts& facts, bool hasEventLog, const std::optional<SlaReading>& sla) {
        const TicketOutcome t = ticketOutcomeOf(facts, hasEventLog);
        m_touched.tickets.insert(hourOf(t.createdAt));
        m_ticket.bindAll(t.createdAt, t.ticket, facts.resolvedAt, t.escalated ? 1 : 0,
                         t.timeToEscalateMin, t.escalationEvents, t.highestTier, t.tier3Escalations,
                         t.resolutionMin, t.reopened ? 1 : 0, t.csat, t.handleTimeMin, t.priority,
                         t.rootCause, t.productArea);
        if (!sla) {
            m_ticket.bindNull(16).bindNull(17);
        } else if (!sla->settled) {
            m_ticket.bind(16, SlaRunning).bind(17, never);
        } else {
            m_ticket.bind(16, sla->breached ? SlaBreached : SlaMet)
                .bind(17, settledFrom(facts, *sla));
        }
        if (t.stays.empty()) {
            m_ticket.bindNull(18);
        } else {
            m_ticket.bind(18, std::string_view(staysText(t.stays)));
        }
        m_ticket.run();
        int ordinal = 0;
        for (const EscalationOutcome& e : escalationOutcomesOf(facts, hasEventLog)) {
            m_touched.escalations.insert(hourOf(e.at));
            m_escalation.bindAll(e.at, e.ticket, ordinal++, e.claimMin, e.handoffMin, e.decisionMin,
                                 e.bounced ? 1 : 0, e.infoRequested ? 1 : 0, e.priority,
                                 e.rootCause);
            m_escalation.run();
        }
    }

    // The hours whose rows were written: their packs no longer hold them.
    const TouchedHours& touched() const { return m_touched; }

private:
    // As SQLite's instant / 3600, which the packs are keyed by.
    static std::int64_t hourOf(UtcSeconds at) { return at / 3600; }

    store::Statement m_ticket;
    store::Statement m_escalation;
    TouchedHours m_touched;
};

void forgetAll(store::Database& db, const QString& basis) {
    // Packs first, so the trigger that forgets a removed row's packs finds
    // none; escalation rows before ticket rows: each ticket row removed would
    // look for them.
    forgetAllPacks(db);
    db.exec("DELETE FROM escalation_outcomes; DELETE FROM ticket_outcomes");
    store::Statement incomplete = db.prepare("DELETE FROM settings WHERE key = ?1");
    incomplete.bind(1, std::string_view(completeKey));
    incomplete.run();
    store::Statement set =
        db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
    set.bind(1, std::string_view(basisKey)).bind(2, basis);
    set.run();
}

// What the outcomes of a workspace are decided by, read in the transaction
// that uses them.
struct Basis {
    Basis(store::Database& db, UtcSeconds slaAsOf)
        : hasEventLog(workspaceHasEventLog(db))
        , text(basisOf(db, hasEventLog))
        , evaluator(matrix::loadMatrix(db))
        , asOf(slaAsOf) {}

    SlaAssessment sla() const { return SlaAssessment{evaluator, asOf}; }

    bool hasEventLog;
    QString text;
    matrix::MatrixEvaluator evaluator;
    UtcSeconds asOf;
};

// Decides and keeps the outcomes of up to `limit` tickets after row `after`
// that lack them, in one transaction of their own: a first read of a large
// workspace holds the write lock, and the facts in memory, a bounded while.
// Returns the last row kept, or nothing when none was missing.
std::optional<std::int64_t> keepSomeMissing(store::Database& db, std::int64_t after, int limit,
                                            UtcSeconds slaAsOf) {
    store::Transaction write(db, store::Transaction::Kind::Immediate);
    const Basis basis(db, slaAsOf);
    if (storedBasis(db) != basis.text) {
        forgetAll(db, basis.text);
    }
    db.exec(forgetTriggers);
    const std::vector<std::int64_t> missing = missingRows(db, after, limit);
    if (missing.empty()) {
        markCompleteIfAllKept(db, basis.text, basis.hasEventLog);
        write.commit();
        return std::nullopt;
    }
    const std::vector<TicketFacts> facts = loadTicketFacts(db, missing);
    const auto slas = readSlas(facts, basis.sla());
    OutcomeWriter writer(db);
    for (std::size_t i = 0; i < facts.size(); ++i) {
        writer.write(facts[i], basis.hasEventLog, slas[i]);
    }
    forgetPacksOf(db, writer.touched());
    write.commit();
    return missing.back();
}

// Keeps the outcomes of every ticket that lacks them.
void keepAllMissing(store::Database& db, UtcSeconds slaAsOf) {
    constexpr int ticketsPerRound = 50000;
    std::int64_t after = 0;
    while (const auto last = keepSomeMissing(db, after, ticketsPerRound, slaAsOf)) {
        after = *last;
    }
}

// Decided in memory, as they would be kept: for a workspace that cannot be
// written now.
void visitComputed(store::Database& db, const Window& window, const SlaAssessment& sla,
                   OutcomeVisitor& visitor) {
    MetricsInput input = loadMetricsInput(db, window);
    markSlaBreaches(input, window, sla);
    visitor.begin(input.hasEventLog, input.coverage, OutcomeSource::Computed);
    std::vector<TicketOutcome> tickets;
    for (const TicketFacts& ticket : input.tickets) {
        if (window.contains(ticket.createdAt)) {
            tickets.push_back(ticketOutcomeOf(ticket, input.hasEventLog));
        }
    }
    ResolvedEscalationIndex(input.resolvedEscalations).markRepeatIssues(tickets);
    for (const TicketOutcome& ticket : tickets) {
        visitor.visit(ticket);
    }
    for (const TicketFacts& ticket : input.tickets) {
        for (const EscalationOutcome& e : escalationOutcomesOf(ticket, input.hasEventLog)) {
            if (window.contains(e.at)) {
                visitor.visit(e);
            }
        }
    }
}

// A connection of our own that may write the workspace, for a caller whose
// connection is read-only; empty when the file cannot be opened so. It waits
// only briefly for another writer: the outcomes can always be decided in
// memory instead.
std::unique_ptr<store::Database> ownWriter(store::Database& db) {
    auto writer = db.openAgain(store::Database::Access::ReadWrite);
    if (writer) {
        writer->exec("PRAGMA busy_timeout = 250");
    }
    return writer;
}

// Whether every outcome is kept under the workspace's current basis, read
// in the caller's snapshot.
bool allKeptUnder(store::Database& db, const Basis& basis) {
    return storedBasis(db) == basis.text &&
           (markedComplete(db, basis.text) || allKept(db, basis.hasEventLog));
}

// Visits the kept outcomes of the window, in one snapshot that holds every
// one; returns false, having visited none, when some are missing. `shared`:
// the window's completion read already (for a part of a larger window whose
// completion was read for the whole), else read here. `packed`: set to
// whether every whole hour of the window was read from its pack.
bool visitIfAllKept(store::Database& db, const Window& window, UtcSeconds slaAsOf,
                    OutcomeSource source, OutcomeVisitor& visitor, bool& packed,
                    const TicketCompletion* shared = nullptr) {
    store::Transaction snapshot(db, store::Transaction::Kind::Deferred);
    const Basis basis(db, slaAsOf);
    if (!allKeptUnder(db, basis)) {
        return false;
    }
    visitor.begin(basis.hasEventLog, workspaceCoverage(db), source);
    const bool ticketsPacked =
        shared ? visitKeptTickets(db, window, basis.sla(), *shared, visitor)
               : visitKeptTickets(db, window, basis.sla(), completionOf(db, window, basis.sla()),
                                  visitor);
    packed = visitKeptEscalations(db, window, visitor) && ticketsPacked;
    snapshot.commit();
    return true;
}

// The completion of the whole window, for its two readers; empty when some
// outcome is not kept.
std::optional<TicketCompletion> sharedCompletion(store::Database& db, const Window& window,
                                                 UtcSeconds slaAsOf) {
    store::Transaction snapshot(db, store::Transaction::Kind::Deferred);
    const Basis basis(db, slaAsOf);
    if (!allKeptUnder(db, basis)) {
        return std::nullopt;
    }
    TicketCompletion completion = completionOf(db, window, basis.sla());
    snapshot.commit();
    return completion;
}

// A second read-only connection to the same file, for another thread;
// empty when the store is not a file or cannot be opened again.
std::unique_ptr<store::Database> secondReader(store::Database& db) {
    auto reader = db.openAgain(store::Database::Access::ReadOnly);
    if (reader) {
        reader->exec("PRAGMA mmap_size = 0"); // as FileMapOff, for good
    }
    return reader;
}

// Turns SQLite's memory map of the file off on a connection while it
// lives, and back to what it was after. The kept outcomes are range scans of
// small rows and counts of indexes: read through the page cache they are as
// fast, and a map would count every page the counts touch against the
// process (550 MB for a million tickets).
class FileMapOff {
public:
    explicit FileMapOff(store::Database& db)
        : m_db(db)
        , m_size(db.queryInt64("PRAGMA mmap_size")) {
        m_db.exec("PRAGMA mmap_size = 0");
    }
    ~FileMapOff() {
        const std::string restore = "PRAGMA mmap_size = " + std::to_string(m_size);
        sqlite3_exec(m_db.handle(), restore.c_str(), nullptr, nullptr, nullptr);
    }
    FileMapOff(const FileMapOff&) = delete;
    FileMapOff& operator=(const FileMapOff&) = delete;

private:
    store::Database& m_db;
    std::int64_t m_size;
};

// Below this many tickets a window is visited on one connection: a second
// one costs more than it saves.
constexpr std::int64_t ticketsWorthAHelper = 100000;

// Whether the window holds at least `enough` kept tickets. The count stops
// there: the rows counted are the table's own, so a count of a whole large
// window would read every row (over 100 MB for a million tickets).
bool holdsTickets(store::Database& db, const Window& window, std::int64_t enough) {
    store::Statement count =
        db.prepare("SELECT count(*) FROM (SELECT 1 FROM ticket_outcomes WHERE created_at >= ?1 "
                   "AND created_at < ?2 LIMIT ?3)");
    count.bindAll(window.from, window.to, enough);
    count.step();
    return count.int64(0) >= enough;
}

// visitIfAllKept for a large window with a visitor that can share it: the
// later half of the window is visited by its helper on a second connection
// in another thread, the earlier half here, and the helper's sums joined.
// The second snapshot must hold every outcome under the same basis too, or
// the window is visited here alone. (Two snapshots can differ only when
// another program changed tickets and kept all their outcomes again in the
// moment between them; each half is then still whole.)
bool visitSharedIfAllKept(store::Database& db, const Window& window, UtcSeconds slaAsOf,
                          OutcomeSource source, OutcomeVisitor& visitor, bool& packed) {
    const FileMapOff readNotMapped(db);
    std::unique_ptr<OutcomeVisitor> helper = visitor.helper();
    std::unique_ptr<store::Database> other;
    if (helper && holdsTickets(db, window, ticketsWorthAHelper)) {
        other = secondReader(db);
    }
    if (!other) {
        return visitIfAllKept(db, window, slaAsOf, source, visitor, packed);
    }
    // Read once for both halves: the repeat-issue lookback alone is 90 days
    // of resolutions, more than a 30-day window's own outcomes.
    const std::optional<TicketCompletion> completion = sharedCompletion(db, window, slaAsOf);
    if (!completion) {
        return false;
    }
    // On an hour, so that each half reads every whole hour it holds.
    const UtcSeconds half = window.from + (window.to - window.from) / 2;
    const UtcSeconds onHour = half - half % secondsPerHour;
    const UtcSeconds middle = onHour > window.from ? onHour : half;
    bool laterPacked = false;
    auto later = std::async(std::launch::async, [&] {
        return visitIfAllKept(*other, Window{middle, window.to}, slaAsOf, source, *helper,
                              laterPacked, &*completion);
    });
    bool earlierPacked = false;
    const bool earlierKept = visitIfAllKept(db, Window{window.from, middle}, slaAsOf, source,
                                            visitor, earlierPacked, &*completion);
    const bool laterKept = later.get();
    if (!earlierKept) {
        return false;
    }
    if (!laterKept) {
        return visitIfAllKept(db, window, slaAsOf, source, visitor, packed);
    }
    visitor.join(std::move(*helper));
    // A middle not on an hour leaves its hour unread from a pack.
    packed = earlierPacked && laterPacked && middle == onHour;
    return true;
}

// Sums what it visits into one window's metrics.
class OutcomeSum : public OutcomeVisitor {
public:
    OutcomeSum(const Window& window, const CostParameters& costs)
        : m_window(window)
        , m_costs(costs) {}

    void begin(bool hasEventLog, const DataCoverage& coverage, OutcomeSource) override {
        m_sum.emplace(m_window, hasEventLog, m_costs, coverage);
    }
    void visit(const TicketOutcome& ticket) override { m_sum->add(ticket); }
    void visit(const EscalationOutcome& escalation) override { m_sum->add(escalation); }
    bool takesHour(std::int64_t hour) const override { return m_sum->holdsHour(hour); }
    void visit(const TicketHourSummary& hour) override { m_sum->add(hour); }
    void visit(const EscalationHourSummary& hour) override { m_sum->add(hour); }

    std::unique_ptr<OutcomeVisitor> helper() const override {
        return std::make_unique<OutcomeSum>(m_window, m_costs);
    }
    void join(OutcomeVisitor&& helper) override {
        m_sum->merge(std::move(*static_cast<OutcomeSum&>(helper).m_sum));
    }

    Metrics finish() { return m_sum->finish(); }

private:
    Window m_window;
    CostParameters m_costs;
    std::optional<MetricsAccumulator> m_sum;
};

// Collects what it visits.
class OutcomeCollector : public OutcomeVisitor {
public:
    void begin(bool hasEventLog, const DataCoverage& coverage, OutcomeSource source) override {
        m_outcomes.hasEventLog = hasEventLog;
        m_outcomes.coverage = coverage;
        m_outcomes.source = source;
    }
    void visit(const TicketOutcome& ticket) override { m_outcomes.tickets.push_back(ticket); }
    void visit(const EscalationOutcome& escalation) override {
        m_outcomes.escalations.push_back(escalation);
    }

    WindowOutcomes take() { return std::move(m_outcomes); }

private:
    WindowOutcomes m_outcomes;
};

// Marks the outcomes read complete unless they are marked already.
void markCompleteAfterRead(store::Database& db, UtcSeconds slaAsOf) {
    store::Transaction write(db, store::Transaction::Kind::Immediate);
    const Basis basis(db, slaAsOf);
    if (storedBasis(db) == basis.text && !markedComplete(db, basis.text)) {
        db.exec(forgetTriggers);
        markCompleteIfAllKept(db, basis.text, basis.hasEventLog);
    }
    write.commit();
}

// Whether the kept outcomes are not marked complete under their basis.
bool needsMarkingComplete(store::Database& db) {
    store::Statement marked = db.prepare("SELECT (SELECT value FROM settings WHERE key = ?1) IS "
                                         "(SELECT value FROM settings WHERE key = ?2)");
    marked.bind(1, std::string_view(completeKey)).bind(2, std::string_view(basisKey));
    marked.step();
    return marked.int64(0) == 0;
}

// After a read of kept outcomes: marks them complete, so the next read need
// not count them, and packs the window's hours that lack a pack, so the next
// read of those hours is of their packs. Left for another read when the
// workspace cannot be written now. `packed`: the read met every whole
// hour's pack, so none needs counting.
void keepAfterRead(store::Database& db, const Window& window, UtcSeconds slaAsOf, bool packed) {
    const bool unmarked = needsMarkingComplete(db);
    if (!unmarked && (packed || !packsMissing(db, window))) {
        return;
    }
    std::unique_ptr<store::Database> own;
    store::Database* writer = &db;
    if (sqlite3_db_readonly(db.handle(), "main") != 0) {
        own = ownWriter(db);
        writer = own.get();
    }
    if (!writer) {
        return;
    }
    try {
        if (unmarked) {
            markCompleteAfterRead(*writer, slaAsOf);
        }
        keepMissingPacks(*writer, window);
    } catch (const store::StoreError& error) {
        if (error.kind() != store::StoreError::Kind::Busy &&
            error.kind() != store::StoreError::Kind::ReadOnly) {
            throw;
        }
    }
}

} // namespace

void visitWindowOutcomes(store::Database& db, const Window& window, UtcSeconds slaAsOf,
                         OutcomeVisitor& visitor) {
    bool packed = false;
    if (visitSharedIfAllKept(db, window, slaAsOf, OutcomeSource::Kept, visitor, packed)) {
        keepAfterRead(db, window, slaAsOf, packed);
        return;
    }
    std::unique_ptr<store::Database> own;
    store::Database* writer = &db;
    if (sqlite3_db_readonly(db.handle(), "main") != 0) {
        own = ownWriter(db);
        writer = own.get();
    }
    // Another writer may change tickets between the rounds that keep the
    // missing outcomes and the read: then it is tried once more, and after
    // that the window is decided in memory.
    for (int attempt = 0; writer && attempt < 2; ++attempt) {
        try {
            keepAllMissing(*writer, slaAsOf);
        } catch (const store::StoreError& error) {
            if (error.kind() != store::StoreError::Kind::Busy &&
                error.kind() != store::StoreError::Kind::ReadOnly) {
                throw;
            }
            break;
        }
        if (visitSharedIfAllKept(db, window, slaAsOf, OutcomeSource::Completed, visitor, packed)) {
            keepAfterRead(db, window, slaAsOf, packed);
            return;
        }
    }
    const Basis basis(db, slaAsOf);
    visitComputed(db, window, basis.sla(), visitor);
}

WindowOutcomes loadWindowOutcomes(store::Database& db, const Window& window, UtcSeconds slaAsOf) {
    OutcomeCollector collector;
    visitWindowOutcomes(db, window, slaAsOf, collector);
    WindowOutcomes outcomes = collector.take();
    outcomes.costs = metricInputsOf(db).costs;
    return outcomes;
}

Metrics computeMetrics(const WindowOutcomes& outcomes, const Window& window) {
    return computeMetrics(outcomes.refs(), outcomes.hasEventLog, window, outcomes.costs,
                          outcomes.coverage);
}

Metrics metricsOfWindow(store::Database& db, const Window& window, UtcSeconds slaAsOf) {
    OutcomeSum sum(window, metricInputsOf(db).costs);
    visitWindowOutcomes(db, window, slaAsOf, sum);
    return sum.finish();
}

namespace {

// How many tickets lack kept outcomes: all of them when the kept ones were
// decided on another basis (they will be forgotten), else those without a
// row.
std::int64_t ticketsLackingOutcomes(store::Database& db) {
    store::Transaction snapshot(db, store::Transaction::Kind::Deferred);
    const std::int64_t tickets = db.queryInt64("SELECT count(*) FROM tickets");
    if (storedBasis(db) != basisOf(db, workspaceHasEventLog(db))) {
        return tickets;
    }
    const std::int64_t kept = db.queryInt64("SELECT count(*) FROM ticket_outcomes");
    snapshot.commit();
    return std::max<std::int64_t>(0, tickets - kept);
}

} // namespace

bool keepMissingOutcomes(store::Database& db, UtcSeconds slaAsOf, const OutcomeProgress& progress) {
    // Rounds small enough that progress moves every percent or two on a
    // million tickets; each is a transaction of its own, as in keepAllMissing.
    constexpr int ticketsPerRound = 20000;
    std::unique_ptr<store::Database> own;
    store::Database* writer = &db;
    if (sqlite3_db_readonly(db.handle(), "main") != 0) {
        own = ownWriter(db);
        writer = own.get();
        if (writer) {
            // A caller showing progress waits for another writer's moment
            // (a rollup kept meanwhile) rather than deciding in memory.
            writer->exec("PRAGMA busy_timeout = 10000");
        }
    }
    if (!writer) {
        return false;
    }
    // Every ticket is read once: a map of the file would count the whole of
    // it against the caller's memory (a window's, for the Dashboard).
    const FileMapOff readNotMapped(*writer);
    try {
        const std::int64_t lacking = ticketsLackingOutcomes(*writer);
        if (lacking == 0) {
            return true;
        }
        if (!progress(0, lacking)) {
            return false;
        }
        std::int64_t decided = 0;
        std::int64_t after = 0;
        // Every round but the last decides a full round's tickets.
        while (const auto last = keepSomeMissing(*writer, after, ticketsPerRound, slaAsOf)) {
            after = *last;
            decided = std::min(decided + ticketsPerRound, lacking);
            if (!progress(decided, lacking)) {
                return false;
            }
        }
        if (decided < lacking) {
            progress(lacking, lacking);
        }
    } catch (const store::StoreError& error) {
        if (error.kind() != store::StoreError::Kind::Busy &&
            error.kind() != store::StoreError::Kind::ReadOnly) {
            throw;
        }
        return false;
    }
    return true;
}

bool escalationOutcomesComplete(store::Database& db) {
    store::Statement mark = db.prepare("SELECT value FROM settings WHERE key = ?1");
    mark.bind(1, std::string_view(completeKey));
    return mark.step() && mark.textView(0).find(";log=1;") != std::string_view::npos;
}

} // namespace escdesk::metrics

#include "risk/AtRiskQueue.h"

#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"
#include "risk/OpenAsOf.h"
#include "risk/RiskFeatureStore.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "text/FastText.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace escdesk::risk {

namespace {

QString percent(double share) {
    return QString::number(std::floor(share * 100.0), 'f', 0) + QLatin1Char('%');
}

QString slaReason(const sla::TargetClock& clock) {
    const QString target =
        sla::slaTargetName(clock.target).replace(QLatin1Char('_'), QLatin1Char(' '));
    const bool breached = clock.status == sla::ClockStatus::Breached;
    QString text = breached ? QStringLiteral("SLA %1 breached, %2 consumed")
                            : QStringLiteral("SLA %1 %2 consumed");
    text = text.arg(target, percent(clock.consumed));
    if (clock.breachAt) {
        text += (breached ? QStringLiteral(", since ") : QStringLiteral(", breaches at ")) +
                text::isoUtc(*clock.breachAt);
    }
    return text;
}

// Running with ≥ 90% consumed (SPEC §6 at risk), or past its target with the
// ticket still open.
bool needsAttention(const sla::TargetClock& clock) {
    return clock.atRisk || (clock.status == sla::ClockStatus::Breached && !clock.stoppedAt);
}

QString surgeReason(const AccountSurge& surge) {
    const QString median = QString::number(surge.baselineMedian, 'g', 3);
    if (surge.baselineMedian <= 0) {
        return QStringLiteral("Account filed %1 tickets in the last 7 days; its median week of "
                              "the 8 before had none")
            .arg(surge.lastWeek);
    }
    return QStringLiteral("Account filed %1 tickets in the last 7 days, %2× its median week "
                          "of %3")
        .arg(surge.lastWeek)
        .arg(QString::number(surge.lastWeek / surge.baselineMedian, 'f', 1), median);
}

QString riskReason(const RiskScore& score) {
    QStringList top;
    for (const FeatureContribution& c : score.contributions) {
        if (c.contribution > 0 && top.size() < 2) {
            top.append(c.feature);
        }
    }
    QString text = score.band == RiskBand::Flag
                       ? QStringLiteral("Escalation risk %1%").arg(score.score)
                       : QStringLiteral("Escalation risk %1% — human review").arg(score.score);
    if (!top.isEmpty()) {
        text += QStringLiteral(" (") + top.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return text;
}

} // namespace

QString reasonKindName(AtRiskReason::Kind kind) {
    switch (kind) {
    case AtRiskReason::Kind::EscalationRisk:
        return QStringLiteral("escalation_risk");
    case AtRiskReason::Kind::SlaClock:
        return QStringLiteral("sla");
    case AtRiskReason::Kind::AccountSurge:
        return QStringLiteral("account_surge");
    }
    return {};
}

namespace {

// Each account's surge as of `asOf`, for the accounts of `open`: its
// tickets created in the 9 weeks before (the last week and the baseline's
// eight), a range of the (account, created_at) index.
std::unordered_map<int, AccountSurge> surgesOf(store::Database& db, const RiskData& data,
                                               const std::vector<const RiskTicket*>& open,
                                               UtcSeconds asOf) {
    std::unordered_map<int, AccountSurge> surges;
    store::Statement created = db.prepare("SELECT created_at FROM tickets WHERE account_id = ?1 "
                                          "AND created_at >= ?2 AND created_at < ?3");
    std::vector<UtcSeconds> times;
    for (const RiskTicket* t : open) {
        if (t->account < 0 || surges.count(t->account) > 0) {
            continue;
        }
        created.bindAll(data.accounts[t->account], asOf - (baselineWeeks + 1) * weekSeconds, asOf);
        times.clear();
        while (created.step()) {
            times.push_back(created.int64(0));
        }
        created.reset();
        surges.emplace(t->account, accountSurge(times, asOf));
    }
    return surges;
}

// Whether matrix::priorityOf takes the ticket's own priority rather than
// the one the severity rules give (which read every field of the ticket).
bool priorityIsGiven(const QString& priority) {
    return matrix::priorities.contains(priority) ||
           matrix::priorities.contains(matrix::canonicalPriority(priority));
}

// The queue of the tickets `open` (open and unescalated at `asOf`, in
// creation order) scored by `current`.
AtRiskQueue queueOf(store::Database& db, const RiskData& data,
                    const std::vector<const RiskTicket*>& open, const TicketContexts& contexts,
                    const std::unordered_map<int, AccountSurge>& surges,
                    const CurrentRiskModel& current, UtcSeconds asOf,
                    const AtRiskOptions& options) {
    const matrix::Matrix policy = matrix::loadMatrix(db);
    const RiskScorer scorer(current.model, data);
    const matrix::MatrixEvaluator evaluator(policy);

    AtRiskQueue queue;
    queue.asOf = asOf;
    queue.reviewFrom = current.model.reviewFrom();
    queue.flagFrom = current.model.flagFrom();
    queue.modelTrained = current.trained;
    queue.riskUnavailable = current.withheld;
    const bool scored = queue.riskUnavailable.isEmpty();
    // For a ticket whose priority the severity rules must give: every field.
    std::optional<matrix::TicketContextReader> fullContexts;

    for (const RiskTicket* ticket : open) {
        const RiskTicket& t = *ticket;
        ++queue.openTickets;
        AtRiskEntry entry;
        entry.row = t.row;
        entry.ticketId = t.ticketId;
        entry.createdAt = t.createdAt;
        entry.accountId = t.account >= 0 ? data.accounts[t.account] : QString();
        entry.priority = data.value(t, RiskField::Priority);
        if (scored) {
            entry.risk = scorer.score(t);
        }
        if (entry.risk.band != RiskBand::Low) {
            entry.reasons.push_back({AtRiskReason::Kind::EscalationRisk, riskReason(entry.risk)});
        }
        const matrix::TicketContext* context = nullptr;
        std::optional<matrix::TicketContext> full;
        if (const auto it = contexts.find(t.row); it != contexts.end()) {
            context = &it->second;
            if (!priorityIsGiven(context->ticket.priority)) {
                if (!fullContexts) {
                    fullContexts.emplace(db);
                }
                full = fullContexts->load(t.row);
                context = full ? &*full : nullptr;
            }
        }
        if (context) {
            entry.subject = context->ticket.subject;
            entry.status = context->ticket.status;
            entry.accountName = context->account ? context->account->name : QString();
            if (const auto clocks = evaluator.sla(*context, asOf)) {
                for (const sla::TargetClock& clock : clocks->targets) {
                    if (clock.status == sla::ClockStatus::Running || needsAttention(clock)) {
                        entry.slaConsumed = std::max(entry.slaConsumed, clock.consumed);
                    }
                    if (needsAttention(clock)) {
                        entry.slaAtRisk.push_back(clock);
                        entry.reasons.push_back({AtRiskReason::Kind::SlaClock, slaReason(clock)});
                    }
                }
            }
        }
        if (const auto it = surges.find(t.account); it != surges.end() && it->second.flagged) {
            entry.surge = it->second;
            entry.reasons.push_back({AtRiskReason::Kind::AccountSurge, surgeReason(it->second)});
        }
        if (!entry.reasons.empty() || options.everyOpenTicket) {
            queue.entries.push_back(std::move(entry));
        }
    }
    std::stable_sort(queue.entries.begin(), queue.entries.end(),
                     [](const AtRiskEntry& a, const AtRiskEntry& b) {
                         if (a.risk.probability != b.risk.probability) {
                             return a.risk.probability > b.risk.probability;
                         }
                         return a.slaConsumed > b.slaConsumed;
                     });
    return queue;
}

} // namespace

AtRiskQueue buildAtRiskQueue(store::Database& db, UtcSeconds asOf, const AtRiskOptions& options) {
    const QStringList keywords = workspaceKeywords(db);
    CurrentRiskModel current = currentRiskModel(db, keywords, options.saveModel);
    current.withheld = scoresWithheldFor(db, current.model);
    // The open tickets' few thousand rows, in one read transaction.
    const FileMapOff readNotMapped(db);
    const ReadSnapshot snapshot(db);
    const OpenRiskTickets open = loadOpenRiskData(db, keywords, asOf);
    std::vector<const RiskTicket*> tickets;
    tickets.reserve(open.data.tickets.size());
    for (const RiskTicket& t : open.data.tickets) {
        tickets.push_back(&t);
    }
    return queueOf(db, open.data, tickets, open.contexts, open.surges, current, asOf, options);
}

AtRiskQueue buildAtRiskQueue(store::Database& db, const RiskData& data, const QStringList& keywords,
                             UtcSeconds asOf, const AtRiskOptions& options) {
    CurrentRiskModel current = currentRiskModel(db, data, keywords, options.saveModel);
    current.withheld = scoresWithheldFor(data, current.model);
    // The tickets open then, from what was known then: as of a past instant
    // that is not the tickets open now.
    const ReadSnapshot snapshot(db);
    const std::unordered_set<std::int64_t> open = openUnescalatedTicketsAt(db, asOf);
    std::vector<const RiskTicket*> tickets;
    std::vector<std::int64_t> rows;
    for (const RiskTicket& t : data.tickets) {
        if (open.count(t.row) > 0) {
            tickets.push_back(&t);
            rows.push_back(t.row);
        }
    }
    const TicketContexts contexts = slaContextsAmong(db, asOf, ticketRowsSql(rows));
    return queueOf(db, data, tickets, contexts, surgesOf(db, data, tickets, asOf), current, asOf,
                   options);
}

} // namespace escdesk::risk

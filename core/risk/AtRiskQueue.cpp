#include "risk/AtRiskQueue.h"

#include "matrix/MatrixStore.h"
#include "matrix/TicketAssessment.h"
#include "risk/OpenAsOf.h"
#include "risk/RiskModelStore.h"

#include <algorithm>
#include <cmath>
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
                toIsoUtc(*clock.breachAt);
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

AtRiskQueue buildAtRiskQueue(store::Database& db, UtcSeconds asOf, const AtRiskOptions& options) {
    const QStringList keywords = workspaceKeywords(db);
    const RiskData data = loadRiskData(db, SentimentScorer::withAfinn(keywords));
    return buildAtRiskQueue(db, data, keywords, asOf, options);
}

AtRiskQueue buildAtRiskQueue(store::Database& db, const RiskData& data, const QStringList& keywords,
                             UtcSeconds asOf, const AtRiskOptions& options) {
    const matrix::Matrix policy = matrix::loadMatrix(db);
    const CurrentRiskModel current = currentRiskModel(db, data, keywords, options.saveModel);
    const RiskScorer scorer(current.model, data);
    const matrix::MatrixEvaluator evaluator(policy);

    AtRiskQueue queue;
    queue.asOf = asOf;
    queue.reviewFrom = current.model.reviewFrom();
    queue.flagFrom = current.model.flagFrom();
    queue.modelTrained = current.trained;
    queue.riskUnavailable = current.model.cannotTrain();
    const bool scored = queue.riskUnavailable.isEmpty();

    // The tickets open then, from what was known then: as of a past instant
    // that is not the tickets open now.
    const std::unordered_set<std::int64_t> open = openUnescalatedTicketsAt(db, asOf);
    const auto openThen = [&open](const RiskTicket& t) {
        return open.count(t.row) > 0;
    };

    // Creation instants of the accounts that have open tickets.
    std::unordered_map<int, std::vector<UtcSeconds>> created;
    for (const RiskTicket& t : data.tickets) {
        if (openThen(t) && t.account >= 0) {
            created.try_emplace(t.account);
        }
    }
    for (const RiskTicket& t : data.tickets) {
        if (const auto it = created.find(t.account); it != created.end()) {
            it->second.push_back(t.createdAt);
        }
    }
    std::unordered_map<int, AccountSurge> surges;
    for (const auto& [account, times] : created) {
        surges.emplace(account, accountSurge(times, asOf));
    }

    for (const RiskTicket& t : data.tickets) {
        if (!openThen(t)) {
            continue;
        }
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
        const auto context = matrix::loadTicketContext(db, t.row);
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

} // namespace escdesk::risk

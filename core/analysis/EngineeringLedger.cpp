#include "analysis/EngineeringLedger.h"

#include "analysis/TextFeatureStore.h"
#include "metrics/EscalationPairing.h"
#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"
#include "metrics/TicketEscalations.h"
#include "store/TicketReader.h"

#include <QLocale>

#include <algorithm>

namespace escdesk::analysis {

namespace {

constexpr double daysPerYear = 365.0;

// One escalation of a ticket that landed on the engineering tier or above,
// with whether it was bounced back.
struct EngineeringEscalation {
    bool bounced = false;
};

// The ticket's escalations to engineering. With an event log: its
// `escalated` events landing at `level` or above, each with its paired
// bounce; without: one when the ticket's own tier is at least `level`, as
// the metrics count tier-3 escalations without a log.
std::vector<EngineeringEscalation> engineeringEscalationsOf(const metrics::TicketFacts& ticket,
                                                            bool hasEventLog, int level) {
    std::vector<EngineeringEscalation> found;
    if (!hasEventLog) {
        if (metrics::highestTierReached(ticket, false) >= level) {
            found.push_back({});
        }
        return found;
    }
    // pairEscalations gives one entry per `escalated` event, in event order.
    const std::vector<metrics::Escalation> paired = metrics::pairEscalations(ticket);
    std::size_t index = 0;
    for (const metrics::FactEvent& e : ticket.events) {
        if (!metrics::isEscalationEvent(e)) {
            continue;
        }
        if (metrics::landingTier(e) >= level) {
            found.push_back({index < paired.size() && paired[index].bounced});
        }
        ++index;
    }
    return found;
}

void addTo(LedgerFigures& figures, double hours) {
    ++figures.escalations;
    figures.engineerHours = static_cast<double>(figures.escalations) * hours;
}

QString tierName(const matrix::Matrix& matrix, int level) {
    const matrix::TierDefinition* tier = matrix.tier(level);
    return tier ? tier->name : QStringLiteral("Tier %1").arg(level);
}

QString number(double value, int decimals) {
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

} // namespace

QString avoidableReasonKey(AvoidableReason reason) {
    switch (reason) {
    case AvoidableReason::RootCause:
        return QStringLiteral("avoidable_root_cause");
    case AvoidableReason::KnownIssueWorkaround:
        return QStringLiteral("known_issue_with_workaround");
    case AvoidableReason::BouncedBack:
        return QStringLiteral("bounced_back");
    }
    return {};
}

QString avoidableReasonLabel(AvoidableReason reason) {
    switch (reason) {
    case AvoidableReason::RootCause:
        return QStringLiteral("Avoidable root cause");
    case AvoidableReason::KnownIssueWorkaround:
        return QStringLiteral("Known issue with a workaround");
    case AvoidableReason::BouncedBack:
        return QStringLiteral("Bounced back");
    }
    return {};
}

EngineeringLedger computeEngineeringLedger(const std::vector<metrics::TicketFacts>& tickets,
                                           bool hasEventLog, const Window& window, qint64 days,
                                           const matrix::Matrix& matrix,
                                           const KnownIssueOf& knownIssueOf) {
    EngineeringLedger ledger;
    ledger.window = window;
    ledger.days = days;
    ledger.currency = matrix.cost.currency;
    ledger.engineerCostPerHour = matrix.cost.engineerCostPerHour;
    // Grouped as the metric multiplies: count × (interruption + recovery) / 60.
    const double minutes = matrix.cost.interruptionMinutes + matrix.cost.recoveryMinutes;
    ledger.hoursPerEscalation = minutes / 60.0;
    for (const AvoidableReason reason : allAvoidableReasons) {
        ledger.byReason[reason] = {};
    }
    ledger.engineeringLevel = matrix.engineeringLevel();
    std::map<QString, std::int64_t> avoidableCauses;
    if (ledger.engineeringLevel) {
        ledger.engineeringTier = tierName(matrix, *ledger.engineeringLevel);
        for (const metrics::TicketFacts& ticket : tickets) {
            if (!window.contains(ticket.createdAt)) {
                continue;
            }
            const auto escalations =
                engineeringEscalationsOf(ticket, hasEventLog, *ledger.engineeringLevel);
            if (escalations.empty()) {
                continue;
            }
            const bool avoidableCause = matrix.isAvoidableRootCause(ticket.rootCause);
            const KnownIssue* issue = knownIssueOf ? knownIssueOf(ticket.row) : nullptr;
            const bool workaround = issue && !issue->workaround.trimmed().isEmpty();
            for (const EngineeringEscalation& e : escalations) {
                ++ledger.escalations;
                const bool reasons[] = {avoidableCause, workaround, e.bounced};
                bool avoidable = false;
                for (std::size_t r = 0; r < std::size(allAvoidableReasons); ++r) {
                    if (reasons[r]) {
                        avoidable = true;
                        addTo(ledger.byReason[allAvoidableReasons[r]], ledger.hoursPerEscalation);
                    }
                }
                if (avoidable) {
                    addTo(ledger.avoidable, ledger.hoursPerEscalation);
                    ++avoidableCauses[metrics::rootCauseOf(ticket)];
                }
            }
        }
    }
    ledger.engineerHours =
        static_cast<double>(ledger.escalations) * minutes / 60.0; // as the metric groups it
    ledger.cost = ledger.engineerHours * matrix.cost.engineerCostPerHour;
    if (ledger.escalations > 0) {
        ledger.avoidableShare = static_cast<double>(ledger.avoidable.escalations) /
                                static_cast<double>(ledger.escalations);
    }
    for (const auto& [cause, count] : avoidableCauses) {
        ledger.avoidableByRootCause.emplace_back(cause, count);
    }
    std::stable_sort(ledger.avoidableByRootCause.begin(), ledger.avoidableByRootCause.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    const double perYear = days > 0 ? daysPerYear / static_cast<double>(days) : 0.0;
    ledger.annualisedEngineerHours = ledger.engineerHours * perYear;
    ledger.annualisedCost = ledger.cost * perYear;
    ledger.avoidableAnnualisedEngineerHours = ledger.avoidable.engineerHours * perYear;
    ledger.avoidableAnnualisedCost =
        ledger.avoidable.engineerHours * matrix.cost.engineerCostPerHour * perYear;
    return ledger;
}

EngineeringLedger engineeringLedger(store::Database& db, const Window& window, qint64 days,
                                    const matrix::Matrix& matrix, UtcSeconds slaAsOf) {
    return engineeringLedger(db, metrics::loadWindowOutcomes(db, window, slaAsOf), window, days,
                             matrix);
}

EngineeringLedger engineeringLedger(store::Database& db, const metrics::WindowOutcomes& outcomes,
                                    const Window& window, qint64 days,
                                    const matrix::Matrix& matrix) {
    const std::optional<int> level = matrix.engineeringLevel();
    // Only the tickets that reached the engineering tier are read in full.
    std::vector<std::int64_t> rows;
    for (const metrics::TicketOutcome& ticket : outcomes.tickets) {
        if (level && window.contains(ticket.createdAt) && ticket.highestTier >= *level) {
            rows.push_back(ticket.ticket);
        }
    }
    std::sort(rows.begin(), rows.end());
    const std::vector<metrics::TicketFacts> facts = metrics::loadTicketFacts(db, rows);
    const KnownIssueMatcher matcher(store::allKnownIssues(db));
    const auto texts = ticketTextFeatures(db, rows, matcher);
    const KnownIssueOf knownIssueOf = [&](std::int64_t ticket) -> const KnownIssue* {
        const auto found = texts.find(ticket);
        if (found == texts.end() || !found->second.knownIssue) {
            return nullptr;
        }
        return &matcher.issues()[*found->second.knownIssue];
    };
    return computeEngineeringLedger(facts, outcomes.hasEventLog, window, days, matrix,
                                    knownIssueOf);
}

QString ledgerSentence(const EngineeringLedger& ledger) {
    if (!ledger.engineeringLevel) {
        return QStringLiteral("No tier is marked as engineering in the escalation matrix.");
    }
    QString text = QStringLiteral("%1 escalations reached %2: %3 engineer hours, %4 %5")
                       .arg(QLocale(QLocale::English).toString(qint64(ledger.escalations)),
                            ledger.engineeringTier, number(ledger.engineerHours, 1),
                            number(ledger.cost, 0), ledger.currency);
    if (ledger.avoidableShare) {
        text += QStringLiteral("; %1 of them (%2%) avoidable, %3 engineer hours")
                    .arg(QLocale(QLocale::English).toString(qint64(ledger.avoidable.escalations)))
                    .arg(number(*ledger.avoidableShare * 100.0, 0))
                    .arg(number(ledger.avoidable.engineerHours, 1));
    }
    text += QLatin1Char('.');
    return text;
}

QString annualisedSentence(const EngineeringLedger& ledger) {
    QString text = QStringLiteral("At this rate: %1 engineer hours, %2 %3 a year")
                       .arg(number(ledger.annualisedEngineerHours, 0),
                            number(ledger.annualisedCost, 0), ledger.currency);
    if (ledger.avoidable.escalations > 0) {
        text += QStringLiteral(", of which %1 hours (%2 %3) avoidable")
                    .arg(number(ledger.avoidableAnnualisedEngineerHours, 0),
                         number(ledger.avoidableAnnualisedCost, 0), ledger.currency);
    }
    text += QStringLiteral(" (the period's figures × 365 / %1 days).").arg(ledger.days);
    return text;
}

} // namespace escdesk::analysis

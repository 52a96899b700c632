#include "matrix/RuleTiming.h"

#include "matrix/TicketAssessment.h"

#include <algorithm>
#include <cmath>

namespace escdesk::matrix {

namespace {

std::optional<double> boundOf(const Condition& condition) {
    bool ok = false;
    const double bound = condition.value.trimmed().toDouble(&ok);
    return ok && std::isfinite(bound) ? std::optional(bound) : std::nullopt;
}

bool tests(const Condition& condition, QLatin1String field) {
    return condition.field.trimmed().compare(field, Qt::CaseInsensitive) == 0;
}

// The bounds of the conditions on `field` with one of `ops`, in rule order.
std::vector<double> boundsOf(const std::vector<SeverityRule>& rules, QLatin1String field,
                             std::initializer_list<ConditionOperator> ops) {
    std::vector<double> bounds;
    for (const SeverityRule& rule : rules) {
        for (const Condition& condition : rule.conditions) {
            const auto bound = boundOf(condition);
            if (bound && tests(condition, field) &&
                std::find(ops.begin(), ops.end(), condition.op) != ops.end()) {
                bounds.push_back(*bound);
            }
        }
    }
    return bounds;
}

// Whole business seconds for a bound in minutes (or a share of a target):
// the clock holds whole seconds, so "≥ 0.9 × 900 s" first holds at 810 s.
std::int64_t secondsToReach(double seconds) {
    return static_cast<std::int64_t>(std::ceil(std::max(0.0, seconds) - 1e-9));
}

} // namespace

bool isProgress(EventKind kind) {
    return kind != EventKind::Reassigned;
}

std::vector<UtcSeconds> progressInstants(const Ticket& ticket,
                                         const std::vector<TicketEvent>& events, UtcSeconds until) {
    std::vector<UtcSeconds> instants{ticket.createdAt};
    if (ticket.firstResponseAt && *ticket.firstResponseAt <= until) {
        instants.push_back(*ticket.firstResponseAt);
    }
    for (const TicketEvent& event : events) {
        if (event.occurredAt <= until && isProgress(event.kind)) {
            instants.push_back(event.occurredAt);
        }
    }
    std::sort(instants.begin() + 1, instants.end());
    return instants;
}

UtcSeconds lastProgressAt(const Ticket& ticket, const std::vector<TicketEvent>& events,
                          UtcSeconds at) {
    const std::vector<UtcSeconds> instants = progressInstants(ticket, events, at);
    return std::max(ticket.createdAt, instants.back());
}

std::vector<UtcSeconds> MatrixEvaluator::candidateInstants(const TicketContext& context,
                                                           const Governing& governing,
                                                           UtcSeconds until) const {
    using Op = ConditionOperator;
    const Ticket& ticket = context.ticket;
    std::vector<UtcSeconds> candidates = progressInstants(ticket, context.events, until);
    for (const TicketEvent& event : context.events) {
        candidates.push_back(event.occurredAt); // a reassignment too: a field may change
    }
    for (const auto& stop : {ticket.resolvedAt, ticket.closedAt}) {
        if (stop) {
            candidates.push_back(*stop);
        }
    }
    if (governing.clock && governing.policy) {
        const std::vector<sla::Span> pauses =
            sla::pausedSpans(ticket, context.events, governing.policy->pausingStatuses, until);
        // minutes_without_progress ≥ N starts to hold N business minutes
        // after a progress.
        const auto progress = progressInstants(ticket, context.events, until);
        for (const double minutes : boundsOf(m_matrix.rules, noProgressField, {Op::AtLeast})) {
            for (const UtcSeconds from : progress) {
                if (const auto at = governing.clock->addBusinessSeconds(
                        from, secondsToReach(minutes * 60.0), pauses)) {
                    candidates.push_back(*at);
                }
            }
        }
        // sla_consumed ≥ X starts to hold when a target has used X of itself.
        const auto shares = boundsOf(m_matrix.rules, slaConsumedField, {Op::AtLeast});
        if (!shares.empty()) {
            const sla::SlaEvaluation evaluation = sla::evaluateSla(
                ticket, context.events, *governing.policy, *governing.clock, until);
            for (const double share : shares) {
                for (const sla::TargetClock& clock : evaluation.targets) {
                    if (const auto at = governing.clock->addBusinessSeconds(
                            clock.startedAt, secondsToReach(share * clock.targetMin * 60.0),
                            pauses)) {
                        candidates.push_back(*at);
                    }
                }
            }
        }
    }
    // renewal_days ≤ N starts to hold at the local midnight N days before
    // the renewal.
    if (context.account && context.account->renewalDate.isValid()) {
        for (const double days : boundsOf(m_matrix.rules, renewalField, {Op::AtMost, Op::Within})) {
            const QDate from = context.account->renewalDate.addDays(-static_cast<qint64>(days));
            candidates.push_back(governing.clock ? governing.clock->resolveLocal(from, 0)
                                                 : startOfLocalDay(from, QTimeZone::utc()));
        }
    }
    std::erase_if(candidates, [&](UtcSeconds at) { return at < ticket.createdAt || at > until; });
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
}

std::optional<RuleFiring> MatrixEvaluator::firstFlagged(const TicketContext& context,
                                                        UtcSeconds until) const {
    if (until < context.ticket.createdAt) {
        return std::nullopt;
    }
    // The store hands events over in order; a context built otherwise is
    // sorted once here rather than at every candidate.
    std::optional<TicketContext> sorted;
    if (!std::is_sorted(context.events.begin(), context.events.end(), comesBefore)) {
        sorted = context;
        std::stable_sort(sorted->events.begin(), sorted->events.end(), comesBefore);
    }
    const TicketContext& ordered = sorted ? *sorted : context;
    const Governing governing = this->governing(ordered);
    const std::optional<double> sentiment = sentimentOf(ordered.ticket);
    for (const UtcSeconds at : candidateInstants(ordered, governing, until)) {
        const TriageResult result =
            matrix::triage(m_matrix.rules, inputAt(ordered, governing, at, sentiment));
        if (result.ruleIndex && result.targetTier && *result.targetTier > 1) {
            return RuleFiring{at, *result.ruleIndex};
        }
    }
    return std::nullopt;
}

} // namespace escdesk::matrix

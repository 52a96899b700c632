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

// The fields whose value moves with the evaluation instant.
bool isTimed(const Condition& condition) {
    return tests(condition, noProgressField) || tests(condition, slaConsumedField) ||
           tests(condition, renewalField);
}

// The business seconds after which "elapsed ≥ bound" starts to hold and
// "elapsed ≤ bound" stops holding. The clock holds whole seconds: "≥ 0.9 ×
// 900 s" first holds at 810 s, "≤ 15 min" last holds at 900 s.
std::int64_t secondsToReach(double seconds) {
    return static_cast<std::int64_t>(std::ceil(std::max(0.0, seconds) - 1e-9));
}
std::int64_t secondsToPass(double seconds) {
    return static_cast<std::int64_t>(std::floor(seconds + 1e-9)) + 1;
}

// Where a bound on business time, counted from `from`, switches: "at least"
// starts to hold, "at most" and "within" stop.
std::optional<UtcSeconds> switchInstant(const sla::CalendarClock& clock, UtcSeconds from,
                                        const Condition& condition, double boundSeconds,
                                        const std::vector<sla::Span>& pauses) {
    if (condition.op == ConditionOperator::AtLeast) {
        return clock.addBusinessSeconds(from, secondsToReach(boundSeconds), pauses);
    }
    if (boundSeconds < 0) {
        return std::nullopt;
    }
    return clock.addBusinessSeconds(from, secondsToPass(boundSeconds), pauses);
}

// The local dates on which a bound on the days to `renewal` switches: "at
// most N" and "within N" start to hold on renewal − ⌊N⌋, "at least N"
// stops on renewal − ⌈N⌉ + 1, "within" stops the day after the renewal.
std::vector<QDate> renewalSwitchDates(const QDate& renewal, const Condition& condition,
                                      double days) {
    switch (condition.op) {
    case ConditionOperator::AtMost:
        return {renewal.addDays(-static_cast<qint64>(std::floor(days)))};
    case ConditionOperator::Within:
        return {renewal.addDays(-static_cast<qint64>(std::floor(days))), renewal.addDays(1)};
    case ConditionOperator::AtLeast:
        return {renewal.addDays(1 - static_cast<qint64>(std::ceil(days)))};
    default:
        return {};
    }
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

std::vector<UtcSeconds>
MatrixEvaluator::candidateInstants(const TicketContext& context, const Governing& governing,
                                   const std::vector<const Condition*>& timed,
                                   UtcSeconds until) const {
    const Ticket& ticket = context.ticket;
    const std::vector<UtcSeconds> progress = progressInstants(ticket, context.events, until);
    std::vector<UtcSeconds> candidates = progress;
    for (const TicketEvent& event : context.events) {
        candidates.push_back(event.occurredAt); // a reassignment too: a clock may stop
    }
    for (const auto& stop : {ticket.resolvedAt, ticket.closedAt}) {
        if (stop) {
            candidates.push_back(*stop);
        }
    }
    std::vector<sla::Span> pauses;
    std::vector<sla::TargetClock> targets;
    if (governing.clock) {
        pauses = sla::pausedSpans(ticket, context.events, governing.policy->pausingStatuses, until);
        targets =
            sla::evaluateSla(ticket, context.events, *governing.policy, *governing.clock, until)
                .targets;
    }
    const auto add = [&](std::optional<UtcSeconds> at) {
        if (at) {
            candidates.push_back(*at);
        }
    };
    for (const Condition* condition : timed) {
        const auto bound = boundOf(*condition);
        if (!bound) {
            continue;
        }
        if (tests(*condition, renewalField)) {
            if (!context.account || !context.account->renewalDate.isValid()) {
                continue;
            }
            for (const QDate& date :
                 renewalSwitchDates(context.account->renewalDate, *condition, *bound)) {
                candidates.push_back(governing.clock ? governing.clock->resolveLocal(date, 0)
                                                     : startOfLocalDay(date, QTimeZone::utc()));
            }
        } else if (governing.clock && tests(*condition, noProgressField)) {
            for (const UtcSeconds from : progress) {
                add(switchInstant(*governing.clock, from, *condition, *bound * 60.0, pauses));
            }
        } else if (governing.clock) { // sla_consumed: a share of each target
            for (const sla::TargetClock& target : targets) {
                add(switchInstant(*governing.clock, target.startedAt, *condition,
                                  *bound * target.targetMin * 60.0, pauses));
            }
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
    const TriageInput fixed = inputAt(ordered, governing, ordered.ticket.createdAt,
                                      sentimentOf(ordered.ticket), Measures{false, false});

    // What the ticket holds does not change with time: a rule whose other
    // conditions fail never matches, and the first rule that holds with no
    // timed condition ends the search. Only the rules before it with timed
    // conditions are tried at each candidate instant.
    const std::vector<SeverityRule>& rules = m_matrix.rules;
    std::vector<int> timedRules;
    std::vector<const Condition*> timed;
    std::optional<int> fallback;
    for (int r = 0; r < int(rules.size()) && !fallback; ++r) {
        const auto& conditions = rules[std::size_t(r)].conditions;
        const bool fixedHold =
            std::all_of(conditions.begin(), conditions.end(), [&](const auto& c) {
                return isTimed(c) || evaluateCondition(c, fixed).held;
            });
        if (!fixedHold) {
            continue;
        }
        const std::size_t before = timed.size();
        for (const Condition& condition : conditions) {
            if (isTimed(condition)) {
                timed.push_back(&condition);
            }
        }
        if (timed.size() == before) {
            fallback = r;
        } else {
            timedRules.push_back(r);
        }
    }
    const auto flags = [&](std::optional<int> r) {
        return r && rules[std::size_t(*r)].targetTier > 1;
    };
    if (std::none_of(timedRules.begin(), timedRules.end(), flags) && !flags(fallback)) {
        return std::nullopt; // no rule that could match flags the ticket
    }
    if (timedRules.empty()) {
        return RuleFiring{ordered.ticket.createdAt, *fallback};
    }
    const auto testsField = [&](QLatin1String field) {
        return std::any_of(timed.begin(), timed.end(),
                           [&](const Condition* c) { return tests(*c, field); });
    };
    const Measures measures{testsField(slaConsumedField), testsField(noProgressField)};
    for (const UtcSeconds at : candidateInstants(ordered, governing, timed, until)) {
        const TriageInput input = inputAt(ordered, governing, at, fixed.sentiment, measures);
        std::optional<int> first = fallback;
        for (const int r : timedRules) {
            const auto& conditions = rules[std::size_t(r)].conditions;
            if (std::all_of(conditions.begin(), conditions.end(), [&](const Condition& c) {
                    return !isTimed(c) || evaluateCondition(c, input).held;
                })) {
                first = r;
                break;
            }
        }
        if (flags(first)) {
            return RuleFiring{at, *first};
        }
    }
    return std::nullopt;
}

} // namespace escdesk::matrix

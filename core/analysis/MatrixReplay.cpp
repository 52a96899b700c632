#include "analysis/MatrixReplay.h"

#include "analysis/EngineeringLedger.h"
#include "matrix/TicketAssessment.h"
#include "metrics/OutcomeStore.h"
#include "metrics/ParallelWork.h"
#include "risk/Sentiment.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <map>

namespace escdesk::analysis {

namespace {

// Tickets are read and evaluated in batches: a whole quarter's tickets with
// their texts and events would not fit in memory, one at a time would leave
// the other cores idle.
constexpr std::size_t batchSize = 8192;

std::vector<std::int64_t> rowsCreatedIn(store::Database& db, const Window& window) {
    store::Statement query = db.prepare("SELECT id FROM tickets WHERE created_at >= ? AND "
                                        "created_at < ? ORDER BY created_at, id");
    query.bindAll(window.from, window.to);
    std::vector<std::int64_t> rows;
    while (query.step()) {
        rows.push_back(query.int64(0));
    }
    return rows;
}

// What one matrix makes of one ticket.
struct Verdict {
    std::optional<sla::SlaEvaluation> sla;
    matrix::TriageResult triage;
};

Verdict verdictOf(const matrix::MatrixEvaluator& evaluator, const matrix::TicketContext& context,
                  UtcSeconds asOf) {
    std::optional<sla::SlaEvaluation> sla = evaluator.sla(context, asOf);
    matrix::TriageResult triage = evaluator.verdict(context, asOf, sla);
    return {std::move(sla), std::move(triage)};
}

// The evaluator of a matrix, with the sentiment its rules may test.
matrix::MatrixEvaluator evaluatorOf(const matrix::Matrix& matrix) {
    matrix::MatrixEvaluator evaluator(matrix);
    evaluator.setSentimentSource(risk::ticketSentimentSource(matrix));
    return evaluator;
}

// When the ticket was first escalated in fact: its first `escalated` event,
// else (no event log) its own escalated_at.
std::optional<UtcSeconds> firstEscalation(const matrix::TicketContext& context) {
    for (const TicketEvent& event : context.events) { // in time order
        if (event.kind == EventKind::Escalated) {
            return event.occurredAt;
        }
    }
    return context.ticket.escalated.value_or(false) ? context.ticket.escalatedAt : std::nullopt;
}

// How much earlier the draft flags the ticket than it was flagged before:
// by the published rules or, when that was earlier, by the escalation that
// actually happened. Nothing when the draft does not flag it, when nothing
// flagged it before (a newly flagged ticket is a changed ticket instead), or
// when the draft is not earlier. Timing the rules is the costly part of a
// replay, so the published rules are timed only when the draft flags the
// ticket before its actual escalation, and only up to that escalation: a
// later first flag would not be the earlier of the two.
std::optional<double> minutesEarlier(const matrix::MatrixEvaluator& published,
                                     const matrix::MatrixEvaluator& draft,
                                     const matrix::TicketContext& context, UtcSeconds asOf) {
    const std::optional<matrix::RuleFiring> flagged = draft.firstFlagged(context, asOf);
    if (!flagged) {
        return std::nullopt;
    }
    const std::optional<UtcSeconds> escalated = firstEscalation(context);
    if (escalated && *escalated <= flagged->at) {
        return std::nullopt;
    }
    std::optional<UtcSeconds> before = escalated;
    if (const auto previous = published.firstFlagged(context, escalated.value_or(asOf))) {
        before = previous->at;
    }
    if (!before || *before <= flagged->at) {
        return std::nullopt;
    }
    return static_cast<double>(*before - flagged->at) / 60.0;
}

void countSla(ReplaySide& side, const std::optional<sla::SlaEvaluation>& evaluation) {
    if (!evaluation) {
        return;
    }
    for (const sla::TargetClock& clock : evaluation->targets) {
        ReplaySlaCounts& counts = side.sla[static_cast<std::size_t>(clock.target)];
        if (clock.status == sla::ClockStatus::Met) {
            ++counts.met;
        } else if (clock.status == sla::ClockStatus::Breached) {
            ++counts.breached;
        }
    }
}

std::optional<sla::ClockStatus> statusOf(const std::optional<sla::SlaEvaluation>& evaluation,
                                         sla::SlaTarget target) {
    if (evaluation) {
        for (const sla::TargetClock& clock : evaluation->targets) {
            if (clock.target == target) {
                return clock.status;
            }
        }
    }
    return std::nullopt;
}

void noteSlaShifts(MatrixReplay& replay, const matrix::TicketContext& context,
                   const std::optional<sla::SlaEvaluation>& published,
                   const std::optional<sla::SlaEvaluation>& draft) {
    using sla::ClockStatus;
    for (const sla::SlaTarget target :
         {sla::SlaTarget::FirstResponse, sla::SlaTarget::Resolution, sla::SlaTarget::Claim}) {
        const auto before = statusOf(published, target);
        const auto after = statusOf(draft, target);
        ReplaySlaShift& shift = replay.slaShifts[static_cast<std::size_t>(target)];
        if (before == ClockStatus::Met && after == ClockStatus::Breached) {
            shift.metToBreached.push_back(context.row);
            shift.metToBreachedIds.push_back(context.ticket.ticketId);
        } else if (before == ClockStatus::Breached && after == ClockStatus::Met) {
            shift.breachedToMet.push_back(context.row);
            shift.breachedToMetIds.push_back(context.ticket.ticketId);
        }
    }
}

bool treatedAlike(const matrix::TriageResult& a, const matrix::TriageResult& b) {
    return a.priority == b.priority && a.targetTier == b.targetTier;
}

std::vector<ReplayRuleShift> shiftsOf(const std::vector<ReplayChangedTicket>& changed) {
    std::map<std::pair<QString, QString>, ReplayRuleShift> byPair;
    for (const ReplayChangedTicket& ticket : changed) {
        ReplayRuleShift& shift = byPair[{ticket.rulePublished, ticket.ruleDraft}];
        shift.rulePublished = ticket.rulePublished;
        shift.ruleDraft = ticket.ruleDraft;
        shift.rows.push_back(ticket.row);
        shift.ticketIds.push_back(ticket.ticketId);
    }
    std::vector<ReplayRuleShift> shifts;
    for (auto& entry : byPair) {
        shifts.push_back(std::move(entry.second));
    }
    // The map ordered them by names; keep that order among equal counts.
    std::stable_sort(
        shifts.begin(), shifts.end(),
        [](const ReplayRuleShift& a, const ReplayRuleShift& b) { return a.count() > b.count(); });
    return shifts;
}

// Escalations to engineering and engineer hours under one matrix's marks and
// cost parameters: the engineering ledger of the same tickets.
void addEngineering(ReplaySide& side, store::Database& db, const metrics::WindowOutcomes& outcomes,
                    const Window& window, const matrix::Matrix& matrix) {
    const qint64 days = std::max<qint64>(1, (window.to - window.from + 86399) / 86400);
    const EngineeringLedger ledger = engineeringLedger(db, outcomes, window, days, matrix);
    side.engineeringEscalations = ledger.escalations;
    side.engineerHours = ledger.engineerHours;
}

// Whether the two matrices flag every ticket at the same instant: the same
// rules measured on the same SLA policies and calendars, with the same
// sentiment model. Then no ticket is flagged earlier and the costly timing
// of the rules can be skipped.
bool flagAlike(const matrix::Matrix& published, const matrix::Matrix& draft) {
    return published.rules == draft.rules && published.policies == draft.policies &&
           published.calendars == draft.calendars &&
           risk::escalationKeywords(published) == risk::escalationKeywords(draft);
}

class Replayer {
public:
    Replayer(const matrix::Matrix& published, const matrix::Matrix& draft,
             const ReplayOptions& options, MatrixReplay& out)
        : m_published(evaluatorOf(published))
        , m_draft(evaluatorOf(draft))
        , m_flagAlike(flagAlike(published, draft))
        , m_options(options)
        , m_out(out) {}

    void run(store::Database& db, const std::vector<std::int64_t>& rows) {
        matrix::TicketContextReader reader(db);
        std::vector<matrix::TicketContext> batch;
        for (std::size_t next = 0; next < rows.size() && !cancelled();) {
            batch.clear();
            for (; next < rows.size() && batch.size() < batchSize; ++next) {
                if (auto context = reader.load(rows[next])) {
                    batch.push_back(std::move(*context));
                }
            }
            evaluate(batch);
        }
    }

private:
    bool cancelled() const { return m_options.cancelled && m_options.cancelled(); }

    // What the two matrices make of one ticket.
    struct TicketReplay {
        Verdict published;
        Verdict draft;
        std::optional<double> minutesEarlier;
    };

    void evaluate(const std::vector<matrix::TicketContext>& batch) {
        std::vector<TicketReplay> replays(batch.size());
        metrics::forEachIndexInParallel(batch.size(), [&](std::size_t i) {
            replays[i] = {verdictOf(m_published, batch[i], m_options.asOf),
                          verdictOf(m_draft, batch[i], m_options.asOf),
                          m_flagAlike
                              ? std::nullopt
                              : minutesEarlier(m_published, m_draft, batch[i], m_options.asOf)};
        });
        for (std::size_t i = 0; i < batch.size(); ++i) {
            take(batch[i], replays[i]);
        }
    }

    void take(const matrix::TicketContext& context, const TicketReplay& replay) {
        const Verdict& published = replay.published;
        const Verdict& draft = replay.draft;
        ++m_out.tickets;
        countSla(m_out.published, published.sla);
        countSla(m_out.draft, draft.sla);
        noteSlaShifts(m_out, context, published.sla, draft.sla);
        if (replay.minutesEarlier) {
            m_out.flaggedEarlier->push_back(
                {context.row, context.ticket.ticketId, *replay.minutesEarlier});
        }
        if (treatedAlike(published.triage, draft.triage)) {
            return;
        }
        m_out.changedTickets.push_back({context.row, context.ticket.ticketId,
                                        published.triage.priority, draft.triage.priority,
                                        published.triage.targetTier, draft.triage.targetTier,
                                        published.triage.rule, draft.triage.rule});
    }

    const matrix::MatrixEvaluator m_published;
    const matrix::MatrixEvaluator m_draft;
    const bool m_flagAlike;
    const ReplayOptions& m_options;
    MatrixReplay& m_out;
};

QJsonValue nullIfEmpty(const QString& text) {
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue tierJson(const std::optional<int>& tier) {
    return tier ? QJsonValue(*tier) : QJsonValue();
}

QJsonObject sideJson(const ReplaySide& side) {
    QJsonObject sla;
    for (const sla::SlaTarget target :
         {sla::SlaTarget::FirstResponse, sla::SlaTarget::Resolution, sla::SlaTarget::Claim}) {
        const ReplaySlaCounts& counts = side.slaOf(target);
        const auto rate = counts.breachRate();
        sla.insert(
            sla::slaTargetName(target),
            QJsonObject{{QStringLiteral("met"), qint64(counts.met)},
                        {QStringLiteral("breached"), qint64(counts.breached)},
                        {QStringLiteral("breach_rate"), rate ? QJsonValue(*rate) : QJsonValue()}});
    }
    return QJsonObject{
        {QStringLiteral("sla"), sla},
        {QStringLiteral("engineering"),
         QJsonObject{{QStringLiteral("escalations"), qint64(side.engineeringEscalations)},
                     {QStringLiteral("engineer_hours"), side.engineerHours}}},
    };
}

QString count(std::int64_t value) {
    return QLocale(QLocale::English).toString(qint64(value));
}

QString percent(const std::optional<double>& rate) {
    return rate ? QStringLiteral("%1%").arg(*rate * 100.0, 0, 'f', 1) : QStringLiteral("—");
}

QString ruleName(const QString& rule) {
    return rule.isEmpty() ? QStringLiteral("no rule") : QStringLiteral("“%1”").arg(rule);
}

// "rule “A” → “B”", or "rule “A”, changed in the draft" when the same rule
// fires under both but gives another priority or tier.
QString shiftText(const ReplayRuleShift& shift) {
    if (shift.rulePublished == shift.ruleDraft) {
        return QStringLiteral("rule %1, changed in the draft").arg(ruleName(shift.ruleDraft));
    }
    return QStringLiteral("rule %1 → %2")
        .arg(ruleName(shift.rulePublished), ruleName(shift.ruleDraft));
}

QString treatment(const QString& priority, const std::optional<int>& tier) {
    return QStringLiteral("%1, tier %2")
        .arg(priority.isEmpty() ? QStringLiteral("no priority") : priority,
             tier ? QString::number(*tier) : QStringLiteral("—"));
}

// "T2, T3" or "T2, T3, … and 25 more".
QString idSample(const std::vector<QString>& ids) {
    constexpr std::size_t shown = 5;
    QStringList sample;
    for (std::size_t i = 0; i < std::min(shown, ids.size()); ++i) {
        sample << ids[i];
    }
    QString text = sample.join(QStringLiteral(", "));
    if (ids.size() > shown) {
        text += QStringLiteral(" and %1 more").arg(count(std::int64_t(ids.size() - shown)));
    }
    return text;
}

QString slaLines(const MatrixReplay& replay) {
    QString text = QStringLiteral("%1 %2 %3\n")
                       .arg(QStringLiteral("SLA results"), -20)
                       .arg(QStringLiteral("published"), -38)
                       .arg(QStringLiteral("draft"));
    for (const sla::SlaTarget target :
         {sla::SlaTarget::FirstResponse, sla::SlaTarget::Resolution, sla::SlaTarget::Claim}) {
        auto cell = [&](const ReplaySide& side) {
            const ReplaySlaCounts& c = side.slaOf(target);
            return QStringLiteral("%1 met, %2 breached (%3)")
                .arg(count(c.met), count(c.breached), percent(c.breachRate()));
        };
        QString name = sla::slaTargetName(target).replace(QLatin1Char('_'), QLatin1Char(' '));
        name[0] = name[0].toUpper();
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(name, -18)
                    .arg(cell(replay.published), -38)
                    .arg(cell(replay.draft));
    }
    for (const sla::SlaTarget target :
         {sla::SlaTarget::FirstResponse, sla::SlaTarget::Resolution, sla::SlaTarget::Claim}) {
        const ReplaySlaShift& shift = replay.slaShifts[static_cast<std::size_t>(target)];
        const QString name = sla::slaTargetName(target).replace(QLatin1Char('_'), QLatin1Char(' '));
        for (const auto& [ids, verdict] :
             {std::pair{&shift.metToBreachedIds, QStringLiteral("met → breached")},
              std::pair{&shift.breachedToMetIds, QStringLiteral("breached → met")}}) {
            if (!ids->empty()) {
                text += QStringLiteral("  %1: %2 tickets %3 (%4)\n")
                            .arg(name, count(std::int64_t(ids->size())), verdict, idSample(*ids));
            }
        }
    }
    return text;
}

// How many tickets the draft flags earlier, and the most earlier of them.
QString flaggedText(std::vector<ReplayFlaggedEarlier> flagged, std::size_t examples) {
    if (flagged.empty()) {
        return QStringLiteral("\nThe draft's rules flag no ticket earlier than it was flagged "
                              "or escalated.\n");
    }
    std::stable_sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) {
        return a.minutesEarlier > b.minutesEarlier;
    });
    double total = 0.0;
    for (const ReplayFlaggedEarlier& f : flagged) {
        total += f.minutesEarlier;
    }
    QString text = QStringLiteral("\n%1 tickets would have been flagged earlier by the draft's "
                                  "rules, %2 min earlier on average. Most earlier:\n")
                       .arg(count(std::int64_t(flagged.size())))
                       .arg(total / double(flagged.size()), 0, 'f', 0);
    for (std::size_t i = 0; i < std::min(examples, flagged.size()); ++i) {
        text += QStringLiteral("  %1: %2 min earlier\n")
                    .arg(flagged[i].ticketId)
                    .arg(flagged[i].minutesEarlier, 0, 'f', 0);
    }
    return text;
}

} // namespace

std::optional<double> ReplaySlaCounts::breachRate() const {
    const std::int64_t decided = met + breached;
    return decided > 0 ? std::optional(double(breached) / double(decided)) : std::nullopt;
}

MatrixReplay replayMatrix(store::Database& db, const matrix::Matrix& published,
                          const matrix::Matrix& draft, const ReplayOptions& options) {
    MatrixReplay replay;
    replay.window = options.window;
    replay.flaggedEarlier.emplace();
    Replayer(published, draft, options, replay).run(db, rowsCreatedIn(db, options.window));
    replay.ruleShifts = shiftsOf(replay.changedTickets);
    const metrics::WindowOutcomes outcomes =
        metrics::loadWindowOutcomes(db, options.window, options.asOf);
    addEngineering(replay.published, db, outcomes, options.window, published);
    addEngineering(replay.draft, db, outcomes, options.window, draft);
    return replay;
}

QJsonObject replayJson(const MatrixReplay& replay, const QJsonObject& period) {
    QJsonArray changed;
    for (const ReplayChangedTicket& t : replay.changedTickets) {
        changed.append(QJsonObject{
            {QStringLiteral("ticket_id"), t.ticketId},
            {QStringLiteral("priority_published"), nullIfEmpty(t.priorityPublished)},
            {QStringLiteral("priority_draft"), nullIfEmpty(t.priorityDraft)},
            {QStringLiteral("tier_published"), tierJson(t.tierPublished)},
            {QStringLiteral("tier_draft"), tierJson(t.tierDraft)},
            {QStringLiteral("rule_published"), nullIfEmpty(t.rulePublished)},
            {QStringLiteral("rule_draft"), nullIfEmpty(t.ruleDraft)},
        });
    }
    QJsonObject json{
        {QStringLiteral("period"), period},
        {QStringLiteral("published"), sideJson(replay.published)},
        {QStringLiteral("draft"), sideJson(replay.draft)},
        {QStringLiteral("changed_tickets"), changed},
    };
    if (replay.flaggedEarlier) {
        QJsonArray earlier;
        for (const ReplayFlaggedEarlier& f : *replay.flaggedEarlier) {
            earlier.append(QJsonObject{{QStringLiteral("ticket_id"), f.ticketId},
                                       {QStringLiteral("minutes_earlier"), f.minutesEarlier}});
        }
        json.insert(QStringLiteral("flagged_earlier"), earlier);
    }
    return json;
}

QString replayText(const MatrixReplay& replay) {
    constexpr std::size_t examples = 10; // tickets listed by way of example
    QString text = QStringLiteral("%1 tickets created in the period, run through the published "
                                  "matrix and the draft.\n\n")
                       .arg(count(replay.tickets));
    if (replay.changedTickets.empty()) {
        text += QStringLiteral("The draft's rules give every ticket the same priority and "
                               "target tier.\n");
    } else {
        text += QStringLiteral("The draft's rules treat %1 tickets differently:\n")
                    .arg(count(std::int64_t(replay.changedTickets.size())));
        for (const ReplayRuleShift& shift : replay.ruleShifts) {
            text += QStringLiteral("  %1 %2\n").arg(count(shift.count()), -8).arg(shiftText(shift));
        }
        text += QStringLiteral("  For example:\n");
        for (std::size_t i = 0; i < std::min(examples, replay.changedTickets.size()); ++i) {
            const ReplayChangedTicket& t = replay.changedTickets[i];
            text += QStringLiteral("    %1: %2 → %3\n")
                        .arg(t.ticketId, treatment(t.priorityPublished, t.tierPublished),
                             treatment(t.priorityDraft, t.tierDraft));
        }
    }
    text += QLatin1Char('\n');
    text += slaLines(replay);
    text += QStringLiteral("\nEngineering load: %1 escalations, %2 engineer hours published; "
                           "%3 escalations, %4 engineer hours with the draft.\n")
                .arg(count(replay.published.engineeringEscalations))
                .arg(replay.published.engineerHours, 0, 'f', 1)
                .arg(count(replay.draft.engineeringEscalations))
                .arg(replay.draft.engineerHours, 0, 'f', 1);
    if (replay.flaggedEarlier) {
        text += flaggedText(*replay.flaggedEarlier, examples);
    }
    return text;
}

} // namespace escdesk::analysis

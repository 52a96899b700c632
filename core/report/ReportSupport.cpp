#include "report/ReportSupport.h"

#include "metrics/Benchmarks.h"
#include "metrics/EscalationPairing.h"
#include "metrics/FactsLoader.h"
#include "metrics/KeyFigures.h"
#include "metrics/MetricInputs.h"
#include "metrics/Vocabulary.h"
#include "report/ReportRenderers.h"
#include "store/TicketReader.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>

namespace escdesk::report {

namespace {

// Changes smaller than this read as "no change" (0.05 pts, half a minute).
bool negligible(double delta, ValueFormat format) {
    switch (format) {
    case ValueFormat::Percent:
        return std::abs(delta) < 0.0005;
    case ValueFormat::Minutes:
        return std::abs(delta) < 0.5;
    case ValueFormat::Count:
    case ValueFormat::Money:
        break;
    }
    return std::abs(delta) < 0.5;
}

// The two counts of escalation, as every surface defines them
// (metrics/Vocabulary.h), for the footnote of each KPI table.
QString glossaryText() {
    QString text;
    for (const metrics::Term& term : metrics::glossaryTerms()) {
        text += QLatin1Char(' ') + QString::fromUtf8(term.definition);
    }
    return text;
}

QString plural(int n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// The metrics of some of the period's outcomes, priced at the workspace's
// rates.
metrics::Metrics metricsOf(const ReportContext& context, const PeriodFigures& figures,
                           const metrics::OutcomeRefs& refs) {
    // The accumulator leaves out what lies outside the period's window.
    return metrics::computeMetrics(refs, figures.outcomes->hasEventLog, figures.window,
                                   context.costs, figures.outcomes->coverage);
}

} // namespace

ReportContext makeContext(store::Workspace& workspace, const QTimeZone& zone, UtcSeconds asOf) {
    metrics::MetricInputs inputs = metrics::metricInputsOf(workspace.db());
    return ReportContext{workspace,
                         zone,
                         asOf,
                         toDateTime(asOf, zone).date(),
                         std::move(inputs.evaluator),
                         inputs.costs,
                         inputs.currency};
}

ComparedPeriods loadComparedPeriods(ReportContext& context, const QDate& first, const QDate& last,
                                    const QDate& previousFirst, const QDate& previousLast) {
    const auto periodOf = [&](const QDate& from, const QDate& through) {
        PeriodFigures figures;
        figures.first = from;
        figures.last = through;
        figures.window = windowOfLocalDates(from, through.addDays(1), context.zone);
        return figures;
    };
    ComparedPeriods periods{periodOf(first, last), periodOf(previousFirst, previousLast)};
    const Window both{std::min(periods.now.window.from, periods.before.window.from),
                      std::max(periods.now.window.to, periods.before.window.to)};
    const auto outcomes = std::make_shared<const metrics::WindowOutcomes>(
        metrics::loadWindowOutcomes(context.workspace.db(), both, context.asOf));
    for (PeriodFigures* figures : {&periods.now, &periods.before}) {
        figures->outcomes = outcomes;
        figures->metrics = metricsOf(context, *figures, outcomes->refs());
    }
    return periods;
}

metrics::Metrics metricsForPriorities(const ReportContext& context, const PeriodFigures& figures,
                                      const QStringList& priorities) {
    return metricsOf(context, figures, metrics::withPriorities(*figures.outcomes, priorities));
}

std::vector<std::pair<QString, metrics::Metrics>> metricsByPriority(const ReportContext& context,
                                                                    const PeriodFigures& figures) {
    std::map<QString, metrics::OutcomeRefs> byValue;
    metrics::OutcomeRefs withoutValue;
    auto partOf = [&](const QString& priority) -> metrics::OutcomeRefs& {
        return priority.isEmpty() ? withoutValue : byValue[priority];
    };
    for (const metrics::TicketOutcome& ticket : figures.outcomes->tickets) {
        if (figures.window.contains(ticket.createdAt)) {
            partOf(ticket.priority).tickets.push_back(&ticket);
        }
    }
    for (const metrics::EscalationOutcome& escalation : figures.outcomes->escalations) {
        if (figures.window.contains(escalation.at)) {
            partOf(escalation.priority).escalations.push_back(&escalation);
        }
    }
    std::vector<std::pair<QString, metrics::Metrics>> parts;
    for (const auto& [priority, refs] : byValue) {
        parts.emplace_back(priority, metricsOf(context, figures, refs));
    }
    if (!withoutValue.tickets.empty() || !withoutValue.escalations.empty()) {
        parts.emplace_back(QString(), metricsOf(context, figures, withoutValue));
    }
    return parts;
}

metrics::MetricsInput escalatedFacts(ReportContext& context, const PeriodFigures& figures) {
    return metrics::loadEscalationsInput(context.workspace.db(), figures.window);
}

QString changeText(std::optional<double> now, std::optional<double> before, ValueFormat format) {
    if (!now || !before) {
        return QStringLiteral("—");
    }
    const double delta = *now - *before;
    if (negligible(delta, format)) {
        return QStringLiteral("→ no change");
    }
    const QString arrow = delta > 0 ? QStringLiteral("▲") : QStringLiteral("▼");
    switch (format) {
    case ValueFormat::Percent:
        return QStringLiteral("%1 %2 pts").arg(arrow).arg(std::abs(delta) * 100.0, 0, 'f', 1);
    case ValueFormat::Minutes:
        return arrow + QLatin1Char(' ') + formatMinutes(std::abs(delta));
    case ValueFormat::Count:
    case ValueFormat::Money:
        break;
    }
    return arrow + QLatin1Char(' ') + formatValue(std::abs(delta), format);
}

Tone changeTone(std::optional<double> now, std::optional<double> before, const Kpi& kpi) {
    if (!now || !before || negligible(*now - *before, kpi.format) ||
        kpi.better == Better::Neither) {
        return Tone::Neutral;
    }
    const bool up = *now > *before;
    return up == (kpi.better == Better::Higher) ? Tone::Good : Tone::Bad;
}

QString notMeasurableReason(const metrics::Metrics& m, const QString& key) {
    if (key.isEmpty()) {
        return {};
    }
    for (const QString& k : {key, key.section(QLatin1Char('.'), 0, 0)}) {
        if (const auto found = m.unavailable.find(k); found != m.unavailable.end()) {
            return found->second;
        }
    }
    return {};
}

QString escalatedCountText(const metrics::Metrics& m) {
    return notMeasurableReason(m, QStringLiteral("escalated")).isEmpty()
               ? QString::number(m.escalated)
               : QStringLiteral("—");
}

std::optional<Paragraph> notMeasurableParagraph(const metrics::Metrics& m) {
    QStringList reasons;
    for (const auto& [key, reason] : m.unavailable) {
        if (!reasons.contains(reason)) {
            reasons.append(reason);
        }
    }
    if (reasons.isEmpty()) {
        return std::nullopt;
    }
    return Paragraph{QStringLiteral("Not measurable from this data: %1. Those figures read “—”.")
                         .arg(reasons.join(QStringLiteral("; "))),
                     Tone::Watch};
}

Table kpiTable(const QString& id, const std::vector<Kpi>& kpis, const metrics::Metrics& now,
               const metrics::Metrics& before, const QString& nowLabel,
               const QString& beforeLabel) {
    Table table;
    table.id = id;
    table.headers = {QStringLiteral("Metric"),
                     nowLabel,
                     beforeLabel,
                     QStringLiteral("Change"),
                     QStringLiteral("Target"),
                     QStringLiteral("Status")};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Left, Align::Left};
    table.widths = {27, 13, 14, 13, 19, 14};
    // Labels of the figures not measurable, by reason.
    std::vector<std::pair<QString, QStringList>> notMeasurable;
    for (const Kpi& kpi : kpis) {
        const QString reason = notMeasurableReason(now, kpi.key);
        const std::optional<double> current = reason.isEmpty() ? kpi.value(now) : std::nullopt;
        const std::optional<double> previous =
            notMeasurableReason(before, kpi.key).isEmpty() ? kpi.value(before) : std::nullopt;
        Cell status;
        if (!reason.isEmpty()) {
            status = Cell{QStringLiteral("Not measurable")};
            auto group = std::find_if(notMeasurable.begin(), notMeasurable.end(),
                                      [&](const auto& g) { return g.first == reason; });
            if (group == notMeasurable.end()) {
                group = notMeasurable.insert(notMeasurable.end(), {reason, {}});
            }
            group->second.append(kpi.label);
        } else if (current && kpi.band) {
            const Tone tone = kpi.band(*current);
            status = Cell{tone == Tone::Good    ? QStringLiteral("On target")
                          : tone == Tone::Watch ? QStringLiteral("Watch")
                                                : QStringLiteral("Off target"),
                          tone};
        }
        table.rows.push_back(
            {Cell{kpi.label}, Cell{formatValue(current, kpi.format), Tone::Neutral, true},
             Cell{formatValue(previous, kpi.format)},
             Cell{changeText(current, previous, kpi.format), changeTone(current, previous, kpi)},
             Cell{kpi.target}, status});
    }
    table.note = QStringLiteral("Arrows compare with the previous period; green means better, red "
                                "worse. Targets are the domain benchmarks.") +
                 glossaryText();
    for (const auto& [reason, labels] : notMeasurable) {
        table.note += QStringLiteral(" Not measurable (%1): %2.")
                          .arg(labels.join(QStringLiteral("; ")), reason);
    }
    return table;
}

QString criticalWithin30mTargetText() {
    return QStringLiteral("≥ %1% (p90 < %2 min)")
        .arg(metrics::criticalWithin30mTarget * 100.0, 0, 'f', 0)
        .arg(metrics::durationBenchmarkMin, 0, 'f', 0);
}

Tone criticalWithin30mTone(double share) {
    return *metrics::criticalWithin30mBand(share) == metrics::BenchmarkBand::Good ? Tone::Good
                                                                                  : Tone::Bad;
}

Kpi escalationRateKpi() {
    return Kpi{QStringLiteral("Escalation rate"),
               [](const metrics::Metrics& m) { return m.escalationRate; },
               ValueFormat::Percent,
               Better::Lower,
               QStringLiteral("< 10% (over 15%: act)"),
               [](double rate) {
                   switch (*metrics::escalationRateBand(rate)) {
                   case metrics::BenchmarkBand::Good:
                       return Tone::Good;
                   case metrics::BenchmarkBand::Watch:
                       return Tone::Watch;
                   case metrics::BenchmarkBand::NeedsAttention:
                       break;
                   }
                   return Tone::Bad;
               },
               QStringLiteral("escalation_rate")};
}

QString effortSummary(const metrics::TicketFacts& ticket) {
    int escalations = 0, bounces = 0, infoRequests = 0;
    UtcSeconds end = ticket.createdAt;
    for (const metrics::FactEvent& e : ticket.events) {
        escalations += e.kind == EventKind::Escalated ? 1 : 0;
        bounces += e.kind == EventKind::Bounced ? 1 : 0;
        infoRequests += e.kind == EventKind::InfoRequested ? 1 : 0;
        end = std::max(end, e.at);
    }
    if (ticket.resolvedAt) {
        end = *ticket.resolvedAt;
    }
    const double days = static_cast<double>(end - ticket.createdAt) / 86400.0;
    // Zero bounces or info requests are left out: the line lists the effort.
    QStringList parts{plural(escalations, "escalation", "escalations")};
    if (bounces > 0) {
        parts << plural(bounces, "bounce", "bounces");
    }
    if (infoRequests > 0) {
        parts << plural(infoRequests, "info request", "info requests");
    }
    return QStringLiteral("%1 over %2 days%3")
        .arg(parts.join(QStringLiteral(", ")))
        .arg(days, 0, 'f', 1)
        .arg(ticket.resolvedAt ? QString() : QStringLiteral(" (open)"));
}

std::vector<EscalationCase> escalationCases(ReportContext& context, const PeriodFigures& figures,
                                            const metrics::MetricsInput& escalated) {
    std::vector<EscalationCase> cases;
    std::vector<std::int64_t> rows;
    for (const metrics::TicketFacts& ticket : escalated.tickets) {
        const std::vector<metrics::Escalation> escalations = metrics::pairEscalations(ticket);
        for (const metrics::Escalation& e : escalations) {
            if (!figures.window.contains(e.at)) {
                continue;
            }
            const bool latest = &e == &escalations.back();
            EscalationCase c;
            c.row = ticket.row;
            c.priority = ticket.priority;
            c.rootCause = metrics::rootCauseOf(ticket);
            c.escalatedAt = e.at;
            if (e.decision) {
                c.decisionLatencyMin = static_cast<double>(*e.decision - e.at) / 60.0;
            }
            c.bounced = e.bounced;
            c.latest = latest;
            c.resolved = ticket.resolvedAt.has_value();
            c.escalations = static_cast<int>(escalations.size());
            c.effort = effortSummary(ticket);
            cases.push_back(c);
            rows.push_back(ticket.row);
        }
    }
    const auto texts = store::ticketTexts(context.workspace.db(), rows);
    for (EscalationCase& c : cases) {
        if (const auto found = texts.find(c.row); found != texts.end()) {
            c.ticketId = found->second.ticketId;
            c.subject = found->second.subject;
        }
    }
    return cases;
}

Table casesTable(const QString& id, const QString& title, const std::vector<EscalationCase>& cases,
                 const QString& whyHeader, const std::function<QString(const EscalationCase&)>& why,
                 const QString& emptyText) {
    Table table;
    table.id = id;
    table.title = title;
    table.headers = {QStringLiteral("Ticket"),
                     QStringLiteral("Subject"),
                     QStringLiteral("Priority"),
                     QStringLiteral("Root cause"),
                     whyHeader,
                     QStringLiteral("Effort")};
    table.widths = {15, 22, 10, 13, 12, 28};
    table.emptyText = emptyText;
    for (const EscalationCase& c : cases) {
        table.rows.push_back({Cell{c.ticketId, Tone::Neutral, true}, Cell{c.subject},
                              Cell{c.priority}, Cell{c.rootCause}, Cell{why(c)}, Cell{c.effort}});
    }
    return table;
}

Table actionsTable(const QString& id, const QString& title,
                   const std::vector<review::Action>& actions, const QDate& today) {
    Table table;
    table.id = id;
    table.title = title;
    table.headers = {QStringLiteral("Action"), QStringLiteral("About"), QStringLiteral("Owner"),
                     QStringLiteral("Deadline"), QStringLiteral("Status")};
    table.widths = {34, 18, 14, 14, 20};
    table.emptyText = QStringLiteral("No open actions. Record them in the Review page as the "
                                     "review agrees them.");
    for (const review::Action& action : actions) {
        Cell status{review::actionStatusLabel(action.status)};
        Cell deadline{action.deadline.toString(QStringLiteral("d MMM yyyy"))};
        if (action.isOverdueOn(today)) {
            const auto days = action.deadline.daysTo(today);
            status = Cell{
                QStringLiteral("Overdue by %1").arg(plural(static_cast<int>(days), "day", "days")),
                Tone::Bad};
            deadline.tone = Tone::Bad;
        } else if (action.status == review::ActionStatus::Done) {
            status.tone = Tone::Good;
        }
        table.rows.push_back({Cell{action.title, Tone::Neutral, true}, Cell{action.subject},
                              Cell{action.owner}, deadline, status});
    }
    return table;
}

Table decisionsTable(const QString& id, const QString& title,
                     const std::vector<review::Decision>& decisions, int blankRows) {
    Table table;
    table.id = id;
    table.title = title;
    table.headers = {QStringLiteral("Date"), QStringLiteral("Decision"), QStringLiteral("Owner"),
                     QStringLiteral("Concerns"), QStringLiteral("Note")};
    table.widths = {10, 22, 14, 20, 34};
    table.emptyText = QStringLiteral("No decisions recorded yet.");
    table.blankRows = blankRows;
    for (const review::Decision& d : decisions) {
        QStringList concerns;
        if (!d.ticketId.isEmpty()) {
            concerns << d.ticketId;
        }
        if (!d.rootCause.isEmpty()) {
            concerns << d.rootCause;
        }
        table.rows.push_back({Cell{d.decidedOn.toString(QStringLiteral("d MMM"))},
                              Cell{d.decisionType, Tone::Neutral, true}, Cell{d.owner},
                              Cell{concerns.join(QStringLiteral(", "))}, Cell{d.note}});
    }
    return table;
}

QString dayRangeText(const QDate& first, const QDate& last) {
    const QLocale english(QLocale::English);
    if (first.year() != last.year()) {
        return english.toString(first, QStringLiteral("d MMMM yyyy")) + QStringLiteral(" – ") +
               english.toString(last, QStringLiteral("d MMMM yyyy"));
    }
    if (first.month() != last.month()) {
        return english.toString(first, QStringLiteral("d MMMM")) + QStringLiteral(" – ") +
               english.toString(last, QStringLiteral("d MMMM yyyy"));
    }
    return QStringLiteral("%1–%2")
        .arg(first.day())
        .arg(english.toString(last, QStringLiteral("d MMMM yyyy")));
}

QString generatedOnText(const ReportContext& context) {
    return QLocale(QLocale::English)
        .toString(toDateTime(context.asOf, context.zone), QStringLiteral("d MMM yyyy HH:mm"));
}

QString generatedText(const ReportContext& context) {
    const QString when =
        QLocale(QLocale::English)
            .toString(toDateTime(context.asOf, context.zone), QStringLiteral("d MMMM yyyy, HH:mm"));
    return QStringLiteral("Generated by Escalation Desk on %1 (%2) from %3. Figures follow the "
                          "metric definitions of the Escalation Desk specification; times are "
                          "wall-clock.")
        .arg(when, QString::fromUtf8(context.zone.id()),
             QFileInfo(context.workspace.path()).fileName());
}

} // namespace escdesk::report

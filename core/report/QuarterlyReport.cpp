// The quarterly efficiency report (SPEC §9): decision latency overall and by
// priority, the ten escalations with the longest decision latency,
// re-escalation and deflection, and checklist completion against bounceback.

#include "analysis/Trend.h"
#include "metrics/EscalationPairing.h"
#include "report/CsatSection.h"
#include "report/EngineeringSection.h"
#include "report/ReportRenderers.h"
#include "report/ReportSupport.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <map>
#include <tuple>

namespace escdesk::report {

namespace {

constexpr int longestCount = 10;

int priorityRank(const QString& priority) {
    static const QStringList order{QStringLiteral("critical"), QStringLiteral("urgent"),
                                   QStringLiteral("high"),     QStringLiteral("medium"),
                                   QStringLiteral("normal"),   QStringLiteral("low")};
    const auto index = order.indexOf(priority.toLower());
    return index < 0 ? static_cast<int>(order.size()) : static_cast<int>(index);
}

QString quarterName(const QDate& first, const QDate& last) {
    const bool wholeQuarter =
        (first.month() - 1) % 3 == 0 && first.day() == 1 && last == first.addMonths(3).addDays(-1);
    if (!wholeQuarter) {
        return dayRangeText(first, last);
    }
    return QStringLiteral("Q%1 %2").arg((first.month() - 1) / 3 + 1).arg(first.year());
}

Table latencyByPriority(const ReportContext& context, const PeriodFigures& figures) {
    Table table;
    table.id = QStringLiteral("decision-latency-by-priority");
    table.title = QStringLiteral("Decision latency by priority");
    table.headers = {QStringLiteral("Priority"), QStringLiteral("Decisions"),
                     QStringLiteral("Median"),   QStringLiteral("p90"),
                     QStringLiteral("Mean"),     QStringLiteral("Within 30 min (Critical)")};
    table.align = {Align::Left,  Align::Right, Align::Right,
                   Align::Right, Align::Right, Align::Right};
    std::vector<std::pair<QString, metrics::Metrics>> segments =
        metricsByPriority(context, figures);
    std::stable_sort(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
        return priorityRank(a.first) < priorityRank(b.first);
    });
    for (const auto& [priority, m] : segments) {
        if (m.decisionLatencyMin.n == 0) {
            continue;
        }
        const bool critical = priority.compare(QLatin1String("Critical"), Qt::CaseInsensitive) == 0;
        table.rows.push_back(
            {Cell{priority.isNull() ? QStringLiteral("(none)") : priority, Tone::Neutral, true},
             Cell{QString::number(m.decisionLatencyMin.n)},
             Cell{formatMinutes(m.decisionLatencyMin.p50)},
             Cell{formatMinutes(m.decisionLatencyMin.p90)},
             Cell{formatMinutes(m.decisionLatencyMin.mean)},
             critical ? Cell{formatValue(m.criticalDecisionsWithin30m, ValueFormat::Percent),
                             m.criticalDecisionsWithin30m
                                 ? criticalWithin30mTone(*m.criticalDecisionsWithin30m)
                                 : Tone::Neutral}
                      : Cell{QStringLiteral("")}});
    }
    table.emptyText = QStringLiteral("No decisions recorded in this quarter.");
    table.note = QStringLiteral("Decision latency: from each escalation to its first decision "
                                "event. Benchmark: Critical decisions within 30 minutes.");
    return table;
}

Chart latencyChart(const analysis::Trend& trend) {
    Chart chart;
    chart.id = QStringLiteral("decision-latency-weekly");
    chart.title = QStringLiteral("Decision latency by week (hours)");
    chart.kind = ChartKind::Line;
    chart.format = ValueFormat::Count;
    Series median{QStringLiteral("Median"), {}, QStringLiteral("#0b5cad")};
    Series p90{QStringLiteral("p90"), {}, QStringLiteral("#cf222e")};
    auto hours = [](std::optional<double> minutes) {
        return minutes ? std::optional<double>(*minutes / 60.0) : std::nullopt;
    };
    for (const analysis::TrendPoint& week : trend.points) {
        chart.labels
            << QLocale(QLocale::English).toString(week.period.firstDay, QStringLiteral("d MMM"));
        median.values.push_back(hours(week.metrics.decisionLatencyMin.p50));
        p90.values.push_back(hours(week.metrics.decisionLatencyMin.p90));
    }
    chart.series = {median, p90};
    chart.caption = QStringLiteral("Median and p90 decision latency of each week's escalations.");
    return chart;
}

// Per escalation transition (ticket, from, to) with a stored checklist:
// whether it was ready — every required item of the matrix's checklist for
// the transition ticked, as the ticket's detail judges it
// (matrix::ChecklistRun::ready). Without a checklist in the matrix the
// stored rows' own required flags decide.
std::map<std::tuple<std::int64_t, int, int>, bool>
checklistReadiness(store::Database& db, const matrix::Matrix& matrix) {
    std::map<std::tuple<std::int64_t, int, int>, std::pair<QSet<QString>, bool>> runs;
    store::Statement query = db.prepare(
        "SELECT ticket, from_tier, to_tier, item_id, required, done FROM checklist_runs");
    while (query.step()) {
        auto& [ticked, storedRequiredMissing] = runs[{
            query.int64(0), static_cast<int>(query.int64(1)), static_cast<int>(query.int64(2))}];
        if (query.int64(5) != 0) {
            ticked.insert(query.text(3));
        } else if (query.int64(4) != 0) {
            storedRequiredMissing = true;
        }
    }
    std::map<std::tuple<std::int64_t, int, int>, bool> readiness;
    for (const auto& [transition, run] : runs) {
        // Named, not bound: clang 14 does not let a lambda capture a
        // structured binding.
        const QSet<QString>& ticked = run.first;
        const bool storedRequiredMissing = run.second;
        const matrix::Checklist* checklist =
            matrix.checklistFor(std::get<1>(transition), std::get<2>(transition));
        readiness[transition] =
            checklist ? std::all_of(checklist->items.begin(), checklist->items.end(),
                                    [&](const matrix::ChecklistItem& item) {
                                        return !item.required || ticked.contains(item.id);
                                    })
                      : !storedRequiredMissing;
    }
    return readiness;
}

Table checklistAgainstBounceback(ReportContext& context, const PeriodFigures& figures,
                                 const metrics::MetricsInput& escalated) {
    const auto runs = checklistReadiness(context.workspace.db(), context.evaluator.matrix());
    struct Group {
        std::int64_t escalations = 0;
        std::int64_t bounced = 0;
    };
    Group complete, incomplete, none;
    for (const metrics::TicketFacts& ticket : escalated.tickets) {
        for (const metrics::Escalation& e : metrics::pairEscalations(ticket)) {
            if (!figures.window.contains(e.at)) {
                continue;
            }
            const int to = e.toTier.value_or(2);
            const auto run = runs.find({ticket.row, to - 1, to});
            Group& group = run == runs.end() ? none : (run->second ? complete : incomplete);
            ++group.escalations;
            group.bounced += e.bounced ? 1 : 0;
        }
    }
    Table table;
    table.id = QStringLiteral("checklist-vs-bounceback");
    table.title = QStringLiteral("Checklist completion against bounceback");
    table.headers = {QStringLiteral("Pre-escalation checklist"), QStringLiteral("Escalations"),
                     QStringLiteral("Bounced"), QStringLiteral("Bounceback rate")};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Right};
    auto row = [&](const QString& label, const Group& group) {
        const auto rate = metrics::ratio(group.bounced, group.escalations);
        table.rows.push_back({Cell{label, Tone::Neutral, true},
                              Cell{QString::number(group.escalations)},
                              Cell{QString::number(group.bounced)},
                              Cell{formatValue(rate, ValueFormat::Percent),
                                   rate && *rate > 0.20 ? Tone::Bad : Tone::Neutral}});
    };
    row(QStringLiteral("All required items done"), complete);
    row(QStringLiteral("Required items missing"), incomplete);
    row(QStringLiteral("No checklist recorded"), none);
    table.note = QStringLiteral("A checklist belongs to the escalation's transition (Tier 1 → 2, "
                                "Tier 2 → 3).");
    return table;
}

} // namespace

Report buildQuarterlyReport(ReportContext& context, const QDate& first, const QDate& last) {
    const qint64 days = first.daysTo(last) + 1;
    const bool wholeQuarter =
        (first.month() - 1) % 3 == 0 && first.day() == 1 && last == first.addMonths(3).addDays(-1);
    const QDate previousFirst = wholeQuarter ? first.addMonths(-3) : first.addDays(-days);
    const QDate previousLast = first.addDays(-1);
    const auto [now, before] =
        loadComparedPeriods(context, first, last, previousFirst, previousLast);
    const QString nowLabel = quarterName(first, last);
    const QString beforeLabel = quarterName(previousFirst, previousLast);

    Report report;
    report.kind = ReportKind::Quarterly;
    report.first = first;
    report.last = last;
    report.timeZone = QString::fromUtf8(context.zone.id());
    report.title = QStringLiteral("Escalation efficiency, %1").arg(nowLabel);
    report.periodText = QStringLiteral("Quarterly efficiency report · %1 compared with %2 · %3")
                            .arg(dayRangeText(first, last),
                                 dayRangeText(previousFirst, previousLast), report.timeZone);
    report.generatedText = generatedText(context);
    report.generatedOn = generatedOnText(context);
    report.subject = report.title;

    const metrics::Metrics& m = now.metrics;
    const metrics::Metrics& b = before.metrics;
    report.headlines = {
        Headline{
            QStringLiteral("Decision latency, median"), formatMinutes(m.decisionLatencyMin.p50),
            changeText(m.decisionLatencyMin.p50, b.decisionLatencyMin.p50, ValueFormat::Minutes) +
                QStringLiteral(" vs ") + beforeLabel,
            Tone::Neutral},
        Headline{QStringLiteral("Re-escalated tickets"),
                 formatValue(m.reescalatedShare, ValueFormat::Percent),
                 changeText(m.reescalatedShare, b.reescalatedShare, ValueFormat::Percent),
                 Tone::Neutral},
        Headline{QStringLiteral("Deflection at Tier 2"),
                 formatValue(m.deflectionRate, ValueFormat::Percent),
                 changeText(m.deflectionRate, b.deflectionRate, ValueFormat::Percent),
                 Tone::Neutral},
    };

    Section latency{QStringLiteral("Decision latency"), {}};
    if (const auto notMeasurable = notMeasurableParagraph(m)) {
        latency.blocks.push_back(*notMeasurable);
    }
    using M = metrics::Metrics;
    const std::vector<Kpi> latencyKpis{
        Kpi{QStringLiteral("Decision latency, median"),
            [](const M& x) { return x.decisionLatencyMin.p50; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("decision_latency_min")},
        Kpi{QStringLiteral("Decision latency, p90"),
            [](const M& x) { return x.decisionLatencyMin.p90; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("decision_latency_min")},
        Kpi{QStringLiteral("Decision latency, mean"),
            [](const M& x) { return x.decisionLatencyMin.mean; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("decision_latency_min")},
        Kpi{QStringLiteral("Critical decisions within 30 min"),
            [](const M& x) { return x.criticalDecisionsWithin30m; }, ValueFormat::Percent,
            Better::Higher, criticalWithin30mTargetText(), criticalWithin30mTone,
            QStringLiteral("critical_decisions_within_30m")},
    };
    latency.blocks.push_back(
        kpiTable(QStringLiteral("decision-latency"), latencyKpis, m, b, nowLabel, beforeLabel));
    latency.blocks.push_back(latencyByPriority(context, now));
    const analysis::Trend weekly =
        analysis::analyseTrend(context.workspace.db(), first, last.addDays(1),
                               analysis::Granularity::Week, context.zone, context.asOf);
    latency.blocks.push_back(latencyChart(weekly));
    report.sections.push_back(latency);

    Section longest{QStringLiteral("The ten longest decisions"), {}};
    const metrics::MetricsInput escalated = escalatedFacts(context, now);
    std::vector<EscalationCase> cases = escalationCases(context, now, escalated);
    std::erase_if(cases, [](const EscalationCase& c) { return !c.decisionLatencyMin; });
    std::sort(cases.begin(), cases.end(), [](const auto& x, const auto& y) {
        return *x.decisionLatencyMin != *y.decisionLatencyMin
                   ? *x.decisionLatencyMin > *y.decisionLatencyMin
                   : x.ticketId < y.ticketId;
    });
    cases.resize(std::min<std::size_t>(cases.size(), longestCount));
    longest.blocks.push_back(casesTable(
        QStringLiteral("longest-decision-latency"), {}, cases, QStringLiteral("Decision after"),
        [](const EscalationCase& c) { return formatMinutes(c.decisionLatencyMin); },
        QStringLiteral("No decisions recorded in this quarter.")));
    report.sections.push_back(longest);

    Section flow{QStringLiteral("Re-escalation and deflection"), {}};
    const std::vector<Kpi> flowKpis{
        Kpi{QStringLiteral("Re-escalated tickets"),
            [](const M& x) { return x.reescalatedShare; },
            ValueFormat::Percent,
            Better::Lower,
            {},
            {},
            QStringLiteral("reescalated_share")},
        Kpi{QStringLiteral("Escalations per escalated ticket"),
            [](const M& x) { return x.escalationsPerEscalatedTicket; },
            ValueFormat::Count,
            Better::Lower,
            {},
            {},
            QStringLiteral("escalations_per_escalated_ticket")},
        Kpi{QStringLiteral("Deflection (Tier 2 without Tier 3)"),
            [](const M& x) { return x.deflectionRate; },
            ValueFormat::Percent,
            Better::Higher,
            {},
            {},
            QStringLiteral("deflection_rate")},
        Kpi{QStringLiteral("Bounceback rate"), [](const M& x) { return x.bouncebackRate; },
            ValueFormat::Percent, Better::Lower, QStringLiteral("5–10%"),
            [](double v) { return v <= 0.10  ? Tone::Good
                                  : v > 0.20 ? Tone::Bad
                                             : Tone::Watch; },
            QStringLiteral("bounceback_rate")},
        Kpi{QStringLiteral("Escalation rate"), [](const M& x) { return x.escalationRate; },
            ValueFormat::Percent, Better::Lower, QStringLiteral("< 10%"), escalationRateKpi().band,
            QStringLiteral("escalation_rate")},
    };
    Table flowTable =
        kpiTable(QStringLiteral("reescalation-deflection"), flowKpis, m, b, nowLabel, beforeLabel);
    // Escalations per escalated ticket reads as a ratio, not a count.
    flowTable.rows[1][1].text = m.escalationsPerEscalatedTicket
                                    ? QString::number(*m.escalationsPerEscalatedTicket, 'f', 2)
                                    : QStringLiteral("—");
    flowTable.rows[1][2].text = b.escalationsPerEscalatedTicket
                                    ? QString::number(*b.escalationsPerEscalatedTicket, 'f', 2)
                                    : QStringLiteral("—");
    flowTable.rows[1][3].text =
        m.escalationsPerEscalatedTicket && b.escalationsPerEscalatedTicket
            ? QStringLiteral("%1 %2")
                  .arg(*m.escalationsPerEscalatedTicket >= *b.escalationsPerEscalatedTicket
                           ? QStringLiteral("▲")
                           : QStringLiteral("▼"))
                  .arg(
                      std::abs(*m.escalationsPerEscalatedTicket - *b.escalationsPerEscalatedTicket),
                      0, 'f', 2)
            : QStringLiteral("—");
    flow.blocks.push_back(flowTable);
    report.sections.push_back(flow);

    Section checklists{QStringLiteral("Checklists and bounceback"), {}};
    const Table checklistTable = checklistAgainstBounceback(context, now, escalated);
    if (checklistTable.rows[0][1].text == QLatin1String("0") &&
        checklistTable.rows[1][1].text == QLatin1String("0")) {
        checklists.blocks.push_back(Paragraph{
            QStringLiteral("No pre-escalation checklist was recorded for this quarter's "
                           "escalations: tick them on the Escalations page so that the next "
                           "report can compare bounceback with and without them."),
            Tone::Watch});
    }
    checklists.blocks.push_back(checklistTable);
    report.sections.push_back(checklists);

    report.sections.push_back(csatSection(m, b, nowLabel, beforeLabel));
    report.sections.push_back(engineeringSection(context, now, before, nowLabel, beforeLabel));

    Section actions{QStringLiteral("Long-term actions"), {}};
    actions.blocks.push_back(actionsTable(
        QStringLiteral("actions"), {}, review::openActions(context.workspace.db()), context.today));
    report.sections.push_back(actions);
    return report;
}

} // namespace escdesk::report

// The weekly escalation review (SPEC §9): 30 minutes, in agenda order —
// KPIs against targets, p90 regressions, root causes, deep-dive candidates,
// open actions, and this week's decisions.

#include "analysis/RootCauses.h"
#include "analysis/Trend.h"
#include "analysis/TrendCategories.h"
#include "report/EngineeringSection.h"
#include "report/FollowUpSection.h"
#include "report/ReportRenderers.h"
#include "report/ReportSupport.h"
#include "report/SpikeSection.h"

#include <QLocale>

#include <algorithm>

namespace escdesk::report {

namespace {

constexpr int trendWeeks = 8;
constexpr int deepDivesPerList = 3;
constexpr int topRootCauses = 5;

Tone atMost(double value, double good, double bad) {
    return value <= good ? Tone::Good : value > bad ? Tone::Bad : Tone::Watch;
}

std::vector<Kpi> weeklyKpis() {
    using M = metrics::Metrics;
    return {
        escalationRateKpi(),
        Kpi{QStringLiteral("Time to escalate, p90"),
            [](const M& m) { return m.timeToEscalateMin.p90; },
            ValueFormat::Minutes,
            Better::Lower,
            QStringLiteral("≤ 120% of 4-week median"),
            {},
            QStringLiteral("time_to_escalate_min")},
        Kpi{QStringLiteral("Claim delay, median"),
            [](const M& m) { return m.claimDelayMin.p50; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("claim_delay_min")},
        Kpi{QStringLiteral("Handoff delay, median (High/Critical)"),
            [](const M& m) { return m.handoffDelayMin.p50; }, ValueFormat::Minutes, Better::Lower,
            QStringLiteral("< 30 min"), [](double v) { return v < 30.0 ? Tone::Good : Tone::Bad; },
            QStringLiteral("handoff_delay_min")},
        Kpi{QStringLiteral("Decision latency, median"),
            [](const M& m) { return m.decisionLatencyMin.p50; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("decision_latency_min")},
        Kpi{QStringLiteral("Decision latency, p90"),
            [](const M& m) { return m.decisionLatencyMin.p90; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("decision_latency_min")},
        Kpi{QStringLiteral("Critical decisions within 30 min"),
            [](const M& m) { return m.criticalDecisionsWithin30m; }, ValueFormat::Percent,
            Better::Higher, criticalWithin30mTargetText(), criticalWithin30mTone,
            QStringLiteral("critical_decisions_within_30m")},
        Kpi{QStringLiteral("Bounceback rate"), [](const M& m) { return m.bouncebackRate; },
            ValueFormat::Percent, Better::Lower, QStringLiteral("5–10% (over 20%: bad)"),
            [](double v) { return atMost(v, 0.10, 0.20); }, QStringLiteral("bounceback_rate")},
        Kpi{QStringLiteral("Context loss (info requested)"),
            [](const M& m) { return m.contextLossRate; }, ValueFormat::Percent, Better::Lower,
            QStringLiteral("< 10%"), [](double v) { return v < 0.10 ? Tone::Good : Tone::Bad; },
            QStringLiteral("context_loss_rate")},
        Kpi{QStringLiteral("Re-escalated tickets"),
            [](const M& m) { return m.reescalatedShare; },
            ValueFormat::Percent,
            Better::Lower,
            {},
            {},
            QStringLiteral("reescalated_share")},
        Kpi{QStringLiteral("Reopen rate (re-contact)"), [](const M& m) { return m.reopenRate; },
            ValueFormat::Percent, Better::Lower, QStringLiteral("< 15%"),
            [](double v) { return v < 0.15 ? Tone::Good : Tone::Bad; },
            QStringLiteral("reopen_rate")},
        Kpi{QStringLiteral("SLA breach rate, escalated"),
            [](const M& m) { return m.slaBreachRateEscalated; },
            ValueFormat::Percent,
            Better::Lower,
            {},
            {},
            QStringLiteral("sla_breach_rate.escalated")},
    };
}

// The handoff KPI is measured on High and Critical tickets only (its
// benchmark's scope); the other rows on every ticket.
metrics::Metrics withHighCriticalHandoff(metrics::Metrics all, const metrics::Metrics& urgent) {
    all.handoffDelayMin = urgent.handoffDelayMin;
    return all;
}

// A p90 row of the regression table: the week's p90 against the median of the
// 4 complete weeks before it, flagged past the trend analysis's threshold.
std::vector<Cell> p90Row(const QString& label, const std::vector<analysis::TrendPoint>& weeks,
                         const std::function<std::optional<double>(const metrics::Metrics&)>& p90,
                         const QString& key) {
    const analysis::TrendPoint& latest = weeks.back();
    if (!notMeasurableReason(latest.metrics, key).isEmpty()) {
        return {Cell{label}, Cell{QStringLiteral("—")}, Cell{QStringLiteral("—")},
                Cell{QStringLiteral("—")}, Cell{QStringLiteral("not measurable")}};
    }
    std::vector<double> trailing;
    for (std::size_t i = weeks.size() - 1 -
                         std::min<std::size_t>(weeks.size() - 1, analysis::regressionTrailingWeeks);
         i + 1 < weeks.size(); ++i) {
        if (const auto value = p90(weeks[i].metrics)) {
            trailing.push_back(*value);
        }
    }
    const std::optional<double> now = p90(latest.metrics);
    if (trailing.size() != static_cast<std::size_t>(analysis::regressionTrailingWeeks) || !now) {
        return {Cell{label}, Cell{formatMinutes(now)}, Cell{QStringLiteral("—")},
                Cell{QStringLiteral("—")}, Cell{QStringLiteral("not enough history")}};
    }
    const double median = analysis::medianOf(trailing);
    const double change = median > 0 ? *now / median - 1.0 : 0.0;
    const bool regressed = *now > analysis::regressionThreshold * median;
    return {Cell{label}, Cell{formatMinutes(now), Tone::Neutral, true}, Cell{formatMinutes(median)},
            Cell{QStringLiteral("%1%2%")
                     .arg(change >= 0 ? QStringLiteral("+") : QString())
                     .arg(change * 100.0, 0, 'f', 0),
                 regressed ? Tone::Bad : Tone::Neutral},
            regressed ? Cell{QStringLiteral("Regression"), Tone::Bad}
                      : Cell{QStringLiteral("OK"), Tone::Good}};
}

Section p90Section(const std::vector<analysis::TrendPoint>& weeks) {
    Section section{QStringLiteral("2. p90 regressions"), {}};
    Table table;
    table.id = QStringLiteral("p90-regressions");
    table.headers = {QStringLiteral("p90 of"), QStringLiteral("This week"),
                     QStringLiteral("4-week median"), QStringLiteral("Change"),
                     QStringLiteral("Flag")};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Left};
    using M = metrics::Metrics;
    table.rows.push_back(p90Row(
        QStringLiteral("Time to escalate"), weeks,
        [](const M& m) { return m.timeToEscalateMin.p90; },
        QStringLiteral("time_to_escalate_min")));
    table.rows.push_back(p90Row(
        QStringLiteral("Claim delay"), weeks, [](const M& m) { return m.claimDelayMin.p90; },
        QStringLiteral("claim_delay_min")));
    table.rows.push_back(p90Row(
        QStringLiteral("Handoff delay"), weeks, [](const M& m) { return m.handoffDelayMin.p90; },
        QStringLiteral("handoff_delay_min")));
    table.rows.push_back(p90Row(
        QStringLiteral("Decision latency"), weeks,
        [](const M& m) { return m.decisionLatencyMin.p90; },
        QStringLiteral("decision_latency_min")));
    table.note = QStringLiteral("A regression is a week's p90 more than 20% above the median of "
                                "the 4 weeks before it.");
    int regressions = 0;
    for (const auto& row : table.rows) {
        regressions += row.back().tone == Tone::Bad ? 1 : 0;
    }
    section.blocks.push_back(Paragraph{
        regressions == 0 ? QStringLiteral("No p90 regression this week.")
                         : QStringLiteral("%1 p90 regression%2 this week — worth a look before "
                                          "the deep dives.")
                               .arg(regressions)
                               .arg(regressions == 1 ? QString() : QStringLiteral("s")),
        regressions == 0 ? Tone::Good : Tone::Bad});
    section.blocks.push_back(table);

    Chart chart;
    chart.id = QStringLiteral("time-to-escalate-p90");
    chart.title = QStringLiteral("Time to escalate, p90 by week (hours)");
    chart.kind = ChartKind::Bar;
    chart.format = ValueFormat::Count;
    Series p90{QStringLiteral("p90 (h)"), {}, QStringLiteral("#0b5cad")};
    for (const analysis::TrendPoint& week : weeks) {
        chart.labels
            << QLocale(QLocale::English).toString(week.period.firstDay, QStringLiteral("d MMM"));
        const auto value = week.metrics.timeToEscalateMin.p90;
        p90.values.push_back(value ? std::optional<double>(*value / 60.0) : std::nullopt);
    }
    chart.series.push_back(p90);
    chart.caption = QStringLiteral("p90 time from creation to first escalation, by week starting "
                                   "on the date shown.");
    section.blocks.push_back(chart);
    return section;
}

Chart rateChart(const std::vector<analysis::TrendPoint>& weeks) {
    Chart chart;
    chart.id = QStringLiteral("escalation-rate-weekly");
    chart.title = QStringLiteral("Escalation rate, last %1 weeks").arg(weeks.size());
    chart.kind = ChartKind::Line;
    chart.format = ValueFormat::Percent;
    Series rate{QStringLiteral("Escalation rate"), {}, QStringLiteral("#0b5cad")};
    Series bounce{QStringLiteral("Bounceback rate"), {}, QStringLiteral("#bf8700")};
    for (const analysis::TrendPoint& week : weeks) {
        chart.labels
            << QLocale(QLocale::English).toString(week.period.firstDay, QStringLiteral("d MMM"));
        rate.values.push_back(week.metrics.escalationRate);
        bounce.values.push_back(week.metrics.bouncebackRate);
    }
    chart.series = {rate, bounce};
    chart.target = 0.10;
    chart.targetLabel = QStringLiteral("10% target");
    chart.caption = QStringLiteral("Weekly escalation and bounceback rates; the dashed line is the "
                                   "10% escalation-rate benchmark.");
    return chart;
}

Table rootCauseTable(const analysis::RootCauseAnalysis& analysis, const QString& nowLabel,
                     const QString& beforeLabel, int limit) {
    Table table;
    table.id = QStringLiteral("root-causes");
    table.headers = {QStringLiteral("Root cause"),
                     nowLabel,
                     QStringLiteral("Share"),
                     beforeLabel,
                     QStringLiteral("Change"),
                     QStringLiteral("Top product area"),
                     QStringLiteral("Recommended action")};
    table.align = {Align::Left,  Align::Right, Align::Right, Align::Right,
                   Align::Right, Align::Left,  Align::Left};
    table.widths = {20, 9, 9, 9, 9, 16, 28};
    table.emptyText = QStringLiteral("No escalations in this period.");
    int shown = 0;
    for (const analysis::RootCauseRow& row : analysis.rows) {
        if (shown++ == limit) {
            break;
        }
        const std::int64_t delta = row.count - row.previousCount;
        table.rows.push_back({Cell{row.rootCause, Tone::Neutral, true},
                              Cell{QString::number(row.count)},
                              Cell{formatValue(row.share, ValueFormat::Percent)},
                              Cell{QString::number(row.previousCount)},
                              Cell{delta == 0  ? QStringLiteral("→ 0")
                                   : delta > 0 ? QStringLiteral("▲ %1").arg(delta)
                                               : QStringLiteral("▼ %1").arg(-delta),
                                   delta > 0   ? Tone::Bad
                                   : delta < 0 ? Tone::Good
                                               : Tone::Neutral},
                              Cell{row.topProductArea}, Cell{row.recommendedAction}});
    }
    return table;
}

} // namespace

Report buildWeeklyReport(ReportContext& context, const QDate& first, const QDate& last) {
    const qint64 days = first.daysTo(last) + 1;
    const QDate previousFirst = first.addDays(-days);
    const QDate previousLast = first.addDays(-1);
    const auto [now, before] =
        loadComparedPeriods(context, first, last, previousFirst, previousLast);
    const QStringList urgent{QStringLiteral("High"), QStringLiteral("Critical")};
    const metrics::Metrics nowKpis =
        withHighCriticalHandoff(now.metrics, metricsForPriorities(context, now, urgent));
    const metrics::Metrics beforeKpis =
        withHighCriticalHandoff(before.metrics, metricsForPriorities(context, before, urgent));

    Report report;
    report.kind = ReportKind::Weekly;
    report.first = first;
    report.last = last;
    report.timeZone = QString::fromUtf8(context.zone.id());
    report.title = QStringLiteral("Weekly escalation review");
    report.periodText = QStringLiteral("%1 · compared with %2 · %3")
                            .arg(dayRangeText(first, last),
                                 dayRangeText(previousFirst, previousLast), report.timeZone);
    report.generatedText = generatedText(context);
    report.generatedOn = generatedOnText(context);
    report.subject = QStringLiteral("Weekly escalation review, %1").arg(dayRangeText(first, last));

    const Kpi rateKpi = escalationRateKpi();
    const auto rate = now.metrics.escalationRate;
    report.headlines = {
        Headline{QStringLiteral("Escalation rate"), formatValue(rate, ValueFormat::Percent),
                 changeText(rate, before.metrics.escalationRate, ValueFormat::Percent),
                 changeTone(rate, before.metrics.escalationRate, rateKpi)},
        Headline{QStringLiteral("Escalated tickets"), escalatedCountText(now.metrics),
                 QStringLiteral("of %1 created").arg(now.metrics.tickets), Tone::Neutral},
        Headline{QStringLiteral("Decision latency, median"),
                 formatMinutes(now.metrics.decisionLatencyMin.p50),
                 changeText(now.metrics.decisionLatencyMin.p50,
                            before.metrics.decisionLatencyMin.p50, ValueFormat::Minutes),
                 Tone::Neutral},
        Headline{QStringLiteral("Bounceback rate"),
                 formatValue(now.metrics.bouncebackRate, ValueFormat::Percent),
                 changeText(now.metrics.bouncebackRate, before.metrics.bouncebackRate,
                            ValueFormat::Percent),
                 Tone::Neutral},
    };

    const QString nowLabel = QStringLiteral("This week");
    const QString beforeLabel = QStringLiteral("Last week");
    // The trend's weeks are the last of the spike check's: one read for both.
    static_assert(trendWeeks <= analysis::spikeTrailingWeeks + 1);
    const analysis::Trend spikeWeeks = spikeCheckWeeks(context, first, last);
    const analysis::Trend trend = analysis::lastWeeksOf(spikeWeeks, trendWeeks);

    Section kpis{QStringLiteral("1. KPIs against targets"), {}};
    if (const auto notMeasurable = notMeasurableParagraph(now.metrics)) {
        kpis.blocks.push_back(*notMeasurable);
    }
    kpis.blocks.push_back(
        kpiTable(QStringLiteral("kpis"), weeklyKpis(), nowKpis, beforeKpis, nowLabel, beforeLabel));
    kpis.blocks.push_back(rateChart(trend.points));
    report.sections.push_back(kpis);

    report.sections.push_back(p90Section(trend.points));

    const matrix::Matrix& matrix = context.evaluator.matrix();
    const analysis::RootCauseAnalysis causes =
        analysis::analyseRootCauses(context.workspace.db(), now.window, matrix.taxonomy);
    Section causesSection{QStringLiteral("3. Top root causes"), {}};
    if (!causes.rows.empty()) {
        const analysis::RootCauseRow& top = causes.rows.front();
        causesSection.blocks.push_back(Paragraph{
            QStringLiteral("%1 escalations this week (%2 the week before). %3 leads with %4 (%5).")
                .arg(causes.escalations)
                .arg(causes.previousEscalations)
                .arg(top.rootCause)
                .arg(top.count)
                .arg(formatValue(top.share, ValueFormat::Percent))});
    }
    causesSection.blocks.push_back(withRootCauseCosts(
        rootCauseTable(causes, nowLabel, beforeLabel, topRootCauses), context, now));
    for (const analysis::RisingCategory& rising : trend.rising) {
        QStringList counts;
        for (auto count : rising.counts) {
            counts << QString::number(count);
        }
        causesSection.blocks.push_back(
            Paragraph{QStringLiteral("Rising: %1 — %2 escalations over the last %3 weeks.")
                          .arg(rising.rootCause, counts.join(QStringLiteral(" → ")))
                          .arg(rising.counts.size()),
                      Tone::Watch});
    }
    addSpikeParagraphs(causesSection, context, first, spikeWeeks);
    report.sections.push_back(causesSection);

    // Deep-dive candidates: the few incidents worth the room's time.
    std::vector<EscalationCase> cases = escalationCases(context, now, escalatedFacts(context, now));
    Section deepDives{QStringLiteral("4. Deep-dive candidates"), {}};
    deepDives.blocks.push_back(Paragraph{QStringLiteral(
        "Pick one or two: the longest waits for a decision, the tickets escalated more than once, "
        "and the ones sent back down.")});
    // One row per ticket in each list.
    auto distinctTickets = [](std::vector<EscalationCase> list, auto better) {
        std::sort(list.begin(), list.end(), better);
        std::vector<EscalationCase> unique;
        for (const EscalationCase& c : list) {
            if (std::none_of(unique.begin(), unique.end(),
                             [&](const EscalationCase& u) { return u.row == c.row; })) {
                unique.push_back(c);
            }
            if (unique.size() == static_cast<std::size_t>(deepDivesPerList)) {
                break;
            }
        }
        return unique;
    };
    std::vector<EscalationCase> slowest;
    for (const EscalationCase& c : cases) {
        if (c.decisionLatencyMin) {
            slowest.push_back(c);
        }
    }
    // One row per ticket: its slowest escalation.
    slowest = distinctTickets(slowest, [](const auto& a, const auto& b) {
        return *a.decisionLatencyMin != *b.decisionLatencyMin
                   ? *a.decisionLatencyMin > *b.decisionLatencyMin
                   : a.ticketId < b.ticketId;
    });
    deepDives.blocks.push_back(casesTable(
        QStringLiteral("deep-dive-decision-latency"), QStringLiteral("Longest decision latency"),
        slowest, QStringLiteral("Decision after"),
        [](const EscalationCase& c) { return formatMinutes(c.decisionLatencyMin); },
        QStringLiteral("No decisions recorded this week.")));

    // Escalations still waiting: the ticket's latest, undecided, not sent
    // back, not resolved — longest wait first.
    std::vector<EscalationCase> waiting;
    for (const EscalationCase& c : cases) {
        if (c.latest && !c.decisionLatencyMin && !c.bounced && !c.resolved) {
            waiting.push_back(c);
        }
    }
    waiting = distinctTickets(waiting, [](const auto& a, const auto& b) {
        return a.escalatedAt != b.escalatedAt ? a.escalatedAt < b.escalatedAt
                                              : a.ticketId < b.ticketId;
    });
    deepDives.blocks.push_back(casesTable(
        QStringLiteral("deep-dive-waiting"), QStringLiteral("Still waiting for a decision"),
        waiting, QStringLiteral("Waiting"),
        [&](const EscalationCase& c) {
            return formatMinutes(static_cast<double>(context.asOf - c.escalatedAt) / 60.0);
        },
        QStringLiteral("Every escalation of the week has a decision, a bounce or a resolution.")));

    std::vector<EscalationCase> reescalated, bounced;
    for (const EscalationCase& c : cases) {
        if (c.escalations >= 2) {
            reescalated.push_back(c);
        }
        if (c.bounced) {
            bounced.push_back(c);
        }
    }
    auto byEscalationsThenLatency = [](const EscalationCase& a, const EscalationCase& b) {
        if (a.escalations != b.escalations) {
            return a.escalations > b.escalations;
        }
        return a.decisionLatencyMin.value_or(0) != b.decisionLatencyMin.value_or(0)
                   ? a.decisionLatencyMin.value_or(0) > b.decisionLatencyMin.value_or(0)
                   : a.ticketId < b.ticketId;
    };
    deepDives.blocks.push_back(casesTable(
        QStringLiteral("deep-dive-reescalated"), QStringLiteral("Re-escalated"),
        distinctTickets(reescalated, byEscalationsThenLatency), QStringLiteral("Times"),
        [](const EscalationCase& c) { return QString::number(c.escalations); },
        QStringLiteral("No ticket was escalated twice this week.")));
    deepDives.blocks.push_back(casesTable(
        QStringLiteral("deep-dive-bounced"), QStringLiteral("Bounced back"),
        distinctTickets(bounced, byEscalationsThenLatency), QStringLiteral("Escalated"),
        [&](const EscalationCase& c) {
            return QLocale(QLocale::English)
                .toString(toDateTime(c.escalatedAt, context.zone), QStringLiteral("d MMM HH:mm"));
        },
        QStringLiteral("No escalation was bounced this week.")));
    report.sections.push_back(deepDives);

    store::Database& db = context.workspace.db();
    Section actions{QStringLiteral("5. Open actions"), {}};
    const std::vector<review::Action> open = review::openActions(db);
    const auto overdue = std::count_if(open.begin(), open.end(), [&](const review::Action& a) {
        return a.isOverdueOn(context.today);
    });
    if (!open.empty()) {
        actions.blocks.push_back(
            Paragraph{QStringLiteral("%1 open, %2 overdue.").arg(open.size()).arg(overdue),
                      overdue > 0 ? Tone::Bad : Tone::Neutral});
    }
    actions.blocks.push_back(actionsTable(QStringLiteral("open-actions"), {}, open, context.today));
    addFollowUpBlocks(actions, context, last);
    report.sections.push_back(actions);

    Section decisions{QStringLiteral("6. This week's decisions"), {}};
    // The review is held in the week after the one it reviews.
    decisions.blocks.push_back(
        decisionsTable(QStringLiteral("decisions"), {},
                       review::decisionsBetween(db, last.addDays(1), last.addDays(7)), 3));
    report.sections.push_back(decisions);
    return report;
}

} // namespace escdesk::report

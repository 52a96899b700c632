// The monthly leadership report (SPEC §9): the previous calendar month
// against the one before — the escalation rate and its direction, the top
// root causes with month-over-month change, the estimated cost with its
// parameters — ending with the long-term actions.

#include "analysis/RootCauses.h"
#include "analysis/Trend.h"
#include "report/CsatSection.h"
#include "report/EngineeringSection.h"
#include "report/FollowUpSection.h"
#include "report/ReportRenderers.h"
#include "report/ReportSupport.h"

#include <QLocale>

#include <map>

namespace escdesk::report {

namespace {

constexpr int trendMonths = 12;
constexpr int topRootCauses = 5;

QString monthName(const QDate& day) {
    return QLocale(QLocale::English).toString(day, QStringLiteral("MMMM"));
}

QString periodName(const QDate& first, const QDate& last) {
    const bool wholeMonth = first.day() == 1 && last == first.addMonths(1).addDays(-1);
    return wholeMonth ? QLocale(QLocale::English).toString(first, QStringLiteral("MMMM yyyy"))
                      : dayRangeText(first, last);
}

QString shortPeriodName(const QDate& first, const QDate& last) {
    const bool wholeMonth = first.day() == 1 && last == first.addMonths(1).addDays(-1);
    return wholeMonth ? monthName(first) : dayRangeText(first, last);
}

std::optional<double> totalCost(const metrics::Metrics& m) {
    if (!m.costEscalationHandling && !m.costEngineeringInterruptions) {
        return std::nullopt;
    }
    return m.costEscalationHandling.value_or(0) + m.costEngineeringInterruptions.value_or(0);
}

Chart monthlyRateChart(const analysis::Trend& trend) {
    Chart chart;
    chart.id = QStringLiteral("escalation-rate-monthly");
    chart.title = QStringLiteral("Escalation rate by month");
    chart.kind = ChartKind::Line;
    chart.format = ValueFormat::Percent;
    Series rate{QStringLiteral("Escalation rate"), {}, QStringLiteral("#0b5cad")};
    std::vector<std::optional<double>> rates;
    for (const analysis::TrendPoint& month : trend.points) {
        if (chart.labels.isEmpty() && month.metrics.tickets == 0) {
            continue; // months before the workspace's data
        }
        chart.labels
            << QLocale(QLocale::English).toString(month.period.firstDay, QStringLiteral("MMM yy"));
        rates.push_back(month.metrics.escalationRate);
    }
    rate.values = rates;
    Series average{QStringLiteral("3-month average"), analysis::movingAverage3(rates),
                   QStringLiteral("#8c959f")};
    chart.series = {rate, average};
    chart.target = 0.10;
    chart.targetLabel = QStringLiteral("10% target");
    chart.caption = QStringLiteral("Monthly escalation rate (escalated tickets of tickets created) "
                                   "with its 3-month moving average; dashed: the 10% benchmark.");
    return chart;
}

Table rootCausesMoM(const analysis::RootCauseAnalysis& now,
                    const analysis::RootCauseAnalysis& before, const QString& nowLabel,
                    const QString& beforeLabel) {
    std::map<QString, std::int64_t> previous;
    for (const analysis::RootCauseRow& row : before.rows) {
        previous[row.rootCause] = row.count;
    }
    Table table;
    table.id = QStringLiteral("root-causes");
    table.headers = {QStringLiteral("Root cause"), nowLabel,
                     QStringLiteral("Share"),      beforeLabel,
                     QStringLiteral("Change"),     QStringLiteral("Recommended action")};
    table.align = {Align::Left,  Align::Right, Align::Right,
                   Align::Right, Align::Right, Align::Left};
    table.widths = {20, 12, 10, 14, 10, 34};
    table.emptyText = QStringLiteral("No escalations this month.");
    int shown = 0;
    for (const analysis::RootCauseRow& row : now.rows) {
        if (shown++ == topRootCauses) {
            break;
        }
        const std::int64_t was = previous[row.rootCause];
        QString change = QStringLiteral("new");
        Tone tone = Tone::Bad;
        if (was > 0) {
            const double relative = static_cast<double>(row.count - was) / static_cast<double>(was);
            change = row.count == was
                         ? QStringLiteral("→ 0%")
                         : QStringLiteral("%1 %2%")
                               .arg(relative > 0 ? QStringLiteral("▲") : QStringLiteral("▼"))
                               .arg(std::abs(relative) * 100.0, 0, 'f', 0);
            tone = row.count > was ? Tone::Bad : row.count < was ? Tone::Good : Tone::Neutral;
        }
        table.rows.push_back(
            {Cell{row.rootCause, Tone::Neutral, true}, Cell{QString::number(row.count)},
             Cell{formatValue(row.share, ValueFormat::Percent)}, Cell{QString::number(was)},
             Cell{change, tone}, Cell{row.recommendedAction}});
    }
    return table;
}

} // namespace

Report buildMonthlyReport(ReportContext& context, const QDate& first, const QDate& last) {
    const qint64 days = first.daysTo(last) + 1;
    const bool wholeMonth = first.day() == 1 && last == first.addMonths(1).addDays(-1);
    const QDate previousFirst = wholeMonth ? first.addMonths(-1) : first.addDays(-days);
    const QDate previousLast = first.addDays(-1);
    const auto [now, before] =
        loadComparedPeriods(context, first, last, previousFirst, previousLast);
    const QString nowName = periodName(first, last);
    const QString nowLabel = shortPeriodName(first, last);
    const QString beforeLabel = shortPeriodName(previousFirst, previousLast);

    Report report;
    report.kind = ReportKind::Monthly;
    report.first = first;
    report.last = last;
    report.timeZone = QString::fromUtf8(context.zone.id());
    report.title = QStringLiteral("Escalations %1").arg(nowName);
    report.periodText = QStringLiteral("Monthly leadership report · %1 compared with %2 · %3")
                            .arg(dayRangeText(first, last),
                                 dayRangeText(previousFirst, previousLast), report.timeZone);
    report.generatedText = generatedText(context);
    report.generatedOn = generatedOnText(context);

    const auto rate = now.metrics.escalationRate;
    const auto previousRate = before.metrics.escalationRate;
    const QString rateChange = changeText(rate, previousRate, ValueFormat::Percent);
    report.subject =
        QStringLiteral("Escalations %1: %2 (%3 vs %4)")
            .arg(nowName, formatValue(rate, ValueFormat::Percent), rateChange, beforeLabel);
    const Kpi rateKpi = escalationRateKpi();
    const auto cost = totalCost(now.metrics);
    const auto previousCost = totalCost(before.metrics);
    report.headlines = {
        Headline{QStringLiteral("Escalation rate"), formatValue(rate, ValueFormat::Percent),
                 rateChange + QStringLiteral(" vs ") + beforeLabel,
                 changeTone(rate, previousRate, rateKpi)},
        Headline{QStringLiteral("Escalated tickets"), escalatedCountText(now.metrics),
                 QStringLiteral("of %1 created")
                     .arg(QLocale(QLocale::English)
                              .toString(static_cast<qlonglong>(now.metrics.tickets))),
                 Tone::Neutral},
        Headline{QStringLiteral("Estimated cost (%1)").arg(context.currency),
                 formatValue(cost, ValueFormat::Money),
                 changeText(cost, previousCost, ValueFormat::Money) + QStringLiteral(" vs ") +
                     beforeLabel,
                 cost && previousCost && *cost > *previousCost + 0.5 ? Tone::Bad : Tone::Neutral},
    };

    // 1. The rate and its direction.
    Section rateSection{QStringLiteral("Escalation rate"), {}};
    const analysis::Trend trend = analysis::analyseTrend(
        context.workspace.db(), QDate(first.year(), first.month(), 1).addMonths(1 - trendMonths),
        last.addDays(1), analysis::Granularity::Month, context.zone, context.asOf);
    QString direction = QStringLiteral("was steady");
    if (rate && previousRate && std::abs(*rate - *previousRate) >= 0.0005) {
        direction = *rate > *previousRate ? QStringLiteral("rose") : QStringLiteral("fell");
    }
    if (const auto notMeasurable = notMeasurableParagraph(now.metrics)) {
        rateSection.blocks.push_back(*notMeasurable);
    }
    // Not measurable, the sentence on the rate's direction would only repeat "—".
    if (notMeasurableReason(now.metrics, QStringLiteral("escalation_rate")).isEmpty()) {
        rateSection.blocks.push_back(Paragraph{
            QStringLiteral("The escalation rate %1: %2 of tickets created in %3 were escalated, "
                           "against %4 in %5 (%6). The benchmark is below 10%; above 15% needs "
                           "attention.")
                .arg(direction, formatValue(rate, ValueFormat::Percent), nowLabel,
                     formatValue(previousRate, ValueFormat::Percent), beforeLabel, rateChange)});
    }
    rateSection.blocks.push_back(monthlyRateChart(trend));
    std::vector<Kpi> kpis{
        escalationRateKpi(),
        Kpi{QStringLiteral("Tickets created"),
            [](const metrics::Metrics& m) { return std::optional<double>(m.tickets); },
            ValueFormat::Count,
            Better::Neither,
            {},
            {}},
        Kpi{QStringLiteral("Escalated tickets"),
            [](const metrics::Metrics& m) { return std::optional<double>(m.escalated); },
            ValueFormat::Count,
            Better::Lower,
            {},
            {},
            QStringLiteral("escalated")},
        Kpi{QStringLiteral("Decision latency, median"),
            [](const metrics::Metrics& m) { return m.decisionLatencyMin.p50; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("decision_latency_min")},
        Kpi{QStringLiteral("Resolution time of escalated, median"),
            [](const metrics::Metrics& m) { return m.resolutionTimeMin.escalated.p50; },
            ValueFormat::Minutes,
            Better::Lower,
            {},
            {},
            QStringLiteral("resolution_time_min.escalated")},
        Kpi{QStringLiteral("Bounceback rate"),
            [](const metrics::Metrics& m) { return m.bouncebackRate; }, ValueFormat::Percent,
            Better::Lower, QStringLiteral("5–10%"),
            [](double v) { return v <= 0.10  ? Tone::Good
                                  : v > 0.20 ? Tone::Bad
                                             : Tone::Watch; },
            QStringLiteral("bounceback_rate")},
        Kpi{QStringLiteral("SLA breach rate, escalated"),
            [](const metrics::Metrics& m) { return m.slaBreachRateEscalated; },
            ValueFormat::Percent,
            Better::Lower,
            {},
            {},
            QStringLiteral("sla_breach_rate.escalated")},
    };
    rateSection.blocks.push_back(kpiTable(QStringLiteral("key-figures"), kpis, now.metrics,
                                          before.metrics, nowLabel, beforeLabel));
    report.sections.push_back(rateSection);

    // 2. Root causes, month over month.
    const auto& taxonomy = context.evaluator.matrix().taxonomy;
    const analysis::RootCauseAnalysis causes =
        analysis::analyseRootCauses(context.workspace.db(), now.window, taxonomy);
    const analysis::RootCauseAnalysis previousCauses =
        analysis::analyseRootCauses(context.workspace.db(), before.window, taxonomy);
    Section causesSection{QStringLiteral("Top root causes"), {}};
    if (!causes.rows.empty()) {
        std::int64_t topThree = 0;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, causes.rows.size()); ++i) {
            topThree += causes.rows[i].count;
        }
        causesSection.blocks.push_back(Paragraph{
            QStringLiteral("%1 escalations in %2, re-escalations included (%3 in %4). The top "
                           "three causes account for %5 of them.")
                .arg(causes.escalations)
                .arg(nowLabel)
                .arg(previousCauses.escalations)
                .arg(beforeLabel)
                .arg(formatValue(metrics::ratio(topThree, causes.escalations), ValueFormat::Percent,
                                 0))});
    }
    causesSection.blocks.push_back(withRootCauseCosts(
        rootCausesMoM(causes, previousCauses, nowLabel, beforeLabel), context, now));
    report.sections.push_back(causesSection);

    // 3. Cost, with the parameters behind it.
    Section costSection{QStringLiteral("Estimated cost impact"), {}};
    Table costTable;
    costTable.id = QStringLiteral("cost");
    costTable.headers = {QStringLiteral("Cost (%1)").arg(context.currency), nowLabel, beforeLabel,
                         QStringLiteral("Change")};
    costTable.align = {Align::Left, Align::Right, Align::Right, Align::Right};
    auto costRow = [&](const QString& label, std::optional<double> a, std::optional<double> b,
                       bool strong) {
        costTable.rows.push_back({Cell{label, Tone::Neutral, strong},
                                  Cell{formatValue(a, ValueFormat::Money), Tone::Neutral, strong},
                                  Cell{formatValue(b, ValueFormat::Money)},
                                  Cell{changeText(a, b, ValueFormat::Money),
                                       a && b && *a > *b + 0.5   ? Tone::Bad
                                       : a && b && *a < *b - 0.5 ? Tone::Good
                                                                 : Tone::Neutral}});
    };
    costRow(QStringLiteral("Escalation handling"), now.metrics.costEscalationHandling,
            before.metrics.costEscalationHandling, false);
    costRow(QStringLiteral("Engineering interruptions"), now.metrics.costEngineeringInterruptions,
            before.metrics.costEngineeringInterruptions, false);
    costRow(QStringLiteral("Total"), cost, previousCost, true);
    costSection.blocks.push_back(costTable);
    Table parameters;
    parameters.id = QStringLiteral("cost-parameters");
    parameters.title = QStringLiteral("Parameters (escalation matrix)");
    parameters.headers = {QStringLiteral("Parameter"), QStringLiteral("Value")};
    parameters.align = {Align::Left, Align::Right};
    const metrics::CostParameters& p = context.costs;
    parameters.rows = {
        {Cell{QStringLiteral("Agent cost per hour")},
         Cell{QStringLiteral("%1 %2").arg(p.agentCostPerHour, 0, 'f', 2).arg(context.currency)}},
        {Cell{QStringLiteral("Engineer cost per hour")},
         Cell{QStringLiteral("%1 %2").arg(p.engineerCostPerHour, 0, 'f', 2).arg(context.currency)}},
        {Cell{QStringLiteral("Engineering interruption")},
         Cell{QStringLiteral("%1 min").arg(p.interruptionMinutes, 0, 'f', 0)}},
        {Cell{QStringLiteral("Context-switch recovery")},
         Cell{QStringLiteral("%1 min").arg(p.recoveryMinutes, 0, 'f', 0)}},
    };
    parameters.note =
        QStringLiteral("Escalation handling = escalated tickets × mean handle time (h) × agent "
                       "cost per hour. Engineering interruptions = escalations reaching Tier 3 × "
                       "(interruption + recovery minutes) / 60 × engineer cost per hour.");
    costSection.blocks.push_back(parameters);
    report.sections.push_back(costSection);
    report.sections.push_back(engineeringSection(context, now, before, nowLabel, beforeLabel));

    report.sections.push_back(csatSection(now.metrics, before.metrics, nowLabel, beforeLabel));

    // 4. What we are doing about it.
    Section actionsSection{QStringLiteral("Long-term actions"), {}};
    std::vector<review::Action> actions = review::openActions(context.workspace.db());
    actionsSection.blocks.push_back(
        actionsTable(QStringLiteral("actions"), {}, actions, context.today));
    addFollowUpBlocks(actionsSection, context, last);
    report.sections.push_back(actionsSection);
    return report;
}

} // namespace escdesk::report

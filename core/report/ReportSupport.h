#pragma once

// What the three report builders share: loading one period's figures through
// the metrics engine, KPI rows with targets and change arrows, the deep-dive
// candidate lists, and the action and decision tables of the review record.

#include "matrix/TicketAssessment.h"
#include "metrics/MetricsEngine.h"
#include "metrics/OutcomeStore.h"
#include "report/Report.h"
#include "review/ReviewRecord.h"
#include "store/Workspace.h"

#include <QTimeZone>

#include <functional>
#include <memory>
#include <optional>

namespace escdesk::report {

// A period's figures, summed over its kept outcomes (metrics/OutcomeStore.h)
// as every analysis sums them: a report reads each ticket's facts only for
// the escalations it lists (escalatedFacts).
struct PeriodFigures {
    QDate first;
    QDate last;
    Window window;
    // The outcomes of the period's window and perhaps of the period compared
    // with it (loadComparedPeriods): every figure of the period is summed
    // over those of its own window only.
    std::shared_ptr<const metrics::WindowOutcomes> outcomes;
    metrics::Metrics metrics;
};

// A report's period and the one it is compared with.
struct ComparedPeriods {
    PeriodFigures now;
    PeriodFigures before;
};

struct ReportContext {
    store::Workspace& workspace;
    QTimeZone zone;
    UtcSeconds asOf = 0;
    QDate today; // asOf's local date
    matrix::MatrixEvaluator evaluator;
    metrics::CostParameters costs;
    QString currency;
};

ReportContext makeContext(store::Workspace& workspace, const QTimeZone& zone, UtcSeconds asOf);

// The figures of [first, last] and of [previousFirst, previousLast], from
// one read of the outcomes of both (the window that spans them): each read
// costs its SLA verdicts and repeat-issue lookback once.
ComparedPeriods loadComparedPeriods(ReportContext& context, const QDate& first, const QDate& last,
                                    const QDate& previousFirst, const QDate& previousLast);

// The metrics of the period's tickets whose priority is one of `priorities`
// (case-insensitive), through the same engine.
metrics::Metrics metricsForPriorities(const ReportContext& context, const PeriodFigures& figures,
                                      const QStringList& priorities);

// The metrics of the period per ticket priority, by priority text (as
// metrics::splitBySegment groups them); tickets without one under an empty
// text, last.
std::vector<std::pair<QString, metrics::Metrics>> metricsByPriority(const ReportContext& context,
                                                                    const PeriodFigures& figures);

// The facts of the tickets with an escalation in the period, E(W), with all
// their events, by row (metrics::loadEscalationsInput).
metrics::MetricsInput escalatedFacts(ReportContext& context, const PeriodFigures& figures);

// One KPI: how to read it from Metrics, how to show it, and its target.
// Which way a KPI improves; a volume such as tickets created is neither
// better nor worse for going up or down, so its change is not coloured.
enum class Better { Lower, Higher, Neither };

struct Kpi {
    QString label;
    std::function<std::optional<double>(const metrics::Metrics&)> value;
    ValueFormat format = ValueFormat::Percent;
    Better better = Better::Lower;
    QString target;                   // "< 10%"; empty: none
    std::function<Tone(double)> band; // tone against the target
    // The SPEC §7 key the value comes from ("key.part" for a part of one):
    // a figure the data cannot measure reads "—", "Not measurable", with
    // its reason under the table. Empty: always measurable.
    QString key = {};
};

// Why the figure `key` ("key.part": the part, else the whole) is not
// measurable in `m`; empty when it is.
QString notMeasurableReason(const metrics::Metrics& m, const QString& key);

// The escalated tickets as a headline shows them: "—" when not measurable.
QString escalatedCountText(const metrics::Metrics& m);

// "Not measurable from this data: <reasons>." — what the period's metrics
// cannot say and why; none when every figure can be measured.
std::optional<Paragraph> notMeasurableParagraph(const metrics::Metrics& m);

// "▲ 1.3 pts", "▼ 12 min", "→ no change", "—" when either side is missing.
QString changeText(std::optional<double> now, std::optional<double> before, ValueFormat format);
Tone changeTone(std::optional<double> now, std::optional<double> before, const Kpi& kpi);

// A KPI table: Metric | <current> | <previous> | Change | Target | Status.
Table kpiTable(const QString& id, const std::vector<Kpi>& kpis, const metrics::Metrics& now,
               const metrics::Metrics& before, const QString& nowLabel, const QString& beforeLabel);

// The benchmark KPIs of SPEC §7 (weekly and monthly reports).
Kpi escalationRateKpi();

// The Critical decision benchmark on the share decided within 30 minutes,
// as the dashboard reads it (metrics::criticalWithin30mBand).
QString criticalWithin30mTargetText(); // "≥ 90% (p90 < 30 min)"
Tone criticalWithin30mTone(double share);

// One escalation in the period, with the ticket's effort.
struct EscalationCase {
    std::int64_t row = 0;
    QString ticketId;
    QString subject;
    QString priority;
    QString rootCause;
    UtcSeconds escalatedAt = 0;
    std::optional<double> decisionLatencyMin;
    bool bounced = false;
    bool latest = false;   // the ticket's last escalation so far
    bool resolved = false; // the ticket is resolved
    int escalations = 0;   // of the ticket, all time
    QString effort;        // "3 escalations, 1 bounce, 2 info requests over 4.5 days"
};

// Every escalation in the period (E(W)), with ticket texts and effort;
// `escalated`: the period's escalatedFacts.
std::vector<EscalationCase> escalationCases(ReportContext& context, const PeriodFigures& figures,
                                            const metrics::MetricsInput& escalated);

// "3 escalations, 1 bounce, 2 info requests over 4.5 days" from the ticket's
// events: counts of escalated, bounced and info_requested events, and the span
// from creation to resolution (or to the last event while open).
QString effortSummary(const metrics::TicketFacts& ticket);

Table casesTable(const QString& id, const QString& title, const std::vector<EscalationCase>& cases,
                 const QString& whyHeader, const std::function<QString(const EscalationCase&)>& why,
                 const QString& emptyText);

Table actionsTable(const QString& id, const QString& title,
                   const std::vector<review::Action>& actions, const QDate& today);
Table decisionsTable(const QString& id, const QString& title,
                     const std::vector<review::Decision>& decisions, int blankRows);

// "16–22 November 2026", "October 2026", "Q3 2026 (1 July – 30 September)".
QString dayRangeText(const QDate& first, const QDate& last);
QString generatedText(const ReportContext& context);
QString generatedOnText(const ReportContext& context);

// Builders of each report.
Report buildWeeklyReport(ReportContext& context, const QDate& first, const QDate& last);
Report buildMonthlyReport(ReportContext& context, const QDate& first, const QDate& last);
Report buildQuarterlyReport(ReportContext& context, const QDate& first, const QDate& last);

} // namespace escdesk::report

#include "report/FollowUpSection.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace escdesk::report {

namespace {

// Weekly means and rates to one decimal, "—" without a window.
QString oneDecimal(std::optional<double> value) {
    return value ? QString::number(*value, 'f', 1) : QStringLiteral("—");
}

QString perHundredText(const review::ActionFollowUp& followUp) {
    const auto perHundred = [](std::optional<double> rate) -> std::optional<double> {
        return rate ? std::optional<double>(*rate * 100.0) : std::nullopt;
    };
    return QStringLiteral("%1 → %2").arg(oneDecimal(perHundred(followUp.before.rate())),
                                         oneDecimal(perHundred(followUp.after.rate())));
}

Tone verdictTone(review::FollowUpOutcome outcome) {
    switch (outcome) {
    case review::FollowUpOutcome::Fell:
        return Tone::Good;
    case review::FollowUpOutcome::Rose:
        return Tone::Bad;
    case review::FollowUpOutcome::NoChange:
        return Tone::Watch;
    default:
        return Tone::Neutral;
    }
}

QString targetText(const review::ActionFollowUp& followUp) {
    return followUp.targetKind == review::ActionSubject::Cluster
               ? QStringLiteral("Cluster: %1").arg(followUp.target)
               : followUp.target;
}

} // namespace

std::vector<std::pair<review::Action, review::ActionFollowUp>>
reportedFollowUps(ReportContext& context, const QDate& last) {
    const UtcSeconds asOf = std::min(context.asOf, startOfLocalDay(last.addDays(1), context.zone));
    std::vector<review::Action> actions;
    for (review::Action& action : review::allActions(context.workspace.db())) {
        const bool targeted = action.subjectKind != review::ActionSubject::Other &&
                              !action.subject.trimmed().isEmpty();
        if (targeted && action.status != review::ActionStatus::Dropped && action.createdAt < asOf) {
            actions.push_back(std::move(action));
        }
    }
    // The longest-running first: they have the most weeks to judge by.
    std::stable_sort(
        actions.begin(), actions.end(),
        [](const review::Action& a, const review::Action& b) { return a.createdAt < b.createdAt; });
    const std::vector<review::ActionFollowUp> followUps =
        review::followUpActions(context.workspace.db(), actions, asOf, context.zone);
    std::vector<std::pair<review::Action, review::ActionFollowUp>> rows;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        rows.emplace_back(actions[i], followUps[i]);
    }
    return rows;
}

Table followUpTable(const std::vector<std::pair<review::Action, review::ActionFollowUp>>& rows) {
    Table table;
    table.id = QStringLiteral("action-follow-up");
    table.title = QStringLiteral("Action follow-up");
    // Short headers: the Review page shows the report in a narrow column.
    table.headers = {QStringLiteral("Action"),  QStringLiteral("Target"),
                     QStringLiteral("Start"),   QStringLiteral("A week"),
                     QStringLiteral("Per 100"), QStringLiteral("Verdict")};
    table.align = {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Left};
    table.widths = {24, 16, 10, 12, 10, 28};
    table.emptyText = QStringLiteral("No action aimed at a root cause or cluster to follow up.");
    table.note =
        QStringLiteral(
            "Escalations of each action's target in equal windows of whole weeks (up to %1) "
            "before and after the day it started (Start, with the weeks in each window): a week "
            "and per 100 tickets created, before → after. p: exact two-sided binomial test of the "
            "after count given both (no change: half each). Fewer than %2 weeks since the start: "
            "too early to judge.")
            .arg(review::followUpLongestWeeks)
            .arg(review::followUpShortestWeeks);
    for (const auto& [action, followUp] : rows) {
        const bool measured = followUp.weeks > 0;
        const QString since =
            followUp.startDay.isValid()
                ? QStringLiteral("%1 (%2 wk)")
                      .arg(QLocale::c().toString(followUp.startDay, QStringLiteral("d MMM")))
                      .arg(followUp.weeks)
                : QStringLiteral("—");
        const QString perWeek =
            measured
                ? QStringLiteral("%1 → %2").arg(oneDecimal(followUp.before.perWeek(followUp.weeks)),
                                                oneDecimal(followUp.after.perWeek(followUp.weeks)))
                : QStringLiteral("—");
        table.rows.push_back({Cell{action.title, Tone::Neutral, true}, Cell{targetText(followUp)},
                              Cell{since}, Cell{perWeek},
                              Cell{measured ? perHundredText(followUp) : QStringLiteral("—")},
                              Cell{followUp.verdict, verdictTone(followUp.outcome)}});
    }
    return table;
}

void addFollowUpBlocks(Section& section, ReportContext& context, const QDate& last) {
    const auto rows = reportedFollowUps(context, last);
    // A workspace without any action gets no follow-up table: the actions
    // table above already says there are none.
    if (rows.empty() && review::allActions(context.workspace.db()).empty()) {
        return;
    }
    section.blocks.push_back(followUpTable(rows));
}

} // namespace escdesk::report

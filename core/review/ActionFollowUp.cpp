#include "review/ActionFollowUp.h"

#include "analysis/KnownIssueMatcher.h"
#include "analysis/WindowEscalations.h"
#include "store/TicketReader.h"

#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>

namespace escdesk::review {

namespace {

// Which escalations belong to an action's target.
class TargetFilter {
public:
    TargetFilter(const Action& action, const analysis::KnownIssueMatcher& matcher)
        : m_kind(action.subjectKind)
        , m_target(action.subject.trimmed()) {
        if (m_kind != ActionSubject::Cluster) {
            return;
        }
        const auto& issues = matcher.issues();
        for (std::size_t i = 0; i < issues.size(); ++i) {
            if (issues[i].issueId.compare(m_target, Qt::CaseInsensitive) == 0) {
                m_knownIssue = i;
                return;
            }
        }
        static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
        for (const QString& word : m_target.toLower().split(separators, Qt::SkipEmptyParts)) {
            m_terms.push_back(word.toStdString());
        }
    }

    // The text columns the filter reads.
    analysis::TextColumns columns() const {
        return m_kind == ActionSubject::Cluster && !m_knownIssue
                   ? analysis::TextColumns::All
                   : analysis::TextColumns::IdAndMatch;
    }

    bool matches(const analysis::EscalationRecord& escalation) const {
        if (m_kind == ActionSubject::RootCause) {
            return escalation.rootCause.compare(m_target, Qt::CaseInsensitive) == 0;
        }
        if (!escalation.text) {
            return false;
        }
        if (m_knownIssue) {
            return escalation.text->knownIssue == m_knownIssue;
        }
        return !m_terms.empty() && containsEveryTerm(escalation.text->terms);
    }

private:
    bool containsEveryTerm(const std::string& terms) const {
        std::unordered_set<std::string_view> words;
        analysis::forEachTermWord(terms, [&](std::string_view word) { words.insert(word); });
        return std::all_of(m_terms.begin(), m_terms.end(),
                           [&](const std::string& term) { return words.contains(term); });
    }

    ActionSubject m_kind;
    QString m_target;
    std::optional<std::size_t> m_knownIssue;
    std::vector<std::string> m_terms;
};

std::int64_t ticketsCreatedIn(store::Database& db, const Window& window) {
    store::Statement count =
        db.prepare("SELECT count(*) FROM tickets WHERE created_at >= ?1 AND created_at < ?2");
    count.bindAll(window.from, window.to);
    return count.step() ? count.int64(0) : 0;
}

FollowUpWindow makeWindow(const QDate& firstDay, int days, const QTimeZone& zone) {
    FollowUpWindow window;
    window.firstDay = firstDay;
    window.lastDay = firstDay.addDays(days - 1);
    window.window = windowOfLocalDates(firstDay, firstDay.addDays(days), zone);
    window.weekly.assign(static_cast<std::size_t>(days / 7), 0);
    return window;
}

// "41", or "40.5" for a weekly mean that is not whole.
QString perWeekText(double value) {
    const double rounded = std::round(value * 10.0) / 10.0;
    return rounded == std::floor(rounded) ? QString::number(static_cast<qint64>(rounded))
                                          : QString::number(rounded, 'f', 1);
}

QString dayText(const QDate& day) {
    return QLocale::c().toString(day, QStringLiteral("d MMM"));
}

// "; the week of 21 Sep alone had 265 of the 370 before" when one week holds
// more than half of the window's escalations (see the header), else empty.
QString oneWeekCaveat(const FollowUpWindow& window, const QString& side) {
    if (window.weekly.size() < 2) {
        return {};
    }
    const auto peak = std::max_element(window.weekly.begin(), window.weekly.end());
    if (*peak * 2 <= window.escalations) {
        return {};
    }
    const auto week = static_cast<int>(peak - window.weekly.begin());
    const QString weekText = dayText(window.firstDay.addDays(7 * week));
    if (*peak == window.escalations) {
        return QStringLiteral("; all %1 %2 were in the week of %3")
            .arg(window.escalations)
            .arg(side, weekText);
    }
    return QStringLiteral("; the week of %1 alone had %2 of the %3 %4")
        .arg(weekText)
        .arg(*peak)
        .arg(window.escalations)
        .arg(side);
}

void decide(ActionFollowUp& followUp) {
    const QString since = dayText(followUp.startDay);
    const QString before = perWeekText(followUp.before.perWeek(followUp.weeks));
    const QString after = perWeekText(followUp.after.perWeek(followUp.weeks));
    if (followUp.weeks < followUpShortestWeeks) {
        followUp.outcome = FollowUpOutcome::TooEarly;
        followUp.verdict = QStringLiteral("too early to judge: %1 whole week%2 since %3, %4 needed")
                               .arg(followUp.weeks)
                               .arg(followUp.weeks == 1 ? QString() : QStringLiteral("s"))
                               .arg(since)
                               .arg(followUpShortestWeeks);
        return;
    }
    if (followUp.before.tickets == 0) {
        followUp.outcome = FollowUpOutcome::NoData;
        followUp.verdict = QStringLiteral("no tickets in the %1 weeks before %2 to compare with")
                               .arg(followUp.weeks)
                               .arg(since);
        return;
    }
    if (followUp.before.escalations + followUp.after.escalations == 0) {
        followUp.outcome = FollowUpOutcome::NoChange;
        followUp.verdict = QStringLiteral("no escalations of it in the %1 weeks before %2 or since")
                               .arg(followUp.weeks)
                               .arg(since);
        return;
    }
    const double p = *followUp.pValue;
    const bool significant = p < followUpSignificance;
    const bool fell = followUp.after.escalations < followUp.before.escalations;
    if (significant) {
        followUp.outcome = fell ? FollowUpOutcome::Fell : FollowUpOutcome::Rose;
        followUp.verdict = QStringLiteral("%1 from %2 to %3 a week since %4, %5")
                               .arg(fell ? QStringLiteral("fell") : QStringLiteral("rose"), before,
                                    after, since, pValueText(p));
        followUp.verdict +=
            oneWeekCaveat(fell ? followUp.before : followUp.after,
                          fell ? QStringLiteral("before") : QStringLiteral("since"));
        return;
    }
    followUp.outcome = FollowUpOutcome::NoChange;
    followUp.verdict = QStringLiteral("no change yet: %1 a week before, %2 since %3 (%4)")
                           .arg(before, after, since, pValueText(p));
}

ActionFollowUp followUpWith(store::Database& db, const Action& action, UtcSeconds asOf,
                            const QTimeZone& zone, const analysis::KnownIssueMatcher& matcher) {
    ActionFollowUp followUp;
    followUp.actionId = action.id;
    followUp.targetKind = action.subjectKind;
    followUp.target = action.subject.trimmed();
    if (action.subjectKind == ActionSubject::Other || followUp.target.isEmpty()) {
        followUp.outcome = FollowUpOutcome::NoTarget;
        followUp.verdict = QStringLiteral("not tied to a root cause or cluster");
        return followUp;
    }
    followUp.startDay = toDateTime(action.createdAt, zone).date();
    const QDate asOfDay = toDateTime(asOf, zone).date();
    if (asOf < action.createdAt) {
        followUp.outcome = FollowUpOutcome::NotStarted;
        followUp.verdict = QStringLiteral("starts %1").arg(dayText(followUp.startDay));
        return followUp;
    }
    // Whole weeks from the start day up to the day asked about (which is not
    // over yet, so it is not counted).
    const qint64 daysSince = followUp.startDay.daysTo(asOfDay);
    followUp.weeks = static_cast<int>(std::min<qint64>(daysSince / 7, followUpLongestWeeks));
    const int days = 7 * followUp.weeks;
    followUp.before = makeWindow(followUp.startDay.addDays(-days), days, zone);
    followUp.after = makeWindow(followUp.startDay, days, zone);
    if (followUp.weeks > 0) {
        const TargetFilter filter(action, matcher);
        const Window both{followUp.before.window.from, followUp.after.window.to};
        const analysis::WindowEscalations escalations =
            analysis::loadWindowEscalations(db, both, matcher, filter.columns());
        for (const analysis::EscalationRecord& escalation : escalations.escalations) {
            if (filter.matches(escalation)) {
                FollowUpWindow& window = followUp.after.window.contains(escalation.at)
                                             ? followUp.after
                                             : followUp.before;
                ++window.escalations;
                const qint64 day = window.firstDay.daysTo(toDateTime(escalation.at, zone).date());
                ++window.weekly[static_cast<std::size_t>(
                    std::clamp<qint64>(day / 7, 0, followUp.weeks - 1))];
            }
        }
        followUp.before.tickets = ticketsCreatedIn(db, followUp.before.window);
        followUp.after.tickets = ticketsCreatedIn(db, followUp.after.window);
    }
    if (followUp.weeks >= followUpShortestWeeks && followUp.before.tickets > 0) {
        followUp.pValue = exactBinomialTwoSidedHalf(
            followUp.after.escalations, followUp.before.escalations + followUp.after.escalations);
    }
    decide(followUp);
    return followUp;
}

QJsonValue windowToJson(const ActionFollowUp& followUp, const FollowUpWindow& window) {
    if (followUp.weeks == 0) {
        return QJsonValue::Null;
    }
    const std::optional<double> rate = window.rate();
    return QJsonObject{{QStringLiteral("from"), window.firstDay.toString(Qt::ISODate)},
                       {QStringLiteral("to"), window.lastDay.addDays(1).toString(Qt::ISODate)},
                       {QStringLiteral("weeks"), followUp.weeks},
                       {QStringLiteral("escalations"), static_cast<qint64>(window.escalations)},
                       {QStringLiteral("per_week"), window.perWeek(followUp.weeks)},
                       {QStringLiteral("tickets"), static_cast<qint64>(window.tickets)},
                       {QStringLiteral("rate"), rate ? QJsonValue(*rate) : QJsonValue::Null}};
}

} // namespace

std::optional<double> FollowUpWindow::rate() const {
    if (tickets <= 0) {
        return std::nullopt;
    }
    return static_cast<double>(escalations) / static_cast<double>(tickets);
}

ActionFollowUp followUpAction(store::Database& db, const Action& action, UtcSeconds asOf,
                              const QTimeZone& zone) {
    return followUpActions(db, {action}, asOf, zone).front();
}

std::vector<ActionFollowUp> followUpActions(store::Database& db, const std::vector<Action>& actions,
                                            UtcSeconds asOf, const QTimeZone& zone) {
    std::vector<ActionFollowUp> followUps;
    if (actions.empty()) {
        return followUps;
    }
    const analysis::KnownIssueMatcher matcher(store::allKnownIssues(db));
    followUps.reserve(actions.size());
    for (const Action& action : actions) {
        followUps.push_back(followUpWith(db, action, asOf, zone, matcher));
    }
    return followUps;
}

QJsonObject followUpToJson(const ActionFollowUp& followUp) {
    return QJsonObject{{QStringLiteral("before"), windowToJson(followUp, followUp.before)},
                       {QStringLiteral("after"), windowToJson(followUp, followUp.after)},
                       {QStringLiteral("p_value"),
                        followUp.pValue ? QJsonValue(*followUp.pValue) : QJsonValue::Null},
                       {QStringLiteral("verdict"), followUp.verdict}};
}

double exactBinomialTwoSidedHalf(std::int64_t k, std::int64_t n) {
    if (n <= 0 || k < 0 || k > n) {
        return 1.0;
    }
    // P(X ≤ m) for X ~ Bin(n, 1/2), m the smaller tail's end; the terms in
    // logs so a large n does not overflow.
    const std::int64_t m = std::min(k, n - k);
    const double logHalfToN = static_cast<double>(n) * std::log(0.5);
    const double logNFactorial = std::lgamma(static_cast<double>(n) + 1.0);
    double tail = 0.0;
    for (std::int64_t i = 0; i <= m; ++i) {
        tail += std::exp(logNFactorial - std::lgamma(static_cast<double>(i) + 1.0) -
                         std::lgamma(static_cast<double>(n - i) + 1.0) + logHalfToN);
    }
    // With k = n/2 both tails contain the middle term: the p is 1.
    return std::min(1.0, 2.0 * tail);
}

QString pValueText(double p) {
    if (p < 0.001) {
        return QStringLiteral("p < 0.001");
    }
    if (p < 0.01) {
        return QStringLiteral("p < 0.01");
    }
    return QStringLiteral("p = %1").arg(QString::number(p, 'g', 2));
}

} // namespace escdesk::review

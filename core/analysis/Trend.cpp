#include "analysis/Trend.h"

#include "metrics/HourSpan.h"
#include "metrics/MetricInputs.h"
#include "metrics/OutcomeStore.h"

#include <algorithm>

namespace escdesk::analysis {

namespace {

bool strictlyIncreasing(const std::vector<double>& values) {
    return std::adjacent_find(values.begin(), values.end(), std::greater_equal<>()) == values.end();
}

std::vector<const TrendPoint*> completePoints(const std::vector<TrendPoint>& points) {
    std::vector<const TrendPoint*> complete;
    for (const TrendPoint& point : points) {
        if (!point.period.partial) {
            complete.push_back(&point);
        }
    }
    return complete;
}

std::vector<RisingCategory> findRising(const std::vector<TrendPoint>& points) {
    const std::vector<const TrendPoint*> complete = completePoints(points);
    if (complete.size() < static_cast<std::size_t>(risingPeriods)) {
        return {};
    }
    const std::vector<const TrendPoint*> last(complete.end() - risingPeriods, complete.end());
    std::vector<RisingCategory> rising;
    for (const auto& [rootCause, latestCount] : last.back()->escalationsByRootCause) {
        RisingCategory category{rootCause, {}, {}};
        std::vector<double> counts;
        for (const TrendPoint* point : last) {
            const auto found = point->escalationsByRootCause.find(rootCause);
            const std::int64_t n = found == point->escalationsByRootCause.end() ? 0 : found->second;
            category.counts.push_back(n);
            counts.push_back(static_cast<double>(n));
            category.shares.push_back(point->escalations > 0
                                          ? static_cast<double>(n) /
                                                static_cast<double>(point->escalations)
                                          : 0.0);
        }
        if (latestCount >= risingMinimumCount && strictlyIncreasing(counts) &&
            category.shares.back() > category.shares.front()) {
            rising.push_back(std::move(category));
        }
    }
    std::sort(rising.begin(), rising.end(), [](const RisingCategory& a, const RisingCategory& b) {
        const auto growth = [](const RisingCategory& c) {
            return c.counts.back() - c.counts.front();
        };
        return growth(a) != growth(b) ? growth(a) > growth(b) : a.rootCause < b.rootCause;
    });
    return rising;
}

// Marks each complete week whose p90 time-to-escalate exceeds the median of
// the 4 complete weeks before it by more than 20%.
void markRegressions(std::vector<TrendPoint>& weeks) {
    for (std::size_t i = regressionTrailingWeeks; i < weeks.size(); ++i) {
        std::vector<double> trailing;
        for (std::size_t j = i - regressionTrailingWeeks; j < i; ++j) {
            if (weeks[j].period.partial || !weeks[j].metrics.timeToEscalateMin.p90) {
                break;
            }
            trailing.push_back(*weeks[j].metrics.timeToEscalateMin.p90);
        }
        if (trailing.size() != static_cast<std::size_t>(regressionTrailingWeeks)) {
            continue;
        }
        TrendPoint& week = weeks[i];
        week.trailingMedianP90 = medianOf(trailing);
        const auto p90 = week.metrics.timeToEscalateMin.p90;
        week.p90Regression =
            !week.period.partial && p90 && *p90 > regressionThreshold * *week.trailingMedianP90;
    }
}

P90RegressionCheck latestRegression(const std::vector<TrendPoint>& weeks) {
    P90RegressionCheck check;
    const std::vector<const TrendPoint*> complete = completePoints(weeks);
    if (complete.empty()) {
        return check;
    }
    const TrendPoint& latest = *complete.back();
    check.weekStart = latest.period.firstDay;
    check.latestP90 = latest.metrics.timeToEscalateMin.p90;
    check.trailingMedian = latest.trailingMedianP90;
    check.regressed = latest.p90Regression;
    return check;
}

// The index of the period holding `at`, if any (periods are consecutive).
std::optional<std::size_t> periodOf(const std::vector<TrendPeriod>& periods, UtcSeconds at) {
    const auto after = std::upper_bound(
        periods.begin(), periods.end(), at,
        [](UtcSeconds instant, const TrendPeriod& period) { return instant < period.window.from; });
    if (after == periods.begin() || !std::prev(after)->window.contains(at)) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(std::prev(after) - periods.begin());
}

// Sums each period's outcomes as they come from one visit of the whole
// range: tickets by creation, escalations by their instant.
class PeriodSums : public metrics::OutcomeVisitor {
public:
    PeriodSums(const std::vector<TrendPeriod>& periods, const metrics::CostParameters& costs)
        : m_periods(periods)
        , m_costs(costs)
        , m_points(periods.size()) {}

    void begin(bool hasEventLog, const metrics::DataCoverage& coverage,
               metrics::OutcomeSource) override {
        m_sums.clear();
        for (std::size_t i = 0; i < m_periods.size(); ++i) {
            m_points[i] = TrendPoint{};
            m_points[i].period = m_periods[i];
            m_sums.emplace_back(m_periods[i].window, hasEventLog, m_costs, coverage);
        }
    }

    void visit(const metrics::TicketOutcome& ticket) override {
        if (const auto period = periodOf(m_periods, ticket.createdAt)) {
            m_sums[*period].add(ticket);
        }
    }

    void visit(const metrics::EscalationOutcome& escalation) override {
        if (const auto period = periodOf(m_periods, escalation.at)) {
            m_sums[*period].add(escalation);
            ++m_points[*period].escalationsByRootCause[escalation.rootCause];
            ++m_points[*period].escalations;
        }
    }

    // Whether some of the hour lies in the periods.
    bool touchesHour(std::int64_t hour) const {
        return hour * metrics::secondsPerHour < m_periods.back().window.to &&
               (hour + 1) * metrics::secondsPerHour > m_periods.front().window.from;
    }

    // An hour that lies whole in one period (periods cut at local midnights
    // fall on UTC hours unless the zone's offset is not whole hours).
    bool takesHour(std::int64_t hour) const override {
        const auto period = periodOf(m_periods, hour * metrics::secondsPerHour);
        return period && m_sums[*period].holdsHour(hour);
    }

    // takesHour said which period: the one holding the hour's start.
    void visit(const metrics::TicketHourSummary& hour) override {
        m_sums[periodOfHour(hour.hour)].add(hour);
    }

    void visit(const metrics::EscalationHourSummary& hour) override {
        const std::size_t period = periodOfHour(hour.hour);
        m_sums[period].add(hour);
        for (const auto& [rootCause, count] : hour.byRootCause) {
            m_points[period].escalationsByRootCause[rootCause] += count;
        }
        m_points[period].escalations += hour.counted;
    }

    std::unique_ptr<metrics::OutcomeVisitor> helper() const override {
        return std::make_unique<PeriodSums>(m_periods, m_costs);
    }

    void join(metrics::OutcomeVisitor&& helper) override {
        auto& other = static_cast<PeriodSums&>(helper);
        for (std::size_t i = 0; i < m_sums.size(); ++i) {
            m_sums[i].merge(std::move(other.m_sums[i]));
            for (const auto& [rootCause, count] : other.m_points[i].escalationsByRootCause) {
                m_points[i].escalationsByRootCause[rootCause] += count;
            }
            m_points[i].escalations += other.m_points[i].escalations;
        }
    }

    std::vector<TrendPoint> finish() {
        for (std::size_t i = 0; i < m_sums.size(); ++i) {
            m_points[i].metrics = m_sums[i].finish();
        }
        return std::move(m_points);
    }

private:
    std::size_t periodOfHour(std::int64_t hour) const {
        return *periodOf(m_periods, hour * metrics::secondsPerHour);
    }

    const std::vector<TrendPeriod>& m_periods;
    metrics::CostParameters m_costs;
    std::vector<TrendPoint> m_points;
    std::vector<metrics::MetricsAccumulator> m_sums;
};

// Two runs of periods summed from one visit of their joint range (a monthly
// trend's months and the weeks of its p90 check): each run takes what falls
// in its periods. A whole hour is taken summed only when every run it
// touches can take it whole, else its outcomes go one by one to both.
class TwoPeriodSums : public metrics::OutcomeVisitor {
public:
    TwoPeriodSums(std::unique_ptr<PeriodSums> first, std::unique_ptr<PeriodSums> second)
        : m_first(std::move(first))
        , m_second(std::move(second)) {}

    void begin(bool hasEventLog, const metrics::DataCoverage& coverage,
               metrics::OutcomeSource source) override {
        m_first->begin(hasEventLog, coverage, source);
        m_second->begin(hasEventLog, coverage, source);
    }
    void visit(const metrics::TicketOutcome& ticket) override {
        m_first->visit(ticket);
        m_second->visit(ticket);
    }
    void visit(const metrics::EscalationOutcome& escalation) override {
        m_first->visit(escalation);
        m_second->visit(escalation);
    }
    bool takesHour(std::int64_t hour) const override {
        return takes(*m_first, hour) && takes(*m_second, hour);
    }
    void visit(const metrics::TicketHourSummary& hour) override {
        for (PeriodSums* sums : {m_first.get(), m_second.get()}) {
            if (sums->touchesHour(hour.hour)) {
                sums->visit(hour);
            }
        }
    }
    void visit(const metrics::EscalationHourSummary& hour) override {
        for (PeriodSums* sums : {m_first.get(), m_second.get()}) {
            if (sums->touchesHour(hour.hour)) {
                sums->visit(hour);
            }
        }
    }
    std::unique_ptr<metrics::OutcomeVisitor> helper() const override {
        return std::make_unique<TwoPeriodSums>(helperOf(*m_first), helperOf(*m_second));
    }
    void join(metrics::OutcomeVisitor&& helper) override {
        auto& other = static_cast<TwoPeriodSums&>(helper);
        m_first->join(std::move(*other.m_first));
        m_second->join(std::move(*other.m_second));
    }

    PeriodSums& first() { return *m_first; }
    PeriodSums& second() { return *m_second; }

private:
    static bool takes(const PeriodSums& sums, std::int64_t hour) {
        return !sums.touchesHour(hour) || sums.takesHour(hour);
    }
    static std::unique_ptr<PeriodSums> helperOf(const PeriodSums& sums) {
        return std::unique_ptr<PeriodSums>(static_cast<PeriodSums*>(sums.helper().release()));
    }

    std::unique_ptr<PeriodSums> m_first;
    std::unique_ptr<PeriodSums> m_second;
};

// Every period from one visit of their whole range's outcomes.
std::vector<TrendPoint> measurePeriods(store::Database& db, const std::vector<TrendPeriod>& periods,
                                       UtcSeconds slaAsOf) {
    if (periods.empty()) {
        return {};
    }
    const Window range{periods.front().window.from, periods.back().window.to};
    PeriodSums sums(periods, metrics::metricInputsOf(db).costs);
    metrics::visitWindowOutcomes(db, range, slaAsOf, sums);
    return sums.finish();
}

// Both runs of periods from one visit of their joint range.
std::pair<std::vector<TrendPoint>, std::vector<TrendPoint>>
measureBoth(store::Database& db, const std::vector<TrendPeriod>& first,
            const std::vector<TrendPeriod>& second, UtcSeconds slaAsOf) {
    if (first.empty() || second.empty()) {
        return {measurePeriods(db, first, slaAsOf), measurePeriods(db, second, slaAsOf)};
    }
    const Window range{std::min(first.front().window.from, second.front().window.from),
                       std::max(first.back().window.to, second.back().window.to)};
    const metrics::CostParameters costs = metrics::metricInputsOf(db).costs;
    TwoPeriodSums sums(std::make_unique<PeriodSums>(first, costs),
                       std::make_unique<PeriodSums>(second, costs));
    metrics::visitWindowOutcomes(db, range, slaAsOf, sums);
    return {sums.first().finish(), sums.second().finish()};
}

} // namespace

double medianOf(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return *metrics::percentileOfSorted(values, 0.5);
}

std::map<QString, std::int64_t> escalationsByRootCause(const metrics::MetricsInput& input,
                                                       const Window& window) {
    std::map<QString, std::int64_t> counts;
    metrics::forEachEscalationIn(input, window,
                                 [&](const metrics::TicketFacts& ticket, UtcSeconds) {
                                     ++counts[metrics::rootCauseOf(ticket)];
                                 });
    return counts;
}

std::vector<std::optional<double>>
movingAverage3(const std::vector<std::optional<double>>& series) {
    std::vector<std::optional<double>> averages(series.size());
    for (std::size_t i = 2; i < series.size(); ++i) {
        if (series[i] && series[i - 1] && series[i - 2]) {
            averages[i] = (*series[i] + *series[i - 1] + *series[i - 2]) / 3.0;
        }
    }
    return averages;
}

Trend analyseTrend(store::Database& db, const QDate& fromDay, const QDate& toDay,
                   Granularity granularity, const QTimeZone& zone, UtcSeconds slaAsOf) {
    Trend trend;
    trend.granularity = granularity;
    const std::vector<TrendPeriod> periods = trendPeriods(fromDay, toDay, granularity, zone);
    if (granularity == Granularity::Week) {
        trend.points = measurePeriods(db, periods, slaAsOf);
        trend.rising = findRising(trend.points);
        markRegressions(trend.points);
        trend.p90 = latestRegression(trend.points);
        return trend;
    }
    // Monthly trends still carry the weekly p90 check over the last weeks,
    // summed in the same visit.
    const QDate weeksFrom =
        periodStart(toDay, Granularity::Week).addDays(-7 * (regressionTrailingWeeks + 1));
    const std::vector<TrendPeriod> weekPeriods =
        trendPeriods(weeksFrom, toDay, Granularity::Week, zone);
    auto [months, weeks] = measureBoth(db, periods, weekPeriods, slaAsOf);
    trend.points = std::move(months);
    trend.rising = findRising(trend.points);
    markRegressions(weeks);
    trend.p90 = latestRegression(weeks);
    return trend;
}

Trend lastWeeksOf(const Trend& weekly, std::size_t weeks) {
    Trend trend;
    trend.granularity = Granularity::Week;
    const std::size_t first = weekly.points.size() - std::min(weeks, weekly.points.size());
    trend.points.assign(weekly.points.begin() + static_cast<std::ptrdiff_t>(first),
                        weekly.points.end());
    for (TrendPoint& point : trend.points) {
        point.trailingMedianP90.reset(); // marked again on these weeks alone
        point.p90Regression = false;
    }
    trend.rising = findRising(trend.points);
    markRegressions(trend.points);
    trend.p90 = latestRegression(trend.points);
    return trend;
}

} // namespace escdesk::analysis

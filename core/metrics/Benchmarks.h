#pragma once

// The domain benchmarks of SPEC §7 that the dashboard shows beside a metric:
//   escalation rate < 10% good, > 15% needs attention;
//   bounceback 5–10% healthy, > 20% bad;
//   context loss < 10%;
//   handoff delay < 30 min for High/Critical;
//   Critical decision latency < 30 min (on the share decided within 30
//   minutes: at least 90%).
// Where the spec gives one threshold there are two bands (Good and
// NeedsAttention); where it gives two, the range between them is Watch.

#include <optional>

namespace escdesk::metrics {

enum class BenchmarkBand {
    Good,           // within the healthy range
    Watch,          // between the healthy range and the alarm threshold
    NeedsAttention, // past the alarm threshold
};

// Escalation rate: below 10% is good, above 15% needs attention, 10–15%
// (both ends included) is to watch. A null rate has no band.
std::optional<BenchmarkBand> escalationRateBand(const std::optional<double>& rate);

// Bounceback: up to 10% is good (the spec's healthy 5–10%; fewer bounces
// than that is no problem the spec names), above 20% needs attention, in
// between (10% excluded, 20% included) is to watch.
std::optional<BenchmarkBand> bouncebackBand(const std::optional<double>& rate);

// Context loss: below 10% is good, 10% or more needs attention.
std::optional<BenchmarkBand> contextLossBand(const std::optional<double>& rate);

// A duration benchmark of "< 30 min" (handoff delay of High/Critical
// escalations, decision latency of Critical ones), judged on the p90: below
// 30 minutes is good, 30 or more needs attention.
inline constexpr double durationBenchmarkMin = 30.0;
std::optional<BenchmarkBand> under30MinutesBand(const std::optional<double>& p90Minutes);

// The same Critical decision benchmark read on the share of Critical
// escalations decided within 30 minutes (critical_decisions_within_30m), so
// a badge on that share speaks of the share: a p90 within 30 minutes is at
// least 90% decided within them. At least 90% is good, less needs attention.
inline constexpr double criticalWithin30mTarget = 0.9;
std::optional<BenchmarkBand> criticalWithin30mBand(const std::optional<double>& share);

} // namespace escdesk::metrics

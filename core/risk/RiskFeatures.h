#pragma once

// What the risk model may know of a ticket: only what was known when it was
// created (issue #20). The feature builder (RiskData.h, RiskModel.h) reads
//
// - the ticket's categorical fields at creation: priority, channel, product
//   area, the account's tier and segment, and every key of
//   tickets.attributes (extra import columns, history-mapping attributes),
//   one-hot; a value gets a column only when at least minCategoryTickets
//   training tickets have it, at most maxCategories per field; an attribute
//   with more distinct values than half the training tickets that have it
//   is free text (an id, a description) and left out;
// - the tier it started at: a "first_tier" attribute (history imports),
//   else the from-tier of its first escalation event, else — never escalated
//   — its tier; used only when it is known for every escalated ticket
//   learned from, since a start tier missing exactly where the escalation
//   left no event would tell the outcome;
// - the account's history: its tickets created in the 90 days before and
//   the share of them escalated before this ticket's creation instant (an
//   escalation known only by a flag has no instant and never counts);
// - hour of day (in bands of hourBandHours) and weekday of creation in the
//   reporting zone;
// - the text's words and sentiment (subject and description as imported).
//
// The leak guard, the rule: a field is refused when its value can change
// after the ticket was created, or records what happened after. Refused by
// column: status, tier (the current one), assignee and group_name (the
// current assignment), root_cause, reason_code, resolution_type,
// resolution_notes, csat, handle_time_min, first_response_at, resolved_at,
// closed_at, escalated, escalated_at, tags, and anything derived from
// events after creation (reassignment and reopen counts, SLA made or
// breached). Refused by name, an attribute key whose words (split at
// anything not a letter or digit, lower-cased) include an outcome word
// (outcomeWords: status, resolved, closed, csat, reassignment, reopen,
// sla, breach, escalated, duration, ...) or, without a word saying it is
// the value at the start (first, initial, start, starting, original,
// opening, created, creation), a word naming state that changes over the
// ticket's life (tier, level, group, team, assignee, owner, queue, agent,
// stage, state, phase). Each refusal keeps its reason ("known only after
// creation"), listed by the model (RiskModel::leftOut) and `risk
// --evaluate`.

#include "domain/Instant.h"
#include "store/Database.h"

#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace escdesk::risk {

// A category value gets a one-hot column only when this many training
// tickets have it: rarer values would give weights learnt from a handful.
inline constexpr int minCategoryTickets = 10;
// An attribute is free text when its distinct values exceed this share of
// the training tickets that have one.
inline constexpr double freeTextDistinctShare = 0.5;
// How far back an account's history looks.
inline constexpr UtcSeconds accountHistorySeconds = 90 * 24 * 3600;
// The attribute a history import keeps the starting support level under.
inline constexpr const char* startTierAttribute = "first_tier";

// A feature the builder leaves out, and why.
struct LeftOutFeature {
    QString name;   // "reassignment_count"
    QString reason; // "known only after creation"

    bool operator==(const LeftOutFeature&) const = default;
};

// Why an attribute key names something known only after creation (the
// rule above); none when it may be known at creation.
std::optional<QString> whyKnownOnlyAfterCreation(const QString& attributeKey);

// The key/value pairs of a tickets.attributes JSON object, values as text
// (numbers and booleans as written, null and nested values left out);
// empty for anything that is not an object.
std::vector<std::pair<QString, QString>> parseAttributes(std::string_view json);

// The offset of the reporting zone at each instant, looked up once per UTC
// hour: a million creation instants cost a few thousand zone look-ups.
class ZoneClock {
public:
    explicit ZoneClock(QTimeZone zone);
    // Hour of day 0–23 and ISO weekday 1 (Monday) – 7 of `at` in the zone.
    std::pair<int, int> hourAndWeekday(UtcSeconds at);

private:
    QTimeZone m_zone;
    std::unordered_map<std::int64_t, int> m_offsetOfHour;
};

// The workspace's reporting zone (setting "reporting_tz"; the system zone
// when unset or unknown), as store::Workspace reads it.
QTimeZone reportingZone(store::Database& db);

// Hours of creation are read in bands of this many hours: one column per
// hour would spread a small history over 24 noisy weights (on the demo
// data they cost more than they told).
inline constexpr int hourBandHours = 4;
// "00–03" … "20–23", "Mon" … "Sun": the category values of the hour band
// and weekday.
QString hourBandName(int hour);
QString weekdayName(int isoWeekday);

// One ticket of an account's history: created, and first escalated (if at
// a known instant).
struct AccountTicketTimes {
    UtcSeconds createdAt = 0;
    std::optional<UtcSeconds> escalatedAt;
};

// An account's history as of a ticket created at `at`: its tickets created
// in [at − 90 days, at) and how many of them escalated before `at`.
// `history` is sorted by creation.
struct AccountHistory {
    int priorTickets = 0;
    int priorEscalated = 0;
};
AccountHistory accountHistoryAt(const std::vector<AccountTicketTimes>& history, UtcSeconds at);

} // namespace escdesk::risk

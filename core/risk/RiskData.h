#pragma once

// What the escalation risk model learns from: every ticket of the workspace
// with the facts known when it was created or early in its life (SPEC §5
// fields; issue #7) and whether it escalated. Text is reduced to numbers as
// it is read — sentiment, escalation keyword hits, the subject's word stems —
// so a million tickets fit in memory; category fields are interned.

#include "domain/Instant.h"
#include "risk/Sentiment.h"
#include "store/Database.h"

#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace escdesk::risk {

// The categorical fields every ticket has (RiskFeatures.h: what may be
// known at creation); attributes come on top, as many as the data holds.
enum class RiskField {
    Priority,
    AccountTier,
    Segment,
    ProductArea,
    Channel,
    StartTier,       // the tier it started at ("1" …)
    CreationHour,    // "00–03" … "20–23" in the reporting zone
    CreationWeekday, // "Mon" … "Sun" in the reporting zone
};
inline constexpr std::size_t riskFieldCount = 8;
// "priority", "account tier", "segment", "product area", "channel", "start
// tier", "hour of creation", "weekday of creation".
QString riskFieldName(RiskField field);

// How far back an account's recent ticket rate looks.
inline constexpr UtcSeconds recentWindowSeconds = 7 * 24 * 3600;

struct RiskTicket {
    std::int64_t row = 0;
    QString ticketId;
    UtcSeconds createdAt = 0;
    // Codes into RiskData::values; −1 blank.
    std::array<int, riskFieldCount> fields{-1, -1, -1, -1, -1, -1, -1, -1};
    // (key, value) codes into RiskData::attributeKeys / attributeValues[key],
    // of tickets.attributes at creation (RiskFeatures.h).
    std::vector<std::pair<int, int>> attributes;
    int account = -1; // code into RiskData::accounts
    std::optional<double> arr;
    double sentiment = 50.0;
    int keywordHits = 0;
    int negativeTerms = 0;
    int recentTickets = 0; // the account's tickets in the 7 days before this one
    // The account's tickets created in the 90 days before this one, and how
    // many of them escalated before this one was created.
    int accountPriorTickets = 0;
    int accountPriorEscalated = 0;
    std::optional<UtcSeconds> escalatedAt; // its first escalation, when the instant is known
    std::vector<int> stems;                // distinct subject stems, codes into RiskData::stems
    bool escalated = false;
    bool open = false; // neither resolved nor closed, so its outcome is not known yet
};

struct RiskData {
    std::vector<RiskTicket> tickets; // by creation time
    std::array<QStringList, riskFieldCount> values;
    QStringList accounts;
    QStringList stems;
    QStringList attributeKeys;
    std::vector<QStringList> attributeValues; // by key code
    // Why no ticket's escalation outcome is known at all (the workspace has
    // no tier or escalation information); empty when outcomes are known.
    // `escalated` is then false for every ticket and means nothing.
    QString outcomesUnknown;

    const QString& value(const RiskTicket& ticket, RiskField field) const;
};

// The workspace's tickets (or one ticket by helpdesk id), scored for
// sentiment with `scorer`. For a single ticket the recent ticket count is
// read from the store; for all tickets it is counted among them. All
// tickets with the AFINN scorer are read from the kept features
// (RiskFeatureStore.h), which are completed first: only tickets without
// them are scored here.
RiskData loadRiskData(store::Database& db, const SentimentScorer& scorer,
                      const std::optional<QString>& ticketId = std::nullopt);

// As loadRiskData, always scoring each ticket's text anew (what the kept
// features are computed by).
RiskData computeRiskData(store::Database& db, const SentimentScorer& scorer,
                         const std::optional<QString>& ticketId = std::nullopt);

// Builds a RiskData ticket by ticket, interning its strings as codes; raw
// UTF-8 is looked up without making a QString, so a million rows of
// repeated values cost a hash each. The data must outlive the builder.
class RiskDataBuilder {
public:
    explicit RiskDataBuilder(RiskData& data);
    ~RiskDataBuilder();
    RiskDataBuilder(const RiskDataBuilder&) = delete;
    RiskDataBuilder& operator=(const RiskDataBuilder&) = delete;

    // A field's code from its value as stored in tickets or accounts
    // (priority and tier made canonical: "P1" → "Critical"); −1 blank.
    int fieldCode(RiskField field, std::string_view utf8);
    // A field's code from a value already canonical (as kept).
    int canonicalFieldCode(RiskField field, std::string_view utf8);
    int accountCode(std::string_view utf8);
    int stemCode(const QString& stem);
    int stemCode(std::string_view utf8);
    // An attribute's (key, value) codes.
    std::pair<int, int> attributeCode(const QString& key, const QString& value);
    // Sets the ticket's attributes from tickets.attributes (JSON); the
    // start-tier attribute sets its start tier instead.
    void setAttributes(RiskTicket& ticket, const std::vector<std::pair<QString, QString>>& pairs);

private:
    struct Interners;
    std::unique_ptr<Interners> m_codes;
};

// The columns computeRiskTickets reads, of `tickets t LEFT JOIN accounts a`:
// row, ticket id, created_at, priority, tier, segment, product area,
// channel, account, ARR, subject, description, resolved_at, closed_at,
// status, the escalated flag, whether an `escalated` event exists, the
// attributes, the from-tier of its first escalation event, its tier, and
// the instant of its first escalation (event, else escalated_at).
extern const char* const ticketFeatureColumns;

// Appends the tickets of `query` (selecting ticketFeatureColumns first) to
// `data`, their text scored on two worker threads; `onRow` (if any) is
// called with each ticket's index while the query is still on its row.
// Recent ticket counts, account histories and the hour and weekday of
// creation are left unset (addCreationContext).
void computeRiskTickets(store::Statement& query, const SentimentScorer& scorer, RiskData& data,
                        RiskDataBuilder& codes,
                        const std::function<void(std::size_t)>& onRow = nullptr);

// The ticket's account's tickets in the 7 days before it and its 90-day
// account history (RiskFeatures.h), counted in the store.
void countRecentTicketsInStore(store::Database& db, const RiskData& data, RiskTicket& ticket);

// The subject's distinct stems as the model reads them (stop words and
// one-letter words left out).
QStringList subjectStems(const QString& subject);

// Counts, for each ticket, the tickets of its account created in the 7 days
// before it (tickets sorted by creation time).
void countRecentTickets(std::vector<RiskTicket>& tickets);

// Sets each ticket's hour and weekday of creation in the workspace's
// reporting zone and, counted among `data`'s tickets (all of the
// workspace, in creation order), its recent tickets and account history.
void addCreationContext(store::Database& db, RiskData& data, RiskDataBuilder& codes);
// Sets the hour and weekday of creation of data.tickets[from, …).
void addCreationTimes(store::Database& db, RiskData& data, RiskDataBuilder& codes,
                      std::size_t from = 0);
// Sets the account history (90 days) of every ticket, counted among them.
void countAccountHistories(std::vector<RiskTicket>& tickets);

// A fingerprint of the data a model was trained on. When every ticket's
// features are kept: their basis (feature set, escalation keywords) and
// generation, which changes with any change of a ticket, an event or an
// account (RiskFeatureStore.h). Otherwise ticket, event and account counts
// and their latest rows, and the escalation keywords.
QString riskDataVersion(store::Database& db, const QStringList& keywords);

} // namespace escdesk::risk

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

enum class RiskField { Priority, AccountTier, Segment, ProductArea, Channel };
inline constexpr std::size_t riskFieldCount = 5;
// "priority", "account tier", "segment", "product area", "channel".
QString riskFieldName(RiskField field);

// How far back an account's recent ticket rate looks.
inline constexpr UtcSeconds recentWindowSeconds = 7 * 24 * 3600;

struct RiskTicket {
    std::int64_t row = 0;
    QString ticketId;
    UtcSeconds createdAt = 0;
    std::array<int, riskFieldCount> fields{-1, -1, -1, -1,
                                           -1}; // codes into RiskData::values; −1 blank
    int account = -1;                           // code into RiskData::accounts
    std::optional<double> arr;
    double sentiment = 50.0;
    int keywordHits = 0;
    int negativeTerms = 0;
    int recentTickets = 0;  // the account's tickets in the 7 days before this one
    std::vector<int> stems; // distinct subject stems, codes into RiskData::stems
    bool escalated = false;
    bool open = false; // neither resolved nor closed, so its outcome is not known yet
};

struct RiskData {
    std::vector<RiskTicket> tickets; // by creation time
    std::array<QStringList, riskFieldCount> values;
    QStringList accounts;
    QStringList stems;
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

private:
    struct Interners;
    std::unique_ptr<Interners> m_codes;
};

// The columns computeRiskTickets reads, of `tickets t LEFT JOIN accounts a`:
// row, ticket id, created_at, priority, tier, segment, product area,
// channel, account, ARR, subject, description, resolved_at, closed_at,
// status, the escalated flag and whether an `escalated` event exists.
extern const char* const ticketFeatureColumns;

// Appends the tickets of `query` (selecting ticketFeatureColumns first) to
// `data`, their text scored on two worker threads; `onRow` (if any) is
// called with each ticket's index while the query is still on its row.
// Recent ticket counts are left at 0.
void computeRiskTickets(store::Statement& query, const SentimentScorer& scorer, RiskData& data,
                        RiskDataBuilder& codes,
                        const std::function<void(std::size_t)>& onRow = nullptr);

// The ticket's account's tickets in the 7 days before it, counted in the store.
void countRecentTicketsInStore(store::Database& db, const RiskData& data, RiskTicket& ticket);

// The subject's distinct stems as the model reads them (stop words and
// one-letter words left out).
QStringList subjectStems(const QString& subject);

// Counts, for each ticket, the tickets of its account created in the 7 days
// before it (tickets sorted by creation time).
void countRecentTickets(std::vector<RiskTicket>& tickets);

// A fingerprint of the data a model was trained on. When every ticket's
// features are kept: their basis (feature set, escalation keywords) and
// generation, which changes with any change of a ticket, an event or an
// account (RiskFeatureStore.h). Otherwise ticket, event and account counts
// and their latest rows, and the escalation keywords.
QString riskDataVersion(store::Database& db, const QStringList& keywords);

} // namespace escdesk::risk

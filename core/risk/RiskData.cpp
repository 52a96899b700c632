#include "risk/RiskData.h"

#include "matrix/Matrix.h"
#include "metrics/DataCoverage.h"
#include "risk/OpenAsOf.h"
#include "risk/RiskFeatureStore.h"
#include "risk/RiskFeatures.h"
#include "text/StopWords.h"
#include "text/Words.h"

#include <QCryptographicHash>
#include <QHash>

#include <algorithm>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace escdesk::risk {

namespace {

// Interns strings as small codes; looks raw UTF-8 up without making a
// QString, so a million rows of repeated values cost a hash each.
class Interner {
public:
    explicit Interner(QStringList& values)
        : m_values(values) {}

    int code(const QString& value) {
        if (value.isEmpty()) {
            return -1;
        }
        if (const auto it = m_codes.constFind(value); it != m_codes.cend()) {
            return *it;
        }
        return add(value);
    }

    // `canonical` normalises the value ("P1" → "Critical") on first sight.
    int code(std::string_view utf8, QString (*canonical)(const QString&) = nullptr) {
        if (utf8.empty()) {
            return -1;
        }
        if (const auto it = m_raw.find(utf8); it != m_raw.end()) {
            return it->second;
        }
        QString value = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
        if (canonical) {
            value = canonical(value);
        }
        return codeOf(std::string(utf8), value);
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    int add(const QString& value) {
        const int code = static_cast<int>(m_values.size());
        m_values.append(value);
        m_codes.insert(value, code);
        return code;
    }

    int codeOf(std::string raw, const QString& value) {
        const int result = code(value);
        m_raw.emplace(std::move(raw), result);
        return result;
    }

    QStringList& m_values;
    QHash<QString, int> m_codes;
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_raw;
};

} // namespace

QString riskFieldName(RiskField field) {
    switch (field) {
    case RiskField::Priority:
        return QStringLiteral("priority");
    case RiskField::AccountTier:
        return QStringLiteral("account tier");
    case RiskField::Segment:
        return QStringLiteral("segment");
    case RiskField::ProductArea:
        return QStringLiteral("product area");
    case RiskField::Channel:
        return QStringLiteral("channel");
    case RiskField::StartTier:
        return QStringLiteral("start tier");
    case RiskField::CreationHour:
        return QStringLiteral("hour of creation");
    case RiskField::CreationWeekday:
        return QStringLiteral("weekday of creation");
    }
    return {};
}

const QString& RiskData::value(const RiskTicket& ticket, RiskField field) const {
    static const QString blank;
    const auto f = static_cast<std::size_t>(field);
    const int code = ticket.fields[f];
    return code < 0 ? blank : values[f][code];
}

QStringList subjectStems(const QString& subject) {
    QStringList stems;
    for (const QString& word : text::lowerWords(subject)) {
        if (word.size() < 2 || text::isStopWord(word)) {
            continue;
        }
        const QString stem = text::stemWord(word);
        if (!stems.contains(stem)) {
            stems.append(stem);
        }
    }
    return stems;
}

void countRecentTickets(std::vector<RiskTicket>& tickets) {
    std::unordered_map<int, std::vector<std::size_t>> byAccount;
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        if (tickets[i].account >= 0) {
            byAccount[tickets[i].account].push_back(i);
        }
    }
    for (auto& [account, indices] : byAccount) {
        std::size_t first = 0; // the oldest ticket still inside the window
        for (std::size_t k = 0; k < indices.size(); ++k) {
            const UtcSeconds at = tickets[indices[k]].createdAt;
            while (tickets[indices[first]].createdAt < at - recentWindowSeconds) {
                ++first;
            }
            // Tickets created at the same instant as this one do not count.
            std::size_t before = k;
            while (before > first && tickets[indices[before - 1]].createdAt == at) {
                --before;
            }
            tickets[indices[k]].recentTickets = static_cast<int>(before - first);
        }
    }
}

namespace {

// The text features of one ticket, computed off the reading thread.
struct TextFeatures {
    QString subject;
    QString description;
    double sentiment = 50.0;
    int keywordHits = 0;
    int negativeTerms = 0;
    QStringList stems;
    QByteArray attributesJson;
    std::vector<std::pair<QString, QString>> attributes;
};

void computeTextFeatures(const SentimentScorer& scorer, TextFeatures* begin, TextFeatures* end) {
    for (TextFeatures* f = begin; f != end; ++f) {
        const Sentiment sentiment = scorer.score({f->subject, f->description});
        f->sentiment = sentiment.score;
        f->keywordHits = sentiment.keywordHits;
        f->negativeTerms = sentiment.negativeTerms;
        f->stems = subjectStems(f->subject);
        f->attributes = parseAttributes(std::string_view(
            f->attributesJson.constData(), static_cast<std::size_t>(f->attributesJson.size())));
        f->attributesJson.clear();
        f->subject.clear();
        f->description.clear();
    }
}

// Rows are read in chunks; each chunk's text is scored on two worker threads.
constexpr std::size_t chunkRows = 8192;

} // namespace

struct RiskDataBuilder::Interners {
    explicit Interners(RiskData& data)
        : fields{Interner(data.values[0]), Interner(data.values[1]), Interner(data.values[2]),
                 Interner(data.values[3]), Interner(data.values[4]), Interner(data.values[5]),
                 Interner(data.values[6]), Interner(data.values[7])}
        , accounts(data.accounts)
        , stems(data.stems)
        , data(data) {}

    std::array<Interner, riskFieldCount> fields;
    Interner accounts;
    Interner stems;
    // Attribute values by key code (data.attributeValues grows with the
    // keys, so no Interner may hold a reference into it).
    QHash<QString, int> attributeKeys;
    std::vector<QHash<QString, int>> attributeValues;
    RiskData& data;
};

RiskDataBuilder::RiskDataBuilder(RiskData& data)
    : m_codes(std::make_unique<Interners>(data)) {}

RiskDataBuilder::~RiskDataBuilder() = default;

int RiskDataBuilder::fieldCode(RiskField field, std::string_view utf8) {
    switch (field) {
    case RiskField::Priority:
        return m_codes->fields[0].code(utf8, &matrix::canonicalPriority);
    case RiskField::AccountTier:
        return m_codes->fields[1].code(utf8, &matrix::canonicalCustomerTier);
    case RiskField::Segment:
    case RiskField::ProductArea:
    case RiskField::Channel:
    case RiskField::StartTier:
    case RiskField::CreationHour:
    case RiskField::CreationWeekday:
        break;
    }
    return m_codes->fields[static_cast<std::size_t>(field)].code(utf8);
}

int RiskDataBuilder::canonicalFieldCode(RiskField field, std::string_view utf8) {
    return m_codes->fields[static_cast<std::size_t>(field)].code(utf8);
}

int RiskDataBuilder::accountCode(std::string_view utf8) {
    return m_codes->accounts.code(utf8);
}

int RiskDataBuilder::stemCode(const QString& stem) {
    return m_codes->stems.code(stem);
}

int RiskDataBuilder::stemCode(std::string_view utf8) {
    return m_codes->stems.code(utf8);
}

std::pair<int, int> RiskDataBuilder::attributeCode(const QString& key, const QString& value) {
    Interners& c = *m_codes;
    auto keyIt = c.attributeKeys.constFind(key);
    if (keyIt == c.attributeKeys.cend()) {
        keyIt = c.attributeKeys.insert(key, static_cast<int>(c.data.attributeKeys.size()));
        c.data.attributeKeys.append(key);
        c.data.attributeValues.emplace_back();
        c.attributeValues.emplace_back();
    }
    const int keyCode = *keyIt;
    auto& values = c.attributeValues[static_cast<std::size_t>(keyCode)];
    auto valueIt = values.constFind(value);
    if (valueIt == values.cend()) {
        QStringList& names = c.data.attributeValues[static_cast<std::size_t>(keyCode)];
        valueIt = values.insert(value, static_cast<int>(names.size()));
        names.append(value);
    }
    return {keyCode, *valueIt};
}

void RiskDataBuilder::setAttributes(RiskTicket& ticket,
                                    const std::vector<std::pair<QString, QString>>& pairs) {
    ticket.attributes.clear();
    for (const auto& [key, value] : pairs) {
        if (key == QLatin1String(startTierAttribute)) {
            const QByteArray tier = value.toUtf8();
            ticket.fields[static_cast<std::size_t>(RiskField::StartTier)] =
                canonicalFieldCode(RiskField::StartTier, tier.toStdString());
        } else {
            ticket.attributes.push_back(attributeCode(key, value));
        }
    }
}

const char* const ticketFeatureColumns =
    "t.id, t.ticket_id, t.created_at, t.priority, a.tier, a.segment, t.product_area, "
    "t.channel, t.account_id, a.arr, t.subject, t.description, t.resolved_at, t.closed_at, "
    "t.status, t.escalated, EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.id "
    "AND e.event = 'escalated'), t.attributes, "
    "(SELECT e.from_tier FROM ticket_events e WHERE e.ticket = t.id AND e.event = 'escalated' "
    "ORDER BY e.occurred_at LIMIT 1), t.tier, "
    "ifnull((SELECT min(e.occurred_at) FROM ticket_events e WHERE e.ticket = t.id "
    "AND e.event = 'escalated'), t.escalated_at)";

void computeRiskTickets(store::Statement& query, const SentimentScorer& scorer, RiskData& data,
                        RiskDataBuilder& codes, const std::function<void(std::size_t)>& onRow) {
    // A pipeline: while two workers score one chunk's text, this thread reads
    // the next chunk; features are copied into the tickets here.
    std::vector<TextFeatures> reading;
    std::vector<TextFeatures> scoring;
    std::size_t scoringFirst = 0; // index of the scoring chunk's first ticket
    std::vector<std::future<void>> pending;
    reading.reserve(chunkRows);
    scoring.reserve(chunkRows);
    const auto finish = [&] {
        for (auto& f : pending) {
            f.get();
        }
        pending.clear();
        for (std::size_t k = 0; k < scoring.size(); ++k) {
            RiskTicket& t = data.tickets[scoringFirst + k];
            t.sentiment = scoring[k].sentiment;
            t.keywordHits = scoring[k].keywordHits;
            t.negativeTerms = scoring[k].negativeTerms;
            for (const QString& stem : scoring[k].stems) {
                t.stems.push_back(codes.stemCode(stem));
            }
            if (!scoring[k].attributes.empty()) {
                codes.setAttributes(t, scoring[k].attributes);
            }
        }
        scoring.clear();
    };
    const auto startScoring = [&] {
        finish();
        std::swap(reading, scoring);
        scoringFirst = data.tickets.size() - scoring.size();
        TextFeatures* begin = scoring.data();
        TextFeatures* end = scoring.data() + scoring.size();
        if (scoring.size() < 2) { // a single ticket: no threads
            computeTextFeatures(scorer, begin, end);
            return;
        }
        TextFeatures* middle = begin + scoring.size() / 2;
        pending.push_back(
            std::async(std::launch::async, computeTextFeatures, std::cref(scorer), begin, middle));
        pending.push_back(
            std::async(std::launch::async, computeTextFeatures, std::cref(scorer), middle, end));
    };
    while (query.step()) {
        RiskTicket t;
        t.row = query.int64(0);
        t.ticketId = query.text(1);
        t.createdAt = query.int64(2);
        t.fields[0] = codes.fieldCode(RiskField::Priority, query.textView(3));
        t.fields[1] = codes.fieldCode(RiskField::AccountTier, query.textView(4));
        for (int f = 2; f < 5; ++f) {
            t.fields[static_cast<std::size_t>(f)] =
                codes.fieldCode(static_cast<RiskField>(f), query.textView(f + 3));
        }
        t.account = codes.accountCode(query.textView(8));
        t.arr = query.optionalReal(9);
        t.open = query.isNull(12) && query.isNull(13) && !isClosedStatus(query.text(14));
        t.escalated = query.int64(16) != 0 || (!query.isNull(15) && query.int64(15) != 0);
        t.escalatedAt = query.optionalInt64(20);
        // The tier it started at: the one its first escalation left, or
        // (never escalated) the one it is at; unknown for a ticket
        // escalated without an event saying from where.
        const std::string_view fromTier = query.textView(18);
        const std::string_view tier = query.textView(19);
        if (!fromTier.empty()) {
            t.fields[5] = codes.canonicalFieldCode(RiskField::StartTier, fromTier);
        } else if (!t.escalated && !tier.empty()) {
            t.fields[5] = codes.canonicalFieldCode(RiskField::StartTier, tier);
        }
        data.tickets.push_back(std::move(t));
        if (onRow) {
            onRow(data.tickets.size() - 1);
        }
        TextFeatures& text = reading.emplace_back();
        text.subject = query.text(10);
        text.description = query.text(11);
        const std::string_view attributes = query.textView(17);
        text.attributesJson =
            QByteArray(attributes.data(), static_cast<qsizetype>(attributes.size()));
        if (reading.size() == chunkRows) {
            startScoring();
        }
    }
    startScoring();
    finish();
}

void countRecentTicketsInStore(store::Database& db, const RiskData& data, RiskTicket& t) {
    if (t.account < 0) {
        return;
    }
    store::Statement recent =
        db.prepare("SELECT count(*) FROM tickets WHERE account_id = ?1 AND created_at >= ?2 "
                   "AND created_at < ?3");
    recent.bindAll(data.accounts[t.account], t.createdAt - recentWindowSeconds, t.createdAt);
    recent.step();
    t.recentTickets = static_cast<int>(recent.int64(0));
    store::Statement history = db.prepare(
        "SELECT t.created_at, ifnull((SELECT min(e.occurred_at) FROM ticket_events e "
        "WHERE e.ticket = t.id AND e.event = 'escalated'), t.escalated_at) FROM tickets t "
        "WHERE t.account_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 "
        "ORDER BY t.created_at");
    history.bindAll(data.accounts[t.account], t.createdAt - accountHistorySeconds, t.createdAt);
    std::vector<AccountTicketTimes> times;
    while (history.step()) {
        times.push_back({history.int64(0), history.optionalInt64(1)});
    }
    const AccountHistory h = accountHistoryAt(times, t.createdAt);
    t.accountPriorTickets = h.priorTickets;
    t.accountPriorEscalated = h.priorEscalated;
}

void addCreationTimes(store::Database& db, RiskData& data, RiskDataBuilder& codes,
                      std::size_t from) {
    ZoneClock clock(reportingZone(db));
    std::array<int, 24> hourCodes{};
    for (int h = 0; h < 24; ++h) {
        hourCodes[static_cast<std::size_t>(h)] =
            codes.canonicalFieldCode(RiskField::CreationHour, hourBandName(h).toStdString());
    }
    std::array<int, 7> weekdayCodes{};
    for (int d = 1; d <= 7; ++d) {
        weekdayCodes[static_cast<std::size_t>(d - 1)] =
            codes.canonicalFieldCode(RiskField::CreationWeekday, weekdayName(d).toStdString());
    }
    for (std::size_t i = from; i < data.tickets.size(); ++i) {
        RiskTicket& t = data.tickets[i];
        const auto [hour, weekday] = clock.hourAndWeekday(t.createdAt);
        t.fields[6] = hourCodes[static_cast<std::size_t>(hour)];
        t.fields[7] = weekdayCodes[static_cast<std::size_t>(weekday - 1)];
    }
}

void countAccountHistories(std::vector<RiskTicket>& tickets) {
    std::unordered_map<int, std::vector<AccountTicketTimes>> byAccount;
    for (const RiskTicket& t : tickets) { // in creation order
        if (t.account >= 0) {
            byAccount[t.account].push_back({t.createdAt, t.escalatedAt});
        }
    }
    for (RiskTicket& t : tickets) {
        if (t.account >= 0) {
            const AccountHistory h = accountHistoryAt(byAccount[t.account], t.createdAt);
            t.accountPriorTickets = h.priorTickets;
            t.accountPriorEscalated = h.priorEscalated;
        }
    }
}

void addCreationContext(store::Database& db, RiskData& data, RiskDataBuilder& codes) {
    addCreationTimes(db, data, codes);
    countRecentTickets(data.tickets);
    countAccountHistories(data.tickets);
}

RiskData computeRiskData(store::Database& db, const SentimentScorer& scorer,
                         const std::optional<QString>& ticketId) {
    RiskData data;
    RiskDataBuilder codes(data);
    std::string sql = "SELECT ";
    sql += ticketFeatureColumns;
    sql += " FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id";
    sql += ticketId ? " WHERE t.ticket_id = ?1" : " ORDER BY t.created_at, t.id";
    store::Statement query = db.prepare(sql);
    if (ticketId) {
        query.bind(1, *ticketId);
    }
    computeRiskTickets(query, scorer, data, codes);
    if (!metrics::workspaceCoverage(db).tiers) {
        data.outcomesUnknown = metrics::noTierReason();
    }
    if (!ticketId) {
        addCreationContext(db, data, codes);
    } else if (!data.tickets.empty()) {
        addCreationTimes(db, data, codes);
        countRecentTicketsInStore(db, data, data.tickets.front());
    }
    return data;
}

RiskData loadRiskData(store::Database& db, const SentimentScorer& scorer,
                      const std::optional<QString>& ticketId) {
    if (!ticketId && scorer.afinnKeywords()) {
        return loadAllRiskData(db, scorer, *scorer.afinnKeywords());
    }
    return computeRiskData(db, scorer, ticketId);
}

QString riskDataVersion(store::Database& db, const QStringList& keywords) {
    if (auto kept = keptRiskDataVersion(db, keywords)) {
        return *kept;
    }
    // Some tickets' features are not kept (a read-only workspace): a
    // fingerprint of the tables themselves.
    store::Statement query = db.prepare(
        "SELECT (SELECT count(*) FROM tickets), (SELECT ifnull(max(id), 0) FROM tickets), "
        "(SELECT ifnull(max(created_at), 0) FROM tickets), (SELECT count(*) FROM ticket_events), "
        "(SELECT ifnull(max(id), 0) FROM ticket_events), (SELECT count(*) FROM accounts), "
        "(SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL OR closed_at IS NOT NULL)");
    query.step();
    QStringList parts;
    for (int i = 0; i < 7; ++i) {
        parts.append(QString::number(query.int64(i)));
    }
    const QByteArray keywordHash =
        QCryptographicHash::hash(keywords.join(QLatin1Char('|')).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(12);
    return parts.join(QLatin1Char('-')) + QLatin1Char('-') + QString::fromLatin1(keywordHash);
}

} // namespace escdesk::risk

#include "metrics/OutcomePacks.h"

#include "metrics/HourSpan.h"
#include "metrics/Statistics.h"
#include "store/StringPool.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace escdesk::metrics {

namespace {

// Bumped whenever the layout of a pack changes: packs of another layout
// are read from their rows until packed again.
// 2: each pack comes with its hour's summary (HourSummaries.h), kinds 2
// and 3. A program that knows only format 1 forgets every pack, summaries
// with them, before it packs again. 3: summaries without the samples of
// all tickets (the union of two others).
constexpr int packFormat = 3;
constexpr const char* packFormatKey = "outcome_packs_format";

bool packsOfThisFormat(store::Database& db) {
    store::Statement format = db.prepare("SELECT value FROM settings WHERE key = ?1");
    format.bind(1, std::string_view(packFormatKey));
    return format.step() && format.textView(0) == std::to_string(packFormat);
}

// Forgets packs of another layout, in the caller's write transaction.
void forgetPacksOfOtherFormats(store::Database& db) {
    if (packsOfThisFormat(db)) {
        return;
    }
    db.exec("DELETE FROM outcome_packs");
    store::Statement set =
        db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
    set.bind(1, std::string_view(packFormatKey))
        .bind(2, std::string_view(std::to_string(packFormat)));
    set.run();
}

// outcome_packs.kind. A summary is kept under its pack's kind + 2, and
// holds only while its pack does: it is written and forgotten with the
// pack, and read only beside it (a removed outcome row forgets the pack,
// by the trigger of schema version 12, and leaves the summary unread).
enum PackKind : int {
    TicketPack = 0,
    EscalationPack = 1,
    TicketSummary = 2,
    EscalationSummary = 3
};

constexpr int summaryKindOf(PackKind kind) {
    return kind + 2;
}

// --- Rows -----------------------------------------------------------------

void appendStays(std::string_view text, std::vector<TierStay>& stays) {
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end) {
        TierStay stay;
        at = std::from_chars(at, end, stay.tier).ptr + 1;    // past ':'
        at = std::from_chars(at, end, stay.minutes).ptr + 1; // past ' '
        if (stay.tier >= 1 && stay.tier <= 3) {
            stays.push_back(stay);
        }
    }
}

// Reads the kept ticket rows created in [from, to), in creation order.
void readTicketRows(store::Database& db, UtcSeconds from, UtcSeconds to, store::StringPool& pool,
                    const std::function<void(KeptTicket&)>& visit) {
    if (from >= to) {
        return;
    }
    store::Statement row = db.prepare(
        "SELECT created_at, ticket, escalated, time_to_escalate_min, escalation_events, "
        "highest_tier, tier3_escalations, resolution_min, reopened, csat, handle_time_min, "
        "priority, root_cause, product_area, sla, sla_settled_at, stays FROM ticket_outcomes "
        "WHERE created_at >= ?1 AND created_at < ?2");
    row.bindAll(from, to);
    KeptTicket kept; // one, reused
    TicketOutcome& t = kept.outcome;
    while (row.step()) {
        t.createdAt = row.int64(0);
        t.ticket = row.int64(1);
        t.escalated = row.int64(2) != 0;
        t.timeToEscalateMin = row.optionalReal(3);
        t.escalationEvents = static_cast<int>(row.int64(4));
        t.highestTier = static_cast<int>(row.int64(5));
        t.tier3Escalations = static_cast<int>(row.int64(6));
        t.resolutionMin = row.optionalReal(7);
        t.reopened = row.int64(8) != 0;
        t.csat = row.optionalReal(9);
        t.handleTimeMin = row.optionalReal(10);
        t.priority = pool.get(row, 11);
        t.rootCause = pool.get(row, 12);
        t.productArea = pool.get(row, 13);
        kept.hasSla = !row.isNull(14);
        kept.sla = kept.hasSla ? row.int64(14) : 0;
        kept.slaSettledAt = kept.hasSla ? row.int64(15) : 0;
        t.stays.clear();
        if (!row.isNull(16)) {
            appendStays(row.textView(16), t.stays);
        }
        visit(kept);
    }
}

void readEscalationRows(store::Database& db, UtcSeconds from, UtcSeconds to,
                        store::StringPool& pool,
                        const std::function<void(const EscalationOutcome&)>& visit) {
    if (from >= to) {
        return;
    }
    store::Statement row = db.prepare(
        "SELECT at, ticket, claim_min, handoff_min, decision_min, bounced, info_requested, "
        "priority, root_cause FROM escalation_outcomes WHERE at >= ?1 AND at < ?2");
    row.bindAll(from, to);
    EscalationOutcome e;
    while (row.step()) {
        e.at = row.int64(0);
        e.ticket = row.int64(1);
        e.claimMin = row.optionalReal(2);
        e.handoffMin = row.optionalReal(3);
        e.decisionMin = row.optionalReal(4);
        e.bounced = row.int64(5) != 0;
        e.infoRequested = row.int64(6) != 0;
        e.priority = pool.get(row, 7);
        e.rootCause = pool.get(row, 8);
        visit(e);
    }
}

// --- Packing --------------------------------------------------------------
//
// A pack: the row count, the distinct texts of its rows (each a length and
// its UTF-8 bytes), then each row's fields: instants as seconds into the
// hour, the ticket as the difference from the row before, integers and
// text indexes (0 for NULL, else index + 1) as variable-length integers,
// reals as their 8 bytes in native order; optional fields behind presence
// bits. Half the size of the rows, so half the pages to read. It is a cache
// of this machine's rows, never exchanged, so native order is enough.

class PackWriter {
public:
    template <typename T> void put(T value) {
        m_body.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void putVarint(std::uint64_t value) {
        while (value >= 0x80) {
            m_body += static_cast<char>((value & 0x7f) | 0x80);
            value >>= 7;
        }
        m_body += static_cast<char>(value);
    }
    // Small magnitudes of either sign in few bytes.
    void putSigned(std::int64_t value) {
        putVarint((static_cast<std::uint64_t>(value) << 1) ^
                  static_cast<std::uint64_t>(value >> 63));
    }
    void putTicket(std::int64_t ticket) {
        putVarint(static_cast<std::uint64_t>(ticket) - static_cast<std::uint64_t>(m_lastTicket));
        m_lastTicket = ticket;
    }
    void putText(const store::Statement& row, int column) {
        if (row.isNull(column)) {
            putVarint(0);
            return;
        }
        const std::string_view bytes = row.textView(column);
        const auto [found, added] =
            m_index.try_emplace(std::string(bytes), static_cast<std::int32_t>(m_texts.size()));
        if (added) {
            m_texts.emplace_back(bytes);
        }
        putVarint(static_cast<std::uint64_t>(found->second) + 1);
    }
    void putOptional(const std::optional<double>& value) {
        if (value) {
            put<double>(*value);
        }
    }
    void endRow() { ++m_rows; }

    std::string take() {
        std::string pack;
        const auto append = [&](auto value) {
            pack.append(reinterpret_cast<const char*>(&value), sizeof value);
        };
        append(static_cast<std::uint32_t>(m_rows));
        append(static_cast<std::uint32_t>(m_texts.size()));
        for (const std::string& text : m_texts) {
            append(static_cast<std::uint32_t>(text.size()));
            pack += text;
        }
        pack += m_body;
        *this = PackWriter{};
        return pack;
    }

private:
    std::string m_body;
    std::vector<std::string> m_texts;
    std::unordered_map<std::string, std::int32_t> m_index;
    std::size_t m_rows = 0;
    std::int64_t m_lastTicket = 0;
};

class PackReader {
public:
    PackReader(std::string_view pack, store::StringPool& pool)
        : m_at(pack.data())
        , m_end(pack.data() + pack.size()) {
        m_rows = get<std::uint32_t>();
        const auto texts = get<std::uint32_t>();
        m_texts.reserve(texts);
        for (std::uint32_t i = 0; i < texts; ++i) {
            const auto length = get<std::uint32_t>();
            if (static_cast<std::size_t>(m_end - m_at) < length) {
                throw store::StoreError(QStringLiteral("A kept outcome pack is damaged."));
            }
            m_texts.push_back(pool.get(std::string_view(m_at, length)));
            m_at += length;
        }
    }

    std::uint32_t rows() const { return m_rows; }

    template <typename T> T get() {
        T value;
        if (static_cast<std::size_t>(m_end - m_at) < sizeof value) {
            throw store::StoreError(QStringLiteral("A kept outcome pack is damaged."));
        }
        std::memcpy(&value, m_at, sizeof value);
        m_at += sizeof value;
        return value;
    }
    std::uint64_t getVarint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<std::uint8_t>(get<char>());
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        throw store::StoreError(QStringLiteral("A kept outcome pack is damaged."));
    }
    std::int64_t getSigned() {
        const std::uint64_t value = getVarint();
        return static_cast<std::int64_t>((value >> 1) ^ (~(value & 1) + 1));
    }
    std::int64_t getTicket() {
        m_lastTicket =
            static_cast<std::int64_t>(static_cast<std::uint64_t>(m_lastTicket) + getVarint());
        return m_lastTicket;
    }
    // `into` holds the text of index `last` already (rows mostly repeat a
    // few values): set only when it differs.
    void getText(QString& into, std::uint64_t& last) {
        const std::uint64_t index = getVarint();
        if (index == last) {
            return;
        }
        if (index > m_texts.size()) {
            throw store::StoreError(QStringLiteral("A kept outcome pack is damaged."));
        }
        into = index == 0 ? QString() : m_texts[index - 1];
        last = index;
    }
    void getOptional(bool present, std::optional<double>& into) {
        if (present) {
            into = get<double>();
        } else {
            into.reset();
        }
    }

private:
    const char* m_at;
    const char* m_end;
    std::uint32_t m_rows = 0;
    std::vector<QString> m_texts;
    std::int64_t m_lastTicket = 0;
};

enum TicketBits : std::uint8_t {
    Escalated = 1,
    Reopened = 2,
    HasTimeToEscalate = 4,
    HasResolution = 8,
    HasCsat = 16,
    HasHandleTime = 32,
    HasSla = 64,
    SettledNever = 128, // a running verdict: it settles at no instant
};

void packTicketRow(const store::Statement& row, PackWriter& pack, UtcSeconds hourStart) {
    const std::optional<double> tte = row.optionalReal(3);
    const std::optional<double> resolution = row.optionalReal(7);
    const std::optional<double> csat = row.optionalReal(9);
    const std::optional<double> handle = row.optionalReal(10);
    const bool hasSla = !row.isNull(14);
    std::uint8_t bits = 0;
    bits |= row.int64(2) != 0 ? Escalated : 0;
    bits |= row.int64(8) != 0 ? Reopened : 0;
    bits |= tte ? HasTimeToEscalate : 0;
    bits |= resolution ? HasResolution : 0;
    bits |= csat ? HasCsat : 0;
    bits |= handle ? HasHandleTime : 0;
    bits |= hasSla ? HasSla : 0;
    const std::int64_t createdAt = row.int64(0);
    const std::int64_t settledAt = row.int64(15);
    bits |= hasSla && settledAt == std::numeric_limits<std::int64_t>::max() ? SettledNever : 0;
    pack.putVarint(static_cast<std::uint64_t>(createdAt - hourStart));
    pack.putTicket(row.int64(1));
    pack.put<std::uint8_t>(bits);
    pack.putOptional(tte);
    pack.putOptional(resolution);
    pack.putOptional(csat);
    pack.putOptional(handle);
    pack.putSigned(static_cast<int>(row.int64(4)));
    pack.putSigned(static_cast<int>(row.int64(5)));
    pack.putSigned(static_cast<int>(row.int64(6)));
    pack.putText(row, 11);
    pack.putText(row, 12);
    pack.putText(row, 13);
    if (hasSla) {
        pack.putSigned(row.int64(14));
        if ((bits & SettledNever) == 0) { // wraps, and unwraps, as unsigned
            pack.putVarint(static_cast<std::uint64_t>(settledAt) -
                           static_cast<std::uint64_t>(createdAt));
        }
    }
    std::vector<TierStay> stays;
    if (!row.isNull(16)) {
        appendStays(row.textView(16), stays);
    }
    pack.putVarint(stays.size());
    for (const TierStay& stay : stays) {
        pack.putSigned(stay.tier);
        pack.put<double>(stay.minutes);
    }
    pack.endRow();
}

void unpackTickets(PackReader& pack, UtcSeconds hourStart,
                   const std::function<void(KeptTicket&)>& visit) {
    KeptTicket kept;
    TicketOutcome& t = kept.outcome;
    std::uint64_t priority = 0, rootCause = 0, productArea = 0; // each text's index, NULL first
    for (std::uint32_t i = 0; i < pack.rows(); ++i) {
        t.createdAt = hourStart + static_cast<std::int64_t>(pack.getVarint());
        t.ticket = pack.getTicket();
        const auto bits = pack.get<std::uint8_t>();
        t.escalated = (bits & Escalated) != 0;
        t.reopened = (bits & Reopened) != 0;
        pack.getOptional((bits & HasTimeToEscalate) != 0, t.timeToEscalateMin);
        pack.getOptional((bits & HasResolution) != 0, t.resolutionMin);
        pack.getOptional((bits & HasCsat) != 0, t.csat);
        pack.getOptional((bits & HasHandleTime) != 0, t.handleTimeMin);
        t.escalationEvents = static_cast<int>(pack.getSigned());
        t.highestTier = static_cast<int>(pack.getSigned());
        t.tier3Escalations = static_cast<int>(pack.getSigned());
        pack.getText(t.priority, priority);
        pack.getText(t.rootCause, rootCause);
        pack.getText(t.productArea, productArea);
        kept.hasSla = (bits & HasSla) != 0;
        kept.sla = 0;
        kept.slaSettledAt = 0;
        if (kept.hasSla) {
            kept.sla = pack.getSigned();
            kept.slaSettledAt =
                (bits & SettledNever) != 0
                    ? std::numeric_limits<std::int64_t>::max()
                    : static_cast<std::int64_t>(static_cast<std::uint64_t>(t.createdAt) +
                                                pack.getVarint());
        }
        t.stays.resize(pack.getVarint());
        for (TierStay& stay : t.stays) {
            stay.tier = static_cast<int>(pack.getSigned());
            stay.minutes = pack.get<double>();
        }
        visit(kept);
    }
}

enum EscalationBits : std::uint8_t {
    Bounced = 1,
    InfoRequested = 2,
    HasClaim = 4,
    HasHandoff = 8,
    HasDecision = 16,
};

void packEscalationRow(const store::Statement& row, PackWriter& pack, UtcSeconds hourStart) {
    const std::optional<double> claim = row.optionalReal(2);
    const std::optional<double> handoff = row.optionalReal(3);
    const std::optional<double> decision = row.optionalReal(4);
    std::uint8_t bits = 0;
    bits |= row.int64(5) != 0 ? Bounced : 0;
    bits |= row.int64(6) != 0 ? InfoRequested : 0;
    bits |= claim ? HasClaim : 0;
    bits |= handoff ? HasHandoff : 0;
    bits |= decision ? HasDecision : 0;
    pack.putVarint(static_cast<std::uint64_t>(row.int64(0) - hourStart));
    pack.putTicket(row.int64(1));
    pack.put<std::uint8_t>(bits);
    pack.putOptional(claim);
    pack.putOptional(handoff);
    pack.putOptional(decision);
    pack.putText(row, 7);
    pack.putText(row, 8);
    pack.endRow();
}

void unpackEscalations(PackReader& pack, UtcSeconds hourStart,
                       const std::function<void(const EscalationOutcome&)>& visit) {
    EscalationOutcome e;
    std::uint64_t priority = 0, rootCause = 0; // each text's index, NULL first
    for (std::uint32_t i = 0; i < pack.rows(); ++i) {
        e.at = hourStart + static_cast<std::int64_t>(pack.getVarint());
        e.ticket = pack.getTicket();
        const auto bits = pack.get<std::uint8_t>();
        e.bounced = (bits & Bounced) != 0;
        e.infoRequested = (bits & InfoRequested) != 0;
        pack.getOptional((bits & HasClaim) != 0, e.claimMin);
        pack.getOptional((bits & HasHandoff) != 0, e.handoffMin);
        pack.getOptional((bits & HasDecision) != 0, e.decisionMin);
        pack.getText(e.priority, priority);
        pack.getText(e.rootCause, rootCause);
        visit(e);
    }
}

// --- Hour summaries ---------------------------------------------------------
//
// A summary: its counts as variable-length integers, its distinct texts,
// each sample's length, first value and the (never negative) steps between
// its ascending values, then the repeat-issue candidates and the running SLA
// verdicts. Made only when every duration of the hour is whole seconds (as
// the kept minutes are, seconds / 60.0); an hour with another one has no
// summary and is read from its pack.

// Whole seconds of a kept duration that a summary can hold.
std::optional<std::int32_t> summarySecondsOf(double minutes) {
    const auto seconds = wholeSecondsOf(minutes);
    if (!seconds || *seconds < std::numeric_limits<std::int32_t>::min() ||
        *seconds > std::numeric_limits<std::int32_t>::max()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(*seconds);
}

class SummaryWriter {
public:
    void putVarint(std::uint64_t value) {
        while (value >= 0x80) {
            m_bytes += static_cast<char>((value & 0x7f) | 0x80);
            value >>= 7;
        }
        m_bytes += static_cast<char>(value);
    }
    void putSigned(std::int64_t value) {
        putVarint((static_cast<std::uint64_t>(value) << 1) ^
                  static_cast<std::uint64_t>(value >> 63));
    }
    void putText(const QString& text) {
        const QByteArray bytes = text.toUtf8();
        putVarint(text.isNull() ? 0 : static_cast<std::uint64_t>(bytes.size()) + 1);
        m_bytes.append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    }
    void putSample(SecondsSample sample) {
        std::sort(sample.begin(), sample.end());
        putVarint(sample.size());
        std::int64_t last = 0;
        for (std::size_t i = 0; i < sample.size(); ++i) {
            if (i == 0) {
                putSigned(sample[i]);
            } else {
                putVarint(static_cast<std::uint64_t>(std::int64_t{sample[i]} - last));
            }
            last = sample[i];
        }
    }
    std::string take() { return std::exchange(m_bytes, std::string()); }

private:
    std::string m_bytes;
};

class SummaryReader {
public:
    explicit SummaryReader(std::string_view bytes)
        : m_at(bytes.data())
        , m_end(bytes.data() + bytes.size()) {}

    std::uint64_t getVarint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64 && m_at < m_end; shift += 7) {
            const auto byte = static_cast<std::uint8_t>(*m_at++);
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        throw store::StoreError(QStringLiteral("A kept outcome summary is damaged."));
    }
    std::int64_t getSigned() {
        const std::uint64_t value = getVarint();
        return static_cast<std::int64_t>((value >> 1) ^ (~(value & 1) + 1));
    }
    std::int64_t getCount() { return static_cast<std::int64_t>(getVarint()); }
    QString getText(store::StringPool& pool) {
        const std::uint64_t length = getVarint();
        if (length == 0) {
            return {};
        }
        if (static_cast<std::uint64_t>(m_end - m_at) < length - 1) {
            throw store::StoreError(QStringLiteral("A kept outcome summary is damaged."));
        }
        const std::string_view bytes(m_at, length - 1);
        m_at += length - 1;
        return pool.get(bytes);
    }
    void getSample(SecondsSample& sample) {
        sample.resize(getVarint());
        std::int64_t last = 0;
        for (std::size_t i = 0; i < sample.size(); ++i) {
            last = i == 0 ? getSigned() : last + static_cast<std::int64_t>(getVarint());
            sample[i] = static_cast<std::int32_t>(last);
        }
    }
    bool atEnd() const { return m_at == m_end; }

private:
    const char* m_at;
    const char* m_end;
};

// Sums the kept ticket rows of an hour as they are packed; `whole` turns
// false at the first duration that is not whole seconds.
// What both hour-summary builders share: the summary being summed, and
// whether every duration so far was whole seconds (a summary keeps whole
// seconds only; one other value and the hour is read from its pack).
template <typename Summary> class HourSummaryBuilding {
protected:
    void addDuration(std::size_t sample, std::optional<double> minutes) {
        if (!minutes) {
            return;
        }
        if (const auto seconds = summarySecondsOf(*minutes)) {
            m_summary.samples[sample].push_back(*seconds);
        } else {
            m_whole = false;
        }
    }

    // The hour's summary, or nothing when some duration was not whole
    // seconds; ready for the next hour either way.
    std::optional<Summary> takeSummary() {
        Summary summary = std::exchange(m_summary, Summary{});
        if (!std::exchange(m_whole, true)) {
            return std::nullopt;
        }
        return summary;
    }

    Summary m_summary;

private:
    bool m_whole = true;
};

class TicketSummaryBuilder : HourSummaryBuilding<TicketHourSummary> {
public:
    void add(const store::Statement& row, store::StringPool& pool) {
        TicketHourSummary& s = m_summary;
        ++s.tickets;
        const bool escalated = row.int64(2) != 0;
        const std::int64_t events = row.int64(4);
        const std::int64_t highestTier = row.int64(5);
        if (escalated) {
            ++s.escalated;
            addDuration(TimeToEscalate, row.optionalReal(3));
            s.escalationEvents += events;
            s.reescalated += events >= 2 ? 1 : 0;
            addDuration(HandleTime, row.optionalReal(10));
            const QString rootCause = pool.get(row, 12);
            const QString productArea = pool.get(row, 13);
            if (!rootCause.isEmpty() && !productArea.isEmpty()) {
                s.repeatCandidates.push_back({row.int64(0), rootCause, productArea});
            }
        }
        s.reachedTier2 += highestTier >= 2 ? 1 : 0;
        s.reachedTier3 += highestTier >= 3 ? 1 : 0;
        s.tier3Escalations += row.int64(6);
        if (!row.isNull(16)) {
            std::vector<TierStay> stays;
            appendStays(row.textView(16), stays);
            for (const TierStay& stay : stays) {
                addDuration(StayTier1 + static_cast<std::size_t>(stay.tier - 1), stay.minutes);
            }
        }
        if (const auto resolution = row.optionalReal(7)) {
            ++s.resolved;
            s.reopened += row.int64(8) != 0 ? 1 : 0;
            addDuration(escalated ? ResolutionEscalated : ResolutionNotEscalated, resolution);
            if (const auto csat = row.optionalReal(9)) {
                addDuration(escalated ? CsatEscalated : CsatNotEscalated, csat);
            }
        }
        if (!row.isNull(14)) {
            const std::int64_t settledAt = row.int64(15);
            if (settledAt == std::numeric_limits<std::int64_t>::max()) {
                s.runningSlas.push_back({row.int64(1), escalated});
            } else {
                const bool breached = row.int64(14) == 1; // StoredSla::SlaBreached
                s.settledBy = std::max(s.settledBy, settledAt);
                ++s.slaEvaluated;
                s.slaBreached += breached ? 1 : 0;
                if (escalated) {
                    ++s.slaEvaluatedEsc;
                    s.slaBreachedEsc += breached ? 1 : 0;
                }
            }
        }
    }

    // The summary's bytes, or nothing when some duration was not whole
    // seconds; ready for the next hour either way.
    std::optional<std::string> take(UtcSeconds hourStart) {
        const auto summary = takeSummary();
        if (!summary) {
            return std::nullopt;
        }
        const auto& s = *summary;
        SummaryWriter out;
        for (const std::int64_t count :
             {s.tickets, s.escalated, s.escalationEvents, s.reescalated, s.reachedTier2,
              s.reachedTier3, s.tier3Escalations, s.resolved, s.reopened, s.slaEvaluated,
              s.slaBreached, s.slaEvaluatedEsc, s.slaBreachedEsc}) {
            out.putSigned(count);
        }
        out.putSigned(s.settledBy);
        for (const SecondsSample& sample : s.samples) {
            out.putSample(sample);
        }
        out.putVarint(s.repeatCandidates.size());
        for (const auto& candidate : s.repeatCandidates) {
            out.putSigned(candidate.createdAt - hourStart);
            out.putText(candidate.rootCause);
            out.putText(candidate.productArea);
        }
        out.putVarint(s.runningSlas.size());
        for (const auto& running : s.runningSlas) {
            out.putSigned(running.ticket);
            out.putVarint(running.escalated ? 1 : 0);
        }
        return out.take();
    }
};

void readTicketSummary(std::string_view bytes, UtcSeconds hourStart, store::StringPool& pool,
                       TicketHourSummary& s) {
    SummaryReader in(bytes);
    for (std::int64_t* count :
         {&s.tickets, &s.escalated, &s.escalationEvents, &s.reescalated, &s.reachedTier2,
          &s.reachedTier3, &s.tier3Escalations, &s.resolved, &s.reopened, &s.slaEvaluated,
          &s.slaBreached, &s.slaEvaluatedEsc, &s.slaBreachedEsc}) {
        *count = in.getSigned();
    }
    s.settledBy = in.getSigned();
    for (SecondsSample& sample : s.samples) {
        in.getSample(sample);
    }
    s.repeatCandidates.resize(static_cast<std::size_t>(in.getCount()));
    for (auto& candidate : s.repeatCandidates) {
        candidate.createdAt = hourStart + in.getSigned();
        candidate.rootCause = in.getText(pool);
        candidate.productArea = in.getText(pool);
    }
    s.runningSlas.resize(static_cast<std::size_t>(in.getCount()));
    for (auto& running : s.runningSlas) {
        running.ticket = in.getSigned();
        running.escalated = in.getVarint() != 0;
    }
    s.repeats = 0;
    if (!in.atEnd()) {
        throw store::StoreError(QStringLiteral("A kept outcome summary is damaged."));
    }
}

class EscalationSummaryBuilder : HourSummaryBuilding<EscalationHourSummary> {
public:
    void add(const store::Statement& row, store::StringPool& pool) {
        EscalationHourSummary& s = m_summary;
        ++s.counted;
        const std::optional<double> claim = row.optionalReal(2);
        const std::optional<double> decision = row.optionalReal(4);
        s.unclaimed += claim ? 0 : 1;
        addDuration(Claim, claim);
        addDuration(Handoff, row.optionalReal(3));
        addDuration(Decision, decision);
        s.bounced += row.int64(5) != 0 ? 1 : 0;
        s.infoRequested += row.int64(6) != 0 ? 1 : 0;
        if (pool.get(row, 7).compare(QLatin1String("Critical"), Qt::CaseInsensitive) == 0) {
            ++s.critical;
            s.criticalWithin30m += decision && *decision <= 30.0 ? 1 : 0;
        }
        const QString rootCause = pool.get(row, 8);
        const auto found =
            std::find_if(s.byRootCause.begin(), s.byRootCause.end(),
                         [&](const auto& entry) { return entry.first == rootCause; });
        if (found == s.byRootCause.end()) {
            s.byRootCause.emplace_back(rootCause, 1);
        } else {
            ++found->second;
        }
    }

    std::optional<std::string> take() {
        const auto summary = takeSummary();
        if (!summary) {
            return std::nullopt;
        }
        const auto& s = *summary;
        SummaryWriter out;
        for (const std::int64_t count : {s.counted, s.unclaimed, s.bounced, s.infoRequested,
                                         s.critical, s.criticalWithin30m}) {
            out.putSigned(count);
        }
        for (const SecondsSample& sample : s.samples) {
            out.putSample(sample);
        }
        out.putVarint(s.byRootCause.size());
        for (const auto& [rootCause, count] : s.byRootCause) {
            out.putText(rootCause);
            out.putSigned(count);
        }
        return out.take();
    }
};

void readEscalationSummary(std::string_view bytes, store::StringPool& pool,
                           EscalationHourSummary& s) {
    SummaryReader in(bytes);
    for (std::int64_t* count : {&s.counted, &s.unclaimed, &s.bounced, &s.infoRequested, &s.critical,
                                &s.criticalWithin30m}) {
        *count = in.getSigned();
    }
    for (SecondsSample& sample : s.samples) {
        in.getSample(sample);
    }
    s.byRootCause.resize(static_cast<std::size_t>(in.getCount()));
    for (auto& [rootCause, count] : s.byRootCause) {
        rootCause = in.getText(pool);
        count = in.getSigned();
    }
    if (!in.atEnd()) {
        throw store::StoreError(QStringLiteral("A kept outcome summary is damaged."));
    }
}

// Builds the summaries of one kind of pack: each hour's is taken when its
// pack is.
class SummaryBuilder {
public:
    explicit SummaryBuilder(PackKind kind)
        : m_kind(kind) {}
    void add(const store::Statement& row) {
        if (m_kind == TicketPack) {
            m_tickets.add(row, m_pool);
        } else {
            m_escalations.add(row, m_pool);
        }
    }
    std::optional<std::string> take(UtcSeconds hourStart) {
        return m_kind == TicketPack ? m_tickets.take(hourStart) : m_escalations.take();
    }

private:
    PackKind m_kind;
    store::StringPool m_pool;
    TicketSummaryBuilder m_tickets;
    EscalationSummaryBuilder m_escalations;
};

// What differs between the two kinds of pack.
struct PackSource {
    PackKind kind;
    const char* rowsSql; // the rows of [?1, ?2), in key order; column 0 the instant
    const char* boundsSql;
    void (*packRow)(const store::Statement&, PackWriter&, UtcSeconds hourStart);
};

const PackSource ticketSource{
    TicketPack,
    "SELECT created_at, ticket, escalated, time_to_escalate_min, escalation_events, "
    "highest_tier, tier3_escalations, resolution_min, reopened, csat, handle_time_min, "
    "priority, root_cause, product_area, sla, sla_settled_at, stays FROM ticket_outcomes "
    "WHERE created_at >= ?1 AND created_at < ?2",
    "SELECT (SELECT min(created_at) FROM ticket_outcomes), "
    "(SELECT max(created_at) FROM ticket_outcomes)",
    packTicketRow};

const PackSource escalationSource{
    EscalationPack,
    "SELECT at, ticket, claim_min, handoff_min, decision_min, bounced, info_requested, "
    "priority, root_cause FROM escalation_outcomes WHERE at >= ?1 AND at < ?2",
    "SELECT (SELECT min(at) FROM escalation_outcomes), (SELECT max(at) FROM escalation_outcomes)",
    packEscalationRow};

// The hours of the span that can hold rows: from the first kept row's hour
// to the last's. Hours outside need no pack.
HourSpan withRows(store::Database& db, const PackSource& source, HourSpan span) {
    store::Statement bounds = db.prepare(source.boundsSql);
    if (!bounds.step() || bounds.isNull(0)) {
        return HourSpan{};
    }
    span.first = std::max(span.first, std::max<std::int64_t>(bounds.int64(0), 0) / 3600);
    span.end = std::min(span.end, std::max<std::int64_t>(bounds.int64(1), 0) / 3600 + 1);
    return span;
}

std::int64_t packsIn(store::Database& db, PackKind kind, const HourSpan& span) {
    store::Statement count = db.prepare(
        "SELECT count(*) FROM outcome_packs WHERE kind = ?1 AND hour >= ?2 AND hour < ?3");
    count.bindAll(static_cast<int>(kind), span.first, span.end);
    count.step();
    return count.int64(0);
}

bool packsMissingOf(store::Database& db, const PackSource& source, const Window& window) {
    const HourSpan span = withRows(db, source, wholeHoursOf(window));
    return !span.empty() && packsIn(db, source.kind, span) != span.end - span.first;
}

// The runs of consecutive hours of the span without a pack.
std::vector<HourSpan> unpackedRuns(store::Database& db, PackKind kind, const HourSpan& span) {
    store::Statement packed =
        db.prepare("SELECT hour FROM outcome_packs "
                   "WHERE kind = ?1 AND hour >= ?2 AND hour < ?3 ORDER BY hour");
    packed.bindAll(static_cast<int>(kind), span.first, span.end);
    return missingHourRuns(span, packed);
}

// Packs every hour of the run from its rows, empty hours too, each with its
// summary when it can have one (else any summary it had goes).
void packRun(store::Database& db, const PackSource& source, const HourSpan& run) {
    store::Statement insert = db.prepare("INSERT OR REPLACE INTO outcome_packs (kind, hour, pack) "
                                         "VALUES (?1, ?2, CAST(?3 AS BLOB))");
    store::Statement forgetSummary =
        db.prepare("DELETE FROM outcome_packs WHERE kind = ?1 AND hour = ?2");
    const int summaryKind = summaryKindOf(source.kind);
    PackWriter pack;
    SummaryBuilder summary(source.kind);
    std::int64_t hour = run.first; // the hour being packed
    const auto keepUpTo = [&](std::int64_t end) {
        for (; hour < end; ++hour) {
            const std::string bytes = pack.take();
            insert.bindAll(static_cast<int>(source.kind), hour);
            insert.bind(3, std::string_view(bytes));
            insert.run();
            if (const auto summed = summary.take(hour * secondsPerHour)) {
                insert.bindAll(summaryKind, hour);
                insert.bind(3, std::string_view(*summed));
                insert.run();
            } else {
                forgetSummary.bindAll(summaryKind, hour);
                forgetSummary.run();
            }
        }
    };
    store::Statement row = db.prepare(source.rowsSql);
    row.bindAll(run.from(), run.to());
    while (row.step()) {
        keepUpTo(row.int64(0) / secondsPerHour);
        source.packRow(row, pack, hour * secondsPerHour);
        summary.add(row);
    }
    keepUpTo(run.end);
}

void keepMissingPacksOf(store::Database& db, const PackSource& source, const Window& window) {
    const HourSpan span = withRows(db, source, wholeHoursOf(window));
    if (span.empty()) {
        return;
    }
    for (const HourSpan& run : unpackedRuns(db, source.kind, span)) {
        packRun(db, source, run);
    }
}

// Reads the window by hours: the parts outside its whole hours and the
// hours without a pack from the rows, the others from their packs, in
// order.
template <typename ReadRows, typename Unpack>
void readByHours(store::Database& db, PackKind kind, const Window& window, ReadRows readRows,
                 Unpack unpack) {
    const HourSpan span = wholeHoursOf(window);
    if (span.empty() || !packsOfThisFormat(db)) {
        readRows(window.from, window.to);
        return;
    }
    readRows(window.from, span.from());
    store::Statement packs =
        db.prepare("SELECT hour, pack FROM outcome_packs "
                   "WHERE kind = ?1 AND hour >= ?2 AND hour < ?3 ORDER BY hour");
    packs.bindAll(static_cast<int>(kind), span.first, span.end);
    std::int64_t next = span.first; // the first hour not read yet
    while (packs.step()) {
        const std::int64_t hour = packs.int64(0);
        readRows(next * secondsPerHour, hour * secondsPerHour);
        unpack(packs.textView(1), hour * secondsPerHour);
        next = hour + 1;
    }
    readRows(next * secondsPerHour, window.to);
}

// readByHours, but an hour whose summary is kept beside its pack is first
// offered to `summed` (with the summary's bytes), and its pack read only
// when that declines it. Returns whether every whole hour of the window that
// can hold rows had its pack (else packsMissing would say so).
template <typename ReadRows, typename Unpack, typename Summed>
bool readByHoursOrSummaries(store::Database& db, const PackSource& source, const Window& window,
                            ReadRows readRows, Unpack unpack, Summed summed) {
    const HourSpan span = wholeHoursOf(window);
    if (span.empty()) {
        readRows(window.from, window.to);
        return true;
    }
    if (!packsOfThisFormat(db)) {
        readRows(window.from, window.to);
        return false;
    }
    const HourSpan withKeptRows = withRows(db, source, span);
    std::int64_t packed = 0; // hours of withKeptRows with a pack
    readRows(window.from, span.from());
    // The packs' own bytes are not read here: only their hours.
    store::Statement hours =
        db.prepare("SELECT p.hour, s.pack FROM outcome_packs p "
                   "LEFT JOIN outcome_packs s ON s.kind = ?4 AND s.hour = p.hour "
                   "WHERE p.kind = ?1 AND p.hour >= ?2 AND p.hour < ?3 ORDER BY p.hour");
    const int kind = static_cast<int>(source.kind);
    hours.bindAll(kind, span.first, span.end, summaryKindOf(source.kind));
    store::Statement pack =
        db.prepare("SELECT pack FROM outcome_packs WHERE kind = ?1 AND hour = ?2");
    std::int64_t next = span.first; // the first hour not read yet
    while (hours.step()) {
        const std::int64_t hour = hours.int64(0);
        readRows(next * secondsPerHour, hour * secondsPerHour);
        if (hours.isNull(1) || !summed(hour, hours.textView(1))) {
            pack.reset();
            pack.bindAll(kind, hour);
            if (pack.step()) {
                unpack(pack.textView(0), hour * secondsPerHour);
            }
        }
        packed += hour >= withKeptRows.first && hour < withKeptRows.end ? 1 : 0;
        next = hour + 1;
    }
    readRows(next * secondsPerHour, window.to);
    return withKeptRows.empty() || packed == withKeptRows.end - withKeptRows.first;
}

} // namespace

bool forEachKeptTicketOrHour(store::Database& db, const Window& window,
                             const std::function<bool(std::int64_t hour)>& takesHour,
                             const std::function<bool(TicketHourSummary&)>& summed,
                             const std::function<void(KeptTicket&)>& visit) {
    store::StringPool pool;
    TicketHourSummary summary; // one, reused
    return readByHoursOrSummaries(
        db, ticketSource, window,
        [&](UtcSeconds from, UtcSeconds to) { readTicketRows(db, from, to, pool, visit); },
        [&](std::string_view bytes, UtcSeconds hourStart) {
            PackReader pack(bytes, pool);
            unpackTickets(pack, hourStart, visit);
        },
        [&](std::int64_t hour, std::string_view bytes) {
            if (!takesHour(hour)) {
                return false;
            }
            readTicketSummary(bytes, hour * secondsPerHour, pool, summary);
            summary.hour = hour;
            return summed(summary);
        });
}

bool forEachKeptEscalationOrHour(store::Database& db, const Window& window,
                                 const std::function<bool(std::int64_t hour)>& takesHour,
                                 const std::function<void(const EscalationHourSummary&)>& summed,
                                 const std::function<void(const EscalationOutcome&)>& visit) {
    store::StringPool pool;
    EscalationHourSummary summary; // one, reused
    return readByHoursOrSummaries(
        db, escalationSource, window,
        [&](UtcSeconds from, UtcSeconds to) { readEscalationRows(db, from, to, pool, visit); },
        [&](std::string_view bytes, UtcSeconds hourStart) {
            PackReader pack(bytes, pool);
            unpackEscalations(pack, hourStart, visit);
        },
        [&](std::int64_t hour, std::string_view bytes) {
            if (!takesHour(hour)) {
                return false;
            }
            readEscalationSummary(bytes, pool, summary);
            summary.hour = hour;
            summed(summary);
            return true;
        });
}

void forEachKeptTicket(store::Database& db, const Window& window,
                       const std::function<void(KeptTicket&)>& visit) {
    store::StringPool pool;
    readByHours(
        db, TicketPack, window,
        [&](UtcSeconds from, UtcSeconds to) { readTicketRows(db, from, to, pool, visit); },
        [&](std::string_view bytes, UtcSeconds hourStart) {
            PackReader pack(bytes, pool);
            unpackTickets(pack, hourStart, visit);
        });
}

void forEachKeptEscalation(store::Database& db, const Window& window,
                           const std::function<void(const EscalationOutcome&)>& visit) {
    store::StringPool pool;
    readByHours(
        db, EscalationPack, window,
        [&](UtcSeconds from, UtcSeconds to) { readEscalationRows(db, from, to, pool, visit); },
        [&](std::string_view bytes, UtcSeconds hourStart) {
            PackReader pack(bytes, pool);
            unpackEscalations(pack, hourStart, visit);
        });
}

void forgetPacksOf(store::Database& db, const TouchedHours& hours) {
    store::Statement forget = db.prepare("DELETE FROM outcome_packs WHERE kind = ?1 AND hour = ?2");
    for (const auto& [kind, set] :
         {std::pair{TicketPack, &hours.tickets}, std::pair{EscalationPack, &hours.escalations},
          std::pair{TicketSummary, &hours.tickets},
          std::pair{EscalationSummary, &hours.escalations}}) {
        for (const std::int64_t hour : *set) {
            forget.bindAll(static_cast<int>(kind), hour);
            forget.run();
        }
    }
}

void forgetAllPacks(store::Database& db) {
    db.exec("DELETE FROM outcome_packs");
}

void keepMissingPacks(store::Database& db, const Window& window) {
    store::Transaction write(db, store::Transaction::Kind::Immediate);
    forgetPacksOfOtherFormats(db);
    keepMissingPacksOf(db, ticketSource, window);
    keepMissingPacksOf(db, escalationSource, window);
    write.commit();
}

bool packsMissing(store::Database& db, const Window& window) {
    return !packsOfThisFormat(db) || packsMissingOf(db, ticketSource, window) ||
           packsMissingOf(db, escalationSource, window);
}

} // namespace escdesk::metrics

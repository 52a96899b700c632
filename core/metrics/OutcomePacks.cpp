#include "metrics/OutcomePacks.h"

#include "metrics/HourSpan.h"
#include "store/StringPool.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace escdesk::metrics {

namespace {

// Bumped whenever the layout of a pack changes: packs of another layout
// are read from their rows until packed again.
constexpr int packFormat = 1;
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

// outcome_packs.kind
enum PackKind : int { TicketPack = 0, EscalationPack = 1 };

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

// Packs every hour of the run from its rows, empty hours too.
void packRun(store::Database& db, const PackSource& source, const HourSpan& run) {
    store::Statement insert = db.prepare("INSERT OR REPLACE INTO outcome_packs (kind, hour, pack) "
                                         "VALUES (?1, ?2, CAST(?3 AS BLOB))");
    PackWriter pack;
    std::int64_t hour = run.first; // the hour being packed
    const auto keepUpTo = [&](std::int64_t end) {
        for (; hour < end; ++hour) {
            const std::string bytes = pack.take();
            insert.bindAll(static_cast<int>(source.kind), hour);
            insert.bind(3, std::string_view(bytes));
            insert.run();
        }
    };
    store::Statement row = db.prepare(source.rowsSql);
    row.bindAll(run.from(), run.to());
    while (row.step()) {
        keepUpTo(row.int64(0) / secondsPerHour);
        source.packRow(row, pack, hour * secondsPerHour);
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

} // namespace

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
         {std::pair{TicketPack, &hours.tickets}, std::pair{EscalationPack, &hours.escalations}}) {
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

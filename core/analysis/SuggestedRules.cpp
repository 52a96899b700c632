#include "analysis/SuggestedRules.h"

#include "analysis/TextFeatureStore.h"
#include "matrix/SeverityRules.h"
#include "matrix/TicketAssessment.h"
#include "metrics/FactsLoader.h"
#include "risk/OpenAsOf.h"
#include "store/StringPool.h"
#include "text/Words.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace escdesk::analysis {

namespace {

// The ticket fields a suggestion tests besides the subject's words: what a
// ticket says when it is created (not its status, tier or SLA share, which
// follow from what happens to it).
enum Field : int { Priority, AccountTier, Segment, ProductArea, Channel, fieldCount };
constexpr std::array<const char*, fieldCount> fieldNames{
    "priority", "account_tier", "account_segment", "product_area", "channel"};
constexpr std::array<const char*, fieldCount> fieldWords{"priority", "customer tier", "segment",
                                                         "product area", "channel"};
constexpr const char* subjectField = "subject";
constexpr int keywordField = fieldCount; // the field of a subject-word condition

// Candidates paired with each other: the best single conditions of the
// training months, so the pairs stay a few thousand on any workspace.
constexpr std::size_t maxSingleConditions = 120;
// Tiers counted for the target tier: 2, 3 and 4 (Management).
constexpr int highestTier = 4;

struct HistoryTicket {
    std::int64_t row = 0;
    UtcSeconds createdAt = 0;
    std::array<int, fieldCount> values{-1, -1, -1, -1, -1}; // codes; −1 blank
    int subject = -1;                                       // code into History::subjectStems
    bool escalated = false;
    int tier = 1; // the highest tier it reached
    bool heldOut = false;
};

// Every ticket whose outcome is known, with its fields interned as codes.
struct History {
    std::vector<HistoryTicket> tickets;
    std::array<std::vector<QString>, fieldCount> values; // as the condition writes them
    std::vector<std::vector<int>> subjectStems;          // distinct stems of each subject
    std::vector<QString> stemWords;                      // the word written for each stem
};

class HistoryReader {
public:
    explicit HistoryReader(History& history)
        : m_history(history) {}

    int valueCode(int field, std::string_view raw) {
        auto& codes = m_rawCodes[field];
        const auto found = codes.find(raw);
        if (found != codes.end()) {
            return found->second;
        }
        QString shown = QString::fromUtf8(raw).trimmed();
        if (field == AccountTier) {
            shown = matrix::canonicalCustomerTier(shown); // as the rules engine reads it
        }
        int code = -1;
        if (!shown.isEmpty()) {
            // Equals compares case-insensitively: one code per spelling.
            const auto [known, added] = m_shownCodes[field].emplace(
                shown.toLower(), static_cast<int>(m_history.values[field].size()));
            if (added) {
                m_history.values[field].push_back(shown);
            }
            code = known->second;
        }
        codes.emplace(std::string(raw), code);
        return code;
    }

    int subjectCode(std::string_view raw) {
        const auto found = m_subjects.find(raw);
        if (found != m_subjects.end()) {
            return found->second;
        }
        const int code = static_cast<int>(m_history.subjectStems.size());
        m_subjects.emplace(std::string(raw), code);
        std::vector<int> stems;
        for (const QString& word : text::lowerWords(QString::fromUtf8(raw))) {
            if (isTermWord(word)) {
                stems.push_back(stemCode(word));
            }
        }
        std::sort(stems.begin(), stems.end());
        stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
        m_history.subjectStems.push_back(std::move(stems));
        return code;
    }

    // Each stem is written as its most frequent word among distinct
    // subjects (ties: the first in alphabetical order); any of them has that
    // stem alone, so `subject contains_word WORD` matches exactly the
    // subjects with the stem.
    void chooseStemWords() {
        m_history.stemWords.assign(m_stemCodes.size(), QString());
        std::vector<int> best(m_stemCodes.size(), 0);
        for (const auto& [key, count] : m_wordCounts) {
            const auto& [stem, word] = key;
            if (count > best[stem]) {
                best[stem] = count;
                m_history.stemWords[stem] = word;
            }
        }
    }

private:
    int stemCode(const QString& word) {
        const QString stem = text::stemWord(word);
        const auto [found, added] = m_stemCodes.emplace(stem, static_cast<int>(m_stemCodes.size()));
        ++m_wordCounts[{found->second, word}];
        return found->second;
    }

    History& m_history;
    std::array<std::unordered_map<std::string, int, store::BytesHash, std::equal_to<>>, fieldCount>
        m_rawCodes;
    std::array<std::unordered_map<QString, int>, fieldCount> m_shownCodes;
    std::unordered_map<std::string, int, store::BytesHash, std::equal_to<>> m_subjects;
    std::unordered_map<QString, int> m_stemCodes;
    std::map<std::pair<int, QString>, int> m_wordCounts; // ordered: ties go to the first word
};

// The customer tier and segment codes of each account, by account id.
using AccountCodes =
    std::unordered_map<std::string, std::pair<int, int>, store::BytesHash, std::equal_to<>>;

AccountCodes readAccounts(store::Database& db, HistoryReader& reader) {
    AccountCodes accounts;
    store::Statement query = db.prepare("SELECT account_id, tier, segment FROM accounts");
    while (query.step()) {
        accounts.emplace(std::string(query.textView(0)),
                         std::pair(reader.valueCode(AccountTier, query.textView(1)),
                                   reader.valueCode(Segment, query.textView(2))));
    }
    return accounts;
}

// Reads the tickets, their accounts and their escalation events in three
// scans instead of one join: the join looks an account and an event group up
// per ticket, which costs more than the scans together.
History readHistory(store::Database& db) {
    const bool hasEventLog = metrics::workspaceHasEventLog(db);
    History history;
    HistoryReader reader(history);
    const AccountCodes accounts = readAccounts(db, reader);
    // The highest tier each escalated ticket reached, in ticket order.
    store::Statement reached =
        db.prepare("SELECT ticket, max(coalesce(to_tier, from_tier + 1, 2)) FROM ticket_events "
                   "WHERE event = 'escalated' GROUP BY ticket ORDER BY ticket");
    bool moreReached = hasEventLog && reached.step();
    store::Statement query =
        db.prepare("SELECT id, created_at, priority, product_area, channel, subject, "
                   "resolved_at IS NULL AND closed_at IS NULL, status, escalated, tier, "
                   "account_id FROM tickets ORDER BY id");
    while (query.step()) {
        HistoryTicket ticket;
        ticket.row = query.int64(0);
        ticket.createdAt = query.int64(1);
        ticket.values[Priority] = reader.valueCode(Priority, query.textView(2));
        ticket.values[ProductArea] = reader.valueCode(ProductArea, query.textView(3));
        ticket.values[Channel] = reader.valueCode(Channel, query.textView(4));
        if (const auto account = accounts.find(query.textView(10)); account != accounts.end()) {
            ticket.values[AccountTier] = account->second.first;
            ticket.values[Segment] = account->second.second;
        }
        // SPEC §7: an `escalated` event, or without an event log the ticket's flag.
        if (hasEventLog) {
            while (moreReached && reached.int64(0) < ticket.row) {
                moreReached = reached.step();
            }
            ticket.escalated = moreReached && reached.int64(0) == ticket.row;
            ticket.tier = ticket.escalated ? static_cast<int>(reached.int64(1)) : 1;
        } else {
            ticket.escalated = query.int64(8) != 0;
            ticket.tier = static_cast<int>(query.optionalInt64(9).value_or(2));
        }
        const bool open = query.int64(6) != 0 && !risk::isClosedStatus(query.text(7));
        if (open && !ticket.escalated) {
            continue; // its outcome is not known yet
        }
        ticket.subject = reader.subjectCode(query.textView(5));
        history.tickets.push_back(ticket);
    }
    reader.chooseStemWords();
    return history;
}

// The start of the first held-out month: `months` months back from the
// month of the latest ticket, in the reporting zone.
QDate firstHeldOutMonth(UtcSeconds latest, int months, const QTimeZone& zone) {
    const QDate last = QDateTime::fromSecsSinceEpoch(latest, zone).date();
    return QDate(last.year(), last.month(), 1).addMonths(-(months - 1));
}

// One condition a candidate may hold: a field's value, or a subject word.
struct Item {
    int field = 0; // Field, or keywordField
    int code = 0;  // value or stem code
};

bool holds(const History& history, const HistoryTicket& ticket, const Item& item) {
    if (item.field == keywordField) {
        const std::vector<int>& stems = history.subjectStems[ticket.subject];
        return std::binary_search(stems.begin(), stems.end(), item.code);
    }
    return ticket.values[item.field] == item.code;
}

matrix::Condition conditionOf(const History& history, const Item& item) {
    if (item.field == keywordField) {
        return {QLatin1String(subjectField), matrix::ConditionOperator::ContainsWord,
                history.stemWords[item.code]};
    }
    return {QLatin1String(fieldNames[item.field]), matrix::ConditionOperator::Equals,
            history.values[item.field][item.code]};
}

QString conditionWords(const History& history, const Item& item) {
    if (item.field == keywordField) {
        QString words = QStringLiteral("subject mentions “");
        words += history.stemWords[item.code];
        words += QStringLiteral("”");
        return words;
    }
    QString words = QLatin1String(fieldWords[item.field]);
    words += QStringLiteral(" is ");
    words += history.values[item.field][item.code];
    return words;
}

// Counts of every single condition and pair, per part of the history:
// index i * n + j (i ≤ j; i == j for a single condition).
struct PairCounts {
    explicit PairCounts(std::size_t items)
        : n(items)
        , matched{std::vector<std::int64_t>(n * n), std::vector<std::int64_t>(n * n)}
        , hits{std::vector<std::int64_t>(n * n), std::vector<std::int64_t>(n * n)}
        , tiers(n * n * (highestTier + 1))
        , priorities(n * n * matrix::priorities.size()) {}
    std::size_t n;
    std::array<std::vector<std::int64_t>, 2> matched; // [0] training, [1] held out
    std::array<std::vector<std::int64_t>, 2> hits;
    std::vector<std::int64_t> tiers;      // training hits by tier reached
    std::vector<std::int64_t> priorities; // training hits by priority (matrix::priorities)
};

struct Candidate {
    std::vector<Item> items;
    std::size_t index = 0; // into PairCounts
    QString name;
    RuleFigures training;
};

class Suggester {
public:
    Suggester(store::Database& db, const matrix::Matrix& published, const QTimeZone& zone,
              History history, UtcSeconds heldOutStart, const SuggestionOptions& options)
        : m_published(published)
        , m_zone(zone)
        , m_history(std::move(history))
        , m_options(options)
        , m_contexts(db) {
        for (HistoryTicket& ticket : m_history.tickets) {
            ticket.heldOut = ticket.createdAt >= heldOutStart;
            const int part = ticket.heldOut ? 1 : 0;
            ++m_tickets[part];
            m_escalated[part] += ticket.escalated ? 1 : 0;
        }
    }

    std::int64_t tickets(int part) const { return m_tickets[part]; }
    std::int64_t escalated(int part) const { return m_escalated[part]; }

    void suggest(RuleSuggestions& out) {
        chooseSingleConditions();
        countPairs();
        std::vector<Candidate> candidates = fittedCandidates();
        out.candidates = static_cast<std::int64_t>(candidates.size());
        for (const Candidate& candidate : candidates) {
            if (static_cast<int>(out.rules.size()) >= m_options.limit) {
                break;
            }
            SuggestedRule suggestion = measured(candidate);
            if (suggestion.overlapChecked > 0 && suggestion.overlap >= m_options.maxOverlap) {
                out.droppedCovered.push_back(std::move(suggestion));
            } else {
                out.rules.push_back(std::move(suggestion));
            }
        }
    }

private:
    double trainingRate() const {
        return m_tickets[0] > 0 ? double(m_escalated[0]) / double(m_tickets[0]) : 0.0;
    }

    // Single conditions with enough training tickets that escalate more
    // often than the training months do, best F1 first.
    void chooseSingleConditions() {
        // Counted per field value and per stem (codes are dense).
        std::array<std::vector<RuleFigures>, fieldCount + 1> singles;
        for (int field = 0; field < fieldCount; ++field) {
            singles[field].resize(m_history.values[field].size());
        }
        singles[keywordField].resize(m_history.stemWords.size());
        for (const HistoryTicket& ticket : m_history.tickets) {
            if (ticket.heldOut) {
                continue;
            }
            auto count = [&](int field, int code) {
                RuleFigures& figures = singles[field][code];
                ++figures.matched;
                figures.hits += ticket.escalated ? 1 : 0;
            };
            for (int field = 0; field < fieldCount; ++field) {
                if (ticket.values[field] >= 0) {
                    count(field, ticket.values[field]);
                }
            }
            for (int stem : m_history.subjectStems[ticket.subject]) {
                count(keywordField, stem);
            }
        }
        std::vector<std::pair<RuleFigures, Item>> kept;
        for (int field = 0; field <= fieldCount; ++field) {
            for (std::size_t code = 0; code < singles[field].size(); ++code) {
                RuleFigures figures = singles[field][code];
                figures.escalated = m_escalated[0];
                if (figures.matched >= m_options.minSupport &&
                    figures.precision() > trainingRate()) {
                    kept.push_back({figures, Item{field, static_cast<int>(code)}});
                }
            }
        }
        std::sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
            if (a.first.f1() != b.first.f1()) {
                return a.first.f1() > b.first.f1();
            }
            return conditionWords(m_history, a.second) < conditionWords(m_history, b.second);
        });
        kept.resize(std::min(kept.size(), maxSingleConditions));
        m_itemOfValue.fill({});
        for (int field = 0; field < fieldCount; ++field) {
            m_itemOfValue[field].assign(m_history.values[field].size(), -1);
        }
        m_itemOfStem.assign(m_history.stemWords.size(), -1);
        for (const auto& [figures, item] : kept) {
            const int index = static_cast<int>(m_items.size());
            (item.field == keywordField ? m_itemOfStem[item.code]
                                        : m_itemOfValue[item.field][item.code]) = index;
            m_items.push_back(item);
        }
    }

    void countPairs() {
        m_counts = std::make_unique<PairCounts>(m_items.size());
        PairCounts& counts = *m_counts;
        const std::size_t n = counts.n;
        std::vector<int> present;
        for (const HistoryTicket& ticket : m_history.tickets) {
            present.clear();
            for (int field = 0; field < fieldCount; ++field) {
                if (ticket.values[field] >= 0 && m_itemOfValue[field][ticket.values[field]] >= 0) {
                    present.push_back(m_itemOfValue[field][ticket.values[field]]);
                }
            }
            for (int stem : m_history.subjectStems[ticket.subject]) {
                if (m_itemOfStem[stem] >= 0) {
                    present.push_back(m_itemOfStem[stem]);
                }
            }
            std::sort(present.begin(), present.end());
            const int part = ticket.heldOut ? 1 : 0;
            const int priority = priorityIndex(ticket);
            for (std::size_t a = 0; a < present.size(); ++a) {
                for (std::size_t b = a; b < present.size(); ++b) {
                    const std::size_t index = std::size_t(present[a]) * n + std::size_t(present[b]);
                    ++counts.matched[part][index];
                    if (!ticket.escalated) {
                        continue;
                    }
                    ++counts.hits[part][index];
                    if (part == 0) {
                        ++counts.tiers[index * (highestTier + 1) +
                                       std::size_t(std::clamp(ticket.tier, 0, highestTier))];
                        if (priority >= 0) {
                            ++counts.priorities[index * matrix::priorities.size() +
                                                std::size_t(priority)];
                        }
                    }
                }
            }
        }
    }

    int priorityIndex(const HistoryTicket& ticket) const {
        if (ticket.values[Priority] < 0) {
            return -1;
        }
        return static_cast<int>(matrix::priorities.indexOf(
            matrix::canonicalPriority(m_history.values[Priority][ticket.values[Priority]])));
    }

    RuleFigures figures(std::size_t index, int part) const {
        return {m_counts->matched[part][index], m_counts->hits[part][index], m_escalated[part]};
    }

    // The candidates that pass the training fit, ranked by training F1
    // (ties by name).
    std::vector<Candidate> fittedCandidates() const {
        const std::size_t n = m_items.size();
        std::vector<Candidate> candidates;
        for (std::size_t i = 0; i < n; ++i) {
            const RuleFigures single = figures(i * n + i, 0);
            candidates.push_back({{m_items[i]}, i * n + i, {}, single});
            for (std::size_t j = i + 1; j < n; ++j) {
                const bool sameField = m_items[i].field == m_items[j].field;
                if (sameField && m_items[i].field != keywordField) {
                    continue; // one field has one value
                }
                const RuleFigures pair = figures(i * n + j, 0);
                // A pair earns its place by being more precise than both halves.
                if (pair.matched >= m_options.minSupport && pair.precision() > single.precision() &&
                    pair.precision() > figures(j * n + j, 0).precision()) {
                    std::vector<Item> items{m_items[i], m_items[j]};
                    if (items[1].field < items[0].field) {
                        std::swap(items[0], items[1]); // fields in a stable order
                    }
                    candidates.push_back({items, i * n + j, {}, pair});
                }
            }
        }
        for (Candidate& candidate : candidates) {
            QStringList words;
            for (const Item& item : candidate.items) {
                words.append(conditionWords(m_history, item));
            }
            candidate.name = words.join(QStringLiteral(" and "));
            candidate.name[0] = candidate.name[0].toUpper();
        }
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            if (a.training.f1() != b.training.f1()) {
                return a.training.f1() > b.training.f1();
            }
            return a.name < b.name;
        });
        return candidates;
    }

    SuggestedRule measured(const Candidate& candidate) {
        SuggestedRule suggestion;
        suggestion.training = candidate.training;
        suggestion.heldOut = figures(candidate.index, 1);
        matrix::SeverityRule& rule = suggestion.rule;
        rule.name = candidate.name;
        for (const Item& item : candidate.items) {
            rule.conditions.push_back(conditionOf(m_history, item));
        }
        rule.targetTier = mostCommonTier(candidate.index);
        rule.priority = mostCommonPriority(candidate.index);
        rule.action = QStringLiteral("Escalate to %1: tickets like this escalated in the past")
                          .arg(tierName(rule.targetTier));
        for (const HistoryTicket& ticket : m_history.tickets) {
            if (ticket.heldOut &&
                std::all_of(candidate.items.begin(), candidate.items.end(),
                            [&](const Item& item) { return holds(m_history, ticket, item); })) {
                suggestion.heldOutRows.push_back(ticket.row);
            }
        }
        measureOverlap(suggestion);
        return suggestion;
    }

    int mostCommonTier(std::size_t index) const {
        int best = 2;
        std::int64_t bestCount = 0;
        for (int tier = 2; tier <= highestTier; ++tier) { // ties: the lower tier
            const std::int64_t count = m_counts->tiers[index * (highestTier + 1) + tier];
            if (count > bestCount) {
                best = tier;
                bestCount = count;
            }
        }
        return best;
    }

    QString mostCommonPriority(std::size_t index) const {
        const std::size_t count = matrix::priorities.size();
        QString best = QStringLiteral("High");
        std::int64_t bestCount = 0;
        for (std::size_t p = 0; p < count; ++p) { // ties: the more urgent
            if (m_counts->priorities[index * count + p] > bestCount) {
                best = matrix::priorities[static_cast<qsizetype>(p)];
                bestCount = m_counts->priorities[index * count + p];
            }
        }
        return best;
    }

    QString tierName(int level) const {
        for (const matrix::TierDefinition& tier : m_published.tiers) {
            if (tier.level == level && !tier.name.isEmpty()) {
                return tier.name;
            }
        }
        return QStringLiteral("Tier %1").arg(level);
    }

    // Runs the published rules on up to overlapSample of the held-out
    // tickets, spread evenly over them.
    void measureOverlap(SuggestedRule& suggestion) {
        const std::size_t total = suggestion.heldOutRows.size();
        const std::size_t sample = std::min(total, std::size_t(m_options.overlapSample));
        std::int64_t covered = 0;
        for (std::size_t k = 0; k < sample; ++k) {
            const std::int64_t row = suggestion.heldOutRows[k * total / sample];
            const std::optional<int> tier = publishedTier(row);
            covered += tier && *tier >= suggestion.rule.targetTier ? 1 : 0;
        }
        suggestion.overlapChecked = static_cast<std::int64_t>(sample);
        suggestion.overlap = sample > 0 ? double(covered) / double(sample) : 0.0;
    }

    // The target tier the published rules give the ticket at creation: no
    // SLA share, time without progress or sentiment yet, renewal counted from
    // its creation day; none when no rule fires.
    std::optional<int> publishedTier(std::int64_t row) {
        const auto known = m_publishedTiers.find(row);
        if (known != m_publishedTiers.end()) {
            return known->second;
        }
        std::optional<int> tier;
        if (const auto context = m_contexts.load(row)) {
            matrix::TriageInput input;
            input.ticket = &context->ticket;
            input.account = context->account ? &*context->account : nullptr;
            input.evaluationDate =
                QDateTime::fromSecsSinceEpoch(context->ticket.createdAt, m_zone).date();
            tier = matrix::triage(m_published.rules, input).targetTier;
        }
        m_publishedTiers.emplace(row, tier);
        return tier;
    }

    const matrix::Matrix& m_published;
    QTimeZone m_zone;
    History m_history;
    SuggestionOptions m_options;
    matrix::TicketContextReader m_contexts;
    std::array<std::int64_t, 2> m_tickets{0, 0};
    std::array<std::int64_t, 2> m_escalated{0, 0};
    std::vector<Item> m_items;
    std::array<std::vector<int>, fieldCount> m_itemOfValue;
    std::vector<int> m_itemOfStem;
    std::unique_ptr<PairCounts> m_counts;
    std::unordered_map<std::int64_t, std::optional<int>> m_publishedTiers;
};

QJsonObject figuresJson(const RuleFigures& figures) {
    return {{QStringLiteral("precision"), figures.precision()},
            {QStringLiteral("recall"), figures.recall()},
            {QStringLiteral("support"), qint64(figures.matched)},
            {QStringLiteral("escalated"), qint64(figures.hits)}};
}

QJsonObject suggestionJson(const SuggestedRule& suggestion) {
    QJsonArray conditions;
    for (const matrix::Condition& condition : suggestion.rule.conditions) {
        conditions.append(
            QJsonObject{{QStringLiteral("field"), condition.field},
                        {QStringLiteral("operator"), matrix::operatorName(condition.op)},
                        {QStringLiteral("value"), condition.value}});
    }
    QJsonObject json = figuresJson(suggestion.heldOut);
    json.insert(QStringLiteral("name"), suggestion.rule.name);
    json.insert(QStringLiteral("conditions"), conditions);
    json.insert(QStringLiteral("priority"), suggestion.rule.priority);
    json.insert(QStringLiteral("target_tier"), suggestion.rule.targetTier);
    json.insert(QStringLiteral("action"), suggestion.rule.action);
    json.insert(QStringLiteral("training"), figuresJson(suggestion.training));
    json.insert(QStringLiteral("score"), suggestion.training.f1());
    json.insert(QStringLiteral("published_overlap"), suggestion.overlap);
    json.insert(QStringLiteral("overlap_checked"), qint64(suggestion.overlapChecked));
    return json;
}

} // namespace

double RuleFigures::precision() const {
    return matched > 0 ? double(hits) / double(matched) : 0.0;
}

double RuleFigures::recall() const {
    return escalated > 0 ? double(hits) / double(escalated) : 0.0;
}

double RuleFigures::f1() const {
    const double p = precision();
    const double r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double RuleSuggestions::heldOutRate() const {
    return heldOutTickets > 0 ? double(heldOutEscalated) / double(heldOutTickets) : 0.0;
}

RuleSuggestions suggestRules(store::Database& db, const matrix::Matrix& published,
                             const QTimeZone& zone, const SuggestionOptions& options) {
    RuleSuggestions out;
    out.holdoutMonths = options.holdoutMonths;
    out.minSupport = options.minSupport;
    History history = readHistory(db);
    if (history.tickets.empty()) {
        out.problem = QStringLiteral("The workspace has no ticket with a known outcome.");
        return out;
    }
    UtcSeconds latest = 0;
    for (const HistoryTicket& ticket : history.tickets) {
        latest = std::max(latest, ticket.createdAt);
    }
    const QDate heldOutMonth = firstHeldOutMonth(latest, options.holdoutMonths, zone);
    out.heldOutFrom = heldOutMonth.toString(QStringLiteral("yyyy-MM"));
    out.heldOutStart = QDateTime(heldOutMonth, QTime(0, 0), zone).toSecsSinceEpoch();
    Suggester suggester(db, published, zone, std::move(history), out.heldOutStart, options);
    out.trainingTickets = suggester.tickets(0);
    out.trainingEscalated = suggester.escalated(0);
    out.heldOutTickets = suggester.tickets(1);
    out.heldOutEscalated = suggester.escalated(1);
    if (out.trainingTickets == 0) {
        out.problem = QStringLiteral("No ticket was created before %1: there are no training "
                                     "months; hold out fewer months.")
                          .arg(out.heldOutFrom);
        return out;
    }
    if (out.trainingEscalated == 0) {
        out.problem = QStringLiteral("No ticket escalated before %1: nothing to learn from.")
                          .arg(out.heldOutFrom);
        return out;
    }
    suggester.suggest(out);
    return out;
}

int insertSuggestedRule(std::vector<matrix::SeverityRule>& rules, matrix::SeverityRule rule) {
    const QString base = rule.name;
    for (int copy = 2;
         std::any_of(rules.begin(), rules.end(),
                     [&](const auto& existing) {
                         return existing.name.compare(rule.name, Qt::CaseInsensitive) == 0;
                     });
         ++copy) {
        rule.name = QStringLiteral("%1 (%2)").arg(base).arg(copy);
    }
    const auto catchAll = std::find_if(rules.begin(), rules.end(), [](const auto& existing) {
        return existing.conditions.empty();
    });
    const int index = static_cast<int>(catchAll - rules.begin());
    rules.insert(catchAll, std::move(rule));
    return index;
}

QJsonObject ruleSuggestionsToJson(const RuleSuggestions& suggestions) {
    QJsonArray rules;
    for (const SuggestedRule& suggestion : suggestions.rules) {
        rules.append(suggestionJson(suggestion));
    }
    QJsonArray dropped;
    for (const SuggestedRule& suggestion : suggestions.droppedCovered) {
        dropped.append(QJsonObject{{QStringLiteral("name"), suggestion.rule.name},
                                   {QStringLiteral("published_overlap"), suggestion.overlap}});
    }
    auto part = [](std::int64_t tickets, std::int64_t escalated) {
        return QJsonObject{{QStringLiteral("tickets"), qint64(tickets)},
                           {QStringLiteral("escalated"), qint64(escalated)}};
    };
    return {{QStringLiteral("holdout_months"), suggestions.holdoutMonths},
            {QStringLiteral("held_out_from"), suggestions.heldOutFrom},
            {QStringLiteral("min_support"), suggestions.minSupport},
            {QStringLiteral("score"), QStringLiteral("training_f1")},
            {QStringLiteral("training"),
             part(suggestions.trainingTickets, suggestions.trainingEscalated)},
            {QStringLiteral("held_out"),
             part(suggestions.heldOutTickets, suggestions.heldOutEscalated)},
            {QStringLiteral("candidates"), qint64(suggestions.candidates)},
            {QStringLiteral("covered_by_published"), dropped},
            {QStringLiteral("suggestions"), rules},
            {QStringLiteral("problem"), suggestions.problem.isEmpty()
                                            ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(suggestions.problem)}};
}

} // namespace escdesk::analysis

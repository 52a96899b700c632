#include "demo/DemoGenerator.h"

#include "demo/BulkLoad.h"
#include "demo/DemoActions.h"
#include "demo/DemoProfile.h"
#include "demo/DemoRandom.h"
#include "demo/DemoText.h"
#include "demo/TicketBatchQueue.h"
#include "matrix/ChecklistRuns.h"
#include "matrix/MatrixStore.h"
#include "store/DataWriter.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace escdesk::demo {

using store::StoreError;

// ---- Calendar --------------------------------------------------------------

namespace {

QDate mondayOf(const QDate& date) {
    return date.addDays(1 - date.dayOfWeek());
}

QDate firstOfMonth(const QDate& date) {
    return QDate(date.year(), date.month(), 1);
}

} // namespace

DemoCalendar demoCalendar(const QDate& endDate) {
    DemoCalendar calendar;
    calendar.zone = QTimeZone(demoTeamZone);
    calendar.endDate = endDate;
    calendar.firstDate = endDate.addDays(-181);
    const QDate lastMonday = mondayOf(endDate);
    calendar.spikeWeek = lastMonday.addDays(-49);
    // The two latest complete weeks are slow whatever weekday the data ends
    // on (and the partial week after them, if any).
    calendar.regressionStart = mondayOf(endDate.addDays(-13));
    // The three latest complete calendar months.
    const bool endsMonth = endDate.addDays(1).day() == 1;
    const QDate lastFull = firstOfMonth(endsMonth ? endDate : firstOfMonth(endDate).addDays(-1));
    calendar.rampMonths[2] = lastFull;
    calendar.rampMonths[1] = lastFull.addMonths(-1);
    calendar.rampMonths[0] = lastFull.addMonths(-2);
    calendar.from = startOfLocalDay(calendar.firstDate, calendar.zone);
    calendar.horizon = startOfLocalDay(endDate.addDays(1), calendar.zone);
    return calendar;
}

namespace {

constexpr std::int64_t minute = 60;
constexpr std::int64_t hour = 3600;

// ---- Helpers ------------------------------------------------------------------

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

// Volume factor of US holidays, when the team and most customers are off.
double holidayFactor(const QDate& date) {
    const int m = date.month();
    const int d = date.day();
    const int weekday = date.dayOfWeek();
    const bool lastMondayOfMay = m == 5 && weekday == 1 && d > 24;
    const bool firstMondayOfSeptember = m == 9 && weekday == 1 && d <= 7;
    const bool thanksgiving = m == 11 && weekday == 4 && d >= 22 && d <= 28;
    const bool dayAfterThanksgiving = m == 11 && weekday == 5 && d >= 23 && d <= 29;
    if ((m == 1 && d == 1) || (m == 7 && d == 4) || (m == 12 && d == 25) || lastMondayOfMay ||
        firstMondayOfSeptember || thanksgiving) {
        return 0.3;
    }
    if (dayAfterThanksgiving || (m == 12 && (d == 24 || d == 31))) {
        return 0.6;
    }
    return 1.0;
}

struct Slot {
    UtcSeconds start = 0;
    std::int64_t seconds = 0;
    double weight = 0;
    double incidentShare = 0; // probability that a ticket of the slot is an incident one
    int rampStep = 0;         // index into accessRamp
    bool regressed = false;
};

struct DemoAccount {
    QString id;
    int tier = 0;
    int segment = 0;
};

struct StaffMember {
    QString name;
};

// A ticket's event and who owns the ticket after it.
struct PlannedEvent {
    TicketEvent event;
    int ownerTier = 1;
    int ownerIndex = -1; // -1: in the tier's queue, unassigned
};

class Generator {
public:
    Generator(store::Workspace& workspace, const DemoOptions& options, const DemoProgress& progress)
        : m_workspace(workspace)
        , m_options(options)
        , m_progress(progress)
        , m_calendar(demoCalendar(options.endDate))
        , m_writer(workspace.db()) {}

    DemoSummary run();

private:
    void refuseNonEmptyWorkspace();
    void useTeamCalendars();
    void writeAccounts();
    void writeKnownIssues();
    void hireStaff();
    void buildSlots();
    void weighAccessRamp();
    void writeTickets();
    void makeTickets(BatchQueue& queue);
    void makeTicket(std::int64_t index, UtcSeconds createdAt, const Slot& slot, MadeTicket& made);
    void tickChecklists(MadeTicket& made);
    void tickChecklist(MadeTicket& made, const TicketEvent& escalation, bool bounced);

    // What is drawn first for a ticket: whose, how urgent, whether it will
    // escalate, and what it is about.
    struct TicketDraw {
        bool incident = false;
        const DemoAccount* account = nullptr;
        int priority = Medium;
        std::string_view channel;
        bool escalates = false;
        RootCause cause = RootCause::UserError;
        const IssueTemplate* issue = nullptr;
        int tier1Agent = 0;
    };
    // The planned life beyond the event log.
    struct TicketLife {
        UtcSeconds firstResponse = 0;
        std::optional<UtcSeconds> plainResolution; // when resolved without escalating
    };
    // What the kept event log (or the plain life) says about the ticket.
    struct LogFacts {
        int tierReached = 1;
        int escalations = 0;
        bool reopened = false;
        QString decisionType;
        std::optional<UtcSeconds> escalatedAt;
        std::optional<UtcSeconds> resolvedAt;
        std::optional<UtcSeconds> firstResponseAt;
    };
    TicketDraw drawTicket(const Slot& slot);
    void describe(Ticket& ticket, const TicketDraw& draw);
    TicketLife planLife(const TicketDraw& draw, UtcSeconds createdAt, const Slot& slot);
    LogFacts cutAtHorizon(const TicketLife& life);
    void assign(Ticket& ticket, const TicketDraw& draw);
    void settle(Ticket& ticket, const TicketDraw& draw, const LogFacts& facts);
    QString tagsOf(const TicketDraw& draw, const LogFacts& facts);
    RootCause drawRootCause(bool escalated, int rampStep);
    const IssueTemplate& drawTemplate(RootCause cause);
    std::string fill(std::string_view text);
    void planEscalation(UtcSeconds escalateAt, int priority, RootCause cause, bool incident,
                        const IssueTemplate& issue, int tier1Agent);
    void add(EventKind kind, double at, int ownerTier, int ownerIndex, int fromTier = 0,
             int toTier = 0, int actorTier = 0, int actorIndex = -1,
             std::string_view decisionType = {}, std::string_view note = {});
    int drawStaff(int tier) { return static_cast<int>(m_random.below(m_staff[tier - 1].size())); }
    const QString& staffName(int tier, int index) const { return m_staff[tier - 1][index].name; }

    store::Workspace& m_workspace;
    const DemoOptions& m_options;
    const DemoProgress& m_progress;
    DemoCalendar m_calendar;
    store::DataWriter m_writer;
    DemoRandom m_random{m_options.seed, 2};
    DemoSummary m_summary;

    std::vector<DemoAccount> m_accounts;
    std::vector<double> m_accountCumulative;
    std::array<std::vector<StaffMember>, 3> m_staff;
    std::vector<Slot> m_slots;
    std::array<double, accessRamp.size()> m_accessWeight = accessRamp;
    std::array<std::vector<int>, rootCauseCount> m_templatesByCause;
    // Balanced draws: each root cause's credit grows by its probability per
    // draw, so monthly shares follow the intended mix closely while the order
    // stays random.
    std::array<std::array<double, rootCauseCount>, 2> m_causeCredit{};
    std::vector<PlannedEvent> m_plan;
    std::string m_text;
    // Fixed texts become QStrings once and are shared (implicitly) by every
    // ticket and event after that; the key is the text's static address.
    std::unordered_map<const char*, QString> m_shared;
    const QString& shared(std::string_view text) {
        auto [it, inserted] = m_shared.try_emplace(text.data());
        if (inserted) {
            it->second = qs(text);
        }
        return it->second;
    }
    // Time-to-escalate deviates come from a golden-ratio sequence of
    // quantiles (random start): each week's escalations cover the
    // distribution evenly, so weekly p90s move with the planted regression
    // rather than with sampling noise in the tail.
    double m_escalateQuantile = DemoRandom(m_options.seed, 4).uniform();
    // Checklist ticks draw from a stream of their own, so that the tickets
    // and events are those of a demo without checklists.
    DemoRandom m_checklistRandom{m_options.seed, 5};
    std::vector<matrix::Checklist> m_checklists;
    double nextTimeToEscalateDeviate() {
        m_escalateQuantile += 0.6180339887498949;
        m_escalateQuantile -= std::floor(m_escalateQuantile);
        return normalQuantile(std::clamp(m_escalateQuantile, 1e-9, 1.0 - 1e-9));
    }
};

DemoSummary Generator::run() {
    if (!m_calendar.zone.isValid()) {
        throw StoreError(QStringLiteral("The time zone %1 is not available on this system; the "
                                        "demo needs the IANA time zone database.")
                             .arg(QLatin1String(demoTeamZone)));
    }
    BulkLoad bulkLoad(m_workspace.db());
    store::Transaction transaction(m_workspace.db());
    refuseNonEmptyWorkspace();
    DeferredIndexes indexes(m_workspace.db());
    m_workspace.setSetting(QStringLiteral("reporting_tz"), QLatin1String(demoTeamZone));
    for (std::size_t i = 0; i < issueTemplates().size(); ++i) {
        m_templatesByCause[static_cast<int>(issueTemplates()[i].rootCause)].push_back(
            static_cast<int>(i));
    }
    writeAccounts();
    writeKnownIssues();
    m_checklists = matrix::loadMatrix(m_workspace.db()).checklists;
    hireStaff();
    buildSlots();
    weighAccessRamp();
    writeTickets();
    writeDemoActions(m_workspace.db(), m_calendar);
    indexes.rebuild();
    transaction.commit();
    useTeamCalendars();
    m_summary.calendar = m_calendar;
    return m_summary;
}

// A new workspace's calendars are in the zone of the machine that made it;
// the demo team works in New York, so its business hours are New York's.
void Generator::useTeamCalendars() {
    matrix::Matrix matrix = matrix::loadMatrix(m_workspace.db());
    for (sla::BusinessCalendar& calendar : matrix.calendars) {
        calendar.timeZone = QLatin1String(demoTeamZone);
    }
    matrix::saveMatrix(m_workspace.db(), matrix, QStringLiteral("Escalation Desk"),
                       QStringLiteral("Business hours in the demo team's time zone (%1)")
                           .arg(QLatin1String(demoTeamZone)),
                       QDateTime::currentSecsSinceEpoch());
}

void Generator::refuseNonEmptyWorkspace() {
    store::Database& db = m_workspace.db();
    const auto tickets = db.queryInt64("SELECT count(*) FROM tickets");
    const auto accounts = db.queryInt64("SELECT count(*) FROM accounts");
    const auto issues = db.queryInt64("SELECT count(*) FROM known_issues");
    if (tickets + accounts + issues > 0) {
        throw StoreError(QStringLiteral("The workspace %1 already holds data (%2 tickets, %3 "
                                        "accounts, %4 known issues); the demo is written only "
                                        "into an empty workspace. Choose a new file with --db.")
                             .arg(db.path())
                             .arg(tickets)
                             .arg(accounts)
                             .arg(issues));
    }
}

// ---- Accounts and people ------------------------------------------------------------

void Generator::writeAccounts() {
    DemoRandom random(m_options.seed, 1);
    const auto count = std::clamp<std::int64_t>((m_options.tickets + 15) / 30, 12, 5000);
    QSet<QString> names;
    double cumulative = 0;
    for (std::int64_t i = 0; i < count; ++i) {
        DemoAccount account;
        account.id = QStringLiteral("ACC-%1").arg(10001 + i);
        account.tier = static_cast<int>(random.weighted(accountTierWeights));
        account.segment = static_cast<int>(random.weighted(segmentWeights));
        const Region& region = regions[random.weighted(std::array<double, 4>{
            regions[0].weight, regions[1].weight, regions[2].weight, regions[3].weight})];
        const std::string_view zone = region.zones[random.below(region.zones.size())];
        const std::string_view stem = random.pick(companyStems());
        const std::string_view suffix = random.pick(companySuffixes(segments[account.segment]));
        QString name = qs(stem) + QLatin1Char(' ') + qs(suffix);
        // Names repeat once there are more accounts than stems × suffixes;
        // a numeral keeps them apart, as CRMs do for namesakes.
        const QString base = name;
        for (int n = 2; names.contains(name); ++n) {
            name = base + QStringLiteral(" %1").arg(n);
        }
        names.insert(name);

        const int t = account.tier;
        const double arr =
            std::round(std::exp(random.uniform(std::log(arrLow[t]), std::log(arrHigh[t]))) /
                       100.0) *
            100.0;
        const int seats = static_cast<int>(std::max(5.0, std::round(arr / 1200.0)));
        static constexpr std::array<std::string_view, 3> plans{"Enterprise Plus", "Business",
                                                               "Team"};
        Account record;
        record.accountId = account.id;
        record.name = name;
        record.tier = qs(accountTiers[t]);
        record.segment = qs(segments[account.segment]);
        record.region = qs(region.name);
        record.arr = arr;
        record.timezone = qs(zone);
        record.renewalDate = m_options.endDate.addDays(-30 + static_cast<int>(random.below(396)));
        record.attributes =
            QStringLiteral(R"({"plan":"%1","seats":%2})").arg(qs(plans[t])).arg(seats);
        m_writer.insertAccount(record);

        cumulative += accountTierTicketWeight[t] * random.lognormal(1.0, 0.7);
        m_accountCumulative.push_back(cumulative);
        m_accounts.push_back(std::move(account));
    }
    m_summary.accounts = count;
}

void Generator::writeKnownIssues() {
    for (const KnownIssueText& text : knownIssueTexts()) {
        KnownIssue issue;
        issue.issueId = qs(text.id);
        issue.title = qs(text.title);
        issue.productArea = qs(text.productArea);
        issue.status = qs(text.status);
        issue.keywords = qs(text.keywords);
        issue.workaround = qs(text.workaround);
        issue.fixVersion = text.fixVersion.empty() ? QString() : qs(text.fixVersion);
        issue.kbArticle = qs(text.kbArticle);
        m_writer.insertKnownIssue(issue);
        ++m_summary.knownIssues;
    }
}

void Generator::hireStaff() {
    const std::int64_t n = m_options.tickets;
    const std::array<std::int64_t, 3> sizes{std::clamp<std::int64_t>(n / 1500, 10, 400),
                                            std::clamp<std::int64_t>(n / 5000, 5, 150),
                                            std::clamp<std::int64_t>(n / 12000, 4, 60)};
    const auto first = firstNames();
    const auto last = lastNames();
    std::size_t person = 0;
    for (std::size_t tier = 0; tier < 3; ++tier) {
        for (std::int64_t i = 0; i < sizes[tier]; ++i, ++person) {
            // Distinct for the first |first| × |last| people.
            const std::string_view f = first[person % first.size()];
            const std::string_view l = last[(person / first.size() + person * 7) % last.size()];
            m_staff[tier].push_back({qs(f) + QLatin1Char(' ') + qs(l)});
        }
    }
}

// ---- Arrival times ------------------------------------------------------------------

void Generator::buildSlots() {
    DemoRandom random(m_options.seed, 3);
    const QTimeZone& zone = m_calendar.zone;
    const int days = static_cast<int>(m_calendar.firstDate.daysTo(m_calendar.endDate)) + 1;
    for (int day = 0; day < days; ++day) {
        const QDate date = m_calendar.firstDate.addDays(day);
        const int weekday = date.dayOfWeek() - 1;
        // Slow growth of the customer base over the half year, and day-to-day noise.
        const double dayWeight = weekdayFactor[weekday] * holidayFactor(date) *
                                 (1.0 + 0.12 * day / days) * random.lognormal(1.0, 0.08);
        const bool spike = date >= m_calendar.spikeWeek && date < m_calendar.spikeWeek.addDays(7);
        int rampStep = 0;
        for (int month = 0; month < 3; ++month) {
            if (date >= m_calendar.rampMonths[month]) {
                rampStep = month + 1;
            }
        }
        if (date >= m_calendar.rampMonths[2].addMonths(1)) {
            rampStep = 4;
        }
        for (int h = 0; h < 24; ++h) {
            const UtcSeconds start = QDateTime(date, QTime(h, 0), zone).toSecsSinceEpoch();
            const UtcSeconds end = h == 23
                                       ? startOfLocalDay(date.addDays(1), zone)
                                       : QDateTime(date, QTime(h + 1, 0), zone).toSecsSinceEpoch();
            if (end <= start) {
                continue; // the hour skipped by a spring-forward DST change
            }
            Slot slot;
            slot.start = start;
            slot.seconds = end - start;
            slot.weight = dayWeight * hourFactor[h] * static_cast<double>(slot.seconds) / 3600.0;
            slot.rampStep = rampStep;
            slot.regressed = date >= m_calendar.regressionStart;
            if (spike && (weekday > 0 || h >= incidentStartHour)) {
                // Office hours carry the incident; nights see a little of it.
                const double extra = incidentExtra[weekday] * (h >= 8 && h < 19 ? 1.0 : 0.5);
                slot.weight *= 1.0 + extra;
                slot.incidentShare = extra / (1.0 + extra);
            }
            m_slots.push_back(slot);
        }
    }
}

void Generator::weighAccessRamp() {
    std::array<double, accessRamp.size()> incident{};
    std::array<double, accessRamp.size()> everyday{};
    for (const Slot& slot : m_slots) {
        incident[slot.rampStep] += slot.weight * slot.incidentShare * incidentEscalationProbability;
        everyday[slot.rampStep] +=
            slot.weight * (1.0 - slot.incidentShare) * expectedEscalationRate;
    }
    const double a = escalatedCauseWeights[static_cast<int>(RootCause::AccessPermissions)];
    double others = -a;
    for (double w : escalatedCauseWeights) {
        others += w;
    }
    for (std::size_t step = 0; step < accessRamp.size(); ++step) {
        if (incident[step] <= 0 || everyday[step] <= 0) {
            continue;
        }
        // Share among everyday escalations that gives the ramp's share among all.
        const double dilution = 1.0 + incidentDilutionMargin * incident[step] / everyday[step];
        const double intended = a * accessRamp[step] / (others + a * accessRamp[step]);
        const double share = std::min(0.6, intended * dilution);
        m_accessWeight[step] = share * others / ((1.0 - share) * a);
    }
    // The raised month must not outdo the next one in count: keep the
    // weights of the three months rising.
    for (std::size_t step = 2; step <= 3; ++step) {
        m_accessWeight[step] = std::max(m_accessWeight[step], m_accessWeight[step - 1] * 1.3);
    }
}

// Tickets are made on a second thread and written on this one: making them
// (text, random draws) and writing them (SQLite) take about the same time.
// The order, and so the content, is the same as with one thread.
void Generator::writeTickets() {
    BatchQueue queue;
    std::exception_ptr failure;
    std::thread maker([&] {
        try {
            makeTickets(queue);
        } catch (...) {
            failure = std::current_exception();
        }
        queue.finish();
    });
    // Stops and joins the maker however this function is left.
    struct Join {
        BatchQueue& queue;
        std::thread& thread;
        ~Join() {
            queue.cancel();
            thread.join();
        }
    } join{queue, maker};

    const std::int64_t n = m_options.tickets;
    const std::int64_t progressStep = std::max<std::int64_t>(1, n / 100);
    std::int64_t written = 0;
    matrix::ChecklistTickWriter ticks(m_workspace.db());
    while (std::optional<Batch> batch = queue.pop()) {
        for (const MadeTicket& made : *batch) {
            const std::int64_t row = m_writer.insertTicket(made.ticket);
            for (const TicketEvent& event : made.events) {
                m_writer.insertEvent(row, event);
            }
            for (const MadeTick& tick : made.ticks) {
                const matrix::Checklist& checklist = m_checklists[tick.checklist];
                ticks.write(row, checklist, checklist.items[tick.item], true, tick.by, tick.at);
            }
            ++written;
            if (m_progress && written % progressStep == 0) {
                m_progress(written, n);
            }
        }
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

void Generator::makeTickets(BatchQueue& queue) {
    double total = 0;
    for (const Slot& slot : m_slots) {
        total += slot.weight;
    }
    const std::int64_t n = m_options.tickets;
    std::vector<std::int64_t> offsets;
    double cumulative = 0;
    std::int64_t assigned = 0;
    std::int64_t index = 0;
    Batch batch(BatchQueue::batchSize);
    std::size_t filled = 0;
    for (std::size_t s = 0; s < m_slots.size(); ++s) {
        const Slot& slot = m_slots[s];
        cumulative += slot.weight;
        // Exactly n tickets in all: each slot gets the rounded cumulative share.
        const std::int64_t upTo = s + 1 == m_slots.size()
                                      ? n
                                      : static_cast<std::int64_t>(std::floor(
                                            static_cast<double>(n) * cumulative / total + 0.5));
        const std::int64_t count = std::max<std::int64_t>(0, upTo - assigned);
        assigned += count;
        offsets.clear();
        for (std::int64_t i = 0; i < count; ++i) {
            offsets.push_back(
                static_cast<std::int64_t>(m_random.below(static_cast<std::size_t>(slot.seconds))));
        }
        std::sort(offsets.begin(), offsets.end());
        for (std::int64_t offset : offsets) {
            makeTicket(index++, slot.start + offset, slot, batch[filled++]);
            if (filled == batch.size()) {
                if (!queue.push(std::move(batch))) {
                    return; // the writer gave up
                }
                batch = Batch(BatchQueue::batchSize);
                filled = 0;
            }
        }
    }
    batch.resize(filled);
    queue.push(std::move(batch));
    m_summary.tickets = index;
}

// ---- Tickets ------------------------------------------------------------------------

RootCause Generator::drawRootCause(bool escalated, int rampStep) {
    std::array<double, rootCauseCount> p = escalated ? escalatedCauseWeights : otherCauseWeights;
    p[static_cast<int>(RootCause::AccessPermissions)] *= m_accessWeight[rampStep];
    double sum = 0;
    for (double w : p) {
        sum += w;
    }
    auto& credit = m_causeCredit[escalated ? 1 : 0];
    std::array<double, rootCauseCount> chances{};
    for (int i = 0; i < rootCauseCount; ++i) {
        credit[i] += p[i] / sum;
        chances[i] = std::max(credit[i], 0.0);
    }
    const auto chosen = m_random.weighted(chances);
    credit[chosen] -= 1.0;
    return static_cast<RootCause>(chosen);
}

const IssueTemplate& Generator::drawTemplate(RootCause cause) {
    const auto& candidates = m_templatesByCause[static_cast<int>(cause)];
    return issueTemplates()[candidates[m_random.below(candidates.size())]];
}

std::string Generator::fill(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size()) {
            const auto values = placeholderValues(text[i + 1]);
            if (!values.empty()) {
                out += values[m_random.below(values.size())];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

void Generator::add(EventKind kind, double at, int ownerTier, int ownerIndex, int fromTier,
                    int toTier, int actorTier, int actorIndex, std::string_view decisionType,
                    std::string_view note) {
    PlannedEvent planned;
    auto time = static_cast<UtcSeconds>(std::llround(at));
    // Strictly increasing times keep the log causal and its order unambiguous.
    if (!m_plan.empty() && time <= m_plan.back().event.occurredAt) {
        time = m_plan.back().event.occurredAt + minute;
    }
    planned.event.occurredAt = time;
    planned.event.kind = kind;
    if (fromTier > 0) {
        planned.event.fromTier = fromTier;
        planned.event.toTier = toTier;
    }
    if (actorTier > 0 && actorIndex >= 0) {
        planned.event.actor = staffName(actorTier, actorIndex);
    }
    if (!decisionType.empty()) {
        planned.event.decisionType = shared(decisionType);
    }
    if (!note.empty()) {
        planned.event.note = shared(note);
    }
    planned.ownerTier = ownerTier;
    planned.ownerIndex = ownerIndex;
    m_plan.push_back(std::move(planned));
}

void Generator::planEscalation(UtcSeconds escalateAt, int priority, RootCause cause, bool incident,
                               const IssueTemplate& issue, int tier1Agent) {
    DemoRandom& r = m_random;
    double t = static_cast<double>(escalateAt);
    // Who works the ticket at each tier, once someone has claimed it there.
    std::array<int, 4> owner{-1, tier1Agent, -1, -1};
    int fromTier = 1;
    for (int episode = 1;; ++episode) {
        const int toTier = fromTier + 1;
        add(EventKind::Escalated, t, toTier, -1, fromTier, toTier, fromTier, owner[fromTier], {},
            r.pick(escalationNotes(toTier)));
        const double slower = toTier == 3 ? 1.5 : 1.0;
        t += r.lognormal(claimDelayMedian[priority] * slower, 0.8) * minute;
        owner[toTier] = drawStaff(toTier);
        add(EventKind::Claimed, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier]);
        t += r.lognormal(10, 0.8) * minute;
        add(EventKind::Started, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier]);
        if (r.chance(reassignProbability)) {
            t += r.lognormal(45, 0.7) * minute;
            owner[toTier] = drawStaff(toTier);
            add(EventKind::Reassigned, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier], {},
                "Reassigned for product expertise.");
        }
        if (r.chance(infoRequestProbability)) {
            t += r.lognormal(40, 0.8) * minute;
            add(EventKind::InfoRequested, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier], {},
                r.pick(infoRequestNotes()));
            t += minute;
            add(EventKind::Paused, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier], {},
                "Waiting for customer.");
            t += r.lognormal(16 * 60, 0.9) * minute;
            add(EventKind::Resumed, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier]);
        } else if (r.chance(pauseProbability)) {
            t += r.lognormal(120, 0.8) * minute;
            add(EventKind::Paused, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier], {},
                r.pick(pauseNotes()));
            t += r.lognormal(10 * 60, 0.9) * minute;
            add(EventKind::Resumed, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier]);
        }
        if (r.chance(bounceProbability)) {
            t += r.lognormal(90, 0.8) * minute;
            add(EventKind::Bounced, t, fromTier, owner[fromTier], toTier, fromTier, toTier,
                owner[toTier], {}, r.pick(bounceNotes()));
            if (episode < 3 && r.chance(reescalateAfterBounce)) {
                t += r.lognormal(20 * 60, 0.8) * minute;
                continue; // re-escalated once the gaps are filled
            }
            t += r.lognormal(5 * 60, 0.9) * minute;
            add(EventKind::Resolved, t, fromTier, owner[fromTier], 0, 0, fromTier, owner[fromTier]);
            return;
        }
        const double tier3 =
            incident ? incidentTier3Probability : tier3Probability[static_cast<int>(cause)];
        if (toTier == 2 && episode < 4 && r.chance(tier3)) {
            t += r.lognormal(180, 0.8) * minute;
            fromTier = 2;
            continue;
        }
        const auto weights =
            incident ? incidentDecisionWeights : decisionWeights(cause, !issue.knownIssue.empty());
        const auto decision = r.weighted(weights);
        t += r.lognormal(decisionDelayMedian[priority] * (toTier == 3 ? 2.0 : 1.0), 0.9) * minute;
        add(EventKind::Decision, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier],
            decisionTypes[decision], r.pick(decisionNotes(decisionTypes[decision])));
        const double fixTime = decision == FixDecision && toTier == 3 ? 6.0 : 1.0;
        t += r.lognormal(decisionResolveMedian[decision] * fixTime, 0.8) * minute;
        add(EventKind::Resolved, t, toTier, owner[toTier], 0, 0, toTier, owner[toTier]);
        return;
    }
}

Generator::TicketDraw Generator::drawTicket(const Slot& slot) {
    DemoRandom& r = m_random;
    TicketDraw draw;
    draw.incident = slot.incidentShare > 0 && r.chance(slot.incidentShare);
    const auto accountIndex = static_cast<std::size_t>(
        std::upper_bound(m_accountCumulative.begin(), m_accountCumulative.end(),
                         r.uniform() * m_accountCumulative.back()) -
        m_accountCumulative.begin());
    draw.account = &m_accounts[std::min(accountIndex, m_accounts.size() - 1)];
    draw.priority = static_cast<int>(r.weighted(
        draw.incident ? incidentPriorityWeights : priorityWeightsByTier[draw.account->tier]));
    draw.channel = channels[r.weighted(channelWeightsByPriority[draw.priority])];
    const double escalationChance =
        draw.incident ? incidentEscalationProbability
                      : std::min(0.9, baseEscalationProbability *
                                          segmentEscalationFactor[draw.account->segment] *
                                          priorityEscalationFactor[draw.priority]);
    draw.escalates = r.chance(escalationChance);
    draw.cause =
        draw.incident ? RootCause::IntegrationIssue : drawRootCause(draw.escalates, slot.rampStep);
    draw.issue = draw.incident ? &incidentTemplate() : &drawTemplate(draw.cause);
    draw.tier1Agent = drawStaff(1);
    return draw;
}

// Subject and description from the template, in the customer's words.
void Generator::describe(Ticket& ticket, const TicketDraw& draw) {
    DemoRandom& r = m_random;
    const IssueTemplate& issue = *draw.issue;
    m_text.clear();
    if (draw.priority == Critical && r.chance(0.3)) {
        m_text += "URGENT: ";
    }
    m_text += fill(r.pick(issue.subjects));
    ticket.subject = QString::fromStdString(m_text);
    m_text = r.pick(openers(draw.channel));
    m_text += fill(r.pick(issue.problems));
    m_text += ' ';
    m_text += fill(r.pick(issue.details));
    m_text += ' ';
    m_text += r.pick(impactSentences(priorities[draw.priority]));
    if (const auto closer = r.pick(closers()); !closer.empty()) {
        m_text += ' ';
        m_text += closer;
    }
    ticket.description = QString::fromStdString(m_text);
}

// The ticket's whole life into m_plan, as if there were no end to the data.
Generator::TicketLife Generator::planLife(const TicketDraw& draw, UtcSeconds createdAt,
                                          const Slot& slot) {
    DemoRandom& r = m_random;
    const int priority = draw.priority;
    m_plan.clear();
    TicketLife life;
    const double responseScale = draw.channel == "chat" || draw.channel == "phone" ? 0.2 : 1.0;
    life.firstResponse =
        createdAt +
        static_cast<UtcSeconds>(std::llround(
            std::max(1.0, r.lognormal(firstResponseMedian[priority] * responseScale, 0.9)) *
            minute));
    if (draw.escalates) {
        double median =
            draw.incident ? incidentTimeToEscalateMedian : timeToEscalateMedian[priority];
        if (slot.regressed) {
            median *= regressionFactor;
        }
        const auto escalateAt =
            createdAt +
            std::max<UtcSeconds>(
                minute, std::llround(median * std::exp(nextTimeToEscalateDeviate()) * minute));
        planEscalation(escalateAt, priority, draw.cause, draw.incident, *draw.issue,
                       draw.tier1Agent);
    } else {
        life.plainResolution =
            std::max(life.firstResponse + 5 * minute,
                     createdAt + static_cast<UtcSeconds>(std::llround(
                                     r.lognormal(resolutionMedian[priority], 1.0) * minute)));
    }
    if (r.chance(draw.escalates ? escalatedReopenProbability : otherReopenProbability)) {
        // A resolved ticket comes back; a plain one gets its resolution logged too.
        if (life.plainResolution) {
            add(EventKind::Resolved, static_cast<double>(*life.plainResolution), 1, draw.tier1Agent,
                0, 0, 1, draw.tier1Agent);
        }
        const PlannedEvent last = m_plan.back();
        double t = static_cast<double>(last.event.occurredAt);
        t += r.lognormal(30 * 60, 0.8) * minute;
        add(EventKind::Reopened, t, last.ownerTier, last.ownerIndex);
        t += r.lognormal(8 * 60, 0.9) * minute;
        add(EventKind::Resolved, t, last.ownerTier, last.ownerIndex, 0, 0, last.ownerTier,
            last.ownerIndex);
    }
    return life;
}

// Drops the planned events at or after the horizon (the demo's "now") and
// reads the ticket's state off the rest.
Generator::LogFacts Generator::cutAtHorizon(const TicketLife& life) {
    const UtcSeconds horizon = m_calendar.horizon;
    const auto kept = std::find_if(m_plan.begin(), m_plan.end(), [horizon](const PlannedEvent& e) {
        return e.event.occurredAt >= horizon;
    });
    m_plan.erase(kept, m_plan.end());
    LogFacts facts;
    for (const PlannedEvent& planned : m_plan) {
        const TicketEvent& e = planned.event;
        switch (e.kind) {
        case EventKind::Escalated:
            if (facts.escalations++ == 0) {
                facts.escalatedAt = e.occurredAt;
            }
            facts.tierReached = std::max(facts.tierReached, *e.toTier);
            break;
        case EventKind::Decision:
            facts.decisionType = e.decisionType;
            break;
        case EventKind::Resolved:
            facts.resolvedAt = e.occurredAt;
            break;
        case EventKind::Reopened:
            facts.reopened = true;
            facts.resolvedAt.reset();
            break;
        default:
            break;
        }
    }
    if (m_plan.empty() && life.plainResolution && *life.plainResolution < horizon) {
        facts.resolvedAt = life.plainResolution;
    }
    if (life.firstResponse < horizon) {
        facts.firstResponseAt =
            facts.resolvedAt ? std::min(life.firstResponse, *facts.resolvedAt) : life.firstResponse;
    }
    return facts;
}

// The owner now: the last event's owner, else the Tier 1 agent.
void Generator::assign(Ticket& ticket, const TicketDraw& draw) {
    int ownerTier = 1;
    int ownerIndex = draw.tier1Agent;
    if (!m_plan.empty()) {
        ownerTier = m_plan.back().ownerTier;
        ownerIndex = m_plan.back().ownerIndex;
    }
    if (ownerIndex >= 0) {
        ticket.assignee = staffName(ownerTier, ownerIndex);
    }
    ticket.group = ownerTier == 1   ? (draw.account->tier == 0 ? QStringLiteral("Premier Support")
                                                               : QStringLiteral("Frontline Support"))
                   : ownerTier == 2 ? QStringLiteral("Technical Support")
                                    : QStringLiteral("Engineering");
}

// Status, closing, resolution and satisfaction.
void Generator::settle(Ticket& ticket, const TicketDraw& draw, const LogFacts& facts) {
    DemoRandom& r = m_random;
    const IssueTemplate& issue = *draw.issue;
    if (!facts.resolvedAt) {
        if (!m_plan.empty()) {
            const EventKind last = m_plan.back().event.kind;
            ticket.status = last == EventKind::Paused || last == EventKind::InfoRequested
                                ? QStringLiteral("Pending")
                                : QStringLiteral("Open");
        } else {
            ticket.status = !facts.firstResponseAt ? QStringLiteral("New")
                            : r.chance(0.25)       ? QStringLiteral("Pending")
                                                   : QStringLiteral("Open");
        }
        return;
    }
    // Solved tickets close automatically four days after the resolution.
    const UtcSeconds closeAt = *facts.resolvedAt + 96 * hour;
    if (closeAt < m_calendar.horizon) {
        ticket.closedAt = closeAt;
        ticket.status = QStringLiteral("Closed");
    } else {
        ticket.status = QStringLiteral("Solved");
    }
    // Resolved on a decision; otherwise at a lower tier after a bounce, or
    // by the frontline without escalation.
    if (!facts.decisionType.isEmpty()) {
        const auto it =
            std::find(decisionTypes.begin(), decisionTypes.end(), facts.decisionType.toStdString());
        const auto d = static_cast<std::size_t>(it - decisionTypes.begin());
        ticket.resolutionType = shared(decisionResolution[d]);
        ticket.resolutionNotes = shared(issue.resolutionNote);
        if (d == KnownIssueDecision && !issue.knownIssue.empty()) {
            ticket.resolutionNotes +=
                QStringLiteral(" Linked to %1.").arg(shared(issue.knownIssue));
        }
    } else {
        ticket.resolutionType = shared(issue.resolutionType);
        ticket.resolutionNotes = shared(issue.resolutionNote);
    }
    if (r.chance(csatResponseRate)) {
        const bool unhappy = facts.escalations > 0 || facts.reopened;
        const auto score = r.weighted(unhappy ? csatWeightsEscalated : csatWeightsOther);
        ticket.csat = static_cast<double>(score + 1);
    }
}

QString Generator::tagsOf(const TicketDraw& draw, const LogFacts& facts) {
    std::string tags = slug(draw.issue->productArea);
    tags += ',';
    tags += draw.issue->tag;
    if (draw.incident) {
        tags += ",webhook";
    }
    if (draw.account->tier == 0) {
        tags += ",vip";
    }
    if (facts.escalations > 0) {
        tags += ",escalated";
    }
    if (facts.reopened) {
        tags += ",reopened";
    }
    return QString::fromStdString(tags);
}

void Generator::makeTicket(std::int64_t index, UtcSeconds createdAt, const Slot& slot,
                           MadeTicket& made) {
    const TicketDraw draw = drawTicket(slot);
    Ticket& ticket = made.ticket;
    ticket.ticketId = QLatin1String("SUP-") + QString::number(100001 + index);
    ticket.createdAt = createdAt;
    ticket.priority = shared(priorities[draw.priority]);
    ticket.channel = shared(draw.channel);
    ticket.accountId = draw.account->id;
    ticket.productArea = shared(draw.issue->productArea);
    ticket.rootCause = shared(rootCauseName(draw.cause));
    ticket.reasonCode = shared(draw.issue->reasonCode);
    describe(ticket, draw);

    const TicketLife life = planLife(draw, createdAt, slot);
    const LogFacts facts = cutAtHorizon(life);
    const bool escalated = facts.escalations > 0;
    ticket.escalated = escalated;
    ticket.escalatedAt = facts.escalatedAt;
    ticket.tier = facts.tierReached;
    ticket.resolvedAt = facts.resolvedAt;
    ticket.firstResponseAt = facts.firstResponseAt;
    assign(ticket, draw);
    settle(ticket, draw, facts);
    // Agent handle time: longer for escalated work and for each extra handoff.
    const double handle = escalated ? m_random.lognormal(50, 0.6) + 15.0 * (facts.escalations - 1)
                                    : m_random.lognormal(14, 0.7);
    ticket.handleTimeMin = std::round(handle * 10.0) / 10.0;
    ticket.tags = tagsOf(draw, facts);

    made.events.clear();
    for (PlannedEvent& planned : m_plan) {
        made.events.push_back(std::move(planned.event));
    }
    tickChecklists(made);
    m_summary.events += static_cast<std::int64_t>(m_plan.size());
    if (escalated) {
        ++m_summary.escalatedTickets;
    }
}

// The pre-escalation checklist of each transition the ticket made (its
// latest escalation of that transition, as checklist runs are kept) as the
// escalating agent left it: ticked in the half hour before escalating,
// complete for most escalations, far less often for those that bounced back.
void Generator::tickChecklists(MadeTicket& made) {
    made.ticks.clear();
    const std::vector<TicketEvent>& events = made.events;
    for (auto escalation = events.begin(); escalation != events.end(); ++escalation) {
        if (escalation->kind != EventKind::Escalated || !escalation->fromTier ||
            !escalation->toTier) {
            continue;
        }
        const auto next = std::find_if(escalation + 1, events.end(), [](const TicketEvent& e) {
            return e.kind == EventKind::Escalated;
        });
        const bool laterSameTransition = std::any_of(next, events.end(), [&](const TicketEvent& e) {
            return e.kind == EventKind::Escalated && e.fromTier == escalation->fromTier &&
                   e.toTier == escalation->toTier;
        });
        if (laterSameTransition) {
            continue; // the run kept is that of the latest escalation
        }
        const bool bounced = std::any_of(escalation + 1, next, [](const TicketEvent& e) {
            return e.kind == EventKind::Bounced;
        });
        tickChecklist(made, *escalation, bounced);
    }
}

void Generator::tickChecklist(MadeTicket& made, const TicketEvent& escalation, bool bounced) {
    DemoRandom& r = m_checklistRandom;
    const auto checklist = std::find_if(m_checklists.begin(), m_checklists.end(),
                                        [&](const matrix::Checklist& candidate) {
                                            return candidate.fromTier == *escalation.fromTier &&
                                                   candidate.toTier == *escalation.toTier;
                                        });
    if (checklist == m_checklists.end() || r.chance(checklistSkippedProbability)) {
        return;
    }
    const bool complete =
        r.chance(bounced ? checklistCompleteWhenBouncedProbability : checklistCompleteProbability);
    bool missingRequired = false;
    for (std::size_t i = 0; i < checklist->items.size(); ++i) {
        const matrix::ChecklistItem& item = checklist->items[i];
        bool done = complete || r.chance(checklistItemTickedWhenIncomplete);
        const bool lastRequired = std::none_of(
            checklist->items.begin() + static_cast<std::ptrdiff_t>(i) + 1, checklist->items.end(),
            [](const matrix::ChecklistItem& later) { return later.required; });
        if (!complete && item.required && lastRequired && !missingRequired) {
            done = false; // an incomplete checklist misses at least one required item
        }
        missingRequired = missingRequired || (item.required && !done);
        if (!done) {
            continue; // an item left unticked has no record
        }
        const double before = r.lognormal(20, 0.7) * minute;
        made.ticks.push_back(
            MadeTick{static_cast<int>(checklist - m_checklists.begin()), static_cast<int>(i),
                     escalation.actor,
                     std::max(made.ticket.createdAt,
                              escalation.occurredAt - static_cast<UtcSeconds>(before))});
    }
}

} // namespace

DemoSummary generateDemo(store::Workspace& workspace, const DemoOptions& options,
                         const DemoProgress& progress) {
    if (options.tickets <= 0) {
        throw StoreError(QStringLiteral("The demo needs at least one ticket."));
    }
    if (!options.endDate.isValid()) {
        throw StoreError(QStringLiteral("The demo needs a valid end date."));
    }
    Generator generator(workspace, options, progress);
    return generator.run();
}

} // namespace escdesk::demo

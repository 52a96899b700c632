// Replay of a past period through the published matrix and a draft (#22),
// on a small workspace worked out by hand.
//
// Window W = [2026-11-02, 2026-11-09) UTC. Every SLA policy runs on the 24x7
// calendar, so business minutes are wall-clock minutes. The tickets have no
// account (customer tier SMB) and priority High: policy SMB × High, first
// response 60 min, claim 30 min, resolution 600 min published and 300 min
// in the draft — the only SLA change. Cost: interruption 15 + recovery 15
// min = 0.5 engineer hours per escalation to engineering (Tier 3) published;
// the draft's recovery is 45 min: (15 + 45) / 60 = 1.0 h.
//
// Tickets (all first responded 30 min after creation: ≤ 60, met under both):
//   R1 resolved at +200 min: 200 ≤ 600 and ≤ 300 → met, met
//   R2 resolved at +400 min: ≤ 600 met; > 300 breached  → moves
//   R3 resolved at +500 min, escalated 1→3 at +60, claimed at +75 (15 ≤ 30
//      min: claim met): resolution ≤ 600 met; > 300 breached → moves
//   R4 resolved at +700 min, escalated 1→2 at +60, claimed at +110 (50 > 30:
//      claim breached): resolution breached under both
//   R5 resolved at +300 min exactly: due at +300 is met (SPEC §6: a stop at
//      the due instant is in time) → met, met
//   R6 resolved at +500 min, escalated 1→2 at +480, claimed at +490 (10 ≤
//      30: met): resolution ≤ 600 met; > 300 breached → moves
//   R0 created the day before W, resolved at +400: not in the period
// Resolution: published met R1 R2 R3 R5 R6 = 5, breached R4 = 1, rate 1/6;
// draft met R1 R5 = 2, breached R2 R3 R4 R6 = 4, rate 4/6. First response:
// 6 met under both, rate 0. Claim: R3 R6 met, R4 breached, rate 1/3.
// Met → breached on resolution: exactly R2, R3 and R6.
//
// Rules (the defaults; no subject has a keyword, no tags): a resolved
// ticket's SLA share is that of its most used target not met. Published, R1
// R2 R3 R5 R6 have every target met → no share → "Moderate interruption"
// (Medium, tier 1); R4's claim is breached (50/30) → "SLA at risk" (High,
// tier 2). In the draft R2 (400/300), R3 (500/300) and R6 (500/300) breach
// too → "SLA at risk". Changed: R2, R3 and R6, all "Moderate interruption"
// → "SLA at risk", Medium/1 → High/2.
//
// Flagged earlier ("SLA at risk", tier 2, is the only rule that can flag
// these tickets: it holds from the instant a running target has used 90%).
// The draft's resolution target reaches 90% at 0.9 × 300 = +270 min, the
// published one at 0.9 × 600 = +540 min; the claim target at escalation +
// 0.9 × 30 = 27 min. R1 is resolved (+200) before either; the draft flags
// R2, R3, R5 (resolved +300 > 270) and R6 at +270, R4 at +87 (its claim,
// as published). Before, by the published rules or the actual escalation:
// R2, R5 never (not listed: nothing flagged them); R3 escalated at +60 <
// 270, R4 flagged at +87 = 87 (not earlier); R6 was escalated at +480 and
// never flagged by the published rules (its resolution stopped at +500 <
// +540, its claim used 10 of 30 min) → 480 − 270 = 210 min earlier.
//
// Engineering: one escalation reaches Tier 3 (R3): published 1 × 0.5 = 0.5
// h, draft 1 × 1.0 = 1.0 h.

#include "analysis/MatrixReplay.h"
#include "matrix/MatrixStore.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();
const UtcSeconds W = QDateTime(QDate(2026, 11, 2), QTime(0, 0), utc).toSecsSinceEpoch();
const Window week{W, W + 7 * 86400};
constexpr UtcSeconds minute = 60;

matrix::Matrix publishedMatrix() {
    matrix::Matrix m = matrix::defaultMatrix(QStringLiteral("UTC"));
    for (sla::SlaPolicy& policy : m.policies) {
        policy.calendar = QStringLiteral("24x7");
        if (policy.customerTier == QLatin1String("SMB") &&
            policy.priority == QLatin1String("High")) {
            policy.firstResponseMin = 60;
            policy.resolutionMin = 600;
            policy.claimMin = 30;
        }
    }
    m.cost.interruptionMinutes = 15;
    m.cost.recoveryMinutes = 15;
    return m;
}

matrix::Matrix draftMatrix() {
    matrix::Matrix m = publishedMatrix();
    for (sla::SlaPolicy& policy : m.policies) {
        if (policy.customerTier == QLatin1String("SMB") &&
            policy.priority == QLatin1String("High")) {
            policy.resolutionMin = 300;
        }
    }
    m.cost.recoveryMinutes = 45;
    return m;
}

struct Hop {
    int to;
    UtcSeconds escalatedAfter;
    UtcSeconds claimedAfter;
};

void addTicket(DataWriter& writer, const char* id, UtcSeconds created, UtcSeconds resolvedAfter,
               std::optional<Hop> hop = std::nullopt) {
    Ticket t;
    t.ticketId = QString::fromLatin1(id);
    t.createdAt = created;
    t.firstResponseAt = created + 30 * minute;
    t.resolvedAt = created + resolvedAfter;
    t.status = QStringLiteral("Solved");
    t.priority = QStringLiteral("High");
    t.subject = QStringLiteral("Question about report filters");
    t.tier = hop ? hop->to : 1;
    const auto row = writer.insertTicket(t);
    if (hop) {
        TicketEvent escalated;
        escalated.kind = EventKind::Escalated;
        escalated.occurredAt = created + hop->escalatedAfter;
        escalated.fromTier = 1;
        escalated.toTier = hop->to;
        writer.insertEvent(row, escalated);
        TicketEvent claimed;
        claimed.kind = EventKind::Claimed;
        claimed.occurredAt = created + hop->claimedAfter;
        writer.insertEvent(row, claimed);
    }
}

void build(Workspace& workspace) {
    matrix::saveMatrix(workspace.db(), publishedMatrix(), QStringLiteral("test"), QString(),
                       W - 30 * 86400);
    Transaction transaction(workspace.db());
    DataWriter writer(workspace.db());
    addTicket(writer, "R0", W - 86400, 400 * minute);
    addTicket(writer, "R1", W + 3600, 200 * minute);
    addTicket(writer, "R2", W + 2 * 3600, 400 * minute);
    addTicket(writer, "R3", W + 3 * 3600, 500 * minute, Hop{3, 60 * minute, 75 * minute});
    addTicket(writer, "R4", W + 4 * 3600, 700 * minute, Hop{2, 60 * minute, 110 * minute});
    addTicket(writer, "R5", W + 5 * 3600, 300 * minute);
    addTicket(writer, "R6", W + 6 * 3600, 500 * minute, Hop{2, 480 * minute, 490 * minute});
    transaction.commit();
}

} // namespace

class TestMatrixReplay : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    MatrixReplay m_replay;

    ReplaySlaCounts counts(const ReplaySide& side, sla::SlaTarget target) {
        return side.slaOf(target);
    }

private slots:
    void initTestCase() {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("r.db")));
        build(*m_workspace);
        ReplayOptions options;
        options.window = week;
        options.asOf = W + 60 * 86400;
        m_replay = replayMatrix(m_workspace->db(), publishedMatrix(), draftMatrix(), options);
    }

    void countsTheTicketsOfThePeriod() {
        QCOMPARE(m_replay.tickets, 6); // R1–R6; R0 was created before W
    }

    void shorterResolutionTargetMovesExactlyTheExpectedTickets() {
        using sla::SlaTarget;
        const ReplaySlaCounts before = m_replay.published.slaOf(SlaTarget::Resolution);
        QCOMPARE(before.met, 5);
        QCOMPARE(before.breached, 1);
        QCOMPARE(*before.breachRate(), 1.0 / 6.0);
        const ReplaySlaCounts after = m_replay.draft.slaOf(SlaTarget::Resolution);
        QCOMPARE(after.met, 2);
        QCOMPARE(after.breached, 4);
        QCOMPARE(*after.breachRate(), 4.0 / 6.0);
        const ReplaySlaShift& moved =
            m_replay.slaShifts[static_cast<std::size_t>(SlaTarget::Resolution)];
        QCOMPARE(moved.metToBreachedIds, (std::vector<QString>{"R2", "R3", "R6"}));
        QVERIFY(moved.breachedToMet.empty());
        // The other targets did not change.
        for (const SlaTarget target : {SlaTarget::FirstResponse, SlaTarget::Claim}) {
            const auto& shift = m_replay.slaShifts[static_cast<std::size_t>(target)];
            QVERIFY(shift.metToBreached.empty() && shift.breachedToMet.empty());
        }
        QCOMPARE(m_replay.published.slaOf(SlaTarget::FirstResponse).met, 6);
        QCOMPARE(m_replay.draft.slaOf(SlaTarget::FirstResponse).breachRate(), std::optional(0.0));
        QCOMPARE(m_replay.published.slaOf(SlaTarget::Claim).met, 2);
        QCOMPARE(m_replay.published.slaOf(SlaTarget::Claim).breached, 1);
        QCOMPARE(*m_replay.draft.slaOf(SlaTarget::Claim).breachRate(), 1.0 / 3.0);
    }

    void rulesThatFireDifferentlyArePerRulePair() {
        QCOMPARE(m_replay.changedTickets.size(), std::size_t(3));
        const ReplayChangedTicket& r2 = m_replay.changedTickets[0];
        QCOMPARE(r2.ticketId, QStringLiteral("R2"));
        QCOMPARE(r2.rulePublished, QStringLiteral("Moderate interruption"));
        QCOMPARE(r2.ruleDraft, QStringLiteral("SLA at risk"));
        QCOMPARE(r2.priorityPublished, QStringLiteral("Medium"));
        QCOMPARE(r2.priorityDraft, QStringLiteral("High"));
        QCOMPARE(r2.tierPublished, std::optional(1));
        QCOMPARE(r2.tierDraft, std::optional(2));
        QCOMPARE(m_replay.changedTickets[1].ticketId, QStringLiteral("R3"));
        QCOMPARE(m_replay.changedTickets[2].ticketId, QStringLiteral("R6"));
        QCOMPARE(m_replay.ruleShifts.size(), std::size_t(1));
        QCOMPARE(m_replay.ruleShifts[0].count(), 3);
        QCOMPARE(m_replay.ruleShifts[0].ticketIds, (std::vector<QString>{"R2", "R3", "R6"}));
        QCOMPARE(m_replay.ruleShifts[0].rows,
                 (std::vector<std::int64_t>{m_replay.changedTickets[0].row,
                                            m_replay.changedTickets[1].row,
                                            m_replay.changedTickets[2].row}));
    }

    void draftFlagsExactlyOneTicketEarlier() {
        QVERIFY(m_replay.flaggedEarlier);
        QCOMPARE(m_replay.flaggedEarlier->size(), std::size_t(1));
        QCOMPARE(m_replay.flaggedEarlier->front().ticketId, QStringLiteral("R6"));
        QCOMPARE(m_replay.flaggedEarlier->front().minutesEarlier, 210.0); // 480 − 270
    }

    void engineeringLoadUnderEachCostModel() {
        QCOMPARE(m_replay.published.engineeringEscalations, 1);
        QCOMPARE(m_replay.published.engineerHours, 0.5);
        QCOMPARE(m_replay.draft.engineeringEscalations, 1);
        QCOMPARE(m_replay.draft.engineerHours, 1.0);
    }

    void jsonHasTheSpecShape() {
        const QJsonObject period{{QStringLiteral("from"), QStringLiteral("2026-11-02")}};
        const QJsonObject json = replayJson(m_replay, period);
        QCOMPARE(json.keys(), (QStringList{"changed_tickets", "draft", "flagged_earlier", "period",
                                           "published"}));
        const QJsonArray earlier = json[QStringLiteral("flagged_earlier")].toArray();
        QCOMPARE(earlier.size(), 1);
        QCOMPARE(earlier[0].toObject().keys(), (QStringList{"minutes_earlier", "ticket_id"}));
        QCOMPARE(earlier[0]["ticket_id"].toString(), QStringLiteral("R6"));
        QCOMPARE(earlier[0]["minutes_earlier"].toDouble(), 210.0);
        QCOMPARE(json[QStringLiteral("period")].toObject(), period);
        const QJsonObject draft = json[QStringLiteral("draft")].toObject();
        QCOMPARE(draft.keys(), (QStringList{"engineering", "sla"}));
        QCOMPARE(draft[QStringLiteral("sla")].toObject().keys(),
                 (QStringList{"claim", "first_response", "resolution"}));
        const QJsonObject resolution = draft["sla"]["resolution"].toObject();
        QCOMPARE(resolution.keys(), (QStringList{"breach_rate", "breached", "met"}));
        QCOMPARE(resolution["met"].toInt(), 2);
        QCOMPARE(resolution["breached"].toInt(), 4);
        QCOMPARE(resolution["breach_rate"].toDouble(), 4.0 / 6.0);
        QCOMPARE(draft["engineering"].toObject().keys(),
                 (QStringList{"engineer_hours", "escalations"}));
        QCOMPARE(draft["engineering"]["engineer_hours"].toDouble(), 1.0);
        const QJsonArray changed = json[QStringLiteral("changed_tickets")].toArray();
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed[0].toObject().keys(),
                 (QStringList{"priority_draft", "priority_published", "rule_draft",
                              "rule_published", "ticket_id", "tier_draft", "tier_published"}));
        QCOMPARE(changed[1]["ticket_id"].toString(), QStringLiteral("R3"));
        QCOMPARE(changed[1]["tier_draft"].toInt(), 2);
    }

    void anEmptyPeriodHasNoRates() {
        ReplayOptions options;
        options.window = {W + 30 * 86400, W + 31 * 86400};
        options.asOf = W + 60 * 86400;
        const MatrixReplay empty =
            replayMatrix(m_workspace->db(), publishedMatrix(), draftMatrix(), options);
        QCOMPARE(empty.tickets, 0);
        QVERIFY(!empty.published.slaOf(sla::SlaTarget::Resolution).breachRate());
        const QJsonObject json = replayJson(empty, {});
        QVERIFY(json["published"]["sla"]["resolution"]["breach_rate"].isNull());
    }
};

QTEST_GUILESS_MAIN(TestMatrixReplay)
#include "tst_matrix_replay.moc"

// Action follow-up (issue #21 item 2, review/ActionFollowUp.h) on a small
// workspace worked out by hand, in UTC unless said.
//
// The action starts 2026-11-02 10:00 (a Monday). Known issue KI-1
// (Integrations, keywords "webhook, signature"). Tickets, each escalated
// 10 minutes after it is created (an `escalated` event, tier 1 → 2):
//   Before the start day, 5 Oct – 1 Nov (35 tickets created):
//     W1–W5 Integration Issue "Webhook signature rejected" (match KI-1),
//           created 6, 8, 10, 12, 14 Oct 09:00; W1 escalated again a day
//           later                                         → 6 escalations
//     S1–S6 Integration Issue "Sync stuck overnight", 16–26 Oct every
//           other day                                     → 6 escalations
//     P1–P3 Product Bug "Invoice total wrong", 7, 9, 11 Oct → 3 escalations
//     F1–F20 not escalated, 5–24 Oct 12:00
//     A1 Integration Issue "Sync stuck overnight", created 1 Nov 23:00,
//           escalated 2 Nov 00:00:00 exactly (so in the AFTER window)
//   From the start day, 2–29 Nov (39 tickets created):
//     A2 Integration Issue "Sync stuck overnight", 10 Nov 09:00
//     P4–P6 Product Bug, 3, 5, 7 Nov
//     F21–F55 not escalated, 2–29 Nov 12:00 (35 tickets)
//   Outside both 4-week windows:
//     E1 Integration Issue "Webhook signature rejected", created 4 Oct
//           22:00, escalated 22:10
//     E2 Integration Issue "Sync stuck overnight", created 30 Nov 00:00,
//           escalated 00:10
//
// As of 30 Nov 00:00: 28 days since 2 Nov → 4 whole weeks. Before = 5 Oct –
// 1 Nov, after = 2 – 29 Nov. Integration Issue: before 12 (W1 ×2, W2–W5,
// S1–S6), after 2 (A1, A2). The exact two-sided binomial test of 2 of 14
// with p = 1/2: P(X ≤ 2) = (C(14,0) + C(14,1) + C(14,2)) / 2^14 =
// (1 + 14 + 91) / 16384 = 106 / 16384, doubled: 212 / 16384 = 0.012939453125
// (by hand; python3: 2*sum(math.comb(14,i) for i in range(3))/2**14; R:
// binom.test(2, 14)$p.value). Weekly: 12/4 = 3 and 2/4 = 0.5; rates 12/35
// and 2/39.

#include "analysis/RootCauses.h"
#include "report/ReportBuilder.h"
#include "review/ActionFollowUp.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace escdesk;
using namespace escdesk::review;

namespace {

const QTimeZone utc = QTimeZone::utc();

UtcSeconds at(const QDate& day, int hour, int minute = 0) {
    return QDateTime(day, QTime(hour, minute), utc).toSecsSinceEpoch();
}

struct Planned {
    QString id;
    const char* rootCause;
    const char* productArea;
    const char* subject;
    UtcSeconds createdAt;
    int escalations; // 0: not escalated; the first 10 min after creation, the next a day apart
    std::optional<UtcSeconds> escalatedAt = std::nullopt; // overrides the first one
};

std::vector<Planned> plannedTickets() {
    std::vector<Planned> planned;
    const char* webhook = "Webhook signature rejected";
    const char* sync = "Sync stuck overnight";
    const QDate october5(2026, 10, 5);
    for (int i = 0; i < 5; ++i) {
        planned.push_back({QStringLiteral("W%1").arg(i + 1), "Integration Issue", "Integrations",
                           webhook, at({2026, 10, 6 + 2 * i}, 9), i == 0 ? 2 : 1});
    }
    for (int i = 0; i < 6; ++i) {
        planned.push_back({QStringLiteral("S%1").arg(i + 1), "Integration Issue", "Integrations",
                           sync, at({2026, 10, 16 + 2 * i}, 9), 1});
    }
    for (int i = 0; i < 3; ++i) {
        planned.push_back({QStringLiteral("P%1").arg(i + 1), "Product Bug", "Billing",
                           "Invoice total wrong", at({2026, 10, 7 + 2 * i}, 9), 1});
        planned.push_back({QStringLiteral("P%1").arg(i + 4), "Product Bug", "Billing",
                           "Invoice total wrong", at({2026, 11, 3 + 2 * i}, 9), 1});
    }
    for (int i = 0; i < 20; ++i) {
        planned.push_back({QStringLiteral("F%1").arg(i + 1), "", "Admin", "Password reset",
                           at(october5.addDays(i), 12), 0});
    }
    for (int i = 0; i < 35; ++i) {
        planned.push_back({QStringLiteral("F%1").arg(i + 21), "", "Admin", "Password reset",
                           at(QDate(2026, 11, 2).addDays(i % 28), 12), 0});
    }
    planned.push_back({QStringLiteral("A1"), "Integration Issue", "Integrations", sync,
                       at({2026, 11, 1}, 23), 1, at({2026, 11, 2}, 0)});
    planned.push_back({QStringLiteral("A2"), "Integration Issue", "Integrations", sync,
                       at({2026, 11, 10}, 9), 1});
    planned.push_back({QStringLiteral("E1"), "Integration Issue", "Integrations", webhook,
                       at({2026, 10, 4}, 22), 1});
    planned.push_back({QStringLiteral("E2"), "Integration Issue", "Integrations", sync,
                       at({2026, 11, 30}, 0), 1});
    return planned;
}

void build(store::Workspace& workspace) {
    store::Transaction transaction(workspace.db());
    store::DataWriter writer(workspace.db());
    KnownIssue issue;
    issue.issueId = QStringLiteral("KI-1");
    issue.title = QStringLiteral("Webhook signatures fail");
    issue.productArea = QStringLiteral("Integrations");
    issue.keywords = QStringLiteral("webhook, signature");
    writer.insertKnownIssue(issue);
    for (const Planned& p : plannedTickets()) {
        Ticket t;
        t.ticketId = p.id;
        t.createdAt = p.createdAt;
        t.rootCause = QString::fromLatin1(p.rootCause);
        t.productArea = QString::fromLatin1(p.productArea);
        t.subject = QString::fromLatin1(p.subject);
        t.tier = p.escalations > 0 ? 2 : 1;
        const auto row = writer.insertTicket(t);
        for (int i = 0; i < p.escalations; ++i) {
            TicketEvent e;
            e.kind = EventKind::Escalated;
            e.occurredAt = (p.escalatedAt ? *p.escalatedAt : p.createdAt + 600) + i * 86400;
            e.fromTier = 1;
            e.toTier = 2;
            writer.insertEvent(row, e);
        }
    }
    transaction.commit();
}

Action action(ActionSubject kind, const QString& subject, UtcSeconds createdAt) {
    Action a;
    a.title = QStringLiteral("Fix it");
    a.subjectKind = kind;
    a.subject = subject;
    a.owner = QStringLiteral("Dana");
    a.deadline = {2026, 12, 1};
    a.createdAt = createdAt;
    return a;
}

const UtcSeconds started = at({2026, 11, 2}, 10);
const UtcSeconds november30 = at({2026, 11, 30}, 0);

} // namespace

class TestActionFollowUp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

    ActionFollowUp followUp(ActionSubject kind, const QString& subject, UtcSeconds asOf,
                            UtcSeconds createdAt = started) {
        return followUpAction(m_workspace->db(), action(kind, subject, createdAt), asOf, utc);
    }

private slots:
    void initTestCase() {
        m_workspace =
            std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("follow-up.db")));
        build(*m_workspace);
    }

    void exactBinomialMatchesHandWork() {
        // 2 of 14: 2 · 106 / 16384 (header).
        QCOMPARE(exactBinomialTwoSidedHalf(2, 14), 212.0 / 16384.0);
        QCOMPARE(exactBinomialTwoSidedHalf(12, 14), 212.0 / 16384.0); // symmetric
        // 0 of 6: 2 · (1/2)^6 = 1/32.
        QCOMPARE(exactBinomialTwoSidedHalf(0, 6), 1.0 / 32.0);
        // The issue's example, 41 before and 18 after: 18 of 59. By python3,
        // 2*sum(math.comb(59,i) for i in range(19))/2**59 = 0.0037937056353716…
        // (R: binom.test(18, 59) gives 0.003794).
        QVERIFY(std::abs(exactBinomialTwoSidedHalf(18, 59) - 0.0037937056353716) < 1e-12);
        QCOMPARE(pValueText(exactBinomialTwoSidedHalf(18, 59)), QStringLiteral("p < 0.01"));
        // The middle outcome and no outcomes at all: p = 1.
        QCOMPARE(exactBinomialTwoSidedHalf(3, 6), 1.0);
        QCOMPARE(exactBinomialTwoSidedHalf(0, 0), 1.0);
        // A large n stays finite (logs): 500 of 1000 is the middle.
        QCOMPARE(exactBinomialTwoSidedHalf(500, 1000), 1.0);
        QCOMPARE(pValueText(0.0004), QStringLiteral("p < 0.001"));
        QCOMPARE(pValueText(0.03125), QStringLiteral("p = 0.031"));
    }

    void rootCauseFellInFourWeeks() {
        const ActionFollowUp f =
            followUp(ActionSubject::RootCause, QStringLiteral("Integration Issue"), november30);
        QCOMPARE(f.startDay, QDate(2026, 11, 2));
        QCOMPARE(f.weeks, 4);
        QCOMPARE(f.before.firstDay, QDate(2026, 10, 5));
        QCOMPARE(f.before.lastDay, QDate(2026, 11, 1));
        QCOMPARE(f.after.firstDay, QDate(2026, 11, 2));
        QCOMPARE(f.after.lastDay, QDate(2026, 11, 29));
        QCOMPARE(f.before.window.from, at({2026, 10, 5}, 0));
        QCOMPARE(f.after.window.to, november30);
        QCOMPARE(f.before.escalations, 12);
        QCOMPARE(f.after.escalations, 2);
        // 5–11 Oct: W1 ×2, W2, W3; 12–18: W4, W5, S1, S2; 19–25: S3–S5; 26 Oct – 1 Nov: S6.
        QCOMPARE(f.before.weekly, (std::vector<std::int64_t>{4, 4, 3, 1}));
        QCOMPARE(f.after.weekly, (std::vector<std::int64_t>{1, 1, 0, 0})); // A1, A2
        QCOMPARE(f.before.tickets, 35);
        QCOMPARE(f.after.tickets, 39);
        QCOMPARE(*f.before.rate(), 12.0 / 35.0);
        QCOMPARE(*f.after.rate(), 2.0 / 39.0);
        QCOMPARE(*f.pValue, 212.0 / 16384.0);
        QCOMPARE(f.outcome, FollowUpOutcome::Fell);
        QCOMPARE(f.verdict, QStringLiteral("fell from 3 to 0.5 a week since 2 Nov, p = 0.013"));
    }

    void countsAgreeWithTheRootCausesAnalysis() {
        // One number, one value: the after window's count is the Root causes
        // analysis's count of that window.
        const ActionFollowUp f =
            followUp(ActionSubject::RootCause, QStringLiteral("Integration Issue"), november30);
        const analysis::RootCauseAnalysis causes =
            analysis::analyseRootCauses(m_workspace->db(), f.after.window, {});
        const auto row = std::find_if(causes.rows.begin(), causes.rows.end(), [](const auto& r) {
            return r.rootCause == QLatin1String("Integration Issue");
        });
        QVERIFY(row != causes.rows.end());
        QCOMPARE(row->count, f.after.escalations);
        // Its window before, of equal length, is the follow-up's before window.
        QCOMPARE(row->previousCount, f.before.escalations);
    }

    void noChangeIsSaidWithBothWeeklyFigures() {
        // Product Bug: 3 before, 3 after; 3 of 6 is the middle outcome, p = 1.
        // 3 / 4 = 0.75 a week, shown to one decimal: 0.8.
        const ActionFollowUp f =
            followUp(ActionSubject::RootCause, QStringLiteral("product bug"), november30);
        QCOMPARE(f.before.escalations, 3);
        QCOMPARE(f.after.escalations, 3);
        QCOMPARE(*f.pValue, 1.0);
        QCOMPARE(f.outcome, FollowUpOutcome::NoChange);
        QCOMPARE(f.verdict,
                 QStringLiteral("no change yet: 0.8 a week before, 0.8 since 2 Nov (p = 1)"));
    }

    void clusterByKnownIssue() {
        // KI-1 matches W1–W5 (6 escalations before), nothing after: 0 of 6,
        // p = 2 / 64 = 0.03125; 6 / 4 = 1.5 a week. The week of 5 Oct holds
        // W1 twice, W2 and W3: 4 of the 6, more than half.
        const ActionFollowUp f =
            followUp(ActionSubject::Cluster, QStringLiteral("KI-1"), november30);
        QCOMPARE(f.before.escalations, 6);
        QCOMPARE(f.after.escalations, 0);
        QCOMPARE(*f.pValue, 1.0 / 32.0);
        QCOMPARE(f.verdict,
                 QStringLiteral("fell from 1.5 to 0 a week since 2 Nov, p = 0.031; the week of "
                                "5 Oct alone had 4 of the 6 before"));
    }

    void clusterByTopTerms() {
        // "sync, stuck": S1–S6 before, A1 and A2 after: 2 of 8, P(X ≤ 2) =
        // (1 + 8 + 28) / 256, doubled 74 / 256 = 0.2890625.
        const ActionFollowUp f =
            followUp(ActionSubject::Cluster, QStringLiteral("sync, stuck"), november30);
        QCOMPARE(f.before.escalations, 6);
        QCOMPARE(f.after.escalations, 2);
        QCOMPARE(*f.pValue, 74.0 / 256.0);
        QCOMPARE(f.outcome, FollowUpOutcome::NoChange);
        QCOMPARE(f.verdict,
                 QStringLiteral("no change yet: 1.5 a week before, 0.5 since 2 Nov (p = 0.29)"));
        // Every word must be there: "sync, signature" matches no ticket.
        const ActionFollowUp none =
            followUp(ActionSubject::Cluster, QStringLiteral("sync signature"), november30);
        QCOMPARE(none.before.escalations + none.after.escalations, 0);
        QCOMPARE(none.verdict,
                 QStringLiteral("no escalations of it in the 4 weeks before 2 Nov or since"));
    }

    void tooLittleTimeIsSaid() {
        // 12 Nov: 10 days, one whole week (26 Oct – 1 Nov against 2 – 8 Nov:
        // S6 against A1), not enough to judge; no test is made.
        const ActionFollowUp one = followUp(
            ActionSubject::RootCause, QStringLiteral("Integration Issue"), at({2026, 11, 12}, 0));
        QCOMPARE(one.weeks, 1);
        QCOMPARE(one.before.escalations, 1);
        QCOMPARE(one.after.escalations, 1);
        QVERIFY(!one.pValue);
        QCOMPARE(one.outcome, FollowUpOutcome::TooEarly);
        QCOMPARE(one.verdict,
                 QStringLiteral("too early to judge: 1 whole week since 2 Nov, 2 needed"));
        // 8 Nov 23:00 is still in the first week: no window yet.
        const ActionFollowUp none = followUp(
            ActionSubject::RootCause, QStringLiteral("Integration Issue"), at({2026, 11, 8}, 23));
        QCOMPARE(none.weeks, 0);
        QCOMPARE(none.verdict,
                 QStringLiteral("too early to judge: 0 whole weeks since 2 Nov, 2 needed"));
        // Before it was created.
        const ActionFollowUp early = followUp(
            ActionSubject::RootCause, QStringLiteral("Integration Issue"), at({2026, 11, 2}, 9));
        QCOMPARE(early.outcome, FollowUpOutcome::NotStarted);
        QCOMPARE(early.verdict, QStringLiteral("starts 2 Nov"));
    }

    void windowsStopAtEightWeeks() {
        // 25 Jan 2027: 84 days, 12 weeks, capped at 8: before 7 Sep – 1 Nov
        // (E1 now inside: 13, tickets 36), after 2 Nov – 27 Dec (A1, A2, E2:
        // 3, tickets 40). 3 of 16: P(X ≤ 3) = (1 + 16 + 120 + 560) / 65536,
        // doubled 1394 / 65536 = 0.02127…; 13/8 = 1.625 → 1.6, 3/8 → 0.4.
        const ActionFollowUp f = followUp(
            ActionSubject::RootCause, QStringLiteral("Integration Issue"), at({2027, 1, 25}, 0));
        QCOMPARE(f.weeks, followUpLongestWeeks);
        QCOMPARE(f.before.firstDay, QDate(2026, 9, 7));
        QCOMPARE(f.after.lastDay, QDate(2026, 12, 27));
        QCOMPARE(f.before.escalations, 13);
        QCOMPARE(f.after.escalations, 3);
        QCOMPARE(f.before.tickets, 36);
        QCOMPARE(f.after.tickets, 40);
        QCOMPARE(*f.pValue, 1394.0 / 65536.0);
        QCOMPARE(f.verdict, QStringLiteral("fell from 1.6 to 0.4 a week since 2 Nov, p = 0.021"));
    }

    void aFallCarriedByOneWeekIsSaidWithIt() {
        // Another workspace: root cause "Spiky" escalated once on 6 Oct, nine
        // times in the week of 26 Oct (27 Oct 09:00 to 17:00) and once on
        // 10 Nov. As of 30 Nov: before 10, after 1; 1 of 11: P(X <= 1) =
        // (1 + 11) / 2048, doubled 24 / 2048 = 0.01171875 -> "p = 0.012";
        // 10 / 4 = 2.5 and 1 / 4 = 0.25 -> 0.3 a week. The week of 26 Oct
        // holds 9 of the 10 before: more than half, so the verdict says so.
        store::Workspace spiky(m_dir.filePath(QStringLiteral("spiky.db")));
        {
            store::Transaction transaction(spiky.db());
            store::DataWriter writer(spiky.db());
            std::vector<UtcSeconds> escalated{at({2026, 10, 6}, 9), at({2026, 11, 10}, 9)};
            for (int hour = 9; hour < 18; ++hour) {
                escalated.push_back(at({2026, 10, 27}, hour));
            }
            for (std::size_t i = 0; i < escalated.size(); ++i) {
                Ticket t;
                t.ticketId = QStringLiteral("K%1").arg(i + 1);
                t.createdAt = escalated[i] - 600;
                t.rootCause = QStringLiteral("Spiky");
                t.tier = 2;
                TicketEvent e;
                e.kind = EventKind::Escalated;
                e.occurredAt = escalated[i];
                e.fromTier = 1;
                e.toTier = 2;
                writer.insertEvent(writer.insertTicket(t), e);
            }
            transaction.commit();
        }
        const ActionFollowUp f = followUpAction(
            spiky.db(), action(ActionSubject::RootCause, QStringLiteral("Spiky"), started),
            november30, utc);
        QCOMPARE(f.before.weekly, (std::vector<std::int64_t>{1, 0, 0, 9}));
        QCOMPARE(f.after.weekly, (std::vector<std::int64_t>{0, 1, 0, 0}));
        QCOMPARE(*f.pValue, 24.0 / 2048.0);
        QCOMPARE(f.verdict,
                 QStringLiteral("fell from 2.5 to 0.3 a week since 2 Nov, p = 0.012; the "
                                "week of 26 Oct alone had 9 of the 10 before"));
    }

    void startDayIsTheLocalDay() {
        // 2 Nov 03:00 UTC is 1 Nov 22:00 in New York (EST since 1 Nov 02:00):
        // the start day is 1 Nov, whose midnight was still EDT, 04:00 UTC.
        const QTimeZone newYork("America/New_York");
        QVERIFY(newYork.isValid());
        const ActionFollowUp f =
            followUpAction(m_workspace->db(),
                           action(ActionSubject::RootCause, QStringLiteral("Integration Issue"),
                                  at({2026, 11, 2}, 3)),
                           november30, newYork);
        QCOMPARE(f.startDay, QDate(2026, 11, 1));
        QCOMPARE(f.after.window.from, at({2026, 11, 1}, 4));
        QCOMPARE(f.before.window.to, f.after.window.from);
        QCOMPARE(f.weeks, 4); // 29 Nov 19:00 local: 28 days since 1 Nov
    }

    void actionWithoutTargetHasNoFollowUp() {
        const ActionFollowUp f = followUp(ActionSubject::Other, QString(), november30);
        QCOMPARE(f.outcome, FollowUpOutcome::NoTarget);
        const QJsonObject json = followUpToJson(f);
        QVERIFY(json.value(QStringLiteral("before")).isNull());
        QVERIFY(json.value(QStringLiteral("after")).isNull());
        QVERIFY(json.value(QStringLiteral("p_value")).isNull());
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("not tied to a root cause or cluster"));
    }

    void jsonShapeIsSpec10() {
        const QJsonObject json = followUpToJson(
            followUp(ActionSubject::RootCause, QStringLiteral("Integration Issue"), november30));
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("after"), QStringLiteral("before"),
                                           QStringLiteral("p_value"), QStringLiteral("verdict")}));
        const QJsonObject before = json.value(QStringLiteral("before")).toObject();
        QCOMPARE(before.keys(), (QStringList{QStringLiteral("escalations"), QStringLiteral("from"),
                                             QStringLiteral("per_week"), QStringLiteral("rate"),
                                             QStringLiteral("tickets"), QStringLiteral("to"),
                                             QStringLiteral("weeks")}));
        QCOMPARE(before.value(QStringLiteral("from")).toString(), QStringLiteral("2026-10-05"));
        QCOMPARE(before.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-02"));
        QCOMPARE(before.value(QStringLiteral("weeks")).toInt(), 4);
        QCOMPARE(before.value(QStringLiteral("escalations")).toInt(), 12);
        QCOMPARE(before.value(QStringLiteral("per_week")).toDouble(), 3.0);
        QCOMPARE(before.value(QStringLiteral("tickets")).toInt(), 35);
        QCOMPARE(before.value(QStringLiteral("rate")).toDouble(), 12.0 / 35.0);
        const QJsonObject after = json.value(QStringLiteral("after")).toObject();
        QCOMPARE(after.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-02"));
        QCOMPARE(after.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-30"));
        QCOMPARE(after.value(QStringLiteral("per_week")).toDouble(), 0.5);
        QCOMPARE(json.value(QStringLiteral("p_value")).toDouble(), 212.0 / 16384.0);
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("fell from 3 to 0.5 a week since 2 Nov, p = 0.013"));
        // Too early: no windows, no p, a verdict.
        const QJsonObject early = followUpToJson(followUp(
            ActionSubject::RootCause, QStringLiteral("Integration Issue"), at({2026, 11, 5}, 0)));
        QVERIFY(early.value(QStringLiteral("before")).isNull());
        QVERIFY(early.value(QStringLiteral("p_value")).isNull());
    }

    void weeklyReportShowsTheSameFollowUp() {
        // The week 23–29 Nov, asked on 3 Dec: the follow-up is as of the
        // week's end (30 Nov 00:00), so it reads as above; a dropped action and
        // one without a target are left out.
        store::Database& db = m_workspace->db();
        const auto followUpTableOf = [](const report::Report& report) {
            const report::Table* found = nullptr;
            for (const report::Table* t : report.tables()) {
                if (t->id == QLatin1String("action-follow-up")) {
                    found = t;
                }
            }
            return found;
        };
        report::ReportRequest request;
        request.kind = report::ReportKind::Weekly;
        request.first = {2026, 11, 23};
        request.last = {2026, 11, 29};
        request.zone = utc;
        request.asOf = at({2026, 12, 3}, 12);
        // No action at all: no follow-up table (the reports of a workspace
        // without actions read as before).
        QVERIFY(!followUpTableOf(report::buildReport(*m_workspace, request)));

        Action followed =
            action(ActionSubject::RootCause, QStringLiteral("Integration Issue"), started);
        followed.title = QStringLiteral("Harden webhooks");
        addAction(db, followed);
        Action dropped = followed;
        dropped.title = QStringLiteral("Dropped one");
        dropped.status = ActionStatus::Dropped;
        dropped.closedAt = started + 3600;
        addAction(db, dropped);
        Action untargeted = action(ActionSubject::Other, QString(), started);
        untargeted.title = QStringLiteral("Tidy the wiki");
        addAction(db, untargeted);

        const report::Report weekly = report::buildReport(*m_workspace, request);
        const report::Table* table = followUpTableOf(weekly);
        QVERIFY(table);
        QCOMPARE(table->rows.size(), std::size_t(1));
        const auto& row = table->rows.front();
        QCOMPARE(row[0].text, QStringLiteral("Harden webhooks"));
        QCOMPARE(row[1].text, QStringLiteral("Integration Issue"));
        QCOMPARE(row[2].text, QStringLiteral("2 Nov (4 wk)"));
        QCOMPARE(row[3].text, QStringLiteral("3.0 → 0.5"));
        // Per 100 tickets: 1200 / 35 = 34.29, 200 / 39 = 5.13.
        QCOMPARE(row[4].text, QStringLiteral("34.3 → 5.1"));
        QCOMPARE(row[5].text, QStringLiteral("fell from 3 to 0.5 a week since 2 Nov, p = 0.013"));
        QCOMPARE(row[5].tone, report::Tone::Good);

        // The monthly report of November (as of 1 Dec 00:00: 29 days, still
        // 4 weeks) shows the same row.
        request.kind = report::ReportKind::Monthly;
        request.first = {2026, 11, 1};
        request.last = {2026, 11, 30};
        const report::Report monthly = report::buildReport(*m_workspace, request);
        bool found = false;
        for (const report::Table* t : monthly.tables()) {
            if (t->id == QLatin1String("action-follow-up")) {
                QCOMPARE(t->rows.size(), std::size_t(1));
                QCOMPARE(t->rows.front()[5].text, row[5].text);
                found = true;
            }
        }
        QVERIFY(found);
        for (const Action& a : allActions(db)) {
            db.prepare("DELETE FROM review_actions WHERE id = ?").bindAll(a.id).run();
        }
    }
};

QTEST_GUILESS_MAIN(TestActionFollowUp)
#include "tst_action_follow_up.moc"

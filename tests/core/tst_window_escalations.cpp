// The escalations of a window as root causes and clusters read them
// (analysis/WindowEscalations.h), on a workspace worked out by hand.
//
// Window W = [2026-11-02, 2026-11-09) UTC. Known issue KI-1 (Integrations,
// keywords "webhook, signature"). Accounts: A1 ARR 500,000; A2 no ARR.
// Tickets in row order (escalations in hours after W; negative: before):
//   T1 created 10 days before W, root cause "Integration Issue",
//      Integrations, A1, "Webhook signature rejected", resolved 90 min after
//      creation; escalated at -5, 30 and 12 (inserted in that order)
//   T2 created at W + 1 h, no root cause, Billing, account "ZZ" (no such
//      account), "Invoice wrong"; escalated at 2
//   T3 created at W + 2 h, "Product Bug", no account; escalated only at
//      170 h, after W
//   T4 created at W + 3 h, "Product Bug", Reporting, A2, "Report empty";
//      escalated at 4
// In W, by ticket then time: T1 at 12, T1 at 30, T2 at 2, T4 at 4.

#include "analysis/KnownIssueMatcher.h"
#include "analysis/RootCauses.h"
#include "analysis/WindowEscalations.h"
#include "metrics/OutcomeStore.h"
#include "store/DataWriter.h"
#include "store/Schema.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;
using namespace escdesk::store;

namespace {

const QTimeZone utc = QTimeZone::utc();
const UtcSeconds W = QDateTime(QDate(2026, 11, 2), QTime(0, 0), utc).toSecsSinceEpoch();
const Window week{W, W + 7 * 86400};
constexpr UtcSeconds hour = 3600;

struct Spec {
    const char* id;
    UtcSeconds createdAt;
    const char* rootCause;
    const char* productArea;
    const char* account;
    const char* subject;
    std::vector<UtcSeconds> escalatedAt;
    bool escalatedFlag = false;
};

std::vector<Spec> specs() {
    return {
        {"T1",
         W - 240 * hour,
         "Integration Issue",
         "Integrations",
         "A1",
         "Webhook signature rejected",
         {W - 5 * hour, W + 30 * hour, W + 12 * hour}},
        {"T2", W + hour, "", "Billing", "ZZ", "Invoice wrong", {W + 2 * hour}},
        {"T3", W + 2 * hour, "Product Bug", "Reporting", "", "Slow", {W + 170 * hour}},
        {"T4", W + 3 * hour, "Product Bug", "Reporting", "A2", "Report empty", {W + 4 * hour}},
    };
}

// With the event log, or (withEvents false) with each ticket's own
// escalated flag and escalated_at (its last escalation) instead.
void build(Workspace& workspace, bool withEvents) {
    Transaction transaction(workspace.db());
    DataWriter writer(workspace.db());
    KnownIssue issue;
    issue.issueId = QStringLiteral("KI-1");
    issue.title = QStringLiteral("Webhooks");
    issue.productArea = QStringLiteral("Integrations");
    issue.keywords = QStringLiteral("webhook, signature");
    writer.insertKnownIssue(issue);
    Account a1;
    a1.accountId = QStringLiteral("A1");
    a1.arr = 500000;
    writer.insertAccount(a1);
    Account a2;
    a2.accountId = QStringLiteral("A2");
    writer.insertAccount(a2);
    for (const Spec& spec : specs()) {
        Ticket t;
        t.ticketId = QString::fromLatin1(spec.id);
        t.createdAt = spec.createdAt;
        t.rootCause = QString::fromLatin1(spec.rootCause);
        t.productArea = QString::fromLatin1(spec.productArea);
        t.accountId = QString::fromLatin1(spec.account);
        t.subject = QString::fromLatin1(spec.subject);
        if (QByteArray(spec.id) == "T1") {
            t.resolvedAt = spec.createdAt + 90 * 60;
        }
        if (!withEvents) {
            t.escalated = true;
            t.escalatedAt = spec.escalatedAt.back();
        }
        const auto row = writer.insertTicket(t);
        for (UtcSeconds at : withEvents ? spec.escalatedAt : std::vector<UtcSeconds>{}) {
            TicketEvent e;
            e.kind = EventKind::Escalated;
            e.occurredAt = at;
            e.fromTier = 1;
            e.toTier = 2;
            writer.insertEvent(row, e);
        }
    }
    transaction.commit();
}

struct Expected {
    const char* ticketId;
    UtcSeconds at;
    const char* rootCause;
    const char* productArea;
    const char* account;
    std::optional<double> arr;
};

void compare(const WindowEscalations& loaded, const std::vector<Expected>& expected) {
    QCOMPARE(loaded.escalations.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const EscalationRecord& got = loaded.escalations[i];
        const Expected& want = expected[i];
        const auto text = loaded.texts.find(got.ticket);
        QVERIFY(text != loaded.texts.end());
        QCOMPARE(text->second.ticketId, QString::fromLatin1(want.ticketId));
        QCOMPARE(got.at, want.at);
        QCOMPARE(got.rootCause, QString::fromLatin1(want.rootCause));
        QCOMPARE(got.productArea, QString::fromLatin1(want.productArea));
        QCOMPARE(got.accountId, QString::fromLatin1(want.account));
        QCOMPARE(got.accountArr, want.arr);
    }
}

} // namespace

class TestWindowEscalations : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    WindowEscalations load(const QString& name, bool withEvents, TextColumns columns) {
        Workspace workspace(m_dir.filePath(name));
        build(workspace, withEvents);
        const KnownIssueMatcher matcher(allKnownIssues(workspace.db()));
        return loadWindowEscalations(workspace.db(), week, matcher, columns);
    }

private slots:
    // Each escalation in W by ticket row, then time; the ticket's fields
    // with "Unspecified" for no root cause and no ARR for an unknown account.
    void escalationsOfTheEventLog() {
        const WindowEscalations loaded = load(QStringLiteral("events.db"), true, TextColumns::All);
        QVERIFY(loaded.hasEventLog);
        compare(loaded,
                {
                    {"T1", W + 12 * hour, "Integration Issue", "Integrations", "A1", 500000},
                    {"T1", W + 30 * hour, "Integration Issue", "Integrations", "A1", 500000},
                    {"T2", W + 2 * hour, "Unspecified", "Billing", "ZZ", std::nullopt},
                    {"T4", W + 4 * hour, "Product Bug", "Reporting", "A2", std::nullopt},
                });
        const EscalationRecord& t1 = loaded.escalations.front();
        QCOMPARE(t1.createdAt, W - 240 * hour);
        QCOMPARE(t1.resolvedAt, std::optional<UtcSeconds>(W - 240 * hour + 90 * 60));
        QCOMPARE(loaded.escalations[2].resolvedAt, std::nullopt);
        QCOMPARE(loaded.texts.size(), std::size_t{3}); // T1, T2, T4
        const TicketTextFeatures& text = loaded.texts.at(t1.ticket);
        QCOMPARE(text.subject, QStringLiteral("Webhook signature rejected"));
        QCOMPARE(text.terms, std::string("webhook signature rejected"));
        QCOMPARE(text.knownIssue, std::optional<std::size_t>(0));
    }

    // A second read finds the features kept by the first; root causes read
    // the id and the match alone.
    void keptFeaturesReadBack() {
        const QString name = QStringLiteral("kept.db");
        Workspace workspace(m_dir.filePath(name));
        build(workspace, true);
        const KnownIssueMatcher matcher(allKnownIssues(workspace.db()));
        loadWindowEscalations(workspace.db(), week, matcher, TextColumns::All);
        QCOMPARE(workspace.db().queryInt64("SELECT count(*) FROM ticket_text_features"), 3);
        const WindowEscalations again =
            loadWindowEscalations(workspace.db(), week, matcher, TextColumns::IdAndMatch);
        QCOMPARE(again.escalations.size(), std::size_t{4});
        const TicketTextFeatures& text = again.texts.at(again.escalations.front().ticket);
        QCOMPARE(text.ticketId, QStringLiteral("T1"));
        QCOMPARE(text.knownIssue, std::optional<std::size_t>(0));
        QVERIFY(text.subject.isEmpty());
        QVERIFY(text.terms.empty());
        // A ticket changed since: its kept row is dropped and computed again.
        workspace.db().exec("UPDATE tickets SET subject = 'Sync stuck' WHERE ticket_id = 'T1'");
        const WindowEscalations changed =
            loadWindowEscalations(workspace.db(), week, matcher, TextColumns::All);
        const TicketTextFeatures& now = changed.texts.at(changed.escalations.front().ticket);
        QCOMPARE(now.terms, std::string("sync stuck"));
        QCOMPARE(now.knownIssue, std::nullopt);
    }

    // The ticket's fields kept beside its text (schema version 14) follow
    // the ticket: each change of a root cause, product area, account or
    // resolution drops its row; the ARR is read from the accounts each time.
    void keptFieldsFollowTheirTicket() {
        Workspace workspace(m_dir.filePath(QStringLiteral("fields-follow.db")));
        build(workspace, true);
        Database& db = workspace.db();
        const KnownIssueMatcher matcher(allKnownIssues(db));
        loadWindowEscalations(db, week, matcher, TextColumns::IdAndMatch);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_text_features f JOIN tickets t "
                               "ON t.id = f.ticket WHERE t.ticket_id = 'T1' "
                               "AND f.root_cause = 'Integration Issue' "
                               "AND f.product_area = 'Integrations' AND f.account_id = 'A1' "
                               "AND f.created_at = t.created_at "
                               "AND f.resolved_at = t.created_at + 5400"),
                 1);
        db.exec("UPDATE tickets SET root_cause = 'Product Bug' WHERE ticket_id = 'T1'");
        db.exec("UPDATE tickets SET product_area = 'Billing' WHERE ticket_id = 'T4'");
        db.exec("UPDATE tickets SET account_id = 'A2' WHERE ticket_id = 'T2'");
        db.exec("UPDATE accounts SET arr = 1000 WHERE account_id = 'A2'");
        compare(loadWindowEscalations(db, week, matcher, TextColumns::IdAndMatch),
                {
                    {"T1", W + 12 * hour, "Product Bug", "Integrations", "A1", 500000},
                    {"T1", W + 30 * hour, "Product Bug", "Integrations", "A1", 500000},
                    {"T2", W + 2 * hour, "Unspecified", "Billing", "A2", 1000},
                    {"T4", W + 4 * hour, "Product Bug", "Billing", "A2", 1000},
                });
        db.exec("UPDATE tickets SET resolved_at = created_at + 60 WHERE ticket_id = 'T2'");
        db.exec("UPDATE tickets SET resolved_at = NULL WHERE ticket_id = 'T1'");
        const WindowEscalations resolved =
            loadWindowEscalations(db, week, matcher, TextColumns::IdAndMatch);
        QCOMPARE(resolved.escalations[0].resolvedAt, std::nullopt);
        QCOMPARE(resolved.escalations[2].resolvedAt, std::optional<UtcSeconds>(W + hour + 60));
    }

    // With every ticket's outcomes kept the window is the range of the kept
    // escalation outcomes; a change to a ticket takes the mark away (the
    // events then), and the next metrics put it back.
    void windowFromKeptOutcomes() {
        Workspace workspace(m_dir.filePath(QStringLiteral("outcomes.db")));
        build(workspace, true);
        Database& db = workspace.db();
        const KnownIssueMatcher matcher(allKnownIssues(db));
        QVERIFY(!metrics::escalationOutcomesComplete(db));
        const UtcSeconds asOf = W + 30 * 86400;
        metrics::metricsOfWindow(db, week, asOf);
        QVERIFY(metrics::escalationOutcomesComplete(db));
        const std::vector<Expected> expected{
            {"T1", W + 12 * hour, "Integration Issue", "Integrations", "A1", 500000},
            {"T1", W + 30 * hour, "Integration Issue", "Integrations", "A1", 500000},
            {"T2", W + 2 * hour, "Unspecified", "Billing", "ZZ", std::nullopt},
            {"T4", W + 4 * hour, "Product Bug", "Reporting", "A2", std::nullopt},
        };
        compare(loadWindowEscalations(db, week, matcher, TextColumns::All), expected);

        db.exec("UPDATE tickets SET root_cause = 'Configuration' WHERE ticket_id = 'T4'");
        QVERIFY(!metrics::escalationOutcomesComplete(db));
        std::vector<Expected> changed = expected;
        changed[3].rootCause = "Configuration";
        compare(loadWindowEscalations(db, week, matcher, TextColumns::All), changed);
        metrics::metricsOfWindow(db, week, asOf);
        QVERIFY(metrics::escalationOutcomesComplete(db));
        compare(loadWindowEscalations(db, week, matcher, TextColumns::All), changed);

        // Read from the kept rows indeed: one taken away behind the mark's
        // back is missing from the window.
        db.exec("DELETE FROM escalation_outcomes WHERE at = " + std::to_string(W + 2 * hour));
        changed.erase(changed.begin() + 2);
        compare(loadWindowEscalations(db, week, matcher, TextColumns::All), changed);
    }

    // The previous window's counts per root cause are alike from the events
    // and from the kept outcomes: T1's escalation 5 h before W, in
    // [W - 7 days, W).
    void previousCountsFromEitherSource() {
        Workspace workspace(m_dir.filePath(QStringLiteral("previous.db")));
        build(workspace, true);
        Database& db = workspace.db();
        for (bool kept : {false, true}) {
            if (kept) {
                metrics::metricsOfWindow(db, week, W + 30 * 86400);
            }
            QCOMPARE(metrics::escalationOutcomesComplete(db), kept);
            const RootCauseAnalysis analysis = analyseRootCauses(db, week, {});
            QCOMPARE(analysis.escalations, 4);
            QCOMPARE(analysis.previousEscalations, 1);
            for (const RootCauseRow& row : analysis.rows) {
                QCOMPARE(row.previousCount, row.rootCause == "Integration Issue" ? 1 : 0);
            }
        }
    }

    // Version 14 drops the rows kept without the ticket's fields and the
    // trigger that watched the text columns only.
    void versionFourteenDropsOlderRows() {
        const QString path = m_dir.filePath(QStringLiteral("v13.db"));
        Database db(path, Database::Access::ReadWrite);
        upgradeSchema(db, 13);
        db.exec("INSERT INTO ticket_text_features (ticket, ticket_id, basis) VALUES (1, 'T1', 7)");
        db.exec("CREATE TRIGGER text_features_after_ticket_update AFTER UPDATE OF subject "
                "ON tickets BEGIN DELETE FROM ticket_text_features WHERE ticket = OLD.id; END");
        upgradeSchema(db, 14);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM ticket_text_features"), 0);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM sqlite_schema "
                               "WHERE name = 'text_features_after_ticket_update'"),
                 0);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM pragma_table_info('ticket_text_features') "
                               "WHERE name IN ('created_at', 'resolved_at', 'root_cause', "
                               "'product_area', 'account_id')"),
                 5);
    }

    // Without an event log: the tickets created in W whose flag is set and
    // whose escalated_at is in W (T1 was created before W).
    void escalationsOfTheTicketFields() {
        const WindowEscalations loaded = load(QStringLiteral("fields.db"), false, TextColumns::All);
        QVERIFY(!loaded.hasEventLog);
        compare(loaded, {
                            {"T2", W + 2 * hour, "Unspecified", "Billing", "ZZ", std::nullopt},
                            {"T4", W + 4 * hour, "Product Bug", "Reporting", "A2", std::nullopt},
                        });
    }
};

QTEST_GUILESS_MAIN(TestWindowEscalations)
#include "tst_window_escalations.moc"

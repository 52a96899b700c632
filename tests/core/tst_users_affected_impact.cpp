// Users affected in the impact score of root causes and problem clusters
// (issue #21, item 4), on figures worked out by hand:
//
//   impact = N × (1 + A / 1,000,000) × W × (1 + U / 1,000)
//
// No ticket has an account (A = 0) or matches a known issue (W = 2 for every
// escalation). In November 2026:
//   Billing  B1 B2 B3, no users affected          N = 3, U = 0
//            impact = 3 × 1 × 2 = 6
//   Login    L1 (users_affected 600), L2 ("400")  N = 2, U = 1,000
//            impact = 2 × 1 × 2 × (1 + 1000 / 1000) = 8; without U, 4.
// So Login outweighs Billing only because of its users affected; where no
// ticket records them the figures, the formula and the JSON are as before.

#include "analysis/AnalysisJson.h"
#include "analysis/Impact.h"
#include "analysis/ProblemClusters.h"
#include "analysis/RootCauses.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::analysis;

namespace {

const QTimeZone utc = QTimeZone::utc();

UtcSeconds at(int day, int hour = 10) {
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), utc).toSecsSinceEpoch();
}

const Window november{at(1, 0), QDateTime(QDate(2026, 12, 1), QTime(0, 0), utc).toSecsSinceEpoch()};

struct Planted {
    const char* id;
    int day;
    const char* cause;
    const char* subject;
    const char* attributes;
};

// The tickets above; `withUsers` false leaves every attribute out.
void plant(store::Database& db, bool withUsers) {
    const Planted tickets[] = {
        {"B1", 2, "Billing", "Invoice charged twice on the card", ""},
        {"B2", 3, "Billing", "Invoice charged twice this month", ""},
        {"B3", 4, "Billing", "Card charged twice for one invoice", R"({"plan": "pro"})"},
        {"L1", 5, "Login", "Login fails with single sign-on", R"({"users_affected": 600})"},
        {"L2", 6, "Login", "Single sign-on login fails again", R"({"users_affected": "400"})"},
    };
    store::Transaction transaction(db);
    store::DataWriter writer(db);
    for (const Planted& p : tickets) {
        Ticket t;
        t.ticketId = QString::fromLatin1(p.id);
        t.createdAt = at(p.day);
        t.rootCause = QString::fromLatin1(p.cause);
        t.subject = QString::fromUtf8(p.subject);
        t.description = t.subject;
        t.attributes = withUsers ? QString::fromLatin1(p.attributes) : QString();
        t.tier = 1;
        const std::int64_t row = writer.insertTicket(t);
        TicketEvent e;
        e.ticketId = t.ticketId;
        e.occurredAt = t.createdAt + 1800;
        e.kind = EventKind::Escalated;
        e.fromTier = 1;
        e.toTier = 2;
        writer.insertEvent(row, e);
    }
    transaction.commit();
}

const RootCauseRow& causeRow(const RootCauseAnalysis& analysis, const QString& cause) {
    for (const RootCauseRow& row : analysis.rows) {
        if (row.rootCause == cause) {
            return row;
        }
    }
    qFatal("no root cause %s", qPrintable(cause));
}

// The causes by impact, highest first.
QStringList byImpact(const RootCauseAnalysis& analysis) {
    std::vector<RootCauseRow> rows = analysis.rows;
    std::stable_sort(rows.begin(), rows.end(), [](const RootCauseRow& a, const RootCauseRow& b) {
        return a.impact > b.impact;
    });
    QStringList causes;
    for (const RootCauseRow& row : rows) {
        causes << row.rootCause;
    }
    return causes;
}

// The cluster whose members start with `firstTicket`.
const ProblemCluster& clusterOf(const ClusterAnalysis& analysis, const QString& firstTicket) {
    for (const ProblemCluster& cluster : analysis.clusters) {
        if (!cluster.members.empty() && cluster.members.front().ticketId == firstTicket) {
            return cluster;
        }
    }
    qFatal("no cluster led by %s", qPrintable(firstTicket));
}

} // namespace

class TestUsersAffectedImpact : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_with;
    std::unique_ptr<store::Workspace> m_without;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_with = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("with.escdesk")));
        m_without =
            std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("without.escdesk")));
        plant(m_with->db(), true);
        plant(m_without->db(), false);
    }

    void usersAffectedSwapTheRootCausesByImpact() {
        const RootCauseAnalysis with = analyseRootCauses(m_with->db(), november, {});
        QVERIFY(with.usersAffectedKnown);
        QCOMPARE(causeRow(with, QStringLiteral("Billing")).impact, 6.0);
        QCOMPARE(causeRow(with, QStringLiteral("Billing")).usersAffected, 0.0);
        QCOMPARE(causeRow(with, QStringLiteral("Login")).impact, 8.0);
        QCOMPARE(causeRow(with, QStringLiteral("Login")).usersAffected, 1000.0);
        QCOMPARE(byImpact(with), (QStringList{QStringLiteral("Login"), QStringLiteral("Billing")}));

        const RootCauseAnalysis without = analyseRootCauses(m_without->db(), november, {});
        QVERIFY(!without.usersAffectedKnown);
        QCOMPARE(causeRow(without, QStringLiteral("Billing")).impact, 6.0);
        QCOMPARE(causeRow(without, QStringLiteral("Login")).impact, 4.0);
        QCOMPARE(byImpact(without),
                 (QStringList{QStringLiteral("Billing"), QStringLiteral("Login")}));
    }

    void theRootCausesJsonSaysSo() {
        const QJsonObject with = rootCausesToJson(analyseRootCauses(m_with->db(), november, {}));
        QCOMPARE(with.value(QStringLiteral("impact_formula")).toString(), impactFormula(true));
        QVERIFY(with.value(QStringLiteral("impact_formula"))
                    .toString()
                    .contains(QStringLiteral("(1 + users affected / 1,000)")));
        for (const QJsonValue& row : with.value(QStringLiteral("root_causes")).toArray()) {
            const bool login = row[QStringLiteral("root_cause")].toString() == "Login";
            QCOMPARE(row[QStringLiteral("users_affected")].toDouble(-1), login ? 1000.0 : 0.0);
        }

        // Without the attribute: the formula and the shape of before.
        const QJsonObject without =
            rootCausesToJson(analyseRootCauses(m_without->db(), november, {}));
        QCOMPARE(without.value(QStringLiteral("impact_formula")).toString(), impactFormula());
        QVERIFY(!without.value(QStringLiteral("impact_formula"))
                     .toString()
                     .contains(QStringLiteral("users")));
        for (const QJsonValue& row : without.value(QStringLiteral("root_causes")).toArray()) {
            QVERIFY(!row.toObject().contains(QStringLiteral("users_affected")));
        }
    }

    // The same tickets cluster by text: B1 B2 B3 and L1 L2.
    void clustersWeighTheirUsersAffected() {
        const ClusterAnalysis with = analyseClusters(m_with->db(), november);
        QVERIFY(with.usersAffectedKnown);
        QCOMPARE(with.clusters.size(), std::size_t(2));
        QCOMPARE(clusterOf(with, QStringLiteral("B1")).members.size(), std::size_t(3));
        QCOMPARE(clusterOf(with, QStringLiteral("B1")).impact, 6.0);
        QCOMPARE(clusterOf(with, QStringLiteral("L1")).usersAffected, 1000.0);
        QCOMPARE(clusterOf(with, QStringLiteral("L1")).impact, 8.0);

        const ClusterAnalysis without = analyseClusters(m_without->db(), november);
        QVERIFY(!without.usersAffectedKnown);
        QCOMPARE(clusterOf(without, QStringLiteral("L1")).impact, 4.0);
    }

    // The compact JSON text and the QJsonObject agree, key for key.
    void theClustersJsonSaysSo() {
        for (store::Workspace* workspace : {m_with.get(), m_without.get()}) {
            const ClusterAnalysis analysis = analyseClusters(workspace->db(), november);
            const QJsonObject object = clustersToJson(analysis, utc);
            const QJsonObject text =
                QJsonDocument::fromJson(clustersJsonText(analysis, utc, {}).toUtf8()).object();
            QCOMPARE(text, object);
            QCOMPARE(object.value(QStringLiteral("impact_formula")).toString(),
                     impactFormula(analysis.usersAffectedKnown));
            const QJsonObject first = object.value(QStringLiteral("clusters"))[0].toObject();
            QCOMPARE(first.contains(QStringLiteral("users_affected")), analysis.usersAffectedKnown);
        }
    }

    // The index of tickets recording users affected (schema version 19)
    // follows their attributes: cleared, the impact is as without them;
    // set again, it weighs them again. Without the index (an older file),
    // the tickets are read one by one and give the same.
    void theIndexFollowsTheAttributes() {
        store::Database& db = m_with->db();
        db.exec("UPDATE tickets SET attributes = '{}' WHERE ticket_id IN ('L1', 'L2')");
        RootCauseAnalysis analysis = analyseRootCauses(db, november, {});
        QVERIFY(!analysis.usersAffectedKnown);
        QCOMPARE(causeRow(analysis, QStringLiteral("Login")).impact, 4.0);

        db.exec(R"(UPDATE tickets SET attributes = '{"users_affected": 250}' )"
                "WHERE ticket_id = 'L2'");
        analysis = analyseRootCauses(db, november, {});
        QVERIFY(analysis.usersAffectedKnown);
        // 2 × 2 × 1.25 = 5
        QCOMPARE(causeRow(analysis, QStringLiteral("Login")).impact, 5.0);

        db.exec("DROP INDEX tickets_with_users_affected");
        analysis = analyseRootCauses(db, november, {});
        QVERIFY(analysis.usersAffectedKnown);
        QCOMPARE(causeRow(analysis, QStringLiteral("Login")).impact, 5.0);
    }
};

QTEST_GUILESS_MAIN(TestUsersAffectedImpact)
#include "tst_users_affected_impact.moc"

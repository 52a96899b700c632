// One source for every input (issue #17 item 4): the cost rates of the
// escalation matrix price the `cost` figures of every surface — escdesk
// metrics, metrics --segment and trend (JSON), the Dashboard's figures and
// the monthly report's CSV — and a change of the rates in the matrix changes
// them all alike. The figures are worked out by hand from the rates.

#include "matrix/MatrixStore.h"
#include "metrics/Vocabulary.h"
#include "pages/DashboardPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "support/CliJson.h"
#include "widgets/KpiCard.h"

#include <QJsonArray>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using escdesk::testsupport::escdeskOutput;

namespace {

UtcSeconds at(const char* isoUtc) {
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toSecsSinceEpoch();
}

// The workspace (UTC), November 2026:
//   T1, account A-ENT (Enterprise), handle 90 min: escalated 10 Nov 10:00
//       (tier 1 → 2), again 12:00 (2 → 3).
//   T2, account A-SMB (SMB), handle 30 min: escalated 12 Nov 09:30 (1 → 2).
//   T3, account A-SMB, handle 20 min: not escalated.
void fillWorkspace(store::Workspace& workspace) {
    workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
    store::Database& db = workspace.db();
    matrix::seedDefaultMatrix(db, QStringLiteral("UTC"));
    store::Transaction transaction(db);
    store::DataWriter writer(db);
    for (const auto& [id, tier] : {std::pair{"A-ENT", "Enterprise"}, std::pair{"A-SMB", "SMB"}}) {
        Account account;
        account.accountId = QString::fromLatin1(id);
        account.tier = QString::fromLatin1(tier);
        writer.insertAccount(account);
    }
    const auto ticket = [&](const char* id, const char* created, const char* account,
                            double handle) {
        Ticket t;
        t.ticketId = QString::fromLatin1(id);
        t.createdAt = at(created);
        t.accountId = QString::fromLatin1(account);
        t.handleTimeMin = handle;
        return writer.insertTicket(t);
    };
    const auto escalate = [&](std::int64_t row, const char* when, int from, int to) {
        TicketEvent e;
        e.occurredAt = at(when);
        e.kind = EventKind::Escalated;
        e.fromTier = from;
        e.toTier = to;
        writer.insertEvent(row, e);
    };
    const auto t1 = ticket("T1", "2026-11-10T09:00:00Z", "A-ENT", 90);
    escalate(t1, "2026-11-10T10:00:00Z", 1, 2);
    escalate(t1, "2026-11-10T12:00:00Z", 2, 3);
    const auto t2 = ticket("T2", "2026-11-12T09:00:00Z", "A-SMB", 30);
    escalate(t2, "2026-11-12T09:30:00Z", 1, 2);
    ticket("T3", "2026-11-12T10:00:00Z", "A-SMB", 20);
    transaction.commit();
}

// What the figures are at a set of rates, worked out by hand.
struct Expected {
    double handling;      // November, all tickets
    double interruptions; // November, all tickets
    double enterpriseHandling;
    double smbHandling;
};

// Escalated tickets T1 and T2, mean handle time (90 + 30) / 2 = 60 min = 1 h;
// one escalation reaching tier 3 (T1's second). Enterprise: T1 alone, 1.5 h,
// with the tier-3 escalation; SMB: T2 alone, 0.5 h, none.
Expected expectedAt(double agentPerHour, double engineerPerHour, double interruptionMin,
                    double recoveryMin) {
    const double interruption = (interruptionMin + recoveryMin) / 60.0 * engineerPerHour;
    return {2 * 1.0 * agentPerHour, 1 * interruption, 1 * 1.5 * agentPerHour,
            1 * 0.5 * agentPerHour};
}

const QStringList november{QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                           QStringLiteral("--to"),   QStringLiteral("2026-12-01"),
                           QStringLiteral("--tz"),   QStringLiteral("UTC")};

QJsonObject json(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object();
}

// The value of the CSV row whose first cell is `label`, second column.
QString csvValue(const QString& path, const QString& label) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("(no %1)").arg(path);
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        QStringList cells = QString::fromUtf8(line).trimmed().split(QLatin1Char(','));
        for (QString& cell : cells) {
            cell.remove(QLatin1Char('"'));
        }
        if (cells.size() > 1 && cells.front() == label) {
            return cells[1];
        }
    }
    return QStringLiteral("(no row %1)").arg(label);
}

} // namespace

class TestMatrixInputs : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

    QStringList cli(const QStringList& command) const {
        return command + QStringList{QStringLiteral("--db"), m_workspace->path()} + november;
    }

    void setRates(double agent, double engineer, double interruption, double recovery) {
        matrix::Matrix matrix = matrix::loadMatrix(m_workspace->db());
        matrix.cost.agentCostPerHour = agent;
        matrix.cost.engineerCostPerHour = engineer;
        matrix.cost.interruptionMinutes = interruption;
        matrix.cost.recoveryMinutes = recovery;
        matrix::saveMatrix(m_workspace->db(), matrix, QStringLiteral("test"), QString(),
                           at("2026-12-01T00:00:00Z"));
    }

    // Every surface shows the expected costs.
    void checkEverySurface(const Expected& expected) {
        // escdesk metrics --json.
        const QJsonObject cost =
            json(escdeskOutput(cli({QStringLiteral("metrics"), QStringLiteral("--json")})))
                .value(QStringLiteral("cost"))
                .toObject();
        QCOMPARE(cost.value(QStringLiteral("escalation_handling")).toDouble(), expected.handling);
        QVERIFY(qFuzzyCompare(cost.value(QStringLiteral("engineering_interruptions")).toDouble(),
                              expected.interruptions));

        // escdesk metrics --segment tier --json.
        std::map<QString, double> handlingBySegment;
        const QJsonArray segments =
            json(escdeskOutput(cli({QStringLiteral("metrics"), QStringLiteral("--segment"),
                                    QStringLiteral("tier"), QStringLiteral("--json")})))
                .value(QStringLiteral("segments"))
                .toArray();
        for (const QJsonValue& segment : segments) {
            handlingBySegment[segment[QStringLiteral("value")].toString()] =
                segment[QStringLiteral("cost")][QStringLiteral("escalation_handling")].toDouble();
        }
        QCOMPARE(handlingBySegment[QStringLiteral("Enterprise")], expected.enterpriseHandling);
        QCOMPARE(handlingBySegment[QStringLiteral("SMB")], expected.smbHandling);

        // escdesk trend --granularity month --json: November is one period.
        const QJsonArray periods =
            json(escdeskOutput(cli({QStringLiteral("trend"), QStringLiteral("--granularity"),
                                    QStringLiteral("month"), QStringLiteral("--json")})))
                .value(QStringLiteral("periods"))
                .toArray();
        QCOMPARE(periods.size(), 1);
        QCOMPARE(
            periods[0][QStringLiteral("cost")][QStringLiteral("escalation_handling")].toDouble(),
            expected.handling);
        QVERIFY(qFuzzyCompare(
            periods[0][QStringLiteral("cost")][QStringLiteral("engineering_interruptions")]
                .toDouble(),
            expected.interruptions));

        // The Dashboard's figures for November.
        ui::DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.resize(1200, 700);
        page.show();
        page.setCustomRange(QDate(2026, 11, 1), QDate(2026, 11, 30));
        page.setPreset(metrics::PeriodPreset::Custom);
        const metrics::Metrics& shown = page.keyFigures().current;
        QCOMPARE(shown.tickets, 3);
        QCOMPARE(*shown.costEscalationHandling, expected.handling);
        QVERIFY(qFuzzyCompare(*shown.costEngineeringInterruptions, expected.interruptions));

        // The monthly report's cost table, as CSV (whole currency units).
        const QString csvDir = m_dir.filePath(QStringLiteral("csv"));
        QDir(csvDir).removeRecursively();
        escdeskOutput(
            cli({QStringLiteral("report"), QStringLiteral("monthly"), QStringLiteral("--format"),
                 QStringLiteral("csv"), QStringLiteral("--out"), csvDir}));
        const QString costCsv = QDir(csvDir).filePath(QStringLiteral("cost.csv"));
        QCOMPARE(csvValue(costCsv, QStringLiteral("Escalation handling")),
                 QString::number(expected.handling, 'f', 0));
        QCOMPARE(csvValue(costCsv, QStringLiteral("Engineering interruptions")),
                 QString::number(expected.interruptions, 'f', 0));
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("m.db")));
        fillWorkspace(*m_workspace);
    }

    // The default matrix: agent 35/h, engineer 85/h, 15 + 23 minutes. So
    // handling 2 × 1 h × 35 = 70; interruptions 38 / 60 × 85 = 53.83;
    // Enterprise 52.5, SMB 17.5.
    void theDefaultRatesPriceEverySurface() {
        const Expected expected = expectedAt(35, 85, 15, 23);
        QCOMPARE(expected.handling, 70.0);
        checkEverySurface(expected);
    }

    // New rates in the matrix: agent 50/h, engineer 120/h, 10 + 20 minutes.
    // Handling 2 × 1 h × 50 = 100; interruptions 30 / 60 × 120 = 60;
    // Enterprise 1 × 1.5 h × 50 = 75, SMB 1 × 0.5 h × 50 = 25.
    void changedRatesChangeEverySurface() {
        setRates(50, 120, 10, 20);
        const Expected expected = expectedAt(50, 120, 10, 20);
        QCOMPARE(expected.handling, 100.0);
        QCOMPARE(expected.interruptions, 60.0);
        QCOMPARE(expected.enterpriseHandling, 75.0);
        checkEverySurface(expected);
    }

    // One vocabulary (item 7): the Dashboard's count of escalated tickets is
    // called so and defined on hover by the core's one definition; the
    // Critical card's badge speaks of the share on it.
    void theDashboardSaysWhatItCounts() {
        ui::DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.resize(1200, 700);
        page.show();
        page.setCustomRange(QDate(2026, 11, 1), QDate(2026, 11, 30));
        page.setPreset(metrics::PeriodPreset::Custom);
        const QString ticketsDefinition =
            QString::fromUtf8(metrics::escalatedTicketsTerm.definition);
        const QString escalationsDefinition =
            QString::fromUtf8(metrics::escalationsTerm.definition);
        int escalatedCards = 0;
        for (ui::KpiCard* card : page.findChildren<ui::KpiCard*>()) {
            if (card->titleText() == QLatin1String("Escalated tickets")) {
                ++escalatedCards;
                QVERIFY(card->toolTip().contains(ticketsDefinition));
            }
            // Figures over escalations say what an escalation is.
            if (card->titleText() == QLatin1String("Bounceback")) {
                QVERIFY(card->toolTip().contains(escalationsDefinition));
            }
        }
        QCOMPARE(escalatedCards, 1);
    }
};

QTEST_MAIN(TestMatrixInputs)
#include "tst_matrix_inputs.moc"

// The dashboard's escalation-rate card: the figure, its benchmark band in
// words, and "—" (never 0%) when the period has no tickets.

#include "pages/DashboardPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "widgets/KpiCard.h"

#include <QLabel>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

UtcSeconds utcDay(int month, int day) {
    return QDateTime(QDate(2026, month, day), QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// `count` tickets created on the day, the first `escalated` of them escalated.
void addTickets(store::DataWriter& writer, const QString& prefix, UtcSeconds created, int count,
                int escalated) {
    for (int i = 0; i < count; ++i) {
        Ticket t;
        t.ticketId = prefix + QString::number(i);
        t.createdAt = created;
        const auto row = writer.insertTicket(t);
        if (i < escalated) {
            TicketEvent e;
            e.occurredAt = created + 60;
            e.kind = EventKind::Escalated;
            writer.insertEvent(row, e);
        }
    }
}

} // namespace

class TestDashboardPage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;
    std::unique_ptr<DashboardPage> m_page;

    void showRange(const QDate& first, const QDate& last) {
        m_page->setCustomRange(first, last);
        m_page->setPreset(metrics::PeriodPreset::Custom);
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("d.db")));
        m_workspace->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        store::Transaction transaction(m_workspace->db());
        store::DataWriter writer(m_workspace->db());
        addTickets(writer, QStringLiteral("A"), utcDay(11, 2), 20, 4);  // 4/20 = 20%
        addTickets(writer, QStringLiteral("B"), utcDay(11, 10), 10, 1); // 1/10 = 10%
        addTickets(writer, QStringLiteral("C"), utcDay(11, 9), 12, 1);  // 1/12 = 8.3%
        transaction.commit();
        m_page = std::make_unique<DashboardPage>();
        m_page->setAsynchronous(false);
        m_page->setWorkspace(m_workspace.get());
        m_page->resize(1100, 600);
        m_page->show();
    }

    void aHighRateNeedsAttention() {
        showRange(QDate(2026, 11, 2), QDate(2026, 11, 2));
        QCOMPARE(m_page->comparison().current.tickets, 20);
        QCOMPARE(m_page->rateCard()->valueText(), QStringLiteral("20.0%"));
        QCOMPARE(m_page->rateCard()->bandText(), QStringLiteral("Attention · > 15%"));
    }

    void tenPercentIsToWatch() {
        showRange(QDate(2026, 11, 10), QDate(2026, 11, 10));
        QCOMPARE(m_page->rateCard()->valueText(), QStringLiteral("10.0%"));
        QCOMPARE(m_page->rateCard()->bandText(), QStringLiteral("Watch · 10–15%"));
        // The day before (9 Nov) had 1 of 12: 10% - 8.33% = +1.7 points, up
        // being bad news for an escalation rate.
        QCOMPARE(m_page->rateCard()->changeText(), QStringLiteral("▲ +1.7 pts"));
    }

    void belowTenPercentIsGood() {
        showRange(QDate(2026, 11, 9), QDate(2026, 11, 9));
        QCOMPARE(m_page->rateCard()->valueText(), QStringLiteral("8.3%"));
        QCOMPARE(m_page->rateCard()->bandText(), QStringLiteral("Good · < 10%"));
        // 8 Nov had no tickets: no rate to compare with.
        QCOMPARE(m_page->rateCard()->changeText(), QStringLiteral("No comparison"));
    }

    void anEmptyPeriodShowsADashNotZero() {
        showRange(QDate(2026, 6, 1), QDate(2026, 6, 30));
        QCOMPARE(m_page->comparison().current.tickets, 0);
        QCOMPARE(m_page->rateCard()->valueText(), QStringLiteral("—"));
        QCOMPARE(m_page->rateCard()->bandText(), QStringLiteral("No tickets in this period"));
    }

    void aWorkspaceWithoutTiersShowsADashAndWhy() {
        // Tickets that say nothing about tiers or escalations (no event, no
        // tier, no escalated flag): escalation is not measurable, not 0%.
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("no-tiers.db")));
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter writer(workspace.db());
            for (int i = 0; i < 5; ++i) {
                Ticket t;
                t.ticketId = QStringLiteral("N%1").arg(i);
                t.createdAt = utcDay(11, 2);
                writer.insertTicket(t);
            }
            transaction.commit();
        }
        DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(&workspace);
        page.resize(1100, 600);
        page.show();
        page.setCustomRange(QDate(2026, 11, 2), QDate(2026, 11, 2));
        page.setPreset(metrics::PeriodPreset::Custom);
        const QString reason = QStringLiteral("no ticket has a tier or an escalation: map a "
                                              "support-level column to measure escalations");
        QCOMPARE(page.comparison().current.tickets, 5);
        QCOMPARE(page.comparison().current.unavailable, reason);
        const QStringList escalationCards{"Escalated", "Escalation rate", "Time to escalate p90",
                                          "Bounceback"};
        int checked = 0;
        for (KpiCard* card : page.findChildren<KpiCard*>()) {
            if (!escalationCards.contains(card->titleText())) {
                continue;
            }
            ++checked;
            QCOMPARE(card->valueText(), QStringLiteral("—"));
            QCOMPARE(card->bandText(), QStringLiteral("Not measurable"));
            const auto labels = card->findChildren<QLabel*>();
            QVERIFY2(std::any_of(labels.begin(), labels.end(),
                                 [&](const QLabel* l) { return l->toolTip() == reason; }),
                     qPrintable(card->titleText()));
        }
        QCOMPARE(checked, escalationCards.size());
        const auto labels = page.findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [&](const QLabel* l) {
            return l->text() ==
                   QStringLiteral("Escalations cannot be measured from this data: %1.").arg(reason);
        }));
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboard_page.moc"

// The dashboard's escalation-rate card: the figure, its benchmark band in
// words, and "—" (never 0%) when the period has no tickets.

#include "pages/DashboardPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "widgets/KpiCard.h"
#include "widgets/PeriodPicker.h"
#include "widgets/WeeklyTrendChart.h"

#include <QLabel>
#include <QLocale>
#include <QScatterSeries>
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
        const QStringList escalationCards{"Escalated tickets", "Escalation rate",
                                          "Time to escalate p90", "Bounceback"};
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

    // A workspace of last year's exports, its newest ticket created on Friday
    // 14 Mar 2025: the dashboard opens on the 30 days ending then and says
    // so; its weekly charts end on the 14th, the week of 10 Mar marked as
    // the week so far (Mon..Fri, 5 of 7 days), never drawn as a whole week.
    void aLastYearWorkspaceOpensOnItsDataWithThePartialWeekMarked() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("last-year.db")));
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        const auto day = [](int month, int d) {
            return QDateTime(QDate(2025, month, d), QTime(12, 0), QTimeZone::utc())
                .toSecsSinceEpoch();
        };
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter writer(workspace.db());
            addTickets(writer, QStringLiteral("F"), day(3, 14), 1, 1); // the week so far
            addTickets(writer, QStringLiteral("M"), day(3, 4), 10, 1); // week of 3 Mar
            addTickets(writer, QStringLiteral("J"), day(2, 13), 4, 2); // first day of 30
            addTickets(writer, QStringLiteral("X"), day(2, 12), 5, 5); // the day before
            transaction.commit();
        }
        DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(&workspace);
        page.resize(1100, 700);
        page.show();
        QCOMPARE(page.periodPicker()->preset(), metrics::PeriodPreset::Last30Days);
        QVERIFY(page.period().followsData);
        QCOMPARE(page.period().dataEnd, QDate(2025, 3, 14));
        QCOMPARE(page.comparison().currentDates,
                 (metrics::DateRange{QDate(2025, 2, 13), QDate(2025, 3, 14)}));
        // 1 + 10 + 4 tickets, 1 + 1 + 2 escalated; before: 14 Jan .. 12 Feb.
        QCOMPARE(page.comparison().current.tickets, 15);
        QCOMPARE(page.comparison().current.escalated, 4);
        QCOMPARE(page.comparison().previous.tickets, 5);
        QVERIFY2(page.periodText().startsWith(QStringLiteral(
                     "Last 30 days of data (to 14 Mar 2025) · 13 Feb – 14 Mar 2025")),
                 qPrintable(page.periodText()));
        QCOMPARE(page.periodPicker()->dataEndText(), QStringLiteral("to 14 Mar 2025"));

        const auto& weeks = page.weeks();
        QCOMPARE(int(weeks.size()), DashboardPage::trendWeeks);
        QCOMPARE(weeks.back().dates, (metrics::DateRange{QDate(2025, 3, 10), QDate(2025, 3, 14)}));
        QVERIFY(weeks.back().partial);
        QCOMPARE(weeks.back().figures.tickets, 1);
        QVERIFY(!weeks[weeks.size() - 2].partial);
        QCOMPARE(weeks[weeks.size() - 2].figures.tickets, 10);
        // Marked on both charts: "*" on its label, drawn apart.
        for (WeeklyTrendChart* chart : {page.rateChart(), page.volumeChart()}) {
            QCOMPARE(chart->weekLabels().back(), QStringLiteral("10*<br>Mar"));
            QCOMPARE(chart->weekLabels()[chart->weekLabels().size() - 2],
                     QStringLiteral("3<br>Mar"));
            QVERIFY(!chart->partialSeries().isEmpty());
        }
        // The rate line stops at the last whole week; the week so far (1 of
        // 1 escalated, 100%) is a hollow point of its own.
        QScatterSeries* hollow = nullptr;
        for (QAbstractSeries* series : page.rateChart()->partialSeries()) {
            if (auto* scatter = qobject_cast<QScatterSeries*>(series)) {
                hollow = scatter;
            }
        }
        QVERIFY(hollow);
        QCOMPARE(hollow->count(), 1);
        QCOMPARE(hollow->at(0), QPointF(DashboardPage::trendWeeks - 1, 100.0));
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboard_page.moc"

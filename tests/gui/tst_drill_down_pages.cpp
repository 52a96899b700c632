// Every figure drills down to its tickets: the dashboard's key-figure cards
// and weekly charts and the Trends page's lines and rising table open the
// list core gives for the figure, on a small workspace worked out by hand.
//
// Reporting zone UTC. W = Mon 2026-11-02 .. Sun 2026-11-08. Ten tickets
// W-0 .. W-9 created W + i hours:
//   W-0 .. W-3 escalated 1→2 at creation + 60 min;
//   W-1 bounced 2→1 at creation + 90 min;
//   W-2 escalated again 2→3 at creation + 120 min;
//   the others never escalated.
// So in W: 10 tickets, 4 escalated (W-0 .. W-3); E(W) holds 5 escalations
// of W-0 .. W-3, one bounced (W-1's); W-2 is the one re-escalated; W-0, W-1
// and W-3 reached tier 2 but never tier 3 (deflected), W-2 reached tier 3.

#include "models/TicketListModel.h"
#include "pages/DashboardPage.h"
#include "pages/TrendsPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "widgets/AnalysisChart.h"
#include "widgets/FigureTicketsDialog.h"
#include "widgets/KpiCard.h"
#include "widgets/TicketListPane.h"
#include "widgets/WeeklyTrendChart.h"

#include <QBarSet>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

const QDate weekStart(2026, 11, 2);
const QDate weekEnd(2026, 11, 8);

UtcSeconds hoursInto(int hours) {
    return QDateTime(weekStart, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() + hours * 3600;
}

void addEvent(store::DataWriter& w, std::int64_t row, EventKind kind, UtcSeconds at, int from,
              int to) {
    TicketEvent e;
    e.kind = kind;
    e.occurredAt = at;
    e.fromTier = from;
    e.toTier = to;
    w.insertEvent(row, e);
}

QStringList listedIds(TicketListPane* pane) {
    QStringList ids;
    for (int row = 0; row < pane->model()->rowCount(); ++row) {
        ids << pane->model()->ticketIdAt(row);
    }
    return ids;
}

// The one drill-down dialog the page opened, then closed for the next one.
FigureTicketsDialog* takeDialog(QWidget& page) {
    const auto dialogs = page.findChildren<FigureTicketsDialog*>();
    return dialogs.size() == 1 ? dialogs.first() : nullptr;
}

void closeDialogs(QWidget& page) {
    qDeleteAll(page.findChildren<FigureTicketsDialog*>());
}

} // namespace

class TestDrillDownPages : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("d.db")));
        m_workspace->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        store::Transaction transaction(m_workspace->db());
        store::DataWriter w(m_workspace->db());
        for (int i = 0; i < 10; ++i) {
            Ticket t;
            t.ticketId = QStringLiteral("W-%1").arg(i);
            t.createdAt = hoursInto(i);
            t.priority = QStringLiteral("High");
            const std::int64_t row = w.insertTicket(t);
            if (i <= 3) {
                addEvent(w, row, EventKind::Escalated, t.createdAt + 60 * 60, 1, 2);
            }
            if (i == 1) {
                addEvent(w, row, EventKind::Bounced, t.createdAt + 90 * 60, 2, 1);
            }
            if (i == 2) {
                addEvent(w, row, EventKind::Escalated, t.createdAt + 120 * 60, 2, 3);
            }
        }
        transaction.commit();
    }

    void keyFigureCardsListTheirTickets() {
        DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.show();
        page.setCustomRange(weekStart, weekEnd);
        page.setPreset(metrics::PeriodPreset::Custom);

        // Bounceback: 1 of 5 escalations; the card lists W-1 and, on the
        // second tab, the four tickets escalated in W.
        KpiCard* bounce = page.figureCard(metrics::KeyFigure::BouncebackRate);
        QCOMPARE(bounce->valueText(), QStringLiteral("20.0%"));
        QTest::mouseClick(bounce, Qt::LeftButton);
        FigureTicketsDialog* dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), QStringList{QStringLiteral("W-1")});
        QVERIFY(dialog->populationPane());
        QCOMPARE(listedIds(dialog->populationPane()), (QStringList{"W-0", "W-1", "W-2", "W-3"}));
        QCOMPARE(dialog->tabs()->count(), 2);
        closeDialogs(page);

        // Re-escalated: W-2, of the four escalated.
        QTest::mouseClick(page.figureCard(metrics::KeyFigure::ReescalatedShare), Qt::LeftButton);
        dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), QStringList{QStringLiteral("W-2")});
        closeDialogs(page);

        // Deflection: W-0, W-1, W-3 reached tier 2 only; W-2 went on to 3.
        QTest::mouseClick(page.figureCard(metrics::KeyFigure::DeflectionRate), Qt::LeftButton);
        dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), (QStringList{"W-0", "W-1", "W-3"}));
        QCOMPARE(listedIds(dialog->populationPane()), (QStringList{"W-0", "W-1", "W-2", "W-3"}));
        closeDialogs(page);

        // Time to escalate: the sample alone, all four at 60 minutes (by
        // creation), no second tab.
        QTest::mouseClick(page.figureCard(metrics::KeyFigure::TimeToEscalateP90), Qt::LeftButton);
        dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), (QStringList{"W-0", "W-1", "W-2", "W-3"}));
        QVERIFY(!dialog->populationPane());
        // Each ticket's own time to escalate beside it.
        const TicketListModel* model = dialog->countedPane()->model();
        QCOMPARE(model->headerData(TicketListModel::ValueColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Time to escalate"));
        QCOMPARE(model->index(3, TicketListModel::ValueColumn).data().toString(),
                 QStringLiteral("60 min"));
        closeDialogs(page);
    }

    void weeklyChartBarsListTheWeek() {
        DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.show();
        page.setCustomRange(weekStart, weekEnd);
        page.setPreset(metrics::PeriodPreset::Custom);
        int week = -1;
        for (std::size_t i = 0; i < page.weeks().size(); ++i) {
            if (page.weeks()[i].dates.first == weekStart) {
                week = int(i);
            }
        }
        if (week < 0) {
            QSKIP("The week of 2 Nov 2026 is no longer among the dashboard's recent weeks.");
        }
        // The escalated part of W's bar in the volume chart.
        QStackedBarSeries* bars = nullptr;
        for (WeeklyTrendChart* chart : page.findChildren<WeeklyTrendChart*>()) {
            for (QAbstractSeries* series : chart->chart()->series()) {
                if (auto* stacked = qobject_cast<QStackedBarSeries*>(series)) {
                    bars = stacked;
                }
            }
        }
        QVERIFY(bars);
        emit bars->clicked(week, bars->barSets().first());
        FigureTicketsDialog* dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), (QStringList{"W-0", "W-1", "W-2", "W-3"}));
        QCOMPARE(listedIds(dialog->populationPane()).size(), 10);
        QCOMPARE(dialog->tabs()->currentIndex(), 0);
    }

    void trendLinePointsListThePeriod() {
        TrendsPage page;
        page.setAsynchronous(false);
        page.setToday(weekEnd);
        page.setWorkspace(m_workspace.get());
        page.show();
        const auto& points = page.figures().trend.points;
        QVERIFY(!points.empty());
        const int last = int(points.size()) - 1;
        QCOMPARE(points.back().period.firstDay, weekStart);

        // A click on W's point of the escalation-rate line.
        QLineSeries* rate = nullptr;
        for (QAbstractSeries* series : page.rateChart()->chart()->series()) {
            if (series->name() == QStringLiteral("Escalation rate")) {
                rate = qobject_cast<QLineSeries*>(series);
            }
        }
        QVERIFY(rate);
        emit rate->clicked(QPointF(last, 40.0));
        FigureTicketsDialog* dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), (QStringList{"W-0", "W-1", "W-2", "W-3"}));
        QCOMPARE(listedIds(dialog->populationPane()).size(), 10);
        closeDialogs(page);

        // The p90 line's point: the escalated tickets by time to escalate.
        page.showP90Tickets(last);
        dialog = takeDialog(page);
        QVERIFY(dialog);
        QCOMPARE(listedIds(dialog->countedPane()), (QStringList{"W-0", "W-1", "W-2", "W-3"}));
    }
};

QTEST_MAIN(TestDrillDownPages)
#include "tst_drill_down_pages.moc"

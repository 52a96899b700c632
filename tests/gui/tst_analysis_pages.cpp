// The Trends, Root causes and Segments pages, the dashboard's key-figure
// cards and the chart export, on a small workspace worked out by hand.
//
// Reporting zone UTC. W = Mon 2026-11-02 .. Sun 2026-11-08.
// In W, 40 tickets created W + i hours (i = 0..39):
//   i = 0..9 High, i = 10..39 Low;
//   escalated 60 minutes after creation (to tier 2): i = 0..7 and 10, 11;
//   root causes of those: Integration Issue i = 0..4 and 10 (subject
//   "Webhook signature rejected by endpoint"), Billing i = 5, 6, 7 (three
//   unrelated subjects), none i = 11;
//   i = 5 is bounced 30 minutes after its escalation.
// The week before (W−1): 4 Low tickets, the first two escalated after 10
//   minutes with root cause Integration Issue.
// W−4, W−3, W−2: one Medium ticket each, escalated after 10 minutes, Billing.

#include "analysis/Trend.h"
#include "models/TicketListModel.h"
#include "pages/DashboardPage.h"
#include "pages/RootCausesPage.h"
#include "pages/SegmentsPage.h"
#include "pages/TrendsPage.h"
#include "store/DataWriter.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"
#include "widgets/AnalysisChart.h"
#include "widgets/ChartExport.h"
#include "widgets/KpiCard.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QSvgRenderer>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

const QDate weekStart(2026, 11, 2);
const QDate weekEnd(2026, 11, 8);

UtcSeconds at(const QDate& day, int hours, int minutes = 0) {
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() + hours * 3600 +
           minutes * 60;
}

std::int64_t add(store::DataWriter& w, const QString& id, UtcSeconds created,
                 const QString& priority, const QString& rootCause, const QString& subject,
                 std::optional<int> escalateAfterMin) {
    Ticket t;
    t.ticketId = id;
    t.createdAt = created;
    t.priority = priority;
    t.rootCause = rootCause;
    t.subject = subject;
    t.tier = escalateAfterMin ? 2 : 1;
    const std::int64_t row = w.insertTicket(t);
    if (escalateAfterMin) {
        TicketEvent e;
        e.kind = EventKind::Escalated;
        e.occurredAt = created + *escalateAfterMin * 60;
        e.fromTier = 1;
        e.toTier = 2;
        w.insertEvent(row, e);
    }
    return row;
}

QStringList column(QTableWidget* table, int column) {
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row) {
        texts << table->item(row, column)->text();
    }
    return texts;
}

QStringList listedIds(TicketListPane* pane) {
    QStringList ids;
    for (int row = 0; row < pane->model()->rowCount(); ++row) {
        ids << pane->model()->ticketIdAt(row);
    }
    return ids;
}

} // namespace

class TestAnalysisPages : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;
    QStringList m_integrationIds; // in order of escalation

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("a.db")));
        m_workspace->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        store::Transaction transaction(m_workspace->db());
        store::DataWriter w(m_workspace->db());
        const QStringList billingSubjects{QStringLiteral("Invoice total wrong for March"),
                                          QStringLiteral("Refund missing after cancellation"),
                                          QStringLiteral("Card declined on renewal")};
        for (int i = 0; i < 40; ++i) {
            const QString id = QStringLiteral("W-%1").arg(i, 2, 10, QLatin1Char('0'));
            const bool high = i < 10;
            const bool escalated = i < 8 || i == 10 || i == 11;
            QString cause;
            QString subject = QStringLiteral("Question %1 about settings").arg(i);
            if (i < 5 || i == 10) {
                cause = QStringLiteral("Integration Issue");
                subject = QStringLiteral("Webhook signature rejected by endpoint");
                m_integrationIds << id;
            } else if (i >= 5 && i < 8) {
                cause = QStringLiteral("Billing");
                subject = billingSubjects[i - 5];
            } else if (i == 11) {
                subject = QStringLiteral("Cannot export report to PDF");
            }
            const UtcSeconds created = at(weekStart, i);
            const std::int64_t row =
                add(w, id, created, high ? QStringLiteral("High") : QStringLiteral("Low"), cause,
                    subject, escalated ? std::optional<int>(60) : std::nullopt);
            if (i == 5) {
                TicketEvent bounce;
                bounce.kind = EventKind::Bounced;
                bounce.occurredAt = created + 90 * 60;
                bounce.fromTier = 2;
                bounce.toTier = 1;
                w.insertEvent(row, bounce);
            }
        }
        for (int i = 0; i < 4; ++i) {
            add(w, QStringLiteral("P-%1").arg(i), at(weekStart.addDays(-7), i),
                QStringLiteral("Low"), i < 2 ? QStringLiteral("Integration Issue") : QString(),
                QStringLiteral("Sync stalls %1").arg(i),
                i < 2 ? std::optional<int>(10) : std::nullopt);
        }
        for (int k = 2; k <= 4; ++k) {
            add(w, QStringLiteral("E-%1").arg(k), at(weekStart.addDays(-7 * k), 1),
                QStringLiteral("Medium"), QStringLiteral("Billing"),
                QStringLiteral("Old charge %1").arg(k), 10);
        }
        transaction.commit();
    }

    void segmentsByPriority() {
        SegmentsPage page;
        page.setAsynchronous(false);
        page.setField(metrics::SegmentField::Priority);
        page.periodPicker()->setCustomRange(weekStart, weekEnd);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.setWorkspace(m_workspace.get());
        page.resize(1100, 760);
        page.show();
        QVERIFY(!page.isBusy());

        // High 8 of 10 = 80.0%, Low 2 of 30 = 6.7%; overall 10 of 40 = 25%:
        // deviations +55.0 and −18.3 points. z-test of High against the
        // rest: pooled p = 0.25, SE = √(0.25 × 0.75 × (1/10 + 1/30)) =
        // 0.1581, z = (0.8 − 0.0667) / 0.1581 = 4.64, two-sided p ≈ 3.5e−6.
        QTableWidget* table = page.table();
        QCOMPARE(column(table, SegmentsPage::SegmentColumn), (QStringList{"High", "Low"}));
        QCOMPARE(column(table, SegmentsPage::TicketsColumn), (QStringList{"10", "30"}));
        QCOMPARE(column(table, SegmentsPage::EscalatedColumn), (QStringList{"8", "2"}));
        QCOMPARE(column(table, SegmentsPage::RateColumn), (QStringList{"80.0%", "6.7%"}));
        QCOMPARE(column(table, SegmentsPage::DeviationColumn),
                 (QStringList{"+55.0 pts", "−18.3 pts"}));
        QCOMPARE(column(table, SegmentsPage::PValueColumn), (QStringList{"< 0.001", "< 0.001"}));
        QCOMPARE(table->item(0, SegmentsPage::FlagColumn)->text(),
                 QStringLiteral("▲ Significantly above"));
        QCOMPARE(table->item(1, SegmentsPage::FlagColumn)->text(), QStringLiteral("Not above"));

        // The chart: one bar per segment, the overall rate as a line at 25%.
        const auto series = page.chart()->chart()->series();
        QCOMPARE(series.size(), 2);
        auto* average = qobject_cast<QLineSeries*>(series[1]);
        QVERIFY(average);
        QCOMPARE(average->at(0).x(), 25.0);

        // Drill-down: High's escalated tickets, then all of them.
        QVERIFY(page.selectSegment(QStringLiteral("High")));
        QCOMPARE(listedIds(page.tickets()),
                 (QStringList{"W-00", "W-01", "W-02", "W-03", "W-04", "W-05", "W-06", "W-07"}));
        page.escalatedOnly()->setChecked(false);
        QCOMPARE(page.tickets()->model()->rowCount(), 10);
        QCOMPARE(page.tickets()->model()->ticketIdAt(9), QStringLiteral("W-09"));
        page.escalatedOnly()->setChecked(true);
        QVERIFY(page.selectSegment(QStringLiteral("Low")));
        QCOMPARE(listedIds(page.tickets()), (QStringList{"W-10", "W-11"}));
    }

    // The counts come first; a segment's tickets are read when it is
    // selected, on a worker, and listed when they arrive.
    void segmentTicketsAreListedWhenSelected() {
        SegmentsPage page;
        page.setField(metrics::SegmentField::Priority);
        page.periodPicker()->setCustomRange(weekStart, weekEnd);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.setWorkspace(m_workspace.get());
        page.resize(1100, 760);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QCOMPARE(column(page.table(), SegmentsPage::TicketsColumn), (QStringList{"10", "30"}));
        QVERIFY(page.selectSegment(QStringLiteral("Low")));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QCOMPARE(listedIds(page.tickets()), (QStringList{"W-10", "W-11"}));
        // All of the same segment's tickets: no second read.
        page.escalatedOnly()->setChecked(false);
        QVERIFY(!page.isBusy());
        QCOMPARE(page.tickets()->model()->rowCount(), 30);
        // Another segment: its own tickets, read when selected.
        page.escalatedOnly()->setChecked(true);
        QVERIFY(page.selectSegment(QStringLiteral("High")));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QCOMPARE(listedIds(page.tickets()).size(), 8);
    }

    void rootCausesRankedWithClusters() {
        RootCausesPage page;
        page.setAsynchronous(false);
        page.periodPicker()->setCustomRange(weekStart, weekEnd);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.setWorkspace(m_workspace.get());
        page.resize(1100, 760);
        page.show();

        // 10 escalations in W: Integration Issue 6 (60%), Billing 3 (30%),
        // Unspecified 1 (10%). The week before: Integration Issue 2.
        QTableWidget* table = page.table();
        QCOMPARE(column(table, RootCausesPage::RootCauseColumn),
                 (QStringList{"Integration Issue", "Billing", "Unspecified"}));
        QCOMPARE(column(table, RootCausesPage::CountColumn), (QStringList{"6", "3", "1"}));
        QCOMPARE(column(table, RootCausesPage::ShareColumn),
                 (QStringList{"60.0%", "30.0%", "10.0%"}));
        QCOMPARE(column(table, RootCausesPage::ChangeColumn),
                 (QStringList{"▲ +4", "▲ +3", "▲ +1"}));
        QCOMPARE(page.chart()->chart()->series().size(), 1);

        // Drill-down: the six Integration Issue tickets in escalation order.
        table->selectRow(0);
        QCOMPARE(listedIds(page.tickets()), m_integrationIds);
        QVERIFY(page.selectedDetailText().contains(QStringLiteral("Integration Issue")));
        table->selectRow(2);
        QCOMPARE(listedIds(page.tickets()), (QStringList{"W-11"}));

        // The six identical webhook subjects make the largest cluster; no
        // known issues in this workspace: a documentation gap.
        QTableWidget* clusters = page.clusterTable();
        QVERIFY(clusters->rowCount() >= 1);
        QCOMPARE(clusters->item(0, RootCausesPage::ClusterSizeColumn)->text(),
                 QStringLiteral("6 of 10"));
        QCOMPARE(clusters->item(0, RootCausesPage::ClusterIssueColumn)->text(),
                 QStringLiteral("Documentation gap"));
        clusters->selectRow(0);
        QCOMPARE(listedIds(page.tickets()), m_integrationIds);
        QVERIFY(page.clusterSentenceText().startsWith(QStringLiteral("6 of 10 escalations")));
        QVERIFY(table->selectedItems().isEmpty());
    }

    // Weekly trend up to Sunday 2026-11-08: 12 weeks, the last one W.
    void trendsWeekly() {
        TrendsPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.resize(1100, 760);
        page.show();
        page.setToday(weekEnd);
        const TrendFigures& f = page.figures();
        QCOMPARE(int(f.trend.points.size()), TrendsPage::weeksShown);
        QCOMPARE(f.trend.points.back().period.firstDay, weekStart);

        // Rates: W−4, W−3, W−2 1 of 1; W−1 2 of 4; W 10 of 40.
        const std::size_t last = f.rate.size() - 1;
        QCOMPARE(*f.rate[last], 0.25);
        QCOMPARE(*f.rate[last - 1], 0.5);
        QCOMPARE(*f.rate[last - 2], 1.0);
        QVERIFY(!f.rate[last - 5]);
        // Moving average at W: (1 + 0.5 + 0.25) / 3; at W−1: (1 + 1 + 0.5) / 3.
        QVERIFY(qAbs(*f.rateAverage[last] - 1.75 / 3.0) < 1e-12);
        QVERIFY(qAbs(*f.rateAverage[last - 1] - 2.5 / 3.0) < 1e-12);
        QVERIFY(!f.rateAverage[last - 3]); // W−3 has only two weeks of values up to it

        // p90 time to escalate: 10 minutes in W−4..W−1, 60 in W: above
        // 1.2 × the median 10 → a regression, marked once on the chart.
        QVERIFY(f.trend.points.back().p90Regression);
        QCOMPARE(*f.trend.points.back().trailingMedianP90, 10.0);
        QScatterSeries* markers = nullptr;
        for (QAbstractSeries* s : page.p90Chart()->chart()->series()) {
            if (auto* scatter = qobject_cast<QScatterSeries*>(s)) {
                markers = scatter;
            }
        }
        QVERIFY(markers);
        QCOMPARE(markers->count(), 1);
        QCOMPARE(markers->at(0), QPointF(last, 60.0));
        QVERIFY(page.p90CheckText().contains(QStringLiteral("regression (more than 20% above)")));

        // Stacked root causes by total: Integration Issue 8, Billing 6,
        // Unspecified 1.
        QCOMPARE(f.rootCauses.names, (QStringList{"Integration Issue", "Billing", "Unspecified"}));
        QCOMPARE(f.rootCauses.counts[0][last], std::int64_t(6));
        QCOMPARE(f.rootCauses.counts[1][last - 2], std::int64_t(1));

        // Integration Issue went 0 → 2 → 6 over the last three weeks, its
        // share from 0% to 60%, with at least 5 in W: rising.
        QCOMPARE(page.risingTable()->rowCount(), 1);
        QCOMPARE(page.risingTable()->item(0, 0)->text(), QStringLiteral("Integration Issue"));
        QCOMPARE(page.risingTable()->item(0, 1)->text(), QStringLiteral("0 → 2 → 6"));

        // Drill-down from the Integration Issue bar of W: its six tickets.
        page.showBarTickets(int(last), 0);
        const auto panes = page.findChildren<TicketListPane*>();
        QCOMPARE(panes.size(), 1);
        QCOMPARE(listedIds(panes.first()), m_integrationIds);

        page.setGranularity(analysis::Granularity::Month);
        QCOMPARE(int(page.figures().trend.points.size()), TrendsPage::monthsShown);
    }

    void dashboardKeyFigureCards() {
        DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.show();
        page.setCustomRange(weekStart, weekEnd);
        page.setPreset(metrics::PeriodPreset::Custom);

        // Time to escalate: all ten W escalations after 60 min; before 10.
        KpiCard* tte = page.figureCard(metrics::KeyFigure::TimeToEscalateP90);
        QCOMPARE(tte->valueText(), QStringLiteral("60 min"));
        QCOMPARE(tte->changeText(), QStringLiteral("▲ +50 min"));
        // Bounceback 1 of 10 = 10.0% (healthy); before 0 of 2.
        KpiCard* bounce = page.figureCard(metrics::KeyFigure::BouncebackRate);
        QCOMPARE(bounce->valueText(), QStringLiteral("10.0%"));
        QCOMPARE(bounce->changeText(), QStringLiteral("▲ +10.0 pts"));
        QCOMPARE(bounce->bandText(), QStringLiteral("Healthy · ≤ 10%"));
        QVERIFY(bounce->toolTip().contains(QStringLiteral("bounceback_rate")));
        // The Escalated card lists W's ten escalated tickets by creation.
        page.showPeriodTickets(true);
        const auto panes = page.findChildren<TicketListPane*>();
        QCOMPARE(panes.size(), 1);
        QCOMPARE(listedIds(panes.first()), (QStringList{"W-00", "W-01", "W-02", "W-03", "W-04",
                                                        "W-05", "W-06", "W-07", "W-10", "W-11"}));
        // No started events anywhere: handoff delay is not measurable, and the
        // card says why rather than "No data" (issue #16).
        KpiCard* handoff = page.figureCard(metrics::KeyFigure::HandoffDelay);
        QCOMPARE(handoff->valueText(), QStringLiteral("—"));
        QCOMPARE(handoff->bandText(), QStringLiteral("Not measurable"));
        const QString noStarts = QStringLiteral("no started events in the workspace: the start "
                                                "of work after a handoff is not recorded in this "
                                                "data");
        const auto labels = handoff->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [&](const QLabel* l) {
            return l->text() == noStarts || l->toolTip() == noStarts;
        }));
    }

    // A workspace of last year's exports (its newest ticket created on
    // Friday 14 Mar 2025) opens on its data: the default "Last 30 days" are
    // 13 Feb .. 14 Mar 2025 on every analysis page, and the label says so.
    void pagesOpenOnALastYearWorkspacesData() {
        QTemporaryDir dir;
        store::Workspace workspace(dir.filePath(QStringLiteral("last-year.db")));
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        {
            store::Transaction transaction(workspace.db());
            store::DataWriter w(workspace.db());
            const QString subject = QStringLiteral("Webhook signature rejected by endpoint");
            add(w, QStringLiteral("L1"), at(QDate(2025, 3, 14), 10), QStringLiteral("High"),
                QStringLiteral("Integration Issue"), subject, 30);
            add(w, QStringLiteral("L2"), at(QDate(2025, 3, 3), 9), QStringLiteral("Low"), {},
                QStringLiteral("Password reset"), std::nullopt);
            add(w, QStringLiteral("L3"), at(QDate(2025, 2, 13), 0, 30), QStringLiteral("Low"), {},
                QStringLiteral("Invoice copy"), std::nullopt);
            // The day before the 30 days: not in them.
            add(w, QStringLiteral("L4"), at(QDate(2025, 2, 12), 23), QStringLiteral("High"),
                QStringLiteral("Integration Issue"), subject, 10);
            transaction.commit();
        }
        const metrics::DateRange expected{QDate(2025, 2, 13), QDate(2025, 3, 14)};
        const QString label = QStringLiteral("Last 30 days of data (to 14 Mar 2025)");

        SegmentsPage segments;
        segments.setAsynchronous(false);
        segments.setWorkspace(&workspace);
        segments.resize(1100, 760);
        segments.show();
        QVERIFY(segments.figures().period.followsData);
        QCOMPARE(segments.figures().dates, expected);
        QCOMPARE(segments.figures().analysis.tickets, std::int64_t(3));
        QVERIFY2(segments.findChild<QLabel*>(QStringLiteral("subtitle"))->text().contains(label),
                 qPrintable(segments.findChild<QLabel*>(QStringLiteral("subtitle"))->text()));
        QCOMPARE(segments.periodPicker()->dataEndText(), QStringLiteral("to 14 Mar 2025"));
        // Custom dates are the user's own: no "of data".
        segments.periodPicker()->setCustomRange(QDate(2026, 1, 1), QDate(2026, 1, 31));
        segments.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        QVERIFY(!segments.figures().period.followsData);
        QCOMPARE(segments.figures().analysis.tickets, std::int64_t(0));
        QVERIFY(segments.periodPicker()->dataEndText().isEmpty());

        RootCausesPage causes;
        causes.setAsynchronous(false);
        causes.setWorkspace(&workspace);
        causes.resize(1100, 760);
        causes.show();
        QCOMPARE(causes.figures().dates, expected);
        QCOMPARE(causes.figures().rootCauses.escalations, std::int64_t(1)); // L1
        QVERIFY(causes.findChild<QLabel*>(QStringLiteral("subtitle"))->text().contains(label));
        QCOMPARE(causes.periodPicker()->dataEndText(), QStringLiteral("to 14 Mar 2025"));

        // Trends has the same picker, on the last 12 weeks: Monday
        // 23 Dec 2024 .. Friday 14 Mar 2025, the week of 10 Mar partial.
        TrendsPage trends;
        trends.setAsynchronous(false);
        trends.setWorkspace(&workspace);
        trends.resize(1100, 760);
        trends.show();
        QVERIFY(trends.periodPicker());
        QCOMPARE(trends.periodPicker()->preset(), metrics::PeriodPreset::Last12Weeks);
        const TrendFigures& f = trends.figures();
        QVERIFY(f.period.followsData);
        QCOMPARE(f.firstDay, QDate(2024, 12, 23));
        QCOMPARE(f.lastDay, QDate(2025, 3, 14));
        QCOMPARE(int(f.trend.points.size()), 12);
        QVERIFY(f.trend.points.back().period.partial);
        QVERIFY(!f.trend.points.front().period.partial);
        QVERIFY2(trends.subtitleText().startsWith(
                     QStringLiteral("Last 12 weeks of data (to 14 Mar 2025)")),
                 qPrintable(trends.subtitleText()));
        QVERIFY(trends.subtitleText().contains(QStringLiteral("* partial week")));
        // Monthly switches to the last 12 months: Apr 2024 .. Mar 2025.
        trends.setGranularity(analysis::Granularity::Month);
        QCOMPARE(trends.periodPicker()->preset(), metrics::PeriodPreset::Last12Months);
        QCOMPARE(trends.figures().firstDay, QDate(2024, 4, 1));
        QCOMPARE(int(trends.figures().trend.points.size()), 12);
        // Any other preset of the picker: the last 30 days of data, in weeks
        // cut at both ends (from Thursday 13 Feb, to Friday 14 Mar).
        trends.setGranularity(analysis::Granularity::Week);
        trends.periodPicker()->setPreset(metrics::PeriodPreset::Last30Days);
        QCOMPARE(trends.figures().firstDay, expected.first);
        QVERIFY(trends.figures().trend.points.front().period.startsLate);
        QVERIFY(trends.figures().trend.points.back().period.endsEarly);
    }

    void chartExportWritesPngAndSvg() {
        AnalysisChart chart(QStringLiteral("Export"), QStringLiteral("export"));
        auto* line = new QLineSeries;
        line->append(0, 1);
        line->append(1, 3);
        chart.addCategoryAxis({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("x"));
        chart.addValueAxis(0, 4, QStringLiteral("%.0f"), QStringLiteral("y"));
        chart.addSeries(line);
        chart.resize(400, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("c.png"));
        const QString svg = dir.filePath(QStringLiteral("c.svg"));
        QVERIFY(chartexport::savePng(&chart, png));
        QVERIFY(chartexport::saveSvg(&chart, svg));
        const QImage image(png);
        // Twice the on-screen size, and not one flat colour.
        QCOMPARE(image.size(), chart.viewport()->size() * 2);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY(colours.size() > 3);
        QVERIFY(QFileInfo(svg).size() > 500);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
    }
};

QTEST_MAIN(TestAnalysisPages)
#include "tst_analysis_pages.moc"

// The Dashboard on the first open after an import, when no ticket's metric
// outcomes are kept yet: the headline shows at once, a bar counts the
// tickets whose outcomes are decided so far while the window keeps
// answering, and the key figures then read what `escdesk metrics` says for
// the same period. Later opens need no progress; a changed ticket is decided
// again, alone.

#include "metrics/KeyFigures.h"
#include "metrics/MetricsJson.h"
#include "models/DisplayText.h"
#include "pages/DashboardPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "support/CliJson.h"
#include "widgets/KpiCard.h"
#include "widgets/PeriodPicker.h"

#include <QJsonDocument>
#include <QLocale>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

UtcSeconds utc(const QDate& day, int hour = 12) {
    return QDateTime(day, QTime(hour, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// The week shown: Monday 2 to Sunday 8 November 2026, in UTC.
const QDate firstDay(2026, 11, 2);
const QDate lastDay(2026, 11, 8);
const UtcSeconds createdInWeek = utc(QDate(2026, 11, 3));
// Tickets of September, outside the week and the one before: enough that
// deciding their outcomes takes two rounds (keepMissingOutcomes decides
// 20,000 tickets a round), so progress shows between them.
constexpr int septemberTickets = 25000;
constexpr int weekTickets = 10;
constexpr int allTickets = septemberTickets + weekTickets;

void addEscalation(store::DataWriter& writer, std::int64_t row, UtcSeconds at) {
    TicketEvent e;
    e.occurredAt = at;
    e.kind = EventKind::Escalated;
    writer.insertEvent(row, e);
}

// Differences between two JSON values, numbers equal within 1e-9.
void collectDifferences(const QJsonValue& shown, const QJsonValue& cli, const QString& path,
                        QStringList& found) {
    if (shown.isObject() && cli.isObject()) {
        const QJsonObject a = shown.toObject();
        const QJsonObject b = cli.toObject();
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        for (const QString& key : keys) {
            collectDifferences(a.value(key), b.value(key), path + QLatin1Char('.') + key, found);
        }
    } else if (shown.isDouble() && cli.isDouble()) {
        if (std::abs(shown.toDouble() - cli.toDouble()) > 1e-9) {
            found << QStringLiteral("%1: %2 ≠ %3")
                         .arg(path)
                         .arg(shown.toDouble())
                         .arg(cli.toDouble());
        }
    } else if (shown != cli) {
        found
            << QStringLiteral("%1: %2 ≠ %3")
                   .arg(
                       path,
                       QString::fromUtf8(
                           QJsonDocument(QJsonObject{{"v", shown}}).toJson(QJsonDocument::Compact)),
                       QString::fromUtf8(
                           QJsonDocument(QJsonObject{{"v", cli}}).toJson(QJsonDocument::Compact)));
    }
}

// What one open of the Dashboard showed while it loaded.
struct Loading {
    bool headlineBeforeKeyFigures = false;
    QString ticketsWhilePending;
    QString timeToEscalateWhilePending;
    std::vector<std::pair<qint64, qint64>> progress; // (decided, lacking) as shown
    QString barTextShown;
    bool barVisibleWhileDeciding = false;
    int eventsWhileLoading = 0;
};

} // namespace

class TestDashboardLoading : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;
    std::vector<std::int64_t> m_weekRows;

    // Opens a Dashboard on the week, as the application does (figures
    // computed on a worker thread), and records what it showed until every
    // figure was shown.
    void open(DashboardPage& page, Loading& seen) {
        page.setWorkspace(m_workspace.get());
        page.setCustomRange(firstDay, lastDay);
        page.setPreset(metrics::PeriodPreset::Custom);
        page.resize(1300, 700);
        KpiCard* timeToEscalate = page.figureCard(metrics::KeyFigure::TimeToEscalateP90);
        connect(&page, &DashboardPage::headlineShown, this, [&] {
            seen.headlineBeforeKeyFigures = page.keyFiguresPending();
            seen.ticketsWhilePending = page.ticketsCard()->valueText();
            seen.timeToEscalateWhilePending = timeToEscalate->valueText();
        });
        connect(&page, &DashboardPage::outcomeProgress, this, [&](qint64 decided, qint64 lacking) {
            seen.progress.emplace_back(decided, lacking);
            seen.barVisibleWhileDeciding = page.outcomeProgressBar()->isVisible();
            seen.barTextShown = page.outcomeProgressBar()->text();
        });
        // A timer of the window's: it fires only while the event loop turns.
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            if (page.keyFiguresPending()) {
                ++seen.eventsWhileLoading;
            }
        });
        tick.start();
        QSignalSpy shown(&page, &DashboardPage::figuresShown);
        page.show();
        if (!shown.wait(120000)) {
            qFatal("the Dashboard did not show its figures");
        }
    }

    QJsonObject cliMetrics() const {
        const QJsonObject all =
            QJsonDocument::fromJson(
                testsupport::escdeskOutput(
                    {QStringLiteral("metrics"), QStringLiteral("--db"), m_workspace->path(),
                     QStringLiteral("--from"), firstDay.toString(Qt::ISODate),
                     QStringLiteral("--to"), lastDay.addDays(1).toString(Qt::ISODate),
                     QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--json")}))
                .object();
        QJsonObject metrics = all;
        metrics.remove(QStringLiteral("period"));
        return metrics;
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("w.db")));
        m_workspace->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        store::Transaction transaction(m_workspace->db());
        store::DataWriter writer(m_workspace->db());
        for (int i = 0; i < septemberTickets; ++i) {
            Ticket t;
            t.ticketId = QStringLiteral("S%1").arg(i);
            t.createdAt = utc(QDate(2026, 9, 1 + i % 30));
            writer.insertTicket(t);
        }
        // In the week: 10 tickets, W0 escalated after 30 minutes and W1
        // after 90.
        for (int i = 0; i < weekTickets; ++i) {
            Ticket t;
            t.ticketId = QStringLiteral("W%1").arg(i);
            t.createdAt = createdInWeek;
            m_weekRows.push_back(writer.insertTicket(t));
        }
        addEscalation(writer, m_weekRows[0], createdInWeek + 30 * 60);
        addEscalation(writer, m_weekRows[1], createdInWeek + 90 * 60);
        transaction.commit();
    }

    void theFirstOpenShowsProgressThenTheCliFigures() {
        Loading seen;
        DashboardPage page;
        open(page, seen);

        // The headline came first, its key figures still being decided.
        QVERIFY(seen.headlineBeforeKeyFigures);
        QCOMPARE(seen.ticketsWhilePending, QStringLiteral("10"));
        QCOMPARE(seen.timeToEscalateWhilePending, QStringLiteral("…"));

        // Every ticket of the workspace lacked its outcomes: counted from 0
        // to all of them, a round of 20,000 at a time, on a visible bar.
        QVERIFY(seen.progress.size() >= 3);
        QCOMPARE(seen.progress.front(), (std::pair<qint64, qint64>(0, allTickets)));
        QCOMPARE(seen.progress[1], (std::pair<qint64, qint64>(20000, allTickets)));
        QCOMPARE(seen.progress.back(), (std::pair<qint64, qint64>(allTickets, allTickets)));
        QVERIFY(seen.barVisibleWhileDeciding);
        QVERIFY2(seen.barTextShown.contains(QStringLiteral("25,010 of 25,010 tickets")),
                 qPrintable(seen.barTextShown));
        // The window kept answering meanwhile.
        QVERIFY(seen.eventsWhileLoading > 0);

        // Then every figure, the bar gone: 2 of 10 escalated; time to
        // escalate over {30, 90} min, p90 = 30 + 0.9 × 60 = 84 min.
        QVERIFY(!page.keyFiguresPending());
        // The engineering-time card reads the outcomes just decided, after them.
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QVERIFY(page.outcomeProgressBar()->isHidden());
        QCOMPARE(page.rateCard()->valueText(), QStringLiteral("20.0%"));
        QCOMPARE(page.keyFigures().current.timeToEscalateMin.p90, std::optional<double>(84.0));
        QVERIFY(page.figureCard(metrics::KeyFigure::TimeToEscalateP90)
                    ->valueText()
                    .startsWith(display::minutes(84.0)));

        // The same figures as escdesk metrics for the week, every one.
        QStringList found;
        collectDifferences(metrics::metricsToJson(page.keyFigures().current), cliMetrics(),
                           QString(), found);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    }

    void laterOpensShowTheFiguresWithoutProgress() {
        Loading seen;
        DashboardPage page;
        open(page, seen);
        QVERIFY(seen.progress.empty());
        QCOMPARE(page.rateCard()->valueText(), QStringLiteral("20.0%"));
        QCOMPARE(page.keyFigures().current.timeToEscalateMin.p90, std::optional<double>(84.0));
    }

    void aTicketChangedSinceIsDecidedAgainAlone() {
        {
            // W2 escalated after 120 minutes, as a later import would add.
            store::Transaction transaction(m_workspace->db());
            store::DataWriter writer(m_workspace->db());
            addEscalation(writer, m_weekRows[2], createdInWeek + 120 * 60);
            transaction.commit();
        }
        Loading seen;
        DashboardPage page;
        open(page, seen);
        // Only W2 lacked its outcomes.
        QCOMPARE(seen.progress.front(), (std::pair<qint64, qint64>(0, 1)));
        QCOMPARE(seen.progress.back(), (std::pair<qint64, qint64>(1, 1)));
        // 3 of 10; {30, 90, 120}: p90 at rank 0.9 × 2 = 1.8, 90 + 0.8 × 30 = 114.
        QCOMPARE(page.rateCard()->valueText(), QStringLiteral("30.0%"));
        QCOMPARE(page.keyFigures().current.timeToEscalateMin.p90, std::optional<double>(114.0));
        QStringList found;
        collectDifferences(metrics::metricsToJson(page.keyFigures().current), cliMetrics(),
                           QString(), found);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    }

    void anotherPeriodPickedMeanwhileWins() {
        // Outcomes dropped again, as after an import; the user picks another
        // period while they are decided: the page ends on the last one picked.
        m_workspace->db().exec("DELETE FROM escalation_outcomes; DELETE FROM ticket_outcomes");
        DashboardPage page;
        page.setWorkspace(m_workspace.get());
        page.setCustomRange(firstDay, lastDay);
        page.setPreset(metrics::PeriodPreset::Custom);
        page.resize(1300, 700);
        QSignalSpy progress(&page, &DashboardPage::outcomeProgress);
        page.show();
        QVERIFY(progress.wait(60000));
        page.setCustomRange(QDate(2026, 9, 1), QDate(2026, 9, 30));
        QSignalSpy shown(&page, &DashboardPage::figuresShown);
        QVERIFY(shown.wait(120000));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 120000);
        // September: 25,000 tickets, none escalated.
        QCOMPARE(page.comparison().currentDates,
                 (metrics::DateRange{QDate(2026, 9, 1), QDate(2026, 9, 30)}));
        QCOMPARE(page.comparison().current.tickets, septemberTickets);
        QCOMPARE(page.rateCard()->valueText(), QStringLiteral("0.0%"));
        QVERIFY(!page.keyFiguresPending());
    }
};

QTEST_MAIN(TestDashboardLoading)
#include "tst_dashboard_loading.moc"

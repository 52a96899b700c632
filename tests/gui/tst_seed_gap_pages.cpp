// Issue #21 in the desktop application: Edit › Preferences… edits the
// workspace settings through core with the CLI's checks; the Segments page
// segments by renewal window (N from those settings) and ARR band; the
// Trends page flags a spike; the Reports page proposes file names with the
// period.
//
// Reporting zone UTC. Segments workspace — accounts (region, ARR, renewal):
//   A EMEA 5,000 2026-12-10; B EMEA 60,000 2027-06-01; C APAC 1,200,000
//   2026-11-20; D none.
// Tickets created in November 2026 (account, escalated):
//   T1 A yes, T2 A no, T3 B yes, T4 C yes, T5 C no, T6 D no, T7 none yes.
// Trend workspace — Billing escalations in the 9 weeks from Mon 28 Sep 2026:
//   2 3 2 4 3 2 3 3 7: the last week spikes (threshold 6, see tst_seed_gaps).

#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "pages/ReportsPage.h"
#include "pages/SegmentsPage.h"
#include "pages/TrendsPage.h"
#include "report/ReportFileName.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "widgets/PeriodPicker.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

UtcSeconds at(const QDate& day, int hour = 10) {
    return QDateTime(day, QTime(hour, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

void addTicket(store::DataWriter& writer, const QString& id, UtcSeconds created,
               const QString& account, bool escalated, const QString& rootCause = {}) {
    Ticket t;
    t.ticketId = id;
    t.createdAt = created;
    t.accountId = account;
    t.rootCause = rootCause;
    t.tier = escalated ? 2 : 1;
    const std::int64_t row = writer.insertTicket(t);
    if (escalated) {
        TicketEvent e;
        e.kind = EventKind::Escalated;
        e.occurredAt = created + 600;
        e.fromTier = 1;
        e.toTier = 2;
        writer.insertEvent(row, e);
    }
}

// Segment label → "tickets/escalated", as the table shows them.
std::map<QString, QString> tableCounts(QTableWidget* table) {
    std::map<QString, QString> counts;
    for (int row = 0; row < table->rowCount(); ++row) {
        counts[table->item(row, SegmentsPage::SegmentColumn)->text()] =
            table->item(row, SegmentsPage::TicketsColumn)->text() + QLatin1Char('/') +
            table->item(row, SegmentsPage::EscalatedColumn)->text();
    }
    return counts;
}

} // namespace

class TestSeedGapPages : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_segments;
    std::unique_ptr<store::Workspace> m_trend;

    void showNovember(SegmentsPage& page, metrics::SegmentField field) {
        page.setAsynchronous(false);
        page.periodPicker()->setCustomRange(QDate(2026, 11, 1), QDate(2026, 11, 30));
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.setWorkspace(m_segments.get());
        page.setField(field);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_segments =
            std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("segments.db")));
        m_segments->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        {
            store::Transaction transaction(m_segments->db());
            store::DataWriter w(m_segments->db());
            auto account = [&](const char* id, const char* region, std::optional<double> arr,
                               QDate renewal) {
                Account a;
                a.accountId = QString::fromLatin1(id);
                a.region = QString::fromLatin1(region);
                a.arr = arr;
                a.renewalDate = renewal;
                w.insertAccount(a);
            };
            account("A", "EMEA", 5000.0, QDate(2026, 12, 10));
            account("B", "EMEA", 60000.0, QDate(2027, 6, 1));
            account("C", "APAC", 1200000.0, QDate(2026, 11, 20));
            account("D", "", std::nullopt, QDate());
            const struct {
                const char* id;
                int day;
                const char* account;
                bool escalated;
            } tickets[] = {{"T1", 2, "A", true}, {"T2", 3, "A", false}, {"T3", 4, "B", true},
                           {"T4", 5, "C", true}, {"T5", 6, "C", false}, {"T6", 9, "D", false},
                           {"T7", 10, "", true}};
            for (const auto& t : tickets) {
                addTicket(w, QString::fromLatin1(t.id), at(QDate(2026, 11, t.day)),
                          QString::fromLatin1(t.account), t.escalated);
            }
            transaction.commit();
        }
        m_trend = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("trend.db")));
        m_trend->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        store::Transaction transaction(m_trend->db());
        store::DataWriter w(m_trend->db());
        const int billing[] = {2, 3, 2, 4, 3, 2, 3, 3, 7};
        for (int week = 0; week < 9; ++week) {
            for (int i = 0; i < billing[week]; ++i) {
                addTicket(w, QStringLiteral("B-%1-%2").arg(week).arg(i),
                          at(QDate(2026, 9, 28).addDays(7 * week), 9 + i), {}, true,
                          QStringLiteral("Billing"));
            }
        }
        transaction.commit();
    }

    void preferencesRefuseThenSave() {
        PreferencesDialog dialog(*m_segments);
        for (const char* key : {"report_recipients", "report_sender", "reporting_tz", "user_name",
                                "renewal_window_days"}) {
            QVERIFY2(dialog.field(QString::fromLatin1(key)), key);
        }
        QCOMPARE(dialog.field(QStringLiteral("reporting_tz"))->text(), QStringLiteral("UTC"));
        dialog.show();
        dialog.field(QStringLiteral("report_recipients"))
            ->setText(QStringLiteral("Zoë Ünal <zoe@example.com>, lead@example.com"));
        dialog.field(QStringLiteral("reporting_tz"))->setText(QStringLiteral("Mars/Base"));
        dialog.field(QStringLiteral("renewal_window_days"))->setText(QStringLiteral("0"));
        dialog.accept();
        // Refused: named under the fields, nothing saved, still open.
        QVERIFY(dialog.isVisible());
        QVERIFY(
            dialog.problem(QStringLiteral("reporting_tz")).contains(QStringLiteral("Mars/Base")));
        QVERIFY(dialog.problem(QStringLiteral("renewal_window_days"))
                    .contains(QStringLiteral("1 to 3650")));
        QVERIFY(dialog.problem(QStringLiteral("report_recipients")).isEmpty());
        QCOMPARE(m_segments->setting(QStringLiteral("report_recipients")), QString());
        QCOMPARE(m_segments->setting(QStringLiteral("reporting_tz")), QStringLiteral("UTC"));
        QCoreApplication::processEvents();
        if (qEnvironmentVariableIsSet("ESCDESK_DIALOG_SHOT")) {
            dialog.grab().save(qEnvironmentVariable("ESCDESK_DIALOG_SHOT"));
        }

        dialog.field(QStringLiteral("reporting_tz"))->setText(QStringLiteral("UTC"));
        dialog.field(QStringLiteral("renewal_window_days"))->setText(QStringLiteral(" 9 "));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.changed());
        QCOMPARE(m_segments->setting(QStringLiteral("report_recipients")),
                 QStringLiteral("Zoë Ünal <zoe@example.com>, lead@example.com"));
        QCOMPARE(m_segments->setting(QStringLiteral("renewal_window_days")), QStringLiteral("9"));
        m_segments->setSetting(QStringLiteral("renewal_window_days"), QStringLiteral(""));
    }

    void preferencesFromTheEditMenu() {
        const QString path = m_dir.filePath(QStringLiteral("menu.db"));
        store::Workspace(path).setSetting(QStringLiteral("user_name"), QStringLiteral("Ana"));
        MainWindow window(false);
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        QVERIFY(window.preferencesAction()->isEnabled());
        PreferencesDialog* dialog = window.showPreferences(false);
        QVERIFY(dialog);
        QCOMPARE(dialog->field(QStringLiteral("user_name"))->text(), QStringLiteral("Ana"));
        dialog->reject();
    }

    // N = 90 (the default): A renews 9 days after the period's end (within),
    // B 182 days after, C before the end, D and T7 without a date.
    void segmentsByRenewalWindow() {
        SegmentsPage page;
        showNovember(page, metrics::SegmentField::RenewalWindow);
        const auto counts = tableCounts(page.table());
        QCOMPARE(counts.size(), std::size_t(4));
        QCOMPARE(counts.at(QStringLiteral("within 90 days")), QStringLiteral("2/1"));
        QCOMPARE(counts.at(QStringLiteral("in 90 days or more")), QStringLiteral("1/1"));
        QCOMPARE(counts.at(QStringLiteral("before the period's end")), QStringLiteral("2/1"));

        // N = 9 from the settings: A is no longer within it.
        m_segments->setSetting(QStringLiteral("renewal_window_days"), QStringLiteral("9"));
        SegmentsPage nine;
        showNovember(nine, metrics::SegmentField::RenewalWindow);
        QCOMPARE(tableCounts(nine.table()).at(QStringLiteral("in 9 days or more")),
                 QStringLiteral("3/2"));
        m_segments->setSetting(QStringLiteral("renewal_window_days"), QStringLiteral(""));
        if (qEnvironmentVariableIsSet("ESCDESK_SEGMENTS_SHOT")) {
            page.resize(1100, 700);
            page.grab().save(qEnvironmentVariable("ESCDESK_SEGMENTS_SHOT"));
        }
    }

    void segmentsByArrBand() {
        SegmentsPage page;
        showNovember(page, metrics::SegmentField::ArrBand);
        const auto counts = tableCounts(page.table());
        QCOMPARE(counts.at(QStringLiteral("under 10k")), QStringLiteral("2/1"));
        QCOMPARE(counts.at(QStringLiteral("50k–250k")), QStringLiteral("1/1"));
        QCOMPARE(counts.at(QStringLiteral("1M and over")), QStringLiteral("2/1"));
    }

    void trendsFlagTheSpike() {
        TrendsPage page;
        page.setAsynchronous(false);
        page.periodPicker()->setCustomRange(QDate(2026, 9, 28), QDate(2026, 11, 29));
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.setWorkspace(m_trend.get());
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        const QString text = page.spikeCheckText();
        QVERIFY2(text.contains(QStringLiteral("Spikes, week of 23 Nov")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Billing</b> 7 (median 3, threshold 6.0)")),
                 qPrintable(text));
        // The tickets carry no text, so no two form a cluster: no cluster spikes.
        QVERIFY2(text.contains(QStringLiteral("Cluster spikes: <span style='color:#1e7f4f'>none")),
                 qPrintable(text));
        if (qEnvironmentVariableIsSet("ESCDESK_TRENDS_SHOT")) {
            page.resize(1200, 800);
            page.grab().save(qEnvironmentVariable("ESCDESK_TRENDS_SHOT"));
        }
    }

    void reportNamesCarryThePeriod() {
        ReportsPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_trend.get());
        page.setKind(report::ReportKind::Weekly);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy() && !page.currentReport().title.isEmpty(), 60000);
        const QDate first = page.currentReport().first;
        QCOMPARE(first.dayOfWeek(), 1); // a whole week, from its Monday
        QCOMPARE(page.suggestedFileName(0),
                 QStringLiteral("weekly-review-%1.pdf").arg(first.toString(Qt::ISODate)));
        page.setKind(report::ReportKind::Quarterly);
        QTRY_VERIFY_WITH_TIMEOUT(
            !page.isBusy() && page.currentReport().kind == report::ReportKind::Quarterly, 60000);
        const QDate quarter = page.currentReport().first;
        QCOMPARE(page.suggestedFileName(0), QStringLiteral("quarterly-report-%1-Q%2.pdf")
                                                .arg(quarter.year())
                                                .arg((quarter.month() - 1) / 3 + 1));
    }
};

QTEST_MAIN(TestSeedGapPages)
#include "tst_seed_gap_pages.moc"

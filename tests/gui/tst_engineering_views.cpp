// The engineering-time ledger and cost per root cause as the GUI shows them
// (#21): the Dashboard's card, the Root causes page's section and cost
// column, and the matrix marks' checkbox columns — each showing the figure
// the core computes (one number, one value).
//
// Reporting zone UTC. W = Mon 2026-11-02 .. Sun 2026-11-08 (7 days).
// Matrix: the defaults, with interruption 15 + recovery 15 min (0.5 engineer
// hours per escalation to engineering), engineer 90/h, agent 40/h.
// In W:
//   G1 Configuration, 1→3, handle 60 min      → to engineering, avoidable
//   G2 Product Bug, 1→3, bounced, handle 30   → to engineering, avoidable
//   G3 Product Bug, 1→3, handle 30            → to engineering
//   G4 Product Bug, 1→2, handle 60            → not
// Ledger: 3 escalations, 1.5 engineer hours, 135 cost; 2 avoidable (67%).
// The week before: G0 Product Bug, 1→3 → 0.5 h, so the card reads +1.0 h.
// Cost per cause: Product Bug (30 + 30 + 60) / 60 × 40 = 80 + 2 × 45 = 170
// (the top cause, 3 escalations); Configuration 60 / 60 × 40 = 40 + 45 = 85.

#include "analysis/EngineeringLedger.h"
#include "matrix/MatrixDocument.h"
#include "matrix/MatrixStore.h"
#include "matrix/TaxonomyEditor.h"
#include "matrix/TiersEditor.h"
#include "pages/DashboardPage.h"
#include "pages/RootCausesPage.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"
#include "widgets/EngineeringCard.h"
#include "widgets/PeriodPicker.h"

#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

const QDate weekStart(2026, 11, 2);
const QDate weekEnd(2026, 11, 8);

UtcSeconds at(const QDate& day, int hours) {
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() + hours * 3600;
}

void add(store::DataWriter& w, const char* id, UtcSeconds created, const char* rootCause,
         int toTier, bool bounced, double handleMin) {
    Ticket t;
    t.ticketId = QString::fromLatin1(id);
    t.createdAt = created;
    t.rootCause = QString::fromLatin1(rootCause);
    t.subject = QStringLiteral("Ticket ") + t.ticketId;
    t.tier = toTier;
    t.handleTimeMin = handleMin;
    const std::int64_t row = w.insertTicket(t);
    TicketEvent e;
    e.kind = EventKind::Escalated;
    e.occurredAt = created + 600;
    e.fromTier = 1;
    e.toTier = toTier;
    w.insertEvent(row, e);
    if (bounced) {
        e.kind = EventKind::Bounced;
        e.occurredAt = created + 1200;
        e.fromTier = toTier;
        e.toTier = 1;
        w.insertEvent(row, e);
    }
}

} // namespace

class TestEngineeringViews : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

private slots:
    void initTestCase() {
        m_workspace =
            std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("views.db")));
        m_workspace->setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
        matrix::Matrix m = matrix::loadMatrix(m_workspace->db());
        m.cost = matrix::CostParameters{QStringLiteral("USD"), 40.0, 90.0, 15.0, 15.0};
        matrix::saveMatrix(m_workspace->db(), m, QStringLiteral("test"), QString(),
                           at(weekStart, 0) - 86400 * 30);
        store::Transaction transaction(m_workspace->db());
        store::DataWriter w(m_workspace->db());
        add(w, "G1", at(weekStart, 1), "Configuration", 3, false, 60);
        add(w, "G2", at(weekStart, 2), "Product Bug", 3, true, 30);
        add(w, "G3", at(weekStart, 3), "Product Bug", 3, false, 30);
        add(w, "G4", at(weekStart, 4), "Product Bug", 2, false, 60);
        add(w, "G0", at(weekStart.addDays(-3), 1), "Product Bug", 3, false, 30);
        transaction.commit();
    }

    void dashboardCardShowsTheLedger() {
        DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.show();
        page.setCustomRange(weekStart, weekEnd);
        page.setPreset(metrics::PeriodPreset::Custom);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        EngineeringCard* card = page.engineeringCard();
        QCOMPARE(card->valueText(), QLocale().toString(1.5, 'f', 1) + QStringLiteral(" h"));
        QVERIFY2(card->changeText().contains(QLocale().toString(1.0, 'f', 1)),
                 qPrintable(card->changeText()));
        QVERIFY2(card->bandText().contains(QLatin1String("66.7%")), qPrintable(card->bandText()));
        QVERIFY(card->toolTip().contains(QLatin1String("3 escalations reached Tier 3")));
    }

    void rootCausesPageShowsTheLedgerAndCosts() {
        RootCausesPage page;
        page.setAsynchronous(false);
        page.periodPicker()->setCustomRange(weekStart, weekEnd);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.setWorkspace(m_workspace.get());
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        const QString text = page.engineeringText();
        QVERIFY2(text.contains(QLatin1String("3 escalations reached Tier 3")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("1.5 engineer hours, 135 USD")));
        QVERIFY(text.contains(QLatin1String("2 of them (67%) avoidable")));
        // The cost of the selected (top) root cause in its detail line.
        QVERIFY2(page.selectedDetailText().contains(QLatin1String("cost 170 USD")),
                 qPrintable(page.selectedDetailText()));
    }

    void matrixMarksAreCheckboxes() {
        MatrixDocument document;
        document.setWorkspace(m_workspace.get());
        TiersEditor tiers(&document);
        TaxonomyEditor taxonomy(&document);
        QTableWidget* tierTable = tiers.table();
        QCOMPARE(tierTable->item(2, TiersEditor::EngineeringColumn)->checkState(), Qt::Checked);
        QCOMPARE(tierTable->item(1, TiersEditor::EngineeringColumn)->checkState(), Qt::Unchecked);
        QTableWidget* categories = taxonomy.table();
        for (int row = 0; row < categories->rowCount(); ++row) {
            const QString name = categories->item(row, TaxonomyEditor::NameColumn)->text();
            QCOMPARE(categories->item(row, TaxonomyEditor::AvoidableColumn)->checkState() ==
                         Qt::Checked,
                     matrix::defaultAvoidableMark(name));
        }
        // Ticking Product Bug's box marks it in the matrix and saves it.
        categories->item(0, TaxonomyEditor::AvoidableColumn)->setCheckState(Qt::Checked);
        QVERIFY(document.matrix().taxonomy[0].avoidable);
        QVERIFY(matrix::loadMatrix(m_workspace->db()).taxonomy[0].avoidable);
    }
};

QTEST_MAIN(TestEngineeringViews)
#include "tst_engineering_views.moc"

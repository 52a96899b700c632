#pragma once

// The dashboard: a period picker and the headline KPI cards (tickets,
// escalated, escalation rate) against the previous period, the rate judged
// by the SPEC §7 benchmark.

#include "metrics/HeadlineComparison.h"
#include "pages/WorkspacePage.h"

class QComboBox;
class QDateEdit;
class QLabel;

namespace escdesk::ui {

class KpiCard;

class DashboardPage : public WorkspacePage {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);

    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("dashboard"); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    void setPreset(metrics::PeriodPreset preset);
    void setCustomRange(const QDate& first, const QDate& last);
    const metrics::HeadlineComparison& comparison() const { return m_comparison; }
    KpiCard* rateCard() const { return m_rateCard; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    metrics::PeriodPreset currentPreset() const;
    QDate today() const;
    void periodChanged();
    void refresh();
    void showFigures();

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    metrics::HeadlineComparison m_comparison;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QWidget* m_customRange;
    QLabel* m_periodText;
    QLabel* m_sourceText;
    KpiCard* m_ticketsCard;
    KpiCard* m_escalatedCard;
    KpiCard* m_rateCard;
};

} // namespace escdesk::ui

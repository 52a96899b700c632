#pragma once

// The dashboard's engineering-time card (#21): the engineer hours that
// escalations took in the period (analysis/EngineeringLedger.h), against the
// period before, with the avoidable share as its band and the annualised
// figures in its tooltip. It computes on a worker thread of its own.

#include "metrics/Period.h"
#include "pages/BackgroundJob.h"
#include "widgets/KpiCard.h"

class QLabel;

namespace escdesk::ui {

class EngineeringCard : public KpiCard {
    Q_OBJECT
public:
    explicit EngineeringCard(QWidget* parent = nullptr);
    ~EngineeringCard() override;

    void setAsynchronous(bool asynchronous) { m_job.setAsynchronous(asynchronous); }
    bool isBusy() const { return m_job.isRunning(); }

    // A line for under the card: the period's figures annualised.
    QLabel* annualisedLabel() const { return m_annualised; }

    // Shows the ledger of `current` against `previous`; nothing without a
    // workspace or valid dates.
    void showPeriod(store::Workspace* workspace, const metrics::DateRange& current,
                    const metrics::DateRange& previous);

    // "…" until showPeriod: the figures it reads are still being decided.
    void showWaiting();

private:
    BackgroundJob m_job;
    QLabel* m_annualised;
};

} // namespace escdesk::ui

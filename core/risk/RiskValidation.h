#pragma once

// Held-out evaluation of the risk model on time (issue #7): train on the
// older months, evaluate on the latest ones, as the model would be used —
// always predicting tickets newer than anything it learned from.
//
// The held-out months are the `testMonths` calendar months (in the
// reporting zone) up to and including the month of the newest ticket;
// training uses every ticket created before the first of them. Only tickets
// whose outcome is known (escalated, or resolved/closed) are counted.

#include "risk/RiskEvaluation.h"
#include "risk/RiskModel.h"
#include "store/Database.h"

#include <QTimeZone>

namespace escdesk::risk {

inline constexpr int defaultTestMonths = 2;

// The first instant of the held-out months.
UtcSeconds heldOutFrom(UtcSeconds newestCreated, const QTimeZone& zone, int testMonths);

struct HeldOutEvaluation {
    UtcSeconds testFrom = 0;
    std::int64_t trainTickets = 0;
    std::int64_t testTickets = 0;
    std::int64_t testEscalated = 0;
    std::optional<double> baseRate; // escalated share of the held-out tickets
    std::optional<double> auc;
    ThresholdCounts atThreshold; // flagged = at or above the model's threshold
    double reviewFrom = 0.0;     // the confidence band [reviewFrom, flagFrom)
    double flagFrom = 0.0;
    std::int64_t flagged = 0; // at or above flagFrom: flagged automatically
    std::int64_t review = 0;  // inside the band: routed to human review
    std::int64_t low = 0;
    std::optional<double> flaggedPrecision;  // escalated share of the auto-flagged
    std::optional<double> reviewEscalated;   // escalated share of the band
    std::optional<double> recallWithReview;  // escalations flagged or in the band
    std::vector<CalibrationBin> calibration; // ten bins
    double trainSeconds = 0.0;
    RiskModel model;              // trained on the older months
    UtcSeconds newestCreated = 0; // the newest ticket's creation
};

// None when there are no tickets before the held-out months.
std::optional<HeldOutEvaluation> evaluateHeldOut(const RiskData& data, const QStringList& keywords,
                                                 const QTimeZone& zone,
                                                 int testMonths = defaultTestMonths);

// The same for the workspace as it is, remembered per workspace file and
// data version (riskDataVersion): a view shown again without a change of
// the data reads no ticket and trains nothing. Every ticket's features are
// read (loadRiskData) only when it must be evaluated anew.
std::optional<HeldOutEvaluation> currentHeldOutEvaluation(store::Database& db,
                                                          const QStringList& keywords,
                                                          const QTimeZone& zone,
                                                          int testMonths = defaultTestMonths);

// What the At risk page says of the model's held-out evaluation: the
// months held out, the AUC on them and their escalated share.
struct HeldOutSummary {
    UtcSeconds testFrom = 0;
    UtcSeconds newestCreated = 0;
    std::optional<double> auc;
    std::optional<double> baseRate;
};

// currentHeldOutEvaluation's summary, kept in the workspace's settings per
// data version, zone and held-out months: a view opened in a new process
// trains nothing (on a million tickets the evaluation takes seconds and
// hundreds of megabytes) while the data is unchanged. Kept through a
// connection of its own when `db` is read-only; computed, not kept, when
// the workspace cannot be written.
std::optional<HeldOutSummary> keptHeldOutSummary(store::Database& db, const QStringList& keywords,
                                                 const QTimeZone& zone,
                                                 int testMonths = defaultTestMonths);

} // namespace escdesk::risk

#pragma once

// Held-out evaluation of the risk model on time (issues #7, #20): train on
// the older tickets, evaluate on the latest ones, as the model would be used
// — always predicting tickets newer than anything it learned from.
//
// By default the held-out part is the newest `defaultTestShare` of the
// tickets whose outcome is known (escalated, or resolved/closed), by
// creation time; with `testMonths` > 0 it is those calendar months (in the
// reporting zone) up to and including the month of the newest ticket.
// Training uses every ticket created before the held-out part, and itself
// keeps its newest fifth to choose the regularisation and calibrate
// (RiskModel::Fitting). Either part too small, or with too few escalations,
// and no AUC is given: the evaluation says which minimum was not met.

#include "risk/Calibration.h"
#include "risk/RiskEvaluation.h"
#include "risk/RiskModel.h"
#include "store/Database.h"

#include <QTimeZone>

namespace escdesk::risk {

inline constexpr int defaultTestMonths = 0; // 0: the newest share instead
inline constexpr double defaultTestShare = 0.3;
// What each part needs for an AUC worth printing.
inline constexpr std::int64_t minimumTrainTickets = 200;
inline constexpr std::int64_t minimumTrainEscalations = 20;
inline constexpr std::int64_t minimumTestTickets = 100;
inline constexpr std::int64_t minimumTestEscalations = 10;
// Risk percentages are shown only when the held-out AUC's 95 % interval
// lies above this.
inline constexpr double minimumTrustedAuc = 0.6;

// The first instant of the held-out months.
UtcSeconds heldOutFrom(UtcSeconds newestCreated, const QTimeZone& zone, int testMonths);

struct HeldOutEvaluation {
    UtcSeconds testFrom = 0;
    UtcSeconds trainFrom = 0;      // the oldest training ticket's creation
    std::int64_t trainTickets = 0; // with a known outcome
    std::int64_t trainEscalated = 0;
    std::int64_t testTickets = 0;
    std::int64_t testEscalated = 0;
    std::optional<double> baseRate; // escalated share of the held-out tickets
    std::optional<double> auc;
    std::optional<AucInterval> aucInterval; // DeLong's 95 % interval
    // The one-feature baseline: each priority's escalation rate in training
    // as the score.
    std::optional<double> priorityAuc;
    std::optional<double> brier; // of the calibrated probabilities
    // Which split minimum was not met (no AUC then); empty when all were.
    QString refused;
    // Why no risk percentage should be shown (scoresWithheld); empty when
    // they may be.
    QString withheld;
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

// None when the data holds no ticket.
std::optional<HeldOutEvaluation> evaluateHeldOut(const RiskData& data, const QStringList& keywords,
                                                 const QTimeZone& zone,
                                                 int testMonths = defaultTestMonths,
                                                 double testShare = defaultTestShare);

// Why the model's scores must not be shown, judged from its evaluation:
// it could not be trained, the split's minimums were not met, or the
// held-out AUC's 95 % interval reaches minimumTrustedAuc ("the model is no
// better than chance on this workspace's history: AUC 0.50 ± 0.03").
// Empty when the scores may be shown.
QString scoresWithheld(const HeldOutEvaluation& evaluation);

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
    std::optional<double> aucLow; // the 95 % interval
    std::optional<double> aucHigh;
    QString withheld; // HeldOutEvaluation::withheld
};

// The summary's withheld reason, or, when there is no summary (no ticket
// at all), that there is no history to test the model on.
QString scoresWithheld(const std::optional<HeldOutSummary>& summary);

// Why the scores of `model`, the workspace's current model, are not shown:
// it could not be trained, or the verdict of the kept held-out summary
// (the share split; evaluated only when the data changed since it was
// kept). One judgement for the at-risk queue, the At risk page, the ticket
// panel and `escdesk risk --ticket`.
QString scoresWithheldFor(store::Database& db, const RiskModel& model);

// The same judged on tickets already read (the held-out evaluation of
// `data` itself), for a caller that brings its own: nothing is read from
// or kept in the workspace.
QString scoresWithheldFor(const RiskData& data, const RiskModel& model);

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

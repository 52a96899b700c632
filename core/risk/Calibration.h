#pragma once

// How far a risk score can be trusted (issue #20): the AUC's confidence
// interval by DeLong's method, Platt scaling of the model's log-odds into
// calibrated probabilities, the Brier score, and the fitting recipe shared
// by the live model and the held-out evaluation — choose the regularisation
// strength and fit the calibration on the newest slice of the training
// period (the validation slice), never on the tickets a model is tested on.

#include "risk/LogisticRegression.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace escdesk::risk {

// The AUC with its variance by DeLong, DeLong & Clarke-Pearson (1988),
// computed from mid-ranks (Sun & Xu 2014) in O(n log n); the 95 % interval
// is AUC ± 1.96 standard errors, clipped to [0, 1].
struct AucInterval {
    double auc = 0.5;
    double variance = 0.0;
    double low = 0.0;
    double high = 1.0;
    double halfWidth() const { return (high - low) / 2.0; }
};

// None without at least two tickets of each class (the variance needs them).
std::optional<AucInterval> delongAuc(const std::vector<double>& scores,
                                     const std::vector<char>& labels);

// p = σ(slope × logit + intercept), fitted by maximum likelihood on the
// validation slice (Platt 1999, without his target smoothing: it would bias
// the probabilities of a small slice towards one half). The identity
// (slope 1, intercept 0) leaves the model's own probabilities.
struct PlattScaling {
    double slope = 1.0;
    double intercept = 0.0;
    double probability(double logit) const;
};

PlattScaling fitPlatt(const std::vector<double>& logits, const std::vector<char>& labels);

// Mean squared difference of probability and outcome; none when empty.
std::optional<double> brierScore(const std::vector<double>& probabilities,
                                 const std::vector<char>& labels);

// The share of a training period's newest tickets that form its validation
// slice, and what the slice must hold to choose and calibrate anything.
inline constexpr double validationShare = 0.2;
inline constexpr std::int64_t minimumValidationEscalations = 5;
inline constexpr std::int64_t minimumValidationOthers = 5;
// The regularisation strengths tried (λ of LogisticRegression.h, on the sum
// of the tickets' losses); the default when there is no validation slice.
inline constexpr std::array<double, 4> regularisationGrid{0.1, 1.0, 10.0, 100.0};
inline constexpr double defaultRegularisation = 1.0;

struct ValidatedFit {
    LogisticModel logistic;
    PlattScaling platt;
    double l2 = defaultRegularisation;
    std::size_t fitRows = 0;        // the older rows the weights were fitted on
    std::size_t validationRows = 0; // 0: no validation slice (all rows fitted on)
    double validationLogLoss = 0.0; // of the chosen strength, before calibration
    double threshold = 0.5;         // best F1 of the calibrated probabilities
};

// Rows (standardised, `width` values each) in creation order; rows from
// `validationFrom` on form the validation slice. When the slice holds too
// few escalations or others, every row is fitted on with the default
// strength and no calibration (validationRows = 0).
// `options` give the Newton settings; their l2 is replaced by the grid's.
ValidatedFit fitWithValidation(const std::vector<double>& rows, std::size_t width,
                               const std::vector<char>& labels, std::size_t validationFrom,
                               LogisticOptions options = {});

} // namespace escdesk::risk

#pragma once

// L2-regularised logistic regression, fitted by Newton's method (iteratively
// reweighted least squares) on standardised features. Small on purpose: the
// risk model has a few dozen features, so each Newton step is one pass over
// the rows to build the gradient and the p × p Hessian, then a Cholesky
// solve; it converges in a handful of steps to the unique optimum of
//
//     Σᵢ [ −yᵢ log pᵢ − (1 − yᵢ) log(1 − pᵢ) ] + λ/2 ‖w‖²,
//     pᵢ = σ(b + w·xᵢ)     (the intercept b is not penalised).
//
// The penalty keeps the weights finite on separable data.

#include <cstddef>
#include <vector>

namespace escdesk::risk {

// Column means and standard deviations (population; 1 for a constant column).
struct Standardizer {
    std::vector<double> mean;
    std::vector<double> scale;

    // Rows are stored one after another, `width` values each.
    static Standardizer fit(const std::vector<double>& rows, std::size_t width);
    void apply(double* row) const;
};

struct LogisticModel {
    double intercept = 0.0;
    std::vector<double> weights;
    int iterations = 0;

    double logit(const double* standardizedRow) const;
    double probability(const double* standardizedRow) const;
};

struct LogisticOptions {
    double l2 = 1.0;
    int maxIterations = 25;
    double tolerance = 1e-8; // on the largest change of a coefficient
};

// Fits on standardised rows (`width` values each) and 0/1 labels.
LogisticModel fitLogistic(const std::vector<double>& rows, std::size_t width,
                          const std::vector<char>& labels, const LogisticOptions& options = {});
// The same on the first `n` rows and labels of arrays (a training period's
// older part, without copying it).
LogisticModel fitLogistic(const double* rows, const char* labels, std::size_t n, std::size_t width,
                          const LogisticOptions& options = {});

double sigmoid(double z);

} // namespace escdesk::risk

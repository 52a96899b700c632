#include "risk/LogisticRegression.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace escdesk::risk {

namespace {

// Solves A x = b for a symmetric positive-definite A (n × n, row-major) by
// Cholesky decomposition; A is overwritten.
std::vector<double> solveCholesky(std::vector<double> a, std::vector<double> b, std::size_t n) {
    for (std::size_t j = 0; j < n; ++j) {
        double d = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k) {
            d -= a[j * n + k] * a[j * n + k];
        }
        if (d <= 0.0) {
            throw std::runtime_error("logistic regression: the Hessian is not positive definite");
        }
        d = std::sqrt(d);
        a[j * n + j] = d;
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = a[i * n + j];
            for (std::size_t k = 0; k < j; ++k) {
                s -= a[i * n + k] * a[j * n + k];
            }
            a[i * n + j] = s / d;
        }
    }
    for (std::size_t i = 0; i < n; ++i) { // L y = b
        double s = b[i];
        for (std::size_t k = 0; k < i; ++k) {
            s -= a[i * n + k] * b[k];
        }
        b[i] = s / a[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;) { // Lᵀ x = y
        double s = b[i];
        for (std::size_t k = i + 1; k < n; ++k) {
            s -= a[k * n + i] * b[k];
        }
        b[i] = s / a[i * n + i];
    }
    return b;
}

} // namespace

double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

Standardizer Standardizer::fit(const std::vector<double>& rows, std::size_t width) {
    Standardizer s;
    s.mean.assign(width, 0.0);
    s.scale.assign(width, 1.0);
    const std::size_t n = width == 0 ? 0 : rows.size() / width;
    if (n == 0) {
        return s;
    }
    std::vector<double> sumSquares(width, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < width; ++j) {
            s.mean[j] += rows[i * width + j];
        }
    }
    for (double& m : s.mean) {
        m /= static_cast<double>(n);
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < width; ++j) {
            const double d = rows[i * width + j] - s.mean[j];
            sumSquares[j] += d * d;
        }
    }
    for (std::size_t j = 0; j < width; ++j) {
        const double sd = std::sqrt(sumSquares[j] / static_cast<double>(n));
        s.scale[j] = sd > 1e-12 ? sd : 1.0;
    }
    return s;
}

void Standardizer::apply(double* row) const {
    for (std::size_t j = 0; j < mean.size(); ++j) {
        row[j] = (row[j] - mean[j]) / scale[j];
    }
}

double LogisticModel::logit(const double* row) const {
    double z = intercept;
    for (std::size_t j = 0; j < weights.size(); ++j) {
        z += weights[j] * row[j];
    }
    return z;
}

double LogisticModel::probability(const double* row) const {
    return sigmoid(logit(row));
}

LogisticModel fitLogistic(const std::vector<double>& rows, std::size_t width,
                          const std::vector<char>& labels, const LogisticOptions& options) {
    if (rows.size() != labels.size() * width) {
        throw std::invalid_argument("logistic regression: rows and labels differ in number");
    }
    return fitLogistic(rows.data(), labels.data(), labels.size(), width, options);
}

LogisticModel fitLogistic(const double* rows, const char* labels, std::size_t n, std::size_t width,
                          const LogisticOptions& options) {
    // Parameters θ = (b, w₁ … w_p); row i is (1, xᵢ).
    const std::size_t p = width + 1;
    std::vector<double> theta(p, 0.0);
    // Start the intercept at the base rate's log-odds (a good first guess).
    const auto positives = static_cast<double>(std::count(labels, labels + n, 1));
    if (positives > 0 && positives < static_cast<double>(n)) {
        theta[0] = std::log(positives / (static_cast<double>(n) - positives));
    }
    LogisticModel model;
    std::vector<double> gradient(p);
    std::vector<double> hessian(p * p);
    std::vector<double> x(p);
    for (int iteration = 1; iteration <= options.maxIterations; ++iteration) {
        std::fill(gradient.begin(), gradient.end(), 0.0);
        std::fill(hessian.begin(), hessian.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            x[0] = 1.0;
            std::copy_n(rows + i * width, width, x.begin() + 1);
            double z = 0.0;
            for (std::size_t j = 0; j < p; ++j) {
                z += theta[j] * x[j];
            }
            const double mu = sigmoid(z);
            const double residual = mu - static_cast<double>(labels[i]);
            const double w = mu * (1.0 - mu);
            for (std::size_t j = 0; j < p; ++j) {
                gradient[j] += residual * x[j];
                const double wx = w * x[j];
                double* h = &hessian[j * p];
                for (std::size_t k = 0; k <= j; ++k) { // lower triangle
                    h[k] += wx * x[k];
                }
            }
        }
        for (std::size_t j = 1; j < p; ++j) {
            gradient[j] += options.l2 * theta[j];
            hessian[j * p + j] += options.l2;
        }
        hessian[0] += 1e-9; // keeps the intercept's pivot positive on one-class data
        for (std::size_t j = 0; j < p; ++j) {
            for (std::size_t k = 0; k < j; ++k) {
                hessian[k * p + j] = hessian[j * p + k];
            }
        }
        const std::vector<double> step = solveCholesky(hessian, gradient, p);
        double largest = 0.0;
        for (std::size_t j = 0; j < p; ++j) {
            theta[j] -= step[j];
            largest = std::max(largest, std::abs(step[j]));
        }
        model.iterations = iteration;
        if (largest < options.tolerance) {
            break;
        }
    }
    model.intercept = theta[0];
    model.weights.assign(theta.begin() + 1, theta.end());
    return model;
}

} // namespace escdesk::risk

#include "risk/Calibration.h"

#include "risk/RiskEvaluation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace escdesk::risk {

namespace {

constexpr double z95 = 1.959963984540054; // the normal distribution's 97.5 % quantile

// The mid-rank (1-based, ties sharing their mean rank) of each value.
std::vector<double> midRanks(const std::vector<double>& values) {
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && values[order[j]] == values[order[i]]) {
            ++j;
        }
        const double midRank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            ranks[order[k]] = midRank;
        }
        i = j;
    }
    return ranks;
}

double sampleVariance(const std::vector<double>& values, double mean) {
    double sum = 0.0;
    for (double v : values) {
        sum += (v - mean) * (v - mean);
    }
    return sum / static_cast<double>(values.size() - 1);
}

double logLoss(const std::vector<double>& logits, const char* labels) {
    double sum = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        // −log σ(z) = log(1 + e^−z), computed without overflow.
        const double z = labels[i] ? logits[i] : -logits[i];
        sum += z >= 0 ? std::log1p(std::exp(-z)) : -z + std::log1p(std::exp(z));
    }
    return logits.empty() ? 0.0 : sum / static_cast<double>(logits.size());
}

} // namespace

std::optional<AucInterval> delongAuc(const std::vector<double>& scores,
                                     const std::vector<char>& labels) {
    std::vector<double> positives;
    std::vector<double> negatives;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        (labels[i] ? positives : negatives).push_back(scores[i]);
    }
    const auto m = static_cast<double>(positives.size());
    const auto n = static_cast<double>(negatives.size());
    if (positives.size() < 2 || negatives.size() < 2) {
        return std::nullopt;
    }
    std::vector<double> all = positives;
    all.insert(all.end(), negatives.begin(), negatives.end());
    const std::vector<double> combined = midRanks(all);
    const std::vector<double> amongPositives = midRanks(positives);
    const std::vector<double> amongNegatives = midRanks(negatives);
    // V10: each positive's share of negatives below it (ties one half);
    // V01: each negative's share of positives above it.
    std::vector<double> v10(positives.size());
    std::vector<double> v01(negatives.size());
    for (std::size_t i = 0; i < positives.size(); ++i) {
        v10[i] = (combined[i] - amongPositives[i]) / n;
    }
    for (std::size_t j = 0; j < negatives.size(); ++j) {
        v01[j] = 1.0 - (combined[positives.size() + j] - amongNegatives[j]) / m;
    }
    AucInterval result;
    result.auc = std::accumulate(v10.begin(), v10.end(), 0.0) / m;
    result.variance = sampleVariance(v10, result.auc) / m + sampleVariance(v01, result.auc) / n;
    const double margin = z95 * std::sqrt(result.variance);
    result.low = std::max(0.0, result.auc - margin);
    result.high = std::min(1.0, result.auc + margin);
    return result;
}

double PlattScaling::probability(double logit) const {
    return sigmoid(slope * logit + intercept);
}

PlattScaling fitPlatt(const std::vector<double>& logits, const std::vector<char>& labels) {
    // Newton's method on the two parameters; a faint pull towards the
    // identity keeps them finite when the slice is separable.
    constexpr double pull = 1e-6;
    constexpr int maxIterations = 100;
    PlattScaling platt;
    const auto penalised = [&](const PlattScaling& s) {
        double loss = pull / 2.0 * ((s.slope - 1.0) * (s.slope - 1.0) + s.intercept * s.intercept);
        for (std::size_t i = 0; i < logits.size(); ++i) {
            const double z = s.slope * logits[i] + s.intercept;
            const double signedZ = labels[i] ? z : -z;
            loss += signedZ >= 0 ? std::log1p(std::exp(-signedZ))
                                 : -signedZ + std::log1p(std::exp(signedZ));
        }
        return loss;
    };
    double loss = penalised(platt);
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        double ga = pull * (platt.slope - 1.0);
        double gb = pull * platt.intercept;
        double haa = pull;
        double hab = 0.0;
        double hbb = pull;
        for (std::size_t i = 0; i < logits.size(); ++i) {
            const double p = platt.probability(logits[i]);
            const double r = p - (labels[i] ? 1.0 : 0.0);
            const double w = p * (1.0 - p);
            ga += r * logits[i];
            gb += r;
            haa += w * logits[i] * logits[i];
            hab += w * logits[i];
            hbb += w;
        }
        const double det = haa * hbb - hab * hab;
        if (!(det > 0.0)) {
            break;
        }
        const double da = (hbb * ga - hab * gb) / det;
        const double db = (haa * gb - hab * ga) / det;
        // Halve the step until the loss does not rise (Newton can overshoot
        // far from the optimum).
        double factor = 1.0;
        PlattScaling next;
        double nextLoss = loss;
        for (int halving = 0; halving < 30; ++halving, factor /= 2.0) {
            next = {platt.slope - factor * da, platt.intercept - factor * db};
            nextLoss = penalised(next);
            if (nextLoss <= loss) {
                break;
            }
        }
        if (nextLoss > loss) {
            break;
        }
        platt = next;
        const bool converged = loss - nextLoss < 1e-12 && std::abs(factor * da) < 1e-10 &&
                               std::abs(factor * db) < 1e-10;
        loss = nextLoss;
        if (converged) {
            break;
        }
    }
    return platt;
}

std::optional<double> brierScore(const std::vector<double>& probabilities,
                                 const std::vector<char>& labels) {
    if (probabilities.empty()) {
        return std::nullopt;
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const double d = probabilities[i] - (labels[i] ? 1.0 : 0.0);
        sum += d * d;
    }
    return sum / static_cast<double>(probabilities.size());
}

ValidatedFit fitWithValidation(const std::vector<double>& rows, std::size_t width,
                               const std::vector<char>& labels, std::size_t validationFrom,
                               LogisticOptions options) {
    const std::size_t n = labels.size();
    validationFrom = std::min(validationFrom, n);
    const auto escalated =
        std::count(labels.begin() + static_cast<std::ptrdiff_t>(validationFrom), labels.end(), 1);
    const auto others = static_cast<std::int64_t>(n - validationFrom) - escalated;
    const auto fitEscalated =
        std::count(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(validationFrom), 1);
    ValidatedFit result;
    if (escalated < minimumValidationEscalations || others < minimumValidationOthers ||
        fitEscalated == 0 || fitEscalated == static_cast<std::ptrdiff_t>(validationFrom)) {
        // Nothing to choose or calibrate on: the model's own probabilities.
        options.l2 = defaultRegularisation;
        result.logistic = fitLogistic(rows, width, labels, options);
        result.fitRows = n;
        std::vector<double> probabilities(n);
        for (std::size_t i = 0; i < n; ++i) {
            probabilities[i] = result.logistic.probability(&rows[i * width]);
        }
        result.threshold = n ? bestF1Threshold(probabilities, labels) : 0.5;
        return result;
    }
    result.fitRows = validationFrom;
    result.validationRows = n - validationFrom;
    std::vector<double> logits(result.validationRows);
    std::vector<double> bestLogits;
    bool first = true;
    for (const double l2 : regularisationGrid) {
        options.l2 = l2;
        LogisticModel candidate =
            fitLogistic(rows.data(), labels.data(), validationFrom, width, options);
        for (std::size_t k = 0; k < logits.size(); ++k) {
            logits[k] = candidate.logit(&rows[(validationFrom + k) * width]);
        }
        const double loss = logLoss(logits, labels.data() + validationFrom);
        // Ties go to the stronger regularisation (later in the grid).
        if (first || loss <= result.validationLogLoss) {
            result.logistic = std::move(candidate);
            result.l2 = l2;
            result.validationLogLoss = loss;
            bestLogits = logits;
            first = false;
        }
    }
    const std::vector<char> validationLabels(
        labels.begin() + static_cast<std::ptrdiff_t>(validationFrom), labels.end());
    result.platt = fitPlatt(bestLogits, validationLabels);
    std::vector<double> calibrated(bestLogits.size());
    for (std::size_t k = 0; k < bestLogits.size(); ++k) {
        calibrated[k] = result.platt.probability(bestLogits[k]);
    }
    result.threshold = bestF1Threshold(calibrated, validationLabels);
    return result;
}

} // namespace escdesk::risk

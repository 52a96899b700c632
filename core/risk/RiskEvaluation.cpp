#include "risk/RiskEvaluation.h"

#include <algorithm>
#include <numeric>

namespace escdesk::risk {

std::optional<double> rocAuc(const std::vector<double>& scores, const std::vector<char>& labels) {
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0.0;
    double positives = 0.0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]]) {
            ++j;
        }
        const double midRank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            if (labels[order[k]]) {
                positiveRankSum += midRank;
                positives += 1.0;
            }
        }
        i = j;
    }
    const double negatives = static_cast<double>(n) - positives;
    if (positives == 0.0 || negatives == 0.0) {
        return std::nullopt;
    }
    return (positiveRankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

std::optional<double> ThresholdCounts::precision() const {
    const long long flagged = truePositives + falsePositives;
    return flagged ? std::optional<double>(static_cast<double>(truePositives) / flagged)
                   : std::nullopt;
}

std::optional<double> ThresholdCounts::recall() const {
    const long long positives = truePositives + falseNegatives;
    return positives ? std::optional<double>(static_cast<double>(truePositives) / positives)
                     : std::nullopt;
}

std::optional<double> ThresholdCounts::f1() const {
    const auto p = precision();
    const auto r = recall();
    if (!p || !r || *p + *r == 0.0) {
        return std::nullopt;
    }
    return 2.0 * *p * *r / (*p + *r);
}

ThresholdCounts countsAt(const std::vector<double>& scores, const std::vector<char>& labels,
                         double threshold) {
    ThresholdCounts counts;
    counts.threshold = threshold;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool flagged = scores[i] >= threshold;
        if (labels[i]) {
            ++(flagged ? counts.truePositives : counts.falseNegatives);
        } else {
            ++(flagged ? counts.falsePositives : counts.trueNegatives);
        }
    }
    return counts;
}

double bestF1Threshold(const std::vector<double>& scores, const std::vector<char>& labels) {
    // Walk the scores from the highest down: flagging everything at or above
    // each distinct score in turn.
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    const auto positives = static_cast<double>(std::count(labels.begin(), labels.end(), 1));
    double best = 0.5;
    double bestF1 = -1.0;
    double tp = 0.0;
    double flagged = 0.0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) {
            tp += labels[order[j]] ? 1.0 : 0.0;
            flagged += 1.0;
            ++j;
        }
        const double f1 = positives > 0 ? 2.0 * tp / (flagged + positives) : 0.0;
        if (f1 > bestF1) {
            bestF1 = f1;
            best = scores[order[i]];
        }
        i = j;
    }
    return best;
}

std::vector<CalibrationBin> calibrationBins(const std::vector<double>& probabilities,
                                            const std::vector<char>& labels, int bins) {
    std::vector<CalibrationBin> result(static_cast<std::size_t>(bins));
    std::vector<double> predictedSum(result.size(), 0.0);
    std::vector<double> positiveSum(result.size(), 0.0);
    for (std::size_t b = 0; b < result.size(); ++b) {
        result[b].from = static_cast<double>(b) / bins;
        result[b].to = static_cast<double>(b + 1) / bins;
    }
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const int b = std::clamp(static_cast<int>(probabilities[i] * bins), 0, bins - 1);
        const auto bin = static_cast<std::size_t>(b);
        ++result[bin].tickets;
        predictedSum[bin] += probabilities[i];
        positiveSum[bin] += labels[i] ? 1.0 : 0.0;
    }
    for (std::size_t b = 0; b < result.size(); ++b) {
        if (result[b].tickets > 0) {
            const auto n = static_cast<double>(result[b].tickets);
            result[b].meanPredicted = predictedSum[b] / n;
            result[b].observedRate = positiveSum[b] / n;
        }
    }
    return result;
}

} // namespace escdesk::risk

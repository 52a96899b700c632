#pragma once

// How well risk scores separate escalated from other tickets: ROC AUC,
// precision and recall at a threshold, and calibration bins.

#include <optional>
#include <vector>

namespace escdesk::risk {

// The area under the ROC curve: the probability that a random positive
// scores above a random negative, ties counting one half (the Mann–Whitney
// statistic with mid-ranks). None without both classes.
std::optional<double> rocAuc(const std::vector<double>& scores, const std::vector<char>& labels);

struct ThresholdCounts {
    double threshold = 0.5;
    long long truePositives = 0;
    long long falsePositives = 0;
    long long falseNegatives = 0;
    long long trueNegatives = 0;
    std::optional<double> precision() const; // TP / (TP + FP)
    std::optional<double> recall() const;    // TP / (TP + FN)
    std::optional<double> f1() const;
};

// A score at or above the threshold is flagged.
ThresholdCounts countsAt(const std::vector<double>& scores, const std::vector<char>& labels,
                         double threshold);

// The threshold (one of the scores) with the highest F1; ties to the higher.
double bestF1Threshold(const std::vector<double>& scores, const std::vector<char>& labels);

struct CalibrationBin {
    double from = 0.0; // predicted probability, [from, to); the last bin includes 1
    double to = 0.0;
    long long tickets = 0;
    std::optional<double> meanPredicted;
    std::optional<double> observedRate;
};

// `bins` equal-width bins of predicted probability over [0, 1].
std::vector<CalibrationBin> calibrationBins(const std::vector<double>& probabilities,
                                            const std::vector<char>& labels, int bins = 10);

} // namespace escdesk::risk

#include "risk/RiskValidation.h"

#include "risk/RiskFeatureStore.h"

#include <QDate>
#include <QElapsedTimer>

#include <map>
#include <mutex>

namespace escdesk::risk {

UtcSeconds heldOutFrom(UtcSeconds newestCreated, const QTimeZone& zone, int testMonths) {
    const QDate newest = toDateTime(newestCreated, zone).date();
    const QDate first = QDate(newest.year(), newest.month(), 1).addMonths(-(testMonths - 1));
    return startOfLocalDay(first, zone);
}

std::optional<HeldOutEvaluation> evaluateHeldOut(const RiskData& data, const QStringList& keywords,
                                                 const QTimeZone& zone, int testMonths) {
    if (data.tickets.empty()) {
        return std::nullopt;
    }
    HeldOutEvaluation result;
    result.newestCreated = data.tickets.back().createdAt;
    result.testFrom = heldOutFrom(result.newestCreated, zone, testMonths);
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
    for (std::size_t i = 0; i < data.tickets.size(); ++i) {
        const RiskTicket& t = data.tickets[i];
        if (t.createdAt < result.testFrom) {
            train.push_back(i);
        } else if (t.escalated || !t.open) {
            test.push_back(i);
        }
    }
    if (train.empty()) {
        return std::nullopt;
    }
    QElapsedTimer timer;
    timer.start();
    result.model = RiskModel::train(data, train, keywords);
    result.trainSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    result.trainTickets = result.model.trainedTickets();

    const RiskScorer scorer(result.model, data);
    std::vector<double> probabilities;
    std::vector<char> labels;
    for (std::size_t i : test) {
        probabilities.push_back(scorer.probability(data.tickets[i]));
        labels.push_back(data.tickets[i].escalated ? 1 : 0);
    }
    result.testTickets = static_cast<std::int64_t>(test.size());
    result.testEscalated = std::count(labels.begin(), labels.end(), 1);
    if (!test.empty()) {
        result.baseRate = static_cast<double>(result.testEscalated) / result.testTickets;
    }
    result.auc = rocAuc(probabilities, labels);
    result.atThreshold = countsAt(probabilities, labels, result.model.threshold());
    result.reviewFrom = result.model.reviewFrom();
    result.flagFrom = result.model.flagFrom();
    std::int64_t flaggedEscalated = 0;
    std::int64_t reviewEscalated = 0;
    for (std::size_t k = 0; k < probabilities.size(); ++k) {
        switch (result.model.bandOf(probabilities[k])) {
        case RiskBand::Flag:
            ++result.flagged;
            flaggedEscalated += labels[k];
            break;
        case RiskBand::Review:
            ++result.review;
            reviewEscalated += labels[k];
            break;
        case RiskBand::Low:
            ++result.low;
            break;
        }
    }
    if (result.flagged) {
        result.flaggedPrecision = static_cast<double>(flaggedEscalated) / result.flagged;
    }
    if (result.review) {
        result.reviewEscalated = static_cast<double>(reviewEscalated) / result.review;
    }
    if (result.testEscalated) {
        result.recallWithReview =
            static_cast<double>(flaggedEscalated + reviewEscalated) / result.testEscalated;
    }
    result.calibration = calibrationBins(probabilities, labels);
    return result;
}

std::optional<HeldOutEvaluation> currentHeldOutEvaluation(store::Database& db,
                                                          const QStringList& keywords,
                                                          const QTimeZone& zone, int testMonths) {
    struct Remembered {
        QString version;
        std::optional<HeldOutEvaluation> evaluation;
    };
    static std::mutex mutex;
    static std::map<QString, Remembered> remembered; // by file, zone and months
    const QString key = db.path() + QLatin1Char('|') + QString::fromUtf8(zone.id()) +
                        QLatin1Char('|') + QString::number(testMonths);
    keepRiskFeatures(db, keywords); // first, so that the version is of kept features
    const QString version = riskDataVersion(db, keywords);
    {
        const std::lock_guard lock(mutex);
        if (const auto it = remembered.find(key);
            it != remembered.end() && it->second.version == version) {
            return it->second.evaluation;
        }
    }
    const RiskData data = loadRiskData(db, SentimentScorer::withAfinn(keywords));
    auto evaluation = evaluateHeldOut(data, keywords, zone, testMonths);
    const std::lock_guard lock(mutex);
    remembered.insert_or_assign(key, Remembered{version, evaluation});
    return evaluation;
}

} // namespace escdesk::risk

#include "risk/RiskValidation.h"

#include "risk/RiskFeatureStore.h"

#include <QDate>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <map>
#include <memory>
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

namespace {

QString heldOutSummaryKey(const QTimeZone& zone, int testMonths) {
    return QStringLiteral("risk_held_out_summary|%1|%2")
        .arg(QString::fromUtf8(zone.id()))
        .arg(testMonths);
}

QJsonValue optionalNumber(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

std::optional<double> optionalNumber(const QJsonValue& value) {
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

// The summary kept for `version`; none when another version's (or none) is.
std::optional<std::optional<HeldOutSummary>>
readHeldOutSummary(store::Database& db, const QString& key, const QString& version) {
    store::Statement query = db.prepare("SELECT value FROM settings WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) {
        return std::nullopt;
    }
    const QJsonObject kept = QJsonDocument::fromJson(query.text(0).toUtf8()).object();
    if (kept.value(QLatin1String("version")).toString() != version) {
        return std::nullopt;
    }
    if (!kept.value(QLatin1String("evaluated")).toBool()) {
        return std::optional<HeldOutSummary>(); // nothing to evaluate on
    }
    HeldOutSummary summary;
    summary.testFrom = static_cast<UtcSeconds>(kept.value(QLatin1String("test_from")).toDouble());
    summary.newestCreated =
        static_cast<UtcSeconds>(kept.value(QLatin1String("newest_created")).toDouble());
    summary.auc = optionalNumber(kept.value(QLatin1String("auc")));
    summary.baseRate = optionalNumber(kept.value(QLatin1String("base_rate")));
    return std::optional<HeldOutSummary>(summary);
}

void keepHeldOutSummary(store::Database& db, const QString& key, const QString& version,
                        const std::optional<HeldOutSummary>& summary) {
    QJsonObject kept{{QLatin1String("version"), version},
                     {QLatin1String("evaluated"), summary.has_value()}};
    if (summary) {
        kept.insert(QLatin1String("test_from"), static_cast<double>(summary->testFrom));
        kept.insert(QLatin1String("newest_created"), static_cast<double>(summary->newestCreated));
        kept.insert(QLatin1String("auc"), optionalNumber(summary->auc));
        kept.insert(QLatin1String("base_rate"), optionalNumber(summary->baseRate));
    }
    std::unique_ptr<store::Database> own;
    store::Database* writer = &db;
    if (sqlite3_db_readonly(db.handle(), "main") != 0) {
        own = db.openAgain(store::Database::Access::ReadWrite);
        writer = own.get();
    }
    if (!writer) {
        return;
    }
    try {
        writer->exec("PRAGMA busy_timeout = 250");
        writer
            ->prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bindAll(key, QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)))
            .run();
    } catch (const store::StoreError&) {
        // Busy or read-only: the next view evaluates again.
    }
}

} // namespace

std::optional<HeldOutSummary> keptHeldOutSummary(store::Database& db, const QStringList& keywords,
                                                 const QTimeZone& zone, int testMonths) {
    keepRiskFeatures(db, keywords); // first, so that the version is of kept features
    const QString version = riskDataVersion(db, keywords);
    const QString key = heldOutSummaryKey(zone, testMonths);
    if (auto kept = readHeldOutSummary(db, key, version)) {
        return *kept;
    }
    std::optional<HeldOutSummary> summary;
    if (const auto e = currentHeldOutEvaluation(db, keywords, zone, testMonths)) {
        summary = HeldOutSummary{e->testFrom, e->newestCreated, e->auc, e->baseRate};
    }
    keepHeldOutSummary(db, key, version, summary);
    return summary;
}

} // namespace escdesk::risk

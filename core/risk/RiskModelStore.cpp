#include "risk/RiskModelStore.h"

#include "matrix/MatrixStore.h"
#include "risk/RiskFeatureStore.h"
#include "risk/Sentiment.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>

namespace escdesk::risk {

namespace {

// The latest model of each workspace file, for connections that cannot store it.
std::mutex rememberedMutex;
std::map<QString, RiskModel>& remembered() {
    static std::map<QString, RiskModel> models;
    return models;
}

void remember(store::Database& db, const RiskModel& model) {
    const std::lock_guard lock(rememberedMutex);
    remembered().insert_or_assign(db.path(), model);
}

std::optional<RiskModel> rememberedModel(store::Database& db, const QString& dataVersion) {
    const std::lock_guard lock(rememberedMutex);
    const auto it = remembered().find(db.path());
    if (it != remembered().end() && it->second.dataVersion == dataVersion) {
        return it->second;
    }
    return std::nullopt;
}

} // namespace

std::optional<RiskModel> storedRiskModel(store::Database& db, const QString& dataVersion) {
    if (auto model = rememberedModel(db, dataVersion)) {
        return model;
    }
    store::Statement query = db.prepare("SELECT value FROM settings WHERE key = ?1");
    query.bind(1, QString::fromLatin1(riskModelSetting));
    if (!query.step()) {
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(query.text(0).toUtf8());
    if (!document.isObject()) {
        return std::nullopt;
    }
    try {
        RiskModel model = RiskModel::fromJson(document.object());
        if (model.dataVersion != dataVersion) {
            return std::nullopt;
        }
        remember(db, model);
        return model;
    } catch (const std::runtime_error&) {
        return std::nullopt; // an older format: retrain
    }
}

void storeRiskModel(store::Database& db, const RiskModel& model) {
    db.prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(QString::fromLatin1(riskModelSetting),
                 QString::fromUtf8(QJsonDocument(model.toJson()).toJson(QJsonDocument::Compact)))
        .run();
}

std::recursive_mutex& riskTrainingMutex() {
    static std::recursive_mutex mutex;
    return mutex;
}

namespace {

CurrentRiskModel trainAndKeep(store::Database& db, const RiskData& data,
                              const QStringList& keywords, const QString& version, bool save) {
    std::vector<std::size_t> all(data.tickets.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    QElapsedTimer timer;
    timer.start();
    CurrentRiskModel result{RiskModel::train(data, all, keywords), true, 0.0, {}};
    result.trainSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    result.model.dataVersion = version;
    remember(db, result.model);
    if (save) {
        try {
            storeRiskModel(db, result.model);
        } catch (const store::StoreError&) {
            // A read-only or busy workspace: the model is simply retrained next time.
        }
    }
    return result;
}

} // namespace

CurrentRiskModel currentRiskModel(store::Database& db, const RiskData& data,
                                  const QStringList& keywords, bool save) {
    const std::lock_guard lock(riskTrainingMutex());
    const QString version = riskDataVersion(db, keywords);
    if (auto stored = storedRiskModel(db, version)) {
        return {std::move(*stored), false, 0.0, {}};
    }
    return trainAndKeep(db, data, keywords, version, save);
}

CurrentRiskModel currentRiskModel(store::Database& db, const QStringList& keywords, bool save) {
    const std::lock_guard lock(riskTrainingMutex());
    keepRiskFeatures(db, keywords); // first, so that the version is of kept features
    const QString version = riskDataVersion(db, keywords);
    if (auto stored = storedRiskModel(db, version)) {
        return {std::move(*stored), false, 0.0, {}};
    }
    const RiskData data = loadAllRiskData(db, SentimentScorer::withAfinn(keywords), keywords);
    return trainAndKeep(db, data, keywords, version, save);
}

void forgetRiskModel(store::Database& db) {
    {
        const std::lock_guard lock(rememberedMutex);
        remembered().erase(db.path());
    }
    try {
        db.prepare("DELETE FROM settings WHERE key = ?1")
            .bind(1, QString::fromLatin1(riskModelSetting))
            .run();
    } catch (const store::StoreError&) {
        // Read-only: the stored model stays; it is replaced when next trained with write access.
    }
}

void keepRiskModel(store::Database& db) {
    const std::int64_t fileMapBytes = db.queryInt64("PRAGMA mmap_size");
    const std::unique_ptr<store::Database> writer =
        db.openAgain(store::Database::Access::ReadWrite);
    if (!writer) {
        return; // a read-only file or folder
    }
    try {
        std::string settings = "PRAGMA busy_timeout = 250; PRAGMA mmap_size = ";
        settings += std::to_string(fileMapBytes);
        writer->exec(settings);
        currentRiskModel(*writer, workspaceKeywords(*writer), true);
    } catch (const store::StoreError&) {
        // Busy, or read-only after all: the caller trains in memory.
    }
}

QStringList workspaceKeywords(store::Database& db) {
    return escalationKeywords(matrix::loadMatrix(db));
}

} // namespace escdesk::risk

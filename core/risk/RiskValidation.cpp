#include "risk/RiskValidation.h"

#include "risk/RiskFeatureStore.h"

#include <QDate>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

namespace escdesk::risk {

UtcSeconds heldOutFrom(UtcSeconds newestCreated, const QTimeZone& zone, int testMonths) {
    const QDate newest = toDateTime(newestCreated, zone).date();
    const QDate first = QDate(newest.year(), newest.month(), 1).addMonths(-(testMonths - 1));
    return startOfLocalDay(first, zone);
}

namespace {

bool outcomeKnown(const RiskTicket& t) {
    return t.escalated || !t.open;
}

// The first instant of the newest `share` of the tickets with a known
// outcome (data.tickets is in creation order); tickets created at one
// instant stay on one side.
UtcSeconds heldOutShareFrom(const RiskData& data, double share) {
    std::vector<UtcSeconds> known;
    for (const RiskTicket& t : data.tickets) {
        if (outcomeKnown(t)) {
            known.push_back(t.createdAt);
        }
    }
    if (known.empty()) {
        return data.tickets.back().createdAt;
    }
    const auto held = static_cast<std::size_t>(
        std::llround(std::clamp(share, 0.0, 1.0) * static_cast<double>(known.size())));
    return known[known.size() - std::clamp<std::size_t>(held, 1, known.size())];
}

QString minimumNotMet(std::int64_t count, std::int64_t minimum, const char* what,
                      const char* part) {
    QString text = QStringLiteral("the ");
    text += QLatin1String(part);
    text += QStringLiteral(" part has ");
    text += QString::number(count);
    text += QLatin1Char(' ');
    text += QLatin1String(what);
    text += QStringLiteral(", at least ");
    text += QString::number(minimum);
    text += QStringLiteral(" are needed to measure the model");
    return text;
}

QString splitRefusal(const HeldOutEvaluation& e) {
    if (e.trainTickets < minimumTrainTickets) {
        return minimumNotMet(e.trainTickets, minimumTrainTickets, "tickets with a known outcome",
                             "training");
    }
    if (e.trainEscalated < minimumTrainEscalations) {
        return minimumNotMet(e.trainEscalated, minimumTrainEscalations, "escalations", "training");
    }
    if (e.testTickets < minimumTestTickets) {
        return minimumNotMet(e.testTickets, minimumTestTickets, "tickets with a known outcome",
                             "held-out");
    }
    if (e.testEscalated < minimumTestEscalations) {
        return minimumNotMet(e.testEscalated, minimumTestEscalations, "escalations", "held-out");
    }
    return {};
}

// The AUC of priority alone: each priority scored by its escalation rate
// among the training tickets (an unseen one by the training base rate).
std::optional<double> priorityBaselineAuc(const RiskData& data,
                                          const std::vector<std::size_t>& train,
                                          const std::vector<std::size_t>& test) {
    QHash<QString, std::pair<double, double>> counts; // escalated, tickets
    double escalated = 0.0;
    double known = 0.0;
    for (std::size_t i : train) {
        const RiskTicket& t = data.tickets[i];
        if (outcomeKnown(t)) {
            auto& c = counts[data.value(t, RiskField::Priority)];
            c.first += t.escalated ? 1.0 : 0.0;
            c.second += 1.0;
            escalated += t.escalated ? 1.0 : 0.0;
            known += 1.0;
        }
    }
    const double baseRate = known > 0 ? escalated / known : 0.0;
    std::vector<double> scores;
    std::vector<char> labels;
    for (std::size_t i : test) {
        const RiskTicket& t = data.tickets[i];
        const auto it = counts.constFind(data.value(t, RiskField::Priority));
        scores.push_back(it == counts.cend() ? baseRate : it->first / it->second);
        labels.push_back(t.escalated ? 1 : 0);
    }
    return rocAuc(scores, labels);
}

QString aucText(const AucInterval& interval) {
    QString text = QStringLiteral("AUC ");
    text += QString::number(interval.auc, 'f', 2);
    text += QStringLiteral(" ± ");
    text += QString::number(interval.halfWidth(), 'f', 2);
    return text;
}

} // namespace

QString scoresWithheld(const HeldOutEvaluation& e) {
    if (!e.model.cannotTrain().isEmpty()) {
        return e.model.cannotTrain();
    }
    if (!e.refused.isEmpty()) {
        return e.refused;
    }
    if (!e.aucInterval) {
        return QStringLiteral("the held-out part has too few tickets of each outcome to measure "
                              "the model");
    }
    if (e.aucInterval->low > minimumTrustedAuc) {
        return {};
    }
    QString text;
    if (e.aucInterval->low <= 0.5) {
        text = QStringLiteral("the model is no better than chance on this workspace's history: ");
        text += aucText(*e.aucInterval);
    } else {
        text = QStringLiteral("the model is too weak to trust on this workspace's history: ");
        text += aucText(*e.aucInterval);
        text += QStringLiteral(", its 95 % interval reaches ");
        text += QString::number(minimumTrustedAuc, 'f', 1);
    }
    return text;
}

QString scoresWithheld(const std::optional<HeldOutSummary>& summary) {
    return summary ? summary->withheld
                   : QStringLiteral("there is no ticket history to test the model on");
}

std::optional<HeldOutEvaluation> evaluateHeldOut(const RiskData& data, const QStringList& keywords,
                                                 const QTimeZone& zone, int testMonths,
                                                 double testShare) {
    if (data.tickets.empty()) {
        return std::nullopt;
    }
    HeldOutEvaluation result;
    result.newestCreated = data.tickets.back().createdAt;
    result.testFrom = testMonths > 0 ? heldOutFrom(result.newestCreated, zone, testMonths)
                                     : heldOutShareFrom(data, testShare);
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
    for (std::size_t i = 0; i < data.tickets.size(); ++i) {
        const RiskTicket& t = data.tickets[i];
        if (t.createdAt < result.testFrom) {
            train.push_back(i);
            if (outcomeKnown(t)) {
                if (result.trainTickets == 0) {
                    result.trainFrom = t.createdAt;
                }
                ++result.trainTickets;
                result.trainEscalated += t.escalated ? 1 : 0;
            }
        } else if (outcomeKnown(t)) {
            test.push_back(i);
            ++result.testTickets;
            result.testEscalated += t.escalated ? 1 : 0;
        }
    }
    if (result.testTickets > 0) {
        result.baseRate = static_cast<double>(result.testEscalated) / result.testTickets;
    }
    if (!data.outcomesUnknown.isEmpty()) {
        result.refused = data.outcomesUnknown;
    } else if (result.trainTickets > 0 && result.trainEscalated == 0) {
        result.refused = QStringLiteral("no ticket before the held-out part was escalated: there "
                                        "are no escalations to learn from");
    } else {
        result.refused = splitRefusal(result);
    }
    if (!result.refused.isEmpty()) {
        result.withheld = scoresWithheld(result);
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    result.model = RiskModel::train(data, train, keywords);
    result.trainSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    const RiskScorer scorer(result.model, data);
    std::vector<double> probabilities;
    std::vector<char> labels;
    for (std::size_t i : test) {
        probabilities.push_back(scorer.probability(data.tickets[i]));
        labels.push_back(data.tickets[i].escalated ? 1 : 0);
    }
    result.auc = rocAuc(probabilities, labels);
    result.aucInterval = delongAuc(probabilities, labels);
    result.priorityAuc = priorityBaselineAuc(data, train, test);
    result.brier = brierScore(probabilities, labels);
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
    result.withheld = scoresWithheld(result);
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

// The share split does not depend on the zone: one key for every zone, so
// that the at-risk queue, which knows none, reads what the page keeps.
QString heldOutSummaryKey(const QTimeZone& zone, int testMonths) {
    if (testMonths <= 0) {
        return QStringLiteral("risk_held_out_summary|share|%1").arg(defaultTestShare);
    }
    return QStringLiteral("risk_held_out_summary|%1|%2")
        .arg(QString::fromUtf8(zone.id()))
        .arg(testMonths);
}

// Kept summaries of an older recipe (before the interval and the verdict)
// are evaluated again.
constexpr int heldOutSummaryRecipe = 2;

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
    if (kept.value(QLatin1String("version")).toString() != version ||
        kept.value(QLatin1String("recipe")).toInt() != heldOutSummaryRecipe) {
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
    summary.aucLow = optionalNumber(kept.value(QLatin1String("auc_low")));
    summary.aucHigh = optionalNumber(kept.value(QLatin1String("auc_high")));
    summary.withheld = kept.value(QLatin1String("withheld")).toString();
    return std::optional<HeldOutSummary>(summary);
}

void keepHeldOutSummary(store::Database& db, const QString& key, const QString& version,
                        const std::optional<HeldOutSummary>& summary) {
    QJsonObject kept{{QLatin1String("version"), version},
                     {QLatin1String("recipe"), heldOutSummaryRecipe},
                     {QLatin1String("evaluated"), summary.has_value()}};
    if (summary) {
        kept.insert(QLatin1String("test_from"), static_cast<double>(summary->testFrom));
        kept.insert(QLatin1String("newest_created"), static_cast<double>(summary->newestCreated));
        kept.insert(QLatin1String("auc"), optionalNumber(summary->auc));
        kept.insert(QLatin1String("base_rate"), optionalNumber(summary->baseRate));
        kept.insert(QLatin1String("auc_low"), optionalNumber(summary->aucLow));
        kept.insert(QLatin1String("auc_high"), optionalNumber(summary->aucHigh));
        kept.insert(QLatin1String("withheld"), summary->withheld);
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
        summary =
            HeldOutSummary{e->testFrom, e->newestCreated, e->auc, e->baseRate, {}, {}, e->withheld};
        if (e->aucInterval) {
            summary->aucLow = e->aucInterval->low;
            summary->aucHigh = e->aucInterval->high;
        }
    }
    keepHeldOutSummary(db, key, version, summary);
    return summary;
}

QString scoresWithheldFor(store::Database& db, const RiskModel& model) {
    if (!model.cannotTrain().isEmpty()) {
        return model.cannotTrain();
    }
    // The share split is the same in every zone.
    return scoresWithheld(keptHeldOutSummary(db, model.keywords(), QTimeZone::utc()));
}

QString scoresWithheldFor(const RiskData& data, const RiskModel& model) {
    if (!model.cannotTrain().isEmpty()) {
        return model.cannotTrain();
    }
    if (const auto evaluation = evaluateHeldOut(data, model.keywords(), QTimeZone::utc())) {
        return scoresWithheld(*evaluation);
    }
    return scoresWithheld(std::optional<HeldOutSummary>());
}

} // namespace escdesk::risk

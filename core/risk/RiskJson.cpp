#include "risk/RiskJson.h"

#include "text/CompactJsonText.h"
#include "text/FastText.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace escdesk::risk {

namespace {

QJsonValue optionalJson(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue instantJson(const std::optional<UtcSeconds>& instant) {
    return instant ? QJsonValue(toIsoUtc(*instant)) : QJsonValue(QJsonValue::Null);
}

QJsonArray contributionsJson(const std::vector<FeatureContribution>& contributions) {
    QJsonArray array;
    for (const FeatureContribution& c : contributions) {
        array.append(QJsonObject{{QStringLiteral("feature"), c.feature},
                                 {QStringLiteral("value"), c.value},
                                 {QStringLiteral("contribution"), c.contribution}});
    }
    return array;
}

} // namespace

QJsonObject sentimentJson(const Sentiment& sentiment) {
    QJsonArray drivers;
    for (const SentimentDriver& d : sentiment.drivers) {
        drivers.append(QJsonObject{{QStringLiteral("words"), d.words},
                                   {QStringLiteral("valence"), d.valence},
                                   {QStringLiteral("occurrences"), d.occurrences},
                                   {QStringLiteral("source"), sentimentSourceName(d.source)},
                                   {QStringLiteral("negated"), d.negated},
                                   {QStringLiteral("intensified"), d.intensified}});
    }
    return QJsonObject{{QStringLiteral("score"), sentiment.score},
                       {QStringLiteral("valence"), sentiment.valence},
                       {QStringLiteral("keyword_hits"), sentiment.keywordHits},
                       {QStringLiteral("negative_terms"), sentiment.negativeTerms},
                       {QStringLiteral("drivers"), drivers}};
}

QJsonObject riskScoreJson(const RiskScore& score, const RiskModel& model, const QString& withheld) {
    if (!model.cannotTrain().isEmpty() || !withheld.isEmpty()) {
        // No score rather than a score of 0: the model has learned nothing.
        const QJsonValue none(QJsonValue::Null);
        return QJsonObject{
            {QStringLiteral("probability"), none},
            {QStringLiteral("score"), none},
            {QStringLiteral("band"), none},
            {QStringLiteral("threshold"), none},
            {QStringLiteral("review_from"), none},
            {QStringLiteral("flag_from"), none},
            {QStringLiteral("contributions"), QJsonArray()},
            {QStringLiteral("unavailable"), withheld.isEmpty() ? model.cannotTrain() : withheld}};
    }
    return QJsonObject{{QStringLiteral("probability"), score.probability},
                       {QStringLiteral("score"), score.score},
                       {QStringLiteral("band"), riskBandName(score.band)},
                       {QStringLiteral("threshold"), model.threshold()},
                       {QStringLiteral("review_from"), model.reviewFrom()},
                       {QStringLiteral("flag_from"), model.flagFrom()},
                       {QStringLiteral("contributions"), contributionsJson(score.contributions)}};
}

QJsonObject evaluationJson(const HeldOutEvaluation& e) {
    QJsonArray calibration;
    for (const CalibrationBin& bin : e.calibration) {
        calibration.append(
            QJsonObject{{QStringLiteral("from"), bin.from},
                        {QStringLiteral("to"), bin.to},
                        {QStringLiteral("tickets"), bin.tickets},
                        {QStringLiteral("mean_predicted"), optionalJson(bin.meanPredicted)},
                        {QStringLiteral("observed_rate"), optionalJson(bin.observedRate)}});
    }
    QJsonArray coefficients;
    const RiskModel& m = e.model;
    std::vector<std::size_t> order(m.width());
    for (std::size_t j = 0; j < order.size(); ++j) {
        order[j] = j;
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(m.logistic().weights[a]) > std::abs(m.logistic().weights[b]);
    });
    for (std::size_t j : order) {
        coefficients.append(
            QJsonObject{{QStringLiteral("feature"), m.featureNames()[static_cast<qsizetype>(j)]},
                        {QStringLiteral("coefficient"), m.logistic().weights[j]}});
    }
    // The features the builder refused, with why (RiskFeatures.h).
    QJsonArray leftOut;
    for (const LeftOutFeature& f : m.leftOut()) {
        leftOut.append(
            QJsonObject{{QStringLiteral("feature"), f.name}, {QStringLiteral("reason"), f.reason}});
    }
    const ThresholdCounts& c = e.atThreshold;
    const RiskModel::Fitting& fit = m.fitting();
    const bool validated = fit.validationTickets > 0;
    const auto instant = [](bool known, UtcSeconds at) {
        return known ? QJsonValue(toIsoUtc(at)) : QJsonValue(QJsonValue::Null);
    };
    const auto optionalText = [](const QString& text) {
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    };
    return QJsonObject{
        {QStringLiteral("split"),
         QJsonObject{
             {QStringLiteral("test_from"), toIsoUtc(e.testFrom)},
             {QStringLiteral("train_from"), instant(e.trainTickets > 0, e.trainFrom)},
             {QStringLiteral("newest_created"), toIsoUtc(e.newestCreated)},
             {QStringLiteral("train_tickets"), static_cast<double>(e.trainTickets)},
             {QStringLiteral("train_escalated"), static_cast<double>(e.trainEscalated)},
             {QStringLiteral("fit_tickets"), static_cast<double>(fit.fitTickets)},
             {QStringLiteral("validation_tickets"), static_cast<double>(fit.validationTickets)},
             {QStringLiteral("validation_from"), instant(validated, fit.validationFrom)},
             {QStringLiteral("test_tickets"), static_cast<double>(e.testTickets)},
             {QStringLiteral("test_escalated"), static_cast<double>(e.testEscalated)}}},
        {QStringLiteral("refused"), optionalText(e.refused)},
        {QStringLiteral("scores_withheld"), optionalText(e.withheld)},
        {QStringLiteral("regularisation"), fit.l2},
        {QStringLiteral("platt"),
         validated ? QJsonValue(QJsonObject{{QStringLiteral("slope"), fit.platt.slope},
                                            {QStringLiteral("intercept"), fit.platt.intercept}})
                   : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("roc_auc"), optionalJson(e.auc)},
        {QStringLiteral("roc_auc_ci95"),
         e.aucInterval ? QJsonValue(QJsonArray{e.aucInterval->low, e.aucInterval->high})
                       : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("roc_auc_variance"),
         e.aucInterval ? QJsonValue(e.aucInterval->variance) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("priority_baseline_auc"), optionalJson(e.priorityAuc)},
        {QStringLiteral("brier_score"), optionalJson(e.brier)},
        {QStringLiteral("base_rate"), optionalJson(e.baseRate)},
        {QStringLiteral("threshold"), c.threshold},
        {QStringLiteral("precision"), optionalJson(c.precision())},
        {QStringLiteral("recall"), optionalJson(c.recall())},
        {QStringLiteral("f1"), optionalJson(c.f1())},
        {QStringLiteral("confusion"),
         QJsonObject{{QStringLiteral("true_positives"), c.truePositives},
                     {QStringLiteral("false_positives"), c.falsePositives},
                     {QStringLiteral("false_negatives"), c.falseNegatives},
                     {QStringLiteral("true_negatives"), c.trueNegatives}}},
        {QStringLiteral("confidence_band"),
         QJsonObject{
             {QStringLiteral("review_from"), e.reviewFrom},
             {QStringLiteral("flag_from"), e.flagFrom},
             {QStringLiteral("flagged"), static_cast<double>(e.flagged)},
             {QStringLiteral("human_review"), static_cast<double>(e.review)},
             {QStringLiteral("low"), static_cast<double>(e.low)},
             {QStringLiteral("flagged_precision"), optionalJson(e.flaggedPrecision)},
             {QStringLiteral("review_escalated_share"), optionalJson(e.reviewEscalated)},
             {QStringLiteral("recall_flagged_or_review"), optionalJson(e.recallWithReview)}}},
        {QStringLiteral("calibration"), calibration},
        {QStringLiteral("train_seconds"), e.trainSeconds},
        {QStringLiteral("coefficients"), coefficients},
        {QStringLiteral("left_out"), leftOut},
    };
}

QJsonObject preEscalationJson(const PreEscalationCheck& check) {
    QJsonValue checklist = QJsonValue::Null;
    if (check.checklist) {
        QJsonArray items;
        for (const matrix::ChecklistRunItem& item : check.checklist->items) {
            items.append(QJsonObject{{QStringLiteral("id"), item.itemId},
                                     {QStringLiteral("text"), item.text},
                                     {QStringLiteral("required"), item.required},
                                     {QStringLiteral("done"), item.done},
                                     {QStringLiteral("done_by"), item.doneBy},
                                     {QStringLiteral("done_at"), instantJson(item.doneAt)}});
        }
        checklist = QJsonObject{
            {QStringLiteral("transition"),
             QStringLiteral("%1→%2").arg(check.checklist->fromTier).arg(check.checklist->toTier)},
            {QStringLiteral("ready"), check.checklist->ready()},
            {QStringLiteral("missing_required"),
             QJsonArray::fromStringList(check.checklist->missingRequired())},
            {QStringLiteral("items"), items}};
    }
    QJsonValue knownIssue = QJsonValue::Null;
    if (check.knownIssue) {
        const KnownIssue& k = *check.knownIssue;
        knownIssue = QJsonObject{{QStringLiteral("issue_id"), k.issueId},
                                 {QStringLiteral("title"), k.title},
                                 {QStringLiteral("status"), k.status},
                                 {QStringLiteral("workaround"), k.workaround},
                                 {QStringLiteral("fix_version"), k.fixVersion},
                                 {QStringLiteral("kb_article"), k.kbArticle}};
    }
    QJsonArray similar;
    for (const SimilarCase& s : check.similarCases) {
        similar.append(QJsonObject{
            {QStringLiteral("ticket_id"), s.ticketId},
            {QStringLiteral("subject"), s.subject},
            {QStringLiteral("similarity"), s.similarity},
            {QStringLiteral("root_cause"), s.rootCause},
            {QStringLiteral("resolution_type"), s.resolutionType},
            {QStringLiteral("resolution_notes"), s.resolutionNotes},
            {QStringLiteral("tier"), s.tier ? QJsonValue(*s.tier) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("resolved_at"), instantJson(s.resolvedAt)}});
    }
    return QJsonObject{{QStringLiteral("checklist"), checklist},
                       {QStringLiteral("known_issue"), knownIssue},
                       {QStringLiteral("similar_cases"), similar}};
}

QJsonObject atRiskJson(const AtRiskQueue& queue) {
    // Without a trained model there is no risk to give: null, not 0.
    const bool scored = queue.riskUnavailable.isEmpty();
    const auto ifScored = [scored](const QJsonValue& value) {
        return scored ? value : QJsonValue(QJsonValue::Null);
    };
    QJsonArray tickets;
    for (const AtRiskEntry& e : queue.entries) {
        QJsonArray reasons;
        for (const AtRiskReason& r : e.reasons) {
            reasons.append(QJsonObject{{QStringLiteral("kind"), reasonKindName(r.kind)},
                                       {QStringLiteral("text"), r.text}});
        }
        tickets.append(QJsonObject{
            {QStringLiteral("ticket_id"), e.ticketId},
            {QStringLiteral("subject"), e.subject},
            {QStringLiteral("account_id"), e.accountId},
            {QStringLiteral("account_name"), e.accountName},
            {QStringLiteral("priority"), e.priority},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("created_at"), toIsoUtc(e.createdAt)},
            {QStringLiteral("risk_score"), ifScored(e.risk.score)},
            {QStringLiteral("probability"), ifScored(e.risk.probability)},
            {QStringLiteral("band"), ifScored(riskBandName(e.risk.band))},
            {QStringLiteral("sla_consumed"), e.slaConsumed},
            {QStringLiteral("account_last_7_days"),
             e.surge ? QJsonValue(e.surge->lastWeek) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("account_weekly_median"),
             e.surge ? QJsonValue(e.surge->baselineMedian) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("reasons"), reasons},
            {QStringLiteral("top_features"), contributionsJson(e.risk.contributions)}});
    }
    QJsonObject json{{QStringLiteral("as_of"), toIsoUtc(queue.asOf)},
                     {QStringLiteral("open_tickets"), static_cast<double>(queue.openTickets)},
                     {QStringLiteral("review_from"), ifScored(queue.reviewFrom)},
                     {QStringLiteral("flag_from"), ifScored(queue.flagFrom)},
                     {QStringLiteral("tickets"), tickets}};
    if (!scored) {
        json.insert(QStringLiteral("risk_unavailable"), queue.riskUnavailable);
    }
    return json;
}

namespace {

using text::CompactJsonText;
using text::isoUtc;
using text::shortestNumber;

void writeContributions(CompactJsonText& json, const std::vector<FeatureContribution>& list) {
    json.beginArray();
    for (const FeatureContribution& c : list) {
        json.beginObject();
        json.key(QLatin1String("contribution")).number(c.contribution);
        json.key(QLatin1String("feature")).string(c.feature);
        json.key(QLatin1String("value")).string(c.value);
        json.endObject();
    }
    json.endArray();
}

void writeAtRiskEntry(CompactJsonText& json, const AtRiskEntry& e, bool scored) {
    json.beginObject();
    json.key(QLatin1String("account_id")).string(e.accountId);
    json.key(QLatin1String("account_last_7_days"));
    e.surge ? json.integer(e.surge->lastWeek) : json.null();
    json.key(QLatin1String("account_name")).string(e.accountName);
    json.key(QLatin1String("account_weekly_median"));
    e.surge ? json.number(e.surge->baselineMedian) : json.null();
    json.key(QLatin1String("band"));
    scored ? json.string(riskBandName(e.risk.band)) : json.null();
    json.key(QLatin1String("created_at")).string(isoUtc(e.createdAt));
    json.key(QLatin1String("priority")).string(e.priority);
    json.key(QLatin1String("probability"));
    scored ? json.number(e.risk.probability) : json.null();
    json.key(QLatin1String("reasons")).beginArray();
    for (const AtRiskReason& r : e.reasons) {
        json.beginObject();
        json.key(QLatin1String("kind")).string(reasonKindName(r.kind));
        json.key(QLatin1String("text")).string(r.text);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1String("risk_score"));
    scored ? json.integer(e.risk.score) : json.null();
    json.key(QLatin1String("sla_consumed")).number(e.slaConsumed);
    json.key(QLatin1String("status")).string(e.status);
    json.key(QLatin1String("subject")).string(e.subject);
    json.key(QLatin1String("ticket_id")).string(e.ticketId);
    json.key(QLatin1String("top_features"));
    writeContributions(json, e.risk.contributions);
    json.endObject();
}

} // namespace

QString atRiskJsonText(const AtRiskQueue& queue, std::optional<bool> asOfFollowsData) {
    // The keys in atRiskJson's order, which QJsonObject sorts.
    const bool scored = queue.riskUnavailable.isEmpty();
    CompactJsonText json;
    json.text().reserve(static_cast<qsizetype>(queue.entries.size()) * 600 + 256);
    json.beginObject();
    json.key(QLatin1String("as_of")).string(isoUtc(queue.asOf));
    if (asOfFollowsData) {
        json.key(QLatin1String("as_of_follows_data")).boolean(*asOfFollowsData);
    }
    json.key(QLatin1String("flag_from"));
    scored ? json.number(queue.flagFrom) : json.null();
    json.key(QLatin1String("open_tickets")).number(static_cast<double>(queue.openTickets));
    json.key(QLatin1String("review_from"));
    scored ? json.number(queue.reviewFrom) : json.null();
    if (!scored) {
        json.key(QLatin1String("risk_unavailable")).string(queue.riskUnavailable);
    }
    json.key(QLatin1String("tickets")).beginArray();
    for (const AtRiskEntry& e : queue.entries) {
        writeAtRiskEntry(json, e, scored);
    }
    json.endArray();
    json.endObject();
    return std::move(json.text());
}

} // namespace escdesk::risk

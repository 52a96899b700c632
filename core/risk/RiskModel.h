#pragma once

// The escalation risk model (issue #7): logistic regression on features
// known when a ticket is created or early in its life, trained on the
// workspace's own history. Each score is explained by its features'
// contributions, coefficient × standardised value.
//
// Features, only what was known when the ticket was created (the rule and
// the leak guard: RiskFeatures.h): priority, account tier, segment, product
// area, channel, start tier, hour and weekday of creation, and each
// attribute of tickets.attributes (one column per value at least
// `minCategoryTickets` training tickets have, up to `maxCategories` per
// field), the account's ARR (log), the sentiment score, negative terms and
// escalation keyword hits of subject and description, the account's
// tickets in the 7 days before (log), similarity to past escalations: the
// mean over the subject's stems of each stem's smoothed escalation log-odds
// in training (leave-one-out for the training tickets themselves, so a
// ticket does not vouch for itself), and the account's tickets in the 90
// days before (log) with the share of them escalated before the ticket was
// created.
//
// Only tickets whose outcome is known (escalated, or resolved/closed) are
// learned from. The threshold maximises F1 on the calibrated probabilities
// of the validation slice (Fitting below; on the training tickets when there
// is none); scores within `reviewBandLogit` of it (in log-odds) form the
// confidence band, routed to human review instead of being flagged
// automatically.

#include "risk/Calibration.h"
#include "risk/LogisticRegression.h"
#include "risk/RiskData.h"
#include "risk/RiskFeatures.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace escdesk::risk {

inline constexpr int maxCategories = 40;
inline constexpr double reviewBandLogit = 0.5;
inline constexpr double stemPriorWeight = 20.0; // pseudo-tickets at the base rate
// 2: a model says why it could not be trained ("cannot_train").
inline constexpr int modelFormat = 2;

enum class RiskBand { Low, Review, Flag };
// "low", "human review", "flag".
QString riskBandName(RiskBand band);

struct FeatureContribution {
    // "priority = Critical" (or "priority ≠ Critical" when the ticket's
    // value is another), "sentiment score".
    QString feature;
    QString value;           // the ticket's value as shown ("yes", "no", "31.9")
    double contribution = 0; // coefficient × standardised value, in log-odds
    int column = 0;          // the model's feature column
};

struct RiskScore {
    double probability = 0.0;
    int score = 0; // round(100 × probability)
    RiskBand band = RiskBand::Low;
    std::vector<FeatureContribution> contributions; // largest |contribution| first
};

class RiskModel;

// A model applied to one RiskData: its codes mapped to the model's columns.
class RiskScorer {
public:
    RiskScorer(const RiskModel& model, const RiskData& data);
    // The raw feature row of a ticket (before standardising).
    void features(const RiskTicket& ticket, double* row) const;
    double probability(const RiskTicket& ticket) const;
    RiskScore score(const RiskTicket& ticket, int topContributions = 5) const;

private:
    const RiskModel& m_model;
    std::array<std::vector<int>, riskFieldCount> m_columnOfCode;
    std::vector<std::vector<int>> m_attributeColumnOfCode; // by key code, by value code
    std::vector<double> m_stemLogOdds;                     // by data stem code; NaN unknown
};

class RiskModel {
public:
    // Trains on the tickets with known outcomes among `tickets` (indices
    // into data.tickets).
    static RiskModel train(const RiskData& data, const std::vector<std::size_t>& tickets,
                           const QStringList& keywords, const LogisticOptions& options = {});

    QJsonObject toJson() const;
    static RiskModel fromJson(const QJsonObject& json); // throws std::runtime_error

    std::size_t width() const { return m_featureNames.size(); }
    const QStringList& featureNames() const { return m_featureNames; }
    const LogisticModel& logistic() const { return m_logistic; }
    const Standardizer& standardizer() const { return m_standardizer; }
    double threshold() const { return m_threshold; }
    double reviewFrom() const; // probability where the band starts
    double flagFrom() const;   // probability from which a ticket is flagged
    RiskBand bandOf(double probability) const;
    const QStringList& keywords() const { return m_keywords; }
    std::int64_t trainedTickets() const { return m_trainedTickets; }
    double trainingBaseRate() const { return m_baseRate; }
    // Why the model could not learn what escalates: the data holds no
    // escalation information, or the tickets it learns from are all of one
    // outcome (none escalated, or all). Its scores then mean nothing and are
    // not shown; this reason is. Empty for a trained model.
    const QString& cannotTrain() const { return m_cannotTrain; }
    // What the feature builder left out, and why (RiskFeatures.h): attribute
    // keys known only after creation, free text, a start tier that would
    // tell the outcome. In key order.
    const std::vector<LeftOutFeature>& leftOut() const { return m_leftOut; }
    // How the weights were fitted (issue #20): the newest `validationShare`
    // of the tickets learned from chose the regularisation strength and
    // calibrated the probabilities (Calibration.h); the weights are those
    // fitted on the older tickets. validationTickets 0: too few escalations
    // to validate on, the default strength on all and no calibration.
    struct Fitting {
        double l2 = defaultRegularisation;
        PlattScaling platt;
        std::int64_t fitTickets = 0;
        std::int64_t validationTickets = 0;
        UtcSeconds validationFrom = 0; // the first validation ticket's creation
    };
    const Fitting& fitting() const { return m_fitting; }
    // The calibrated probability of the model's log-odds.
    double calibrated(double logit) const { return m_fitting.platt.probability(logit); }
    QString dataVersion;

private:
    friend class RiskScorer;
    std::array<QStringList, riskFieldCount> m_categories;
    // The attributes with columns (key, values), in key order; their columns
    // follow those of m_categories.
    std::vector<std::pair<QString, QStringList>> m_attributeCategories;
    std::vector<LeftOutFeature> m_leftOut;
    QHash<QString, double> m_stemLogOdds;
    QStringList m_featureNames;
    QStringList m_keywords;
    Standardizer m_standardizer;
    LogisticModel m_logistic;
    double m_threshold = 0.5;
    double m_baseRate = 0.0;
    std::int64_t m_trainedTickets = 0;
    QString m_cannotTrain;
    Fitting m_fitting;
};

} // namespace escdesk::risk

#include "risk/RiskModel.h"

#include "risk/RiskEvaluation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace escdesk::risk {

namespace {

constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
constexpr int minimumStemTickets = 3;

const char* const numericFeatures[] = {
    "account ARR (log)",
    "sentiment score",
    "negative terms",
    "escalation keywords",
    "account's tickets in the 7 days before (log)",
    "similarity to past escalations",
    "account's tickets in the 90 days before (log)",
    "account's escalation rate in the 90 days before",
};
constexpr std::size_t numericCount = std::size(numericFeatures);

struct StemCounts {
    double tickets = 0;
    double escalated = 0;
};

double logOdds(double p) {
    return std::log(p / (1.0 - p));
}

// The stem's escalation log-odds relative to the base rate, shrunk towards 0
// by `stemPriorWeight` pseudo-tickets at the base rate.
double stemLogOdds(double escalated, double tickets, double baseRate) {
    const double a = escalated + stemPriorWeight * baseRate;
    const double b = tickets - escalated + stemPriorWeight * (1.0 - baseRate);
    return std::log(a / b) - logOdds(baseRate);
}

QJsonArray toArray(const std::vector<double>& values) {
    QJsonArray array;
    for (double v : values) {
        array.append(v);
    }
    return array;
}

std::vector<double> toVector(const QJsonValue& value) {
    std::vector<double> values;
    for (const QJsonValue& v : value.toArray()) {
        values.push_back(v.toDouble());
    }
    return values;
}

QStringList toStringList(const QJsonValue& value) {
    QStringList list;
    for (const QJsonValue& v : value.toArray()) {
        list.append(v.toString());
    }
    return list;
}

QJsonObject fittingJson(const RiskModel::Fitting& fitting) {
    return QJsonObject{
        {QStringLiteral("l2"), fitting.l2},
        {QStringLiteral("platt_slope"), fitting.platt.slope},
        {QStringLiteral("platt_intercept"), fitting.platt.intercept},
        {QStringLiteral("fit_tickets"), static_cast<double>(fitting.fitTickets)},
        {QStringLiteral("validation_tickets"), static_cast<double>(fitting.validationTickets)},
        {QStringLiteral("validation_from"), static_cast<double>(fitting.validationFrom)},
    };
}

RiskModel::Fitting fittingFromJson(const QJsonValue& value) {
    if (!value.isObject()) {
        throw std::runtime_error("risk model: kept before calibration");
    }
    const QJsonObject json = value.toObject();
    RiskModel::Fitting fitting;
    fitting.l2 = json.value(QStringLiteral("l2")).toDouble(defaultRegularisation);
    fitting.platt.slope = json.value(QStringLiteral("platt_slope")).toDouble(1.0);
    fitting.platt.intercept = json.value(QStringLiteral("platt_intercept")).toDouble();
    fitting.fitTickets =
        static_cast<std::int64_t>(json.value(QStringLiteral("fit_tickets")).toDouble());
    fitting.validationTickets =
        static_cast<std::int64_t>(json.value(QStringLiteral("validation_tickets")).toDouble());
    fitting.validationFrom =
        static_cast<UtcSeconds>(json.value(QStringLiteral("validation_from")).toDouble());
    return fitting;
}

QJsonArray attributeCategoriesJson(const std::vector<std::pair<QString, QStringList>>& chosen) {
    QJsonArray array;
    for (const auto& [key, values] : chosen) {
        array.append(QJsonObject{{QStringLiteral("key"), key},
                                 {QStringLiteral("values"), QJsonArray::fromStringList(values)}});
    }
    return array;
}

std::vector<std::pair<QString, QStringList>> attributeCategoriesFromJson(const QJsonValue& value) {
    std::vector<std::pair<QString, QStringList>> chosen;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonObject o = v.toObject();
        chosen.emplace_back(o.value(QStringLiteral("key")).toString(),
                            toStringList(o.value(QStringLiteral("values"))));
    }
    return chosen;
}

std::size_t attributeWidth(const std::vector<std::pair<QString, QStringList>>& chosen) {
    std::size_t width = 0;
    for (const auto& [key, values] : chosen) {
        width += static_cast<std::size_t>(values.size());
    }
    return width;
}

QJsonArray leftOutJson(const std::vector<LeftOutFeature>& leftOut) {
    QJsonArray array;
    for (const LeftOutFeature& f : leftOut) {
        array.append(
            QJsonObject{{QStringLiteral("feature"), f.name}, {QStringLiteral("reason"), f.reason}});
    }
    return array;
}

std::vector<LeftOutFeature> leftOutFromJson(const QJsonValue& value) {
    std::vector<LeftOutFeature> leftOut;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonObject o = v.toObject();
        leftOut.push_back({o.value(QStringLiteral("feature")).toString(),
                           o.value(QStringLiteral("reason")).toString()});
    }
    return leftOut;
}

QString formatNumber(double value) {
    return QString::number(value, 'f', value == std::round(value) ? 0 : 1);
}

// The values of a field that get a column: those at least
// minCategoryTickets training tickets have (`counts` by code), the
// maxCategories most frequent, in name order.
QStringList frequentValues(const std::vector<std::int64_t>& counts, const QStringList& names) {
    std::vector<int> codes;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] >= minCategoryTickets) {
            codes.push_back(static_cast<int>(c));
        }
    }
    std::sort(codes.begin(), codes.end(), [&](int a, int b) {
        const auto ca = counts[static_cast<std::size_t>(a)];
        const auto cb = counts[static_cast<std::size_t>(b)];
        return ca != cb ? ca > cb : names[a] < names[b];
    });
    if (codes.size() > static_cast<std::size_t>(maxCategories)) {
        codes.resize(maxCategories);
    }
    std::sort(codes.begin(), codes.end(), [&](int a, int b) { return names[a] < names[b]; });
    QStringList values;
    for (int code : codes) {
        values.append(names[code]);
    }
    return values;
}

// Whether every escalated ticket learned from has a start tier: where the
// escalation left no event the start tier is unknown, and its absence
// would tell the outcome.
bool startTierKnownWhereEscalated(const RiskData& data, const std::vector<std::size_t>& known) {
    return std::all_of(known.begin(), known.end(), [&](std::size_t i) {
        const RiskTicket& t = data.tickets[i];
        return !t.escalated || t.fields[static_cast<std::size_t>(RiskField::StartTier)] >= 0;
    });
}

// Chooses the attribute columns (RiskFeatures.h): keys known only after
// creation and free-text keys are left out, with the reason.
void chooseAttributes(const RiskData& data, const std::vector<std::size_t>& known,
                      std::vector<std::pair<QString, QStringList>>& chosen,
                      std::vector<LeftOutFeature>& leftOut) {
    std::vector<std::vector<std::int64_t>> counts(data.attributeKeys.size());
    for (std::size_t k = 0; k < counts.size(); ++k) {
        counts[k].assign(static_cast<std::size_t>(data.attributeValues[k].size()), 0);
    }
    std::vector<std::int64_t> withValue(counts.size(), 0);
    for (std::size_t i : known) {
        for (const auto& [key, value] : data.tickets[i].attributes) {
            ++counts[static_cast<std::size_t>(key)][static_cast<std::size_t>(value)];
            ++withValue[static_cast<std::size_t>(key)];
        }
    }
    std::vector<std::size_t> keys(counts.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
        keys[k] = k;
    }
    std::sort(keys.begin(), keys.end(), [&](std::size_t a, std::size_t b) {
        return data.attributeKeys[static_cast<qsizetype>(a)] <
               data.attributeKeys[static_cast<qsizetype>(b)];
    });
    for (std::size_t k : keys) {
        const QString& key = data.attributeKeys[static_cast<qsizetype>(k)];
        if (const auto why = whyKnownOnlyAfterCreation(key)) {
            leftOut.push_back({key, *why});
            continue;
        }
        const auto distinct =
            std::count_if(counts[k].begin(), counts[k].end(), [](std::int64_t c) { return c > 0; });
        if (distinct > minCategoryTickets &&
            static_cast<double>(distinct) > freeTextDistinctShare * withValue[k]) {
            leftOut.push_back({key, QStringLiteral("free text: %1 distinct values among %2 tickets")
                                        .arg(distinct)
                                        .arg(withValue[k])});
            continue;
        }
        QStringList values = frequentValues(counts[k], data.attributeValues[k]);
        if (!values.isEmpty()) {
            chosen.emplace_back(key, std::move(values));
        }
    }
}

// The data's attribute codes mapped to the model's columns, which start at
// `column`: by key code, by value code (−1: none).
std::vector<std::vector<int>>
attributeColumns(const RiskData& data, const std::vector<std::pair<QString, QStringList>>& chosen,
                 std::size_t column) {
    std::vector<std::vector<int>> columnOfCode(data.attributeKeys.size());
    for (std::size_t k = 0; k < columnOfCode.size(); ++k) {
        columnOfCode[k].assign(static_cast<std::size_t>(data.attributeValues[k].size()), -1);
    }
    for (const auto& [key, values] : chosen) {
        const auto k = data.attributeKeys.indexOf(key);
        for (const QString& value : values) {
            if (k >= 0) {
                const auto code = data.attributeValues[static_cast<std::size_t>(k)].indexOf(value);
                if (code >= 0) {
                    columnOfCode[static_cast<std::size_t>(k)][static_cast<std::size_t>(code)] =
                        static_cast<int>(column);
                }
            }
            ++column;
        }
    }
    return columnOfCode;
}

// Fills the raw feature row; `columnOfCode` and `attributeColumnOfCode` map
// the data's codes to one-hot columns (−1: none).
void fillRow(const std::array<std::vector<int>, riskFieldCount>& columnOfCode,
             const std::vector<std::vector<int>>& attributeColumnOfCode, std::size_t numericStart,
             const RiskTicket& ticket, double affinity, double* row, std::size_t width) {
    std::fill(row, row + width, 0.0);
    for (const auto& [key, value] : ticket.attributes) {
        const auto k = static_cast<std::size_t>(key);
        if (k < attributeColumnOfCode.size() &&
            static_cast<std::size_t>(value) < attributeColumnOfCode[k].size()) {
            if (const int column = attributeColumnOfCode[k][static_cast<std::size_t>(value)];
                column >= 0) {
                row[column] = 1.0;
            }
        }
    }
    for (std::size_t f = 0; f < riskFieldCount; ++f) {
        const int code = ticket.fields[f];
        if (code >= 0 && static_cast<std::size_t>(code) < columnOfCode[f].size()) {
            const int column = columnOfCode[f][static_cast<std::size_t>(code)];
            if (column >= 0) {
                row[column] = 1.0;
            }
        }
    }
    double* numeric = row + numericStart;
    numeric[0] = std::log1p(std::max(0.0, ticket.arr.value_or(0.0)));
    numeric[1] = ticket.sentiment;
    numeric[2] = ticket.negativeTerms;
    numeric[3] = ticket.keywordHits;
    numeric[4] = std::log1p(static_cast<double>(ticket.recentTickets));
    numeric[5] = affinity;
    numeric[6] = std::log1p(static_cast<double>(ticket.accountPriorTickets));
    numeric[7] =
        ticket.accountPriorTickets > 0
            ? static_cast<double>(ticket.accountPriorEscalated) / ticket.accountPriorTickets
            : 0.0;
}

double meanAffinity(const std::vector<int>& stems, const std::vector<double>& logOddsOfCode) {
    double sum = 0.0;
    int known = 0;
    for (int stem : stems) {
        const double v = logOddsOfCode[static_cast<std::size_t>(stem)];
        if (!std::isnan(v)) {
            sum += v;
            ++known;
        }
    }
    return known ? sum / known : 0.0;
}

std::size_t oneHotWidth(const std::array<QStringList, riskFieldCount>& categories) {
    std::size_t width = 0;
    for (const QStringList& c : categories) {
        width += static_cast<std::size_t>(c.size());
    }
    return width;
}

// Why a model learned from `known` tickets, `escalated` of them escalated,
// cannot tell which tickets escalate; empty when it can.
QString whyItCannotTrain(const RiskData& data, std::size_t known, double escalated) {
    if (!data.outcomesUnknown.isEmpty()) {
        return data.outcomesUnknown;
    }
    if (known == 0) {
        return QStringLiteral("no ticket with a known outcome (escalated, resolved or closed) to "
                              "learn from");
    }
    if (escalated == 0) {
        return QStringLiteral("no ticket it learns from was escalated: there are no escalations "
                              "to learn from");
    }
    if (escalated == static_cast<double>(known)) {
        return QStringLiteral("every ticket it learns from was escalated: there are no tickets "
                              "without an escalation to tell them from");
    }
    return {};
}

} // namespace

QString riskBandName(RiskBand band) {
    switch (band) {
    case RiskBand::Low:
        return QStringLiteral("low");
    case RiskBand::Review:
        return QStringLiteral("human review");
    case RiskBand::Flag:
        return QStringLiteral("flag");
    }
    return {};
}

double RiskModel::reviewFrom() const {
    return sigmoid(logOdds(m_threshold) - reviewBandLogit);
}

double RiskModel::flagFrom() const {
    return sigmoid(logOdds(m_threshold) + reviewBandLogit);
}

RiskBand RiskModel::bandOf(double probability) const {
    if (probability >= flagFrom()) {
        return RiskBand::Flag;
    }
    return probability >= reviewFrom() ? RiskBand::Review : RiskBand::Low;
}

RiskModel RiskModel::train(const RiskData& data, const std::vector<std::size_t>& tickets,
                           const QStringList& keywords, const LogisticOptions& options) {
    std::vector<std::size_t> known;
    for (std::size_t i : tickets) {
        const RiskTicket& t = data.tickets[i];
        if (t.escalated || !t.open) {
            known.push_back(i);
        }
    }
    RiskModel model;
    model.m_keywords = keywords;
    model.m_trainedTickets = static_cast<std::int64_t>(known.size());

    // The categories seen often enough in training, one column each.
    std::array<std::vector<int>, riskFieldCount> columnOfCode;
    for (std::size_t f = 0; f < riskFieldCount; ++f) {
        std::vector<std::int64_t> counts(static_cast<std::size_t>(data.values[f].size()), 0);
        for (std::size_t i : known) {
            const int code = data.tickets[i].fields[f];
            if (code >= 0) {
                ++counts[static_cast<std::size_t>(code)];
            }
        }
        model.m_categories[f] = frequentValues(counts, data.values[f]);
    }
    auto& startTiers = model.m_categories[static_cast<std::size_t>(RiskField::StartTier)];
    if (!startTiers.isEmpty() && !startTierKnownWhereEscalated(data, known)) {
        startTiers.clear();
        model.m_leftOut.push_back({riskFieldName(RiskField::StartTier),
                                   QStringLiteral("unknown for tickets escalated without an event "
                                                  "saying from which tier: its absence would "
                                                  "tell the outcome")});
    }
    chooseAttributes(data, known, model.m_attributeCategories, model.m_leftOut);
    std::size_t column = 0;
    for (std::size_t f = 0; f < riskFieldCount; ++f) {
        columnOfCode[f].assign(static_cast<std::size_t>(data.values[f].size()), -1);
        for (const QString& value : model.m_categories[f]) {
            columnOfCode[f][static_cast<std::size_t>(data.values[f].indexOf(value))] =
                static_cast<int>(column++);
            model.m_featureNames.append(riskFieldName(static_cast<RiskField>(f)) +
                                        QStringLiteral(" = ") + value);
        }
    }
    const std::vector<std::vector<int>> attributeColumnOfCode =
        attributeColumns(data, model.m_attributeCategories, column);
    for (const auto& [key, values] : model.m_attributeCategories) {
        for (const QString& value : values) {
            model.m_featureNames.append(key + QStringLiteral(" = ") + value);
            ++column;
        }
    }
    const std::size_t numericStart = column;
    for (const char* name : numericFeatures) {
        model.m_featureNames.append(QString::fromUtf8(name));
    }
    const std::size_t width = static_cast<std::size_t>(model.m_featureNames.size());

    // Subject stems' escalation counts.
    std::vector<StemCounts> stemCounts(static_cast<std::size_t>(data.stems.size()));
    double escalated = 0;
    for (std::size_t i : known) {
        const RiskTicket& t = data.tickets[i];
        escalated += t.escalated ? 1 : 0;
        for (int stem : t.stems) {
            auto& c = stemCounts[static_cast<std::size_t>(stem)];
            c.tickets += 1;
            c.escalated += t.escalated ? 1 : 0;
        }
    }
    const double n = static_cast<double>(known.size());
    model.m_baseRate = n > 0 ? escalated / n : 0.0;
    model.m_cannotTrain = whyItCannotTrain(data, known.size(), escalated);
    const double prior = std::clamp(model.m_baseRate, 1e-6, 1.0 - 1e-6);
    for (std::size_t s = 0; s < stemCounts.size(); ++s) {
        if (stemCounts[s].tickets >= minimumStemTickets) {
            model.m_stemLogOdds.insert(
                data.stems[static_cast<qsizetype>(s)],
                stemLogOdds(stemCounts[s].escalated, stemCounts[s].tickets, prior));
        }
    }

    // Raw rows; a training ticket's similarity leaves the ticket itself out.
    std::vector<double> rows(known.size() * width);
    std::vector<char> labels(known.size());
    for (std::size_t k = 0; k < known.size(); ++k) {
        const RiskTicket& t = data.tickets[known[k]];
        const double y = t.escalated ? 1.0 : 0.0;
        double sum = 0.0;
        int counted = 0;
        for (int stem : t.stems) {
            const auto& c = stemCounts[static_cast<std::size_t>(stem)];
            if (c.tickets - 1 >= minimumStemTickets) {
                sum += stemLogOdds(c.escalated - y, c.tickets - 1, prior);
                ++counted;
            }
        }
        fillRow(columnOfCode, attributeColumnOfCode, numericStart, t, counted ? sum / counted : 0.0,
                &rows[k * width], width);
        labels[k] = t.escalated ? 1 : 0;
    }
    model.m_standardizer = Standardizer::fit(rows, width);
    for (std::size_t k = 0; k < known.size(); ++k) {
        model.m_standardizer.apply(&rows[k * width]);
    }
    // The newest tickets (data.tickets is in creation order) validate; a
    // creation instant is not split between the parts.
    std::size_t validationFrom =
        known.size() - static_cast<std::size_t>(std::llround(validationShare * known.size()));
    while (validationFrom > 0 && validationFrom < known.size() &&
           data.tickets[known[validationFrom - 1]].createdAt ==
               data.tickets[known[validationFrom]].createdAt) {
        --validationFrom;
    }
    ValidatedFit fit = fitWithValidation(rows, width, labels, validationFrom, options);
    model.m_logistic = std::move(fit.logistic);
    model.m_fitting.l2 = fit.l2;
    model.m_fitting.platt = fit.platt;
    model.m_fitting.fitTickets = static_cast<std::int64_t>(fit.fitRows);
    model.m_fitting.validationTickets = static_cast<std::int64_t>(fit.validationRows);
    if (fit.validationRows > 0) {
        model.m_fitting.validationFrom = data.tickets[known[validationFrom]].createdAt;
    }
    model.m_threshold = std::clamp(fit.threshold, 1e-6, 1.0 - 1e-6);
    return model;
}

RiskScorer::RiskScorer(const RiskModel& model, const RiskData& data)
    : m_model(model) {
    int column = 0;
    for (std::size_t f = 0; f < riskFieldCount; ++f) {
        m_columnOfCode[f].assign(static_cast<std::size_t>(data.values[f].size()), -1);
        for (const QString& value : model.m_categories[f]) {
            const auto code = data.values[f].indexOf(value);
            if (code >= 0) {
                m_columnOfCode[f][static_cast<std::size_t>(code)] = column;
            }
            ++column;
        }
    }
    m_attributeColumnOfCode =
        attributeColumns(data, model.m_attributeCategories, static_cast<std::size_t>(column));
    m_stemLogOdds.assign(static_cast<std::size_t>(data.stems.size()), unknown);
    for (qsizetype s = 0; s < data.stems.size(); ++s) {
        const auto it = model.m_stemLogOdds.constFind(data.stems[s]);
        if (it != model.m_stemLogOdds.cend()) {
            m_stemLogOdds[static_cast<std::size_t>(s)] = *it;
        }
    }
}

void RiskScorer::features(const RiskTicket& ticket, double* row) const {
    const std::size_t width = m_model.width();
    fillRow(m_columnOfCode, m_attributeColumnOfCode, width - numericCount, ticket,
            meanAffinity(ticket.stems, m_stemLogOdds), row, width);
}

double RiskScorer::probability(const RiskTicket& ticket) const {
    std::vector<double> row(m_model.width());
    features(ticket, row.data());
    m_model.m_standardizer.apply(row.data());
    return m_model.calibrated(m_model.m_logistic.logit(row.data()));
}

RiskScore RiskScorer::score(const RiskTicket& ticket, int topContributions) const {
    const std::size_t width = m_model.width();
    std::vector<double> raw(width);
    features(ticket, raw.data());
    std::vector<double> row = raw;
    m_model.m_standardizer.apply(row.data());
    RiskScore result;
    result.probability = m_model.calibrated(m_model.m_logistic.logit(row.data()));
    result.score = static_cast<int>(std::lround(100.0 * result.probability));
    result.band = m_model.bandOf(result.probability);
    // The largest |contribution| first (ties in column order); only the
    // ones kept are spelled out.
    std::vector<double> contribution(width);
    std::vector<std::size_t> columns(width);
    for (std::size_t j = 0; j < width; ++j) {
        contribution[j] = m_model.m_logistic.weights[j] * row[j];
        columns[j] = j;
    }
    // Only the first few are kept: sorted partly, ties broken by column as a
    // stable sort of all of them would.
    const auto before = [&](std::size_t a, std::size_t b) {
        const double ca = std::abs(contribution[a]);
        const double cb = std::abs(contribution[b]);
        return ca != cb ? ca > cb : a < b;
    };
    const std::size_t kept =
        topContributions < 0 ? columns.size()
                             : std::min(columns.size(), static_cast<std::size_t>(topContributions));
    std::partial_sort(columns.begin(), columns.begin() + static_cast<std::ptrdiff_t>(kept),
                      columns.end(), before);
    columns.resize(kept);
    const std::size_t numericStart = width - numericCount;
    for (const std::size_t j : columns) {
        FeatureContribution c;
        c.feature = m_model.m_featureNames[static_cast<qsizetype>(j)];
        c.contribution = contribution[j];
        c.column = static_cast<int>(j);
        if (j < numericStart) {
            c.value = raw[j] > 0 ? QStringLiteral("yes") : QStringLiteral("no");
            if (raw[j] <= 0) {
                c.feature.replace(QStringLiteral(" = "), QStringLiteral(" ≠ "));
            }
        } else if (j == numericStart) {
            c.value = formatNumber(ticket.arr.value_or(0.0));
        } else if (j == numericStart + 4) {
            c.value = QString::number(ticket.recentTickets);
        } else if (j == numericStart + 6) {
            c.value = QString::number(ticket.accountPriorTickets);
        } else if (j == numericStart + 7) {
            c.value = QString::number(100.0 * raw[j], 'f', 0) + QLatin1Char('%');
        } else {
            c.value = QString::number(raw[j], 'f', j == numericStart + 5 ? 2 : 1);
            if (j == numericStart + 2 || j == numericStart + 3) {
                c.value = formatNumber(raw[j]);
            }
        }
        result.contributions.push_back(c);
    }
    return result;
}

QJsonObject RiskModel::toJson() const {
    QJsonObject categories;
    for (std::size_t f = 0; f < riskFieldCount; ++f) {
        categories.insert(riskFieldName(static_cast<RiskField>(f)),
                          QJsonArray::fromStringList(m_categories[f]));
    }
    QJsonObject stems;
    for (auto it = m_stemLogOdds.begin(); it != m_stemLogOdds.end(); ++it) {
        stems.insert(it.key(), it.value());
    }
    return QJsonObject{
        {QStringLiteral("format"), modelFormat},
        {QStringLiteral("data_version"), dataVersion},
        {QStringLiteral("keywords"), QJsonArray::fromStringList(m_keywords)},
        {QStringLiteral("categories"), categories},
        {QStringLiteral("attribute_categories"), attributeCategoriesJson(m_attributeCategories)},
        {QStringLiteral("left_out"), leftOutJson(m_leftOut)},
        {QStringLiteral("stem_log_odds"), stems},
        {QStringLiteral("features"), QJsonArray::fromStringList(m_featureNames)},
        {QStringLiteral("mean"), toArray(m_standardizer.mean)},
        {QStringLiteral("scale"), toArray(m_standardizer.scale)},
        {QStringLiteral("intercept"), m_logistic.intercept},
        {QStringLiteral("weights"), toArray(m_logistic.weights)},
        {QStringLiteral("iterations"), m_logistic.iterations},
        {QStringLiteral("threshold"), m_threshold},
        {QStringLiteral("base_rate"), m_baseRate},
        {QStringLiteral("trained_tickets"), static_cast<double>(m_trainedTickets)},
        {QStringLiteral("cannot_train"),
         m_cannotTrain.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m_cannotTrain)},
        {QStringLiteral("fitting"), fittingJson(m_fitting)},
    };
}

RiskModel RiskModel::fromJson(const QJsonObject& json) {
    if (json.value(QStringLiteral("format")).toInt() != modelFormat) {
        throw std::runtime_error("risk model: unknown format");
    }
    RiskModel model;
    model.dataVersion = json.value(QStringLiteral("data_version")).toString();
    model.m_keywords = toStringList(json.value(QStringLiteral("keywords")));
    const QJsonObject categories = json.value(QStringLiteral("categories")).toObject();
    for (std::size_t f = 0; f < riskFieldCount; ++f) {
        model.m_categories[f] =
            toStringList(categories.value(riskFieldName(static_cast<RiskField>(f))));
    }
    model.m_attributeCategories =
        attributeCategoriesFromJson(json.value(QStringLiteral("attribute_categories")));
    model.m_leftOut = leftOutFromJson(json.value(QStringLiteral("left_out")));
    const QJsonObject stems = json.value(QStringLiteral("stem_log_odds")).toObject();
    for (auto it = stems.begin(); it != stems.end(); ++it) {
        model.m_stemLogOdds.insert(it.key(), it.value().toDouble());
    }
    model.m_featureNames = toStringList(json.value(QStringLiteral("features")));
    model.m_standardizer.mean = toVector(json.value(QStringLiteral("mean")));
    model.m_standardizer.scale = toVector(json.value(QStringLiteral("scale")));
    model.m_logistic.intercept = json.value(QStringLiteral("intercept")).toDouble();
    model.m_logistic.weights = toVector(json.value(QStringLiteral("weights")));
    model.m_logistic.iterations = json.value(QStringLiteral("iterations")).toInt();
    model.m_threshold = json.value(QStringLiteral("threshold")).toDouble(0.5);
    model.m_baseRate = json.value(QStringLiteral("base_rate")).toDouble();
    model.m_trainedTickets =
        static_cast<std::int64_t>(json.value(QStringLiteral("trained_tickets")).toDouble());
    model.m_cannotTrain = json.value(QStringLiteral("cannot_train")).toString();
    // A model kept before calibration (issue #20) is trained again.
    model.m_fitting = fittingFromJson(json.value(QStringLiteral("fitting")));
    const auto width = static_cast<std::size_t>(model.m_featureNames.size());
    if (width != oneHotWidth(model.m_categories) + attributeWidth(model.m_attributeCategories) +
                     numericCount ||
        model.m_standardizer.mean.size() != width || model.m_standardizer.scale.size() != width ||
        model.m_logistic.weights.size() != width) {
        throw std::runtime_error("risk model: inconsistent feature columns");
    }
    return model;
}

} // namespace escdesk::risk

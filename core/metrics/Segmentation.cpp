#include "metrics/Segmentation.h"

#include "metrics/SegmentRollup.h"

#include <array>
#include <functional>
#include <map>
#include <utility>

namespace escdesk::metrics {

namespace {

constexpr std::array<std::pair<SegmentField, const char*>, 11> fieldNames{{
    {SegmentField::AccountTier, "tier"},
    {SegmentField::AccountSegment, "segment"},
    {SegmentField::Priority, "priority"},
    {SegmentField::ProductArea, "product_area"},
    {SegmentField::RootCause, "root_cause"},
    {SegmentField::Group, "group"},
    {SegmentField::Assignee, "assignee"},
    {SegmentField::Channel, "channel"},
    {SegmentField::Region, "region"},
    {SegmentField::ArrBand, "arr_band"},
    {SegmentField::RenewalWindow, "renewal_window"},
}};

// The lower bounds of the ARR bands after the first, and the bands' names.
constexpr std::array<double, 4> arrBandBounds{10'000.0, 50'000.0, 250'000.0, 1'000'000.0};
const std::array<QString, 5>& arrBands() {
    static const std::array<QString, 5> names{
        QStringLiteral("under 10k"), QStringLiteral("10k–50k"), QStringLiteral("50k–250k"),
        QStringLiteral("250k–1M"), QStringLiteral("1M and over")};
    return names;
}

// A text as an SQL string literal.
std::string sqlText(const QString& text) {
    std::string quoted = "'";
    for (char c : text.toStdString()) {
        quoted += c;
        if (c == '\'') {
            quoted += '\''; // '' is a quote inside a literal
        }
    }
    quoted += '\'';
    return quoted;
}

std::string arrBandSql() {
    // Only a number is an ARR: an empty or text value has no band.
    std::string sql = "CASE WHEN typeof(a.arr) NOT IN ('integer', 'real') THEN NULL ";
    for (std::size_t i = 0; i < arrBandBounds.size(); ++i) {
        sql += "WHEN a.arr < ";
        sql += std::to_string(static_cast<long long>(arrBandBounds[i]));
        sql += " THEN ";
        sql += sqlText(arrBands()[i]);
        sql += ' ';
    }
    sql += "ELSE ";
    sql += sqlText(arrBands().back());
    sql += " END";
    return sql;
}

std::string renewalWindowSql(const RenewalWindow& renewal) {
    // Days from the period's end to the renewal date; NULL for a missing or
    // unreadable date.
    std::string days = "(julianday(date(a.renewal_date)) - julianday(";
    days += sqlText(renewal.periodEnd.toString(Qt::ISODate));
    days += "))";
    std::string sql = "CASE WHEN ";
    sql += days;
    sql += " IS NULL THEN NULL WHEN ";
    sql += days;
    sql += " < 0 THEN ";
    sql += sqlText(renewalBeforeEndName());
    sql += " WHEN ";
    sql += days;
    sql += " < ";
    sql += std::to_string(renewal.days);
    sql += " THEN ";
    sql += sqlText(renewalWithinName(renewal.days));
    sql += " ELSE ";
    sql += sqlText(renewalLaterName(renewal.days));
    sql += " END";
    return sql;
}

} // namespace

QStringList arrBandNames() {
    return QStringList(arrBands().begin(), arrBands().end());
}

QString renewalWithinName(int days) {
    return QStringLiteral("within %1 days").arg(days);
}

QString renewalLaterName(int days) {
    return QStringLiteral("in %1 days or more").arg(days);
}

QString renewalBeforeEndName() {
    return QStringLiteral("before the period's end");
}

bool segmentFieldNeedsStore(SegmentField field) {
    return static_cast<int>(field) > static_cast<int>(SegmentField::Group);
}

const char* addedSegmentFieldColumn(SegmentField field) {
    static const std::string arrBand = arrBandSql();
    switch (field) {
    case SegmentField::Assignee:
        return "t.assignee";
    case SegmentField::Channel:
        return "t.channel";
    case SegmentField::Region:
        return "a.region";
    case SegmentField::ArrBand:
        return arrBand.c_str();
    default:
        // The renewal window has no value without its period: counted by
        // analyseSegments itself (with addedSegmentFieldSql), never kept.
        return "NULL";
    }
}

std::string addedSegmentFieldSql(SegmentField field, const RenewalWindow& renewal) {
    return field == SegmentField::RenewalWindow ? renewalWindowSql(renewal)
                                                : std::string(addedSegmentFieldColumn(field));
}

std::string segmentFieldSql(SegmentField field, const RenewalWindow& renewal) {
    return segmentFieldNeedsStore(field) ? addedSegmentFieldSql(field, renewal)
                                         : std::string(segmentFieldColumn(field));
}

std::optional<SegmentField> parseSegmentField(const QString& name) {
    for (const auto& [field, fieldName] : fieldNames) {
        if (name == QLatin1String(fieldName)) {
            return field;
        }
    }
    return std::nullopt;
}

QString segmentFieldName(SegmentField field) {
    for (const auto& [candidate, fieldName] : fieldNames) {
        if (candidate == field) {
            return QString::fromLatin1(fieldName);
        }
    }
    return {};
}

QStringList segmentFieldNames() {
    QStringList names;
    for (const auto& entry : fieldNames) {
        names << QString::fromLatin1(entry.second);
    }
    return names;
}

const QString& segmentValue(const TicketFacts& ticket, SegmentField field) {
    static const QString none;
    switch (field) {
    case SegmentField::AccountTier:
        return ticket.accountTier;
    case SegmentField::AccountSegment:
        return ticket.accountSegment;
    case SegmentField::Priority:
        return ticket.priority;
    case SegmentField::ProductArea:
        return ticket.productArea;
    case SegmentField::RootCause:
        return ticket.rootCause;
    case SegmentField::Group:
        return ticket.group;
    case SegmentField::Assignee:
    case SegmentField::Channel:
    case SegmentField::Region:
    case SegmentField::ArrBand:
    case SegmentField::RenewalWindow:
        return none; // read from the store: splitBySegment(db, …)
    }
    return ticket.group;
}

namespace {

std::vector<SegmentInput> splitByValue(const MetricsInput& input,
                                       const std::function<QString(const TicketFacts&)>& valueOf) {
    std::map<QString, MetricsInput> byValue;
    MetricsInput withoutValue;
    for (const TicketFacts& ticket : input.tickets) {
        const QString value = valueOf(ticket);
        MetricsInput& target = value.isEmpty() ? withoutValue : byValue[value];
        target.tickets.push_back(ticket);
    }
    std::vector<SegmentInput> segments;
    auto add = [&](QString value, MetricsInput&& part) {
        part.hasEventLog = input.hasEventLog;
        part.coverage = input.coverage;
        part.resolvedEscalations = input.resolvedEscalations;
        segments.push_back(SegmentInput{std::move(value), std::move(part)});
    };
    for (auto& [value, part] : byValue) {
        add(value, std::move(part));
    }
    if (!withoutValue.tickets.empty()) {
        add(QString(), std::move(withoutValue));
    }
    return segments;
}

} // namespace

std::vector<SegmentInput> splitBySegment(const MetricsInput& input, SegmentField field) {
    return splitByValue(input,
                        [field](const TicketFacts& ticket) { return segmentValue(ticket, field); });
}

std::vector<SegmentInput> splitBySegment(store::Database& db, const MetricsInput& input,
                                         SegmentField field, const RenewalWindow& renewal) {
    if (!segmentFieldNeedsStore(field)) {
        return splitBySegment(input, field);
    }
    std::string sql = "SELECT ";
    sql += addedSegmentFieldSql(field, renewal);
    sql += " FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id WHERE t.id = ?1";
    store::Statement value = db.prepare(sql);
    return splitByValue(input, [&value](const TicketFacts& ticket) {
        value.bind(1, static_cast<std::int64_t>(ticket.row));
        QString text = value.step() ? value.text(0) : QString();
        value.reset();
        return text;
    });
}

} // namespace escdesk::metrics

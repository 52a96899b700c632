#include "metrics/Segmentation.h"

#include <array>
#include <map>
#include <utility>

namespace escdesk::metrics {

namespace {

constexpr std::array<std::pair<SegmentField, const char*>, 6> fieldNames{{
    {SegmentField::AccountTier, "tier"},
    {SegmentField::AccountSegment, "segment"},
    {SegmentField::Priority, "priority"},
    {SegmentField::ProductArea, "product_area"},
    {SegmentField::RootCause, "root_cause"},
    {SegmentField::Group, "group"},
}};

} // namespace

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
    }
    return ticket.group;
}

std::vector<SegmentInput> splitBySegment(const MetricsInput& input, SegmentField field) {
    std::map<QString, MetricsInput> byValue;
    MetricsInput withoutValue;
    for (const TicketFacts& ticket : input.tickets) {
        const QString& value = segmentValue(ticket, field);
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

} // namespace escdesk::metrics

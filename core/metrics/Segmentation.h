#pragma once

// Splitting a window's facts by a segmenting field, so every metric can be
// computed per segment exactly as it is overall.

#include "metrics/TicketFacts.h"

#include <QString>

#include <optional>
#include <vector>

namespace escdesk::metrics {

enum class SegmentField { AccountTier, AccountSegment, Priority, ProductArea, RootCause, Group };

// The CLI names: tier, segment, priority, product_area, root_cause, group.
std::optional<SegmentField> parseSegmentField(const QString& name);
QString segmentFieldName(SegmentField field);
QStringList segmentFieldNames();

// The ticket's value of the field; a null QString when it has none.
const QString& segmentValue(const TicketFacts& ticket, SegmentField field);

struct SegmentInput {
    QString value; // null for tickets without a value
    MetricsInput input;
};

// One input per distinct value, ordered by value (tickets without a value
// last). Each keeps the full repeat-issue lookback list.
std::vector<SegmentInput> splitBySegment(const MetricsInput& input, SegmentField field);

} // namespace escdesk::metrics

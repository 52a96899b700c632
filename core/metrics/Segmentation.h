#pragma once

// Splitting a window's facts by a segmenting field, so every metric can be
// computed per segment exactly as it is overall.

#include "metrics/TicketFacts.h"
#include "store/Database.h"

#include <QDate>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace escdesk::metrics {

// The fields after Group (issue #21) are read from the store rather than the
// facts: the ticket's assignee and channel, its account's region, the band
// of its account's ARR, and whether the account renews soon after the
// period ends.
enum class SegmentField {
    AccountTier,
    AccountSegment,
    Priority,
    ProductArea,
    RootCause,
    Group,
    Assignee,
    Channel,
    Region,
    ArrBand,
    RenewalWindow
};

// The CLI names: tier, segment, priority, product_area, root_cause, group,
// assignee, channel, region, arr_band, renewal_window.
std::optional<SegmentField> parseSegmentField(const QString& name);
QString segmentFieldName(SegmentField field);
QStringList segmentFieldNames();

// The ARR bands, by the account's ARR in its own currency: under 10k,
// 10k–50k, 50k–250k, 250k–1M, 1M and over (each band includes its lower
// bound). An account without an ARR, or a ticket without an account, has no
// band.
QStringList arrBandNames();

// What the renewal-window segments are measured from: the period's end (the
// day after its last day) and N. An account renews "within N days" when its
// renewal date d satisfies 0 ≤ d − end < N; "in N days or more" when
// d − end ≥ N; "before the period's end" when d < end; a ticket whose
// account has no renewal date has no value.
struct RenewalWindow {
    QDate periodEnd;
    int days = 90;
};
QString renewalWithinName(int days); // "within 90 days"
QString renewalLaterName(int days);  // "in 90 days or more"
QString renewalBeforeEndName();      // "before the period's end"

// Whether the field's value comes from the store (the fields after Group);
// segmentValue then has none to give.
bool segmentFieldNeedsStore(SegmentField field);

// The SQL expression of a field added in issue #21 over tickets t and
// accounts a (the renewal window's with its period end and N written in);
// the SQL of the other fields is segmentFieldColumn's (SegmentRollup.h).
std::string addedSegmentFieldSql(SegmentField field, const RenewalWindow& renewal = {});
// The same without a period, for segmentFieldColumn: "NULL" for the renewal
// window, which needs one.
const char* addedSegmentFieldColumn(SegmentField field);
// The same for every field.
std::string segmentFieldSql(SegmentField field, const RenewalWindow& renewal = {});

// The ticket's value of the field; a null QString when it has none (always
// for the fields segmentFieldNeedsStore names).
const QString& segmentValue(const TicketFacts& ticket, SegmentField field);

struct SegmentInput {
    QString value; // null for tickets without a value
    MetricsInput input;
};

// One input per distinct value, ordered by value (tickets without a value
// last). Each keeps the full repeat-issue lookback list.
std::vector<SegmentInput> splitBySegment(const MetricsInput& input, SegmentField field);

// The same for any field: the values of the fields segmentFieldNeedsStore
// names are read from `db` ticket by ticket.
std::vector<SegmentInput> splitBySegment(store::Database& db, const MetricsInput& input,
                                         SegmentField field, const RenewalWindow& renewal);

} // namespace escdesk::metrics

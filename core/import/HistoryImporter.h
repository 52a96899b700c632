#pragma once

// History exports (SPEC §4): one row per change of a ticket — ServiceNow
// audit-style incident logs, Jira change history, process-mining event logs —
// from which the ticket and its escalation events are derived:
//   created_at  the first row's time; status, priority, group and tier: the
//               latest row's values
//   escalated   the tier (support level) rises; bounced: it falls
//   paused      the status becomes one of the waiting statuses; resumed:
//               the next row whose status is not waiting
//   resolved    the status becomes a resolved (or closed) status; reopened:
//               it leaves them again; resolved_at/closed_at from the last of
//               those changes while the ticket stays resolved/closed
//   reassigned  the group changes
//   the other ticket fields a mapping names (root_cause, product_area,
//               subject, ...): the latest non-empty value of each
//   attributes  what was known when the ticket was created, for the early
//               warning (which may use nothing learnt later): the columns
//               the mapping's "attributes" lists, each with its value on the
//               case's first change row in time order (left out when blank
//               there), keyed by the column's name in the header row as a
//               tickets import keys its extra columns; and two keys the
//               import derives:
//                 "first_group"  the first group the case was assigned to
//                                (its first non-empty group, in time order)
//                 "first_tier"   the support level it started at (its first
//                                known tier, "1" to "4")
//               each left out when the case has none. One JSON object of
//               strings, keys in name order, in tickets.attributes.
// Rows of a case may come in any order (they are sorted by time, then line)
// and repeated identical rows are harmless. The derived tickets and events
// are written with the same sync semantics as the canonical imports, in one
// transaction and one batch (kind "history"): rows counts change rows read,
// inserted/updated/unchanged count derived tickets plus events, rejected
// counts change rows that could not be read.
//
// A history mapping file, for example a ServiceNow incident audit log:
//   {
//     "name": "ServiceNow incident log",
//     "kind": "history",
//     "nulls": ["?"],
//     "case": "number",
//     "time": { "column": "sys_updated_at", "format": "dmy" },
//     "status": "incident_state",
//     "tier": { "column": "u_support_level", "values": { "L1": "1", "L2": "2" } },
//     "group": "assignment_group",
//     "priority": { "column": "priority", "values": { "1 - Critical": "Critical" } },
//     "root_cause": { "column": "closed_code", "values": { "code 5": "Configuration" } },
//     "product_area": "category",
//     "attributes": ["impact", "location", { "column": "u_symptom", "nulls": ["-"] }],
//     "waiting_statuses": ["Awaiting User Info", "Awaiting Vendor"],
//     "resolved_statuses": ["Resolved"],
//     "closed_statuses": ["Closed"]
//   }
// Each column entry is written as in a tickets mapping (ColumnMapping.h):
// a name, a list of names, or {"column"/"columns", "values", "nulls", and
// for "time" "format"}; an entry other than "case" and "time" may add
// "patterns", rules for the values "values" does not name, tried in order,
// the first whose regular expression (ignoring case) is found in the value
// giving the value read — BPI Challenge 2013's support level, a suffix of
// its team names ("V5 3rd", "G97 2nd", "G97"):
//     "tier": { "column": "Involved ST",
//               "patterns": [ { "match": " 3rd$", "value": "3" },
//                             { "match": " 2nd$", "value": "2" },
//                             { "match": ".", "value": "1" } ] }
// Each item of "attributes" is a column name or such an entry object. A value equal to a null token
// ("nulls", for the whole mapping or one entry) reads as empty: no status, tier, group or priority
// change on that row, and no value for the other fields. The file is read strictly (MappingFile.h);
// a column it names that the export lacks refuses the import, naming the mapping file's line and
// column.

#include "import/ColumnMapping.h"
#include "import/Importer.h"

namespace escdesk::import {

struct HistoryMapping {
    QString name;
    FieldSource caseId; // required
    FieldSource time;   // required; its form may be fixed
    std::optional<FieldSource> status;
    std::optional<FieldSource> tier;
    std::optional<FieldSource> group;
    std::optional<FieldSource> priority;
    QStringList waitingStatuses;
    QStringList resolvedStatuses;
    QStringList closedStatuses; // also count as resolved
    DateOrder dateOrder = DateOrder::Unknown;
    // Other ticket fields (historyTicketFields()), each the latest non-empty value.
    std::vector<FieldSource> ticketFields = {};
    // Columns kept in tickets.attributes with their value at creation.
    std::vector<FieldSource> attributes = {};
    QStringList nulls = {}; // null tokens of every entry without its own
    // The mapping file it was read from; empty when built in code.
    QString path = {};
};

// The ticket fields a history mapping may map besides status, tier, group
// and priority: channel, account_id, product_area, root_cause, reason_code,
// subject, description, assignee, resolution_type, resolution_notes, tags.
QStringList historyTicketFields();

// The attribute keys a history import derives itself: first_group,
// first_tier (an "attributes" column may not be named so).
QStringList historyDerivedAttributes();

// Reads a history mapping file ("kind": "history"; MappingFile.cpp); throws
// MappingError.
HistoryMapping readHistoryMappingFile(const QString& path);
// The mapping as a history mapping file that readHistoryMappingFile() reads
// back to the same mapping (MappingFile.cpp): one key a line, in the order
// of the example above. A time form that a mapping file cannot name
// ("format": iso, mdy, dmy, dotted, jira, epoch, epoch_ms) is left to be
// detected; the status lists are written only with a status column.
QByteArray historyMappingJson(const HistoryMapping& mapping);
// Writes historyMappingJson() to `path` (whole or not at all); throws
// MappingError naming the file when it cannot be written.
void writeHistoryMappingFile(const HistoryMapping& mapping, const QString& path);

// Imports a history export; throws ImportRefused, ImportCancelled or
// store::StoreError like importCsv(). options.kind and options.mapping are
// not used.
ImportResult importHistoryCsv(store::Database& db, const QString& path,
                              const HistoryMapping& mapping, const ImportOptions& options);

} // namespace escdesk::import

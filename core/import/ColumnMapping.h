#pragma once

// How the columns of a helpdesk's own export map onto a canonical layout
// (SPEC §4): the built-in presets for Zendesk, Jira Service Management,
// Freshdesk and ServiceNow, and custom mappings saved as JSON files.
//
// A mapping file, for example:
//   {
//     "name": "Acme Zendesk",
//     "kind": "tickets",
//     "date_order": "dmy",
//     "fields": {
//       "ticket_id": "Id",
//       "created_at": { "column": "Created at", "format": "iso" },
//       "priority": { "column": "Priority",
//                     "values": { "Urgent": "Critical", "Normal": "Medium" } },
//       "tags": { "columns": ["Labels"] }
//     }
//   }
// "fields" maps canonical field names to a source column (or the first
// present of several); "format" fixes a timestamp form (iso, mdy, dmy,
// dotted, jira, epoch, epoch_ms) instead of detecting it; "values" replaces
// source values (compared case-insensitively) before they are read. A source
// column that appears several times (Jira's repeated Labels) is joined with
// ", ". Columns that no field uses are kept as attributes.

#include "import/ImportKind.h"
#include "import/Timestamp.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace escdesk::import {

struct FieldSource {
    QString field;       // canonical header name, e.g. "created_at"
    QStringList columns; // source header names; the first present is used
    std::optional<TimestampForm> form;
    std::map<std::string, std::string> values; // lower-case UTF-8 source → canonical
};

struct ColumnMapping {
    QString name;
    ImportKind kind = ImportKind::Tickets;
    DateOrder dateOrder = DateOrder::Unknown;
    std::vector<FieldSource> fields;

    const FieldSource* sourceOf(const QString& field) const;
};

// A mapping file that cannot be used; the message names file and problem.
class MappingError : public std::runtime_error {
public:
    explicit MappingError(const QString& message)
        : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromUtf8(what()); }
};

// zendesk, jira, freshdesk, servicenow (ticket exports).
QStringList presetNames();
// The preset of that name (case-insensitive), or nullopt.
std::optional<ColumnMapping> presetMapping(const QString& name);
// One entry of a mapping file's "fields": a column name, a list of names, or
// {"column"/"columns", "format", "values"}; throws MappingError naming `path`.
FieldSource readFieldSource(const QString& field, const QJsonValue& spec, const QString& path);
// Reads a mapping file; throws MappingError.
ColumnMapping readMappingFile(const QString& path);

} // namespace escdesk::import

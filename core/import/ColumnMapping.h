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
//     "nulls": ["-", "N/A"],
//     "fields": {
//       "ticket_id": "Id",
//       "created_at": { "column": "Created at", "format": "iso" },
//       "priority": { "column": "Priority",
//                     "values": { "Urgent": "Critical", "Normal": "Medium" } },
//       "group": { "column": "Group", "nulls": ["(none)"] },
//       "tags": { "columns": ["Labels"] }
//     }
//   }
// "fields" maps canonical field names to a source column (or the first
// present of several); "format" fixes a timestamp form (iso, mdy, dmy,
// dotted, jira, epoch, epoch_ms) instead of detecting it; "values" replaces
// source values (compared case-insensitively) before they are read. "nulls"
// lists source values that mean "no value": a value equal to one of them
// (ignoring case and surrounding blanks) reads as empty, before "values";
// a field's own list replaces the mapping's for that field. A source
// column that appears several times (Jira's repeated Labels) is joined with
// ", ". Columns that no field uses are kept as attributes, as written.
//
// Mapping files are read strictly (MappingFile.cpp): an unknown key, a value
// of the wrong type, a key given twice or a root that is not an object is
// refused with "FILE: line L, column C: reason". A column a file's mapping
// names must be in the file (the importers refuse it otherwise, naming the
// mapping's line); presets, by contrast, fall back to the canonical header.

#include "import/ImportKind.h"
#include "import/JsonPositions.h"
#include "import/Timestamp.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace escdesk::import {

// A history mapping's rule for source values that "values" does not name:
// a value in which the regular expression `match` finds a match (ignoring
// case) reads as `value`. BPI Challenge 2013's "Involved ST" holds the
// support level only as a suffix ("V5 3rd", "G97 2nd", plain "G97").
struct ValuePattern {
    QString match;     // as written in the mapping file
    std::string value; // UTF-8
    QRegularExpression compiled = {};
};

struct FieldSource {
    QString field;       // canonical header name, e.g. "created_at"
    QStringList columns; // source header names; the first present is used
    std::optional<TimestampForm> form;
    std::map<std::string, std::string> values; // lower-case UTF-8 source → canonical
    // History mappings only: tried in order after "values"; the first that matches wins.
    std::vector<ValuePattern> patterns = {};
    // The field's own null tokens, replacing the mapping's; nullopt: the mapping's.
    std::optional<QStringList> nulls = std::nullopt;
    // Where the field's column name stands in its mapping file; unknown for presets.
    TextPosition at = {};
};

struct ColumnMapping {
    QString name;
    ImportKind kind = ImportKind::Tickets;
    DateOrder dateOrder = DateOrder::Unknown;
    std::vector<FieldSource> fields;
    QStringList nulls = {}; // null tokens of every field without its own
    // The mapping file it was read from; empty for a preset. A column that a
    // file's mapping names must be in the imported file.
    QString path = {};

    const FieldSource* sourceOf(const QString& field) const;
};

// The null tokens that apply to a field: its own, or else the mapping's.
inline const QStringList& nullsOf(const FieldSource* source, const QStringList& mappingNulls) {
    return source && source->nulls ? *source->nulls : mappingNulls;
}

// Source values that mean "no value" ("?", "N/A", "-", "(none)"): matches()
// says whether a value as it stands in the file, ignoring case and
// surrounding blanks, is one of them.
class NullTokens {
public:
    NullTokens() = default;
    explicit NullTokens(const QStringList& tokens);
    bool empty() const { return m_lower.empty(); }
    bool matches(std::string_view value) const;
    // The tokens, trimmed and lower-case, sorted (for hashing how a file is read).
    const std::vector<std::string>& lowered() const { return m_lower; }

private:
    std::vector<std::string> m_lower;
};

// A mapping file that cannot be used. Problems inside the file are told as
// "FILE: line L, column C: reason".
class MappingError : public std::runtime_error {
public:
    explicit MappingError(const QString& message)
        : std::runtime_error(message.toStdString()) {}
    MappingError(const QString& file, TextPosition at, const QString& reason)
        : std::runtime_error((at.known() ? QStringLiteral("%1: line %2, column %3: %4")
                                               .arg(file, QString::number(at.line),
                                                    QString::number(at.column), reason)
                                         : QStringLiteral("%1: %2").arg(file, reason))
                                 .toStdString())
        , m_reason(reason)
        , m_at(at) {}
    QString message() const { return QString::fromUtf8(what()); }
    const QString& reason() const { return m_reason; } // empty for the first form
    TextPosition at() const { return m_at; }

private:
    QString m_reason;
    TextPosition m_at;
};

// zendesk, jira, freshdesk, servicenow (ticket exports).
QStringList presetNames();
// The preset of that name (case-insensitive), or nullopt.
std::optional<ColumnMapping> presetMapping(const QString& name);
// Reads a mapping file of kind tickets, events, accounts or known-issues
// (MappingFile.cpp); throws MappingError.
ColumnMapping readMappingFile(const QString& path);

} // namespace escdesk::import

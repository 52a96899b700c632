#pragma once

// The two halves of a history import (HistoryImporter.h) that do not write:
// reading a history export's change rows, grouped by case, with the rows
// that could not be read; and deriving one case's ticket and events from
// its changes. importHistoryCsv() writes what they give; previewHistoryCsv()
// (HistoryPreview.h) shows it. Defined in HistoryImporter.cpp, beside the
// import, so that the two can never read or derive differently.

#include "import/CsvReader.h"
#include "import/HistoryImporter.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace escdesk::import::history {

// One change row of a case, as read.
struct Change {
    UtcSeconds time = 0;
    std::int64_t line = 0;
    std::string status;
    std::optional<int> tier;
    std::string group;
    std::string priority;                // canonical, or empty
    std::vector<std::string> fields;     // the mapping's other ticket fields, mapped
    std::vector<std::string> attributes; // the mapping's attribute columns, mapped
};

struct DerivedEvent {
    UtcSeconds time = 0;
    std::string_view kind;
    std::optional<int> fromTier;
    std::optional<int> toTier;
    std::string note;
};

// The ticket and events of one case, by the rules in HistoryImporter.h.
struct Derived {
    UtcSeconds created = 0;
    std::optional<UtcSeconds> resolvedAt;
    std::optional<UtcSeconds> closedAt;
    std::optional<UtcSeconds> escalatedAt;
    bool escalated = false;
    std::string status;
    std::string group;
    std::string priority;
    std::optional<int> tier;
    std::optional<int> startTier; // the first known support level
    std::vector<DerivedEvent> events;
    std::vector<std::string> fields; // of the mapping's other ticket fields: the latest non-empty
    // What was known at creation: the first non-empty group, and the
    // attribute columns' values on the first change row (time order).
    std::string firstGroup;
    std::vector<std::string> attributes;
};

// A row that could not be read, or (warning) a value of a row that was read
// without it.
struct Rejection {
    std::int64_t line;
    QString column;
    QString value;
    QString reason;
    bool warning = false;
};

// A history export read: its change rows by case, and what could not be read.
struct HistoryChanges {
    CsvDialect dialect;
    std::int64_t headerLine = 0;
    QStringList headerNames;
    std::optional<TimestampForm> timeForm;            // of the change times
    std::vector<std::string> attributeNames;          // trimmed header names of mapping.attributes
    std::int64_t rows = 0;                            // change rows read (not blank)
    QByteArray sha256Hex;                             // of the whole file
    std::map<std::string, std::vector<Change>> cases; // ordered: deterministic writes
    std::vector<Rejection> rejections;
};

// Reads every change row of `path` with `mapping` (options.kind and
// options.mapping are not used). Throws ImportRefused (a file the import
// would refuse) or ImportCancelled; writes nothing.
HistoryChanges readHistoryChanges(const QString& path, const HistoryMapping& mapping,
                                  const ImportOptions& options);

// Derives cases' tickets and events with one mapping's status lists.
class CaseDeriver {
public:
    explicit CaseDeriver(const HistoryMapping& mapping);
    ~CaseDeriver();
    CaseDeriver(const CaseDeriver&) = delete;
    CaseDeriver& operator=(const CaseDeriver&) = delete;

    // The case's ticket and events, its other ticket fields included; sorts
    // `changes` by time (then line).
    Derived derive(std::vector<Change>& changes) const;

private:
    struct Statuses;
    const HistoryMapping& m_mapping;
    std::unique_ptr<const Statuses> m_statuses;
};

// A derived case's tickets.attributes (HistoryImporter.h): the attribute
// columns' values at creation under `attributeNames` (HistoryChanges), with
// first_group and first_tier, as one JSON object in key order; empty when
// there is nothing to keep.
std::string attributesJson(const std::vector<std::string>& attributeNames, const Derived& derived);

// The events as the store keeps them: one per (time, event, tiers), notes
// of events of the same identity joined.
std::vector<DerivedEvent> mergedByIdentity(const std::vector<DerivedEvent>& events);

} // namespace escdesk::import::history

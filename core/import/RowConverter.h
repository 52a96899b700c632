#pragma once

// The importer's conversion stage (SPEC §4): one CSV record of a mapped
// file to the layout's values and the problems that keep it, or some of its
// values, from being stored. Pure: it reads no store and writes nothing;
// what it needs to know of the workspace (an event's ticket, whether the
// workspace has an event log) its caller supplies, so a preview and an
// import convert alike and tests need no store.
//
// The rules, as the problems they give: a ragged row, a byte that is not
// UTF-8 in a damaged UTF-8 file, or a NUL byte rejects the row before
// conversion; an unreadable or empty required value rejects it; an
// unreadable optional value is stored as empty with a warning; a time
// before created_at is stored as empty with a warning; a time more than
// a year after the import is kept with a warning; an escalation that does
// not rise a tier, or a bounce that does not fall one, rejects the event.

#include "import/HeaderMapping.h"
#include "import/ImportKind.h"
#include "import/RowProblem.h"
#include "import/TableWriter.h"
#include "import/Timestamp.h"

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace escdesk::import {

// The version of the conversion rules, part of every source hash's seed
// (HeaderMapping::readingSalt()): a stored row whose hash was made under
// other rules is compared value by value instead of counted unchanged.
// Bump it whenever a rule changes what a record converts to; the golden
// table of tests/core/tst_row_converter.cpp fails until you do (see
// core/import/README.md, "Source hash format").
constexpr std::uint64_t conversionRulesVersion = 1;
// "escdesk" and the version: the first value hashed into the seed.
constexpr std::uint64_t sourceHashFormat = 0x6573636465736b00ULL | conversionRulesVersion;

// What the workspace says about how tickets escalated (read by the caller).
struct EscalationFacts {
    bool hasEventLog = false;           // ticket_events has rows
    bool ticketsHoldEscalation = false; // some ticket has escalated or escalated_at
};

// Whether the file maps the tickets' escalated or escalated_at columns.
bool mapsEscalationColumns(ImportKind kind, const HeaderMapping& header);

// SPEC §4: a tickets file's escalated / escalated_at stand in for an event
// log only where the workspace has none; where both exist the log wins.
// The warning to give once per file when that applies, or empty.
QString supersededEscalationSource(ImportKind kind, bool mapsEscalation,
                                   const EscalationFacts& facts);

// The row of the ticket an event names (by its helpdesk id), if stored.
using TicketLookup = std::function<std::optional<std::int64_t>(std::string_view ticketId)>;

struct ConversionContext {
    ImportKind kind = ImportKind::Tickets;
    QTimeZone sourceZone = QTimeZone::utc(); // naive times are read in it
    // Later than this, a time is kept with a warning (farFutureFromNow()).
    UtcSeconds farFuture = 0;
    // The file is UTF-8 with damaged bytes: rows holding some are rejected.
    bool damagedUtf8 = false;
    TicketLookup ticketRowOf;      // events files
    QString supersededSource = {}; // supersededEscalationSource()
};

class RowConverter {
public:
    // `header` must outlive the converter.
    RowConverter(const HeaderMapping& header, ConversionContext context);

    // The checks before conversion: the field count, damaged UTF-8 and NUL
    // bytes. False: the row is rejected, problems() say why.
    bool checkStructure(const CsvRecord& record);
    // Converts the record (that passed checkStructure()) into values() and
    // checks the row. False: the row is rejected, problems() say why;
    // true: it is stored, with problems() as its warnings.
    bool convert(const CsvRecord& record);

    // One per layout column. Text refers to the record or to the converter,
    // valid until the next call.
    const std::vector<Value>& values() const { return m_values; }
    std::vector<RowProblem>& problems() { return m_problems; }

private:
    bool findRaggedRow(const CsvRecord& record);
    bool findDamagedText(const CsvRecord& record);
    bool findNulByte(const CsvRecord& record);
    QString sourceColumnName(std::size_t field) const;
    std::string_view mappedText(std::size_t column, const CsvRecord& record);
    void buildAttributes(const CsvRecord& record);
    Value convertField(std::size_t column, std::string_view text);
    Value convertTimestamp(std::size_t column, std::string_view text);
    Value convertTimeZoneName(std::size_t column, std::string_view text);
    Value unreadable(std::size_t column, std::string_view text, const QString& reason);
    void checkTicketTimes();
    void checkEventTiers();
    void noteSupersededEscalationSource();

    const HeaderMapping& m_header;
    const Layout& m_layout;
    ConversionContext m_context;
    SourceTimeZone m_zone;

    std::vector<Value> m_values;
    std::vector<RowProblem> m_problems;
    std::vector<std::string> m_joined; // by column: several source columns joined
    std::string m_attributes;
    std::string m_attributeValue;
    std::string m_damagedText;
    std::set<std::string, std::less<>> m_knownZones;
    bool m_supersededSourceNoted = false;
};

} // namespace escdesk::import

#include "import/HeaderMapping.h"

#include "import/FieldValue.h"
#include "import/Importer.h"
#include "import/MappingFile.h"
#include "import/RecordHash.h"
#include "import/RowConverter.h"

#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace escdesk::import {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Exports sometimes put a title or a blank line above the header.
constexpr std::size_t headerSearchRows = 10;

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

HeaderMapping::HeaderMapping(const Layout& layout, const ColumnMapping* mapping,
                             const QString& path)
    : m_layout(layout)
    , m_mapping(mapping)
    , m_path(path) {}

void HeaderMapping::refuse(std::int64_t line, const QString& column, const QString& reason) const {
    throw ImportRefused(m_path, line, column, reason);
}

void HeaderMapping::refuseMissingMappedColumn(const FieldSource& source, std::int64_t headerLine,
                                              const std::vector<std::string>& header) const {
    QStringList names;
    for (const std::string& cell : header) {
        names << qs(trimBlanks(cell));
    }
    throw ImportRefused(
        m_mapping->path, source.at.line, QString::number(source.at.column),
        missingColumnReason(source, QFileInfo(m_path).fileName(), headerLine, names));
}

const FieldSource* HeaderMapping::sourceOf(std::size_t column) const {
    const ColumnSpec& spec = m_layout.columns[column];
    if (!m_mapping || spec.header.empty()) {
        return nullptr;
    }
    return m_mapping->sourceOf(qs(spec.header));
}

QString HeaderMapping::describedColumn(std::size_t column) const {
    const QString canonical = qs(m_layout.columns[column].header);
    if (const FieldSource* source = sourceOf(column)) {
        return QStringLiteral("%1 ('%2' in %3)")
            .arg(canonical, source->columns.join(QStringLiteral("' or '")), m_mapping->name);
    }
    return canonical;
}

std::vector<std::string> HeaderMapping::sourceNames(std::size_t column) const {
    const ColumnSpec& spec = m_layout.columns[column];
    std::vector<std::string> names;
    if (const FieldSource* source = sourceOf(column)) {
        for (const QString& name : source->columns) {
            names.push_back(normalizedHeader(name.toStdString()));
        }
    }
    // The canonical name works too, unless a mapping file names the column:
    // then that column must be there (a typo would otherwise go unseen).
    if (names.empty() || !mappingFromFile()) {
        names.emplace_back(spec.header);
    }
    return names;
}

void HeaderMapping::locate(const CsvSniff& sniff) {
    const std::vector<std::string> keyNames = sourceNames(0);
    const QString key = qs(m_layout.columns.front().header);
    std::size_t headerIndex = sniff.records.size();
    for (std::size_t i = 0; i < std::min(sniff.records.size(), headerSearchRows); ++i) {
        const auto& record = sniff.records[i];
        if (std::any_of(record.begin(), record.end(), [&keyNames](const std::string& cell) {
                const std::string name = normalizedHeader(cell);
                return std::find(keyNames.begin(), keyNames.end(), name) != keyNames.end();
            })) {
            headerIndex = i;
            break;
        }
    }
    if (headerIndex == sniff.records.size() && !sniff.records.empty() && mappingFromFile() &&
        sourceOf(0) && !sniff.singleColumn) {
        // The first row stands for the header that no row is.
        refuseMissingMappedColumn(*sourceOf(0), sniff.recordLines[0], sniff.records[0]);
    }
    if (headerIndex == sniff.records.size()) {
        if (sniff.singleColumn) {
            refuse(0, {},
                   QStringLiteral("this does not look like a CSV file: no comma, semicolon, tab "
                                  "or pipe separates its first lines into columns, and no header "
                                  "row names the required column %1")
                       .arg(describedColumn(0)));
        }
        const auto& first = sniff.records.empty() ? std::vector<std::string>{} : sniff.records[0];
        QStringList names;
        for (const auto& cell : first) {
            names << QString::fromStdString(cell);
        }
        refuse(sniff.recordLines.empty() ? 0 : sniff.recordLines[0], key,
               QStringLiteral("the required column %1 is missing (the first row has: %2)")
                   .arg(describedColumn(0), names.join(QStringLiteral(", "))));
    }
    map(sniff.records[headerIndex], sniff.recordLines[headerIndex]);
}

// The unused header fields with the first of the column's source names
// present: all of them are the column's.
std::vector<int> HeaderMapping::matchingFields(std::size_t column,
                                               const std::vector<std::string>& names,
                                               const std::vector<bool>& used) const {
    for (const std::string& name : sourceNames(column)) {
        std::vector<int> matches;
        for (std::size_t field = 0; field < names.size(); ++field) {
            if (names[field] == name && !used[field]) {
                matches.push_back(static_cast<int>(field));
            }
        }
        if (!matches.empty()) {
            return matches;
        }
    }
    return {};
}

void HeaderMapping::map(const std::vector<std::string>& header, std::int64_t headerLine) {
    m_headerLine = headerLine;
    m_headerFields = header.size();
    m_sourceHeader.clear();
    for (const std::string& cell : header) {
        m_sourceHeader << qs(trimBlanks(cell));
    }
    const auto columns = m_layout.columns.size();
    m_fieldOf.assign(columns, -1);
    m_joinedFields.assign(columns, {});
    m_valueMaps.assign(columns, nullptr);
    m_nulls.assign(columns, NullTokens{});
    m_forms.assign(columns, std::nullopt);
    std::vector<std::string> names;
    for (const std::string& cell : header) {
        names.push_back(normalizedHeader(cell));
    }
    std::vector<bool> used(header.size(), false);
    for (std::size_t column = 0; column < columns; ++column) {
        const ColumnSpec& spec = m_layout.columns[column];
        if (spec.type == FieldType::Attributes) {
            continue;
        }
        const FieldSource* source = sourceOf(column);
        if (source && !source->values.empty()) {
            m_valueMaps[column] = &source->values;
        }
        if (m_mapping) {
            m_nulls[column] = NullTokens(nullsOf(source, m_mapping->nulls));
        }
        const std::vector<int> matches = matchingFields(column, names, used);
        if (matches.size() > 1 && (!source || spec.type != FieldType::Text)) {
            refuse(m_headerLine, qs(spec.header),
                   QStringLiteral("the column %1 appears twice in the header row (columns "
                                  "%2 and %3)")
                       .arg(qs(spec.header))
                       .arg(matches[0] + 1)
                       .arg(matches[1] + 1));
        }
        for (const int field : matches) {
            used[static_cast<std::size_t>(field)] = true;
        }
        if (!matches.empty()) {
            m_fieldOf[column] = matches.front();
        }
        if (matches.size() > 1) {
            m_joinedFields[column] = matches; // e.g. Jira's repeated Labels
        }
        if (source && mappingFromFile() && m_fieldOf[column] < 0) {
            refuseMissingMappedColumn(*source, m_headerLine, header);
        }
        if (spec.required && m_fieldOf[column] < 0) {
            refuse(m_headerLine, qs(spec.header),
                   QStringLiteral("the required column %1 is missing from the header row")
                       .arg(describedColumn(column)));
        }
    }
    collectExtras(header, used);
}

void HeaderMapping::collectExtras(const std::vector<std::string>& header,
                                  const std::vector<bool>& used) {
    std::vector<std::pair<std::string, int>> extras;
    for (std::size_t field = 0; field < header.size(); ++field) {
        if (!used[field] && !trimBlanks(header[field]).empty()) {
            extras.emplace_back(std::string(trimBlanks(header[field])), static_cast<int>(field));
        }
    }
    std::stable_sort(extras.begin(), extras.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    m_extras.clear();
    for (auto& [name, field] : extras) {
        std::string key;
        appendJsonString(key, name);
        m_extras.push_back({field, std::move(key)});
    }
}

void HeaderMapping::detectTimestampForms(const CsvDialect& dialect, DateOrder order,
                                         const std::atomic<bool>* cancel) {
    std::vector<std::size_t> columns;
    for (std::size_t column = 0; column < m_layout.columns.size(); ++column) {
        if (m_layout.columns[column].type != FieldType::Timestamp || m_fieldOf[column] < 0) {
            continue;
        }
        const FieldSource* source = sourceOf(column);
        if (source && source->form) {
            m_forms[column] = source->form; // the mapping says
        } else {
            columns.push_back(column);
        }
    }
    if (columns.empty()) {
        return;
    }
    std::vector<TimestampFormDetector> detectors(m_layout.columns.size());
    // The form comes from the first values; slash dates whose day/month order
    // those do not show are read to the end (unless --date-order says).
    constexpr int sampleRows = 1000;
    std::vector<bool> wanted(m_layout.columns.size(), true);
    auto survey = [&](bool wholeFile) {
        int rows = 0;
        CsvReader reader(m_path, dialect);
        reader.setCancelFlag(cancel);
        reader.read([&](const CsvRecord& record) {
            if (record.line <= m_headerLine) {
                return true;
            }
            for (const std::size_t column : columns) {
                const auto field = static_cast<std::size_t>(m_fieldOf[column]);
                if (field < record.fields.size() && wanted[column] &&
                    !m_nulls[column].matches(record.fields[field])) {
                    detectors[column].add(record.fields[field]);
                }
            }
            return wholeFile || ++rows < sampleRows;
        });
    };
    survey(false);
    const bool undecided = order == DateOrder::Unknown &&
                           std::any_of(columns.begin(), columns.end(), [&detectors](std::size_t c) {
                               return detectors[c].needsDateOrder();
                           });
    if (undecided) {
        for (const std::size_t column : columns) {
            wanted[column] = detectors[column].needsDateOrder();
        }
        detectors.assign(detectors.size(), TimestampFormDetector{});
        survey(true);
    }
    for (const std::size_t column : columns) {
        bool ambiguous = false;
        m_forms[column] = detectors[column].form(order, ambiguous);
        if (ambiguous) {
            refuse(0, qs(m_layout.columns[column].header),
                   QStringLiteral("the dates in column %1 could be day/month or month/day (no "
                                  "day is above 12); give the order with --date-order dmy or "
                                  "--date-order mdy")
                       .arg(qs(m_layout.columns[column].header)));
        }
    }
}

// The columns used and where, the mapping's value maps and null tokens, the
// timestamp forms and the source zone, under the version of the conversion
// rules (RowConverter.h): a record read another way hashes differently.
std::uint64_t HeaderMapping::readingSalt(ImportKind kind, const QTimeZone& zone) const {
    SeedHash hash;
    hash.add(sourceHashFormat);
    hash.add(static_cast<std::uint64_t>(kind));
    hash.add(std::uint64_t{m_headerFields});
    for (std::size_t column = 0; column < m_layout.columns.size(); ++column) {
        hash.add(static_cast<std::uint64_t>(m_fieldOf[column] + 1));
        for (const int field : m_joinedFields[column]) {
            hash.add(static_cast<std::uint64_t>(field));
        }
        hash.add(m_forms[column] ? static_cast<std::uint64_t>(*m_forms[column]) + 1 : 0);
        if (const auto* values = m_valueMaps[column]) {
            for (const auto& [from, to] : *values) {
                hash.add(from).add(to);
            }
        }
        if (!m_nulls[column].empty()) {
            // Null tokens change what a record reads as (none: as before).
            hash.add(std::uint64_t{0x6e756c6c73}); // "nulls"
            for (const std::string& token : m_nulls[column].lowered()) {
                hash.add(std::uint64_t{token.size()}).add(token);
            }
        }
    }
    for (const ExtraColumn& extra : m_extras) {
        hash.add(static_cast<std::uint64_t>(extra.field)).add(extra.jsonKey);
    }
    const QByteArray zoneId = zone.id();
    hash.add(std::string_view(zoneId.constData(), static_cast<std::size_t>(zoneId.size())));
    return hash.value();
}

} // namespace escdesk::import

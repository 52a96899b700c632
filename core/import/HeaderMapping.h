#pragma once

// The importer's header stage (SPEC §4): which row of a file is its header,
// which source column fills each column of the layout (a preset's or
// mapping file's names, else the canonical header), how each value is read
// before conversion (joined repeated columns, value maps, null tokens,
// timestamp forms), and which columns are left over as attributes. A file
// whose header lacks a required column, or names one twice, is refused here,
// before anything is written.

#include "import/ColumnMapping.h"
#include "import/CsvReader.h"
#include "import/TableWriter.h"
#include "import/Timestamp.h"

#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace escdesk::import {

// A source column no layout column uses, kept in `attributes`.
struct ExtraColumn {
    int field;
    std::string jsonKey; // the trimmed header name as a JSON string
};

class HeaderMapping {
public:
    // `mapping` (may be null: the canonical layout) must outlive this.
    // `path` names the file in refusals.
    HeaderMapping(const Layout& layout, const ColumnMapping* mapping, const QString& path);

    // Finds the header among the first records of `sniff` (the first row
    // naming the key column) and maps it. Throws ImportRefused.
    void locate(const CsvSniff& sniff);
    // Maps the header row `header`, on `headerLine`. Throws ImportRefused.
    void map(const std::vector<std::string>& header, std::int64_t headerLine);
    // Detects the form of each timestamp column from the file's values
    // (unless the mapping fixes it). Throws ImportRefused for dates of
    // unknown day/month order, CsvError and ReadCancelled from the reader.
    void detectTimestampForms(const CsvDialect& dialect, DateOrder order,
                              const std::atomic<bool>* cancel);

    // Everything besides the record that decides what a row becomes,
    // hashed: the source hash's seed (RecordHash.h). `kind` and `zone` are
    // the import's.
    std::uint64_t readingSalt(ImportKind kind, const QTimeZone& zone) const;

    const Layout& layout() const { return m_layout; }
    std::int64_t headerLine() const { return m_headerLine; }
    std::size_t headerFields() const { return m_headerFields; }
    const QStringList& sourceHeader() const { return m_sourceHeader; }
    // The record field a layout column is read from; -1 when absent.
    int fieldOf(std::size_t column) const { return m_fieldOf[column]; }
    // Several source columns joined into one (Jira's repeated Labels); empty otherwise.
    const std::vector<int>& joinedFields(std::size_t column) const {
        return m_joinedFields[column];
    }
    // The mapping's value map of a column (lower-case source → canonical), or null.
    const std::map<std::string, std::string>* valueMap(std::size_t column) const {
        return m_valueMaps[column];
    }
    const NullTokens& nulls(std::size_t column) const { return m_nulls[column]; }
    const std::optional<TimestampForm>& form(std::size_t column) const { return m_forms[column]; }
    const std::vector<ExtraColumn>& extras() const { return m_extras; } // by header name
    // The mapping's entry of a layout column, if any.
    const FieldSource* sourceOf(std::size_t column) const;
    // "created_at ('Opened' in Zendesk)", or the canonical name.
    QString describedColumn(std::size_t column) const;

private:
    [[noreturn]] void refuse(std::int64_t line, const QString& column, const QString& reason) const;
    [[noreturn]] void refuseMissingMappedColumn(const FieldSource& source, std::int64_t headerLine,
                                                const std::vector<std::string>& header) const;
    bool mappingFromFile() const { return m_mapping && !m_mapping->path.isEmpty(); }
    std::vector<std::string> sourceNames(std::size_t column) const;
    std::vector<int> matchingFields(std::size_t column, const std::vector<std::string>& names,
                                    const std::vector<bool>& used) const;
    void collectExtras(const std::vector<std::string>& header, const std::vector<bool>& used);

    const Layout& m_layout;
    const ColumnMapping* m_mapping;
    QString m_path;

    std::int64_t m_headerLine = 0;
    std::size_t m_headerFields = 0;
    QStringList m_sourceHeader;
    std::vector<int> m_fieldOf; // layout column → record field, -1 when absent
    std::vector<std::vector<int>> m_joinedFields;
    std::vector<const std::map<std::string, std::string>*> m_valueMaps;
    std::vector<NullTokens> m_nulls;
    std::vector<std::optional<TimestampForm>> m_forms;
    std::vector<ExtraColumn> m_extras;
};

// Appends `text` to `out` as a JSON string (quotes and escapes).
void appendJsonString(std::string& out, std::string_view text);

} // namespace escdesk::import

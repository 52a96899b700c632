#pragma once

// The preview's output: each row as the import would store it (timestamps
// in a display zone) or with the reasons it would be rejected, up to a
// number of rows; nothing is written. Duplicates are told in memory.

#include "import/DuplicateRows.h"
#include "import/HeaderMapping.h"
#include "import/ImportPreview.h"
#include "import/RowSink.h"

#include <QTimeZone>

#include <vector>

namespace escdesk::import {

class PreviewSink final : public RowSink {
public:
    // Fills the columns of `preview` from `header`; both must outlive this.
    PreviewSink(ImportPreview& preview, const HeaderMapping& header, int maxRows,
                const QTimeZone& displayZone);

    void reject(const CsvRecord& record, const std::vector<Value>* values,
                const std::vector<RowProblem>& problems) override;
    void keep(const CsvRecord& record, const std::vector<Value>& values,
              std::vector<RowProblem>& warnings, std::optional<std::uint64_t> sourceHash) override;
    void keepUnchanged(std::int64_t, std::string_view, std::int64_t) override {}
    bool wantsMore(std::int64_t rows) const override { return rows < m_limit; }

private:
    void describeColumns();
    void addRow(const CsvRecord& record, const std::vector<Value>* values,
                const std::vector<RowProblem>& problems);
    QString cell(std::size_t column, const CsvRecord& record,
                 const std::vector<Value>& values) const;
    QString sourceText(std::size_t column, const CsvRecord& record) const;

    ImportPreview& m_preview;
    const HeaderMapping& m_header;
    int m_limit;
    QTimeZone m_displayZone;
    std::vector<std::size_t> m_columns; // the layout columns shown
    RepeatedRowsInMemory m_repeats;
};

} // namespace escdesk::import

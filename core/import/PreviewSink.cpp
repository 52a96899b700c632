#include "import/PreviewSink.h"

#include "import/FieldValue.h"

#include <QDateTime>

#include <algorithm>

namespace escdesk::import {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The record's field `field`, if it has one.
std::optional<std::string_view> fieldText(const CsvRecord& record, int field) {
    if (field < 0 || static_cast<std::size_t>(field) >= record.fields.size()) {
        return std::nullopt;
    }
    return record.fields[static_cast<std::size_t>(field)];
}

} // namespace

PreviewSink::PreviewSink(ImportPreview& preview, const HeaderMapping& header, int maxRows,
                         const QTimeZone& displayZone)
    : m_preview(preview)
    , m_header(header)
    , m_limit(std::max(1, maxRows))
    , m_displayZone(displayZone)
    , m_repeats(header.layout()) {
    describeColumns();
}

// The columns the file fills, with where each is read from.
void PreviewSink::describeColumns() {
    const Layout& layout = m_header.layout();
    const auto& extras = m_header.extras();
    for (std::size_t column = 0; column < layout.columns.size(); ++column) {
        const ColumnSpec& spec = layout.columns[column];
        const bool attributes = spec.type == FieldType::Attributes && !extras.empty();
        if (m_header.fieldOf(column) < 0 && !attributes) {
            continue;
        }
        m_columns.push_back(column);
        m_preview.columns << (attributes ? QStringLiteral("attributes") : qs(spec.header));
        if (attributes) {
            m_preview.sourceColumns
                << (extras.size() == 1 ? QStringLiteral("1 other column")
                                       : QStringLiteral("%1 other columns").arg(extras.size()));
        } else {
            m_preview.sourceColumns << m_header.sourceHeader()[m_header.fieldOf(column)];
        }
        const auto& form = m_header.form(column);
        m_preview.timestampForms << (form ? timestampFormName(*form) : QString());
    }
}

// The source value of a column, trimmed; empty for a null token.
QString PreviewSink::sourceText(std::size_t column, const CsvRecord& record) const {
    const auto text = fieldText(record, m_header.fieldOf(column));
    if (!text || m_header.nulls(column).matches(*text)) {
        return {};
    }
    return qs(trimBlanks(*text));
}

// A cell as it will be stored; times in the display zone, ticket
// references by their helpdesk id, unreadable values as in the source.
QString PreviewSink::cell(std::size_t column, const CsvRecord& record,
                          const std::vector<Value>& values) const {
    const ColumnSpec& spec = m_header.layout().columns[column];
    const Value& value = values[column];
    switch (value.kind) {
    case Value::Kind::Null:
        return spec.type == FieldType::Attributes ? QString() : sourceText(column, record);
    case Value::Kind::Real:
        return QString::number(value.real, 'g', 15);
    case Value::Kind::Text:
        return qs(value.text);
    case Value::Kind::Integer:
        break;
    }
    switch (spec.type) {
    case FieldType::Timestamp:
        return QDateTime::fromSecsSinceEpoch(value.integer, m_displayZone)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case FieldType::Boolean:
        return value.integer != 0 ? QStringLiteral("yes") : QStringLiteral("no");
    case FieldType::TicketRef:
        return sourceText(column, record);
    default:
        return QString::number(value.integer);
    }
}

void PreviewSink::reject(const CsvRecord& record, const std::vector<Value>* values,
                         const std::vector<RowProblem>& problems) {
    addRow(record, values, problems);
}

// The row's cells (as stored, or as in the source when not converted) and
// its problems.
void PreviewSink::addRow(const CsvRecord& record, const std::vector<Value>* values,
                         const std::vector<RowProblem>& problems) {
    PreviewRow row;
    row.line = record.line;
    for (const std::size_t column : m_columns) {
        if (values) {
            row.cells << cell(column, record, *values);
        } else {
            const auto text = fieldText(record, m_header.fieldOf(column));
            row.cells << (text ? qs(*text) : QString());
        }
    }
    for (const RowProblem& problem : problems) {
        row.problems.push_back(
            {problem.column, qs(problem.value), problem.reason, problem.warning});
    }
    m_preview.rows.push_back(std::move(row));
}

// A row to keep is shown with its warnings, or with the reason that
// rejects it as a duplicate.
void PreviewSink::keep(const CsvRecord& record, const std::vector<Value>& values,
                       std::vector<RowProblem>& warnings, std::optional<std::uint64_t>) {
    if (const auto first = m_repeats.repeatOf(values, record.line)) {
        warnings.push_back(repeatProblem(m_header.layout(), values, *first));
    }
    addRow(record, &values, warnings);
}

bool PreviewRow::rejected() const {
    return std::any_of(problems.begin(), problems.end(),
                       [](const PreviewProblem& problem) { return !problem.warning; });
}

std::int64_t ImportPreview::rejectedRows() const {
    return std::count_if(rows.begin(), rows.end(),
                         [](const PreviewRow& row) { return row.rejected(); });
}

std::int64_t ImportPreview::warnings() const {
    std::int64_t count = 0;
    for (const PreviewRow& row : rows) {
        if (!row.rejected()) {
            count += static_cast<std::int64_t>(row.problems.size());
        }
    }
    return count;
}

} // namespace escdesk::import

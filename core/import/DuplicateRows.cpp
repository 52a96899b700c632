#include "import/DuplicateRows.h"

namespace escdesk::import {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// A value as bytes of a key: its kind, then its content.
void appendValueBytes(std::string& out, const Value& value) {
    out += static_cast<char>(value.kind);
    switch (value.kind) {
    case Value::Kind::Null:
        break;
    case Value::Kind::Integer:
        out.append(reinterpret_cast<const char*>(&value.integer), sizeof value.integer);
        break;
    case Value::Kind::Real:
        out.append(reinterpret_cast<const char*>(&value.real), sizeof value.real);
        break;
    case Value::Kind::Text: {
        const auto length = static_cast<std::uint32_t>(value.text.size());
        out.append(reinterpret_cast<const char*>(&length), sizeof length);
        out += value.text;
        break;
    }
    }
}

// The event column a conflicting repeat is reported on.
constexpr std::size_t eventColumn = 2;

} // namespace

RowProblem repeatedKeyProblem(const Layout& layout, std::string_view key, std::int64_t firstLine) {
    const QString header = qs(layout.columns[0].header);
    return {header, key,
            QStringLiteral("duplicate %1 %2: the same id is on line %3, which is kept")
                .arg(header, qs(key))
                .arg(firstLine)};
}

RowProblem repeatProblem(const Layout& layout, const std::vector<Value>& values,
                         std::int64_t firstLine) {
    if (layout.keyCount == 1) {
        return repeatedKeyProblem(layout, values[0].text, firstLine);
    }
    return {qs(layout.columns[eventColumn].header), values[eventColumn].text,
            QStringLiteral("duplicate event: line %1 has the same ticket, time, event and tiers "
                           "with other details, and is kept")
                .arg(firstLine)};
}

std::optional<std::int64_t> RepeatedRowsInMemory::repeatOf(const std::vector<Value>& values,
                                                           std::int64_t line) {
    const auto keys = static_cast<std::size_t>(m_layout.keyCount);
    std::string key;
    for (std::size_t c = 0; c < keys; ++c) {
        appendValueBytes(key, values[c]);
    }
    std::string row = key;
    for (std::size_t c = keys; c < values.size(); ++c) {
        appendValueBytes(row, values[c]);
    }
    const auto [first, isFirst] = m_firstLineOfKey.emplace(std::move(key), line);
    if (isFirst) {
        m_keptRows.insert(std::move(row));
        return std::nullopt;
    }
    if (isHarmlessRepeat(m_layout, m_keptRows.count(row) > 0)) {
        return std::nullopt;
    }
    return first->second;
}

} // namespace escdesk::import

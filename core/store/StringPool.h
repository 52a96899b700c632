#pragma once

// Shares one QString among the many rows that carry the same short value
// (priorities, product areas, root causes, segments): a million tickets hold
// a few dozen distinct strings. Looked up by the column's raw bytes, so a
// repeated value costs no conversion and no allocation.

#include "store/Database.h"

#include <QString>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace escdesk::store {

// Hashes std::string keys and looks them up by std::string_view.
struct BytesHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view bytes) const {
        return std::hash<std::string_view>{}(bytes);
    }
};

class StringPool {
public:
    // The column's text; a null QString for NULL.
    QString get(const Statement& row, int column) {
        if (row.isNull(column)) {
            return {};
        }
        return get(row.textView(column));
    }

    QString get(std::string_view bytes) {
        const auto found = m_pool.find(bytes);
        if (found != m_pool.end()) {
            return found->second;
        }
        QString text = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
        m_pool.emplace(std::string(bytes), text);
        return text;
    }

private:
    std::unordered_map<std::string, QString, BytesHash, std::equal_to<>> m_pool;
};

} // namespace escdesk::store

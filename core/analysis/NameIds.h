#pragma once

// Small ids for the distinct values of a text column, found by the column's
// raw bytes: a window's escalations repeat a few dozen root causes and
// product areas and a few thousand accounts. Values equal as text share one
// id, as they would share a key of a map by QString. Root causes and problem
// clusters tally their windows by these ids.

#include "store/StringPool.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace escdesk::analysis {

inline std::string_view bytesOf(const QByteArray& utf8) {
    return {utf8.constData(), static_cast<std::size_t>(utf8.size())};
}

class NameIds {
public:
    static constexpr int none = -1;

    int idOf(std::string_view bytes) {
        // A handful of values (root causes, product areas) are compared in
        // turn: cheaper than hashing each row's.
        if (m_byBytes.size() <= fewValues) {
            for (const auto& [known, id] : m_few) {
                if (known == bytes) {
                    return id;
                }
            }
        } else if (const auto found = m_byBytes.find(bytes); found != m_byBytes.end()) {
            return found->second;
        }
        const QString name = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
        const auto [named, added] = m_byName.emplace(name, static_cast<int>(m_names.size()));
        if (added) {
            m_names.push_back(name);
        }
        m_byBytes.emplace(std::string(bytes), named->second);
        if (m_byBytes.size() <= fewValues) {
            m_few.emplace_back(std::string(bytes), named->second);
        }
        return named->second;
    }
    int idOf(const QString& name) { return idOf(bytesOf(name.toUtf8())); }

    const QString& name(int id) const { return m_names[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return m_names.size(); }
    // Every id, by name.
    const std::map<QString, int>& byName() const { return m_byName; }

private:
    static constexpr std::size_t fewValues = 16;
    std::vector<std::pair<std::string, int>> m_few; // every value while there are few
    std::unordered_map<std::string, int, store::BytesHash, std::equal_to<>> m_byBytes;
    std::map<QString, int> m_byName;
    std::vector<QString> m_names;
};

} // namespace escdesk::analysis

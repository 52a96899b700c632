#include "import/FieldValue.h"

#include "import/Timestamp.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

namespace escdesk::import {

namespace {

bool equalsIgnoringCase(std::string_view text, std::string_view lowerWord) {
    if (text.size() != lowerWord.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != lowerWord[i]) {
            return false;
        }
    }
    return true;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view lowerWord) {
    return text.size() >= lowerWord.size() &&
           equalsIgnoringCase(text.substr(0, lowerWord.size()), lowerWord);
}

} // namespace

std::string_view trimBlanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string normalizedHeader(std::string_view header) {
    if (header.substr(0, 3) == "\xEF\xBB\xBF") {
        header.remove_prefix(3);
    }
    header = trimBlanks(header);
    std::string name;
    for (const char c : header) {
        name += (c == ' ' || c == '-')
                    ? '_'
                    : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return name;
}

std::optional<bool> parseBoolean(std::string_view raw) {
    const std::string_view text = trimBlanks(raw);
    for (const std::string_view yes : {"true", "yes", "y", "t", "1"}) {
        if (equalsIgnoringCase(text, yes)) {
            return true;
        }
    }
    for (const std::string_view no : {"false", "no", "n", "f", "0"}) {
        if (equalsIgnoringCase(text, no)) {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<int> parseTier(std::string_view raw) {
    std::string_view text = trimBlanks(raw);
    for (const std::string_view prefix : {"tier", "level", "t", "l"}) {
        if (startsWithIgnoringCase(text, prefix)) {
            text = trimBlanks(text.substr(prefix.size()));
            break;
        }
    }
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') {
        return text[0] - '0';
    }
    return std::nullopt;
}

std::optional<double> parseNumber(std::string_view raw) {
    const std::string_view text = trimBlanks(raw);
    if (text.empty()) {
        return std::nullopt;
    }
    double value = 0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    if (*begin == '+') {
        ++begin;
    }
    const auto [next, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || next != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string_view> parsePriority(std::string_view raw) {
    const std::string_view text = trimBlanks(raw);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> names{{
        {"critical", "Critical"},
        {"urgent", "Critical"},
        {"highest", "Critical"},
        {"blocker", "Critical"},
        {"p1", "Critical"},
        {"sev1", "Critical"},
        {"1 - critical", "Critical"},
        {"high", "High"},
        {"p2", "High"},
        {"sev2", "High"},
        {"2 - high", "High"},
        {"medium", "Medium"},
        {"normal", "Medium"},
        {"moderate", "Medium"},
        {"p3", "Medium"},
        {"sev3", "Medium"},
        {"3 - moderate", "Medium"},
        {"low", "Low"},
        {"lowest", "Low"},
        {"p4", "Low"},
        {"sev4", "Low"},
        {"4 - low", "Low"},
    }};
    for (const auto& [spelling, canonical] : names) {
        if (equalsIgnoringCase(text, spelling)) {
            return canonical;
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> parseEventName(std::string_view raw) {
    const std::string_view text = trimBlanks(raw);
    static constexpr std::array<std::string_view, 11> names{
        "escalated", "claimed", "started",  "decision", "bounced",   "info_requested",
        "paused",    "resumed", "resolved", "reopened", "reassigned"};
    for (const std::string_view name : names) {
        if (equalsIgnoringCase(text, name)) {
            return name;
        }
    }
    return std::nullopt;
}

bool isIsoDate(std::string_view raw) {
    const std::string_view text = trimBlanks(raw);
    if (text.size() != 10) {
        return false;
    }
    TimestampProblem problem;
    return parseTimestamp(text, TimestampForm::Iso8601, problem).has_value();
}

} // namespace escdesk::import

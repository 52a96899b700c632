#pragma once

// Why a value or a row cannot be stored as it is (SPEC §4). A warning leaves
// the row stored with that value empty (or, for a time far in the future,
// kept as written); any other problem rejects the row.

#include <QString>

#include <algorithm>
#include <string_view>
#include <vector>

namespace escdesk::import {

struct RowProblem {
    QString column;         // canonical or source column; empty for the whole row
    std::string_view value; // as read; borrowed from the record or the converter
    QString reason;
    bool warning = false;
};

inline bool rejectsRow(const std::vector<RowProblem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const RowProblem& problem) { return !problem.warning; });
}

} // namespace escdesk::import

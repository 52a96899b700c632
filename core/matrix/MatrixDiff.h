#pragma once

// What differs between two escalation matrices, item by item, in words a
// support manager reads: "Rule “Outage keywords”: target tier 2 → 3",
// "SLA policy Enterprise × Critical: resolution 120 min → 90 min",
// "Calendar “Berlin office”: holiday added: every 25 December". Used to
// compare a draft with the published matrix before publishing it.
//
// Items are matched by what identifies them: tiers by level, rules by name,
// SLA policies by customer tier × priority, calendars by name, checklists by
// transition (their items by id), root-cause categories by name (all names
// case-sensitive). A rule whose place in the order changed is reported too,
// since the first matching rule decides.

#include "matrix/Matrix.h"
#include "matrix/MatrixJson.h"

#include <QJsonArray>
#include <QString>

#include <vector>

namespace escdesk::matrix {

struct MatrixDifference {
    enum class Kind { Added, Removed, Changed };
    MatrixSection section = MatrixSection::Tiers;
    Kind kind = Kind::Changed;
    // The item, as a manager names it: "Rule “Outage keywords”",
    // "SLA policy Enterprise × Critical", "Tier 2", "Cost parameters".
    QString item;
    // What of the item changed: "target tier", "condition 2", "holiday",
    // "owner"; empty when the whole item was added or removed.
    QString what;
    QString before; // empty when added
    QString after;  // empty when removed
};

// The differences from `before` to `after`, by section in the matrix's order
// (tiers, rules, SLA policies, calendars, checklists, taxonomy, cost), items
// in the order they appear. Empty when the matrices are equal.
std::vector<MatrixDifference> diffMatrices(const Matrix& before, const Matrix& after);

// One difference as a line: "Rule “Outage keywords”: target tier 2 → 3",
// "Rule “Legal threat” added: …", "Tier 4 removed".
QString differenceText(const MatrixDifference& difference);

// All differences, under a heading per section ("Severity rules"), or
// "No differences." when there are none.
QString diffText(const std::vector<MatrixDifference>& differences);

// [{"section", "kind": "added"|"removed"|"changed", "item", "what", "before",
// "after", "text"}] — for `escdesk matrix draft diff --json`.
QJsonArray diffJson(const std::vector<MatrixDifference>& differences);

} // namespace escdesk::matrix

#pragma once

// The escalation matrix as JSON, section by section. The same form is stored
// in the workspace (one document per section, queryable with SQLite's JSON
// functions) and written to the exchange file. Reading reports every problem
// with its JSON path ("sla_policies[3].resolution_min").

#include "matrix/Matrix.h"

#include <QJsonObject>
#include <QJsonValue>

#include <array>
#include <vector>

namespace escdesk::matrix {

enum class MatrixSection {
    Tiers,
    SeverityRules,
    SlaPolicies,
    Calendars,
    Checklists,
    Taxonomy,
    Cost
};

inline constexpr std::array allSections{
    MatrixSection::Tiers,     MatrixSection::SeverityRules, MatrixSection::SlaPolicies,
    MatrixSection::Calendars, MatrixSection::Checklists,    MatrixSection::Taxonomy,
    MatrixSection::Cost,
};

// The key of a section in files and in the store: "tiers", "severity_rules", …
QString sectionKey(MatrixSection section);
// "Tiers", "Severity rules", … for messages and the change log.
QString sectionTitle(MatrixSection section);
std::optional<MatrixSection> sectionOfKey(const QString& key);

struct JsonProblem {
    QString path;
    QString message;
};

QJsonValue sectionToJson(const Matrix& matrix, MatrixSection section);
// Reads one section into `matrix`, appending what is wrong to `problems`.
void sectionFromJson(const QJsonValue& json, MatrixSection section, Matrix& matrix,
                     std::vector<JsonProblem>& problems);

} // namespace escdesk::matrix

#pragma once

// Validation of the escalation matrix with messages a support manager can act
// on: each names the place (section and entry) and says what is wrong and
// what would be right. Errors make a matrix unusable (an import is refused);
// warnings are worth a look but do not block.

#include "matrix/Matrix.h"

#include <vector>

namespace escdesk::matrix {

struct ValidationIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString place;   // "SLA policies › Enterprise × Critical"
    QString path;    // where in the exchange file: "sla_policies[3].resolution_min"
    QString message; // a sentence that says what to fix
};

std::vector<ValidationIssue> validateMatrix(const Matrix& matrix);

bool hasErrors(const std::vector<ValidationIssue>& issues);

// Whether `earlier` holds whenever `later` holds, so that `later`, coming
// after it, can never fire.
bool ruleShadows(const SeverityRule& earlier, const SeverityRule& later);

} // namespace escdesk::matrix

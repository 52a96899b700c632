#pragma once

// The matrix in the workspace: one JSON document per section in
// matrix_sections. Saving writes only the sections that changed and appends
// one change-log entry per section, all in one transaction.

#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "store/Database.h"

namespace escdesk::store {
class Workspace;
}

namespace escdesk::matrix {

// The stored matrix; a section never stored reads as its default.
Matrix loadMatrix(store::Database& db);

// Stores `matrix`, recording each changed section in the change log as
// `author` at `when`. Returns how many sections changed (0: nothing to do).
int saveMatrix(store::Database& db, const Matrix& matrix, const QString& author,
               const QString& summary, UtcSeconds when);

// Gives a workspace without a matrix the defaults of SPEC §5, with business
// hours in `timeZone`. Returns whether it did.
bool seedDefaultMatrix(store::Database& db, const QString& timeZone);

// Who changes the matrix: the "user_name" workspace preference, else the
// operating-system user.
QString changeAuthor(store::Workspace& workspace);

} // namespace escdesk::matrix

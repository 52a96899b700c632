#pragma once

// The matrix in the workspace: one JSON document per section in
// matrix_sections. Saving writes only the sections that changed and appends
// one change-log entry per section, all in one transaction.

#include "domain/Instant.h"
#include "matrix/Matrix.h"
#include "matrix/MatrixChangeLog.h"
#include "store/Database.h"

#include <optional>
#include <vector>

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

// One section the store rewrote: its key and its JSON before (null when
// never stored) and after.
struct SectionChange {
    QString key;
    QString before;
    QString after;
};

// Writes the sections of `matrix` that differ from the stored ones, as
// `author` at `when`, without touching the change log. The caller owns the
// transaction and records the changes.
std::vector<SectionChange> writeChangedSections(store::Database& db, const Matrix& matrix,
                                                const QString& author, UtcSeconds when);

// The change-log section of an entry that records several sections at once
// (a published draft); its before and after are JSON objects of the changed
// sections by key.
inline const QString wholeMatrixSection = QStringLiteral("matrix");

// Stores `matrix` recording all its changed sections as ONE change-log entry
// (section wholeMatrixSection) as `author` at `when` with `summary`. The
// caller owns the transaction. Returns the entry; none when nothing changed.
std::optional<MatrixChange> saveMatrixAsOneChange(store::Database& db, const Matrix& matrix,
                                                  const QString& author, const QString& summary,
                                                  UtcSeconds when);

// Gives a workspace without a matrix the defaults of SPEC §5, with business
// hours in `timeZone`. Returns whether it did.
bool seedDefaultMatrix(store::Database& db, const QString& timeZone);

// Who changes the matrix: the "user_name" workspace preference, else the
// operating-system user.
QString changeAuthor(store::Workspace& workspace);

} // namespace escdesk::matrix

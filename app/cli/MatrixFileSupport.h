#pragma once

// What the matrix commands share for reading matrix files: the whole file,
// and its problems printed as FILE:LINE:COLUMN: error: reason.

#include "matrix/MatrixFile.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <vector>

namespace escdesk::cli {

// The file's bytes; throws store::StoreError naming the file when it cannot
// be read.
QByteArray readWholeFile(const QString& path);

// Writes a matrix file to `path`, or to stdout for "-" (kept exact: it is
// JSON). On failure says why on stderr and returns false.
bool writeMatrixText(const QString& path, const QByteArray& text);

// "FILE:LINE:COLUMN", as far as the problem knows its place.
QString problemLocation(const QString& file, const matrix::FileProblem& problem);

// Each problem on stderr: "FILE:LINE:COLUMN: error: reason".
void printProblems(const QString& file, const std::vector<matrix::FileProblem>& problems);

// [{"severity", "line", "column", "path", "message"}].
QJsonArray problemsJson(const std::vector<matrix::FileProblem>& problems);

} // namespace escdesk::cli

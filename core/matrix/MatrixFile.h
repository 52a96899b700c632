#pragma once

// The matrix exchange file: readable, diff-friendly JSON (keys in a stable
// order, indented) carrying a format name and a schema version, so a manager
// can share the team's policy or keep it under version control. Reading
// checks the structure and then validates the matrix; every problem comes
// with the line it is on.

#include "matrix/Matrix.h"
#include "matrix/MatrixValidation.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace escdesk::matrix {

// 2: tiers carry "engineering", taxonomy categories "avoidable" (a version-1
// file is read with the default marks, defaultEngineeringMark/AvoidableMark).
// 3: severity rules may test minutes_without_progress, sentiment and
// renewal_days and use the operator "within"; a condition's field is a rule
// field or "attr:NAME" (an extra column of the tickets file), and any other
// field is refused with its line and column. Versions 1 and 2 read any other
// name from the extra columns: reading such a file upgrades it to
// "attr:NAME".
inline constexpr int matrixFileVersion = 3;
inline constexpr const char* matrixFileFormat = "escalation-desk-matrix";

QByteArray writeMatrixFile(const Matrix& matrix);

struct FileProblem {
    bool error = true;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString path;   // JSON path, when the problem is in a value
    QString message;
};

struct MatrixFileReading {
    std::optional<Matrix> matrix; // set when the structure could be read
    std::vector<FileProblem> problems;
    // Read and valid: may be imported.
    bool ok() const;
};

MatrixFileReading readMatrixFile(const QByteArray& bytes);

// The line each value of a JSON text starts on, by path ("tiers[1].owner").
class JsonLineIndex {
public:
    explicit JsonLineIndex(const QByteArray& text);
    struct Position {
        int line = 1;
        int column = 1; // in characters, 1-based
    };
    // Where the value at `path` starts, or its nearest enclosing value; the
    // start of the text when unknown.
    Position positionOf(const QString& path) const;
    int lineOf(const QString& path) const { return positionOf(path).line; }

private:
    void scanValue(const QString& path);
    void skipBlanks();
    QString scanString();
    int column() const;

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    std::vector<std::pair<QString, Position>> m_positions;
};

} // namespace escdesk::matrix

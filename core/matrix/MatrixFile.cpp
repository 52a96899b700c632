#include "matrix/MatrixFile.h"

#include "matrix/MatrixJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace escdesk::matrix {

JsonLineIndex::JsonLineIndex(const QByteArray& text)
    : m_text(text) {
    skipBlanks();
    scanValue(QString());
}

void JsonLineIndex::skipBlanks() {
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '\n') {
            ++m_line;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        ++m_pos;
    }
}

QString JsonLineIndex::scanString() {
    // At the opening quote; JSON strings cannot hold raw newlines.
    const qsizetype start = ++m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
        m_pos += m_text[m_pos] == '\\' ? 2 : 1;
    }
    const QByteArray raw = m_text.mid(start, m_pos - start);
    ++m_pos;
    // Decode escapes through the JSON parser itself.
    const QJsonDocument decoded = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return decoded.isArray() ? decoded.array().at(0).toString() : QString::fromUtf8(raw);
}

void JsonLineIndex::scanValue(const QString& path) {
    skipBlanks();
    if (m_pos >= m_text.size()) {
        return;
    }
    m_lines.emplace_back(path, m_line);
    const char c = m_text[m_pos];
    if (c == '{') {
        ++m_pos;
        skipBlanks();
        while (m_pos < m_text.size() && m_text[m_pos] != '}') {
            if (m_text[m_pos] == ',') {
                ++m_pos;
                skipBlanks();
                continue;
            }
            const QString key = scanString();
            skipBlanks();
            ++m_pos; // ':'
            scanValue(path.isEmpty() ? key : path + QLatin1Char('.') + key);
            skipBlanks();
        }
        ++m_pos;
    } else if (c == '[') {
        ++m_pos;
        skipBlanks();
        int index = 0;
        while (m_pos < m_text.size() && m_text[m_pos] != ']') {
            if (m_text[m_pos] == ',') {
                ++m_pos;
                skipBlanks();
                continue;
            }
            scanValue(QStringLiteral("%1[%2]").arg(path).arg(index++));
            skipBlanks();
        }
        ++m_pos;
    } else if (c == '"') {
        scanString();
    } else {
        while (m_pos < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text[m_pos])) {
            ++m_pos;
        }
    }
}

int JsonLineIndex::lineOf(const QString& path) const {
    QString wanted = path;
    while (true) {
        const auto found = std::find_if(m_lines.begin(), m_lines.end(),
                                        [&](const auto& entry) { return entry.first == wanted; });
        if (found != m_lines.end()) {
            return found->second;
        }
        const qsizetype cut =
            std::max(wanted.lastIndexOf(QLatin1Char('.')), wanted.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0) {
            return wanted.isEmpty() ? 1 : lineOf(QString());
        }
        wanted.truncate(cut);
    }
}

QByteArray writeMatrixFile(const Matrix& matrix) {
    QJsonObject root{
        {QStringLiteral("format"), QLatin1String(matrixFileFormat)},
        {QStringLiteral("schema_version"), matrixFileVersion},
    };
    for (const MatrixSection section : allSections) {
        root.insert(sectionKey(section), sectionToJson(matrix, section));
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool MatrixFileReading::ok() const {
    return matrix && std::none_of(problems.begin(), problems.end(),
                                  [](const FileProblem& problem) { return problem.error; });
}

MatrixFileReading readMatrixFile(const QByteArray& bytes) {
    MatrixFileReading reading;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(parseError.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(parseError.offset - before.lastIndexOf('\n'));
        reading.problems.push_back(
            {true, line, column, QString(),
             QStringLiteral("not valid JSON: %1").arg(parseError.errorString())});
        return reading;
    }
    if (!document.isObject()) {
        reading.problems.push_back(
            {true, 1, 1, QString(), QStringLiteral("expected a matrix file: a JSON object { … }")});
        return reading;
    }
    const JsonLineIndex lines(bytes);
    auto problemAt = [&](bool error, const QString& path, const QString& message) {
        reading.problems.push_back({error, lines.lineOf(path), 0, path, message});
    };
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(matrixFileFormat)) {
        problemAt(true, QStringLiteral("format"),
                  QStringLiteral("not an Escalation Desk matrix file (\"format\" must be \"%1\")")
                      .arg(QLatin1String(matrixFileFormat)));
        return reading;
    }
    const QJsonValue version = root.value(QLatin1String("schema_version"));
    if (!version.isDouble() || version.toInt() < 1) {
        problemAt(true, QStringLiteral("schema_version"),
                  QStringLiteral("\"schema_version\" must be a positive whole number"));
        return reading;
    }
    if (version.toInt() > matrixFileVersion) {
        problemAt(true, QStringLiteral("schema_version"),
                  QStringLiteral("the file has schema version %1, written by a newer Escalation "
                                 "Desk (this one reads up to %2); update to import it")
                      .arg(version.toInt())
                      .arg(matrixFileVersion));
        return reading;
    }
    Matrix matrix;
    std::vector<JsonProblem> structural;
    for (const MatrixSection section : allSections) {
        const QString key = sectionKey(section);
        if (!root.contains(key)) {
            problemAt(true, QString(), QStringLiteral("the section \"%1\" is missing").arg(key));
            continue;
        }
        sectionFromJson(root.value(key), section, matrix, structural);
    }
    for (const JsonProblem& problem : structural) {
        problemAt(true, problem.path, QStringLiteral("%1: %2").arg(problem.path, problem.message));
    }
    if (!reading.problems.empty()) {
        return reading;
    }
    for (const ValidationIssue& issue : validateMatrix(matrix)) {
        problemAt(issue.severity == ValidationIssue::Severity::Error, issue.path,
                  QStringLiteral("%1: %2").arg(issue.place, issue.message));
    }
    reading.matrix = std::move(matrix);
    return reading;
}

} // namespace escdesk::matrix

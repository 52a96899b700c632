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
            m_lineStart = m_pos + 1;
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
    m_positions.emplace_back(path, Position{m_line, column()});
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

int JsonLineIndex::column() const {
    // Characters, not bytes: UTF-8 continuation bytes do not start one.
    int characters = 1;
    for (qsizetype i = m_lineStart; i < m_pos; ++i) {
        characters += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return characters;
}

JsonLineIndex::Position JsonLineIndex::positionOf(const QString& path) const {
    QString wanted = path;
    while (true) {
        const auto found = std::find_if(m_positions.begin(), m_positions.end(),
                                        [&](const auto& entry) { return entry.first == wanted; });
        if (found != m_positions.end()) {
            return found->second;
        }
        const qsizetype cut =
            std::max(wanted.lastIndexOf(QLatin1Char('.')), wanted.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0) {
            return wanted.isEmpty() ? Position{} : positionOf(QString());
        }
        wanted.truncate(cut);
    }
}

namespace {

// Version 3 names an extra column "attr:NAME"; older files wrote the bare
// name. Written files spell it out, older ones are upgraded on reading.
void qualifyFields(Matrix& matrix) {
    for (SeverityRule& rule : matrix.rules) {
        for (Condition& condition : rule.conditions) {
            condition.field = qualifiedField(condition.field);
        }
    }
}

QString ruleFieldNames() {
    QStringList names;
    for (const RuleField& field : ruleFields()) {
        names << field.name;
    }
    return names.join(QLatin1String(", "));
}

QString conditionFieldPath(std::size_t rule, std::size_t condition) {
    return QStringLiteral("severity_rules[%1].conditions[%2].field").arg(rule).arg(condition);
}

} // namespace

QByteArray writeMatrixFile(const Matrix& policy) {
    Matrix matrix = policy;
    qualifyFields(matrix);
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
        const JsonLineIndex::Position at = lines.positionOf(path);
        reading.problems.push_back({error, at.line, at.column, path, message});
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
    if (version.toInt() < 3) {
        qualifyFields(matrix);
    }
    for (std::size_t r = 0; r < matrix.rules.size(); ++r) {
        const auto& conditions = matrix.rules[r].conditions;
        for (std::size_t c = 0; c < conditions.size(); ++c) {
            const QString& field = conditions[c].field;
            if (!field.trimmed().isEmpty() && !isRuleField(field) &&
                !field.trimmed().startsWith(attributeFieldPrefix, Qt::CaseInsensitive)) {
                problemAt(true, conditionFieldPath(r, c),
                          QStringLiteral("%1: unknown field \"%2\"; use a rule field (%3) or "
                                         "attr:NAME for an extra column of the tickets file")
                              .arg(conditionFieldPath(r, c), field, ruleFieldNames()));
            }
        }
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

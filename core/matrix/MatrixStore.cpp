#include "matrix/MatrixStore.h"

#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixJson.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::matrix {

namespace {

QString compactJson(const QJsonValue& value) {
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QJsonValue parseJson(const QString& text) {
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

std::optional<QString> storedSection(store::Database& db, const QString& key) {
    store::Statement query = db.prepare("SELECT document FROM matrix_sections WHERE section = ?");
    query.bind(1, key);
    return query.step() ? std::optional(query.text(0)) : std::nullopt;
}

} // namespace

Matrix loadMatrix(store::Database& db) {
    Matrix matrix = defaultMatrix(QStringLiteral("UTC"));
    for (const MatrixSection section : allSections) {
        if (const auto document = storedSection(db, sectionKey(section))) {
            std::vector<JsonProblem> problems;
            Matrix read = matrix;
            sectionFromJson(parseJson(*document), section, read, problems);
            if (problems.empty()) {
                matrix = std::move(read);
            } else {
                throw store::StoreError(
                    QStringLiteral("The %1 of the escalation matrix in %2 cannot be read (%3: %4); "
                                   "import a matrix file to replace them.")
                        .arg(sectionTitle(section).toLower(), db.path(), problems.front().path,
                             problems.front().message));
            }
        }
    }
    return matrix;
}

std::vector<SectionChange> writeChangedSections(store::Database& db, const Matrix& matrix,
                                                const QString& author, UtcSeconds when) {
    std::vector<SectionChange> changes;
    for (const MatrixSection section : allSections) {
        const QString key = sectionKey(section);
        const QString after = compactJson(sectionToJson(matrix, section));
        const std::optional<QString> before = storedSection(db, key);
        if (before == after) {
            continue;
        }
        db.prepare("INSERT INTO matrix_sections(section, document, updated_at, updated_by) "
                   "VALUES (?, ?, ?, ?) ON CONFLICT(section) DO UPDATE SET "
                   "document = excluded.document, updated_at = excluded.updated_at, "
                   "updated_by = excluded.updated_by")
            .bindAll(key, after, when, author)
            .run();
        changes.push_back({key, before.value_or(QString()), after});
    }
    return changes;
}

int saveMatrix(store::Database& db, const Matrix& matrix, const QString& author,
               const QString& summary, UtcSeconds when) {
    store::Transaction transaction(db);
    const std::vector<SectionChange> changes = writeChangedSections(db, matrix, author, when);
    for (const SectionChange& section : changes) {
        MatrixChange change;
        change.changedAt = when;
        change.author = author;
        change.section = section.key;
        change.summary = summary.isEmpty()
                             ? sectionTitle(*sectionOfKey(section.key)) + QStringLiteral(" changed")
                             : summary;
        change.before = section.before;
        change.after = section.after;
        appendMatrixChange(db, change);
    }
    transaction.commit();
    return static_cast<int>(changes.size());
}

std::optional<MatrixChange> saveMatrixAsOneChange(store::Database& db, const Matrix& matrix,
                                                  const QString& author, const QString& summary,
                                                  UtcSeconds when) {
    const std::vector<SectionChange> changes = writeChangedSections(db, matrix, author, when);
    if (changes.empty()) {
        return std::nullopt;
    }
    QJsonObject before;
    QJsonObject after;
    for (const SectionChange& section : changes) {
        before.insert(section.key,
                      section.before.isNull() ? QJsonValue() : parseJson(section.before));
        after.insert(section.key, parseJson(section.after));
    }
    MatrixChange change;
    change.changedAt = when;
    change.author = author;
    change.section = wholeMatrixSection;
    change.summary = summary;
    change.before = compactJson(before);
    change.after = compactJson(after);
    return appendMatrixChange(db, change);
}

bool seedDefaultMatrix(store::Database& db, const QString& timeZone) {
    if (db.queryInt64("SELECT count(*) FROM matrix_sections") > 0) {
        return false;
    }
    saveMatrix(db, defaultMatrix(timeZone), QStringLiteral("Escalation Desk"),
               QStringLiteral("Default escalation matrix"), QDateTime::currentSecsSinceEpoch());
    return true;
}

QString changeAuthor(store::Workspace& workspace) {
    const QString preferred = workspace.setting(QStringLiteral("user_name")).trimmed();
    if (!preferred.isEmpty()) {
        return preferred;
    }
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty()) {
            return name;
        }
    }
    return QStringLiteral("unknown user");
}

} // namespace escdesk::matrix

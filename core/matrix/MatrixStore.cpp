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

int saveMatrix(store::Database& db, const Matrix& matrix, const QString& author,
               const QString& summary, UtcSeconds when) {
    store::Transaction transaction(db);
    int changed = 0;
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
        MatrixChange change;
        change.changedAt = when;
        change.author = author;
        change.section = key;
        change.summary =
            summary.isEmpty() ? sectionTitle(section) + QStringLiteral(" changed") : summary;
        change.before = before.value_or(QString());
        change.after = after;
        appendMatrixChange(db, change);
        ++changed;
    }
    transaction.commit();
    return changed;
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

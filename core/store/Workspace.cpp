#include "store/Workspace.h"

#include "matrix/MatrixStore.h"
#include "store/Schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <optional>

#include <unistd.h>

namespace escdesk::store {

namespace {

Database::Access databaseAccess(Workspace::Access access) {
    return access == Workspace::Access::ReadOnly ? Database::Access::ReadOnly
                                                 : Database::Access::ReadWrite;
}

void configureConnection(Database& db, Workspace::Access access) {
    db.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(Workspace::busyTimeoutMs).toStdString());
    db.exec("PRAGMA foreign_keys = ON");
    if (access == Workspace::Access::ReadOnly) {
        return;
    }
    // WAL lets readers (the GUI) and one writer (an import) work at once.
    // synchronous=NORMAL in WAL mode never corrupts the file; a power cut
    // can lose at most the last committed transactions.
    Statement mode = db.prepare("PRAGMA journal_mode");
    if (mode.step() && mode.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        mode.reset();
        db.exec("PRAGMA journal_mode = WAL");
    }
    db.exec("PRAGMA synchronous = NORMAL");
}

// A workspace opened for reading is read as it is: one of another schema
// version cannot be upgraded on the way.
void checkReadableSchema(Database& db) {
    if (db.queryInt64("PRAGMA application_id") != workspaceApplicationId) {
        throw StoreError(StoreError::Kind::NotAWorkspace,
                         QStringLiteral("%1 is not an Escalation Desk workspace; choose another "
                                        "file.")
                             .arg(db.path()));
    }
    const int version = schemaVersionOf(db);
    if (version > currentSchemaVersion) {
        upgradeSchema(db); // says "written by a newer version", in one place
    }
    if (version < currentSchemaVersion) {
        throw StoreError(QStringLiteral("The workspace %1 was written by an older version of "
                                        "Escalation Desk (schema %2) and must be upgraded to "
                                        "schema %3 before it can be read, which needs write "
                                        "access. Open a copy of it in a folder you can write.")
                             .arg(db.path())
                             .arg(version)
                             .arg(currentSchemaVersion));
    }
}

} // namespace

Workspace::Workspace(const QString& path, Access access)
    : m_db(path, databaseAccess(access))
    , m_access(access) {
    configureConnection(m_db, access);
    if (access == Access::ReadWrite) {
        upgradeSchema(m_db);
        // A new (or newly upgraded) workspace starts from the default matrix.
        matrix::seedDefaultMatrix(m_db, QString::fromUtf8(reportingTimeZone().id()));
    } else {
        checkReadableSchema(m_db);
    }
}

std::unique_ptr<Workspace> Workspace::openExisting(const QString& path) {
    if (!QFileInfo(path).isFile()) {
        throw StoreError(StoreError::Kind::Missing,
                         QFileInfo::exists(path)
                             ? QStringLiteral("No workspace at %1: it is a folder, not a "
                                              "workspace file.")
                                   .arg(path)
                             : QStringLiteral("No workspace at %1.").arg(path));
    }
    const QString reason = whyNotWritable(path);
    if (reason.isEmpty()) {
        return std::make_unique<Workspace>(path, Access::ReadWrite);
    }
    auto workspace = std::make_unique<Workspace>(path, Access::ReadOnly);
    workspace->m_readOnlyReason = reason;
    return workspace;
}

std::unique_ptr<Workspace> Workspace::openForWriting(const QString& path, bool* created) {
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    const QString reason = whyNotWritable(path);
    if (!reason.isEmpty()) {
        throw StoreError(
            StoreError::Kind::ReadOnly,
            QStringLiteral("The workspace %1 cannot be written: %2.").arg(path, reason));
    }
    // Made here as an empty file, which only one process can do: when two
    // start at once, one of them created the workspace, not both.
    QFile file(path);
    const bool isNew = file.open(QIODevice::WriteOnly | QIODevice::NewOnly);
    file.close();
    auto workspace = std::make_unique<Workspace>(path, Access::ReadWrite);
    if (created) {
        *created = isNew;
    }
    return workspace;
}

QString Workspace::whyNotWritable(const QString& path) {
    // access(2), not the permission bits: it also knows read-only mounts,
    // and that an administrator may write anywhere else.
    const auto refusal = [](const QString& file) -> std::optional<int> {
        if (::access(QFile::encodeName(file).constData(), W_OK) == 0) {
            return std::nullopt;
        }
        return errno;
    };
    const QFileInfo file(path);
    const QString folder = file.absolutePath();
    if (const auto error = refusal(folder)) {
        if (*error == EROFS) {
            return QStringLiteral("its folder %1 is on a read-only file system").arg(folder);
        }
        if (*error == ENOENT) {
            return QStringLiteral("its folder %1 does not exist").arg(folder);
        }
        // SQLite keeps its journal and shared-memory files beside the
        // workspace: it cannot write one whose folder it cannot write.
        return QStringLiteral("its folder %1 is read-only").arg(folder);
    }
    if (file.exists()) {
        if (const auto error = refusal(path)) {
            return *error == EROFS ? QStringLiteral("the file is on a read-only file system")
                                   : QStringLiteral("the file is read-only");
        }
    }
    return {};
}

QString Workspace::setting(const QString& key, const QString& fallback) {
    Statement query = m_db.prepare("SELECT value FROM settings WHERE key = ?");
    query.bind(1, key);
    return query.step() ? query.text(0) : fallback;
}

void Workspace::setSetting(const QString& key, const QString& value) {
    m_db.prepare("INSERT INTO settings(key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(key, value)
        .run();
}

QTimeZone Workspace::reportingTimeZone() {
    const QByteArray name = setting(QStringLiteral("reporting_tz")).toUtf8();
    if (!name.isEmpty() && QTimeZone::isTimeZoneIdAvailable(name)) {
        return QTimeZone(name);
    }
    return QTimeZone::systemTimeZone();
}

QString Workspace::defaultPath() {
    // The folder is made by whatever creates the workspace (openForWriting),
    // not here: a command that only reads creates nothing.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("workspace.escdesk"));
}

} // namespace escdesk::store

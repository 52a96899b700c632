#include "store/Workspace.h"

#include "matrix/MatrixStore.h"
#include "store/Schema.h"

#include <QDir>
#include <QStandardPaths>

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

} // namespace

Workspace::Workspace(const QString& path, Access access)
    : m_db(path, databaseAccess(access)) {
    configureConnection(m_db, access);
    if (access == Access::ReadWrite) {
        upgradeSchema(m_db);
        // A new (or newly upgraded) workspace starts from the default matrix.
        matrix::seedDefaultMatrix(m_db, QString::fromUtf8(reportingTimeZone().id()));
    } else if (schemaVersionOf(m_db) != currentSchemaVersion) {
        throw StoreError(QStringLiteral("The workspace %1 has schema version %2; open it "
                                        "read-write once to upgrade it to version %3.")
                             .arg(path)
                             .arg(schemaVersionOf(m_db))
                             .arg(currentSchemaVersion));
    }
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
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("workspace.escdesk"));
}

} // namespace escdesk::store

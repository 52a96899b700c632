#include "store/Backup.h"

#include "store/Database.h"
#include "store/Schema.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <filesystem>
#include <memory>

namespace escdesk::store {

namespace {

// Pages copied per backup step: small enough for a smooth progress bar and
// for a cancel to take effect quickly, large enough not to matter for speed.
constexpr int pagesPerStep = 1024;

// A restore refuses rather than queues behind another writer: the user asked
// to replace what that writer is producing.
constexpr int restoreBusyTimeoutMs = 1000;

// Removes the files SQLite keeps beside a database (its rollback journal,
// write-ahead log and shared memory), and with `andDatabase` the database.
void removeDatabaseFiles(const QString& path, bool andDatabase) {
    if (andDatabase) {
        QFile::remove(path);
    }
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
}

QString sqliteMessage(sqlite3* db) {
    return QString::fromUtf8(sqlite3_errmsg(db));
}

bool sameFile(const QString& a, const QString& b) {
    const QFileInfo first(a);
    const QFileInfo second(b);
    if (first.exists() && second.exists()) {
        return first.canonicalFilePath() == second.canonicalFilePath();
    }
    return first.absoluteFilePath() == second.absoluteFilePath();
}

QString quickCheck(Database& db) {
    Statement check = db.prepare("PRAGMA quick_check");
    return check.step() ? check.text(0) : QStringLiteral("no result");
}

// Opens `path` read-only and checks that it is a workspace SQLite can read
// whole; `role` names it in messages ("workspace", "backup").
Database openSourceWorkspace(const QString& path, const QString& role) {
    if (!QFileInfo(path).isFile()) {
        throw StoreError(QStringLiteral("The %1 %2 does not exist.").arg(role, path));
    }
    Database db(path, Database::Access::ReadOnly);
    db.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(Workspace::busyTimeoutMs).toStdString());
    // A file that is not SQLite at all fails here with NotAWorkspace.
    if (db.queryInt64("PRAGMA application_id") != workspaceApplicationId) {
        throw StoreError(StoreError::Kind::NotAWorkspace,
                         QStringLiteral("%1 is not an Escalation Desk %2; nothing was changed.")
                             .arg(path, role));
    }
    const int version = schemaVersionOf(db);
    if (version > currentSchemaVersion) {
        throw StoreError(StoreError::Kind::NewerSchema,
                         QStringLiteral("The %1 %2 was written by a newer version of Escalation "
                                        "Desk (schema %3; this version reads up to %4). Update "
                                        "Escalation Desk to use it.")
                             .arg(role, path)
                             .arg(version)
                             .arg(currentSchemaVersion));
    }
    return db;
}

// Copies every page of `source` into `destination` with the online backup
// API. The source connection holds one read transaction throughout, so the
// copy is the snapshot of one moment even while other processes write (WAL
// lets them); the destination is written in one transaction, committed when
// the last page is in. `busyMessage` is thrown when the destination stays
// locked by another writer.
int copyPages(Database& source, Database& destination, const BackupProgress& progress,
              int progressOffset, int progressScale, const QString& busyMessage) {
    Transaction snapshot(source, Transaction::Kind::Deferred);
    source.queryInt64("SELECT count(*) FROM sqlite_schema"); // starts the read transaction
    std::unique_ptr<sqlite3_backup, int (*)(sqlite3_backup*)> backup(
        sqlite3_backup_init(destination.handle(), "main", source.handle(), "main"),
        &sqlite3_backup_finish);
    if (!backup) {
        throw StoreError(
            QStringLiteral("Cannot copy %1 to %2: %3")
                .arg(source.path(), destination.path(), sqliteMessage(destination.handle())));
    }
    for (;;) {
        const int rc = sqlite3_backup_step(backup.get(), pagesPerStep);
        const int total = sqlite3_backup_pagecount(backup.get());
        const int copied = total - sqlite3_backup_remaining(backup.get());
        if (rc == SQLITE_DONE) {
            break;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            // The destination connection's busy timeout has already waited.
            throw StoreError(StoreError::Kind::Busy, busyMessage);
        }
        if (rc != SQLITE_OK) {
            // The error is the backup's, not the destination connection's
            // (whose own message is "not an error"); the operating system's
            // reason, such as a full disk, is recorded on the destination.
            throwSqliteError(destination.handle(), rc);
        }
        if (progress && !progress(progressOffset + copied, progressScale * total)) {
            // Finishing an unfinished backup rolls the destination back.
            throw StoreError(
                QStringLiteral("Cancelled; %1 was left as it was.").arg(destination.path()));
        }
    }
    const int pages = sqlite3_backup_pagecount(backup.get());
    const int rc = sqlite3_backup_finish(backup.release());
    if (rc != SQLITE_OK) {
        throwSqliteError(destination.handle(), rc);
    }
    if (progress) {
        progress(progressOffset + pages, progressScale * pages);
    }
    return pages;
}

// A temporary file beside `path` (same file system, so the final rename is
// atomic), removed with its journal files unless released.
class StagingFile {
public:
    explicit StagingFile(const QString& path)
        : m_file(QFileInfo(path).absoluteDir().filePath(QFileInfo(path).fileName() +
                                                        QStringLiteral(".XXXXXX.part"))) {
        if (!m_file.open()) {
            throw StoreError(
                QStringLiteral("Cannot write beside %1: %2").arg(path, m_file.errorString()));
        }
        m_file.close();
        m_file.setAutoRemove(false);
    }
    ~StagingFile() {
        if (!m_released) {
            removeDatabaseFiles(fileName(), true);
        }
    }
    StagingFile(const StagingFile&) = delete;
    StagingFile& operator=(const StagingFile&) = delete;

    QString fileName() const { return m_file.fileName(); }
    void moveTo(const QString& path) {
        std::error_code error;
        std::filesystem::rename(QFile::encodeName(fileName()).toStdString(),
                                QFile::encodeName(path).toStdString(), error);
        if (error) {
            throw StoreError(QStringLiteral("Cannot write %1: %2")
                                 .arg(path, QString::fromStdString(error.message())));
        }
        m_released = true;
    }

private:
    QTemporaryFile m_file;
    bool m_released = false;
};

// The backup file is one self-contained file (no -wal beside it) in
// rollback-journal mode; opening it as a workspace switches it back to WAL.
void makeSelfContained(Database& copy) {
    copy.exec("PRAGMA journal_mode = DELETE");
    const QString check = quickCheck(copy);
    if (check != QLatin1String("ok")) {
        throw StoreError(QStringLiteral("The copy of %1 failed its integrity check (%2); "
                                        "nothing was written.")
                             .arg(copy.path(), check));
    }
}

void checkDestinationIsWorkspace(Database& db) {
    const bool empty = db.queryInt64("SELECT count(*) FROM sqlite_schema") == 0;
    if (!empty && db.queryInt64("PRAGMA application_id") != workspaceApplicationId) {
        throw StoreError(StoreError::Kind::NotAWorkspace,
                         QStringLiteral("%1 is not an Escalation Desk workspace; a restore "
                                        "would overwrite it, so nothing was changed. If it is "
                                        "a damaged workspace, move it aside and restore again.")
                             .arg(db.path()));
    }
}

// True when the first bytes of `path` are those of an Escalation Desk
// workspace (SQLite's magic string and the workspace's application id),
// whatever state the rest of the file is in.
bool hasWorkspaceHeader(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray header = file.read(72);
    if (header.size() < 72 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        return false;
    }
    const auto byte = [&](int at) {
        return static_cast<quint32>(static_cast<uchar>(header[at]));
    };
    const quint32 applicationId = byte(68) << 24 | byte(69) << 16 | byte(70) << 8 | byte(71);
    return applicationId == static_cast<quint32>(workspaceApplicationId);
}

enum class Destination { Restored, Damaged };

// Copies the staged, checked workspace into `workspacePath` in one write
// transaction. Returns Damaged, having changed nothing, when the workspace
// there is too damaged to be written that way.
Destination copyIntoWorkspace(const QString& stagedPath, const QString& workspacePath,
                              const BackupProgress& progress, BackupResult& result) {
    Database staged(stagedPath, Database::Access::ReadOnly);
    const bool existed = QFileInfo::exists(workspacePath);
    try {
        Database target(workspacePath, Database::Access::ReadWrite);
        target.exec(
            QStringLiteral("PRAGMA busy_timeout = %1").arg(restoreBusyTimeoutMs).toStdString());
        checkDestinationIsWorkspace(target);
        const int stagedPages = static_cast<int>(staged.queryInt64("PRAGMA page_count"));
        result.pages =
            copyPages(staged, target, progress, stagedPages, 2,
                      QStringLiteral("The workspace %1 is busy: another process is "
                                     "writing to it (an import or another Escalation "
                                     "Desk). Nothing was restored; try again when it has "
                                     "finished.")
                          .arg(workspacePath));
        return Destination::Restored;
    } catch (const StoreError& error) {
        if (existed && error.kind() == StoreError::Kind::Damaged &&
            hasWorkspaceHeader(workspacePath)) {
            result.pages = static_cast<int>(staged.queryInt64("PRAGMA page_count"));
            return Destination::Damaged;
        }
        if (!existed) { // a restore into a new file leaves no empty one behind
            removeDatabaseFiles(workspacePath, true);
        }
        throw;
    }
}

} // namespace

BackupResult backupWorkspace(const QString& workspacePath, const QString& backupPath,
                             bool overwrite, const BackupProgress& progress) {
    if (sameFile(workspacePath, backupPath)) {
        throw StoreError(
            QStringLiteral("A workspace cannot be backed up onto itself (%1).").arg(backupPath));
    }
    if (!overwrite && QFileInfo::exists(backupPath)) {
        throw StoreError(QStringLiteral("%1 exists already; choose another file name or allow "
                                        "overwriting it.")
                             .arg(backupPath));
    }
    Database source = openSourceWorkspace(workspacePath, QStringLiteral("workspace"));
    BackupResult result;
    result.schemaVersion = schemaVersionOf(source);
    StagingFile staging(backupPath);
    try {
        Database copy(staging.fileName(), Database::Access::ReadWrite);
        result.pages = copyPages(
            source, copy, progress, 0, 1,
            QStringLiteral("Cannot write the backup %1: it is locked.").arg(staging.fileName()));
        makeSelfContained(copy);
    } catch (const StoreError& error) {
        if (error.kind() != StoreError::Kind::DiskFull) {
            throw;
        }
        // The staging file is removed on the way out: name the file the user
        // asked for, not the temporary one.
        throw StoreError(StoreError::Kind::DiskFull,
                         QStringLiteral("No space left on device: the backup %1 could not be "
                                        "written, and no partial file was left. Free some space "
                                        "or choose another disk, and try again.")
                             .arg(backupPath));
    }
    staging.moveTo(backupPath);
    result.bytes = QFileInfo(backupPath).size();
    return result;
}

BackupResult restoreWorkspace(const QString& workspacePath, const QString& backupPath,
                              const BackupProgress& progress) {
    if (sameFile(workspacePath, backupPath)) {
        throw StoreError(
            QStringLiteral("A workspace cannot be restored from itself (%1).").arg(backupPath));
    }
    BackupResult result;
    // 1. A staged copy of the backup, checked and upgraded to the current
    //    schema, so the workspace only ever holds a complete, current file.
    StagingFile staging(workspacePath);
    {
        Database source = openSourceWorkspace(backupPath, QStringLiteral("backup"));
        result.schemaVersion = schemaVersionOf(source);
        const QString check = quickCheck(source);
        if (check != QLatin1String("ok")) {
            throw StoreError(QStringLiteral("The backup %1 is damaged (%2); nothing was changed.")
                                 .arg(backupPath, check));
        }
        Database copy(staging.fileName(), Database::Access::ReadWrite);
        copyPages(source, copy, progress, 0, 2, QStringLiteral("The staging file is locked."));
    }
    { Workspace upgraded(staging.fileName()); }

    // 2. The staged copy into the workspace in one write transaction: other
    //    connections see the old content until it commits, then the new.
    //    A damaged workspace cannot take part in a transaction: its file is
    //    replaced by the staged one instead.
    if (copyIntoWorkspace(staging.fileName(), workspacePath, progress, result) ==
        Destination::Damaged) {
        removeDatabaseFiles(workspacePath, false);
        staging.moveTo(workspacePath);
    }
    result.bytes = QFileInfo(workspacePath).size();
    return result;
}

} // namespace escdesk::store

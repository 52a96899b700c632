#pragma once

// Backing up and restoring a workspace with SQLite's online backup API: the
// copy is a consistent snapshot taken while other connections keep reading
// and writing, and a restore replaces the workspace's content in one
// transaction, so a reader never sees half of it and a crash leaves either
// the old or the new content.

#include <QString>

#include <functional>

namespace escdesk::store {

// Called now and then with the pages copied so far and the total; returning
// false cancels (the destination is then left as it was).
using BackupProgress = std::function<bool(int copied, int total)>;

struct BackupResult {
    int pages = 0;
    qint64 bytes = 0;
    int schemaVersion = 0;
};

// Copies the workspace `workspacePath` to `backupPath`. The copy is written
// to a temporary file beside `backupPath`, checked, and then renamed over
// it, so a failed or cancelled backup never leaves a partial file. Throws
// StoreError (NotAWorkspace when the source is not one; a generic error when
// `backupPath` exists and `overwrite` is false).
BackupResult backupWorkspace(const QString& workspacePath, const QString& backupPath,
                             bool overwrite = false, const BackupProgress& progress = {});

// Replaces the content of the workspace `workspacePath` (created when it does
// not exist) with the backup `backupPath`. The backup must be an Escalation
// Desk workspace of this or an older schema version; an older one is upgraded
// on the way in. Refuses (StoreError::Kind::Busy) while another connection is
// writing to the workspace; refuses to overwrite a file that is not a
// workspace. Returns the schema version the backup was written with.
BackupResult restoreWorkspace(const QString& workspacePath, const QString& backupPath,
                              const BackupProgress& progress = {});

} // namespace escdesk::store

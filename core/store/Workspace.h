#pragma once

// A workspace is one SQLite file holding a team's imported data, its
// escalation matrix and its settings. Opening one configures the connection
// (WAL, foreign keys, busy timeout) and upgrades an older schema.

#include "store/Database.h"

#include <QString>
#include <QTimeZone>

#include <memory>

namespace escdesk::store {

class Workspace {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Opens `path` as asked; ReadWrite creates the file when it is missing.
    // Throws StoreError.
    explicit Workspace(const QString& path, Access access = Access::ReadWrite);

    // Opens the workspace that exists at `path`, never creating one: for
    // writing when its file and folder can be written, otherwise for
    // reading (readOnlyReason() says why). Throws StoreError, of kind
    // Missing when there is no file at `path`.
    static std::unique_ptr<Workspace> openExisting(const QString& path);

    // Opens the workspace at `path` for writing, creating it (and its
    // folder) when missing; `created` tells which happened. Throws
    // StoreError, of kind ReadOnly when the file or its folder cannot be
    // written.
    static std::unique_ptr<Workspace> openForWriting(const QString& path, bool* created = nullptr);

    // Why a workspace at `path` could not be written, in words ("its folder
    // /x is read-only"); empty when it can be.
    static QString whyNotWritable(const QString& path);

    Database& db() { return m_db; }
    const QString& path() const { return m_db.path(); }

    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    // Why the workspace was opened read-only; empty when it was asked for.
    const QString& readOnlyReason() const { return m_readOnlyReason; }

    QString setting(const QString& key, const QString& fallback = {});
    void setSetting(const QString& key, const QString& value);

    // The IANA zone reporting windows are cut in (setting "reporting_tz");
    // the system zone when unset or unknown.
    QTimeZone reportingTimeZone();

    // The per-user default workspace file.
    static QString defaultPath();

    // How long a writer waits for another process's write lock before the
    // "workspace busy" message.
    static constexpr int busyTimeoutMs = 5000;

private:
    Database m_db;
    Access m_access;
    QString m_readOnlyReason;
};

} // namespace escdesk::store

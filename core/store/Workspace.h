#pragma once

// A workspace is one SQLite file holding a team's imported data, its
// escalation matrix and its settings. Opening one configures the connection
// (WAL, foreign keys, busy timeout) and upgrades an older schema.

#include "store/Database.h"

#include <QString>
#include <QTimeZone>

namespace escdesk::store {

class Workspace {
public:
    enum class Access { ReadWrite, ReadOnly };

    explicit Workspace(const QString& path, Access access = Access::ReadWrite);

    Database& db() { return m_db; }
    const QString& path() const { return m_db.path(); }

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
};

} // namespace escdesk::store

#pragma once

// Test support: what a workspace file holds, as one hash over every row of
// every table (in rowid or key order) and the schema, so that "the previous
// content" and "the restored content" can be compared exactly; and SQLite's
// own integrity check of a file.

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

namespace escdesk::testsupport {

// Opens `path` with the plain SQLite API (no Workspace: that would upgrade or
// seed the file it is asked to describe).
class RawConnection {
public:
    explicit RawConnection(const QString& path, bool readOnly = false) {
        const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        }
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~RawConnection() { sqlite3_close_v2(m_db); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    sqlite3* handle() const { return m_db; }
    const QString& error() const { return m_error; }

    // Every row of `sql`, columns separated by U+001F, rows by U+001E.
    QStringList rows(const QString& sql) {
        QStringList result;
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &statement, nullptr) !=
            SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return {QStringLiteral("error: ") + m_error};
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            QStringList columns;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                columns << (text ? QString::fromUtf8(text) : QStringLiteral("<null>"));
            }
            result << columns.join(QChar(0x1f));
        }
        if (rc != SQLITE_DONE) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            result << QStringLiteral("error: ") + m_error;
        }
        sqlite3_finalize(statement);
        return result;
    }

    QString value(const QString& sql) {
        const QStringList all = rows(sql);
        return all.isEmpty() ? QString() : all.first();
    }

private:
    sqlite3* m_db = nullptr;
    QString m_error;
};

inline QString integrityCheck(const QString& path) {
    RawConnection connection(path);
    if (!connection.error().isEmpty()) {
        return connection.error();
    }
    return connection.rows(QStringLiteral("PRAGMA integrity_check")).join(QLatin1Char('\n'));
}

// The schema and every row of every table, hashed.
inline QByteArray storeFingerprint(const QString& path) {
    RawConnection connection(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList schema = connection.rows(
        QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"));
    hash.addData(schema.join(QChar(0x1e)).toUtf8());
    for (const QString& table : connection.rows(
             QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' ORDER BY name"))) {
        const QString quoted = QLatin1Char('"') + table + QLatin1Char('"');
        // Ordered by every column: a stable order for any table, rowid or not.
        const int columns = connection
                                .value(QStringLiteral("SELECT count(*) FROM "
                                                      "pragma_table_info('%1')")
                                           .arg(table))
                                .toInt();
        QStringList order;
        for (int i = 1; i <= columns; ++i) {
            order << QString::number(i);
        }
        hash.addData(table.toUtf8());
        hash.addData(connection
                         .rows(QStringLiteral("SELECT * FROM %1 ORDER BY %2")
                                   .arg(quoted, order.join(QLatin1Char(','))))
                         .join(QChar(0x1e))
                         .toUtf8());
    }
    return hash.result().toHex();
}

} // namespace escdesk::testsupport

#include "store/Database.h"

#include <QUrl>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace escdesk::store {

namespace {

QString fileNameOf(sqlite3* db, const QString& fallback = {}) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    if (file && *file) {
        return QString::fromUtf8(file);
    }
    return fallback.isEmpty() ? QStringLiteral("(in memory)") : fallback;
}

// What the operating system said about the last failed file operation, as
// "No space left on device"; empty when SQLite recorded none.
QString systemReason(sqlite3* db) {
    const int error = db ? sqlite3_system_errno(db) : 0;
    return error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : QString();
}

bool isDiskFull(sqlite3* db, int primary) {
    return primary == SQLITE_FULL || (db && sqlite3_system_errno(db) == ENOSPC);
}

// How to put a damaged workspace right.
QString restoreCommand(const QString& file) {
    return QStringLiteral("escdesk restore --db %1 --from BACKUP-FILE (in the application: File › "
                          "Restore…)")
        .arg(file);
}

StoreError errorFor(sqlite3* db, int resultCode, const QString& file) {
    const int primary = resultCode & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return StoreError(StoreError::Kind::Busy,
                          QStringLiteral("The workspace %1 is busy: another process (for example "
                                         "an import or a second Escalation Desk window) is "
                                         "writing to it. Try again when it has finished.")
                              .arg(file));
    }
    if (isDiskFull(db, primary)) {
        return StoreError(StoreError::Kind::DiskFull,
                          QStringLiteral("No space left on device: %1 could not be written, and "
                                         "the change was not saved. Free some space and try "
                                         "again.")
                              .arg(file));
    }
    if (primary == SQLITE_NOTADB) {
        return StoreError(StoreError::Kind::NotAWorkspace,
                          QStringLiteral("%1 is not an Escalation Desk workspace: it does not hold "
                                         "an SQLite database, or its first page is damaged. If "
                                         "it is a damaged workspace, move it aside and restore "
                                         "a backup in its place: %2.")
                              .arg(file, restoreCommand(file)));
    }
    if (primary == SQLITE_CORRUPT) {
        return StoreError(StoreError::Kind::Damaged,
                          QStringLiteral("The workspace %1 is damaged: its file is truncated or "
                                         "corrupted, so part of it cannot be read. Restore it "
                                         "from a backup: %2.")
                              .arg(file, restoreCommand(file)));
    }
    if (primary == SQLITE_READONLY) {
        return StoreError(StoreError::Kind::ReadOnly,
                          QStringLiteral("The workspace %1 is read-only: the change was not "
                                         "saved.")
                              .arg(file));
    }
    const QString reason = systemReason(db);
    if (primary == SQLITE_CANTOPEN) {
        return StoreError(QStringLiteral("Cannot open the workspace %1: %2.")
                              .arg(file, reason.isEmpty() ? QStringLiteral("the file or its "
                                                                           "folder cannot be "
                                                                           "opened")
                                                          : reason));
    }
    if (primary == SQLITE_IOERR) {
        return StoreError(QStringLiteral("Cannot read or write the workspace %1: %2.")
                              .arg(file, reason.isEmpty() ? QStringLiteral("the disk reported an "
                                                                           "error")
                                                          : reason));
    }
    // Anything else is a fault of the program, not of the file: SQLite's own
    // words say what (a constraint, a syntax error), without the statement.
    return StoreError(
        QStringLiteral("The workspace %1 could not be used: %2.")
            .arg(file, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(resultCode))));
}

} // namespace

StoreError::StoreError(Kind kind, const QString& message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind) {}

void throwSqliteError(sqlite3* db, int resultCode) {
    throw errorFor(db, resultCode, fileNameOf(db));
}

// ---- Statement -------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql)
    : m_db(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        throwSqliteError(db, rc);
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc);
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc);
    }
    return *this;
}

Statement& Statement::bind(int index, const QString& value) {
    if (value.isNull()) {
        return bindNull(index);
    }
    const QByteArray utf8 = value.toUtf8();
    return bind(index, std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
}

Statement& Statement::bind(int index, std::string_view utf8) {
    const int rc =
        sqlite3_bind_text64(m_stmt, index, utf8.data(), utf8.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc);
    }
    return *this;
}

Statement& Statement::bindNoCopy(int index, std::string_view utf8) {
    const int rc =
        sqlite3_bind_text64(m_stmt, index, utf8.data(), utf8.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc);
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc);
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    sqlite3_reset(m_stmt);
    throwSqliteError(m_db, rc);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!data) {
        return {};
    }
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

std::string_view Statement::textView(int column) const {
    // sqlite3_column_blob gives the stored bytes in place; column_text would
    // copy them to add a terminating NUL (a malloc per value in a bulk compare).
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    if (!data) {
        return {};
    }
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return int64(column);
}

std::optional<double> Statement::optionalReal(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return real(column);
}

// ---- Database --------------------------------------------------------------

namespace {

// SQLite's allocation statistics take a global mutex on every allocation,
// which the analyses' large reads pay for on every row; nothing reads them.
// Effective only before SQLite initialises, so done before the first open.
void configureSqliteOnce() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
}

// Reads of a large workspace map the file instead of copying each page
// through read(): the analyses scan hundreds of megabytes of index.
constexpr const char* mapTheFile = "PRAGMA mmap_size = 2147483648";

// False when a read-only connection cannot read a workspace in WAL mode
// because SQLite cannot create the shared-memory file beside it (a
// read-only folder). Any other problem is left for the first real query
// to report.
bool canReadSharedState(sqlite3* db) {
    const int rc =
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    const int primary = rc & 0xff;
    return primary != SQLITE_CANTOPEN && rc != SQLITE_READONLY_CANTINIT &&
           rc != SQLITE_READONLY_DIRECTORY;
}

} // namespace

Database::Database(const QString& path, Access access)
    : m_path(path) {
    configureSqliteOnce();
    open(access, false);
    if (access == Access::ReadOnly && !canReadSharedState(m_db)) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        open(access, true);
    }
}

void Database::open(Access access, bool immutable) {
    int flags = access == Access::ReadOnly ? SQLITE_OPEN_READONLY
                                           : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    QByteArray file = m_path.toUtf8();
    if (immutable) {
        flags |= SQLITE_OPEN_URI;
        file = "file:" + QUrl::toPercentEncoding(m_path, "/") + "?immutable=1";
    }
    const int rc = sqlite3_open_v2(file.constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const StoreError error = errorFor(m_db, rc, m_path);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw error;
    }
    m_immutable = immutable;
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_exec(m_db, mapTheFile, nullptr, nullptr, nullptr);
}

std::unique_ptr<Database> Database::openAgain(Access access) const {
    const char* file = sqlite3_db_filename(m_db, "main");
    if (!file || !*file || (m_immutable && access == Access::ReadWrite)) {
        return {};
    }
    try {
        return std::make_unique<Database>(QString::fromUtf8(file), access);
    } catch (const StoreError&) {
        return {};
    }
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_immutable(other.m_immutable) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_immutable = other.m_immutable;
    }
    return *this;
}

Statement Database::prepare(std::string_view sql) {
    return Statement(m_db, sql);
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc);
    }
}

std::int64_t Database::queryInt64(std::string_view sql) {
    Statement statement = prepare(sql);
    if (!statement.step()) {
        throw StoreError(
            QStringLiteral("The workspace %1 gave no answer to a query it must answer.")
                .arg(fileNameOf(m_db, m_path)));
    }
    return statement.int64(0);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

// ---- Transaction -----------------------------------------------------------

Transaction::Transaction(Database& db, Kind kind)
    : m_db(db) {
    m_db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (m_open) {
        // Never throw from a destructor: a failed rollback leaves SQLite to
        // roll back the journal when the connection closes.
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace escdesk::store

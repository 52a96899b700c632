#pragma once

// A small RAII layer over the SQLite C API: one Database per connection,
// prepared Statements with bound parameters only, and Transactions as scope
// guards. Nothing here knows the Escalation Desk schema.

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace escdesk::store {

// An error from the store, with a message a user can act on.
class StoreError : public std::runtime_error {
public:
    enum class Kind {
        Generic,
        Busy,
        NotAWorkspace,
        NewerSchema,
        ReadOnly,
        Missing,  // no file where a workspace was expected
        Damaged,  // the file is truncated or corrupted
        DiskFull, // no space left on the device
    };
    StoreError(Kind kind, const QString& message);
    explicit StoreError(const QString& message)
        : StoreError(Kind::Generic, message) {}
    Kind kind() const { return m_kind; }
    QString message() const { return QString::fromUtf8(what()); }

private:
    Kind m_kind;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value); // a null QString binds NULL
    Statement& bind(int index, std::string_view utf8);
    Statement& bindNull(int index);
    // Binds text without copying it: the bytes must stay valid until the
    // statement has run or been reset (the bulk import's hot path).
    Statement& bindNoCopy(int index, std::string_view utf8);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Binds every argument in order, starting at parameter 1.
    template <typename... Args> Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Advances to the next row; false when the statement is done.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    // The column's bytes as stored (UTF-8 for text), without a copy; valid
    // until the next step/reset.
    std::string_view textView(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<double> optionalReal(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

class Database {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Opens (and for ReadWrite creates) the file; throws StoreError. A
    // ReadOnly open of a workspace in WAL mode whose folder cannot be
    // written (so SQLite cannot create its shared-memory file) reads the
    // file as immutable instead: nothing can be writing to it there.
    Database(const QString& path, Access access);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Statement prepare(std::string_view sql);
    // Runs SQL without parameters (DDL, pragmas); may hold several statements.
    void exec(std::string_view sql);
    // The first column of the first row of a parameterless query.
    std::int64_t queryInt64(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    const QString& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // Another connection to the same file, for work on another thread or
    // with other settings; empty when the store is not a file (in memory)
    // or cannot be opened again, and for ReadWrite when this connection
    // reads an immutable file.
    std::unique_ptr<Database> openAgain(Access access) const;

    // True when the file is read as immutable (see the constructor).
    bool isImmutable() const { return m_immutable; }

private:
    void open(Access access, bool immutable);

    sqlite3* m_db = nullptr;
    QString m_path;
    bool m_immutable = false;
};

// Begins a transaction on construction; rolls it back on destruction unless
// commit() was called. IMMEDIATE takes the write lock up front so that two
// writers serialise (or one gets a clear "busy" error) instead of deadlocking.
class Transaction {
public:
    enum class Kind { Deferred, Immediate };
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_db;
    bool m_open = true;
};

// Throws the StoreError that corresponds to an SQLite result code, in words
// that name the file and say what is wrong; never the SQL that failed.
[[noreturn]] void throwSqliteError(sqlite3* db, int resultCode);

} // namespace escdesk::store

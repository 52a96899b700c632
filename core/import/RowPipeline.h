#pragma once

// Two threads for one import: the reading thread parses and converts rows
// and stages them in batches; a writing thread applies each batch to the
// store (SQLite is single-writer, so one thread writes). Reading and
// writing a large file take about as long as each other, so on two cores
// the import takes about as long as the longer of the two.
//
// The writing thread is the only one to use the store connection while the
// pipeline runs. A failure on it (a StoreError) stops the reading thread at
// its next hand-over and is rethrown there; destroying the pipeline stops
// the writing thread (pending batches are dropped — the caller rolls back).

#include "import/TableWriter.h"

#include <QString>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace escdesk::import {

// Converted rows with their own copy of the text they refer to.
class StagedBatch {
public:
    struct Problem {
        QString column;
        std::size_t valueOffset = 0;
        std::size_t valueLength = 0;
        QString reason;
    };
    enum class Kind {
        Row,       // converted values to write
        Rejected,  // the problems to record
        Unchanged, // a record a stored row was written from: only its id
    };
    struct Entry {
        std::int64_t line = 0;
        Kind kind = Kind::Row;
        // Rows: first value and count; rejected rows: first problem and
        // count; unchanged rows: the id's text offset and length.
        std::size_t first = 0;
        std::size_t count = 0;
        std::optional<std::uint64_t> sourceHash;
        std::int64_t rowid = 0; // unchanged rows: the stored row, when known
        // Rows: the warnings about values stored as empty (problems).
        std::size_t firstWarning = 0;
        std::size_t warningCount = 0;
    };

    void addRow(std::int64_t line, const std::vector<Value>& values,
                std::optional<std::uint64_t> sourceHash);
    void addRejected(std::int64_t line, const QString& column, std::string_view value,
                     const QString& reason, bool firstProblemOfRow);
    // A warning about the row added last (addRow).
    void addWarning(const QString& column, std::string_view value, const QString& reason);
    void addUnchanged(std::int64_t line, std::string_view id, std::int64_t rowid);

    const std::vector<Entry>& entries() const { return m_entries; }
    // The values of a row entry, their text in this batch.
    void valuesOf(const Entry& entry, std::vector<Value>& values) const;
    const Problem& problem(std::size_t index) const { return m_problems[index]; }
    std::string_view text(std::size_t offset, std::size_t length) const {
        return std::string_view(m_text).substr(offset, length);
    }

    bool full() const { return m_entries.size() >= 2048 || m_text.size() >= (2U << 20); }
    bool empty() const { return m_entries.empty(); }
    void clear();

private:
    // 24 bytes instead of Value's 40: a million rows of 26 values pass
    // through these, and the copies in and out were 10 % of the reading
    // thread's time.
    struct StagedValue {
        Value::Kind kind = Value::Kind::Null;
        union {
            std::int64_t integer = 0;
            double real;
            std::size_t offset; // of text, in m_text
        };
        std::size_t length = 0; // of text
    };
    std::size_t addText(std::string_view text);

    std::vector<Entry> m_entries;
    std::vector<StagedValue> m_values;
    std::vector<Problem> m_problems;
    std::string m_text;
};

class RowPipeline {
public:
    using Writer = std::function<void(const StagedBatch&)>;

    // Starts the writing thread, which calls `writer` for each batch.
    explicit RowPipeline(Writer writer);
    ~RowPipeline();
    RowPipeline(const RowPipeline&) = delete;
    RowPipeline& operator=(const RowPipeline&) = delete;

    // The batch the reading thread fills.
    StagedBatch& current() { return *m_current; }
    // Hands the current batch over once it is full; waits while the writing
    // thread is behind. Rethrows the writing thread's failure.
    void handOverIfFull() {
        if (m_current->full()) {
            handOver();
        }
    }
    // Hands over the rest and waits until all is written; rethrows the
    // writing thread's failure.
    void finish();

private:
    void handOver();
    void writeBatches();
    void stop();

    static constexpr std::size_t maxQueued = 3;

    Writer m_writer;
    std::unique_ptr<StagedBatch> m_current;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<StagedBatch>> m_queued;
    std::vector<std::unique_ptr<StagedBatch>> m_spare;
    bool m_closing = false;
    bool m_abandon = false;
    std::exception_ptr m_failure;
    std::thread m_thread;
};

} // namespace escdesk::import

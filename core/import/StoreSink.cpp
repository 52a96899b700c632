#include "import/StoreSink.h"

#include "import/DuplicateRows.h"

#include <utility>

namespace escdesk::import {

StoreSink::StoreSink(store::Database& db, const Layout& layout)
    : m_layout(layout)
    // Repeated ids are told by the store's unique index, not a set in memory.
    , m_writer(db, layout, TableWriter::BulkLoad::Allowed, TableWriter::RepeatedKeys::Rejected)
    , m_problems(db) {}

void StoreSink::startWritingThread() {
    m_pipeline =
        std::make_unique<RowPipeline>([this](const StagedBatch& batch) { writeStaged(batch); });
}

void StoreSink::finishWritingThread() {
    if (m_pipeline) {
        m_pipeline->finish();
    }
    m_pipeline.reset();
}

// A rejected row: every problem it has, warnings included, is a reason it
// was not stored.
void StoreSink::reject(const CsvRecord& record, const std::vector<Value>*,
                       const std::vector<RowProblem>& problems) {
    if (!m_pipeline) {
        storeRejected(record.line, problems);
        return;
    }
    bool first = true;
    for (const RowProblem& problem : problems) {
        m_pipeline->current().addRejected(record.line, problem.column, problem.value,
                                          problem.reason, std::exchange(first, false));
    }
    m_pipeline->handOverIfFull();
}

void StoreSink::keep(const CsvRecord& record, const std::vector<Value>& values,
                     std::vector<RowProblem>& warnings, std::optional<std::uint64_t> sourceHash) {
    if (!m_pipeline) {
        writeRow(record.line, values, sourceHash, warnings);
        return;
    }
    m_pipeline->current().addRow(record.line, values, sourceHash);
    for (const RowProblem& warning : warnings) {
        m_pipeline->current().addWarning(warning.column, warning.value, warning.reason);
    }
    m_pipeline->handOverIfFull();
}

void StoreSink::keepUnchanged(std::int64_t line, std::string_view key, std::int64_t rowid) {
    if (!m_pipeline) {
        keepStored(line, key, rowid);
        return;
    }
    // The duplicate check is the writing thread's, in file order.
    m_pipeline->current().addUnchanged(line, key, rowid);
    m_pipeline->handOverIfFull();
}

// On the writing thread: the staged rows in file order. Ids are checked
// for duplicates here (by the writer, in the store), so the reading thread
// has less to do.
void StoreSink::writeStaged(const StagedBatch& batch) {
    for (const StagedBatch::Entry& entry : batch.entries()) {
        switch (entry.kind) {
        case StagedBatch::Kind::Rejected:
            ++m_counts.rejected;
            for (std::size_t i = entry.first; i < entry.first + entry.count; ++i) {
                const StagedBatch::Problem& problem = batch.problem(i);
                storeProblem(entry.line, problem.column,
                             batch.text(problem.valueOffset, problem.valueLength), problem.reason,
                             false);
            }
            break;
        case StagedBatch::Kind::Unchanged:
            keepStored(entry.line, batch.text(entry.first, entry.count), entry.rowid);
            break;
        case StagedBatch::Kind::Row: {
            batch.valuesOf(entry, m_stagedValues);
            const auto outcome =
                m_writer.write(m_stagedValues, m_batch, entry.sourceHash, entry.line);
            if (outcome == TableWriter::Outcome::Repeated) {
                rejectRepeatedStaged(batch, entry);
                break;
            }
            count(outcome);
            for (std::size_t i = entry.firstWarning; i < entry.firstWarning + entry.warningCount;
                 ++i) {
                const StagedBatch::Problem& problem = batch.problem(i);
                storeProblem(entry.line, problem.column,
                             batch.text(problem.valueOffset, problem.valueLength), problem.reason,
                             true);
            }
            break;
        }
        }
    }
}

void StoreSink::writeRow(std::int64_t line, const std::vector<Value>& values,
                         std::optional<std::uint64_t> sourceHash,
                         std::vector<RowProblem>& warnings) {
    const auto outcome = m_writer.write(values, m_batch, sourceHash, line);
    if (outcome != TableWriter::Outcome::Repeated) {
        count(outcome);
        for (const RowProblem& warning : warnings) {
            storeProblem(line, warning.column, warning.value, warning.reason, true);
        }
    } else if (m_layout.keyCount > 1) {
        warnings.push_back(repeatProblem(m_layout, values, m_writer.repeatedLine()));
        storeRejected(line, warnings);
    } else {
        rejectRepeatedKey(values[0].text, line);
    }
}

// A record a stored row was written from: unchanged, unless an earlier line
// had its key.
void StoreSink::keepStored(std::int64_t line, std::string_view key, std::int64_t rowid) {
    if (m_writer.keep(key, line, rowid) == TableWriter::Outcome::Repeated) {
        rejectRepeatedKey(key, line);
    } else {
        ++m_counts.unchanged;
    }
}

void StoreSink::count(TableWriter::Outcome outcome) {
    switch (outcome) {
    case TableWriter::Outcome::Inserted:
        ++m_counts.inserted;
        break;
    case TableWriter::Outcome::Updated:
        ++m_counts.updated;
        break;
    case TableWriter::Outcome::Unchanged:
        ++m_counts.unchanged;
        break;
    case TableWriter::Outcome::Repeated:
        break; // rejected by the caller
    }
}

// A row whose single key an earlier line had: only the duplicate is told.
void StoreSink::rejectRepeatedKey(std::string_view key, std::int64_t line) {
    ++m_counts.rejected;
    const RowProblem problem = repeatedKeyProblem(m_layout, key, m_writer.repeatedLine());
    storeProblem(line, problem.column, problem.value, problem.reason, false);
}

// A staged row the writer found Repeated, as writeRow() rejects it: a single
// key names only the duplicate; an identity of several columns (an event)
// is rejected with its warnings and then the repeat.
void StoreSink::rejectRepeatedStaged(const StagedBatch& batch, const StagedBatch::Entry& entry) {
    if (m_layout.keyCount == 1) {
        rejectRepeatedKey(m_stagedValues[0].text, entry.line);
        return;
    }
    ++m_counts.rejected;
    for (std::size_t i = entry.firstWarning; i < entry.firstWarning + entry.warningCount; ++i) {
        const StagedBatch::Problem& problem = batch.problem(i);
        storeProblem(entry.line, problem.column,
                     batch.text(problem.valueOffset, problem.valueLength), problem.reason, false);
    }
    const RowProblem repeat = repeatProblem(m_layout, m_stagedValues, m_writer.repeatedLine());
    storeProblem(entry.line, repeat.column, repeat.value, repeat.reason, false);
}

void StoreSink::storeRejected(std::int64_t line, const std::vector<RowProblem>& problems) {
    ++m_counts.rejected;
    for (const RowProblem& problem : problems) {
        storeProblem(line, problem.column, problem.value, problem.reason, false);
    }
}

void StoreSink::storeProblem(std::int64_t line, const QString& column, std::string_view value,
                             const QString& reason, bool warning) {
    m_problems.record(m_batch, line, column, value, reason, warning);
    if (warning) {
        ++m_counts.warnings;
    }
}

} // namespace escdesk::import

#pragma once

// The import's output: rows written to the store with sync semantics
// (TableWriter.h), rejected rows and warnings kept in rejected_rows
// (outcome 'rejected' or 'warning') under the batch, and the counts the
// batch records. Duplicates are told by the store (DuplicateRows.h). Ticket
// rows, and event rows whose tickets are in memory (TicketRows.h), are
// written on a second thread (RowPipeline.h) while the file is read; other
// kinds on the reading thread.

#include "import/Importer.h"
#include "import/RejectedRows.h"
#include "import/RowPipeline.h"
#include "import/RowSink.h"
#include "import/TableWriter.h"
#include "store/Database.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace escdesk::import {

class StoreSink final : public RowSink {
public:
    // Prepares the writer (which may drop the table's secondary indexes for
    // a bulk load; finish() builds them again). The caller owns the
    // transaction.
    StoreSink(store::Database& db, const Layout& layout);

    // The batch the rows and problems are recorded under.
    void setBatch(std::int64_t batch) { m_batch = batch; }
    // Most rows will be found unchanged by their source hash before they
    // reach the writer: its scan in storage order would only fall behind.
    void expectMostUnchanged() { m_writer.preferKeyLookups(); }

    // Writes the rows on a second thread from now on: only for rows whose
    // conversion does not need the store (the writing thread has it).
    void startWritingThread();
    // Waits until every staged row is written; rethrows the thread's failure.
    void finishWritingThread();
    // Stops the writing thread, dropping what is staged (before a rollback).
    void stopWritingThread() { m_pipeline.reset(); }
    // Builds the indexes a bulk load dropped; call before committing.
    void finish() { m_writer.finish(); }

    const StoredCounts& counts() const { return m_counts; }

    void reject(const CsvRecord& record, const std::vector<Value>* values,
                const std::vector<RowProblem>& problems) override;
    void keep(const CsvRecord& record, const std::vector<Value>& values,
              std::vector<RowProblem>& warnings, std::optional<std::uint64_t> sourceHash) override;
    void keepUnchanged(std::int64_t line, std::string_view key, std::int64_t rowid) override;
    bool wantsMore(std::int64_t) const override { return true; }

private:
    void writeStaged(const StagedBatch& batch);
    void writeRow(std::int64_t line, const std::vector<Value>& values,
                  std::optional<std::uint64_t> sourceHash, std::vector<RowProblem>& warnings);
    void keepStored(std::int64_t line, std::string_view key, std::int64_t rowid);
    void count(TableWriter::Outcome outcome);
    void rejectRepeatedKey(std::string_view key, std::int64_t line);
    void rejectRepeatedStaged(const StagedBatch& batch, const StagedBatch::Entry& entry);
    void storeRejected(std::int64_t line, const std::vector<RowProblem>& problems);
    void storeProblem(std::int64_t line, const QString& column, std::string_view value,
                      const QString& reason, bool warning);

    const Layout& m_layout;
    TableWriter m_writer;
    RejectedRowRecorder m_problems;
    std::int64_t m_batch = 0;
    StoredCounts m_counts;
    // Set while rows are written on a second thread.
    std::unique_ptr<RowPipeline> m_pipeline;
    std::vector<Value> m_stagedValues; // the writing thread's
};

} // namespace escdesk::import

#pragma once

// The entry points of the fuzz targets, kept apart from libFuzzer's main so
// that the regression suite (tests/core/tst_fuzz_regressions.cpp) replays
// every saved reproducer through exactly the code the fuzzers ran.
//
// Each entry takes arbitrary bytes and must return normally: refusals and
// rejected rows are the expected answers to bad input. A crash, a sanitizer
// report, an escaping exception or a broken invariant (checked with
// fuzzCheck, which aborts) is a defect.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace escdesk::fuzz {

// The CSV reader: detection (sniffCsv) and a full streaming read, as UTF-8
// and, when the bytes are not, as Windows-1252.
void fuzzCsvReader(const std::uint8_t* data, std::size_t size);

// The importer on each kind — tickets, events, accounts, known issues (the
// canonical layouts, each first through the import wizard's preview) and
// history (the ServiceNow incident-log mapping) — into in-memory workspaces:
// the bytes are the file. Each import that is not
// refused runs twice, checking the sync invariants (the counts add up, the
// second import changes nothing).
void fuzzImport(const std::uint8_t* data, std::size_t size);

// Timestamp parsing in every form, form detection and the source-zone
// conversion (Europe/Berlin, with its DST gaps and folds).
void fuzzTimestamp(const std::uint8_t* data, std::size_t size);

// The matrix exchange file: reading, validation, line index; a file that
// reads must write and read back to the same matrix.
void fuzzMatrixFile(const std::uint8_t* data, std::size_t size);

// A mapping file (tickets and history forms); a mapping that reads is used
// for an import of a small fixed file.
void fuzzColumnMapping(const std::uint8_t* data, std::size_t size);

// The entries by target name (fuzz_csv_reader → fuzzCsvReader, ...).
using FuzzEntry = void (*)(const std::uint8_t*, std::size_t);
struct NamedEntry {
    const char* target;
    FuzzEntry entry;
};
const std::vector<NamedEntry>& fuzzEntries();

} // namespace escdesk::fuzz

#pragma once

// Reading mapping files strictly — readMappingFile() (ColumnMapping.h) and
// readHistoryMappingFile() (HistoryImporter.h) are defined in MappingFile.cpp
// — and what the importers say when a file lacks a column its mapping names.
//
// Every problem inside a mapping file is refused as
// "FILE: line L, column C: reason" (MappingError): text that is not JSON, a
// root that is not an object, a key given twice, an unknown key (with the
// closest valid key when it looks like a typo), a value of the wrong type,
// an unknown kind, format or date order, a field that names no column.

#include "import/ColumnMapping.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace escdesk::import {

// The name among `names` closest to `wanted` when close enough to be a slip
// — ignoring case, at most one edit in three characters (a transposition
// counts as one; at least one, at most three), or, from four characters on,
// one holding the other ("created" for created_at) — else empty.
QString closestName(const QString& wanted, const QStringList& names);
// All the names as close as the closest (in the order of `names`).
QStringList closestNames(const QString& wanted, const QStringList& names);

// Why an import is refused when none of the columns a mapping file names
// for a field is in the file's header row (line `headerLine` of `fileName`,
// holding `header`); the refusal names the mapping file and source.at.
QString missingColumnReason(const FieldSource& source, const QString& fileName,
                            std::int64_t headerLine, const QStringList& header);

} // namespace escdesk::import

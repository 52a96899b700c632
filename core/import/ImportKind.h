#pragma once

// The four kinds of CSV file of SPEC §4.

#include <QString>

#include <optional>

namespace escdesk::import {

// History: one row per change of a ticket, from which tickets and events
// are derived (see HistoryImporter.h).
enum class ImportKind { Tickets, Events, Accounts, KnownIssues, History };

// tickets, events, accounts, known-issues, history
QString importKindName(ImportKind kind);
std::optional<ImportKind> parseImportKind(const QString& name);

} // namespace escdesk::import

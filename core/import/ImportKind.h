#pragma once

// The four kinds of CSV file of SPEC §4.

#include <QString>

#include <optional>

namespace escdesk::import {

enum class ImportKind { Tickets, Events, Accounts, KnownIssues };

// tickets, events, accounts, known-issues
QString importKindName(ImportKind kind);
std::optional<ImportKind> parseImportKind(const QString& name);

} // namespace escdesk::import

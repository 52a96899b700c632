#pragma once

// The four kinds of CSV file of SPEC §4.

#include <QString>

#include <optional>

namespace escdesk::import {

// History: one row per change of a ticket, from which tickets and events
// are derived (see HistoryImporter.h). Decisions, actions and checklist
// runs: the weekly review's own records (ReviewImporter.h).
enum class ImportKind {
    Tickets,
    Events,
    Accounts,
    KnownIssues,
    History,
    Decisions,
    Actions,
    ChecklistRuns
};

// tickets, events, accounts, known-issues, history, decisions, actions,
// checklist-runs
QString importKindName(ImportKind kind);
std::optional<ImportKind> parseImportKind(const QString& name);
// Decisions, actions and checklist runs (ReviewImporter.h).
bool isReviewKind(ImportKind kind);

} // namespace escdesk::import

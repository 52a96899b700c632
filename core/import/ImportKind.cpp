#include "import/ImportKind.h"

namespace escdesk::import {

QString importKindName(ImportKind kind) {
    switch (kind) {
    case ImportKind::Tickets:
        return QStringLiteral("tickets");
    case ImportKind::Events:
        return QStringLiteral("events");
    case ImportKind::Accounts:
        return QStringLiteral("accounts");
    case ImportKind::KnownIssues:
        return QStringLiteral("known-issues");
    case ImportKind::History:
        return QStringLiteral("history");
    case ImportKind::Decisions:
        return QStringLiteral("decisions");
    case ImportKind::Actions:
        return QStringLiteral("actions");
    case ImportKind::ChecklistRuns:
        return QStringLiteral("checklist-runs");
    }
    return {};
}

std::optional<ImportKind> parseImportKind(const QString& name) {
    for (const ImportKind kind :
         {ImportKind::Tickets, ImportKind::Events, ImportKind::Accounts, ImportKind::KnownIssues,
          ImportKind::History, ImportKind::Decisions, ImportKind::Actions,
          ImportKind::ChecklistRuns}) {
        if (importKindName(kind) == name.trimmed().toLower()) {
            return kind;
        }
    }
    return std::nullopt;
}

bool isReviewKind(ImportKind kind) {
    return kind == ImportKind::Decisions || kind == ImportKind::Actions ||
           kind == ImportKind::ChecklistRuns;
}

} // namespace escdesk::import

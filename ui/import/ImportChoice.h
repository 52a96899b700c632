#pragma once

// What the user chose on the wizard's first page: the files, their kind,
// the mapping (a preset, a custom mapping file or the canonical layout), the
// source time zone and the date order — everything an import needs.

#include "import/ColumnMapping.h"
#include "import/HistoryImporter.h"
#include "import/Importer.h"

#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace escdesk::ui {

struct ImportChoice {
    QStringList files;
    import::ImportKind kind = import::ImportKind::Tickets;
    std::optional<import::ColumnMapping> mapping;  // tickets, events, accounts, known issues
    std::optional<import::HistoryMapping> history; // kind History
    QTimeZone sourceZone = QTimeZone::utc();
    import::DateOrder dateOrder = import::DateOrder::Unknown;

    // The importer's options (progress and cancel left empty).
    import::ImportOptions options() const {import::ImportOptions options;
    options.kind = kind;
    options.sourceZone = sourceZone;
    options.dateOrder = dateOrder;
    options.mapping = mapping ? &*mapping : nullptr;
    return options;
}
}; // namespace escdesk::ui

} // namespace escdesk::ui

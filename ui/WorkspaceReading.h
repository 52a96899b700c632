#pragma once

// How the desktop application's connections read the workspace: through
// SQLite's page cache, not a memory map of the file. store::Database maps up
// to 2 GB of the file for the command line's scans; in a long-lived window
// the map counts every page a query has touched against the process's
// resident memory for as long as the connection stays open — up to the
// whole file, a gigabyte on a million tickets, per connection — where the
// kernel's page cache holds those pages once for every process and can let
// them go. Reads copy each page instead, which costs little beside the work
// the pages do with the rows (measured in bench/gui_memory.sh).

#include "store/Database.h"

namespace escdesk::ui {

inline void readWithoutFileMap(store::Database& db) {
    db.exec("PRAGMA mmap_size = 0");
}

} // namespace escdesk::ui

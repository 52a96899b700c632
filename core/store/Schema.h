#pragma once

// The workspace schema and its upgrade path. Every version's SQL is kept
// forever: a file written by any earlier release is upgraded step by step,
// all steps in one transaction, so an interrupted upgrade leaves the file as
// it was.

#include "store/Database.h"

namespace escdesk::store {

// 'ESCD' — marks an SQLite file as an Escalation Desk workspace.
inline constexpr int workspaceApplicationId = 0x45534344;
inline constexpr int currentSchemaVersion = 20;

int schemaVersionOf(Database& db);

// Brings the file to `targetVersion` (default: current). Refuses files of a
// newer version and SQLite files that are not workspaces.
void upgradeSchema(Database& db, int targetVersion = currentSchemaVersion);

} // namespace escdesk::store

#pragma once

// One function per escdesk command. Each receives its own argument list
// (command name first), returns an exit code of SPEC §10, and may throw
// UsageProblem (exit 2) or store::StoreError (exit 1).

#include <QStringList>

namespace escdesk::cli {

int runMetrics(const QStringList& arguments);
int runRootCauses(const QStringList& arguments);
int runSegments(const QStringList& arguments);
int runClusters(const QStringList& arguments);
int runDemo(const QStringList& arguments);
int runSummary(const QStringList& arguments);
int runTrend(const QStringList& arguments);
int runMatrix(const QStringList& arguments);
int runMatrixSuggest(const QStringList& arguments);
int runSla(const QStringList& arguments);
int runTriage(const QStringList& arguments);
int runImport(const QStringList& arguments);
int runImportRejects(const QStringList& arguments);
int runImportBatches(const QStringList& arguments);
int runReport(const QStringList& arguments);
int runBackup(const QStringList& arguments);
int runRestore(const QStringList& arguments);
int runRisk(const QStringList& arguments);
int runAtRisk(const QStringList& arguments);
int runReview(const QStringList& arguments);
int runChecklist(const QStringList& arguments);
int runSettings(const QStringList& arguments);
int runEngineering(const QStringList& arguments);

} // namespace escdesk::cli

// escdesk backup / escdesk restore: a consistent copy of a workspace taken
// while it is in use, and the workspace's content replaced by such a copy.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "store/Backup.h"
#include "store/Schema.h"
#include "store/Workspace.h"

#include <QFileInfo>

namespace escdesk::cli {

namespace {

QString requiredOption(const QCommandLineParser& parser, const QString& name) {
    const QString value = parser.value(name);
    if (value.isEmpty()) {
        throw UsageProblem{QStringLiteral("--%1 FILE is required.").arg(name)};
    }
    return value;
}

QString sizeText(qint64 bytes) {
    return QStringLiteral("%1 MB").arg(static_cast<double>(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

int runBackup(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Copy the workspace to a backup file. The copy is consistent even while "
                       "an import or the application is writing to the workspace."));
    addDatabaseOption(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("The backup file to write."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("force"), QStringLiteral("Replace the backup file if it exists.")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const QString backup = requiredOption(parser, QStringLiteral("out"));
    const QString workspace = workspacePath(parser);
    if (!QFileInfo(workspace).isFile()) {
        throw noWorkspaceAt(workspace);
    }

    const store::BackupResult result =
        store::backupWorkspace(workspace, backup, parser.isSet(QStringLiteral("force")));
    out() << "Backed up " << workspace << " to " << backup << " (" << sizeText(result.bytes)
          << ", schema version " << result.schemaVersion << ").\n";
    return Success;
}

int runRestore(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Replace the content of the workspace with a backup (written by "
                       "'escdesk backup' or File > Back up). A backup from an older version is "
                       "upgraded. Refused while another process writes to the workspace."));
    addDatabaseOption(parser);
    parser.addOption({QStringLiteral("from"), QStringLiteral("The backup file to restore."),
                      QStringLiteral("FILE")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    const QString backup = requiredOption(parser, QStringLiteral("from"));
    const QString workspace = workspacePath(parser);

    const store::BackupResult result = store::restoreWorkspace(workspace, backup);
    out() << "Restored " << workspace << " from " << backup << " (" << sizeText(result.bytes);
    if (result.schemaVersion < store::currentSchemaVersion) {
        out() << ", upgraded from schema version " << result.schemaVersion;
    }
    out() << ").\n";
    return Success;
}

} // namespace escdesk::cli

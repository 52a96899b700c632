// escdesk matrix export|import|validate|history: share the escalation matrix
// as a readable file, bring one in (validated first, refused whole with line
// and reason), check a file or the workspace's matrix and change log, and
// list who changed what.

#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/MatrixFileSupport.h"
#include "cli/MatrixSubcommands.h"

#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixFile.h"
#include "matrix/MatrixJson.h"
#include "matrix/MatrixStore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace escdesk::cli {

namespace {

int exportMatrix(const QCommandLineParser& parser, const QString& path) {
    auto workspace = openWorkspace(parser);
    const QByteArray text = matrix::writeMatrixFile(matrix::loadMatrix(workspace->db()));
    if (!writeMatrixText(path, text)) {
        return RefusedInput;
    }
    if (path == QLatin1String("-")) {
        return Success;
    }
    out() << "Exported the escalation matrix of " << workspace->path() << " to " << path << ".\n";
    return Success;
}

int importMatrix(const QCommandLineParser& parser, const QString& path) {
    const matrix::MatrixFileReading reading = matrix::readMatrixFile(readWholeFile(path));
    printProblems(path, reading.problems);
    if (!reading.ok()) {
        err() << "escdesk matrix: " << path << " was not imported; the workspace is unchanged.\n";
        return RefusedInput;
    }
    auto workspace = openWorkspaceToWrite(parser);
    const int changed =
        matrix::saveMatrix(workspace->db(), *reading.matrix, matrix::changeAuthor(*workspace),
                           QStringLiteral("Imported from %1").arg(QFileInfo(path).fileName()),
                           QDateTime::currentSecsSinceEpoch());
    out() << "Imported " << path << " into " << workspace->path() << ": " << changed
          << (changed == 1 ? " section" : " sections") << " changed.\n";
    return Success;
}

std::vector<matrix::FileProblem> workspaceProblems(const matrix::Matrix& stored) {
    std::vector<matrix::FileProblem> problems;
    for (const matrix::ValidationIssue& issue : matrix::validateMatrix(stored)) {
        problems.push_back({issue.severity == matrix::ValidationIssue::Severity::Error, 0, 0,
                            issue.path, issue.place + QStringLiteral(": ") + issue.message});
    }
    return problems;
}

// Without FILE: the workspace's matrix and change log. With FILE: the file,
// and the workspace's change log too when --db names one.
int validateMatrix(const QCommandLineParser& parser, const QString& path) {
    const bool json = parser.isSet(QStringLiteral("json"));
    bool failed = false;
    QJsonObject result;
    if (!path.isEmpty()) {
        const matrix::MatrixFileReading reading = matrix::readMatrixFile(readWholeFile(path));
        failed = failed || !reading.ok();
        if (json) {
            result.insert(
                QStringLiteral("file"),
                QJsonObject{{QStringLiteral("path"), path},
                            {QStringLiteral("valid"), reading.ok()},
                            {QStringLiteral("problems"), problemsJson(reading.problems)}});
        } else {
            printProblems(path, reading.problems);
            out() << path << (reading.ok() ? ": valid" : ": not valid") << ".\n";
        }
    }
    if (path.isEmpty() || parser.isSet(QStringLiteral("db"))) {
        auto workspace = openWorkspace(parser);
        const matrix::ChainVerification chain = matrix::verifyChangeChain(workspace->db());
        failed = failed || !chain.intact;
        std::vector<matrix::FileProblem> problems;
        if (path.isEmpty()) {
            problems = workspaceProblems(matrix::loadMatrix(workspace->db()));
            failed = failed || std::any_of(problems.begin(), problems.end(),
                                           [](const auto& problem) { return problem.error; });
        }
        if (json) {
            QJsonObject workspaceJson{
                {QStringLiteral("path"), workspace->path()},
                {QStringLiteral("change_log"),
                 QJsonObject{{QStringLiteral("intact"), chain.intact},
                             {QStringLiteral("entries"), qint64(chain.entries)},
                             {QStringLiteral("broken_at"), chain.brokenAt
                                                               ? QJsonValue(qint64(*chain.brokenAt))
                                                               : QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("message"), chain.message}}}};
            if (path.isEmpty()) {
                workspaceJson.insert(QStringLiteral("problems"), problemsJson(problems));
            }
            result.insert(QStringLiteral("workspace"), workspaceJson);
        } else {
            printProblems(workspace->path(), problems);
            (chain.intact ? out() : err()) << chain.message << '\n';
            if (path.isEmpty()) {
                out() << "The escalation matrix of " << workspace->path()
                      << (failed ? " has problems.\n" : " is valid.\n");
            }
        }
    }
    if (json) {
        result.insert(QStringLiteral("valid"), !failed);
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    }
    return failed ? RefusedInput : Success;
}

int showHistory(const QCommandLineParser& parser) {
    auto workspace = openWorkspace(parser);
    const auto changes = matrix::readMatrixChanges(workspace->db());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const matrix::MatrixChange& change : changes) {
            array.append(QJsonObject{{QStringLiteral("id"), qint64(change.id)},
                                     {QStringLiteral("changed_at"), toIsoUtc(change.changedAt)},
                                     {QStringLiteral("author"), change.author},
                                     {QStringLiteral("section"), change.section},
                                     {QStringLiteral("summary"), change.summary},
                                     {QStringLiteral("hash"), change.hash}});
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("changes"), array}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Success;
    }
    for (const matrix::MatrixChange& change : changes) {
        const auto section = matrix::sectionOfKey(change.section);
        out() << '#' << change.id << "  " << toIsoUtc(change.changedAt) << "  " << change.author
              << "  " << (section ? matrix::sectionTitle(*section) : change.section) << ": "
              << change.summary << '\n';
    }
    return Success;
}

} // namespace

int runMatrix(const QStringList& arguments) {
    if (arguments.value(1) == QLatin1String("suggest")) {
        return runMatrixSuggest(arguments);
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Share and check the escalation matrix; draft, compare and replay changes to it.\n"
        "  export FILE        write the matrix to FILE (- for stdout)\n"
        "  import FILE        replace the matrix with FILE, if it is valid\n"
        "  validate [FILE]    check FILE, or the workspace's matrix and change log\n"
        "  history            list the changes to the matrix\n"
        "  draft export [FILE]  write the draft (else the published matrix) to FILE or stdout\n"
        "  draft import FILE    save FILE as the draft (the published matrix is untouched)\n"
        "  draft diff           what the draft changes against the published matrix\n"
        "  draft publish        make the draft the published matrix: one change-log entry\n"
        "                       (--summary TEXT; --force over changes published meanwhile)\n"
        "  draft discard        throw the draft away\n"
        "  replay DRAFT         run the period's tickets (--from/--to, default the last 90\n"
        "                       days) through the published matrix and DRAFT, a matrix file\n"
        "                       or the word `draft` for the stored draft\n"
        "  suggest              propose severity rules from the history, measured on the\n"
        "                       latest months held out (matrix suggest --help)"));
    addDatabaseOption(parser);
    addJsonOption(parser);
    addDraftOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("export, import, validate, history, draft, replay or suggest"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The matrix file."));
    parseOrThrow(parser, arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        throw UsageProblem{QStringLiteral(
            "say what to do: export, import, validate, history, draft, replay or suggest.")};
    }
    const QString action = positional.first();
    if (action == QLatin1String("draft")) {
        return runMatrixDraft(parser, positional.mid(1));
    }
    if (action == QLatin1String("replay")) {
        return runMatrixReplay(parser, positional.mid(1));
    }
    for (const char* option : {"from", "to", "tz", "force", "summary"}) {
        if (parser.isSet(QLatin1String(option))) {
            throw UsageProblem{QStringLiteral("--%1 does not go with `matrix %2`.")
                                   .arg(QLatin1String(option), action)};
        }
    }
    const QString path = positional.value(1);
    if (positional.size() > 2) {
        throw UsageProblem{QStringLiteral("Unexpected argument '%1'.").arg(positional.at(2))};
    }
    if (action == QLatin1String("validate")) {
        return validateMatrix(parser, path);
    }
    if (action == QLatin1String("history")) {
        return showHistory(parser);
    }
    if (action != QLatin1String("export") && action != QLatin1String("import")) {
        throw UsageProblem{QStringLiteral("unknown action '%1'; use export, import, validate, "
                                          "history, draft, replay or suggest.")
                               .arg(action)};
    }
    if (path.isEmpty()) {
        throw UsageProblem{QStringLiteral("%1 needs a FILE.").arg(action)};
    }
    return action == QLatin1String("export") ? exportMatrix(parser, path)
                                             : importMatrix(parser, path);
}

} // namespace escdesk::cli

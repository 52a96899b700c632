// escdesk matrix draft export|import|diff|publish|discard: keep a draft of
// the escalation matrix beside the published one, compare them, and publish
// the draft as one change-log entry or throw it away.

#include "cli/CliSupport.h"
#include "cli/MatrixFileSupport.h"
#include "cli/MatrixSubcommands.h"

#include "matrix/MatrixDiff.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace escdesk::cli {

namespace {

bool jsonWanted(const QCommandLineParser& parser) {
    return parser.isSet(QStringLiteral("json"));
}

void printJson(const QJsonObject& json) {
    out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
}

QString draftOrigin(const matrix::MatrixDraft& draft) {
    return QStringLiteral("started by %1 at %2, last saved by %3 at %4")
        .arg(draft.startedBy, toIsoUtc(draft.startedAt), draft.savedBy, toIsoUtc(draft.savedAt));
}

matrix::MatrixDraft requireDraft(store::Database& db) {
    std::optional<matrix::MatrixDraft> draft = matrix::loadDraft(db);
    if (!draft) {
        throw store::StoreError(
            QStringLiteral(
                "%1 holds no draft of the escalation matrix; start one with `escdesk matrix draft "
                "import FILE` or on the Matrix page.")
                .arg(db.path()));
    }
    return std::move(*draft);
}

// Without a draft, the published matrix is exported, as the start of one.
int exportDraft(const QCommandLineParser& parser, const QString& path) {
    auto workspace = openWorkspace(parser);
    const std::optional<matrix::MatrixDraft> draft = matrix::loadDraft(workspace->db());
    const matrix::Matrix matrix = draft ? draft->matrix : matrix::loadMatrix(workspace->db());
    if (!writeMatrixText(path, matrix::writeMatrixFile(matrix))) {
        return RefusedInput;
    }
    if (path != QLatin1String("-")) {
        out() << "Exported "
              << (draft ? "the draft"
                        : "the published escalation matrix (there "
                          "is no draft yet)")
              << " to " << path << ".\n";
    }
    return Success;
}

// A draft may be saved with validation errors (it is work in progress; they
// are shown as warnings and publishing refuses it until they are fixed), but
// never a file whose structure cannot be read.
int importDraft(const QCommandLineParser& parser, const QString& path) {
    matrix::MatrixFileReading reading = matrix::readMatrixFile(readWholeFile(path));
    if (!reading.matrix) {
        printProblems(path, reading.problems);
        err() << "escdesk matrix draft: " << path
              << " was not imported; the workspace is unchanged.\n";
        return RefusedInput;
    }
    for (matrix::FileProblem& problem : reading.problems) {
        problem.error = false;
    }
    printProblems(path, reading.problems);
    auto workspace = openWorkspaceToWrite(parser);
    const matrix::MatrixDraft draft =
        matrix::saveDraft(workspace->db(), *reading.matrix, matrix::changeAuthor(*workspace),
                          QDateTime::currentSecsSinceEpoch());
    if (jsonWanted(parser)) {
        printJson({{QStringLiteral("file"), path},
                   {QStringLiteral("started_by"), draft.startedBy},
                   {QStringLiteral("started_at"), toIsoUtc(draft.startedAt)},
                   {QStringLiteral("saved_at"), toIsoUtc(draft.savedAt)},
                   {QStringLiteral("problems"), problemsJson(reading.problems)}});
        return Success;
    }
    out() << "Saved " << path << " as the draft of the escalation matrix of " << workspace->path()
          << " (" << draftOrigin(draft) << ").\n";
    if (!reading.problems.empty()) {
        out() << "The draft has " << reading.problems.size()
              << " validation problem(s) (above); it cannot be published until the errors "
                 "among them are fixed.\n";
    }
    return Success;
}

int diffDraft(const QCommandLineParser& parser) {
    auto workspace = openWorkspace(parser);
    const matrix::MatrixDraft draft = requireDraft(workspace->db());
    const auto differences =
        matrix::diffMatrices(matrix::loadMatrix(workspace->db()), draft.matrix);
    const bool stale = matrix::draftIsStale(workspace->db(), draft);
    if (jsonWanted(parser)) {
        printJson({{QStringLiteral("stale"), stale},
                   {QStringLiteral("differences"), matrix::diffJson(differences)}});
        return Success;
    }
    out() << "Draft (" << draftOrigin(draft) << ") against the published escalation matrix:\n\n"
          << matrix::diffText(differences);
    if (stale) {
        out() << "\nThe published matrix changed since the draft was started; publishing needs "
                 "--force.\n";
    }
    return Success;
}

int publish(const QCommandLineParser& parser) {
    auto workspace = openWorkspaceToWrite(parser);
    const matrix::PublishResult result = matrix::publishDraft(
        workspace->db(), matrix::changeAuthor(*workspace), parser.value(QStringLiteral("summary")),
        QDateTime::currentSecsSinceEpoch(), parser.isSet(QStringLiteral("force")));
    const bool refused = result.status != matrix::PublishResult::Status::Published &&
                         result.status != matrix::PublishResult::Status::Unchanged;
    for (const matrix::ValidationIssue& issue : result.issues) {
        if (issue.severity == matrix::ValidationIssue::Severity::Error) {
            err() << "draft: " << issue.path << ": error: " << issue.place << ": " << issue.message
                  << '\n';
        }
    }
    if (jsonWanted(parser)) {
        printJson({{QStringLiteral("published"),
                    result.status == matrix::PublishResult::Status::Published},
                   {QStringLiteral("change"),
                    result.changeId ? QJsonValue(qint64(*result.changeId)) : QJsonValue()},
                   {QStringLiteral("message"), result.message}});
    } else {
        (refused ? err() : out()) << result.message << '\n';
    }
    return refused ? RefusedInput : Success;
}

int discard(const QCommandLineParser& parser) {
    auto workspace = openWorkspaceToWrite(parser);
    const bool discarded = matrix::discardDraft(workspace->db());
    if (jsonWanted(parser)) {
        printJson({{QStringLiteral("discarded"), discarded}});
    } else {
        out() << (discarded ? "The draft is discarded; the published escalation matrix is "
                              "unchanged.\n"
                            : "There was no draft to discard.\n");
    }
    return Success;
}

} // namespace

void addDraftOptions(QCommandLineParser& parser) {
    addPeriodOptions(parser);
    parser.addOption({QStringLiteral("force"),
                      QStringLiteral("draft publish: publish even though the published matrix "
                                     "changed since the draft was started.")});
    parser.addOption({QStringLiteral("summary"),
                      QStringLiteral("draft publish: what the change is, for the change log."),
                      QStringLiteral("TEXT")});
}

int runMatrixDraft(const QCommandLineParser& parser, const QStringList& arguments) {
    const QString action = arguments.value(0);
    const QString path = arguments.value(1);
    const bool takesFile = action == QLatin1String("export") || action == QLatin1String("import");
    if (arguments.size() > (takesFile ? 2 : 1)) {
        throw UsageProblem{QStringLiteral("Unexpected argument '%1'.").arg(arguments.last())};
    }
    const bool publishing = action == QLatin1String("publish");
    if (!publishing &&
        (parser.isSet(QStringLiteral("force")) || parser.isSet(QStringLiteral("summary")))) {
        throw UsageProblem{QStringLiteral("--force and --summary go with `draft publish`.")};
    }
    if (action == QLatin1String("export")) {
        return exportDraft(parser, path.isEmpty() ? QStringLiteral("-") : path);
    }
    if (action == QLatin1String("import")) {
        if (path.isEmpty()) {
            throw UsageProblem{QStringLiteral("draft import needs a FILE.")};
        }
        return importDraft(parser, path);
    }
    if (action == QLatin1String("diff")) {
        return diffDraft(parser);
    }
    if (publishing) {
        return publish(parser);
    }
    if (action == QLatin1String("discard")) {
        return discard(parser);
    }
    throw UsageProblem{
        action.isEmpty()
            ? QStringLiteral("say what to do with the draft: export, import, diff, publish or "
                             "discard.")
            : QStringLiteral("unknown draft action '%1'; use export, import, diff, publish or "
                             "discard.")
                  .arg(action)};
}

} // namespace escdesk::cli

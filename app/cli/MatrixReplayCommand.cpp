// escdesk matrix replay DRAFT: the tickets of a past period run through the
// published escalation matrix and a draft side by side (analysis/
// MatrixReplay.h). DRAFT is a matrix file, or the word `draft` for the
// workspace's stored draft.

#include "cli/CliSupport.h"
#include "cli/MatrixFileSupport.h"
#include "cli/MatrixSubcommands.h"

#include "analysis/MatrixReplay.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace escdesk::cli {

namespace {

// A quarter: what a policy change is usually judged on.
constexpr int defaultReplayDays = 90;

// The matrix to replay: the stored draft, or a file read as for a draft —
// refused when its structure cannot be read, its validation problems shown
// as warnings (a draft may still be incomplete).
std::optional<matrix::Matrix> draftMatrix(store::Database& db, const QString& source) {
    if (source == QLatin1String("draft")) {
        std::optional<matrix::MatrixDraft> draft = matrix::loadDraft(db);
        if (!draft) {
            throw store::StoreError(
                QStringLiteral("%1 holds no draft of the escalation matrix to replay; give a "
                               "matrix file instead, or start a draft with `escdesk matrix "
                               "draft import FILE`.")
                    .arg(db.path()));
        }
        return std::move(draft->matrix);
    }
    matrix::MatrixFileReading reading = matrix::readMatrixFile(readWholeFile(source));
    if (!reading.matrix) {
        printProblems(source, reading.problems);
        err() << "escdesk matrix replay: " << source << " cannot be replayed.\n";
        return std::nullopt;
    }
    for (matrix::FileProblem& problem : reading.problems) {
        problem.error = false;
    }
    printProblems(source, reading.problems);
    return std::move(reading.matrix);
}

} // namespace

int runMatrixReplay(const QCommandLineParser& parser, const QStringList& arguments) {
    if (arguments.isEmpty()) {
        throw UsageProblem{QStringLiteral(
            "replay needs the draft to replay: a matrix file, or `draft` for the stored draft.")};
    }
    if (arguments.size() > 1) {
        throw UsageProblem{QStringLiteral("Unexpected argument '%1'.").arg(arguments.at(1))};
    }
    auto workspace = openWorkspace(parser);
    const std::optional<matrix::Matrix> draft = draftMatrix(workspace->db(), arguments.first());
    if (!draft) {
        return RefusedInput;
    }
    const QTimeZone zone = reportingZone(parser, *workspace);
    const DateRange dates = reportingDates(parser, workspace->db(), zone, defaultReplayDays);
    analysis::ReplayOptions options;
    options.window = windowOf(dates, zone);
    options.asOf = QDateTime::currentSecsSinceEpoch();
    const analysis::MatrixReplay replay = analysis::replayMatrix(
        workspace->db(), matrix::loadMatrix(workspace->db()), *draft, options);
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(analysis::replayJson(replay, periodJson(dates, zone)))
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Success;
    }
    notePeriodFollowsData(dates);
    out() << "Period: " << dates.from.toString(Qt::ISODate) << " to "
          << dates.to.addDays(-1).toString(Qt::ISODate) << " (" << zone.id() << ")\n"
          << analysis::replayText(replay);
    return Success;
}

} // namespace escdesk::cli

#pragma once

// What every escdesk command shares: the exit codes of SPEC §10, the common
// options (--db, --json, --from/--to/--tz) and opening the workspace.

#include "domain/Instant.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <optional>

namespace escdesk::cli {

enum ExitCode { Success = 0, RefusedInput = 1, UsageError = 2 };

// Thrown by option handling; main() prints the message and exits with 2.
struct UsageProblem {
    QString message;
};

// Standard output and standard error. Everything written to them passes
// through text::inert (text/InertText.h): imported text cannot put an
// escape sequence, a lone carriage return or a bidi override on a terminal;
// each shows as the visible mark U+FFFD instead. In JSON mode standard
// output escapes those characters as \uXXXX instead, so the JSON value stays
// exact. No command needs to remember either.
QTextStream& out();
QTextStream& err();
// Standard error for the program's own progress line, which rewrites
// itself with a carriage return. Never for imported text.
QTextStream& progressLine();
// JSON mode for standard output: set by parseOrThrow() when --json is given,
// and by commands that print a JSON document (matrix export -).
void setJsonOutput(bool json);

// Adds --db FILE.
void addDatabaseOption(QCommandLineParser& parser);
// Adds --from, --to and --tz.
void addPeriodOptions(QCommandLineParser& parser);
void addJsonOption(QCommandLineParser& parser);

// Parses `arguments` (the command's own name first) or throws UsageProblem;
// --json switches standard output to JSON mode.
void parseOrThrow(QCommandLineParser& parser, const QStringList& arguments);
// For commands that take no file arguments.
void rejectPositionalArguments(const QCommandLineParser& parser);

// The workspace file named by --db, or the per-user default.
QString workspacePath(const QCommandLineParser& parser);

// "No workspace at PATH", with how to create one.
store::StoreError noWorkspaceAt(const QString& path);

// Opens the existing workspace named by --db (or the per-user default) for a
// command that reads: never creates a file, and opens a workspace that
// cannot be written read-only. Throws store::StoreError: "No workspace at
// PATH" with how to create one when there is none.
std::unique_ptr<store::Workspace> openWorkspace(const QCommandLineParser& parser);

// Opens the workspace for a command that writes, creating it when missing
// and then saying "Created workspace PATH" on stderr. Throws
// store::StoreError, also when the workspace cannot be written. (A new
// workspace stays even when the command then refuses its input: removing it
// again could pull it from under another process that has opened it.)
std::unique_ptr<store::Workspace> openWorkspaceToWrite(const QCommandLineParser& parser);

// The reporting zone: --tz, else the workspace setting, else the system's.
QTimeZone reportingZone(const QCommandLineParser& parser, store::Workspace& workspace);

struct DateRange {
    QDate from;
    QDate to; // exclusive
    // No --from/--to, and the workspace's data ends before the default
    // window ending today would start: the window ends where the data ends
    // (metrics::lastDaysFollowingData), on dataEnd.
    bool followsData = false;
    QDate dataEnd;
};

// The --from/--to dates; without them, the `defaultDays` days ending today
// (today included) — or, when the workspace's data is older than that, the
// `defaultDays` days ending on its last day with data. A missing --from
// counts `defaultDays` back from --to; a missing --to is tomorrow.
DateRange reportingDates(const QCommandLineParser& parser, store::Database& db,
                         const QTimeZone& zone, int defaultDays);

// The half-open window of reportingDates() in `zone`.
Window windowOf(const DateRange& dates, const QTimeZone& zone);

// The "period" object of the JSON outputs: {"from", "to", "tz"}, and
// "follows_data" (with "data_ends", the last day with data, when true).
QJsonObject periodJson(const DateRange& dates, const QTimeZone& zone);
QJsonObject periodJson(const Window& window, const QTimeZone& zone);

// For text output: a line saying the default window follows the data, when
// it does ("Period: ... the last 30 days of data ..."); nothing otherwise.
void notePeriodFollowsData(const DateRange& dates);

// A rate as "12.3%", or "—" when there is none.
QString formatPercent(const std::optional<double>& rate);

// A positive integer option, or UsageProblem naming the option.
std::optional<qint64> positiveIntegerOption(const QCommandLineParser& parser, const QString& name);

} // namespace escdesk::cli

// escdesk — the Escalation Desk command-line tool (SPEC §10).

#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "report/output/ReportApplication.h"
#include "text/InertText.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace escdesk::cli;

namespace {

struct Command {
    const char* name;
    std::function<int(const QStringList&)> run;
    const char* summary;
};

// clang-format off
const std::vector<Command>& commands() {
    static const std::vector<Command> table{
        {"at-risk",     runAtRisk,     "open tickets at risk of escalating, with reasons"},
        {"backup",      runBackup,     "copy the workspace to a backup file while it is in use"},
        {"checklist",   runChecklist,  "tick a ticket's pre-escalation checklist; list or export ticks"},
        {"clusters",    runClusters,   "escalations grouped by similar text, matched to known issues"},
        {"demo",        runDemo,       "write a realistic demo workspace"},
        {"engineering", runEngineering, "engineering-time ledger: escalations, hours, avoidable share"},
        {"import",      runImport,     "import helpdesk, CRM and known-issue CSV exports"},
        {"import-batches", runImportBatches, "the import history, newest first"},
        {"import-rejects", runImportRejects, "export the rejected rows of an import as CSV"},
        {"matrix",      runMatrix,     "export, import, validate, draft and replay the escalation matrix; its history"},
        {"metrics",     runMetrics,    "every escalation metric of a period, overall or per segment"},
        {"report",      runReport,     "weekly review, monthly leadership or quarterly report"},
        {"restore",     runRestore,    "replace the workspace's content with a backup"},
        {"review",      runReview,     "the weekly review's decisions and actions: add, update, list, export"},
        {"risk",        runRisk,       "escalation risk model: evaluation, one ticket's score"},
        {"root-causes", runRootCauses, "escalations by root cause, ranked, the top three in detail"},
        {"segments",    runSegments,   "escalation rate per segment with a significance test"},
        {"settings",    runSettings,   "read or change the workspace settings: report recipients, zone"},
        {"sla",         runSla,        "the SLA clocks of a ticket"},
        {"summary",     runSummary,    "what the workspace holds and the headline figures"},
        {"trend",       runTrend,      "every metric per week or month, rising causes, p90 flag"},
        {"triage",      runTriage,     "priority, tier and action from the severity rules"},
    };
    return table;
}
// clang-format on

const Command* findCommand(const QString& name) {
    for (const Command& command : commands()) {
        if (name == QLatin1String(command.name)) {
            return &command;
        }
    }
    return nullptr;
}

void printUsage(QTextStream& stream) {
    stream << "Usage: escdesk COMMAND [OPTIONS]\n\nCommands:\n";
    // The summaries line up two spaces after the longest name, so that the
    // manual page's checks and shell completion can read the names.
    qsizetype width = 0;
    for (const Command& command : commands()) {
        width = std::max(width, qsizetype(qstrlen(command.name)));
    }
    for (const Command& command : commands()) {
        stream << "  " << QString::fromLatin1(command.name).leftJustified(width + 2)
               << command.summary << '\n';
    }
    stream << "\nRun 'escdesk COMMAND --help' for the options of a command.\n";
}

// Qt's own warnings go to stderr like every other message: made inert.
void inertLogMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QByteArray line =
        escdesk::text::inert(qFormatLogMessage(type, context, message)).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
}

} // namespace

int main(int argc, char* argv[]) {
    qInstallMessageHandler(inertLogMessage);
    // Reports draw charts and PDFs: they need Qt Gui, on the offscreen
    // platform; every other command runs on Qt Core alone.
    const bool drawsReports = argc > 1 && qstrcmp(argv[1], "report") == 0;
    const std::unique_ptr<QCoreApplication> app =
        drawsReports ? escdesk::report::makeHeadlessGuiApplication(argc, argv)
                     : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("escalation-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("escalation-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ESCDESK_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(err());
        return UsageError;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--version")) {
        out() << "escdesk " << ESCDESK_VERSION << '\n';
        return Success;
    }
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        printUsage(out());
        return Success;
    }
    const Command* command = findCommand(name);
    if (!command) {
        err() << "escdesk: unknown command '" << name << "'.\n";
        printUsage(err());
        return UsageError;
    }
    arguments.removeFirst();
    arguments.first() = QStringLiteral("escdesk ") + name;
    try {
        return command->run(arguments);
    } catch (const UsageProblem& problem) {
        err() << "escdesk " << name << ": " << problem.message << '\n';
        return UsageError;
    } catch (const escdesk::store::StoreError& error) {
        err() << "escdesk " << name << ": " << error.message() << '\n';
        return RefusedInput;
    }
}

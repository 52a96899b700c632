// escdesk — the Escalation Desk command-line tool (SPEC §10).

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include <QCoreApplication>

#include <functional>
#include <map>

using namespace escdesk::cli;

namespace {

using Command = std::function<int(const QStringList&)>;

const std::map<QString, Command>& commands() {
    static const std::map<QString, Command> table{
        {QStringLiteral("summary"), runSummary},
        {QStringLiteral("import"), runImport},
        {QStringLiteral("import-batches"), runImportBatches},
        {QStringLiteral("import-rejects"), runImportRejects},
    };
    return table;
}

void printUsage(QTextStream& stream) {
    stream << "Usage: escdesk COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto& [name, command] : commands()) {
        stream << "  " << name << '\n';
    }
    stream << "\nRun 'escdesk COMMAND --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
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
    const auto command = commands().find(name);
    if (command == commands().end()) {
        err() << "escdesk: unknown command '" << name << "'.\n";
        printUsage(err());
        return UsageError;
    }
    arguments.removeFirst();
    arguments.first() = QStringLiteral("escdesk ") + name;
    try {
        return command->second(arguments);
    } catch (const UsageProblem& problem) {
        err() << "escdesk " << name << ": " << problem.message << '\n';
        return UsageError;
    } catch (const escdesk::store::StoreError& error) {
        err() << "escdesk " << name << ": " << error.message() << '\n';
        return RefusedInput;
    }
}

// escdesk review decision add|list, escdesk review action add|update|done|list
// (SPEC §10, issue #21): the weekly review's decisions and long-term actions
// from the command line, as the Review page keeps them; `list --csv` exports
// them in the layout `escdesk import --kind decisions|actions` reads back.

#include "cli/AsOfOption.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "review/ActionFollowUp.h"
#include "review/ReviewCsv.h"
#include "review/ReviewRecord.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <functional>

namespace escdesk::cli {

namespace {

using review::Action;
using review::Decision;

QJsonValue textOrNull(const QString& text) {
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue instantOrNull(std::optional<UtcSeconds> seconds) {
    return seconds ? QJsonValue(QDateTime::fromSecsSinceEpoch(*seconds, QTimeZone::utc())
                                    .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")))
                   : QJsonValue();
}

// A record's id as the CSV export writes it: the workspace's number, or the
// id its file gave (a text).
QJsonValue idJson(std::int64_t id, const QString& sourceId) {
    return sourceId.isEmpty() ? QJsonValue(static_cast<qint64>(id)) : QJsonValue(sourceId);
}

// Where a record came from: typed in here, or the import batch that last wrote it.
QJsonValue sourceJson(const std::optional<std::int64_t>& batch) {
    return batch ? QJsonValue(QJsonObject{{QStringLiteral("batch"), static_cast<qint64>(*batch)}})
                 : QJsonValue(QStringLiteral("typed"));
}

QString sourceText(const std::optional<std::int64_t>& batch) {
    return batch ? QStringLiteral("import batch %1").arg(*batch) : QStringLiteral("typed");
}

void printJson(const QJsonObject& object) {
    out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

QString requiredText(const QCommandLineParser& parser, const QString& name,
                     const QString& command) {
    const QString value = parser.value(name).trimmed();
    if (!parser.isSet(name) || value.isEmpty()) {
        throw UsageProblem{QStringLiteral("%1 needs --%2.").arg(command, name)};
    }
    return value;
}

// A calendar day as YYYY-MM-DD; any other text is refused input (exit 1).
QDate dateValue(const QString& text, const QString& option) {
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!date.isValid()) {
        throw store::StoreError(
            QStringLiteral("--%1: '%2' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-18.")
                .arg(option, text));
    }
    return date;
}

// The action an id names, as the importer matches it (the file's id, or the
// workspace's number); refused input when there is none.
Action actionNamed(store::Database& db, const QString& id) {
    for (const Action& action : review::actionsById(db)) {
        if (action.exportId() == id.trimmed()) {
            return action;
        }
    }
    throw store::StoreError(
        QStringLiteral("There is no action %1; 'escdesk review action list' shows them.").arg(id));
}

void ensureTicketExists(store::Database& db, const QString& ticketId) {
    store::Statement ticket = db.prepare("SELECT 1 FROM tickets WHERE ticket_id = ?");
    ticket.bindAll(ticketId);
    if (!ticket.step()) {
        throw store::StoreError(
            QStringLiteral("There is no ticket %1 in the workspace.").arg(ticketId));
    }
}

// --csv: the canonical CSV on stdout or into --out FILE (whole or not at all).
int writeCsv(const QCommandLineParser& parser, const std::function<std::int64_t(QIODevice&)>& write,
             const QString& what) {
    if (!parser.isSet(QStringLiteral("out"))) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            throw store::StoreError(QStringLiteral("Standard output cannot be written."));
        }
        out().flush();
        write(stdoutFile);
        return Success;
    }
    const QString path = parser.value(QStringLiteral("out"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw store::StoreError(
            QStringLiteral("%1: cannot be written (%2).").arg(path, file.errorString()));
    }
    const std::int64_t written = write(file);
    if (!file.commit()) {
        throw store::StoreError(
            QStringLiteral("%1: cannot be written (%2).").arg(path, file.errorString()));
    }
    err() << "Wrote " << written << ' ' << what << " to " << path << ".\n";
    return Success;
}

// ---- Decisions -----------------------------------------------------------------

QJsonObject decisionJson(const Decision& decision, const QHash<std::int64_t, Action>& actions) {
    QJsonValue action;
    if (decision.actionId && actions.contains(*decision.actionId)) {
        const Action& linked = actions.value(*decision.actionId);
        action = idJson(linked.id, linked.sourceId);
    }
    return QJsonObject{
        {QStringLiteral("id"), idJson(decision.id, decision.sourceId)},
        {QStringLiteral("decided_on"), decision.decidedOn.toString(Qt::ISODate)},
        {QStringLiteral("decision_type"), decision.decisionType},
        {QStringLiteral("owner"), decision.owner},
        {QStringLiteral("note"), textOrNull(decision.note)},
        {QStringLiteral("ticket_id"), textOrNull(decision.ticketId)},
        {QStringLiteral("root_cause"), textOrNull(decision.rootCause)},
        {QStringLiteral("action_id"), action},
        {QStringLiteral("created_at"), instantOrNull(decision.createdAt)},
        {QStringLiteral("source"), sourceJson(decision.batch)},
    };
}

int addDecision(const QCommandLineParser& parser) {
    const QString command = QStringLiteral("review decision add");
    Decision decision;
    decision.decisionType = requiredText(parser, QStringLiteral("type"), command);
    decision.owner = requiredText(parser, QStringLiteral("owner"), command);
    decision.note = parser.value(QStringLiteral("note")).trimmed();
    decision.ticketId = parser.value(QStringLiteral("ticket")).trimmed();
    auto workspace = openWorkspaceToWrite(parser);
    store::Database& db = workspace->db();
    if (!decision.ticketId.isEmpty()) {
        ensureTicketExists(db, decision.ticketId);
    }
    decision.createdAt = QDateTime::currentSecsSinceEpoch();
    // Decided today, in the team's calendar.
    decision.decidedOn =
        QDateTime::fromSecsSinceEpoch(decision.createdAt, reportingZone(parser, *workspace)).date();
    decision.id = review::addDecision(db, decision);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(decisionJson(decision, {}));
    } else {
        out() << "Decision " << decision.id << " recorded: " << decision.decisionType << ", owner "
              << decision.owner << ", " << decision.decidedOn.toString(Qt::ISODate) << ".\n";
    }
    return Success;
}

int listDecisions(const QCommandLineParser& parser) {
    auto workspace = openWorkspace(parser);
    store::Database& db = workspace->db();
    if (parser.isSet(QStringLiteral("csv"))) {
        return writeCsv(
            parser, [&db](QIODevice& device) { return review::writeDecisionsCsv(db, device); },
            QStringLiteral("decisions"));
    }
    QHash<std::int64_t, Action> actions;
    for (const Action& action : review::actionsById(db)) {
        actions.insert(action.id, action);
    }
    const std::vector<Decision> decisions = review::allDecisions(db);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Decision& decision : decisions) {
            list.append(decisionJson(decision, actions));
        }
        printJson(QJsonObject{{QStringLiteral("decisions"), list}});
        return Success;
    }
    if (decisions.empty()) {
        out() << "No decisions recorded.\n";
        return Success;
    }
    for (const Decision& decision : decisions) {
        out() << decision.exportId() << "  " << decision.decidedOn.toString(Qt::ISODate) << "  "
              << decision.decisionType << "  owner " << decision.owner;
        if (!decision.ticketId.isEmpty()) {
            out() << "  ticket " << decision.ticketId;
        }
        if (!decision.rootCause.isEmpty()) {
            out() << "  root cause " << decision.rootCause;
        }
        out() << "  (" << sourceText(decision.batch) << ")\n";
        if (!decision.note.isEmpty()) {
            out() << "    " << decision.note << '\n';
        }
    }
    return Success;
}

// ---- Actions -------------------------------------------------------------------

// --root-cause NAME or --cluster ID: what the action targets.
void applySubject(const QCommandLineParser& parser, Action& action) {
    const bool rootCause = parser.isSet(QStringLiteral("root-cause"));
    const bool cluster = parser.isSet(QStringLiteral("cluster"));
    if (rootCause && cluster) {
        throw UsageProblem{QStringLiteral(
            "An action targets one root cause or one cluster: give --root-cause or --cluster.")};
    }
    if (rootCause) {
        action.subjectKind = review::ActionSubject::RootCause;
        action.subject = parser.value(QStringLiteral("root-cause")).trimmed();
    } else if (cluster) {
        action.subjectKind = review::ActionSubject::Cluster;
        action.subject = parser.value(QStringLiteral("cluster")).trimmed();
    }
}

QJsonObject actionJson(const Action& action, const QJsonObject& followUp) {
    const bool rootCause = action.subjectKind == review::ActionSubject::RootCause;
    const bool cluster = action.subjectKind == review::ActionSubject::Cluster;
    return QJsonObject{
        {QStringLiteral("id"), idJson(action.id, action.sourceId)},
        {QStringLiteral("title"), action.title},
        {QStringLiteral("owner"), action.owner},
        {QStringLiteral("deadline"), action.deadline.toString(Qt::ISODate)},
        {QStringLiteral("root_cause"), rootCause ? textOrNull(action.subject) : QJsonValue()},
        {QStringLiteral("cluster"), cluster ? textOrNull(action.subject) : QJsonValue()},
        {QStringLiteral("status"), review::actionStatusName(action.status)},
        {QStringLiteral("created_at"), instantOrNull(action.createdAt)},
        {QStringLiteral("closed_at"), instantOrNull(action.closedAt)},
        {QStringLiteral("note"), textOrNull(action.note)},
        {QStringLiteral("source"), sourceJson(action.batch)},
        {QStringLiteral("follow_up"), followUp.isEmpty() ? QJsonValue() : QJsonValue(followUp)},
    };
}

void printAction(const Action& action, const QString& verb) {
    out() << "Action " << action.exportId() << ' ' << verb << ": " << action.title << ", owner "
          << action.owner << ", deadline " << action.deadline.toString(Qt::ISODate) << ", "
          << review::actionStatusLabel(action.status).toLower() << ".\n";
}

int addAction(const QCommandLineParser& parser) {
    const QString command = QStringLiteral("review action add");
    Action action;
    action.title = requiredText(parser, QStringLiteral("title"), command);
    action.owner = requiredText(parser, QStringLiteral("owner"), command);
    action.deadline = dateValue(requiredText(parser, QStringLiteral("deadline"), command),
                                QStringLiteral("deadline"));
    applySubject(parser, action);
    action.createdAt = QDateTime::currentSecsSinceEpoch();
    auto workspace = openWorkspaceToWrite(parser);
    action.id = review::addAction(workspace->db(), action);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(actionJson(action, {}));
    } else {
        printAction(action, QStringLiteral("added"));
    }
    return Success;
}

int changeAction(const QCommandLineParser& parser, const QString& id, bool done) {
    auto workspace = openWorkspaceToWrite(parser);
    store::Database& db = workspace->db();
    Action action = actionNamed(db, id);
    if (done) {
        action.status = review::ActionStatus::Done;
    } else {
        if (parser.isSet(QStringLiteral("title"))) {
            action.title = requiredText(parser, QStringLiteral("title"), {});
        }
        if (parser.isSet(QStringLiteral("owner"))) {
            action.owner = requiredText(parser, QStringLiteral("owner"), {});
        }
        if (parser.isSet(QStringLiteral("deadline"))) {
            action.deadline =
                dateValue(parser.value(QStringLiteral("deadline")), QStringLiteral("deadline"));
        }
        applySubject(parser, action);
    }
    review::updateAction(db, action);
    action = *review::actionById(db, action.id);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(actionJson(action, {}));
    } else {
        printAction(action, done ? QStringLiteral("done") : QStringLiteral("updated"));
    }
    return Success;
}

int listActions(const QCommandLineParser& parser) {
    auto workspace = openWorkspace(parser);
    store::Database& db = workspace->db();
    if (parser.isSet(QStringLiteral("csv"))) {
        return writeCsv(
            parser, [&db](QIODevice& device) { return review::writeActionsCsv(db, device); },
            QStringLiteral("actions"));
    }
    const QTimeZone zone = reportingZone(parser, *workspace);
    const std::vector<Action> actions = review::allActions(db);
    const std::vector<review::ActionFollowUp> followUps =
        review::followUpActions(db, actions, asOfInstant(parser, zone), zone);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (std::size_t i = 0; i < actions.size(); ++i) {
            list.append(actionJson(actions[i], review::followUpToJson(followUps[i])));
        }
        printJson(QJsonObject{{QStringLiteral("actions"), list}});
        return Success;
    }
    if (actions.empty()) {
        out() << "No actions recorded.\n";
        return Success;
    }
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const Action& action = actions[i];
        out() << action.exportId() << "  " << review::actionStatusLabel(action.status) << "  "
              << action.title << "  owner " << action.owner << "  deadline "
              << action.deadline.toString(Qt::ISODate);
        if (!action.subject.isEmpty()) {
            out() << "  " << review::actionSubjectName(action.subjectKind) << ' ' << action.subject;
        }
        out() << "  (" << sourceText(action.batch) << ")\n";
        if (!followUps[i].verdict.isEmpty()) {
            out() << "    follow-up: " << followUps[i].verdict << '\n';
        }
    }
    return Success;
}

// ---- Dispatch ------------------------------------------------------------------

struct Subcommand {
    QString name;        // "decision add"
    int arguments;       // positional arguments after the name (an action's ID)
    QStringList options; // the options it takes besides --db, --json and --help
};

const std::vector<Subcommand>& subcommands() {
    static const std::vector<Subcommand> table{
        {QStringLiteral("decision add"),
         0,
         {QStringLiteral("type"), QStringLiteral("owner"), QStringLiteral("ticket"),
          QStringLiteral("note"), QStringLiteral("tz")}},
        {QStringLiteral("decision list"), 0, {QStringLiteral("csv"), QStringLiteral("out")}},
        {QStringLiteral("action add"),
         0,
         {QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("deadline"),
          QStringLiteral("root-cause"), QStringLiteral("cluster")}},
        {QStringLiteral("action update"),
         1,
         {QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("deadline"),
          QStringLiteral("root-cause"), QStringLiteral("cluster")}},
        {QStringLiteral("action done"), 1, {}},
        {QStringLiteral("action list"),
         0,
         {QStringLiteral("csv"), QStringLiteral("out"), QStringLiteral("tz"),
          QStringLiteral("as-of")}},
    };
    return table;
}

void addReviewOptions(QCommandLineParser& parser) {
    addDatabaseOption(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("type"),
                      QStringLiteral("decision add: the decision's type (Policy change, Deep "
                                     "dive, Fix requested, ... or any text)."),
                      QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("owner"),
                      QStringLiteral("decision add, action add|update: who owns it."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("ticket"),
                      QStringLiteral("decision add: the helpdesk ticket it concerns."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("note"), QStringLiteral("decision add: a note."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("title"),
                      QStringLiteral("action add|update: what is to be done."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("deadline"),
                      QStringLiteral("action add|update: the day it is due (YYYY-MM-DD)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("root-cause"),
                      QStringLiteral("action add|update: the root cause it addresses."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("cluster"),
                      QStringLiteral("action add|update: the problem cluster it addresses (a "
                                     "known-issue id, or the cluster's terms)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("csv"),
                      QStringLiteral("decision list, action list: write the records as CSV in "
                                     "the layout 'escdesk import --kind decisions|actions' "
                                     "reads.")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("With --csv: the file to write (default: standard output)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tz"),
                      QStringLiteral("The team's time zone (IANA): the day a decision is taken "
                                     "on, the weeks of an action's follow-up."),
                      QStringLiteral("ZONE")});
    addAsOfOption(parser);
}

} // namespace

int runReview(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The weekly review's decisions and long-term actions.\n"
        "  review decision add --type TYPE --owner NAME [--ticket ID] [--note TEXT]\n"
        "  review decision list [--csv [--out FILE]]\n"
        "  review action add --title TEXT --owner NAME --deadline DATE [--root-cause NAME | "
        "--cluster ID]\n"
        "  review action update ID [--title TEXT] [--owner NAME] [--deadline DATE] "
        "[--root-cause NAME | --cluster ID]\n"
        "  review action done ID\n"
        "  review action list [--csv [--out FILE]] [--as-of INSTANT]\n"
        "ID is the id 'action list' shows (the workspace's number, or the id an imported file "
        "gave). --csv writes the layout 'escdesk import --kind decisions|actions' reads back, "
        "so an export imported into an empty workspace gives the same records. With --json, "
        "list prints {\"decisions\": [...]} or {\"actions\": [{id, title, owner, deadline, "
        "root_cause, status, follow_up: {before, after, p_value, verdict}, ...}]}; add, update "
        "and done print the record. Exit status: 0 done, 1 refused input (an unknown ticket or "
        "action, a date that is not YYYY-MM-DD), 2 usage."));
    addReviewOptions(parser);
    parser.addPositionalArgument(QStringLiteral("decision|action"),
                                 QStringLiteral("What to work on."));
    parser.addPositionalArgument(QStringLiteral("add|update|done|list"),
                                 QStringLiteral("What to do."));
    parseOrThrow(parser, arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        throw UsageProblem{QStringLiteral(
            "Say what to do: review decision add|list, or review action add|update|done|list.")};
    }
    const QString name = positional[0] + QLatin1Char(' ') + positional[1];
    const auto found = std::find_if(subcommands().begin(), subcommands().end(),
                                    [&name](const Subcommand& s) { return s.name == name; });
    if (found == subcommands().end()) {
        throw UsageProblem{QStringLiteral("'review %1' is not a command: review decision add|list, "
                                          "review action add|update|done|list.")
                               .arg(name)};
    }
    if (positional.size() != 2 + found->arguments) {
        throw UsageProblem{
            found->arguments > 0
                ? QStringLiteral("review %1 needs the action's ID.").arg(name)
                : QStringLiteral("Unexpected argument '%1'.").arg(positional.last())};
    }
    for (const QString& option : parser.optionNames()) {
        const bool common = option == QLatin1String("db") || option == QLatin1String("json");
        if (!common && !found->options.contains(option)) {
            throw UsageProblem{
                QStringLiteral("--%1 does not apply to review %2.").arg(option, name)};
        }
    }
    if (parser.isSet(QStringLiteral("out")) && !parser.isSet(QStringLiteral("csv"))) {
        throw UsageProblem{QStringLiteral("--out goes with --csv.")};
    }
    if (parser.isSet(QStringLiteral("csv")) && parser.isSet(QStringLiteral("json"))) {
        throw UsageProblem{QStringLiteral("Give --csv or --json, not both.")};
    }
    if (name == QLatin1String("decision add")) {
        return addDecision(parser);
    }
    if (name == QLatin1String("decision list")) {
        return listDecisions(parser);
    }
    if (name == QLatin1String("action add")) {
        return addAction(parser);
    }
    if (name == QLatin1String("action update")) {
        return changeAction(parser, positional[2], false);
    }
    if (name == QLatin1String("action done")) {
        return changeAction(parser, positional[2], true);
    }
    return listActions(parser);
}

} // namespace escdesk::cli

// escdesk checklist tick|list (SPEC §10, issue #21): tick an item of the
// pre-escalation checklist of a ticket's latest escalation, as the ticket
// pane does, and show a ticket's checklist; `list --csv` exports the ticks
// in the layout `escdesk import --kind checklist-runs` reads back.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "matrix/ChecklistRuns.h"
#include "matrix/MatrixStore.h"
#include "review/ReviewCsv.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace escdesk::cli {

namespace {

QJsonValue textOrNull(const QString& text) {
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString isoUtc(UtcSeconds seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

std::int64_t ticketRowOf(store::Database& db, const QString& ticketId) {
    store::Statement ticket = db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
    ticket.bindAll(ticketId);
    if (!ticket.step()) {
        throw store::StoreError(
            QStringLiteral("There is no ticket %1 in the workspace.").arg(ticketId));
    }
    return ticket.int64(0);
}

matrix::Checklist checklistOf(store::Database& db, std::int64_t ticketRow,
                              const QString& ticketId) {
    const auto checklist = matrix::checklistOfTicket(db, matrix::loadMatrix(db), ticketRow);
    if (!checklist) {
        throw store::StoreError(
            QStringLiteral("Ticket %1 has no escalation with a pre-escalation checklist in the "
                           "matrix, so there is nothing to tick.")
                .arg(ticketId));
    }
    return *checklist;
}

// --at INSTANT: ISO 8601 with Z or an offset, a naive date-time in the
// reporting zone, or epoch seconds; refused input otherwise.
UtcSeconds instantValue(const QString& raw, const QTimeZone& zone) {
    const QString text = raw.trimmed();
    static const QRegularExpression epoch(QStringLiteral("^\\d{9,11}$"));
    if (epoch.match(text).hasMatch()) {
        return text.toLongLong();
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        throw store::StoreError(QStringLiteral("--at: '%1' is not an instant; write it as ISO "
                                               "8601, e.g. 2026-11-26T15:00:00Z.")
                                    .arg(raw));
    }
    if (parsed.timeSpec() == Qt::LocalTime) {
        parsed = QDateTime(parsed.date(), parsed.time(), zone);
    }
    return parsed.toSecsSinceEpoch();
}

QJsonObject runJson(const QString& ticketId, const matrix::ChecklistRun& run,
                    const std::vector<matrix::ChecklistTick>& ticks) {
    QJsonArray items;
    for (const matrix::ChecklistRunItem& item : run.items) {
        QJsonValue source = QStringLiteral("typed");
        for (const matrix::ChecklistTick& tick : ticks) {
            if (tick.itemId == item.itemId && tick.fromTier == run.fromTier &&
                tick.toTier == run.toTier && tick.batch) {
                source = QJsonObject{{QStringLiteral("batch"), static_cast<qint64>(*tick.batch)}};
            }
        }
        const bool stored =
            std::any_of(ticks.begin(), ticks.end(), [&](const matrix::ChecklistTick& tick) {
                return tick.itemId == item.itemId && tick.fromTier == run.fromTier &&
                       tick.toTier == run.toTier;
            });
        items.append(QJsonObject{
            {QStringLiteral("id"), item.itemId},
            {QStringLiteral("text"), item.text},
            {QStringLiteral("required"), item.required},
            {QStringLiteral("done"), item.done},
            {QStringLiteral("done_by"), textOrNull(item.doneBy)},
            {QStringLiteral("done_at"),
             item.doneAt ? QJsonValue(isoUtc(*item.doneAt)) : QJsonValue()},
            {QStringLiteral("note"), textOrNull(item.note)},
            {QStringLiteral("source"), stored ? source : QJsonValue()},
        });
    }
    QJsonArray missing;
    for (const QString& text : run.missingRequired()) {
        missing.append(text);
    }
    return QJsonObject{
        {QStringLiteral("ticket_id"), ticketId},       {QStringLiteral("from_tier"), run.fromTier},
        {QStringLiteral("to_tier"), run.toTier},       {QStringLiteral("ready"), run.ready()},
        {QStringLiteral("missing_required"), missing}, {QStringLiteral("items"), items}};
}

void printRun(const QString& ticketId, const matrix::ChecklistRun& run) {
    out() << "Ticket " << ticketId << ", checklist Tier " << run.fromTier << " -> Tier "
          << run.toTier << (run.ready() ? ": ready" : ": not ready") << '\n';
    for (const matrix::ChecklistRunItem& item : run.items) {
        out() << (item.done ? "  [x] " : "  [ ] ") << item.itemId << "  " << item.text
              << (item.required ? "" : " (optional)");
        if (item.done && (!item.doneBy.isEmpty() || item.doneAt)) {
            out() << "  — " << item.doneBy
                  << (item.doneAt ? QStringLiteral(" ") + isoUtc(*item.doneAt) : QString());
        }
        out() << '\n';
    }
}

int tick(const QCommandLineParser& parser) {
    const QString ticketId = parser.value(QStringLiteral("ticket")).trimmed();
    const QString itemLabel = parser.value(QStringLiteral("item")).trimmed();
    if (ticketId.isEmpty() || itemLabel.isEmpty()) {
        throw UsageProblem{QStringLiteral("checklist tick needs --ticket ID and --item ITEM.")};
    }
    auto workspace = openWorkspaceToWrite(parser);
    store::Database& db = workspace->db();
    const QTimeZone zone = reportingZone(parser, *workspace);
    const UtcSeconds at = parser.isSet(QStringLiteral("at"))
                              ? instantValue(parser.value(QStringLiteral("at")), zone)
                              : QDateTime::currentSecsSinceEpoch();
    const std::int64_t ticketRow = ticketRowOf(db, ticketId);
    const matrix::Checklist checklist = checklistOf(db, ticketRow, ticketId);
    const matrix::ChecklistItem* item = matrix::findChecklistItem(checklist, itemLabel);
    if (!item) {
        QStringList known;
        for (const matrix::ChecklistItem& candidate : checklist.items) {
            known << candidate.id;
        }
        throw store::StoreError(
            QStringLiteral("The %1 checklist of ticket %2 has no item '%3'; its items are: %4.")
                .arg(checklist.name(), ticketId, itemLabel, known.join(QStringLiteral(", "))));
    }
    const QString by = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by"))
                                                          : matrix::changeAuthor(*workspace);
    matrix::setChecklistItem(db, ticketRow, checklist, item->id, true, by.trimmed(), at);
    const matrix::ChecklistRun run = matrix::checklistRunOf(db, ticketRow, checklist);
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(runJson(ticketId, run, matrix::checklistTicks(db, ticketRow)))
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        printRun(ticketId, run);
    }
    return Success;
}

int writeCsv(const QCommandLineParser& parser, store::Database& db,
             std::optional<std::int64_t> ticketRow) {
    if (!parser.isSet(QStringLiteral("out"))) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            throw store::StoreError(QStringLiteral("Standard output cannot be written."));
        }
        out().flush();
        review::writeChecklistRunsCsv(db, stdoutFile, ticketRow);
        return Success;
    }
    const QString path = parser.value(QStringLiteral("out"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw store::StoreError(
            QStringLiteral("%1: cannot be written (%2).").arg(path, file.errorString()));
    }
    const std::int64_t written = review::writeChecklistRunsCsv(db, file, ticketRow);
    if (!file.commit()) {
        throw store::StoreError(
            QStringLiteral("%1: cannot be written (%2).").arg(path, file.errorString()));
    }
    err() << "Wrote " << written << " checklist ticks to " << path << ".\n";
    return Success;
}

int list(const QCommandLineParser& parser) {
    const QString ticketId = parser.value(QStringLiteral("ticket")).trimmed();
    const bool csv = parser.isSet(QStringLiteral("csv"));
    if (ticketId.isEmpty() && !csv) {
        throw UsageProblem{QStringLiteral(
            "checklist list needs --ticket ID (or --csv, which exports every ticket's ticks).")};
    }
    auto workspace = openWorkspace(parser);
    store::Database& db = workspace->db();
    std::optional<std::int64_t> ticketRow;
    if (!ticketId.isEmpty()) {
        ticketRow = ticketRowOf(db, ticketId);
    }
    if (csv) {
        return writeCsv(parser, db, ticketRow);
    }
    const matrix::Checklist checklist = checklistOf(db, *ticketRow, ticketId);
    const matrix::ChecklistRun run = matrix::checklistRunOf(db, *ticketRow, checklist);
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(runJson(ticketId, run, matrix::checklistTicks(db, ticketRow)))
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        printRun(ticketId, run);
    }
    return Success;
}

} // namespace

int runChecklist(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The pre-escalation checklist of a ticket's latest escalation (the matrix's checklist "
        "for that transition).\n"
        "  checklist tick --ticket ID --item ITEM [--by NAME] [--at INSTANT]\n"
        "  checklist list --ticket ID\n"
        "  checklist list --csv [--ticket ID] [--out FILE]\n"
        "ITEM is the item's id or its text. --csv writes the ticks in the layout 'escdesk "
        "import --kind checklist-runs' reads back. With --json, tick and list print {ticket_id, "
        "from_tier, to_tier, ready, missing_required, items: [{id, text, required, done, "
        "done_by, done_at, note, source}]}. Exit status: 0 done, 1 refused input (an unknown "
        "ticket, a ticket without an escalation, an item its checklist does not have, an "
        "instant that cannot be read), 2 usage."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("ticket"), QStringLiteral("The helpdesk ticket id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("item"),
                      QStringLiteral("tick: the checklist item (its id or text)."),
                      QStringLiteral("ITEM")});
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("tick: who did it (default: the workspace's user)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("tick: when it was done (ISO 8601; default: now)."),
                      QStringLiteral("INSTANT")});
    parser.addOption({QStringLiteral("csv"),
                      QStringLiteral("list: write the ticks as CSV in the layout 'escdesk import "
                                     "--kind checklist-runs' reads.")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("With --csv: the file to write (default: standard output)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tz"),
                      QStringLiteral("tick: the zone of an --at without an offset (default: the "
                                     "workspace's reporting zone)."),
                      QStringLiteral("ZONE")});
    parser.addPositionalArgument(QStringLiteral("tick|list"), QStringLiteral("What to do."));
    parseOrThrow(parser, arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 ||
        (positional[0] != QLatin1String("tick") && positional[0] != QLatin1String("list"))) {
        throw UsageProblem{QStringLiteral("Say what to do: checklist tick or checklist list.")};
    }
    const bool ticking = positional[0] == QLatin1String("tick");
    const QStringList only = ticking ? QStringList{QStringLiteral("csv"), QStringLiteral("out")}
                                     : QStringList{QStringLiteral("item"), QStringLiteral("by"),
                                                   QStringLiteral("at"), QStringLiteral("tz")};
    for (const QString& option : only) {
        if (parser.isSet(option)) {
            throw UsageProblem{
                QStringLiteral("--%1 does not apply to checklist %2.").arg(option, positional[0])};
        }
    }
    if (parser.isSet(QStringLiteral("out")) && !parser.isSet(QStringLiteral("csv"))) {
        throw UsageProblem{QStringLiteral("--out goes with --csv.")};
    }
    if (parser.isSet(QStringLiteral("csv")) && parser.isSet(QStringLiteral("json"))) {
        throw UsageProblem{QStringLiteral("Give --csv or --json, not both.")};
    }
    return ticking ? tick(parser) : list(parser);
}

} // namespace escdesk::cli

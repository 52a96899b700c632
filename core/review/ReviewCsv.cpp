#include "review/ReviewCsv.h"

#include "matrix/ChecklistRuns.h"
#include "review/ReviewRecord.h"
#include "text/SpreadsheetCell.h"

#include <QDateTime>
#include <QHash>

#include <csv.h>

#include <string>

namespace escdesk::review {

namespace {

// One CSV line: every field quoted by libcsv's writer (embedded quotes
// doubled), spreadsheet formulas neutralised first.
class CsvLine {
public:
    CsvLine& operator<<(const QString& text) {
        const QByteArray utf8 = text::spreadsheetSafeCell(text).toUtf8();
        std::string quoted(static_cast<std::size_t>(utf8.size()) * 2 + 2, '\0');
        quoted.resize(csv_write(quoted.data(), quoted.size(), utf8.constData(),
                                static_cast<std::size_t>(utf8.size())));
        if (!m_line.empty()) {
            m_line += ',';
        }
        m_line += quoted;
        return *this;
    }
    void writeTo(QIODevice& out) {
        m_line += "\r\n";
        out.write(m_line.data(), static_cast<qint64>(m_line.size()));
        m_line.clear();
    }

private:
    std::string m_line;
};

QString instant(std::optional<UtcSeconds> seconds) {
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, QTimeZone::utc())
                         .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"))
                   : QString();
}

void writeHeader(QIODevice& out, std::initializer_list<const char*> names) {
    CsvLine line;
    for (const char* name : names) {
        line << QString::fromLatin1(name);
    }
    line.writeTo(out);
}

} // namespace

std::int64_t writeDecisionsCsv(store::Database& db, QIODevice& out) {
    writeHeader(out, {"id", "decided_on", "decision_type", "owner", "note", "ticket_id",
                      "root_cause", "action_id", "created_at"});
    QHash<std::int64_t, QString> actionIds;
    for (const Action& action : actionsById(db)) {
        actionIds.insert(action.id, action.exportId());
    }
    std::int64_t written = 0;
    CsvLine line;
    for (const Decision& decision : allDecisions(db)) {
        line << decision.exportId() << decision.decidedOn.toString(Qt::ISODate)
             << decision.decisionType << decision.owner << decision.note << decision.ticketId
             << decision.rootCause
             << (decision.actionId ? actionIds.value(*decision.actionId) : QString())
             << instant(decision.createdAt);
        line.writeTo(out);
        ++written;
    }
    return written;
}

std::int64_t writeActionsCsv(store::Database& db, QIODevice& out) {
    writeHeader(out, {"id", "title", "owner", "deadline", "status", "root_cause", "cluster",
                      "created_at", "closed_at", "note"});
    std::int64_t written = 0;
    CsvLine line;
    for (const Action& action : actionsById(db)) {
        const bool rootCause = action.subjectKind == ActionSubject::RootCause;
        const bool cluster = action.subjectKind == ActionSubject::Cluster;
        line << action.exportId() << action.title << action.owner
             << action.deadline.toString(Qt::ISODate) << actionStatusName(action.status)
             << (rootCause ? action.subject : QString()) << (cluster ? action.subject : QString())
             << instant(action.createdAt) << instant(action.closedAt) << action.note;
        line.writeTo(out);
        ++written;
    }
    return written;
}

std::int64_t writeChecklistRunsCsv(store::Database& db, QIODevice& out,
                                   std::optional<std::int64_t> ticketRow) {
    writeHeader(
        out, {"ticket_id", "item", "done", "done_by", "done_at", "from_tier", "to_tier", "note"});
    std::int64_t written = 0;
    CsvLine line;
    for (const matrix::ChecklistTick& tick : matrix::checklistTicks(db, ticketRow)) {
        line << tick.ticketId << tick.itemId
             << (tick.done ? QStringLiteral("true") : QStringLiteral("false")) << tick.doneBy
             << instant(tick.doneAt) << QString::number(tick.fromTier)
             << QString::number(tick.toTier) << tick.note;
        line.writeTo(out);
        ++written;
    }
    return written;
}

} // namespace escdesk::review

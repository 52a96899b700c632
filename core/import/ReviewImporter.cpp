#include "import/ReviewImporter.h"

#include "import/FieldValue.h"
#include "import/HeaderMapping.h"
#include "import/RejectedRows.h"
#include "import/ReviewLayouts.h"
#include "import/RowConverter.h"
#include "matrix/ChecklistRuns.h"
#include "matrix/MatrixStore.h"
#include "review/ReviewRecord.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace escdesk::import {

namespace {

using store::Statement;

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Columns of the layouts, in ReviewLayouts.cpp's order.
namespace decision {
enum : std::size_t { Id, DecidedOn, Type, Owner, Note, TicketId, RootCause, ActionId, CreatedAt };
}
namespace action {
enum : std::size_t {
    Id,
    Title,
    Owner,
    Deadline,
    Status,
    RootCause,
    Cluster,
    CreatedAt,
    ClosedAt,
    Note
};
}
namespace tick {
enum : std::size_t { TicketId, Item, Done, DoneBy, DoneAt, FromTier, ToTier, Note, Items };
}

// Empty text is stored as NULL, as typed records store it.
QString orNull(const QString& text) {
    return text.isEmpty() ? QString() : text;
}

// A number the workspace may have given the record (an export writes
// typed records so): no sign, no leading zero.
std::optional<std::int64_t> workspaceNumber(const QString& id) {
    static const QRegularExpression plain(QStringLiteral("^[1-9][0-9]{0,17}$"));
    if (!plain.match(id).hasMatch()) {
        return std::nullopt;
    }
    return id.toLongLong();
}

QString isoUtc(UtcSeconds seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

// What a row of a checklist-runs file does to one stored tick.
struct TickChange {
    bool done = true;
    bool onlyWhereStored = false;  // an untick from a list or checkbox: no new row
    std::optional<QString> doneBy; // nullopt: the file has no such column
    std::optional<std::optional<UtcSeconds>> doneAt;
    std::optional<QString> note;
};

enum class Outcome { Inserted, Updated, Unchanged, Nothing };

class ReviewFileImport {
public:
    ReviewFileImport(store::Database& db, const QString& path, const ImportOptions& options,
                     const ChecklistColumns& columns, bool afterNotUtf8)
        : m_db(db)
        , m_path(path)
        , m_options(options)
        , m_itemColumns(columns.itemColumns)
        , m_listColumn(columns.listColumn)
        , m_layout(reviewLayoutOf(options.kind))
        , m_header(m_layout, options.mapping, path)
        , m_afterNotUtf8(afterNotUtf8) {}

    ImportResult run();

private:
    [[noreturn]] void refuse(std::int64_t line, const QString& column, const QString& reason) {
        throw ImportRefused(m_path, line, column, reason);
    }
    void readHeader();
    void locateItemColumns();
    std::int64_t recordBatch();
    bool handleRecord(const CsvRecord& record);

    // The row being imported.
    bool has(std::size_t column) const { return m_header.fieldOf(column) >= 0; }
    QString text(std::size_t column) const;
    std::optional<std::int64_t> integer(std::size_t column) const;
    void warn(const QString& column, const QString& value, const QString& reason);
    void reject(const QString& column, const QString& value, const QString& reason);
    void count(Outcome outcome);
    bool firstOccurrence(const QString& key, const QString& column, const QString& value);

    std::optional<std::int64_t> findRecord(const char* table, const QString& id);
    std::optional<std::int64_t> newRecordNumber(const char* table, const QString& id);
    void importDecision();
    void importAction();
    void importChecklistRow(const CsvRecord& record);
    std::optional<matrix::Checklist> checklistOfRow(std::int64_t ticketRow,
                                                    const QString& ticketId);
    std::vector<const matrix::ChecklistItem*> listedItems(const matrix::Checklist& checklist,
                                                          const QString& list);
    std::optional<bool> checkboxValue(const QString& value) const;
    bool rowTicksAnything(const CsvRecord& record) const;
    void applyTick(std::int64_t ticketRow, const QString& ticketId,
                   const matrix::Checklist& checklist, const matrix::ChecklistItem& item,
                   const TickChange& change);

    store::Database& m_db;
    QString m_path;
    const ImportOptions& m_options;
    const std::vector<ChecklistItemColumn>& m_itemColumns;
    QString m_listColumn;
    const Layout& m_layout;
    HeaderMapping m_header;
    bool m_afterNotUtf8;
    CsvDialect m_dialect;

    std::optional<RowConverter> m_converter;
    std::optional<RejectedRowRecorder> m_recorder;
    std::int64_t m_batch = 0;
    UtcSeconds m_now = 0;
    std::int64_t m_rows = 0;
    StoredCounts m_counts;

    // The row being imported: its line, converted values and warnings.
    std::int64_t m_line = 0;
    std::vector<QString> m_texts;
    std::vector<std::optional<std::int64_t>> m_integers;
    std::vector<RowProblem> m_warnings;
    bool m_rejected = false;

    // Keys already seen in this file, with their line.
    std::map<QString, std::int64_t> m_seen;
    // Checklist runs: the matrix, and each item column's record field.
    std::optional<matrix::Matrix> m_matrix;
    std::vector<int> m_itemFields;
    std::vector<int> m_listFields; // the list column given as an option
};

QString ReviewFileImport::text(std::size_t column) const {
    return m_texts[column];
}

std::optional<std::int64_t> ReviewFileImport::integer(std::size_t column) const {
    return m_integers[column];
}

void ReviewFileImport::warn(const QString& column, const QString& value, const QString& reason) {
    m_warnings.push_back({column, {}, reason, true});
    m_recorder->record(m_batch, m_line, column, value.toStdString(), reason, true);
    ++m_counts.warnings;
}

// The row is not stored: its reason, after the warnings already recorded.
void ReviewFileImport::reject(const QString& column, const QString& value, const QString& reason) {
    if (!m_rejected) {
        ++m_counts.rejected;
    }
    m_rejected = true;
    m_recorder->record(m_batch, m_line, column, value.toStdString(), reason, false);
}

void ReviewFileImport::count(Outcome outcome) {
    switch (outcome) {
    case Outcome::Inserted:
        ++m_counts.inserted;
        break;
    case Outcome::Updated:
        ++m_counts.updated;
        break;
    case Outcome::Unchanged:
        ++m_counts.unchanged;
        break;
    case Outcome::Nothing:
        break;
    }
}

// The first row with a key wins; a later one is rejected naming it.
bool ReviewFileImport::firstOccurrence(const QString& key, const QString& column,
                                       const QString& value) {
    const auto [at, inserted] = m_seen.emplace(key, m_line);
    if (!inserted) {
        reject(column, value,
               QStringLiteral("%1 %2 is also on line %3; the first row is kept")
                   .arg(column, value)
                   .arg(at->second));
    }
    return inserted;
}

void ReviewFileImport::readHeader() {
    if (!m_options.sourceZone.isValid()) {
        refuse(0, {}, invalidSourceZoneReason());
    }
    const CsvSniff sniff = sniffImportFile(m_path);
    m_dialect = readingDialect(sniff, m_afterNotUtf8);
    m_header.locate(sniff);
    const DateOrder order = m_options.dateOrder == DateOrder::Unknown && m_options.mapping
                                ? m_options.mapping->dateOrder
                                : m_options.dateOrder;
    try {
        m_header.detectTimestampForms(m_dialect, order, m_options.cancel);
    } catch (const CsvError& error) {
        refuse(error.line(), {}, error.message());
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
    if (m_options.kind == ImportKind::ChecklistRuns) {
        locateItemColumns();
    }
}

// Checklist runs: the item (or the list, or the item columns) must be there.
void ReviewFileImport::locateItemColumns() {
    const QStringList& names = m_header.sourceHeader();
    const auto fieldsNamed = [&names](const QString& column) {
        const std::string wanted = normalizedHeader(column.toStdString());
        std::vector<int> fields;
        for (qsizetype field = 0; field < names.size(); ++field) {
            if (normalizedHeader(names[field].toStdString()) == wanted) {
                fields.push_back(static_cast<int>(field));
            }
        }
        return fields;
    };
    if (!m_listColumn.isEmpty()) {
        m_listFields = fieldsNamed(m_listColumn);
        if (m_listFields.empty()) {
            refuse(m_header.headerLine(), m_listColumn,
                   QStringLiteral("the list column '%1' is not in the header row (it has: %2)")
                       .arg(m_listColumn, names.join(QStringLiteral(", "))));
        }
    }
    for (const ChecklistItemColumn& column : m_itemColumns) {
        const std::vector<int> fields = fieldsNamed(column.column);
        const int found = fields.empty() ? -1 : fields.front();
        if (found < 0) {
            refuse(m_header.headerLine(), column.column,
                   QStringLiteral("the column '%1' given for the checklist item '%2' is not in "
                                  "the header row (it has: %3)")
                       .arg(column.column, column.item, names.join(QStringLiteral(", "))));
        }
        m_itemFields.push_back(found);
    }
    if (!has(tick::Item) && !has(tick::Items) && m_itemColumns.empty() && m_listFields.empty()) {
        refuse(m_header.headerLine(), QStringLiteral("item"),
               QStringLiteral("the file names no checklist item: give an item column (one row "
                              "per item), an items column (a list of the items done, or "
                              "--items-column), or --item-column ITEM=COLUMN for each item"));
    }
}

std::int64_t ReviewFileImport::recordBatch() {
    m_db.prepare("INSERT INTO import_batches(kind, file_name, preset, source_tz, started_at) "
                 "VALUES (?, ?, ?, ?, ?)")
        .bindAll(importKindName(m_options.kind), QFileInfo(m_path).fileName(),
                 m_options.mapping ? m_options.mapping->name : QString(),
                 QString::fromUtf8(m_options.sourceZone.id()), std::int64_t{m_now})
        .run();
    return m_db.lastInsertRowId();
}

bool ReviewFileImport::handleRecord(const CsvRecord& record) {
    if (record.line <= m_header.headerLine() ||
        std::all_of(record.fields.begin(), record.fields.end(),
                    [](std::string_view field) { return trimBlanks(field).empty(); })) {
        return true; // the header, and rows of empty cells
    }
    ++m_rows;
    m_line = record.line;
    m_rejected = false;
    m_warnings.clear();
    RowConverter& converter = *m_converter;
    const bool readable = converter.checkStructure(record) && converter.convert(record);
    if (!readable) {
        ++m_counts.rejected;
        for (const RowProblem& problem : converter.problems()) {
            m_recorder->record(m_batch, m_line, problem.column, problem.value, problem.reason,
                               false);
        }
        return true;
    }
    // Owned copies: the converter's text refers to the record.
    const std::vector<Value>& values = converter.values();
    m_texts.assign(values.size(), QString());
    m_integers.assign(values.size(), std::nullopt);
    for (std::size_t column = 0; column < values.size(); ++column) {
        const Value& value = values[column];
        if (value.kind == Value::Kind::Text) {
            m_texts[column] = unquotedSpreadsheetCell(qs(value.text)).trimmed();
        } else if (value.kind == Value::Kind::Integer) {
            m_integers[column] = value.integer;
        }
    }
    for (const RowProblem& problem : converter.problems()) {
        m_recorder->record(m_batch, m_line, problem.column, problem.value, problem.reason, true);
        ++m_counts.warnings;
    }
    switch (m_options.kind) {
    case ImportKind::Decisions:
        importDecision();
        break;
    case ImportKind::Actions:
        importAction();
        break;
    default:
        importChecklistRow(record);
        break;
    }
    return true;
}

// ---- Decisions and actions --------------------------------------------------

// The stored record a file's id names (see ReviewImporter.h), if any.
std::optional<std::int64_t> ReviewFileImport::findRecord(const char* table, const QString& id) {
    Statement bySource =
        m_db.prepare("SELECT id FROM " + std::string(table) + " WHERE source_id = ?");
    bySource.bindAll(id);
    if (bySource.step()) {
        return bySource.int64(0);
    }
    if (const auto number = workspaceNumber(id)) {
        Statement byNumber = m_db.prepare("SELECT id FROM " + std::string(table) +
                                          " WHERE id = ? AND source_id IS NULL");
        byNumber.bindAll(*number);
        if (byNumber.step()) {
            return byNumber.int64(0);
        }
    }
    return std::nullopt;
}

// A new record takes the file's number when the workspace has not used it.
std::optional<std::int64_t> ReviewFileImport::newRecordNumber(const char* table,
                                                              const QString& id) {
    const auto number = workspaceNumber(id);
    if (!number) {
        return std::nullopt;
    }
    Statement used = m_db.prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?");
    used.bindAll(*number);
    return used.step() ? std::nullopt : number;
}

void ReviewFileImport::importDecision() {
    using namespace decision;
    const QString id = text(Id);
    if (!firstOccurrence(id, QStringLiteral("id"), id)) {
        return;
    }
    const auto stored = findRecord("review_decisions", id);
    review::Decision before;
    if (stored) {
        Statement row = m_db.prepare("SELECT decided_on, decision_type, owner, note, ticket_id, "
                                     "root_cause, action, created_at, source_id "
                                     "FROM review_decisions WHERE id = ?");
        row.bindAll(*stored);
        row.step();
        before.decidedOn = QDate::fromString(row.text(0), Qt::ISODate);
        before.decisionType = row.text(1);
        before.owner = row.text(2);
        before.note = row.text(3);
        before.ticketId = row.text(4);
        before.rootCause = row.text(5);
        before.actionId = row.optionalInt64(6);
        before.createdAt = row.int64(7);
        before.sourceId = row.text(8);
        // A number names the record of this workspace only if it is that
        // record (a source id names its record whatever its time).
        if (before.sourceId.isEmpty() && has(CreatedAt) && integer(CreatedAt) &&
            *integer(CreatedAt) != before.createdAt) {
            reject(QStringLiteral("id"), id,
                   QStringLiteral("decision %1 of this workspace was created at %2, not %3: "
                                  "this row is another workspace's decision with the same "
                                  "number; give the file's ids a prefix (B-%1) to add it")
                       .arg(id, isoUtc(before.createdAt), isoUtc(*integer(CreatedAt))));
            return;
        }
    }
    review::Decision after = before;
    after.decidedOn = QDate::fromString(text(DecidedOn), Qt::ISODate);
    after.decisionType = text(Type);
    after.owner = text(Owner);
    const auto keepOr = [this](std::size_t column, const QString& old) {
        return has(column) ? text(column) : old;
    };
    after.note = keepOr(Note, before.note);
    after.ticketId = keepOr(TicketId, before.ticketId);
    after.rootCause = keepOr(RootCause, before.rootCause);
    if (has(ActionId)) {
        after.actionId.reset();
        if (!text(ActionId).isEmpty()) {
            after.actionId = findRecord("review_actions", text(ActionId));
            if (!after.actionId) {
                warn(QStringLiteral("action_id"), text(ActionId),
                     QStringLiteral("no action %1 in the workspace (import the actions first); "
                                    "the decision is stored without it")
                         .arg(text(ActionId)));
            }
        }
    }
    if (has(CreatedAt) && integer(CreatedAt)) {
        after.createdAt = *integer(CreatedAt);
    } else if (!stored) {
        after.createdAt = m_now;
    }
    if (stored && after.decidedOn == before.decidedOn &&
        after.decisionType == before.decisionType && after.owner == before.owner &&
        after.note == before.note && after.ticketId == before.ticketId &&
        after.rootCause == before.rootCause && after.actionId == before.actionId &&
        after.createdAt == before.createdAt) {
        count(Outcome::Unchanged);
        return;
    }
    const QString decidedOn = after.decidedOn.toString(Qt::ISODate);
    if (stored) {
        m_db.prepare("UPDATE review_decisions SET decided_on = ?, decision_type = ?, owner = ?, "
                     "note = ?, ticket_id = ?, root_cause = ?, action = ?, created_at = ?, "
                     "batch = ? WHERE id = ?")
            .bindAll(decidedOn, after.decisionType, after.owner, orNull(after.note),
                     orNull(after.ticketId), orNull(after.rootCause), after.actionId,
                     after.createdAt, m_batch, *stored)
            .run();
        count(Outcome::Updated);
        return;
    }
    const auto number = newRecordNumber("review_decisions", id);
    m_db.prepare("INSERT INTO review_decisions(id, decided_on, decision_type, owner, note, "
                 "ticket_id, root_cause, action, created_at, source_id, batch) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(number, decidedOn, after.decisionType, after.owner, orNull(after.note),
                 orNull(after.ticketId), orNull(after.rootCause), after.actionId, after.createdAt,
                 number ? QString() : id, m_batch)
        .run();
    count(Outcome::Inserted);
}

void ReviewFileImport::importAction() {
    using namespace action;
    const QString id = text(Id);
    if (!firstOccurrence(id, QStringLiteral("id"), id)) {
        return;
    }
    const auto stored = findRecord("review_actions", id);
    review::Action before;
    if (stored) {
        before = *review::actionById(m_db, *stored);
        if (has(CreatedAt) && integer(CreatedAt) && *integer(CreatedAt) != before.createdAt &&
            before.sourceId.isEmpty()) {
            reject(QStringLiteral("id"), id,
                   QStringLiteral("action %1 of this workspace was created at %2, not %3: "
                                  "this row is another workspace's action with the same "
                                  "number; give the file's ids a prefix (B-%1) to add it")
                       .arg(id, isoUtc(before.createdAt), isoUtc(*integer(CreatedAt))));
            return;
        }
    }
    review::Action after = before;
    after.title = text(Title);
    after.owner = text(Owner);
    after.deadline = QDate::fromString(text(Deadline), Qt::ISODate);
    if (has(Status) && !text(Status).isEmpty()) {
        if (const auto status = review::readActionStatus(text(Status))) {
            after.status = *status;
        } else {
            warn(QStringLiteral("status"), text(Status),
                 QStringLiteral("'%1' is not an action status (open, in_progress, done, "
                                "dropped); the status is left as it was (open for a new action)")
                     .arg(text(Status)));
        }
    } else if (has(Status)) {
        after.status = review::ActionStatus::Open;
    }
    if (has(RootCause) || has(Cluster)) {
        const QString rootCause = has(RootCause) ? text(RootCause) : QString();
        const QString cluster = has(Cluster) ? text(Cluster) : QString();
        if (!rootCause.isEmpty() && !cluster.isEmpty()) {
            warn(QStringLiteral("cluster"), cluster,
                 QStringLiteral("an action targets one root cause or one cluster; it targets "
                                "the root cause %1")
                     .arg(rootCause));
        }
        after.subjectKind = !rootCause.isEmpty() ? review::ActionSubject::RootCause
                            : !cluster.isEmpty() ? review::ActionSubject::Cluster
                                                 : review::ActionSubject::Other;
        after.subject = !rootCause.isEmpty() ? rootCause : cluster;
    }
    if (has(CreatedAt) && integer(CreatedAt)) {
        after.createdAt = *integer(CreatedAt);
    } else if (!stored) {
        after.createdAt = m_now;
    }
    if (has(ClosedAt)) {
        after.closedAt = integer(ClosedAt);
    }
    if (!after.isClosed() && after.closedAt) {
        warn(QStringLiteral("closed_at"), isoUtc(*after.closedAt),
             QStringLiteral("an action that is not done or dropped has no closing time; "
                            "stored as empty"));
        after.closedAt.reset();
    }
    if (has(Note)) {
        after.note = text(Note);
    }
    if (stored && after.title == before.title && after.owner == before.owner &&
        after.deadline == before.deadline && after.status == before.status &&
        after.subjectKind == before.subjectKind && after.subject == before.subject &&
        after.createdAt == before.createdAt && after.closedAt == before.closedAt &&
        after.note == before.note) {
        count(Outcome::Unchanged);
        return;
    }
    const QString deadline = after.deadline.toString(Qt::ISODate);
    const QString kind = review::actionSubjectName(after.subjectKind);
    const QString status = review::actionStatusName(after.status);
    if (stored) {
        m_db.prepare("UPDATE review_actions SET title = ?, subject_kind = ?, subject = ?, "
                     "owner = ?, deadline = ?, status = ?, created_at = ?, closed_at = ?, "
                     "note = ?, batch = ? WHERE id = ?")
            .bindAll(after.title, kind, orNull(after.subject), after.owner, deadline, status,
                     after.createdAt, after.closedAt, orNull(after.note), m_batch, *stored)
            .run();
        count(Outcome::Updated);
        return;
    }
    const auto number = newRecordNumber("review_actions", id);
    m_db.prepare("INSERT INTO review_actions(id, title, subject_kind, subject, owner, deadline, "
                 "status, created_at, closed_at, note, source_id, batch) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(number, after.title, kind, orNull(after.subject), after.owner, deadline, status,
                 after.createdAt, after.closedAt, orNull(after.note), number ? QString() : id,
                 m_batch)
        .run();
    count(Outcome::Inserted);
}

// ---- Checklist runs ------------------------------------------------------------

std::optional<matrix::Checklist> ReviewFileImport::checklistOfRow(std::int64_t ticketRow,
                                                                  const QString& ticketId) {
    const auto from = integer(tick::FromTier);
    const auto to = integer(tick::ToTier);
    if (from || to) {
        const int toTier = static_cast<int>(to.value_or(*from + 1));
        const int fromTier = static_cast<int>(from.value_or(toTier - 1));
        if (const matrix::Checklist* checklist = m_matrix->checklistFor(fromTier, toTier)) {
            return *checklist;
        }
        reject(QStringLiteral("to_tier"), QString::number(toTier),
               QStringLiteral("the escalation matrix has no checklist from tier %1 to tier %2")
                   .arg(fromTier)
                   .arg(toTier));
        return std::nullopt;
    }
    if (auto checklist = matrix::checklistOfTicket(m_db, *m_matrix, ticketRow)) {
        return checklist;
    }
    reject(QStringLiteral("ticket_id"), ticketId,
           QStringLiteral("ticket %1 has no escalation with a checklist in the matrix; give "
                          "from_tier and to_tier to say which checklist was run")
               .arg(ticketId));
    return std::nullopt;
}

// Helpdesk tags and labels write "logs_attached" for "Logs attached".
QString comparable(const QString& label) {
    QString text = label.trimmed().toLower();
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text.replace(QLatin1Char('-'), QLatin1Char(' '));
    return text.simplified();
}

bool isListSeparator(QChar c) {
    return c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('|') ||
           c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// The items a list value names. Item texts may hold the separators
// ("Error messages, logs or screenshots attached"), so at each position the
// longest item id or text that ends at a separator is taken; any other part
// up to the next separator is not an item (a warning).
std::vector<const matrix::ChecklistItem*>
ReviewFileImport::listedItems(const matrix::Checklist& checklist, const QString& list) {
    std::vector<std::pair<QString, const matrix::ChecklistItem*>> labels;
    for (const matrix::ChecklistItem& item : checklist.items) {
        labels.emplace_back(comparable(item.text), &item);
        labels.emplace_back(comparable(item.id), &item);
    }
    std::stable_sort(labels.begin(), labels.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    const QString value = comparable(list);
    std::vector<const matrix::ChecklistItem*> items;
    qsizetype at = 0;
    while (at < value.size()) {
        while (at < value.size() && (isListSeparator(value[at]) || value[at].isSpace())) {
            ++at;
        }
        if (at >= value.size()) {
            break;
        }
        bool matched = false;
        for (const auto& [label, item] : labels) {
            if (label.isEmpty() || !QStringView(value).mid(at).startsWith(label)) {
                continue;
            }
            qsizetype end = at + label.size();
            while (end < value.size() && value[end].isSpace()) {
                ++end;
            }
            if (end < value.size() && !isListSeparator(value[end])) {
                continue;
            }
            if (std::find(items.begin(), items.end(), item) == items.end()) {
                items.push_back(item);
            }
            at = end;
            matched = true;
            break;
        }
        if (!matched) {
            qsizetype end = at;
            while (end < value.size() && !isListSeparator(value[end])) {
                ++end;
            }
            warn(QStringLiteral("items"), value.mid(at, end - at).trimmed(),
                 QStringLiteral("'%1' is not an item of the %2 checklist; ignored")
                     .arg(value.mid(at, end - at).trimmed(), checklist.name()));
            at = end;
        }
    }
    return items;
}

// A checkbox field's value: ticked, not ticked, or unreadable.
std::optional<bool> ReviewFileImport::checkboxValue(const QString& value) const {
    const QString text = value.trimmed().toLower();
    if (text.isEmpty() || text == QLatin1String("unchecked")) {
        return false;
    }
    if (text == QLatin1String("x") || text == QLatin1String("checked") ||
        text == QStringLiteral("\u2713") || text == QStringLiteral("\u2714")) {
        return true;
    }
    return parseBoolean(text.toStdString());
}

// One row per item always says something; a helpdesk's row only when its
// list or one of its checkbox columns ticks an item.
bool ReviewFileImport::rowTicksAnything(const CsvRecord& record) const {
    if (has(tick::Item)) {
        return true;
    }
    if (has(tick::Items) && !text(tick::Items).isEmpty()) {
        return true;
    }
    for (const int field : m_listFields) {
        if (!trimBlanks(record.fields[static_cast<std::size_t>(field)]).empty()) {
            return true;
        }
    }
    for (const int field : m_itemFields) {
        const auto done =
            checkboxValue(qs(record.fields[static_cast<std::size_t>(field)]).trimmed());
        if (!done || *done) {
            return true; // ticked, or unreadable (which is worth a warning)
        }
    }
    return false;
}

void ReviewFileImport::importChecklistRow(const CsvRecord& record) {
    using namespace tick;
    const QString ticketId = text(TicketId);
    Statement lookup = m_db.prepare("SELECT id FROM tickets WHERE ticket_id = ?");
    lookup.bindAll(ticketId);
    const bool known = lookup.step();
    if (!rowTicksAnything(record)) {
        // A helpdesk export lists every ticket; one whose checklist fields
        // are all empty says something only where ticks are stored (it
        // unticks them).
        Statement ticks = m_db.prepare("SELECT 1 FROM checklist_runs WHERE ticket = ?");
        ticks.bindAll(known ? lookup.int64(0) : std::int64_t{-1});
        if (!known || !ticks.step()) {
            return;
        }
    }
    if (!known) {
        reject(
            QStringLiteral("ticket_id"), ticketId,
            QStringLiteral("no ticket %1 in the workspace: import its ticket first").arg(ticketId));
        return;
    }
    const std::int64_t ticketRow = lookup.int64(0);
    const auto checklist = checklistOfRow(ticketRow, ticketId);
    if (!checklist) {
        return;
    }
    TickChange change;
    if (has(DoneBy)) {
        change.doneBy = text(DoneBy);
    }
    if (has(DoneAt)) {
        change.doneAt = integer(DoneAt);
    }
    if (has(Note)) {
        change.note = text(Note);
    }
    // The key of each tick the row writes, checked before any is written.
    std::vector<std::pair<const matrix::ChecklistItem*, TickChange>> ticks;
    if (has(Item) && !text(Item).isEmpty()) {
        const matrix::ChecklistItem* item = matrix::findChecklistItem(*checklist, text(Item));
        if (!item) {
            QStringList known;
            for (const matrix::ChecklistItem& candidate : checklist->items) {
                known << candidate.id;
            }
            reject(QStringLiteral("item"), text(Item),
                   QStringLiteral("the %1 checklist of ticket %2 has no item '%3' (its items: "
                                  "%4)")
                       .arg(checklist->name(), ticketId, text(Item),
                            known.join(QStringLiteral(", "))));
            return;
        }
        change.done = !has(Done) || !integer(Done) || *integer(Done) != 0;
        ticks.emplace_back(item, change);
    } else if (!has(Items) && m_listFields.empty() && m_itemColumns.empty()) {
        reject(QStringLiteral("item"), {}, QStringLiteral("item is empty"));
        return;
    } else {
        std::set<const matrix::ChecklistItem*> ticked;
        std::set<const matrix::ChecklistItem*> named; // by a column of their own
        const bool listed = has(Items) || !m_listFields.empty();
        if (listed) {
            QStringList parts;
            if (has(Items)) {
                parts << text(Items);
            }
            for (const int field : m_listFields) {
                parts << qs(record.fields[static_cast<std::size_t>(field)]);
            }
            for (const matrix::ChecklistItem* item :
                 listedItems(*checklist, parts.join(QStringLiteral(", ")))) {
                ticked.insert(item);
            }
        }
        for (std::size_t i = 0; i < m_itemColumns.size(); ++i) {
            const matrix::ChecklistItem* item =
                matrix::findChecklistItem(*checklist, m_itemColumns[i].item);
            if (!item) {
                continue; // an item of another transition's checklist
            }
            named.insert(item);
            const QString value =
                qs(record.fields[static_cast<std::size_t>(m_itemFields[i])]).trimmed();
            const auto done = checkboxValue(value);
            if (!done) {
                warn(m_itemColumns[i].column, value,
                     QStringLiteral("'%1' is not a checkbox value (yes/no, true/false, 1/0, x, "
                                    "checked); the item is left as it was")
                         .arg(value));
                named.erase(item);
            } else if (*done) {
                ticked.insert(item);
            }
        }
        for (const matrix::ChecklistItem& item : checklist->items) {
            const bool done = ticked.count(&item) > 0;
            if (!done && !listed && named.count(&item) == 0) {
                continue; // the row says nothing about it
            }
            TickChange itemChange = change;
            itemChange.done = done;
            itemChange.onlyWhereStored = !done;
            ticks.emplace_back(&item, itemChange);
        }
    }
    for (const auto& [item, itemChange] : ticks) {
        const QString key = ticketId + QChar(0x1f) + QString::number(checklist->fromTier) +
                            QChar(0x1f) + QString::number(checklist->toTier) + QChar(0x1f) +
                            item->id;
        const auto [at, inserted] = m_seen.emplace(key, m_line);
        if (!inserted) {
            reject(QStringLiteral("item"), item->id,
                   QStringLiteral("ticket %1's item %2 is also on line %3; the first row is kept")
                       .arg(ticketId, item->id)
                       .arg(at->second));
            return;
        }
    }
    for (const auto& [item, itemChange] : ticks) {
        applyTick(ticketRow, ticketId, *checklist, *item, itemChange);
    }
}

void ReviewFileImport::applyTick(std::int64_t ticketRow, const QString&,
                                 const matrix::Checklist& checklist,
                                 const matrix::ChecklistItem& item, const TickChange& change) {
    Statement row = m_db.prepare(
        "SELECT id, item_text, required, done, done_by, done_at, note FROM checklist_runs "
        "WHERE ticket = ? AND from_tier = ? AND to_tier = ? AND item_id = ?");
    row.bindAll(ticketRow, checklist.fromTier, checklist.toTier, item.id);
    const bool stored = row.step();
    if (!stored && change.onlyWhereStored) {
        return;
    }
    const QString doneBy = change.doneBy.value_or(stored ? row.text(4) : QString());
    const std::optional<UtcSeconds> doneAt =
        change.doneAt.value_or(stored ? row.optionalInt64(5) : std::nullopt);
    const QString note = change.note.value_or(stored ? row.text(6) : QString());
    if (stored) {
        if (row.text(1) == item.text && (row.int64(2) != 0) == item.required &&
            (row.int64(3) != 0) == change.done && row.text(4) == doneBy &&
            row.optionalInt64(5) == doneAt && row.text(6) == note) {
            count(Outcome::Unchanged);
            return;
        }
        m_db.prepare("UPDATE checklist_runs SET item_text = ?, required = ?, done = ?, "
                     "done_by = ?, done_at = ?, note = ?, batch = ? WHERE id = ?")
            .bindAll(item.text, int(item.required), int(change.done), orNull(doneBy), doneAt,
                     orNull(note), m_batch, row.int64(0))
            .run();
        count(Outcome::Updated);
        return;
    }
    m_db.prepare("INSERT INTO checklist_runs(ticket, from_tier, to_tier, item_id, item_text, "
                 "required, done, done_by, done_at, note, batch) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(ticketRow, checklist.fromTier, checklist.toTier, item.id, item.text,
                 int(item.required), int(change.done), orNull(doneBy), doneAt, orNull(note),
                 m_batch)
        .run();
    count(Outcome::Inserted);
}

ImportResult ReviewFileImport::run() {
    QElapsedTimer timer;
    timer.start();
    readHeader();
    m_now = QDateTime::currentSecsSinceEpoch();
    store::Transaction transaction(m_db);
    if (m_options.kind == ImportKind::ChecklistRuns) {
        m_matrix = matrix::loadMatrix(m_db);
    }
    m_batch = recordBatch();
    m_recorder.emplace(m_db);
    ConversionContext context;
    context.kind = m_options.kind;
    context.sourceZone = m_options.sourceZone;
    context.farFuture = farFutureFromNow();
    context.damagedUtf8 = m_dialect.damagedUtf8;
    m_converter.emplace(m_header, std::move(context));
    CsvReader reader(m_path, m_dialect);
    reader.setComputeSha256(true);
    reader.setCancelFlag(m_options.cancel);
    if (m_options.progress) {
        reader.setProgressHandler(m_options.progress);
    }
    try {
        reader.read([this](const CsvRecord& record) { return handleRecord(record); });
    } catch (const CsvError& error) {
        refuse(error.line(), {}, error.message());
    } catch (const ReadCancelled&) {
        throw ImportCancelled{};
    }
    if (m_rows == 0) {
        refuse(m_header.headerLine(), {},
               QStringLiteral("the file has a header row but no data rows; nothing to import"));
    }
    ImportResult result;
    result.batch = m_batch;
    result.kind = m_options.kind;
    result.file = m_path;
    result.rows = m_rows;
    recordCounts(result, m_counts);
    result.sha256Hex = reader.sha256Hex();
    result.dialect = m_dialect;
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    recordBatchTotals(m_db, result);
    transaction.commit();
    return result;
}

} // namespace

QString unquotedSpreadsheetCell(const QString& text) {
    if (text.size() >= 2 && text.front() == QLatin1Char('\'')) {
        const QChar next = text.at(1);
        if (next == QLatin1Char('=') || next == QLatin1Char('+') || next == QLatin1Char('-') ||
            next == QLatin1Char('@') || next == QLatin1Char('\t')) {
            return text.mid(1);
        }
    }
    return text;
}

ImportResult importReviewCsv(store::Database& db, const QString& path, const ImportOptions& options,
                             const ChecklistColumns& columns) {
    if (!isReviewKind(options.kind)) {
        throw ImportRefused(
            path, 0, {},
            QStringLiteral("%1 files are not review records").arg(importKindName(options.kind)));
    }
    try {
        ReviewFileImport import(db, path, options, columns, false);
        return import.run();
    } catch (const NotUtf8&) {
        // Not UTF-8 past the sample: the transaction has rolled back; read
        // the whole file again as the other importers do.
    }
    ReviewFileImport import(db, path, options, columns, true);
    return import.run();
}

} // namespace escdesk::import
